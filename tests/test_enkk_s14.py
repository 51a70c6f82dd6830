"""English and Kazakh acts on unseen text, session 14 second wave (h24-enkk2).

A table's column heading names the act its dates are of ("Detained | Verdict", "Ұсталған күні | Үкім күні"): each row's
date alone in such a column is that act's day for the row's person, whether the row tells the act in words or not
(an undated term, "same" for the row above's sentence). Generated over shapes: the language of the headings, the
order of the columns, what the term cell holds, how the date is written. Names, places and dates are made up.
"""

import itertools

import pytest

from qorgau.documents.evaluation import GROUP_OF
from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.documents.ingest.reading import read_document
from qorgau.documents.ingest.repair import canonicalise
from tests.test_extract_kazakh_pairs import acts

PUBLISHED = "2025-09-01"
DAY = "2024-03-15"

# language: (headings, rows' persons with the word the victim's name must contain, a city, an article, terms)
HEADINGS = {
    "en": [("No.", "Name", "City", "Article", "Detained", "Verdict", "Sentence"),
           ("#", "Name", "Region", "Charge", "Date of arrest", "Date of verdict", "Penalty"),
           ("No.", "Name", "City", "Article", "In custody since", "Sentenced", "Term")],
    "kk": [("№", "Аты-жөні", "Қала", "Бап", "Ұсталған күні", "Үкім күні", "Жаза"),
           ("№", "Аты-жөні", "Өңір", "Айып", "Ұсталды", "Сотталды", "Мерзімі")],
    "ru": [("№", "ФИО", "Город", "Статья", "Дата задержания", "Дата приговора", "Наказание")],
}
PERSONS = {
    "en": [("KARIMOV Daulet", "Daulet"), ("SEITOVA Aigerim", "Aigerim")],
    "kk": [("ҚАРИМОВ Дәулет", "Дәулет"), ("СЕЙІТОВА Әйгерім", "Әйгерім")],
    "ru": [("КАРИМОВ Даулет", "Даулет"), ("СЕИТОВА Айгерим", "Айгерим")],
}
CITY = {"en": "Aktobe", "kk": "Ақтөбе", "ru": "Актобе"}
ARTICLE = {"en": "Art. 174 CC", "kk": "ҚК 174-б.", "ru": "ст. 174 УК"}
TERMS = {  # a prison term, a restriction of freedom, "same" (the row above's)
    "en": ["6 y. prison", "3 y. restricted freedom", "same"],
    "kk": ["6 жыл бас бостандығынан айыру", "3 жыл бас бостандығын шектеу", "сол"],
    "ru": ["6 лет лишения свободы", "3 года ограничения свободы", "то же"],
}
DATES = [("14.03.2024", "2024-03-14", "02.09.2024", "2024-09-02"),
         ("03.2024", "2024-03", "21.11.2024", "2024-11-21")]
ORDERS = ["detained-first", "verdict-first"]


def table(language, headings, term, dates, order):
    """A Markdown table of two rows with the given shape, and the acts the rows tell: {(name word, group, date)}."""
    detained, detained_iso, verdict, verdict_iso = dates
    heads = list(headings)
    if order == "verdict-first":
        heads[4], heads[5] = heads[5], heads[4]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    expected = set()
    for i, (name, word) in enumerate(PERSONS[language], 1):
        cells = [str(i), name, CITY[language], ARTICLE[language], detained, verdict,
                 TERMS[language][0] if i == 1 and term == TERMS[language][2] else term]
        if order == "verdict-first":
            cells[4], cells[5] = cells[5], cells[4]
        lines.append("| " + " | ".join(cells) + " |")
        expected |= {(word, "DEPRIVATION", detained_iso), (word, "PENALTY", verdict_iso)}
    intro = {"en": "Political prisoners: a working list.", "kk": "Саяси тұтқындар тізімі.",
             "ru": "Список политических заключённых."}[language]
    return intro + "\n\n" + "\n".join(lines) + "\n", expected


def found(markdown):
    text = canonicalise(read_document("list.md", markdown.encode())).text
    mentions = find_persons(text)
    return {(p.victims[0], GROUP_OF.get(p.act_type, ""), p.date)
            for p in find_acts(text, mentions, find_dates(text, PUBLISHED), find_provisions(text), published=PUBLISHED)
            if p.kind == "act"}


CASES = [(language, headings, term, dates, order)
         for language in HEADINGS for headings in HEADINGS[language] for term in TERMS[language]
         for dates, order in itertools.product(DATES, ORDERS)]


@pytest.mark.parametrize("language, headings, term, dates, order", CASES,
                         ids=[f"{c[0]}-{c[1][4]}-{c[2]}-{c[3][0]}-{c[4]}" for c in CASES])
def test_a_column_heading_naming_an_act_dates_that_act_in_every_row(language, headings, term, dates, order):
    markdown, expected = table(language, headings, term, dates, order)
    got = found(markdown)
    for word, group, date in expected:
        assert any(word in victim and g == group and d == date for victim, g, d in got), \
            (word, group, date, sorted(got))


@pytest.mark.parametrize("language", sorted(HEADINGS))
def test_a_column_of_dates_under_a_heading_naming_no_act_adds_no_act(language):
    """"Born", "Туған күні", "Дата рождения": a date column that names no act dates none."""
    born = {"en": "Born", "kk": "Туған күні", "ru": "Дата рождения"}[language]
    name, word = PERSONS[language][0]
    markdown = (f"| № | {HEADINGS[language][0][1]} | {born} |\n|---|---|---|\n"
                f"| 1 | {name} | 14.03.1980 |\n")
    assert not any(word in victim for victim, _, _ in found(markdown))


def test_a_row_whose_cells_do_not_line_up_with_the_headings_is_not_dated_by_them():
    """An empty cell the reader leaves out shifts the row: the verdict's day must not become a detention's."""
    markdown = ("| No. | Name | City | Detained | Verdict | Sentence |\n|---|---|---|---|---|---|\n"
                "| 1 | KARIMOV Daulet | Aktobe |  | 02.09.2024 | 6 y. prison |\n")
    text = canonicalise(read_document("list.md", markdown.encode())).text
    acts = find_acts(text, find_persons(text), find_dates(text, PUBLISHED), find_provisions(text), published=PUBLISHED)
    assert not any(p.kind == "act" and p.act_type == "detained" for p in acts)


# ---------------------------------------------------------------------------------------------------------------------
# Coming out of a place of detention is a release: "бесеуі де бөлімшеден шықты", "walked out of the police station".
# (kind of place, verb form) x language; the person and the day in each frame.

KK_PLACES = ["бөлімшеден", "полиция бөлімінен", "изолятордан", "тергеу изоляторынан", "арнайы қабылдау орнынан",
             "түрмеден", "колониядан"]
KK_FRAMES = ["Асель Нұрова 15 наурызда {place} шықты.", "15 наурызда Асель Нұрова {place} шығып, үйіне барды.",
             "Асель Нұрова 2024 жылғы 15 наурызда {place} шыққан."]
EN_PLACES = ["the police station", "the police department", "the detention centre", "the pre-trial detention centre",
             "the special detention centre", "the remand prison", "the penal colony"]
EN_FRAMES = ["On 15 March 2024 Asel Nurova walked out of {place}.", "Asel Nurova came out of {place} on 15 March 2024.",
             "On 15 March 2024 Asel Nurova left {place} after two weeks."]


def _released(text, who):
    return any(name == who and t == "released" and date == "2024-03-15" for name, t, date in acts(text))


@pytest.mark.parametrize("frame, place", list(itertools.product(KK_FRAMES, KK_PLACES)))
def test_kazakh_coming_out_of_a_place_of_detention_is_a_release(frame, place):
    assert _released(frame.format(place=place), "Асель Нұрова")


@pytest.mark.parametrize("frame, place", list(itertools.product(EN_FRAMES, EN_PLACES)))
def test_english_coming_out_of_a_place_of_detention_is_a_release(frame, place):
    assert _released(frame.format(place=place), "Asel Nurova")


@pytest.mark.parametrize("text", ["Asel Nurova left the police station's car park on 15 March 2024 to meet reporters.",
                                  "Asel Nurova left the court building on 15 March 2024.",
                                  "Асель Нұрова 15 наурызда бөлімшеден шықпады."])
def test_leaving_a_place_that_held_nobody_or_not_leaving_is_no_release(text):
    assert not any(t == "released" for _, t, _ in acts(text))


# ---------------------------------------------------------------------------------------------------------------------
# An interview's answer that names no one is about the person its question names ("– Достиярды ұстады ма? – Иә,
# ақыры ұстады."), not the last person an act was told of. Questions x answers x language, after a paragraph telling
# another person's act (the answer's act went to that person before).
KK_BEFORE = "Ерлан Ибраев 10 наурызда ұсталды.\n\n"
KK_QUESTIONS = ["– Асель Нұрованы ұстады ма?", "– Асель Нұроваға не болды?", "– Ал Асель Нұрова ше?"]
KK_ANSWERS = [("– Иә, 15 наурызда ұстады.", "detained"), ("– Иә, ақыры 15 наурызда қамауға алды.", "arrested"),
              ("– 15 наурызда сот оны бес жылға соттады.", "sentenced"), ("– 15 наурызда бөлімшеден босатты.", "released")]
EN_BEFORE = "Yerlan Ibrayev was detained on 10 March 2024.\n\n"
EN_QUESTIONS = ["— What happened to Asel Nurova?", "— Was Asel Nurova detained?", "— And Asel Nurova?"]
EN_ANSWERS = [("— Yes. Detained on 15 March 2024 at her flat.", "detained"),
              ("— Arrested on 15 March 2024, at her flat.", "arrested"),
              ("— Sentenced on 15 March 2024 to five years in prison.", "sentenced"),
              ("— Released on 15 March 2024, after a week.", "released")]
INTERVIEWS = [("kk", KK_BEFORE, q, a, t, "Асель Нұрова", "Ерлан Ибраев")
              for q, (a, t) in itertools.product(KK_QUESTIONS, KK_ANSWERS)] + \
             [("en", EN_BEFORE, q, a, t, "Asel Nurova", "Yerlan Ibrayev")
              for q, (a, t) in itertools.product(EN_QUESTIONS, EN_ANSWERS)]


def _interview(before, question, answer):
    return f"{before}{question}\n{answer}\n"


@pytest.mark.parametrize("language, before, question, answer, act_type, asked, other", INTERVIEWS)
def test_an_answer_naming_no_one_is_about_the_person_the_question_names(language, before, question, answer, act_type,
                                                                         asked, other):
    got = acts(_interview(before, question, answer))
    assert (asked, act_type, DAY) in got, sorted(got)
    assert not any(name == other and date == DAY for name, _, date in got), sorted(got)


@pytest.mark.parametrize("question, answer", [
    ("— What happened to Asel Nurova?", "— Dana Serikova was detained on 15 March 2024."),
    ("— Асель Нұрованы ұстады ма?", "– Жоқ. Дана Серікова 15 наурызда ұсталды."),
])
def test_an_answer_about_someone_it_names_keeps_its_own_reading(question, answer):
    """A name in the answer is the answer's own victim, not the one asked about."""
    got = acts(f"{question}\n{answer}\n")
    assert not any(name == "Asel Nurova" or name == "Асель Нұрова" for name, _, date in got if date == DAY), sorted(got)


@pytest.mark.parametrize("auxiliary, rest", list(itertools.product(
    ["Was", "Were", "Is", "Are", "Did", "Does", "Has", "Have", "Had", "Could", "Can", "Should"],
    ["Asel Nurova detained?", "Asel Nurova and Dana Serikova questioned?"])))
def test_an_auxiliary_opening_a_question_is_no_part_of_the_name(auxiliary, rest):
    names = [m.name for m in find_persons(f"— {auxiliary} {rest}")]
    assert names[0] == "Asel Nurova", names


# Leaving the court free is a release, for the persons "All three", "Both" point back to.
EN_GROUPS = [("Both", ["Nurlan Zhauylbayev", "Aidar Mubarakov"]),
             ("All three", ["Nurlan Zhauylbayev", "Zhanat Qazaqbay", "Aidar Mubarakov"]),
             ("All of them", ["Nurlan Zhauylbayev", "Zhanat Qazaqbay", "Aidar Mubarakov"])]
EN_FREE = ["left the court building free", "walked out of the courtroom free", "left the courthouse as free men",
           "came out of the court free"]


@pytest.mark.parametrize("subject, names, leaving", [(s, n, f) for (s, n), f in itertools.product(EN_GROUPS, EN_FREE)])
def test_leaving_the_court_free_is_a_release_of_those_just_sentenced(subject, names, leaving):
    listed = " and ".join([", ".join(names[:-1]), names[-1]])
    got = acts(f"On 15 March 2024 the court sentenced {listed} to restricted freedom. {subject} {leaving} the same evening.")
    assert {(name, "released", DAY) for name in names} <= got, sorted(got)
