"""check_fields (the bulk writes' field checks) says exactly what full_clean says: on every field of every model of
ours, with generated good and bad values (lengths at and past the limit, empty, None, out-of-range numbers, values
of the wrong type, choices and non-choices), alone and mixed, the same records pass, the same fail with the same
messages, and each record is left with the same values."""

import datetime
import random
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from qorgau.lib.fieldcheck import check_fields


def _models():
    return [m for m in apps.get_models() if m.__module__.startswith("qorgau.") and not m._meta.abstract]


def _relations(model):
    return tuple(f.name for f in model._meta.concrete_fields if f.is_relation)


def _values(field):
    values = ["", "x", " ", None, 0, 1, -1, 5, 2 ** 31, 2 ** 63, True, False, 1.5, "12", "-3", "2021-03-05",
              "2021-03-05T10:00:00", {}, [], (), {"a": 1}, Decimal("1.5"), datetime.date(2021, 3, 5),
              "not-a-choice", "Ерлан Ибраев", "a\x00b"]
    if getattr(field, "max_length", None):
        values += ["a" * field.max_length, "a" * (field.max_length + 1), "я" * field.max_length]
    for key, value in field.choices or ():
        values += [inner for inner, _ in value] if isinstance(value, (list, tuple)) else [key]
    return values


def _good(field):
    if field.choices:
        key, value = field.choices[0]
        return value[0][0] if isinstance(value, (list, tuple)) else key
    if field.get_internal_type() in ("CharField", "TextField", "SlugField", "EmailField"):
        return "x"
    if "Integer" in field.get_internal_type():
        return 1
    if field.get_internal_type() == "BooleanField":
        return True
    return field.get_default()


def _outcome(obj, check):
    try:
        check(obj)
        result = None
    except ValidationError as error:
        result = error.message_dict if hasattr(error, "error_dict") else error.messages
    except (TypeError, ValueError, AttributeError) as error:   # what full_clean lets through on odd types
        result = (type(error).__name__, str(error))
    return result, {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def _compare(model, assignments):
    exclude = ("uid", *_relations(model))
    objects = []
    for _ in range(2):
        obj = model()
        for attname, value in assignments.items():
            setattr(obj, attname, value)
        objects.append(obj)
    full = _outcome(objects[0], lambda o: o.full_clean(exclude=exclude, validate_unique=False,
                                                       validate_constraints=False))
    fast = _outcome(objects[1], lambda o: check_fields(o, exclude=exclude))
    assert fast == full, (model.__name__, assignments)
    return full[0] is None


@pytest.mark.django_db
def test_check_fields_agrees_with_full_clean_on_every_field_of_every_model():
    checked, passed, failed = 0, 0, 0
    for model in _models():
        fields = [f for f in model._meta.concrete_fields if not f.is_relation and f.name != "uid"]
        base = {f.attname: _good(f) for f in fields if not f.primary_key}
        _compare(model, base)
        for field in fields:
            for value in _values(field):
                ok = _compare(model, {**base, field.attname: value})
                checked, passed, failed = checked + 1, passed + ok, failed + (not ok)
        rng = random.Random(model.__name__)
        for _ in range(40):   # several fields wrong at once
            mixed = dict(base)
            for field in rng.sample(fields, k=min(len(fields), 3)):
                mixed[field.attname] = rng.choice(_values(field))
            ok = _compare(model, mixed)
            checked, passed, failed = checked + 1, passed + ok, failed + (not ok)
    assert checked > 2000 and passed > 500 and failed > 500, (checked, passed, failed)

