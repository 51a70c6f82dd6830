"""Requests refused before any view: a NUL character in the query string or in a submitted form.

PostgreSQL text cannot hold NUL, so a search or filter carrying one (`?q=%00`) ended in a DataError and a 500 on
PostgreSQL (SQLite answered), and so did a form field carrying one (a person's name, a briefing's list, a chart's
title). No name, date, code or text we keep holds one: the request is refused with a 400 before any view reads it,
so nothing is written. Uploaded files are bytes and may hold anything; their names may not.
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


def _holds_nul(parameters):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in parameters.lists())


def _posted(request):
    """The submitted form's fields and file names, or None when the body is not a form Django can read (the view
    answers that as before)."""
    if request.method != "POST":
        return None
    try:
        # The body first: a body over DATA_UPLOAD_MAX_MEMORY_SIZE is refused here before a byte is read, so the
        # stream is left whole for the view (whose own answer to an oversized form stands); parsing a multipart
        # stream straight away would consume part of it before finding it too large.
        request.body
    except Exception:
        return None
    try:
        return request.POST, request.FILES
    except Exception:  # a malformed or too large body: the view's own handling answers it
        return None


def refuse_nul(get_response):
    def middleware(request):
        # The decoded parameters: "%00" and a raw NUL both arrive here as "\x00".
        refused = _holds_nul(request.GET)
        posted = None if refused else _posted(request)
        if posted is not None:
            fields, files = posted
            refused = _holds_nul(fields) or any("\x00" in (upload.name or "") or "\x00" in key
                                                for key, upload in files.items())
        if refused:
            return HttpResponseBadRequest(_("A request may not contain a NUL character."),
                                          content_type="text/plain; charset=utf-8")
        return get_response(request)

    return middleware
