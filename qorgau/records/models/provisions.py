from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Record, Sensitivity


class Code(models.TextChoices):
    CC = "CC", _("Criminal Code")
    AOC = "AOC", _("Code of Administrative Offences")
    CCP = "CCP", _("Code of Criminal Procedure")
    CONST = "CONST", _("Constitution")


CURRENT_EDITION = {"CC": "2014", "AOC": "2014", "CCP": "2014", "CONST": "1995"}


def provision_uid(code, article, part=None, edition=None):
    """CC-174, CC-405.1 (part 1), and CC@1997-164 for an older edition."""
    head = code if not edition or edition == CURRENT_EDITION.get(code) else f"{code}@{edition}"
    return f"{head}-{article}" + (f".{part}" if part else "")


class Provision(Record):
    code = models.CharField(max_length=16)
    article = models.CharField(max_length=16)
    part = models.CharField(max_length=16, blank=True)
    edition = models.CharField(max_length=16, blank=True)
    title_en = models.CharField(max_length=500, blank=True)
    title_ru = models.CharField(max_length=500, blank=True)
    title_kk = models.CharField(max_length=500, blank=True)

    # Places and laws are public knowledge.
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.PUBLIC)

    class Meta:
        ordering = ["code", "article", "part"]


    def save(self, *args, **kwargs):
        if not self.uid:
            self.uid = provision_uid(self.code, self.article, self.part, self.edition)
        super().save(*args, **kwargs)

    @property
    def label(self):
        return self.uid

    def title(self, language="en"):
        return getattr(self, f"title_{language}", "") or self.title_en or self.title_ru

    def __str__(self):
        return self.uid
