"""The queue of pairs to judge, and judging, merging and unmerging from a person's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qorgau.accounts.views import safe_next
from qorgau.lib.sensitivity import levels_for
from qorgau.records.access import get_person_for
from qorgau.records.pages import person_section, require

from qorgau.records.policy import render

from . import actions
from .models import Candidate, Merge


def visible_candidates(user, person=None):
    allowed = levels_for(user)
    queryset = Candidate.objects.filter(status="open", left__sensitivity__in=allowed, right__sensitivity__in=allowed,
                                        left__merged_into__isnull=True, right__merged_into__isnull=True)
    if person is not None:
        queryset = queryset.filter(Q(left=person) | Q(right=person))
    return queryset.select_related("left", "right")


@person_section
def possible_duplicates(request, person):
    """The person page's "possibly the same as" section: open candidates and undoable merges, staff only."""
    if not request.user.is_authenticated:
        return {}
    return {"candidates": visible_candidates(request.user, person),
            "merges": Merge.objects.filter(kept=person, undone_at__isnull=True,
                                           merged__sensitivity__in=levels_for(request.user)).select_related("merged")}


@login_required
def queue(request):
    require(request.user, "review")
    return render(request, "resolution/queue.html", {"candidates": visible_candidates(request.user)[:200]})


@login_required
@require_POST
def judge(request, candidate_id):
    require(request.user, "review")
    candidate = get_object_or_404(visible_candidates(request.user), pk=candidate_id)
    decision = request.POST.get("decision")
    if decision not in {"same", "different", "unsure"}:
        messages.error(request, _("Say same, different or unsure."))
        return redirect("web:resolution_queue")
    actions.do_judge(candidate.left, candidate.right, actor=request.user, decision=decision,
                     note=request.POST.get("note", "")[:500])
    messages.success(request, _("Judgement recorded."))
    return redirect(safe_next(request, "web:resolution_queue"))  # same-site addresses only


@login_required
@require_POST
def unmerge(request, merge_id):
    require(request.user, "review")
    merge = get_object_or_404(Merge, pk=merge_id, undone_at__isnull=True)
    get_person_for(request.user, merge.kept.uid)  # the reader must see the record
    if merge.merged.sensitivity not in levels_for(request.user):
        return redirect("web:person", uid=merge.kept.uid)
    actions.do_unmerge(merge, actor=request.user)
    messages.success(request, _("Unmerged: the two records are separate again."))
    return redirect("web:person", uid=merge.kept.uid)
