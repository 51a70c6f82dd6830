"""Russian act extraction, session 7 (issue 11): mechanisms found on fresh Russian documents (round r49–r53), each
tested on made-up variants of its shape — other word order, tense, voice, case, a second person nearby.
Every text is our own."""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions


def proposals(text, published):
    return find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text),
                     published=published)


def acts(text, published):
    return {(p.victims[0], p.act_type, p.date) for p in proposals(text, published)}


def dates(text, published):
    return [d.value for d in find_dates(text, published)]


# "в минувший понедельник", "в прошлую среду": the last such weekday strictly before the item's own day — a week back
# when it is the same weekday; a bare "в среду" may be the item's own day.
@pytest.mark.parametrize("text,published,expected", [
    ("Суд в минувший понедельник арестовал Ерлана Садыкова на 15 суток.", "2023-10-25", "2023-10-23"),
    ("В прошлую среду полиция задержала Асель Нурову у здания акимата.", "2023-10-25", "2023-10-18"),
    ("Айдоса Серикова оштрафовали в прошедшую пятницу, сообщила его жена.", "2023-10-23", "2023-10-20"),
])
def test_a_past_weekday_counts_back_from_the_items_day(text, published, expected):
    assert expected in {date for _, _, date in acts(text, published)}
    assert published not in dates(text, published)


def test_a_bare_weekday_may_be_the_items_own_day():
    assert dates("В среду суд вынес приговор.", "2023-10-25") == ["2023-10-25"]


# "через неделю" is seven days after the day before it; "в конце марта" is that month.
@pytest.mark.parametrize("text,published,expected", [
    ("3 мая 2022 года Ерлана Садыкова задержали. Через неделю его арестовали на два месяца.", "2022-06-01",
     "2022-05-10"),
    ("Асель Нурову задержали 3 мая 2022 года, а неделю спустя суд поместил её под домашний арест.", "2022-06-01",
     "2022-05-10"),
    ("В конце марта Айдоса Серикова задержали в Алматы.", "2022-06-01", "2022-03"),
    ("Бекзата Нурланова оштрафовали в начале февраля.", "2022-06-01", "2022-02"),
])
def test_a_week_later_and_a_part_of_a_month(text, published, expected):
    assert expected in {date for _, _, date in acts(text, published)}


# Charges with words between verb and noun; beating told with the plain verb and a pronoun.
@pytest.mark.parametrize("text,victim,kind", [
    ("Ерлан Садыков отбыл арест. Когда срок закончился, его не отпустили, а предъявили новые обвинения.",
     "Ерлан Садыков", "charged"),
    ("Асель Нуровой 3 мая 2022 года предъявили два новых обвинения.", "Асель Нурова", "charged"),
    ("Айдосу Серикову было предъявлено сразу три обвинения.", "Айдос Сериков", "charged"),
    ("Ерлана Садыкова задержали 5 мая 2022 года. Мать боится, что его били дубинкой.", "Ерлан Садыков",
     "ill_treatment"),
    ("Полицейские избивали Айдоса Серикова в отделе.", "Айдос Сериков", "ill_treatment"),
    ("Асель Нурова рассказала, что в изоляторе её били.", "Асель Нурова", "ill_treatment"),
])
def test_charges_with_an_adjective_and_beating_with_a_pronoun(text, victim, kind):
    assert (victim, kind) in {(v, k) for v, k, _ in acts(text, "2022-06-01")}

