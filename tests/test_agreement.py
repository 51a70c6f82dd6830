"""tools/agreement.py: how far two annotators agree, scored with the evaluation's own matching."""

import importlib.util
import json
from pathlib import Path

spec = importlib.util.spec_from_file_location("agreement", Path(__file__).resolve().parent.parent / "tools" / "agreement.py")
agreement = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement)


def act(victim, group, type_, date=""):
    return {"victim": victim, "group": group, "type": type_, "date": date}


A = {"documents": [
    {"file": "x1_en.txt", "language": "en",
     "persons": {"Aidar Serikov": ["Aidar Serikov", "Serikov"], "Dana Omarova": ["Dana Omarova"],
                 "Judge Kim": ["Judge Kim"]},
     "acts": [act("Aidar Serikov", "DEPRIVATION", "detained", "2021-03-03"),
              act("Aidar Serikov", "PENALTY", "sentenced", "2021-06-01"),
              act("Aidar Serikov", "DEPRIVATION", "imprisoned", "2021-06-01"),
              act("Dana Omarova", "PENALTY", "fined", "")],
     "provisions": [["Aidar Serikov", "CC-174"], ["Dana Omarova", "AOC-488"]],
     "perpetrators": [["Aidar Serikov", "police"], ["Dana Omarova", "Judge Kim"]]},
    {"file": "x2_ru.txt", "language": "ru",
     "persons": {"Yerlan Bekov": ["Ерлан Беков"]},
     "acts": [act("Yerlan Bekov", "DEPRIVATION", "detained", "2020-09-23")],
     "provisions": []},
    {"file": "x3_kk.txt", "language": "kk", "persons": {}, "acts": [], "provisions": []},  # only A annotates it
]}

# B: other canonical names for the same persons, one act dated to the month only (agrees), one act with another
# type in the same group (agrees on groups, not on types), one act A has not, one A has that B has not, one pair
# with a subsection, one person A has that B has not, and one B has that A has not.
B = {"documents": [
    {"file": "x1_en.txt", "language": "en",
     "persons": {"Aidar Serik": ["Serikov"], "Dana Omar": ["Dana Omarova"], "Marat Tolegen": ["Marat Tolegen"]},
     "acts": [act("Aidar Serik", "DEPRIVATION", "arrested", "2021-03"),
              act("Aidar Serik", "PENALTY", "sentenced", "2021-06-01"),
              act("Marat Tolegen", "PENALTY", "fined", "2021-06-01")],
     "provisions": [["Aidar Serik", "CC-174.2"]],
     "perpetrators": [["Aidar Serik", "Almaty police"]]},
    {"file": "x2_ru.txt", "language": "ru",
     "persons": {"Erlan Bekov": ["Ерлан Беков"]},
     "acts": [act("Erlan Bekov", "DEPRIVATION", "detained", "2020-09-23")],
     "provisions": []},
]}


def test_two_annotators_are_scored_with_the_evaluations_matching():
    totals, details = agreement.compare({d["file"]: d for d in A["documents"]},
                                        {d["file"]: d for d in B["documents"]})
    en = totals["en"]
    # acts: both have Serikov's detention (month vs day agree) and sentence; A alone his prison and Omarova's fine;
    # B alone Tolegen's fine
    assert (en["acts"].tp, en["acts"].fp, en["acts"].fn) == (2, 1, 2)
    # by type, "arrested" is not "detained"
    assert (en["acts (types)"].tp, en["acts (types)"].fp, en["acts (types)"].fn) == (1, 2, 3)
    # pairs: CC-174.2 is CC-174; A alone has Omarova's AOC-488
    pairs = en["person–provision pairs"]
    assert (pairs.tp, pairs.fp, pairs.fn) == (1, 0, 1)
    # persons: Serik(ov) and Omarova mapped by a printed form; Tolegen is B's alone, the judge A's alone
    assert (en["persons"].tp, en["persons"].fp, en["persons"].fn) == (2, 1, 1)
    # perpetrators as printed: "Almaty police" holds "police"; the judge is A's alone
    perpetrators = en["perpetrator pairs"]
    assert (perpetrators.tp, perpetrators.fp, perpetrators.fn) == (1, 0, 1)
    ru = totals["ru"]["acts"]
    assert (ru.tp, ru.fp, ru.fn) == (1, 0, 0)
    everything = totals["all"]["acts"]
    assert (everything.tp, everything.fp, everything.fn) == (3, 1, 2)
    assert round(everything.precision, 3) == 0.75 and round(everything.recall, 3) == 0.6
    # a document only A annotates is left out, not counted as B's misses
    assert "kk" not in totals and set(details) == {"x1_en.txt", "x2_ru.txt"}
    only = details["x1_en.txt"][1]
    assert [t for t, _ in only["A only"]] == [("Aidar Serikov", "DEPRIVATION", "2021-06-01"),
                                             ("Dana Omarova", "PENALTY", "")]
    assert [t for t, _ in only["B only"]] == [("B:Marat Tolegen", "PENALTY", "2021-06-01")]


def test_namesakes_sharing_only_a_given_name_are_not_mapped_onto_each_other():
    mapping = agreement.map_persons({"Nurlan Zhaulibayev": ["ЖАУЫЛБАЕВ Нұрлан"],
                                     "Nurlan Temirgaliyev": ["ТЕМІРҒАЛИЕВ Нұрлан"]},
                                    {"Nurlan Z.": ["жауылбаев нұрлан"], "Nurlan Other": ["Нұрлан Басқа"]})
    assert mapping == {"Nurlan Z.": "Nurlan Zhaulibayev", "Nurlan Other": None}


def test_the_command_prints_the_table_and_refuses_files_with_nothing_in_common(tmp_path, capsys):
    a, b, other = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "other.json"
    a.write_text(json.dumps(A), encoding="utf-8")
    b.write_text(json.dumps(B), encoding="utf-8")
    other.write_text(json.dumps({"documents": [{**B["documents"][0], "file": "elsewhere.txt"}]}), encoding="utf-8")
    assert agreement.main(["--a", str(a), "--b", str(b), "--list"]) == 0
    out = capsys.readouterr().out
    assert "| all | acts | 2 | 1 | 3 | 0.750 | 0.600 | 0.667 |" in out
    assert "A only: Dana Omarova | PENALTY fined | (undated)" in out
    assert agreement.main(["--a", str(a), "--b", str(other)]) == 2
    assert "no document in common" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert agreement.main(["--a", str(tmp_path / "bad.json"), "--b", str(b)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_person_mentions_are_compared_on_the_text_when_a_corpus_is_given(tmp_path):
    (tmp_path / "x1_en.txt").write_text("Police detained Aidar Serikov in March. Serikov was jailed in June. "
                                        "Dana Omarova was fined by Judge Kim.", encoding="utf-8")
    totals, _ = agreement.compare({d["file"]: d for d in A["documents"]}, {d["file"]: d for d in B["documents"]},
                                  corpus=tmp_path)
    # A marks Aidar Serikov, Serikov, Dana Omarova and Judge Kim; B's "Serikov" covers both of his mentions and
    # "Dana Omarova" hers; nobody marked the judge for B; x2's text is absent, so it adds nothing
    mentions = totals["en"]["person mentions"]
    assert (mentions.tp, mentions.fp, mentions.fn) == (3, 0, 1)
    assert totals["ru"]["person mentions"].tp == 0
