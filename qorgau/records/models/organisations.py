from django.db import models
from django.utils.translation import gettext_lazy as _

from qorgau.keys.fields import SealedTextField

from .base import NameBase, Record


class OrganisationKind(models.TextChoices):
    NGO = "ngo", _("NGO")
    PARTY = "party", _("Party or movement")
    MEDIA = "media", _("Media outlet")
    STATE_BODY = "state_body", _("State body")
    COURT = "court", _("Court")
    POLICE = "police", _("Police unit")
    PROSECUTOR = "prosecutor", _("Prosecutor's office")
    SECURITY = "security", _("Security service")
    COMPANY = "company", _("Company")
    INTERNATIONAL = "international", _("International body")
    OTHER = "other", _("Other")


class Organisation(Record):
    UID_PREFIX = "org_"

    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    place = models.ForeignKey("records.Place", null=True, blank=True, on_delete=models.SET_NULL)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="units")
    url = models.URLField(blank=True)
    notes = SealedTextField(blank=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name


class OrganisationName(NameBase):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="names")
