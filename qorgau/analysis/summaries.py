"""Stored per-person summaries of what the statistics count, and their totals per reading level.

The statistics tables count people (or acts) by year, article, region, sentence, month and custody. Computing
them from the acts scans every act the reader may see; at a million acts that is a minute. Instead each person's
contribution is stored (`PersonSummary.cells`, one row per person and reading level, from the accepted acts a
reader of that level may see — the same acts `statistics.visible_acts` selects), and the sum over everyone per
level (`SummaryTotal`) is kept by difference: when a person's summary is rebuilt, the old cells are subtracted
from the totals and the new ones added, in the same transaction.

Summaries are rebuilt with the person's custody episodes (`episodes.rebuild_persons`): after the transaction that
saved or deleted one of their acts, act provisions or the person commits, or at once when statistics are read in
the same thread first (`episodes.flush_pending`). `qorgau census --rebuild` rebuilds everything.

A cell is [table, label, ref, n]:
- "py": a prosecution began in year `label` (n prosecutions that year; statistics.PROSECUTION_GAP_DAYS);
- "ar": charged under provision id `ref` (the provision's visibility is checked when read);
- "rg": an act at place id `ref` (the place's and its region's visibility are checked when read);
- "se": n prison sentences in the length bin `label`;
- "gm": n acts in month (or year) and group `label` ("2018-03\\tPROSECUTION");
- "cs" / "ce": n custody episodes (not restricted freedom) certainly begun / certainly ended by the first day of
  month `label` ("2018-04": the first of a month on or after the start's last possible day, or the end's first);
- "cf": the month of the earliest possible start of the person's first custody episode.
Nothing here names a person; the privacy rules (small cells withheld) are applied by `statistics` when reading.

Slices: a filter that chooses people (gender, role, list, article) would sum the summaries of everyone it keeps --
half the record for a gender. So each summary also names the slices its person is chosen by at its level
(`slices_at`: "g:f", "r:journalist", "l:<list id>", "a:<provision id>"), and the totals are kept per slice too ("" is
everyone): a page with one such filter reads its slice's totals. What decides a slice is what the act scan's filter
reads at that level: a gender or roles field kept above the level chooses nothing; a list entry counts when the
entry is visible at the level (the list's own visibility, like a provision's, is checked when read).
"""

import array
import datetime
import json
import zlib
from collections import namedtuple

from django.db import connection, transaction

from qorgau.lib.sensitivity import LEVELS, RANK
from qorgau.records.models import ACT_GROUPS, Act, ActProvision, Person

from .custody import date_range
from .models import CacheGeneration, PersonSummary, StatisticsBucket, SummaryTotal
from .statistics import PROSECUTION_GAP_DAYS, PROSECUTION_TYPES, SENTENCE_BINS

READY = "summaries-ready"
BUCKETS_READY = "statistics-buckets-ready"
YEAR_SPANS_READY = "statistics-year-spans-ready"  # the "Y..." marks (a database rebuilt before them has none)
PLACE_DATES_READY = "statistics-place-dates-ready"  # the "@<place>:<date>" marks (likewise)
COUNTS_READY = "statistics-bucket-counts-ready"  # StatisticsBucket.people / unconsented (likewise)
LIST_CHANGES_READY = "statistics-list-changes-ready"  # the "le" marks: list entries by year added and removed
LAST_READY = "statistics-last-buckets-ready"  # the "L..." marks: a person's last date bucket of an article, place, bin
LAST_TABLES = ("ar", "rg", "se")  # the tables marked by their last date bucket ("Lar", "Lrg", "Lse")
UNCONSENTED_MARK = "u|*||1"
SLICES_READY = "summary-slices-ready"
PERSON_TABLES = ("py", "ar", "rg", "se", "gm", "cs", "ce", "cf")
# The first group an act type is listed under (as the statistics always named it).
GROUP_FIRST = {}
for _group, _types in ACT_GROUPS.items():
    for _type in _types:
        GROUP_FIRST.setdefault(_type, _group)


def ready():
    """Whether every person's summary has been built (after a bulk load that bypassed the models it is not, until
    `qorgau census --rebuild`); until then statistics count from the acts."""
    return CacheGeneration.objects.filter(name=READY, value__gte=1).exists()


def _set_ready(value):
    CacheGeneration.objects.update_or_create(name=READY, defaults={"value": value})


def slices_ready():
    """Whether the per-filter totals are complete (built by `rebuild_all`; a database summarised before they existed
    sums the chosen people's summaries until `qorgau census --rebuild`)."""
    return _flag_set(SLICES_READY)


SLICE_MAX = 48  # SummaryTotal.slice; a longer key (a very long role) is never a slice: the filter sums summaries


def slices_at(who, level, cells, entries):
    """The slices a person is chosen by at `level`: who = Who; entries = [(list id, entry level)] of live entries."""
    from .privacy import kept_above

    def readable(name):  # as the act scan's filter reads it (statistics.readable)
        return not kept_above(who.field_sensitivity, name, level)

    found = set()
    if who.gender and readable("gender"):
        found.add(f"g:{who.gender}")
    if readable("roles") and isinstance(who.roles, list):
        found.update(f"r:{role.lower()}" for role in who.roles if isinstance(role, str) and role)
    found.update(f"l:{list_id}" for list_id, entry_level, *_dates in entries
                 if RANK.get(entry_level, 99) <= RANK[level])
    found.update(f"a:{ref}" for table, _label, ref, _n in cells if table == "ar")
    return sorted(key for key in found if len(key) <= SLICE_MAX)


def _days(a, b):
    return (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days


def month_on_or_after(day):
    """The first of a month on or after an ISO day, as "YYYY-MM"."""
    if day[8:10] == "01":
        return day[:7]
    year, month = int(day[:4]), int(day[5:7]) + 1
    if month == 13:
        year, month = year + 1, 1
    return f"{year:04d}-{month:02d}"


def sentence_bin(amount, unit):
    years = float(amount) / (12 if unit == "months" else 365 if unit == "days" else 1)
    return next((label for lo, hi, label in SENTENCE_BINS if lo <= years < hi), None)


def person_cells(acts, provisions, episodes):
    """The cells of one person at one level.

    acts: the accepted acts a reader of the level may see, as objects with act_type, date, place_id, penalty_*;
    provisions: {act id: [provision id, ...]}; episodes: (kind, start_lo, start_hi, end_lo) of the level."""
    cells = {}

    def add(table, label, ref=0, n=1):
        cells[(table, label, ref)] = cells.get((table, label, ref), 0) + n

    last = None
    for date in sorted(a.date for a in acts if a.act_type in PROSECUTION_TYPES and a.date):
        lo, _hi = date_range(date)
        if last is None or _days(last, lo) > PROSECUTION_GAP_DAYS:
            add("py", lo[:4])
        last = lo
    articles, places = set(), set()
    for act in acts:
        articles.update(provisions.get(act.id, ()))
        if act.place_id:
            places.add(act.place_id)
        if act.date:
            add("gm", f"{act.date[:7]}\t{GROUP_FIRST.get(act.act_type, '')}")
        if (act.act_type in ("sentenced", "imprisoned") and act.penalty_kind == "imprisonment"
                and act.penalty_amount is not None):
            label = sentence_bin(act.penalty_amount, act.penalty_unit)
            if label is not None:
                add("se", label)
    for provision_id in articles:
        add("ar", "", provision_id)
    for place_id in places:
        add("rg", "", place_id)
    first = None
    for kind, start_lo, start_hi, end_lo in episodes:
        if kind == "restricted_freedom":
            continue
        add("cs", month_on_or_after(start_hi))
        if end_lo:
            add("ce", month_on_or_after(max(start_hi, end_lo)))
        first = min(first or start_lo[:7], start_lo[:7])
    if first:
        add("cf", first)
    return sorted([table, label, ref, n] for (table, label, ref), n in cells.items())


def date_bucket(date):
    """The bucket of an act date (`StatisticsBucket.bucket`), in the order of the dates it holds: "" (no date),
    "2018" (a year alone), "2018-03" (a month alone), "2018-03-01" (any full date of March 2018); None for a value
    not in one of those forms (the statistics then read the acts: see `person_marks`)."""
    if not date or (len(date) == 4 and date.isdigit()):
        return date
    if len(date) == 7 and date[:4].isdigit() and date[4] == "-" and date[5:].isdigit() and 1 <= int(date[5:]) <= 12:
        return date
    if len(date) == 10:
        try:
            if datetime.date.fromisoformat(date).isoformat() == date:
                return date[:8] + "01"
        except ValueError:
            return None
    return None


def year_span(bucket):
    """The year whose span holds a date bucket: "2018" for the full dates of 2018 and the months 2018-02..2018-12
    given alone -- every date string from "2018-01-01" to "2018-12-31", the dates a range over whole years keeps
    of 2018 (the year alone, "2018", and January alone, "2018-01", sort before "2018-01-01"); None for others."""
    if bucket and len(bucket) >= 7 and not (len(bucket) == 7 and bucket.endswith("-01")):
        return bucket[:4]
    return None


def _starts(dates):
    """{year: prosecutions begun} of a person's dated prosecution acts (as `person_cells` counts them)."""
    found, last = {}, None
    for date in sorted(dates):
        lo, _hi = date_range(date)
        if last is None or _days(last, lo) > PROSECUTION_GAP_DAYS:
            found[lo[:4]] = found.get(lo[:4], 0) + 1
        last = lo
    return found


def person_marks(acts, provisions, episodes, unconsented, hidden_dates=(), parents=None):
    """The buckets and keys one person is in at one level, as "table|bucket|label|k" strings (StatisticsBucket):

    by bucket of the act date ("" for none; an act whose date the level may not read is in none):
    - "a": any act; "ar" (label: provision id), "rg" (place id): an act under that provision / at that place;
    - "gm" (label as the "gm" cell), "se" (sentence bin): k acts there;
    - prosecution acts with a date (label: the year a prosecution begun by that act would count under): "p" any,
      "fs" one that begins a prosecution counting all the person's dated prosecution acts (the first, or more than
      PROSECUTION_GAP_DAYS after the one before), "ch" the bucket's first such act does not (it continues one);
    not by date ("*"): "cs" / "ce" (month: k episodes as the cells), "cf" (the month of the first custody), "u"
    (no consent to publication), "odd" (an act date in no bucket: date ranges then read the acts);
    by place ("@<place id>": the acts at the place or at a place under it, as a region filter keeps them): "a", "ar",
    "rg", "gm", "se" as above and "y" (label: a year; k: the prosecutions begun that year among those acts);
    by place and date bucket ("@<place id>:<date bucket>", e.g. "@12:2018-03-01"): the marks by date bucket above
    ("a", "ar", "rg", "gm", "se", "p", "fs", "ch") of those acts alone, for a date range with a region.
    `acts` as for `person_cells`; `hidden_dates`: ids of acts whose date the level may not read; `parents`:
    {place id: parent place id}."""
    found = {}
    parents = parents or {}
    at_place = {}
    for act in acts:
        if act.place_id:
            for place_id in (act.place_id, parents.get(act.place_id)):
                if place_id:
                    at_place.setdefault(f"@{place_id}", []).append(act)

    def add(table, bucket, label="", n=1):
        found[(table, bucket, label)] = found.get((table, bucket, label), 0) + n

    def dated(chosen, where, spans):
        """[(prefix, bucket, act)] of these acts by date bucket, each bucket stored as `where(bucket)` (None: a date
        in no bucket form), and their prosecution marks; with `spans`, also per year span (marks "Y...")."""
        seen = set()  # buckets already holding a prosecution act (the first one there decides "ch")
        last = None
        for date in sorted(a.date for a in chosen if a.act_type in PROSECUTION_TYPES and a.date
                           and a.id not in hidden_dates):
            lo, _hi = date_range(date)
            bucket = date_bucket(date)
            full = last is None or _days(last, lo) > PROSECUTION_GAP_DAYS
            last = lo
            if bucket is None:
                continue
            year = lo[:4]
            keys = (("", where(bucket)), ("Y", year_span(bucket))) if spans else (("", where(bucket)),)
            for prefix, key in keys:  # the date bucket, and its year's span (marks "Y...")
                if key is None:
                    continue
                if (prefix, key) not in seen:
                    seen.add((prefix, key))
                    found[(prefix + "p", key, year)] = 1
                    if not full:
                        found[(prefix + "ch", key, year)] = 1
                if full:
                    found[(prefix + "fs", key, year)] = 1
        kept = [(date_bucket(act.date), act) for act in chosen if act.id not in hidden_dates]
        entries = [("", None if bucket is None else where(bucket), act) for bucket, act in kept]
        if spans:
            entries += [("Y", year_span(bucket), act) for bucket, act in kept if bucket and year_span(bucket)]
        return entries

    for bucket, chosen in at_place.items():
        for year, n in _starts(a.date for a in chosen if a.act_type in PROSECUTION_TYPES and a.date).items():
            found[("y", bucket, year)] = n
    entries = dated(acts, lambda bucket: bucket, True)
    # By place and date bucket ("@<place id>:<date bucket>"): a date range with a region keeps whole buckets of the
    # region's acts, as a range alone keeps whole buckets of all (no year spans there: a long range reads months).
    for place, chosen in at_place.items():
        entries += [entry for entry in dated(chosen, lambda bucket, place=place: f"{place}:{bucket}", False)
                    if entry[1] is not None]  # a date in no bucket form is marked "odd" by the line above
    last = {}  # {(table, label): the latest date bucket (not by place) of the person's acts there}

    def latest(prefix, table, bucket, label):
        if prefix == "" and bucket[:1] != "@" and bucket > last.get((table, label), "\0"):
            last[(table, label)] = bucket

    for prefix, bucket, act in [*entries,
                                *(("", bucket, act) for bucket, chosen in at_place.items() for act in chosen)]:
        if bucket is None:
            found[("odd", "*", "")] = 1
            continue
        found[(prefix + "a", bucket, "")] = 1
        for provision_id in provisions.get(act.id, ()):
            found[(prefix + "ar", bucket, str(provision_id))] = 1
            latest(prefix, "ar", bucket, str(provision_id))
        if act.place_id:
            found[(prefix + "rg", bucket, str(act.place_id))] = 1
            latest(prefix, "rg", bucket, str(act.place_id))
        if act.date:
            add(prefix + "gm", bucket, f"{act.date[:7]}\t{GROUP_FIRST.get(act.act_type, '')}")
        if (act.act_type in ("sentenced", "imprisoned") and act.penalty_kind == "imprisonment"
                and act.penalty_amount is not None):
            label = sentence_bin(act.penalty_amount, act.penalty_unit)
            if label is not None:
                add(prefix + "se", bucket, label)
                latest(prefix, "se", bucket, label)
    # "Lar", "Lrg", "Lse" (bucket: the person's latest date bucket with that article, place or sentence bin): the
    # sets of one label are disjoint over buckets, so the people of a range with a start and no end (every bucket
    # from the start on) are the sum of the stored counts from the start on -- no union of a dozen years' sets.
    for (table, label), bucket in last.items():
        found[("L" + table, bucket, label)] = 1
    first = None
    for kind, start_lo, start_hi, end_lo in episodes:
        if kind == "restricted_freedom":
            continue
        add("cs", "*", month_on_or_after(start_hi))
        if end_lo:
            add("ce", "*", month_on_or_after(max(start_hi, end_lo)))
        first = min(first or start_lo[:7], start_lo[:7])
    if first:
        found[("cf", "*", first)] = 1
    if unconsented:
        found[("u", "*", "")] = 1
    return sorted(f"{table}|{bucket}|{label}|{k}" for (table, bucket, label), k in found.items())


ActRow = namedtuple("ActRow", "id act_type date penalty_kind penalty_amount penalty_unit place_id sensitivity "
                             "victim_person_id field_sensitivity")


def _accepted_acts():
    """The acts summaries count (accepted, live, with a person as victim), as plain rows."""
    return (Act.objects.filter(review="accepted", victim_person__isnull=False)
            .values_list(*ActRow._fields))


def _seen_at(act, level):
    from .privacy import act_values_at

    if not act.field_sensitivity:
        return act
    blank = act_values_at(act.field_sensitivity, level)
    return act._replace(**blank) if blank else act


Who = namedtuple("Who", "sensitivity consent gender roles field_sensitivity")


def summaries_for(people, acts_of, provisions, episodes_of, entries_of=None):
    """[(person id, level, unconsented, cells, slices)] for these people.

    people: {person id: Who} of live, unmerged persons; acts_of: {person id: [acts]};
    episodes_of: {(person id, level): [(kind, start_lo, start_hi, end_lo)]}; entries_of: {person id: [(list id,
    entry level)]}."""
    rows = []
    entries_of = entries_of or {}
    from qorgau.records.models import Place

    parents = {pid: parent for pid, parent in Place._base_manager.values_list("id", "parent_id") if parent}
    for pid, who in people.items():
        sensitivity, consent = who.sensitivity, who.consent
        acts = acts_of.get(pid, [])
        before = None
        for level in LEVELS:
            if RANK[sensitivity] > RANK[level]:
                continue
            # What a reader of the level may read: its acts, less the values an act keeps above the level.
            kept = [a for a in acts if RANK[a.sensitivity] <= RANK[level]]
            seen = [_seen_at(a, level) for a in kept]
            episodes = episodes_of.get((pid, level), ())
            hidden = _hidden_dates(kept, level)
            if before is not None and seen == before[0] and episodes == before[1] and hidden == before[4]:
                cells, marks = before[2], before[3]  # nothing more is seen at this level than at the one below
            else:
                cells = person_cells(seen, provisions, episodes)
                marks = person_marks(seen, provisions, episodes, consent != "granted", hidden, parents)
            before = (seen, episodes, cells, marks, hidden)
            listed = _entry_marks(entries_of.get(pid, ()), level)
            if cells or listed:
                slices = slices_at(who, level, cells, entries_of.get(pid, ()))
                rows.append((pid, level, consent != "granted", cells, slices,
                             sorted(marks + _cell_marks(cells, slices) + listed)))
    return rows


def _entry_marks(entries, level):
    """Marks "le" (not by date, "*"; label: list id, the year added and the year removed as a reader of `level`
    reads them, tab-separated; k: how many of the person's entries) of the live entries a reader of the level may
    see: the list-change tables (`statistics.list_changes`) are the stored counts of these sets. A year is the first
    four characters of the date ("" where the entry keeps the date above the level); an entry with neither year
    counts in no table and has no mark."""
    from .privacy import kept_above

    found = {}
    for list_id, entry_level, added, removed, fields in entries:
        if RANK.get(entry_level, 99) > RANK[level]:
            continue
        years = tuple("" if kept_above(fields, name, level) else (value or "")[:4]
                      for name, value in (("date_added", added), ("date_removed", removed)))
        if any(years):
            label = f"{list_id}\t{years[0]}\t{years[1]}"
            found[label] = found.get(label, 0) + 1
    return [f"le|*|{label}|{k}" for label, k in found.items()]


MARK_LABEL_MAX = 40  # StatisticsBucket.label


def _cell_marks(cells, slices):
    """Marks not by date ("+"): "c" (label: table, label and ref of a cell; k: its n) -- every cell of the person --
    and "s" (label: a slice key) -- the people filters that choose the person: several filters of people at once
    read the persons all of them choose (the "s" sets intersected) and their cells from the "c" sets."""
    found = [f"c|+|{table}\t{label}\t{ref}|{n}" for table, label, ref, n in cells]
    return found + [f"s|+|{key}|1" for key in slices if len(key) <= MARK_LABEL_MAX]


def _hidden_dates(acts, level):
    """Ids of the acts whose date a reader of the level may not read (a date filter never keeps them)."""
    from .privacy import act_values_at

    return {a.id for a in acts if a.field_sensitivity and "date" in act_values_at(a.field_sensitivity, level)}


def _live_people(person_ids=None):
    people = Person.objects.filter(merged_into__isnull=True)
    if person_ids is not None:
        people = people.filter(id__in=person_ids)
    return {pid: Who(*values) for pid, *values in
            people.values_list("id", "sensitivity", "consent", "gender", "roles", "field_sensitivity")}


def _entries_of(person_ids=None):
    """{person id: [(list id, entry level, date added, date removed, field levels)]} of the live list entries (of
    these persons)."""
    from .models import ListEntry

    entries = ListEntry._base_manager.filter(deleted_at__isnull=True)
    found = {}
    ids = None if person_ids is None else list(person_ids)
    for start in range(0, 1 if ids is None else len(ids), 5000):
        chosen = entries if ids is None else entries.filter(person_id__in=ids[start:start + 5000])
        for pid, *entry in chosen.values_list("person_id", "prisoner_list_id", "sensitivity", "date_added",
                                              "date_removed", "field_sensitivity").iterator():
            found.setdefault(pid, []).append(tuple(entry))
    return found


def _provisions_of(act_ids):
    found = {}
    ids = list(act_ids)
    for start in range(0, len(ids), 5000):
        for act_id, provision_id in (ActProvision.objects.filter(act_id__in=ids[start:start + 5000])
                                     .values_list("act_id", "provision_id")):
            found.setdefault(act_id, []).append(provision_id)
    return found


def _contributions(rows, sign, totals=None):
    """{(level, slice, table, label, ref): [people, unconsented, n, n_unconsented]} of summary rows, times sign
    (added into `totals` when given); each row counts in the slice "" and in each of its own slices."""
    totals = {} if totals is None else totals
    get = totals.get
    for _pid, level, unconsented, cells, slices, *_marks in rows:
        u = sign if unconsented else 0
        for slice_key in ("", *slices):
            for table, label, ref, n in cells:
                key = (level, slice_key, table, label, ref)
                entry = get(key)
                if entry is None:
                    totals[key] = [sign, u, sign * n, u * n]
                else:
                    entry[0] += sign
                    entry[1] += u
                    entry[2] += sign * n
                    entry[3] += u * n
    return totals


def _apply(differences):
    """Add differences to the stored totals, in key order (two transactions never wait on each other in a cycle)."""
    changed = sorted((key, value) for key, value in differences.items() if any(value))
    if not changed:
        return
    table = SummaryTotal._meta.db_table
    sql = (f"INSERT INTO {table} (level, slice, table_key, label, ref, people, unconsented, n, n_unconsented) "
           f"VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (level, slice, table_key, label, ref) DO UPDATE SET "
           f"people = {table}.people + excluded.people, unconsented = {table}.unconsented + excluded.unconsented, "
           f"n = {table}.n + excluded.n, n_unconsented = {table}.n_unconsented + excluded.n_unconsented")
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*key, *value) for key, value in changed])
        cursor.execute(f"DELETE FROM {table} WHERE people = 0 AND n = 0")


def rebuild_persons(person_ids, episode_rows):
    """Replace these persons' summaries and move the totals by the difference. Called inside the transaction that
    rebuilt their episodes (`episode_rows`: the unsaved CustodyEpisode rows of every level)."""
    person_ids = sorted(set(person_ids))
    if not person_ids:
        return
    # Whoever rebuilds a person first holds their row until commit: two rebuilds of one person never subtract the
    # same old summary twice (PostgreSQL; SQLite has one writer at a time).
    list(Person._base_manager.select_for_update().filter(id__in=person_ids).order_by("id").values_list("id"))
    old = list(PersonSummary.objects.filter(person_id__in=person_ids)
               .values_list("person_id", "level", "unconsented", "cells", "slices", "marks"))
    people = _live_people(person_ids)
    acts_of = {}
    for row in _accepted_acts().filter(victim_person_id__in=people):
        act = ActRow._make(row)
        acts_of.setdefault(act.victim_person_id, []).append(act)
    provisions = _provisions_of(a.id for acts in acts_of.values() for a in acts)
    episodes_of = {}
    for row in episode_rows:
        episodes_of.setdefault((row.person_id, row.level), []).append(
            (row.kind, row.start_lo, row.start_hi, row.end_lo))
    new = summaries_for(people, acts_of, provisions, episodes_of, _entries_of(people))
    differences = _contributions(new, 1, _contributions(old, -1))
    PersonSummary.objects.filter(person_id__in=person_ids).delete()
    _insert(new)
    _apply(differences)
    _move_marks(old, new)


def _insert(rows):
    """Insert summary rows (plain SQL: a rebuild of everything writes hundreds of thousands)."""
    if not rows:
        return
    table = PersonSummary._meta.db_table
    value = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} (person_id, level, unconsented, cells, slices, marks) "
                           f"VALUES (%s, %s, %s, {value}, {value}, {value})",
                           [(pid, level, bool(unconsented), json.dumps(cells), json.dumps(slices), json.dumps(marks))
                            for pid, level, unconsented, cells, slices, marks in rows])


def forget(person_ids):
    """Take these persons' summaries out of the totals and delete them (before the persons are deleted)."""
    old = list(PersonSummary.objects.filter(person_id__in=person_ids)
               .values_list("person_id", "level", "unconsented", "cells", "slices", "marks"))
    if old:
        _apply(_contributions(old, -1))
        _move_marks(old, [])
        PersonSummary.objects.filter(person_id__in=person_ids).delete()


def rebuild_all(batch=5000):
    """Every summary and total from scratch, streaming acts in person order (called by `episodes.rebuild_all`,
    after the episodes)."""
    from .models import CustodyEpisode

    with transaction.atomic():
        PersonSummary.objects.all().delete()
        SummaryTotal.objects.all().delete()
        StatisticsBucket.objects.all().delete()
        # {level: {mark: its person ids}}: an array of ids while the set is small, its bits (a bytearray, bit i for
        # person i) once 4 bytes an id would take more. At a million acts (63 million memberships of 812,000 sets)
        # 8-byte ids under (level, mark) keys, with every custody episode held, made the rebuild's peak 1.26 GB.
        members = {level: {} for level in LEVELS}
        people = _live_people()
        top = max(people, default=0)
        typecode = "I" if top < 1 << 32 else "q"
        dense = (top >> 3) + 1  # bytes of a set as bits
        limit = dense // array.array(typecode).itemsize
        entries_of = _entries_of()
        totals, pending = {}, []

        def save():
            _contributions(pending, 1, totals)
            for pid, level, _u, _cells, _slices, marks in pending:
                of_level = members[level]
                get = of_level.get
                for mark in marks:
                    found = get(mark)
                    if found is None:
                        of_level[mark] = array.array(typecode, (pid,))
                    elif type(found) is bytearray:
                        found[pid >> 3] |= 1 << (pid & 7)
                    else:
                        found.append(pid)
                        if len(found) > limit:
                            of_level[mark] = _as_bits(found, dense)
            _insert(pending)
            pending.clear()

        done = set()  # the persons summarised

        def run(chunk, alone=()):  # whole persons only; `alone`: persons without an accepted act
            if not (chunk or alone):
                return
            provisions, acts_of = {}, {}
            if chunk:
                first, last = chunk[0].victim_person_id, chunk[-1].victim_person_id
                for act_id, provision_id in ActProvision.objects.filter(
                        act__victim_person_id__gte=first, act__victim_person_id__lte=last).values_list(
                            "act_id", "provision_id"):
                    provisions.setdefault(act_id, []).append(provision_id)
                for act in chunk:
                    acts_of.setdefault(act.victim_person_id, []).append(act)
                episodes = CustodyEpisode.objects.filter(person_id__gte=first, person_id__lte=last)
            else:
                episodes = CustodyEpisode.objects.filter(person_id__in=alone)
            chosen = [*acts_of, *alone]
            episodes_of = {}  # the chunk's persons' episodes only (all of them at once were ~150 MB at 1M acts)
            for pid, level, kind, start_lo, start_hi, end_lo in (
                    episodes.order_by("person_id", "start_lo", "id")
                    .values_list("person_id", "level", "kind", "start_lo", "start_hi", "end_lo")):
                episodes_of.setdefault((pid, level), []).append((kind, start_lo, start_hi, end_lo))
            done.update(chosen)
            pending.extend(summaries_for({pid: people[pid] for pid in chosen if pid in people}, acts_of, provisions,
                                         episodes_of, entries_of))
            if len(pending) >= batch:
                save()

        # Acts come in person order; a chunk is cut only where one person's acts end.
        chunk = []
        for row in _accepted_acts().order_by("victim_person_id", "id").iterator(chunk_size=batch):
            act = ActRow._make(row)
            if len(chunk) >= batch and act.victim_person_id != chunk[-1].victim_person_id:
                run(chunk)
                chunk = []
            chunk.append(act)
        run(chunk)
        # Persons on a list without an accepted act: summarised for their list entries alone ("le" marks), as
        # `rebuild_persons` summarises them.
        alone = sorted(pid for pid in entries_of if pid in people and pid not in done)
        for start in range(0, len(alone), batch):
            run([], alone[start:start + batch])
        save()
        rows = [SummaryTotal(level=level, slice=slice_key, table_key=table, label=label, ref=ref, people=value[0],
                             unconsented=value[1], n=value[2], n_unconsented=value[3])
                for (level, slice_key, table, label, ref), value in totals.items() if any(value)]
        totals.clear()
        for start in range(0, len(rows), 5000):
            SummaryTotal.objects.bulk_create(rows[start:start + 5000])
        del rows
        _write_buckets(members)
        _set_ready(1)
        for flag in (BUCKETS_READY, YEAR_SPANS_READY, PLACE_DATES_READY, SLICES_READY, COUNTS_READY,
                     LIST_CHANGES_READY, LAST_READY):
            CacheGeneration.objects.update_or_create(name=flag, defaults={"value": 1})


def _as_bits(pids, size=0):
    """A bytearray with bit i set for each person id i."""
    bits = bytearray(max(size, (max(pids) >> 3) + 1))
    for pid in pids:
        bits[pid >> 3] |= 1 << (pid & 7)
    return bits


def _flag_set(name):
    """Whether `rebuild_all` (or an empty database's migration) has set the readiness flag `name`."""
    return CacheGeneration.objects.filter(name=name, value__gte=1).exists()


def counts_ready():
    """Whether every set's counts (StatisticsBucket.people, unconsented) are right (set by `rebuild_all`; until then
    the statistics decode every set they read)."""
    return _flag_set(COUNTS_READY)


def list_changes_ready():
    """Whether every person's list entries are marked ("le": built by `rebuild_all`; a database summarised before
    them counts the list changes from the entries until `qorgau census --rebuild`)."""
    return _flag_set(LIST_CHANGES_READY)


def last_ready():
    """Whether every person's latest date bucket per article, place and sentence bin is marked ("L...": built by
    `rebuild_all`; until then a range with a start and no end reads the unions of its buckets' sets)."""
    return _flag_set(LAST_READY)


def buckets_ready():
    """Whether the date buckets are complete (built by `rebuild_all`; until then a date range reads the acts)."""
    return _flag_set(BUCKETS_READY)


def year_spans_ready():
    return _flag_set(YEAR_SPANS_READY)


def place_dates_ready():
    """Whether the sets by place and date bucket are complete (until then a date range with a region reads the acts)."""
    return _flag_set(PLACE_DATES_READY)


def encode_bits(number):
    """A set of person ids as stored (bit i set for person i; zlib-compressed little-endian bytes)."""
    return zlib.compress(number.to_bytes((number.bit_length() + 7) // 8, "little"), 1) if number else b""


# Sets decoded before, by their stored bytes (the key IS the stored value, so a hit is exact by construction: a set
# that changed has other bytes). A statistics page reads thousands of sets and most pages read many of the same
# (the "+" and "*" sets, a year's spans); decompressing them was a third of a cold page's CPU at a million acts.
# Bounded: the oldest are dropped past _DECODED_MAX bytes of decoded sets.
_DECODED = {}
_DECODED_MAX = 48 << 20
_decoded_size = 0


def decode_bits(data):
    global _decoded_size
    if not data:
        return 0
    data = bytes(data)
    number = _DECODED.get(data)
    if number is None:
        number = int.from_bytes(zlib.decompress(data), "little")
        size = (number.bit_length() + 7) // 8 + len(data)
        if size <= _DECODED_MAX // 8:
            while _decoded_size + size > _DECODED_MAX and _DECODED:
                try:
                    oldest = next(iter(_DECODED))
                    dropped = _DECODED.pop(oldest)
                except (StopIteration, KeyError, RuntimeError):  # another thread changed it meanwhile
                    break
                _decoded_size -= (dropped.bit_length() + 7) // 8 + len(oldest)
            _DECODED[data] = number
            _decoded_size += size
    return number


def _split(mark):
    table, bucket, rest = mark.split("|", 2)
    label, k = rest.rsplit("|", 1)  # a label (a role) may hold "|"
    return table, bucket, label, int(k)


def _write_buckets(members):
    """Store {level: {mark: person ids (an array of ids, or their bits)}} as bucket rows (a rebuild of everything),
    emptying `members` as they are written."""
    def number(pids):
        return int.from_bytes(pids if type(pids) is bytearray else _as_bits(pids), "little")

    rows = []
    for level, of_level in members.items():
        unconsented = number(of_level[UNCONSENTED_MARK]) if UNCONSENTED_MARK in of_level else 0
        while of_level:
            mark, pids = of_level.popitem()
            found = number(pids)
            del pids
            table, bucket, label, k = _split(mark)
            rows.append(StatisticsBucket(level=level, table_key=table, bucket=bucket, label=label, k=k,
                                         bits=encode_bits(found), people=found.bit_count(),
                                         unconsented=(found & unconsented).bit_count()))
            if len(rows) >= 2000:
                StatisticsBucket.objects.bulk_create(rows)
                rows = []
    StatisticsBucket.objects.bulk_create(rows)


def _move_marks(old, new):
    """Take the persons of the `old` summary rows out of their buckets and put those of `new` in theirs (only the
    buckets that change), rows locked in key order like the totals."""
    changes = {}  # {(level, mark): {person id: +1 / -1}}
    for rows, sign in ((old, -1), (new, 1)):
        for pid, level, _u, _cells, _slices, marks in rows:
            for mark in marks:
                moved = changes.setdefault((level, mark), {})
                moved[pid] = moved.get(pid, 0) + sign
    changes = {key: moved for key, moved in changes.items() if any(moved.values())}
    # A person whose consent changed at a level changes the unconsented count of every set they are in there.
    before = {(pid, level): (bool(u), marks) for pid, level, u, _c, _s, marks in old}
    for pid, level, u, _c, _s, marks in new:
        was = before.get((pid, level))
        if was is not None and was[0] != bool(u):
            for mark in (*marks, *was[1]):
                changes.setdefault((level, mark), {})
    if not changes:
        return
    keys = sorted((level, *_split(mark)) for level, mark in changes)
    # Every row exists before it is locked (two rebuilds adding a person to a new bucket never both insert it).
    StatisticsBucket.objects.bulk_create([StatisticsBucket(level=level, table_key=table, bucket=bucket, label=label,
                                                           k=k, bits=b"") for level, table, bucket, label, k in keys],
                                         ignore_conflicts=True)
    # In plain SQL: an edit changes some sixty sets, and an OR of sixty Q objects (and a save() per row) cost more
    # to build than the database took to run them (session 10: half of an edit's CPU at a million acts).
    table = StatisticsBucket._meta.db_table
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    updates = []  # [(row id, level, its new set)]
    with connection.cursor() as cursor:
        for start in range(0, len(keys), 150):  # in key order, a hundred and fifty keys (750 parameters) a query
            chosen = keys[start:start + 150]
            # An OR of the keys (each an index seek; a row-value IN over VALUES is a scan on SQLite).
            cursor.execute(f"SELECT id, level, table_key, bucket, label, k, bits FROM {table} WHERE "
                           + " OR ".join(["(level = %s AND table_key = %s AND bucket = %s AND label = %s AND k = %s)"]
                                         * len(chosen))
                           + f" ORDER BY level, table_key, bucket, label, k{lock}",
                           [value for key in chosen for value in key])
            for row_id, level, table_key, bucket, label, k, bits in cursor.fetchall():
                number = decode_bits(bits)
                mark = f"{table_key}|{bucket}|{label}|{k}"
                for pid, sign in changes[(level, mark)].items():
                    if sign > 0:
                        number |= 1 << pid
                    elif sign < 0:
                        number &= ~(1 << pid)
                updates.append((row_id, level, number, mark == UNCONSENTED_MARK))
        # Each set's counts, among the persons without consent as they are now (the "u" set, changed above or not).
        unconsented = {level: number for _id, level, number, is_u in updates if is_u}
        missing = {level for _id, level, _n, _u in updates} - set(unconsented)
        if missing:
            cursor.execute(f"SELECT level, bits FROM {table} WHERE table_key = 'u' AND bucket = '*' AND label = '' "
                           f"AND k = 1 AND level IN ({', '.join(['%s'] * len(missing))})", sorted(missing))
            unconsented.update((level, decode_bits(bits)) for level, bits in cursor.fetchall())
        cursor.executemany(f"UPDATE {table} SET bits = %s, people = %s, unconsented = %s WHERE id = %s",
                           [(encode_bits(number), number.bit_count(), (number & unconsented.get(level, 0)).bit_count(),
                             row_id) for row_id, level, number, _u in updates])


def expected_buckets():
    """{(level, mark): person ids} recomputed from the stored summaries (for checks and tests)."""
    found = {}
    for pid, level, marks in PersonSummary.objects.values_list("person_id", "level", "marks"):
        for mark in marks:
            found.setdefault((level, mark), set()).add(pid)
    return found


def stored_counts():
    """{(level, mark): (people, unconsented)} as stored, and as the stored sets give them (for checks and tests)."""
    stored, counted = {}, {}
    rows = list(StatisticsBucket.objects.values_list("level", "table_key", "bucket", "label", "k", "bits", "people",
                                                    "unconsented"))
    unconsented = {level: decode_bits(bits) for level, table, bucket, label, k, bits, _p, _u in rows
                   if f"{table}|{bucket}|{label}|{k}" == UNCONSENTED_MARK}
    for level, table, bucket, label, k, bits, people, u in rows:
        number = decode_bits(bits)
        key = (level, f"{table}|{bucket}|{label}|{k}")
        stored[key] = (people, u)
        counted[key] = (number.bit_count(), (number & unconsented.get(level, 0)).bit_count())
    return stored, counted


def stored_buckets():
    found = {}
    for row in StatisticsBucket.objects.all():
        number = decode_bits(row.bits)
        if number:
            found[(row.level, f"{row.table_key}|{row.bucket}|{row.label}|{row.k}")] = {
                i for i in range(number.bit_length()) if number >> i & 1}
    return found


def expected_totals():
    """The totals recomputed from the stored summaries (for checks and tests): {key: [people, unconsented, n, n_u]}."""
    rows = PersonSummary.objects.values_list("person_id", "level", "unconsented", "cells", "slices", "marks")
    return {key: value for key, value in _contributions(list(rows), 1).items() if any(value)}


def stored_totals():
    return {(t.level, t.slice, t.table_key, t.label, t.ref): [t.people, t.unconsented, t.n, t.n_unconsented]
            for t in SummaryTotal.objects.all() if any((t.people, t.unconsented, t.n, t.n_unconsented))}
