"""Person names compared across Kazakh Cyrillic, Russian Cyrillic and Latin spellings.

`parse()` turns a name as written into parts (given names, family name, patronymic, initials) with a
spelling-blind key for each; `compare()` scores two parsed names and says why, with the weight of each piece of
evidence (log-likelihood ratios in bits, as in a Fellegi–Sunter model; the table is `WEIGHTS`).

What is folded (docs/resolution.md lists it with examples):
- scripts: Kazakh Cyrillic letters (ә ғ қ ң ө ұ ү һ і), Russian Cyrillic, the Kazakh Latin alphabets of 2017–2021
  (ä ğ ı ñ ŋ ö ş ū ü, á ǵ ń ó ú ý, s' c') and English-press Latin;
- spellings: zh/j/dzh, kh/h, q/k, y/i/j, ye-/e-, yo/ё/e, -yev/-ev, -ayev/-aev/-aiev, an inserted or dropped
  vowel after a vowel (Bauyrzhan/Baurzhan), mb/nb, doubled letters, soft and hard signs;
- grammar: Russian cases of family names (-ову, -овым, -ове, -овой …) and given names (pymorphy3 for Russian
  names plus rules for Kazakh ones: Аскара, Ерлану, Айгерим stays), Kazakh case endings (-ның/-нің/-дың/-дің/
  -тың/-тің, -ны/-ні/-ды/-ді/-ты/-ті, -ға/-ге/-қа/-ке, -мен/-бен/-пен, -нан/-нен/-дан/-ден/-тан/-тен);
- forms: patronymics (-ovich, -ovna …; -uly/-kyzy after a given name), name order, a family name in capitals
  first ("SADYKOVA Maigul"), initials with or without dots and spaces ("K.P.", "K. P.", "KP"), titles, possessives.
A declined word may have several nominatives (Нурланову: Нурланов's dative or Нурланова's accusative); each word
keeps every candidate and a comparison takes the best. Invariant: a family name's gender ending is kept apart
from its stem, and a gender the ending makes certain is never overridden — Akhmetov and Akhmetova are two people.
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from qorgau.lib.textfold import transliterate

TITLES = {"mr", "ms", "mrs", "dr", "president", "investigator", "judge", "prosecutor", "minister", "akim",
          "ambassador", "activist", "journalist", "blogger", "businessman", "businesswoman", "lawyer", "mp",
          "chairman", "general", "deputy", "ombudsman", "professor", "colonel", "major", "captain", "citizen",
          "президент", "следователь", "судья", "судьи", "судье", "прокурор", "министр", "аким", "активист",
          "активистка", "журналист", "журналистка", "блогер", "правозащитник", "господин", "госпожа", "гражданин",
          "гражданка", "адвокат", "судья", "сот", "судьясы", "белсенді", "журналисі",
          # Kazakh and Russian forms of address and their abbreviations; declined roles of Russian text
          "мырза", "ханым", "апай", "ағай", "аға", "г-н", "г-жа", "miss", "sir", "тергеуші", "активиста", "активистки",
          "журналиста", "журналистки", "блогера", "правозащитника", "правозащитницы", "адвоката", "следователя",
          "прокурора"}

# The Kazakh Latin alphabets (2017 apostrophes, 2018 acutes, 2021 diacritics) -> the letters our keys use.
KAZAKH_LATIN = str.maketrans({"ä": "a", "á": "a", "ğ": "g", "ǵ": "g", "ı": "y", "ñ": "n", "ŋ": "n", "ń": "n",
                              "ö": "o", "ó": "o", "ş": "sh", "ś": "sh", "ū": "u", "ü": "u", "ú": "u", "ý": "u",
                              "ç": "ch", "ć": "ch"})

# Russian case endings of -ov/-ev/-in family names, in Latin (after transliteration): ending -> (nominative
# masculine stem ending, gender the ending makes certain or "" when it may be either).
FAMILY_CASES = [
    ("ovoiu", "ov", "f"), ("evoiu", "ev", "f"), ("inoiu", "in", "f"), ("ynoiu", "yn", "f"),
    ("ovoi", "ov", "f"), ("evoi", "ev", "f"), ("inoi", "in", "f"), ("ynoi", "yn", "f"),
    ("ovym", "ov", "m"), ("evym", "ev", "m"), ("inym", "in", "m"), ("ynym", "yn", "m"),
    ("ovu", "ov", ""), ("evu", "ev", ""), ("inu", "in", ""), ("ynu", "yn", ""),
    ("ove", "ov", "m"), ("eve", "ev", "m"), ("ine", "in", ""), ("yne", "yn", ""),   # Чуприне: Чуприна too
    ("ova", "ov", "?"), ("eva", "ev", "?"), ("ina", "in", "?"), ("yna", "yn", "?"),   # ? = f, or m genitive
    ("skaia", "skii", "f"), ("skoi", "skii", ""), ("skogo", "skii", "m"), ("skomu", "skii", "m"),
    ("skim", "skii", "m"), ("skuiu", "skii", "f"), ("ov", "ov", "m"), ("ev", "ev", "m"), ("in", "in", "m"),
    ("yn", "yn", "m"), ("skii", "skii", "m"), ("skiy", "skii", "m"), ("sky", "skii", "m"), ("ski", "skii", "m"),
]
# Kazakh case endings, in Latin, with the sounds they follow (v: a vowel, z: a voiced consonant, s: a voiceless one).
KAZAKH_CASES = [
    ("nyn", "vm"), ("nin", "vm"), ("dyn", "z"), ("din", "z"), ("tyn", "s"), ("tin", "s"),
    ("men", "vzm"), ("ben", "zm"), ("pen", "s"), ("nan", "m"), ("nen", "m"), ("dan", "vz"), ("den", "vz"),
    ("tan", "s"), ("ten", "s"), ("ny", "v"), ("ni", "v"), ("dy", "zm"), ("di", "zm"), ("ty", "s"), ("ti", "s"),
    ("ga", "vzm"), ("ge", "vzm"), ("ka", "s"), ("ke", "s"), ("qa", "s"),
    ("da", "vzm"), ("de", "vzm"), ("ta", "s"), ("te", "s"),                     # locative: Нұрлановта, Айгерімде
]
VOWELS = set("aeiouy")
VOICELESS = set("kqptsfhcbvgd")      # final б в г д are said unvoiced: Нұрлановтың, Нұрлановқа
NASAL = set("mn")
# Russian case endings of given names not in pymorphy3's dictionary (most Kazakh names), in Latin:
# ending -> nominative ending. Tried only for Cyrillic text; every result is a candidate, not a verdict.
GIVEN_CASES = [("oi", "a"), ("ei", "ia"), ("iu", "ia"), ("ii", "ia"), ("om", ""), ("em", ""), ("u", ""),
               ("a", ""), ("e", ""), ("e", "a"), ("y", "a"), ("i", "ia")]

PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna|ovych|ovicha|evicha|ovne|evne|ovnoi|evnoi|ovichu|evichu|"
                        r"ович|евич|овна|евна|ична|овича|евича|овичу|евичу|овны|евны|овне|евне|овной|евной|ұлы|қызы)$")
STRONG_FAMILY = re.compile(r"(?:ov|ova|ev|eva|uly|kyzy|ovoi|evoi|ovu|evu|ovym|evym|ove|eve|skii|skaia|"
                           r"uli|ovtyn|evtyn|ovty|ovka|ovqa|ovanyn|ovany|ovaga|ovke|evke|evtin|evti)$")
WEAK_FAMILY = re.compile(r"(?:in|ina|yn|yna|inoi|inu|inym)$")
PLACEHOLDER = re.compile(r"\d|\(|\b(?:anonymous|unknown|unnamed|unidentified|victim|detainee|person|аноним\w*|"
                         r"неизвестн\w*)\b", re.I)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]")


@lru_cache(maxsize=100_000)
def _fold(text):
    """Case, compatibility forms, the Kazakh Latin letters and other diacritics folded; Cyrillic kept."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).casefold())
    text = re.sub(r"([sc])['’ʼ](?=[a-z])", lambda m: m.group(1) + "h", text)      # 2017 alphabet: s' c'
    text = text.translate(KAZAKH_LATIN)
    if CYRILLIC.search(text):
        return text
    text = re.sub(r"y['’ʼ](?=[a-z])", "u", text)                               # 2017 alphabet: y' is ү
    text = re.sub(r"(?<=[a-z])['’ʼ](?=[a-z])", "", text)                         # 2017 alphabet: a' o' u' g' n'
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=100_000)
def to_latin(word):
    """The same transliteration search uses (Kazakh letters folded first); Latin passes through."""
    return transliterate(_fold(word))


@lru_cache(maxsize=200_000)
def key(word):
    """A spelling-blind key for one name word (already Latin, lower case): Qazyhanov, Kazykhanov -> kazihanov."""
    w = re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", word))       # doubled letters (Daniiar / Daniyar)
    w = re.sub(r"(?<=[bcdfghklmnprstvz])yo", "e", w)                 # Fyodor / Fedor, Tkachyov / Tkachev
    for a, b in (("shch", "sh"), ("sch", "sh"), ("dzh", "zh"), ("dj", "zh"), ("j", "zh"), ("kh", "h"), ("q", "k"), ("gh", "g"),
                 ("w", "v"), ("x", "ks"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"), ("iy", "i"),
                 ("yi", "i"), ("ay", "ai"), ("ey", "ei"), ("oy", "oi"), ("uy", "ui"), ("ye", "e"), ("y", "i"),
                 ("ts", "c"), ("tc", "c"), ("mb", "nb"), ("mp", "np")):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)                  # doubled letters
    w = re.sub(r"(?<=[aeo])ui(?=[bcdfgklmnprstvz])", "u", w)   # Bauyrzhan / Baurzhan
    w = re.sub(r"(?<=[aeiou])ie(?=v)", "e", w)       # -aiev / -aev
    w = re.sub(r"aiev$", "aev", w)
    w = re.sub(r"iev$", "ev", w)
    w = re.sub(r"(?<=[aeiou])i(?=[aeou])", "", w)     # Kaiypnazar / Kaipnazar, Aiup / Aup
    return w


def phonetic(word_key):
    """A coarser key for search: vowel runs folded to one 'a' (Medeuev / Medeuov -> madav)."""
    return re.sub(r"[aeiou]+", "a", word_key)


def _sound(latin_stem):
    last = latin_stem[-1:]
    if not last:
        return ""
    if last in "iyu" and latin_stem[-2:-1] in VOWELS:
        return "z"                                   # Абайдың, Медеудің: й and у after a vowel
    if latin_stem.endswith("zh"):
        return "z"
    if last in VOWELS:
        return "v"
    if last in NASAL:
        return "m"
    return "s" if last in VOICELESS else "z"


@lru_cache(maxsize=100_000)
def kazakh_case_stems(latin):
    """Stems a Kazakh case ending may hide: nurlanovtyn -> [nurlanov]; aigerimge -> [aigerim]."""
    out = []
    for ending, after in KAZAKH_CASES:
        if latin.endswith(ending) and len(latin) - len(ending) >= 3:
            stem = latin[: -len(ending)]
            sound = _sound(stem)
            if sound in after:
                out.append(stem)
    return tuple(out)


@lru_cache(maxsize=100_000)
def _morph_normals(word):
    """pymorphy3's nominatives of a Russian given name or family name (only analyses tagged Name or Surn)."""
    try:
        analyzer = _analyzer()
    except ImportError:   # pragma: no cover - pymorphy3 is a dependency
        return ()
    found = []
    for p in analyzer.parse(word)[:6]:
        if p.tag.POS == "NOUN" and ({"Name", "Surn", "Patr"} & set(p.tag.grammemes)) and p.normal_form not in found:
            found.append(p.normal_form)
    return tuple(found)


@lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@dataclass
class ParsedName:
    original: str
    given: list = field(default_factory=list)       # keys of given names (the form as written, undeclined)
    initials: list = field(default_factory=list)    # first letters of given names written as initials
    family: str = ""                                # key of the family name's stem
    gender: str = ""                                # f, m or "" from the family name's ending
    patronymic: str = ""
    given_alts: list = field(default_factory=list)  # per given name: every key it may stand for
    given_firsts: list = field(default_factory=list)  # first Latin letter of each given name as written
    given_nominative: list = field(default_factory=list)  # one key per given name: its nominative where known
    family_alts: set = field(default_factory=set)   # every stem key the family word may stand for
    order_known: bool = False                       # an ending or capitals said which word is the family name
    order_strength: int = 0                         # 3 capitals, 2 a strong family ending, 1 a weak one, 0 none
    family_written: set = field(default_factory=set)  # the family word as written, in Latin (typos hit endings too)
    lone_given_alts: tuple = ()                     # a one-word name read as a given name (Динаре -> dinara)
    likely_woman: bool = False                      # Евгения Журавлёва, Е. Журавлева: a woman, or a man declined

    @property
    def tokens(self):
        return set(self.given) | ({self.family} if self.family else set())


def _kazakh_vowels(word):
    """Kazakh ө is written o or u in Latin (Өтебаев: Otebaev, Utebayev): the reading with u; ә is written a, or e as
    in the Russian form (Бәделбаев: Badelbaev, Бедельбаев): the reading with e; a first қ is х in some Russian forms
    (Қожақараев: Хожакараев)."""
    out = [to_latin(word.replace("ө", "у"))] if "ө" in word else []
    if "ә" in word:
        out.append(to_latin(word.replace("ә", "е")))
    if word.startswith("қ"):
        out.append(to_latin("х" + word[1:]))
    return out


def _j_as_y(latin):
    """German, Polish and Czech spellings write й and я/ю as j (Ajan, Jaroslav, Mamaj): the reading with y."""
    if "j" in latin and "dj" not in latin:
        return [latin.replace("j", "y")]
    return []


IO_BETWEEN_CONSONANTS = re.compile(r"(?<=[bcdfghklmnprstvz])io(?=[bcdfghklmnprstvz])")


def _io_as_yo(latin):
    """ё written io between consonants (Piotr, Fiodor, Aliona, Semionova, Beriozkin: Polish and French-style
    romanisations; session 15; also the old "-iov" of Selezniov): the reading with yo, a further reading beside the
    key. Not at a word's end (Mario, Sergio) nor before a vowel."""
    yo = IO_BETWEEN_CONSONANTS.sub("yo", latin)
    return [yo] if yo != latin else []


@lru_cache(maxsize=100_000)
def family_forms(word, cyrillic):
    """Stems and gender of a family name in any case: akhmetovoi -> ({akhmetov}, f); Нурланову -> ({nurlanov}, '')."""
    latin = to_latin(word)
    case_stems = list(kazakh_case_stems(latin))
    candidates = [latin] + case_stems + _j_as_y(latin) + _kazakh_vowels(word.casefold())
    # ё written io (Selezniov, Kovaliov / Seleznev; Semionova, Beriozkin): a further reading, not the key itself --
    # "-iov" is also a typo of "-sov"/"-tov" (Kuznetiov), which keeps its own key.
    candidates += [yo for c in list(candidates) for yo in _io_as_yo(c)]
    kazakh = [c for c in case_stems if re.search(r"(?:ov|ev|ova|eva|in|ina|yn|yna|uly|kyzy)$", c)]
    if kazakh:
        candidates = kazakh + [c for c in candidates if c not in kazakh]   # Нұрлановтың: the stem first
        latin = candidates[0]
        cyrillic = False                           # Kazakh grammar: -ова is a woman's name, not a genitive
    stems, genders = [], set()
    for candidate in candidates:
        if re.search(r"(?:uly|uli|ulu|kyzy|kizi|qyzy|kyz)$", candidate):
            stems.append(key(candidate))
            genders.add("f" if re.search(r"[kq][yi]z[yi]?$", candidate) else "m")   # -qyzy: the 2021 alphabet
            continue
        for ending, nominative, gender in FAMILY_CASES:
            if candidate.endswith(ending) and len(candidate) - len(ending) >= 2:
                stem = candidate[: -len(ending)] + nominative
                if gender == "?":
                    gender = "" if cyrillic else "f"
                stems.append(key(stem))
                genders.add(gender)
                break
        else:
            stems.append(key(candidate))
            genders.add("")
            if cyrillic:   # a declined man's family name without a Russian ending: Байбека, Ашиму, Ашимом
                for ending in ("om", "em", "u", "a", "e", "ia", "iu"):
                    if candidate.endswith(ending) and len(candidate) - len(ending) >= 3:
                        stems.append(key(candidate[: -len(ending)]))
    # The form as written decides the gender; case-ending alternatives only widen the stems.
    first = next(iter(genders)) if len(genders) == 1 else _gender_of_first(latin, cyrillic)
    return tuple(stems), first


def _gender_of_first(latin, cyrillic):
    for ending, _nominative, gender in FAMILY_CASES:
        if latin.endswith(ending) and len(latin) - len(ending) >= 2:
            return ("" if cyrillic else "f") if gender == "?" else gender
    return ""


@lru_cache(maxsize=100_000)
def given_forms(word, cyrillic):
    """Keys a given name may stand for: Аскара -> [askara, askar]; Айгерімге -> [aigerimge, aigerim]."""
    latin = to_latin(word)
    keys = [key(latin)]
    for stem in list(kazakh_case_stems(latin)) + _j_as_y(latin) + _kazakh_vowels(word.casefold()) + _io_as_yo(latin):
        keys.append(key(stem))
    if cyrillic:
        folded = _fold(word).replace("ё", "е")
        for normal in _morph_normals(folded):
            keys.append(key(to_latin(normal)))
        for ending, nominative in GIVEN_CASES:
            if latin.endswith(ending) and len(latin) - len(ending) >= 3:
                keys.append(key(latin[: -len(ending)] + nominative))
    return tuple(dict.fromkeys(k for k in keys if k))


INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.)+")
ONE_LETTER_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
POSSESSIVE = re.compile(r"[’']s$")


@lru_cache(maxsize=100_000)
def _strength(part):
    """How surely a word is a family name by its ending: 2 strong (-ov, -eva, -uly …), 1 weak (-in, -ina), 0."""
    best = 0
    for latin in (to_latin(part),) + kazakh_case_stems(to_latin(part)):   # Құдайбергеновамен: -ova + -men
        best = max(best, 2 if STRONG_FAMILY.search(latin) else 1 if WEAK_FAMILY.search(latin) else 0)
    return best


@lru_cache(maxsize=100_000)
def _is_patronymic(part):
    return bool(PATRONYMIC.search(part))


@lru_cache(maxsize=100_000)
def nominative_key(word, cyrillic):
    """One key for a given name: pymorphy3's nominative of a Russian-declined name it knows, else the word's own."""
    if cyrillic:
        folded = _fold(word).replace("ё", "е")
        normals = _morph_normals(folded)
        if normals and folded not in normals:     # Алия stays Алия (not Алий's genitive); Сергея -> Сергей
            return key(to_latin(normals[0]))
    return key(to_latin(word))


def _is_initials(word, others):
    bare = word.rstrip(".")
    if INITIALS.fullmatch(word):
        return True
    # "KP Kozhamzharov", "Kozhamzharov K P": capitals of one or two letters beside longer words
    return others and len(bare) <= 2 and bare.isupper()


def _initial_letters(word):
    letters = re.findall(r"([^\W\d_]{1,2})\.", word) or list(word)
    out = []
    for letter in letters:
        latin = to_latin(letter)
        if latin.startswith(("zh", "sh", "ch", "kh")) and len(letter) > 1:
            out.append(latin[0])
        else:
            out.extend(ch for ch in latin[:1])
    return out


# First letters that one given name takes in different spellings: Yerbol/Erbol, Iaroslav/Jaroslav, Janbolat/
# Zhanbolat, Qairat/Kairat, Hrapunov/Khrapunov.
INITIAL_CLASSES = [set("yeij"), set("jz"), set("kq"), set("hk")]


def initials_compatible(x, y):
    return x == y or any(x in c and y in c for c in INITIAL_CLASSES)


GLUED_INITIAL = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_\s])")
NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")


def _split(name):
    return NAME_WORD.findall(GLUED_INITIAL.sub(". ", name))      # "K.Kozhamzharov" -> "K. Kozhamzharov"


@lru_cache(maxsize=200_000)
def parse(name):
    """A name as written -> ParsedName. Cyrillic is declined back to the nominative before it is compared.

    A placeholder ("Anonymous detainee A (UA 63/18)") is no name: it gets no parts and matches nothing.
    """
    if PLACEHOLDER.search(name):
        return ParsedName(name)
    words = [POSSESSIVE.sub("", w) for w in _split(name)]
    words = [w for w in words if _fold(w).rstrip(".") not in TITLES]
    long_words = [w for w in words if len(w.rstrip(".")) > 2 or not w.rstrip(".").isupper()]
    initials, parts, capitals = [], [], []
    for w in words:
        if _is_initials(w, len(long_words) > 0 and w not in long_words) or ONE_LETTER_INITIALS.fullmatch(w):
            initials += _initial_letters(w.rstrip(".") if "." not in w else w)
        else:
            bare = w.rstrip(".")
            if len(bare) > 2 and bare.isupper():
                capitals.append(len(parts))
            parts.append(_fold(bare))
    if not parts:
        return ParsedName(name, initials=initials)
    patronymic, family_first = "", False
    if len(parts) >= 3 and _is_patronymic(parts[-1]) and not _is_patronymic(parts[0]):
        patronymic = parts.pop()                         # Family Given Patronymic (lists) / Given Family Patronymic
        family_first = True
    elif len(parts) >= 3 and _is_patronymic(parts[1]):
        patronymic = parts.pop(1)                        # Given Patronymic Family
    elif len(parts) == 2 and _is_patronymic(parts[1]) and initials:
        patronymic = parts.pop()
    # Russian declension applies to Russian text; Kazakh letters say the name is written in Kazakh.
    cyrillic = bool(CYRILLIC.search("".join(parts))) and not KAZAKH_LETTERS.search("".join(parts))
    # Family name: a word in capitals among others written normally ("SADYKOVA Maigul"); else the word with a
    # family ending at either end; else the last word. A strong ending beats a weak one (Zarina ends like Karina).
    # With a patronymic last, Russian order puts the family name first (Шмидт Меруерт Динмухамедовна).
    family_index, strength = (0 if family_first else len(parts) - 1), 0
    if len(parts) > 1 and len(capitals) == 1 and len(capitals) < len(parts):
        family_index, strength = capitals[0], 3
    elif len(parts) > 1:
        for index in (0, len(parts) - 1):
            found = _strength(parts[index])
            if found > strength or (found == strength == 1 and _known_given(parts[family_index])
                                    and not _known_given(parts[index])):
                # Two weak endings (Валентина Махотина, Марина Ильина): the word that is a common given name is
                # the given name.
                family_index, strength = index, found
    family_word = parts[family_index]
    given_words = [p for i, p in enumerate(parts) if i != family_index]
    stems, gender = family_forms(family_word, cyrillic)
    if cyrillic and gender == "" and to_latin(family_word).endswith(("ova", "eva", "ina", "yna")) and given_words \
            and not re.search(r"[аяы]$", given_words[0]):
        gender = "f"   # Айгерим Нурланова: a given name not declined, so the family name is in the nominative
    given_alts = [given_forms(w, cyrillic) for w in given_words]
    likely_woman = cyrillic and gender == "" and to_latin(family_word).endswith(("ova", "eva", "ina", "yna")) and (
        _womans_name(given_words[0]) if given_words else bool(initials))
    return ParsedName(name, given=[alts[0] for alts in given_alts], initials=initials, family=stems[0],
                      gender=gender, patronymic=key(to_latin(patronymic)) if patronymic else "",
                      given_alts=given_alts, family_alts=set(stems), order_known=strength > 0,
                      order_strength=strength, family_written={to_latin(family_word), key(to_latin(family_word))},
                      lone_given_alts=given_forms(family_word, cyrillic) if len(parts) == 1 and not initials else (),
                      given_firsts=[to_latin(w)[:1] for w in given_words],
                      given_nominative=[nominative_key(w, cyrillic) for w in given_words],
                      likely_woman=likely_woman)


@lru_cache(maxsize=20_000)
def _known_given(word):
    """A word that is a common given name as written: in given_names.txt (Валентина, Марина; not Махотина), the
    man's form of a woman's name there (Valentin), or a given name pymorphy3 knows in the nominative (Валентин)."""
    known = known_given_names()
    if key(to_latin(word)) in known or key(to_latin(word)) + "a" in known:
        return True
    if not CYRILLIC.search(word):
        return False
    try:
        analyzer = _analyzer()
    except ImportError:   # pragma: no cover - pymorphy3 is a dependency
        return False
    word = word.lower()
    return analyzer.word_is_known(word) and {"Name", "sing", "nomn"} <= set(analyzer.parse(word)[0].tag.grammemes)


@lru_cache(maxsize=20_000)
def _womans_name(word):
    """A common woman's given name as written (given_names.txt: Евгения, Александра, Валентина, Юлия, Яна), though
    it may also be a man's name declined (Евгения is Евгений's genitive), as pymorphy3 reads it (a feminine Name
    in the nominative). A rare one (Нурлана, Ярослава) is far likelier a man's name in the genitive (Нурлана
    Ногаева: Нурлан Ногаев's), so it is not read so."""
    try:
        analyzer = _analyzer()
    except ImportError:   # pragma: no cover - pymorphy3 is a dependency
        return False
    word = word.lower()
    return key(to_latin(word)) in known_given_names() and analyzer.word_is_known(word) and any(
        {"Name", "femn", "nomn"} <= set(p.tag.grammemes) for p in analyzer.parse(word)[:6])


def latin_apostrophes(text):
    """The 2017 Kazakh Latin alphabet writes letters with an apostrophe (s' c' y' a' o' u' g' n' i'); a search splits
    words at apostrophes, so they are folded first: "Bei'bit Y'senov" -> "Beibit Üsenov"."""
    text = re.sub(r"([sScC])['’ʼ](?=[^\W\d_])", lambda m: m.group(1) + "h", text)
    text = re.sub(r"([yY])['’ʼ](?=[^\W\d_]|$|\s)", lambda m: "ü" if m.group(1) == "y" else "Ü", text)
    return re.sub(r"(?<=[^\W\d_])['’ʼ](?=[^\W\d_])", "", text)


def name_keys(text):
    """Every key a name (or a query word) may stand for, for search: spelling keys of the words, their stems
    undeclined, and phonetic keys. Returns (keys, phonetic keys)."""
    keys, sounds = set(), set()
    for word in _split(text):
        word_keys, word_sounds = _word_keys(word)
        keys |= word_keys
        sounds |= word_sounds
    return keys, sounds


@lru_cache(maxsize=50_000)
def _word_keys(word):
    """name_keys of one word (a pure function of the word: cached, as names repeat)."""
    bare = word.rstrip(".")
    if len(bare) < 3:
        return frozenset(), frozenset()
    folded = _fold(bare)
    cyrillic = bool(CYRILLIC.search(folded))
    stems, _gender = family_forms(folded, cyrillic)
    keys = frozenset(k for k in set(stems) | set(given_forms(folded, cyrillic)) if len(k) >= 2)
    return keys, frozenset(phonetic(k) for k in keys)


PHONETIC_MARK = "zq"   # phonetic keys are indexed as zq<key>, so they never answer a prefix typed by a reader


SKELETON_MARK = "zk"   # consonant skeletons (vowels dropped) are indexed as zk<skeleton>: Amrkhanova / Amirkhanova


def skeleton(word_key):
    """The consonants of a key (a dropped, added or mistyped vowel does not change it): amirhanov -> mrhnv."""
    return re.sub(r"[aeiouy]+", "", word_key)


def skeleton_terms(keys):
    return sorted({SKELETON_MARK + skeleton(k) for k in keys if len(k) >= 5 and len(skeleton(k)) >= 3})


def name_search_terms(text):
    """The extra words a person's names are indexed under: name keys, marked phonetic keys and skeletons."""
    keys, sounds = name_keys(text)
    return " ".join(sorted(keys) + sorted(PHONETIC_MARK + s for s in sounds) + skeleton_terms(keys))


def query_alternatives(word, typed=None):
    """What one query word may match in a person's index row: (prefixes, whole words). The word itself and its
    name keys as prefixes ("qazyh" finds Kazykhanov while it is typed), its phonetic keys as whole words."""
    prefixes = [word]
    if len(word) < 3 or not re.fullmatch(r"[^\W\d_]+", word):
        return prefixes, []
    keys, sounds = name_keys(typed or word)
    prefixes += sorted(k for k in keys if k != word and len(k) >= 4)
    # Three letters in Cyrillic begin what the same letters in Latin begin ("Рус" as "Rus": Ruslan, Руслан).
    latin = to_latin(word)
    if CYRILLIC.search(word) and len(latin) == 3 and latin.isalpha() and latin not in prefixes:
        prefixes.append(latin)
    # A short key ("an" for Ayan/Aian) would begin too many names: it must match whole.
    return prefixes, sorted(k for k in keys if len(k) < 4) + sorted(PHONETIC_MARK + s for s in sounds)


@lru_cache(maxsize=200_000)
def jaro_winkler(a, b):
    """Jaro-Winkler similarity of two strings. Cached (a pure function of the two strings): resolution compares the
    same given and family names across thousands of pairs of records (speed, issue 11)."""
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


@lru_cache(maxsize=1)
def known_given_names():
    """Keys of common given names (given_names.txt): two of them a letter apart are two names, not a typo."""
    from pathlib import Path

    lines = [line for name in ("given_names.txt", "given_names_lexicon.txt")
             for line in Path(__file__).with_name(name).read_text(encoding="utf-8").splitlines()]
    return frozenset(key(to_latin(line.strip())) for line in lines if line.strip() and not line.startswith("#"))


def _given_level(a_alts, b_alts):
    # A pure function of the two lists (and the fixed list of known names): people share few given names, so the
    # resolver asks for the same pair of lists again and again.
    return _given_level_of(tuple(map(tuple, a_alts)), tuple(map(tuple, b_alts)))


@lru_cache(maxsize=100_000)
def _given_level_of(a_alts, b_alts):
    """(best Jaro-Winkler, level) for two lists of given names, each with its alternative keys.

    alike: one edit apart (a letter dropped, doubled, swapped or mistyped), or very close — unless both are
    real names of the list (Марат / Мурат, Дана / Дина: two people), which stay "near" (queued, not merged)."""
    best, level, rank = 0.0, "given differ", 0
    known = known_given_names()
    order = {"given differ": 0, "given near": 1, "given alike": 2, "given same": 3}
    for xs in a_alts:
        for ys in b_alts:
            a_known, b_known = set(xs) & known, set(ys) & known
            two_names = bool(a_known and b_known and not a_known & b_known) and not any(
                x + "a" == y or y + "a" == x or _k_as_h(x, y)
                for x in xs for y in ys)   # Гүлнар / Гульнара, Бақыт / Бахыт: one name, two forms
            for x in xs:
                for y in ys:
                    jw = jaro_winkler(x, y)
                    if x == y:
                        this = "given same"
                    else:
                        edits = OSA.distance(x, y)
                        close = (edits == 1 and min(len(x), len(y)) >= 4) or (jw >= 0.95 and edits <= 2)
                        this = "given alike" if close and not two_names else \
                            "given near" if jw >= 0.85 or close else "given differ"
                    if order[this] > rank or (order[this] == rank and jw > best):
                        best, level, rank = max(best, jw) if order[this] == rank else jw, this, order[this]
    return best, level


def _hyphen_part(a, b):
    """a's given name is hyphenated and b's given name is one of its parts, not the whole (Нур-Ахмет / Ахмет,
    Ak-Kuat / Kuat): two names, as brothers are given (session 15) -- a letter or two apart on the keys, which drop
    the hyphen, but no typo. Нур-Ахмет / Нурахмет is the same name joined, and stays alike."""
    words = [w for w in a.original.replace("‑", "-").split() if "-" in w.strip("-")]
    if not words or not b.given:
        return False
    parts = {key(to_latin(part.lower())) for w in words for part in w.split("-") if part}
    return bool(parts & set(b.given))


def _k_as_h(x, y):
    """Kazakh қ written х in the Russian form of a name (Бақыт / Бахыт, Бақытжан / Бахытжан): the keys differ by one
    k where the other has h, nothing else."""
    return len(x) == len(y) and sum(a != b for a, b in zip(x, y)) == 1 and \
        {a + b for a, b in zip(x, y) if a != b} <= {"kh", "hk"}


def _best(xs, ys):
    return max((jaro_winkler(x, y) for x in xs for y in ys), default=0.0)


# The weight of each piece of evidence, in bits: log2(m/u), m = how often two records of one person show it,
# u = how often two records of different people do (among pairs that share a family-name block). Estimated on the
# dev split of tests/evaluation/*pairs*.tsv (`qorgau evaluate --resolution --fit` prints the estimates) and
# rounded; PRIOR is the log-odds that two records of a block are one person before any evidence.
WEIGHTS = {
    "prior": -7.0,
    "family same": 8.0, "family alike": 7.6, "family suffix": 4.5, "family near": 2.0,
    "given alone": 8.6, "given alone, initial": 2.5, "family differ": -20.0,
    "given word, family word": 3.0,
    "given same": 6.0, "given alike": 4.0, "given near": 1.0, "given differ": -9.0,
    "initials agree": 2.5, "initials differ": -9.0, "given missing": 0.6,
    "patronymic agree": 3.0, "patronymic differ": -9.0,
    "gender differ": -20.0, "gender likely differs": -5.0,
    "turned, two given names": -3.0,
}


def probability(bits):
    return 1 / (1 + math.pow(2, -bits))


def swapped(p):
    """The same name read the other way round (for two-word names whose order no ending decides)."""
    if len(p.given) != 1 or p.initials or p.patronymic or p.order_strength > 1:
        return None
    stems, gender = family_forms(p.given[0], False)
    written = sorted(w for w in p.family_written if w == key(w))       # Zarina read as a given name: zarina
    return ParsedName(p.original, given=[p.family], family=stems[0], gender="" if not gender else p.gender,
                      given_alts=[written + sorted(p.family_alts)],
                      family_alts=set(p.given_alts[0]) if p.given_alts else {p.given[0]},
                      family_written=set(p.given_alts[0][:1]) if p.given_alts else set())


def compare_weights(a, b):
    """[(feature, weight in bits, detail)] for two parsed names; the first entry is the prior. A two-word name
    whose order no ending settles ("Baibek Bauyrzhan") is also read the other way round; the better reading counts."""
    best = _compare_weights(a, b)
    if sum(w for _, w, _ in best) < 0:
        for x, y in ((a, swapped(b)), (swapped(a), b)):      # either side may be the one read the wrong way round
            if x is not None and y is not None:
                turned = _compare_weights(x, y)
                if sum(w for _, w, _ in turned) > sum(w for _, w, _ in best):
                    best = turned
    if any(f == "family suffix" for f, _, _ in best) and _crosswise(a, b):
        # "Талгат Аян" beside "Аян Талгатов": the same two words crosswise, the -ov added. A man named after his
        # grandfather is his father's son in exactly this shape (Kazakh family names are made from a father's given
        # name), so such a pair — two changes at once, the order and the ending — is queued, never linked on the
        # names (session 16). A woman's list form ("Тлеужан Айгерим" / "Айгерим Тлеужанова") keeps the link.
        best = best + [("turned, two given names", WEIGHTS["turned, two given names"], "")]
    return best


def _crosswise(a, b):
    """Two two-word names whose words are each other's crosswise (a family name with or without -ov/-ev, in any
    case), both of men (no -ova/-eva ending, no woman's name as written), neither with its order shown by capitals,
    one of them two listed given names."""
    if any(p.gender == "f" or p.likely_woman or p.initials or p.patronymic or p.order_strength >= 3 for p in (a, b)):
        return False
    wa, wb = re.findall(r"[^\W\d_]+", a.original), re.findall(r"[^\W\d_]+", b.original)
    if len(wa) != 2 or len(wb) != 2:
        return False
    ka, kb = [_crosswise_keys(w) for w in wa], [_crosswise_keys(w) for w in wb]
    if not (ka[0] & kb[1] and ka[1] & kb[0]) or ka[0] & kb[0]:
        return False
    # the name without -ov is two given names of the list (a father's name from his father's): a family name no
    # list holds ("Ормантай Ерлан") stays a list's family-first form of "Ерлан Ормантаев" (session 6)
    return any(all(_known_given(w) for w in words) for words in (wa, wb))


@lru_cache(maxsize=20_000)
def _crosswise_keys(word):
    """Every key one word may stand for, as a family name (its stems, without -ov/-ev) or as a given name."""
    p = parse(word)
    keys = set(p.family_alts) | {p.family} | set(p.lone_given_alts)
    return frozenset(FAMILY_ENDING.sub("", k) for k in keys if k) | frozenset(k for k in keys if k)


def _suffix_only(a, b):
    """Tleuzhan / Tleuzhanova, Mamai / Mamaev: one form adds the Russian -ov/-ev to the other (many Kazakhs dropped
    it, or write it in Russian only)."""
    # (the key of a short name may be shorter than its letters: Ayan keys as "an"; the name as written counts)
    written = {id(a): max(map(len, a.family_written), default=0), id(b): max(map(len, b.family_written), default=0)}
    for x in a.family_alts or {a.family}:
        for y in b.family_alts or {b.family}:
            (short, side), (long_, _) = sorted(((x, a), (y, b)), key=lambda item: len(item[0]))
            if (len(short) >= 4 or (len(short) >= 2 and written[id(side)] >= 4)) and long_.startswith(short) \
                    and long_[len(short):] in {"ov", "ev", "iev", "aev"}:
                return True
            # A stem ending in -ай/-ий/-и takes -аев/-иев, whose key folds the vowels: Мамай / Мамаев (mamai /
            # mamaev), Сейткали / Сейткалиев (seitkali / seitkalev).
            if len(short) >= 5 and short.endswith("i") and long_ == short[:-1] + "ev":
                return True
    return False


def _given_alone(lone, full):
    """A single word that is the other's given name ("Asya" after "Asya Tulesova"): its key, else ""."""
    if lone.given or lone.initials or lone.order_strength > 1 or not full.given:
        return ""
    for x in list(lone.family_alts or {lone.family}) + list(lone.lone_given_alts):
        if any(x in alts for alts in (full.given_alts or [[g] for g in full.given])):
            return x
    return ""


def _initial_alone(lone, other):
    """A single word that may be a given name ("Aset") and a name known by initials only ("A. Matayev"): the
    initial if it is the word's first letter, else ""."""
    if lone.given or lone.initials or lone.order_strength > 1 or other.given or not other.initials:
        return ""
    firsts = {w[:1] for w in (lone.family_written or {lone.family}) if w}
    return other.initials[0] if any(initials_compatible(f, other.initials[0]) for f in firsts) else ""


def _one_word(p):
    return bool(p.family) and not p.given and not p.initials


def _parts_of_one_name(a, b):
    """Two one-word mentions, one with a family ending and one without ("Tulesova", "Asya"): the two halves of
    one name, if one document names the person in full. Names alone say little (the weight keeps the pair below the
    review threshold); with the document's weight it is queued, never linked automatically."""
    if not (_one_word(a) and _one_word(b)):
        return False
    strengths = sorted(max((_strength(w) for w in p.family_written), default=0) for p in (a, b))
    return strengths == [0, 2]


def _first_letter_apart(a, b):
    """Every pair of the two family names' forms one edit apart differs in its first letter -- other than the two
    ways Kazakh letters are written (ө ү ұ as o or u: Otepbergenova / Utepbergenova; ә as a or e; қ as k or, in
    Russian forms, х: Қожақараев / Хожакараев)."""
    pairs = [(x, y) for xs, ys in ((a.family_alts or {a.family}, b.family_alts or {b.family}),
                                   (a.family_written, b.family_written))
             for x in xs for y in ys if OSA.distance(x, y) == 1]
    return bool(pairs) and all(x[:1] != y[:1] and {x[:1], y[:1]} not in ({"o", "u"}, {"a", "e"}, {"k", "h"})
                              for x, y in pairs)


FAMILY_ENDING = re.compile(r"(?:ov|ev|in)a?$")


def _two_families(a, b):
    """Family names one letter apart that are made from two different given names of the list (session 14:
    Анваров / Анаров, Маратов / Муратов, Ерланов / Ержанов): two families, as the given names are two people
    (`_given_level_of`), not a typo -- "near", queued, never linked on the names. Every pair of the names' forms one
    edit apart must be two such names."""
    known = known_given_names()
    pairs = [(x, y) for x in (a.family_alts or {a.family}) for y in (b.family_alts or {b.family})
             if OSA.distance(x, y) == 1]
    if not pairs:
        return False
    for x, y in pairs:
        sx, sy = FAMILY_ENDING.sub("", x), FAMILY_ENDING.sub("", y)
        if sx == x or sy == y or sx == sy or not _listed_stem(sx, known) or not _listed_stem(sy, known):
            return False
    return True


def _listed_stem(stem, known):
    """The stem of a family name is a listed given name: as it is (Анвар-ов), or with the -й that -аев/-иев drops
    (Абай / Абаев, Арай / Араев: session 15, two strangers "Иван Абаев" / "Иван Араев" were linked as a typo)."""
    return stem in known or (stem[-1:] in "aeiou" and stem + "i" in known)


def _compare_weights(a, b):
    out = [("prior", WEIGHTS["prior"], "")]
    if not a.family or not b.family:
        return out + [("family differ", WEIGHTS["family differ"], "a family name is missing")]
    family = _best(a.family_alts or {a.family}, b.family_alts or {b.family})
    # A typo is one letter: family names one edit apart (and long enough) are "alike"; further apart but similar,
    # "near" (Kenzhebaev / Kenzhebekov are two families, not a typo).
    edits = min(OSA.distance(x, y) for x in (a.family_alts or {a.family}) for y in (b.family_alts or {b.family}))
    if a.family_written and b.family_written:    # a typo in the ending (Mukaonva) hides the stem: compare as written
        edits = min(edits, min(OSA.distance(x, y) for x in a.family_written for y in b.family_written))
    # A family name alone (a one-word mention) two edits off on the keys: one letter mistyped can also undo a
    # spelling rule's fold beside it (Kaliakparova / Kaliskparova: "ia" folds, "is" does not), so it is "near" --
    # never linked on the names, queued when one document cites both.
    lone_typo = (_one_word(a) or _one_word(b)) and edits == 2 and min(len(a.family), len(b.family)) >= 6
    # A typo spares the first letter (writers and readers check it): family names that differ only there are two
    # names (Еслямова / Ислямова, Кадыров / Бадыров), "near" -- queued, never linked on the names.
    first_only = edits == 1 and _first_letter_apart(a, b)
    two_families = edits == 1 and not first_only and _two_families(a, b)
    level = "family same" if family == 1 or edits == 0 else \
        "family alike" if edits == 1 and min(len(a.family), len(b.family)) >= 5 and not first_only \
        and not two_families else \
        "family suffix" if _suffix_only(a, b) else \
        "family near" if family >= 0.9 or lone_typo or two_families else "family differ"
    if level == "family differ":
        lone = _given_alone(a, b) or _given_alone(b, a)
        if lone:
            return out + [("given alone", WEIGHTS["given alone"], lone)]
        initial = _initial_alone(a, b) or _initial_alone(b, a)
        if initial:     # "Aset" beside "A. Matayev": only the initial to go on — worth a reviewer's look, no more
            return out + [("given alone, initial", WEIGHTS["given alone, initial"], initial)]
        if _parts_of_one_name(a, b):
            return out + [("given word, family word", WEIGHTS["given word, family word"], f"{a.family} / {b.family}")]
    out.append((level, WEIGHTS[level], f"{a.family} / {b.family}" + ("" if family == 1 else f" ({family:.2f})")))
    if a.gender and b.gender and a.gender != b.gender:
        out.append(("gender differ", WEIGHTS["gender differ"], f"{a.gender} / {b.gender}"))
    elif (a.likely_woman and b.gender == "m") or (b.likely_woman and a.gender == "m"):
        # "Евгения Журавлёва" / "Евгений Журавлёв": a woman (wife, daughter, sister) or the man in the genitive --
        # the names alone cannot tell; the pair is queued for a reviewer, never linked on the names.
        out.append(("gender likely differs", WEIGHTS["gender likely differs"], "f / m"))
    if a.given and b.given:
        best, level = _given_level(a.given_alts or [[g] for g in a.given], b.given_alts or [[g] for g in b.given])
        if level == "given alike" and (_hyphen_part(a, b) or _hyphen_part(b, a)):
            level = "given near"
        out.append((level, WEIGHTS[level], f"{'/'.join(a.given)} / {'/'.join(b.given)}"
                    + ("" if best == 1 else f" ({best:.2f})")))
    elif a.initials or b.initials:
        letters = a.initials or a.given_firsts or [g[0] for g in a.given]
        others = b.initials or b.given_firsts or [g[0] for g in b.given]
        if letters and others and not initials_compatible(letters[0], others[0]):
            out.append(("initials differ", WEIGHTS["initials differ"], f"{letters[0]} / {others[0]}"))
        elif letters and others:
            out.append(("initials agree", WEIGHTS["initials agree"], letters[0]))
        else:
            out.append(("given missing", WEIGHTS["given missing"], ""))
    else:
        out.append(("given missing", WEIGHTS["given missing"], ""))
    if a.patronymic and b.patronymic:
        agree = jaro_winkler(a.patronymic, b.patronymic) >= 0.88
        level = "patronymic agree" if agree else "patronymic differ"
        out.append((level, WEIGHTS[level], f"{a.patronymic} / {b.patronymic}"))
    return out


EXPLAIN = {
    "family same": "same family name", "family alike": "family names alike (a letter apart)",
    "family near": "family names near", "family differ": "family names differ",
    "family suffix": "one family name is the other with -ov/-ev",
    "given alone, initial": "one word alone, the other's initial",
    "given word, family word": "one word alone each: a given name and a family name", "given alone": "a given name alone, the other's given name",
    "given same": "same given name", "given alike": "given names alike", "given near": "given names near",
    "given differ": "given names differ", "initials agree": "initials agree", "initials differ": "initials differ",
    "given missing": "only the family name is known on one side", "patronymic agree": "same patronymic",
    "patronymic differ": "patronymics differ", "gender differ": "the family names' endings say different genders",
    "gender likely differs": "a woman's name as written, or the man's name declined",
    "turned, two given names": "read the other way round and with -ov added: a man's father or son may be named so",
}


def compare(a, b):
    """Probability 0..1 that two names are one person, from the names alone, and the evidence as sentences."""
    if isinstance(a, str):
        a = parse(a)
    if isinstance(b, str):
        b = parse(b)
    weights = compare_weights(a, b)
    total = sum(w for _, w, _ in weights)
    evidence = [f"{EXPLAIN[f]} ({d}) {w:+.1f}" if d else f"{EXPLAIN[f]} {w:+.1f}" for f, w, d in weights[1:]]
    return round(probability(total), 3), evidence
