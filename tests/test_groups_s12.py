"""Session 12 (h22-group): act groups and English person–provision pairs on text never seen. Each test is one mechanism
found on a fresh round of documents (tests/evaluation/genres/dev/m01–m06) or on session 11's untuned rounds (a07,
q14), checked on made-up sentences in several shapes (names, numbers, days and wording vary), never on the round's
own text."""

import itertools

from qorgau.documents.extract.provisions import find_provisions
from tests.test_extract_english_s9 import acts, pairs, proposals  # noqa: F401 (the same readers of the rules)

PAIRS_OF_NAMES = [("Erlan Ospanov", "Dauren Mukhin"), ("Aliya Serikova", "Bolat Temirov"),
                  ("Nurlan Yesenov", "Gulnara Abenova")]


def test_them_after_a_trigger_is_the_persons_just_named():
    # "Bokaev and Ayan helped organise the rallies … Police detained them on 17 May 2016, and on 21 May an
    # investigator charged them under the same articles." (m01): on main no act at all.
    for (a, b), (verb, group) in itertools.product(PAIRS_OF_NAMES, [("detained", "DEPRIVATION"),
                                                                     ("charged", "PROSECUTION"),
                                                                     ("searched", "HARASSMENT")]):
        text = f"{a} and {b} organised a picket in Uralsk. On 3 March 2023 police {verb} them."
        found = acts(text, "2023-03-10")
        assert {(a, group, "2023-03-03"), (b, group, "2023-03-03")} <= found, (text, found)
    # two acts, two days, one "them" each
    a, b = PAIRS_OF_NAMES[0]
    text = (f"{a} and {b} spoke at the rally. Police detained them on 17 May 2016, and on 21 May an investigator "
            f"charged them.")
    assert {(a, "DEPRIVATION", "2016-05-17"), (b, "DEPRIVATION", "2016-05-17"), (a, "PROSECUTION", "2016-05-21"),
            (b, "PROSECUTION", "2016-05-21")} <= acts(text, "2016-06-01")
    # (one person named: "them" is not that person — the documents or leaflets spoken of)
    assert not any(g == "HARASSMENT" for _, g, _ in acts(
        "Erlan Ospanov handed out leaflets. On 3 March 2023 police seized the leaflets and burned them.", "2023-03-10"))


def test_serving_a_prison_term_is_a_sentence_and_prison():
    # "Aigerim Tleuzhan and Kalas Nurpeisov, are serving prison terms under Article 272 … imposed on 11 July 2023"
    # (m03): on main no act and no pair.
    for (a, b), term in itertools.product(PAIRS_OF_NAMES, ["prison terms", "five-year prison sentences",
                                                           "four years"]):
        text = (f"Two other activists, {a} and {b}, are serving {term} under Article 272 imposed on 11 July 2023 "
                f"by a court in Almaty.")
        found = acts(text, "2024-01-22")
        for name in (a, b):
            assert {(name, "PENALTY", "2023-07-11"), (name, "DEPRIVATION", "2023-07-11")} <= found, (text, found)
            assert (name, "CC-272") in pairs(text, "2024-01-22")
    # a term as it stands now, with no day it was given: undated (not the day of the report)
    text = "Bolat Temirov was detained in Aktau in May. His brother Arman Temirov is still serving six years in prison."
    found = acts(text, "2024-01-22")
    assert {("Arman Temirov", "PENALTY", ""), ("Arman Temirov", "DEPRIVATION", "")} <= found, found
    # (restricted freedom is no prison)
    found = acts("Bolat Temirov was detained in May. Arman Temirov is serving three years of restricted freedom "
                 "under Article 174.", "2024-01-22")
    assert ("Arman Temirov", "DEPRIVATION", "") not in found, found
    # a participle set off by commas tells the same state (the v25a gold's convention, s15 h25-en2: "serving three
    # years" is sentenced + imprisoned, undated) beside the act the sentence dates
    found = acts("On 3 April 2024 Arman Temirov, serving three years under Article 174, was beaten by guards.",
                 "2024-04-10")
    assert found == {("Arman Temirov", "VIOLENCE", "2024-04-03"), ("Arman Temirov", "PENALTY", ""),
                     ("Arman Temirov", "DEPRIVATION", "")}, found


def test_a_list_entry_serving_a_term():
    for name, years in [("OSPANOV Erlan", "five"), ("MUKHINA Dana", "3")]:
        text = f"POLITICAL PRISONERS\n\n1. {name}, activist, Kokshetau. Serving {years} years under Article 297.\n"
        found = {(g, d) for _, g, d in acts(text, "2025-02-01")}
        assert {("PENALTY", ""), ("DEPRIVATION", "")} <= found, (text, found)


def test_jailing_each_for_years_is_prison():
    # "On 22 January 2016 a district court in Almaty convicted them, jailing Narymbaev for three years and Mambetalin
    # for two years." (m02): on main the verdict without the prison.
    for (a, b), (x, y) in itertools.product(PAIRS_OF_NAMES, [("four", "three"), ("5", "2")]):
        family_a, family_b = a.split()[-1], b.split()[-1]
        text = (f"{a} and {b} were detained in October 2015. On 22 January 2016 a court in Taraz convicted them, "
                f"jailing {family_a} for {x} years and {family_b} for {y} years.")
        found = acts(text, "2016-02-01")
        assert {(a, "DEPRIVATION", "2016-01-22"), (b, "DEPRIVATION", "2016-01-22")} <= found, (text, found)


def test_both_men_banned_and_both_terms_replaced():
    # "On 30 March the appeal court replaced both prison terms with suspended sentences … It also banned both men from
    # public activity for five years." (m02)
    for (a, b), noun in itertools.product(PAIRS_OF_NAMES, ["men", "activists"]):
        text = (f"{a} and {b} were jailed in January. On 30 March 2016 the appeal court replaced both prison terms "
                f"with suspended sentences. It also banned both {noun} from public activity for five years.")
        found = acts(text, "2016-04-01")
        for name in (a, b):
            assert {(name, "RELEASE", "2016-03-30"), (name, "PENALTY", "2016-03-30")} <= found, (text, found)
    types = {p.act_type for p in proposals("On 30 March 2016 the appeal court replaced the prison terms of Erlan "
                                           "Ospanov and Dauren Mukhin with suspended sentences.", "2016-04-01")}
    assert "sentence_reduced" in types, types


def test_counted_then_named_in_the_next_sentence():
    # "A court in Almaty on Tuesday handed four-year terms of 'restricted freedom' to five men … . Nurlan
    # Zhauylbayev, Zhanat Kazakbay, … denied the charge" (a07, session 11's untuned round): on main no verdict.
    names = ["Erlan Ospanov", "Dauren Mukhin", "Bolat Serikov", "Aliya Serikova"]
    for size, word, term in [(3, "three", "five-year prison terms"), (4, "four", "two-year terms of restricted freedom"),
                             (2, "two", "prison sentences")]:
        named = names[:size]
        listed = ", ".join(named[:-1]) + " and " + named[-1]
        text = (f"Critics of a dam sentenced\n\nTARAZ, 12 May 2024 — A court in Taraz on Monday handed {term} to "
                f"{word} men accused of organising a riot over a planned dam. {listed} denied the charge.\n")
        found = acts(text, "2024-05-12")
        for name in named:
            assert (name, "PENALTY", "2024-05-06") in found, (text, found)
    # (a next sentence naming a different number of persons names someone else)
    text = ("TARAZ, 12 May 2024 — A court in Taraz on Monday handed prison terms to three men accused of organising a "
            "riot. Their lawyer Erlan Ospanov said they would appeal.")
    assert ("Erlan Ospanov", "PENALTY", "2024-05-06") not in acts(text, "2024-05-12")


def test_questions_at_a_court_sitting_are_the_trial():
    # "22 шілдедегі отырыста сот айыпталушының өзінен жауап алды." (q14, session 11's untuned round): on main an
    # interrogation (harassment) instead of the trial.
    for name, day, month in [("Думан Мұхаммедкәрім", 22, "шілдедегі"), ("Асылбек Жамұратов", 17, "маусымдағы")]:
        text = (f"Журналист {name} ісі бойынша сот процесі жалғасып жатыр. {day} {month} отырыста сот "
                f"айыпталушының өзінен жауап алды.")
        groups = {g for _, g, _ in acts(text, "2024-08-01")}
        assert "PROSECUTION" in groups and "HARASSMENT" not in groups, (text, groups)
    # (questioning by investigators, with no court sitting, stays an interrogation)
    groups = {g for _, g, _ in acts("On 3 March 2024 investigators questioned Erlan Ospanov for six hours.",
                                    "2024-03-10")}
    assert groups == {"HARASSMENT"}, groups


def test_provisions_in_english_list_shapes():
    def uids(text):
        return [p.uid for p in find_provisions(text)]
    # "CC Arts. 174 p.1, 274 p.2 and 400 p.1" (dev e62): on main only the first article
    assert uids("sentenced to 5 years under CC Arts. 174 p.1, 274 p.2 and 400 p.1; banned") == \
        ["CC-174.1", "CC-274.2", "CC-400.1"]
    # a number with a unit is the term, not another article (on main "AOC-15")
    for text in ["AOC Art. 488 p.6, 15 days of administrative arrest", "AOC Art. 488 part 6, 10 days of arrest"]:
        assert [u.split(".")[0] for u in uids(text)] == ["AOC-488"], (text, uids(text))
    # "under the same articles": every article of the last list, for the next person (dev e62, m01)
    for first, second in PAIRS_OF_NAMES:
        text = (f"{first} was convicted on 3 May 2023 under Articles 174 and 274 of the Criminal Code and given five "
                f"years. {second} was convicted the same day under the same articles and given four years.")
        assert {(second, "CC-174"), (second, "CC-274")} <= pairs(text, "2023-05-10"), pairs(text, "2023-05-10")


def test_a_term_being_served_takes_no_day_from_the_sentence_before():
    # "Вчера … провели обыск в камере Айдара Сыздыкова … Сыздыков отбывает пять лет …" (round 2, m11, after its
    # scoring): on main the term got the search's day.
    for name, family, years in [("Ерлана Касымова", "Касымов", "шесть"), ("Данияра Омарова", "Омаров", "пять")]:
        text = (f"Семей, 5 мая 2024 года\n\nВчера в камере политзаключённого {name} провели обыск. {family} "
                f"отбывает {years} лет лишения свободы по ст. 174 УК.")
        found = acts(text, "2024-05-05")
        assert not any(g in {"PENALTY", "DEPRIVATION"} and d for _, g, d in found), (text, found)
        assert any(g == "PENALTY" and not d for _, g, d in found), (text, found)
    # (a day of its own stays: "с ноября 2023 года отбывает семь лет")
    found = acts("Ерлан Касымов с ноября 2023 года отбывает семь лет лишения свободы.", "2024-05-05")
    assert ("Ерлан Касымов", "PENALTY", "2023-11") in found, found


def test_a_numbered_entry_opening_with_a_name_as_printed():
    # "3. Daniyar Adilbekov, journalist, Astana. Arrested in March 2024 and charged with …" (round 2, m08, after its
    # scoring): on main the entry's later sentences had no subject (only "1. FAMILY Given" entries had one).
    for name, verb, group in [("Erlan Kasymov", "Arrested", "DEPRIVATION"), ("Dana Serikova", "Detained",
                                                                                "DEPRIVATION")]:
        text = (f"PRISONERS\n\n1. {name}, blogger, Semey. {verb} in March 2024 and charged with inciting discord "
                f"(Article 174).\n\n2. Bolat Temirov, activist. Serving four years under Article 405.\n")
        found = acts(text, "2025-01-01")
        assert {(name, group, "2024-03"), (name, "PROSECUTION", "2024-03")} <= found, (text, found)
        assert (name, "CC-174") in pairs(text, "2025-01-01")
