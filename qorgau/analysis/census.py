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


def _years_before(day, years):
    date = datetime.date.fromisoformat(day)
    try:
        return date.replace(year=date.year - years).isoformat()
    except ValueError:  # 29 February
        return date.replace(year=date.year - years, day=28).isoformat()


def _kind_on(kinds, day):
    """custody.Episode.kind_on without building an episode: the last change whose first possible day is on or
    before `day` (a census may hold tens of thousands of episodes)."""
    current = kinds[0][0]
    for kind, since in kinds:
        lo = since if len(since) == 10 else since + "-01-01" if len(since) == 4 else since + "-01" if since else ""
        if lo and lo <= day:
            current = kind
    return current


def census(day, user, prisoner_list=None):
    """The census of `day` (ISO) for `user`; `prisoner_list` limits it to the persons on that list that day."""
    level = clearance_of(user)
    episodes = (CustodyEpisode.objects.filter(level=level, start_lo__lte=day)
                .filter(Q(end_hi="") | Q(end_hi__gt=day))
                .filter(person__merged_into__isnull=True)
                .order_by("person__name", "start_lo"))
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
    for pk, reason in (CustodyEpisode.objects.filter(level=level, person_id__in=[r.person.pk for r in rows])
                       .exclude(end_hi="").filter(end_lo__lte=day).order_by("end_lo")
                       .values_list("person_id", "end_reason")):
        reasons[pk] = reason
    return reasons
