"""Field checks of many planned records: the outcome of `full_clean` without unique and constraint checks, cheaper.

`Model.full_clean` runs, for each field, `to_python`, the choice/null/blank checks and each validator — for the
thousands of records and proposals one ingest plans, most of them plain strings, small integers and booleans, that
costs more than writing them. `check_fields(obj, exclude)` decides the common cases itself, for fields of Django's
own plain classes only:

- a str in a CharField/TextField whose validators are exactly its MaxLengthValidator: `to_python` returns it
  unchanged; valid when non-empty (or empty and blank), in the choices (if any) and not longer than max_length;
- an int (not a bool) in an integer field whose validators are Min/MaxValueValidators with plain limits: valid when
  inside them and in the choices (if any);
- a bool in a BooleanField without choices or validators: valid;
- an empty value in a field with blank=True: skipped, as clean_fields skips it.

Every other field goes the full way (`field.clean`, its result set on the record, as clean_fields does). When any
check fails, the record's own `full_clean` runs and raises its usual error: the fast path only ever says "valid"
where full_clean says so and leaves the record as full_clean would (tests/test_fieldcheck.py compares both on
every field of the models written in bulk, with generated good and bad values).
"""

from functools import lru_cache

from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.expressions import DatabaseDefault

_STR_FIELDS = (models.CharField, models.TextField)
_INT_FIELDS = (models.IntegerField, models.SmallIntegerField, models.BigIntegerField, models.PositiveIntegerField,
               models.PositiveSmallIntegerField, models.PositiveBigIntegerField, models.AutoField,
               models.BigAutoField, models.SmallAutoField)

FULL, STR, INT, BOOL = range(4)


def _flat_choices(field):
    if not field.choices:
        return None
    keys = set()
    for key, value in field.choices:
        if isinstance(value, (list, tuple)):
            for inner, _label in value:
                if not isinstance(inner, str):
                    return False
                keys.add(inner)
        else:
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                return False
            keys.add(key)
    return frozenset(keys)


def _field_plan(field):
    kind, extra = FULL, None
    choices = _flat_choices(field)
    if choices is False:   # choices of other kinds: compared the full way
        return FULL, None, None
    found = [type(v) for v in field.validators]
    if type(field) in _STR_FIELDS:
        limits = [v for v in field.validators if type(v) is validators.MaxLengthValidator]
        if len(limits) == len(found) and all(not callable(v.limit_value) for v in limits):
            kind, extra = STR, min((v.limit_value for v in limits), default=None)
    elif type(field) in _INT_FIELDS:
        low, high, plain = None, None, True
        for v in field.validators:
            if type(v) is validators.MinValueValidator and type(v.limit_value) is int:
                low = v.limit_value if low is None else max(low, v.limit_value)
            elif type(v) is validators.MaxValueValidator and type(v.limit_value) is int:
                high = v.limit_value if high is None else min(high, v.limit_value)
            else:
                plain = False
        if plain:
            kind, extra = INT, (low, high)
    elif type(field) is models.BooleanField and not found:
        kind = BOOL
    return kind, extra, choices


@lru_cache(maxsize=None)
def _plan(model, exclude):
    plan = []
    for field in model._meta.fields:
        if field.name in exclude or field.generated:
            continue
        kind, extra, choices = _field_plan(field)
        plan.append((field, field.attname, kind, extra, choices, field.blank, field.null, field.editable,
                     tuple(field.empty_values)))
    return tuple(plan)


def _fast_valid(value, kind, extra, choices, null, blank, editable, empty):
    """True when full_clean's checks of this field pass and leave the value as it is (None: not decided here)."""
    if kind == STR:
        if type(value) is not str:
            return None
        if not editable:
            return None
        if value == "":
            return None   # blank=False and empty: an error, full_clean words it
        if choices is not None and value not in choices:
            return None
        return extra is None or len(value) <= extra
    if kind == INT:
        if type(value) is not int or not editable:
            return None
        if choices is not None and value not in choices:
            return None
        low, high = extra
        return (low is None or value >= low) and (high is None or value <= high)
    if kind == BOOL:
        return type(value) is bool and editable or None
    return None


def check_fields(obj, exclude=()):
    """Raise what `obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)` raises, and
    leave `obj` as it leaves it; cheaper for plain values (see the module's text)."""
    exclude = frozenset(exclude)
    state = obj.__dict__
    for field, attname, kind, extra, choices, blank, null, editable, empty in _plan(type(obj), exclude):
        raw = state[attname] if attname in state else getattr(obj, attname)
        if blank and raw in empty:
            continue
        if isinstance(raw, DatabaseDefault):
            continue
        if kind != FULL:
            verdict = _fast_valid(raw, kind, extra, choices, null, blank, editable, empty)
            if verdict:
                continue
            if verdict is False:
                break
        try:
            setattr(obj, attname, field.clean(raw, obj))
        except ValidationError:
            break
    else:
        obj.clean()
        return
    # A check failed (or was not decided): full_clean decides, raises its usual error or passes.
    obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
