"""Spreadsheets in: `qorgau import-table` and /import/ check every row first, write all or nothing, link names."""

import io

import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from qorgau.audit.models import AuditEntry
from qorgau.interchange import tables
from qorgau.records import indexing
from qorgau.records.models import Act, Person
from qorgau.records.policy import SYSTEM

HEADER = ["name", "name_ru", "gender", "birth_year", "roles", "act_type", "date", "articles", "place", "source_url"]
BAD = {17: ("act_type", "flew"), 88: ("date", "2021-13"), 150: ("articles", "CC-9999")}


def _rows(bad=()):
    rows = [HEADER]
    for i in range(200):
        row = {"name": f"Testzhan Importuly{i:03d}", "name_ru": f"Тестжан Импортулы{i:03d}", "gender": "m",
               "birth_year": str(1960 + i % 40), "roles": "activist|blogger", "act_type": "detained",
               "date": f"2021-{1 + i % 12:02d}", "articles": "CC-405|CC-174", "place": "Almaty",
               "source_url": f"https://example.org/case/{i}"}
        if i + 2 in bad:  # the file's row number: row 1 is the header
            key, value = bad[i + 2]
            row[key] = value
        rows.append([row[h] for h in HEADER])
    return rows


def _xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.mark.django_db
def test_200_rows_with_3_bad_ones_name_each_and_write_nothing_then_the_fixed_file_is_written(tmp_path):
    persons, acts, entries = Person.objects.count(), Act.objects.count(), AuditEntry.objects.count()
    path = _xlsx(tmp_path / "cases.xlsx", _rows(BAD))
    err = io.StringIO()
    with pytest.raises(CommandError, match="3 bad rows"):
        call_command("import-table", str(path), stderr=err)
    lines = [line for line in err.getvalue().splitlines() if line.startswith("Row ")]
    assert [line.split(":")[0] for line in lines] == ["Row 17", "Row 88", "Row 150"]
    assert "flew" in lines[0] and "month 13" in lines[1] and "CC-9999" in lines[2]
    assert (Person.objects.count(), Act.objects.count(), AuditEntry.objects.count()) == (persons, acts, entries)

    path = _xlsx(tmp_path / "cases.xlsx", _rows())
    out = io.StringIO()
    call_command("import-table", str(path), "--dry-run", stdout=out)
    assert "Dry run: 200 rows" in out.getvalue() and Person.objects.count() == persons

    call_command("import-table", str(path), "--sensitivity", "public", stdout=out)
    assert Person.objects.count() == persons + 200 and Act.objects.count() == acts + 200
    person = Person.objects.get(name="Testzhan Importuly123")
    act = Act.objects.get(victim_person=person)
    assert act.act_type == "detained" and act.place.name == "Almaty" and act.sensitivity == "public"
    assert sorted(act.act_provisions.values_list("provision__uid", flat=True)) == ["CC-174", "CC-405"]
    assert person.roles == ["activist", "blogger"] and person.birth_year == 1960 + 123 % 40
    assert AuditEntry.objects.filter(verb="import", record_type="table").count() == 1
    assert AuditEntry.objects.filter(verb="create", record_type="Person", record_uid=person.uid).exists()
    assert person.pk in set(Person.objects.filter(id__in=indexing.matching_record_ids("person", "Импортулы123", None))
                                  .values_list("id", flat=True))


@pytest.mark.django_db
def test_rows_naming_one_person_make_one_person_and_a_known_name_is_linked_to_ours(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("name,act_type,date,articles\n"
                    "Akmaral Tobylova,summoned,2024-05,CC-174\n"
                    "Newname Onceonly,detained,2024,\n"
                    "NEWNAME ONCEONLY,arrested,2024-02,\n", encoding="cp1251")
    _headers, rows = tables.read(path)
    the_plan = tables.plan(rows, reader=SYSTEM)
    assert the_plan.ok
    assert the_plan.rows[0].outcome.startswith("linked to per_tobylova")
    assert the_plan.rows[2].outcome.startswith("the new person of row 3")
    persons = Person.objects.count()
    tables.commit(the_plan, actor="test")
    assert Person.objects.count() == persons + 1
    assert Act.objects.filter(victim_person__uid="per_tobylova", act_type="summoned", date="2024-05").exists()


@pytest.mark.django_db
def test_rows_that_disagree_about_one_person_are_refused(tmp_path):
    rows = [(2, {"name": "Same Name", "birth_year": "1970"}), (3, {"name": "same name", "birth_year": "1971"})]
    _good, problems = tables.parse_rows(rows, reader=SYSTEM)
    assert problems == ["Row 3: birth_year 1971 differs from row 2 (1970) for the same name."]


@pytest.mark.django_db
def test_the_web_import_maps_columns_previews_and_commits_all_or_nothing(client_for, bob, carol, tmp_path):
    assert client_for(carol).get("/import/").status_code == 403
    client = client_for(bob)
    rows = [["ФИО", "Вид", "Дата", "Extra"], ["Webzhan Importova", "detained", "2022-03", "x"],
            ["Webzhan Secondova", "detained", "2022-99", "y"]]
    with _xlsx(tmp_path / "web.xlsx", rows).open("rb") as upload:
        response = client.post("/import/", {"step": "upload", "file": upload, "sensitivity": "internal"})
    body = response.content.decode()
    assert response.status_code == 200 and 'name="col0"' in body and 'value="name" selected' in body
    persons = Person.objects.count()
    upload_id = re.search(r'name="upload" value="([^"]+)"', body).group(1)  # each step's form names its upload
    response = client.post("/import/", {"step": "preview", "col0": "name", "col1": "act_type", "col2": "date",
                                        "col3": "", "upload": upload_id})
    body = response.content.decode()
    assert "Row 3: date:" in body and "a new person" in body and 'value="commit"' not in body
    response = client.post("/import/", {"step": "commit", "col0": "name", "col1": "act_type", "col2": "date",
                                        "upload": upload_id})
    assert Person.objects.count() == persons  # a bad row: nothing written, even when asked to commit

    rows[2][2] = "2022-09"
    with _xlsx(tmp_path / "web.xlsx", rows).open("rb") as upload:
        body = client.post("/import/", {"step": "upload", "file": upload, "sensitivity": "internal"}).content.decode()
    upload_id = re.search(r'name="upload" value="([^"]+)"', body).group(1)
    response = client.post("/import/", {"step": "preview", "col0": "name", "col1": "act_type", "col2": "date",
                                        "upload": upload_id})
    assert 'value="commit"' in response.content.decode()
    response = client.post("/import/", {"step": "commit", "col0": "name", "col1": "act_type", "col2": "date",
                                        "upload": upload_id})
    assert response.status_code == 302 and Person.objects.count() == persons + 2
    assert Act.objects.get(victim_person__name="Webzhan Secondova").date == "2022-09"
    assert AuditEntry.objects.filter(verb="import", actor=bob).exists()
