from django.db import models
from django.utils.translation import gettext_lazy as _

from qorgau.keys.fields import ConfidentialTextField

from .acts import ACT_TYPE_CHOICES
from .base import Record


class EventType(models.TextChoices):
    PROTEST = "protest", _("Protest")
    DISPERSAL = "dispersal", _("Dispersal of a protest")
    TRIAL = "trial", _("Trial")
    RAID = "raid", _("Raid")
    BAN = "ban", _("Ban")
    CRACKDOWN = "crackdown", _("Crackdown")
    INTERNET_DISRUPTION = "internet_disruption", _("Internet disruption")
    LEGISLATION = "legislation", _("Legislation")
    OTHER = "other", _("Other")


class ChainRelation(models.TextChoices):
    PRECEDES = "precedes", _("precedes")
    CAUSES = "causes", _("causes")
    PART_OF = "part_of", _("part of")
    FOLLOWS = "follows", _("follows")
    CONSEQUENCE_OF = "consequence_of", _("consequence of")
    PARALLEL = "parallel", _("parallel to")


class Event(Record):
    UID_PREFIX = "evt_"

    event_type = models.CharField(max_length=24, choices=EventType.choices, default=EventType.OTHER)
    title = models.CharField(max_length=300)
    start = models.CharField(max_length=10, blank=True)
    end = models.CharField(max_length=10, blank=True)
    places = models.ManyToManyField("records.Place", blank=True, related_name="events")
    description = ConfidentialTextField(blank=True)

    class Meta:
        ordering = ["-start", "title"]

    def __str__(self):
        return self.title


class Tally(models.Model):
    """Victims counted but not named: "between 300 and 500 people were detained"."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tallies")
    act_type = models.CharField(max_length=32, choices=ACT_TYPE_CHOICES)
    minimum = models.PositiveIntegerField(null=True, blank=True)
    maximum = models.PositiveIntegerField(null=True, blank=True)
    place = models.ForeignKey("records.Place", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["id"]


class EventLink(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="links")
    relation = models.CharField(max_length=16, choices=ChainRelation.choices)
    other = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="linked_from")

    class Meta:
        ordering = ["id"]
