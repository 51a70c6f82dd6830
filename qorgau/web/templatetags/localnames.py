"""Record content in the reader's language: a person's name as the interface language writes it.

`{{ person|local_name }}` gives the person's name in the interface language when the record has one the reader may
see (a Russian or Kazakh spelling among the person's names), else the primary name. Kazakh readers fall back to
the Russian spelling and Russian readers to the Kazakh one before the Latin primary name: both read Cyrillic.
Names the reader may not see are never used (the page hands templates `Seen` records whose `names` are filtered).
"""

from django import template
from django.utils import translation

register = template.Library()

FALLBACK = {"ru": ("ru", "kk"), "kk": ("kk", "ru")}
SPELLINGS = ("alias", "transliteration")


def name_in(person, language):
    primary = person.name
    wanted = FALLBACK.get((language or "en").split("-")[0])
    if not wanted or _cyrillic(primary):
        return primary
    names = [n for n in person.names.all() if getattr(n, "kind", "alias") in SPELLINGS and n.name]
    for lang in wanted:
        for n in names:
            if n.lang == lang:
                return n.name
    return primary


def _cyrillic(text):
    return any("\u0400" <= ch <= "\u04ff" for ch in str(text or ""))


@register.filter
def local_name(person):
    if person is None:
        return ""
    return name_in(person, translation.get_language())
