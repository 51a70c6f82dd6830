from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qorgau.lib.sensitivity import CONFIDENTIAL, levels_for, may_read, seen_value
from qorgau.records import actions
from qorgau.records.access import get_person_for, get_record_for
from qorgau.records.models import Citation
from qorgau.records.pages import form_page, list_page, require
from qorgau.records.policy import render

from . import actions as document_actions
from . import metadata, storage
from .forms import DocumentForm
from .models import Document, PersonAttachment


def get_document_for(user, uid):
    return get_record_for(Document, user, uid, Document.objects.select_related("publisher"))


def document_list(request):
    queryset = (Document.objects.visible_to(request.user).select_related("publisher")
                .order_by(seen_value("published", request.user).desc(), "title"))  # a hidden date places nothing
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


# Attachments of persons ------------------------------------------------------------------------------------


class AttachmentForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Photo or file"),
                           help_text=gettext_lazy("JPEG, PNG, GIF, WebP or PDF, at most 10 MB. Stored encrypted."))
    caption = forms.CharField(max_length=300, required=False, label=gettext_lazy("Caption"))
    sensitivity = forms.ChoiceField(label=gettext_lazy("Who may see it"), choices=[])

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(PersonAttachment._meta.get_field("sensitivity").choices)
        self.fields["sensitivity"].choices = [(level, labels[level]) for level in levels_for(user)]
        self.fields["sensitivity"].initial = "internal"


def visible_attachments(person, user):
    return list(PersonAttachment.objects.filter(person=person, sensitivity__in=levels_for(user)))


def attachments_section(request, person):
    """The person page's photos and attachments: those the reader may see; the upload form for editors."""
    return {"attachments": visible_attachments(person, request.user),
            "attachment_form": AttachmentForm(user=request.user) if request.user.is_authenticated else None}


def get_attachment_for(user, attachment_id):
    """An attachment the user may see: its person visible to them and its own level within their clearance."""
    attachment = PersonAttachment.objects.filter(public_id=attachment_id, sensitivity__in=levels_for(user)) \
        .select_related("person").first()
    if attachment is None:
        raise Http404(_("No such attachment."))
    get_person_for(user, attachment.person.uid)  # 404 when the person is hidden from this reader
    return attachment


def attachment_file(request, attachment_id):
    attachment = get_attachment_for(request.user, attachment_id)
    try:
        data = storage.load(attachment.sha256)
    except storage.StorageError:
        raise Http404(_("The file is not in the files directory.")) from None
    if not may_read(request.user, CONFIDENTIAL):
        # A photo's EXIF says where (GPS) and when it was taken, with which camera, by whom; a PDF's information and
        # XMP who wrote it, with what, when: served without them to a reader not cleared for confidential records;
        # never the original when it cannot be rewritten (s12 and s13 audits).
        try:
            data = metadata.without_metadata(data, attachment.media_type)
        except metadata.Unreadable:
            if attachment.is_photo:
                raise Http404(_("This photo cannot be shown: its file is damaged.")) from None
            raise Http404(_("This file cannot be shown: it is damaged.")) from None
    response = HttpResponse(data, content_type=attachment.media_type)
    disposition = "inline" if attachment.is_photo else "attachment"
    safe_name = "".join(ch for ch in attachment.filename if ch.isalnum() or ch in "._- ")[:100] or "file"
    # A name in Cyrillic or Kazakh letters: RFC 6266's filename*, not a MIME-encoded header that browsers ignore
    # (they then showed a PDF inline instead of downloading it; s13 audit).
    response["Content-Disposition"] = content_disposition_header(disposition == "attachment", safe_name)
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    if attachment.sensitivity != "public" or attachment.person.sensitivity != "public":
        actions.do_record_read(attachment.person, actor=request.user)
    return response


@login_required
@require_POST
def attachment_upload(request, uid):
    require(request.user, "edit")
    person = get_person_for(request.user, uid)
    form = AttachmentForm(request.POST, request.FILES, user=request.user)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > document_actions.MAX_BYTES:
            messages.error(request, _("The file is larger than 10 MB."))
            return redirect("web:person", uid=person.uid)
        try:
            document_actions.do_add_attachment(person, actor=request.user, data=upload.read(),
                                               filename=upload.name, caption=form.cleaned_data["caption"],
                                               sensitivity=form.cleaned_data["sensitivity"])
            messages.success(request, _("Attachment added."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Nothing was attached: %(errors)s") % {
            "errors": " ".join(str(e) for errors in form.errors.values() for e in errors)})
    return redirect("web:person", uid=person.uid)


@login_required
@require_POST
def attachment_delete(request, attachment_id):
    require(request.user, "edit")
    attachment = get_attachment_for(request.user, attachment_id)
    uid = attachment.person.uid
    document_actions.do_remove_attachment(attachment, actor=request.user)
    messages.success(request, _("Attachment removed."))
    return redirect("web:person", uid=uid)
