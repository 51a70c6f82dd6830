"""Session 16 (h26-date): which date a charge, a list's term and a numbered line's acts get.

Built sentences, date shapes x wordings x languages x positions. h26-date's rule undating a charge told without a
date of its own was taken out at merge (it moved no unseen document and cost the corpus five acts); the charge tests
left are guards: a charge keeps a day its paragraph, its own sentence or a dateline gives. The list and numbered-line
tests failed on main (92b302c). No sentence of the corpus or of the evaluation documents.
"""

import pytest

from tests.extracting import acts

NAME = {"en": "Marat Akhmetov", "ru": "Марат Ахметов", "kk": "Марат Ахметов"}
# The narrative's date, told with an act of its own: a day, a month, a numeric day.
DETAINED = {
    "en": [("On 12 March 2023 police detained Marat Akhmetov in Almaty.", "2023-03-12"),
           ("In March 2023 police detained Marat Akhmetov in Almaty.", "2023-03"),
           ("On 12.03.2023 police detained Marat Akhmetov in Almaty.", "2023-03-12")],
    "ru": [("12 марта 2023 года полиция задержала Марата Ахметова в Алматы.", "2023-03-12"),
           ("В марте 2023 года полиция задержала Марата Ахметова в Алматы.", "2023-03"),
           ("12.03.2023 полиция задержала Марата Ахметова в Алматы.", "2023-03-12")],
    "kk": [("2023 жылғы 12 наурызда полиция Марат Ахметовты Алматыда ұстады.", "2023-03-12"),
           ("2023 жылғы наурызда полиция Марат Ахметовты Алматыда ұстады.", "2023-03"),
           ("12.03.2023 полиция Марат Ахметовты Алматыда ұстады.", "2023-03-12")],
}
# A charge or a case opened, with no date in its sentence: (sentence, act type).
CHARGE = {
    "en": [("Marat Akhmetov was charged under Article 274 of the Criminal Code.", "charged"),
           ("A criminal case was opened against Marat Akhmetov.", "investigated"),
           ("Marat Akhmetov was charged with spreading false information.", "charged"),
           ("Investigators opened a criminal case against Marat Akhmetov under Article 274.", "investigated")],
    "ru": [("Марату Ахметову предъявили обвинение по статье 274 УК РК.", "charged"),
           ("В отношении Марата Ахметова возбудили уголовное дело.", "investigated"),
           ("Марата Ахметова обвинили в распространении ложной информации.", "charged"),
           ("Против Марата Ахметова завели уголовное дело по статье 274 УК РК.", "investigated")],
    "kk": [("Марат Ахметовқа ҚК-нің 274-бабы бойынша айып тағылды.", "charged"),
           ("Марат Ахметовқа қатысты қылмыстық іс қозғалды.", "investigated"),
           ("Марат Ахметов жалған ақпарат таратты деп айыпталды.", "charged"),
           ("Тергеушілер Марат Ахметовқа қатысты 274-бап бойынша қылмыстық іс қозғады.", "investigated")],
}
BETWEEN = {"en": "His lawyer said he denies any wrongdoing.", "ru": "Его адвокат заявил, что он не признаёт вину.",
           "kk": "Адвокатының айтуынша, ол кінәсін мойындамайды."}
CASES = [(lang, d, c) for lang in NAME for d in DETAINED[lang] for c in CHARGE[lang]]


def _dated(text, name, act_type):
    return {d for v, t, d in acts(text, "2024-06-20") if v == name and t == act_type}


# (Session 16, lead: h26-date's rule undating such a charge was taken out — it moved the unseen round and the test
# split by 0 acts and cost the corpus 5; the guards below stay: a charge keeps a date its paragraph or sentence gives.)


@pytest.mark.parametrize("lang, detained, charge", [c for c in CASES if len(c[1][1]) == 10])
def test_a_charge_keeps_the_day_its_paragraph_told(lang, detained, charge):  # guard
    (first, day), (sentence, act_type) = detained, charge
    assert _dated(f"{first} {BETWEEN[lang]} {sentence}", NAME[lang], act_type) == {day}


OWN = {"en": ("On 20 April 2023 ", "In April 2023 "), "ru": ("20 апреля 2023 года ", "В апреле 2023 года "),
       "kk": ("2023 жылғы 20 сәуірде ", "2023 жылғы сәуірде ")}


@pytest.mark.parametrize("lang, detained, charge", [c for c in CASES if c[1][1] == "2023-03-12"])
@pytest.mark.parametrize("own, expected", [(0, "2023-04-20"), (1, "2023-04")])
def test_a_charge_keeps_a_date_of_its_own_sentence(lang, detained, charge, own, expected):  # guard
    (first, _), (sentence, act_type) = detained, charge
    lead = OWN[lang][own]
    dated = lead + (sentence[0].lower() + sentence[1:] if lang == "en" or not sentence.startswith(NAME[lang])
                    else sentence)
    assert _dated(f"{first} {BETWEEN[lang]}\n\n{dated}", NAME[lang], act_type) == {expected}


@pytest.mark.parametrize("lang, dateline", [("en", "Almaty, 12 March 2023"), ("ru", "Алматы, 12 марта 2023 года"),
                                            ("kk", "Алматы, 2023 жылғы 12 наурыз")])
def test_a_charge_under_a_dateline_keeps_its_day(lang, dateline):  # guard
    sentence, act_type = CHARGE[lang][0]
    assert _dated(f"{dateline}\n\n{BETWEEN[lang]}\n\n{sentence}", NAME[lang], act_type) == {"2023-03-12"}


# -- a list entry's date printed just before its term -------------------------------------------------------------------
# "NAME — city. DATE — TERM, ARTICLE": the date ends the field before the term's (the place field), and the term's day is
# that date; main (92b302c) left the term undated, or gave it a later date of the entry (a release told after it).
ENTRY = {
    "en": [("YERZHANOV Bolat", "Bolat Yerzhanov", "Taraz", "2 years of restricted freedom", "Art. 405(2) CC"),
           ("SERIKOVA Dana", "Dana Serikova", "Shymkent", "3 years in prison", "Art. 174 CC")],
    "ru": [("ЕРЖАНОВ Болат", "Болат Ержанов", "Тараз", "2 года ограничения свободы", "ч. 2 ст. 405 УК"),
           ("СЕРИКОВА Дана", "Дана Серикова", "Шымкент", "3 года лишения свободы", "ст. 174 УК")],
    "kk": [("ЕРЖАНОВ Болат", "Болат Ержанов", "Тараз", "2 жыл бас бостандығын шектеу", "ҚК 405-бабы"),
           ("СЕРИКОВА Дана", "Дана Серикова", "Шымкент", "3 жыл бас бостандығынан айыру", "ҚК 174-бабы")],
}
LATER = {"en": " Released in March 2022.", "ru": " Освобождён в марте 2022 года.", "kk": ""}
DAYS = [("14.05.2021", "2021-05-14"), ("15.05.2021", "2021-05-15")]


@pytest.mark.parametrize("lang", ENTRY)
@pytest.mark.parametrize("shape", ["{i}. {n} — {c}. {d} — {t}, {a}.", "{i}. {n} — {c}, 41. {d} — {t} ({a})."])
@pytest.mark.parametrize("later", [False, True])
def test_a_list_term_takes_the_date_printed_just_before_it(lang, shape, later):
    lines = [shape.format(i=i + 1, n=printed, c=city, d=DAYS[i][0], t=term, a=article)
             for i, (printed, _, city, term, article) in enumerate(ENTRY[lang])]
    if later:
        lines[0] += LATER[lang]
    found = acts("List\n\n" + "\n".join(lines) + "\n", "2022-07-20")
    for i, (_, name, *_) in enumerate(ENTRY[lang]):
        assert {d for v, t, d in found if v == name and t == "sentenced"} == {DAYS[i][1]}


@pytest.mark.parametrize("lines", [
    ["1. YERZHANOV Bolat — Taraz — detained 14.03.2021 — 4 years in prison — Art. 174 CC",
     "2. SERIKOVA Dana — Shymkent — detained 15.03.2021 — 3 years in prison — Art. 174 CC"],
    ["1. ЕРЖАНОВ Болат — Тараз — задержан 14.03.2021 — 4 года лишения свободы — ст. 174 УК",
     "2. СЕРИКОВА Дана — Шымкент — задержана 15.03.2021 — 3 года лишения свободы — ст. 174 УК"],
    ["1. ЕРЖАНОВ Болат — Тараз — 14.03.2021 ұсталды — 4 жыл бас бостандығынан айыру — ҚК 174-бабы",
     "2. СЕРИКОВА Дана — Шымкент — 15.03.2021 ұсталды — 3 жыл бас бостандығынан айыру — ҚК 174-бабы"],
])
def test_a_date_its_own_trigger_dates_is_not_the_terms(lines):  # guard
    found = acts("List\n\n" + "\n".join(lines) + "\n", "2022-07-20")
    assert {d for _, t, d in found if t == "sentenced"} == {""}
    assert {d for _, t, d in found if t == "detained"} == {"2021-03-14", "2021-03-15"}


# -- a numbered line that opens with a name is about that person ------------------------------------------------------
# "2. SERIKOVA Dana, Shymkent. 15.05.2021: 3 years in prison …": the line's sentence with the term names no one; main
# (92b302c) gave it to the entry before (the last victim), with this entry's date.
PROSE_ENTRY = {
    "en": ["{i}. {n}, {c}. {d}: {t} ({a})."],
    "ru": ["{i}. {n}, {c}. {d}: {t} ({a})."],
    "kk": ["{i}. {n}, {c}. {d}: {a} бойынша {t}."],
}


@pytest.mark.parametrize("lang, shape", [(lang, shape) for lang in PROSE_ENTRY for shape in PROSE_ENTRY[lang]])
def test_a_numbered_line_opening_with_a_name_is_about_that_person(lang, shape):
    lines = [shape.format(i=i + 1, n=printed, c=city, d=DAYS[i][0], t=term, a=article)
             for i, (printed, _, city, term, article) in enumerate(ENTRY[lang])]
    found = acts("List\n\n" + "\n".join(lines) + "\n", "2022-07-20")
    for i, (_, name, *_) in enumerate(ENTRY[lang]):
        assert {d for v, t, d in found if v == name and t == "sentenced"} == {DAYS[i][1]}
