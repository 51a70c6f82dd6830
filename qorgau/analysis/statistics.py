"""Statistics: people (never acts, unless a table says so) counted from what the reader may see.

Every table is computed in the database from accepted acts visible to the reader, with one filter for all of
them. Public tables hide a cell that holds anyone who has not granted consent to publication when it holds fewer
than QORGAU_MIN_PUBLIC_CELL people (docs/analysis.md, "Privacy of aggregates").
"""

import bisect
import datetime
import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Aggregate, Count, OuterRef, Q, Subquery, TextField
from django.utils.translation import gettext_lazy as _

from qorgau.lib.sensitivity import levels_for, readable

from qorgau.records.models import ACT_GROUPS, Act, ActProvision, Provision

from . import generation
from .models import CustodyEpisode, ListEntry

PROSECUTION_TYPES = ACT_GROUPS["PROSECUTION"] + ["sentenced"]
# Prosecution acts of one person less than this many days apart belong to one prosecution (until cases are
# recorded as such).
PROSECUTION_GAP_DAYS = 730
SENTENCE_BINS = [(0, 1, "< 1"), (1, 3, "1–3"), (3, 5, "3–5"), (5, 7, "5–7"), (7, 10, "7–10"), (10, 100, "≥ 10")]


@dataclass
class Filters:
    date_from: str = ""
    date_to: str = ""
    article: str = ""      # provision uid, e.g. CC-174
    region: str = ""       # place uid of a region
    role: str = ""
    prisoner_list: str = ""  # list slug
    gender: str = ""

    @classmethod
    def from_query(cls, query):
        return cls.checked(query)[0]

    @classmethod
    def checked(cls, query):
        """The filters of a query, and what was wrong with them: a bound that is not a date ("foo", "2018-13-45") is
        dropped and said, instead of failing the page (it did, with "foo") or being compared as text."""
        from qorgau.lib.dates import PartialDateError, parse_partial_date

        values = {name: (query.get(name) or "").strip()[:64] for name in cls.__dataclass_fields__}
        problems = []
        for name in ("date_from", "date_to"):
            try:
                values[name] = parse_partial_date(values[name]) or ""
            except PartialDateError as problem:
                problems.append(str(problem))
                values[name] = ""
        return cls(**values), problems

    def as_query(self):
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass
class Table:
    key: str
    title: str
    columns: tuple
    rows: list = field(default_factory=list)  # [(label, value or None when withheld)]
    note: str = ""
    withheld: int = 0

    @functools.cached_property
    def maximum(self):  # read once per bar: cached, or a long table costs its length squared
        return max([v for _, v in self.rows if v] or [1])


# The filters that name a record, and the model (and identifying field) of the record each names.
NAMING_FILTERS = {"article": ("records.Provision", "uid"), "region": ("records.Place", "uid"),
                  "prisoner_list": ("analysis.PrisonerList", "slug")}


def charts_for(user):
    """Saved charts a reader may open: the public ones for visitors, all for staff -- less any chart whose filters
    name a record the reader may not see. A chart keeps its filters and shows them, and its title was written for
    its filter ("Detentions at <a confidential place>"), so such a chart is, for that reader, a chart that does not
    exist (its table would be computed on nothing anyway)."""
    from django.apps import apps

    from .models import SavedChart

    charts = list(SavedChart.objects.all() if getattr(user, "is_authenticated", False)
                  else SavedChart.objects.filter(public=True))
    named = {}
    for chart in charts:
        for key, value in (chart.filters or {}).items():
            if key in NAMING_FILTERS and value:
                named.setdefault(key, set()).add(str(value))
    visible = {}
    for key, values in named.items():
        label, field = NAMING_FILTERS[key]
        model = apps.get_model(label)
        visible[key] = set(model.objects.visible_to(user).filter(**{f"{field}__in": values})
                           .values_list(field, flat=True))
    return [chart for chart in charts
            if all(str(value) in visible.get(key, ()) for key, value in (chart.filters or {}).items()
                   if key in NAMING_FILTERS and value)]


def visible_acts(user, filters):
    """Accepted acts the reader may see, filtered. A filter names only what the reader may read: a hidden act's
    article, a hidden place, a field kept above the reader's level (a date, a gender, roles) never decides whether
    a public record is counted (else a count would answer for what it hides)."""
    from qorgau.records.models import Place, Provision

    acts = Act.objects.visible_to(user).filter(review="accepted", victim_person__isnull=False,
                                               victim_person__merged_into__isnull=True)
    if filters.date_from:
        acts = acts.filter(readable("", "date", user), date__gte=filters.date_from)
    if filters.date_to:
        acts = acts.filter(readable("", "date", user), date__lte=filters.date_to + "-99")  # partial dates first
    if filters.article:  # people with an act the reader may see under that article (not a hidden act's)
        acts = acts.filter(victim_person__in=_charged_under(user, filters.article))
    if filters.region:
        visible = Place.objects.visible_to(user)
        acts = acts.filter(readable("", "place", user)).filter(Q(place__uid=filters.region) | Q(place__parent__uid=filters.region,
                                                             place__parent__in=visible), place__in=visible)
    if filters.role:
        acts = acts.filter(readable("victim_person__", "roles", user),
                           victim_person__roles__icontains=f'"{filters.role}"')
    if filters.gender:
        acts = acts.filter(readable("victim_person__", "gender", user), victim_person__gender=filters.gender)
    if filters.prisoner_list:
        on_list = ListEntry.objects.visible_to(user).filter(prisoner_list__slug=filters.prisoner_list)
        acts = acts.filter(victim_person__in=on_list.values("person"))
    return acts


def _protect(rows, public):
    """(label, people, people without consent) -> (label, shown value or None), and how many were withheld."""
    minimum = settings.QORGAU_MIN_PUBLIC_CELL
    shown, withheld = [], 0
    for label, people, unconsented in rows:
        if public and unconsented and people < minimum:
            shown.append((label, None))
            withheld += 1
        else:
            shown.append((label, people))
    return shown, withheld


PEOPLE = Count("victim_person", distinct=True)
UNCONSENTED = Count("victim_person", distinct=True, filter=~Q(victim_person__consent="granted"))


def by_article(acts, public, allowed):
    # A provision the reader may not see is not a row (nor a label) of its own.
    rows = (ActProvision.objects.filter(act__in=acts.values("id"), provision__sensitivity__in=allowed,
                                        provision__deleted_at__isnull=True)
            .values("provision__uid").annotate(people=Count("act__victim_person", distinct=True),
                                               unconsented=Count("act__victim_person", distinct=True,
                                                                 filter=~Q(act__victim_person__consent="granted")))
            .order_by("-people", "provision__uid"))
    shown, withheld = _protect([(r["provision__uid"], r["people"], r["unconsented"]) for r in rows], public)
    return Table("by_article", _("People by article"), (_("Article"), _("People")), shown, withheld=withheld,
                 note=_("A person charged under two articles counts under each: the rows do not add up to the "
                        "number of people."))


def by_region(acts, public, allowed):
    rows = {}
    # Only places the reader may see name a row (a city under a hidden region counts under its own name).
    for r in (acts.filter(place__isnull=False, place__sensitivity__in=allowed, place__deleted_at__isnull=True)
              .values("place__kind", "place__name", "place__parent__name", "place__parent__sensitivity",
                      "place__parent__deleted_at")
              .annotate(people=PEOPLE, unconsented=UNCONSENTED)):
        parent_shown = (r["place__parent__name"] and r["place__parent__sensitivity"] in allowed
                        and r["place__parent__deleted_at"] is None)
        region = r["place__parent__name"] if parent_shown and r["place__kind"] != "region" else r["place__name"]
        people, unconsented = rows.get(region, (0, 0))
        rows[region] = (people + r["people"], unconsented + r["unconsented"])
    ordered = sorted(rows.items(), key=lambda kv: (-kv[1][0], kv[0]))
    shown, withheld = _protect([(region, p, u) for region, (p, u) in ordered], public)
    return Table("by_region", _("People by region of the act"), (_("Region"), _("People")), shown,
                 withheld=withheld, note=_("A person with acts in two regions counts in each."))


def by_group_per_month(acts, public, typed=None):
    """`typed`: Q of the acts whose type the reader may read; the others count under no group."""
    from django.db.models.functions import Substr

    counts = {}
    typed = Q() if typed is None else typed
    for r in (acts.filter(typed).exclude(date="").annotate(month=Substr("date", 1, 7)).values("month", "act_type")
              .annotate(n=Count("id")).order_by()):
        group = next((g for g, types in ACT_GROUPS.items() if r["act_type"] in types), "")
        counts[(r["month"], group)] = counts.get((r["month"], group), 0) + r["n"]
    if typed:
        for r in (acts.exclude(typed).exclude(date="").annotate(month=Substr("date", 1, 7)).values("month")
                  .annotate(n=Count("id")).order_by()):
            counts[(r["month"], "")] = counts.get((r["month"], ""), 0) + r["n"]
    shown = [(f"{month} {group}", n) for (month, group), n in sorted(counts.items())]
    return Table("by_group_per_month", _("Acts by group and month"), (_("Month and group"), _("Acts")), shown,
                 note=_("This table counts acts, not people; a year alone is shown where the month is unknown."))


def _days(a, b):
    return (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days


def prosecutions_by_year(acts, public):
    """People and prosecutions by the year a prosecution began (see PROSECUTION_GAP_DAYS)."""
    from qorgau.analysis.custody import date_range

    per_person = {}
    for pid, date, consent in (acts.filter(act_type__in=PROSECUTION_TYPES).exclude(date="")
                               .values_list("victim_person_id", "date", "victim_person__consent")
                               .order_by("victim_person_id", "date").iterator(chunk_size=20000)):
        per_person.setdefault(pid, (consent, []))[1].append(date)
    people, cases, unconsented = {}, {}, {}
    for pid, (consent, dates) in per_person.items():
        last = None
        for date in dates:
            lo, _hi = date_range(date)
            if last is None or _days(last, lo) > PROSECUTION_GAP_DAYS:
                year = lo[:4]
                cases[year] = cases.get(year, 0) + 1
                people.setdefault(year, set()).add(pid)
                if consent != "granted":
                    unconsented.setdefault(year, set()).add(pid)
            last = lo
    years = sorted(people)
    shown, withheld = _protect([(y, len(people[y]), len(unconsented.get(y, ()))) for y in years], public)
    table = Table("prosecutions_by_year", _("People prosecuted, by the year the prosecution began"),
                  (_("Year"), _("People")), shown, withheld=withheld,
                  note=_("Prosecutions (cases) are counted separately in the next table."))
    case_rows, case_withheld = _protect([(y, cases[y], len(unconsented.get(y, ()))) for y in years], public)
    return [table, Table("cases_by_year", _("Prosecutions by the year they began"), (_("Year"), _("Prosecutions")),
                         case_rows, withheld=case_withheld,
                         note=_("One person may have several prosecutions. A person's prosecution acts less than "
                                "two years apart are taken as one prosecution."))]


def sentences(acts, public):
    bins = {label: [0, 0] for _, _, label in SENTENCE_BINS}
    for r in (acts.filter(act_type__in=["sentenced", "imprisoned"], penalty_kind="imprisonment",
                          penalty_amount__isnull=False)
              .values("penalty_amount", "penalty_unit").annotate(n=Count("id"), unconsented=UNCONSENTED)
              .order_by()):
        years = float(r["penalty_amount"]) / (12 if r["penalty_unit"] == "months" else
                                              365 if r["penalty_unit"] == "days" else 1)
        label = next((label for lo, hi, label in SENTENCE_BINS if lo <= years < hi), None)
        if label is None:
            continue
        bins[label][0] += r["n"]
        bins[label][1] += r["unconsented"]
    shown, withheld = _protect([(label, n, u) for label, (n, u) in bins.items()], public)
    return Table("sentences", _("Prison sentences by length (years)"), (_("Years"), _("Sentences")), shown,
                 withheld=withheld)


def custody_over_time(user, filters, acts, public, points=36):
    """People certainly in custody on the first day of a month, at most `points` dates over the filter's range
    (default: from the first recorded custody to today), every month or every few months."""
    from qorgau.lib.sensitivity import clearance_of

    episodes = list(CustodyEpisode.objects.filter(level=clearance_of(user),
                                                  person__in=acts.values("victim_person"))
                    .exclude(kind="restricted_freedom")
                    .values_list("start_lo", "start_hi", "end_lo", "person__consent").iterator(chunk_size=20000))
    today = datetime.date.today().strftime("%Y-%m")
    end = filters.date_to[:7] if filters.date_to else today
    first = min((e[0][:7] for e in episodes), default=end)
    start = filters.date_from[:7] if filters.date_from else first
    months = _month_points(start, end, points)
    # Certainly in custody on D: start_hi <= D and (open, or end_lo > D). Counted for every date by bisection:
    # those started by D, less those started and ended by D (max(start_hi, end_lo) <= D).
    started, ended = {False: [], True: []}, {False: [], True: []}
    for start_lo, start_hi, end_lo, consent in episodes:
        unconsented = consent != "granted"
        started[unconsented].append(start_hi)
        if end_lo:
            ended[unconsented].append(max(start_hi, end_lo))
    for lists in (started, ended):
        for values in lists.values():
            values.sort()

    def present(day, unconsented):
        return (bisect.bisect_right(started[unconsented], day) - bisect.bisect_right(ended[unconsented], day))

    rows = []
    for day in months:
        without = present(day, True)
        rows.append((day[:7], present(day, False) + without, without))
    shown, withheld = _protect(rows, public)
    return Table("custody_over_time", _("People certainly in custody on the first of the month"),
                 (_("Month"), _("People")), shown, withheld=withheld,
                 note=_("Every month, or every few months over a long range; from the custody episodes."))


def list_changes(user, filters, public):
    """The list entries added and removed per year, as the reader may see and read them: from the stored "le" sets'
    counts (`summaries._entry_marks`) when built, else from the entries. In public a year's count that holds an entry
    of someone who did not consent to publication is withheld when small, as every other table's cells are (the
    public list page names the consenting ones: a count one higher told that someone unnamed was added that year)."""
    stored = _stored_list_changes(user, filters)
    if stored is not None:
        added, removed = stored
    else:
        added, removed = _entry_list_changes(user, filters)
    tables = []
    for key, title, column, counts in (
            ("list_added", _("List entries added per year"), _("Added"), added),
            ("list_removed", _("List entries removed per year (released, died, criteria no longer met)"),
             _("Removed"), removed)):
        shown, withheld = _protect([(year, n, u) for year, (n, u) in sorted(counts.items())], public)
        tables.append(Table(key, title, (_("Year"), column), shown, withheld=withheld))
    return tables


def _stored_list_changes(user, filters):
    """({year: [entries added, of them of people without consent]}, the same removed) from the stored "le" sets of
    the reader's level: each set holds the persons with k entries of one list added and removed in the label's years,
    so the entries are k times its stored count -- a few hundred small rows, no set decoded (the reading of the
    entries joins every visible person: on PostgreSQL a scan of the persons table, 40-100 ms of every statistics page
    at 100,000 persons). The lists the reader may see are checked here, as a provision's are. None when the sets
    cannot answer (not built or counted yet; the system reader, which reads every field)."""
    from qorgau.lib.sensitivity import SYSTEM, clearance_of

    from . import summaries
    from .models import PrisonerList, StatisticsBucket

    if user is SYSTEM or not (summaries.list_changes_ready() and summaries.counts_ready()):
        return None
    lists = PrisonerList.objects.visible_to(user)
    if filters.prisoner_list:
        lists = lists.filter(slug=filters.prisoner_list)
    shown = {str(list_id) for list_id in lists.values_list("id", flat=True)}
    added, removed = {}, {}
    if not shown:
        return added, removed
    for label, k, people, unconsented in (
            StatisticsBucket.objects.filter(level=clearance_of(user), table_key="le", bucket="*", people__gt=0)
            .values_list("label", "k", "people", "unconsented")):
        list_id, year_added, year_removed = label.split("\t")
        if list_id not in shown:
            continue
        for year, counts in ((year_added, added), (year_removed, removed)):
            if year:
                entry = counts.setdefault(year, [0, 0])
                entry[0] += k * people
                entry[1] += k * unconsented
    return added, removed


def _entry_list_changes(user, filters):
    """`_stored_list_changes` read from the list entries themselves (the reference; tests compare them)."""
    entries = ListEntry.objects.visible_to(user)
    if filters.prisoner_list:
        entries = entries.filter(prisoner_list__slug=filters.prisoner_list)
    from django.db.models.functions import Substr

    added, removed = {}, {}
    read = entries.as_read_by(user)
    # One reading for both tables (grouped by the year added and the year removed; a hidden or empty date is "" and
    # counted in no year): the join that keeps the visible persons scans the persons table, so a second query
    # doubled the cost (2 x 36 ms of a statistics page at 100k persons on PostgreSQL).
    for year_added, year_removed, n, u in (
            read.annotate(ya=Substr("seen_added", 1, 4), yr=Substr("seen_removed", 1, 4))
            .values("ya", "yr").annotate(n=Count("id"), u=Count("id", filter=~Q(person__consent="granted")))
            .order_by().values_list("ya", "yr", "n", "u")):
        for year, counts in ((year_added, added), (year_removed, removed)):
            if year:
                entry = counts.setdefault(year, [0, 0])
                entry[0] += n
                entry[1] += u
    return added, removed


SUMMARY_FILTERS = ("article", "role", "prisoner_list", "gender")  # filters that choose people, not acts


def _slice_of(user, filters):
    """The stored slice that answers this filter of people (summaries.slices_at), "" for no filter; None when the
    filter names a list or provision the reader may not see (it chooses nobody); False when no slice answers it
    (two filters at once, or slices not built yet): then the chosen people's summaries are summed."""
    from . import summaries

    chosen = [name for name in SUMMARY_FILTERS if getattr(filters, name)]
    if not chosen:
        return ""
    if len(chosen) > 1 or not summaries.slices_ready():
        return False
    return _slice_key(user, chosen[0], getattr(filters, chosen[0]))


def _slice_key(user, name, value):
    """The slice key of one filter of people (as `_slice_of`); None when it chooses nobody, False when no key."""
    from qorgau.records.models import Provision

    from . import summaries
    from .models import PrisonerList

    if name == "gender":
        key = f"g:{value}"
    elif name == "role":
        key = f"r:{value.lower()}"
    elif name == "prisoner_list":
        ids = list(PrisonerList.objects.visible_to(user).filter(slug=value).values_list("id", flat=True))
        if len(ids) != 1:
            return None if not ids else False
        key = f"l:{ids[0]}"
    else:  # article: a provision the reader may see
        ids = list(Provision.objects.visible_to(user).filter(uid=value).values_list("id", flat=True))
        if len(ids) != 1:
            return None if not ids else False
        key = f"a:{ids[0]}"
    return key if len(key) <= summaries.SLICE_MAX else False


def summed_cells(user, filters):
    """{(table, label, ref): [people, unconsented, n, n_unconsented]} for the reader's level: the stored totals of
    everyone, or of the people one filter chooses (a slice); with two filters of people at once, the sum of the
    chosen people's stored summaries."""
    from qorgau.lib.sensitivity import clearance_of, levels_for
    from qorgau.records.models import Person

    from .models import PersonSummary, SummaryTotal

    level = clearance_of(user)
    slice_key = _slice_of(user, filters)
    if slice_key is None:
        return {}
    if slice_key is not False:
        return {(t, label, ref): [p, u, n, nu] for t, label, ref, p, u, n, nu in
                SummaryTotal.objects.filter(level=level, slice=slice_key).values_list(
                    "table_key", "label", "ref", "people", "unconsented", "n", "n_unconsented") if p or n}
    # As the act scan (`visible_acts`): a gender or roles kept above the reader's level chooses nobody.
    people = Person.objects.filter(sensitivity__in=levels_for(user), merged_into__isnull=True)
    if filters.gender:
        people = people.filter(readable("", "gender", user), gender=filters.gender)
    if filters.role:
        people = people.filter(readable("", "roles", user), roles__icontains=f'"{filters.role}"')
    if filters.prisoner_list:
        people = people.filter(id__in=ListEntry.objects.visible_to(user).filter(
            prisoner_list__slug=filters.prisoner_list).values("person"))
    if filters.article:
        people = people.filter(id__in=_charged_under(user, filters.article))
    from_sets = _cells_of_chosen_sets(user, filters, level)
    if from_sets is not None:
        return from_sets
    chosen = PersonSummary.objects.filter(level=level, person__in=people.values("id"))
    summed = _sum_cells_in_sql(chosen)
    if summed is not None:
        return summed
    totals = {}
    for unconsented, cells in chosen.values_list("unconsented", "cells").iterator(chunk_size=5000):
        for table, label, ref, n in cells:
            entry = totals.setdefault((table, label, ref), [0, 0, 0, 0])
            entry[0] += 1
            entry[1] += unconsented
            entry[2] += n
            entry[3] += n * unconsented
    return totals


def _chosen_keys(user, filters):
    """The slice keys of the filters of people (`_slice_key`), [] for none; None when one chooses nobody; False when
    one has no stored set (no slice key, or one longer than a mark's label)."""
    from . import summaries

    keys = []
    for name in SUMMARY_FILTERS:
        value = getattr(filters, name)
        if value:
            key = _slice_key(user, name, value)
            if key is None:
                return None
            if key is False or len(key) > summaries.MARK_LABEL_MAX:
                return False
            keys.append(key)
    return keys


def _chosen_from_sets(level, keys):
    """The persons every slice of `keys` chooses at this level: the intersection of their stored "s" sets."""
    from . import summaries
    from .models import StatisticsBucket

    chosen = None
    for key in keys:
        bits = (StatisticsBucket.objects.filter(level=level, table_key="s", bucket="+", label=key, k=1)
                .values_list("bits", flat=True).first())
        found = summaries.decode_bits(bits) if bits else 0
        chosen = found if chosen is None else chosen & found
        if not chosen:
            return 0
    return chosen


def _people_of_filters(user, level, filters):
    """The persons the filters of people choose at this level, from the stored sets: a bit set (0 when they choose
    nobody), or None when one of them has no stored set (then the acts are read)."""
    keys = _chosen_keys(user, filters)
    if keys is False:
        return None
    if keys is None:
        return 0
    return _chosen_from_sets(level, keys) or 0


def _cells_of_chosen_sets(user, filters, level):
    """`summed_cells` for several filters of people at once from the stored person sets (`StatisticsBucket`, not
    by date: "s" the persons each slice chooses, "c" the persons with each cell, by its n): the chosen persons are
    the intersection of their slices' sets; a cell's people the chosen in its sets, its n the sum of k x those with
    n = k. None when a filter has no stored slice (then the chosen summaries are summed)."""
    from . import summaries
    from .models import StatisticsBucket

    if not (summaries.slices_ready() and summaries.buckets_ready()):
        return None
    chosen = _people_of_filters(user, level, filters)
    if chosen is None:
        return None
    if not chosen:
        return {}
    decode = summaries.decode_bits
    bits = (StatisticsBucket.objects.filter(level=level, table_key="u", bucket="*").values_list("bits", flat=True)
            .first())
    unconsented = decode(bits) if bits else 0
    totals = {}
    for label, k, bits in (StatisticsBucket.objects.filter(level=level, table_key="c", bucket="+")
                           .values_list("label", "k", "bits")):
        if not bits:
            continue
        here = decode(bits) & chosen
        if not here:
            continue
        table, rest = label.split("\t", 1)
        cell_label, ref = rest.rsplit("\t", 1)  # a month's label holds a tab
        p, u = here.bit_count(), (here & unconsented).bit_count()
        entry = totals.get((table, cell_label, int(ref)))
        if entry is None:
            totals[(table, cell_label, int(ref))] = [p, u, k * p, k * u]
        else:
            entry[0] += p
            entry[1] += u
            entry[2] += k * p
            entry[3] += k * u
    return totals


# The chosen people's summary cells summed in the database (each cell is [table, label, ref, n]): the same sums as
# the loop in `summed_cells`, without reading every summary into Python.
_CELLS_SQL = {
    "sqlite": ("SELECT json_extract(c.value, '$[0]'), json_extract(c.value, '$[1]'), json_extract(c.value, '$[2]'), "
               "COUNT(*), SUM(s.unconsented), SUM(json_extract(c.value, '$[3]')), "
               "SUM(json_extract(c.value, '$[3]') * s.unconsented) "
               "FROM ({chosen}) s, json_each(s.cells) c GROUP BY 1, 2, 3"),
    "postgresql": ("SELECT c.v ->> 0, c.v ->> 1, (c.v ->> 2)::bigint, COUNT(*), SUM(s.unconsented::int), "
                   "SUM((c.v ->> 3)::bigint), SUM((c.v ->> 3)::bigint * s.unconsented::int) "
                   "FROM ({chosen}) s CROSS JOIN LATERAL jsonb_array_elements(s.cells) AS c(v) GROUP BY 1, 2, 3"),
}


def _sum_cells_in_sql(chosen):
    from django.db import connection

    if connection.vendor not in _CELLS_SQL:
        return None
    sql, params = chosen.values("unconsented", "cells").query.sql_with_params()
    totals = {}
    with connection.cursor() as cursor:
        cursor.execute(_CELLS_SQL[connection.vendor].format(chosen=sql), params)
        for table, label, ref, people, unconsented, n, n_unconsented in cursor.fetchall():
            totals[(table, label, int(ref))] = [people, int(unconsented), int(n), int(n_unconsented)]
    return totals


def _charged_under(user, article):
    """The people with an accepted act the reader may see under this provision (uid)."""
    return (Act.objects.visible_to(user).filter(review="accepted", act_provisions__provision__uid=article,
                                                act_provisions__provision__in=Provision.objects.visible_to(user))
            .values("victim_person"))


def cells_of_acts(user, filters):
    """{(table, label, ref): [people, unconsented, n, n_unconsented]} of the acts a date range or a region keeps --
    the sum of every person's `summaries.person_cells` over their kept acts (as the reader's level may read them) and
    their custody episodes (`cells_of_acts_by_person` is that sum, person by person), counted table by table in one
    plain reading of the kept acts: a set of person ids per cell and counters of acts, instead of each person's cells.

    The kept acts come with their provisions (`_provision_ids`); one more read: the level's episodes (filtered by the
    persons read). Field levels are decoded once per distinct value (`_blank_at`)."""
    from qorgau.lib.reads import planned_for_whole_reads, rows
    from qorgau.lib.sensitivity import clearance_of

    from .summaries import GROUP_FIRST, month_on_or_after, sentence_bin

    level = clearance_of(user)
    acts = visible_acts(user, filters).order_by()
    blank_of = functools.partial(_blank_at, {}, level)
    totals = {}

    def count(table, people, unconsented, n=None):
        """Cells of `table` from {(label, ref): {person id}} (`n`: {(label, ref): [n, n_unconsented]}; else each
        person counts once, n = people)."""
        for key, chosen in people.items():
            p, u = len(chosen), len(chosen & unconsented)
            totals[(table, *key)] = [p, u, *(n[key] if n is not None else (p, u))]

    with planned_for_whole_reads():
        people_read, unconsented = set(), set()
        months, sentenced, places, prosecuted = {}, {}, {}, {}
        month_n, sentence_n = {}, {}
        charged = {}
        for (pid, act_type, date, penalty_kind, penalty_amount, penalty_unit, place_id, levels, consent,
             provision_ids) in rows(acts.annotate(provision_ids=_provision_ids()).values_list(
                 "victim_person_id", "act_type", "date", "penalty_kind", "penalty_amount", "penalty_unit",
                 "place_id", "field_sensitivity", "victim_person__consent", "provision_ids")):
            if provision_ids:  # "12,15": the act's provisions (their visibility is checked when the table is made)
                for provision_id in str(provision_ids).split(","):
                    key = ("", int(provision_id))
                    found = charged.get(key)
                    if found is None:
                        found = charged[key] = set()
                    found.add(pid)
            if levels and levels != "{}":
                blank = blank_of(levels)
                if blank:
                    date = blank.get("date", date)
                    place_id = blank.get("place_id", place_id)
                    act_type = blank.get("act_type", act_type)
                    if "penalty_kind" in blank:
                        penalty_kind, penalty_amount = "", None
            if pid not in people_read:
                people_read.add(pid)
                if consent != "granted":
                    unconsented.add(pid)
            u = pid in unconsented
            if place_id:
                found = places.get(("", place_id))
                if found is None:
                    found = places[("", place_id)] = set()
                found.add(pid)
            if date:
                key = (f"{date[:7]}\t{GROUP_FIRST.get(act_type, '')}", 0)
                entry = month_n.get(key)
                if entry is None:
                    entry = month_n[key] = [0, 0]
                entry[0] += 1
                entry[1] += u
                found = months.get(key)
                if found is None:
                    found = months[key] = set()
                found.add(pid)
                if act_type in PROSECUTION_TYPES:
                    prosecuted.setdefault(pid, []).append(date)
            if (act_type in ("sentenced", "imprisoned") and penalty_kind == "imprisonment"
                    and penalty_amount is not None):
                label = sentence_bin(penalty_amount, penalty_unit)
                if label is not None:
                    entry = sentence_n.get((label, 0))
                    if entry is None:
                        entry = sentence_n[(label, 0)] = [0, 0]
                    entry[0] += 1
                    entry[1] += u
                    sentenced.setdefault((label, 0), set()).add(pid)
        count("gm", months, unconsented, month_n)
        count("se", sentenced, unconsented, sentence_n)
        count("rg", places, unconsented)
        del months, sentenced, places
        count("ar", charged, unconsented)
        started, cases = {}, {}
        for pid, dates in prosecuted.items():
            u = pid in unconsented
            last = None
            for date in sorted(dates):
                lo = _lo(date)
                if last is None or _days(last, lo) > PROSECUTION_GAP_DAYS:
                    entry = cases.get((lo[:4], 0))
                    if entry is None:
                        entry = cases[(lo[:4], 0)] = [0, 0]
                    entry[0] += 1
                    entry[1] += u
                    started.setdefault((lo[:4], 0), set()).add(pid)
                last = lo
        count("py", started, unconsented, cases)
        del prosecuted, started
        # Custody: every episode (not restricted freedom) of a person with a kept act, at the reader's level.
        begun, ended, first = {}, {}, {}
        begun_n, ended_n = {}, {}
        for pid, kind, start_lo, start_hi, end_lo in rows(
                CustodyEpisode.objects.filter(level=level).exclude(kind="restricted_freedom").order_by()
                .values_list("person_id", "kind", "start_lo", "start_hi", "end_lo")):
            if pid not in people_read:
                continue
            u = pid in unconsented
            for table, day, found, n in (("cs", start_hi, begun, begun_n),
                                         ("ce", max(start_hi, end_lo) if end_lo else "", ended, ended_n)):
                if not day:
                    continue
                key = (month_on_or_after(day), 0)
                entry = n.get(key)
                if entry is None:
                    entry = n[key] = [0, 0]
                entry[0] += 1
                entry[1] += u
                found.setdefault(key, set()).add(pid)
            if pid not in first or start_lo[:7] < first[pid]:
                first[pid] = start_lo[:7]
        count("cs", begun, unconsented, begun_n)
        count("ce", ended, unconsented, ended_n)
        earliest = {}
        for pid, month in first.items():
            earliest.setdefault((month, 0), set()).add(pid)
        count("cf", earliest, unconsented)
    return totals


def _straddled(cut, upper):
    """Whether a range bound cuts the full dates of one month in two (some of its days kept, some not): then the
    month's bucket (summaries.date_bucket) cannot answer. `cut` is date_from (kept: >= cut) or date_to + "-99"
    (kept: <= cut, `upper`)."""
    import calendar

    month = cut[:7]
    if summaries_bucket(month) != month or len(month) != 7 or cut[7:8] != "-":
        return False
    first = month + "-01"
    last = f"{month}-{calendar.monthrange(int(month[:4]), int(month[5:7]))[1]:02d}"
    return first <= cut < last if upper else first < cut <= last


def _whole_years(date_from, upper):
    """(first, last) of the years whose span (summaries.year_span: "YYYY-01-01" to "YYYY-12-31") a range keeps
    whole, as "YYYY"; None when none."""
    first, last = 0, 9999
    if date_from:
        if not date_from[:4].isdigit():
            return None
        first = int(date_from[:4]) + (date_from > f"{date_from[:4]}-01-01")
    if upper:
        if not upper[:4].isdigit():
            return None
        last = int(upper[:4]) - (f"{upper[:4]}-12-31" > upper)
    return (f"{first:04d}", f"{last:04d}") if first <= last else None


def _region_place(user, region):
    """The place id of a region filter, whose sets (summaries.person_marks "@<place id>", and by date bucket
    "@<place id>:<date bucket>") hold the acts at the place and at the places under it; False when the filter keeps
    nothing (no such place the reader may see); None when its sets cannot answer: a place under it the reader may not
    see (the filter leaves its acts out, the sets hold them)."""
    from qorgau.records.models import Place

    found = list(Place.objects.visible_to(user).filter(uid=region).values_list("id", flat=True))
    if len(found) != 1:
        return False if not found else None
    under = Place._base_manager.filter(parent_id=found[0])
    if under.count() != Place.objects.visible_to(user).filter(parent_id=found[0]).count():
        return None
    return found[0]


def summaries_bucket(date):
    from .summaries import date_bucket

    return date_bucket(date)


# The year spans' tables (summaries.person_marks, "Y" + a dated table).
SPAN_TABLES = ["Y" + table for table in ("a", "ar", "rg", "gm", "se", "p", "fs", "ch")]
SUMMED = ("ar", "rg", "gm", "se", "y")  # the tables `cells_of_buckets` counts per label (a label in one bucket: from
# the stored counts); the others' sets are read whole (the kept persons, the prosecution walk, custody, consent)


def cells_of_buckets(user, filters):
    """`cells_of_acts` for a date range or a region, alone or with filters of people, from the stored date or place
    buckets (`StatisticsBucket`): the same dict, read from a few thousand rows instead of every kept act. Filters of
    people choose persons, not acts: every set is read among the persons their slices' sets ("s") choose. None when
    they cannot answer: a bound inside a month's full dates, buckets or slices not built, an act date in no bucket
    form, a place under the region the reader may not see, a slice key too long for a mark. A region with a date
    range reads the region's own buckets by date ("@<place id>:<date bucket>": the acts at the region's places, by
    date), as a range alone reads everyone's.

    A range keeps whole buckets (their keys sort as the dates they hold). People of a table = the union of its
    buckets' person sets (ids as bits); acts = the sum over buckets of k times the people with k acts there. The
    prosecution years walk the buckets in date order: a person's kept prosecution acts are a run of their dated ones,
    so its starts are the full-data starts ("fs") in the run plus its first act when that continues a prosecution
    begun before the range ("ch" of the bucket where the person is first seen). Custody counts the episodes of the
    persons with any kept act ("a")."""
    from qorgau.lib.sensitivity import clearance_of

    from . import summaries
    from .models import StatisticsBucket

    if not (filters.date_from or filters.date_to or filters.region):
        return None
    ranged = bool(filters.date_from or filters.date_to)
    if filters.region and ranged and not summaries.place_dates_ready():
        return None
    upper = filters.date_to + "-99" if filters.date_to else None
    if (filters.date_from and _straddled(filters.date_from, False)) or (upper and _straddled(upper, True)):
        return None
    if not (summaries.ready() and summaries.buckets_ready()):
        return None
    level = clearance_of(user)
    chosen = None  # with filters of people: the persons they choose (every set below is read among them)
    if any(getattr(filters, name) for name in SUMMARY_FILTERS):
        if not summaries.slices_ready():
            return None
        chosen = _people_of_filters(user, level, filters)
        if chosen is None:
            return None
        if not chosen:
            return {}
    if filters.region:
        place = _region_place(user, filters.region)
        if place is None:
            return None
        if place is False:
            return {}
        if ranged:  # the place's buckets by date, "@<id>:<date bucket>": the range's whole buckets, as below
            prefix = f"@{place}:"
            in_range = Q(bucket__gte=prefix + (filters.date_from or ""))
            in_range &= Q(bucket__lte=prefix + upper) if upper else Q(bucket__lt=f"@{place};")
        else:
            in_range = Q(bucket=f"@{place}")
    else:  # dated buckets are "" or begin with a digit
        in_range = Q(bucket="") | Q(bucket__gte="0", bucket__lt=":")
        if filters.date_from:
            in_range &= Q(bucket__gte=filters.date_from)
        if upper:
            in_range &= Q(bucket__lte=upper)
        in_range &= ~Q(table_key__startswith="Y") & ~Q(table_key__startswith="L")
        years = _whole_years(filters.date_from, upper) if summaries.year_spans_ready() else None
        if years:  # whole years: their spans' rows ("Y..."), not their months' (the year alone and January stay)
            first, last = years
            # Read as index ranges and seeks, not as one range filtered row by row (that visited every month's row of
            # the whole years to drop it: 50-120 ms for a start year at a million acts): the buckets up to the first
            # whole year's January alone, each whole year's year alone and January alone (up to the latest year
            # stored), the buckets after the last whole year, and the spans' rows by their table keys.
            stored = StatisticsBucket.objects.filter(level=level, bucket__gte="0", bucket__lt=":")
            earliest = stored.order_by("bucket").values_list("bucket", flat=True).first() or "9999"
            latest_year = stored.order_by("-bucket").values_list("bucket", flat=True).first() or "0000"
            inside = [f"{year:04d}" for year in range(max(int(first) + 1, int(earliest[:4])),
                                                      min(int(last), int(latest_year[:4])) + 1)]
            in_range = [in_range & Q(bucket__lte=f"{first}-01"),
                        *([in_range & Q(bucket__in=inside + [f"{year}-01" for year in inside])] if inside else []),
                        in_range & Q(bucket__gte=f"{last}-99"),
                        Q(table_key__in=SPAN_TABLES, bucket__gte=first, bucket__lte=last)]
    dated, other = {}, {}
    from django.db.models.functions import Length

    from itertools import chain

    read = StatisticsBucket.objects.filter(level=level).alias(bucket_length=Length("bucket"))
    # (the "le" marks, undated too, are the list-change tables' own: `list_changes` reads them, these tables do not)
    parts = (Q(bucket="*") & ~Q(table_key="le"), *(in_range if isinstance(in_range, list) else [in_range]))
    # Without filters of people, a label's sets in ONE bucket are disjoint (a person has one k there): its people are
    # the sum of the sets' stored counts, and its acts the sum of k times them -- no set decoded (a range from an
    # early year reads a dozen years' spans: decoding them was most of that page). Those sets are not even fetched.
    counted = chosen is None and summaries.counts_ready()
    # A start and no end (a region aside): the people of an article, place or sentence bin from the sets of persons
    # by their latest date bucket there, counted from the start on (`_latest_counts`); its acts from the stored
    # counts as below. None: the unions are decoded.
    latest = (_latest_counts(level, filters.date_from) if counted and filters.date_from and not upper
              and not filters.region and summaries.last_ready() else None)
    if counted:
        rows = list(chain.from_iterable(
            read.filter(part, people__gt=0).values_list("id", "table_key", "bucket", "label", "k", "people",
                                                        "unconsented") for part in parts))
        spread = {}  # {(table, label): the buckets it is in}, as `count` groups them below
        for _id, table, bucket, label, *_rest in rows:
            if bucket != "*":
                spread.setdefault((table.lstrip("Y"), label), set()).add(bucket if table[0] != "Y" else "Y" + bucket)
        needed = [row[0] for row in rows if row[2] == "*" or row[1].lstrip("Y") not in SUMMED
                  or len(spread[(row[1].lstrip("Y"), row[3])]) > 1
                  and not (latest is not None and row[1].lstrip("Y") in summaries.LAST_TABLES)]
        sets = {}
        for start in range(0, len(needed), 500):
            sets.update(StatisticsBucket.objects.filter(id__in=needed[start:start + 500]).values_list("id", "bits"))
        found = ((table, bucket, label, k, sets.get(row_id), people, u)
                 for row_id, table, bucket, label, k, people, u in rows)
    else:
        # One query per part (each an indexed range of the level's buckets; an OR of them is a scan of the level).
        found = chain.from_iterable(
            read.filter(part).values_list("table_key", "bucket", "label", "k", "bits", "people", "unconsented")
            for part in parts)
    for table, bucket, label, k, bits, *counted_here in found:
        if not (bits or counted):
            continue
        if bucket == "*":
            other.setdefault(table, []).append((label, k, bits))
        elif table.startswith("Y"):  # a year's span walks after the year alone and January alone
            dated.setdefault(table[1:], []).append((f"{bucket}-01-00", label, k, bits, *counted_here))
        else:
            dated.setdefault(table, []).append((bucket, label, k, bits, *counted_here))
    if "odd" in other and ranged:
        return None
    if chosen is None:
        decode = summaries.decode_bits
    else:  # filters of people choose persons, not acts: each person's cells are kept or left whole
        def decode(bits, _decode=summaries.decode_bits):
            return _decode(bits) & chosen
    unconsented = decode(other["u"][0][2]) if "u" in other else 0
    totals = {}

    def count(table, ref_of, entries, within=None, distinct=False):
        """Cells of `table` from [(bucket, label, k, bits, people, unconsented)]: people = the union per label, n =
        sum of k x people (the acts or episodes), or the people again when `distinct`."""
        people, n = {}, {}
        if counted and within is None:
            buckets = {}
            for bucket, label, *_rest in entries:
                buckets.setdefault(label, set()).add(bucket)
            unions = latest.get(table, {}) if latest is not None and table in summaries.LAST_TABLES else None
            plain = [entry for entry in entries if len(buckets[entry[1]]) > 1] if unions is None else []
            for _bucket, label, k, _bits, p, u in entries:
                if len(buckets[label]) == 1 or unions is not None:
                    entry = n.setdefault(label, [0, 0, 0, 0])
                    entry[0] += p
                    entry[1] += u
                    entry[2] += k * p
                    entry[3] += k * u
            for label, (p, u, acts, acts_u) in n.items():
                if unions is not None and len(buckets[label]) > 1:
                    p, u = unions.get(label, (0, 0))
                totals[ref_of(label)] = [p, u, p, u] if distinct else [p, u, acts, acts_u]
            n = {}
            entries = plain
        for _bucket, label, k, bits, *stored in entries:
            chosen = decode(bits)
            if within is not None:
                chosen &= within
            if not chosen:
                continue
            people[label] = people.get(label, 0) | chosen
            if distinct:
                continue
            entry = n.setdefault(label, [0, 0])
            if counted and within is None:  # the union needs the sets; the acts their counts only
                entry[0] += k * stored[0]
                entry[1] += k * stored[1]
            else:
                entry[0] += k * chosen.bit_count()
                entry[1] += k * (chosen & unconsented).bit_count()
        for label, chosen in people.items():
            p, u = chosen.bit_count(), (chosen & unconsented).bit_count()
            totals[ref_of(label)] = [p, u, p, u] if distinct else [p, u, *n[label]]

    count("ar", lambda label: ("ar", "", int(label)), dated.get("ar", ()), distinct=True)
    count("rg", lambda label: ("rg", "", int(label)), dated.get("rg", ()), distinct=True)
    count("gm", lambda label: ("gm", label, 0), dated.get("gm", ()))
    count("se", lambda label: ("se", label, 0), dated.get("se", ()))
    kept = 0
    for _bucket, _label, _k, bits, *_counts in dated.get("a", ()):
        kept |= decode(bits)
    for table in ("cs", "ce", "cf"):
        count(table, lambda label, table=table: (table, label, 0),
              [("*", label, k, bits) for label, k, bits in other.get(table, ())], kept)
    if filters.region and not ranged:  # the prosecutions begun among the acts at the region's places, per year
        count("py", lambda label: ("py", label, 0), dated.get("y", ()))
        return totals
    # Prosecutions: walk the buckets in date order.
    steps = {}
    for table in ("p", "fs", "ch"):
        for bucket, label, _k, bits, *_counts in dated.get(table, ()):
            steps.setdefault(bucket, {})[table] = (label, decode(bits))
    before, started, cases = 0, {}, {}
    for bucket in sorted(steps):
        step = steps[bucket]
        year, here = step["p"]
        starts = step["fs"][1] if "fs" in step else 0
        first_here = here & ~before
        continued = first_here & step["ch"][1] if "ch" in step else 0
        both = starts | continued
        if both:
            started[year] = started.get(year, 0) | both
            entry = cases.setdefault(year, [0, 0])
            entry[0] += starts.bit_count() + continued.bit_count()
            entry[1] += (starts & unconsented).bit_count() + (continued & unconsented).bit_count()
        before |= here
    for year, chosen in started.items():
        totals[("py", year, 0)] = [chosen.bit_count(), (chosen & unconsented).bit_count(), *cases[year]]
    return totals


def _latest_counts(level, date_from):
    """{table: {label: [people, unconsented]}} of "ar", "rg" and "se" over every date bucket from `date_from` on:
    the sum of the stored counts of the "L..." sets (the persons by their latest bucket with the label; disjoint)
    from that bucket on -- a person has the label somewhere from the start on exactly when their latest bucket with it
    is there."""
    from .models import StatisticsBucket

    found = {}
    for table, label, people, unconsented in (
            StatisticsBucket.objects.filter(level=level, table_key__in=["L" + t for t in ("ar", "rg", "se")],
                                            bucket__gte=date_from, people__gt=0)
            .values_list("table_key", "label", "people", "unconsented")):
        entry = found.setdefault(table[1:], {}).setdefault(label, [0, 0])
        entry[0] += people
        entry[1] += unconsented
    return found


class _JoinedIds(Aggregate):
    """The ids aggregated as text, "12,15" (GROUP_CONCAT; STRING_AGG on PostgreSQL)."""
    function = "GROUP_CONCAT"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, function="STRING_AGG",
                           template="%(function)s(CAST(%(expressions)s AS text), ',')", **extra)


def _provision_ids():
    """Each act's provision ids in the act's own row (one reading of the kept acts, not a second one joined to
    the act provisions)."""
    return Subquery(ActProvision.objects.filter(act=OuterRef("pk")).order_by().values("act")
                    .annotate(ids=_JoinedIds("provision_id")).values("ids"))


def _blank_at(decoded, level, levels):
    """The act values a reader of `level` may not read (`privacy.act_values_at`), for a field-levels value as the
    database gives it (JSON text), decoded once per distinct value (`decoded`: the memo)."""
    import json

    from .privacy import act_values_at

    key = levels if isinstance(levels, str) else json.dumps(levels, sort_keys=True)
    found = decoded.get(key)
    if found is None:
        found = decoded[key] = act_values_at(json.loads(levels) if isinstance(levels, str) else levels, level)
    return found


@functools.lru_cache(maxsize=65536)
def _lo(date):
    from qorgau.analysis.custody import date_range

    return date_range(date)[0]


def cells_of_acts_by_person(user, filters):
    """The reference for `cells_of_acts` (the same dict, person by person; tests compare them; session 7's reading):
    each person's kept acts (as the reader's level may read them) summarised as a stored summary is
    (`summaries.person_cells`), with their custody episodes, and summed."""
    from qorgau.lib.sensitivity import clearance_of

    from .summaries import ActRow, _seen_at, person_cells

    level = clearance_of(user)
    acts = visible_acts(user, filters)
    # Every act's provisions in person order, walked beside the kept acts (PostgreSQL planned the semi-join with the
    # kept acts as a nested loop: minutes at a million acts); only the kept acts' are looked up.
    links = (ActProvision.objects.filter(act__victim_person__isnull=False).order_by("act__victim_person_id")
             .values_list("act__victim_person_id", "act_id", "provision_id").iterator(chunk_size=20000))
    waiting_link = next(links, None)
    provisions = {}

    def provisions_of(pid):
        nonlocal waiting_link
        provisions.clear()
        while waiting_link is not None and waiting_link[0] <= pid:
            if waiting_link[0] == pid:
                provisions.setdefault(waiting_link[1], []).append(waiting_link[2])
            waiting_link = next(links, None)
        return provisions
    # The level's episodes in person order, walked beside the acts (a join with the kept acts' persons costs the
    # database more than reading every episode of the level once).
    episodes = (CustodyEpisode.objects.filter(level=level).order_by("person_id", "id")
                .values_list("person_id", "kind", "start_lo", "start_hi", "end_lo").iterator(chunk_size=20000))
    waiting = next(episodes, None)
    totals = {}

    def episodes_of(pid):
        nonlocal waiting
        found = []
        while waiting is not None and waiting[0] <= pid:
            if waiting[0] == pid:
                found.append(waiting[1:])
            waiting = next(episodes, None)
        return found

    def add(pid, unconsented, person_acts):
        for table, label, ref, n in person_cells(person_acts, provisions_of(pid), episodes_of(pid)):
            entry = totals.get((table, label, ref))
            if entry is None:
                totals[(table, label, ref)] = [1, unconsented, n, n * unconsented]
            else:
                entry[0] += 1
                entry[1] += unconsented
                entry[2] += n
                entry[3] += n * unconsented

    current, consent, kept = None, None, []
    for *row, person_consent in (acts.values_list(*ActRow._fields, "victim_person__consent")
                                 .order_by("victim_person_id", "id").iterator(chunk_size=20000)):
        act = _seen_at(ActRow._make(row), level)
        if act.victim_person_id != current:
            if kept:
                add(current, int(consent != "granted"), kept)
            current, consent, kept = act.victim_person_id, person_consent, []
        kept.append(act)
    if kept:
        add(current, int(consent != "granted"), kept)
    return totals


def tables_from_summaries(user, filters, public, allowed, cells=None):
    """The same tables as the act scan (`visible_acts` and the functions above), from the stored summaries (or from
    `cells` given: `cells_of_acts`)."""
    from qorgau.records.models import Place, Provision

    cells = summed_cells(user, filters) if cells is None else cells
    by_table = {}
    for (table, label, ref), value in cells.items():
        by_table.setdefault(table, []).append((label, ref, *value))

    years = sorted(by_table.get("py", []))
    people, withheld = _protect([(y, p, u) for y, _r, p, u, _n, _nu in years], public)
    cases, case_withheld = _protect([(y, n, u) for y, _r, _p, u, n, _nu in years], public)
    tables = [Table("prosecutions_by_year", _("People prosecuted, by the year the prosecution began"),
                    (_("Year"), _("People")), people, withheld=withheld,
                    note=_("Prosecutions (cases) are counted separately in the next table.")),
              Table("cases_by_year", _("Prosecutions by the year they began"), (_("Year"), _("Prosecutions")),
                    cases, withheld=case_withheld,
                    note=_("One person may have several prosecutions. A person's prosecution acts less than "
                           "two years apart are taken as one prosecution."))]

    # Articles: a provision the reader may not see is not a row.
    counts = {ref: (p, u) for _l, ref, p, u, _n, _nu in by_table.get("ar", [])}
    uids = dict(Provision.objects.filter(id__in=list(counts), sensitivity__in=allowed)
                .values_list("id", "uid")) if counts else {}
    rows = sorted(((uids[ref], p, u) for ref, (p, u) in counts.items() if ref in uids), key=lambda r: (-r[1], r[0]))
    shown, withheld = _protect(rows, public)
    tables.append(Table("by_article", _("People by article"), (_("Article"), _("People")), shown, withheld=withheld,
                        note=_("A person charged under two articles counts under each: the rows do not add up to "
                               "the number of people.")))

    # Regions: as `by_region` (each place's people, under its region when the reader may see the region).
    counts = {ref: (p, u) for _l, ref, p, u, _n, _nu in by_table.get("rg", [])}
    regions = {}
    if counts:
        for pid, kind, name, parent, parent_level, parent_deleted in (
                Place.objects.filter(id__in=list(counts), sensitivity__in=allowed)
                .values_list("id", "kind", "name", "parent__name", "parent__sensitivity", "parent__deleted_at")):
            parent_shown = parent and parent_level in allowed and parent_deleted is None
            region = parent if parent_shown and kind != "region" else name
            p, u = regions.get(region, (0, 0))
            regions[region] = (p + counts[pid][0], u + counts[pid][1])
    ordered = sorted(regions.items(), key=lambda kv: (-kv[1][0], kv[0]))
    shown, withheld = _protect([(region, p, u) for region, (p, u) in ordered], public)
    tables.append(Table("by_region", _("People by region of the act"), (_("Region"), _("People")), shown,
                        withheld=withheld, note=_("A person with acts in two regions counts in each.")))

    bins = {label: (0, 0) for _lo, _hi, label in SENTENCE_BINS}
    for label, _r, _p, u, n, _nu in by_table.get("se", []):
        bins[label] = (n, u)
    shown, withheld = _protect([(label, n, u) for label, (n, u) in bins.items()], public)
    tables.append(Table("sentences", _("Prison sentences by length (years)"), (_("Years"), _("Sentences")), shown,
                        withheld=withheld))

    tables.append(_custody_table(filters, public, by_table))

    months = sorted((tuple(label.split("\t", 1)), n) for label, _r, _p, _u, n, _nu in by_table.get("gm", []))
    tables.append(Table("by_group_per_month", _("Acts by group and month"), (_("Month and group"), _("Acts")),
                        [(f"{month} {group}", n) for (month, group), n in months],
                        note=_("This table counts acts, not people; a year alone is shown where the month is "
                               "unknown.")))
    return tables


def _months(filters, first):
    today = datetime.date.today().strftime("%Y-%m")
    end = filters.date_to[:7] if filters.date_to else today
    first = first or end
    start = filters.date_from[:7] if filters.date_from else first
    return start, end


def _month_points(start, end, points):
    span = (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7] or 12) - int(start[5:7] or 1) + 1
    step = max(1, -(-span // points))
    months, year, month = [], int(start[:4]), int(start[5:7] or 1)
    while f"{year:04d}-{month:02d}" <= end:
        months.append(f"{year:04d}-{month:02d}-01")
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return months


def _custody_table(filters, public, by_table, points=36):
    """`custody_over_time` from the summaries' custody cells: episodes certainly begun by the first of each month,
    less those certainly ended by it."""
    first = min((label for label, *_rest in by_table.get("cf", [])), default=None)
    start, end = _months(filters, first)
    events = {}
    for table, sign in (("cs", 1), ("ce", -1)):
        for label, _r, _p, _u, n, nu in by_table.get(table, []):
            entry = events.setdefault(label, [0, 0])
            entry[0] += sign * n
            entry[1] += sign * nu
    ordered = sorted(events.items())
    rows, i, held, held_unconsented = [], 0, 0, 0
    for day in _month_points(start, end, points):
        while i < len(ordered) and ordered[i][0] <= day[:7]:
            held += ordered[i][1][0]
            held_unconsented += ordered[i][1][1]
            i += 1
        rows.append((day[:7], held, held_unconsented))
    shown, withheld = _protect(rows, public)
    return Table("custody_over_time", _("People certainly in custody on the first of the month"),
                 (_("Month"), _("People")), shown, withheld=withheld,
                 note=_("Every month, or every few months over a long range; from the custody episodes."))


def uses_summaries(filters):
    """Whether this filter is answered from the stored summaries (all but a date range or a region, which choose
    acts rather than people)."""
    from . import summaries

    return not (filters.date_from or filters.date_to or filters.region) and summaries.ready()


def tables_from_acts(user, filters, public, allowed):
    acts = visible_acts(user, filters)
    # A table by a value counts an act only where the reader may read that value (as the summaries do:
    # privacy.act_values_at): a count by year, region or sentence length would tell a hidden date, place or term.
    dated = acts.filter(readable("", "date", user))
    placed = acts.filter(readable("", "place", user))
    typed = readable("", "act_type", user)  # a hidden type: an act of no type (no prosecution, sentence or group)
    penalised = acts.filter(typed, *(readable("", name, user)
                                     for name in ("penalty_kind", "penalty_amount", "penalty_unit")))
    tables = prosecutions_by_year(dated.filter(typed), public)
    tables += [by_article(acts, public, allowed), by_region(placed, public, allowed), sentences(penalised, public),
               custody_over_time(user, filters, acts, public), by_group_per_month(dated, public, typed)]
    return tables


def all_tables(user, filters):
    """Every table for this reader and filter; cached until a record changes (`generation`)."""
    from qorgau.lib.sensitivity import clearance_of, levels_for

    from .episodes import flush_pending

    public = not getattr(user, "is_authenticated", False)
    flush_pending()  # this thread's own uncommitted changes count at once

    def compute():
        allowed = levels_for(user)
        if uses_summaries(filters):
            tables = tables_from_summaries(user, filters, public, allowed)
        else:  # a date range or a region (with filters of people or not): their buckets; or (a bound inside a
            # month, a range with a region) one reading of the acts they keep (tables_from_acts is the reference)
            cells = cells_of_buckets(user, filters)
            if cells is None:
                cells = cells_of_acts(user, filters)
            tables = tables_from_summaries(user, filters, public, allowed, cells)
        return tables + list_changes(user, filters, public)

    return generation.cached("statistics", (clearance_of(user), public), sorted(filters.as_query().items()),
                             compute)
