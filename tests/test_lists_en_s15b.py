"""Lists of prisoners in English, as volunteers keep them (session 15, h25-en2: the v25a validation round's prisoner
list lost 11 of its 17 acts). Three mechanisms, each tested over shapes, not over that document's lines:

- the day a list stands at ("status as of 12.2024", "as at 01.12.2024", "updated 12.2024") in its heading dates none
  of the entries' acts (it was taken as the day of a verdict told before the defendants are named);
- a field holding a verdict label and its date alone ("verdict 29.11.2023", "sentenced: 29.11.2023", "date of
  verdict 29.11.2023") dates the entry's bare term ("7 yrs"), and the prison it keeps;
- a term with its months abbreviated ("4 yrs 6 mos") is a term.

Names and facts are made up; entries are given as the reader prints a table's row ("• 1 – NAME – …") and as a dashed
list line ("1. NAME – …").
"""

import pytest

from tests.test_extract_english_s9 import acts

HEADINGS = ["PERSONS CONVICTED OR HELD IN POLITICAL CASES (status as of 12.2024)",
            "Working list of persons convicted or held — as at 01.12.2024",
            "List of political prisoners convicted in 2023–2024, updated 12.2024"]
ROW_SHAPES = ["• {n} – {name} – activist – Art. 405(2) CC – {term} – {dates}",
              "{n}. {name} – activist – Art. 405(2) CC – {term} – {dates}"]
VERDICT_FIELDS = ["verdict {day}", "sentenced {day}", "verdict: {day}", "date of verdict {day}"]
TERMS = ["7 yrs", "4 yrs 6 mos", "5 years"]


def listing(heading, shape, rows):
    lines = [heading, ""]
    for n, (name, term, dates) in enumerate(rows, 1):
        lines += [shape.format(n=n, name=name, term=term, dates=dates), ""]
    return "\n".join(lines)


@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("shape", ROW_SHAPES)
def test_the_day_a_list_stands_at_dates_no_act(heading, shape):
    text = listing(heading, shape, [("TOKHTAROV Ruslan", "3 yrs", "Inst. No. 64, Astana"),
                                    ("BEKOVA Gulnara", "convicted, term not confirmed", "—")])
    found = acts(text, "")
    assert ("Ruslan Tokhtarov", "PENALTY", "") in found, (text, found)
    assert ("Gulnara Bekova", "PENALTY", "") in found, (text, found)
    assert not any(d.startswith("2024-12") for _, _, d in found), (text, found)


@pytest.mark.parametrize("shape", ROW_SHAPES)
@pytest.mark.parametrize("field", VERDICT_FIELDS)
@pytest.mark.parametrize("term", TERMS)
def test_a_verdict_field_dates_the_entrys_term(shape, field, term):
    dates = "detained 05.2023; " + field.format(day="29.11.2023")
    text = listing(HEADINGS[0], shape, [("TOKHTAROV Ruslan", term, dates)])
    found = acts(text, "")
    assert {("Ruslan Tokhtarov", "PENALTY", "2023-11-29"), ("Ruslan Tokhtarov", "DEPRIVATION", "2023-11-29"),
            ("Ruslan Tokhtarov", "DEPRIVATION", "2023-05")} <= found, (text, found)


@pytest.mark.parametrize("shape", ROW_SHAPES)
def test_a_term_with_abbreviated_months_is_a_term(shape):
    text = listing(HEADINGS[0], shape, [("TOKHTAROV Ruslan", "4 yrs 6 mos", "in custody since 27.03.2024")])
    found = acts(text, "")
    assert {g for n, g, _ in found if n == "Ruslan Tokhtarov"} >= {"PENALTY", "DEPRIVATION"}, (text, found)


def test_a_field_with_a_verdict_label_but_other_words_dates_nothing():
    # ("verdict expected 29.11.2023": a hearing to come, not the day of a verdict)
    text = listing(HEADINGS[0], ROW_SHAPES[0], [("TOKHTAROV Ruslan", "7 yrs", "verdict expected 29.11.2023")])
    assert ("Ruslan Tokhtarov", "PENALTY", "2023-11-29") not in acts(text, "")
