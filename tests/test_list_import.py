"""Importing another organisation's list: every row checked first, names linked to our persons, unsure queued."""

import pytest
from openpyxl import Workbook

from qorgau.analysis.listimport import import_list, match_persons, parse_rows, read_list
from qorgau.records.policy import SYSTEM
from qorgau.analysis.models import ListEntry, PrisonerList
from qorgau.lib.spreadsheets import TableError, read_table

from .conftest import run_cli


def _xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_rows_are_checked_one_by_one_and_every_problem_names_its_row():
    rows = [(2, {"name": "Ok Person", "date": "2021", "status": "узник совести", "article": "ст. 405|CC-174"}),
            (3, {"name": "", "date": "2021"}),
            (4, {"name": "Bad Date", "date": "2021-02-30"}),
            (5, {"name": "Bad Status", "date": "2021", "status": "hero"}),
            (6, {"name": "Bad Article", "date": "2021", "article": "Article four"})]
    good, problems = parse_rows(rows)
    assert [r.name for r in good] == ["Ok Person"]
    assert good[0].status == "prisoner_of_conscience" and good[0].articles == ["CC-405", "CC-174"]
    assert [p.split(":")[0] for p in problems] == ["Row 3", "Row 4", "Row 5", "Row 6"]


@pytest.mark.parametrize("content,message", [
    (b"", "empty"), (b"\x00\x01\x02binary", "not text"), (b"date;status\n2021;x\n", "no column named name")])
def test_bad_files_get_one_clear_message(tmp_path, content, message):
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    with pytest.raises(TableError, match=message):
        read_table(path, required=("name",))


def test_a_csv_in_windows_1251_with_russian_headings_is_read(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("ФИО;Дата;Статус\nТобылова Акмарал;2018-03-20;узник совести\n".encode("cp1251"))
    rows, problems = read_list(path)
    assert not problems and rows[0].name == "Тобылова Акмарал" and rows[0].status == "prisoner_of_conscience"


@pytest.mark.django_db
def test_names_are_linked_to_our_persons_when_certain_and_new_persons_are_queued(alice, tmp_path):
    from qorgau.analysis.actions import do_create_list
    from qorgau.analysis.models import CriteriaSet
    from qorgau.records.models import Organisation, Person
    from qorgau.resolution.models import Candidate

    path = _xlsx(tmp_path / "list.xlsx", [["name", "date", "article", "status"],
                                          ["ТОБЫЛОВА Акмарал", "2018-03-20", "274", "prisoner of conscience"],
                                          ["Akmaral Tobilova", "2019", "", "political prisoner"],
                                          ["Zhumabek Testbaiuly", "2021-05", "405", ""]])
    rows, problems = read_list(path)
    assert not problems
    match_persons(rows, reader=SYSTEM)
    assert rows[0].person.uid == "per_tobylova"
    prisoner_list = do_create_list(actor=alice, slug="other-ngo", title="Another NGO's list",
                                   organisation=Organisation.objects.get(uid="org_kibhr"),
                                   criteria_set=CriteriaSet.objects.get(code="pace-1900"))
    before = Person.objects.count()
    rows, queued = import_list(prisoner_list, rows, actor=alice, reader=SYSTEM)
    entries = ListEntry.objects.filter(prisoner_list=prisoner_list)
    assert entries.count() == 3
    assert entries.filter(person__uid="per_tobylova").exists()
    made = Person.objects.count() - before
    assert made == sum(1 for r in rows if r.outcome == "new person")
    # Every row either linked to Tobylova or became a new person the resolver queued beside her: never lost.
    for row in rows[:2]:
        assert row.person is not None and row.person.uid == "per_tobylova" or row.outcome == "new person"
    if rows[1].person is None:
        assert queued >= 1 and Candidate.objects.filter(status="open").exists()


def test_import_list_command_refuses_a_file_with_bad_rows_and_writes_nothing(data_dir, tmp_path):
    assert run_cli(data_dir, "demo", "--no-serve").returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("name,date,status\nGood One,2020,political prisoner\n,2020,\nX,2020-13,\nY,2020,odd\n")
    result = run_cli(data_dir, "import-list", str(bad), "--list", "x", "--title", "X", "--organisation", "org_kibhr")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line.split(":")[0] for line in result.stderr.splitlines() if line.startswith("Row")] == \
        ["Row 3", "Row 4", "Row 5"]
    good = tmp_path / "good.csv"
    good.write_text("name,date,status\nAkmaral Tobylova,2018-03-20,prisoner of conscience\n")
    dry = run_cli(data_dir, "import-list", str(good), "--list", "x", "--title", "X", "--organisation", "org_kibhr",
                  "--dry-run")
    assert dry.returncode == 0 and "per_tobylova" in dry.stdout and "nothing was written" in dry.stdout
    census = run_cli(data_dir, "census", "--date", "2018-06-01", "--list", "x")
    assert census.returncode != 0 and "No list" in census.stderr  # the dry run created nothing
    done = run_cli(data_dir, "import-list", str(good), "--list", "x", "--title", "X", "--organisation", "org_kibhr")
    assert done.returncode == 0, done.stderr
    assert "Imported 1 entries" in done.stdout and "already on the list" not in done.stdout
    census = run_cli(data_dir, "census", "--date", "2018-06-01", "--list", "x")
    assert "Akmaral Tobylova" in census.stdout
    # The same file again: nothing new, and the total says so (it said "Imported 1 entries" again).
    again = run_cli(data_dir, "import-list", str(good), "--list", "x", "--title", "X", "--organisation", "org_kibhr")
    assert again.returncode == 0, again.stderr
    assert "Imported 0 entries" in again.stdout and "1 already on the list from the same day" in again.stdout
