"""Dates as reports write them, resolved to partial ISO dates from the document's own dates.

"13 March 2018", "March 2018", "21–22.03.2018", "On 5 May" (the year from the text before it, else the
document's date), "since 31 March", "in mid-September 2020", "early June", "14 - 19 April 2016",
"Late April – early May 2016", and Russian "13 марта 2018 года", "в марте 2018 г.".
"""

import re

from .spans import DateRef

MONTHS = {m.lower(): i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                              "September", "October", "November", "December"], start=1)}
MONTHS.update({m[:3].lower(): i for m, i in list(MONTHS.items())})
RU_MONTHS = {}
for i, stems in enumerate([("январ",), ("феврал",), ("март", "марта", "марте"), ("апрел",), ("ма",), ("июн",), ("июл",),
                           ("август",), ("сентябр",), ("октябр",), ("ноябр",), ("декабр",)], start=1):
    for stem in stems:
        RU_MONTHS[stem] = i
MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
RU_MONTH = r"(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
DASH = r"\s*[-–—]\s*"
YEAR = r"((?:19|20)\d{2})"

PATTERNS = [
    # 21–22.03.2018 ; 21.03.2018
    ("dotted_range", re.compile(rf"\b(\d{{1,2}}){DASH}(\d{{1,2}})\.(\d{{1,2}})\.{YEAR}\b")),
    ("dotted", re.compile(rf"\b(\d{{1,2}})\.(\d{{1,2}})\.{YEAR}\b")),
    ("iso", re.compile(rf"\b{YEAR}-(\d{{2}})-(\d{{2}})\b")),
    # 14 - 19 April 2016 ; 21 and 22 March 2018
    ("day_range", re.compile(rf"\b(\d{{1,2}})(?:{DASH}|\s+and\s+|\s+to\s+)(\d{{1,2}})\s+{MONTH}(?:,?\s+{YEAR})?", re.I)),
    # Late April – early May 2016
    ("month_range", re.compile(rf"\b(?:(early|mid|late)[- ]?)?{MONTH}{DASH}(?:(early|mid|late)[- ]?)?{MONTH}\s+{YEAR}", re.I)),
    ("day_month_year", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+{YEAR}", re.I)),
    ("month_day_year", re.compile(rf"\b{MONTH}\s+(\d{{1,2}}),\s+{YEAR}", re.I)),
    ("ru_day_month_year", re.compile(rf"\b(\d{{1,2}})\s+{RU_MONTH}\s+{YEAR}", re.I)),
    ("ru_month_year", re.compile(rf"\b(?:в\s+)?{RU_MONTH}\s+{YEAR}", re.I)),
    ("part_month_year", re.compile(rf"\b(early|mid|late|the end of|the beginning of)[- ]?{MONTH},?\s+(?:of\s+)?{YEAR}", re.I)),
    ("month_year", re.compile(rf"\b{MONTH},?\s+(?:of\s+)?{YEAR}", re.I)),
    ("day_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\b(?!,?\s+(?:of\s+)?(?:19|20)\d\d)", re.I)),
    ("ru_day_month", re.compile(rf"\b(\d{{1,2}})\s+{RU_MONTH}\b(?!\s+(?:19|20)\d\d)", re.I)),
    ("part_month", re.compile(rf"\b(early|mid|late)[- ]{MONTH}\b(?!,?\s+(?:19|20)\d\d)", re.I)),
    # A month alone after a preposition ("on appeal in July", "since March"): capitalised, so "may" stays a verb.
    ("bare_month", re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring)\s+(?-i:{MONTH})(?![\w.]*\s*\d)")),
    ("ru_bare_month", re.compile(rf"\b[вВ]\s+{RU_MONTH}(?!\w)(?!\s*\d)", re.I)),
    ("part_year", re.compile(rf"\b(?:in\s+)?(?:early|mid|late|the end of|the beginning of)[- ]?{YEAR}\b", re.I)),
    ("year", re.compile(rf"\b(?:in|since|of|by|until|during|в)\s+{YEAR}\b(?!\s*[-–]\s*\d)", re.I)),
]


def _month(name):
    name = name.lower().rstrip(".")
    if name in MONTHS:
        return MONTHS[name]
    for stem, number in sorted(RU_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if name.startswith(stem):
            return number
    return MONTHS.get(name[:3])


def _iso(year, month=None, day=None):
    if month is None:
        return f"{int(year):04d}"
    if day is None:
        return f"{int(year):04d}-{int(month):02d}"
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _valid(year, month=None, day=None):
    import datetime

    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
        return 1900 <= int(year) <= 2100
    except ValueError:
        return False


def find_dates(text, document_date=""):
    """All dates in the text, in order, each resolved to a partial ISO date."""
    taken, found = [], []
    # Without a date of its own, a year-less date takes the year of the text before it, else the document's,
    # else the first year the document states anywhere (an Urgent Action gives its issue date at the end).
    first_year = re.search(rf"\b{YEAR}\b", text)
    context_year = document_date[:4] if document_date else (first_year.group(1) if first_year else "")
    for name, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            found.append((m.start(), m.end(), name, m))
            taken.append((m.start(), m.end()))
    found.sort()
    results = []
    for start, end, name, m in found:
        g = m.groups()
        value = value_end = ""
        how = "explicit"
        if name == "dotted_range":
            if _valid(g[3], g[2], g[0]) and _valid(g[3], g[2], g[1]):
                value, value_end = _iso(g[3], g[2], g[0]), _iso(g[3], g[2], g[1])
        elif name == "dotted":
            if _valid(g[2], g[1], g[0]):
                value = _iso(g[2], g[1], g[0])
        elif name == "iso":
            if _valid(*g):
                value = _iso(*g)
        elif name == "day_range":
            year = g[3] or context_year
            how = "explicit" if g[3] else "year_from_context"
            month = _month(g[2])
            if year and month and _valid(year, month, g[0]) and _valid(year, month, g[1]):
                value, value_end = _iso(year, month, g[0]), _iso(year, month, g[1])
        elif name == "month_range":
            value, value_end = _iso(g[4], _month(g[1])), _iso(g[4], _month(g[3]))
        elif name == "day_month_year":
            if _valid(g[2], _month(g[1]), g[0]):
                value = _iso(g[2], _month(g[1]), g[0])
        elif name == "month_day_year":
            if _valid(g[2], _month(g[0]), g[1]):
                value = _iso(g[2], _month(g[0]), g[1])
        elif name == "ru_day_month_year":
            if _month(g[1]) and _valid(g[2], _month(g[1]), g[0]):
                value = _iso(g[2], _month(g[1]), g[0])
        elif name == "ru_month_year":
            if _month(g[0]):
                value = _iso(g[1], _month(g[0]))
        elif name == "part_month_year":
            value = _iso(g[2], _month(g[1]))
        elif name == "month_year":
            value = _iso(g[1], _month(g[0]))
        elif name in {"day_month", "ru_day_month"}:
            month = _month(g[1])
            if context_year and month and _valid(context_year, month, g[0]):
                value, how = _iso(context_year, month, g[0]), "year_from_context"
        elif name in {"bare_month", "ru_bare_month"}:
            if context_year and _month(g[0]):
                value, how = _iso(context_year, _month(g[0])), "year_from_context"
        elif name == "part_month":
            if context_year and _month(g[1]):
                value, how = _iso(context_year, _month(g[1])), "year_from_context"
        elif name in {"year", "part_year"}:
            value = _iso(g[0])
        if value:
            context_year = value[:4] if how == "explicit" else context_year
            results.append(DateRef(start, end, text[start:end], value=value, value_end=value_end, how=how))
    return results
