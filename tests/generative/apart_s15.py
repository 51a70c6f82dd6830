"""Adversarial documents for resolution, second set (issue 12, session 15): kinds of people who must stay apart that
session 14's set (tests/generative/apart.py) did not generate, and one person printed in further ways, over NEW
names, run through the real pipeline (`ingest`, then `resolve` over everything, several documents in one database).

Names are built from parts: family names from an ancestor's given name of `qorgau/lib/given_names.txt` (with another
seed than session 14's), given names from the Kazakh given names of the lexicon (`lexicon/kk/given_names.tsv`, as
Russian writers print them) that session 14's pools do not use; never a gold person. Declensions are the generators'
own (tests.generative.ru, tests.generative.kk); the Latin spellings come from apart.latin and a 2021 Kazakh Latin
table below. Every sentence is our own made-up wording.

Kinds that must stay APART (a merge of the two is a wrong merge):
  namesake_role     the same full name in two documents: an activist detained in one city, a police officer who
                    detained someone else in another (a reviewer may be asked, never a merge)
  namesake_city     the same full name in two documents: detained in one city, fined in another, no age, no role
                    in common (reported; queued or kept apart is right, a merge is counted)
  patronymic_family "Ерлан Нурланұлы" and "Ерлан Нурланов" named as two persons in one document
  parent_bio        a biography line naming the father ("His father, X, …", "Отец — X", "Әкесі X – …") after the
                    son, then the family name alone (the son)
  child_bio         the father, then "his son X" / "сын — X" / "ұлы X", then the family name alone (the father)
  given_alone_two   two persons with one given name, then that given name alone in a quote
  compound_given    "Нур-Ахмет" and his brother "Ахмет", one family name, one document
  maiden            "X Сейтова (урождённая Бекова)" and her sister "Y Бекова", one document
  initials_kin      a father and his son with one initial ("А. Беков" fits both; "А. А. Беков" is the son)
  place_person      a street or a foundation named after a person ("улица Абая Бекова", "фонд имени …") beside a
                    victim of that family: the place is no person, and never the victim
  byline            the journalist who wrote the story ("By …", "Автор: …", "Авторы: …") and the victim share the
                    family name, then the family name alone (the victim)
Kinds that are ONE person (merged or queued, never left unseen):
  alone_spelling    a family name alone in another spelling than the full mention, one document (Zhylanbayev /
                    Zhylanbaev), and in a document of its own
  latin2021         the full name in the 2021 Kazakh Latin alphabet in another document
  compound_same     a hyphenated given name written joined or in Latin in another document (Нур-Ахмет / Нурахмет)
  maiden_same       a woman under her maiden name in another document (Бекова, then "Сейтова (урождённая Бекова)")

    PYTHONPATH=$PWD pytest tests/test_apart_s15.py -k table -s       # prints the table by kind and language
"""

import random

from tests.generative import kk, ru
from tests.generative.apart import LANGS, Doc, P, Scenario, detained, family, fined, latin, merge_forms

SEED = 20261126
CITIES = [("Semey", "Семее", "Семей"), ("Kostanay", "Костанае", "Қостанай"), ("Atyrau", "Атырау", "Атырау"),
          ("Kyzylorda", "Кызылорде", "Қызылорда"), ("Ekibastuz", "Экибастузе", "Екібастұз"),
          ("Zhanaozen", "Жанаозене", "Жаңаөзен")]

LATIN2021 = {"а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io", "ж": "j",
             "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o",
             "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h",
             "һ": "h", "ц": "ts", "ч": "ch", "ш": "ş", "щ": "ş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
             "ю": "iu", "я": "ia"}


def latin2021(word):
    out = []
    for ch in word:
        t = LATIN2021.get(ch.lower(), ch.lower())
        out.append(t.capitalize() if ch.isupper() else t)
    return "".join(out)


def _lexicon_names():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "qorgau" / "documents" / "extract" / "lexicon" / "ru" / \
        "given_names.tsv"
    men, women = [], []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or "\t" not in line:
            continue
        name, sex = line.rstrip("\n").split("\t")[:2]
        (men if sex.strip() == "m" else women).append(name.strip())
    return men, women


def pools():
    """Given names of the lexicon that session 14's pools do not use, Cyrillic letters only."""
    from tests.generative import apart

    men, women = _lexicon_names()
    ok = lambda n: n.isalpha() and n not in apart.MEN and n not in apart.WOMEN and len(n) >= 4  # noqa: E731
    men = [n for n in men if ok(n) and n[-1] not in "аяиы"]
    women = [n for n in women if ok(n) and n[-1] in "аяь" + "рмлн"]
    return men, women


class Names:
    def __init__(self, r):
        from tests.generative.apart import ancestors

        self.r = r
        men, women = pools()
        used = set(men) | set(women)
        self.stems = [s for s in ancestors() if s not in used]
        r.shuffle(self.stems)
        self.men, self.women = men, women
        self.n = 0
        self.used = set()

    def stem(self):
        """A family stem no instance had (instances never share a full name by chance: that is namesake_city)."""
        while True:
            self.n += 1
            turn, at = divmod(self.n - 1, len(self.stems))
            stem = self.stems[at]
            stem = stem if not turn else stem + ("бек", "бай", "жан", "кул")[(turn - 1) % 4]
            if stem not in self.used and latin(family(stem)) not in self.used:   # Эльдар / Ельдар: one name
                self.used.update((stem, latin(family(stem))))
                return stem

    def given_stem(self):
        """A man's given name of the pool, as a father's name made into a family name, not used as a stem yet."""
        stem = self.r.choice([m for m in self.men if m not in self.used and latin(family(m)) not in self.used])
        self.used.update((stem, latin(family(stem))))
        return stem

    def man(self, key, fam, given=None, father=""):
        return P(key, given or self.r.choice(self.men), fam, True, father)

    def woman(self, key, fam, given=None):
        return P(key, given or self.r.choice(self.women), fam if fam.endswith("а") else fam + "а", False)


def lone_of(p, lang, case="nom"):
    if lang == "en":
        return latin(p.family)
    if lang == "ru":
        return ru.decline_family(p.family, p.male, case)
    return kk.decline(p.family, case)


def full(p, lang, case="nom"):
    return p.en() if lang == "en" else p.ru(case) if lang == "ru" else p.kk(case)


def generate(per=2, seed=SEED):
    r = random.Random(seed)
    names = Names(r)
    out = []
    for lang in LANGS:
        for i in range(per):
            city = r.choice(CITIES)
            other = r.choice([c for c in CITIES if c != city])
            tag = f"{lang}{i}"
            ci = {"en": 0, "ru": 1, "kk": 2}[lang]

            # namesake_role: an activist detained in one city; a police officer of that name in another
            fam = family(names.stem())
            a, b = names.man(f"{tag}nr-a", fam), None
            b = names.man(f"{tag}nr-b", fam, a.given)
            victim = names.man(f"{tag}nr-v", family(names.stem()))
            s1, f1 = detained(lang, a, city)
            if lang == "en":
                s2 = f"In {other[0]}, police officer {b.en()} detained {victim.en()} at a rally on 9 March 2024."
                f2 = {b.key: [b.en()], victim.key: [victim.en()]}
            elif lang == "ru":
                s2 = (f"9 марта 2024 года в {other[1]} сотрудник полиции {b.ru()} задержал {victim.ru('acc')} "
                      f"на митинге.")
                f2 = {b.key: [b.ru()], victim.key: [victim.ru("acc")]}
            else:
                s2 = f"2024 жылғы 9 наурызда {other[2]} қаласында полиция қызметкері {b.kk()} митингте {victim.kk('acc')} ұстады."
                f2 = {b.key: [b.kk()], victim.key: [victim.kk("acc")]}
            out.append(Scenario("namesake_role", lang, [Doc(lang, s1, {a.key: f1}), Doc(lang, s2, f2)],
                                apart=[(a.key, b.key)]))

            # namesake_city: the same full name, two cities, two acts, nothing else in common
            fam = family(names.stem())
            a = names.man(f"{tag}nc-a", fam)
            b = names.man(f"{tag}nc-b", fam, a.given)
            s1, f1 = detained(lang, a, city)
            s2, f2 = fined(lang, b, other)
            out.append(Scenario("namesake_city", lang, [Doc(lang, s1, {a.key: f1}), Doc(lang, s2, {b.key: f2})],
                                apart=[(a.key, b.key)]))

            # patronymic_family: "Ерлан Нурланұлы" and "Ерлан Нурланов", two persons of one document
            stem = names.given_stem()
            g = r.choice([m for m in names.men if m != stem])
            a = P(f"{tag}pf-a", g, stem + ("ұлы" if lang == "kk" else "улы"), True)
            b = names.man(f"{tag}pf-b", family(stem), g)
            fa = latin(a.given) + " " + latin(stem) + "uly" if lang == "en" else f"{a.given} {a.family}"
            fb = b.en() if lang == "en" else b.ru() if lang == "ru" else b.kk()
            text = {"en": f"Two activists, {fa} and {fb}, were detained in {city[0]} on 3 May 2024.",
                    "ru": f"3 мая 2024 года в {city[1]} задержаны два активиста: {fa} и {fb}.",
                    "kk": f"2024 жылғы 3 мамырда {city[2]} қаласында екі белсенді ұсталды: {fa} және {fb}."}[lang]
            out.append(Scenario("patronymic_family", lang, [Doc(lang, text, {a.key: [fa], b.key: [fb]})],
                                apart=[(a.key, b.key)]))

            # parent_bio: the son, then a biography line naming the father, then the family name alone (the son)
            fam = family(names.stem())
            father = names.man(f"{tag}pb-f", fam)
            son = names.man(f"{tag}pb-s", fam, r.choice([m for m in names.men if m != father.given]), father.given)
            s_, f_ = full(son, lang), full(father, lang)
            lone = lone_of(son, lang)
            variant = i % 2
            if lang == "en":
                line = [f"His father, {f_}, is a retired teacher.", f"Father: {f_}, a retired teacher."][variant]
                text = f"{s_} is a journalist from {city[0]}. {line} In May {lone} was detained."
            elif lang == "ru":
                line = [f"Отец — {f_}, учитель на пенсии.", f"Его отец {f_} — учитель на пенсии."][variant]
                text = f"{s_} — журналист, живёт в {city[1]}. {line} В мае {lone} был задержан."
            else:
                line = [f"Әкесі {f_} – зейнеткер мұғалім.", f"Оның әкесі – {f_}, зейнеткер мұғалім."][variant]
                text = f"{s_} – {city[2]} қаласының журналисі. {line} Мамырда {lone} ұсталды."
            out.append(Scenario("parent_bio", lang, [Doc(lang, text, {son.key: [s_, lone], father.key: [f_]})],
                                apart=[(father.key, son.key)]))

            # child_bio: the father, then his son, then the family name alone (the father)
            fam = family(names.stem())
            father = names.man(f"{tag}cb-f", fam)
            son = names.man(f"{tag}cb-s", fam, r.choice([m for m in names.men if m != father.given]), father.given)
            f_, s_ = full(father, lang), full(son, lang)
            lone = lone_of(father, lang)
            if lang == "en":
                text = (f"{f_} is a human rights defender from {city[0]}. His son, {s_}, is a student. "
                        f"In May {lone} was detained.")
            elif lang == "ru":
                text = f"{f_} — правозащитник, живёт в {city[1]}. Сын — {s_}, студент. В мае {lone} был задержан."
            else:
                text = f"{f_} – {city[2]} қаласының құқық қорғаушысы. Ұлы {s_} – студент. Мамырда {lone} ұсталды."
            out.append(Scenario("child_bio", lang, [Doc(lang, text, {father.key: [f_, lone], son.key: [s_]})],
                                apart=[(father.key, son.key)]))

            # given_alone_two: two persons with one given name, then the given name alone in a quote
            g = r.choice(names.men)
            a = names.man(f"{tag}ga-a", family(names.stem()), g)
            b = names.man(f"{tag}ga-b", family(names.stem()), g)
            fa, fb = full(a, lang), full(b, lang)
            gl = latin(g) if lang == "en" else g
            text = {"en": f"{fa} and {fb} were detained in {city[0]}. \"We will appeal,\" {gl} said.",
                    "ru": f"В {city[1]} задержаны {fa} и {fb}. «Мы обжалуем арест», — сказал {gl}.",
                    "kk": f"{city[2]} қаласында {fa} мен {fb} ұсталды. «Шағымданамыз», – деді {gl}."}[lang]
            if lang == "ru":
                fa, fb = a.ru(), b.ru()
                text = f"В {city[1]} задержаны {fa} и {fb}. «Мы обжалуем арест», — сказал {gl}."
            out.append(Scenario("given_alone_two", lang, [Doc(lang, text, {a.key: [fa], b.key: [fb]})],
                                apart=[(a.key, b.key)]))

            # compound_given: "Нур-Ахмет" and his brother "Ахмет"
            fam = family(names.stem())
            base = r.choice([m for m in names.men if len(m) <= 6])
            pre = r.choice(["Нур", "Ак", "Жан", "Бек"])
            a = names.man(f"{tag}cg-a", fam, f"{pre}-{base[0]}{base[1:].lower()}")
            b = names.man(f"{tag}cg-b", fam, base)
            fa, fb = full(a, lang), full(b, lang)
            if lang == "en":
                fa = f"{latin(pre)}-{latin(base)} {latin(fam)}"
            brother = {"en": "his brother", "ru": "его брат", "kk": "оның інісі"}[lang]
            joiner = {"en": "and", "ru": "и", "kk": "және"}[lang]
            tail = {"en": "were detained at the square.", "ru": "были задержаны на площади.",
                    "kk": "алаңда ұсталды."}[lang]
            text = f"{fa} {joiner} {brother} {fb} {tail}"
            out.append(Scenario("compound_given", lang, [Doc(lang, text, {a.key: [fa], b.key: [fb]})],
                                apart=[(a.key, b.key)]))

            # compound_same: the hyphenated given name joined, or in Latin, in another document
            fam = family(names.stem())
            base = r.choice([m for m in names.men if len(m) <= 6])
            given = f"{pre}-{base[0]}{base[1:].lower()}"
            p = names.man(f"{tag}cs", fam, given)
            s1, f1 = detained(lang, p, city)
            joined = P(p.key, pre + base.lower(), fam, True)
            s2, f2 = fined("en" if lang != "en" else "ru", joined, city)
            out.append(Scenario("compound_same", lang, [Doc(lang, s1, {p.key: f1}),
                                                        Doc("en" if lang != "en" else "ru", s2, {p.key: f2})],
                                same=[p.key]))

            # maiden: a married woman with her maiden name, and her sister under that family name
            maiden, married = family(names.stem()), family(names.stem())
            w = names.woman(f"{tag}md-w", married)
            sis = names.woman(f"{tag}md-s", maiden, r.choice([n for n in names.women if n != w.given]))
            if lang == "en":
                fw, fs = f"{w.en()} (née {latin(maiden)}а)".replace("а)", "a)"), sis.en()
                fw_name = w.en()
                text = f"{fw} and her sister {fs} were fined in {city[0]}."
            elif lang == "ru":
                fw_name, fs = w.ru(), sis.ru()
                text = f"{fw_name} (урождённая {maiden}а) и её сестра {fs} оштрафованы в {city[1]}."
            else:
                fw_name, fs = w.kk(), sis.kk()
                text = f"{fw_name} (қыз кезіндегі тегі {maiden}а) мен оның сіңлісі {fs} {city[2]} қаласында айыппұл төледі."
            out.append(Scenario("maiden", lang, [Doc(lang, text, {w.key: [fw_name], sis.key: [fs]})],
                                apart=[(w.key, sis.key)]))

            # maiden_same: under her maiden name in one document, under her married one (with the maiden) in another
            maiden, married = family(names.stem()), family(names.stem())
            w = names.woman(f"{tag}ms", maiden)
            s1, f1 = detained(lang, w, city)
            wm = P(w.key, w.given, married + "а", False)
            if lang == "en":
                form2 = wm.en()
                s2 = f"{form2} (née {latin(maiden)}a) appealed the arrest."
            elif lang == "ru":
                form2 = wm.ru()
                s2 = f"{form2} (урождённая {maiden}а) обжаловала арест."
            else:
                form2 = wm.kk()
                s2 = f"{form2} (қыз кезіндегі тегі {maiden}а) қамауға шағымданды."
            out.append(Scenario("maiden_same", lang, [Doc(lang, s1, {w.key: f1}), Doc(lang, s2, {w.key: [form2]})],
                                same=[w.key]))

            # initials_kin: a father and a son with one initial; "А. А. Беков" in another document is the son
            fam = family(names.stem())
            g1 = r.choice(names.men)
            g2 = r.choice([m for m in names.men if m[0] == g1[0] and m != g1] or [m for m in names.men if m != g1])
            father = names.man(f"{tag}ik-f", fam, g1)
            son = names.man(f"{tag}ik-s", fam, g2, g1)
            f_, s_ = full(father, lang), full(son, lang, "nom")
            if lang == "ru":
                s_ = son.ru(patronymic=True)
            rel = {"en": "and his son", "ru": "и его сын", "kk": "және оның ұлы"}[lang]
            tail = {"en": "were detained at the square.", "ru": "были задержаны на площади.",
                    "kk": "алаңда ұсталды."}[lang]
            doc1 = Doc(lang, f"{f_} {rel} {s_} {tail}", {father.key: [f_], son.key: [s_]})
            if lang == "en":
                ini = f"{latin(g2)[0]}. {latin(g1)[0]}. {latin(fam)}"
                s2 = f"On 4 June 2024 a court in {city[0]} fined {ini} for the picket."
            elif lang == "ru":
                ini = f"{g2[0]}. {g1[0]}. {ru.decline_family(fam, True, 'dat')}"
                s2 = f"4 июня 2024 года суд в {city[1]} назначил {ini} штраф за пикет."
            else:
                ini = f"{g2[0]}. {g1[0]}. {kk.decline(fam, 'dat')}"
                s2 = f"2024 жылғы 4 маусымда {city[2]} қаласының соты {ini} айыппұл салды."
            out.append(Scenario("initials_kin", lang, [doc1, Doc(lang, s2, {son.key: [ini]})],
                                apart=[(father.key, son.key)]))

            # place_person: a street or a foundation named after a person of the victim's family
            fam = family(names.stem())
            victim = names.man(f"{tag}pp-v", fam)
            namesake = names.man(f"{tag}pp-x", fam, r.choice([m for m in names.men if m != victim.given]))
            fv = full(victim, lang, "acc")
            if i % 2 == 0:   # a street
                place = {"en": f"{namesake.en()} Street", "ru": f"улице {namesake.ru('gen')}",
                         "kk": f"{namesake.kk()} көшесінде"}[lang]
                text = {"en": f"Police detained {fv} on {place} in {city[0]} on 3 May 2024.",
                        "ru": f"3 мая 2024 года полиция задержала {fv} на {place} в {city[1]}.",
                        "kk": f"2024 жылғы 3 мамырда полиция {fv} {city[2]} қаласының {place} ұстады."}[lang]
            else:            # a foundation
                place = {"en": f"the {namesake.en()} Foundation", "ru": f"фонда имени {namesake.ru('gen')}",
                         "kk": f"{namesake.kk()} атындағы қордың"}[lang]
                text = {"en": f"Police detained {fv}, head of {place}, in {city[0]} on 3 May 2024.",
                        "ru": f"3 мая 2024 года в {city[1]} полиция задержала главу {place} {fv}.",
                        "kk": f"2024 жылғы 3 мамырда {city[2]} қаласында полиция {place} басшысы {fv} ұстады."}[lang]
                if lang == "en":
                    fv = victim.en()
                    text = f"Police detained {fv}, head of {place}, in {city[0]} on 3 May 2024."
            out.append(Scenario("place_person", lang, [Doc(lang, text, {victim.key: [fv]})], same=[victim.key],
                                apart=[]))
            out[-1].place = (victim.key, {"en": namesake.en(), "ru": namesake.ru("gen"), "kk": namesake.kk()}[lang])

            # byline: the journalist and the victim share the family name; then the family name alone (the victim)
            fam = family(names.stem())
            victim = names.man(f"{tag}by-v", fam)
            author = names.man(f"{tag}by-a", fam, r.choice([m for m in names.men if m != victim.given]))
            fa = full(author, lang)
            fv = full(victim, lang, "acc")
            lone = lone_of(victim, lang)
            if lang == "en":
                fv = victim.en()
                text = (f"By {fa}\n\nPolice in {city[0]} detained activist {fv} on 3 May 2024. "
                        f"{lone} denies the charges.")
            elif lang == "ru":
                text = (f"Автор: {fa}\n\n3 мая 2024 года в {city[1]} полиция задержала активиста {fv}. "
                        f"{lone} отрицает обвинения.")
            else:
                text = (f"Авторы: {fa}\n\n2024 жылғы 3 мамырда {city[2]} қаласында полиция белсенді {fv} ұстады. "
                        f"{lone} айыпты мойындамайды.")
            out.append(Scenario("byline", lang, [Doc(lang, text, {author.key: [fa], victim.key: [fv, lone]})],
                                apart=[(author.key, victim.key)]))

            # alone_spelling: the family name alone in another spelling, in the document and in one of its own
            fam, lone0 = None, None
            while lone0 is None:   # a stem one of the common other spellings applies to (Zhylanbayev / Zhylanbaev)
                fam = family(names.stem())
                spelled = latin(fam + ("а" if i % 2 else ""), 1)
                lone0 = other_spelling(spelled)
            p = names.man(f"{tag}as", fam) if i % 2 == 0 else names.woman(f"{tag}as", fam)
            style1 = f"{latin(p.given, 1)} {latin(p.family, 1)}"
            s1 = f"Police detained activist {style1} in {city[0]} on 3 May 2024. {lone0} denies the charges."
            out.append(Scenario("alone_spelling", "en", [Doc("en", s1, {p.key: [style1, lone0]})], same=[p.key]))

            # latin2021: the full name in the 2021 Kazakh Latin alphabet in another document
            fam = family(names.stem())
            p = names.man(f"{tag}l21", fam) if i % 2 == 0 else names.woman(f"{tag}l21", fam)
            s1, f1 = detained(lang, p, city)
            l21 = f"{latin2021(p.given)} {latin2021(p.family)}"
            s2 = f"2024 jylğy 5 mamyrda {l21} sotqa şağym berdi."
            out.append(Scenario("latin2021", lang, [Doc(lang, s1, {p.key: f1}), Doc("kk", s2, {p.key: [l21]})],
                                same=[p.key]))
            del ci
    return out


OTHER_SPELLINGS = (("yev", "ev"), ("kh", "h"), ("zh", "j"), ("Zh", "J"), ("Ye", "E"), ("y", "i"), ("ts", "c"))


def other_spelling(word):
    """The word in another common romanisation (-yev/-ev, kh/h, zh/j, Ye/E, y/i, ts/c), or None."""
    for a, b in OTHER_SPELLINGS:
        if a in word:
            return word.replace(a, b, 1)
    return None


def run(scenarios, actor):
    """apart.run, and for place_person: the place's name is no person record, and never the victim's."""
    from django.contrib.contenttypes.models import ContentType

    from qorgau.records.models import Citation, Person
    from tests.generative import apart

    rows = apart.run(scenarios, actor)
    ct = ContentType.objects.get_for_model(Person)
    for scenario in scenarios:
        if not hasattr(scenario, "place"):
            continue
        key, form = scenario.place
        doc = scenario.docs[0]
        texts = {}
        for c in Citation.objects.filter(content_type=ct, text__iexact=form):
            texts.setdefault(c.object_id, c)
        if not texts:
            rows.append((scenario.kind, scenario.lang, "apart", "the place is no person"))
            continue
        victim_forms = doc.forms[key]
        victims = {c.object_id for c in Citation.objects.filter(content_type=ct, text__in=victim_forms)}
        merged = any(Person._base_manager.get(pk=pk).merged_into_id in victims or pk in victims for pk in texts)
        rows.append((scenario.kind, scenario.lang, "WRONG" if merged else "phantom", form))
    return rows


def table(rows):
    from collections import Counter

    counts = Counter((kind, lang, outcome) for kind, lang, outcome, _ in rows)
    kinds = sorted({k for k, _, _ in counts})
    outcomes = ["WRONG", "queued", "apart", "merged", "MISSED", "unread", "phantom"]
    lines = ["| kind | lang | " + " | ".join(outcomes) + " |", "|---|---|" + "---:|" * len(outcomes)]
    for kind in kinds:
        for lang in LANGS:
            row = [counts[kind, lang, o] for o in outcomes]
            if any(row):
                lines.append(f"| {kind} | {lang} | " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(lines)


def totals(rows):
    from collections import Counter

    return dict(Counter(outcome for _, _, outcome, _ in rows))


__all__ = ["generate", "run", "table", "totals", "merge_forms"]
