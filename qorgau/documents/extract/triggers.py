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

from qorgau.lib import patterns as re  # `re`, with compiled patterns kept across processes (start-up)
from qorgau.lib.prefilter import first_characters


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
            inner = "|".join(_guarded(by_script[key]) for key in keys)
            flags = {by_script[key].flags for key in keys}
            self.any[script] = re.compile(rf"(?<!\w)(?=(?:{inner}))", flags.pop() if len(flags) == 1 else re.I) \
                if len(flags) <= 1 else None
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
