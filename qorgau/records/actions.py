"""Every change to the record goes through these actions (house style: do_<verb>_<noun>(…, *, actor)).

Each action is atomic, writes an audit entry in the same transaction, and
keeps the search index in step. Views, commands, extraction, review, merge,
import and tests call them; nothing else saves records (tests/test_one_writer.py
scans the source for writes outside actions modules).

Versions: each saved change raises a record's `version` by one and the audit
entry notes it ("version": [old, new]). No reader is shown the version (it would
count saves hidden from them): an edit form carries an opaque token of the last
save its reader could see (`edit_token`, records/versions.py); `check_version`
refuses to save over a newer save they could see (EditConflict, which says what
changed since and who changed it).

Deleting is soft: `do_delete_record` marks the record (and what a real delete
would cascade to) deleted, writes a full snapshot (`Deletion`) and one audit
entry per row; `do_restore_deletion` puts everything back.
"""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, router, transaction
from django.db.models import F, ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.utils import timezone

from qorgau.audit.log import write_entries, write_entry
from qorgau.lib import sensitivity as levels
from qorgau.lib.bulk import insert_rows
from qorgau.lib.fieldcheck import check_fields
from qorgau.lib.dates import PartialDateError, parse_partial_date

from . import indexing
from qorgau.lib.identifiers import new_uid

from .models import (Act, ActProvision, Citation, Deletion, Event, EventLink, Involvement, Organisation,
                     OrganisationName, Person, PersonName, Place, PlaceName, Provision, Recognition, Record, Tally,
                     guess_script, provision_uid)

DATE_FIELDS = {"date", "date_end", "start", "end", "published", "issued", "deadline", "valid_from", "valid_to"}
INDEXED = (Person, Organisation, Place, Event, Provision)


def _plain(value):
    if hasattr(value, "uid"):
        return value.uid
    if hasattr(value, "pk") and hasattr(value, "_meta"):
        return value.pk
    if isinstance(value, Decimal):
        return str(value)
    return value


# Bulky fields (a document's whole text, its page offsets, extraction's proposals) are noted as changed, not copied.
BULKY = {"text", "pages", "markers", "footnotes", "extra"}


def _audit_value(record, field, value):
    # The audit log is read by administrators, who may not be cleared: it notes
    # that a confidential value changed without repeating it.
    if record.field_level(field) == levels.CONFIDENTIAL and field not in {"sensitivity"}:
        return "(confidential)"
    if field in BULKY and value not in ("", None, [], {}):
        return f"({len(value)} items)" if not isinstance(value, str) else f"({len(value)} characters)"
    return _plain(value)


def _clean_dates(fields):
    for name in DATE_FIELDS & fields.keys():
        try:
            fields[name] = parse_partial_date(fields[name]) or ""
        except PartialDateError as error:
            raise ValidationError({name: str(error)}) from None
    return fields


# Fields no search-index row is made from (indexing._texts_by_level): changing only these leaves the index as it is
# (a document's `extra` after extraction would otherwise re-index its whole text).
NOT_INDEXED = {"extra", "review_state", "version", "notes"}


def _touch_index(record):
    from qorgau.documents.models import Document

    if isinstance(record, INDEXED + (Document,)):
        indexing.reindex(record)


def create_record(model, *, actor, verb="create", index=True, **fields):
    """Create any record and audit it. The named do_create_… actions call this. A record whose uid a deleted record
    holds (a provision's legal identifier) is refused: the deleted one is restored instead."""
    record = model(**_clean_dates(fields))
    record.full_clean(exclude=["uid"])
    uid = record.uid or (provision_uid(record.code, record.article, record.part, record.edition)
                         if isinstance(record, Provision) else "")
    if uid and model._base_manager.filter(uid=uid, deleted_at__isnull=False).exists():
        raise ValidationError({"uid": f"{uid} was deleted; an administrator can restore it."})
    record.save()
    write_entry(verb, actor=actor, record_type=model.__name__, record_uid=record.uid,
                changes={k: _audit_value(record, k, v) for k, v in fields.items() if v not in ("", None, [], {})})
    if index:
        _touch_index(record)
    return record


def bump_version(record):
    """Raise the record's version by one (in the database, so two writers never hand out the same number).
    Returns [old, new] for the audit entry."""
    model = type(record)
    model._base_manager.filter(pk=record.pk).update(version=F("version") + 1)
    old = record.version
    record.version = model._base_manager.filter(pk=record.pk).values_list("version", flat=True).get()
    return [old, record.version]


def update_record(record, *, actor, **changes):
    """Apply field changes, audit old and new values, keep the index in step."""
    _clean_dates(changes)
    diff = {}
    for field, value in changes.items():
        old = getattr(record, field)
        if old != value:
            diff[field] = [_audit_value(record, field, old), _audit_value(record, field, value)]
            setattr(record, field, value)
    if not diff:
        return record
    record.full_clean(exclude=["uid"])
    with transaction.atomic():
        record.save(update_fields=[*diff.keys(), "updated_at"])
        diff["version"] = bump_version(record)
        write_entry("update", actor=actor, record_type=type(record).__name__, record_uid=record.uid, changes=diff)
        if not diff.keys() <= NOT_INDEXED:
            _touch_index(record)
    return record


def _link_changed(record, *, actor, changes):
    """Audit a change of a record's links (provisions, perpetrators, places, persons, targets) as a new version."""
    changes = dict(changes, version=bump_version(record))
    write_entry("link", actor=actor, record_type=type(record).__name__, record_uid=record.uid, changes=changes)


# No lost update -------------------------------------------------------------------------------

class EditConflict(Exception):
    """Someone saved the record after the editor read it. `changes` are (field, who, when) of what changed since
    that the editor may see, newest last; `record` is the record as it is now."""

    def __init__(self, record, read_version, changes):
        super().__init__(f"{record.uid} is at version {record.version}, the edit was made on version {read_version}")
        self.record, self.read_version, self.changes = record, read_version, changes


def check_version(record, token, reader):
    """Inside the saving transaction: hold the record's row if `token` (what the edit form carried, made by
    `edit_token`) is still the one `reader` would be given now, else raise EditConflict with the changes since that
    `reader` could see. The token names no version: a reader learns nothing of saves hidden from them, and those
    do not refuse their save (records/versions.py)."""
    from .versions import check_edit_token

    return check_edit_token(record, reader, token)


def edit_token(record, reader):
    from .versions import edit_token as token

    return token(record, reader)


# Soft delete and restore -----------------------------------------------------------------------

INDEXED_KINDS = ("person", "organisation", "place", "event", "provision", "document")
# Derived rows (custody episodes, rebuilt from the acts when a transaction commits) are removed with what they were
# derived from but not kept for restore: the rebuild after restore makes them again.
DERIVED = {"analysis.custodyepisode", "analysis.custodyepisode_evidence"}
KEPT = {"resolution.merge"}  # merges are history, kept as they are (named by label: resolution is a higher layer)
SKIP_NULLING = {("records", "person", "merged_into")}  # folded records go with the person (plan_delete)


def _levels_of(actor):
    """What the actor may read. A command-line or system actor (a string) acts for the operator: everything."""
    if actor is None or isinstance(actor, str):
        return list(levels.LEVELS)
    return levels.levels_for(actor)


def _json_value(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _row_data(obj):
    return {f.attname: _json_value(f.value_from_object(obj)) for f in obj._meta.concrete_fields}


def _label(model):
    return model._meta.label_lower


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


def _owner_uid(row):
    """The uid of the first record a plain row points at (a name's person, an involvement's act)."""
    for field in row._meta.concrete_fields:
        if field.is_relation and field.related_model and issubclass(field.related_model, Record):
            target = getattr(row, field.name, None)
            if target is not None:
                return target.uid
    return ""


def _expand(collected):
    """Model instances from a Collector's sets, querysets and lists."""
    for item in collected:
        if hasattr(item, "_meta") and not hasattr(item, "query"):
            yield item
        else:
            yield from item


class DeleteRefused(ValidationError):
    pass


def plan_delete(record, *, actor):
    """What deleting `record` touches, as a real delete would: records marked deleted (soft), plain rows removed,
    fields of other rows cleared. Refuses (DeleteRefused) when a rule protects the record, or when any record
    touched is above the actor's clearance (deleting never touches what the deleter may not see)."""
    collector = Collector(using=router.db_for_write(type(record)), origin=record)
    objs = [record]
    if isinstance(record, Person):  # records folded into a person by merges are part of it, and go with it
        frontier = [record.pk]
        while frontier:
            folded = list(Person._base_manager.filter(merged_into__in=frontier, deleted_at__isnull=True))
            objs += folded
            frontier = [p.pk for p in folded]
    try:
        collector.collect(objs)
    except (ProtectedError, RestrictedError) as error:
        blockers = {}
        for row in error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects:
            name = str(row._meta.verbose_name_plural)
            blockers[name] = blockers.get(name, 0) + 1
        raise DeleteRefused(
            "It cannot be deleted while other rows depend on it: %s." % ", ".join(
                f"{n} {name}" for name, n in sorted(blockers.items()))) from None
    soft, removed, nulled = {}, {}, []
    for obj in _expand([*[o for objs in collector.data.values() for o in objs], *collector.fast_deletes]):
        key = (_label(type(obj)), obj.pk)
        if isinstance(obj, Record):
            if obj.deleted_at is None:
                soft[key] = obj
        elif _label(type(obj)) not in KEPT:
            removed[key] = obj
    for (field, value), groups in collector.field_updates.items():
        if (field.model._meta.app_label, field.model._meta.model_name, field.name) in SKIP_NULLING:
            continue
        for obj in _expand(groups):
            key = (_label(type(obj)), obj.pk)
            if key in soft or key in removed or getattr(obj, "deleted_at", None) is not None:
                continue
            nulled.append((obj, field))
    allowed = set(_levels_of(actor))
    touched = [obj for key, obj in soft.items()] + [obj for obj, _field in nulled if isinstance(obj, Record)]
    for row in removed.values():
        if isinstance(row, Citation):  # a citation belongs to its record as much as to its document
            cited = row.content_type.model_class()._base_manager.filter(pk=row.object_id).first()
            if cited is not None and (_label(type(cited)), cited.pk) not in soft:
                touched.append(cited)
        for field in row._meta.concrete_fields:
            if field.is_relation and field.related_model and issubclass(field.related_model, Record):
                target = getattr(row, field.name, None)
                if target is not None and (_label(type(target)), target.pk) not in soft:
                    touched.append(target)
    if any(obj.sensitivity not in allowed for obj in touched):
        raise DeleteRefused("It is linked to records above your clearance; an editor cleared for them must "
                            "delete it.")
    return list(soft.values()), list(removed.values()), nulled


@transaction.atomic
def do_delete_record(record, *, actor):
    """Soft-delete a record and what a real delete would cascade to, restorably. Returns the Deletion."""
    model = type(record)
    record = model.objects.select_for_update().filter(pk=record.pk).first()
    if record is None:
        raise DeleteRefused("It is deleted already.")
    soft, removed, nulled = plan_delete(record, actor=actor)
    now = timezone.now()
    deletion = Deletion(uid=new_uid("del_"), record_type=model.__name__, record_uid=record.uid,
                        label=str(getattr(record, "name", "") or getattr(record, "title", "") or record.uid)[:300],
                        sensitivity=record.sensitivity, at=now, actor_label=actor_label_of(actor), rows=[])
    rows = []
    for obj, field in nulled:
        rows.append({"op": "null", "model": _label(type(obj)), "pk": obj.pk, "field": field.attname,
                     "value": _json_value(getattr(obj, field.attname))})
    rows += [{"op": "remove", "model": _label(type(row)), "pk": row.pk, "data": _row_data(row)} for row in removed
             if _label(type(row)) not in DERIVED]
    rows += [{"op": "soft", "model": _label(type(obj)), "pk": obj.pk, "uid": obj.uid, "data": _row_data(obj)}
             for obj in soft]
    deletion.rows = rows
    deletion.save()
    for obj, field in nulled:
        type(obj)._base_manager.filter(pk=obj.pk).update(**{field.attname: None})
        if isinstance(obj, Record):
            old = getattr(obj, field.name)
            write_entry("update", actor=actor, record_type=type(obj).__name__, record_uid=obj.uid,
                        changes={field.name: [_plain(old), None], "version": bump_version(obj),
                                 "deletion": deletion.uid})
        else:
            write_entry("unlink", actor=actor, record_type=type(obj).__name__, record_uid=_owner_uid(obj),
                        changes={"row": obj.pk, "field": field.name, "deletion": deletion.uid})
    by_model = {}
    for row in removed:
        if _label(type(row)) in DERIVED:
            by_model.setdefault(type(row), []).append(row.pk)
            continue
        write_entry("remove", actor=actor, record_type=type(row).__name__, record_uid=_owner_uid(row),
                    changes={"row": row.pk, "deletion": deletion.uid})
        by_model.setdefault(type(row), []).append(row.pk)
    for row_model, pks in by_model.items():
        row_model._base_manager.filter(pk__in=pks)._raw_delete(router.db_for_write(row_model))
    for row in removed:
        _notify(row, deleted=True)
    for obj in soft:
        type(obj)._base_manager.filter(pk=obj.pk).update(deleted_at=now, version=F("version") + 1)
        if indexing.index_kind(obj) in INDEXED_KINDS:
            indexing.unindex(obj)
        changes = {"deletion": deletion.uid}
        if obj.pk != record.pk or type(obj) is not model:
            changes["with"] = record.uid
        write_entry("delete", actor=actor, record_type=type(obj).__name__, record_uid=obj.uid, changes=changes)
    for obj, _field in nulled:
        _notify(obj)
    for obj in soft:
        _notify(obj)
    return deletion


def _notify(obj, *, deleted=False):
    """Tell listeners (custody episodes, statistics) what a soft delete or restore did with plain updates, as a real
    save or delete would have: a record marked deleted or restored, or a field cleared, is a save; a removed row is a
    delete."""
    from django.db.models import signals

    using = router.db_for_write(type(obj))
    if deleted:
        signals.post_delete.send(sender=type(obj), instance=obj, using=using, origin=obj)
    else:
        obj = type(obj)._base_manager.get(pk=obj.pk)
        signals.post_save.send(sender=type(obj), instance=obj, created=False, update_fields=None, raw=False,
                               using=using)


def actor_label_of(actor):
    from qorgau.audit.log import actor_label

    return actor_label(actor)


def deletion_of(uid):
    """The standing (not restored) deletion that deleted the record `uid`, itself or with another record."""
    deletion = Deletion.objects.filter(record_uid=uid, restored_at__isnull=True).order_by("-at", "-id").first()
    if deletion is not None:
        return deletion
    for deletion in Deletion.objects.filter(restored_at__isnull=True).order_by("-at", "-id").iterator():
        if any(row.get("uid") == uid for row in deletion.rows if row["op"] == "soft"):
            return deletion
    return None


class RestoreRefused(ValidationError):
    pass


@transaction.atomic
def do_restore_deletion(deletion, *, actor):
    """Put back everything a deletion changed, newest change first. Returns a list of notes about rows that could
    not be put back as they were (a field set again since, a link made again since)."""
    deletion = Deletion.objects.select_for_update().get(pk=deletion.pk)
    if deletion.restored_at:
        raise RestoreRefused(f"{deletion.record_uid} was restored already.")
    soft_keys = {(row["model"], row["pk"]) for row in deletion.rows if row["op"] == "soft"}
    # A record comes back only with the records it cannot exist without (an act's victim).
    for row in deletion.rows:
        if row["op"] != "soft":
            continue
        model = _model(row["model"])
        obj = model._base_manager.get(pk=row["pk"])
        for field in model._meta.concrete_fields:
            if (field.is_relation and issubclass(field.related_model, Record)
                    and field.remote_field.on_delete.__name__ == "CASCADE"):
                target = getattr(obj, field.name, None)
                if target is not None and target.deleted_at is not None and \
                        (_label(type(target)), target.pk) not in soft_keys:
                    raise RestoreRefused(f"Restore {target.uid} first: {row['uid']} belongs to it.")
    notes = []
    restored = []
    for row in reversed(deletion.rows):
        model = _model(row["model"])
        if row["op"] == "soft":
            obj = model._base_manager.get(pk=row["pk"])
            if obj.deleted_at is None:
                continue
            model._base_manager.filter(pk=obj.pk).update(deleted_at=None)
            obj.deleted_at = None
            version = bump_version(obj)
            restored.append(obj)
            write_entry("restore", actor=actor, record_type=model.__name__, record_uid=obj.uid,
                        changes={"deletion": deletion.uid, "version": version})
        elif row["op"] == "remove":
            fields = {}
            for field in model._meta.concrete_fields:
                if field.attname in row["data"]:
                    value = row["data"][field.attname]
                    fields[field.attname] = field.to_python(value) if value is not None else None
            try:
                with transaction.atomic():
                    model(**fields).save(force_insert=True)
            except IntegrityError:
                notes.append(f"A {model._meta.verbose_name} ({row['pk']}) exists again and was left as it is.")
                continue
            obj = model._base_manager.get(pk=row["pk"])
            write_entry("restore_row", actor=actor, record_type=model.__name__, record_uid=_owner_uid(obj),
                        changes={"row": row["pk"], "deletion": deletion.uid})
        elif row["op"] == "null":
            obj = model._base_manager.filter(pk=row["pk"]).first()
            if obj is None or getattr(obj, "deleted_at", None) is not None:
                continue
            if getattr(obj, row["field"]) is not None:
                notes.append(f"{getattr(obj, 'uid', row['pk'])}: {row['field']} was set again since; left as it is.")
                continue
            model._base_manager.filter(pk=obj.pk).update(**{row["field"]: row["value"]})
            if isinstance(obj, Record):
                field = model._meta.get_field(row["field"][:-3] if row["field"].endswith("_id") else row["field"])
                target = field.related_model._base_manager.filter(pk=row["value"]).first()
                write_entry("update", actor=actor, record_type=model.__name__, record_uid=obj.uid,
                            changes={field.name: [None, _plain(target)], "version": bump_version(obj),
                                     "deletion": deletion.uid})
    for row in deletion.rows:
        if row["op"] in {"remove", "null"}:
            obj = _model(row["model"])._base_manager.filter(pk=row["pk"]).first()
            if obj is not None:
                _notify(obj)
    for obj in restored:
        _notify(obj)
        if indexing.index_kind(obj) in INDEXED_KINDS:
            indexing.reindex(type(obj)._base_manager.get(pk=obj.pk))
    deletion.restored_at = timezone.now()
    deletion.restored_by = actor_label_of(actor)
    deletion.save(update_fields=["restored_at", "restored_by"])
    return notes


def do_restore_record(uid, *, actor):
    """Restore the record `uid` with everything its deletion took along. RestoreRefused when there is none."""
    deletion = deletion_of(uid)
    if deletion is None:
        raise RestoreRefused(f"No deleted record {uid} to restore.")
    if deletion.record_uid != uid:
        raise RestoreRefused(f"{uid} was deleted with {deletion.record_uid}; restore {deletion.record_uid}.")
    return deletion, do_restore_deletion(deletion, actor=actor)


# Records with names: persons, organisations, places ------------------------------------

NAME_MODELS = {Person: (PersonName, "person"), Organisation: (OrganisationName, "organisation"),
               Place: (PlaceName, "place")}


def _add_name(owner, *, name, script=None, lang="", kind="alias", sensitivity=levels.PUBLIC, **extra):
    name_model, owner_field = NAME_MODELS[type(owner)]
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "A name cannot be empty."})
    row = name_model(**{owner_field: owner}, name=name, script=script or guess_script(name), lang=lang or "",
                     kind=kind or "alias", sensitivity=sensitivity or levels.PUBLIC, **extra)
    row.full_clean()
    row.save()
    return row


def _shown(name_row):
    return name_row.name if name_row.sensitivity != levels.CONFIDENTIAL else "(confidential)"


def create_named(model, *, actor, name, names=(), **fields):
    """Create a record with a primary name and other names (dicts of name, script, lang, kind, sensitivity)."""
    record = create_record(model, actor=actor, name=name, index=False, **fields)
    for other in names:
        _add_name(record, **other)
    indexing.reindex(record)
    return record


@transaction.atomic
def do_add_name(record, *, actor, **name):
    """Add a spelling to a person, organisation or place."""
    row = _add_name(record, **name)
    write_entry("add_name", actor=actor, record_type=type(record).__name__, record_uid=record.uid,
                changes={"name": _shown(row), "kind": row.kind})
    indexing.reindex(record)
    return row


@transaction.atomic
def do_remove_name(name_row, *, actor):
    record = getattr(name_row, NAME_MODELS_BY_ROW[type(name_row)])
    write_entry("remove_name", actor=actor, record_type=type(record).__name__, record_uid=record.uid,
                changes={"name": _shown(name_row)})
    name_row.delete()
    indexing.reindex(record)


NAME_MODELS_BY_ROW = {name_model: field for name_model, field in NAME_MODELS.values()}


@transaction.atomic
def do_create_person(*, actor, name, names=(), **fields):
    return create_named(Person, actor=actor, name=name, names=names, **fields)


@transaction.atomic
def do_update_person(person, *, actor, **changes):
    return update_record(person, actor=actor, **changes)


def do_delete_person(person, *, actor):
    return do_delete_record(person, actor=actor)


@transaction.atomic
def do_create_organisation(*, actor, name, names=(), **fields):
    return create_named(Organisation, actor=actor, name=name, names=names, **fields)


@transaction.atomic
def do_update_organisation(organisation, *, actor, **changes):
    return update_record(organisation, actor=actor, **changes)


@transaction.atomic
def do_create_place(*, actor, name, names=(), **fields):
    return create_named(Place, actor=actor, name=name, names=names, **fields)


@transaction.atomic
def do_update_place(place, *, actor, **changes):
    return update_record(place, actor=actor, **changes)


# Provisions -----------------------------------------------------------------------

@transaction.atomic
def do_create_provision(*, actor, **fields):
    return create_record(Provision, actor=actor, **fields)


@transaction.atomic
def do_update_provision(provision, *, actor, **changes):
    return update_record(provision, actor=actor, **changes)


# Events ---------------------------------------------------------------------------

@transaction.atomic
def do_create_event(*, actor, places=(), tallies=(), **fields):
    event = create_record(Event, actor=actor, **fields)
    event.places.set(places)
    for tally in tallies:
        Tally.objects.create(event=event, **tally)
        write_entry("add_tally", actor=actor, record_type="Event", record_uid=event.uid,
                    changes={"act_type": tally.get("act_type"), "min": tally.get("minimum"),
                             "max": tally.get("maximum")})
    return event


@transaction.atomic
def do_update_event(event, *, actor, places=None, **changes):
    update_record(event, actor=actor, **changes)
    if places is not None:
        before = sorted(event.places.values_list("uid", flat=True))
        event.places.set(keep_hidden(list(event.places.all()), places, actor))
        after = sorted(event.places.values_list("uid", flat=True))
        if before != after:
            _link_changed(event, actor=actor, changes={"before": {"places": before}, "after": {"places": after}})
    return event


@transaction.atomic
def do_add_tally(event, *, actor, act_type, minimum=None, maximum=None, place=None):
    if minimum is not None and maximum is not None and minimum > maximum:
        raise ValidationError({"maximum": "The maximum cannot be smaller than the minimum."})
    tally = Tally.objects.create(event=event, act_type=act_type, minimum=minimum, maximum=maximum, place=place)
    write_entry("add_tally", actor=actor, record_type="Event", record_uid=event.uid,
                changes={"act_type": act_type, "min": minimum, "max": maximum})
    return tally


@transaction.atomic
def do_link_events(event, other, *, actor, relation):
    link = EventLink.objects.create(event=event, other=other, relation=relation)
    write_entry("link", actor=actor, record_type="Event", record_uid=event.uid,
                changes={"relation": relation, "event": other.uid})
    return link


def do_delete_event(event, *, actor):
    return do_delete_record(event, actor=actor)


# Relatives ----------------------------------------------------------------------------------------------

@transaction.atomic
def do_add_relation(person, *, actor, relation, other):
    """Link two persons ("person is parent_of other"); the other's page shows it the other way round. Audited on
    both persons."""
    from .models import PersonRelation, Relation

    if relation not in Relation.values:
        raise ValidationError({"relation": f"{relation} is not a kind of relation."})
    if other.pk == person.pk:
        raise ValidationError({"other": "A person is not their own relative."})
    _check_linkable(actor, [other])
    if PersonRelation.objects.filter(person=person, other=other, relation=relation).exists():
        return PersonRelation.objects.get(person=person, other=other, relation=relation)
    row = PersonRelation.objects.create(person=person, relation=relation, other=other)
    for record in (person, other):
        write_entry("link", actor=actor, record_type="Person", record_uid=record.uid,
                    changes={"relation": [person.uid, relation, other.uid]})
    return row


@transaction.atomic
def do_remove_relation(row, *, actor):
    for record in (row.person, row.other):
        write_entry("unlink", actor=actor, record_type="Person", record_uid=record.uid,
                    changes={"relation": [row.person.uid, row.relation, row.other.uid]})
    row.delete()


# Links an editor may not see ------------------------------------------------------------

def may_see(actor, record):
    """Whether the actor may see a linked record. A command-line or system actor (a string) sees everything."""
    if actor is None or isinstance(actor, str):
        return True
    return type(record).objects.visible_to(actor).filter(pk=record.pk).exists()


def keep_hidden(current, given, actor, key=lambda item: item):
    """The links to save when `actor` replaces a record's links with `given`: theirs, plus the current links to
    records they may not see (they could not choose them, so their save must not drop them)."""
    given = list(given)
    chosen = {key(item) for item in given}
    return given + [item for item in current if key(item) not in chosen and not may_see(actor, key(item))]


# Acts -------------------------------------------------------------------------------

def _set_act_links(act, provisions, perpetrators):
    if provisions is not None:
        act.act_provisions.all().delete()
        for provision, relation in provisions:
            ActProvision.objects.create(act=act, provision=provision, relation=relation or "charged")
    if perpetrators is not None:
        act.involvements.all().delete()
        for perpetrator, role in perpetrators:
            field = "perpetrator_person" if isinstance(perpetrator, Person) else "perpetrator_organisation"
            Involvement.objects.create(act=act, role=role or "carried_out", **{field: perpetrator})


def _link_summary(act):
    return {
        "provisions": [f"{ap.provision.uid}:{ap.relation}" for ap in act.act_provisions.select_related("provision")],
        "perpetrators": [f"{i.perpetrator.uid}:{i.role}" for i in act.involvements.all()],
    }


def _check_linkable(actor, records):
    """An editor links only records they may see (a form offers no others; this guards every other caller)."""
    for record in records:
        if not may_see(actor, record):
            raise ValidationError({"__all__": [f"{record.uid} is not a record you may link to."]})


def _cite_sources(act, sources, actor):
    """Each (Document, {"page": n, "text": passage}) becomes an accepted citation of the act."""
    _check_linkable(actor, [document for document, _options in sources])
    for document, options in sources:
        add_citation(act, document, actor=actor, page=options.get("page"), text=options.get("text") or "")


@transaction.atomic
def do_create_act(*, actor, act_type, victim, provisions=(), perpetrators=(), sources=(), **fields):
    """Record one act against one victim (a Person or an Organisation).

    provisions: (Provision, relation) pairs; perpetrators: (Person|Organisation, role) pairs; sources:
    (Document, {"page": n, "text": passage}) pairs, each an accepted citation.
    """
    victim_field = "victim_person" if isinstance(victim, Person) else "victim_organisation"
    fields.setdefault("sensitivity", victim.sensitivity)
    act = create_record(Act, actor=actor, act_type=act_type, **{victim_field: victim}, **fields)
    _set_act_links(act, list(provisions), list(perpetrators))
    if provisions or perpetrators:
        write_entry("link", actor=actor, record_type="Act", record_uid=act.uid, changes=_link_summary(act))
    _cite_sources(act, list(sources), actor)
    return act


@transaction.atomic
def do_update_act(act, *, actor, provisions=None, perpetrators=None, sources=(), **changes):
    """Change an act. Provisions and perpetrators replace the current ones, except those the actor may not see
    (kept); sources are added as citations (the act's other citations stay)."""
    update_record(act, actor=actor, **changes)
    _cite_sources(act, list(sources), actor)
    if provisions is not None:
        provisions = keep_hidden([(ap.provision, ap.relation) for ap in act.act_provisions.select_related("provision")],
                                 provisions, actor, key=lambda pair: pair[0])
    if perpetrators is not None:
        perpetrators = keep_hidden([(i.perpetrator, i.role) for i in act.involvements.all()], perpetrators, actor,
                                   key=lambda pair: pair[0])
    if provisions is not None or perpetrators is not None:
        before = _link_summary(act)
        _set_act_links(act, provisions, perpetrators)
        after = _link_summary(act)
        if before != after:
            _link_changed(act, actor=actor, changes={"before": before, "after": after})
    return act


def do_delete_act(act, *, actor):
    return do_delete_record(act, actor=actor)


# Documents ----------------------------------------------------------------------------

@transaction.atomic
def do_create_document(*, actor, **fields):
    from qorgau.documents.models import Document

    return create_record(Document, actor=actor, **fields)


@transaction.atomic
def do_update_document(document, *, actor, **changes):
    return update_record(document, actor=actor, **changes)


def set_processing(document, *, actor, processing, progress=0, error=""):
    """Where reading a document has got to. Progress is bookkeeping and not audited; the end (done or failed, with
    the reason) is."""
    from qorgau.documents.models import Document, Processing

    Document._base_manager.filter(pk=document.pk).update(processing=processing, progress=progress, error=error)
    if processing in {Processing.DONE, Processing.FAILED}:
        write_entry("process", actor=actor, record_type="Document", record_uid=document.uid,
                    changes={"processing": processing, **({"error": error} if error else {})})


# Citations and recognitions -------------------------------------------------------------

@transaction.atomic
def do_add_citation(record, document, *, actor, **options):
    """Tie a record (or one field) to a document: add_citation in a transaction of its own."""
    return add_citation(record, document, actor=actor, **options)


def add_citation(record, document, *, actor, field="", start=None, end=None, page=None, text="",
                 method="manual", review="accepted", note="", key=""):
    """Tie a record (or one field) to a document, and raise the record's sensitivity to the document's.

    A record is never more visible than its most sensitive accepted citation, unless a
    reviewer has set its level by hand (`sensitivity_reviewed`). A proposal (review
    "suggested", made by extraction with its `key`) does not raise it: extraction ties
    a mention only to records no more sensitive than the document anyway.
    """
    if start is not None and end is not None and end < start:
        raise ValidationError({"end": "A citation cannot end before it starts."})
    citation = Citation.objects.create(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk, field=field,
        document=document, start=start, end=end, page=page, text=text[:500], method=method, review=review,
        note=note, reviewer=actor if review == "accepted" and getattr(actor, "pk", None) else None,
        reviewed_at=timezone.now() if review == "accepted" else None, key=key,
    )
    if review == "accepted" and not record.sensitivity_reviewed \
            and levels.RANK[document.sensitivity] > levels.RANK[record.sensitivity]:
        update_record(record, actor=actor, sensitivity=document.sensitivity)
    write_entry("cite", actor=actor, record_type=type(record).__name__, record_uid=record.uid,
                changes={"document": document.uid, "field": field, "start": start, "end": end})
    return citation


@transaction.atomic
def do_review_citation(citation, *, actor, decision):
    citation.review = decision
    citation.reviewer = actor if getattr(actor, "pk", None) else None
    citation.reviewed_at = timezone.now()
    citation.save(update_fields=["review", "reviewer", "reviewed_at"])
    write_entry("review", actor=actor, record_type="Citation", record_uid=str(citation.pk),
                changes={"decision": decision})
    return citation


@transaction.atomic
def do_set_sensitivity(record, *, actor, level):
    """A reviewer's deliberate choice of level; citations no longer raise it."""
    record.sensitivity_reviewed = True
    record.save(update_fields=["sensitivity_reviewed"])
    return update_record(record, actor=actor, sensitivity=level)


@transaction.atomic
def do_create_recognition(*, actor, **fields):
    return create_record(Recognition, actor=actor, **fields)


# Reading --------------------------------------------------------------------------------

def do_record_read(record, *, actor):
    """Note that someone opened a confidential record (only confidential reads are logged)."""
    if record.sensitivity == levels.CONFIDENTIAL:
        write_entry("read", actor=actor, record_type=type(record).__name__, record_uid=record.uid)


# Reviewing what extraction proposed -------------------------------------------------------------------------

class ProposalDecided(Exception):
    """Someone decided the proposal after the reviewer read it (their page still offered it): nothing was changed.
    `citation` is the proposal as it is now."""

    def __init__(self, citation):
        super().__init__(f"proposal {citation.public_id} is already {citation.review}")
        self.citation = citation


@transaction.atomic
def do_decide_proposal(citation, *, actor, decision):
    """Accept or reject one proposal: the citation, and an act it supports, take the reviewer's decision.

    Only a proposal still waiting is decided: the row is claimed while it is still "suggested" (a guarded UPDATE,
    which holds it until commit), so a reviewer whose page was read before another's decision -- or two deciding at
    once -- never silently overturns it (ProposalDecided; nothing changes). A decision is changed deliberately by
    editing the record."""
    if decision not in {"accepted", "rejected"}:
        raise ValidationError({"decision": "Accept or reject."})
    if not Citation.objects.filter(pk=citation.pk, review="suggested").update(review=decision):
        raise ProposalDecided(Citation.objects.filter(pk=citation.pk).first() or citation)
    do_review_citation(citation, actor=actor, decision=decision)
    record = citation.record
    if isinstance(record, Act) and record.review != decision:
        update_record(record, actor=actor, review=decision)
    if decision == "accepted":
        _attach_place(citation, record, actor)
    return citation


def _paragraph(text, start, end):
    """The bounds of the line (paragraph of the document's text) holding [start, end)."""
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) if text.find("\n", end) != -1 else len(text))


def _attach_place(citation, record, actor):
    """Extraction's accepted place attaches to the act reported in the same paragraph of the document, when that
    act has no place yet: accepting a place mention fills the acts around it; accepting an act takes the nearest
    accepted place mention around it. An editor's place is never replaced."""
    if citation.start is None or not isinstance(record, (Act, Place)):
        return
    document = citation.document
    low, high = _paragraph(document.text or "", citation.start, citation.end or citation.start)
    near = Citation.objects.filter(document=document, start__gte=low, start__lt=high).exclude(pk=citation.pk)
    if isinstance(record, Place):
        act_type = ContentType.objects.get_for_model(Act)
        ids = near.filter(content_type=act_type).exclude(review="rejected").values_list("object_id", flat=True)
        for act in Act.objects.filter(pk__in=list(ids), place__isnull=True):
            if may_see(actor, act):
                update_record(act, actor=actor, place=record)
    elif record.place_id is None:
        place_type = ContentType.objects.get_for_model(Place)
        mentions = sorted(near.filter(content_type=place_type, review="accepted"),
                          key=lambda c: abs(c.start - citation.start))
        places = Place.objects.in_bulk([c.object_id for c in mentions])
        for mention in mentions:
            place = places.get(mention.object_id)
            if place is not None and may_see(actor, place):
                update_record(record, actor=actor, place=place)
                break


@transaction.atomic
def do_review_act(act, *, actor, decision):
    """A reviewer's decision on an act itself (one waiting with no proposal to decide)."""
    if decision not in {"accepted", "rejected"}:
        raise ValidationError({"decision": "Accept or reject."})
    if act.review != decision:
        update_record(act, actor=actor, review=decision)
    return act


@transaction.atomic
def do_accept_remaining(document, *, actor, citations):
    """Accept the given waiting proposals of a document (those the reviewer could read); the document counts as
    reviewed once none waits."""
    decided = 0
    for citation in citations:
        try:
            do_decide_proposal(citation, actor=actor, decision="accepted")
            decided += 1
        except ProposalDecided:  # decided by someone else meanwhile: their decision stands
            continue
    if not waiting_proposals(document):
        update_record(document, actor=actor, review_state="reviewed")
    return decided


def waiting_proposals(document):
    """The document's proposals still waiting for a decision, about records that are not deleted."""
    waiting = list(Citation.objects.filter(document=document, review="suggested").select_related("content_type"))
    by_type = {}
    for citation in waiting:
        by_type.setdefault(citation.content_type, []).append(citation.object_id)
    live = {(content_type.pk, pk) for content_type, ids in by_type.items()
            for pk in content_type.model_class().objects.filter(pk__in=ids).values_list("pk", flat=True)}
    return [c for c in waiting if (c.content_type_id, c.object_id) in live]


# Many records at once: extraction's proposals ------------------------------------------------------------------

class RecordBatch:
    """Persons, acts and proposals planned in memory (nothing is written) and then written together by
    `do_create_records`: the rows, audit entries, search-index rows and signals are those one `do_create_person`,
    `do_create_act` and `add_citation` per record would write, with one INSERT per table instead of several
    queries per record. A planned record has its uid at once, so proposal keys and audit entries can name it."""

    def __init__(self):
        self.records, self.links, self.citations = [], {}, []

    def __len__(self):
        return len(self.records) + len(self.citations)

    def _plan(self, model, fields):
        record = model(**_clean_dates(fields))
        record.uid = new_uid(model.UID_PREFIX)
        record._planned_fields = fields
        self.records.append(record)
        return record

    def person(self, *, name, **fields):
        return self._plan(Person, dict(name=name, **fields))

    def document(self, **fields):
        """A document (a source a document cites), checked at once: a ValidationError plans nothing."""
        from qorgau.documents.models import Document

        record = self._plan(Document, fields)
        try:
            _check_planned(record)
        except ValidationError:
            self.records.remove(record)
            raise
        return record

    def act(self, *, act_type, victim, provisions=(), perpetrators=(), **fields):
        victim_field = "victim_person" if isinstance(victim, Person) else "victim_organisation"
        fields.setdefault("sensitivity", victim.sensitivity)
        act = self._plan(Act, dict(act_type=act_type, **{victim_field: victim}, **fields))
        self.links[act.uid] = (list(provisions), list(perpetrators))
        return act

    def cite(self, record, document, *, field="", start=None, end=None, page=None, text="", method="extraction",
             key=""):
        """A proposal: a suggested citation, waiting for a reviewer (so it raises no record's level)."""
        if start is not None and end is not None and end < start:
            raise ValidationError({"end": "A citation cannot end before it starts."})
        self.citations.append((record, dict(document=document, field=field, start=start, end=end, page=page,
                                            text=text[:500], method=method, review="suggested", key=key)))


def _check_planned(record):
    # Field rules (choices, lengths, dates) as full_clean checks them. Links are to rows this transaction holds and
    # the database checks them (foreign keys, the act's one-victim constraint) when they are written.
    links = [f.name for f in record._meta.concrete_fields if f.is_relation]
    check_fields(record, exclude=("uid", *links))   # = full_clean without unique/constraint checks
    if isinstance(record, Act) and (record.victim_person is None) == (record.victim_organisation is None):
        raise ValidationError("An act has exactly one victim, a person or an organisation.")


@transaction.atomic
def do_create_records(batch, *, actor):
    """Write a RecordBatch: its persons, acts (with their provisions and perpetrators) and proposals, audited in
    order (each record its `create` entry, each act with links its `link` entry, each proposal its `cite` entry),
    persons indexed for search, post_save sent for each new record. Returns (records, citations); the citations'
    rows are written without reading their ids back."""
    from django.db.models import signals

    records = batch.records
    for record in records:
        _check_planned(record)
    by_model = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record)
    from qorgau.documents.models import Document

    using = router.db_for_write(Person)
    for model in (Document, Person, Act):   # an act's victim and perpetrators first
        planned = by_model.pop(model, [])
        for record in planned:
            record._prepare_related_fields_for_save(operation_name="bulk_create")   # a victim planned above
        # One prepared INSERT (lib/bulk.py: sealing fields still seal), then the ids read back by uid.
        insert_rows(model, planned)
        uids, ids = [r.uid for r in planned], {}
        for at in range(0, len(uids), 500):
            ids.update(model._base_manager.filter(uid__in=uids[at:at + 500]).values_list("uid", "id"))
        for record in planned:
            record.pk = ids[record.uid]
            record._state.adding, record._state.db = False, using
    if by_model:
        raise ValueError(f"do_create_records writes documents, persons and acts, not "
                         f"{', '.join(m.__name__ for m in by_model)}")
    audit = []
    act_provisions, involvements = [], []
    for record in records:
        fields = record._planned_fields
        audit.append(("create", type(record).__name__, record.uid,
                      {k: _audit_value(record, k, v) for k, v in fields.items() if v not in ("", None, [], {})}))
        if isinstance(record, Act):
            provisions, perpetrators = batch.links.get(record.uid, ((), ()))
            for provision, relation in provisions:
                act_provisions.append(ActProvision(act=record, provision=provision, relation=relation or "charged"))
            for perpetrator, role in perpetrators:
                field = "perpetrator_person" if isinstance(perpetrator, Person) else "perpetrator_organisation"
                involvements.append(Involvement(act=record, role=role or "carried_out", **{field: perpetrator}))
            if provisions or perpetrators:
                audit.append(("link", "Act", record.uid, {
                    "provisions": [f"{p.uid}:{relation or 'charged'}" for p, relation in provisions],
                    "perpetrators": [f"{p.uid}:{role or 'carried_out'}" for p, role in perpetrators]}))
    insert_rows(ActProvision, act_provisions)
    insert_rows(Involvement, involvements)
    citations = []
    for record, options in batch.citations:
        citations.append(Citation(content_type=ContentType.objects.get_for_model(record), object_id=record.pk,
                                  **options))
        audit.append(("cite", type(record).__name__, record.uid, {
            "document": options["document"].uid, "field": options["field"], "start": options["start"],
            "end": options["end"]}))
    for citation in citations:
        check_fields(citation, exclude=("content_type", "document", "reviewer"))
    insert_rows(Citation, citations)
    write_entries(audit, actor=actor)
    indexing.reindex_many([r for r in records if isinstance(r, INDEXED + (Document,))])
    for record in records:
        signals.post_save.send(sender=type(record), instance=record, created=True, update_fields=None, raw=False,
                               using=router.db_for_write(type(record)))
    return records, citations
