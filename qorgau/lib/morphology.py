"""Names in the nominative: Russian by pymorphy3's dictionary and guesser, Kazakh by suffix rules kept as data.

    russian_nominative("Бауыржану Омарову")  -> "Бауыржан Омаров"
    russian_nominative("о Гульнаре Беккуловой") is not asked: callers pass the name's words only.
    kazakh_nominative("Сейтқалиеваның")       -> "Сейтқалиева"
    nominative("Айдоса Садыкова")             -> "Айдос Садыков"   (the case every word can share wins)
    surname_gender("Беккулова")               -> "f"

The case of a name is decided for the whole name, not word by word: "Айдоса Садыкова" is a genitive (the given
name can only be genitive or accusative), so the family name is the man's "Садыков", while "Асель Нурова" is a
nominative (nothing forces another case) and stays. Shared with resolution and search (qorgau.lib.personnames may
call `nominative`). Pure functions, cached; pymorphy3 is loaded once, on first use.
"""

import re
from functools import lru_cache
from pathlib import Path

CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.I)
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]", re.I)
NAME_TAGS = {"Name", "Surn", "Patr"}
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
KAZAKH_SUFFIXES = Path(__file__).resolve().parent.parent / "documents" / "extract" / "lexicon" / "kk" / "name_suffixes.tsv"


@lru_cache(maxsize=1)
def _analyser():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1)
def _kazakh_rules():
    """(suffix, replacement, stem pattern) rows, longest suffix first."""
    rules = []
    for line in KAZAKH_SUFFIXES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        suffix, replacement, stem = (line.split("\t") + ["", ""])[:3]
        rules.append((suffix.strip(), replacement.strip(), re.compile(f"(?:{stem.strip()})$", re.I)))
    return sorted(rules, key=lambda r: -len(r[0]))


@lru_cache(maxsize=20000)
def kazakh_word(word):
    """A Kazakh case ending taken off a name word, when what is left still ends like a name."""
    for suffix, replacement, stem in _kazakh_rules():
        if len(word) > len(suffix) + 2 and word.lower().endswith(suffix):
            base = word[:len(word) - len(suffix)] + replacement
            if stem.search(base):
                return base
    return word


BACK_VOWELS, FRONT_VOWELS, ANY_VOWELS = set("аоұыяёaoūy"), set("әөүіэäöüı"), set("еиюуeiu")


@lru_cache(maxsize=1)
def _case_endings():
    """(ending, stem-end pattern, harmony) rows of lexicon/kk/case_endings.tsv, both scripts, longest ending first."""
    from qorgau.lib.scripts import alphabet, transliterate

    folder = KAZAKH_SUFFIXES.parent
    letters = alphabet(folder / "latin.tsv")
    rows = []
    for line in (folder / "case_endings.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ending, stem, harmony = (cell.strip() for cell in line.split("\t")[:3])
        for e, s in {(ending, stem), (transliterate(ending, letters), transliterate(stem, letters))}:  # both scripts
            rows.append((e.lower(), re.compile(f"(?:{s})$", re.I), harmony))
    return sorted(rows, key=lambda r: -len(r[0]))


def _harmony(stem):
    # A Russian family suffix (-ов, -ев, -ин) stands outside Kazakh vowel harmony: writers put a back ending after
    # it ("Назарбаевтың") or one of the name's own vowels ("Әмреновтің"), so both are read.
    if re.search(r"[а-яёәғқңөұүһі]{2}(?:ов|ев|ёв|ин)$", stem.lower()) and re.search(r"[әөүіе]", stem.lower()[:-2]):
        return {"back", "front", "any"}
    for char in reversed(stem.lower()):
        if char in BACK_VOWELS:
            return {"back", "any"}
        if char in FRONT_VOWELS:
            return {"front", "any"}
        if char in ANY_VOWELS:
            return {"back", "front", "any"}
    return set()


@lru_cache(maxsize=50000)
def kazakh_stems(word):
    """Every stem a word may be with a Kazakh case ending taken off, where the ending fits the stem's last sound and
    vowels ("Мұхаммедкәрімге" -> "Мұхаммедкәрім", "Достиярды" -> "Достияр", "İlyaşevtı" -> "İlyaşev"; not
    "Мереке" -> "Мере": after a vowel the dative is -ге). Whether the stem is a name is for the caller to know (the
    document prints it)."""
    low = word.lower()
    stems = []
    for ending, stem_end, harmony in _case_endings():
        if low.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[:len(word) - len(ending)]
            if stem_end.search(stem) and harmony in _harmony(stem) and stem not in stems:
                stems.append(stem)
    return tuple(stems)


def kazakh_nominative(name):
    return " ".join(kazakh_word(w) for w in name.split())


@lru_cache(maxsize=50000)
def _options(word):
    """{(case, gender): score} a name word can stand in, from its name-like parses (else any noun parse)."""
    parses = _analyser().parse(word.lower())
    named = [p for p in parses if NAME_TAGS & set(p.tag.grammemes)] or [p for p in parses if "NOUN" in p.tag]
    options = {}
    for p in named:
        if p.tag.number == "plur":
            continue
        key = (p.tag.case, p.tag.gender)
        options[key] = options.get(key, 0) + p.score
        if "Fixd" in p.tag:  # an indeclinable name ("Асель") fits every case
            for case in CASES:
                options.setdefault((case, p.tag.gender), p.score / 2)
    return options, named


def _restore(original, form):
    """The dictionary's lower-case form written the way the original was (title case, hyphens)."""
    if original.isupper():
        return form.upper()
    return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))


# A Russian patronymic in any case tells the person's gender ("Олеговне", "Маратовны" a woman's, "Ермековичу" a
# man's); a Kazakh "-улы"/"-кызы" family name is not declined in Russian ("Айдоса Серикулы", "Аружан Болаткызы").
PATRONYMIC = re.compile(r"(?:ович|евич|ьич)(?:а|у|ем|е)?$|(?:овн|евн|ичн)(?:а|ы|е|у|ой)$", re.I)
INDECLINABLE_FAMILY = re.compile(r"(?:улы|ұлы|уулу|кызы|қызы|кизи)$", re.I)


def _gender_hint(words):
    """"femn"/"masc" when a patronymic or a Kazakh "-улы/-кызы" among the words says so, else None."""
    for word in words:
        if PATRONYMIC.search(word):
            return "femn" if re.search(r"(?:вн|чн)\w*$", word, re.I) else "masc"
        if INDECLINABLE_FAMILY.search(word):
            return "femn" if re.search(r"(?:кызы|қызы|кизи)$", word, re.I) else "masc"
    return None


def _family_by_rule(word, gender):
    """A Russian-style family name's nominative from its ending, for the gender known ("Калиева" of a man is
    "Калиев", "Ильину" of a woman "Ильина")."""
    if gender == "masc":
        m = re.fullmatch(r"(.+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е)", word) or re.fullmatch(r"(.+)(?:ого|ому|им|ом)", word)
        if m:
            return m.group(1) + ("ий" if not re.search(r"(?:ов|ев|ёв|ин|ын)$", m.group(1)) and
                                 re.search(r"(?:ск|цк)$", m.group(1)) else "")
    if gender == "femn":
        m = re.fullmatch(r"(.+(?:ов|ев|ёв|ин|ын))(?:ой|у)", word)
        if m:
            return m.group(1) + "а"
        m = re.fullmatch(r"(.+(?:ск|цк))(?:ой|ую)", word)
        if m:
            return m.group(1) + "ая"
    return word


@lru_cache(maxsize=50000)
def russian_nominative(name, gender=None):
    words = name.split()
    kept = [w for w in words if INDECLINABLE_FAMILY.search(w)]
    if kept and len(kept) < len(words):  # "Айдоса Серикулы" -> "Айдос Серикулы": the Kazakh patronymic stays
        hint = gender or _gender_hint(words)
        rest = iter(russian_nominative(" ".join(w for w in words if w not in kept), hint).split())
        return " ".join(w if w in kept else next(rest, w) for w in words)
    if kept:
        return name
    gender = gender or _gender_hint(words)
    initials = [w for w in words if re.fullmatch(r"(?:[А-ЯЁ]\.){1,3}", w)]
    if initials and len(initials) < len(words):  # "А. Дуйсебаевой" -> "А. Дуйсебаева"
        rest = russian_nominative(" ".join(w for w in words if w not in initials)).split()
        return " ".join(initials + rest)
    if not words or not all(CYRILLIC.search(w) for w in words) or any(len(w) < 2 or w.endswith(".") for w in words):
        return name
    analysed = [_options(w) for w in words]
    if gender and any(not options for options, _ in analysed):
        # a family name the dictionary does not know, its gender told by a patronymic: "Калиева Ерлана
        # Муратовича" is Калиев, "Турусбековой Алии Маратовны" Турусбекова
        fixed = [_family_by_rule(w, gender) if not options else w for w, (options, _) in zip(words, analysed)]
        if fixed != words and all(options for options, _ in analysed if options):
            known = [w for w, (options, _) in zip(words, analysed) if options]
            rest = iter(russian_nominative(" ".join(known), gender).split()) if known else iter(())
            return " ".join(f if not options else next(rest, f) for f, (options, _) in zip(fixed, analysed))
    if any(not options for options, _ in analysed):
        return name
    shared = None
    for options, _ in analysed:
        keys = set(options)
        shared = keys if shared is None else shared & keys
    if not shared:
        # No reading fits every word (a Kazakh given name the dictionary thinks masculine beside "Исаевой"):
        # each word on its own, a word that can be a nominative staying as printed.
        return " ".join(w if any(c == "nomn" and g in (gender, None) for c, g in options) or (
            gender is None and any(c == "nomn" for c, _ in options)) else russian_nominative(w, gender)
                        for w, (options, _) in zip(words, analysed))
    if gender and any(g == gender for _, g in shared):
        # a patronymic tells the gender: "Дану Игоревну" is Дана, "Мадине Олеговне" a woman in the dative
        shared = {key for key in shared if key[1] in (gender, None)}
    if any(case == "nomn" for case, _ in shared):
        return name  # it can be read as a nominative: keep it as printed
    # The reading the words share best; a tie goes to the gender a given name among them has, then to a fixed
    # order (a set's order changes with the hash seed, and the same text must give the same name in every process).
    name_genders = {p.tag.gender for _, parses in analysed for p in parses if "Name" in p.tag}
    best = max(shared, key=lambda key: (round(sum(options.get(key, 0) for options, _ in analysed), 6),
                                        key[1] in name_genders, str(key)))
    case, gender = best
    result = []
    for word, (options, parses) in zip(words, analysed):
        parse = next((p for p in parses if (p.tag.case, p.tag.gender) == best), None)
        if parse is None:  # indeclinable: stays
            result.append(word)
            continue
        wanted = {"nomn", "sing"} | ({gender} if gender else set())
        inflected = parse.inflect(wanted) or parse.inflect({"nomn", "sing"})
        result.append(_restore(word, inflected.word) if inflected else word)
    return " ".join(result)


def nominative(name):
    """A Cyrillic name in the nominative: Kazakh endings first (ның, ды, …), then Russian cases."""
    if not CYRILLIC.search(name):
        return name
    if not KAZAKH_LETTERS.search(name) and any(PATRONYMIC.search(w) or INDECLINABLE_FAMILY.search(w)
                                               for w in name.split()):
        return russian_nominative(name)  # "Олеговне", "Маратовны": a Russian patronymic, no Kazakh ending
    if KAZAKH_LETTERS.search(name) or any(kazakh_word(w) != w for w in name.split()):
        return kazakh_nominative(name)
    return russian_nominative(name)


@lru_cache(maxsize=20000)
def surname_gender(word):
    """"f" or "m" for a Russian-style family name whose form says so, else ""."""
    low = word.lower()
    if re.search(r"(?:ова|ева|ёва|ина|ына|ская|цкая|ovа|ova|eva|yeva|ina|skaya|kyzy|қызы|кызы)$", low):
        return "f"
    if re.search(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ov|ev|yev|in|sky|skiy|uly|ұлы|улы)$", low):
        return "m"
    return ""


@lru_cache(maxsize=20000)
def genitive_not_nominative(word):
    """A noun, adjective or participle that can be a genitive and cannot be a nominative ("выборов", "суда",
    "объявленных"; not "полиция", "его", "вечером")."""
    parses = [p for p in _analyser().parse(word.lower()) if {"NOUN", "ADJF", "PRTF"} & set(p.tag.grammemes)]
    return bool(parses) and any(p.tag.case == "gent" for p in parses) and not any(p.tag.case == "nomn" and p.tag.number != "plur" for p in parses)


@lru_cache(maxsize=20000)
def given_name_gender(word):
    """"f" or "m" for a Cyrillic given name the dictionary knows in the nominative ("Дана", "Мадина" f; "Илья" m),
    else ""."""
    if not CYRILLIC.search(word):
        return ""
    for parse in _analyser().parse(word.lower()):
        if "Name" in parse.tag and parse.tag.case == "nomn" and parse.tag.gender in ("masc", "femn"):
            return "f" if parse.tag.gender == "femn" else "m"
    return ""


@lru_cache(maxsize=50000)
def family_forms(word):
    """Every nominative a single declined Cyrillic family name may stand for ("Торегожину" -> {"Торегожина"},
    "Аминова" -> {"Аминов", "Аминова"}), Kazakh endings taken off too; the word itself included."""
    forms = {word}
    if not CYRILLIC.search(word):
        return frozenset(forms)
    forms.add(kazakh_word(word))
    for parse in _analyser().parse(word.lower()):
        if "Surn" in parse.tag or "Name" in parse.tag:
            for gender in ("masc", "femn"):
                inflected = parse.inflect({"nomn", "sing", gender})
                if inflected:
                    forms.add(_restore(word, inflected.word))
    if len(forms) <= 2:
        # a family name the dictionary reads only as an adjective ("Калиевой", "Калиевым": калиевый): -ой is a
        # woman's, -ым a man's, whatever the dictionary says
        certain = re.fullmatch(r"([А-ЯЁ][а-яё-]*(?:ов|ев|ёв|ин|ын))(ой|ым)", word)
        if certain:
            forms.add(certain.group(1) + ("а" if certain.group(2) == "ой" else ""))
        # … nor as a name at all ("Мамбеталина", "Мамбеталину", "о Мамбеталине"): a man's genitive, dative,
        # prepositional, or a woman's accusative, by the ending alone
        oblique = re.fullmatch(r"([А-ЯЁ][а-яё-]*(?:ов|ев|ёв|ин|ын))(а|у|е)", word)
        if oblique:
            forms.add(oblique.group(1))
            if oblique.group(2) == "у":
                forms.add(oblique.group(1) + "а")
    return frozenset(forms)


@lru_cache(maxsize=50000)
def is_common_word(word):
    """A Cyrillic word the Russian dictionary knows as something other than a name (an adjective, a verb, a common
    noun): "Межрайонного", "Преследование". Kazakh and unknown words are not common words."""
    if not CYRILLIC.search(word) or KAZAKH_LETTERS.search(word):
        return False
    parses = _analyser().parse(word.lower())
    if any(NAME_TAGS & set(p.tag.grammemes) for p in parses[:3]):
        return False
    if not parses or not parses[0].is_known:
        return False
    first = parses[0]
    # A noun the dictionary reads in several cases at once spreads its weight over them ("гражданке": dative or
    # prepositional, animate or not; "Бюро", indeclinable, in six cases): its readings as that one noun count
    # together (session 17). An adjective keeps its own reading's weight ("Калиевой", a family name, is also a
    # chemist's adjective).
    if first.tag.POS == "NOUN" and len(word) >= 4:
        return sum(p.score for p in parses if p.normal_form == first.normal_form and p.tag.POS == "NOUN") > 0.3
    return first.score > 0.3


@lru_cache(maxsize=50000)
def is_participle(word):
    """A Russian full participle by pymorphy3's first parse ("обвиняемый", "осуждённого", "содержащегося"; not the
    adjective "апелляционная")."""
    if not CYRILLIC.search(word) or KAZAKH_LETTERS.search(word):
        return False
    parses = _analyser().parse(word.lower())
    return bool(parses) and parses[0].tag.POS == "PRTF"
