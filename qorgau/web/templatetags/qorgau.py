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
    """An act type or group in the reader's language; any other code with its underscores as spaces."""
    from qorgau.records.models.acts import ACT_TYPE_LABELS, GROUP_LABELS

    label = ACT_TYPE_LABELS.get(value) or GROUP_LABELS.get(value) if isinstance(value, str) else None
    return str(label) if label else str(value or "").replace("_", " ")


@register.filter
def custody_label(value):
    """A custody kind or an episode's end reason ("house_arrest", "term_served") in the reader's language."""
    from qorgau.analysis.models import custody_label as label

    return label(value)


@register.filter
def record_url(record):
    """A record's page; nothing for a record the reader may not see (templates get None for those)."""
    from qorgau.records.links import url_for
    from qorgau.records.policy import unwrap

    if record is None or record == "":
        return ""
    return url_for(unwrap(record))


@register.filter
def holder_name(target):
    from qorgau.records.policy import holder_name as shown

    return shown(target)


@register.filter
def edit_token(record, user):
    """What an edit form carries for `record` read by `user`: a token of the last save they could see, never the
    version number (which counts saves hidden from them; records/versions.py)."""
    from qorgau.records.versions import edit_token as token

    return token(record, user)
