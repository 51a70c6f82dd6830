from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from qorgau.records import actions
from qorgau.records.access import get_record_for
from qorgau.records.models import Citation
from qorgau.records.pages import form_page, list_page, require
from qorgau.records.policy import render

from .forms import DocumentForm
from .models import Document


def get_document_for(user, uid):
    return get_record_for(Document, user, uid, Document.objects.select_related("publisher"))


def document_list(request):
    queryset = Document.objects.visible_to(request.user).select_related("publisher").order_by("-published", "title")
    return list_page(request, Document, "documents/document_list_results.html", queryset)


def _cited_records(citations, user):
    """The records a document supports, each only if the reader may see it."""
    by_type = {}
    for citation in citations:
        by_type.setdefault(citation.content_type_id, []).append(citation)
    rows = []
    for content_type_id, group in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not hasattr(model.objects, "visible_to"):
            continue  # nothing a reader looks up (a deletion snapshot): never shown
        visible = {r.pk: r for r in model.objects.visible_to(user).filter(pk__in=[c.object_id for c in group])}
        rows += [(c, visible[c.object_id]) for c in group if c.object_id in visible]
    return rows


def document_detail(request, uid):
    document = get_document_for(request.user, uid)
    citations = Citation.objects.filter(document=document).exclude(review="rejected").order_by("start", "id")
    context = {
        "document": document,
        "cited": _cited_records(citations, request.user),
        "focus": request.GET.get("citation"),
        "show_text": document.may_read_field(request.user, "text"),
    }
    return render(request, "documents/document_detail.html", context)


@login_required
def document_create(request):
    require(request.user, "edit")
    return form_page(request, DocumentForm(request.POST or None, user=request.user),
                     lambda data: actions.do_create_document(actor=request.user, **data),
                     title=_("New document"), message=_("Document saved."))


@login_required
def document_edit(request, uid):
    require(request.user, "edit")
    document = get_document_for(request.user, uid)
    form = DocumentForm(request.POST or None, instance=Document.objects.get(pk=document.pk), user=request.user)
    return form_page(request, form, lambda data: actions.do_update_document(document, actor=request.user, **data),
                     title=document.title, message=_("Document saved."), record=document)


def awaiting_review(user):
    return Document.objects.visible_to(user).filter(review_state="awaiting_review").order_by("-created_at")

