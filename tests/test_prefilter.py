"""The exact prefilter of rule patterns (qorgau/lib/prefilter.py, issue 11 "Speed"): a pattern is skipped only where
it could not have matched, so the rules propose exactly what they proposed without it."""

import random
import re
from pathlib import Path

import pytest

from qorgau.lib.prefilter import may_match, required

DEV = Path(__file__).resolve().parent / "evaluation" / "genres" / "dev"


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"(?<!\w)(\d+) (?:годам|года|лет) условно|условн\w+ на (\d+)", re.I, {"условн"}),
    (r"штраф\w* (?:в размере )?([\d\s,.]+)", re.I, {"штраф"}),
    (r"(?:prison|jail) terms? of", re.I, {" term"}),       # the longest piece every match spells
    (r"a?b*", 0, None),                                     # nothing is required
    (r"(?:x|y\d)", 0, {"x", "y"}),
    (r"(?:x|\d)", 0, None),                                 # a branch with no literal of its own
    (r"(?-i:Суд) приговорил", re.I, {" приговорил"}),       # the scoped flag's piece is not used
    (r"(?:abc){0,2}d", 0, {"d"}),                           # an optional repeat requires nothing
])
def test_required_strings(pattern, flags, expected):
    found = required(re.compile(pattern, flags))
    assert (set(found) if found else None) == expected


def test_case_folding_is_the_patterns_own():
    pattern = re.compile(r"лишения свободы", re.I)
    assert may_match(pattern, "ЛИШЕНИЯ СВОБОДЫ") and pattern.search("ЛИШЕНИЯ СВОБОДЫ")
    assert not may_match(re.compile("лишения", 0), "ЛИШЕНИЯ")
    kelvin = re.compile(r"k\d", re.I)           # the Kelvin sign folds to "k" under re.I: the prefilter must agree
    assert kelvin.search("\u212a1") and may_match(kelvin, "\u212a1")


def test_a_skipped_pattern_never_had_a_match_on_random_text():
    rng = random.Random(3)
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖabcdeklmnopqrstuKSſ\u212a 0123456789.,-"
    patterns = [re.compile(p, f) for p, f in [
        (r"(?<!\w)(\d+) (?:года|лет)\w* (?:лишения )?условно|условн\w+ (?:на )?(\d+)", re.I),
        (r"ab(?:cd|ef)+g|k\d{2}", re.I), (r"(?:ба|ва)(?:ра|ka)+", re.I), (r"(?i:s)st|kk", 0), (r"ſt|st", re.I),
    ]]
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        for pattern in patterns:
            if not may_match(pattern, text):
                assert pattern.search(text) is None, (pattern.pattern, text)


def test_penalties_are_the_same_with_and_without_the_prefilter(monkeypatch, corpus_texts):
    from qorgau.documents.extract import acts

    lines = [line for text in corpus_texts for line in text.splitlines() if line.strip()]
    sentences = [text[start:end] for text in corpus_texts for start, end in acts.sentences(text)]
    with_prefilter = [acts.penalty_match.__wrapped__(s) for s in sentences] + [acts._penalties_in(x) for x in lines]
    monkeypatch.setattr(acts, "may_match", lambda pattern, text: True)
    without = [acts.penalty_match.__wrapped__(s) for s in sentences] + [acts._penalties_in(x) for x in lines]
    def shown(found):   # penalty_match: None or (penalty, match); _penalties_in: a list
        return found if found is None or isinstance(found, list) else (found[0], found[1].span(), found[1].groups())

    assert [shown(x) for x in with_prefilter] == [shown(x) for x in without]
    assert sum(1 for x in without[:len(sentences)] if x) > 50   # the texts do have penalties


@pytest.fixture
def corpus_texts():
    import os
    texts = [f.read_text(encoding="utf-8") for f in sorted(DEV.glob("*")) if f.is_file()]
    corpus = Path(os.environ.get("QORGAU_CORPUS", Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"))
    texts += [f.read_text(encoding="utf-8") for f in sorted(corpus.glob("*.txt"))] if corpus.is_dir() else []
    assert len(texts) > 100
    return texts


@pytest.mark.parametrize("pattern, expected", [
    (r"(?<!\w)(?:задерж\w*|[А-Яa]бв|x?y)", "[А-Язxya]"),   # look-behinds consume nothing; an optional part adds
    (r"(?=\w)ab|c", "[ac]"),
    (r"(?:a|\d)", r"[\da]"), (r"a?b*", None), (r"[^a]b", None), (r"(?:a|)b", None), (r"(?-i:A)b", None),
])
def test_first_characters(pattern, expected):
    from qorgau.lib.prefilter import first_characters
    assert first_characters(re.compile(pattern, re.I)) == expected


def test_a_pattern_led_by_its_first_characters_matches_where_it_did():
    from qorgau.lib.prefilter import first_characters
    rng = random.Random(5)
    alphabet = "абвгдзАБВГДЗabcksABCKSſ\u212aİıi 1"
    sources = [r"(?<!\w)(?:задерж\w*|[А-Гa]бв|k?s)", r"(?:ſt|Ks|дз)+", r"[a-c]+|İ|[Б-Д]з", r"(?:\d+|k)\s*s|\w+ı"]
    for source in sources:
        for flags in (re.I, 0):
            pattern = re.compile(source, flags)
            guard = first_characters(pattern)
            assert guard is not None
            led = re.compile(f"(?={guard})(?:{source})", flags)
            for _ in range(3000):
                text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
                assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in led.finditer(text)], text


def test_dates_are_the_same_with_and_without_leading_characters(monkeypatch, corpus_texts):
    from qorgau.documents.extract import dates

    led = [dates.find_dates(text) for text in corpus_texts]
    monkeypatch.setattr(dates, "led", lambda pattern: pattern)
    assert led == [dates.find_dates(text) for text in corpus_texts]
    assert sum(len(found) for found in led) > 1000


def test_a_pattern_whose_start_is_unknown_runs_as_it_is():
    from qorgau.lib.prefilter import led
    pattern = re.compile(r"[^a]b|\w?c")
    assert led(pattern) is pattern
    assert led(re.compile(r"(?i)ab")).search("xAB")     # global flags in the text: led or not, it still matches


def _named(m):
    """A match as `Branches` promises it: its span and the value of every named group that took part."""
    return m.span(), {name: value for name, value in m.groupdict().items() if value is not None}


def test_branches_find_what_the_whole_alternation_finds():
    from qorgau.lib.prefilter import Branches
    rng = random.Random(11)
    alphabet = "абвгдзАБВГДЗabcksABCKSſ\u212aİıi 1,"
    sources = [["(?P<a>задерж\\w*)", "(?P<b>[А-Гa]бв)", "(?P<c>k?s)(?!\\w)", "(?P<d>ks\\w)"],
               ["(?P<a>ſt|Ks)", "(?P<b>(?:дз)+)", "(?P<c>\\d+\\s*s)", "(?P<d>s)"],
               ["(?P<a>[a-c]+)", "(?P<b>İ|[Б-Д]з)", "(?P<c>a)", "(?P<d>\\w+ı)"]]
    for branches in sources:
        for head in ("(?<!\\w)", ""):
            for flags in (re.I, 0):
                found = Branches(head, branches, flags)
                assert found._starts is not None          # every branch's first characters are known
                for _ in range(2000):
                    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
                    assert [_named(m) for m in found.pattern.finditer(text)] == \
                        [_named(m) for m in found.finditer(text)], (branches, head, flags, text)


def test_branches_with_an_unknown_start_run_the_whole_pattern():
    from qorgau.lib.prefilter import Branches
    found = Branches("(?<!\\w)", ["(?P<a>[^x]b)", "(?P<b>c)"], re.I)
    assert found._starts is None
    assert [_named(m) for m in found.finditer("ab cb xb")] == [((0, 2), {"a": "ab"}), ((3, 5), {"a": "cb"})]


def test_relative_dates_are_the_same_found_branch_by_branch(monkeypatch, corpus_texts):
    """The relative dates of `extract.dates` (~100 lexicon rows, one alternation) are found with `Branches`: the
    same phrases, and find_dates gives the same dates, with and without a document date, as with the whole pattern."""
    from qorgau.documents.extract import dates

    whole = [[_named(m) for m in dates.RELATIVE.finditer(text)] for text in corpus_texts]
    assert whole == [[_named(m) for m in dates.RELATIVE_BRANCHES.finditer(text)] for text in corpus_texts]
    assert sum(map(len, whole)) > 200
    branch_by_branch = [(dates.find_dates(text), dates.find_dates(text, "2024-03-15")) for text in corpus_texts]

    class Whole:
        def finditer(self, text):
            return dates.RELATIVE.finditer(text)

    monkeypatch.setattr(dates, "RELATIVE_BRANCHES", Whole())
    assert branch_by_branch == [(dates.find_dates(text), dates.find_dates(text, "2024-03-15")) for text in corpus_texts]


def _unled(pattern):
    """The pattern `led` was given: "(?=[…])(?:X)" -> X, compiled with the same flags."""
    from qorgau.lib.prefilter import first_characters, led
    inner = re.fullmatch(r"\(\?=(\[(?:\\.|[^\]\\])*\])\)\(\?:(.*)\)", pattern.pattern, re.S)
    assert inner, pattern.pattern
    original = re.compile(inner.group(2), pattern.flags & ~re.UNICODE)
    assert first_characters(original) == inner.group(1) and led(original).pattern == pattern.pattern
    return original


def test_acts_sentence_patterns_led_propose_what_the_plain_ones_did(monkeypatch, corpus_texts):
    """acts.LED: patterns searched thousands of times per document, led by their first characters (speed); the
    proposals of find_acts are those of the plain patterns."""
    from qorgau.documents.extract import acts, names
    from qorgau.documents.extract.dates import find_dates
    from qorgau.documents.extract.provisions import find_provisions

    led_names = [name for name in acts.LED if getattr(acts, name) is not None]
    assert len(led_names) > 15 and all(getattr(acts, name).pattern.startswith("(?=[") for name in led_names)
    texts = corpus_texts[::4]
    found = [(names.find_persons(t), find_dates(t), find_provisions(t)) for t in texts]
    led_acts = [acts.find_acts(t, *f) for t, f in zip(texts, found)]
    for name in led_names:
        monkeypatch.setattr(acts, name, _unled(getattr(acts, name)))
    monkeypatch.setattr(names, "CUES", _unled(names.CUES))
    assert [names.find_persons(t) for t in texts] == [f[0] for f in found]
    assert led_acts == [acts.find_acts(t, *f) for t, f in zip(texts, found)]
    assert sum(map(len, led_acts)) > 200
