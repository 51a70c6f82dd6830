"""Lists of persons as CSV files: reading another NGO's list, describing the database's persons, writing results.

A list is a CSV file with a header row. The name column is required; id, birth year and place are optional and
recognised under common English and Russian headings. Any common encoding is read (UTF-8, Windows-1251 …).
"""

import csv
import io
import os
import tempfile

from qorgau.documents.ingest import IngestError
from qorgau.documents.ingest.reading import decode
from qorgau.lib.sensitivity import CONFIDENTIAL, INTERNAL, PUBLIC, RANK, highest
from qorgau.lib.spreadsheets import safe_cell

HEADINGS = {
    "id": ("id", "record", "record id", "no", "no.", "number", "№", "номер"),
    "name": ("name", "full name", "person", "фио", "ф.и.о.", "имя", "аты-жөні"),
    "birth_year": ("birth_year", "birth year", "year of birth", "born", "год рождения", "туған жылы"),
    "place": ("place", "city", "region", "town", "место", "город", "регион", "қала"),
}


class ListError(Exception):
    """A list that cannot be read, with a sentence for the user."""


def _column(fields, key):
    folded = {field.strip().lower(): field for field in fields if field}
    for heading in HEADINGS[key]:
        if heading in folded:
            return folded[heading]
    return None


def read_list(path):
    """The records of a CSV list: [{id, name, birth_year, place}]. Raises ListError."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise ListError(f"{path}: {error.strerror}.") from None
    if not data.strip():
        raise ListError(f"{path} is empty.")
    try:
        text, _ = decode(os.path.basename(path), data)
    except IngestError as error:
        raise ListError(str(error)) from None
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    fields = reader.fieldnames or []
    columns = {key: _column(fields, key) for key in HEADINGS}
    if not columns["name"]:
        raise ListError(f"{path} has no name column: the first row should name the columns, one of them "
                        f"“name” (found: {', '.join(f for f in fields if f) or 'nothing'}).")
    records, seen = [], set()
    for number, row in enumerate(reader, start=2):
        record_id = (row.get(columns["id"]) or "").strip() if columns["id"] else str(number)
        if not record_id:
            raise ListError(f"{path}, line {number}: the id is empty.")
        if record_id in seen:
            raise ListError(f"{path}, line {number}: the id {record_id} appears twice.")
        seen.add(record_id)
        year = (row.get(columns["birth_year"]) or "").strip() if columns["birth_year"] else ""
        if year and not (year.isdigit() and 1850 <= int(year) <= 2100):
            raise ListError(f"{path}, line {number}: “{year}” is not a year of birth.")
        records.append({"id": record_id, "name": (row.get(columns["name"]) or "").strip(),
                        "birth_year": int(year) if year else None,
                        "place": (row.get(columns["place"]) or "").strip() if columns["place"] else None})
    if not records:
        raise ListError(f"{path} has a header but no records.")
    return records


def known_persons(*, include_confidential=False):
    """One row per name of every current person in the database, for `lists.link_against`.

    Confidential persons and names are left out unless asked for: the output would tell whoever reads it that
    the person is in the database."""
    from qorgau.records.models import Person, PersonName

    top = RANK[CONFIDENTIAL if include_confidential else INTERNAL]
    allowed = [level for level in (PUBLIC, INTERNAL, CONFIDENTIAL) if RANK[level] <= top]
    persons = (Person.objects.filter(merged_into__isnull=True, sensitivity__in=allowed)
               .select_related("home_place").only("uid", "name", "sensitivity", "birth_year", "home_place__name"))
    by_pk = {}
    for person in persons.iterator(chunk_size=5000):
        by_pk[person.pk] = person
        yield {"id": f"{person.uid}:0", "person": person.uid, "name": person.name, "birth_year": person.birth_year,
               "place": person.home_place.name if person.home_place else None}
    names = (PersonName.objects.filter(person__merged_into__isnull=True, person__sensitivity__in=allowed)
             .only("id", "name", "sensitivity", "person_id"))
    for name in names.iterator(chunk_size=5000):
        person = by_pk.get(name.person_id)
        if person is None or RANK[highest(name.sensitivity, person.sensitivity)] > top:
            continue
        yield {"id": f"{person.uid}:{name.pk}", "person": person.uid, "name": name.name,
               "birth_year": person.birth_year, "place": person.home_place.name if person.home_place else None}


def write_results(path, rows, header):
    """Write a CSV whole or not at all (a temporary file renamed into place)."""
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".qorgau-", suffix=".csv", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(header)
            writer.writerows([safe_cell(v) for v in row] for row in rows)  # names from a list file: never formulas
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
