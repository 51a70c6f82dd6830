"""The public reporting endpoint's short path, for a campaign going viral.

A supporter's report (POST /act/<uid>/report/) needs no session, no signed-in user, no second factor, no sign-in
lockout check and no messages. This middleware sits right after the security headers (SecurityMiddleware, CSP,
no_store) and the panic lock (LockedMiddleware), so every response still carries those headers and a locked
Qorgau still answers 503; the middlewares after it are skipped for a valid report only:

1. the CSRF check, Django's own (CsrfViewMiddleware: the form's token against the cookie, and the Referer on HTTPS);
2. the form, checked here with the same rules as ReportForm;
3. one statement (PostgreSQL) or one short transaction (SQLite) that counts the client in the counter all worker
   processes share and stores the report if the client is within the cap — committed before the answer, so an
   acknowledged report is never lost (actions.report_action_counted);
4. "303 See Other" to the action page's thanks.

Everything else goes the usual way, through every middleware to views.report: a CSRF failure, invalid input, an
unknown, confidential or closed Urgent Action (nothing was counted for those, so the view counts and answers as
always), and a client over the cap (already counted here: the view only answers 429, in the visitor's language).
"""

import re

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware

from . import actions, ratelimit
from .models import Channel
from qorgau.throttle import store

REPORT_PATH = re.compile(r"^/act/([^/]+)/report/$")
CHANNELS = frozenset(Channel.values)
COUNT = re.compile(r"^\s*(\d{1,3})\s*$")
COUNTRY = re.compile(r"^[A-Za-z]{2}$")
# Set on the request for views.report when this path has already counted the client.
OUTCOME = "_qorgau_report_outcome"


class _CsrfCheck(CsrfViewMiddleware):
    """Django's CSRF check; a refusal is left to the full stack, which checks again, logs and answers 403."""

    def _reject(self, request, reason):
        return False


def clean_report(data):
    """The report's fields as ReportForm would clean them, or None when the form would have something to say."""
    channel = data.get("channel", "")
    count = COUNT.match(data.get("count", ""))
    country = data.get("country", "").strip()
    if channel not in CHANNELS or count is None or not 1 <= int(count.group(1)) <= actions.MAX_COUNT:
        return None
    if country and not COUNTRY.match(country):
        return None
    return {"channel": channel, "count": int(count.group(1)), "country": country.upper()}


def report_fast_path(get_response):
    from .views import report  # the view the CSRF check is for (not exempt)

    csrf = _CsrfCheck(get_response)

    def middleware(request):
        match = REPORT_PATH.match(request.path_info) if request.method == "POST" else None
        if match is None:
            return get_response(request)
        request.user = AnonymousUser()  # reports are anonymous; and an error page can be drawn from here
        csrf.process_request(request)
        if csrf.process_view(request, report, (match.group(1),), {}) is not None:
            return get_response(request)
        fields = clean_report(request.POST)
        if fields is None:
            return get_response(request)
        uid = match.group(1)
        limit, window = settings.QORGAU_REPORT_RATE
        key, expires = ratelimit.counter_key(request, f"report:{uid}", window)
        outcome = actions.report_action_counted(uid, key=key, expires=expires, limit=limit, **fields)
        store.maybe_sweep()
        if outcome != actions.ACCEPTED:
            if outcome == actions.LIMITED:
                setattr(request, OUTCOME, outcome)
            return get_response(request)
        # The thanks travel in the address rather than a signed cookie: cheaper, and nothing to store.
        response = HttpResponseRedirect(request.path[: -len("report/")] + "?reported=1#report")
        response.status_code = 303  # "see other": a reload does not post the report again
        response["Content-Length"] = "0"  # as CommonMiddleware would: the connection can be kept alive
        return response

    return middleware
