"""Requests refused before any view: a NUL character in the query string.

PostgreSQL text cannot hold NUL, so a search or filter carrying one (`?q=%00`) ended in a DataError and a 500 on
PostgreSQL (SQLite answered). No name, date or code we keep holds one: the request is refused with a 400.
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


def refuse_nul(get_response):
    def middleware(request):
        # The decoded parameters: "%00" and a raw NUL both arrive here as "\x00".
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            return HttpResponseBadRequest(_("A request may not contain a NUL character."),
                                          content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware
