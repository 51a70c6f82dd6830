"""Spreadsheets in: persons and acts from a CSV or XLSX table (one act per row), all or nothing.

Columns (docs/interface.md), headings in English or Russian, several values in one cell split by `|`:

    name (required), name_ru, name_kk, gender (f|m|x), birth_year, roles, act_type, date (YYYY, YYYY-MM,
    YYYY-MM-DD), date_end, articles (CC-405|CC-174), place, source_url, description, status

Rows naming the same person (same name, case aside) make one person. Each person is linked to one of ours when the
resolver's name scoring is certain (`qorgau.analysis.listimport.match_persons`: the same scoring and blocking as the
list importer; never a confidential person); otherwise a new person is created. A row without `act_type` records
the person only.

`plan(rows)` checks every row first and says per row what will happen; `commit(plan)` writes it in one transaction
through the record actions (each write audited), with one audit entry for the import itself.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction

from qorgau.lib.dates import PartialDateError, parse_partial_date
from qorgau.lib.spreadsheets import normalise_header, read_table

COLUMNS = ["name", "name_ru", "name_kk", "gender", "birth_year", "roles", "act_type", "date", "date_end",
           "articles", "place", "source_url", "description", "status"]
HEADINGS = {
    "фио": "name", "имя": "name", "ф.и.о.": "name", "full_name": "name", "аты-жөні": "name",
    "имя_ru": "name_ru", "пол": "gender", "год_рождения": "birth_year", "роли": "roles", "роль": "roles",
    "вид": "act_type", "тип": "act_type", "type": "act_type", "дата": "date", "дата_окончания": "date_end",
    "статьи": "articles", "статья": "articles", "article": "articles", "место": "place", "город": "place",
    "источник": "source_url", "source": "source_url", "url": "source_url", "описание": "description",
    "статус": "status", "role": "roles",
}
GENDERS = {"f": "f", "female": "f", "ж": "f", "жен": "f", "m": "m", "male": "m", "м": "m", "муж": "m",
           "x": "x", "other": "x"}
ARTICLE = re.compile(r"^(?:(CC|AOC|CCP|CONST)-)?(\d{1,4})(?:[.-](\d{1,2}))?$", re.I)
LEVELS = ("public", "internal", "confidential")


@dataclass
class Row:
    number: int
    name: str
    name_ru: str = ""
    name_kk: str = ""
    gender: str = ""
    birth_year: int | None = None
    roles: list = field(default_factory=list)
    act_type: str = ""
    date: str = ""
    date_end: str = ""
    provisions: list = field(default_factory=list)
    place: object = None      # an existing Place, or None
    place_name: str = ""      # a new place to create when `place` is None
    source_url: str = ""
    description: str = ""
    status: str = ""
    person: object = None     # an existing person the resolver is certain of
    score: float = 0.0
    first_row: int = 0        # the row that makes this person when several rows name one person
    outcome: str = ""


@dataclass
class Plan:
    rows: list
    problems: list
    level: str = "internal"
    filename: str = ""

    @property
    def ok(self):
        return not self.problems


def guess_mapping(headers):
    """{file heading: our column or ""} by name (and the Russian headings)."""
    out = {}
    for heading in headers:
        key = normalise_header(heading)
        key = HEADINGS.get(key, key)
        out[heading] = key if key in COLUMNS else ""
    return out


def read_headers(path, **bounds):
    """The file's headings and rows as they are (no column required yet). `bounds`: max_rows, max_cells."""
    return read_table(path, required=(), aliases=None, **bounds)


def apply_mapping(headers, rows, mapping=None):
    """Rows as {our column: text}; `mapping` maps the file's headings to ours ("" to ignore), guessed when None."""
    from qorgau.lib.spreadsheets import TableError

    mapping = mapping if mapping is not None else guess_mapping(headers)
    if "name" not in mapping.values():
        raise TableError(f"Row 1: no column is the name (found: {', '.join(headers) or 'none'}).")
    return [(number, {mapping[h]: v for h, v in cells.items() if mapping.get(h)}) for number, cells in rows]


def read(path, mapping=None):
    headers, rows = read_headers(path)
    return headers, apply_mapping(headers, rows, mapping)


def _split(text):
    return [part.strip() for part in str(text or "").split("|") if part.strip()]


def _lookups(reader):
    """Names the table may use, among what `reader` may see (`policy.SYSTEM` for the command line): a hidden place
    or provision reads as unknown, so a preview never confirms that one exists."""
    from qorgau.lib.sensitivity import levels_for
    from qorgau.records.models import Place, PlaceName, Provision
    from qorgau.records.policy import SYSTEM

    def rows(model):
        return model.objects.all() if reader is SYSTEM else model.objects.visible_to(reader)
    from qorgau.records.models.acts import ActStatus, GROUP_OF
    from qorgau.records.models.persons import PERSON_ROLES

    places = {}
    for uid, name in rows(Place).values_list("uid", "name"):
        places.setdefault(name.casefold(), uid)
    names = PlaceName.objects.filter(place__in=rows(Place))
    if reader is not SYSTEM:
        names = names.filter(sensitivity__in=levels_for(reader))
    for uid, name in names.values_list("place__uid", "name"):
        places.setdefault(name.casefold(), uid)
    return {
        "act_types": {**{t: t for t in GROUP_OF}, **{t.replace("_", " "): t for t in GROUP_OF}},
        "statuses": set(ActStatus.values),
        "roles": {**{key: key for key, _label in PERSON_ROLES},
                  **{str(label).casefold(): key for key, label in PERSON_ROLES}},
        "provisions": set(rows(Provision).values_list("uid", flat=True)),
        "places": places,
    }


def parse_rows(rows, lookups=None, *, reader):
    """(rows, problems): a problem is "Row N: why." for each bad row."""
    from qorgau.records.models import Place

    lookups = lookups or _lookups(reader)
    good, problems = [], []
    for number, cells in rows:
        row, why = Row(number=number, name=cells.get("name", "").strip()), []
        if not row.name:
            why.append("no name")
        elif len(row.name) > 300:
            why.append("the name is longer than 300 characters")
        row.name_ru, row.name_kk = cells.get("name_ru", "")[:300], cells.get("name_kk", "")[:300]
        gender = cells.get("gender", "").strip().casefold()
        if gender:
            if gender not in GENDERS:
                why.append(f"gender “{cells['gender']}” is not f, m or x")
            else:
                row.gender = GENDERS[gender]
        year = cells.get("birth_year", "").strip()
        if year.endswith(".0"):  # a number cell of a spreadsheet
            year = year[:-2]
        if year:
            if not year.isdigit() or not 1900 <= int(year) <= 2030:
                why.append(f"birth year “{year}” is not a year")
            else:
                row.birth_year = int(year)
        for role in _split(cells.get("roles")):
            key = lookups["roles"].get(role.casefold()) or lookups["roles"].get(role.casefold().replace(" ", "_"))
            if key is None:
                why.append(f"role “{role}” is not one of {', '.join(sorted(set(lookups['roles'].values())))}")
            elif key not in row.roles:
                row.roles.append(key)
        act_type = cells.get("act_type", "").strip().casefold()
        if act_type:
            row.act_type = lookups["act_types"].get(act_type, "")
            if not row.act_type:
                why.append(f"act type “{cells['act_type']}” is not one of ours (e.g. detained, arrested, charged, "
                           "sentenced, fined)")
        for key in ("date", "date_end"):
            try:
                setattr(row, key, parse_partial_date(cells.get(key, "")) or "")
            except PartialDateError as error:
                why.append(f"{key}: {str(error).rstrip('.')}")
        if row.date and row.date_end and row.date_end < row.date:
            why.append("date_end is before date")
        if not cells.get("act_type", "").strip() and (row.date or cells.get("articles") or cells.get("place")):
            why.append("a date, articles or place but no act_type")
        for token in _split(cells.get("articles")):
            token = re.sub(r"^(ст\.?|статья|art\.?|article)\s*", "", token, flags=re.I).strip()
            match = ARTICLE.match(token)
            if not match:
                why.append(f"article “{token}” is not an article (CC-405, AOC-488.1)")
                continue
            code, article, part = match.groups()
            uid = f"{(code or 'CC').upper()}-{article}" + (f".{part}" if part else "")
            if uid not in lookups["provisions"] and f"{(code or 'CC').upper()}-{article}" in lookups["provisions"]:
                uid = f"{(code or 'CC').upper()}-{article}"  # the article when the part is not recorded
            if uid not in lookups["provisions"]:
                why.append(f"article {uid} is not in our provisions (add it first)")
            elif uid not in row.provisions:
                row.provisions.append(uid)
        place = cells.get("place", "").strip()
        if place:
            uid = lookups["places"].get(place.casefold())
            row.place = Place.objects.filter(uid=uid).first() if uid else None
            row.place_name = "" if row.place else place[:300]
        url = cells.get("source_url", "").strip()
        if url:
            if not re.match(r"^https?://\S+$", url) or len(url) > 1000:
                why.append(f"source_url “{url[:80]}” is not a web address")
            else:
                row.source_url = url
        row.description = cells.get("description", "")
        status = cells.get("status", "").strip().casefold()
        if status:
            if status not in lookups["statuses"]:
                why.append(f"status “{status}” is not one of {', '.join(sorted(lookups['statuses']))}")
            else:
                row.status = status
        if why:
            problems.append(f"Row {number}: " + "; ".join(why) + ".")
        else:
            good.append(row)
    problems += _same_person_conflicts(good)
    return good, problems


def _same_person_conflicts(rows):
    """Rows naming one person must not disagree about who that is (birth year, gender)."""
    first, problems = {}, []
    for row in rows:
        key = row.name.casefold()
        if key not in first:
            first[key] = row
            row.first_row = row.number
            continue
        head = first[key]
        row.first_row = head.number
        for attribute in ("birth_year", "gender"):
            mine, theirs = getattr(row, attribute), getattr(head, attribute)
            if mine and theirs and mine != theirs:
                problems.append(f"Row {row.number}: {attribute} {mine} differs from row {head.number} "
                                f"({theirs}) for the same name.")
            elif mine and not theirs:
                setattr(head, attribute, mine)
    return problems


def plan(rows, *, reader, level="internal", filename=""):
    """Check every row, link names to our persons; nothing is written."""
    from qorgau.analysis.listimport import match_persons

    good, problems = parse_rows(rows, reader=reader)
    heads = [row for row in good if row.first_row == row.number]
    match_persons(heads, reader=reader)
    by_name = {row.name.casefold(): row for row in heads}
    for row in good:
        head = by_name[row.name.casefold()]
        row.person, row.score = head.person, head.score
        if row.person is not None:
            who = f"linked to {row.person.uid} ({row.person.name}, score {row.score:.2f})"
        elif head is row:
            who = "a new person"
        else:
            who = f"the new person of row {head.number}"
        act = f"; act {row.act_type}" + (f" {row.date}" if row.date else "") + \
              (f" ({', '.join(row.provisions)})" if row.provisions else "") + \
              (f" at {row.place.name if row.place else row.place_name + ' (new place)'}" if row.place or row.place_name
               else "") if row.act_type else "; no act"
        row.outcome = who + act
    return Plan(rows=good, problems=problems, level=level, filename=filename)


def commit(the_plan, *, actor):
    """Write the plan in one transaction through the record actions; returns a summary dict."""
    from qorgau.audit.log import write_entry
    from qorgau.records import actions
    from qorgau.records.models import Provision

    if not the_plan.ok:
        raise ValueError("A plan with bad rows is not written.")
    level = the_plan.level
    summary = {"persons_created": 0, "persons_linked": 0, "acts": 0, "places": 0, "documents": 0}
    with transaction.atomic():
        persons, places, documents, linked = {}, {}, {}, set()
        provisions = {p.uid: p for p in Provision.objects.filter(
            uid__in={uid for row in the_plan.rows for uid in row.provisions})}
        for row in the_plan.rows:
            key = row.name.casefold()
            person = persons.get(key)
            if person is None:
                if row.person is not None:
                    person = row.person
                    linked.add(person.pk)
                else:
                    names = [{"name": n, "lang": lang} for n, lang in ((row.name_ru, "ru"), (row.name_kk, "kk")) if n]
                    fields = {k: getattr(row, k) for k in ("gender", "birth_year") if getattr(row, k)}
                    if row.roles:
                        fields["roles"] = row.roles
                    person = actions.do_create_person(actor=actor, name=row.name, names=names, sensitivity=level,
                                                      **fields)
                    summary["persons_created"] += 1
                persons[key] = person
            if not row.act_type:
                continue
            place = row.place
            if place is None and row.place_name:
                place = places.get(row.place_name.casefold())
                if place is None:
                    place = actions.do_create_place(actor=actor, name=row.place_name)
                    places[row.place_name.casefold()] = place
                    summary["places"] += 1
            fields = {"date": row.date, "date_end": row.date_end, "description": row.description,
                      "place": place, "sensitivity": level if person.sensitivity != "confidential" else "confidential"}
            if row.status:
                fields["status"] = row.status
            act = actions.do_create_act(actor=actor, act_type=row.act_type, victim=person,
                                        provisions=[(provisions[uid], "charged") for uid in row.provisions], **fields)
            summary["acts"] += 1
            if row.source_url:
                document = documents.get(row.source_url)
                if document is None:
                    from qorgau.documents.models import Document

                    document = Document.objects.filter(url=row.source_url).first() or actions.do_create_document(
                        actor=actor, title=row.source_url[:500], url=row.source_url, sensitivity=level)
                    documents[row.source_url] = document
                    summary["documents"] += 1
                actions.do_add_citation(act, document, actor=actor, method="manual")
        summary["persons_linked"] = len(linked)
        write_entry("import", actor=actor, record_type="table", record_uid=(the_plan.filename or "table")[:64],
                    changes={"rows": len(the_plan.rows), "level": level, **summary})
    return summary
