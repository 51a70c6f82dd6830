"""Who was deprived of liberty on a date, as a given reader may know it.

Reads the stored episodes of the reader's level (two indexed range conditions), so a census costs the same at
any date. Counting rules: docs/analysis.md.
"""

import datetime
import functools
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from qorgau.lib.reads import no_cycle_collection, session_settings
from qorgau.lib.sensitivity import clearance_of

from . import custody
from .models import CustodyEpisode, ListEntry


@dataclass(frozen=True, slots=True)
class PersonRef:
    """What a census row needs of a person (read as plain values: a census may name tens of thousands)."""
    pk: int
    uid: str
    name: str
    consent: str
    sensitivity: str


@dataclass(slots=True)
class Row:
    person: PersonRef
    kind: str
    since: str
    certainly: bool
    unverified_since: str = ""


@dataclass
class Census:
    date: str
    rows: list = field(default_factory=list)
    restricted: list = field(default_factory=list)

    @functools.cached_property
    def certain(self):
        return [r for r in self.rows if r.certainly and not r.unverified_since]

    @functools.cached_property
    def possible(self):
        return [r for r in self.rows if not r.certainly or r.unverified_since]

    @property
    def count(self):
        return len(self.certain)

    def by_kind(self):
        counts = {}
        for row in self.certain:
            counts[row.kind] = counts.get(row.kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: -kv[1]))

    def as_json(self):
        return {"date": self.date, "count": self.count, "by_kind": self.by_kind(),
                "persons": [_row_json(r) for r in self.certain],
                "possibly": [_row_json(r) for r in self.possible],
                "restricted_freedom": [_row_json(r) for r in self.restricted]}


def _row_json(row):
    return {"id": row.person.uid, "name": row.person.name, "custody": row.kind, "since": row.since,
            **({"unverified_since": row.unverified_since} if row.unverified_since else {})}


def row_json_text(row, _string=json.encoder.encode_basestring):
    """`json.dumps(_row_json(row), ensure_ascii=False)` from a `CensusQuery.tuples` row, without a dict and an
    encoder per row (a census may name tens of thousands): the same text, byte for byte."""
    text = (f'{{"id": {_string(row[1])}, "name": {_string(row[2])}, "custody": {_string(row[5])}, '
            f'"since": {_string(row[6])}')
    return text + (f', "unverified_since": {_string(row[8])}}}' if row[8] else "}")


def rows_json_text(rows, _string=json.encoder.encode_basestring):
    """`[row_json_text(row) for row in rows]`, the same texts, with no Python call per row when no row has an
    "unverified_since" (the certain rows never have one): the fields escaped and formatted by C functions."""
    if not rows or any(row[8] for row in rows):
        return [row_json_text(row) for row in rows]
    _pks, uids, names, _consents, _levels, kinds, since, *_rest = zip(*rows)
    return list(map('{"id": %s, "name": %s, "custody": %s, "since": %s}'.__mod__,
                    zip(map(_string, uids), map(_string, names), map(_string, kinds), map(_string, since))))


def _years_before(day, years):
    date = datetime.date.fromisoformat(day)
    if date.year - years < 1:  # a census in the first years of the era: nothing recorded can be older
        return "0000"
    try:
        return date.replace(year=date.year - years).isoformat()
    except ValueError:  # 29 February
        return date.replace(year=date.year - years, day=28).isoformat()


def _since_lo(since):
    """The first day a change's partial date may be ("" when unknown)."""
    return since if len(since) == 10 else since + "-01-01" if len(since) == 4 else since + "-01" if since else ""


def _kind_on(kinds, day):
    """custody.Episode.kind_on without building an episode: the last change whose first possible day is on or
    before `day` (a census may hold tens of thousands of episodes)."""
    current = kinds[0][0]
    for kind, since in kinds:
        lo = _since_lo(since)
        if lo and lo <= day:
            current = kind
    return current


_scan_json = json.JSONDecoder().scan_once


def _changes_of(kinds):
    """`json.loads(kinds)` of an episode's stored changes of kind through the C scanner alone (a third of the cost:
    a census may decode tens of thousands); anything but one whole JSON value goes through `json.loads`."""
    try:
        value, end = _scan_json(kinds, 0)
    except StopIteration:
        return json.loads(kinds)
    return value if end == len(kinds) else json.loads(kinds)


def census_by_scan(day, user, prisoner_list=None):
    """The straightforward census: every matching episode read into Python and sorted out there. Kept as the
    reference the SQL census (`CensusQuery`) is tested against; `census()` gives the same answer."""
    level = clearance_of(user)
    episodes = (CustodyEpisode.objects.filter(level=level, start_lo__lte=day)
                .filter(Q(end_hi="") | Q(end_hi__gt=day))
                .filter(person__merged_into__isnull=True)
                .order_by("person__name", "person_id", "start_lo", "id"))
    if prisoner_list is not None:
        on_list = ListEntry.objects.visible_to(user).on(day, reader=user).filter(prisoner_list=prisoner_list)
        episodes = episodes.filter(person__in=on_list.values("person"))
    stale_before = _years_before(day, settings.QORGAU_CUSTODY_UNVERIFIED_YEARS)
    result = Census(date=day)
    seen = set()
    # The query has done `custody.on_date`'s work already: the episode started by `day` (start_lo) and had not
    # ended by it (end_hi). What is left is whether certainly, and the kind in force on the day.
    rows = episodes.annotate(kinds_text=Cast("kinds", TextField())).values_list(
        "person_id", "person__uid", "person__name", "person__consent", "person__sensitivity", "kind", "kinds_text",
        "start", "start_hi", "end", "end_lo", "last_act_date")
    for (person_id, uid, name, consent, sensitivity, kind, kinds, start, start_hi, end, end_lo,
         last_act_date) in rows.iterator(chunk_size=5000):
        if person_id in seen:
            continue
        seen.add(person_id)
        if kinds.count("[") > 2:  # the kind changed during the episode: the one in force that day
            kind = _kind_on(json.loads(kinds), day)
        certainly = start_hi <= day and (not end_lo or end_lo > day)
        # An open episode whose last act is long past is not counted silently forever.
        unverified = last_act_date if (not end and last_act_date < stale_before) else ""
        target = result.restricted if kind == custody.RESTRICTED else result.rows
        target.append(Row(person=PersonRef(person_id, uid, name, consent, sensitivity), kind=kind, since=start,
                          certainly=certainly, unverified_since=unverified))
    return result


CERTAIN, POSSIBLE, RESTRICTED_ROWS = "c", "p", "r"


# Settings for one reading of every matching episode (tens of thousands of rows, sorted by name): SQLite reads the
# file through a memory map (no system call and copy per page: half the time at a million acts); PostgreSQL sorts in
# memory rather than on disk. For this connection while the rows are read, reset after (lib/reads.session_settings).
WHOLE_READ = {"sqlite": ("PRAGMA mmap_size = 1073741824", "PRAGMA mmap_size = 0"),
              "postgresql": ("SET work_mem = '64MB'", "RESET work_mem")}


class CensusQuery:
    """The census of `day` for `user` read once: one row per person (their earliest episode that may hold the day),
    with the kind in force, whether certainly, and whether unverified — the same rules as `census_by_scan`, as plain
    tuples, so a page can count everyone and make rows only for the hundred names it shows."""

    def __init__(self, day, user, prisoner_list=None):
        self.day, self.user, self.prisoner_list = day, user, prisoner_list

    def _reading(self, columns, order="", first_day=None):
        """The episodes that may hold the day (the range conditions of the level's index) joined to their persons.
        The window of one row per person, the kind on the day and the classing are done in Python over these rows
        (in SQL they cost twice the reading: a sort for the window, a JSON table per changed episode). With
        `first_day` (an earlier day): the episodes that may hold any day from `first_day` to the day."""
        day = self.day
        where, params = "", []
        if self.prisoner_list is not None:
            on_list = (ListEntry.objects.visible_to(self.user).on(day, reader=self.user)
                       .filter(prisoner_list=self.prisoner_list).values("person"))
            sub, params = on_list.query.sql_with_params()
            where = f" AND e.person_id IN ({sub})"
        table = CustodyEpisode._meta.db_table
        sql = (f"SELECT {columns} FROM {table} e JOIN {_person_table()} p ON p.id = e.person_id "
               f"WHERE e.level = %s AND e.start_lo <= %s AND (e.end_hi = '' OR e.end_hi > %s) "
               f"AND p.merged_into_id IS NULL{where}{order}")
        return sql, [clearance_of(self.user), day, first_day or day, *params]

    def _fetch(self, sql, params):
        from django.db import connection

        with session_settings(connection, WHOLE_READ), connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    @functools.cached_property
    def _stale_before(self):
        return _years_before(self.day, settings.QORGAU_CUSTODY_UNVERIFIED_YEARS)

    _COLUMNS = ("e.person_id, p.uid, p.name, p.consent, p.sensitivity, e.kind, {kinds}, e.start, e.start_hi, "
                "e.\"end\", e.end_lo, e.last_act_date, {range}")
    _ORDER = " ORDER BY p.name, p.id, e.start_lo, e.id"

    @functools.cached_property
    def _all(self):
        """Every person's row, in name order, as plain tuples (person_id, uid, name, consent, sensitivity, kind on the
        day, since, certainly, unverified since, category): one reading of the episodes, with the names."""
        from django.db import connection

        with no_cycle_collection():  # tens of thousands of rows, no cycle among them
            return self._rows_of(self._fetch(*self._reading(
                # One day: the range is the reading's own condition (two empty texts in its place, no object each).
                self._COLUMNS.format(kinds=_KINDS[connection.vendor], range="'', ''"), self._ORDER)))

    def _rows_of(self, episodes, in_range=False):
        """`_all` from the episodes in the reading's order; with `in_range`, the episodes read for a range of days
        (from `first_day`), of which those that may hold the day (`_reading`'s conditions, on the same text)."""
        day, stale_before, restricted = self.day, self._stale_before, custody.RESTRICTED
        rows, previous = [], None
        append = rows.append
        for (person_id, uid, name, consent, sensitivity, kind, kinds, last_since, start, start_hi, end, end_lo,
             last_act_date, start_lo, end_hi) in episodes:
            if person_id == previous:  # a later episode of the same person (their earliest is first)
                continue
            if in_range and not (start_lo <= day and (end_hi == "" or end_hi > day)):
                continue
            previous = person_id
            # The kind on the day, whether certainly, whether unverified and the category of the person's earliest
            # episode that may hold the day (as census_by_scan), written out here: a census classes tens of thousands.
            if kinds.count("[") > 2:  # the kind changed during the episode: the one in force that day
                lo = _since_lo(last_since)
                # After the last change (most of them): the latest kind, which `kind` holds; else the changes are read.
                if not (lo and lo <= day):
                    kind = _kind_on(_changes_of(kinds), day)
            certainly = 1 if start_hi <= day and (not end_lo or end_lo > day) else 0
            # An open episode whose last act is long past is not counted silently forever.
            unverified = last_act_date if (not end and last_act_date < stale_before) else ""
            category = (RESTRICTED_ROWS if kind == restricted
                        else CERTAIN if certainly and not unverified else POSSIBLE)
            append((person_id, uid, name, consent, sensitivity, kind, start, certainly, unverified, category))
        return rows

    def read_with(self, earlier):
        """Both censuses (this day's and `earlier`'s, an earlier day for the same reader and no list) from ONE
        reading: the episodes that may hold any day between the two, in the same order, each day keeping those
        that may hold it (the same range conditions as `_reading`, on the same text) — so each gets the rows its
        own reading would give. Most episodes hold both days: about two thirds of the rows of two readings."""
        from django.db import connection

        if "_all" in self.__dict__ or "_all" in earlier.__dict__:
            return
        with no_cycle_collection():
            episodes = self._fetch(*self._reading(
                self._COLUMNS.format(kinds=_KINDS[connection.vendor], range="e.start_lo, e.end_hi"), self._ORDER,
                first_day=earlier.day))
            for query in (self, earlier):
                query.__dict__["_all"] = query._rows_of(episodes, in_range=True)

    @functools.cached_property
    def counts(self):
        """{(category, kind, consent granted): people}; category CERTAIN, POSSIBLE or RESTRICTED_ROWS."""
        counts = {}
        for row in self._all:
            key = (row[9], row[5], row[3] == "granted")
            counts[key] = counts.get(key, 0) + 1
        return counts

    @property
    def count(self):
        """People certainly in custody (as `Census.count`)."""
        return self.total(CERTAIN)

    def total(self, category, named_only=False):
        return sum(n for (c, _k, granted), n in self.counts.items() if c == category and (granted or not named_only))

    def by_kind(self, category=CERTAIN):
        """{kind: (people, people without consent granted)}, most people first."""
        kinds = {}
        for (c, kind, granted), n in self.counts.items():
            if c == category:
                total, hidden = kinds.get(kind, (0, 0))
                kinds[kind] = (total + n, hidden + (0 if granted else n))
        return dict(sorted(kinds.items(), key=lambda kv: (-kv[1][0], kv[0])))

    @functools.cached_property
    def _categories(self):
        """{category: its rows in name order}: one pass over `_all` for the three (not one per category)."""
        chosen = {CERTAIN: [], POSSIBLE: [], RESTRICTED_ROWS: []}
        appends = {category: rows.append for category, rows in chosen.items()}
        for row in self._all:
            appends[row[9]](row)
        return chosen

    def _chosen(self, category, named_only):
        cache = self.__dict__.setdefault("_chosen_rows", {})
        if (category, named_only) not in cache:
            rows = self._categories[category]
            cache[(category, named_only)] = [r for r in rows if r[3] == "granted"] if named_only else rows
        return cache[(category, named_only)]

    def tuples(self, category, named_only=False):
        """The category's rows as plain tuples in name order: (person_id, uid, name, consent, sensitivity, kind, since,
        certainly, unverified since, category). For writing tens of thousands without a Row each."""
        return self._chosen(category, named_only)

    def rows(self, category, named_only=False, offset=0, limit=None):
        """The category's rows in name order (only those with consent granted when `named_only`)."""
        chosen = self._chosen(category, named_only)
        for person_id, uid, name, consent, sensitivity, kind, start, certainly, unverified, _c in (
                chosen[offset:None if limit is None else offset + limit]):
            yield Row(person=PersonRef(person_id, uid, name, consent, sensitivity), kind=kind, since=start,
                      certainly=bool(certainly), unverified_since=unverified or "")

    def page(self, category, named_only):
        """A sequence a Paginator can page: Rows made only for the slice shown."""
        return _Rows(self, category, named_only)

    def changes_since(self, earlier, named_only=False, limit=None):
        """`changes(earlier census, this census)` from the two queries' rows: who is certainly in custody on one day
        and not on the other, in name order, with a Row made only for those returned (not for everyone counted):
        with `limit` (a page) the first `limit` of each; "entered_total"/"left_total" say how many there are;
        `named_only` keeps only people who granted consent."""
        def certain(query):
            return {row[0]: row for row in query._all if row[9] == CERTAIN}

        if (earlier.day < self.day and earlier.user is self.user and earlier.prisoner_list is None
                and self.prisoner_list is None):
            self.read_with(earlier)

        before, after = certain(earlier), certain(self)

        def rows(chosen):
            chosen = [row for row in chosen if not named_only or row[3] == "granted"]
            return len(chosen), [
                Row(person=PersonRef(person_id, uid, name, consent, sensitivity), kind=kind, since=start,
                    certainly=bool(certainly), unverified_since=unverified or "")
                for person_id, uid, name, consent, sensitivity, kind, start, certainly, unverified, _c in chosen[:limit]]

        # `_all` is in name order (then person id), as `changes` sorts.
        entered_total, entered = rows([row for pk, row in after.items() if pk not in before])
        left_total, left = rows([row for pk, row in before.items() if pk not in after])
        return {"entered": entered, "left": left, "entered_total": entered_total, "left_total": left_total}

    def as_census(self):
        """The whole census as `census_by_scan` gives it (rows in name order)."""
        result = Census(date=self.day)
        result.rows = [row for row in self.rows(CERTAIN)] + list(self.rows(POSSIBLE))
        result.rows.sort(key=lambda r: (r.person.name, r.person.pk))
        result.restricted = list(self.rows(RESTRICTED_ROWS))
        return result


# An episode's changes of kind as text, and the date of the last change (after it, the kind is the stored `kind`).
_KINDS = {"sqlite": "e.kinds, json_extract(e.kinds, '$[#-1][1]')",
          "postgresql": "e.kinds::text, e.kinds -> -1 ->> 1"}


def _person_table():
    return CustodyEpisode._meta.get_field("person").related_model._meta.db_table


class _Rows:
    def __init__(self, query, category, named_only):
        self.query, self.category, self.named_only = query, category, named_only

    def count(self):
        return self.query.total(self.category, self.named_only)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop = index.start or 0, index.stop
            return list(self.query.rows(self.category, self.named_only, start,
                                        None if stop is None else max(0, stop - start)))
        return next(iter(self.query.rows(self.category, self.named_only, index, 1)))


def census(day, user, prisoner_list=None):
    """The census of `day` (ISO) for `user`; `prisoner_list` limits it to the persons on that list that day."""
    return CensusQuery(day, user, prisoner_list).as_census()


def changes(earlier, later):
    """Who entered and who left custody between two censuses, by name (docs/analysis.md: not just a difference)."""
    before = {row.person.pk: row for row in earlier.certain}
    after = {row.person.pk: row for row in later.certain}
    entered = [after[pk] for pk in after if pk not in before]
    left = [before[pk] for pk in before if pk not in after]
    return {"entered": sorted(entered, key=lambda r: r.person.name), "left": sorted(left, key=lambda r: r.person.name)}


def end_reasons(rows, user, day):
    """{person pk: end reason} of the episode that ended on or before `day` for each row that left custody."""
    level = clearance_of(user)
    reasons = {}
    ids = [r.person.pk for r in rows]
    for start in range(0, len(ids), 5000):  # a census may name tens of thousands: a bounded IN list each time
        for pk, reason in (CustodyEpisode.objects.filter(level=level, person_id__in=ids[start:start + 5000])
                           .exclude(end_hi="").filter(end_lo__lte=day).order_by("end_lo")
                           .values_list("person_id", "end_reason")):
            reasons[pk] = reason
    return reasons
