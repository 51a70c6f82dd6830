"""The name and act rules' word lists are lexicon tables (issue 11, "rules as data"): adding a row changes what the
rules do, with no code changed; and the indexes that keep extraction near-linear on hostile text read the same as the
scans they replace."""

import importlib
import random
import shutil

import pytest

from qorgau.documents.extract import lexicon


@pytest.fixture
def with_row(tmp_path, monkeypatch):
    """with_row(path, line): the lexicon with `line` added to `path`, the rule modules read again from it (and read
    again from the real lexicon afterwards)."""
    from qorgau.documents.extract import acts, names

    copy = tmp_path / "lexicon"
    shutil.copytree(lexicon.HERE, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))

    def add(path, line):
        with open(copy / path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
        monkeypatch.setattr(lexicon, "HERE", copy)
        lexicon.table.cache_clear()
        return importlib.reload(names), importlib.reload(acts)

    yield add
    monkeypatch.undo()
    lexicon.table.cache_clear()
    importlib.reload(names)
    importlib.reload(acts)


# Two persons share a family name; the second comes in as the first one's relative, by a word the tables may or may
# not list as kin. The family name alone two sentences later stays the first person only when the word is kin.
KIN_TEXT = ("Marat Kabduakasov was detained in Astana on 3 May 2021. His {kin} Alibek Kabduakasov was questioned too. "
            "Police searched the flat. Kabduakasov was released on 5 May.")


def _lone(names_module, text):
    return [m.name for m in names_module.find_persons(text) if m.how == "surname"]


def test_a_kin_word_is_a_row_of_the_kin_table(with_row):
    from qorgau.documents.extract import names

    assert _lone(names, KIN_TEXT.format(kin="son")) == ["Marat Kabduakasov"]   # a listed kin word
    assert _lone(names, KIN_TEXT.format(kin="godson")) == ["Alibek Kabduakasov"]  # not listed: the last named
    names, _ = with_row("en/kin.tsv", "godson")
    assert _lone(names, KIN_TEXT.format(kin="godson")) == ["Marat Kabduakasov"]


def test_a_legend_label_is_a_row_of_the_legend_table(with_row):
    from qorgau.documents.extract import acts

    text = "Glossary: AD — administrative detention; F — fine.\n\n1. Marat Kabduakasov – AD, 2021.\n"
    assert acts.legend_of(text) == {}
    _, acts = with_row("en/legend_labels.tsv", "Glossary")
    assert acts.legend_of(text) == {"AD": "administrative detention", "F": "fine"}


def test_a_group_noun_is_a_row_of_the_group_table(with_row):
    from qorgau.documents.extract import names

    assert not names.find_persons("Police detained Bolat Atajurt movement activists.")  # a listed group noun
    text = "Police detained Bolat Atajurt brotherhood activists."
    assert [m.name for m in names.find_persons(text)] == ["Bolat Atajurt"]
    names, _ = with_row("en/group_nouns.tsv", "brotherhood")
    assert not names.find_persons(text)


def test_the_kazakh_endings_of_the_four_rules_are_one_table():
    from qorgau.documents.extract import names

    rows = lexicon.table("case_suffixes", "kk")
    for use in ("place", "after_suffix", "place_ending", "opening"):
        assert names.kazakh_endings(use), use
    # every ending a rule takes off is a row, and a row names a case or a derived word
    assert {row[1] for row in rows} <= {"genitive", "accusative", "dative", "locative", "ablative", "instrumental",
                                       "adjective"}
    assert names._kazakh_place("Алматыда") and names._kazakh_place("Astanada")
    assert names.KK_PLACE_ENDING.search("Шыңжаңнан") and not names.KK_PLACE_ENDING.search("Amanda")


@pytest.mark.parametrize("near", [4096, 0, 1, 3])
def test_the_text_indexes_read_as_str_find_and_rfind(near, monkeypatch):
    """Line and paragraph breaks found once and read by bisection (after a plain search of a short window, `NEAR`
    characters: small windows here, so that both readings are asked): the same answers as str.find / str.rfind for
    every start, end and stop, negative ones included."""
    from qorgau.documents.extract import spans
    from qorgau.documents.extract.spans import text_find, text_rfind

    monkeypatch.setattr(spans, "NEAR", near)
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice("ab\n\n.") for _ in range(rng.randint(0, 30)))
        stop = rng.choice(["\n", "\n\n", "a.", ". "])
        args = (rng.randint(-3, 35),) + ((rng.randint(-3, 35),) if rng.random() < 0.5 else ())
        assert text_find(text, stop, *args) == text.find(stop, *args)
        assert text_rfind(text, stop, *args) == text.rfind(stop, *args)


def _scan(text, start, history):
    """The reading the family-name history had before it was indexed: every earlier full name, scanned."""
    before = [name for at, name in history if at < start]
    if len(set(before)) < 2:
        return before[-1] if before else None
    first, last = {}, {}
    for at, name in history:
        if at < start:
            first[name] = min(at, first.get(name, at))
            last[name] = max(at, last.get(name, at))
    from qorgau.documents.extract.names import KIN_BEFORE, SENTENCE_END
    import re

    kin = {name: bool(KIN_BEFORE.search(text[max(0, first[name] - 30):first[name]])) for name in set(before)}
    opens_sentence = bool(re.search(r"(?:[.!?]\s+|\n\s*)$", text[max(0, start - 4):start]))
    ends = 0
    if opens_sentence:
        for ends, _ in enumerate(SENTENCE_END.finditer(text, last[before[-1]], start), 1):
            if ends > 1:
                break
    if kin[before[-1]] and not (opens_sentence and ends == 1):
        others = [name for name in before if not kin[name]]
        if others:
            return others[-1]
    return before[-1]


def test_the_family_name_history_read_by_bisection_is_the_scan():
    """Names recorded out of the text's order (each pass over the text adds its own), some as relatives: the
    indexed history names the same person as scanning every earlier name, at every offset."""
    from qorgau.documents.extract.names import _History

    rng = random.Random(11)
    pieces = ["his son ", "Her brother, ", "", "", ". ", "\n", " said. "]
    for _ in range(300):
        text = "".join(rng.choice(pieces) + "Xx" * rng.randint(1, 3) for _ in range(40))
        history = [(rng.randrange(len(text)), rng.choice(["A K", "B K", "C K"])) for _ in range(rng.randint(0, 12))]
        index = _History(text, history)
        for start in range(0, len(text), 3):
            assert index.name_before(start) == _scan(text, start, history), (text, history, start)
