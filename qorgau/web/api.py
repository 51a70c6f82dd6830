"""The read API: every record type at the reader's level, cursor pagination, the lists' filters, one error shape.

`/api/` describes it (OpenAPI 3: JSON to `Accept: application/json` or `?format=json`, a readable page otherwise).
A request reads as its signed-in user, or as the user of an API token (`Authorization: Bearer qgt_…`), always at
that user's level: rows come from `visible_to(user)` and every value goes through the read policy (`Seen`), so a
hidden record is `null` or absent and a field above the reader's level is empty. Errors:
`{"error": {"code": …, "message": …}}` (`qorgau.web.views.api_error`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from qorgau.lib.dates import partial_date_order
from qorgau.records import indexing
from qorgau.records.policy import Reader, Seen, note_reads, render

from . import actions as tokens, listing
from .views import api_error

DEFAULT_LIMIT, MAX_LIMIT = 50, 200
CURSOR_SALT = "qorgau.api.cursor"


def _models():
    from qorgau.analysis.models import PrisonerList
    from qorgau.documents.models import Document
    from qorgau.records.models import Act, Event, Organisation, Person, Place, Provision

    return {"persons": Person, "acts": Act, "events": Event, "documents": Document, "organisations": Organisation,
            "places": Place, "provisions": Provision, "lists": PrisonerList}


# What each record type shows: plain fields, links (as the linked record's id), and extras.
FIELDS = {
    "persons": ["name", "gender", "birth_year", "roles", "consent", "home_place"],
    "acts": ["act_type", "date", "date_end", "status", "review", "description", "place", "event", "penalty_kind",
             "penalty_amount", "penalty_unit", "court"],
    "events": ["title", "event_type", "start", "end", "description"],
    "documents": ["title", "kind", "published", "language", "url", "reference", "publisher", "reliability"],
    "organisations": ["name", "kind", "place", "parent", "url"],
    "places": ["name", "kind", "parent", "latitude", "longitude"],
    "provisions": ["code", "article", "part", "edition", "title_en", "title_ru", "title_kk"],
    "lists": ["slug", "title", "organisation", "description"],
}
STAFF_FIELDS = {"consent", "review"}
FILTERED_LIKE_THE_LISTS = {"persons", "acts"}


class ApiProblem(Exception):
    def __init__(self, code, message, status):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def _authenticate(request):
    header = request.headers.get("Authorization", "")
    if not header:
        return
    kind, _sep, raw = header.partition(" ")
    user = tokens.user_for_token(raw.strip()) if kind.lower() == "bearer" else None
    if user is None:
        raise ApiProblem("unauthorised", _("This token is not valid, or was revoked."), 401)
    request.user = user


def api_view(function):
    def view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return api_error("method_not_allowed", _("The API only reads: use GET."), 405)
        try:
            _authenticate(request)
            return function(request, *args, **kwargs)
        except ApiProblem as problem:
            return api_error(problem.code, problem.message, problem.status)
        except Http404:
            return api_error("not_found", _("Not found."), 404)
    view.__name__ = function.__name__
    view.__doc__ = function.__doc__
    return view


# Serialising through the read policy -------------------------------------------------------------------------

def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool, list, dict)):
        return value
    return str(value)


def as_json(kind, record, reader):
    seen = Seen(record, reader)
    out = {"id": record.uid}
    for name in FIELDS[kind]:
        if name in STAFF_FIELDS and not reader.authenticated:
            continue
        field = record._meta.get_field(name)
        if field.is_relation:
            linked = getattr(seen, name)
            out[name] = linked.uid if linked is not None else None
        else:
            out[name] = _plain(getattr(seen, name))
    if hasattr(record, "names") and kind != "acts":
        out["names"] = [n.name for n in seen.names.all()]
    if kind == "acts":
        victim = seen.victim_person or seen.victim_organisation
        out["group"] = seen.group  # from the type the reader may read (a hidden type has no group)
        out["victim"] = {"id": victim.uid, "name": victim.name} if victim is not None else None
        out["provisions"] = [{"id": ap.provision.uid, "relation": ap.relation} for ap in seen.act_provisions.all()]
    if kind == "events":
        out["places"] = [p.uid for p in seen.places.all()]
    out["sensitivity"] = record.sensitivity
    return out


def _entries_json(prisoner_list, reader):
    # In public, the entries of people who granted consent only, as on the list's page.
    entries = listing.list_entries_for(reader.user).filter(prisoner_list=prisoner_list).select_related("person")
    # A field the entry keeps above the reader's level is null (as any record's field in this API).
    return [{"person": e.person.uid, "status": e.seen_status or None, "date_added": e.seen_added or None,
             "date_removed": e.seen_removed or None} for e in entries if reader.sees(e.person)]


# Querysets -----------------------------------------------------------------------------------------------------

def _queryset(kind, request):
    model = _models()[kind]
    user = request.user
    filters = listing.Filters.from_request(request)
    if kind == "persons":
        return listing.filtered_persons(user, filters).prefetch_related("names"), filters
    if kind == "acts":
        return (listing.filtered_acts(user, filters).select_related("victim_person", "victim_organisation")
                .prefetch_related("act_provisions__provision"), filters)
    records = model.objects.visible_to(user)
    if filters.get("q"):
        if kind == "lists":
            records = records.filter(title__icontains=filters.get("q"))
        else:
            records = records.filter(id__in=indexing.matching_record_ids(model.__name__.lower(), filters.get("q"), user))
    if filters.get("sensitivity"):
        records = records.filter(sensitivity=filters.get("sensitivity"))
    if kind == "events":
        records = records.prefetch_related("places")
    if hasattr(model, "names") and kind not in ("acts",):
        records = records.prefetch_related("names")
    return records, filters


def _limit(request):
    raw = request.GET.get("limit", "")
    if not raw:
        return DEFAULT_LIMIT
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise ApiProblem("bad_limit", _("limit is a number from 1 to %(max)d.") % {"max": MAX_LIMIT}, 400)
    return int(raw)


def _cursor(request):
    raw = request.GET.get("cursor", "")
    if not raw:
        return {}
    try:
        value = signing.loads(raw, salt=CURSOR_SALT)
    except signing.BadSignature:
        raise ApiProblem("bad_cursor", _("This cursor was not made by this API; start again without one."),
                         400) from None
    if not isinstance(value, dict) or not set(value) <= {"after", "o"}:  # one of before session 13: {"a": number}
        raise ApiProblem("bad_cursor", _("This cursor was not made by this API; start again without one."), 400)
    return value


@api_view
def record_list(request, kind):
    if kind not in FIELDS:
        raise Http404
    if any(len(value) > 200 for value in request.GET.values()):
        raise ApiProblem("query_too_long", _("Ask with at most 200 characters."), 400)
    limit, cursor = _limit(request), _cursor(request)
    records, filters = _queryset(kind, request)
    model = _models()[kind]
    links = [name for name in FIELDS[kind] if model._meta.get_field(name).is_relation]
    records = records.select_related(*links)  # one query for the page, not one per linked record
    if kind == "persons" and filters.get("q"):
        # Ranked by how well the names match: the cursor is a position in that order.
        offset = int(cursor.get("o", 0))
        rows = list(indexing.ranked(records, "person", filters.get("q"), request.user)[offset:offset + limit + 1])
        following = {"o": offset + limit}
    else:
        # The cursor names the last row by its id, never by its number in the table: Django's signed cursor is
        # readable by whoever holds it, and numbers would tell how many records the reader may not see lie between
        # two it may (s13 audit). The row is found again whatever its level now, so a page boundary does not move.
        if cursor.get("after") is not None:
            after = model._base_manager.filter(uid=str(cursor["after"])).values_list("pk", flat=True).first()
            if after is None:
                raise ApiProblem("bad_cursor", _("This cursor was not made by this API; start again without one."),
                                 400)
            records = records.filter(id__gt=after)
        rows = list(records.order_by("id")[:limit + 1])
        following = {"after": rows[limit - 1].uid} if len(rows) > limit else None
    more = len(rows) > limit
    rows = rows[:limit]
    reader = Reader(request.user)
    results = [as_json(kind, row, reader) for row in rows if reader.sees(row)]
    response = JsonResponse({"results": results,
                             "next": signing.dumps(following, salt=CURSOR_SALT) if more else None})
    note_reads(reader, request.get_full_path())
    return response


@api_view
def record_detail(request, kind, uid):
    if kind not in FIELDS:
        raise Http404
    model = _models()[kind]
    record = model.objects.visible_to(request.user).filter(uid=uid).first()
    reader = Reader(request.user)
    if record is None or not reader.sees(record):
        return api_error("not_found", _("No such person.") if kind == "persons" else _("No such record."), 404)
    data = as_json(kind, record, reader)
    if kind == "persons":
        from qorgau.records.models import Act

        contact = Seen(record, reader).contact  # empty unless the reader may read it (confidential by default)
        if contact:
            data["contact"] = contact

        acts = Act.objects.visible_to(request.user).filter(victim_person=record).order_by(*partial_date_order("date", reader=request.user), "id") \
            .prefetch_related("act_provisions__provision")
        data["acts"] = [as_json("acts", act, reader) for act in acts if reader.sees(act)]
    if kind == "lists":
        data["entries"] = _entries_json(record, reader)
    response = JsonResponse(data)
    note_reads(reader, request.path)
    return response


# The description ------------------------------------------------------------------------------------------------

FILTER_DOCS = {
    "q": "words of a name or title (any spelling)", "type": "act type (detained, arrested, …)",
    "group": "act group (DEPRIVATION, PROSECUTION, PENALTY, RELEASE, HARASSMENT, VIOLENCE, ORGANISATION)",
    "article": "a provision id (CC-174); its parts are included", "place": "a place id; places within it included",
    "from": "acts on or after a partial date (2018, 2018-03)", "to": "acts on or before a partial date",
    "role": "a person role (activist, journalist, …)", "sensitivity": "public, internal or confidential (staff)",
    "review": "an act's review state (staff)", "list": "on this list (its slug), not removed",
    "consent": "consent to publication: unknown, granted, refused (staff)",
}


def openapi(request=None):
    def param(name, description, schema="string"):
        return {"name": name, "in": "query", "required": False, "description": description,
                "schema": {"type": schema}}

    error = {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    paths = {}
    for kind, fields in FIELDS.items():
        common = [param("cursor", "the `next` of the previous page"),
                  param("limit", f"rows per page, 1–{MAX_LIMIT} (default {DEFAULT_LIMIT})", "integer")]
        keys = listing.FILTER_KEYS if kind in FILTERED_LIKE_THE_LISTS else ("q", "sensitivity")
        filters = [param(key, FILTER_DOCS[key]) for key in keys]
        schema = {"$ref": f"#/components/schemas/{kind}"}
        paths[f"/api/{kind}/"] = {"get": {
            "summary": f"{kind.title()} the reader may see, oldest first (by relevance with q for persons)",
            "operationId": f"list_{kind}", "parameters": common + filters,
            "responses": {"200": {"description": "A page", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"results": {"type": "array", "items": schema},
                                                 "next": {"type": "string", "nullable": True}}}}}},
                          "400": error, "401": error}}}
        paths[f"/api/{kind}/{{id}}/"] = {"get": {
            "summary": f"One of the {kind}", "operationId": f"get_{kind}",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "The record", "content": {"application/json": {"schema": schema}}},
                          "401": error, "404": error}}}
    schemas = {"Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
        "code": {"type": "string"}, "message": {"type": "string"}}}}}}
    for kind, fields in FIELDS.items():
        schemas[kind] = {"type": "object", "properties": {
            "id": {"type": "string"}, **{name: {} for name in fields}, "sensitivity": {"type": "string"}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Qorgau read API", "version": "1",
                 "description": "Read-only, at the reader's level: anonymous readers see public records (and "
                                "accepted acts), staff internal ones, cleared staff everything. Hidden links are "
                                "null; fields above the reader's level are empty. Pages: follow `next` (a cursor)."},
        "paths": paths,
        "components": {"schemas": schemas,
                       "securitySchemes": {"token": {"type": "http", "scheme": "bearer",
                                                     "description": "qorgau users token NAME, or /api/tokens/"}}},
        "security": [{}, {"token": []}],
    }


def index(request):
    accept = request.headers.get("Accept", "")
    if request.GET.get("format") == "json" or ("application/json" in accept and "text/html" not in accept):
        return JsonResponse(openapi(request))
    description = openapi(request)
    endpoints = [(path, operation["get"]["summary"], [p for p in operation["get"]["parameters"] if p["in"] == "query"])
                 for path, operation in description["paths"].items()]
    return render(request, "web/api.html", {"endpoints": endpoints, "fields": FIELDS})


# Tokens page -----------------------------------------------------------------------------------------------------

@login_required
def token_page(request):
    from .models import ApiToken

    shown = None
    if request.method == "POST":
        if request.POST.get("revoke"):
            token = ApiToken.objects.filter(user=request.user, pk=request.POST.get("revoke")).first()
            if token is None:
                raise Http404
            tokens.do_revoke_token(token, actor=request.user)
            messages.success(request, _("Token revoked."))
            return redirect("web:api_tokens")
        _token, shown = tokens.do_create_token(request.user, actor=request.user,
                                               label=request.POST.get("label", "").strip())
    return render(request, "web/api_tokens.html", {
        "shown": shown, "tokens": list(ApiToken.objects.filter(user=request.user))})
