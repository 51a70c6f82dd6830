"""The queue of pairs to judge (ranked, with the weights of the evidence), judging one pair or several at once,
running resolution from the web, and unmerging from a person's page."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qorgau.accounts.views import safe_next
from qorgau.audit.log import write_entry
from qorgau.lib.identifiers import uid_pattern
from qorgau.lib.sensitivity import LEVELS, levels_for
from qorgau.records.access import get_person_for
from qorgau.records.pages import require

from qorgau.records.policy import render

from . import actions
from .models import Candidate, Merge

QUEUE_SHOWN = 200  # pairs on the queue page
STALE = gettext_lazy("A record changed since you read the evidence: nothing was merged. Read the pair anew.")
TAKEN = gettext_lazy("Someone else judged this pair while you were reading it: your judgement was not recorded.")


def visible_candidates(user, person=None):
    allowed = levels_for(user)
    queryset = Candidate.objects.filter(status="open", left__sensitivity__in=allowed, right__sensitivity__in=allowed,
                                        left__merged_into__isnull=True, right__merged_into__isnull=True)
    if person is not None:
        queryset = queryset.filter(Q(left=person) | Q(right=person))
    return queryset.select_related("left", "right")


def _reads_every_level(reader):
    """Cleared for every level: only such a reader is shown stored scores, their order and counts over all records."""
    return set(levels_for(reader)) >= set(LEVELS)


def as_seen_by(candidates, reader):
    """The pairs with their score and evidence recomputed from what `reader` may see, best first.

    The stored evidence was computed by the resolver from everything the records hold (a confidential act's type
    and date, a hidden relative, a confidential alias, a birth year kept at a higher level): shown as stored, it
    would tell an uncleared reviewer what they may not read, and so would a score or an order resting on it."""
    from . import scoring

    candidates = list(candidates)
    if not candidates:
        return candidates
    persons = {}
    for candidate in candidates:
        persons[candidate.left_id], persons[candidate.right_id] = candidate.left, candidate.right
    allowed = set(levels_for(reader))
    names = {pk: [(name, level) for name, level in actions.names_of(person) if level in allowed]
             for pk, person in persons.items()}
    context = scoring.contexts(list(persons.values()), reader=reader)
    for candidate in candidates:
        candidate.score, candidate.evidence = actions.score_persons(candidate.left, candidate.right, names, context)
    if not _reads_every_level(reader):
        # A pair that what the reader may read would not have proposed is not shown at all: its presence alone would
        # say that one of them has a hidden name (or act, relative...) like the other's (session 14 audit).
        candidates = [c for c in candidates if c.score >= actions.REVIEW]
    return sorted(candidates, key=lambda c: (-c.score, c.pk))


def shown_to(candidates, reader):
    """The pairs of `candidates` (a queryset of visible ones) that `reader` is shown (as_seen_by)."""
    return as_seen_by(candidates.prefetch_related("left__names", "right__names"), reader)


def possible_duplicates(request, person):
    """The person page's "possibly the same as" section: open candidates and undoable merges, staff only."""
    if not request.user.is_authenticated:
        return {}
    return {"candidates": as_seen_by(visible_candidates(request.user, person).prefetch_related(
                "left__names", "right__names"), request.user),
            "merges": undoable_merges(request.user).filter(kept=person).select_related("merged")}


def undoable_merges(user):
    """Merges `user` may see and undo: the folded record within their clearance and not deleted since (a deleted
    record is read by an administrator on /deleted/ only, never by name under "Possibly the same as"; session 17
    audit)."""
    return Merge.objects.filter(undone_at__isnull=True, merged__sensitivity__in=levels_for(user),
                                merged__deleted_at__isnull=True, kept__deleted_at__isnull=True)


@login_required
def queue(request):
    require(request.user, "review")
    # Which pairs make the page: the stored score rests on everything the records hold, so it chooses them only
    # for a reader cleared for every level; for the others the oldest open pairs are taken, then ranked by what
    # the reader may see (as_seen_by).
    order = ("-score", "id") if _reads_every_level(request.user) else ("id",)
    candidates = as_seen_by(visible_candidates(request.user).order_by(*order)
                            .prefetch_related("left__names", "right__names")[:QUEUE_SHOWN], request.user)
    return render(request, "resolution/queue.html", {
        "candidates": candidates, "auto": actions.AUTO, "review": actions.REVIEW,
        "may_run": request.user.can("edit")})


@login_required
@require_POST
def judge_many(request):
    """One decision for several ticked pairs; pairs the reader may not see are left alone."""
    require(request.user, "review")
    decision = request.POST.get("decision")
    # Pairs are named by their random ids (session 16 audit); a row number names no pair.
    ids = sorted({i for i in request.POST.getlist("candidate") if re.fullmatch(uid_pattern("cnd_"), i)})[:200]
    if decision not in {"same", "different", "unsure"} or not ids:
        messages.error(request, _("Tick at least one pair and say same, different or unsure."))
        return redirect("web:resolution_queue")
    done = stale = taken = 0
    for candidate in shown_to(visible_candidates(request.user).filter(public_id__in=ids), request.user):
        candidate.left.refresh_from_db()
        candidate.right.refresh_from_db()
        if candidate.left.merged_into_id or candidate.right.merged_into_id:
            continue   # an earlier "same" in this batch already folded one of them away
        outcome = _judged_as_read(candidate, request.POST.get(f"versions-{candidate.public_id}"), actor=request.user,
                                  decision=decision, note=request.POST.get("note", "")[:500])
        done += outcome is True
        stale += outcome is STALE
        taken += outcome is TAKEN
    messages.success(request, _("Judgements recorded: %(n)d.") % {"n": done})
    if stale:
        messages.error(request, STALE)
    if taken:
        messages.error(request, TAKEN)
    return redirect("web:resolution_queue")


@login_required
@require_POST
def run(request):
    """Run resolution over every record now: link what is certain, queue what is likely. Audited."""
    require(request.user, "edit")
    counts = actions.resolve(actor=request.user)
    write_entry("resolve", actor=request.user, record_type="Person", record_uid="", changes=counts)
    if _reads_every_level(request.user):
        messages.success(request, _("Resolution run: %(merged)d pairs linked, %(queued)d queued for review, "
                                    "%(apart)d kept apart by earlier judgements.")
                         % {"merged": counts["merged"], "queued": counts["queued"], "apart": counts["kept apart"]})
    else:
        # The run's counts are over every record: beside a queue that shows fewer pairs, they would say how many
        # pairs (and merges) of records this reader may not read exist (session 16 audit). The audit log keeps them.
        messages.success(request, _("Resolution run finished. The pairs you may read are in the queue; linked "
                                    "records show on the persons' pages."))
    return redirect("web:resolution_queue" if request.user.can("review") else "web:persons")


@login_required
@require_POST
def judge(request, candidate_id):
    require(request.user, "review")
    candidate = next(iter(shown_to(visible_candidates(request.user).filter(public_id=candidate_id), request.user)), None)
    if candidate is None:
        raise Http404
    decision = request.POST.get("decision")
    if decision not in {"same", "different", "unsure"}:
        messages.error(request, _("Say same, different or unsure."))
        return redirect("web:resolution_queue")
    outcome = _judged_as_read(candidate, request.POST.get("versions"), actor=request.user, decision=decision,
                              note=request.POST.get("note", "")[:500])
    if outcome is True:
        messages.success(request, _("Judgement recorded."))
    else:
        messages.error(request, outcome)
    return redirect(safe_next(request, "web:resolution_queue"))  # same-site addresses only


def _judged_as_read(candidate, versions, *, actor, decision, note):
    """Record the judgement; "same" (a merge) only while both records are still at the versions the reviewer read
    the evidence at ("left:right", edit tokens carried by the forms of the queue and the person page). A record edited in
    between (a birth year corrected, a name changed) is not merged on evidence that no longer holds, nor is a pair
    confirmed by a form without versions. Of two reviewers judging one pair at once, the second is refused: the
    pair is claimed (its row held) while it is still open. True when recorded; when refused (nothing changed), the
    message saying why: STALE or TAKEN."""
    from django.db import transaction

    from qorgau.records.actions import EditConflict, check_version

    try:
        with transaction.atomic():
            if decision == "same":
                left, _sep, right = (versions or "").partition(":")
                check_version(candidate.left, left, actor)
                check_version(candidate.right, right, actor)
            # Held until this judgement commits (after the records, in the order a bulk merge takes them); a
            # judgement that committed meanwhile left the pair "judged".
            if not actions.claim_open_pair(candidate):
                return TAKEN
            actions.do_judge(candidate.left, candidate.right, actor=actor, decision=decision, note=note)
    except EditConflict:
        return STALE
    return True


@login_required
@require_POST
def unmerge(request, merge_id):
    require(request.user, "review")
    merge = get_object_or_404(Merge, public_id=merge_id, undone_at__isnull=True, merged__deleted_at__isnull=True)
    get_person_for(request.user, merge.kept.uid)  # the reader must see the record
    if merge.merged.sensitivity not in levels_for(request.user):
        return redirect("web:person", uid=merge.kept.uid)
    actions.do_unmerge(merge, actor=request.user)
    messages.success(request, _("Unmerged: the two records are separate again."))
    return redirect("web:person", uid=merge.kept.uid)
