"""Partial dates read in the interface language, with Russian days in the genitive."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from qorgau.lib.dates import display_date

CASES = [
    ("en", "2018-03-15", "15 March 2018"), ("en", "2018-03", "March 2018"), ("en", "2018", "2018"),
    ("ru", "2018-03-15", "15 марта 2018"), ("ru", "2018-03", "март 2018"), ("ru", "2026-11-23", "23 ноября 2026"),
    ("ru", "2018", "2018"),
    ("kk", "2018-03-15", "2018 жылғы 15 наурыз"), ("kk", "2018-03", "2018 жылғы наурыз"), ("kk", "2018", "2018"),
]


@pytest.mark.parametrize("language,value,expected", CASES)
def test_partial_dates_in_each_language(language, value, expected):
    with translation.override(language):
        assert display_date(value) == expected
        assert Template("{% load qorgau %}{{ d|pdate }}").render(Context({"d": value})) == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_every_russian_month_is_genitive_with_a_day_and_nominative_without(month):
    with translation.override("ru"):
        with_day = display_date(f"2020-{month:02d}-01")
        alone = display_date(f"2020-{month:02d}")
    day_word, month_word = with_day.split()[1], alone.split()[0]
    assert month_word.islower() and day_word.islower()
    assert day_word != month_word  # "марта" vs "март", "мая" vs "май"
    assert day_word.endswith(("а", "я"))


def test_dates_and_datetimes_read_as_their_day():
    with translation.override("ru"):
        assert display_date(datetime.date(2026, 11, 23)) == "23 ноября 2026"
        assert display_date(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.timezone.utc)) == "23 ноября 2026"
