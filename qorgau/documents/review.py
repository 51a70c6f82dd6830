"""Reviewing a document's proposals with the passage in view, and uploading documents."""

import html

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qorgau.records import actions
from qorgau.records.models import Citation
from qorgau.records.pages import require
from qorgau.records.policy import render

from . import storage
from .ingest.reading import max_bytes
from .models import Document, Processing
from .pipeline import ingest_in_background
from .views import get_document_for

KIND_CLASS = {"act": "m-act", "event": "m-act", "person": "m-person", "organisation": "m-org", "place": "m-place"}


def highlighted(text, citations):
    """The text as HTML with each cited span marked; overlapping spans share segments."""
    bounds = {0, len(text)}
    spans = []
    for c in citations:
        if c.start is None or c.end is None or c.end > len(text):
            continue
        kind = KIND_CLASS.get(c.content_type.model, "m-other")
        spans.append((c.start, c.end, kind, c.public_id, c.review))
        bounds |= {c.start, c.end}
    points = sorted(bounds)
    parts = []
    for left, right in zip(points, points[1:]):
        active = [s for s in spans if s[0] <= left and right <= s[1]]
        segment = html.escape(text[left:right])
        if active:
            classes = " ".join(sorted({s[2] for s in active} | {f"r-{s[4]}" for s in active}))
            innermost = min(active, key=lambda s: s[1] - s[0])
            segment = f'<mark class="{classes}" data-proposal="{innermost[3]}">{segment}</mark>'
        parts.append(segment)
    return mark_safe("".join(parts).replace("\n", "<br>"))


def _proposals(document, user):
    """The document's proposals whose records the reader may see, each with its record as `target`.

    A proposal about a record above the reader's clearance is left out everywhere: list, highlight and count.
    """
    citations = list(Citation.objects.filter(document=document).exclude(key="").select_related("content_type")
                     .order_by("start", "id"))
    by_type = {}
    for c in citations:
        by_type.setdefault(c.content_type.model, []).append(c)
    visible = []
    for model, group in by_type.items():
        queryset = group[0].content_type.model_class().objects.visible_to(user)
        if model == "act":
            queryset = queryset.prefetch_related("act_provisions__provision")
        records = queryset.in_bulk([c.object_id for c in group])
        for c in group:
            c.target = records.get(c.object_id)
        visible += [c for c in group if c.target is not None]
    visible.sort(key=lambda c: (c.start or 0, c.id))

    def of(*models):
        return [c for c in visible if c.content_type.model in models]

    return visible, of("act"), of("person"), of("event"), of("organisation", "place")


def get_reviewable_for(user, uid):
    """The document a reviewer works on. Reviewing means reading the text, so a reviewer whose clearance is below
    the text's own level (a field level above the document's) is refused, as the document page hides it."""
    require(user, "review")
    document = get_document_for(user, uid)
    if not document.may_read_field(user, "text"):
        raise PermissionDenied(_("This document's text is above your clearance; a cleared reviewer must review it."))
    return document


@login_required
def review_document(request, uid):
    document = get_reviewable_for(request.user, uid)
    citations, acts, persons, tallies, gazetteer = _proposals(document, request.user)
    waiting = sum(1 for c in citations if c.review == "suggested")
    return render(request, "documents/review.html", {
        "document": document, "text": highlighted(document.text, citations), "acts": acts, "persons": persons,
        "tallies": tallies, "gazetteer": gazetteer, "waiting": waiting,
        "targets": (document.extra or {}).get("targets", []),
        "urgent_action": (document.extra or {}).get("urgent_action")})


@login_required
@require_POST
def decide(request, uid, citation_id):
    document = get_reviewable_for(request.user, uid)
    citation = next((c for c in _proposals(document, request.user)[0] if c.public_id == citation_id), None)
    if citation is None:
        raise Http404(_("No such proposal."))
    decision = request.POST.get("decision")
    if decision not in {"accepted", "rejected"}:
        return HttpResponseBadRequest(_("Accept or reject."))
    try:
        actions.do_decide_proposal(citation, actor=request.user, decision=decision)
    except actions.ProposalDecided as decided:
        # Someone decided it after this page was read: theirs stands, and the reviewer is told (nothing changed).
        message = _("Someone else decided this proposal while you were reading it (%(decision)s): your decision "
                    "was not recorded.") % {"decision": decided.citation.get_review_display()}
        if request.headers.get("HX-Request"):  # the proposal as it is now, with the message in its place
            proposals = _proposals(document, request.user)[0]
            citation = next((c for c in proposals if c.public_id == citation_id), citation)
            waiting = sum(1 for c in proposals if c.review == "suggested")
            return render(request, "documents/_proposal.html", {"c": citation, "document": document,
                                                                 "waiting_now": waiting, "show_waiting": True,
                                                                 "conflict": message})
        messages.error(request, message)
        return redirect("web:document_review", uid=document.uid)
    if request.headers.get("HX-Request"):
        # The decided proposal, and the count of those still waiting (swapped in out of band).
        waiting = sum(1 for c in _proposals(document, request.user)[0] if c.review == "suggested")
        return render(request, "documents/_proposal.html", {"c": citation, "document": document, "waiting_now": waiting,
                                                             "show_waiting": True})
    return redirect("web:document_review", uid=document.uid)


@login_required
@require_POST
def add_target(request, uid, index):
    """Add an office proposed from a "write to" section to the directory of targets, cited to its passage."""
    from qorgau.campaigns.actions import do_add_proposed_target

    document = get_reviewable_for(request.user, uid)  # accepting what extraction proposed, as for persons and acts
    try:
        target = do_add_proposed_target(document, index, actor=request.user)
    except LookupError:
        raise Http404(_("No such proposal.")) from None
    messages.success(request, _("%(office)s is in the directory of targets.") % {"office": target.office})
    return redirect("web:document_review", uid=document.uid)


@login_required
@require_POST
def accept_remaining(request, uid):
    document = get_reviewable_for(request.user, uid)
    waiting = [c for c in _proposals(document, request.user)[0] if c.review == "suggested"]
    count = actions.do_accept_remaining(document, actor=request.user, citations=waiting)
    messages.success(request, _("%(count)s proposals accepted; the document is reviewed.") % {"count": count})
    return redirect("web:document_review", uid=document.uid)


def review_queue(request):
    from django.contrib.auth.views import redirect_to_login

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    documents = Document.objects.visible_to(request.user).filter(review_state="awaiting_review") \
        .order_by("created_at")
    return render(request, "documents/queue.html", {"documents": documents})


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"), help_text=gettext_lazy("PDF, DOCX, HTML, Markdown or plain text."))
    language = forms.ChoiceField(choices=[("auto", gettext_lazy("Detect")), ("en", "English"), ("ru", "Русский")],
                                 label=gettext_lazy("Language"))
    sensitivity = forms.ChoiceField(choices=[("internal", gettext_lazy("Internal")), ("confidential", gettext_lazy("Confidential")),
                                             ("public", gettext_lazy("Public"))], label=gettext_lazy("Who may see it"))


@login_required
def upload(request):
    """Store the file's bytes, answer at once, and read it in the background."""
    require(request.user, "edit")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > max_bytes():
            form.add_error("file", _("The file is %(size).1f MB; the limit is %(limit)d MB.")
                           % {"size": upload.size / 1048576, "limit": max_bytes() // 1048576})
        else:
            data = upload.read()
            digest = storage.sha256_of(data)
            existing = Document.objects.visible_to(request.user).filter(
                Q(sha256=digest) | Q(extra__file_sha256=digest)).first()
            if existing:
                messages.info(request, _("This file is already here."))
                return redirect("web:document", uid=existing.uid)
            placeholder = actions.do_create_document(
                actor=request.user, title=upload.name[:300], filename=upload.name[:300],
                sensitivity=form.cleaned_data["sensitivity"], processing=Processing.QUEUED)
            ingest_in_background(placeholder, data, actor=request.user, language=form.cleaned_data["language"])
            return redirect("web:document", uid=placeholder.uid)
    return render(request, "records/form.html", {"form": form, "title": _("Add documents"), "multipart": True})


STALLED = (Processing.QUEUED, Processing.READING, Processing.EXTRACTING)


def fail_if_stalled(document):
    """A document still "in progress" long after any reading could take was orphaned (the server stopped while
    reading it): it is marked failed with the reason, never left showing progress forever."""
    from datetime import timedelta

    from django.utils import timezone

    from .ingest.reading import limit

    cutoff = timezone.now() - timedelta(seconds=2 * limit("MAX_PROCESSING_SECONDS") + 60)
    if document.processing in STALLED and document.created_at < cutoff:
        document.processing, document.progress = Processing.FAILED, 0
        document.error = _("Reading stopped before it finished (the server may have restarted); nothing was "
                           "extracted. Add the file again.")
        from qorgau.records.actions import set_processing

        set_processing(document, actor="system", processing=document.processing, error=document.error)
    return document


def status(request, uid):
    document = fail_if_stalled(get_document_for(request.user, uid))
    return render(request, "documents/_status.html", {"document": document})
