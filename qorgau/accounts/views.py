"""Sign-in: the password step, the second step (a code from an app or a recovery code), enrolment.

Every success and failure is written to the audit log; lockouts come from django-axes (see settings).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from qorgau.audit.log import write_entry

from . import actions, twofactor


def safe_next(request, fallback="web:dashboard"):
    """The `next` address of this request if it stays on this site, else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # An address only: a word without a slash ("per_x", "web:person") would be taken for a view's name by
    # redirect() and answer 500 (session 17 audit).
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return reverse(fallback) if ":" in fallback else fallback


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["expired"] = self.request.GET.get("expired") == "1"
        context["idle_minutes"] = settings.QORGAU_SESSION_IDLE_MINUTES
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        write_entry("login", actor=user, record_type="User", record_uid=user.get_username())
        if twofactor.asks_for_code(user):
            step = "web:login_verify" if twofactor.enrolled(user) else "web:login_enrol"
            return redirect(f"{reverse(step)}?{urlencode({'next': self.get_success_url()})}")
        return response


def _done(request):
    return redirect(safe_next(request))


@login_required
def verify(request):
    """The second step: a 6-digit code from the app, or one of the recovery codes."""
    user = request.user
    if user.is_verified() or not twofactor.asks_for_code(user):
        return _done(request)
    if not twofactor.enrolled(user):
        return redirect(f"{reverse('web:login_enrol')}?{urlencode({'next': safe_next(request)})}")
    error = None
    if request.method == "POST":
        device = twofactor.verify(user, request.POST.get("code", ""))
        if device is not None:
            otp_login(request, device)
            recovery = isinstance(device, StaticDevice)
            write_entry("login_verified", actor=user, record_type="User", record_uid=user.get_username(),
                        changes={"with": "recovery code" if recovery else "authenticator app"})
            if recovery:
                left = twofactor.remaining_recovery_codes(user)
                messages.warning(request, ngettext(
                    "You signed in with a recovery code; %(n)d is left.",
                    "You signed in with a recovery code; %(n)d are left.", left) % {"n": left})
            return _done(request)
        write_entry("login_second_factor_failed", actor=user, record_type="User", record_uid=user.get_username())
        error = _("That code is not right, or it was used already. Wait for the next code and try again.")
    return render(request, "accounts/verify.html", {"error": error, "next": safe_next(request)},
                  status=400 if error else 200)


@login_required
def enrol(request):
    """Enrolment: scan the QR code with an authenticator app, type the code it shows; get recovery codes."""
    user = request.user
    if twofactor.enrolled(user):
        return redirect(f"{reverse('web:login_verify')}?{urlencode({'next': safe_next(request)})}")
    device = twofactor.pending_app(user)
    error = None
    if request.method == "POST":
        if device.verify_token("".join(request.POST.get("code", "").split())[:8]):
            codes = actions.do_enrol_two_factor(user, device, actor=user)
            otp_login(request, device)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": safe_next(request)})
        write_entry("two_factor_enrolment_failed", actor=user, record_type="User", record_uid=user.get_username())
        error = _("That code is not right. Check the time on your phone, wait for the next code and try again.")
    uri = twofactor.provisioning_uri(device)
    return render(request, "accounts/enrol.html", {
        "qr": twofactor.qr_svg(uri), "secret": twofactor.secret_base32(device), "error": error,
        "required": twofactor.required_for(user), "next": safe_next(request)}, status=400 if error else 200)


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers while an account or a client is locked out."""
    minutes = int(round(settings.AXES_COOLOFF_TIME * 60))
    return render(request, "web/error.html", {
        "title": _("Sign-in is locked for now"),
        "message": _("There were too many wrong passwords for this account or from this connection. Try again in "
                     "%(minutes)d minutes, or ask an administrator to unlock it.") % {"minutes": minutes}},
        status=429)


def set_language(request):
    """Django's language switch, and, for a signed-in user, the choice remembered on their account (applied by
    the `user_language` middleware at every sign-in, on any browser)."""
    from django.views.i18n import set_language as switch

    response = switch(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated and language in dict(settings.LANGUAGES):
        actions.do_set_language(request.user, language=language, actor=request.user)
    return response
