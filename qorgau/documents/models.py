"""Sources: where knowledge comes from. An ingested document, or a URL alone.

Invariant: `sha256` identifies the original file; the same file twice is one
document. `text` is the canonical text that citations' offsets point into.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from qorgau.keys.fields import SealedTextField
from qorgau.records.models.base import Record


class DocumentKind(models.TextChoices):
    REPORT = "report", _("Report")
    URGENT_ACTION = "urgent_action", _("Urgent action")
    NEWS = "news", _("News article")
    COURT_PAPER = "court_paper", _("Court paper")
    SOCIAL_MEDIA = "social_media", _("Social-media post")
    TESTIMONY = "testimony", _("Testimony")
    WEB_PAGE = "web_page", _("Web page")
    OTHER = "other", _("Other")


class Reliability(models.TextChoices):
    HIGH = "highly_reliable", _("Highly reliable")
    MOSTLY = "mostly_reliable", _("Mostly reliable")
    FAIR = "fairly_reliable", _("Fairly reliable")
    LOW = "not_usually_reliable", _("Not usually reliable")
    UNRELIABLE = "highly_unreliable", _("Highly unreliable")
    UNKNOWN = "unknown", _("Unknown")


class ReviewState(models.TextChoices):
    NONE = "none", _("Nothing to review")
    AWAITING = "awaiting_review", _("Awaiting review")
    REVIEWED = "reviewed", _("Reviewed")


class Processing(models.TextChoices):
    NONE = "none", _("Entered by hand")
    QUEUED = "queued", _("Waiting")
    READING = "reading", _("Reading")
    EXTRACTING = "extracting", _("Finding facts")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Document(Record):
    UID_PREFIX = "doc_"

    title = models.CharField(max_length=500)
    filename = models.CharField(max_length=300, blank=True)
    publisher = models.ForeignKey("records.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="publications")
    published = models.CharField(max_length=10, blank=True)
    language = models.CharField(max_length=8, blank=True)
    kind = models.CharField(max_length=16, choices=DocumentKind.choices, default=DocumentKind.REPORT)
    reliability = models.CharField(max_length=24, choices=Reliability.choices, default=Reliability.UNKNOWN)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    url = models.URLField(max_length=1000, blank=True)
    reference = models.CharField(max_length=100, blank=True, help_text=_("The publisher's index number."))
    # Stored sealed with the data key (docs/security.md); read back as plain text.
    text = SealedTextField(blank=True)
    review_state = models.CharField(max_length=16, choices=ReviewState.choices, default=ReviewState.NONE)
    processing = models.CharField(max_length=12, choices=Processing.choices, default=Processing.NONE)
    progress = models.PositiveSmallIntegerField(default=0, help_text=_("Percent done while processing."))
    error = models.TextField(blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    encoding = models.CharField(max_length=32, blank=True)
    pages = models.JSONField(default=list, blank=True, help_text=_("Offsets where each page starts."))
    footnotes = models.JSONField(default=dict, blank=True)
    markers = models.JSONField(default=list, blank=True, help_text=_("(offset, footnote number) pairs."))
    cited_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="sources")

    class Meta:
        ordering = ["-published", "title"]
        constraints = [
            models.UniqueConstraint(fields=["sha256"], condition=~models.Q(sha256=""), name="document_file_once")
        ]

    def __str__(self):
        return self.title

    def page_at(self, offset):
        """The page number (1-based) of an offset, when pages are known."""
        page = 0
        for index, start in enumerate(self.pages or []):
            if start <= offset:
                page = index + 1
        return page or None


def new_attachment_id():
    from qorgau.lib.identifiers import new_uid

    return new_uid("att_")


class PersonAttachment(models.Model):
    """A photo or other file kept about a person. Its bytes are stored encrypted like document originals
    (documents/storage.py); it is served only to a reader who may see both the person and the attachment's level,
    and never cached (docs/interface.md)."""

    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="attachments")
    # Its name in URLs: random, so the numbers a reader sees do not count the attachments they may not (s14 audit).
    public_id = models.CharField(max_length=20, unique=True, default=new_attachment_id, editable=False)
    caption = models.CharField(max_length=300, blank=True)
    filename = models.CharField(max_length=255)
    media_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    sensitivity = models.CharField(max_length=16, choices=[("public", _("Public")), ("internal", _("Internal")),
                                                           ("confidential", _("Confidential"))], default="internal")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    @property
    def is_photo(self):
        return self.media_type.startswith("image/")

    def __str__(self):
        return self.caption or self.filename
