"""Sensitivity levels and who may see them.

Invariant: a reader sees a value only when its level is within the reader's
clearance. Every path that shows data (pages, JSON, search, exports) asks
`levels_for(user)` and nothing else.
"""

PUBLIC = "public"
INTERNAL = "internal"
CONFIDENTIAL = "confidential"

LEVELS = (PUBLIC, INTERNAL, CONFIDENTIAL)

# The reader of a system job (resolution, an import run from the command line): it may see everything. Passed
# explicitly, never implied: `None` is the public, so a caller that forgets to say who reads gets the least.
SYSTEM = type("System", (), {"__repr__": lambda self: "SYSTEM", "is_authenticated": False})()
RANK = {level: rank for rank, level in enumerate(LEVELS)}


def highest(*levels):
    """The most sensitive of the given levels (ignoring None)."""
    present = [level for level in levels if level]
    return max(present, key=RANK.__getitem__) if present else PUBLIC


def clearance_of(user):
    """The most sensitive level a user may read."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return PUBLIC
    if getattr(user, "cleared_confidential", False):
        return CONFIDENTIAL
    return INTERNAL


def levels_for(user):
    """The levels a user may read, as a list usable in `sensitivity__in`."""
    top = RANK[clearance_of(user)]
    return [level for level in LEVELS if RANK[level] <= top]


def may_read(user, level):
    return RANK[level or PUBLIC] <= RANK[clearance_of(user)]


def readable(prefix, name, user):
    """Q: the field `name` of the record at `prefix` ("" or "victim_person__") is one the reader may read (no
    stricter field level): a filter, a count or a listing on a field kept above the reader's level would answer
    for the value it hides."""
    from django.db.models import Q

    allowed = levels_for(user)
    return Q(**{f"{prefix}field_sensitivity__{name}__isnull": True}) | \
        Q(**{f"{prefix}field_sensitivity__{name}__in": allowed})


def seen_value(field, reader, default=""):
    """A query expression: `field` (a path like "date" or "victim_person__birth_year") where the reader may read it,
    `default` where its record keeps it above the reader's level (field_sensitivity). Sorting on the stored value
    would place a hidden date or birth year among the visible ones."""
    from django.db.models import Case, F, Value, When

    if reader is SYSTEM:
        return F(field)
    prefix, _sep, name = field.rpartition("__")
    return Case(When(readable(f"{prefix}__" if prefix else "", name, reader), then=F(field)), default=Value(default))
