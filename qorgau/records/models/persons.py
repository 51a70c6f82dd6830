from django.db import models
from django.utils.translation import gettext_lazy as _

from qorgau.keys.fields import ConfidentialCharField, SealedTextField

from .base import NameBase, Record, RecordQuerySet, live_manager


class PersonQuerySet(RecordQuerySet):
    def visible_to(self, user):
        """Merged records are folded into the one they were merged into."""
        return super().visible_to(user).filter(merged_into__isnull=True)


class Gender(models.TextChoices):
    FEMALE = "f", _("Female")
    MALE = "m", _("Male")
    OTHER = "x", _("Other")


class Consent(models.TextChoices):
    UNKNOWN = "unknown", _("Unknown")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


PERSON_ROLES = [
    ("activist", _("Activist")), ("blogger", _("Blogger")), ("journalist", _("Journalist")),
    ("human_rights_defender", _("Human rights defender")), ("lawyer", _("Lawyer")),
    ("politician", _("Politician")), ("official", _("Official")), ("judge", _("Judge")),
    ("prosecutor", _("Prosecutor")), ("investigator", _("Investigator")), ("police", _("Police")),
    ("doctor", _("Doctor")), ("businessperson", _("Businessperson")), ("relative", _("Relative")),
    ("witness", _("Witness")), ("other", _("Other")),
]
ROLE_LABELS = dict(PERSON_ROLES)

# Fields that are confidential unless someone decides otherwise.
CONFIDENTIAL_BY_DEFAULT = ("contact",)


class Person(Record):
    UID_PREFIX = "per_"

    name = models.CharField(max_length=300, help_text=_("The primary name, as most sources write it."))
    given_name = models.CharField(max_length=150, blank=True)
    family_name = models.CharField(max_length=150, blank=True)
    patronymic = models.CharField(max_length=150, blank=True)
    gender = models.CharField(max_length=1, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    roles = models.JSONField(default=list, blank=True)
    home_place = models.ForeignKey("records.Place", null=True, blank=True, on_delete=models.SET_NULL)
    consent = models.CharField(max_length=8, choices=Consent.choices, default=Consent.UNKNOWN)
    # Stored sealed with the data key (docs/security.md): a copied database shows no contact or note.
    contact = SealedTextField(blank=True)
    notes = SealedTextField(blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged",
                                    help_text=_("Set when a reviewer merged this record into another; undone by unmerge."))

    objects = live_manager(PersonQuerySet)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]

    def save(self, *args, **kwargs):
        if self._state.adding:
            for field in CONFIDENTIAL_BY_DEFAULT:
                self.field_sensitivity.setdefault(field, "confidential")
        super().save(*args, **kwargs)

    def __str__(self):
        return self.name

    def role_labels(self):
        return [ROLE_LABELS.get(role, role) for role in self.roles]


class PersonName(NameBase):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    given_name = ConfidentialCharField(max_length=150, blank=True)
    family_name = ConfidentialCharField(max_length=150, blank=True)
    patronymic = ConfidentialCharField(max_length=150, blank=True)


class Affiliation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey("records.Organisation", on_delete=models.CASCADE, related_name="members")
    role = models.CharField(max_length=150, blank=True)
    start = models.CharField(max_length=10, blank=True)
    end = models.CharField(max_length=10, blank=True)


class Relation(models.TextChoices):
    CHILD_OF = "child_of", _("child of")
    PARENT_OF = "parent_of", _("parent of")
    SIBLING_OF = "sibling_of", _("sibling of")
    SPOUSE_OF = "spouse_of", _("spouse of")
    RELATIVE_OF = "relative_of", _("relative of")
    LAWYER_OF = "lawyer_of", _("lawyer of")
    COLLEAGUE_OF = "colleague_of", _("colleague of")


# A relation read from the other person's side: "A parent_of B" shows on B's page as "child of A".
INVERSE = {"child_of": "parent_of", "parent_of": "child_of", "sibling_of": "sibling_of", "spouse_of": "spouse_of",
           "relative_of": "relative_of", "colleague_of": "colleague_of", "lawyer_of": "client_of"}
INVERSE_LABELS = {"client_of": _("client of")}
# The kinds offered for relatives (the other kinds stay for imported and older data).
RELATIVE_KINDS = ("parent_of", "child_of", "sibling_of", "spouse_of", "relative_of")


def relation_label(kind):
    return INVERSE_LABELS.get(kind) or dict(Relation.choices).get(kind, kind)


def new_relation_id():
    from qorgau.lib.identifiers import new_uid

    return new_uid("rel_")


class PersonRelation(models.Model):
    # Its name in the address that removes it: random, so the numbers an editor sees do not count the links between
    # persons they may not read (session 16 audit; as attachments and charts since session 14).
    public_id = models.CharField(max_length=20, unique=True, default=new_relation_id, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relations")
    relation = models.CharField(max_length=16, choices=Relation.choices)
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
