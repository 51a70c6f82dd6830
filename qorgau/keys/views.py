from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .emergency import panic

CONFIRMATION = "PANIC"


@never_cache
@require_http_methods(["GET", "POST"])
def panic_page(request):
    """Administrators only: a form that asks to type PANIC; POST locks everything (see docs/security.md)."""
    if not request.user.is_authenticated or not request.user.can("admin"):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm", "").strip() == CONFIRMATION:
            done, warnings = panic(actor=request.user)
            logout(request)
            return render(request, "keys/panicked.html", {"done": done, "warnings": warnings})
        error = _("Type %(confirmation)s to confirm") % {"confirmation": CONFIRMATION}
    return render(request, "keys/panic.html", {"error": error, "confirmation": CONFIRMATION})
