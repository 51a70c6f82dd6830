"""Urgent Actions, their targets and supporters' reports of what they did.

Invariants: an update keeps its UA's number; a UA keeps the targets it had
when issued, because targets are rows with validity dates, never rewritten.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from qorgau.keys.fields import ConfidentialTextField
from qorgau.records.models.base import Record


class UAStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPDATED = "updated", _("Updated")
    CLOSED = "closed", _("Closed")


class Response(models.TextChoices):
    NO_RESPONSE = "no_response", _("No response")
    DENIED = "denied", _("Denied")
    TOKEN = "token_response", _("Token response")
    INVESTIGATION = "investigation_opened", _("Investigation opened")
    RELEASED = "person_released", _("Person released")


class Channel(models.TextChoices):
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("Email")
    FAX = "fax", _("Fax")
    CALL = "call", _("Call")
    TWEET = "tweet", _("Tweet")
    SOCIAL = "social_media", _("Other social media")


class Target(Record):
    UID_PREFIX = "tgt_"

    office = models.CharField(max_length=300)
    office_ru = models.CharField(max_length=300, blank=True)
    office_kk = models.CharField(max_length=300, blank=True)
    holder = models.ForeignKey("records.Person", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="offices")
    holder_name = models.CharField(max_length=300, blank=True)
    organisation = models.ForeignKey("records.Organisation", null=True, blank=True, on_delete=models.SET_NULL)
    address = models.JSONField(default=list, blank=True)
    address_ru = models.JSONField(default=list, blank=True)
    address_kk = models.JSONField(default=list, blank=True)
    # A UN body, a foreign government or an embassy cannot release anyone: letters ask it to call on the
    # authorities of Kazakhstan instead.
    through_authorities = models.BooleanField(default=False)
    fax = models.CharField(max_length=100, blank=True)
    emails = models.JSONField(default=list, blank=True)
    phone = models.CharField(max_length=100, blank=True)
    salutation = models.CharField(max_length=200, blank=True)
    salutation_ru = models.CharField(max_length=200, blank=True)
    salutation_kk = models.CharField(max_length=200, blank=True)
    valid_from = models.CharField(max_length=10, blank=True)
    valid_to = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["office"]

    def __str__(self):
        holder = self.holder.name if self.holder else self.holder_name
        return f"{self.office}, {holder}" if holder else self.office


class UrgentAction(Record):
    UID_PREFIX = "ua_"

    number = models.CharField(max_length=20, help_text=_("As NGOs write it: 63/18."))
    update = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300, blank=True)
    issued = models.CharField(max_length=10, blank=True)
    deadline = models.CharField(max_length=10, blank=True)
    issuer = models.ForeignKey("records.Organisation", null=True, blank=True, on_delete=models.SET_NULL)
    reference = models.CharField(max_length=100, blank=True)
    persons = models.ManyToManyField("records.Person", blank=True, related_name="urgent_actions")
    acts = models.ManyToManyField("records.Act", blank=True, related_name="urgent_actions")
    asks = models.JSONField(default=list, blank=True)
    background = ConfidentialTextField(blank=True)
    languages = models.JSONField(default=list, blank=True)
    response = models.CharField(max_length=24, choices=Response.choices, blank=True)
    impact = ConfidentialTextField(blank=True)
    status = models.CharField(max_length=8, choices=UAStatus.choices, default=UAStatus.OPEN)

    class Meta:
        ordering = ["-issued", "number", "update"]
        constraints = [models.UniqueConstraint(fields=["number", "update"], name="ua_number_update_once")]

    def __str__(self):
        return f"UA {self.number}" + (f" (update {self.update})" if self.update else "")


class UATarget(models.Model):
    urgent_action = models.ForeignKey(UrgentAction, on_delete=models.CASCADE, related_name="ua_targets")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="ua_targets")
    kind = models.CharField(max_length=4, default="to")

    class Meta:
        ordering = ["id"]


class ActionReport(models.Model):
    """A supporter's report. Nothing about the supporter is required or kept."""

    urgent_action = models.ForeignKey(UrgentAction, on_delete=models.CASCADE, related_name="action_reports")
    channel = models.CharField(max_length=16, choices=Channel.choices)
    count = models.PositiveIntegerField(default=1)
    country = models.CharField(max_length=2, blank=True)
    date = models.DateField()

    class Meta:
        ordering = ["id"]
