from django.db import models
from django.utils.translation import gettext_lazy as _

from qorgau.keys.fields import ConfidentialTextField

from .base import Record


class RecognitionStatus(models.TextChoices):
    POLITICAL_PRISONER = "political_prisoner", _("Political prisoner")
    PRISONER_OF_CONSCIENCE = "prisoner_of_conscience", _("Prisoner of conscience")
    HUMAN_RIGHTS_DEFENDER = "human_rights_defender", _("Human rights defender")


class Recognition(Record):
    """A person recognised by an organisation, under named and versioned criteria. Lists disagree."""

    UID_PREFIX = "rcg_"

    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="recognitions")
    organisation = models.ForeignKey("records.Organisation", on_delete=models.PROTECT, related_name="recognitions")
    status = models.CharField(max_length=32, choices=RecognitionStatus.choices)
    date = models.CharField(max_length=10, blank=True)
    criteria = models.CharField(max_length=200, blank=True)
    criteria_version = models.CharField(max_length=40, blank=True)
    reasons = ConfidentialTextField(blank=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.get_status_display()} ({self.criteria})" if self.criteria else str(self.get_status_display())
