"""Format parity (issue 11 "Formats"): a document read from a web page, a PDF report or a Word file, where headings
and the fields of a list entry are paragraphs of their own, gives the same acts as the same document typed as text,
where a dated heading begins the paragraph's line and an entry's fields share its line. Texts are our own."""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions


def acts(text, published="2025-09-01"):
    return sorted((p.victims[0], p.act_type, p.date) for p in find_acts(
        text, find_persons(text), find_dates(text, published), find_provisions(text), published=published))


# (heading, paragraph under it): the paragraph's sentences inherit the heading's date, whatever its layout.
HEADED = [
    ("16.04.2012", "Dana Kemelova, a leader of the strike, testified that she had been tortured in pre-trial "
                   "detention. Investigators pulled a bag over her head."),
    ("03.04.2019", "Dana Kemelova told the court that she had been beaten in pre-trial detention. "
                   "Guards later searched her cell."),
    ("07.04.2019 – second hearing", "Judge Oralov refused the motion. Dana Kemelova had been detained again."),
    ("12 мая: приговор", "Судья признал Армана Сейтова виновным и назначил ему 3 года ограничения свободы."),
    ("5 March 2021 - verdict", "The court sentenced Yerlan Kassymov to five years in prison."),
]
BEFORE = "ЗАМЕТКИ НАБЛЮДАТЕЛЯ\n\nДело рассматривал районный суд.\n\n"


def typed(heading, paragraph):
    return f"{BEFORE}{heading} {paragraph}\n"


def rendered(heading, paragraph):
    return f"{BEFORE}{heading}\n\n{paragraph}\n"


@pytest.mark.parametrize("heading,paragraph", HEADED)
def test_a_dated_heading_set_apart_dates_the_paragraph_under_it_as_on_one_line(heading, paragraph):
    expected = acts(typed(heading, paragraph))
    assert expected
    assert acts(rendered(heading, paragraph)) == expected


ENTRIES = [("1. ОРАЛОВ Ерлан, г. Алматы.", ["Статьи: ч. 2 ст. 405 УК РК.", "Задержан 12.03.2024.",
                                            "Приговор от 20.11.2024: 5 лет лишения свободы."]),
           ("2. СЕЙТОВ Арман, г. Алматы.", ["Статьи, даты задержания и приговора, срок – те же, что у Е. Оралова."])]


def test_an_entry_whose_field_says_the_same_as_another_keeps_its_acts_when_fields_are_paragraphs():
    typed_list = "СПИСОК\n\n" + "\n\n".join(" ".join([head, *fields]) for head, fields in ENTRIES) + "\n"
    rendered_list = "СПИСОК\n\n" + "\n\n".join("\n\n".join([head, *fields]) for head, fields in ENTRIES) + "\n"
    expected = acts(typed_list)
    assert {victim for victim, _, _ in expected} == {"Ерлан Оралов", "Арман Сейтов"}
    assert acts(rendered_list) == expected
