"""Forms for creating and editing records, with messages a monitor understands."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from qorgau.lib.dates import PartialDateError, parse_partial_date

from . import policy

from .models import (ACT_TYPE_CHOICES, Event, Organisation, Person, Place, Provision, ProvisionRelation,
                     Sensitivity)
from .models.acts import InvolvementRole
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
    # Places are offered by uid, not by row number: the gaps between the numbers would count the places the
    # editor may not see (session 17).
    places = forms.ModelMultipleChoiceField(queryset=Place.objects.order_by("name"), required=False,
                                            to_field_name="uid", label=_("Places"))

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


def _rows_for(model, user):
    """The rows `user` may name: `policy.SYSTEM` (a system job) all of them; None is the public, never everything."""
    return model.objects.all() if user is policy.SYSTEM else model.objects.visible_to(user)


def parse_provisions(text, *, user):
    """"CC-174:charged, CC-274" -> [(Provision, relation)], or a ValidationError naming the unknown one.

    A provision the reader (`user`; `policy.SYSTEM` for a system job) may not see is unknown too (the same
    message: nothing is revealed)."""
    pairs = []
    for chunk in [c.strip() for c in (text or "").replace(";", ",").split(",") if c.strip()]:
        uid, _sep, relation = chunk.partition(":")
        uid, relation = uid.strip().upper(), (relation.strip().lower() or "charged")
        provisions = _rows_for(Provision, user)
        provision = provisions.filter(uid=uid).first()
        if provision is None:
            raise ValidationError(_("There is no provision %(uid)s. Write it like CC-174 or AOC-488, "
                                    "or add it on the provisions page first.") % {"uid": uid})
        if relation not in ProvisionRelation.values:
            raise ValidationError(_("“%(relation)s” is not one of: %(choices)s.")
                                  % {"relation": relation, "choices": ", ".join(ProvisionRelation.values)})
        pairs.append((provision, relation))
    return pairs


def _perpetrator(reference, user):
    """A person or organisation the user may see, by its id (per_…, org_…) or its exact primary name."""
    reference = reference.strip()
    for model in (Person, Organisation):
        rows = _rows_for(model, user)
        if reference.lower().startswith(model.UID_PREFIX):
            found = rows.filter(uid=reference.lower()).first()
            if found is not None:
                return found
            continue
    matches = []
    for model in (Person, Organisation):
        rows = _rows_for(model, user)
        if model is Person:
            rows = rows.filter(merged_into__isnull=True)
        matches += list(rows.filter(name__iexact=reference)[:2])
    if len(matches) > 1:
        raise ValidationError(_("“%(name)s” names more than one person or organisation: write its id "
                                "(per_… or org_…) instead.") % {"name": reference})
    if not matches:
        raise ValidationError(_("There is no person or organisation “%(name)s”. Write its name as recorded or its "
                                "id (per_… or org_…), or add it first.") % {"name": reference})
    return matches[0]


def parse_perpetrators(text, *, user):
    """"Police of Almaty:carried_out, per_…:ordered" -> [(Person|Organisation, role)].

    The role comes after the last colon (carried out when left out). A record the user may not see is unknown,
    with the same message as a record that does not exist."""
    pairs, roles = [], {value: str(label) for value, label in InvolvementRole.choices}
    by_label = {label.lower(): value for value, label in roles.items()}
    for chunk in [c.strip() for c in (text or "").replace(";", ",").split(",") if c.strip()]:
        reference, role = chunk, "carried_out"
        head, sep, tail = chunk.rpartition(":")
        if sep and head.strip():
            key = tail.strip().lower()
            role = key if key in roles else by_label.get(key) or by_label.get(key.replace("_", " "))
            if role is None:
                raise ValidationError(_("“%(role)s” is not one of: %(choices)s.")
                                      % {"role": tail.strip(), "choices": ", ".join(roles)})
            reference = head
        pairs.append((_perpetrator(reference, user), role))
    return pairs


def find_person(reference, user):
    """A person the user may see, by id or exact primary name; unknown and hidden read alike."""
    found = _perpetrator(reference, user)
    if not isinstance(found, Person):
        raise ValidationError(_("There is no person or organisation “%(name)s”. Write its name as recorded or its "
                                "id (per_… or org_…), or add it first.") % {"name": reference.strip()})
    return found


class RelativeForm(forms.Form):
    relation = forms.ChoiceField(label=_("This person is"))
    other = forms.CharField(max_length=300, label=_("Of"), help_text=_("A person's name as recorded, or their id."))

    def __init__(self, *args, user, **kwargs):
        from .models.persons import RELATIVE_KINDS, Relation

        super().__init__(*args, **kwargs)
        self.user = user
        labels = dict(Relation.choices)
        self.fields["relation"].choices = [(kind, labels[kind]) for kind in RELATIVE_KINDS]

    def clean_other(self):
        return find_person(self.cleaned_data.get("other", ""), self.user)


class DocumentChoiceField(forms.ModelChoiceField):
    """A source: one of the documents a citation points at (the documents app sits above records, so the model is
    reached through the citation's link rather than imported)."""

    def __init__(self, **kwargs):
        from .models import Citation

        document = Citation._meta.get_field("document").related_model
        super().__init__(queryset=document.objects.order_by("title"), required=False, to_field_name="uid", **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.uid})"


class ActForm(forms.Form):
    act_type = forms.ChoiceField(choices=ACT_TYPE_CHOICES, label=_("What was done"))
    date = PartialDateField(label=_("Date"))
    date_end = PartialDateField(label=_("Until"))
    place = PlaceChoiceField(label=_("Place"))
    provisions = forms.CharField(required=False, label=_("Provisions"),
                                 help_text=_("For example: CC-174:charged, CC-274:convicted"))
    perpetrators = forms.CharField(
        required=False, label=_("Perpetrators"),
        help_text=_("Persons or organisations, by name or id, each with its role after a colon, for example: "
                    "Almaty city police:carried_out, per_…:ordered. Roles: %(roles)s.")
        % {"roles": ", ".join(InvolvementRole.values)})
    source = DocumentChoiceField(label=_("Source"), help_text=_("The document that reports this act."))
    source_page = forms.IntegerField(required=False, min_value=1, max_value=100000, label=_("Page"))
    source_passage = forms.CharField(required=False, max_length=500, label=_("Passage"),
                                     widget=forms.Textarea(attrs={"rows": 2}),
                                     help_text=_("The words of the source that report it (up to 500 characters)."))
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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_provisions(self):
        return parse_provisions(self.cleaned_data.get("provisions"), user=self.user)

    def clean_perpetrators(self):
        return parse_perpetrators(self.cleaned_data.get("perpetrators"), user=self.user)

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("date_end") and data["date_end"] < data["date"]:
            self.add_error("date_end", _("The end cannot come before the start."))
        if data.get("penalty_amount") is not None and not data.get("penalty_kind"):
            self.add_error("penalty_kind", _("Say what kind of penalty this amount is."))
        if data.get("penalty_amount") is not None and not data.get("penalty_unit"):
            self.add_error("penalty_unit", _("Say whether the amount is in days, months, years or money."))
        if (data.get("source_page") or data.get("source_passage")) and not data.get("source") \
                and "source" in self.fields:
            self.add_error("source", _("Choose the document the page or passage is from."))
        return data

    def act_data(self, data):
        """The cleaned data as do_create_act / do_update_act take it: the source becomes `sources`."""
        data = dict(data)
        source, page, passage = data.pop("source", None), data.pop("source_page", None), data.pop("source_passage", "")
        if "source" in self.fields:
            data["sources"] = [(source, {"page": page, "text": passage or ""})] if source is not None else []
        return data
