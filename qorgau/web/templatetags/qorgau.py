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
    from qorgau.records.links import url_for

    return url_for(record)
