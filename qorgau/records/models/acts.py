"""Acts: one thing done to one victim, and the vocabulary of act types.

Invariant: an act has exactly one victim, a person or an organisation.
Charges change over time as separate acts; the latest one holds.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qorgau.keys.fields import ConfidentialTextField
from qorgau.lib.sensitivity import levels_for

from .base import Record, RecordQuerySet, live_manager

ACT_GROUPS = {
    "DEPRIVATION": ["detained", "arrested", "administrative_detention", "pretrial_detention", "house_arrest",
                    "psychiatric_detention", "imprisoned"],
    "PROSECUTION": ["investigated", "charged", "tried", "civil_lawsuit"],
    "PENALTY": ["sentenced", "fined", "activity_ban", "sentence_increased"],
    "RELEASE": ["released", "acquitted", "sentence_reduced", "paroled"],
    "HARASSMENT": ["summoned", "interrogated", "searched", "threatened", "surveilled", "device_seized",
                   "assets_frozen", "dismissed", "travel_restricted", "attacked", "property_damaged",
                   "account_hacked", "parole_denied", "extradition_sought"],
    "VIOLENCE": ["ill_treatment", "death_in_custody"],
    "ORGANISATION": ["banned", "closed", "blocked", "registration_denied", "suspended"],
}
GROUP_OF = {act_type: group for group, types in ACT_GROUPS.items() for act_type in types}
DEPRIVATION_TYPES = ACT_GROUPS["DEPRIVATION"]
# Each act type's label in the reader's language (the `humanise` filter and the forms use these).
ACT_TYPE_LABELS = {
    "detained": _("detained"),
    "arrested": _("arrested"),
    "administrative_detention": _("administrative detention"),
    "pretrial_detention": _("pretrial detention"),
    "house_arrest": _("house arrest"),
    "psychiatric_detention": _("psychiatric detention"),
    "imprisoned": _("imprisoned"),
    "investigated": _("investigated"),
    "charged": _("charged"),
    "tried": _("tried"),
    "civil_lawsuit": _("civil lawsuit"),
    "sentenced": _("sentenced"),
    "fined": _("fined"),
    "activity_ban": _("activity ban"),
    "sentence_increased": _("sentence increased"),
    "released": _("released"),
    "acquitted": _("acquitted"),
    "sentence_reduced": _("sentence reduced"),
    "paroled": _("paroled"),
    "summoned": _("summoned"),
    "interrogated": _("interrogated"),
    "searched": _("searched"),
    "threatened": _("threatened"),
    "surveilled": _("surveilled"),
    "device_seized": _("device seized"),
    "assets_frozen": _("assets frozen"),
    "dismissed": _("dismissed"),
    "travel_restricted": _("travel restricted"),
    "attacked": _("attacked"),
    "property_damaged": _("property damaged"),
    "account_hacked": _("account hacked"),
    "parole_denied": _("parole denied"),
    "extradition_sought": _("extradition sought"),
    "ill_treatment": _("ill treatment"),
    "death_in_custody": _("death in custody"),
    "banned": _("banned"),
    "closed": _("closed"),
    "blocked": _("blocked"),
    "registration_denied": _("registration denied"),
    "suspended": _("suspended"),
}
GROUP_LABELS = {"DEPRIVATION": _("Deprivation of liberty"), "PROSECUTION": _("Prosecution"), "PENALTY": _("Penalty"),
                "RELEASE": _("Release"), "HARASSMENT": _("Harassment"), "VIOLENCE": _("Violence"),
                "ORGANISATION": _("Acts against organisations")}
ACT_TYPE_CHOICES = [(t, ACT_TYPE_LABELS.get(t, t.replace("_", " "))) for types in ACT_GROUPS.values() for t in types]


class ActStatus(models.TextChoices):
    ALLEGED = "alleged", _("Alleged")
    CONFIRMED = "confirmed", _("Confirmed")
    DISPUTED = "disputed", _("Disputed")


class Review(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ProvisionRelation(models.TextChoices):
    SUSPECTED = "suspected", _("suspected")
    CHARGED = "charged", _("charged")
    CONVICTED = "convicted", _("convicted")
    ACQUITTED = "acquitted", _("acquitted")
    DROPPED = "dropped", _("dropped")


class PenaltyKind(models.TextChoices):
    IMPRISONMENT = "imprisonment", _("imprisonment")
    RESTRICTION_OF_FREEDOM = "restriction_of_freedom", _("restriction of freedom")
    SUSPENDED_SENTENCE = "suspended_sentence", _("suspended sentence")
    ADMINISTRATIVE_DETENTION = "administrative_detention", _("administrative detention")
    FINE = "fine", _("fine")
    ACTIVITY_BAN = "activity_ban", _("activity ban")
    INTERNET_BAN = "internet_ban", _("internet ban")
    COMPULSORY_TREATMENT = "compulsory_treatment", _("compulsory treatment")
    OTHER = "other", _("other")


class PenaltyUnit(models.TextChoices):
    DAYS = "days", _("days")
    MONTHS = "months", _("months")
    YEARS = "years", _("years")
    KZT = "KZT", "KZT"
    EUR = "EUR", "EUR"
    MCI = "MCI", _("MCI")


class InvolvementRole(models.TextChoices):
    ORDERED = "ordered", _("ordered")
    CARRIED_OUT = "carried_out", _("carried out")
    INVESTIGATED = "investigated", _("investigated")
    PROSECUTED = "prosecuted", _("prosecuted")
    JUDGED = "judged", _("judged")
    COMPLAINED = "complained", _("complained")
    FAILED_TO_ACT = "failed_to_act", _("failed to act")


class ActQuerySet(RecordQuerySet):
    def visible_to(self, user):
        """An act is seen only with its victim: an anonymous victim's acts stay hidden.

        Anonymous visitors see accepted acts only.
        """
        allowed = levels_for(user)
        qs = self.filter(sensitivity__in=allowed).filter(
            Q(victim_person__isnull=True) | Q(victim_person__sensitivity__in=allowed),
            Q(victim_organisation__isnull=True) | Q(victim_organisation__sensitivity__in=allowed),
        )
        if not getattr(user, "is_authenticated", False):
            qs = qs.filter(review=Review.ACCEPTED)
        return qs


class Act(Record):
    UID_PREFIX = "act_"

    act_type = models.CharField(max_length=32, choices=ACT_TYPE_CHOICES)
    victim_person = models.ForeignKey("records.Person", null=True, blank=True, on_delete=models.CASCADE,
                                      related_name="acts")
    victim_organisation = models.ForeignKey("records.Organisation", null=True, blank=True,
                                            on_delete=models.CASCADE, related_name="acts_suffered")
    event = models.ForeignKey("records.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="acts")
    date = models.CharField(max_length=10, blank=True, db_index=True)
    date_end = models.CharField(max_length=10, blank=True)
    place = models.ForeignKey("records.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="acts")
    description = ConfidentialTextField(blank=True)
    status = models.CharField(max_length=12, choices=ActStatus.choices, default=ActStatus.ALLEGED)
    review = models.CharField(max_length=12, choices=Review.choices, default=Review.ACCEPTED)
    penalty_kind = models.CharField(max_length=32, choices=PenaltyKind.choices, blank=True)
    penalty_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    penalty_unit = models.CharField(max_length=8, choices=PenaltyUnit.choices, blank=True)
    court = models.ForeignKey("records.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="sentences_given")

    objects = live_manager(ActQuerySet)

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["victim_person", "date"]), models.Index(fields=["act_type", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(victim_person__isnull=False, victim_organisation__isnull=True)
                | Q(victim_person__isnull=True, victim_organisation__isnull=False),
                name="act_has_one_victim",
            )
        ]

    @property
    def group(self):
        return GROUP_OF.get(self.act_type, "")

    @property
    def victim(self):
        return self.victim_person or self.victim_organisation

    @property
    def type_label(self):
        return self.get_act_type_display()

    def penalty_text(self):
        if not self.penalty_kind:
            return ""
        amount = self.penalty_amount
        if amount is not None:
            amount = int(amount) if amount == int(amount) else amount
            return f"{self.get_penalty_kind_display()}: {amount} {self.get_penalty_unit_display()}".strip()
        return str(self.get_penalty_kind_display())

    def __str__(self):
        return f"{self.act_type} {self.date} {self.victim}"


class ActProvision(models.Model):
    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="act_provisions")
    provision = models.ForeignKey("records.Provision", on_delete=models.PROTECT, related_name="act_provisions")
    relation = models.CharField(max_length=12, choices=ProvisionRelation.choices, default=ProvisionRelation.CHARGED)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["act", "provision"], name="act_provision_once")]


class Involvement(models.Model):
    act = models.ForeignKey(Act, on_delete=models.CASCADE, related_name="involvements")
    perpetrator_person = models.ForeignKey("records.Person", null=True, blank=True, on_delete=models.CASCADE,
                                           related_name="involvements")
    perpetrator_organisation = models.ForeignKey("records.Organisation", null=True, blank=True,
                                                 on_delete=models.CASCADE, related_name="involvements")
    role = models.CharField(max_length=16, choices=InvolvementRole.choices, default=InvolvementRole.CARRIED_OUT)

    class Meta:
        ordering = ["id"]

    @property
    def perpetrator(self):
        return self.perpetrator_person or self.perpetrator_organisation
