"""Write tests/evaluation/name-pairs-dev.tsv: generated DEV pairs, one kind of spelling per row (issue 12).

    python tools/name_pairs_dev.py

Persons are made from common Kazakh given names and family stems (names as public reports print them: the
Kazakh Cyrillic form is the source, every other form is derived here by rules written independently of
qorgau.lib.personnames — Russian and Kazakh declension, five romanisations, initials, list order, typos). Every
pair is in the dev split (the test split is never touched). Columns: left, right, label, split, kind, source.

Same pairs: one variant of a kind against another form of the person (its English-press or Russian form).
Different pairs (hard negatives): father and son (son's patronymic is the father's name), brothers, husband and
wife (-ов/-ова), sister and brother, a namesake sharing the given name, a judge sharing a victim's given name,
siblings whose given names differ by one or two letters (Ерлан/Ержан).
Namesakes that only birth years or cities tell apart are not here (names alone cannot): tests/
test_resolution_context.py covers them with records.
"""

import hashlib
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "evaluation" / "name-pairs-dev.tsv"

MEN = ["Ерлан", "Серік", "Нұрлан", "Асхат", "Бауыржан", "Жанболат", "Ерболат", "Дархан", "Талғат", "Марат",
       "Айдос", "Ержан", "Қайрат", "Мұхтар", "Ғалым", "Өмірзақ", "Әлібек", "Ілияс", "Жасұлан", "Дәурен",
       "Темірлан", "Мақсат", "Болат", "Есенгелді", "Нұржан", "Ақжол", "Қуаныш", "Бекжан", "Санжар", "Ербол",
       "Жандос", "Шыңғыс", "Ғабит", "Азамат", "Медет", "Бейбіт", "Хасен", "Мамай", "Әділ", "Ельдар"]
WOMEN = ["Айгерім", "Гүлнар", "Жанар", "Ақмарал", "Динара", "Әсел", "Меруерт", "Сәуле", "Бибігүл", "Әлия",
         "Гүлмира", "Айжан", "Жұлдыз", "Ботагөз", "Ләззат", "Назгүл", "Ұлжан", "Самал", "Толқын", "Маржан",
         "Айнұр", "Дана", "Зарина", "Аида"]
STEMS = ["Сәрсенбай", "Жұмабай", "Тоқтар", "Қасым", "Оспан", "Байжан", "Мұқан", "Ермек", "Есім", "Сейіт",
         "Құдайберген", "Төлеген", "Әбдірахман", "Шәріп", "Иманғали", "Тұрсын", "Дәулет", "Нұрғали", "Жақсылық",
         "Өтеміс", "Бекмұхамбет", "Үсен", "Жүсіп", "Қожахмет", "Сұлтанғазы", "Ізбасар", "Қалиақпар", "Бердібек",
         "Шалабай", "Мырзахмет", "Қыдырәлі", "Әмірхан", "Төребай", "Жылқыбай", "Омарғали", "Керімбай"]
SIBLING_NAMES = [("Ерлан", "Ержан"), ("Нұрлан", "Нұрбол"), ("Асхат", "Асқар"), ("Айдос", "Айбол"),
                 ("Дана", "Дина"), ("Әлия", "Әлима"), ("Марат", "Мұрат"), ("Бекжан", "Бекзат")]

KZ_TO_RU = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
                          "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"})
# Romanisations of Kazakh Cyrillic: English press (BGN-like), Kazakh Latin 2021, 2018 (acutes), 2017 (apostrophes),
# Russian passports (ICAO 9303), and the old Russian-style with Dzh.
BASE = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
        "һ": "h", "і": "i"}
SYSTEMS = {
    "press": dict(BASE),
    "latin2021": dict(BASE, **{"ә": "ä", "ғ": "ğ", "қ": "q", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "һ": "h",
                               "і": "i", "ы": "ı", "ш": "ş", "ч": "ç", "ж": "j", "х": "h", "й": "i", "у": "u",
                               "ю": "iu", "я": "ia"}),
    "latin2018": dict(BASE, **{"ә": "á", "ғ": "ǵ", "қ": "q", "ң": "ń", "ө": "ó", "ұ": "u", "ү": "ú", "ы": "y",
                               "і": "i", "ш": "sh", "ж": "j", "х": "h", "й": "i", "я": "ia", "ю": "iý"}),
    "latin2017": dict(BASE, **{"ә": "a'", "ғ": "g'", "қ": "q", "ң": "n'", "ө": "o'", "ұ": "u'", "ү": "y'",
                               "ы": "y", "і": "i", "ш": "s'", "ч": "c'", "ж": "j", "х": "h", "й": "i'"}),
    "passport": dict(BASE, **{"й": "i", "ю": "iu", "я": "ia", "ы": "y", "х": "kh", "ц": "ts", "ё": "e"}),
    "dzh": dict(BASE, **{"ж": "dzh", "х": "kh", "й": "i", "ы": "y"}),
    "j": dict(BASE, **{"ж": "j", "х": "h", "қ": "q", "ы": "i", "й": "y"}),
}
VOWELS_RU = "аеёиоуыэюяәөұүі"


def h(text):
    return int(hashlib.sha1(text.encode()).hexdigest(), 16)


def romanise(word, system):
    table = SYSTEMS[system]
    out = []
    for i, ch in enumerate(word.lower()):
        latin = table.get(ch, ch)
        if ch == "е" and system in {"press", "dzh"} and (i == 0 or word[i - 1].lower() in VOWELS_RU):
            latin = "ye"                       # Yerlan, Yesim in the English press
        out.append(latin)
    text = "".join(out)
    if system in {"press", "dzh"}:
        text = re.sub(r"aev$", "ayev", text)   # Sarsenbayev
    return text[:1].upper() + text[1:]


def ru(word):
    return word.translate(KZ_TO_RU)


def hard(word):
    return word[-1] in "кқпстшфхцчбвгд"


def back(word):
    vowels = [c for c in word.lower() if c in VOWELS_RU]
    last = vowels[-1] if vowels else "а"
    return last in "аоұыуяё"


def kazakh_case(word, case, russian_suffix=False):
    """Kazakh case endings on the last word (Сәрсенбаевтың, Айгерімге, Ерланмен)."""
    w = word.lower()
    back_ = True if russian_suffix else back(w)
    last = w[-1]
    vowel, nasal = last in VOWELS_RU, last in "мнң"
    voiced = last in "лрйуз" or (last == "ж")
    voiceless = hard(w)
    if case == "gen":
        e = ("ның" if back_ else "нің") if vowel or nasal else ("тың" if back_ else "тің") if voiceless else \
            ("дың" if back_ else "дің")
    elif case == "acc":
        e = ("ны" if back_ else "ні") if vowel else ("ты" if back_ else "ті") if voiceless else ("ды" if back_ else "ді")
    elif case == "dat":
        e = ("қа" if back_ else "ке") if voiceless else ("ға" if back_ else "ге")
    elif case == "loc":
        e = ("та" if back_ else "те") if voiceless else ("да" if back_ else "де")
    elif case == "ins":
        e = "мен" if vowel or nasal or voiced and last != "ж" and last != "з" else "бен" if last in "жз" else "пен"
    else:  # abl
        e = ("нан" if back_ else "нен") if nasal else ("тан" if back_ else "тен") if voiceless else \
            ("дан" if back_ else "ден")
    return word + e


def russian_given(name, sex, case):
    """Russian case of a given name (Russian spelling): men's names in a consonant decline, women's do not."""
    n = ru(name)
    if case == "nom":
        return n
    if sex == "m":
        if n.endswith("й"):
            return n[:-1] + {"gen": "я", "dat": "ю", "acc": "я", "ins": "ем", "pre": "е"}[case]
        soft = n[-1] in "жшчщц"
        return n + {"gen": "а", "dat": "у", "acc": "а", "ins": "ем" if soft else "ом", "pre": "е"}[case]
    if n.endswith("ия"):
        return n[:-1] + {"gen": "и", "dat": "и", "acc": "ю", "ins": "ей", "pre": "и"}[case]
    if n.endswith("я"):
        return n[:-1] + {"gen": "и", "dat": "е", "acc": "ю", "ins": "ей", "pre": "е"}[case]
    if n.endswith("а"):
        gen = "и" if n[-2] in "гкхжшчщ" else "ы"
        return n[:-1] + {"gen": gen, "dat": "е", "acc": "у", "ins": "ой", "pre": "е"}[case]
    return n                                   # Айгерим, Гульнар: not declined


def russian_family(family, sex, case):
    f = ru(family)
    if case == "nom":
        return f
    if f.endswith(("улы", "кызы", "ұлы", "қызы")):
        return f
    if sex == "m" and f.endswith(("ов", "ев", "ин", "ын")):
        return f + {"gen": "а", "dat": "у", "acc": "а", "ins": "ым", "pre": "е"}[case]
    if sex == "f" and f.endswith(("ова", "ева", "ина", "ына")):
        return f[:-1] + {"gen": "ой", "dat": "ой", "acc": "у", "ins": "ой", "pre": "ой"}[case]
    if sex == "m":
        return russian_given(f, "m", case)
    return f


def family_of(stem, sex, style):
    if style == "uly":
        return stem + ("ұлы" if sex == "m" else "қызы")
    if style == "bare":
        return stem
    if stem.endswith("й"):
        base = stem[:-1] + "ев"                    # Сәрсенбай -> Сәрсенбаев
    elif stem[-1] in "иіы":
        base = stem[:-1] + "иев"                   # Иманғали -> Иманғалиев
    else:
        base = stem + ("ев" if stem[-1] in "жшчщц" else "ов")
    return base + ("а" if sex == "f" else "")


def typo(word, salt):
    """One letter wrong: dropped, doubled, swapped with its neighbour or replaced by a keyboard neighbour."""
    r = random.Random(h(salt + word))
    i = r.randrange(2, len(word) - 1)
    kind = r.choice(["drop", "swap", "replace"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    near = {"a": "s", "e": "r", "i": "o", "o": "i", "u": "y", "n": "m", "m": "n", "r": "t", "s": "a", "t": "r",
            "k": "l", "l": "k", "b": "v", "d": "s", "y": "u", "z": "x", "h": "j", "g": "h",
            "а": "о", "о": "а", "е": "и", "и": "е", "ы": "и", "у": "ы", "н": "м", "м": "н", "р": "л", "л": "р",
            "с": "з", "т": "д", "к": "г", "б": "п", "д": "т", "ж": "ш", "з": "с", "в": "ф", "г": "к"}
    return word[:i] + near.get(word[i], "e") + word[i + 1:]


def vowel_variant(word):
    """An inserted or dropped vowel, a doubled consonant, nb/mb (Bauyrzhan/Baurzhan, Aset/Asset, Zhanbolat/Zhambolat)."""
    for a, b in (("uyr", "ur"), ("iyr", "ir"), ("nb", "mb"), ("mb", "nb"), ("ss", "s"), ("ll", "l"), ("zz", "z"),
                 ("yg", "ig"), ("ii", "iy"), ("ia", "iya")):
        if a in word.lower():
            return re.sub(a, b, word, count=1, flags=re.I)
    m = re.search(r"(?<=[aeiou])([sltnr])(?=[aeiou])", word)
    if m:
        return word[:m.start()] + m.group(1) * 2 + word[m.end():]
    return None


def person_forms(given, family, sex, patronymic):
    """[(kind, form)]: every spelling of one person a report may print."""
    out = []
    press = f"{romanise(given, 'press')} {romanise(family, 'press')}"
    out.append(("press", press))
    out.append(("kazakh cyrillic", f"{given} {family}"))
    out.append(("russian cyrillic", f"{ru(given)} {ru(family)}"))
    for system in ("latin2021", "latin2018", "latin2017", "passport", "dzh", "j"):
        out.append((f"romanisation {system}", f"{romanise(given, system)} {romanise(family, system)}"))
    ru_family = ru(family)
    if re.search(r"[ае]в$", ru_family):
        out.append(("-aev/-ayev/-aiev", press.replace("ayev", "aev") if "ayev" in press else press.replace("aev", "aiev")))
    for case in ("gen", "dat", "acc", "ins", "pre"):
        out.append((f"russian {case}", f"{russian_given(given, sex, case)} {russian_family(family, sex, case)}"))
    for case in ("gen", "acc", "dat", "loc", "ins", "abl"):
        out.append((f"kazakh {case}", f"{given} {kazakh_case(family, case, russian_suffix=bool(re.search('(ов|ев|ова|ева)$', family)))}"))
    if patronymic:
        out.append(("russian patronymic, family first", f"{ru(family)} {ru(given)} {patronymic}"))
        out.append(("initials with patronymic", f"{ru(family)} {ru(given)[0]}.{patronymic[0]}."))
    g_latin, f_latin = romanise(given, "press"), romanise(family, "press")
    out += [("initial dotted", f"{g_latin[0]}. {f_latin}"), ("initial glued", f"{g_latin[0]}.{f_latin}"),
            ("initial after", f"{f_latin} {g_latin[0]}."), ("initial cyrillic", f"{ru(given)[0]}. {ru(family)}"),
            ("initial no dot", f"{g_latin[0]} {f_latin}"),
            ("initial cyrillic, declined", f"{ru(given)[0]}. {russian_family(family, sex, 'dat')}"),
            ("capitals first", f"{f_latin.upper()} {g_latin}"),
            ("capitals first cyrillic", f"{ru(family).upper()} {ru(given)}"),
            ("family first", f"{f_latin} {g_latin}"),
            ("typo in family", f"{g_latin} {typo(f_latin, 'f')}"),
            ("typo in given", f"{typo(g_latin, 'g') if len(g_latin) > 4 else g_latin} {f_latin}"),
            ("typo cyrillic", f"{ru(given)} {typo(ru(family), 'c')}")]
    variant = vowel_variant(f_latin) or vowel_variant(g_latin)
    if variant and variant != f_latin:
        out.append(("inserted/dropped vowel, nb/mb, doubled", f"{g_latin} {variant}" if variant != vowel_variant(g_latin) else f"{variant} {f_latin}"))
    out = [(k, v) for k, v in out if v]
    return out


def lone_forms(given, family, sex):
    """One word, as a report writes it after the full name in the same document: the family name alone (any
    script, Russian or Kazakh case, typo), the given name alone (and declined)."""
    kaz = bool(re.search("(ов|ев|ова|ева)$", family))
    f_latin = romanise(family, "press")
    return [("family alone", f_latin), ("family alone cyrillic", ru(family)),
            ("family alone, russian case", russian_family(family, sex, "dat")),
            ("family alone, russian genitive", russian_family(family, sex, "gen")),
            ("family alone, kazakh case", kazakh_case(family, "gen", russian_suffix=kaz)),
            ("family alone, kazakh dative", kazakh_case(family, "dat", russian_suffix=kaz)),
            ("family alone, latin 2021", romanise(family, "latin2021")),
            ("family alone, capitals", f_latin.upper()),
            ("family alone, typo", typo(f_latin, "lone")),
            ("given alone", romanise(given, "press")), ("given alone cyrillic", ru(given)),
            ("given alone, russian case", russian_given(given, sex, "dat"))]


def make_persons():
    rng = random.Random(12)
    persons = []
    stems = list(STEMS)
    rng.shuffle(stems)
    for i, stem in enumerate(stems):
        style = "uly" if i % 9 == 4 else "bare" if i % 11 == 7 else "ov"
        father = rng.choice(MEN)
        sex = "f" if i % 3 == 2 else "m"
        given = rng.choice(WOMEN if sex == "f" else MEN)
        persons.append({"id": f"g{i}", "given": given, "stem": stem, "sex": sex, "style": style,
                        "family": family_of(stem, sex, style), "father": father})
    return persons


def patronymic_of(father, sex):
    f = ru(father)
    if f.endswith("й"):
        return f[:-1] + ("евич" if sex == "m" else "евна")
    return f + ("ович" if sex == "m" else "овна")


def relatives_of(person):
    """The hard negatives of a person: [(kind, given, family, sex, patronymic)] -- father, husband or wife, a
    brother or sister (names a letter or two apart where such a pair exists), a son, a namesake sharing the given
    name, a judge sharing it."""
    given, sex = person["given"], person["sex"]
    fam_m = family_of(person["stem"], "m", person["style"])
    fam_f = family_of(person["stem"], "f", person["style"])
    relatives = []    # (kind, given, family, sex, patronymic)
    father = person["father"] if person["father"] != given else "Нұрлан"
    relatives.append(("father and son" if sex == "m" else "father and daughter", father, fam_m, "m", ""))
    if sex == "m":
        wife = WOMEN[h(person["id"]) % len(WOMEN)]
        relatives.append(("husband and wife", wife, fam_f, "f", ""))
        close = dict(SIBLING_NAMES)
        if given in close:
            relatives.append(("brothers (names a letter or two apart)", close[given], fam_m, "m", ""))
        else:
            relatives.append(("brothers", MEN[(MEN.index(given) + 7) % len(MEN)], fam_m, "m", ""))
        relatives.append(("son with patronymic", MEN[(MEN.index(given) + 3) % len(MEN)], fam_m, "m",
                          patronymic_of(given, "m")))
    else:
        husband = MEN[h(person["id"]) % len(MEN)]
        relatives.append(("husband and wife", husband, fam_m, "m", ""))
        sister = dict(SIBLING_NAMES).get(given, WOMEN[(WOMEN.index(given) + 5) % len(WOMEN)])
        relatives.append(("sisters", sister, fam_f, "f", ""))
    other_stem = STEMS[(STEMS.index(person["stem"]) + 5) % len(STEMS)]
    relatives.append(("namesake: same given name", given, family_of(other_stem, sex, "ov"), sex, ""))
    judge_stem = STEMS[(STEMS.index(person["stem"]) + 11) % len(STEMS)]
    relatives.append(("judge sharing the victim's given name", given if sex == "m" else MEN[3],
                      family_of(judge_stem, "m", "ov"), "m", ""))
    return relatives


def main():
    rows = []
    for person in make_persons():
        given, family, sex = person["given"], person["family"], person["sex"]
        forms = person_forms(given, family, sex, patronymic_of(person["father"], sex))
        anchors = [forms[0][1], forms[2][1]]        # English press and Russian nominative
        for kind, form in forms[1:]:
            for anchor in anchors:
                if anchor != form:
                    rows.append((anchor, form, "same", "dev", kind, person["id"]))
        by_kind = dict(forms)
        for kind, form in lone_forms(given, family, sex):
            for other in ("press", "russian gen", "kazakh gen", "capitals first", "initial dotted",
                          "initial cyrillic, declined", "romanisation latin2021"):
                if other in by_kind and not (kind.startswith("given") and other.startswith("initial")):
                    rows.append((by_kind[other], form, "same", "dev", kind, person["id"]))
        relatives = relatives_of(person)
        named = [f for k, f in forms if not k.startswith(("initial", "family alone"))]
        for kind, o_given, o_family, o_sex, o_patronymic in relatives:
            if o_given == given and kind.startswith(("brothers", "sisters", "father")):
                continue
            variants = person_forms(o_given, o_family, o_sex, o_patronymic)
            picked = [variants[j][1] for j in (0, 1, 2, 9, 12)]
            if o_patronymic:
                picked.append(next(f for k, f in variants if k == "russian patronymic, family first"))
            for form in picked:
                mine = named[h(form + kind) % len(named)]
                rows.append((mine, form, "different", "dev", kind, person["id"]))
    rows = list(dict.fromkeys(rows))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# left\tright\tlabel\tsplit\tkind\tsource -- generated by tools/name_pairs_dev.py (dev split only)\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    same = sum(r[2] == "same" for r in rows)
    print(f"{len(rows)} pairs written to {OUT.relative_to(ROOT)}: {same} same, {len(rows) - same} different")


if __name__ == "__main__":
    main()
