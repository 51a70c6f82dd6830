"""Importing another organisation's list of political prisoners from a spreadsheet.

Columns (headings in English or Russian): `name` (required), `date` (added to their list; a partial date),
`article` (`405`, `CC-405`, several with `|`), `status`, and optionally `name_ru`, `birth_year`, `reasons`,
`date_removed`, `removal_reason`.

Every row is checked before anything is written; one bad row refuses the whole file, with a message per row.
Each name is linked to our persons with the resolver's scoring: a certain match (score >= the resolver's
automatic threshold, never a confidential person) becomes the entry's person; otherwise a new person is created
at the list's level, and the resolver queues the likely pairs for a reviewer (/resolution/).
"""

import re
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction

from qorgau.lib.dates import PartialDateError, parse_partial_date
from qorgau.lib.spreadsheets import read_table
from qorgau.records.actions import do_create_person
from qorgau.records.models import Person

from .actions import do_add_list_entry, do_remove_list_entry
from .models import ListEntry, RemovalReason

HEADINGS = {
    "фио": "name", "имя": "name", "ф.и.о.": "name", "аты-жөні": "name", "full_name": "name",
    "дата": "date", "дата_включения": "date", "date_added": "date", "added": "date",
    "статья": "article", "статьи": "article", "articles": "article", "бап": "article",
    "статус": "status", "имя_ru": "name_ru", "год_рождения": "birth_year", "причины": "reasons",
    "дата_исключения": "date_removed", "removed": "date_removed", "причина_исключения": "removal_reason",
}
STATUSES = {
    "political_prisoner": "political_prisoner", "political prisoner": "political_prisoner",
    "политзаключенный": "political_prisoner", "политзаключённый": "political_prisoner",
    "политический заключенный": "political_prisoner", "саяси тұтқын": "political_prisoner",
    "prisoner_of_conscience": "prisoner_of_conscience", "prisoner of conscience": "prisoner_of_conscience",
    "узник совести": "prisoner_of_conscience", "ар-ождан тұтқыны": "prisoner_of_conscience",
    "persecuted": "persecuted", "преследуемый": "persecuted", "под преследованием": "persecuted",
}
ARTICLE = re.compile(r"^(?:(CC|AOC|CC1997)-)?(\d{1,4})(?:[.-](\d{1,2}))?$", re.I)


@dataclass
class Row:
    number: int
    name: str
    name_ru: str = ""
    date: str = ""
    status: str = "political_prisoner"
    articles: list = field(default_factory=list)
    birth_year: int | None = None
    reasons: str = ""
    date_removed: str = ""
    removal_reason: str = ""
    person: Person | None = None      # a certain match among our persons
    score: float = 0.0
    outcome: str = ""


def parse_rows(rows):
    """(good rows, problems) — a problem is "Row N: why"."""
    good, problems = [], []
    for number, cells in rows:
        row, why = Row(number=number, name=cells.get("name", "")), []
        if not row.name:
            why.append("no name")
        elif len(row.name) > 300:
            why.append("the name is longer than 300 characters")
        row.name_ru = cells.get("name_ru", "")[:300]
        for key in ("date", "date_removed"):
            try:
                setattr(row, key, parse_partial_date(cells.get(key, "")) or "")
            except PartialDateError as error:
                why.append(f"{key}: {error}")
        if not row.date and not any(w.startswith("date:") for w in why):
            why.append("no date added (write 2021, 2021-03 or 2021-03-14)")
        status = cells.get("status", "").strip().lower()
        if status:
            if status not in STATUSES:
                why.append(f"status “{cells['status']}” is not one of {', '.join(sorted(set(STATUSES.values())))}")
            else:
                row.status = STATUSES[status]
        for token in filter(None, (t.strip() for t in re.split(r"[|,;]", cells.get("article", "")))):
            token = re.sub(r"^(ст\.?|статья|art\.?|article)\s*", "", token, flags=re.I).strip()
            match = ARTICLE.match(token)
            if not match:
                why.append(f"article “{token}” is not an article (405, CC-405, AOC-488)")
            else:
                code, article, part = match.groups()
                row.articles.append(f"{(code or 'CC').upper()}-{article}" + (f".{part}" if part else ""))
        year = cells.get("birth_year", "")
        if year:
            if not year.isdigit() or not 1900 <= int(year) <= 2025:
                why.append(f"birth year “{year}” is not a year")
            else:
                row.birth_year = int(year)
        row.reasons = cells.get("reasons", "")
        reason = cells.get("removal_reason", "").strip().lower()
        if row.date_removed:
            row.removal_reason = reason or "other"
            if row.removal_reason not in RemovalReason.values:
                why.append(f"removal reason “{reason}” is not one of {', '.join(RemovalReason.values)}")
            elif row.date_removed < row.date:
                why.append("removed before being added")
        if why:
            problems.append(f"Row {number}: " + "; ".join(why) + ".")
        else:
            good.append(row)
    return good, problems


def match_persons(rows, *, reader):
    """Give each row its best existing person when the resolver is certain (never a confidential person), on what
    `reader` may see (`policy.SYSTEM` for the command line)."""
    from qorgau.resolution.matching import match_rows

    return match_rows(rows, reader=reader)


def hold_list(prisoner_list):
    """Hold the list's row until the import commits (as the bulk add does): two imports (or an import and a bulk
    add) at once write one after the other, and the second sees the first's entries. Returns True when another
    writer held it first: then persons it created are not yet known to the rows matched before."""
    rows = type(prisoner_list)._base_manager.select_for_update
    if connection.vendor != "postgresql":
        list(rows().filter(pk=prisoner_list.pk).values_list("pk"))  # SQLite: one writer at a time anyway
        return False
    try:
        with transaction.atomic():
            list(rows(nowait=True).filter(pk=prisoner_list.pk).values_list("pk"))
        return False
    except DatabaseError:
        list(rows().filter(pk=prisoner_list.pk).values_list("pk"))
        return True


def import_list(prisoner_list, rows, *, actor, reader, level="internal", source=""):
    """Write the entries (one transaction); returns the rows with what happened to each. `reader`: who matched the
    rows (`policy.SYSTEM` for the command line); rows without a person are matched again when another writer
    held the list first."""
    from qorgau.resolution.actions import resolve

    with transaction.atomic():
        if hold_list(prisoner_list):
            match_persons([row for row in rows if row.person is None], reader=reader)
        created = []
        for row in rows:
            person = row.person
            if person is None:
                person = do_create_person(actor=actor, name=row.name, sensitivity=level,
                                          names=[{"name": row.name_ru, "lang": "ru"}] if row.name_ru else [],
                                          **({"birth_year": row.birth_year} if row.birth_year else {}))
                created.append(person)
                row.outcome = "new person"
            else:
                row.outcome = f"linked to {person.uid} (score {row.score:.2f})"
            if ListEntry.objects.filter(prisoner_list=prisoner_list, person=person, date_added=row.date).exists():
                row.outcome += ", already on the list"
                continue
            reasons = "\n".join(filter(None, [row.reasons, f"Articles: {', '.join(row.articles)}" if row.articles
                                              else "", f"Imported from {source}" if source else ""]))
            entry = do_add_list_entry(prisoner_list, actor=actor, person=person, date_added=row.date,
                                      status=row.status, reasons=reasons, sensitivity=level)
            if row.date_removed:
                do_remove_list_entry(entry, actor=actor, date_removed=row.date_removed, reason=row.removal_reason)
        queued = resolve(actor=actor, persons=created)["queued"] if created else 0
    return rows, queued


def read_list(path):
    _headers, rows = read_table(path, required=("name",), aliases=HEADINGS)
    return parse_rows(rows)

