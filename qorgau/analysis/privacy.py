"""What public analysis may name and what it may count (docs/analysis.md, "Privacy of aggregates").

A person whose consent to publication is not `granted` (unknown, or refused) is never named in a public list,
census, briefing or open-data file, even when their record is public: they appear only in counts, and a public
count that includes them is shown only when it holds at least QORGAU_MIN_PUBLIC_CELL people.
"""

from django.conf import settings


def is_public(reader):
    return reader is None or not getattr(reader, "is_authenticated", False)


def nameable(person, public):
    return not public or person.consent == "granted"


def shown_count(total, unnamed, public):
    """The total as a public page may show it: None ("fewer than N") when it holds someone not named and is small."""
    if not public or not unnamed or total >= settings.QORGAU_MIN_PUBLIC_CELL:
        return total
    return None
