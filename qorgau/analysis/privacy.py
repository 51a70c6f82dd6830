"""What public analysis may name and what it may count (docs/analysis.md, "Privacy of aggregates").

A person whose consent to publication is not `granted` (unknown, or refused) is never named in a public list,
census, briefing or open-data file, even when their record is public: they appear only in counts, and a public
count that includes them is shown only when it holds at least QORGAU_MIN_PUBLIC_CELL people.
"""

from django.conf import settings
from django.db.models import Q


def is_public(reader):
    return reader is None or not getattr(reader, "is_authenticated", False)


NAMEABLE = "granted"


def nameable(person, public):
    return not public or person.consent == NAMEABLE


def nameable_in_public(prefix=""):
    """The same rule as a query condition on persons (or on rows reaching a person through `prefix`, e.g.
    "person__"): what a public list, census, briefing, open-data file or `?list=` filter may name."""
    return Q(**{f"{prefix}consent": NAMEABLE})


def shown_count(total, unnamed, public):
    """The total as a public page may show it: None ("fewer than N") when it holds someone not named and is small."""
    if not public or not unnamed or total >= settings.QORGAU_MIN_PUBLIC_CELL:
        return total
    return None



# An act's values that the derived analysis (custody episodes, summaries, statistics) reads besides its type: the
# field as field_sensitivity names it -> the attributes it blanks. An act may keep any of them above its own level
# (a public detention whose date is confidential). What a reader of a level is given must not rest on them -- a
# census on a date, an episode's start, a count by month or by sentence length would tell the hidden value -- so at
# that level the act is read as if the value were not recorded. A penalty is read whole or not at all. The act's
# type too: a detention whose type is kept confidential opened a public custody episode (the census named the
# person, the custody page showed "imprisonment", `census --since` the acquittal that ended it, the statistics its
# group) -- at a level that may not read the type, the act is an act of no type (as the lists count it, s8).
PENALTY = ("penalty_kind", "penalty_amount", "penalty_unit")
ACT_FIELDS = {"date": ("date",), "place": ("place_id",), "penalty_kind": PENALTY, "penalty_amount": PENALTY,
              "penalty_unit": PENALTY, "act_type": ("act_type",)}
BLANK = {"date": "", "place_id": None, "penalty_kind": "", "penalty_amount": None, "penalty_unit": "", "act_type": ""}


def kept_above(field_sensitivity, field, level):
    """Whether a record's `field` is kept at a level a reader of `level` may not read (a level we do not know is
    kept from everyone; no level kept for the field is the record's own)."""
    from qorgau.lib.sensitivity import RANK

    kept = (field_sensitivity or {}).get(field)
    return bool(kept) and RANK.get(kept, len(RANK)) > RANK[level]


def act_values_at(field_sensitivity, level):
    """{attribute: blank value} for the act values a reader of `level` may not read (empty when all may be read)."""
    blank = {}
    for field in field_sensitivity or {}:
        if field in ACT_FIELDS and kept_above(field_sensitivity, field, level):
            blank.update((attribute, BLANK[attribute]) for attribute in ACT_FIELDS[field])
    return blank
