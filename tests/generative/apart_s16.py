"""Adversarial documents for resolution, third set (issue 12, session 16): shapes of people who must stay apart that
sessions 14 and 15 (tests/generative/apart.py, apart_s15.py) did not generate, over NEW names (the same parts as
apart_s15 — the lexicon's given names outside session 14's pools, family names from ancestors' names — with another
seed; never a gold person), run through the real pipeline (`ingest`, then `resolve` over everything).

Kinds that must stay APART (a merge of the two is a wrong merge):
  father_son_alone   a son with his patronymic (-ович, -ұлы, -ovich) and his father in one document, then the family
                     name alone in a sentence about the son (a court's act): the son, never the father
  spouses_acts       husband and wife (Ахметов / Ахметова) named in full, then each by the family name alone with an
                     act of their own (ru: "арестовал Ахметова" is his accusative, "Ахметову оштрафовали" hers)
  spouses_cases      husband and wife, then each by the family name alone in another shape: "Mrs X's lawyer" /
                     "Mr X", Russian genitives (his -ова, her -овой), Kazakh case endings on hers and his
  mother_son         a mother and her son, then the son's family name alone after "lawyer" (his genitive:
                     "Адвокат Оспанова заявил") and the mother's alone ("Оспанову отпустили")
  sisters_acts       two sisters, then each by her given name alone with an act of her own
  officer_family     a police officer and the activist he detained share the family name (not the given name), then
                     the family name alone (the activist)
  initial_two        "А. Сейткали" (a Kazakh family name without -ов) when the document names two brothers of that
                     family with different initials: the one whose initial it is
  list_relatives     a list of detainees in rows "FAMILY Given" (capitals first), three relatives of one family
  quote_son          a father quoted "my son Daniyar …" (the son named in full before, or only in the quote)
  namesake_facts     the same full name in two documents with a fact that tells two persons apart (another
                     patronymic, another year of birth, a prosecutor against an activist) — docs/resolution.md,
                     session 15's decision: such facts keep namesakes apart (a place alone does not)
  siblings_near      two brothers or two sisters whose listed given names are one letter apart (Гульзира /
                     Гульзипа, Ерсин / Ерсін), one document
  grandson_swap      a father "Талгат Аян" (family name from his father, without -ов) and his son named after the
                     grandfather, "Аян Талгатов", in two documents: the two words swapped, -ов added
Kinds that are ONE person (merged or queued, never left unseen):
  line_break         the name split across a line break in a hard-wrapped text ("… activist Marat\\nOspanov …"),
                     and the full name in another document

    PYTHONPATH=$PWD pytest tests/test_apart_s16.py -k table -s       # prints the table by kind and language
"""

import random

from tests.generative import kk, ru
from tests.generative.apart import LANGS, Doc, P, Scenario, family, latin
from tests.generative.apart_s15 import CITIES, Names, full

SEED = 20261127


def _near_pairs():
    """Pairs of listed given names one letter apart (qorgau/lib/given_names.txt and the lexicons' given names), with
    the gender the lexicons give them, other than session 14's pools."""
    from pathlib import Path

    from rapidfuzz.distance import OSA

    from tests.generative import apart
    from tests.generative.apart_s15 import _lexicon_names

    men, women = _lexicon_names()
    root = Path(__file__).resolve().parents[2] / "qorgau" / "lib" / "given_names.txt"
    listed = [w.strip() for w in root.read_text(encoding="utf-8").splitlines() if w.strip() and w[0] != "#"]
    sex = {w: True for w in men} | {w: False for w in women}
    for w in listed:
        sex.setdefault(w, not w.endswith(("а", "я")))
    names = sorted(w for w in sex if w.isalpha() and w not in apart.MEN and w not in apart.WOMEN and len(w) >= 4)
    return [(a, b, sex[a]) for i, a in enumerate(names) for b in names[i + 1:]
            if sex[a] == sex[b] and OSA.distance(a, b) == 1 and a[:-1] != b and b[:-1] != a
            and {a, b} not in ONE_NAME]


# spellings of one name (Kazakh and Russian forms, ь, Э/Е): not two names
ONE_NAME = [{"Бакыт", "Бахыт"}, {"Ельдар", "Эльдар"}, {"Рустам", "Рустем"}, {"Анвар", "Ануар"}, {"Алмаз", "Алмас"},
            {"Алнур", "Альнур"}, {"Куат", "Қуат"}]


NEAR_PAIRS = _near_pairs()


def _kk_patronymic(p, case="nom"):
    return f"{p.given} {p.father}{'ұлы' if p.male else 'қызы'} {kk.decline(p.family, case)}"


def generate(per=2, seed=SEED):
    r = random.Random(seed)
    names = Names(r)
    out = []
    for lang in LANGS:
        for i in range(per):
            city = r.choice(CITIES)
            other = r.choice([c for c in CITIES if c != city])
            tag = f"{lang}{i}"

            # father_son_alone: the son with his patronymic, his father, then the family name alone (the son)
            fam = family(names.stem())
            father = names.man(f"{tag}fs-f", fam)
            son = names.man(f"{tag}fs-s", fam, r.choice([m for m in names.men if m != father.given]), father.given)
            if lang == "en":
                s_, f_, lone = son.en(patronymic=True), father.en(), latin(fam)
                text = (f"{s_}, 27, was detained in {city[0]} on 3 May 2024. His father, {f_}, said the police gave "
                        f"no reason. On 5 May a court jailed {lone} for ten days.")
            elif lang == "ru":
                s_, f_, lone = son.ru("nom", patronymic=True), father.ru(), ru.decline_family(fam, True, "acc")
                text = (f"3 мая 2024 года в {city[1]} задержан {s_}, 27 лет. Его отец {f_} сказал, что полиция не "
                        f"объяснила причин. 5 мая суд арестовал {lone} на десять суток.")
            else:
                s_, f_, lone = _kk_patronymic(son), father.kk(), kk.decline(fam, "acc")
                text = (f"2024 жылғы 3 мамырда {city[2]} қаласында {s_} ұсталды. Оның әкесі {f_} полиция себебін "
                        f"түсіндірмегенін айтты. 5 мамырда сот {lone} он тәулікке қамады.")
            out.append(Scenario("father_son_alone", lang, [Doc(lang, text, {son.key: [s_, lone], father.key: [f_]})],
                                apart=[(father.key, son.key)]))

            # spouses_acts: husband and wife, then each by the family name alone with an act of their own
            fam = family(names.stem())
            man = names.man(f"{tag}sp-m", fam)
            wife = names.woman(f"{tag}sp-w", fam)
            if lang == "en":
                fm, fw, lm, lw = man.en(), wife.en(), latin(fam), latin(fam + "а")
                text = (f"{fm} and his wife {fw} were detained at a rally in {city[0]} on 3 May 2024. The next day "
                        f"{lm} was jailed for fifteen days, while {lw} was fined.")
            elif lang == "ru":
                fm, fw = man.ru(), wife.ru()
                lm, lw = ru.decline_family(fam, True, "acc"), ru.decline_family(wife.family, False, "acc")
                text = (f"3 мая 2024 года в {city[1]} на митинге задержаны супруги {fm} и {fw}. На следующий день "
                        f"суд арестовал {lm} на 15 суток, а {lw} оштрафовали.")
            else:
                fm, fw = man.kk(), wife.kk()
                lm, lw = kk.decline(fam, "dat"), wife.family
                text = (f"2024 жылғы 3 мамырда {city[2]} қаласында митингте {fm} және оның әйелі {fw} ұсталды. Келесі "
                        f"күні сот {lm} 15 тәулік қамау берді, ал {lw} айыппұл төледі.")
            out.append(Scenario("spouses_acts", lang, [Doc(lang, text, {man.key: [fm, lm], wife.key: [fw, lw]})],
                                apart=[(man.key, wife.key)]))

            # mother_son: a mother and her son, then the family name alone after a lawyer ("адвокат Оспанова":
            # the son's lawyer, his genitive; "Ospanov's lawyer"; "Оспановтың адвокаты"), and the mother by hers
            fam = family(names.stem())
            mother = names.woman(f"{tag}ms-m", fam)
            son = names.man(f"{tag}ms-s", fam)
            if lang == "en":
                fm, fs, ls, lm = mother.en(), son.en(), latin(fam), latin(fam + "а")
                text = (f"{fm} and her son {fs} were detained in {city[0]} on 3 May 2024. {ls}'s lawyer said he was "
                        f"beaten in custody; {lm} was released the same night.")
                ls = latin(fam)
            elif lang == "ru":
                fm, fs = mother.ru(), son.ru()
                ls, lm = ru.decline_family(fam, True, "gen"), mother.family
                text = (f"3 мая 2024 года в {city[1]} задержаны {fm} и её сын {fs}. Адвокат {ls} заявил, что его "
                        f"подзащитного избили; {lm} отпустили той же ночью.")
                text = text.replace(f"; {lm} отпустили", f"; {ru.decline_family(mother.family, False, 'acc')} отпустили")
                lm = ru.decline_family(mother.family, False, "acc")
            else:
                fm, fs = mother.kk(), son.kk()
                ls, lm = kk.decline(fam, "gen"), mother.family
                text = (f"2024 жылғы 3 мамырда {city[2]} қаласында {fm} және оның ұлы {fs} ұсталды. {ls} адвокаты оны "
                        f"қамауда ұрғанын айтты; {lm} сол түні босатылды.")
            out.append(Scenario("mother_son", lang, [Doc(lang, text, {mother.key: [fm, lm], son.key: [fs, ls]})],
                                apart=[(mother.key, son.key)]))

            # sisters_acts: two sisters, then each by her given name alone with an act of her own
            fam = family(names.stem())
            g1, g2 = r.sample(names.women, 2)
            s1p, s2p = names.woman(f"{tag}sa-1", fam, g1), names.woman(f"{tag}sa-2", fam, g2)
            if lang == "en":
                f1, f2, a1, a2 = s1p.en(), s2p.en(), latin(g1), latin(g2)
                text = (f"Sisters {f1} and {f2} were detained in {city[0]} on 3 May 2024. {a1} was fined, and {a2} "
                        f"was jailed for ten days.")
            elif lang == "ru":
                f1, f2 = s1p.ru(), s2p.ru()
                a1, a2 = ru.decline_given(g1, False, "acc"), ru.decline_given(g2, False, "acc")
                text = (f"3 мая 2024 года в {city[1]} задержаны сёстры {f1} и {f2}. {a1} оштрафовали, а {a2} "
                        f"арестовали на десять суток.")
            else:
                f1, f2, a1, a2 = s1p.kk(), s2p.kk(), g1, g2
                text = (f"2024 жылғы 3 мамырда {city[2]} қаласында апалы-сіңлілі {f1} мен {f2} ұсталды. {a1} айыппұл "
                        f"төледі, ал {a2} он тәулікке қамалды.")
            out.append(Scenario("sisters_acts", lang, [Doc(lang, text, {s1p.key: [f1, a1], s2p.key: [f2, a2]})],
                                apart=[(s1p.key, s2p.key)]))

            # spouses_cases: husband and wife, then each by the family name alone in another shape: English titles
            # and possessives ("Mrs Ospanova's lawyer", "Mr Ospanov"), Russian genitives (his -ова, her -овой),
            # Kazakh case endings on her name (Оспановаға) and his (Оспановтың)
            fam = family(names.stem())
            man = names.man(f"{tag}sc-m", fam)
            wife = names.woman(f"{tag}sc-w", fam)
            if lang == "en":
                fm, fw, lm, lw = man.en(), wife.en(), f"Mr {latin(fam)}", f"Mrs {latin(wife.family)}"
                text = (f"{fw} and her husband {fm} were detained in {city[0]} on 3 May 2024. {lw}'s lawyer said "
                        f"she was released at night, while {lm} remains in custody.")
                forms = {man.key: [fm, lm], wife.key: [fw, lw]}
            elif lang == "ru":
                fm, fw = man.ru(), wife.ru()
                lm, lw = ru.decline_family(fam, True, "gen"), ru.decline_family(wife.family, False, "gen")
                text = (f"3 мая 2024 года в {city[1]} задержаны {fw} и её муж {fm}. Адвокат {lw} сообщила, что её "
                        f"отпустили ночью, а защита {lm} обжалует арест.")
                forms = {man.key: [fm, lm], wife.key: [fw, lw]}
            else:
                fm, fw = man.kk(), wife.kk()
                lm, lw = kk.decline(fam, "gen"), kk.decline(wife.family, "dat")
                text = (f"2024 жылғы 3 мамырда {city[2]} қаласында {fw} және оның күйеуі {fm} ұсталды. Түнде "
                        f"{lw} айыппұл салынды, ал {lm} адвокаты қамауға шағым түсірді.")
                forms = {man.key: [fm, lm], wife.key: [fw, lw]}
            out.append(Scenario("spouses_cases", lang, [Doc(lang, text, forms)], apart=[(man.key, wife.key)]))

            # officer_family: a police officer with the activist's family name, then the family name alone (activist)
            fam = family(names.stem())
            victim = names.man(f"{tag}of-v", fam)
            officer = names.man(f"{tag}of-o", fam, r.choice([m for m in names.men if m != victim.given]))
            if lang == "en":
                fv, fo, lone = victim.en(), officer.en(), latin(fam)
                text = (f"Police officer {fo} detained activist {fv} in {city[0]} on 3 May 2024. "
                        f"{lone}, who organised the picket, denies any wrongdoing.")
                forms = {officer.key: [fo], victim.key: [fv, lone]}
            elif lang == "ru":
                fv, fo, lone = victim.ru("acc"), officer.ru(), ru.decline_family(fam, True, "nom")
                text = (f"3 мая 2024 года в {city[1]} сотрудник полиции {fo} задержал активиста {fv}. "
                        f"{lone}, организовавший пикет, вину не признаёт.")
                forms = {officer.key: [fo], victim.key: [fv, lone]}
            else:
                fv, fo, lone = victim.kk("acc"), officer.kk(), fam
                text = (f"2024 жылғы 3 мамырда {city[2]} қаласында полиция қызметкері {fo} белсенді {fv} ұстады. "
                        f"Пикетті ұйымдастырған {lone} кінәсін мойындамайды.")
                forms = {officer.key: [fo], victim.key: [fv, lone]}
            out.append(Scenario("officer_family", lang, [Doc(lang, text, forms)], apart=[(officer.key, victim.key)]))

            # initial_two: "А. Сейткали" beside two brothers of that family with different initials
            stem = names.given_stem()          # a Kazakh family name without -ов (Сейткали, Аян)
            # (given names no instance uses as a family name, and never one later: "Ерсин Фазылжан" and "Фазылжан
            # Ерсин" of two instances would be one name read both ways — a kind of its own, not this one)
            g1 = r.choice([m for m in names.men if m not in names.used])
            g2 = r.choice([m for m in names.men if m[0] != g1[0] and m != stem and m not in names.used])
            names.used.update((g1, g2))
            a = P(f"{tag}it-a", g1, stem, True)
            b = P(f"{tag}it-b", g2, stem, True)
            if lang == "en":
                fa, fb, ini = a.en(), b.en(), f"{latin(g1)[0]}. {latin(stem)}"
                text = (f"{fa} and his brother {fb} were detained in {city[0]} on 3 May 2024. On 6 May a court fined "
                        f"{ini} for the picket.")
            elif lang == "ru":
                fa, fb, ini = a.ru(), b.ru(), f"{g1[0]}. {stem}"
                text = (f"3 мая 2024 года в {city[1]} задержаны {fa} и его брат {fb}. 6 мая суд оштрафовал {ini} за "
                        f"пикет.")
            else:
                fa, fb, ini = a.kk(), b.kk(), f"{g1[0]}. {kk.decline(stem, 'dat')}"
                text = (f"2024 жылғы 3 мамырда {city[2]} қаласында {fa} және оның інісі {fb} ұсталды. 6 мамырда сот "
                        f"{ini} айыппұл салды.")
            out.append(Scenario("initial_two", lang, [Doc(lang, text, {a.key: [fa, ini], b.key: [fb]})],
                                apart=[(a.key, b.key)]))

            # list_relatives: rows "FAMILY Given", three relatives of one family
            fam = family(names.stem())
            m1 = names.man(f"{tag}lr-1", fam)
            m2 = names.man(f"{tag}lr-2", fam, r.choice([m for m in names.men if m != m1.given]))
            w3 = names.woman(f"{tag}lr-3", fam)
            if lang == "en":
                rows = [f"{latin(p.family).upper()} {latin(p.given)}" for p in (m1, m2, w3)]
                head = f"Detained in {city[0]} on 3 May 2024 (list of the monitoring group):"
                text = head + "\n" + "\n".join(f"{n}. {row}" for n, row in enumerate(rows, 1))
            elif lang == "ru":
                rows = [f"{p.family.upper()} {p.given}" for p in (m1, m2, w3)]
                head = f"Список задержанных 3 мая 2024 года в {city[1]}:"
                text = head + "\n" + "\n".join(f"{n}. {row}" for n, row in enumerate(rows, 1))
            else:
                rows = [f"{p.family.upper()} {p.given}" for p in (m1, m2, w3)]
                head = f"2024 жылғы 3 мамырда {city[2]} қаласында ұсталғандар тізімі:"
                text = head + "\n" + "\n".join(f"{n}. {row}" for n, row in enumerate(rows, 1))
            out.append(Scenario("list_relatives", lang, [Doc(lang, text, {m1.key: [rows[0]], m2.key: [rows[1]],
                                                                          w3.key: [rows[2]]})],
                                apart=[(m1.key, m2.key), (m1.key, w3.key), (m2.key, w3.key)]))

            # quote_son: "my son X …", said the father (the son in full before, or only in the quote)
            fam = family(names.stem())
            father = names.man(f"{tag}qs-f", fam)
            son = names.man(f"{tag}qs-s", fam, r.choice([m for m in names.men if m != father.given]), father.given)
            sg = latin(son.given) if lang == "en" else son.given
            if lang == "en":
                ff, fs = father.en(), son.en()
                quote = f"\"My son {sg} did nothing wrong,\" {ff} told reporters."
                before = f"Police detained student {fs} in {city[0]} on 3 May 2024. "
            elif lang == "ru":
                ff, fs = father.ru(), son.ru("acc")
                quote = f"«Мой сын {sg} ни в чём не виноват», — сказал журналистам {ff}."
                before = f"3 мая 2024 года в {city[1]} полиция задержала студента {fs}. "
            else:
                ff, fs = father.kk(), son.kk("acc")
                quote = f"«Менің ұлым {sg} ешқандай заң бұзған жоқ», – деді {ff} журналистерге."
                before = f"2024 жылғы 3 мамырда {city[2]} қаласында полиция студент {fs} ұстады. "
            if i % 2 == 0:
                docs = [Doc(lang, before + quote, {son.key: [fs], father.key: [ff]})]
            else:
                docs = [Doc(lang, quote, {father.key: [ff]})]
            out.append(Scenario("quote_son", lang, docs, apart=[(father.key, son.key)] if i % 2 == 0 else []))
            if i % 2:   # the father alone: no record may join him to anyone, checked by the "unrelated" rows
                out[-1].same = [father.key]

            # namesake_facts: one full name, two documents, a fact telling them apart
            fam = family(names.stem())
            given = r.choice(names.men)
            fathers = r.sample([m for m in names.men if m != given], 2)
            a = names.man(f"{tag}nf-a", fam, given, fathers[0])
            b = names.man(f"{tag}nf-b", fam, given, fathers[1])
            fact = (i + {"en": 0, "ru": 1, "kk": 2}[lang]) % 3
            if fact == 0:     # another patronymic
                if lang == "en":
                    fa, fb = a.en(patronymic=True), b.en(patronymic=True)
                    s1 = f"Police detained activist {fa} in {city[0]} on 3 May 2024."
                    s2 = f"On 12 June 2024 a court in {other[0]} fined {fb} for a picket."
                elif lang == "ru":
                    fa, fb = a.ru("acc", patronymic=True), b.ru("dat", patronymic=True)
                    s1 = f"3 мая 2024 года в {city[1]} полиция задержала активиста {fa}."
                    s2 = f"12 июня 2024 года суд в {other[1]} назначил {fb} штраф за пикет."
                else:
                    fa, fb = _kk_patronymic(a), _kk_patronymic(b, "dat")
                    s1 = f"2024 жылғы 3 мамырда {city[2]} қаласында белсенді {fa} ұсталды."
                    s2 = f"2024 жылғы 12 маусымда {other[2]} қаласының соты {fb} пикет үшін айыппұл салды."
            elif fact == 1:   # another year of birth
                if lang == "en":
                    fa, fb = a.en(), b.en()
                    s1 = f"Police detained activist {fa} (born 1961) in {city[0]} on 3 May 2024."
                    s2 = f"On 12 June 2024 a court in {other[0]} fined {fb}, born in 1994, for a picket."
                elif lang == "ru":
                    fa, fb = a.ru("acc"), b.ru("dat")
                    s1 = f"3 мая 2024 года в {city[1]} полиция задержала активиста {fa}, 1961 года рождения."
                    s2 = f"12 июня 2024 года суд в {other[1]} назначил {fb}, 1994 г.р., штраф за пикет."
                else:
                    fa, fb = a.kk("acc"), b.kk("dat")
                    s1 = f"2024 жылғы 3 мамырда {city[2]} қаласында полиция 1961 жылы туған белсенді {fa} ұстады."
                    s2 = f"2024 жылғы 12 маусымда {other[2]} қаласының соты 1994 жылы туған {fb} айыппұл салды."
            else:             # a prosecutor against an activist
                victim = names.man(f"{tag}nf-v", family(names.stem()))
                if lang == "en":
                    fa, fb, fv = a.en(), b.en(), victim.en()
                    s1 = f"Police detained activist {fa} in {city[0]} on 3 May 2024."
                    s2 = f"In {other[0]}, prosecutor {fb} asked the court to jail {fv} for two years."
                elif lang == "ru":
                    fa, fb, fv = a.ru("acc"), b.ru(), victim.ru("acc")
                    s1 = f"3 мая 2024 года в {city[1]} полиция задержала активиста {fa}."
                    s2 = f"В {other[1]} прокурор {fb} попросил суд приговорить {fv} к двум годам заключения."
                else:
                    fa, fb, fv = a.kk("acc"), b.kk(), victim.kk("acc")
                    s1 = f"2024 жылғы 3 мамырда {city[2]} қаласында полиция белсенді {fa} ұстады."
                    s2 = f"{other[2]} қаласында прокурор {fb} соттан {fv} екі жылға соттауды сұрады."
            docs = [Doc(lang, s1, {a.key: [fa]}), Doc(lang, s2, {b.key: [fb]})]
            out.append(Scenario("namesake_facts", lang, docs, apart=[(a.key, b.key)]))
            out[-1].fact = ("patronymic", "year of birth", "prosecutor")[fact]

            # grandson_swap: a father "Талгат Аян" (his family name from his father Аян, without -ов) and his son
            # named after the grandfather, "Аян Талгатов", in two documents: the words swapped, the -ов added
            grand = names.given_stem()
            dad = r.choice([m for m in names.men if m != grand and m not in names.used])
            names.used.add(dad)
            father = P(f"{tag}gs-f", dad, grand, True)
            son = P(f"{tag}gs-s", grand, family(dad), True, dad)
            s1, f1 = {"en": (f"Police detained activist {latin(dad)} {latin(grand)} in {city[0]} on 3 May 2024.",
                             f"{latin(dad)} {latin(grand)}"),
                      "ru": (f"3 мая 2024 года в {city[1]} полиция задержала активиста "
                             f"{ru.decline_given(dad, True, 'acc')} {ru.decline_family(grand, True, 'acc')}.",
                             f"{ru.decline_given(dad, True, 'acc')} {ru.decline_family(grand, True, 'acc')}"),
                      "kk": (f"2024 жылғы 3 мамырда {city[2]} қаласында полиция белсенді {dad} {kk.decline(grand, 'acc')} "
                             f"ұстады.", f"{dad} {kk.decline(grand, 'acc')}")}[lang]
            s2, f2 = {"en": (f"On 12 June 2024 a court in {other[0]} fined {son.en()} for a picket.", son.en()),
                      "ru": (f"12 июня 2024 года суд в {other[1]} назначил {son.ru('dat')} штраф за пикет.",
                             son.ru("dat")),
                      "kk": (f"2024 жылғы 12 маусымда {other[2]} қаласының соты {son.kk('dat')} айыппұл салды.",
                             son.kk("dat"))}[lang]
            out.append(Scenario("grandson_swap", lang, [Doc(lang, s1, {father.key: [f1]}),
                                                        Doc(lang, s2, {son.key: [f2]})],
                                apart=[(father.key, son.key)]))

            # siblings_near: a brother and a brother (or sister and sister) whose given names of the lists are one
            # letter apart (not session 14's Марат / Мурат pairs), one family name, one document
            g1, g2, male = r.choice(NEAR_PAIRS)
            fam = family(names.stem())
            a = P(f"{tag}sn-a", g1, fam if male else fam + "а", male)
            b = P(f"{tag}sn-b", g2, fam if male else fam + "а", male)
            fa, fb = full(a, lang), full(b, lang)
            rel = {"en": "his brother" if male else "her sister", "ru": "его брат" if male else "её сестра",
                   "kk": "оның інісі" if male else "оның сіңлісі"}[lang]
            text = {"en": f"{fa} and {rel} {fb} were detained in {city[0]} on 3 May 2024.",
                    "ru": f"3 мая 2024 года в {city[1]} задержаны {fa} и {rel} {fb}.",
                    "kk": f"2024 жылғы 3 мамырда {city[2]} қаласында {fa} және {rel} {fb} ұсталды."}[lang]
            out.append(Scenario("siblings_near", lang, [Doc(lang, text, {a.key: [fa], b.key: [fb]})],
                                apart=[(a.key, b.key)]))

            # line_break: the name split across a line break in a hard-wrapped text, and in full elsewhere
            fam = family(names.stem())
            p = names.man(f"{tag}lb", fam)
            if lang == "en":
                g, f = latin(p.given), latin(fam)
                wrapped = (f"According to the monitors, on 3 May 2024 police in {city[0]} detained activist {g}\n"
                           f"{f} near the akimat building and took him to the district\npolice station.")
                s2, form2 = f"On 12 June 2024 a court in {city[0]} fined {p.en()} for the picket.", p.en()
            elif lang == "ru":
                g, f = p.given, ru.decline_family(fam, True, "acc")
                wrapped = (f"По данным наблюдателей, 3 мая 2024 года в {city[1]} полиция задержала активиста "
                           f"{ru.decline_given(p.given, True, 'acc')}\n{f} у здания акимата и доставила его в "
                           f"районный\nотдел полиции.")
                g = ru.decline_given(p.given, True, "acc")
                s2, form2 = f"12 июня 2024 года суд в {city[1]} назначил {p.ru('dat')} штраф за пикет.", p.ru("dat")
            else:
                g, f = p.given, kk.decline(fam, "acc")
                wrapped = (f"Бақылаушылардың айтуынша, 2024 жылғы 3 мамырда {city[2]} қаласында полиция белсенді "
                           f"{g}\n{f} әкімдік ғимаратының жанынан ұстап, аудандық\nполиция бөліміне апарды.")
                s2, form2 = f"2024 жылғы 12 маусымда {city[2]} қаласының соты {p.kk('dat')} айыппұл салды.", p.kk("dat")
            out.append(Scenario("line_break", lang, [Doc(lang, wrapped, {p.key: [f"{g}\n{f}"]}),
                                                     Doc(lang, s2, {p.key: [form2]})], same=[p.key]))
    return out


def run(scenarios, actor):
    from tests.generative import apart

    return apart.run(scenarios, actor)


def table(rows):
    from tests.generative.apart_s15 import table as s15_table

    return s15_table(rows)


def totals(rows):
    from collections import Counter

    return dict(Counter(outcome for _, _, outcome, _ in rows))
