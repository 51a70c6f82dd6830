"""Which strings a regular expression cannot match without (speed of the extraction rules, issue 11).

Several rule patterns are alternations that begin with a large group (a number in digits or in words of three
languages) tried at every word of a sentence, with case folded; most sentences have no match. `required(pattern)`
reads the pattern's own parse tree and returns a set of literal strings at least one of which every match contains
(or None when it cannot say); `may_match(pattern, text)` is False only when none of them occurs in the text, so the
pattern need not be run there: the answer is exact, never a guess.

Why it is exact: a match of the pattern spells each literal of the chosen piece with the pattern's own flags; the
prefilter is the alternation of those literals compiled with the same flags (case folding included), so wherever the
pattern matches, the prefilter matches the same characters. Pieces whose meaning depends on more than the characters
(scoped flags such as "(?-i:…)", optional or repeated-zero parts, classes, back-references) give None for that piece;
a branch that gives None makes the whole alternation None.
"""

from functools import lru_cache
import re

from qorgau.lib import patterns   # re.compile, with compiled programs kept across processes (start-up)

try:
    from re import _constants as _c, _parser
except ImportError:  # another layout: no prefilter (every pattern is run, as without this module)
    _c = _parser = None

MAX_LITERALS = 64


def required(pattern):
    """A frozenset of non-empty strings, one of which is in every match of the compiled `pattern`; None if unknown."""
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.LOCALE | re.DEBUG):
        return None
    # a function of the pattern's text and flags: kept across processes with the compiled patterns (start-up)
    return patterns.derived("required", pattern.pattern, pattern.flags, lambda: _required(pattern))


def _required(pattern):
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 -- a pattern this reader cannot parse is simply run
        return None
    found = _sequence(list(parsed))
    return frozenset(_minimal(found)) if found else None


def _sequence(items):
    """The best literal set of a sequence: any one of its parts' sets will do; the longest shortest string wins."""
    options, run = [], []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append({"".join(run)})
            run = []
        found = _item(op, av)
        if found:
            options.append(found)
    if run:
        options.append({"".join(run)})
    if not options:
        return None
    return max(options, key=lambda s: (min(len(x) for x in s), -len(s)))


def _item(op, av):
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _sequence(list(sub))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    if op is _c.BRANCH:
        union = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if not found:
                return None
            union |= found
            if len(union) > MAX_LITERALS:
                return None
        return union
    return None


def _minimal(strings):
    """Drop a string that contains another of the set (wherever it occurs, the shorter one does too)."""
    strings = sorted(set(strings), key=len)
    kept = []
    for s in strings:
        if not any(k in s for k in kept):
            kept.append(s)
    return kept


@lru_cache(maxsize=1024)
def prefilter(pattern):
    """The compiled alternation of `required(pattern)`, with the pattern's flags; None when there is none."""
    needed = required(pattern)
    if not needed:
        return None
    try:
        return patterns.compile("|".join(re.escape(s) for s in sorted(needed, key=lambda s: (len(s), s))),
                          pattern.flags & ~re.VERBOSE)
    except re.error:
        return None


_BY_ID = {}   # id(pattern) -> (pattern, its prefilter): hashing a compiled pattern hashes its whole program


def may_match(pattern, text):
    """False only if `pattern` cannot match anywhere in `text` (none of its required strings is there)."""
    known = _BY_ID.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _BY_ID[id(pattern)] = (pattern, prefilter(pattern))
    quick = known[1]
    return quick is None or quick.search(text) is not None


class Text:
    """A pattern's text and flags, as `first_characters` and `required` read them, without compiling the pattern (a
    piece of a larger pattern, whose own program would only cost start-up time and memory)."""

    __slots__ = ("pattern", "flags")

    def __init__(self, pattern, flags=0):
        flags = int(flags)
        self.pattern = pattern
        self.flags = flags | (re.UNICODE if isinstance(pattern, str) and not flags & re.ASCII else 0)   # as compiled


def first_characters(pattern):
    """What every match starts with, as a character class for a look-ahead ("[дзпа-в]", to be compiled with the
    pattern's own flags, so that case is folded as the pattern folds it); None if unknown (any character, \\w, a
    negated class, scoped flags) or if a match may be empty. Each item is a character or range the pattern itself
    spells first: the class matches at least every character a match can start with."""
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & (re.LOCALE | re.DEBUG):
        return None
    # a function of the pattern's text and flags: kept across processes with the compiled patterns (start-up)
    return patterns.derived("first", pattern.pattern, pattern.flags, lambda: _first_characters(pattern))


def _first_characters(pattern):
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001
        return None
    found = _first(list(parsed))
    if not found:
        return None
    return "[" + "".join(a if b is None else re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in sorted(found, key=str)) + "]"


_LED = {}   # id(pattern) -> (pattern, the pattern led by its first characters, or itself)


def led(pattern):
    """`pattern`, or an equivalent one led by a look-ahead for the characters its matches start with
    ("(?=[…])(?:…)"): the same matches, spans and groups (the look-ahead captures nothing), found faster where few
    positions start with one of those characters. The pattern itself when that cannot be said or compiled."""
    known = _LED.get(id(pattern))
    if known is None or known[0] is not pattern:
        faster = pattern
        first = first_characters(pattern)
        if first is not None:
            try:
                candidate = patterns.compile(f"(?={first})(?:{pattern.pattern})", pattern.flags)
                if candidate.groups == pattern.groups and candidate.groupindex == pattern.groupindex:
                    faster = candidate
            except (re.error, RecursionError, OverflowError):
                pass
        known = _LED[id(pattern)] = (pattern, faster)
    return known[1]


ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_CATEGORIES = {getattr(_c, f"CATEGORY_{name}"): (escape, None) for name, escape in (
    ("DIGIT", r"\d"), ("NOT_DIGIT", r"\D"), ("SPACE", r"\s"), ("NOT_SPACE", r"\S"), ("WORD", r"\w"),
    ("NOT_WORD", r"\W"))} if _c is not None else {}


def _first(items):
    """First characters of a sequence, or None. An optional part (a repeat that may be absent) adds its own first
    characters to those of what follows it."""
    union = set()
    for index, (op, av) in enumerate(items):
        if str(op) in ZERO_WIDTH:
            continue   # a look-around or anchor consumes nothing: the match starts with what follows
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] == 0:
            found = _first(list(av[2]))
            if not found:
                return None
            union |= found
            continue    # absent: the match starts with what follows
        found = _one(op, av)
        return None if not found else union | found
    return None   # the sequence may match nothing at all


def _one(op, av):
    if op is _c.LITERAL:
        return {(av, av)}
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _first(list(sub))
    if op is _c.ATOMIC_GROUP:
        return _first(list(av))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return _first(list(av[2]))
    if op is _c.BRANCH:
        union = set()
        for branch in av[1]:
            found = _first(list(branch))
            if not found:
                return None
            union |= found
        return union
    if op is _c.IN:
        chars = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add((value, value))
            elif kind is _c.RANGE:
                chars.add(tuple(value))
            elif kind is _c.CATEGORY and value in _CATEGORIES:
                chars.add(_CATEGORIES[value])
            else:
                return None   # a negated class, another category
        return chars
    return None


class Branches:
    """The pattern `head(?:b1|b2|…)`, whose matches are found by trying at each position only the branches that can
    start with the character there (a long alternation of lexicon rows, such as the relative dates of
    `extract.dates`, spent most of its time entering branches that cannot start with the letter at hand: ~80 rows
    tried at every word).

    `head` must consume nothing (a look-behind such as "(?<!\\w)", or ""). `finditer(text)` gives the same matches as
    `self.pattern.finditer(text)` — the same spans, and the same value of every named group of the branch that
    matched — because a branch whose first characters (`first_characters`, a class compiled with the pattern's own
    flags, case folded as it folds) do not match the character at a position cannot match there, and dropping it
    changes neither which earlier branch wins nor what a later one would: the alternation is tried in the same order.
    The matches are those of a pattern of the kept branches only: read their groups by name (`group(name)`,
    `groupdict()`, where an absent branch's groups are missing instead of None), not by number. When some branch has
    no first characters (it may match empty, or starts with a class this module does not read), every match is
    found with the whole pattern."""

    def __init__(self, head, branches, flags=0):
        self.head, self.branches, self.flags = head, list(branches), int(flags)
        self.pattern = patterns.compile(f"{head}(?:{'|'.join(self.branches)})", flags)
        self._by_character = {}
        firsts = [first_characters(Text(branch, flags)) for branch in self.branches]
        if self.branches and all(firsts):
            classes = {first: patterns.compile(first, flags) for first in set(firsts)}   # (many share one)
            self._firsts = [classes[first] for first in firsts]
            self._starts = patterns.compile(f"{head}(?=(?:{'|'.join(sorted(set(firsts)))}))", flags)
        else:
            self._firsts = self._starts = None

    def _for(self, character):
        known = self._by_character.get(character, False)
        if known is False:
            kept = [branch for branch, first in zip(self.branches, self._firsts) if first.match(character)]
            known = self._by_character[character] = (
                patterns.compile(f"{self.head}(?:{'|'.join(kept)})", self.flags) if kept else None)
        return known

    def finditer(self, text):
        if self._starts is None:
            yield from led(self.pattern).finditer(text)
            return
        end = 0
        for start in self._starts.finditer(text):
            position = start.start()
            if position < end:
                continue   # inside the last match: the search goes on after it, as finditer's does
            pattern = self._for(text[position])
            m = pattern.match(text, position) if pattern is not None else None
            if m is not None:
                end = m.end()
                yield m
