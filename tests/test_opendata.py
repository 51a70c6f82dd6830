"""Open data: a valid Frictionless package and XLSX of public records only, from the command and the web."""

import csv
import json
import zipfile

import pytest
from openpyxl import load_workbook

from qorgau.analysis.opendata import write_package
from qorgau.records import actions
from qorgau.records.models import Person, Place

pytestmark = pytest.mark.django_db

MARKERS = ["Opendata Secret Person", "Opendata Internal Person", "Opendata Refused Person", "Secret Safe House"]


@pytest.fixture
def hidden(alice):
    actions.do_create_person(actor=alice, name="Opendata Secret Person", sensitivity="confidential")
    actions.do_create_person(actor=alice, name="Opendata Internal Person", sensitivity="internal")
    refused = actions.do_create_person(actor=alice, name="Opendata Placeholder", sensitivity="public")
    Person.objects.filter(pk=refused.pk).update(consent="refused", name="Opendata Refused Person")
    house = actions.do_create_place(actor=alice, name="Secret Safe House", sensitivity="confidential")
    tobylova = Person.objects.get(uid="per_tobylova")
    actions.do_create_act(actor=alice, victim=tobylova, act_type="searched", date="2018-03-20", place=house,
                          sensitivity="public")


def test_the_package_is_valid_and_holds_nothing_non_public(tmp_path, hidden):
    from frictionless import Package

    counts = write_package(tmp_path, license="CC-BY-4.0", as_of="2026-11-23")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert descriptor["licenses"] == [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                                       "path": "https://creativecommons.org/licenses/by/4.0/"}]
    assert descriptor["version"] == "2026-11-23"
    everything = "\n".join(p.read_text() for p in tmp_path.glob("*.csv"))
    for marker in MARKERS:
        assert marker not in everything
    with open(tmp_path / "persons.csv") as handle:
        persons = list(csv.DictReader(handle))
    assert len(persons) == counts["persons"] and "per_tobylova" in {p["id"] for p in persons}
    assert all(p["consent"] != "refused" for p in persons)
    sheets = load_workbook(tmp_path / "qorgau-opendata.xlsx", read_only=True)
    assert set(sheets.sheetnames) == set(counts)
    assert sum(1 for _ in sheets["persons"].iter_rows()) == counts["persons"] + 1
    cells = "\n".join(str(c) for row in sheets["acts"].iter_rows(values_only=True) for c in row)
    assert "Secret Safe House" not in cells and "searched" in cells


def test_a_dated_snapshot_is_offered_for_download(client_for, alice, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    assert "No snapshot" in client_for(None).get("/statistics/opendata/").content.decode()
    assert client_for(None).post("/statistics/opendata/publish/").status_code in (302, 403)
    assert not list(tmp_path.glob("opendata/*.zip"))  # an anonymous visitor cannot publish
    response = client_for(alice).post("/statistics/opendata/publish/")
    assert response.status_code == 302
    [archive] = tmp_path.glob("opendata/*.zip")
    page = client_for(None).get("/statistics/opendata/").content.decode()
    assert archive.name in page
    download = client_for(None).get(f"/statistics/opendata/{archive.name}")
    assert download.status_code == 200
    names = zipfile.ZipFile(archive).namelist()
    assert "datapackage.json" in names and "persons.csv" in names
    assert client_for(None).get("/statistics/opendata/..%2Fkeys%2Fsecret_key").status_code == 404


def test_the_streamed_workbook_holds_every_row_as_written_and_continues_a_full_sheet(tmp_path, monkeypatch):
    """The open-data workbook is written row by row (qorgau/lib/xlsx_stream.py): text stays text (a leading "="
    is never a formula), numbers stay numbers, characters XML forbids are dropped, and a sheet past Excel's row
    limit continues in "name (2)" with the header repeated, so nothing is cut off."""
    from openpyxl import load_workbook

    from qorgau.lib import xlsx_stream

    monkeypatch.setattr(xlsx_stream, "MAX_ROWS", 3)
    path = tmp_path / "book.xlsx"
    with xlsx_stream.StreamedWorkbook(path) as book:
        book.sheet("acts", ["id", "note", "amount"])
        for i in range(4):
            book.append([f"act_{i}", "=HYPERLINK(\"x\")<&>\x01 Алматы", 2.5 + i])
        book.sheet("names", ["name"])
        book.append([None])
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["acts", "acts (2)", "names"]
    rows = [[c.value for c in r] for name in ("acts", "acts (2)") for r in workbook[name].iter_rows()]
    assert rows[0] == rows[3] == ["id", "note", "amount"]
    data = [r for r in rows if r[0] != "id"]
    assert [r[0] for r in data] == ["act_0", "act_1", "act_2", "act_3"]
    assert data[0][1] == "=HYPERLINK(\"x\")<&> Алматы" and data[3][2] == 5.5
    assert workbook["acts"]["B2"].data_type == "s"


def test_on_postgresql_the_package_is_read_with_plans_for_every_row_and_the_connection_is_left_as_it_was(
        tmp_path, monkeypatch):
    """Server-side cursors are planned for their first rows by default; at a million acts that made the semi-joins
    nested loops (369 s instead of 25 s, docs/benchmarks.md). The writer reads every row, so it asks for whole-read
    plans while it writes, and puts the connection's setting back afterwards (a web worker serves other pages)."""
    from django.db import connection

    from qorgau.analysis import opendata

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL planner setting")

    def show():
        with connection.cursor() as cursor:
            cursor.execute("SHOW cursor_tuple_fraction")
            return float(cursor.fetchone()[0])

    seen = []
    tables = opendata._tables

    def watched(reader, *rest):  # rest: the snapshot's note of record ids
        for table in tables(reader, *rest):
            seen.append(show())
            yield table

    monkeypatch.setattr(opendata, "_tables", watched)
    before = show()
    write_package(tmp_path / "package")
    assert seen and set(seen) == {1.0}
    assert show() == before
