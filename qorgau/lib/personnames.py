"""Person names compared across Kazakh Cyrillic, Russian Cyrillic and Latin spellings.

`parse()` turns a name as written into parts (given names, family name, patronymic, initials) with a
spelling-blind key for each; `compare()` scores two parsed names and says why.

The keys fold what English, Russian and Kazakh writers spell differently: Kazakh letters (ә ғ қ ң ө ұ ү һ і),
zh/j/dzh, kh/h, y/i, ye-/e-, -yev/-ev, -ayev/-aev, -iy/-y, doubled letters, soft and hard signs; Russian
declension of family and given names (Садыковой → Садыкова); patronymics (-ovich, -ovna, -uly, -kyzy as a
patronymic after a given name); name order; initials ("K.P. Kozhamzharov"); titles and possessives.
Invariant: a family name's gender ending is kept apart from its stem, so Akhmetov and Akhmetova share a stem
but differ in gender — a father and a daughter are two people.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from qorgau.lib.textfold import transliterate

TITLES = {"mr", "ms", "mrs", "dr", "president", "investigator", "judge", "prosecutor", "minister", "akim",
          "ambassador", "activist", "journalist", "blogger", "businessman", "businesswoman", "lawyer", "mp",
          "chairman", "general", "deputy", "ombudsman", "professor", "colonel", "major", "captain",
          "президент", "следователь", "судья", "прокурор", "министр", "аким", "активист", "активистка",
          "журналист", "журналистка", "блогер", "правозащитник", "господин", "госпожа"}


# Russian case endings of family names, longest first: (ending, nominative ending).
DECLENSION = [("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская"), ("овым", "ов"), ("евым", "ев"),
              ("иным", "ин"), ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ове", "ов"), ("еве", "ев"),
              ("ову", "ов"), ("ого", "ий")]
GIVEN_DECLENSION = [("ьей", "ья"), ("ьи", "ья"), ("ой", "а"), ("ей", "я"), ("ы", "а"), ("ию", "ия"), ("ии", "ия")]
PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna|ovych|ович|евич|овна|евна|ична|ұлы|қызы)$")
FEMALE_FAMILY = re.compile(r"(?:ova|eva|yeva|ina|aya|skaya|ова|ева|ина|ая|ская)$")
MALE_FAMILY = re.compile(r"(?:ov|ev|yev|in|iy|ski|sky|ов|ев|ин|ий|ский)$")


STRONG_FAMILY = re.compile(r"(?:ov|ova|ev|eva|uly|kyzy|ов|ова|ев|ева|улы|ұлы|кызы|қызы)$")
WEAK_FAMILY = re.compile(r"(?:in|ina|ин|ина|ой|ым|ую)$")


def _fold(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)) \
        if not any("\u0400" <= ch <= "\u04ff" for ch in text) else text


def to_latin(word):
    # The same transliteration search uses; keys fold what differs from press spellings (kh/h, shch/sh).
    return transliterate(word)


def key(word):
    """A spelling-blind key for one name word (already Latin, lower case)."""
    w = re.sub(r"[^a-z]", "", word)
    for a, b in (("shch", "sh"), ("dzh", "zh"), ("dj", "zh"), ("j", "zh"), ("kh", "h"), ("q", "k"), ("gh", "g"), ("w", "v"),
                 ("x", "ks"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"), ("iy", "i"), ("yi", "i"),
                 ("ay", "ai"), ("ey", "ei"), ("oy", "oi"), ("uy", "ui"), ("ye", "e"), ("y", "i"), ("ts", "c"),
                 ("tc", "c")):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)          # doubled letters
    w = re.sub(r"^e(?=[rl])", "e", w)
    w = re.sub(r"(?<=[aeiou])ie(?=v)", "e", w)  # -aiev / -aev
    w = re.sub(r"aiev$|aev$", "aev", w)
    w = re.sub(r"iev$", "ev", w)
    w = re.sub(r"ai(?=[bcdfghklmnprstvz])", "ai", w)
    return w


@dataclass
class ParsedName:
    original: str
    given: list = field(default_factory=list)      # keys of given names
    initials: list = field(default_factory=list)   # first letters of given names written as initials
    family: str = ""                               # key of the family name's stem
    gender: str = ""                               # f, m or "" from the family name's ending
    patronymic: str = ""

    @property
    def tokens(self):
        return set(self.given) | ({self.family} if self.family else set())


def _family_parts(latin):
    """Stem and gender of a family name: akhmetova -> (akhmetov, f); kaliyev -> (kaliev, m); musauly -> (musauli, '')."""
    if re.search(r"(?:uly|uli|ulu|kyzy|kizi|qyzy)$", latin):
        return key(latin), ""
    if FEMALE_FAMILY.search(latin):
        stem = re.sub(r"(?:a|aya)$", "", latin)
        return key(stem), "f"
    if MALE_FAMILY.search(latin):
        return key(latin), "m"
    return key(latin), ""


PLACEHOLDER = re.compile(r"\d|\(|\b(?:anonymous|unknown|unnamed|unidentified|victim|detainee|person|аноним\w*|"
                         r"неизвестн\w*)\b", re.I)


def parse(name):
    """A name as written -> ParsedName. Cyrillic is declined back to the nominative before it is compared.

    A placeholder ("Anonymous detainee A (UA 63/18)") is no name: it gets no parts and matches nothing.
    """
    if PLACEHOLDER.search(name):
        return ParsedName(name)
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", name)
    words = [re.sub(r"[’']s$", "", w) for w in words]
    words = [w for w in words if _fold(w).rstrip(".") not in TITLES]
    initials, parts = [], []
    for w in words:
        if re.fullmatch(r"(?:[^\W\d_]{1,2}\.)+", w):
            initials += [to_latin(_fold(letter))[0] for letter in re.findall(r"([^\W\d_]{1,2})\.", w)]
        else:
            parts.append(_fold(w.rstrip(".")))
    if not parts:
        return ParsedName(name, initials=initials)
    patronymic = ""
    if len(parts) >= 3 and PATRONYMIC.search(parts[-1]) and not PATRONYMIC.search(parts[0]):
        patronymic = parts.pop()                         # Given Family Patronymic (Russian order with family first)
    elif len(parts) >= 3 and PATRONYMIC.search(parts[1]):
        patronymic = parts.pop(1)                        # Given Patronymic Family
    elif len(parts) == 3 and re.search(r"(?:ovich|evich|ovna|evna|ович|евич|овна|евна)$", parts[-1]):
        patronymic = parts.pop()
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in "".join(parts))
    # Family name: the word with a family ending, else the last word.
    # A strong ending (-ov, -eva, -uly …) beats a weak one (-in, -ina, which given names such as Zarina share).
    family_index, strength = len(parts) - 1, 0
    if len(parts) > 1:
        for index in (0, len(parts) - 1):
            part = parts[index]
            found = 2 if STRONG_FAMILY.search(part) else 1 if WEAK_FAMILY.search(part) else 0
            if found > strength:
                family_index, strength = index, found
    family_word = parts[family_index]
    given_words = [p for i, p in enumerate(parts) if i != family_index]
    if cyrillic:
        for ending, nominative in DECLENSION:
            if family_word.endswith(ending):
                family_word = family_word[: -len(ending)] + nominative
                break
        declined = []
        for word in given_words:
            for ending, nominative in GIVEN_DECLENSION:
                if word.endswith(ending) and len(word) > len(ending) + 2:
                    word = word[: -len(ending)] + nominative
                    break
            declined.append(word)
        given_words = declined
    family_latin = to_latin(family_word)
    family, gender = _family_parts(family_latin)
    given = [key(to_latin(w)) for w in given_words]
    return ParsedName(name, given=given, initials=initials, family=family, gender=gender,
                      patronymic=key(to_latin(patronymic)) if patronymic else "")


def jaro_winkler(a, b):
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(max(len(a), len(b)) // 2 - 1, 0)
    a_flags, b_flags = [False] * len(a), [False] * len(b)
    matches = 0
    for i, ch in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if not b_flags[j] and b[j] == ch:
                a_flags[i] = b_flags[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    transpositions, k = 0, 0
    for i, ch in enumerate(a):
        if a_flags[i]:
            while not b_flags[k]:
                k += 1
            transpositions += ch != b[k]
            k += 1
    jaro = (matches / len(a) + matches / len(b) + (matches - transpositions / 2) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4]):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def compare(a, b):
    """Score 0..1 that two names are one person, with the evidence. Family names must agree; given names must
    agree, be compatible initials, or be missing on one side; different genders never match."""
    if isinstance(a, str):
        a = parse(a)
    if isinstance(b, str):
        b = parse(b)
    evidence = []
    if not a.family or not b.family:
        return 0.0, ["a family name is missing"]
    family = jaro_winkler(a.family, b.family)
    if family < 0.9:
        return 0.0, [f"family names differ ({a.family} / {b.family})"]
    if a.gender and b.gender and a.gender != b.gender:
        return 0.0, ["the family names' endings say different genders"]
    evidence.append("same family name" if family == 1 else f"family names alike ({family:.2f})")
    score = 0.55 * family
    if a.given and b.given:
        best = max(jaro_winkler(x, y) for x in a.given for y in b.given)
        if best < 0.85:
            return 0.1, evidence + [f"given names differ ({'/'.join(a.given)} / {'/'.join(b.given)})"]
        score += 0.45 * best
        evidence.append("same given name" if best == 1 else f"given names alike ({best:.2f})")
    elif a.initials or b.initials:
        letters = a.initials or [g[0] for g in a.given]
        others = b.initials or [g[0] for g in b.given]
        if letters and others and letters[0] != others[0]:
            return 0.1, evidence + ["initials differ"]
        score += 0.3
        evidence.append("initials agree")
    else:
        score += 0.2
        evidence.append("only the family name is known on one side")
    if a.patronymic and b.patronymic and jaro_winkler(a.patronymic, b.patronymic) < 0.85:
        return 0.1, evidence + ["patronymics differ"]
    return round(min(score, 1.0), 3), evidence
