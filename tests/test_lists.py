"""Linking lists with Splink: DuckDB by default, Spark when it is installed."""

import shutil

import pytest

from qorgau.resolution.lists import feature_row, link

LIST = [
    {"id": 1, "name": "Maygul Sadykova", "birth_year": 1970, "place": "Astana"},
    {"id": 2, "name": "Майгуль Садыковой", "birth_year": 1970, "place": "Astana"},
    {"id": 3, "name": "M. Sadykova", "birth_year": 1970, "place": "Astana"},
    {"id": 4, "name": "Bekzhan Akhmetov", "birth_year": 1985, "place": "Atyrau"},
    {"id": 5, "name": "Zhanara Akhmetova", "birth_year": 1983, "place": "Almaty"},
    {"id": 6, "name": "Kairat Ismailov", "birth_year": 1979, "place": "Saran"},
    {"id": 7, "name": "Kayrat Ismailov", "birth_year": 1979, "place": "Saran"},
    {"id": 8, "name": "Kairat Kozhamzharov", "birth_year": 1965, "place": "Astana"},
    {"id": 9, "name": "Anonymous detainee A (UA 63/18)", "birth_year": None, "place": None},
    {"id": 10, "name": "Anonymous detainee B (UA 63/18)", "birth_year": None, "place": None},
] + [{"id": 100 + i, "name": f"{g} {f}", "birth_year": 1950 + (i * 7) % 50, "place": p}
     for i, (g, f, p) in enumerate((g, f, p) for g in ("Aidos", "Asel", "Nurlan", "Saule", "Timur", "Dana")
                                   for f in ("Omarov", "Bekov", "Mukanov", "Utepov", "Iskakov", "Nazarov")
                                   for p in ("Almaty", "Oral"))]


def clusters_of(result, *ids):
    return {result[str(i)] for i in ids}


def check(result):
    assert len(clusters_of(result, 1, 2)) == 1              # spellings and declension: one woman
    assert len(clusters_of(result, 6, 7)) == 1               # Kairat / Kayrat Ismailov
    assert len(clusters_of(result, 4, 5)) == 2               # father's and daughter's family name: two people
    assert len(clusters_of(result, 6, 8)) == 2               # two men called Kairat
    assert len(clusters_of(result, 9, 10)) == 2              # placeholders are never joined


def test_features_are_our_name_keys():
    rows = {r["unique_id"]: r for r in map(feature_row, LIST[:5])}
    assert rows["1"]["family_key"] == rows["2"]["family_key"] == rows["3"]["family_key"]
    assert rows["4"]["gender"] == "m" and rows["5"]["gender"] == "f"


def test_duckdb_links_a_list():
    check(link(LIST))


def test_an_initial_joins_when_year_and_place_agree_but_not_a_namesakes_initial():
    # "M. Sadykova" with the same birth year and place is her (issue 12: initial variants are paired and linked);
    # an "M. Sadykova" born twenty years later is someone else.
    other = {"id": 11, "name": "M. Sadykova", "birth_year": 1990, "place": "Oral"}
    result = link(LIST + [other])
    assert len(clusters_of(result, 1, 2, 3)) == 1
    assert len(clusters_of(result, 1, 11)) == 2


def test_the_same_model_runs_on_spark():
    pytest.importorskip("pyspark", reason="pyspark is an optional extra: pip install qorgau[spark]")
    if not shutil.which("java"):
        pytest.skip("Spark needs Java, which is not installed")
    from qorgau.resolution.lists import spark_session

    spark = spark_session(master="local[1]", app_name="qorgau-test")
    try:
        check(link(LIST, engine="spark", spark=spark))
    finally:
        spark.stop()


# The `qorgau link` command: a CSV list, alone or against the database -----------------------------------------

def write_csv(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def read_rows(path):
    import csv

    with open(path, encoding="utf-8", newline="") as stream:
        return {row["id"]: row for row in csv.DictReader(stream)}


@pytest.mark.django_db
def test_link_clusters_a_csv_list_in_windows_1251(tmp_path):
    from django.core.management import call_command

    source = write_csv(tmp_path / "list.csv", "№;ФИО;Год рождения;Город\n"
                       "1;Майгуль Садыкова;1970;Astana\n2;Maygul Sadykova;1970;Astana\n"
                       "3;Жанара Ахметова;1983;Almaty\n4;Бекжан Ахметов;1985;Atyrau\n", encoding="cp1251")
    out = tmp_path / "clusters.csv"
    call_command("link", str(source), "-o", str(out))
    rows = read_rows(out)
    assert rows["1"]["cluster"] == rows["2"]["cluster"]
    assert rows["3"]["cluster"] != rows["4"]["cluster"]
    assert rows["1"]["name"] == "Майгуль Садыкова"


@pytest.mark.django_db
def test_link_against_the_database_finds_recorded_persons_but_not_confidential_ones(tmp_path, alice):
    from django.core.management import call_command

    from qorgau.audit.models import AuditEntry
    from qorgau.records import actions

    actions.do_create_person(actor=alice, name="Nurgul Zhaksybekova", sensitivity="confidential", birth_year=1977)
    source = write_csv(tmp_path / "list.csv", "id,name\nA,Алибек Мусаулы\nB,Alibek Musauli\n"
                       "C,Nurgul Zhaksybekova\nD,Zhanara Akhmetova\nE,Someone Unrecorded\n")
    out = tmp_path / "linked.csv"
    call_command("link", str(source), "-o", str(out), "--against-database")
    rows = read_rows(out)
    assert rows["A"]["persons"] == rows["B"]["persons"] == "per_musauly"
    assert rows["A"]["person_names"] == "Alibek Musauly"
    assert rows["D"]["persons"] == "per_zh_akhmetova"
    assert rows["C"]["persons"] == "" and rows["E"]["persons"] == ""   # a confidential person is never revealed
    assert AuditEntry.objects.filter(verb="link list").exists()

    call_command("link", str(source), "-o", str(out), "--against-database", "--include-confidential")
    assert read_rows(out)["C"]["person_names"] == "Nurgul Zhaksybekova"


@pytest.mark.parametrize("text, message", [
    ("", "is empty"),
    ("id,surname\n1,Sadykova\n", "no name column"),
    ("id,name\n", "no records"),
    ("id,name\n1,A\n1,B\n", "line 3: the id 1 appears twice"),
    ("id,name,birth_year\n1,Maygul Sadykova,nineteen\n", "line 2: “nineteen” is not a year of birth"),
])
def test_a_bad_list_gets_a_clear_message_and_no_output(tmp_path, text, message):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    source = write_csv(tmp_path / "list.csv", text)
    out = tmp_path / "out.csv"
    with pytest.raises(CommandError, match=message):
        call_command("link", str(source), "-o", str(out))
    assert not out.exists()


@pytest.mark.django_db
def test_a_bad_memory_limit_gets_a_clear_message(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    source = write_csv(tmp_path / "list.csv", "id,name\n1,Maygul Sadykova\n")
    with pytest.raises(CommandError, match="not a memory size"):
        call_command("link", str(source), "-o", str(tmp_path / "out.csv"), "--memory-limit", "4GB'; DROP")
    assert not (tmp_path / "out.csv").exists()


def test_a_binary_file_is_not_a_list(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    source = tmp_path / "list.csv"
    source.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(CommandError, match="does not contain text"):
        call_command("link", str(source), "-o", str(tmp_path / "out.csv"))
