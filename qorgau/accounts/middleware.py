"""Middleware for sessions and responses of signed-in staff.

- session_timeouts: signs a session out after QORGAU_SESSION_IDLE_MINUTES without a request, and
  QORGAU_SESSION_MAX_HOURS after signing in.
- two_factor_required: until a second factor is checked, a user who needs one reaches only the sign-in steps.
- no_store: no signed-in page, and no download, is kept by the browser's or a proxy's cache.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from qorgau.audit.log import write_entry

from . import twofactor

SIGNED_IN_AT = "qorgau_signed_in_at"
LAST_SEEN = "qorgau_last_seen"
# The last-seen time is written at most this often (seconds), so most requests write nothing to the session.
LAST_SEEN_PRECISION = 60


@receiver(user_logged_in)
def _start_session_clock(sender, request, user, **kwargs):
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


def session_timeouts(get_response):
    def middleware(request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            signed_in = session.setdefault(SIGNED_IN_AT, now)
            last_seen = session.setdefault(LAST_SEEN, now)
            idle = now - last_seen > settings.QORGAU_SESSION_IDLE_MINUTES * 60
            expired = now - signed_in > settings.QORGAU_SESSION_MAX_HOURS * 3600
            if idle or expired:
                user = request.user
                logout(request)
                write_entry("session_timeout", actor=user, record_type="User", record_uid=user.get_username(),
                            changes={"reason": "idle" if idle else "maximum length"})
                return redirect(f"{reverse('web:login')}?{urlencode({'next': request.path, 'expired': 1})}")
            if now - last_seen >= LAST_SEEN_PRECISION:
                session[LAST_SEEN] = now
        return get_response(request)
    return middleware


# Pages an unverified user may reach: the sign-in steps, signing out, choosing a language.
TWO_FACTOR_OPEN = ("web:login", "web:logout", "web:login_verify", "web:login_enrol", "set_language")


def two_factor_required(get_response):
    open_paths = None

    def middleware(request):
        nonlocal open_paths
        user = request.user
        if user.is_authenticated and not user.is_verified() and twofactor.asks_for_code(user):
            if open_paths is None:
                open_paths = {reverse(name) for name in TWO_FACTOR_OPEN}
            if request.path not in open_paths and not request.path.startswith(settings.STATIC_URL):
                step = "web:login_verify" if twofactor.enrolled(user) else "web:login_enrol"
                return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return get_response(request)
    return middleware


def no_store(get_response):
    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        download = response.has_header("Content-Disposition") or response.get("Content-Type", "").startswith(
            ("application/pdf", "application/octet-stream", "application/vnd.", "application/zip"))
        if download or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)  # Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private
            patch_vary_headers(response, ["Cookie"])
        return response
    return middleware


def user_language(get_response):
    """A signed-in user reads the interface in the language saved on their account (set when they switch), in any
    browser; the language cookie is set to it so that signing out keeps it."""
    from django.utils import translation

    languages = dict(settings.LANGUAGES)

    def middleware(request):
        chosen = getattr(getattr(request, "user", None), "language", "") \
            if getattr(request, "user", None) is not None and request.user.is_authenticated else ""
        if chosen in languages:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = get_response(request)
        user = getattr(request, "user", None)
        chosen = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
        if chosen in languages and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, chosen, max_age=settings.LANGUAGE_COOKIE_AGE,
                                path=settings.LANGUAGE_COOKIE_PATH, secure=settings.LANGUAGE_COOKIE_SECURE,
                                httponly=settings.LANGUAGE_COOKIE_HTTPONLY, samesite=settings.LANGUAGE_COOKIE_SAMESITE)
        return response
    return middleware
