"""Custody episodes derived from acts, and who was in custody on a date (a census).

A pure pipeline over plain values: no database. `qorgau.analysis.episodes` stores what it returns.

Invariants (docs/analysis.md states them for readers):
- Only the acts given count; callers pass accepted acts the reader may see.
- Acts are taken in the order of their date *ranges*: by the last day the date may be, then the first, so
  "March 2018" comes after "13 March 2018" unless it is known to be earlier.
- An episode opens at a deprivation, changes kind without closing (pre-trial detention -> house arrest ->
  imprisonment is one episode), and closes at a release-like act, at the end of a fixed term, or not at all.
- Every date is a range (lo, hi) of ISO days; "2018" is 2018-01-01..2018-12-31.
"""

import calendar
import datetime
from dataclasses import dataclass, field

# What each kind of act does to someone's liberty.
OPENS = {
    "detained": "police_custody",
    "arrested": "police_custody",
    "administrative_detention": "administrative_detention",
    "pretrial_detention": "pretrial_detention",
    "house_arrest": "house_arrest",
    "psychiatric_detention": "psychiatric_detention",
    "imprisoned": "imprisonment",
}
CLOSES = {
    "released": "released",
    "acquitted": "acquitted",
    "paroled": "paroled",
    "death_in_custody": "died",
}
# A sentence decides the kind that follows by its penalty.
SENTENCE_KIND = {
    "imprisonment": "imprisonment",
    "compulsory_treatment": "psychiatric_detention",
    "administrative_detention": "administrative_detention",
    "restriction_of_freedom": "restricted_freedom",
}
SENTENCE_ACTS = {"sentenced", "sentence_increased", "sentence_reduced"}
# Kinds that deprive of liberty (counted in a census); restricted freedom is reported beside them.
DEPRIVATION_KINDS = ("police_custody", "administrative_detention", "pretrial_detention", "house_arrest",
                     "psychiatric_detention", "imprisonment")
RESTRICTED = "restricted_freedom"

# Short stops ("detained", not "arrested" as a suspect) end by themselves when nothing else is recorded (72 hours is the longest police custody
# before a court must decide, Code of Criminal Procedure art. 131).
POLICE_CUSTODY_DAYS = 3
# An administrative detention whose length is not recorded is assumed to end within this many days (the Code of
# Administrative Offences allows far less for most offences; this is an upper bound, not an estimate).
ADMINISTRATIVE_DETENTION_MAX_DAYS = 30


def date_range(value):
    """The first and last ISO day a partial date may be; (None, None) for no date."""
    if not value:
        return None, None
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return value, value


def _add(day, amount, unit):
    date = datetime.date.fromisoformat(day)
    if unit == "days":
        return (date + datetime.timedelta(days=int(amount))).isoformat()
    months = int(amount * 12) if unit == "years" else int(amount)
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(date.day, calendar.monthrange(year, month)[1])).isoformat()


@dataclass(frozen=True)
class ActFact:
    """What an episode needs of an act."""
    id: int
    act_type: str
    date: str
    penalty_kind: str = ""
    penalty_amount: float | None = None
    penalty_unit: str = ""
    place_id: int | None = None

    @property
    def range(self):
        return date_range(self.date)


@dataclass
class Episode:
    kinds: list = field(default_factory=list)        # [(kind, since partial date)]
    start: str = ""                                   # partial date of the opening act
    end: str = ""                                     # partial date, or an ISO day for a computed end
    end_reason: str = ""                              # released, acquitted, paroled, died, term_served, ...
    evidence: list = field(default_factory=list)     # act ids, in order
    place_id: int | None = None
    planned_end: str = ""                             # ISO day a fixed term ends, when known
    last_act_date: str = ""
    short_stop: bool = False                          # only "detained" so far: ends by itself

    @property
    def kind(self):
        return self.kinds[-1][0] if self.kinds else ""

    @property
    def start_range(self):
        return date_range(self.start)

    @property
    def end_range(self):
        return date_range(self.end)

    def kind_on(self, day):
        """The kind in force on an ISO day (the last change whose range starts on or before it)."""
        current = self.kinds[0][0]
        for kind, since in self.kinds:
            lo, _ = date_range(since)
            if lo and lo <= day:
                current = kind
        return current


def _order(act):
    lo, hi = act.range
    # On the same day an opening comes before a closing (detained and released the same evening).
    closing = act.act_type in CLOSES or act.act_type in SENTENCE_ACTS
    return (hi or "9999-99-99", lo or "9999-99-99", closing, act.id)


def _kind_after(act):
    """The custody kind an act puts someone in, or None."""
    if act.act_type in OPENS:
        return OPENS[act.act_type]
    if act.act_type in SENTENCE_ACTS and act.penalty_kind:
        return SENTENCE_KIND.get(act.penalty_kind, "")  # "" = a non-custodial penalty
    return None


def _term(act):
    if act.penalty_amount and act.penalty_unit in {"days", "months", "years"}:
        return act.penalty_amount, act.penalty_unit
    return None


def episodes(acts):
    """Custody episodes of one person from their acts (any order)."""
    found = []
    current = None

    def close(end, reason, act=None):
        nonlocal current
        current.end, current.end_reason = end, reason
        if act is not None:
            current.evidence.append(act.id)
            current.last_act_date = act.date or current.last_act_date
        found.append(current)
        current = None

    for act in sorted((a for a in acts if a.date), key=_order):
        lo, hi = act.range
        if current and current.planned_end and current.planned_end <= lo:
            close(current.planned_end, "term_served")
        kind = _kind_after(act)
        if kind is None and act.act_type in CLOSES:
            if current:
                close(act.date, CLOSES[act.act_type], act)
            continue
        if kind is None:
            continue
        if kind == "":
            # A non-custodial sentence (suspended, fine, ban) ends custody if there was any.
            if current:
                close(act.date, "non_custodial_sentence", act)
            continue
        if current and (kind == RESTRICTED) != (current.kind == RESTRICTED):
            close(act.date, "non_custodial_sentence" if kind == RESTRICTED else "taken_into_custody", act)
        if current is None:
            current = Episode(start=act.date, kinds=[(kind, act.date)], place_id=act.place_id, short_stop=True)
        elif kind != current.kind and not (kind == "police_custody" and current.kind != "police_custody"):
            current.kinds.append((kind, act.date))
        current.short_stop = current.short_stop and act.act_type == "detained"
        current.evidence.append(act.id)
        current.last_act_date = act.date
        current.place_id = act.place_id or current.place_id
        term = _term(act)
        if current.short_stop:
            current.planned_end = _add(current.start_range[1], POLICE_CUSTODY_DAYS, "days")
        elif term and kind in {"administrative_detention", "imprisonment", RESTRICTED, "psychiatric_detention"}:
            # A term runs from the episode's start: time in pre-trial detention counts towards it.
            current.planned_end = _add(current.start_range[1], *term)
        elif current.kind == "administrative_detention":
            current.planned_end = _add(current.start_range[1], ADMINISTRATIVE_DETENTION_MAX_DAYS, "days")
        elif kind != "police_custody":
            current.planned_end = ""  # open-ended (pre-trial detention, house arrest ...) until something ends it
    if current:
        found.append(current)
    return found


@dataclass(frozen=True)
class Presence:
    certainly: bool
    kind: str
    since: str


def on_date(episode, day):
    """Whether an episode holds someone on an ISO day: certainly, possibly, or None when not.

    In custody on D means: the episode started on or before D and had not ended by D (the end day is the day of
    release, so someone released on D is not counted on D). With partial dates, "certainly" needs the whole
    start range on or before D and the whole end range after D; "possibly" needs the ranges to allow it.
    """
    start_lo, start_hi = episode.start_range
    if episode.end:
        end_lo, end_hi = date_range(episode.end)
    else:
        end_lo = end_hi = episode.planned_end or None
    if start_lo is None or start_lo > day:
        return None
    if end_hi is not None and end_hi <= day:
        return None
    certainly = start_hi <= day and (end_lo is None or end_lo > day)
    return Presence(certainly=certainly, kind=episode.kind_on(day), since=episode.start)
