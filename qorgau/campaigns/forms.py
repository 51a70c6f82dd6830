from django import forms
from django.utils.translation import gettext_lazy as _

from qorgau.lib.dates import partial_date_order
from qorgau.records.forms import PartialDateField
from qorgau.records.models import Act, Person, Sensitivity

from .directory import directory
from .models import Channel, Response, Target, UAStatus


class PersonPicker(forms.TextInput):
    """Identifiers (per_…) kept in a text box, found with a search-as-you-type box by any spelling."""

    def render(self, name, value, attrs=None, renderer=None):
        # The text box as Django draws it, inside the project's picker template (it uses {% url %} and i18n).
        from django.template.loader import render_to_string
        from django.utils.safestring import mark_safe

        attrs = {**(attrs or {}), "data-picked": ""}
        field = super().render(name, value, attrs, renderer)
        return mark_safe(render_to_string("campaigns/_person_picker.html", {"field": field, "id": attrs.get("id", "")}))


class UrgentActionForm(forms.Form):
    number = forms.CharField(max_length=20, label=_("Number"), help_text=_("As NGOs write it: 63/18."))
    title = forms.CharField(max_length=300, label=_("Headline"))
    issued = PartialDateField(label=_("Issue date"))
    deadline = PartialDateField(label=_("Deadline"))
    persons = forms.CharField(label=_("Persons concerned"), required=False, widget=PersonPicker,
                              help_text=_("Search by name and pick; or type identifiers, separated by commas (per_…)."))
    acts = forms.ModelMultipleChoiceField(queryset=Act.objects.none(), required=False, to_field_name="uid",
                                          widget=forms.CheckboxSelectMultiple, label=_("Acts concerned"))
    asks = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label=_("What to ask for"),
                           help_text=_("One request per line."))
    background = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False, label=_("Background"))
    languages = forms.MultipleChoiceField(choices=[("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")],
                                          widget=forms.CheckboxSelectMultiple, required=False,
                                          label=_("Languages for appeals"))
    targets = forms.ModelMultipleChoiceField(queryset=Target.objects.none(), required=False, to_field_name="uid",
                                             widget=forms.CheckboxSelectMultiple, label=_("Write to"))
    sensitivity = forms.ChoiceField(choices=Sensitivity.choices, initial="internal", label=_("Who may see it"))
    publish_without_consent = forms.BooleanField(
        required=False, label=_("Publish although consent to publication is not recorded"),
        help_text=_("Only when the person or their family asked for the campaign, or the case is already public."))

    def __init__(self, *args, user=None, persons=(), fixed_number=False, published=(), **kwargs):
        """`published`: persons an already public version of this UA names; they need no new confirmation."""
        super().__init__(*args, **kwargs)
        self.user = user
        self.persons = list(persons)
        already = {p.pk for p in published}
        self.unconsented = [p for p in self.persons if p.consent != "granted" and p.pk not in already]
        if self.unconsented:
            self.fields["sensitivity"].help_text = _(
                "Consent to publication is not recorded for %(names)s: a public Urgent Action names them to "
                "everyone.") % {"names": ", ".join(p.name for p in self.unconsented)}
        else:
            del self.fields["publish_without_consent"]
        person_ids = [p.pk for p in persons]
        self.fields["acts"].queryset = Act.objects.visible_to(user).filter(victim_person__in=person_ids) \
            .select_related("victim_person").order_by(*partial_date_order("date", reader=user), "id")
        self.fields["acts"].label_from_instance = lambda a: f"{a.date or '—'} {a.act_type.replace('_', ' ')} — {a.victim_person}"
        # One checkbox per office (the directory's entry for it), plus any entry this UA already writes to.
        current = Target.objects.visible_to(user).filter(valid_to="").select_related("holder").order_by("office")
        chosen = {t.pk for t in self.initial.get("targets") or [] if hasattr(t, "pk")}
        shown = {t.pk for t, _others in directory(current, user)} | chosen
        self.fields["targets"].queryset = current.filter(pk__in=shown)
        if fixed_number:
            self.fields["number"].disabled = True

    def clean_persons(self):
        uids = [u.strip() for u in self.cleaned_data.get("persons", "").replace(";", ",").split(",") if u.strip()]
        persons = list(Person.objects.visible_to(self.user).filter(uid__in=uids))
        missing = set(uids) - {p.uid for p in persons}
        if missing:
            raise forms.ValidationError(_("No such person: %(uids)s.") % {"uids": ", ".join(sorted(missing))})
        return persons

    def clean_asks(self):
        asks = [line.strip() for line in self.cleaned_data["asks"].splitlines() if line.strip()]
        if not asks:
            raise forms.ValidationError(_("Say at least one thing to ask for."))
        return asks

    def clean(self):
        data = super().clean()
        if data.get("issued") and data.get("deadline") and data["deadline"] < data["issued"]:
            self.add_error("deadline", _("The deadline cannot come before the issue date."))
        if data.get("sensitivity") == "public" and self.unconsented and not data.get("publish_without_consent"):
            self.add_error("sensitivity", _("Consent to publication is not recorded for %(names)s. Record it on "
                                            "the person's page, keep the Urgent Action internal, or confirm below "
                                            "that it may be published.")
                           % {"names": ", ".join(p.name for p in self.unconsented)})
        return data

    def action_fields(self):
        data = dict(self.cleaned_data)
        data["targets"] = [(t, "to") for t in data["targets"]]
        data.pop("publish_without_consent", None)
        data.pop("number", None) if self.fields["number"].disabled else None
        return data


class ResponseForm(forms.Form):
    response = forms.ChoiceField(choices=[("", "—")] + Response.choices, required=False, label=_("Authorities' response"))
    impact = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, label=_("Impact"))
    status = forms.ChoiceField(choices=UAStatus.choices, label=_("Status"))


class ReportForm(forms.Form):
    channel = forms.ChoiceField(choices=Channel.choices, label=_("What did you do?"))
    count = forms.IntegerField(min_value=1, max_value=100, initial=1, label=_("How many?"))
    country = forms.CharField(max_length=2, min_length=2, required=False, label=_("Your country (optional)"),
                              help_text=_("Two letters, e.g. DE. Nothing else about you is asked or kept."))


class TargetForm(forms.ModelForm):
    address = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False, label=_("Postal address"),
                              help_text=_("One line per line."))
    address_ru = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                 label=_("Postal address in Russian"),
                                 help_text=_("For letters in Russian; leave empty for an address abroad."))
    address_kk = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                 label=_("Postal address in Kazakh"),
                                 help_text=_("For letters in Kazakh; leave empty for an address abroad."))
    emails = forms.CharField(required=False, label=_("Emails"), help_text=_("Separated by commas."))
    valid_from = PartialDateField(label=_("Holds the office from"))
    valid_to = PartialDateField(label=_("Until"))

    class Meta:
        model = Target
        fields = ["office", "office_ru", "office_kk", "holder_name", "address", "address_ru", "address_kk", "fax",
                  "emails", "phone", "salutation", "salutation_ru", "salutation_kk", "through_authorities",
                  "valid_from", "valid_to", "sensitivity"]
        labels = {"office": _("Office"), "office_ru": _("Office in Russian"), "office_kk": _("Office in Kazakh"),
                  "through_authorities": _("Cannot act itself (a UN body, a foreign government, an embassy)"),
                  "holder_name": _("Holder"), "fax": _("Fax"), "phone": _("Phone"),
                  "salutation": _("Salutation (English)"), "salutation_ru": _("Salutation (Russian)"),
                  "salutation_kk": _("Salutation (Kazakh)"), "sensitivity": _("Who may see it")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("address", "address_ru", "address_kk"):
                self.initial[name] = "\n".join(getattr(self.instance, name) or [])
            self.initial["emails"] = ", ".join(self.instance.emails or [])

    def _lines(self, name):
        return [line.strip() for line in self.cleaned_data[name].splitlines() if line.strip()]

    def clean_address(self):
        return self._lines("address")

    def clean_address_ru(self):
        return self._lines("address_ru")

    def clean_address_kk(self):
        return self._lines("address_kk")

    def clean_emails(self):
        emails = [e.strip() for e in self.cleaned_data["emails"].split(",") if e.strip()]
        validator = forms.EmailField()
        for email in emails:
            validator.clean(email)
        return emails
