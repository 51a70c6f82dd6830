"""Attachments of persons (photos, scans): stored encrypted like document originals, audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qorgau.audit.log import write_entry
from qorgau.lib.sensitivity import RANK, highest

from . import metadata, storage
from .models import PersonAttachment

MAX_BYTES = 10 * 1024 * 1024
# What an attachment may be, told from its first bytes (never from the name or the browser's word).
KINDS = ((b"\xff\xd8\xff", "image/jpeg", ".jpg"), (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
         (b"GIF87a", "image/gif", ".gif"), (b"GIF89a", "image/gif", ".gif"), (b"%PDF-", "application/pdf", ".pdf"))


def media_type_of(data):
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    for magic, media_type, _suffix in KINDS:
        if data.startswith(magic):
            return media_type
    return None


@transaction.atomic
def do_add_attachment(person, *, actor, data, filename, caption="", sensitivity=None):
    """Keep a file about a person. Its level is never below the person's (a photo is no more public than whom it
    shows). JPEG, PNG, GIF, WebP or PDF, at most 10 MB."""
    if not data:
        raise ValidationError({"file": _("The file is empty.")})
    if len(data) > MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than 10 MB.")})
    media_type = media_type_of(data)
    if media_type is None:
        raise ValidationError({"file": _("Only photos (JPEG, PNG, GIF, WebP) and PDF files can be attached.")})
    try:  # served without its metadata to most readers: a file that cannot be rewritten so is refused
        metadata.without_metadata(data, media_type)
    except metadata.Unreadable:
        if media_type == "application/pdf":
            raise ValidationError({"file": _("The PDF file is damaged or protected by a password: it was not "
                                             "attached.")}) from None
        raise ValidationError({"file": _("The photo's file is damaged: it was not attached.")}) from None
    level = highest(sensitivity or person.sensitivity, person.sensitivity)
    if actor is not None and not isinstance(actor, str):
        from qorgau.lib.sensitivity import levels_for

        if level not in levels_for(actor):
            raise ValidationError({"sensitivity": _("You may not set a level above your own clearance.")})
    digest, _new = storage.store(data)
    attachment = PersonAttachment.objects.create(
        person=person, caption=caption[:300], filename=(filename or "file")[-255:], media_type=media_type,
        size=len(data), sha256=digest, sensitivity=level,
        created_by=getattr(actor, "username", None) or str(actor or ""))
    write_entry("attach", actor=actor, record_type="Person", record_uid=person.uid,
                changes={"attachment": attachment.pk, "media_type": media_type, "size": len(data),
                         "sensitivity": level})
    return attachment


@transaction.atomic
def do_remove_attachment(attachment, *, actor):
    """Remove an attachment; its encrypted bytes go too unless another attachment or a document holds them."""
    from .models import Document

    digest, person = attachment.sha256, attachment.person
    write_entry("detach", actor=actor, record_type="Person", record_uid=person.uid,
                changes={"attachment": attachment.pk})
    attachment.delete()
    if not PersonAttachment.objects.filter(sha256=digest).exists() \
            and not Document._base_manager.filter(sha256=digest).exists():
        transaction.on_commit(lambda: storage.discard(digest))


def may_read(attachment, user):
    from qorgau.lib.sensitivity import clearance_of

    return RANK[attachment.sensitivity] <= RANK[clearance_of(user)]
