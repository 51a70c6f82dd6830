"""Every change to the record goes through these actions (house style: do_<verb>_<noun>(…, *, actor)).

Each action is atomic, writes an audit entry in the same transaction, and
keeps the search index in step. Views, commands, import and tests call them;
nothing else saves records.
"""

from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from qorgau.audit.log import write_entry
from qorgau.lib import sensitivity as levels
from qorgau.lib.dates import PartialDateError, parse_partial_date

from . import indexing
from .models import (Act, ActProvision, Citation, Event, EventLink, Involvement, Organisation, OrganisationName,
                     Person, PersonName, Place, PlaceName, Provision, Recognition, Tally, guess_script)

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


def _audit_value(record, field, value):
    # The audit log is read by administrators, who may not be cleared: it notes
    # that a confidential value changed without repeating it.
    if record.field_level(field) == levels.CONFIDENTIAL and field not in {"sensitivity"}:
        return "(confidential)"
    return _plain(value)


def _clean_dates(fields):
    for name in DATE_FIELDS & fields.keys():
        try:
            fields[name] = parse_partial_date(fields[name]) or ""
        except PartialDateError as error:
            raise ValidationError({name: str(error)}) from None
    return fields


def _touch_index(record):
    from qorgau.documents.models import Document

    if isinstance(record, INDEXED + (Document,)):
        indexing.reindex(record)


def create_record(model, *, actor, verb="create", **fields):
    """Create any record and audit it. The named do_create_… actions call this."""
    record = model(**_clean_dates(fields))
    record.full_clean(exclude=["uid"])
    record.save()
    write_entry(verb, actor=actor, record_type=model.__name__, record_uid=record.uid,
                changes={k: _audit_value(record, k, v) for k, v in fields.items() if v not in ("", None, [], {})})
    _touch_index(record)
    return record


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
    record.save(update_fields=[*diff.keys(), "updated_at"])
    write_entry("update", actor=actor, record_type=type(record).__name__, record_uid=record.uid, changes=diff)
    _touch_index(record)
    return record


def delete_record(record, *, actor):
    uid, kind = record.uid, type(record).__name__
    indexing.unindex(record)
    Citation.objects.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk).delete()
    record.delete()
    write_entry("delete", actor=actor, record_type=kind, record_uid=uid)


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
    record = create_record(model, actor=actor, name=name, **fields)
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


@transaction.atomic
def do_delete_person(person, *, actor):
    delete_record(person, actor=actor)


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
    return event


@transaction.atomic
def do_update_event(event, *, actor, places=None, **changes):
    update_record(event, actor=actor, **changes)
    if places is not None:
        event.places.set(places)
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


@transaction.atomic
def do_delete_event(event, *, actor):
    delete_record(event, actor=actor)


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


@transaction.atomic
def do_create_act(*, actor, act_type, victim, provisions=(), perpetrators=(), **fields):
    """Record one act against one victim (a Person or an Organisation).

    provisions: (Provision, relation) pairs; perpetrators: (Person|Organisation, role) pairs.
    """
    victim_field = "victim_person" if isinstance(victim, Person) else "victim_organisation"
    fields.setdefault("sensitivity", victim.sensitivity)
    act = create_record(Act, actor=actor, act_type=act_type, **{victim_field: victim}, **fields)
    _set_act_links(act, list(provisions), list(perpetrators))
    if provisions or perpetrators:
        write_entry("link", actor=actor, record_type="Act", record_uid=act.uid, changes=_link_summary(act))
    return act


@transaction.atomic
def do_update_act(act, *, actor, provisions=None, perpetrators=None, **changes):
    update_record(act, actor=actor, **changes)
    if provisions is not None or perpetrators is not None:
        before = _link_summary(act)
        _set_act_links(act, provisions, perpetrators)
        after = _link_summary(act)
        if before != after:
            write_entry("link", actor=actor, record_type="Act", record_uid=act.uid,
                        changes={"before": before, "after": after})
    return act


@transaction.atomic
def do_delete_act(act, *, actor):
    delete_record(act, actor=actor)


# Documents ----------------------------------------------------------------------------

@transaction.atomic
def do_create_document(*, actor, **fields):
    from qorgau.documents.models import Document

    return create_record(Document, actor=actor, **fields)


@transaction.atomic
def do_update_document(document, *, actor, **changes):
    return update_record(document, actor=actor, **changes)


# Citations and recognitions -------------------------------------------------------------

@transaction.atomic
def do_add_citation(record, document, *, actor, field="", start=None, end=None, page=None, text="",
                    method="manual", review="accepted", note=""):
    """Tie a record (or one field) to a document, and raise the record's sensitivity to the document's.

    A record is never more visible than its most sensitive citation, unless a
    reviewer has set its level by hand (`sensitivity_reviewed`).
    """
    if start is not None and end is not None and end < start:
        raise ValidationError({"end": "A citation cannot end before it starts."})
    citation = Citation.objects.create(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk, field=field,
        document=document, start=start, end=end, page=page, text=text[:500], method=method, review=review,
        note=note, reviewer=actor if review == "accepted" and getattr(actor, "pk", None) else None,
        reviewed_at=timezone.now() if review == "accepted" else None,
    )
    if not record.sensitivity_reviewed and levels.RANK[document.sensitivity] > levels.RANK[record.sensitivity]:
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

@transaction.atomic
def do_decide_proposal(citation, *, actor, decision):
    """Accept or reject one proposal: the citation, and an act it supports, take the reviewer's decision."""
    if decision not in {"accepted", "rejected"}:
        raise ValidationError({"decision": "Accept or reject."})
    do_review_citation(citation, actor=actor, decision=decision)
    record = citation.record
    if isinstance(record, Act) and record.review != decision:
        update_record(record, actor=actor, review=decision)
    return citation


@transaction.atomic
def do_accept_remaining(document, *, actor, citations):
    """Accept the given waiting proposals of a document (those the reviewer could read); the document counts as
    reviewed once none waits."""
    for citation in citations:
        do_decide_proposal(citation, actor=actor, decision="accepted")
    if not Citation.objects.filter(document=document, review="suggested").exists():
        update_record(document, actor=actor, review_state="reviewed")
    return len(citations)
