"""tools/resolution_errors.py explains WRONG pairs of `evaluate`'s resolution over mentions by kind (session 16,
issue 12), and --counts prints counts only (the one way the test split is accepted). Made-up names and documents
(a fixture set written here), never a gold file's person."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import resolution_errors as tool  # noqa: E402


@pytest.mark.parametrize("a, b, gold_a, gold_b, kind", [
    # both mentions got one name, and both gold persons bear it: namesakes
    ("Ruslan Temirkhanov", "Ruslan Temirkhanov", "Ruslan Temirkhanov", "Ruslan Temirkhanov (Oral)",
     "same name: namesakes"),
    # both got the father's name, though one is the son: a name read wrong
    ("Болатбек Жаксылыков", "Болатбек Жаксылыков", "Bolatbek Zhaksylykov", "Yerasyl Zhaksylykov",
     "same name: read wrong"),
    # one side a family name alone, given the wrong brother
    ("Kudaibergenov", "Yerasyl Kudaibergenov", "Timur Kudaibergenov", "Yerasyl Kudaibergenov", "family alone"),
    # one side a given name alone
    ("Ерасыл", "Ерасыл Досымбеков", "Yerasyl Dosymbekov", "Yerasyl Sagintayev", "given alone"),
    # husband and wife (Akhmetov / Akhmetova-like), other given names: kin
    ("Тимур Есенжолов", "Гаухар Есенжолова", "Timur Yesenzholov", "Gaukhar Yesenzholova", "kin"),
    # a son named by his patronymic family name (-uly) beside his father
    ("Yerasyl Sabyruly", "Sabyr Tolegenov", "Yerasyl Sabyruly", "Sabyr Tolegenov", "kin"),
    # two strangers, one in Cyrillic and one in Latin
    ("Ерасыл Досымбеков", "Timur Sagintayev", "Yerasyl Dosymbekov", "Timur Sagintayev", "transliteration"),
    ("Ерасыл Досымбеков", "Тимур Сагинтаев", "Yerasyl Dosymbekov", "Timur Sagintayev", "other"),
])
def test_a_wrong_pair_gets_its_kind(a, b, gold_a, gold_b, kind):
    assert tool.wrong_kind(a, b, gold_a, gold_b) == kind


def test_an_official_and_a_victim_come_first():
    assert tool.wrong_kind("Timur Sagintayev", "Timur Sagintayev", "Judge Timur Sagintayev", "Timur Sagintayev",
                           officials={"Judge Timur Sagintayev"}, victims={"Timur Sagintayev"}) == "official and victim"


DOCS = {
    "s16_a.txt": "Police detained activist Ruslan Temirkhanov in Semey on 3 May 2024. Temirkhanov denies the charges.",
    "s16_b.txt": "A court in Oral fined Ruslan Temirkhanov, a 61-year-old teacher, on 9 June 2024.",
}


@pytest.fixture
def fixture_set(tmp_path):
    """Two documents, two different gold persons with one full name (namesakes), one of them named twice."""
    for name, text in DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    gold = {"documents": [
        {"file": "s16_a.txt", "document": "s16a", "language": "en",
         "persons": {"Ruslan Temirkhanov": ["Ruslan Temirkhanov", "Temirkhanov"]}, "acts": [], "perpetrators": []},
        {"file": "s16_b.txt", "document": "s16b", "language": "en",
         "persons": {"Ruslan Temirkhanov (teacher)": ["Ruslan Temirkhanov"]}, "acts": [], "perpetrators": []},
    ]}
    path = tmp_path / "gold-s16fixture.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def _run(capsys, *argv):
    tool.main(list(argv))
    return capsys.readouterr().out


def test_wrong_pairs_are_counted_by_kind_and_place(fixture_set, capsys):
    out = _run(capsys, "--gold", str(fixture_set), "--corpus", str(fixture_set.parent))
    assert "fp 2" in out              # the teacher's mention with each of the activist's two
    # extraction gives "Temirkhanov" alone the full name: one pair of names, two mention pairs, both across documents
    row = next(line for line in out.splitlines() if line.strip().startswith("same name: namesakes"))
    assert row.split()[3:6] == ["1", "0", "2"]
    assert "Ruslan Temirkhanov (teacher)" in out   # the examples name the gold persons


def test_counts_print_no_name_and_no_document(fixture_set, capsys):
    out = _run(capsys, "--gold", str(fixture_set), "--corpus", str(fixture_set.parent), "--counts")
    assert "same name: namesakes" in out and "fp 2" in out
    assert "Temirkhanov" not in out and "s16_" not in out


@pytest.mark.parametrize("argv", [["--split", "test"], ["--split", "test", "--list"],
                                  ["--split", "test", "--counts", "--list"]])
def test_the_test_split_only_with_counts(argv, capsys):
    """Refused before anything is read (argparse exits with status 2)."""
    with pytest.raises(SystemExit) as exit_:
        tool.main(argv)
    assert exit_.value.code == 2
    assert "--counts" in capsys.readouterr().err
