"""Citations: how we know. A record, or one field of it, tied to a span of a document.

Invariant: offsets are code points into the document's canonical text; a
citation without offsets cites the document as a whole (demo data, manual notes).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .acts import Review


def new_citation_id():
    from qorgau.lib.identifiers import new_uid

    return new_uid("cit_")


class Citation(models.Model):
    # Its name in links to it (`?citation=`, `#citation-`), in the address that decides a proposal and in the review
    # forms: random, so the numbers a reader sees do not count the citations and proposals on records and documents
    # they may not read (session 17; as candidates, merges and links between persons since session 16).
    public_id = models.CharField(max_length=20, unique=True, default=new_citation_id, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=64, blank=True)
    document = models.ForeignKey("documents.Document", on_delete=models.CASCADE, related_name="citations")
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    text = models.CharField(max_length=500, blank=True, help_text="The cited words, for mentions.")
    method = models.CharField(max_length=64, default="manual")
    review = models.CharField(max_length=12, choices=Review.choices, default=Review.ACCEPTED)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)
    key = models.CharField(max_length=200, blank=True, db_index=True,
                           help_text="What extraction proposed here (rule, span, value): never proposed twice.")

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
