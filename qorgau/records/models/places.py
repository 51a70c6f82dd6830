from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import NameBase, Record, Sensitivity


class PlaceKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region")
    CITY = "city", _("City")
    DISTRICT = "district", _("District")
    VILLAGE = "village", _("Village")
    FACILITY = "facility", _("Facility")
    SITE = "site", _("Site")


class Place(Record):
    UID_PREFIX = "plc_"

    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=16, choices=PlaceKind.choices, default=PlaceKind.CITY)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    # Places and laws are public knowledge.
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.PUBLIC)

    class Meta:
        ordering = ["name"]


    def __str__(self):
        return self.name


class PlaceName(NameBase):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="names")
    valid_from = models.CharField(max_length=10, blank=True)
    valid_to = models.CharField(max_length=10, blank=True)
