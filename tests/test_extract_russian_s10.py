"""Russian extraction, session 10: categories of first-run errors on unseen Russian text (the retired test split and
the fresh rounds). Made-up sentences, several variants per category."""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions

PUBLISHED = "2024-05-20"


def acts_of(text, published=PUBLISHED):
    mentions = find_persons(text)
    return {(p.victims[0], p.act_type, p.date) for p in find_acts(
        text, mentions, find_dates(text, published), find_provisions(text), published=published) if p.kind == "act"}


def dates_of(text, who, published=PUBLISHED):
    return {date for victim, _, date in acts_of(text, published) if victim == who}


# -- the date of the publication is not the day of an event --------------------------------------------------------
@pytest.mark.parametrize("text", [
    # a line that says when the document was published or compiled
    "Срочная акция: свободу Ерлану Касымову\n\nОпубликовано 14 мая 2024 года\n\n"
    "Гражданский активист Ерлан Касымов осуждён к четырём годам лишения свободы по ч. 2 ст. 405 УК РК.",
    "Обращение правозащитников\n\nСоставлено 14 мая 2024 года по открытым источникам.\n\n"
    "Блогер Ерлан Касымов приговорён к четырём годам лишения свободы. Его жалоба не рассмотрена.",
    "Положение политзаключённых\n\nДата публикации: 14.05.2024\n\n"
    "Ерлан Касымов отбывает наказание в колонии. Активист осуждён к четырём годам лишения свободы.",
    # a bare date line right under a report's title
    "Краткое изложение доклада: права человека в 2023 году\n\n14 мая 2024 года\n\nОппозиция.\n\n"
    "Ерлан Касымов и ещё двое лидеров движения осуждены к срокам от четырёх до семи лет лишения свободы.",
    "Ежемесячный обзор нарушений\n\n14 мая 2024 года\n\n"
    "Активист Ерлан Касымов осуждён к четырём годам лишения свободы.",
])
def test_a_publication_line_dates_no_act(text):
    assert dates_of(text, "Ерлан Касымов") == {""}


@pytest.mark.parametrize("text, day", [
    # a news item's dateline (a place and a date) still dates the day's news
    ("Суд над активистом\n\nАлматы, 14 мая 2024 года\n\n"
     "Активист Ерлан Касымов приговорён к четырём годам лишения свободы.", "2024-05-14"),
    # a date of the text's own, after the publication line, dates what follows it
    ("Срочная акция\n\nОпубликовано 14 мая 2024 года\n\n"
     "10 мая суд приговорил активиста Ерлана Касымова к четырём годам лишения свободы.", "2024-05-10"),
    ("Краткое изложение доклада\n\n14 мая 2024 года\n\n"
     "В апреле 2024 года Ерлан Касымов был осуждён к четырём годам лишения свободы.", "2024-04"),
])
def test_a_dateline_or_an_own_date_still_dates_the_act(text, day):
    assert day in dates_of(text, "Ерлан Касымов")
