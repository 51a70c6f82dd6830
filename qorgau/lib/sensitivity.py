"""Sensitivity levels and who may see them.

Invariant: a reader sees a value only when its level is within the reader's
clearance. Every path that shows data (pages, JSON, search, exports) asks
`levels_for(user)` and nothing else.
"""

PUBLIC = "public"
INTERNAL = "internal"
CONFIDENTIAL = "confidential"

LEVELS = (PUBLIC, INTERNAL, CONFIDENTIAL)
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
