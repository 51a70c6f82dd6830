"""Changes to lists go through these actions: atomic and audited (house style: do_<verb>_<noun>(…, *, actor))."""

from django.core.exceptions import ValidationError
from django.db import transaction

from qorgau.records.actions import _link_changed, check_version, create_record, update_record
from qorgau.records.models import Recognition

from .models import CriteriaSet, Criterion, CustodyEpisode, EntryStatus, ListEntry, PrisonerList, RemovalReason

AMNESTY_POC = {
    "code": "amnesty-poc", "version": "1",
    "name": "Amnesty International: prisoner of conscience",
    "name_ru": "Amnesty International: узник совести",
    "name_kk": "Amnesty International: ар-ождан тұтқыны",
    "items": [("poc", "Held only for peacefully using their rights (expression, assembly, association, belief) or "
                      "for who they are, and has neither used nor called for violence.",
               "Лишён свободы только за мирное осуществление своих прав (слова, собраний, объединений, убеждений) "
               "или за то, кем является, и не применял насилия и не призывал к нему.",
               "Тек өз құқықтарын (сөз, жиналыс, бірлестік, наным) бейбіт жүзеге асырғаны немесе кім екені үшін "
               "ұсталған, зорлық жасамаған және оған шақырмаған.")],
}


@transaction.atomic
def do_create_list(*, actor, slug, title, organisation, criteria_set, **fields):
    return create_record(PrisonerList, actor=actor, slug=slug, title=title, organisation=organisation,
                         criteria_set=criteria_set, **fields)


@transaction.atomic
def do_add_list_entry(prisoner_list, *, actor, person, date_added, criteria=(), **fields):
    """Put a person on a list from a date, with the criteria found met (items of the list's criteria set)."""
    criteria = list(criteria)
    foreign = [c for c in criteria if c.criteria_set_id != prisoner_list.criteria_set_id]
    if foreign:
        raise ValidationError({"criteria_met": f"{foreign[0].code} is not among the criteria of this list."})
    entry = create_record(ListEntry, actor=actor, prisoner_list=prisoner_list, person=person,
                          date_added=date_added, **fields)
    entry.criteria_met.set(criteria)
    return entry


@transaction.atomic
def do_remove_list_entry(entry, *, actor, date_removed, reason, note=""):
    """Take a person off a list from a date, saying why (released, criteria no longer met, died, other)."""
    if reason not in RemovalReason.values:
        raise ValidationError({"removal_reason": f"Say why: one of {', '.join(RemovalReason.values)}."})
    if date_removed and date_removed < entry.date_added:
        raise ValidationError({"date_removed": "A person cannot leave a list before joining it."})
    reasons = f"{entry.reasons}\n{note}".strip() if note else entry.reasons
    return update_record(entry, actor=actor, date_removed=date_removed, removal_reason=reason, reasons=reasons)


@transaction.atomic
def do_change_list_entry(entry, *, actor, status, criteria, read_version):
    """Change an entry's status and the criteria found met (items of its list's criteria set), as read at
    `read_version`: someone else's change since then raises EditConflict and nothing is written (no lost edit).
    Both changes are audited (an update for the status, a link for the criteria)."""
    if status not in EntryStatus.values:
        raise ValidationError({"status": f"Choose a status: one of {', '.join(EntryStatus.values)}."})
    criteria = list(criteria)
    foreign = [c for c in criteria if c.criteria_set_id != entry.prisoner_list.criteria_set_id]
    if foreign:
        raise ValidationError({"criteria_met": f"{foreign[0].code} is not among the criteria of this list."})
    check_version(entry, read_version, actor)
    entry.refresh_from_db()
    update_record(entry, actor=actor, status=status)
    before = sorted(entry.criteria_met.values_list("code", flat=True))
    after = sorted(c.code for c in criteria)
    if before != after:
        entry.criteria_met.set(criteria)
        _link_changed(entry, actor=actor, changes={"before": {"criteria_met": before}, "after": {"criteria_met": after}})
    return entry


def ship_criteria_set(spec):
    criteria_set, _ = CriteriaSet.objects.get_or_create(
        code=spec["code"], version=spec["version"],
        defaults={k: v for k, v in spec.items() if k not in {"code", "version", "items"}})
    for code, text, text_ru, text_kk in spec["items"]:
        Criterion.objects.get_or_create(criteria_set=criteria_set, code=code,
                                        defaults={"text": text, "text_ru": text_ru, "text_kk": text_kk})
    return criteria_set


@transaction.atomic
def do_build_lists_from_recognitions(*, actor):
    """One list per recognising organisation and status, an entry per recognition; a recorded release ends it.

    Used by the demo (its recognitions are cited facts), and by anyone who kept recognitions before lists existed.
    """
    from .episodes import rebuild_persons

    poc = ship_criteria_set(AMNESTY_POC)
    pace = CriteriaSet.objects.get(code="pace-1900")
    made = 0
    recognitions = Recognition.objects.select_related("organisation", "person").filter(person__merged_into=None)
    rebuild_persons([r.person_id for r in recognitions])
    for recognition in recognitions:
        criteria_set = poc if recognition.status == "prisoner_of_conscience" else pace
        plural = {"prisoner_of_conscience": "prisoners-of-conscience"}.get(
            recognition.status, recognition.status.replace("_", "-") + "s")
        slug = f"{recognition.organisation.uid.removeprefix('org_')}-{plural}"
        prisoner_list = PrisonerList.objects.filter(slug=slug).first() or do_create_list(
            actor=actor, slug=slug, organisation=recognition.organisation, criteria_set=criteria_set,
            title=f"{recognition.organisation.name}: {recognition.get_status_display()}",
            sensitivity=recognition.organisation.sensitivity)
        if ListEntry.objects.filter(prisoner_list=prisoner_list, person=recognition.person).exists():
            continue
        entry = do_add_list_entry(prisoner_list, actor=actor, person=recognition.person,
                                  date_added=recognition.date or "", status=recognition.status,
                                  reasons=recognition.reasons, criteria=criteria_set.items.all()[:1],
                                  sensitivity=recognition.sensitivity)
        made += 1
        # The release that ends the custody the person was listed for ends the entry.
        ended = (CustodyEpisode.objects.filter(person=recognition.person, level=recognition.sensitivity)
                 .exclude(end="").filter(end__gte=entry.date_added).order_by("end_lo").first())
        if ended and ended.end_reason in {"released", "acquitted", "paroled", "term_served",
                                          "non_custodial_sentence", "died"}:
            reason = "died" if ended.end_reason == "died" else "released"
            do_remove_list_entry(entry, actor=actor, date_removed=ended.end, reason=reason)
    return made
