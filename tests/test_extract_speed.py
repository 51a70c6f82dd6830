"""The speed machinery of extraction gives exactly what the plain rules give (issue 11, "Speed").

Trigger matching (extract/triggers.py) finds each act type's matches with one combined pattern per script; here it
is compared, match by match, with running each type's own pattern (`finditer`, what the rules mean) on every sentence
of the dev split, the corpus and generated text that packs triggers together, overlapping and inside one another.
"""

import random
from pathlib import Path

import pytest

from qorgau.documents.extract import acts, lexicon
from qorgau.documents.extract.triggers import Triggers

DEV = Path(__file__).resolve().parent / "evaluation" / "genres" / "dev"


def plain(sentence, scripts):
    """The rules' meaning: each type's pattern over the sentence, every script's matches sorted by start."""
    out = {}
    for act_type in acts.ACT_TYPES:
        hits = sorted((hit for script in scripts if (act_type, script) in acts.BY_SCRIPT
                       for hit in acts.BY_SCRIPT[(act_type, script)].finditer(sentence)), key=lambda h: h.start())
        if hits:
            out[act_type] = [(h.start(), h.end(), h.group()) for h in hits]
    return out


def fast(sentence, scripts):
    return {t: [(h.start(), h.end(), h.group()) for h in hits]
            for t, hits in acts.TRIGGERS.hits(sentence, scripts).items() if hits}


def scripts_of(sentence):
    return [s for s, letters in (("latin", acts.LATIN), ("cyrillic", acts.CYRILLIC)) if letters.search(sentence)]


def texts(corpus=None):
    files = sorted(Path(corpus).glob("*.txt")) if corpus else sorted(DEV.glob("*"))
    return [f.read_text(encoding="utf-8") for f in files if f.is_file()]


def test_combined_trigger_matching_equals_each_types_own_matches_on_dev_sentences():
    checked = 0
    for text in texts():
        for start, end in acts.sentences(text):
            sentence = text[start:end]
            scripts = scripts_of(sentence)
            assert fast(sentence, scripts) == plain(sentence, scripts), sentence
            checked += 1
    assert checked > 500


def test_combined_trigger_matching_equals_each_types_own_matches_on_the_corpus(corpus):
    for text in texts(corpus):
        for start, end in acts.sentences(text):
            sentence = text[start:end]
            assert fast(sentence, scripts_of(sentence)) == plain(sentence, scripts_of(sentence))


def _examples():
    """Short phrases each trigger pattern matches, read from the lexicon's own words (the literal part of each
    alternative), so generated text is dense with triggers of every type and language."""
    words = []
    for _, pattern in lexicon.table("triggers"):
        for alternative in pattern.split("|"):
            literal = "".join(ch for ch in alternative if ch.isalpha() or ch in " -")
            if literal.strip():
                words.append(literal.strip())
    return words


@pytest.mark.parametrize("seed", range(6))
def test_combined_trigger_matching_equals_each_types_own_matches_on_dense_generated_text(seed):
    rng = random.Random(seed)
    words = _examples() + ["the", "и", "был", "was", "Марат", "Aidos", ",", "жылы", "суд", "police", "арестован"]
    for _ in range(300):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        if rng.random() < 0.3:
            sentence = sentence.replace(" ", "", rng.randint(1, 3))  # triggers glued inside other words
        scripts = scripts_of(sentence)
        assert fast(sentence, scripts) == plain(sentence, scripts), sentence
    # the generated text does exercise the matching: triggers of many types are found
    found = {t for _ in range(50) for sentence in [" ".join(rng.sample(words, 20))]
             for t in fast(sentence, scripts_of(sentence))}
    assert len(found) > 10


def test_a_pattern_that_could_match_nothing_falls_back_to_finditer():
    import re
    patterns = {("x", "latin"): re.compile(r"(?<!\w)(?:a*)", re.I), ("y", "latin"): re.compile(r"(?<!\w)(?:ab)", re.I)}
    triggers = Triggers(patterns, ["x", "y"])
    sentence = "ab aab b"
    got = {t: [(h.start(), h.end()) for h in hits] for t, hits in triggers.hits(sentence, ["latin"]).items()}
    assert got == {"x": [(h.start(), h.end()) for h in patterns[("x", "latin")].finditer(sentence)],
                   "y": [(0, 2)]}


# Compiled patterns kept across processes (qorgau/lib/patterns.py): what comes back is what re.compile makes.

def _fresh(monkeypatch, path):
    from qorgau.lib import patterns
    monkeypatch.setenv("QORGAU_PATTERN_CACHE", str(path))
    monkeypatch.setattr(patterns, "_state", {"loaded": None, "new": {}, "used": set()})
    return patterns


SAMPLES = [(r"(?<!\w)(?:задержан\w*|detained)", 2), (r"(?P<day>\d{1,2})\.(?P<month>\d{2})\.(\d{4})", 0),
           (r"^\s*(?:\d+\.\s+[A-ZА-Я])", 8), (r"(?<=\bArt)\.|x{2,5}?", 34)]


def test_a_pattern_read_back_from_the_cache_is_the_pattern_re_compiles(monkeypatch, tmp_path):
    import re
    path = tmp_path / "patterns.marshal"
    patterns = _fresh(monkeypatch, path)
    first = [patterns.compile(p, f) for p, f in SAMPLES]
    patterns._save()
    assert path.exists()
    patterns = _fresh(monkeypatch, path)
    assert set(patterns._loaded()) == set(SAMPLES)
    second = [patterns.compile(p, f) for p, f in SAMPLES]
    assert not patterns._state["new"]  # served from the file
    for (p, f), a, b in zip(SAMPLES, first, second):
        assert a == b == re.compile(p, f)
        assert b.groupindex == re.compile(p, f).groupindex and b.groups == re.compile(p, f).groups
    assert second[1].match("05.03.2021").group("month", 3) == ("03", "2021")


def test_an_edited_pattern_a_damaged_or_foreign_file_is_compiled_afresh(monkeypatch, tmp_path):
    import marshal
    import re
    path = tmp_path / "patterns.marshal"
    patterns = _fresh(monkeypatch, path)
    patterns.compile(r"(?<!\w)arrested", re.I)
    patterns._save()
    # another lexicon word: not served from the stale entry
    patterns = _fresh(monkeypatch, path)
    assert patterns.compile(r"(?<!\w)arrest", re.I).fullmatch("arrest")
    assert patterns._state["new"]
    # a file of another interpreter, a damaged file: ignored
    signature, entries = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((("other", "0", 0), {key: (2, [0], 0, {}, ()) for key in entries})))
    assert _fresh(monkeypatch, path).compile(r"(?<!\w)arrested", re.I) == re.compile(r"(?<!\w)arrested", re.I)
    path.write_bytes(b"\x00garbage")
    assert _fresh(monkeypatch, path).compile(r"(?<!\w)arrested", re.I) == re.compile(r"(?<!\w)arrested", re.I)
    # a bad pattern raises as re does; the cache switched off is plain re
    with pytest.raises(re.error):
        _fresh(monkeypatch, path).compile(r"(unclosed")
    patterns = _fresh(monkeypatch, "")
    assert patterns.compile(r"a+") == re.compile(r"a+") and not patterns._state["new"]


def test_what_the_prefilter_reads_from_a_pattern_is_kept_across_processes(monkeypatch, tmp_path):
    """The prefilter's readings of a pattern (its first characters, its required strings) are computed once and read
    back by a later process from the patterns' file, equal to a fresh reading; a stale file never answers for an
    edited pattern."""
    import re
    from qorgau.lib import prefilter
    path = tmp_path / "patterns.marshal"
    patterns = _fresh(monkeypatch, path)
    monkeypatch.setattr(prefilter, "patterns", patterns)
    samples = [re.compile(r"(?<!\w)(?:задержан\w*|detained|арест)", re.I), re.compile(r"\d{1,2}\.\d{2}\.\d{4}"),
               re.compile(r"(?:Art|Article)\s+\d+")]
    fresh = [(prefilter._first_characters(p), prefilter._required(p)) for p in samples]
    assert [(prefilter.first_characters(p), prefilter.required(p)) for p in samples] == fresh
    patterns._save()
    patterns = _fresh(monkeypatch, path)
    monkeypatch.setattr(prefilter, "patterns", patterns)
    calls = []
    monkeypatch.setattr(prefilter, "_parser", type("Counting", (), {"parse": staticmethod(
        lambda *a: calls.append(a) or re._parser.parse(*a))}))
    assert [(prefilter.first_characters(p), prefilter.required(p)) for p in samples] == fresh
    assert not calls and not patterns._state["new"]   # read from the file, not parsed again
    edited = re.compile(r"(?<!\w)(?:задержан\w*|detained)", re.I)
    assert prefilter.first_characters(edited) == prefilter._first_characters(edited) and calls


def test_every_pattern_of_the_extraction_rules_is_what_re_compiles():
    """The rules' module-level patterns (from the cache file when one exists) equal a fresh re.compile."""
    import re
    from qorgau.documents.extract import dates, names, provisions
    seen = 0
    for module in (acts, dates, names, provisions):
        for value in vars(module).values():
            for pattern in (value if isinstance(value, (list, tuple)) else [value]):
                pattern = pattern[1] if isinstance(pattern, tuple) and len(pattern) > 1 else pattern
                if isinstance(pattern, re.Pattern):
                    assert pattern == re.compile(pattern.pattern, pattern.flags), pattern.pattern[:80]
                    seen += 1
    for pattern in acts.BY_SCRIPT.values():
        assert pattern == re.compile(pattern.pattern, pattern.flags)
    assert seen > 100


# Session 10: per-document loops that grew with the square of the document, replaced by lookups. Each lookup is
# checked against the plain expression it replaces.

STOPS = [(". ", "\n", "! ", "? "), (". ", "\n\n", "! ", "? ")]


@pytest.mark.parametrize("stops", STOPS)
def test_a_dates_sentence_start_is_the_last_stop_before_it_as_rfind_finds_it(stops):
    """acts._sentence_start (bisection over the text's stops, cached per text) equals max(rfind) + 1 at every
    position of the dev texts and of a text with stops at its very start and end, overlapping blank lines and none
    of "!" or "?" (where rfind scanned back to the start for every date)."""
    samples = texts() + [". \n\n\nA. B! C? \n\n\n\nD.  E\n", "no stop at all", "", "\n\n"]
    checked = 0
    for text in samples:
        for position in range(0, len(text) + 1, 1 if len(text) < 100 else 7):
            expected = max(text.rfind(stop, 0, position) for stop in stops) + 1
            assert acts._sentence_start(text, position, stops) == expected, (text[:40], position)
            checked += 1
    assert checked > 10_000


def test_a_declined_kazakh_family_name_becomes_the_name_printed_without_its_ending():
    from qorgau.documents.extract.names import _declined_to_printed
    from qorgau.documents.extract.spans import Mention

    def named(*names):
        mentions = [Mention(10 * i, 10 * i + 5, name, name=name) for i, name in enumerate(names)]
        return [m.name for m in _declined_to_printed(mentions)]

    # the document also prints the name without the ending: the declined mention is that person
    assert named("Асқар Қайырбекке", "Асқар Қайырбек") == ["Асқар Қайырбек", "Асқар Қайырбек"]
    assert named("Асқар Қайырбектің", "Қайырбек", "Асқар Қайырбек") == ["Асқар Қайырбек", "Қайырбек", "Асқар Қайырбек"]
    # a name that only ends in the same letters is no other form of it; nor is a name never printed bare
    assert named("Ерлан Қайырбекке", "Дана Бекқайырбек") == ["Ерлан Қайырбекке", "Дана Бекқайырбек"]
    assert named("Асқар Қайырбекке", "Ерлан Қайырбек") == ["Асқар Қайырбекке", "Ерлан Қайырбек"]


def test_a_borrowed_month_restating_the_same_victims_custody_with_its_day_is_dropped_only_for_that_victim():
    from qorgau.documents.extract.spans import Proposal

    def act(victim, act_type, date, source, start):
        return Proposal("act", act_type, start, start + 5, victims=[victim], date=date, date_source=source)

    own = act("A", "detained", "2022-04-01", "own", 0)
    restated = act("A", "arrested", "2022-04", "context", 100)        # the same custody, month borrowed: dropped
    other_victim = act("B", "arrested", "2022-04", "context", 200)    # B has no act of their own that day: kept
    not_custody = act("A", "fined", "2022-04", "context", 300)        # a fine is not custody: kept
    other_month = act("A", "arrested", "2022-05", "context", 400)     # another month: kept
    kept = acts.without_undated_duplicates([own, restated, other_victim, not_custody, other_month])
    assert kept == [own, other_victim, not_custody, other_month]


def test_transliteration_in_one_pass_spells_every_character_as_letter_by_letter():
    """lib.scripts.transliterate translates each distinct character once (speed of start-up): the same text as the
    letter-by-letter rule, for random text of both scripts, upper case, regular-expression syntax and characters
    whose lower case is longer or another letter ("İ", "ẞ", "Ё")."""
    import random

    from qorgau.documents.extract import lexicon
    from qorgau.lib.scripts import alphabet, transliterate

    def letter_by_letter(text, letters):
        out = []
        for char in text:
            latin = letters.get(char.lower())
            out.append(char if latin is None else latin.capitalize() if char.isupper() else latin)
        return "".join(out)

    letters = alphabet(lexicon.HERE / "kk" / "latin.tsv")
    assert letters
    pool = "".join(letters) + "".join(letters).upper() + "abcXYZ (?:\\w+|[а-я]{2,})$-–İẞЁё.ʼ'\n"
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        assert transliterate(text, letters) == letter_by_letter(text, letters)
    assert transliterate("Қазақстан", letters) == letter_by_letter("Қазақстан", letters) != "Қазақстан"
    assert transliterate("", letters) == "" and transliterate("abc", {}) == "abc"


def test_the_combined_look_ahead_files_each_trigger_word_under_its_first_letters():
    """Speed: a script's combined look-ahead holds every trigger word under each letter it can start with (one class
    test per letter at a word, then only that letter's words), not type after type."""
    from qorgau.documents.extract.triggers import _by_first_letter
    for script in acts.TRIGGERS.scripts:
        keys = acts.TRIGGERS.types[script]
        inner = _by_first_letter([acts.BY_SCRIPT[key] for key in keys], acts.BY_SCRIPT[keys[0]].flags)
        assert inner is not None and acts.TRIGGERS.any[script].pattern == rf"(?<!\w)(?=(?:{inner}))"


@pytest.mark.parametrize("flags", [0, "I"])
def test_words_filed_by_letter_find_the_positions_of_every_type_with_case_folding(flags):
    """Letters that fold in unusual ways under re.I (the Kelvin sign K, the long s ſ, dotted İ, ı) and rows whose
    first letters are unknown: the positions where some type matches are those the letter-filed look-ahead finds."""
    import re
    flags = re.I if flags == "I" else 0
    sources = {("a", "latin"): [r"k\w", r"[sſ]t", r"(?:x|y)z", r"\d+ days"],
               ("b", "latin"): [r"İs", r"ıb", r"K\b", r"[^\W\d]q"],          # the last: first letters unknown
               ("c", "latin"): [r"st(?:op)?", r"(k|s)k", r"ab|ba"]}
    patterns = {key: re.compile(rf"(?<!\w)(?:{'|'.join(f'(?:{row})' for row in rows)})", flags)
                for key, rows in sources.items()}
    triggers = Triggers(patterns, ["a", "b", "c"])
    assert "(?=[" in triggers.any["latin"].pattern             # filed by letter
    rng = random.Random(7)
    alphabet = "kKK\u212asSſtıIİibqxyzab 12"
    for _ in range(3000):
        sentence = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        where = [at for at in range(len(sentence) + 1) if any(p.match(sentence, at) for p in patterns.values())]
        assert [m.start() for m in triggers.any["latin"].finditer(sentence)] == where, sentence
        got = {t: [(h.start(), h.end()) for h in hits] for t, hits in triggers.hits(sentence, ["latin"]).items()
               if hits}
        want = {t: [(h.start(), h.end()) for h in p.finditer(sentence)] for (t, _), p in patterns.items()}
        assert got == {t: hits for t, hits in want.items() if hits}, sentence
