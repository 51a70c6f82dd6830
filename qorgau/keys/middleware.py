from django.http import HttpResponse
from django.utils.translation import gettext as _

from . import keyring


class LockedMiddleware:
    """After `qorgau panic` every page answers 503 until `qorgau unlock`, instead of failing half-way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if keyring.is_locked() and not request.path.startswith("/static/"):
            response = HttpResponse(_("Qorgau is locked. An administrator with the master key can unlock it."),
                                    status=503, content_type="text/plain; charset=utf-8")
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
