"""Home, dashboard, sign-in and the JSON API: pages that belong to no single record type."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from qorgau.campaigns.models import UrgentAction
from qorgau.documents.views import awaiting_review
from qorgau.records.models import Person
from qorgau.lib.sensitivity import seen_value
from qorgau.records.policy import render
from qorgau.records.queries import deprived_of_liberty, timeline_acts


def home(request):
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    context = {
        # A date kept above the visitor's level does not place its act among the recent ones.
        "recent_acts": timeline_acts(request.user).annotate(seen_date=seen_value("date", request.user))
        .order_by("-seen_date", "-id")[:15],
        "urgent_actions": UrgentAction.objects.visible_to(request.user)
        .order_by(seen_value("issued", request.user).desc(), "-id")[:10],
        "person_count": Person.objects.visible_to(request.user).count(),
    }
    return render(request, "web/home.html", context)


@login_required
def dashboard(request):
    context = {
        "recent_acts": timeline_acts(request.user).order_by("-created_at", "-id")[:15],
        "deprived": deprived_of_liberty(request.user),
        "awaiting": awaiting_review(request.user)[:20],
        "urgent_actions": UrgentAction.objects.visible_to(request.user)
        .order_by(seen_value("issued", request.user).desc(), "-id")[:10],
    }
    return render(request, "web/dashboard.html", context)


# JSON API: one error shape for every endpoint: {"error": {"code": …, "message": …}}.

def api_error(code, message, status):
    return JsonResponse({"error": {"code": code, "message": str(message)}}, status=status)


def not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return api_error("not_found", _("Not found."), 404)
    return render(request, "web/error.html", {"title": _("Not found"),
                                              "message": _("There is nothing here, or you may not see it.")}, status=404)


def forbidden(request, exception=None):
    if request.path.startswith("/api/"):
        return api_error("forbidden", _("Not allowed."), 403)
    return render(request, "web/error.html", {"title": _("Not allowed"), "message": str(exception or "")}, status=403)


def server_error(request):
    if request.path.startswith("/api/"):
        return api_error("server_error", _("Something went wrong; nothing was changed."), 500)
    return render(request, "web/error.html", {"title": _("Something went wrong"),
                                              "message": _("Nothing was changed. Please try again.")}, status=500)



def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the icon."""
    from django.templatetags.static import static

    return redirect(static("qorgau/favicon.svg"), permanent=True)


@login_required
def password_change(request):
    """Change one's own password: the current one (wrong tries count towards the sign-in lockout), the new one twice,
    held to the password rules. Every other session of the account ends and its read-API tokens are revoked: a
    password changed because someone else may know it must not leave them signed in."""
    from django.contrib import messages
    from django.contrib.auth import authenticate, update_session_auth_hash
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.db import transaction
    from django.shortcuts import render as render_page
    from django.utils.translation import gettext

    from qorgau.accounts import actions as accounts
    from qorgau.accounts.views import locked_out

    from . import actions as tokens
    from .models import ApiToken

    user, errors = request.user, {}
    if request.method == "POST":
        current, new, again = (request.POST.get(key, "")[:4096] for key in ("current", "new", "again"))
        try:
            checked = authenticate(request, username=user.get_username(), password=current)
        except PermissionDenied:
            checked = None
        if getattr(request, "axes_locked_out", False):
            return locked_out(request)
        if checked is None or checked.pk != user.pk:
            errors["current"] = gettext("That is not your current password: nothing was changed.")
        elif new != again:
            errors["again"] = gettext("The two new passwords differ: nothing was changed.")
        elif new == current:
            errors["new"] = gettext("The new password is the same as the current one: nothing was changed.")
        else:
            try:
                with transaction.atomic():
                    ended = accounts.do_change_password(user, password=new, actor=user,
                                                        keep_session=request.session.session_key)
                    revoked = tokens.do_revoke_tokens_of(user, actor=user)
            except ValidationError as error:
                errors["new"] = " ".join(error.messages)
            else:
                update_session_auth_hash(request, user)  # this session stays signed in
                messages.success(request, gettext(
                    "Your password is changed. Other sessions ended: %(sessions)d; read-API tokens revoked: "
                    "%(tokens)d.") % {"sessions": ended, "tokens": revoked})
                return redirect("web:password_change")
    live = ApiToken.objects.filter(user=user, revoked_at__isnull=True).count()
    return render_page(request, "accounts/password_change.html", {"errors": errors, "live_tokens": live},
                       status=400 if errors else 200)
