"""A person's age or year of birth printed beside a mention, as a year of birth (issue 12, session 14).

Two records of one name are two people when they were born years apart; the resolver weighs a recorded year of
birth ("different years of birth", -8 bits), and ingest does not take a record of the same name whose year is
another for a mention. The shapes read, all next to the name:

  before it   "34-year-old activist X", "34-летнего активиста X", "34 жастағы белсенді X", "1961 жылы туған
              белсенді X" (Kazakh puts "born in 1961" before the name; session 16)
  after it    "X, 34,", "X (34)", "X, born in 1990", "X (b. 1990)", "X, 1990 г.р.", "X, 1990 года рождения",
              "X (1990 ж.т.)", "X, 1990 жылы туған"

An age becomes the year of the text's latest date (else nothing: an age without a year says no year) minus the
age; a year of birth is taken as printed. Only 14 to 99 years of age, and years 1900 up to the text's year.
"""

import re

BEFORE = re.compile(r"(?<!\d)(\d{2})(?:-year-old|-летн(?:ий|его|ему|им|ем|яя|юю|ей|ая)|[ \u00a0]жастағы|[ \u00a0]жасар)"
                    r"(?:[ \u00a0]+[^\W\d][\w-]*){0,2}[ \u00a0]*$")
AFTER_AGE = re.compile(r"^(?:,[ \u00a0]*|[ \u00a0]*\()(\d{2})(?:[ \u00a0]*(?:years?[ \u00a0]old|лет|года?|жаста))?"
                       r"[ \u00a0]*[,)]")
AFTER_YEAR = re.compile(r"^(?:,[ \u00a0]*|[ \u00a0]*\()(?:born(?:[ \u00a0]+in)?[ \u00a0]+|b\.[ \u00a0]*)?"
                        r"((?:19|20)\d{2})(?:[ \u00a0]*(?:г\.[ \u00a0]*р\.|года[ \u00a0]+рождения|г\.[ \u00a0]*рождения|"
                        r"ж\.[ \u00a0]*т\.|жылы[ \u00a0]+туған))?(?=[ \u00a0]*[,);.])")
BEFORE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})[ \u00a0]*(?:жылы[ \u00a0]+туған|ж\.[ \u00a0]*т\.)"
                         r"(?:[ \u00a0]+[^\W\d][\w-]*){0,2}[ \u00a0]*$")
BORN_FIRST = re.compile(r"^(?:,[ \u00a0]*|[ \u00a0]*\()(?:born(?:[ \u00a0]+in)?|b\.)", re.I)
AFTER_RU_KK = re.compile(r"г\.[ \u00a0]*р\.|года[ \u00a0]+рождения|г\.[ \u00a0]*рождения|ж\.[ \u00a0]*т\.|жылы[ \u00a0]+туған")


def birth_year(text, start, end, text_year):
    """The year of birth the text prints (or implies by an age) for the mention at text[start:end], or None.

    `text_year`: the year the text is written in (an int, or None when not known)."""
    before = text[max(0, start - 60):start]
    after = text[end:end + 40]
    year = None
    m = AFTER_YEAR.match(after)
    if m and (BORN_FIRST.match(after) or AFTER_RU_KK.search(m.group(0))):
        year = int(m.group(1))
    elif (m := BEFORE_YEAR.search(before)) and "\n" not in before[m.start():]:
        year = int(m.group(1))
    elif text_year:
        age = None
        m = BEFORE.search(before)
        if m and "\n" not in before[m.start():]:
            age = int(m.group(1))
        else:
            m = AFTER_AGE.match(after)
            if m:
                age = int(m.group(1))
        if age is not None and 14 <= age <= 99:
            year = text_year - age
    if year is None or year < 1900 or (text_year and year > text_year):
        return None
    return year


def text_year(dates, published=""):
    """The year a text is written in: its publication date's, else its latest explicit date's."""
    if published[:4].isdigit():
        return int(published[:4])
    years = [int(d.value[:4]) for d in dates if getattr(d, "value", "")[:4].isdigit()]
    return max(years) if years else None
