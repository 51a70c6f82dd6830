"""Keeping custody episodes in step with acts (the database edge of `custody.py`).

Episodes are derived like the search index: whenever an act is saved or deleted, its victim's episodes are
rebuilt once the transaction commits (one rebuild per person per transaction, however many acts changed).
`qorgau census --rebuild` rebuilds everything (after bulk loads that bypass model signals).

One set of episodes is kept per reading level, each from the accepted acts a reader of that level may see, so
a public count never rests on an internal or confidential act.
"""

import threading

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from qorgau.lib.sensitivity import LEVELS, RANK
from qorgau.records.models import Act, Person

# `summaries` (and the statistics it reads) is imported where a summary changes, not when Django starts.
from . import custody, generation
from .privacy import act_values_at
from .models import CustodyEpisode

RELEVANT_TYPES = set(custody.OPENS) | set(custody.CLOSES) | custody.SENTENCE_ACTS

_pending = threading.local()


def _facts(acts, level):
    """The acts as a reader of `level` knows them: a value the act keeps above that level is not recorded there
    (`privacy.act_values_at`), so an episode never starts on a hidden date nor ends by a hidden sentence."""
    facts = []
    for a in acts:
        values = {"date": a.date, "penalty_kind": a.penalty_kind, "penalty_amount": a.penalty_amount,
                  "penalty_unit": a.penalty_unit, "place_id": a.place_id, "act_type": a.act_type}
        values.update(act_values_at(a.field_sensitivity, level))
        amount = values["penalty_amount"]
        facts.append(custody.ActFact(id=a.id, act_type=values["act_type"], date=values["date"],
                                     penalty_kind=values["penalty_kind"],
                                     penalty_amount=float(amount) if amount is not None else None,
                                     penalty_unit=values["penalty_unit"], place_id=values["place_id"]))
    return facts


def _rows(person_id, person_level, acts):
    """Episode rows (unsaved) for one person at every level, with their evidence act ids."""
    rows = []
    for level in LEVELS:
        if RANK[person_level] > RANK[level]:
            continue
        seen = [a for a in acts if RANK[a.sensitivity] <= RANK[level]]
        for episode in custody.episodes(_facts(seen, level)):
            start_lo, start_hi = episode.start_range
            if episode.end:
                end_lo, end_hi = custody.date_range(episode.end)
            else:
                end_lo = end_hi = episode.planned_end
            rows.append((CustodyEpisode(
                person_id=person_id, level=level, kind=episode.kind, kinds=[list(k) for k in episode.kinds],
                start=episode.start, start_lo=start_lo, start_hi=start_hi, end=episode.end or episode.planned_end,
                end_lo=end_lo or "", end_hi=end_hi or "",
                end_reason=episode.end_reason or ("term_served" if episode.planned_end else ""),
                last_act_date=episode.last_act_date, place_id=episode.place_id), episode.evidence))
    return rows


def _relevant_acts():
    return (Act.objects.filter(review="accepted", victim_person__isnull=False, act_type__in=RELEVANT_TYPES)
            .only("id", "act_type", "date", "penalty_kind", "penalty_amount", "penalty_unit", "place_id",
                  "sensitivity", "field_sensitivity", "victim_person_id"))


def _save(rows):
    CustodyEpisode.objects.bulk_create([row for row, _ in rows])
    through = CustodyEpisode.evidence.through
    through.objects.bulk_create([through(custodyepisode_id=row.pk, act_id=act_id)
                                 for row, evidence in rows for act_id in evidence])


@transaction.atomic
def rebuild_persons(person_ids):
    """Rebuild the episodes of these persons (a query for their acts, one for their levels)."""
    person_ids = set(person_ids)
    CustodyEpisode.objects.filter(person_id__in=person_ids).delete()
    people = dict(Person.objects.filter(id__in=person_ids, merged_into__isnull=True)
                  .values_list("id", "sensitivity"))
    acts = {}
    for act in _relevant_acts().filter(victim_person_id__in=people):
        acts.setdefault(act.victim_person_id, []).append(act)
    rows = [row for pid, level in people.items() for row in _rows(pid, level, acts.get(pid, []))]
    _save(rows)
    from . import summaries

    summaries.rebuild_persons(person_ids, [row for row, _evidence in rows])
    generation.bump()  # the custody tables changed after the act's own bump


@transaction.atomic
def rebuild_all(batch=5000):
    """Rebuild every episode, streaming acts in person order (memory bounded by the largest person)."""
    # In plain SQL, evidence links first: a queryset delete() of episodes that have evidence links loads every episode
    # as an object to collect them (at a million acts, 444,000 episodes: about 1 GB, the rebuild's peak on PostgreSQL).
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {CustodyEpisode.evidence.through._meta.db_table}")
        cursor.execute(f"DELETE FROM {CustodyEpisode._meta.db_table}")
    levels = dict(Person.objects.filter(merged_into__isnull=True).values_list("id", "sensitivity"))
    rows, current, acts = [], None, []

    def flush_person():
        if current in levels:
            rows.extend(_rows(current, levels[current], acts))

    for act in _relevant_acts().order_by("victim_person_id", "id").iterator(chunk_size=batch):
        if act.victim_person_id != current:
            flush_person()
            current, acts = act.victim_person_id, []
            if len(rows) >= batch:
                _save(rows)
                rows = []
        acts.append(act)
    flush_person()
    _save(rows)
    from . import summaries

    summaries.rebuild_all()
    generation.bump()


def _flush():
    ids = getattr(_pending, "ids", set())
    _pending.ids = set()
    if ids:
        rebuild_persons(ids)


def flush_pending():
    """Rebuild now what this thread's changes left pending (before reading statistics in the transaction that made
    them: the page shows the change at once; after the commit nothing is pending)."""
    _flush()


def schedule(person_id):
    """Rebuild this person's episodes when the current transaction commits.

    Every call registers a callback, and the first to run rebuilds everyone pending, so the rest find nothing
    to do; ids left by a rolled-back transaction are rebuilt at the next commit (harmless: rebuilding is
    idempotent).
    """
    if person_id is None:
        return
    if getattr(_pending, "ids", None) is None:
        _pending.ids = set()
    _pending.ids.add(person_id)
    transaction.on_commit(_flush)


def _act_changed(sender, instance, **kwargs):
    schedule(instance.victim_person_id)


def _act_moving(sender, instance, raw=False, **kwargs):
    """An act given to another victim: the one it leaves is rebuilt too."""
    if raw or instance.pk is None:
        return
    before = Act._base_manager.filter(pk=instance.pk).values_list("victim_person_id", flat=True).first()
    if before is not None and before != instance.victim_person_id:
        schedule(before)


def _provision_changed(sender, instance, **kwargs):
    """An article added to or taken from an act changes its victim's counts by article."""
    victim = Act._base_manager.filter(pk=instance.act_id).values_list("victim_person_id", flat=True).first()
    schedule(victim)


def _person_removed(sender, instance, **kwargs):
    """A person deleted for good (not the usual soft delete) leaves the totals with their summary."""
    from . import summaries

    summaries.forget([instance.pk])


def _person_changed(sender, instance, **kwargs):
    schedule(instance.pk)
    if instance.merged_into_id:
        schedule(instance.merged_into_id)


def _entry_changed(sender, instance, raw=False, **kwargs):
    """A list entry added, changed or removed moves its person in or out of the list's statistics slice."""
    if not raw:
        schedule(instance.person_id)


def _entry_moving(sender, instance, raw=False, **kwargs):
    """An entry given to another person: the one it leaves is rebuilt too."""
    if raw or instance.pk is None:
        return
    before = sender._base_manager.filter(pk=instance.pk).values_list("person_id", flat=True).first()
    if before is not None and before != instance.person_id:
        schedule(before)


def _place_moving(sender, instance, raw=False, **kwargs):
    """A place put under another (or none): the persons with acts there change place buckets (a region filter's
    acts are those at the region and at the places under it; summaries.person_marks)."""
    if raw or instance.pk is None:
        return
    before = sender._base_manager.filter(pk=instance.pk).values_list("parent_id", flat=True).first()
    if before != instance.parent_id:
        for person_id in (Act._base_manager.filter(place_id=instance.pk, victim_person__isnull=False)
                          .values_list("victim_person_id", flat=True).distinct()):
            schedule(person_id)


def connect():
    from qorgau.records.models import ActProvision, Organisation, Place, Provision

    from .models import ListEntry, PrisonerList

    # Everything a statistics table or a facet counts or names by: a change starts a new generation of cached
    # values (a place or provision made confidential must stop naming a public row at once).
    for model in (Act, Person, ListEntry, PrisonerList, ActProvision, Place, Provision, Organisation):
        post_save.connect(generation.bump, sender=model, dispatch_uid=f"generation-{model.__name__}-saved")
        post_delete.connect(generation.bump, sender=model, dispatch_uid=f"generation-{model.__name__}-deleted")
    post_save.connect(_act_changed, sender=Act, dispatch_uid="custody-act-saved")
    post_delete.connect(_act_changed, sender=Act, dispatch_uid="custody-act-deleted")
    post_save.connect(_person_changed, sender=Person, dispatch_uid="custody-person-saved")
    pre_delete.connect(_person_removed, sender=Person, dispatch_uid="summary-person-removed")
    pre_save.connect(_act_moving, sender=Act, dispatch_uid="custody-act-moving")
    pre_save.connect(_entry_moving, sender=ListEntry, dispatch_uid="summary-entry-moving")
    pre_save.connect(_place_moving, sender=Place, dispatch_uid="summary-place-moving")
    post_save.connect(_entry_changed, sender=ListEntry, dispatch_uid="summary-entry-saved")
    post_delete.connect(_entry_changed, sender=ListEntry, dispatch_uid="summary-entry-deleted")
    post_save.connect(_provision_changed, sender=ActProvision, dispatch_uid="summary-provision-saved")
    post_delete.connect(_provision_changed, sender=ActProvision, dispatch_uid="summary-provision-deleted")
