"""Forms for creating and editing records, with messages a monitor understands."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from qorgau.lib.dates import PartialDateError, parse_partial_date

from .models import (ACT_TYPE_CHOICES, Event, Organisation, Person, Place, Provision, ProvisionRelation,
                     Sensitivity)
from .models.persons import PERSON_ROLES

DATE_HELP = _("A year (2018), a month (2018-03) or a day (2018-03-21).")


class PartialDateField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("help_text", DATE_HELP)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_partial_date(value) or ""
        except PartialDateError as error:
            raise ValidationError(str(error)) from None


class PlaceChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(queryset=Place.objects.order_by("name"), required=False, to_field_name="uid", **kwargs)


class PersonForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(choices=PERSON_ROLES, required=False, widget=forms.CheckboxSelectMultiple,
                                      label=_("Roles"))
    home_place = PlaceChoiceField(label=_("Home place"))

    class Meta:
        model = Person
        fields = ["name", "given_name", "family_name", "patronymic", "gender", "birth_year", "roles", "home_place",
                  "consent", "contact", "notes", "sensitivity"]
        labels = {"name": _("Primary name"), "given_name": _("Given name"), "family_name": _("Family name"),
                  "patronymic": _("Patronymic"), "gender": _("Gender"), "birth_year": _("Birth year"),
                  "consent": _("Consent to publication"), "contact": _("Contact details (confidential)"),
                  "notes": _("Notes"), "sensitivity": _("Who may see this person")}

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year is not None and not 1900 <= year <= 2026:
            raise ValidationError(_("A birth year between 1900 and today, please."))
        return year

    def clean(self):
        data = super().clean()
        if data.get("consent") == "refused" and data.get("sensitivity") == Sensitivity.PUBLIC:
            self.add_error("sensitivity", _("This person refused publication: they cannot be public."))
        return data


class NameForm(forms.Form):
    name = forms.CharField(max_length=300, label=_("Name"))
    lang = forms.ChoiceField(choices=[("", "—"), ("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")],
                             required=False, label=_("Language"))
    kind = forms.ChoiceField(choices=[("alias", _("Alias")), ("transliteration", _("Transliteration")),
                                      ("misspelling", _("Misspelling")), ("maiden", _("Maiden name"))],
                             label=_("Kind"))
    sensitivity = forms.ChoiceField(choices=Sensitivity.choices, initial="public", label=_("Who may see it"))


class OrganisationForm(forms.ModelForm):
    place = PlaceChoiceField(label=_("Place"))

    class Meta:
        model = Organisation
        fields = ["name", "kind", "place", "url", "notes", "sensitivity"]
        labels = {"name": _("Name"), "kind": _("Kind"), "url": _("Web site"), "notes": _("Notes"),
                  "sensitivity": _("Who may see it")}


class EventForm(forms.ModelForm):
    start = PartialDateField(label=_("Start"))
    end = PartialDateField(label=_("End"))

    class Meta:
        model = Event
        fields = ["title", "event_type", "start", "end", "places", "description", "sensitivity"]
        labels = {"title": _("Title"), "event_type": _("Type"), "places": _("Places"),
                  "description": _("Description"), "sensitivity": _("Who may see it")}

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end cannot come before the start."))
        return data


class ProvisionForm(forms.ModelForm):
    class Meta:
        model = Provision
        fields = ["code", "article", "part", "edition", "title_en", "title_ru", "title_kk"]
        labels = {"code": _("Code"), "article": _("Article"), "part": _("Part"), "edition": _("Edition"),
                  "title_en": _("Title (English)"), "title_ru": _("Title (Russian)"), "title_kk": _("Title (Kazakh)")}


def parse_provisions(text, user=None):
    """"CC-174:charged, CC-274" -> [(Provision, relation)], or a ValidationError naming the unknown one.

    With a user, a provision that user may not see is unknown too (the same message: nothing is revealed)."""
    pairs = []
    for chunk in [c.strip() for c in (text or "").replace(";", ",").split(",") if c.strip()]:
        uid, _sep, relation = chunk.partition(":")
        uid, relation = uid.strip().upper(), (relation.strip().lower() or "charged")
        provisions = Provision.objects.visible_to(user) if user is not None else Provision.objects.all()
        provision = provisions.filter(uid=uid).first()
        if provision is None:
            raise ValidationError(_("There is no provision %(uid)s. Write it like CC-174 or AOC-488, "
                                    "or add it on the provisions page first.") % {"uid": uid})
        if relation not in ProvisionRelation.values:
            raise ValidationError(_("“%(relation)s” is not one of: %(choices)s.")
                                  % {"relation": relation, "choices": ", ".join(ProvisionRelation.values)})
        pairs.append((provision, relation))
    return pairs


class ActForm(forms.Form):
    act_type = forms.ChoiceField(choices=ACT_TYPE_CHOICES, label=_("What was done"))
    date = PartialDateField(label=_("Date"))
    date_end = PartialDateField(label=_("Until"))
    place = PlaceChoiceField(label=_("Place"))
    provisions = forms.CharField(required=False, label=_("Provisions"),
                                 help_text=_("For example: CC-174:charged, CC-274:convicted"))
    penalty_kind = forms.ChoiceField(required=False, label=_("Penalty"),
                                     choices=[("", "—")] + [(k, k.replace("_", " ")) for k in (
                                         "imprisonment", "restriction_of_freedom", "suspended_sentence",
                                         "administrative_detention", "fine", "activity_ban", "internet_ban",
                                         "compulsory_treatment", "other")])
    penalty_amount = forms.DecimalField(required=False, min_value=0, max_digits=14, decimal_places=2,
                                        label=_("Amount"))
    penalty_unit = forms.ChoiceField(required=False, label=_("Unit"),
                                     choices=[("", "—"), ("days", _("days")), ("months", _("months")),
                                              ("years", _("years")), ("KZT", "KZT"), ("EUR", "EUR"),
                                              ("MCI", _("MCI"))])
    status = forms.ChoiceField(choices=[("alleged", _("Alleged")), ("confirmed", _("Confirmed")),
                                        ("disputed", _("Disputed"))], label=_("Status"))
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Description"))
    sensitivity = forms.ChoiceField(choices=Sensitivity.choices, label=_("Who may see it"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_provisions(self):
        return parse_provisions(self.cleaned_data.get("provisions"), self.user)

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("date_end") and data["date_end"] < data["date"]:
            self.add_error("date_end", _("The end cannot come before the start."))
        if data.get("penalty_amount") is not None and not data.get("penalty_kind"):
            self.add_error("penalty_kind", _("Say what kind of penalty this amount is."))
        if data.get("penalty_amount") is not None and not data.get("penalty_unit"):
            self.add_error("penalty_unit", _("Say whether the amount is in days, months, years or money."))
        return data
