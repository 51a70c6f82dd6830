"""What an edit form carries to prevent lost edits, without telling its reader about saves they may not see.

A record's `version` counts every save, those of fields, links and levels above the reader's clearance too: a
reader shown "version 7" after three saves they could see learns that four were hidden from them (session 17). So
no reader is shown a version. An edit form carries an *edit token* instead: an HMAC, under the server's secret, of
the record and of the number of the last save this reader could see (`seen_version`). It changes when, and only
when, a save the reader could see is made; the reader cannot read a number out of it.

Saving (`check_edit_token`, inside the saving transaction): the record's row is held, and the save goes through only
if the token is still the one this reader would be given now. Else EditConflict, with the changes since the save the
token was made at, again only those the reader could see. A save the reader could not see does not refuse theirs:
it changed only fields and links their form does not carry, and the form keeps those (records/policy.py
`keep_hidden`), so nothing of it is lost.

Which saves a reader could see, from the audit log (each save is one entry with "version": [old, new]):
- a change of a field they may read (by the record's field levels now), unless both the old and the new value are
  records hidden from them (a link to a hidden person replaced by another shows them nothing);
- a change of links (before/after lists) that adds or removes an item naming no record hidden from them;
- a change of the record's level, of field levels that makes a field readable or unreadable to them, a deletion, a
  restore, a merge.
A reader cleared for every level sees every save: their `seen_version` is the version itself.
"""

import functools
import hashlib
import hmac
import re

from django.conf import settings
from django.db.models import F

from qorgau.lib import sensitivity as levels

_WHOLE_RECORD = {"sensitivity", "deletion", "merged_into", "with"}


def reads_everything(user):
    """A reader cleared for every level, or a system or command-line actor (which sees everything)."""
    return user is levels.SYSTEM or isinstance(user, str) or levels.may_read(user, levels.CONFIDENTIAL)


def _unwrapped(record):
    """The record itself, also when a template holds it as one reader sees it (policy.Seen)."""
    from .policy import Seen

    return object.__getattribute__(record, "_obj") if isinstance(record, Seen) else record


@functools.cache
def _models_by_prefix():
    from django.apps import apps

    from .models import Record

    out = {}
    for model in apps.get_models():
        if issubclass(model, Record) and not model._meta.abstract:
            out.setdefault(model.UID_PREFIX, model)
    return out


def _hidden_uids(uids, user):
    """Of `uids`, those naming a record this reader may not see (or no live record)."""
    by_prefix, models = {}, _models_by_prefix()
    for uid in uids:
        by_prefix.setdefault(uid.split("_", 1)[0] + "_", set()).add(uid)
    hidden = set()
    for prefix, group in by_prefix.items():
        model = models.get(prefix)
        if model is None:
            continue  # not a record (a provision's code, a criterion): nothing to hide
        shown = set(model.objects.visible_to(user).filter(uid__in=group).values_list("uid", flat=True))
        hidden |= group - shown
    return hidden


@functools.cache
def _uid_pattern():
    """A record's uid in an audited value ("per_…", or "per_…:role" in a link): any record type's prefix, then the
    rest up to a separator (demo and imported uids are not all random: "per_ospan", "plc_almaty")."""
    prefixes = "|".join(sorted((re.escape(p) for p in _models_by_prefix()), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + prefixes + r")[\w.-]+")


def _uids_in(value):
    if isinstance(value, str):
        return set(_uid_pattern().findall(value))
    if isinstance(value, (list, tuple)):
        return set().union(*(_uids_in(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return _uids_in(list(value.values()))
    return set()


def _head(item):
    """What a link item names first ("CC-274" of "CC-274:charged"): a provision's uid has no type prefix."""
    return str(item).split(":", 1)[0]


def _hidden_provisions(entries, user):
    from .models import Provision

    named = {_head(item) for entry, _v in entries if isinstance(entry.changes.get("after"), dict)
             for side in ("before", "after") for item in (entry.changes.get(side) or {}).get("provisions") or []}
    if not named:
        return set()
    return named - set(Provision.objects.visible_to(user).filter(uid__in=named).values_list("uid", flat=True))


def _entries(record):
    from qorgau.audit.models import AuditEntry

    for entry in AuditEntry.objects.filter(record_uid=record.uid, record_type=type(record).__name__) \
            .order_by("id").only("id", "verb", "changes", "actor_label", "at"):
        version = (entry.changes or {}).get("version")
        if isinstance(version, list) and len(version) == 2 and isinstance(version[1], int):
            yield entry, version[1]


def _visible_fields(record, entry, user, hidden):
    """The names of what this save changed that the reader could see (empty: a save hidden from them)."""
    changes = entry.changes
    if entry.verb == "link" and isinstance(changes.get("after"), dict):
        before, out = changes.get("before") or {}, []
        for key, after in changes["after"].items():
            old = before.get(key) or []
            if not isinstance(after, list) or not isinstance(old, list):
                out += [key] if after != old else []
                continue
            moved = [item for item in after if item not in old] + [item for item in old if item not in after]
            if any(not ((_uids_in(item) | {_head(item)}) & hidden) for item in moved) \
                    and record.may_read_field(user, key):
                out.append(key)
        return out
    out = []
    for key, value in changes.items():
        if key == "version":
            continue
        if key in _WHOLE_RECORD:
            out.append(key)
        elif key == "field_sensitivity":
            old, new = (value if isinstance(value, list) and len(value) == 2 else [{}, {}])
            old, new = (old if isinstance(old, dict) else {}), (new if isinstance(new, dict) else {})
            if any(levels.may_read(user, levels.highest(record.sensitivity, old.get(f)))
                   != levels.may_read(user, levels.highest(record.sensitivity, new.get(f))) for f in {*old, *new}):
                out.append(key)
        elif record.may_read_field(user, key):
            pair = value if isinstance(value, list) and len(value) == 2 else [None, value]
            shown = [None if (_uids_in(v) and _uids_in(v) <= hidden) else v for v in pair]
            if shown[0] != shown[1] or not _uids_in(pair):
                out.append(key)
    return out


def visible_saves(record, user):
    """[(version, entry, fields)] of the saves of `record` this reader could see, oldest first."""
    record = _unwrapped(record)
    entries = list(_entries(record))
    if not entries:
        return []
    everyone = reads_everything(user)
    hidden = set() if everyone else _hidden_uids(
        set().union(*(_uids_in(entry.changes) for entry, _v in entries)), user) | _hidden_provisions(entries, user)
    out = []
    for entry, version in entries:
        fields = _visible_fields(record, entry, user, hidden)
        if everyone and not fields:
            fields = [k for k in entry.changes if k not in {"version", "before", "after"}] or ["version"]
        if fields:
            out.append((version, entry, fields))
    return out


def seen_version(record, user, saves=None):
    """The version the record was at after the last save this reader could see (1, its creation, if none)."""
    if reads_everything(user):
        return record.version
    saves = visible_saves(record, user) if saves is None else saves
    return saves[-1][0] if saves else 1


def _token(record, version):
    message = f"qorgau.edit-token:{type(record).__name__}:{record.uid}:{version}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:24]


def edit_token(record, user):
    """What an edit form of `record` read by `user` carries (never the version itself)."""
    record = _unwrapped(record)
    return _token(record, seen_version(record, user))


def _read_at(record, user, token, saves):
    """The version the token was made at, among those this reader could have been given; -1 if none."""
    token = str(token or "")
    candidates = range(1, record.version + 1) if reads_everything(user) else [1] + [v for v, _e, _f in saves]
    return next((v for v in candidates if hmac.compare_digest(_token(record, v), token)), -1)


def check_edit_token(record, user, token):
    """Inside the saving transaction: hold the record's row, then let the save through only if `token` is the one
    this reader would be given now; else raise EditConflict with the changes, visible to them, made since.

    The guarded UPDATE takes the row (PostgreSQL) or the database (SQLite) for the rest of the transaction, and a
    concurrent save commits its audit entry with its version, so of two editors saving at once from the same token,
    the second reads the first's save and is refused."""
    from .actions import EditConflict

    model = type(record)
    held = model._base_manager.filter(pk=record.pk, deleted_at__isnull=True).update(version=F("version"))
    current = model._base_manager.get(pk=record.pk)
    saves = None if reads_everything(user) else visible_saves(current, user)
    if held == 1 and hmac.compare_digest(_token(current, seen_version(current, user, saves)), str(token or "")):
        return record
    saves = visible_saves(current, user) if saves is None else saves
    read = _read_at(current, user, token, saves)
    changes = [(field, entry.actor_label, entry.at) for version, entry, fields in saves if version > read
               for field in fields]
    raise EditConflict(current, read, changes)


def last_seen_at(record, user):
    """When the last save this reader could see was made (the record's creation if none): what a reader is told
    of "updated", instead of `updated_at`, which moves with saves hidden from them too."""
    record = _unwrapped(record)
    if reads_everything(user):
        return record.updated_at
    saves = visible_saves(record, user)
    return saves[-1][1].at if saves else record.created_at
