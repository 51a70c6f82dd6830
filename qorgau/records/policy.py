"""The one read policy: may this reader see this record, this field, this name, this link.

Every path that shows data asks here: pages (through `render`, which hands templates only `Seen` wrappers),
forms (`restrict_form`), JSON, PDF, letters, feed, export and search.

Rules (docs/access-control.md):
- a record is seen when its level is within the reader's clearance (`qorgau.lib.sensitivity`); an act also
  needs its victim seen, and an anonymous reader sees accepted acts only;
- a name row (alias, transliteration…) is seen at its own level;
- a field is seen when its own level (`field_sensitivity`) is within clearance; a citation's quoted words are
  the cited document's text, so they are seen only when that text is;
- a link row (an affiliation, an involvement, a tally…) is seen when every record it must point to is seen, and
  every record it belongs to when set (an optional link deleted with it: an involvement's perpetrator);
  a record it may point to but the reader may not see is shown as nothing;
- a link to a record the reader may not see is `None`: never a name, never a uid.

Templates never get a model instance: `render` wraps every record in `Seen`, whose related records, related
rows and fields go through the rules above, so a template cannot reach a hidden record or field at all.
What a cleared reader was shown of confidential values is noted in the audit log (`note_reads`).
"""

import re
import types
from functools import lru_cache

from django.db import models
from django.db.models.manager import BaseManager

from qorgau.lib import sensitivity as levels

WITHHELD = ""
DISPLAY = re.compile(r"get_(\w+)_display")

SYSTEM = levels.SYSTEM  # a system job's reader (lib/sensitivity.py): passed explicitly, never implied


@lru_cache(maxsize=None)
def is_guarded(model):
    """Models whose rows carry their own level: records and their names."""
    try:
        field = model._meta.get_field("sensitivity")
    except Exception:
        return False
    return not field.is_relation


@lru_cache(maxsize=None)
def guarded_links(model):
    """(field, required) for every forward foreign key or one-to-one of `model` to a guarded model."""
    out = []
    for field in model._meta.get_fields():
        if field.is_relation and field.concrete and (field.many_to_one or field.one_to_one) \
                and field.related_model is not None and is_guarded(field.related_model):
            out.append((field, not field.null))
    return tuple(out)


@lru_cache(maxsize=None)
def plain_field(model, name):
    """The model's own non-relational column called `name`, or None (a method, a property, a relation)."""
    try:
        field = model._meta.get_field(name)
    except Exception:
        return None
    return field if field.concrete and not field.is_relation else None


def link_field(model, name):
    """The model's own link (foreign key, one-to-one) called `name` or stored as `name` (`place_id`), or None."""
    for field in model._meta.concrete_fields:
        if field.is_relation and name in (field.name, field.attname):
            return field
    return None


# Where a field's words come from when they are not the row's own: a citation quotes its document's text.
FIELD_SOURCE = {("citation", "text"): ("document", "text")}


class Reader:
    """One reader's view of the data. Cheap to make; ask it about objects already loaded (no queries when the
    related rows were selected or prefetched)."""

    def __init__(self, user):
        self.user = user
        self.clearance = levels.clearance_of(user)
        self.levels = levels.levels_for(user)
        self.authenticated = bool(getattr(user, "is_authenticated", False))
        self.shown = set()  # (model, uid, field) of confidential values handed to a template

    # Records and rows ---------------------------------------------------------------------------

    def may_read_level(self, level):
        return levels.RANK[level or levels.PUBLIC] <= levels.RANK[self.clearance]

    def sees(self, obj):
        """May the reader see this row at all?"""
        if obj is None:
            return False
        if isinstance(obj, Seen):
            obj = obj._obj
        model = type(obj)
        name = model.__name__
        if is_guarded(model):
            if not self.may_read_level(obj.sensitivity):
                return False
            if name == "Act":
                if not self.authenticated and obj.review != "accepted":
                    return False
                for victim in ("victim_person", "victim_organisation"):
                    if getattr(obj, victim + "_id") is not None and not self.sees(getattr(obj, victim)):
                        return False
            return True
        if name == "Citation":
            return obj.review != "rejected" and self.sees(obj.document)
        for field, required in guarded_links(model):
            # A link the row must have, or an optional one it belongs to when set (deleted with it, CASCADE: an
            # involvement's perpetrator person or organisation). Shown without it, the row would still say that a
            # hidden perpetrator took part, and in what role (session 17 audit).
            owner = not required and field.remote_field.on_delete is models.CASCADE \
                and getattr(obj, field.attname) is not None
            if (required or owner) and not self.sees(getattr(obj, field.name)):
                return False
        return True

    def link(self, obj):
        """The linked record if the reader may see it, else None."""
        return obj if obj is not None and self.sees(obj) else None

    def visible(self, rows):
        return [row for row in rows if self.sees(row)]

    def sees_field(self, obj, field):
        if isinstance(obj, Seen):
            obj = obj._obj
        source = FIELD_SOURCE.get((type(obj).__name__.lower(), field))
        if source is not None:
            related, related_field = source
            other = getattr(obj, related, None)
            return other is not None and self.sees(other) and self.sees_field(other, related_field)
        if hasattr(obj, "field_level"):
            return self.may_read_level(obj.field_level(field))
        return True

    def label(self, obj):
        """A record's name for reading (choices, titles), with nothing the reader may not see."""
        if isinstance(obj, Seen):
            obj = obj._obj
        name = type(obj).__name__
        if name == "Target":
            shown = holder_name(Seen(obj, self))
            office = obj.office if self.sees_field(obj, "office") else WITHHELD
            return f"{office}, {shown}" if shown else office
        if name == "Act":
            victim = self.link(obj.victim)
            return f"{obj.act_type} {obj.date} {victim.name if victim else WITHHELD}".strip()
        for field in ("name", "title"):
            if hasattr(obj, field) and not callable(getattr(obj, field)):
                return getattr(obj, field) if self.sees_field(obj, field) else getattr(obj, "uid", WITHHELD)
        return str(obj)

    # Noting what was read ------------------------------------------------------------------------

    def note(self, obj, field=None):
        level = obj.field_level(field) if field and hasattr(obj, "field_level") else getattr(obj, "sensitivity", "")
        if level == levels.CONFIDENTIAL:  # a name row has no uid of its own: its id then
            self.shown.add((type(obj).__name__, getattr(obj, "uid", None) or f"#{obj.pk}", field or ""))


def reader_for(user_or_reader):
    return user_or_reader if isinstance(user_or_reader, Reader) else Reader(user_or_reader)


def visible_queryset(model, user):
    """The rows of a guarded model the reader may see, as a queryset (for choices and bulk lookups)."""
    return model.objects.visible_to(user)


# What templates get ----------------------------------------------------------------------------------

class Seen:
    """A record as one reader may see it. Related records the reader may not see are None; related rows are
    filtered; fields above the reader's clearance are empty."""

    __slots__ = ("_obj", "_reader")

    def __init__(self, obj, reader):
        object.__setattr__(self, "_obj", obj)
        object.__setattr__(self, "_reader", reader)

    def __getattr__(self, name):
        if name.startswith("_") and name not in ("_meta",):
            raise AttributeError(name)
        obj, reader = self._obj, self._reader
        if name == "_meta":
            return obj._meta
        derived = getattr(type(obj), name, None)
        if isinstance(derived, property) and derived.fget is not None:
            # A property reads the fields through this view: an act's group is not told from a hidden type.
            return wrap(derived.fget(self), reader)
        if isinstance(derived, types.FunctionType) and derived.__module__.startswith("qorgau."):
            # So does a method of ours (an act's penalty_text does not tell a hidden amount or unit).
            return types.MethodType(derived, self)
        shown = DISPLAY.fullmatch(name)
        if shown and plain_field(type(obj), shown.group(1)) is not None and not reader.sees_field(obj, shown.group(1)):
            return lambda: WITHHELD  # get_<field>_display of a hidden choice
        link = link_field(type(obj), name)
        if link is not None and not reader.sees_field(obj, link.name):
            return None  # a link the record keeps above the reader's level (an act's place kept confidential)
        value = getattr(obj, name)
        if link is not None and value is not None:
            reader.note(obj, link.name)  # a link kept confidential, read: in the reads audit like a field
        if plain_field(type(obj), name) is not None:
            if not reader.sees_field(obj, name):
                return WITHHELD if isinstance(value, str) else None
            if value not in ("", None, [], {}):
                reader.note(obj, name)
            return value
        return wrap(value, reader)

    def __setattr__(self, name, value):
        raise AttributeError("Seen records are read-only.")

    def __str__(self):
        return self._reader.label(self._obj)

    def __eq__(self, other):
        other = other._obj if isinstance(other, Seen) else other
        return self._obj == other

    def __hash__(self):
        return hash(self._obj)

    def __repr__(self):
        return f"Seen({self._obj!r})"


class SeenRows:
    """A related manager or a list of rows, as one reader may see them."""

    def __init__(self, rows, reader):
        self._rows, self._reader = rows, reader
        self._cache = None

    def all(self):
        if self._cache is None:
            rows = self._rows.all() if isinstance(self._rows, BaseManager) else self._rows
            self._cache = [Seen(row, self._reader) for row in rows if self._reader.sees(row)]
        return self._cache

    def __iter__(self):
        return iter(self.all())

    def __len__(self):
        return len(self.all())

    def __bool__(self):
        return bool(self.all())

    def __getitem__(self, index):
        return self.all()[index]

    def count(self):
        return len(self.all())

    def exists(self):
        return bool(self.all())

    def first(self):
        rows = self.all()
        return rows[0] if rows else None


class _Dropped:
    pass


def wrap(value, reader):
    """Everything a template may get, as this reader may see it."""
    if isinstance(value, Seen):
        return value
    if isinstance(value, models.Model):
        if not is_guarded(type(value)) and not guarded_links(type(value)) and type(value).__name__ != "Citation":
            return value  # users, content types: nothing of a record in them
        if reader.sees(value):
            reader.note(value)
            return Seen(value, reader)
        return None
    if isinstance(value, (BaseManager, models.QuerySet)):
        return SeenRows(value, reader)
    if callable(value) and not isinstance(value, type):
        if getattr(value, "alters_data", False) or getattr(value, "do_not_call_in_templates", False):
            return value

        def call(*args, **kwargs):
            return wrap(value(*args, **kwargs), reader)
        return call
    if isinstance(value, list):
        out = []
        for item in value:
            shown = _wrap_item(item, reader)
            if shown is not _Dropped:
                out.append(shown)
        return out
    if isinstance(value, tuple):
        shown = _wrap_item(value, reader)
        return () if shown is _Dropped else shown
    if isinstance(value, dict):
        return {key: wrap(item, reader) for key, item in value.items()}
    return value


def _wrap_item(item, reader):
    """An item of a list: a hidden record, or a tuple holding one, is left out of the list."""
    if isinstance(item, models.Model):
        shown = wrap(item, reader)
        return _Dropped if shown is None else shown
    if isinstance(item, tuple):
        parts = []
        for part in item:
            if isinstance(part, models.Model) and wrap(part, reader) is None:
                return _Dropped
            parts.append(wrap(part, reader))
        return tuple(parts)
    return wrap(item, reader)


def holder_name(target):
    """Who holds a target's office (`target` as a reader sees it, a `Seen`): a holder record the reader may not
    see is not replaced by the free-text name, which may name the same person."""
    if target is None:
        return ""
    if target.holder:
        return target.holder.name
    return "" if getattr(target, "holder_id", None) else (target.holder_name or "")


def unwrap(value):
    return value._obj if isinstance(value, Seen) else value


def note_reads(reader, what):
    """One audit entry for the confidential values a page, an answer or a file showed a reader."""
    if not reader.shown:
        return
    from qorgau.audit.log import write_entry

    shown = sorted(reader.shown)
    write_entry("read", actor=reader.user, record_type="view", record_uid=str(what)[:64],
                changes={"shown": [f"{kind}:{uid}" + (f".{field}" if field else "") for kind, uid, field in shown][:200]})
    reader.shown.clear()


def render(request, template, context=None, **kwargs):
    """django.shortcuts.render, with every record in the context as the reader may see it, and confidential
    values shown noted in the audit log."""
    from django.shortcuts import render as django_render

    reader = Reader(request.user)
    for value in (context or {}).values():
        if _is_page(value):  # a page of a list: its rows as the reader may see them
            value.object_list = wrap(list(value.object_list), reader)
    shown = {key: (value if _passes_through(value) else wrap(value, reader)) for key, value in (context or {}).items()}
    response = django_render(request, template, shown, **kwargs)
    note_reads(reader, request.path)
    return response


def _is_page(value):
    from django.core.paginator import Page

    return isinstance(value, Page)


def _passes_through(value):
    from django import forms
    from django.core.paginator import Page

    return isinstance(value, (forms.BaseForm, Page, str, int, float, bool)) or value is None


# Forms ---------------------------------------------------------------------------------------------------

def restrict_form(form, user, record=None):
    """Fields the reader may not read are removed (so saving keeps them); choice lists offer only records the
    reader may see; a link to a record the reader may not see is removed from the form (so saving keeps it)."""
    reader = reader_for(user)
    hidden_links = {}
    for name in list(form.fields):
        field = form.fields[name]
        if record is not None and hasattr(record, "field_level") and _is_own_field(record, name) \
                and not reader.sees_field(record, name):
            del form.fields[name]
            continue
        queryset = getattr(field, "queryset", None)
        if queryset is None or not is_guarded(queryset.model):
            continue
        field.queryset = queryset.visible_to(user)
        field.label_from_instance = _labelled(field.label_from_instance, reader)
        current = _current_links(record, name)
        hidden = [row for row in current if not reader.sees(row)]
        if hidden and not isinstance(field, _multiple()):
            del form.fields[name]
        elif hidden:
            hidden_links[name] = hidden
    form.hidden_links = hidden_links
    return form


def _labelled(own, reader):
    """A choice's label, made from the record as the reader may see it."""
    def label(obj):
        return own(Seen(obj, reader)) if getattr(own, "__self__", None) is None else reader.label(obj)
    return label


def _multiple():
    from django import forms

    return forms.ModelMultipleChoiceField


def _is_own_field(record, name):
    try:
        field = record._meta.get_field(name)
    except Exception:
        return False
    return field.concrete


def _current_links(record, name):
    if record is None or not hasattr(record, name):
        return []
    value = getattr(record, name)
    if isinstance(value, models.Model):
        return [value]
    if isinstance(value, BaseManager):
        return list(value.all())
    return []


def keep_hidden(form, data):
    """Put back the links the reader could not see, so that saving never drops them."""
    for name, hidden in getattr(form, "hidden_links", {}).items():
        if name in data and data[name] is not None:
            data[name] = list(data[name]) + [row for row in hidden if row not in list(data[name])]
    return data
