from django import forms
from django.utils.translation import gettext_lazy as _

from qorgau.records.forms import PartialDateField
from qorgau.records.models import Act, Person, Sensitivity

from .models import Channel, Response, Target, UAStatus


class UrgentActionForm(forms.Form):
    number = forms.CharField(max_length=20, label=_("Number"), help_text=_("As NGOs write it: 63/18."))
    title = forms.CharField(max_length=300, label=_("Headline"))
    issued = PartialDateField(label=_("Issue date"))
    deadline = PartialDateField(label=_("Deadline"))
    persons = forms.CharField(label=_("Persons concerned"), required=False,
                              help_text=_("Identifiers, separated by commas (per_…)."))
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
    sensitivity = forms.ChoiceField(choices=Sensitivity.choices, initial="public", label=_("Who may see it"))

    def __init__(self, *args, user=None, persons=(), fixed_number=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        person_ids = [p.pk for p in persons]
        self.fields["acts"].queryset = Act.objects.visible_to(user).filter(victim_person__in=person_ids) \
            .select_related("victim_person").order_by("date")
        self.fields["acts"].label_from_instance = lambda a: f"{a.date or '—'} {a.act_type.replace('_', ' ')} — {a.victim_person}"
        self.fields["targets"].queryset = Target.objects.visible_to(user).filter(valid_to="") \
            .select_related("holder").order_by("office")
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
        return data

    def action_fields(self):
        data = dict(self.cleaned_data)
        data["targets"] = [(t, "to") for t in data["targets"]]
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
    emails = forms.CharField(required=False, label=_("Emails"), help_text=_("Separated by commas."))
    valid_from = PartialDateField(label=_("Holds the office from"))
    valid_to = PartialDateField(label=_("Until"))

    class Meta:
        model = Target
        fields = ["office", "holder_name", "address", "fax", "emails", "phone", "salutation", "salutation_ru",
                  "salutation_kk", "valid_from", "valid_to", "sensitivity"]
        labels = {"office": _("Office"), "holder_name": _("Holder"), "fax": _("Fax"), "phone": _("Phone"),
                  "salutation": _("Salutation (English)"), "salutation_ru": _("Salutation (Russian)"),
                  "salutation_kk": _("Salutation (Kazakh)"), "sensitivity": _("Who may see it")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["address"] = "\n".join(self.instance.address or [])
            self.initial["emails"] = ", ".join(self.instance.emails or [])

    def clean_address(self):
        return [line.strip() for line in self.cleaned_data["address"].splitlines() if line.strip()]

    def clean_emails(self):
        emails = [e.strip() for e in self.cleaned_data["emails"].split(",") if e.strip()]
        validator = forms.EmailField()
        for email in emails:
            validator.clean(email)
        return emails
