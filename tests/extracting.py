"""Shared by the extraction tests built from made-up sentences: what the pipeline reads in one text."""

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions


def dates(text, published):
    """The values of the dates found in `text`, in order."""
    return [d.value for d in find_dates(text, published)]


def acts(text, published):
    """(first victim, act type, date) of every act proposed for `text`."""
    mentions = find_persons(text)
    return {(p.victims[0], p.act_type, p.date) for p in find_acts(
        text, mentions, find_dates(text, published), find_provisions(text), published=published)
        if p.kind == "act" and p.victims}
