from django import template
from django.utils.translation import gettext as _

from qorgau.lib.dates import display_date

register = template.Library()


@register.filter
def pdate(value):
    """A partial ISO date for reading; "date unknown" when empty."""
    return display_date(value) if value else _("date unknown")


@register.filter
def humanise(value):
    return str(value or "").replace("_", " ")


@register.filter
def record_url(record):
    from django.urls import reverse

    kind = type(record).__name__.lower()
    if kind == "recognition":
        return reverse("web:person", kwargs={"uid": record.person.uid})
    if kind == "act":
        victim = record.victim_person or record.victim_organisation
        return record_url(victim) + f"#{record.uid}"
    return reverse(f"web:{kind}", kwargs={"uid": record.uid})
