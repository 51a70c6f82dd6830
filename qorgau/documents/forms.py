from django import forms
from django.utils.translation import gettext_lazy as _

from qorgau.records.forms import PartialDateField
from qorgau.records.models import Organisation

from .models import Document


class DocumentForm(forms.ModelForm):
    published = PartialDateField(label=_("Published"))
    publisher = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"), required=False,
                                       to_field_name="uid", label=_("Publisher"))

    class Meta:
        model = Document
        fields = ["title", "publisher", "published", "language", "kind", "reliability", "url", "reference", "text",
                  "sensitivity"]
        labels = {"title": _("Title"), "language": _("Language"), "kind": _("Kind"), "reliability": _("Reliability"),
                  "url": _("Address (URL)"), "reference": _("Index number"), "text": _("Text"),
                  "sensitivity": _("Who may see it")}
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publisher"].queryset = Organisation.objects.visible_to(user).order_by("name")
