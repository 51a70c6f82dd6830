"""Filtered lists: filters and facets with counts, sortable columns, and exports of any filtered list.

The filters live in the URL (`/persons/?group=DEPRIVATION&article=CC-174&from=2020&sort=-acts`), so a view can be
shared and bookmarked; the same query string on `/export/persons.xlsx` downloads what the list shows. Everything
starts from `visible_to(reader)` and every value written goes through the read policy (`Seen`), so a list, its
counts and its export hold only what the reader may see. Facet counts are grouped queries over the filtered rows
(a fixed number of queries whatever the number of rows); a page of rows is one query plus its prefetches.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.utils.translation import gettext_lazy

from qorgau.lib.sensitivity import readable, seen_value
from qorgau.records import indexing
from qorgau.records.models import Act, ActProvision, Person
from qorgau.records.models.acts import ACT_GROUPS, ACT_TYPE_LABELS, GROUP_LABELS, GROUP_OF, Review
from qorgau.records.models.persons import PERSON_ROLES, Consent
from qorgau.records.policy import render

PAGE_SIZE = 50
TOP = 25  # facet values shown (the most frequent)
STAFF_ONLY = ("sensitivity", "review", "consent")
FILTER_KEYS = ("q", "type", "group", "article", "place", "from", "to", "role", "sensitivity", "review", "list",
               "consent")
SORTS = {
    "person": {"name": ("name", "id"), "-name": ("-name", "-id"), "born": ("birth_year", "name", "id"),
               "-born": ("-birth_year", "name", "id"), "acts": ("n_acts", "name", "id"),
               "-acts": ("-n_acts", "name", "id"), "added": ("created_at", "id"), "-added": ("-created_at", "-id")},
    # Every order ends on the id: rows equal on the keys (a value the reader may not see reads as blank) would
    # otherwise come in the database's storage order, which an edit of a hidden value changes on PostgreSQL.
    "act": {"date": ("date", "id"), "-date": ("-date", "-id"), "type": ("act_type", "-date", "-id"),
            "-type": ("-act_type", "-date", "-id"), "victim": ("victim_person__name", "date", "id"),
            "-victim": ("-victim_person__name", "date", "id")},
}
DEFAULT_SORT = {"person": "name", "act": "-date"}
LEVELLED_SORTS = {"birth_year", "date", "act_type"}  # fields a record may keep above its own level (field_sensitivity)


@dataclass
class Filters:
    values: dict = field(default_factory=dict)

    @classmethod
    def from_request(cls, request):
        staff = request.user.is_authenticated
        values = {}
        for key in FILTER_KEYS:
            value = request.GET.get(key, "").strip()[:200]
            if value and (staff or key not in STAFF_ONLY):
                values[key] = value
        return cls(values)

    def get(self, key):
        return self.values.get(key, "")

    def query(self, **changes):
        """The query string with some filters changed ("" removes one)."""
        from django.utils.http import urlencode

        values = {**self.values, **changes}
        return urlencode({k: v for k, v in values.items() if v})


def act_conditions(filters, user):
    """Q over Act for the act filters (type, group, article, place, date range, review).

    A provision or place the reader may not see is a filter on nothing, as for one that does not exist: else the
    public acts (and their persons) linked to a hidden place or article would be listed and counted."""
    from qorgau.records.models import Place, Provision

    q = Q()
    if filters.get("type"):  # a type kept above the reader's level matches no filter (as a hidden date)
        q &= Q(act_type=filters.get("type")) & readable("", "act_type", user)
    if filters.get("group"):
        q &= Q(act_type__in=ACT_GROUPS.get(filters.get("group").upper(), [])) & readable("", "act_type", user)
    if filters.get("article"):
        article = filters.get("article")
        q &= Q(act_provisions__provision__uid=article) | Q(act_provisions__provision__uid__startswith=article + ".")
        q &= Q(act_provisions__provision__in=Provision.objects.visible_to(user))
    if filters.get("place"):
        uid = filters.get("place")
        visible = Place.objects.visible_to(user)
        q &= (Q(place__uid=uid) | Q(place__parent__uid=uid, place__parent__in=visible)) & Q(place__in=visible) \
            & readable("", "place", user)  # an act's place kept above the reader's level matches no place
    if filters.get("from"):
        q &= Q(date__gte=filters.get("from")) & readable("", "date", user)
    if filters.get("to"):
        q &= Q(date__lte=filters.get("to") + "~") & readable("", "date", user)  # "2021" takes in 2021-12-31
    if filters.get("review"):
        q &= Q(review=filters.get("review"))
    return q


ACT_FILTERS = ("type", "group", "article", "place", "from", "to", "review")
PERSON_FILTERS = ("role", "consent", "list")


def list_entries_for(user):
    """List entries a reader may learn of, with their dates and status as read. In public, only those of people who
    granted consent to publication: a public list names no one else (docs/analysis.md), so neither may `?list=` on
    persons, acts, exports and the API, nor the list facet's counts (session 11 audit)."""
    from qorgau.analysis.models import ListEntry
    from qorgau.analysis.privacy import is_public, nameable_in_public

    entries = ListEntry.objects.visible_to(user).as_read_by(user)
    return entries.filter(nameable_in_public("person__")) if is_public(user) else entries


def person_conditions(filters, user, prefix=""):
    q = Q()
    if filters.get("role"):
        q &= Q(**{prefix + "roles__icontains": f'"{filters.get("role")}"'}) & readable(prefix, "roles", user)
    if filters.get("consent"):
        q &= Q(**{prefix + "consent": filters.get("consent")}) & readable(prefix, "consent", user)
    if filters.get("list"):
        entries = list_entries_for(user).filter(prisoner_list__slug=filters.get("list")) \
            .filter(seen_removed="")  # a hidden removal does not take a person off
        q &= Q(**{prefix + "id__in": entries.values("person")})
    return q


def _search(queryset, kind, filters, user):
    if filters.get("q"):
        queryset = queryset.filter(id__in=indexing.matching_record_ids(kind, filters.get("q"), user))
    return queryset


def filtered_persons(user, filters):
    persons = Person.objects.visible_to(user)
    persons = _search(persons, "person", filters, user)
    if filters.get("sensitivity"):
        persons = persons.filter(sensitivity=filters.get("sensitivity"))
    persons = persons.filter(person_conditions(filters, user))
    if any(filters.get(key) for key in ACT_FILTERS):
        acts = Act.objects.visible_to(user).filter(act_conditions(filters, user), victim_person__isnull=False)
        persons = persons.filter(id__in=acts.values("victim_person"))
    return persons


def filtered_acts(user, filters):
    acts = Act.objects.visible_to(user).filter(act_conditions(filters, user))
    if filters.get("sensitivity"):
        acts = acts.filter(sensitivity=filters.get("sensitivity"))
    if any(filters.get(key) for key in PERSON_FILTERS):
        acts = acts.filter(victim_person__isnull=False).filter(person_conditions(filters, user, "victim_person__"))
    if filters.get("q"):
        acts = acts.filter(victim_person__in=indexing.matching_record_ids("person", filters.get("q"), user))
    return acts.distinct() if filters.get("article") or filters.get("place") else acts


def filtered_other(model, user, filters):
    kind = model.__name__.lower()
    records = _search(model.objects.visible_to(user), kind, filters, user)
    if filters.get("sensitivity"):
        records = records.filter(sensitivity=filters.get("sensitivity"))
    return records


# Facets ---------------------------------------------------------------------------------------------------

def _facet(key, label, rows, filters, labels=None):
    labels = labels or {}
    values = [{"value": value, "label": labels.get(value, value), "count": n,
               "active": filters.get(key) == value, "query": filters.query(**{key: value, "page": ""})}
              for value, n in rows if value not in (None, "") and n]
    return {"key": key, "label": label, "values": values[:TOP], "active": filters.get(key),
            "clear": filters.query(**{key: ""})}


def _act_facets(acts, filters, count_field, user):
    """Facets over the filtered acts: counts are of distinct `count_field` (persons, or acts). Provisions and places
    the reader may not see are not offered (their names would show)."""
    from qorgau.lib.sensitivity import levels_for

    allowed = levels_for(user)
    n = Count(count_field, distinct=True)
    # A type kept above the reader's level is counted under no type and no group.
    typed = acts.filter(readable("", "act_type", user))
    by_type = list(typed.values_list("act_type").annotate(n=n).order_by("-n", "act_type"))
    group_of = Case(*[When(act_type__in=types, then=Value(group)) for group, types in ACT_GROUPS.items()],
                    default=Value(""), output_field=CharField())
    groups = list(typed.annotate(grp=group_of).values_list("grp").annotate(n=n).order_by("-n", "grp"))
    counted = "act" if count_field == "id" else "act__" + count_field
    articles = list(ActProvision.objects.filter(act__in=acts.values("id"), provision__sensitivity__in=allowed,
                                                provision__deleted_at__isnull=True).values_list("provision__uid")
                    .annotate(n=Count(counted, distinct=True)).order_by("-n", "provision__uid")[:TOP])
    places = list(acts.filter(readable("", "place", user), place__sensitivity__in=allowed,
                              place__deleted_at__isnull=True)
                  .values_list("place__uid", "place__name").annotate(n=n)
                  .order_by("-n")[:TOP])
    place_names = {uid: name for uid, name, _n in places}
    return [
        _facet("group", gettext_lazy("Act group"), groups, filters, dict(GROUP_LABELS)),
        _facet("type", gettext_lazy("Act type"), by_type, filters, dict(ACT_TYPE_LABELS)),
        _facet("article", gettext_lazy("Article"), articles, filters),
        _facet("place", gettext_lazy("Place"), [(uid, k) for uid, _name, k in places], filters, place_names),
    ]


def person_facets(user, persons, filters):
    from qorgau.analysis.models import ListEntry

    acts = Act.objects.visible_to(user).filter(victim_person__in=persons.values("id")).filter(act_conditions(filters, user))
    facets = _act_facets(acts, filters, "victim_person", user)
    roles = persons.aggregate(**{key: Count("id", filter=Q(roles__icontains=f'"{key}"')) for key, _ in PERSON_ROLES})
    facets.append(_facet("role", gettext_lazy("Role"), sorted(roles.items(), key=lambda item: -item[1]), filters,
                         dict(PERSON_ROLES)))
    from qorgau.analysis.models import PrisonerList

    lists = list(list_entries_for(user)
                 .filter(person__in=persons.values("id"), seen_removed="",
                         prisoner_list__in=PrisonerList.objects.visible_to(user))
                 .values_list("prisoner_list__slug", "prisoner_list__title").annotate(n=Count("person", distinct=True))
                 .order_by("-n"))
    facets.append(_facet("list", gettext_lazy("On the list"), [(slug, k) for slug, _t, k in lists], filters,
                         {slug: title for slug, title, _k in lists}))
    if user.is_authenticated:
        facets.append(_facet("consent", gettext_lazy("Consent to publication"),
                             persons.values_list("consent").annotate(n=Count("id")).order_by("-n"), filters,
                             dict(Consent.choices)))
        facets.append(_facet("sensitivity", gettext_lazy("Level"),
                             persons.values_list("sensitivity").annotate(n=Count("id")).order_by("-n"), filters))
    return facets


def act_facets(user, acts, filters):
    facets = _act_facets(acts, filters, "id", user)
    if user.is_authenticated:
        facets.append(_facet("review", gettext_lazy("Review"), acts.values_list("review").annotate(n=Count("id", distinct=True))
                             .order_by("-n"), filters, dict(Review.choices)))
        facets.append(_facet("sensitivity", gettext_lazy("Level"), acts.values_list("sensitivity")
                             .annotate(n=Count("id", distinct=True)).order_by("-n"), filters))
    return facets


# Pages -------------------------------------------------------------------------------------------------------

def _sorted(kind, queryset, request, user):
    sort = request.GET.get("sort", DEFAULT_SORT[kind])
    if sort not in SORTS[kind]:
        sort = DEFAULT_SORT[kind]
    query = (request.GET.get("q") or "").strip()
    if kind == "person" and query and not request.GET.get("sort"):
        # A search for a name, not sorted by the reader: the closest names first (as the API and the person picker
        # rank them), so "Бекжан Дәулетов" shows Bekzhan Dauletov before his brother Bekzat.
        return indexing.ranked(queryset, "person", query, user), sort
    if sort.lstrip("-") == "acts":
        # The persons are visible already, so an act of theirs is visible when its own level is (and, for anonymous
        # readers, it is accepted): the same rule as Act.visible_to. Counted per person by a subquery on the acts'
        # person index -- not by joining every act to the persons and grouping by all their columns (about 30 s of
        # CPU at a million acts; the subquery about 3 s).
        from django.db.models import IntegerField, OuterRef, Subquery
        from django.db.models.functions import Coalesce

        from qorgau.lib.sensitivity import levels_for

        seen = Act._base_manager.filter(victim_person=OuterRef("pk"), sensitivity__in=levels_for(user),
                                        deleted_at__isnull=True)
        if not user.is_authenticated:
            seen = seen.filter(review=Review.ACCEPTED)
        counted = seen.order_by().values("victim_person").annotate(n=Count("id")).values("n")
        queryset = queryset.annotate(n_acts=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)))
    order = []
    for key in SORTS[kind][sort]:
        name = key.lstrip("-")
        if name in LEVELLED_SORTS:
            # A value kept above the reader's level sorts as an empty one: its place among the others would
            # tell it (a hidden birth year between 1950 and 1970, a hidden date between two public ones).
            shown = f"seen_{name}"
            output = type(queryset.model._meta.get_field(name))()
            queryset = queryset.annotate(**{shown: Case(When(readable("", name, user), then=F(name)),
                                                       default=Value(None), output_field=output)})
            key = key.replace(name, shown)
        order.append(key)
    return queryset.order_by(*order), sort


def _columns(kind, filters, sort):
    out = []
    for key in SORTS[kind]:
        if key.startswith("-"):
            continue
        current = sort.lstrip("-") == key
        next_sort = ("-" + key) if sort == key else key
        out.append({"key": key, "query": filters.query(sort=next_sort), "current": current,
                    "descending": current and sort.startswith("-")})
    return out


def _cached_counts(kind, user, filters, queryset, facets):
    """(facets, result count) for this reader and filter, cached until a record changes: grouped queries over the
    whole filtered set cost the same on page 1000 as on page 1, and change only when a record does."""
    from qorgau.analysis import generation
    from qorgau.lib.sensitivity import clearance_of

    authenticated = bool(getattr(user, "is_authenticated", False))
    return generation.cached(f"{kind}-facets", (clearance_of(user), authenticated),
                             sorted(filters.values.items()), lambda: (facets(), queryset.count()))


def _page(request, kind, queryset, filters, facets, results_template, heading):
    facets, total = _cached_counts(kind, request.user, filters, queryset, facets)
    records, sort = _sorted(kind, queryset, request, request.user)
    paginator = Paginator(records, PAGE_SIZE)
    paginator.count = total  # known already (Paginator.count is a cached property)
    page = paginator.get_page(request.GET.get("page"))
    rows = list(page.object_list)
    context = {"page": page, "records": rows, "total": total, "facets": facets, "filters": filters,
               "q": filters.get("q"), "sort": sort, "columns": _columns(kind, filters, sort),
               "query": filters.query(sort=sort if sort != DEFAULT_SORT[kind] else ""), "kind": kind,
               "heading": heading, "results_template": results_template,
               "export_base": f"/export/{kind}s", "staff": request.user.is_authenticated}
    context.update(_bulk_context(request.user, kind))
    return context, rows


def _bulk_context(user, kind):
    """What the bulk-action bar under a list offers this user (nothing to anonymous readers and viewers)."""
    if not (getattr(user, "is_authenticated", False) and user.can("edit")):
        return {"bulk": False}
    from qorgau.analysis.models import PrisonerList
    from qorgau.lib.sensitivity import levels_for
    from qorgau.records.models import Sensitivity

    lists = list(PrisonerList.objects.visible_to(user).order_by("title")) if kind == "person" else []
    from qorgau.audit.models import AuditEntry

    # The bar carries the last audit entry before the rows were read: setting a level on a row someone changed since
    # (a level raised to protect a family) is refused, not silently undone (web.actions.do_bulk_set_sensitivity).
    read_after = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    return {"bulk": True, "may_review": user.can("review"), "bulk_lists": lists, "bulk_read_after": read_after,
            "bulk_levels": [(value, label) for value, label in Sensitivity.choices if value in levels_for(user)]}


def person_list(request):
    from qorgau.records.pages import visible_names
    from qorgau.records.models import PersonName

    filters = Filters.from_request(request)
    persons = filtered_persons(request.user, filters)
    context, rows = _page(request, "person", persons.prefetch_related(visible_names(PersonName, request.user)),
                          filters, lambda: person_facets(request.user, persons, filters), "web/person_table.html",
                          gettext_lazy("Persons"))
    counts = dict(Act.objects.visible_to(request.user).filter(victim_person__in=rows).values_list("victim_person")
                  .annotate(n=Count("id")).values_list("victim_person", "n"))
    for person in rows:
        person.act_count = counts.get(person.pk, 0)
    template = "web/person_table.html" if request.headers.get("HX-Request") else "web/filtered_list.html"
    return render(request, template, context)


def act_list(request):
    filters = Filters.from_request(request)
    acts = filtered_acts(request.user, filters)
    queryset = acts.select_related("victim_person", "victim_organisation", "place").prefetch_related(
        "act_provisions__provision")
    context, _rows = _page(request, "act", queryset, filters, lambda: act_facets(request.user, acts, filters),
                           "web/act_table.html", gettext_lazy("Acts"))
    template = "web/act_table.html" if request.headers.get("HX-Request") else "web/filtered_list.html"
    return render(request, template, context)




# Exports -----------------------------------------------------------------------------------------------------

MAX_EXPORT = 100_000
CHUNK = 2000


def _names(record):
    return " | ".join(n.name for n in record.names.all())


def _person_row(p, reader):
    return [p.uid, p.name, _names(p), p.gender or "", p.birth_year or "", " | ".join(p.roles or []),
            p.consent or "", p.sensitivity, getattr(p._obj, "act_count", "")]


def _act_row(a, reader):
    victim = a.victim_person or a.victim_organisation
    return [a.uid, a.act_type, GROUP_OF.get(a.act_type, ""), a.date, a.date_end, victim.uid if victim else "",
            victim.name if victim else "", a.place.name if a.place else "",
            " | ".join(ap.provision.uid for ap in a.act_provisions.all()), a.status, a.review, a.sensitivity]


def _organisation_row(o, reader):
    return [o.uid, o.name, _names(o), o.sensitivity]


def _document_row(d, reader):
    return [d.uid, d.title, d.published, d.kind, d.url, d.publisher.name if d.publisher else "", d.sensitivity]


def _export_spec(kind, request, filters):
    from qorgau.documents.models import Document
    from qorgau.records.models import Organisation, OrganisationName, PersonName
    from qorgau.records.pages import visible_names

    user = request.user
    if kind == "persons":
        records, _sort = _sorted("person", filtered_persons(user, filters), request, user)
        return (records.prefetch_related(visible_names(PersonName, user)),
                ["id", "name", "other_names", "gender", "birth_year", "roles", "consent", "sensitivity", "acts"],
                _person_row)
    if kind == "acts":
        records, _sort = _sorted("act", filtered_acts(user, filters), request, user)
        return (records.select_related("victim_person", "victim_organisation", "place")
                .prefetch_related("act_provisions__provision"),
                ["id", "act_type", "group", "date", "date_end", "victim_id", "victim", "place", "articles", "status",
                 "review", "sensitivity"], _act_row)
    if kind == "organisations":
        return (filtered_other(Organisation, user, filters).order_by("name", "id")
                .prefetch_related(visible_names(OrganisationName, user)),
                ["id", "name", "other_names", "sensitivity"], _organisation_row)
    if kind == "documents":
        return (filtered_other(Document, user, filters).select_related("publisher")
                .order_by(seen_value("published", user).desc(), "id"),
                ["id", "title", "published", "kind", "url", "publisher", "sensitivity"], _document_row)
    return None


def export_list(request, kind, fmt):
    """The filtered list as CSV or XLSX, with only what the reader may see (every value through `Seen`)."""
    from django.http import Http404, HttpResponse

    from qorgau.lib.spreadsheets import write_table

    from qorgau.records.policy import Reader, Seen, note_reads

    filters = Filters.from_request(request)
    spec = _export_spec(kind, request, filters) if fmt in ("csv", "xlsx") else None
    if spec is None:
        raise Http404
    records, header, row_of = spec
    reader = Reader(request.user)
    rows = []
    for start in range(0, MAX_EXPORT, CHUNK):
        chunk = list(records[start:start + CHUNK])
        if kind == "persons":
            counts = dict(Act.objects.visible_to(request.user).filter(victim_person__in=chunk)
                          .values_list("victim_person").annotate(n=Count("id")).values_list("victim_person", "n"))
            for person in chunk:
                person.act_count = counts.get(person.pk, 0)
        rows += [["" if v is None else v for v in row_of(Seen(r, reader), reader)] for r in chunk if reader.sees(r)]
        if len(chunk) < CHUNK:
            break
    note_reads(reader, request.get_full_path())
    name = f"qorgau-{kind}"
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(write_table(header, rows, fmt, kind), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response

