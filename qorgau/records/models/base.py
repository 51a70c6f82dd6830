"""What every record shares: a stable identifier, a sensitivity level, field levels.

Invariants:
- `uid` never changes and is what exports, URLs and other databases use.
- `sensitivity` is never lower than the most sensitive citation's document,
  unless a reviewer has said so (`sensitivity_reviewed`); actions keep this.
- `field_sensitivity` maps a field name to a level stricter than the record's.
- `extra` keeps fields an import did not know, to write them back on export.
- `version` counts saved changes, also those a reader may not see: it is never shown; an edit form carries a
  token of the last save its reader could see, and an action refuses to save over a newer one
  (records/versions.py, records/actions.py `check_version`).
- `deleted_at` set means the record is deleted (soft delete): `objects` and every query built on it leave it out;
  `_base_manager` still finds it for restore. What it held is in a `Deletion` snapshot.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from qorgau.keys.fields import ConfidentialCharField
from qorgau.lib import sensitivity as levels
from qorgau.lib.identifiers import new_uid


class Sensitivity(models.TextChoices):
    PUBLIC = levels.PUBLIC, _("Public")
    INTERNAL = levels.INTERNAL, _("Internal")
    CONFIDENTIAL = levels.CONFIDENTIAL, _("Confidential")


class Script(models.TextChoices):
    LATIN = "Latn", _("Latin")
    CYRILLIC = "Cyrl", _("Cyrillic")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    RUSSIAN = "ru", _("Russian")
    KAZAKH = "kk", _("Kazakh")


class NameKind(models.TextChoices):
    PRIMARY = "primary", _("Primary")
    ALIAS = "alias", _("Alias")
    TRANSLITERATION = "transliteration", _("Transliteration")
    MISSPELLING = "misspelling", _("Misspelling")
    MAIDEN = "maiden", _("Maiden name")
    ABBREVIATION = "abbreviation", _("Abbreviation")
    FORMER = "former", _("Former name")


class RecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(sensitivity__in=levels.levels_for(user), deleted_at__isnull=True)


class LiveManager(models.Manager):
    """The default manager of every record: deleted records are not there (lists, search, export, API, forms)."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


def live_manager(queryset_class):
    return LiveManager.from_queryset(queryset_class)()


class Record(models.Model):
    UID_PREFIX = "rec_"

    uid = models.CharField(max_length=64, unique=True, editable=False)
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL)
    sensitivity_reviewed = models.BooleanField(default=False)
    field_sensitivity = models.JSONField(default=dict, blank=True)
    extra = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    objects = live_manager(RecordQuerySet)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.uid:
            self.uid = new_uid(self.UID_PREFIX)
        super().save(*args, **kwargs)

    def field_level(self, field):
        return levels.highest(self.sensitivity, self.field_sensitivity.get(field))

    def may_read_field(self, user, field):
        return levels.may_read(user, self.field_level(field))


class NameBase(models.Model):
    # A confidential name is stored sealed with the data key (docs/security.md).
    name = ConfidentialCharField(max_length=300)
    script = models.CharField(max_length=8, choices=Script.choices, blank=True)
    lang = models.CharField(max_length=8, choices=Language.choices, blank=True)
    kind = models.CharField(max_length=20, choices=NameKind.choices, default=NameKind.ALIAS)
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.PUBLIC)

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self):
        return self.name


def guess_script(text):
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            return Script.CYRILLIC
        if ch.isalpha() and ch.isascii():
            return Script.LATIN
    return ""
