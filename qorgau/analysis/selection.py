"""Choosing the persons of a briefing: by record ids, by a list, or by the statistics filter."""

from django.utils.translation import gettext as _

from qorgau.records.models import Person

from .models import ListEntry
from .privacy import is_public, nameable, nameable_in_public
from .statistics import Filters, visible_acts


class SelectionError(ValueError):
    pass


MAX_PERSONS = 200  # persons by id in one briefing
NAMED_AT_MOST = 10  # unknown ids named in the refusal
ID_CHARS = 64  # a record id is at most this long (Record.uid)


def persons_for(reader, *, uids=(), list_slug="", filters=None, limit=200):
    """Persons the reader may see, in a stable order; unknown or hidden ids are an error naming them.

    For the public (an anonymous reader) only persons who granted consent to publication are named: an explicit
    id of anyone else is an error; a list or filter leaves them out (docs/analysis.md)."""

    persons = Person.objects.visible_to(reader).prefetch_related("names")
    public = is_public(reader)
    if uids:
        uids = list(dict.fromkeys(uids))
        if len(uids) > MAX_PERSONS:
            raise SelectionError(_("At most %(most)s persons by id in one briefing; %(n)s were given. Use a list or "
                                   "the statistics filter for more.") % {"most": MAX_PERSONS, "n": f"{len(uids):,}"})
        found = {p.uid: p for p in persons.filter(uid__in=uids)}
        missing = [uid for uid in uids if uid not in found]
        if missing:  # named, but not all of them, nor more of each than an id can hold (s13 audit)
            named = [uid if len(uid) <= ID_CHARS else uid[:ID_CHARS] + "…" for uid in missing[:NAMED_AT_MOST]]
            if len(missing) > NAMED_AT_MOST:
                raise SelectionError(_("No such person: %(ids)s and %(n)s more.")
                                     % {"ids": ", ".join(named), "n": f"{len(missing) - NAMED_AT_MOST:,}"})
            raise SelectionError(_("No such person: %(ids)s.") % {"ids": ", ".join(named)})
        unconsented = [uid for uid in uids if not nameable(found[uid], public)]
        if unconsented:
            raise SelectionError(_("Consent to publication is not recorded for %(ids)s: a public briefing does not "
                                   "name them.") % {"ids": ", ".join(unconsented)})
        return [found[uid] for uid in uids]
    if public:
        persons = persons.filter(nameable_in_public())
    if list_slug:
        import datetime

        # On the list today by the dates the reader may read (a removal kept above their level has not happened
        # for them, as on the list's page).
        entries = ListEntry.objects.visible_to(reader).filter(prisoner_list__slug=list_slug).on(
            datetime.date.today().isoformat(), reader=reader)
        if not entries.exists():
            shown = list_slug if len(list_slug) <= 60 else list_slug[:60] + "…"  # a slug is at most 60 characters
            raise SelectionError(_("No list “%(list)s” with current entries.") % {"list": shown})
        return _at_most(persons.filter(id__in=entries.values("person")).order_by("name"), limit)
    if filters is not None:
        acts = visible_acts(reader, filters)
        return _at_most(persons.filter(id__in=acts.values("victim_person")).order_by("name"), limit)
    raise SelectionError("Choose persons: --person UID, --list SLUG or --filter KEY=VALUE.")


def _at_most(persons, limit):
    """The persons, or an error saying how many there are when more than `limit` (a briefing on the first 200 of a
    longer list, without a word, read as a briefing on the whole list)."""
    chosen = list(persons[:limit + 1])
    if len(chosen) > limit:
        raise SelectionError(_("%(n)s persons are chosen; a briefing holds at most %(most)s. Narrow the choice with "
                               "the statistics filter (an article, a region, dates).")
                             % {"n": f"{persons.count():,}", "most": limit})
    return chosen


def filters_from_pairs(pairs):
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in Filters.__dataclass_fields__:
            raise SelectionError(f"“{pair}” is not a filter. Use KEY=VALUE with KEY one of "
                                 f"{', '.join(Filters.__dataclass_fields__)}.")
        values[key] = value
    filters, problems = Filters.checked(values)
    if problems:
        raise SelectionError(" ".join(problems))
    return filters
