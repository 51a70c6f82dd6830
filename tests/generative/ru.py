"""Generative checks of Russian extraction: made-up short texts built from parts, each with its own gold (persons
with every printed form, acts as (victim, group, date), person-article pairs), scored by the evaluation's own
scorer (qorgau.documents.evaluation.score_document).

Parts: names in all six cases (men's and women's family names in -ов/-ова, -ев/-ева, -ин/-ина, -ский/-ская,
Kazakh -улы/-кызы, -бек/-бай, indeclinable ones), given names (declinable and not), patronymics, initials before
and after, family name first, capitals-first list entries, a role before the name; provision shapes ("ч. 2 ст. 405
УК РК", "части второй статьи 174", "статьям 174 и 274", "п. 1 ч. 3", "УК РК 1997 года", "КоАП", "КРКоАП", "по той
же статье"); date shapes (a month in the genitive, prepositional and after "начале/конце", numeric, "в ноябре
прошлого года", "накануне", "вчера", a weekday); act frames (active, passive, "признан виновным по", "осуждён по",
"обвиняется по", "возбуждено дело ... в отношении", a participle phrase, a nominal "после задержания", impersonal,
list lines "ФИО — статья — срок", several people, judges and prosecutors named beside the victim, hypotheticals
"грозит до", requests "прокурор запросил", negations). The declensions here are written independently of the
extractor (plain rules for the endings used), so a name the extractor puts into the wrong nominative shows.

The FRAMES come in two sets: HELD_OUT (written and committed before anything was run on them, scored once as an
honest first run, never tuned on) and TUNING (written after the first run, the shapes the rules were then fixed
on). Every sentence is our own made-up wording.

    PYTHONPATH=$PWD python -m tests.generative.ru [--set held_out|tuning|all] [--per 8] [--list SHAPE] [--by TAG]

prints the per-shape table (mentions recall, nominative right, acts P/R, pairs R) and, with --by, the same per name
style, case, provision or date shape.
"""

import random
import re
import sys
from dataclasses import dataclass, field

PUBLISHED = "2024-05-20"   # a Monday
SEED = 20241124
CASES = ("nom", "gen", "dat", "acc", "ins", "prep")


# -- declension (our own rules for the endings used here) -------------------------------------------------------
def _masc_consonant(word, case):
    """A man's name or family name ending in a hard consonant, -й or -ь (Ерлан, Жумабек, Нурбай, Игорь)."""
    if word.endswith(("й", "ь")):
        stem = word[:-1]
        return {"nom": word, "gen": stem + "я", "dat": stem + "ю", "acc": stem + "я", "ins": stem + "ем",
                "prep": stem + "е"}[case]
    ins = "ем" if word[-1] in "жшчщц" else "ом"
    return {"nom": word, "gen": word + "а", "dat": word + "у", "acc": word + "а", "ins": word + ins,
            "prep": word + "е"}[case]


def _fem_a(word, case):
    """A woman's given name in -а/-я (Гульмира, Динара, Алия)."""
    stem = word[:-1]
    if word.endswith("ия"):
        return {"nom": word, "gen": stem + "и", "dat": stem + "и", "acc": stem + "ю", "ins": stem + "ей",
                "prep": stem + "и"}[case]
    if word.endswith("я"):                            # Наталья: Натальи, Наталье, Наталью
        return {"nom": word, "gen": stem + "и", "dat": stem + "е", "acc": stem + "ю", "ins": stem + "ей",
                "prep": stem + "е"}[case]
    gen = "и" if stem[-1] in "кгхжшчщ" else "ы"
    return {"nom": word, "gen": stem + gen, "dat": stem + "е", "acc": stem + "у", "ins": stem + "ой",
            "prep": stem + "е"}[case]


def decline_family(word, male, case):
    if word.endswith(("улы", "кызы", "ұлы", "қызы")) or word[-1] in "оеиуыэю":
        return word                                   # Серикулы, Асанкызы, Шевченко, Тлеуберди
    if male and word.endswith(("ский", "цкий")):
        stem = word[:-2]
        return {"nom": word, "gen": stem + "ого", "dat": stem + "ому", "acc": stem + "ого", "ins": stem + "им",
                "prep": stem + "ом"}[case]
    if not male and word.endswith(("ская", "цкая")):
        stem = word[:-2]
        return {"nom": word, "gen": stem + "ой", "dat": stem + "ой", "acc": stem + "ую", "ins": stem + "ой",
                "prep": stem + "ой"}[case]
    if male and word.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return {"nom": word, "gen": word + "а", "dat": word + "у", "acc": word + "а", "ins": word + "ым",
                "prep": word + "е"}[case]
    if not male and word.endswith(("ова", "ева", "ина", "ына")):
        stem = word[:-1]
        return {"nom": word, "gen": stem + "ой", "dat": stem + "ой", "acc": stem + "у", "ins": stem + "ой",
                "prep": stem + "ой"}[case]
    if male:
        return _masc_consonant(word, case)            # Жумабек, Нурбай, Ким
    return word                                       # a woman's -бек, -бай, Ким: not declined


def decline_given(word, male, case):
    if male:
        return _masc_consonant(word, case)
    if word.endswith(("а", "я")):
        return _fem_a(word, case)
    return word                                       # Жанар, Айгерим, Сауле: not declined


def decline_patronymic(word, male, case):
    if male:
        return _masc_consonant(word, case).replace("ичом", "ичем")
    return _fem_a(word, case)


# -- names ----------------------------------------------------------------------------------------------------------
# (given, family, patronymic, male, family class)
MEN = [("Ерлан", "Калиев", "Муратович", "-ев"), ("Руслан", "Тохтаров", "Серикович", "-ов"),
       ("Нурлан", "Есенов", "Аманович", "-ов"), ("Даулет", "Мухамеджанов", "Аскарович", "-ов"),
       ("Марат", "Жыланбаев", "Нурланович", "-ев"), ("Асхат", "Жексебаев", "Ермекович", "-ев"),
       ("Бауыржан", "Омаров", "Канатович", "-ов"), ("Талгат", "Ильин", "Петрович", "-ин"),
       ("Игорь", "Чуприн", "Викторович", "-ин"), ("Алексей", "Ковальский", "Игоревич", "-ский"),
       ("Айдос", "Серикулы", "", "-улы"), ("Жанболат", "Нурланулы", "", "-улы"),
       ("Ерболат", "Жумабек", "", "-бек"), ("Серик", "Нурбай", "", "-бай"),
       ("Тимур", "Данебаев", "Ерланович", "-ев"), ("Арман", "Тлеуберди", "", "indecl"),
       ("Кайрат", "Клышев", "Жумабекович", "-ев"), ("Максат", "Ильясов", "Болатович", "-ов")]
WOMEN = [("Гульмира", "Жаксыбекова", "Сериковна", "-ова"), ("Динара", "Смаилова", "Амангельдыевна", "-ова"),
         ("Алия", "Турусбекова", "Маратовна", "-ова"), ("Жанар", "Секербаева", "Кайратовна", "-ева"),
         ("Асель", "Нурмагамбетова", "Тимуровна", "-ова"), ("Айгерим", "Кусманова", "Бакытовна", "-ова"),
         ("Наталья", "Соколова", "Петровна", "-ова"), ("Салтанат", "Ильина", "Ерлановна", "-ина"),
         ("Мадина", "Ковальская", "Олеговна", "-ская"), ("Аружан", "Болаткызы", "", "-кызы"),
         ("Меруерт", "Аскаркызы", "", "-кызы"), ("Сауле", "Жумабек", "", "-бек"),
         ("Ботагоз", "Омарова", "Канатовна", "-ова"), ("Дана", "Шевченко", "Игоревна", "indecl")]
OFFICIALS = [("судья", "Серик", "Баймуханов", True), ("судья", "Айгерим", "Жунусова", False),
             ("следователь", "Ермек", "Тулегенов", True), ("прокурор", "Светлана", "Ким", False),
             ("полковник полиции", "Арман", "Беков", True)]
ROLES_GEN = {"активист": ("активиста", "активистки"), "журналист": ("журналиста", "журналистки"),
             "блогер": ("блогера", "блогера"), "правозащитник": ("правозащитника", "правозащитницы"),
             "пенсионер": ("пенсионера", "пенсионерки")}


@dataclass
class Name:
    given: str
    family: str
    patronymic: str
    male: bool
    family_class: str
    style: str = "full"

    @property
    def canonical(self):
        return f"{self.given} {self.family}"

    def form(self, case="nom", style=None):
        style = style or self.style
        g = decline_given(self.given, self.male, case)
        f = decline_family(self.family, self.male, case)
        p = decline_patronymic(self.patronymic, self.male, case) if self.patronymic else ""
        ini = self.given[0] + "." + (self.patronymic[0] + "." if self.patronymic else "")
        if style == "full":
            return f"{g} {f}"
        if style == "patronymic":
            return f"{g} {p} {f}" if p else f"{g} {f}"
        if style == "family_first":
            return f"{f} {g} {p}".strip()
        if style == "initials_before":
            return f"{ini} {f}"
        if style == "initials_after":
            return f"{f} {ini}"
        if style == "caps_first":
            return f"{f.upper()} {g} {p}".strip()
        raise ValueError(style)

    def a(self, masc, fem):
        """The word agreeing with the person's gender."""
        return masc if self.male else fem


STYLES = ("full", "full", "patronymic", "family_first", "initials_before", "initials_after")


def names(r, n=1, styles=("full",), women=0.4):
    out = []
    pool = r.sample(MEN, n) if n else []
    fpool = r.sample(WOMEN, n) if n else []
    for i in range(n):
        if r.random() < women:
            g, f, p, cls = fpool[i]
            out.append(Name(g, f, p, False, cls, r.choice(styles)))
        else:
            g, f, p, cls = pool[i]
            out.append(Name(g, f, p, True, cls, r.choice(styles)))
    # two people never share a family name here
    if len({x.family for x in out}) < len(out):
        return names(r, n, styles, women)
    return out


# -- provisions: (phrase in the dative after "по", gold ids, shape) -------------------------------------------------
ORDINAL_GEN = {"1": "первой", "2": "второй", "3": "третьей", "4": "четвёртой"}


def provision(r, kind=None):
    art = r.choice(["174", "405", "274", "272", "258", "380", "179"])
    part = r.choice(["1", "2", "3"])
    kind = kind or r.choice(["abbr", "abbr_nork", "words", "full_code", "two", "point", "part_only"])
    if kind == "abbr":
        return f"ч. {part} ст. {art} УК РК", [f"CC-{art}"], kind
    if kind == "abbr_nork":
        return f"ст. {art} УК", [f"CC-{art}"], kind
    if kind == "words":
        return f"части {ORDINAL_GEN[part]} статьи {art} УК РК", [f"CC-{art}"], kind
    if kind == "full_code":
        return f"статье {art} Уголовного кодекса", [f"CC-{art}"], kind
    if kind == "two":
        a, b = r.sample(["174", "274", "405", "179"], 2)
        return f"статьям {a} и {b} УК РК", [f"CC-{a}", f"CC-{b}"], kind
    if kind == "point":
        return f"п. 1 ч. {part} ст. {art} УК РК", [f"CC-{art}"], kind
    if kind == "part_only":
        return f"части {part} статьи {art} УК", [f"CC-{art}"], kind
    if kind == "cc1997":
        old = r.choice(["164", "170", "241"])
        return f"ст. {old} УК РК 1997 года", [f"CC1997-{old}"], kind
    if kind == "aoc":
        adm = r.choice(["488", "489", "434"])
        return r.choice([(f"ст. {adm} КоАП", [f"AOC-{adm}"], "aoc"),
                         (f"ст. {adm} КРКоАП", [f"AOC-{adm}"], "aoc_krkoap"),
                         (f"статье {adm} Кодекса об административных правонарушениях", [f"AOC-{adm}"], "aoc_words")])
    raise ValueError(kind)


# -- dates (published Monday 2024-05-20): (phrase, iso, shape) -------------------------------------------------------
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
MONTHS_PREP = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
               "ноябре", "декабре"]
# The item is published on a Monday: "в понедельник" is that day (annotation fixed after the first run, which had
# the Monday before: a news item's "в понедельник" on a Monday is the same day).
WEEKDAYS = [("в понедельник", "2024-05-20"), ("во вторник", "2024-05-14"), ("в среду", "2024-05-15"),
            ("в четверг", "2024-05-16"), ("в пятницу", "2024-05-17")]


def date(r, kind=None):
    kind = kind or r.choice(["full", "full", "numeric", "month_year", "last_year", "start_month", "yesterday",
                             "weekday", "this_year"])
    m, day, year = r.randrange(12), r.randint(1, 28), r.choice([2022, 2023])
    if kind == "full":
        return f"{day} {MONTHS_GEN[m]} {year} года", f"{year}-{m + 1:02d}-{day:02d}", kind
    if kind == "numeric":
        return f"{day:02d}.{m + 1:02d}.{year}", f"{year}-{m + 1:02d}-{day:02d}", kind
    if kind == "month_year":
        return f"в {MONTHS_PREP[m]} {year} года", f"{year}-{m + 1:02d}", kind
    if kind == "last_year":
        return f"в {MONTHS_PREP[m]} прошлого года", f"2023-{m + 1:02d}", kind
    if kind == "start_month":
        return f"в {r.choice(['начале', 'конце', 'середине'])} {MONTHS_GEN[m]} {year} года", f"{year}-{m + 1:02d}", kind
    if kind == "yesterday":
        return "вчера", "2024-05-19", kind
    if kind == "weekday":
        phrase, iso = r.choice(WEEKDAYS)
        return phrase, iso, kind
    if kind == "this_year":
        m = r.randrange(4)
        return f"{day} {MONTHS_GEN[m]}", f"2024-{m + 1:02d}-{day:02d}", kind
    raise ValueError(kind)


NUMBERS_DAT = {2: "двум", 3: "трём", 4: "четырём", 5: "пяти", 6: "шести", 7: "семи", 8: "восьми"}
NUMBERS_GEN = {2: "двух", 3: "трёх", 4: "четырёх", 5: "пяти", 6: "шести", 7: "семи", 8: "восьми"}
COURTS = ["Алмалинский районный суд Алматы", "Есильский районный суд Астаны", "суд Актобе",
          "Специализированный межрайонный суд по уголовным делам Шымкента", "Уральский городской суд"]


def years_dat(n):
    return f"{NUMBERS_DAT[n]} годам"


def years_num(n):
    return f"{n} года" if n < 5 else f"{n} лет"


# -- cases ----------------------------------------------------------------------------------------------------------
@dataclass
class Case:
    text: str
    acts: set = field(default_factory=set)       # (canonical, group, date)
    pairs: set = field(default_factory=set)      # (canonical, "CC-405")
    people: list = field(default_factory=list)   # Name objects (victims and bystanders)
    officials: list = field(default_factory=list)  # (canonical, [forms]) never victims
    tags: dict = field(default_factory=dict)     # name/case/provision/date shape of the case
    frame: str = ""
    shape: str = ""


def cap(s):
    return s[0].upper() + s[1:]


def jail(n):
    return {"PENALTY", "DEPRIVATION"}


HELD_OUT, TUNING = {}, {}


def frame(registry, shape):
    def wrap(fn):
        registry[fn.__name__] = (shape, fn)
        return fn
    return wrap


def _case(text, people, acts=(), pairs=(), officials=(), **tags):
    return Case(cap(text), set(acts), set(pairs), list(people), list(officials), tags)


# ---- HELD-OUT frames (written first; scored once, not tuned on) ----
@frame(HELD_OUT, "verdict: court sentences acc + term + provision")
def h_court_sentences(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r)
    n = r.choice([2, 3, 5, 7])
    text = f"{d} {r.choice(COURTS)} приговорил {a.form('acc')} к {years_dat(n)} лишения свободы по {prov}."
    acts = {(a.canonical, g, iso) for g in jail(n)}
    return _case(text, [a], acts, {(a.canonical, i) for i in ids}, name=a.style, case="acc", prov=pk, date=dk)


@frame(HELD_OUT, "verdict: passive 'признан виновным по' + restriction")
def h_found_guilty(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r)
    n = r.choice([2, 3, 5])
    text = (f"{a.form('nom')} {d} {a.a('признан виновным', 'признана виновной')} по {prov} и "
            f"{a.a('приговорён', 'приговорена')} к {years_dat(n)} ограничения свободы.")
    return _case(text, [a], {(a.canonical, "PENALTY", iso)}, {(a.canonical, i) for i in ids}, name=a.style,
                 case="nom", prov=pk, date=dk)


@frame(HELD_OUT, "charge: dative 'предъявлено обвинение по'")
def h_charge_dat(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r)
    text = f"{d} {a.form('dat')} предъявлено обвинение по {prov}."
    return _case(text, [a], {(a.canonical, "PROSECUTION", iso)}, {(a.canonical, i) for i in ids}, name=a.style,
                 case="dat", prov=pk, date=dk)


@frame(HELD_OUT, "charge: 'возбуждено дело по ... в отношении' gen")
def h_case_opened(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r)
    role = r.choice(list(ROLES_GEN))
    text = (f"{d} в отношении {ROLES_GEN[role][0 if a.male else 1]} {a.form('gen')} возбуждено уголовное дело по "
            f"{prov}.")
    return _case(text, [a], {(a.canonical, "PROSECUTION", iso)}, {(a.canonical, i) for i in ids}, name=a.style,
                 case="gen", prov=pk, date=dk)


@frame(HELD_OUT, "detention: police detained acc, a second person's role")
def h_detained_acc(r):
    (a,) = names(r)
    d, iso, dk = date(r)
    place = r.choice(["у здания акимата", "возле своего дома", "в аэропорту", "на площади"])
    text = f"{d} сотрудники полиции задержали {a.form('acc')} {place}."
    return _case(text, [a], {(a.canonical, "DEPRIVATION", iso)}, name=a.style, case="acc", date=dk)


@frame(HELD_OUT, "detention: nominal 'после задержания' gen")
def h_after_detention(r):
    (a,) = names(r)
    d, iso, dk = date(r, r.choice(["full", "numeric", "this_year"]))
    text = (f"Задержание {a.form('gen')} произошло {d}. Через два дня суд санкционировал "
            f"{a.a('его', 'её')} арест на два месяца.")
    acts = {(a.canonical, "DEPRIVATION", iso)}
    # the arrest two days later: pretrial detention, two days after
    from datetime import date as _d, timedelta
    if len(iso) == 10:
        later = (_d.fromisoformat(iso) + timedelta(days=2)).isoformat()
        acts.add((a.canonical, "DEPRIVATION", later))
    return _case(text, [a], acts, name=a.style, case="gen", date=dk)


@frame(HELD_OUT, "several people share one act (passive, list of names)")
def h_shared(r):
    a, b, c = names(r, 3, styles=("full", "full", "initials_before"))
    d, iso, dk = date(r)
    text = f"{d} {a.form('nom')}, {b.form('nom')} и {c.form('nom')} были задержаны после пикета."
    acts = {(x.canonical, "DEPRIVATION", iso) for x in (a, b, c)}
    return _case(text, [a, b, c], acts, name="list3", case="nom", date=dk)


@frame(HELD_OUT, "participle: 'осуждённый по' restates, main clause acts")
def h_participle(r):
    (a,) = names(r)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r, r.choice(["abbr", "words", "point"]))
    text = (f"{a.form('nom')}, {a.a('осуждённый', 'осуждённая')} по {prov}, {d} "
            f"{a.a('был переведён', 'была переведена')} в колонию общего режима.")
    return _case(text, [a], {(a.canonical, "PENALTY", "")}, {(a.canonical, i) for i in ids}, name=a.style,
                 case="nom", prov=pk, date=dk)


@frame(HELD_OUT, "list line 'ФИО — статья — срок'")
def h_list_line(r):
    people = names(r, 2, styles=("caps_first",))
    lines, acts, pairs = [], set(), set()
    for x in people:
        prov, ids, pk = provision(r, r.choice(["abbr", "two", "abbr_nork"]))
        prov = prov.replace("статьям", "ст.")         # a list's field is in the nominative: "ст. 174 и 274 УК РК"
        n = r.choice([3, 5, 7, 8])
        lines.append(f"{x.form('nom')} — {prov} — {years_num(n)} лишения свободы.")
        acts |= {(x.canonical, "PENALTY", ""), (x.canonical, "DEPRIVATION", "")}
        pairs |= {(x.canonical, i) for i in ids}
    text = "Список осуждённых по политическим мотивам:\n" + "\n".join(lines)
    return _case(text, people, acts, pairs, name="caps_first", case="nom", prov="list", date="none")


@frame(HELD_OUT, "precision: hypothetical 'грозит до' beside a charge")
def h_threat(r):
    (a,) = names(r)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r)
    n = r.choice([5, 7, 8])
    text = (f"{d} {a.form('dat')} предъявили обвинение по {prov}. По этой статье {a.form('dat', 'full').split()[-1]} "
            f"грозит до {NUMBERS_GEN[n]} лет лишения свободы.")
    return _case(text, [a], {(a.canonical, "PROSECUTION", iso)}, {(a.canonical, i) for i in ids}, name=a.style,
                 case="dat", prov=pk, date=dk)


@frame(HELD_OUT, "precision: prosecutor's request, no verdict yet")
def h_request(r):
    (a,) = names(r)
    role, gf, gl, male = OFFICIALS[3]
    n = r.choice([5, 6, 7])
    text = (f"Прокурор {gf} {gl} запросила для {a.form('gen')} {NUMBERS_GEN[n]} лет лишения свободы. "
            f"Приговор будет оглашён позже.")
    return _case(text, [a], officials=[(f"{gf} {gl}", [f"{gf} {gl}"])], name=a.style, case="gen", date="none")


@frame(HELD_OUT, "precision: negation")
def h_negation(r):
    (a,) = names(r)
    text = r.choice([f"{a.form('nom')} не {a.a('был задержан', 'была задержана')}, {a.a('его', 'её')} лишь "
                     f"опросили как свидетеля.",
                     f"Суд отказал следствию в аресте {a.form('gen')}.",
                     f"{a.form('nom')} свою вину не {a.a('признал', 'признала')}."])
    acts = set()
    if "опросили" in text:
        acts = {(a.canonical, "HARASSMENT", "")}
    return _case(text, [a], acts, name=a.style, case="nom", date="none")


@frame(HELD_OUT, "precision: judge named beside the victim")
def h_judge(r):
    (a,) = names(r, styles=STYLES)
    role, jf, jl, male = r.choice(OFFICIALS[:2])
    d, iso, dk = date(r)
    n = r.choice([2, 3, 5])
    verb = "приговорил" if male else "приговорила"
    text = f"{d} {role} {jf} {jl} {verb} {a.form('acc')} к {years_dat(n)} колонии."
    return _case(text, [a], {(a.canonical, "PENALTY", iso), (a.canonical, "DEPRIVATION", iso)},
                 officials=[(f"{jf} {jl}", [f"{jf} {jl}"])], name=a.style, case="acc", date=dk)


@frame(HELD_OUT, "admin: fine/arrest under the Administrative Code")
def h_admin(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r, "aoc")
    if r.random() < 0.5:
        text = f"{d} административный суд арестовал {a.form('acc')} на 15 суток по {prov}."
        acts = {(a.canonical, "DEPRIVATION", iso)}
    else:
        text = f"{a.form('dat')} {d} назначили штраф по {prov}."
        acts = {(a.canonical, "PENALTY", iso)}
    return _case(text, [a], acts, {(a.canonical, i) for i in ids}, name=a.style,
                 case="dat" if "штраф" in text else "acc", prov=pk, date=dk)


@frame(HELD_OUT, "old code: 'УК РК 1997 года'")
def h_cc1997(r):
    (a,) = names(r)
    prov, ids, pk = provision(r, "cc1997")
    year = r.choice([2010, 2012, 2013])
    text = f"В {year} году {a.form('nom')} {a.a('был осуждён', 'была осуждена')} по {prov} на семь лет."
    acts = {(a.canonical, "PENALTY", str(year)), (a.canonical, "DEPRIVATION", str(year))}
    return _case(text, [a], acts, {(a.canonical, i) for i in ids}, name=a.style, case="nom", prov=pk, date="year")


@frame(HELD_OUT, "provision: 'по той же статье' for a second person")
def h_same_article(r):
    a, b = names(r, 2)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r, r.choice(["abbr", "full_code"]))
    text = (f"{d} {a.form('nom')} {a.a('был арестован', 'была арестована')} по {prov}. Позднее по той же статье "
            f"задержали {b.form('acc')}.")
    acts = {(a.canonical, "DEPRIVATION", iso), (b.canonical, "DEPRIVATION", "")}
    pairs = {(a.canonical, i) for i in ids} | {(b.canonical, i) for i in ids}
    return _case(text, [a, b], acts, pairs, name=a.style, case="acc", prov="same_article", date=dk)


# ---- TUNING frames (written after the held-out first run; the rules were fixed on these) ----
@frame(TUNING, "charge: 'обвиняется по' present, with a dated detention")
def t_accused(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r)
    text = (f"{a.form('nom')} обвиняется по {prov}. {cap(d)} {a.a('он был задержан', 'она была задержана')} "
            f"в своём доме.")
    return _case(text, [a], {(a.canonical, "PROSECUTION", ""), (a.canonical, "DEPRIVATION", iso)},
                 {(a.canonical, i) for i in ids}, name=a.style, case="nom", prov=pk, date=dk)


@frame(TUNING, "verdict: 'осуждён по ... на N лет' spelled term")
def t_convicted_term(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r)
    prov, ids, pk = provision(r, r.choice(["abbr", "words", "two", "cc1997", "full_code"]))
    n = r.choice([3, 5, 6, 7, 8])
    term = r.choice([f"{NUMBERS_GEN[n] if n > 4 else NUMBERS_GEN[n]} лет", f"{years_num(n)}"])
    term = {3: "три года", 4: "четыре года"}.get(n, term) if "лет" in term and n < 5 else term
    text = f"{d} {a.form('nom')} {a.a('был осуждён', 'была осуждена')} по {prov} на {term}."
    text = text.replace("пяти лет", "пять лет").replace("шести лет", "шесть лет").replace("семи лет", "семь лет")\
        .replace("восьми лет", "восемь лет")
    return _case(text, [a], {(a.canonical, "PENALTY", iso), (a.canonical, "DEPRIVATION", iso)},
                 {(a.canonical, i) for i in ids}, name=a.style, case="nom", prov=pk, date=dk)


@frame(TUNING, "dates: 'накануне' / 'в ноябре прошлого года' after a dated lead")
def t_relative(r):
    (a,) = names(r)
    d, iso, dk = date(r, "full")
    from datetime import date as _d, timedelta
    before = (_d.fromisoformat(iso) - timedelta(days=1)).isoformat()
    text = (f"{d} суд отправил {a.form('acc')} под домашний арест. Накануне {a.a('его', 'её')} задержали "
            f"сотрудники КНБ.")
    return _case(text, [a], {(a.canonical, "DEPRIVATION", iso), (a.canonical, "DEPRIVATION", before)},
                 name=a.style, case="acc", date="relative")


@frame(TUNING, "impersonal: 'его/её оштрафовали' pronoun after the name")
def t_pronoun(r):
    (a,) = names(r, styles=("full", "patronymic", "family_first"))
    d, iso, dk = date(r)
    role = r.choice(list(ROLES_GEN))
    fem = {"активист": "активистка", "журналист": "журналистка", "блогер": "блогер",
           "правозащитник": "правозащитница", "пенсионер": "пенсионерка"}
    text = (f"{cap(role if a.male else fem[role])} {a.form('nom')} {a.a('вышел', 'вышла')} на одиночный пикет. {cap(d)} {a.a('его', 'её')} "
            f"оштрафовали на 50 МРП.")
    return _case(text, [a], {(a.canonical, "PENALTY", iso)}, name=a.style, case="nom", date=dk)


@frame(TUNING, "precision: prosecutor asked, court gave another term")
def t_request_vs_court(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r, r.choice(["full", "numeric"]))
    n1, n2 = r.sample([3, 5, 7, 8], 2)
    text = (f"Прокурор просил приговорить {a.form('acc')} к {years_dat(n1)} лишения свободы. {cap(d)} суд "
            f"назначил {a.a('ему', 'ей')} {years_num(n2).replace('года', 'года').replace('лет', 'лет')} "
            f"ограничения свободы.")
    return _case(text, [a], {(a.canonical, "PENALTY", iso)}, name=a.style, case="acc", date=dk)


@frame(TUNING, "precision: negation and denial")
def t_negation(r):
    (a,) = names(r, styles=STYLES)
    text = r.choice([f"Суд не стал арестовывать {a.form('acc')}.",
                     f"Полиция опровергла сообщения о задержании {a.form('gen')}.",
                     f"{a.form('dat')} так и не предъявили обвинение.",
                     f"Следователь отказал в возбуждении уголовного дела против {a.form('gen')}."])
    return _case(text.replace("..", "."), [a], name=a.style, case="mixed", date="none")


@frame(TUNING, "precision: hypothetical / threat only")
def t_threat_only(r):
    (a,) = names(r, styles=STYLES)
    prov, ids, pk = provision(r)
    n = r.choice([5, 7, 8])
    text = r.choice([f"Если суд признает {a.form('acc')} виновным по {prov}, {a.a('ему', 'ей')} грозит до "
                     f"{NUMBERS_GEN[n]} лет заключения.",
                     f"{a.form('dat')} может быть предъявлено обвинение по {prov}.",
                     f"Адвокаты опасаются, что {a.form('acc')} могут арестовать."])
    return _case(text, [a], name=a.style, case="mixed", prov=pk, date="none")


@frame(TUNING, "precision: prosecutor and investigator named as perpetrators")
def t_officials(r):
    (a,) = names(r, styles=STYLES)
    role, of, ol, male = r.choice(OFFICIALS[2:])
    d, iso, dk = date(r)
    prov, ids, pk = provision(r)
    verb = {"следователь": "предъявил", "прокурор": "предъявила", "полковник полиции": "предъявил"}[role]
    text = f"{d} {role} {of} {ol} {verb} {a.form('dat')} обвинение по {prov}."
    return _case(text, [a], {(a.canonical, "PROSECUTION", iso)}, {(a.canonical, i) for i in ids},
                 officials=[(f"{of} {ol}", [f"{of} {ol}"])], name=a.style, case="dat", prov=pk, date=dk)


@frame(TUNING, "several people: 'в отношении A и B' / 'A и B приговорены'")
def t_two_people(r):
    a, b = names(r, 2, styles=("full", "patronymic", "initials_before", "initials_after"))
    d, iso, dk = date(r)
    prov, ids, pk = provision(r)
    if r.random() < 0.5:
        text = f"{d} в отношении {a.form('gen')} и {b.form('gen')} возбудили уголовное дело по {prov}."
        acts = {(x.canonical, "PROSECUTION", iso) for x in (a, b)}
        case = "gen"
    else:
        text = (f"{d} {a.form('nom')} и {b.form('nom')} были приговорены по {prov} к {years_dat(r.choice([2, 3, 5]))} "
                f"лишения свободы каждый.")
        acts = {(x.canonical, g, iso) for x in (a, b) for g in ("PENALTY", "DEPRIVATION")}
        case = "nom"
    return _case(text, [a, b], acts, {(x.canonical, i) for x in (a, b) for i in ids}, name=a.style, case=case,
                 prov=pk, date=dk)


@frame(TUNING, "names: women's dative/genitive with patronymic, indeclinable given names")
def t_women(r):
    people = [Name(g, f, p, False, c, r.choice(("patronymic", "family_first", "full"))) for g, f, p, c in
              r.sample(WOMEN, 1)]
    (a,) = people
    d, iso, dk = date(r)
    kind = r.choice(["dat", "gen", "ins", "prep"])
    text = {"dat": f"{d} {a.form('dat')} назначили штраф в размере 100 МРП.",
            "gen": f"{d} у {a.form('gen')} провели обыск.",
            "ins": f"{d} вместе с {a.form('ins')} были задержаны ещё двое активистов.",
            "prep": f"Коллеги рассказали о {a.form('prep')}: {d} её задержали у дома."}[kind]
    group = {"dat": "PENALTY", "gen": "HARASSMENT", "ins": "DEPRIVATION", "prep": "DEPRIVATION"}[kind]
    return _case(text, [a], {(a.canonical, group, iso)}, name=a.style, case=kind, date=dk)


@frame(TUNING, "names: Kazakh -улы/-кызы, -бек/-бай in every case")
def t_kazakh_names(r):
    g, f, p, c = r.choice([x for x in MEN + WOMEN if x[3] in ("-улы", "-кызы", "-бек", "-бай", "indecl")])
    a = Name(g, f, p, (g, f, p, c) in MEN, c, r.choice(("full", "family_first")))
    d, iso, dk = date(r)
    kind = r.choice(["acc", "dat", "gen"])
    text = {"acc": f"{d} полиция задержала {a.form('acc')} у здания суда.",
            "dat": f"{d} {a.form('dat')} предъявили обвинение по ч. 2 ст. 174 УК РК.",
            "gen": f"{d} в отношении {a.form('gen')} возбудили дело по ч. 2 ст. 174 УК РК."}[kind]
    group = {"acc": "DEPRIVATION", "dat": "PROSECUTION", "gen": "PROSECUTION"}[kind]
    pairs = {(a.canonical, "CC-174")} if kind != "acc" else set()
    return _case(text, [a], {(a.canonical, group, iso)}, pairs, name=a.family_class, case=kind, date=dk)


@frame(TUNING, "list line with dates 'ФИО, год рождения — статья — срок — дата'")
def t_list_dated(r):
    people = names(r, 2, styles=("caps_first", "family_first"))
    lines, acts, pairs = [], set(), set()
    for x in people:
        prov, ids, pk = provision(r, r.choice(["abbr", "abbr_nork"]))
        n = r.choice([3, 5, 7])
        d, iso, dk = date(r, "numeric")
        lines.append(f"{x.form('nom')}, {r.randint(1960, 1995)} г.р. — {prov} — {years_num(n)} лишения свободы, "
                     f"приговор от {d}")
        acts |= {(x.canonical, "PENALTY", iso), (x.canonical, "DEPRIVATION", iso)}
        pairs |= {(x.canonical, i) for i in ids}
    text = "Осуждённые:\n" + "\n".join(lines)
    return _case(text, people, acts, pairs, name=people[0].style, case="nom", prov="list", date="numeric")


@frame(TUNING, "detention: 'санкционировал арест' / 'взят под стражу' two days later")
def t_arrest_later(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r, r.choice(["full", "numeric", "this_year"]))
    from datetime import date as _d, timedelta
    later = (_d.fromisoformat(iso) + timedelta(days=2)).isoformat()
    him = a.a("его", "её")
    text = (f"{a.form('nom')} {a.a('был задержан', 'была задержана')} {d}. Спустя два дня суд "
            f"{r.choice([f'санкционировал {him} арест', f'поместил {him} под стражу', f'арестовал {him} на два месяца'])}.")
    return _case(text, [a], {(a.canonical, "DEPRIVATION", iso), (a.canonical, "DEPRIVATION", later)},
                 name=a.style, case="nom", date=dk)


# Session 10 (h20-ru): shapes of first-run errors on unseen Russian text, written after the rules for them (tuning).
LATER_FRAMES = {"t_colony_term", "t_charge_names_attack", "t_decision_next", "t_publication_line", "t_offence_colon"}


@frame(TUNING, "verdict: 'суд отправил в колонию на N лет' (object before or after)")
def t_colony_term(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r, r.choice(["full", "numeric"]))
    n = r.choice([5, 6, 7, 8])
    term = {5: "пять", 6: "шесть", 7: "семь", 8: "восемь"}[n]
    text = r.choice([f"{d} суд отправил в колонию на {term} лет {a.form('acc')}.",
                     f"{a.form('acc')} суд {d} отправил в колонию на {term} лет."])
    return _case(text, [a], {(a.canonical, "PENALTY", iso), (a.canonical, "DEPRIVATION", iso)},
                 name=a.style, case="acc", date=dk)


@frame(TUNING, "precision: an attack named in the charge ('вменили … и нападение на')")
def t_charge_names_attack(r):
    (a,) = names(r, styles=STYLES)
    d, iso, dk = date(r, r.choice(["full", "numeric"]))
    prov, ids, pk = provision(r, r.choice(["abbr", "words", "full_code"]))
    what = r.choice(["нападение на полицейского", "нападение на охраняемый объект", "угрозу убийством"])
    text = f"{d} {a.form('dat')} вменили {prov.replace('статье', 'статью').replace('статьи', 'статьи')} и {what}."
    text = text.replace("вменили ч.", "вменили ч.")
    return _case(text, [a], {(a.canonical, "PROSECUTION", iso)}, {(a.canonical, i) for i in ids},
                 name=a.style, case="dat", prov=pk, date=dk)


@frame(TUNING, "dates: the next sentence dates the decision ('Постановление вынесено …')")
def t_decision_next(r):
    (a,) = names(r, styles=("full", "patronymic"))
    phrase, iso = r.choice([("в пятницу, 17 мая", "2024-05-17"), ("17 мая", "2024-05-17"),
                            ("в четверг", "2024-05-16"), ("15 мая 2024 года", "2024-05-15")])
    what = r.choice(["под домашний арест на два месяца", "под стражу на два месяца"])
    text = (f"Новости\n\nАлматы, 20 мая 2024 года\n\nСуд отправил {a.form('acc')} {what}. "
            f"{r.choice(['Постановление вынесено', 'Решение было принято', 'Постановление суд огласил'])} {phrase}, "
            f"сообщил адвокат.")
    return _case(text, [a], {(a.canonical, "DEPRIVATION", iso)}, name=a.style, case="acc", date="next_sentence")


@frame(TUNING, "dates: a publication line dates nothing ('Опубликовано …', report date line)")
def t_publication_line(r):
    (a,) = names(r, styles=STYLES)
    prov, ids, pk = provision(r, r.choice(["abbr", "words", "two"]))
    n = r.choice([4, 5, 7])
    head = r.choice(["Срочная акция\n\nОпубликовано 14 мая 2024 года\n\n",
                     "Обращение правозащитников\n\nСоставлено 14 мая 2024 года по открытым источникам.\n\n",
                     "Краткое изложение доклада о правах человека\n\n14 мая 2024 года\n\n"])
    term = {4: "четырём годам", 5: "пяти годам", 7: "семи годам"}[n]
    text = f"{head}{a.form('nom')} {a.a('осуждён', 'осуждена')} к {term} лишения свободы по {prov}."
    return _case(text, [a], {(a.canonical, "PENALTY", ""), (a.canonical, "DEPRIVATION", "")},
                 {(a.canonical, i) for i in ids}, name=a.style, case="nom", prov=pk, date="publication_line")


@frame(TUNING, "dates: the offence told after a colon is not the finding's date")
def t_offence_colon(r):
    (a,) = names(r, styles=("full", "patronymic", "family_first"))
    d, iso, dk = date(r, r.choice(["full", "numeric"]))
    month = r.choice(MONTHS_PREP)
    text = (f"{d} суд назначил {a.form('dat')} 15 суток ареста. {a.a('Его', 'Её')} признали "
            f"{a.a('виновным', 'виновной')} в повторном участии в незаконном собрании: в {month} "
            f"{a.a('он пришёл', 'она пришла')} к акимату с плакатом.")
    return _case(text, [a], {(a.canonical, "DEPRIVATION", iso)}, name=a.style, case="dat", date=dk)


# -- generation and scoring -----------------------------------------------------------------------------------------
def generate(which="held_out", per=8, seed=SEED):
    frames = {"held_out": HELD_OUT, "tuning": TUNING, "all": {**HELD_OUT, **TUNING}}[which]
    r = random.Random(seed)
    out = []
    for name in sorted(frames):
        shape, fn = frames[name]
        # (frames added later draw from their own stream, so the earlier frames keep their texts)
        own = random.Random(f"{seed}-{name}") if name in LATER_FRAMES else r
        for _ in range(per):
            case = fn(own)
            case.frame, case.shape = name, shape
            out.append(case)
    return out


def entry_of(case):
    persons = {}
    for x in case.people:
        forms = {x.form(c) for c in CASES} | {x.form(c, s) for c in CASES for s in
                                              ("full", "patronymic", "family_first", "initials_before",
                                               "initials_after", "caps_first")}
        forms |= {decline_family(x.family, x.male, c) for c in CASES}
        persons[x.canonical] = sorted(f for f in forms if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", case.text))
    return {"language": "ru", "persons": {k: v for k, v in persons.items() if v},
            "acts": [{"victim": v, "group": g, "date": d} for v, g, d in case.acts],
            "provisions": [[v, i] for v, i in case.pairs]}


def run(case):
    """The evaluation's own scores for one case, plus whether each person's mention has the right nominative."""
    from qorgau.documents.evaluation import score_document

    found = {}
    scores = score_document(case.text, entry_of(case), PUBLISHED, found=found)
    official_victims = {p.victims[0] for p in found["proposals"] if any(
        p.victims[0].split()[-1] == name.split()[-1] for name, _ in case.officials)}
    # A person's recorded name is right when it holds the family name in the nominative and every other word is
    # the given name or patronymic in the nominative or an initial ("Ильин Талгат Петрович", "И.В. Чуприн").
    allowed = lambda x: {x.given.lower(), x.family.lower(), x.patronymic.lower()}  # noqa: E731
    right = sum(1 for x in case.people if any(
        x.family.lower() in words and all(w in allowed(x) or re.fullmatch(r"(\w\.)+", w) for w in words)
        for words in [m.name.lower().split() for m in found["mentions"]]))
    return scores, right, official_victims, found


def score(cases):
    table = {}
    for case in cases:
        scores, right, official_victims, found = run(case)
        keys = [("shape", case.shape)] + [(k, f"{k}={v}") for k, v in case.tags.items()]
        for dim, key in keys:
            row = table.setdefault(dim, {}).setdefault(key, {"n": 0, "m_tp": 0, "m_fn": 0, "m_fp": 0, "nom": 0,
                                                             "people": 0, "tp": 0, "fp": 0, "fn": 0, "p_tp": 0,
                                                             "p_fn": 0, "p_fp": 0, "off": 0, "wrong": []})
            row["n"] += 1
            m, a, p = scores["person mentions"], scores["acts"], scores["person–provision pairs"]
            row["m_tp"] += m.tp
            row["m_fn"] += m.fn
            row["m_fp"] += m.fp
            row["nom"] += right
            row["people"] += len(case.people)
            row["tp"] += a.tp
            row["fp"] += a.fp
            row["fn"] += a.fn
            row["p_tp"] += p.tp
            row["p_fn"] += p.fn
            row["p_fp"] += p.fp
            row["off"] += len(official_victims)
            if a.fp or a.fn or p.fn or m.fn or official_victims or right < len(case.people):
                row["wrong"].append((case, found))
    return table


def _ratio(a, b):
    return f"{a / (a + b):.2f}" if a + b else "  - "


def totals(table):
    rows = table["shape"].values()
    t = {k: sum(row[k] for row in rows) for k in ("n", "m_tp", "m_fn", "nom", "people", "tp", "fp", "fn", "p_tp",
                                                  "p_fn", "off")}
    r = lambda a, b: a / (a + b) if a + b else 1.0  # noqa: E731
    return {"mentions_r": r(t["m_tp"], t["m_fn"]), "nominative": t["nom"] / max(t["people"], 1),
            "acts_p": r(t["tp"], t["fp"]), "acts_r": r(t["tp"], t["fn"]), "pairs_r": r(t["p_tp"], t["p_fn"]), **t}


def report(table, by=("shape",), show=None):
    out = []
    for dim in by:
        out += [f"\n| {dim} | texts | mentions R | nominative | acts P | acts R | fp | fn | pairs R | official victims |",
                "|---|---|---|---|---|---|---|---|---|---|"]
        for key in sorted(table.get(dim, {})):
            row = table[dim][key]
            out.append(f"| {key} | {row['n']} | {_ratio(row['m_tp'], row['m_fn'])} | "
                       f"{row['nom'] / max(row['people'], 1):.2f} | {_ratio(row['tp'], row['fp'])} | "
                       f"{_ratio(row['tp'], row['fn'])} | {row['fp']} | {row['fn']} | "
                       f"{_ratio(row['p_tp'], row['p_fn'])} | {row['off']} |")
    t = totals(table)
    out.append(f"| ALL | {t['n']} | {t['mentions_r']:.3f} | {t['nominative']:.3f} | {t['acts_p']:.3f} | "
               f"{t['acts_r']:.3f} | {t['fp']} | {t['fn']} | {t['pairs_r']:.3f} | {t['off']} |")
    if show:
        for key, row in sorted(table["shape"].items()):
            if not re.search(show, key):
                continue
            for case, found in row["wrong"]:
                acts = sorted((p.victims[0], p.act_type, p.date) for p in found["proposals"])
                out.append(f"\n[{case.frame}] {case.text}\n   gold {sorted(case.acts)} pairs {sorted(case.pairs)}\n"
                           f"   got  {acts}\n   names {[m.name for m in found['mentions']]} pairs "
                           f"{sorted((p.victims[0], u) for p in found['proposals'] for u, _ in p.provisions)}")
    return "\n".join(out)


def main(argv):
    from .cli import run

    run(argv, __doc__, generate, score, report, ["held_out", "tuning"], by="shape")


if __name__ == "__main__":
    main(sys.argv[1:])
