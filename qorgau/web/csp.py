"""django-csp's middleware, with the policy built once instead of for every response.

No Qorgau page uses a nonce or a per-view policy (decorators), so every response carries the same header;
building it from the settings took about a sixth of a supporter's report. A response or request that does use
them takes django-csp's own path; changing the settings (tests) forgets the built headers.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

_OVERRIDES = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
_built = {}


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting == "DEBUG":
        _built.clear()


def _headers():
    """[(header, value, settings name)] of the settings' policies, built once."""
    if "headers" not in _built:
        _built["headers"] = [(name, value, setting) for name, value, setting in (
            (HEADER, build_policy(), "CONTENT_SECURITY_POLICY"),
            (HEADER_REPORT_ONLY, build_policy(report_only=True), "CONTENT_SECURITY_POLICY_REPORT_ONLY")) if value]
    return _built["headers"]


class CSPMiddleware(DjangoCSPMiddleware):
    def process_response(self, request, response):
        if (getattr(request, "_csp_nonce", None) is not None or settings.DEBUG
                or any(getattr(response, name, None) is not None for name in _OVERRIDES)):
            return super().process_response(request, response)
        for header, value, setting in _headers():
            exempt = getattr(response, "_csp_exempt" if header == HEADER else "_csp_exempt_ro", False)
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if header not in response and not exempt and not request.path_info.startswith(tuple(prefixes)):
                response[header] = value
        if getattr(request, "_csp_nonce", None) is None:  # as django-csp: a nonce asked for after this is an error
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
