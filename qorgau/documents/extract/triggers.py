"""Finding a sentence's act triggers in one pass per script instead of one pass per act type (speed).

The act rules ask, for each act type in turn, for every match of that type's trigger pattern in a sentence, left to
right, without overlaps (`pattern.finditer`). Running ~30 patterns over every sentence cost most of `clauses`. Here
one pattern per script ("latin", "cyrillic") finds the positions where any trigger starts (a look-ahead over every
trigger, so the positions may overlap); only there is each type's own pattern tried, anchored. The result is the
same as `finditer` of each pattern: a type's match at a position is taken when that position is not inside the type's
previous match, exactly as `finditer` resumes after a match. A pattern that could match the empty string falls back
to `finditer` (none does today; the rule is kept exact rather than assumed).

The patterns themselves are unchanged: the rules' data (lexicon/<language>/triggers.tsv) and their meaning are those
of `acts.BY_SCRIPT`.
"""

from functools import lru_cache

from qorgau.lib import patterns as re  # `re`, with compiled patterns kept across processes (start-up)
from qorgau.lib.prefilter import Text, first_characters


class Triggers:
    def __init__(self, by_script, order):
        """by_script: {(act type, script): compiled pattern "(?<!\\w)(?:…)"}; order: the act types, in the order
        the rules ask for them."""
        self.by_script = by_script
        self.order = list(order)
        self.scripts = sorted({script for _, script in by_script})
        self.any = {}
        self.types = {}
        for script in self.scripts:
            keys = [(t, script) for t in self.order if (t, script) in by_script]
            self.types[script] = keys
            flags = {by_script[key].flags for key in keys}
            if len(flags) > 1:
                self.any[script] = None
                continue
            flags = flags.pop() if flags else re.I
            inner = _by_first_letter([by_script[key] for key in keys], flags)
            if inner is None:
                inner = "|".join(_guarded(by_script[key]) for key in keys)
            self.any[script] = re.compile(rf"(?<!\w)(?=(?:{inner}))", flags)
        # Each type's first characters as a class compiled with its own flags (None: unknown, tried everywhere), and
        # per script and character the types that can start there: at a trigger's position only those are tried
        # (a type whose every match starts with another letter cannot match there; the same matches, fewer tries).
        self.first = {}
        for key, pattern in by_script.items():
            first = first_characters(pattern)
            try:
                self.first[key] = re.compile(first, pattern.flags) if first else None
            except re.error:
                self.first[key] = None
        self.by_char = {script: {} for script in self.scripts}

    def _types_at(self, script, char):
        """The types of `script` whose matches can start with `char`, in the rules' order (cached per character)."""
        known = self.by_char[script].get(char)
        if known is None:
            known = self.by_char[script][char] = [
                key for key in self.types[script] if self.first[key] is None or self.first[key].match(char)]
        return known

    def hits(self, sentence, scripts):
        """{act type: [match, …]} in the order `finditer` gives them, for the given scripts; per type the matches of
        every script sorted by start (latin before cyrillic on a tie, as `scripts` lists them)."""
        found = {}
        for script in scripts:
            keys = self.types.get(script)
            if not keys:
                continue
            combined = self.any[script]
            if combined is None:
                for key in keys:
                    found.setdefault(key[0], []).extend(self.by_script[key].finditer(sentence))
                continue
            resume = {}
            for start in combined.finditer(sentence):
                at = start.start()
                for key in self._types_at(script, sentence[at]) if at < len(sentence) else keys:
                    if resume.get(key, 0) > at:
                        continue
                    m = self.by_script[key].match(sentence, at)
                    if m is None:
                        continue
                    if m.end() == at:  # an empty match: finditer's own rule for those is not reproduced here
                        return self._slow(sentence, scripts)
                    found.setdefault(key[0], []).append(m)
                    resume[key] = m.end()
        if len(scripts) > 1:
            for hits in found.values():
                hits.sort(key=lambda h: h.start())
        return found

    def _slow(self, sentence, scripts):
        found = {}
        for script in scripts:
            for key in self.types.get(script, ()):
                found.setdefault(key[0], []).extend(self.by_script[key].finditer(sentence))
        for hits in found.values():
            hits.sort(key=lambda h: h.start())
        return found


LEADING = "(?<!\\w)"


def _inner(pattern):
    """The alternation of a compiled "(?<!\\w)(?:…)" pattern without its leading look-behind (the combined pattern
    has its own)."""
    source = pattern.pattern
    return source[len(LEADING):] if source.startswith(LEADING) else source


def _guarded(pattern):
    """A type's alternative in the combined pattern, led by a look-ahead for the characters its matches can start
    with ("(?=[дзп…])(?:…)"), when its parse tree says (qorgau/lib/prefilter.py): at a word whose first letter none of
    the type's words has, one class test instead of trying each of its words (speed; the positions found are the
    same, since every match of the type starts with one of those characters, case folded by the same flags)."""
    first = first_characters(pattern)
    if not first:
        return f"(?:{_inner(pattern)})"
    return f"(?={first})(?:{_inner(pattern)})"


def _alternatives(source):
    """The top-level alternatives of a regular expression's text ("a|(?:b|c)|[|]" -> "a", "(?:b|c)", "[|]"); they
    join back to the text (checked by the caller)."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1 + (source[i + 1:i + 2] == "^")
            i += source[i:i + 1] == "]"   # "[]…]", "[^]…]": a first "]" is a member
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


def _letters(row, flags):
    """The characters a row's matches can start with as listed letters ("[воп]" -> в, о, п), or None when its first
    characters are unknown or include a range or a class such as \\w."""
    first = first_characters(Text(row, flags))
    return None if first is None else _listed(first, flags)


@lru_cache(maxsize=None)
def _listed(first, flags):
    """The letters a class of first characters lists (a tuple), or None (a range, a category)."""
    from re import _constants, _parser

    items = list(_parser.parse(first, flags))
    if len(items) == 1 and items[0][0] is _constants.LITERAL:
        return (chr(items[0][1]),)
    if len(items) != 1 or items[0][0] is not _constants.IN or \
            any(op is not _constants.LITERAL for op, _ in items[0][1]):
        return None
    return tuple(chr(value) for _, value in items[0][1])


def _by_first_letter(patterns, flags):
    """The inside of a script's combined look-ahead ("(?=(?:…))" after "(?<!\\w)"), as every trigger word (each row
    of each type's "(?<!\\w)(?:(?:row)|(?:row)|…)") filed under each letter it can start with:
    "(?=[в])(?:rows starting with в)|(?=[о])(?:…)|…|(?:rows whose first letters are unknown)". The look-ahead is only
    asked whether SOME type matches at a position, never which: at a word, one class test per letter and then only
    the rows that can start with its letter, instead of every type's rows (speed; ~half of the scan). The positions
    are the same: a row that matches at a position starts with a character its first letters match (case folded by
    the same flags: a class folds each listed letter, so the letters' own classes fold the same characters), and so
    is filed under a letter whose look-ahead passes there. None (the type-by-type look-ahead is used) when a pattern
    is not of that form or a row holds a back-reference or a named group (a row may be filed under several letters)."""
    buckets, unknown = {}, []
    for pattern in patterns:
        inner = _inner(pattern)
        if pattern.pattern == inner or not (inner.startswith("(?:") and inner.endswith(")")):
            return None
        rows = _alternatives(inner[3:-1])
        if "|".join(rows) != inner[3:-1] or any(_alternatives(f"({row})") != [f"({row})"] for row in rows):
            return None
        for row in rows:
            if re.search(r"\\[1-9]|\(\?P[<=]|\\g", row):
                return None
            letters = _letters(row, flags)
            if letters is None:
                unknown.append(row)
                continue
            for letter in letters:
                buckets.setdefault(letter, []).append(row)
    parts = [f"(?=[{re.escape(letter)}])(?:{'|'.join(rows)})" for letter, rows in buckets.items()]
    if unknown:
        parts.append(f"(?:{'|'.join(unknown)})")
    try:
        re.compile(f"(?<!\\w)(?=(?:{'|'.join(parts)}))", flags)
    except (re.error, RecursionError, OverflowError):
        return None
    return "|".join(parts)
