"""Analysis pages: statistics, census, political-prisoner lists. Public and staff alike, at the reader's level."""

import csv
import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qorgau.audit.log import write_entry
from qorgau.lib.dates import PartialDateError, parse_partial_date
from qorgau.lib.sensitivity import CONFIDENTIAL, clearance_of, seen_value
from qorgau.lib.spreadsheets import safe_cell
from qorgau.records.pages import require
from qorgau.records.policy import render
from qorgau.records.models import Place, Provision
from qorgau.records.models.persons import PERSON_ROLES

VICTIM_ROLES = {"activist", "blogger", "journalist", "human_rights_defender", "lawyer", "politician", "relative"}

from . import generation
from .census import CERTAIN, POSSIBLE, RESTRICTED_ROWS, CensusQuery, end_reasons
from .models import CustodyEpisode, EntryStatus, ListEntry, PrisonerList, RemovalReason, SavedChart
from .privacy import nameable, shown_count
from .selection import ID_CHARS, MAX_PERSONS
from .statistics import Filters, all_tables, charts_for


def _no_store(response, user):
    if getattr(user, "is_authenticated", False):
        response["Cache-Control"] = "no-store"
    return response


def _audit_confidential_read(request, what, **details):
    # Staff cleared for confidential records see counts and names built on them: note that they looked.
    if clearance_of(request.user) == CONFIDENTIAL:
        write_entry("read", actor=request.user, record_type=what, changes=details)


def _filter_choices(user):
    """The filter bar's choices (articles in use, regions, lists), cached like the tables: the articles in use are
    a scan of every act's provisions."""
    def compute():
        from . import summaries
        from .models import SummaryTotal

        if summaries.ready():  # the articles the reader's tables count (no scan of every act's provisions)
            used = Provision.objects.visible_to(user).filter(id__in=SummaryTotal.objects.filter(
                level=clearance_of(user), slice="", table_key="ar", people__gt=0).values("ref"))
        else:
            used = Provision.objects.visible_to(user).filter(act_provisions__isnull=False).distinct()
        return {
            "articles": list(used.values_list("uid", flat=True)),
            "regions": list(Place.objects.visible_to(user).filter(kind="region").values_list("uid", "name")),
            "lists": list(PrisonerList.objects.visible_to(user).values_list("slug", "title")),
        }

    return generation.cached("statistics-choices", clearance_of(user), (), compute)


def _rendered(user, filters, tables):
    """Each table's chart and table as HTML, cached with the tables (a long table is most of the page's time)."""
    from django.template.loader import render_to_string
    from django.utils.translation import get_language

    public = not getattr(user, "is_authenticated", False)
    return generation.cached(
        "statistics-html", (clearance_of(user), public, get_language()), sorted(filters.as_query().items()),
        lambda: [render_to_string("analysis/_chart_body.html",
                                  {"table": t, "min_cell": settings.QORGAU_MIN_PUBLIC_CELL, **_rows_html(t)})
                 for t in tables])


def _rows_html(table):
    """A table's bars and rows as HTML, written here rather than by template loops: a table of a thousand months
    took most of a page's time in the template engine."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    withheld = (f'<span title="{escape(_("Withheld to protect people who have not consented to publication"))}">'
                f'&lt; {settings.QORGAU_MIN_PUBLIC_CELL}</span>')
    maximum = float(table.maximum)
    bars, body = [], []
    for i, (label, value) in enumerate(table.rows):
        label = escape(label)
        if value:
            bars.append(f'<rect x="0" y="{i}0" height="8" width="{round(value / maximum * 380)}" fill="#3b6e8f">'
                        f'<title>{label}: {value}</title></rect>')
        body.append(f'<tr><td>{label}</td><td class="num">{withheld if value is None else value}</td></tr>')
    return {"bars": mark_safe("".join(bars)), "body": mark_safe("".join(body))}


def statistics(request):
    filters, problems = Filters.checked(request.GET)
    tables = all_tables(request.user, filters)
    _audit_confidential_read(request, "statistics", **filters.as_query())
    context = {
        "tables": list(zip(tables, _rendered(request.user, filters, tables))), "filters": filters,
        **_filter_choices(request.user),
        "roles": [(code, label) for code, label in PERSON_ROLES if code in VICTIM_ROLES],
        "min_cell": settings.QORGAU_MIN_PUBLIC_CELL, "problems": problems,
        "charts": charts_for(request.user),
        "query": "&".join(f"{k}={v}" for k, v in filters.as_query().items()),
    }
    return _no_store(render(request, "analysis/statistics.html", context), request.user)


def statistics_csv(request, key):
    filters = Filters.from_query(request.GET)
    table = next((t for t in all_tables(request.user, filters) if t.key == key), None)
    if table is None:
        raise Http404(_("No such table."))
    _audit_confidential_read(request, "statistics", table=key, **filters.as_query())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="qorgau-{key}.csv"'
    writer = csv.writer(response)
    writer.writerow([str(c) for c in table.columns])
    for label, value in table.rows:  # a label is a record's name (a region): text, never a formula
        writer.writerow([safe_cell(label), value if value is not None else f"<{settings.QORGAU_MIN_PUBLIC_CELL}"])
    return _no_store(response, request.user)


CENSUS_PAGE = 100


def census_page(request):
    raw = request.GET.get("date") or datetime.date.today().isoformat()
    error = ""
    try:
        day = parse_partial_date(raw)
        if not day or len(day) != 10:
            raise PartialDateError(_("Choose a day."))
    except PartialDateError as problem:
        error, day = str(problem), datetime.date.today().isoformat()
    lists = PrisonerList.objects.visible_to(request.user)
    chosen = lists.filter(slug=request.GET.get("list", "")).first()
    query = CensusQuery(day, request.user, chosen)
    moved, since = None, request.GET.get("since", "")
    try:
        since = parse_partial_date(since) or ""
    except PartialDateError:
        since = ""
    public = not request.user.is_authenticated
    if since and len(since) == 10 and since < day:
        # Named in public only with consent granted; only the hundred of each shown are read with their names.
        moved = query.changes_since(CensusQuery(since, request.user, chosen), named_only=public, limit=CENSUS_PAGE)
    _audit_confidential_read(request, "census", date=day)
    # Everyone is counted (in one reading of the episodes); only the hundred names shown are made into rows. Named
    # in public only with consent granted; counted always, but a small count holding others is withheld.
    total = query.total(CERTAIN)
    named = query.total(CERTAIN, named_only=public)
    unnamed = total - named
    possible_total = query.total(POSSIBLE)
    possible_named = query.total(POSSIBLE, named_only=public)
    restricted_total = query.total(RESTRICTED_ROWS)
    page = Paginator(query.page(CERTAIN, named_only=public), CENSUS_PAGE).get_page(request.GET.get("page"))
    from django.utils.http import urlencode

    query_string = urlencode({k: v for k, v in (("date", day), ("list", chosen.slug if chosen else ""),
                                                ("since", since)) if v})
    count = shown_count(total, unnamed, public)
    context = {"result": query, "day": day, "error": error, "lists": lists, "chosen": chosen, "rows": page.object_list,
               "page": page, "query": query_string, "named": named, "count": count,
               "by_kind": [(kind, shown_count(n, hidden if public else 0, public))
                           for kind, (n, hidden) in query.by_kind().items()],
               "possible": list(query.rows(POSSIBLE, named_only=public, limit=CENSUS_PAGE)),
               "possible_total": possible_total, "possible_more": max(0, possible_named - CENSUS_PAGE),
               "possible_count": shown_count(possible_total, possible_total - possible_named, public),
               "restricted_total": restricted_total,
               "restricted_count": shown_count(restricted_total, restricted_total - query.total(
                   RESTRICTED_ROWS, named_only=public), public),
               "unnamed": unnamed if count is not None else None,
               "min_cell": settings.QORGAU_MIN_PUBLIC_CELL, "moved": moved, "since": since}
    if moved is not None:
        context["moved_more"] = max(0, moved["entered_total"] + moved["left_total"] - 2 * CENSUS_PAGE)
        reasons = end_reasons(moved["left"], request.user, day)  # of the names shown only
        moved["left"] = [(row, reasons.get(row.person.pk, "")) for row in moved["left"]]
    return _no_store(render(request, "analysis/census.html", context), request.user)


def list_index(request):
    lists = PrisonerList.objects.visible_to(request.user).select_related("organisation")
    return _no_store(render(request, "analysis/list_index.html", {"lists": lists}), request.user)


def list_page(request, slug):
    prisoner_list = PrisonerList.objects.visible_to(request.user).filter(slug=slug).first()
    if prisoner_list is None:
        raise Http404(_("No such list."))
    raw = request.GET.get("as_of") or datetime.date.today().isoformat()
    error = ""
    try:
        day = parse_partial_date(raw) or datetime.date.today().isoformat()
    except PartialDateError as problem:  # said, as on the census page, not silently replaced by today
        error, day = str(problem), datetime.date.today().isoformat()
    # Dates and status as the reader may read them (a field kept above their level neither places nor selects an
    # entry: ListEntryQuerySet.as_read_by).
    entries = (ListEntry.objects.visible_to(request.user).filter(prisoner_list=prisoner_list).as_read_by(request.user)
               .select_related("person").prefetch_related("criteria_met"))
    status = request.GET.get("status", "")
    if status:
        entries = entries.filter(seen_status=status)
    current = entries.on(day, reader=request.user)
    sort = request.GET.get("sort", "name")
    order = {"name": "person__name", "added": "seen_added", "-added": "-seen_added"}.get(sort, "person__name")
    public = not request.user.is_authenticated
    everyone = list(current.order_by(order, "pk"))  # ties (a hidden date reads as blank) by id, not storage order
    shown = [e for e in everyone if nameable(e.person, public)]
    unnamed = len(everyone) - len(shown)
    count = shown_count(len(everyone), unnamed, public)
    removed = entries.exclude(seen_removed="").filter(seen_removed__lte=day).order_by("-seen_removed", "-pk")
    # Changes since the last census: by default the last 1 December before the day (CPJ's census date), else the
    # reader's "since"; who was added and who was removed in between, by the dates the reader may read.
    since = _list_since(request.GET.get("since", ""), day)
    added_since = list(entries.filter(seen_added__gt=since, seen_added__lte=day).order_by("seen_added", "pk"))
    removed_since = list(entries.filter(seen_removed__gt=since, seen_removed__lte=day).order_by("seen_removed", "pk"))
    changes = {"since": since}
    for key, rows in (("added", added_since), ("removed", removed_since)):
        named = [e for e in rows if nameable(e.person, public)]
        changes[key] = named[:50]
        changes[key + "_count"] = shown_count(len(rows), len(rows) - len(named), public)
    _audit_confidential_read(request, "list", list=slug, as_of=day)
    context = {"list": prisoner_list, "entries": shown, "count": count, "day": day,
               "unnamed": unnamed if count is not None else None, "min_cell": settings.QORGAU_MIN_PUBLIC_CELL,
               "removed": [e for e in removed if nameable(e.person, public)][:50],
               "status": status, "sort": sort, "changes": changes, "error": error,
               "removal_reasons": RemovalReason.choices, "statuses": EntryStatus.choices,
               "criteria": list(prisoner_list.criteria_set.items.all()) if prisoner_list.criteria_set_id else []}
    return _no_store(render(request, "analysis/list_page.html", context), request.user)


@require_POST
def list_entry_remove(request, uid):
    """An editor takes a person off a list from a day, saying why (do_remove_list_entry: audited, checked)."""
    from django.contrib import messages
    from django.core.exceptions import ValidationError
    from django.shortcuts import redirect

    from .actions import do_remove_list_entry

    require(request.user, "edit")
    entry = (ListEntry.objects.visible_to(request.user).filter(uid=uid, date_removed="")
             .select_related("person", "prisoner_list").first())
    if entry is None or not PrisonerList.objects.visible_to(request.user).filter(pk=entry.prisoner_list_id).exists():
        raise Http404(_("No such list."))
    slug = entry.prisoner_list.slug
    try:
        day = parse_partial_date(request.POST.get("date_removed", ""))
        if not day or len(day) != 10:
            raise PartialDateError(_("Choose a day."))
        do_remove_list_entry(entry, actor=request.user, date_removed=day, reason=request.POST.get("reason", ""))
    except PartialDateError as problem:
        messages.error(request, str(problem))
    except ValidationError as problem:  # no reason, or a day before the entry was added: nothing written
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(request, f"{_('Removed from the list')}: {entry.person.name}, {day}")
    return redirect("web:list", slug=slug)


@require_POST
def list_entry_change(request, uid):
    """An editor changes an entry's status and criteria met (do_change_list_entry: audited; a stale form — someone
    changed the entry since the page was read — writes nothing and says who changed what)."""
    from django.contrib import messages
    from django.core.exceptions import ValidationError
    from django.shortcuts import redirect

    from qorgau.records.actions import EditConflict

    from .actions import do_change_list_entry
    from .models import Criterion

    require(request.user, "edit")
    entry = (ListEntry.objects.visible_to(request.user).filter(uid=uid)
             .select_related("person", "prisoner_list").first())
    if entry is None or not PrisonerList.objects.visible_to(request.user).filter(pk=entry.prisoner_list_id).exists():
        raise Http404(_("No such list."))
    codes = request.POST.getlist("criteria")
    criteria = list(Criterion.objects.filter(criteria_set_id=entry.prisoner_list.criteria_set_id, code__in=codes))
    try:
        if len(criteria) != len(set(codes)):
            raise ValidationError({"criteria_met": "Choose criteria of this list's criteria set."})
        do_change_list_entry(entry, actor=request.user, status=request.POST.get("status", ""), criteria=criteria,
                             read_version=request.POST.get("version"))
    except EditConflict as conflict:
        who = ", ".join(sorted({f"{field} ({actor})" for field, actor, _when in conflict.changes})) or "?"
        messages.error(request, f"{_('Someone changed this entry since you read the list: nothing was written.')} "
                                f"{who}")
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
    else:
        messages.success(request, f"{_('Saved')}: {entry.person.name}")
    return redirect("web:list", slug=entry.prisoner_list.slug)


def _list_since(raw, day):
    """The day a list's changes are counted from: the reader's day when it is one before `day`, else the last
    1 December before `day` (the census date)."""
    try:
        since = parse_partial_date(raw) or ""
    except PartialDateError:
        since = ""
    if len(since) == 10 and since < day:
        return since
    year = int(day[:4])
    return f"{year if day[5:] > '12-01' else year - 1:04d}-12-01"


def opendata_index(request):
    from .opendata import snapshots

    from .opendata import license_entry

    files = [(path.name, path.stat().st_size) for path in snapshots()]
    return _no_store(render(request, "analysis/opendata.html", {"files": files, "license": license_entry()}),
                     request.user)


def opendata_download(request, name):
    from django.http import FileResponse

    from .opendata import snapshots

    match = next((path for path in snapshots() if path.name == name), None)
    if match is None:
        raise Http404(_("No such snapshot."))
    return FileResponse(match.open("rb"), as_attachment=True, filename=match.name, content_type="application/zip")


@require_POST
def opendata_publish(request):
    from django.contrib import messages
    from django.shortcuts import redirect

    from .opendata import write_snapshot

    require(request.user, "admin")

    archive, counts = write_snapshot()
    write_entry("opendata", actor=request.user, changes={"output": archive.name, **counts})
    messages.success(request, _("Published %(name)s.") % {"name": archive.name})
    return redirect("web:opendata")


@login_required
def briefing_page(request):
    """Staff choose persons (ids, a list, or the statistics filter) and download a DOCX or PDF briefing."""
    from django.contrib.auth.models import AnonymousUser

    from .briefing import build_briefing, write_docx, write_pdf
    from .selection import SelectionError, persons_for

    error = ""
    if request.method == "POST":
        public = request.POST.get("public") == "on"
        reader = AnonymousUser() if public else request.user
        lang = request.POST.get("lang") if request.POST.get("lang") in {"en", "ru", "kk"} else "en"
        kind = "pdf" if request.POST.get("format") == "pdf" else "docx"
        # Every id given is looked at (never silently cut to the first 200), but a text far longer than 200 ids can
        # be is refused before it is split, and is not written back into the form (s13 audit).
        asked_for = request.POST.get("persons", "")
        uids = [u for u in asked_for.replace(",", " ").split() if u] if len(asked_for) <= MAX_PERSONS_TEXT else []
        try:
            filters = None
            if request.POST.get("use_filter") == "on":
                filters, problems = Filters.checked(request.POST)
                if problems:  # a bound that is not a date: said, not dropped (a wider briefing than asked for)
                    raise SelectionError(" ".join(problems))
            if len(asked_for) > MAX_PERSONS_TEXT:
                raise SelectionError(_("The list of persons is too long: give at most %(n)s record ids.") % {"n": MAX_PERSONS})
            persons = persons_for(reader, uids=uids, list_slug=request.POST.get("list", ""), filters=filters)
            # The saved charts asked for, among those the briefing's reader may open (public ones for a public
            # briefing), as `qorgau briefing --chart N` takes them.
            asked = set(request.POST.getlist("chart"))
            charts = [c for c in charts_for(reader) if c.public_id in asked]
            if len(charts) != len(asked):
                raise SelectionError(_("No such saved chart."))
            briefing = build_briefing(persons, reader, lang, charts=charts)
        except SelectionError as problem:
            error = str(problem)
        else:
            content = write_pdf(briefing) if kind == "pdf" else write_docx(briefing)
            write_entry("briefing", actor=request.user, changes={"persons": [p.uid for p in persons],
                                                                 "public": public, "format": kind})
            mime = ("application/pdf" if kind == "pdf" else
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            response = HttpResponse(content, content_type=mime)
            response["Content-Disposition"] = f'attachment; filename="qorgau-briefing-{briefing.date}.{kind}"'
            return _no_store(response, request.user)
    lists = list(PrisonerList.objects.visible_to(request.user).values_list("slug", "title"))
    posted = request.POST.copy()
    if len(posted.get("persons", "")) > MAX_PERSONS_TEXT:
        posted["persons"] = ""
    context = {"error": error, "lists": lists, "posted": posted, "charts": charts_for(request.user)}
    return _no_store(render(request, "analysis/briefing.html", context), request.user)


MAX_PERSONS_TEXT = MAX_PERSONS * (ID_CHARS + 2)  # as many ids as a briefing takes, each at most ID_CHARS long, and separators


def _chart_table(chart, user):
    from .statistics import Filters, all_tables

    filters = Filters(**{k: v for k, v in chart.filters.items() if k in Filters.__dataclass_fields__})
    return next((t for t in all_tables(user, filters) if t.key == chart.table), None), filters


@require_POST
def chart_save(request):
    """An editor saves the current statistics view of one table under a title (POST)."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from .models import ChartKind, SavedChart

    require(request.user, "edit")
    filters = Filters.from_query(request.POST)
    table = request.POST.get("table", "")
    title = request.POST.get("title", "").strip()[:200]
    if not title or table not in {t.key for t in all_tables(request.user, filters)}:
        messages.error(request, _("Give the chart a title."))
        return redirect("web:statistics")
    kind = request.POST.get("kind") if request.POST.get("kind") in ChartKind.values else ChartKind.BAR
    chart = SavedChart.objects.create(title=title, table=table, filters=filters.as_query(), kind=kind,
                                      public=request.POST.get("public") == "on", created_by=request.user.username)
    write_entry("save chart", actor=request.user, record_type="SavedChart", record_uid=chart.public_id,
                changes={"title": title, "table": table, "filters": filters.as_query(), "public": chart.public})
    return redirect("web:chart", chart_id=chart.public_id)


def chart_page(request, chart_id, embed=False):
    chart = next((c for c in charts_for(request.user) if c.public_id == chart_id), None)
    if chart is None:
        raise Http404(_("No such chart."))
    table, filters = _chart_table(chart, request.user)
    if table is None:
        raise Http404(_("No such chart."))
    context = {"chart": chart, "table": table, "query": "&".join(f"{k}={v}" for k, v in filters.as_query().items()),
               "min_cell": settings.QORGAU_MIN_PUBLIC_CELL, "embed": embed}
    return _no_store(render(request, "analysis/chart.html", context), request.user)


def chart_embed(request, chart_id):
    """A saved chart without the site's menu, for a frame on a page of ours (or of a site in QORGAU_EMBED_ORIGINS).
    Every other page refuses frames (X-Frame-Options DENY, frame-ancestors 'none'): so did this one, which made
    it embeddable nowhere. It holds no form; a third-party frame carries no session, so it shows the public level."""
    response = chart_page(request, chart_id, embed=True)
    origins = settings.QORGAU_EMBED_ORIGINS
    response._csp_replace = {"frame-ancestors": ["'self'", *origins]}
    if origins:
        response.xframe_options_exempt = True  # frame-ancestors decides (X-Frame-Options names no other site)
    else:
        response["X-Frame-Options"] = "SAMEORIGIN"
    return response


def person_custody(request, uid):
    """A person's custody episodes at the reader's level, each with the acts it was derived from."""
    from qorgau.records.access import get_person_for
    from qorgau.records.models import Act
    from qorgau.records.queries import timeline_acts

    person = get_person_for(request.user, uid)
    from qorgau.records.policy import reader_for

    episodes = list(CustodyEpisode.objects.filter(person=person, level=clearance_of(request.user))
                    .order_by("start_lo").select_related("place").prefetch_related("evidence"))
    visible = {a.pk: a for a in timeline_acts(request.user, Act.objects.filter(victim_person=person))}
    reader = reader_for(request.user)
    # The place of custody (issue 13 item 2: "place/facility"), when the reader may see that place's record.
    rows = [(e, [visible[a.pk] for a in e.evidence.all() if a.pk in visible],
             e.place if e.place is not None and reader.sees(e.place) else None) for e in episodes]
    context = {"person": person, "rows": rows}
    return _no_store(render(request, "analysis/person_custody.html", context), request.user)


def list_memberships(request, person):
    """The person page's section on political-prisoner lists: every entry the reader may see, with its reasons."""
    if not nameable(person, not request.user.is_authenticated):
        return {"list_entries": []}  # a public list does not name them; nor does their page say they are on one
    entries = (ListEntry.objects.visible_to(request.user).filter(person=person)
               .select_related("prisoner_list").prefetch_related("criteria_met")
               .order_by(seen_value("date_added", request.user), "id"))  # a hidden date places nothing
    return {"list_entries": list(entries)}
