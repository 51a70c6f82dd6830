"""Dates as reports write them, resolved to partial ISO dates from the document's own dates.

"13 March 2018", "March 2018", "21–22.03.2018", "On 5 May" (the year from the text before it, else the
document's date), "since 31 March", "in mid-September 2020", "early June", "14 - 19 April 2016",
"Late April – early May 2016", and Russian "13 марта 2018 года", "в марте 2018 г.".
"""

import datetime
from qorgau.lib import patterns as re  # `re`, with compiled patterns kept across processes (start-up)
from qorgau.lib.prefilter import Branches, led

from . import lexicon
from .spans import DateRef

MONTHS = {m.lower(): i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                              "September", "October", "November", "December"], start=1)}
MONTHS.update({m[:3].lower(): i for m, i in list(MONTHS.items())})
# Russian and Kazakh month forms are data (lexicon/ru|kk/months.tsv); English keeps its own regex below, because
# a bare English month must be capitalised ("may" is a verb).
CYRILLIC_MONTHS = [(re.compile(f"(?:{pattern})$", re.I), int(number))
                   for lang in ("ru", "kk") for pattern, number in lexicon.table("months", lang)]
MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
KK_MONTH = "(" + "|".join(f"(?:{pattern})" for pattern, _ in lexicon.table("months", "kk")) + ")"
RU_MONTH = "(" + "|".join(f"(?:{pattern})" for lang in ("ru", "kk") for pattern, _ in lexicon.table("months", lang)) + ")"
# A day spelled out as an ordinal ("двадцать третьего января"): lexicon/ru/ordinals.tsv, longest first
ORDINAL_DAYS = sorted(((re.compile(f"(?:{pattern})$", re.I), int(day)) for pattern, day in lexicon.table("ordinals", "ru")),
                      key=lambda row: -len(row[0].pattern))
ORDINAL_DAY = "(" + "|".join(pattern.pattern[:-1] for pattern, _ in ORDINAL_DAYS) + ")"
DASH = r"\s*[-–—]\s*"
YEAR = r"((?:19|20)\d{2})"
# Kazakh "жылғы/жылы/жылдың" (of the year) after a year, in the Cyrillic and the Latin alphabet ("2022 jylğy nauryzda")
KK_YEAR_WORD = r"(?:ж(?:ылғы|ылы|ылдың|\.)|j(?:ylğy|yly|yldyñ|\.))"

_RELATIVE_ROWS = lexicon.table("relative")
# Each row's named groups (n, month, season, year) get the row's number, so one regular expression holds them all.
def _numbered(pattern, i):
    return re.sub(r"[(][?]P<(\w+)>", lambda g: f"(?P<{g.group(1)}_{i}>", pattern)


# (found branch by branch: at each word only the rows that can start with its letter are tried, `prefilter.Branches`)
RELATIVE_BRANCHES = Branches("(?<!\\w)", [rf"(?P<r{i}>(?:{_numbered(row[0], i)})(?!\w))"
                                            for i, row in enumerate(_RELATIVE_ROWS)], re.I)
RELATIVE = RELATIVE_BRANCHES.pattern
NUMBER_WORDS = {word.lower(): float(value) for word, value in lexicon.table("numbers")}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
           "весной": (3, 5), "летом": (6, 8), "осенью": (9, 11), "зимой": (12, 2),
           "көктемінде": (3, 5), "жазында": (6, 8), "күзінде": (9, 11), "қысында": (12, 2)}

PATTERNS = [
    # 21–22.03.2018 ; 21.03.2018
    ("dotted_range", re.compile(rf"\b(\d{{1,2}}){DASH}(\d{{1,2}})\.(\d{{1,2}})\.{YEAR}\b")),
    ("dotted", re.compile(rf"\b(\d{{1,2}})\.(\d{{1,2}})\.{YEAR}\b")),
    ("iso", re.compile(rf"\b{YEAR}-(\d{{2}})-(\d{{2}})\b")),
    # 03–06.2023 (months, as lists write a span)
    ("dotted_month_range", re.compile(rf"(?<![\d.])(0?[1-9]|1[0-2]){DASH}(0?[1-9]|1[0-2])\.{YEAR}\b")),
    # 03.2021 (a month, as lists write it)
    ("dotted_month", re.compile(rf"(?<![\d.])(0?[1-9]|1[0-2])\.{YEAR}\b")),
    # 14 - 19 April 2016 ; 21 and 22 March 2018
    ("day_range", re.compile(rf"\b(\d{{1,2}})(?:{DASH}|\s+and\s+|\s+to\s+)(\d{{1,2}})\s+{MONTH}(?:,?\s+{YEAR})?", re.I)),
    # Late April – early May 2016
    ("month_range", re.compile(rf"(?<!\w)(?:(early|mid|late)[- ]?)?{MONTH}{DASH}(?:(early|mid|late)[- ]?)?{MONTH}\s+{YEAR}", re.I)),
    ("day_of_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)\s+of\s+{MONTH}(?:,?\s+{YEAR})?", re.I)),
    ("day_month_year", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+{YEAR}", re.I)),
    ("month_day_year", re.compile(rf"(?<!\w){MONTH}\s+(\d{{1,2}}),\s+{YEAR}", re.I)),
    # Kazakh puts the year first: "2021 жылғы 14 наурызда", "2022 жылы 5 қаңтарда", "2021 жылдың қазан айында"
    # (the day may be written as an ordinal with a hyphen: "2022 жылғы 14-қарашада")
    # Days of one month in Kazakh and Russian: "2023 жылғы 5–6 наурызда", "5 және 6 наурызда", "5–6 марта 2023 года":
    # the span (the year written first in Kazakh, after in Russian, else the narrative's)
    ("kk_year_day_range", re.compile(rf"\b{YEAR}\s+{KK_YEAR_WORD}\s+(\d{{1,2}})(?:{DASH}|\s+(?:және|мен)\s+)(\d{{1,2}})(?:\s+|-){RU_MONTH}(?!\w)", re.I)),
    ("ru_day_range", re.compile(rf"(?<![\d.])(\d{{1,2}})(?:{DASH}|\s+(?:және|мен|и)\s+)(\d{{1,2}})(?:-?го)?\s+{RU_MONTH}(?!\w)(?:\s+{YEAR}(?!\s+(?:жылғы|jylğy)))?", re.I)),
    # A Kazakh or Russian dateline with a comma before the year ("5 наурыз, 2023 жыл", "5 марта, 2023 г."): that day
    ("ru_day_month_comma_year", re.compile(rf"\b(\d{{1,2}})\s+{RU_MONTH},\s+{YEAR}(?:\s+(?:жыл|ж\.|года|г\.))?(?=[ \t]*(?:[.\n]|$))", re.I)),
    ("kk_year_day_month", re.compile(rf"\b{YEAR}\s+{KK_YEAR_WORD}\s+(\d{{1,2}})(?:\s+|-){RU_MONTH}(?!\w)", re.I)),
    # "2022 жылғы қаңтардың 5-і", "қазанның 12-сі": the month (in the genitive) before the day with its ending
    ("kk_year_month_day", re.compile(rf"\b{YEAR}\s+{KK_YEAR_WORD}\s+{RU_MONTH}\s+(\d{{1,2}})-\w+", re.I)),
    # A digest's heading line, the month named first ("Январь, 15", "Қаңтар, 15", "January, 15"): that day
    ("month_day_heading", re.compile(rf"(?m)^[ \t]*(?:{RU_MONTH}|(?-i:{MONTH})),?[ \t]+(\d{{1,2}})[ \t]*$", re.I)),
    # A chronicle's paragraph led by its month ("Январь. Суд …", "Февраль: …", "Қаңтар. …", "January. …", "**March** –
    # …"): that month, of the year the text is in (a month with a year or a day is read by the shapes around this one)
    ("month_lead", re.compile(rf"(?m)^[ \t]*(?:#+[ \t]*|\*\*|[-•*][ \t]+)?(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])(?:{RU_MONTH}|(?-i:(January|February|March|April|May|June|July|August|September|October|November|December)))"
                              rf"(?:\*\*)?[ \t]*(?:[.:](?!\d)|[—–-](?=[ \t])|$)", re.I)),
    ("kk_month_day", re.compile(rf"(?<!\w){RU_MONTH}\s+(\d{{1,2}})-(?:сі|сы|і|ы|нші|ші|шы|ында|інде|сында|сінде)(?!\w)", re.I)),
    ("kk_year_month", re.compile(rf"\b{YEAR}\s+{KK_YEAR_WORD}\s+{RU_MONTH}(?:\s+(?:айында|aiynda))?(?!\w)", re.I)),
    ("ru_ordinal_day_month", re.compile(rf"(?<!\w){ORDINAL_DAY}\s+{RU_MONTH}(?!\w)(?:\s+{YEAR})?", re.I)),
    # (not a Kazakh day before a year that opens the next phrase: "12 наурызда 1997 жылғы ҚК-нің …")
    ("ru_day_month_year", re.compile(rf"\b(\d{{1,2}})(?:-?го)?\s+{RU_MONTH}\s+{YEAR}(?!\s+(?:жылғы|jylğy))", re.I)),
    ("ru_month_year", re.compile(rf"(?<!\w)(?:в\s+)?{RU_MONTH},?\s+{YEAR}(?!\s+(?:жылғы|jylğy))", re.I)),  # "Маусым, 2022." heading
    ("part_month_year", re.compile(rf"\b(early|mid|late|the (?:end|beginning|start|middle) of)[- ]?{MONTH},?\s+(?:of\s+)?{YEAR}", re.I)),
    ("month_year", re.compile(rf"(?<!\w){MONTH},?\s+(?:of\s+)?{YEAR}", re.I)),
    # March 5, the 5th of March (the year from the text before them)
    ("month_day", re.compile(rf"(?<!\w)(?-i:{MONTH})[ \t]+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)(?![.:]\d)")),
    ("day_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\b(?!,?\s+(?:of\s+)?(?:19|20)\d\d)", re.I)),
    # "в конце марта", "в начале октября", "в середине мая" (the year from the text before): that month
    ("ru_part_month", re.compile(rf"(?<!\w)(?:в\s+)?(?:конце|начале|середине)\s+{RU_MONTH}(?!\w)(?!\s+(?:19|20)\d\d)(?!\s+прошлого)", re.I)),
    # (not a day of last year, "былтыр 29 қыркүйекте": a relative date below)
    ("ru_day_month", re.compile(rf"\b(?=\d)(?<!былтыр )(?<!былтырғы )(?<!өткен жылы )(?<!өткен жылғы )(?<!өткен жылдың )(\d{{1,2}})(?:-?го\s+|\s+|-){RU_MONTH}\b(?!\s+(?:19|20)\d\d(?!\s+(?:жылғы|jylğy)))(?!\s+прошлого)", re.I)),
    # "late February", "at the end of February" (the year from the text before): that month
    ("part_month", re.compile(rf"\b(early|mid|late|the (?:end|beginning|start|middle) of)[- ]{MONTH}\b(?!,?\s+(?:of\s+)?(?:19|20)\d\d)", re.I)),
    # "ақпанның соңында", "наурыз айының басында" (at the end, the beginning of the month; the year from before)
    ("kk_part_month", re.compile(rf"(?<!\w){KK_MONTH}(?:\s+айының)?\s+(?:соңында|басында|ортасында|аяғында)(?!\w)", re.I)),
    # A month alone after a preposition ("on appeal in July", "since March"): capitalised, so "may" stays a verb.
    ("bare_month", re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring)\s+(?-i:{MONTH})(?![\w.]*[ \t]*\d)")),
    ("ru_bare_month", re.compile(rf"\b[вВ]\s+{RU_MONTH}(?!\w)(?!\s*\d)(?!\s+прошлого)", re.I)),
    ("kk_bare_month", re.compile(rf"(?<!\w){RU_MONTH}\s+(?:айында|aiynda)", re.I)),
    ("relative", RELATIVE),
    # (after the relative dates: "былтыр маусымда" is last year's June)
    # a Kazakh month alone in the locative ("… 2022 жылғы наурызда …, ал қарашада …"): that month of the year told
    # (in lower case, or capitalised only where a sentence starts: "Қазанда" mid-sentence is the city of Kazan)
    ("kk_bare_month", re.compile(rf"(?<!\w)(?:(?-i:(?=[а-яёәғқңөұүһіa-zäğıñöşūü]))|\A|(?<=[.!?\n]\s)|(?<=\n))"
                                 rf"{KK_MONTH}(?<=да|де|та|те|da|de|ta|te)(?!\w)(?!\s*\d)", re.I)),
    ("part_year", re.compile(rf"\b(?:in\s+)?(?:early|mid|late|the end of|the beginning of)[- ]?{YEAR}\b", re.I)),
    # "в конце 2023 года", "в первой половине 2023 года", "2023 жылдың соңында": a part of a year, that year
    ("part_year", re.compile(rf"(?<!\w)(?:[вВ]\s+)?(?:начале|середине|конце|(?:первой|второй)\s+половине)\s+{YEAR}(?!\s*[-–]\s*\d)", re.I)),
    # (session 15, h25-ru2) as a list or table field writes it: "нач. 2023", "кон. 2022", "сер. 2021", "начало 2023"
    ("part_year", re.compile(rf"(?<!\w)(?:нач\.|кон\.|сер\.|начало|конец|середина)\s*{YEAR}(?!\s*[-–]\s*\d)", re.I)),
    ("part_year", re.compile(rf"\b{YEAR}\s+(?:жылдың|jyldyñ)\s+(?:басында|соңында|ортасында|аяғында|(?:бірінші|екінші)\s+жартысында)(?!\w)", re.I)),
    ("year", re.compile(rf"\b(?:in|since|of|by|until|during|в)\s+{YEAR}\b(?!\s*[-–]\s*\d)", re.I)),
    # Russian: a year abbreviated with no preposition, as lists and notes write it ("(приговор 2020 г.)"), not a
    # range's end (the spelled-out genitive, "январских событий 2022 года", names an event's year, not the act's)
    ("year", re.compile(rf"(?<![-–—\d])(?<![-–—]\s){YEAR}\s*г\.", re.I)),
    # a list's field, the verb's year right after it: "– sentenced 2021 after …", "arrested 2019;"
    ("year", re.compile(rf"(?<=[a-z]{{3}}ed ){YEAR}\b(?![-–.,]\s*\d)")),
    # Kazakh: a year alone, before its noun ("2023 жылы", "2015 жылдан бері"), not before a month or day (above)
    # (a code's year may follow: "2012 жылы 1997 жылғы Қылмыстық кодекстің …")
    ("year", re.compile(rf"\b{YEAR}\s+(?:ж(?:ылы|ылдан|ылға|\.)|j(?:yly|yldan|ylğa|\.))(?!\w)(?!\s+(?:\d(?!\d{{3}}\s)|{RU_MONTH}))", re.I)),
    # A day alone, its month the one last stated: "On the 12th", "12-го числа" (the 12th of that month); "в августе,
    # 10-го числа" is that day of the month just named
    ("day_only", re.compile(rf"\bon\s+the\s+(\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{MONTH})", re.I)),
    ("day_only", re.compile(r"(?<!\w)(\d{1,2})-?(?:го|е)\s+числа(?!\w)")),
]


# The words that lead a chronicle's paragraph: a Russian month in the nominative, a Kazakh month in any form.
LEAD_MONTH_WORD = re.compile("январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|"
                             + "|".join(f"(?:{pattern})" for pattern, _ in lexicon.table("months", "kk")))


def _month(name):
    name = name.lower().rstrip(".")
    if name in MONTHS:
        return MONTHS[name]
    for pattern, number in CYRILLIC_MONTHS:
        if pattern.match(name):
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


FUTURE_BEFORE = re.compile(r"(?<!\w)(?:will|would|may|might|could|shall|is due|are due|is set|are set|is expected|"
                           r"are expected|scheduled|planned|next)(?!\w)", re.I)
PLUPERFECT_BEFORE = re.compile(r"(?<!\w)(?:had|earlier|before|previously|ранее|до этого|бұрын)(?!\w)", re.I)
LAST_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?last\s+year(?!\w)", re.I)
# Kazakh puts a planned day's verb after it ("келесі отырыс 25 мамырда өтеді"): the rest of the sentence tells whether
# a year-less Kazakh day is to come (lexicon/kk/modifiers.tsv, future_after_date).
_KK_FUTURE = [row[1] for row in lexicon.table("modifiers", "kk") if row[0] == "future_after_date"]
KK_FUTURE_AFTER = re.compile(rf"(?<!\w)(?:{'|'.join(_KK_FUTURE)})(?!\w)", re.I) if _KK_FUTURE else None
KK_MONTH_WORD = re.compile(rf"(?<!\w){KK_MONTH}", re.I)
_RU_FUTURE = [row[1] for row in lexicon.table("modifiers", "ru") if row[0] == "future_in_sentence"]
RU_FUTURE = re.compile(rf"(?<!\w)(?:{'|'.join(_RU_FUTURE)})(?!\w)", re.I) if _RU_FUTURE else None


def _modifier(kind, after):
    """The lexicon rows of `kind` (every language) as one pattern: matched right after a date (`after`), or ending right
    before it."""
    rows = [row[1] for row in lexicon.table("modifiers") if row[0] == kind]
    if not rows:
        return None
    alternation = "|".join(f"(?:{row})" for row in rows)
    return re.compile(rf"(?:{alternation})(?!\w)" if after else rf"(?<!\w)(?:{alternation})\s+$", re.I)


# "on 5 March this year", "5 марта этого года", "осы жылғы 5 наурызда"; "in March of that year", "в марте того же
# года", "сол жылдың наурызында": words that name a year-less date's year (lexicon modifiers year_this_*, year_same_*)
YEAR_WORDS = {(kind, side): _modifier(f"year_{kind}_{side}", side == "after")
              for kind in ("this", "same") for side in ("after", "before")}


def _week_after(document_date):
    """The document's date a week on (a day's report may be dated a little before the events it announces)."""
    if len(document_date) != 10:
        return document_date
    return (datetime.date.fromisoformat(document_date) + datetime.timedelta(days=7)).isoformat()


CYRILLIC_WORD = re.compile(r"[а-яё]", re.I)
COMPARED_BEFORE = re.compile(r"(?<!\w)(?:as|like|unlike|than|compared (?:with|to)|similar to|как и|как и в|в отличие от)"
                             r"\s+(?:in\s+|в\s+)?$", re.I)


# A period a report sums up ("подвела итоги 2024 года и января 2025 года", "отчёт за март 2023 года") is the report's
# scope, not a day anything happened on: it dates no act and sets no year.
PERIOD_BEFORE = re.compile(r"(?<!\w)(?:итог\w*|обзор\w*|(?:отч[её]т\w*|доклад\w*|мониторинг\w*|хроник\w*|сводк\w*)\s+за)"
                           r"\s+(?:[\w.]+\s+){0,3}$", re.I)
PERIOD_JOIN = re.compile(r"\s+(?:(?:года|г\.)\s+)?(?:и|а также)\s+$", re.I)
# "до сентября 2025 года", "по 10 мая": the end of a term, not the narrative's time (sets no year).
BOUND_BEFORE = re.compile(r"(?<!\w)(?:до|по)\s+$", re.I)
# The same in English and Kazakh: "until 15 February 2025", "2025 жылғы 15 ақпанға дейін" (lexicon modifiers `until`,
# `until_after`): a planned end; "detained … on 15 February" after it keeps the year of the narrative.
UNTIL_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{row[1]})" for row in lexicon.table("modifiers")
                                                  if row[0] == "until") + r")\s+$", re.I)
UNTIL_AFTER = re.compile(r"\w{0,4}\s+(?:" + "|".join(f"(?:{row[1]})" for row in lexicon.table("modifiers")
                                                   if row[0] == "until_after") + r")(?!\w)", re.I)


# A state that has lasted since a year-less day up to the document ("Ноғаев 26 наурыздан бері үй қамағында отыр", "has
# been under house arrest since 26 March", "с 26 марта находится под домашним арестом"): the start is the latest such
# day before the document's date, whatever year the narrative before it was in (lexicon modifiers `since`,
# `since_after`, `present_since`; Kazakh: the sentence ends in a present state, `present_state_end`).
_SINCE_AFTER = [row[1] for row in lexicon.table("modifiers") if row[0] == "since_after"]
SINCE_AFTER_DATE = re.compile(rf"\s+(?:{'|'.join(_SINCE_AFTER)})(?!\w)", re.I) if _SINCE_AFTER else None
_SINCE_BEFORE = [row[1] for row in lexicon.table("modifiers") if row[0] == "since"]
SINCE_BEFORE_DATE = re.compile(rf"(?<!\w)(?:{'|'.join(_SINCE_BEFORE)})\s+$", re.I) if _SINCE_BEFORE else None
_PRESENT_SINCE = [row[1] for row in lexicon.table("modifiers") if row[0] == "present_since"]
PRESENT_SINCE = re.compile(rf"(?<!\w)(?:{'|'.join(_PRESENT_SINCE)})(?!\w)", re.I) if _PRESENT_SINCE else None
_PRESENT_END = [row[1] for row in lexicon.table("modifiers") if row[0] == "present_state_end"]
PRESENT_END = re.compile(rf"(?<!\w)(?:{'|'.join(_PRESENT_END)})[\W\d]*$", re.I) if _PRESENT_END else None


def _present_since(text, start, end):
    """Whether the year-less date at start..end opens a state that still holds when the text is written: Kazakh "…-нан
    бері/бастап … отыр" (the sentence's last predicate a present state), English "has been … since", Russian "с … находится"."""
    sentence_start = max(0, start - 200)
    before = re.split(r"[.!?;\n]\s", text[sentence_start:start])[-1]
    after = re.split(r"(?<=[.!?;])\s|\n", text[end:end + 200])[0]
    if SINCE_AFTER_DATE is not None and SINCE_AFTER_DATE.match(text, end) and KK_MONTH_WORD.search(text, start, end):
        return bool(PRESENT_END and PRESENT_END.search(after.rstrip(".!?;")))
    if SINCE_BEFORE_DATE is not None and SINCE_BEFORE_DATE.search(before) and PRESENT_SINCE is not None:
        return bool(PRESENT_SINCE.search(before) or PRESENT_SINCE.search(after))
    return False


# A Kazakh date inside a participle's phrase before a noun ("2022 жылғы қаңтар оқиғаларына қатысқан Х", "2024 жылғы
# қаңтарда жарияланған бір жазба"): the time of that phrase, not of the narrative — it sets no year for the year-less
# days after it (acts.context_date does not inherit it either).
# (Not when the phrase describes the act itself: "11 қазанда шыққан үкім", the verdict of 11 October.)
KK_ATTRIBUTIVE_DATE = re.compile(r"[^.!?\n\d]{0,40}?(?<!\w)[а-яёәғқңөұүһі]+(?:ған|ген|қан|кен)\s+"
                                 r"(?!(?:үкім|іс|сот|жаза|шешім|қамау|ұстау|тінту|айып)\w*)[^\W\d_]", re.I)
KK_DATE_WORD = re.compile(rf"{KK_YEAR_WORD}|{KK_MONTH}", re.I)
# (for the year: not a participle before a time noun, "18 наурызға қараған түні", "… өткен күні": the date names the
# time of the narrative itself)
# (nor past a clause's comma, "2022 жылғы 12 наурызда ұсталып, оған …", nor a pronoun in -ған: "оған", "бұған")
KK_ATTRIBUTIVE_NOT_TIME = re.compile(r"[^.!?\n\d,;]{0,40}?(?<!\w)(?!(?:о|со|бұ|осы|ма|са|сіз)ған(?!\w))"
                                     r"[а-яёәғқңөұүһі]+(?:ған|ген|қан|кен)\s+"
                                     r"(?!(?:үкім|іс|сот|жаза|шешім|қамау|ұстау|тінту|айып|түн|күн|кез|уақыт|сәт|"
                                     r"апта|ай|жыл)\w*)[^\W\d_]", re.I)


def _preposition_nakanune(text, m):
    """"накануне выборов", "накануне объявленных акций": a preposition before a genitive (the day before an event
    not dated here), not the adverb "the day before"."""
    from qorgau.lib.morphology import genitive_not_nominative
    if m.group().strip().lower() != "накануне":
        return False
    after = re.match(r"\s+([а-яё]+)", text[m.end():m.end() + 40])
    return bool(after) and genitive_not_nominative(after.group(1))


def find_dates(text, document_date=""):
    """All dates in the text, in order, each resolved to a partial ISO date."""
    found = []
    # Without a date of its own, a year-less date takes the year of the text before it, else the document's,
    # else the first year the document states anywhere (an Urgent Action gives its issue date at the end).
    first_year = re.search(rf"\b{YEAR}\b", text)
    context_year = document_date[:4] if document_date else (first_year.group(1) if first_year else "")
    covered = bytearray(len(text) + 1)  # characters a date found earlier already covers
    for name, pattern in PATTERNS:
        scan = RELATIVE_BRANCHES if pattern is RELATIVE else led(pattern)
        for m in scan.finditer(text):   # the same matches, found faster (qorgau/lib/prefilter.py)
            if any(covered[m.start():m.end()]):
                continue
            found.append((m.start(), m.end(), name, m))
            covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    found.sort()
    results = []
    swallowed = 0
    restore_year = None  # (year, position): the narrative's year, back after a flashback's paragraph ends
    lead = None  # (year, month) of the last month leading a chronicle's paragraph ("Қаңтар. …", "Январь. …")
    for start, end, name, m in found:
        if start < swallowed:
            continue
        if restore_year is not None and start >= restore_year[1]:
            context_year, restore_year = restore_year[0], None
        g = m.groups()
        value = value_end = ""
        how = "explicit"
        if name == "dotted_range":
            if _valid(g[3], g[2], g[0]) and _valid(g[3], g[2], g[1]):
                value, value_end = _iso(g[3], g[2], g[0]), _iso(g[3], g[2], g[1])
        elif name == "dotted":
            if _valid(g[2], g[1], g[0]):
                value = _iso(g[2], g[1], g[0])
        elif name == "dotted_month":
            value = _iso(g[1], g[0])
        elif name == "dotted_month_range":
            if int(g[0]) < int(g[1]):
                value, value_end = _iso(g[2], g[0]), _iso(g[2], g[1])
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
        elif name == "kk_year_day_range":
            month = _month(g[3])
            if month and _valid(g[0], month, g[1]) and _valid(g[0], month, g[2]) and int(g[1]) < int(g[2]):
                value, value_end = _iso(g[0], month, g[1]), _iso(g[0], month, g[2])
        elif name == "ru_day_range":
            month = _month(g[2])
            year = g[3] or context_year
            how = "explicit" if g[3] else "year_from_context"
            if month and year and _valid(year, month, g[0]) and _valid(year, month, g[1]) and int(g[0]) < int(g[1]):
                value, value_end = _iso(year, month, g[0]), _iso(year, month, g[1])
        elif name == "ru_day_month_comma_year":
            if _month(g[1]) and _valid(g[2], _month(g[1]), g[0]):
                value = _iso(g[2], _month(g[1]), g[0])
        elif name == "kk_year_day_month":
            if _month(g[2]) and _valid(g[0], _month(g[2]), g[1]):
                value = _iso(g[0], _month(g[2]), g[1])
        elif name == "kk_year_month_day":
            if _month(g[1]) and _valid(g[0], _month(g[1]), g[2]):
                value = _iso(g[0], _month(g[1]), g[2])
        elif name == "ru_ordinal_day_month":
            day = next((n for pattern, n in ORDINAL_DAYS if pattern.match(re.sub(r"\s+", " ", g[0]))), None)
            month, year = _month(g[1]), g[2] or context_year
            how = "explicit" if g[2] else "year_from_context"
            if day and month and year and _valid(year, month, day):
                value = _iso(year, month, day)
        elif name == "month_day_heading":
            month = _month(g[0] or g[1])
            if context_year and month and _valid(context_year, month, g[2]):
                value, how = _iso(context_year, month, g[2]), "year_from_context"
        elif name == "month_lead":
            month = _month(g[0] or g[1])
            if g[0] and not LEAD_MONTH_WORD.fullmatch(g[0].lower()):
                continue  # (a Russian month in another case, "Мая.", "Марте:", heads no paragraph)
            if context_year and month:
                # A chronicle's months are of its own year: a year stated inside one month's paragraph ("2021 жылғы
                # қазанда сотталған …", a flashback) does not carry to the next month's; months that go back ("…
                # Желтоқсан. … Қаңтар.") are of the next year, when that year is not past the document's.
                if lead is not None and month:
                    rolled = month < lead[1] and (not document_date[:4] or int(lead[0]) < int(document_date[:4]))
                    context_year = str(int(lead[0]) + 1) if rolled else lead[0]
                    restore_year = None
                lead = (context_year, month)
                value, how = _iso(context_year, month), "year_from_context"
        elif name == "kk_month_day":
            month = _month(g[0])
            if context_year and month and _valid(context_year, month, g[1]):
                value, how = _iso(context_year, month, g[1]), "year_from_context"
        elif name == "kk_year_month":
            if _month(g[1]):
                value = _iso(g[0], _month(g[1]))
        elif name == "relative":
            if _preposition_nakanune(text, m):
                continue
            if results and len(results[-1].value) == 10 and results[-1].how != "document" and \
                    WEEKDAY_WORD.search(m.group()) and re.fullmatch(r"[\s,(]{1,3}(?:a\s+)?", text[results[-1].end:start]):
                # "14 августа, в пятницу", "on 14 August, a Friday": the weekday names the day just written (the dates
                # counted after it, "В тот же день", count from that day, not from the weekday counted back from
                # the document's date)
                continue
            value, value_end, how = _relative(m, results, document_date[:4] or context_year, document_date)
        elif name in {"kk_bare_month", "kk_part_month"}:
            if context_year and _month(g[0]):
                value, how = _iso(context_year, _month(g[0])), "year_from_context"
        elif name == "ru_month_year":
            if _month(g[0]):
                value = _iso(g[1], _month(g[0]))
        elif name == "part_month_year":
            value = _iso(g[2], _month(g[1]))
        elif name == "month_year":
            value = _iso(g[1], _month(g[0]))
        elif name == "month_day":
            month = _month(g[0])
            if context_year and month and _valid(context_year, month, g[1]):
                value, how = _iso(context_year, month, g[1]), "year_from_context"
        elif name == "day_of_month":
            year = g[2] or context_year
            how = "explicit" if g[2] else "year_from_context"
            if year and _month(g[1]) and _valid(year, _month(g[1]), g[0]):
                value = _iso(year, _month(g[1]), g[0])
        elif name in {"day_month", "ru_day_month"}:
            month = _month(g[1])
            year = context_year
            last = results[-1] if results else None
            if last is not None and last.how == "relative" and len(last.value) == 7 and month \
                    and int(last.value[5:7]) == month and "\n\n" not in text[last.end:start]:
                year = last.value[:4]  # "В октябре прошлого года … 22 октября …": a day of that month
            elif _apposed(text, last, start, month, g[0]):
                year = last.value[:4]  # "Днем ранее, 10 августа", "the day before, 10 August": that counted day
            if year and month and _valid(year, month, g[0]):
                value, how = _iso(year, month, g[0]), "year_from_context"
        elif name in {"bare_month", "ru_bare_month"}:
            if context_year and _month(g[0]):
                value, how = _iso(context_year, _month(g[0])), "year_from_context"
        elif name == "ru_part_month":
            if context_year and _month(g[0]):
                value, how = _iso(context_year, _month(g[0])), "year_from_context"
        elif name == "part_month":
            if context_year and _month(g[1]):
                value, how = _iso(context_year, _month(g[1])), "year_from_context"
        elif name in {"year", "part_year"}:
            value = _iso(g[0])
        elif name == "day_only":
            last = next((r for r in reversed(results) if len(r.value) >= 7 and r.how != "period"), None)
            day = g[0]
            if last is not None and "\n\n" not in text[last.end:start] and _valid(last.value[:4], last.value[5:7], day):
                value, how = _iso(last.value[:4], last.value[5:7], day), "day_of_month"
                if last is results[-1] and len(last.value) == 7 and re.fullmatch(r"\s*,?\s*", text[last.end:start]):
                    # "в августе, 10-го числа": one date, that day of the month just named
                    results.pop()
                    start = last.start
        said_year = _year_said(text, start, end, results, document_date) if value and how == "year_from_context" \
            else None
        if not said_year and value and how == "year_from_context" and len(document_date) >= 7 \
                and _present_since(text, start, end):
            year = int(document_date[:4]) - (1 if value[5:] > document_date[5:len(value)] else 0)
            said_year = (str(year), end)
            # (the text has come up to its present: the year-less days after it are of that year too)
            context_year, restore_year = str(year), None
        if said_year:
            year, said_end = said_year
            value, value_end = year + value[4:], (year + value_end[4:] if value_end else "")
            swallowed = max(swallowed, said_end)
        elif value and how == "year_from_context" and document_date[:4]:
            # "in May last year", "on 3 May of last year": the year-less date is of the year before the document's
            # (and "last year" is no date of its own here).
            last_year = LAST_YEAR_AFTER.match(text, end)
            if last_year:
                value = str(int(document_date[:4]) - 1) + value[4:]
                value_end = str(int(document_date[:4]) - 1) + value_end[4:] if value_end else ""
                swallowed = last_year.end()
            elif any(len(r.value) >= 7 and r.value[:4] == value[:4] and r.value[5:7] > value[5:7]
                     and r.how in {"explicit", "year_from_context"} for r in results if r.end > start - 600) and \
                    int(value[:4]) < int(document_date[:4]) and \
                    not PLUPERFECT_BEFORE.search(text[max(0, start - 120):start].split(".")[-1]):
                # The narrative runs on into the next year: "… in December; … seized him on January 6" (unless the
                # sentence steps back: "he had been detained on 3 March").
                year = str(int(value[:4]) + 1)
                value, value_end = year + value[4:], (year + value_end[4:] if value_end else "")
            elif value[:4] == document_date[:4] and len(document_date) >= 7 and (
                    not name.startswith(("ru_", "kk_")) or _kazakh_past_day(text, m, end)
                    or _russian_past_day(text, m, start, end)) \
                    and value[:len(document_date)] > _week_after(document_date)[:len(value)] and \
                    not FUTURE_BEFORE.search(re.split(r"[.!?\n]", text[max(0, start - 150):start])[-1]):
                # A year-less day after the document's own date: the last such day before it ("Their trial opened
                # on November 29" in a January report).
                year = str(int(value[:4]) - 1)
                value, value_end = year + value[4:], (year + value_end[4:] if value_end else "")
        if value and len(value) == 10 and how == "year_from_context" and document_date[:4]:
            value, value_end = _weekday_year(text, start, value, value_end, document_date)
        if value and CYRILLIC_WORD.search(text[max(0, start - 40):start]) and (
                PERIOD_BEFORE.search(text, _line_or_sentence_start(text, start, 60), start) or (
                    results and results[-1].how == "period" and PERIOD_JOIN.fullmatch(text, results[-1].end, start))):
            results.append(DateRef(start, end, text[start:end], value=value, value_end=value_end, how="period"))
            continue
        if value:
            # A year alone inside a clause ("over things he said in 2021") is a reference, not the narrative's
            # time: only a year heading its sentence ("In 2021, …") sets the year of the dates after it.
            heads = len(value) != 4 or len(re.split(r"[.!?;\n]", text[max(0, start - 60):start])[-1].split()) <= 2
            # "As in 2023, the run-up to Republic Day brought …": a year compared with is not the narrative's.
            heads = heads and not COMPARED_BEFORE.search(text, max(0, start - 25), start)
            heads = heads and not (CYRILLIC_WORD.search(text[max(0, start - 40):start])
                                   and BOUND_BEFORE.search(text, max(0, start - 6), start))
            heads = heads and not UNTIL_BEFORE.search(text, max(0, start - 12), start) \
                and not UNTIL_AFTER.match(text, end)
            heads = heads and not (KK_DATE_WORD.search(m.group()) and KK_ATTRIBUTIVE_NOT_TIME.match(text, end))
            if how == "explicit" and heads and lead is not None and _alone_on_line(text, start, end):
                lead = (value[:4], 0)  # a heading year ("2023", "2023 жыл") opens the chronicle's next year
            if how == "explicit" and heads:
                if _flashback(text, start):
                    # "Ранее, в августе 2019 года, …", "Earlier, in August 2019, she had …", "Бұған дейін, 2019
                    # жылғы тамызда, …": a flashback's year holds to the end of its paragraph; the next paragraph is
                    # back in the narrative's year
                    paragraph_end = text.find("\n\n", end)
                    restore_year = restore_year or (context_year, len(text) if paragraph_end < 0 else paragraph_end)
                else:
                    restore_year = None
                context_year = value[:4]
            results.append(DateRef(start, end, text[start:end], value=value, value_end=value_end, how=how))
    # "В субботу, 4 марта 2023 года", "on Tuesday, 1 October": the weekday names the date written after it, which
    # says more (the weekday alone counts back from the document's date, and may land a week off).
    results = [r for r in results if r.how != "period"]
    return [r for i, r in enumerate(results) if not (
        r.how == "document" and i + 1 < len(results) and len(results[i + 1].value) == 10
        and results[i + 1].how != "document" and re.fullmatch(r"[\s,]{0,3}", text[r.end:results[i + 1].start])
        and WEEKDAY_WORD.search(r.text))]


def _alone_on_line(text, start, end):
    """The date is its line's only words (a heading), but for marks and a word for "year"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start:start] + " " + text[end:line_end]
    return not re.sub(r"(?i)[\s#*.:,–—-]|\b(?:год|года|year|жыл)\b", "", rest)


def _line_or_sentence_start(text, start, reach):
    """Where the line or sentence that holds `start` begins, at most `reach` characters back ("Итоги года ¶ 2 марта …":
    a heading's words are not the words before the date)."""
    stop = text.rfind(". ", 0, start)
    return max(start - reach, 0, text.rfind("\n", 0, start) + 1, stop + 2 if stop >= 0 else 0)


FLASHBACK = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{row[1]})" for row in lexicon.table("modifiers")
                                                if row[0] == "background")
                       + r"|earlier|previously|ранее|раньше|бұрын)(?!\w)", re.I)


def _flashback(text, start):
    """Whether the date at `start` stands in a sentence that opens a flashback (lexicon modifiers `background`:
    "Ранее", "Earlier", "Before that", "Бұған дейін") before the date."""
    sentence = re.split(r"[.!?\n]\s", text[max(0, start - 120):start])[-1]
    return bool(FLASHBACK.search(sentence))


def _apposed(text, last, start, month, day):
    """The year-less day names the day a relative phrase right before it counted ("Днем ранее, 10 августа", "the day
    before, 10 August", "келесі күні, 5 наурызда"): the same month and day, only a comma or a dash between."""
    return last is not None and last.how == "relative" and len(last.value) == 10 and bool(month) \
        and int(last.value[5:7]) == month and int(last.value[8:10]) == int(day) \
        and bool(re.fullmatch(r"\s*[,—–-]?\s*", text[last.end:start]))


def _year_said(text, start, end, results, document_date):
    """(year, end of the words) when words next to a year-less date name its year: "this year" (the document's year),
    "of that year", "того же года", "сол жылғы" (the year of the date told last before it); else None."""
    for kind in ("this", "same"):
        after = YEAR_WORDS[(kind, "after")] and YEAR_WORDS[(kind, "after")].match(text, end)
        before = YEAR_WORDS[(kind, "before")] and YEAR_WORDS[(kind, "before")].search(text, max(0, start - 30), start)
        if not (after or before):
            continue
        if kind == "this":
            year = document_date[:4]
        else:
            year = next((r.value[:4] for r in reversed(results) if len(r.value) >= 4), "")
        if year:
            return year, (after.end() if after else end)
    return None


def _russian_past_day(text, m, start, end):
    """A Russian day or month without its year ("2 марта суд приговорил …") in a text dated before that day of its own
    year: of the year before, as in English and Kazakh, unless its sentence tells of something to come ("заседание
    назначено на 25 мая", lexicon/ru future_in_sentence) or it ends a term ("до 15 мая")."""
    if RU_FUTURE is None or KK_MONTH_WORD.search(m.group()) or not CYRILLIC_WORD.search(m.group()):
        return False
    if BOUND_BEFORE.search(text, max(0, start - 6), start):
        return False
    before = re.split(r"[.!?\n]", text[max(0, start - 200):start])[-1]
    after = re.split(r"[.!?\n]", text[end:end + 300])[0]
    return not RU_FUTURE.search(before) and not RU_FUTURE.search(after)


def _kazakh_past_day(text, m, end):
    """A Kazakh day without its year ("21 желтоқсанда сот … қамады") in a text dated before that day of its own year:
    a day of the year before, as in English, unless its sentence tells of something to come ("… 25 мамырда өтеді")."""
    if KK_FUTURE_AFTER is None or not KK_MONTH_WORD.search(m.group()):
        return False
    rest = re.split(r"[.!?\n]", text[end:end + 300])[0]
    return not KK_FUTURE_AFTER.search(rest)


def _count(text):
    text = (text or "").lower()
    if text.isdigit():
        return int(text)
    return int(NUMBER_WORDS.get(text, 0)) or None


WEEKDAYS = {name: i for names in (["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
                                  ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"],
                                  ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"])
            for i, name in enumerate(names)}


WEEKDAY_WORD = re.compile("|".join(WEEKDAYS), re.I)
WEEKDAY_BEFORE = re.compile(rf"(?<!\w)({'|'.join(WEEKDAYS)}),?\s+(?:the\s+)?$", re.I)


def _weekday_year(text, start, value, value_end, document_date):
    """A year-less day written with its weekday ("on Sunday, 3 July") is of the document's year, or the one before,
    when that year's calendar agrees, whatever year the narrative suggests (a flashback's "in October 2016")."""
    weekday = WEEKDAY_BEFORE.search(text, max(0, start - 15), start)
    if not weekday:
        return value, value_end
    wanted = WEEKDAYS[weekday.group(1).lower()]

    def agrees(year):
        try:
            return datetime.date(int(year), int(value[5:7]), int(value[8:10])).weekday() == wanted
        except ValueError:
            return False
    # (a weekday is how one names a day of the last days: the document's year first)
    for year in (int(document_date[:4]), int(document_date[:4]) - 1):
        if agrees(year) and f"{year}{value[4:]}" <= _week_after(document_date):
            return f"{year}{value[4:]}", (f"{year}{value_end[4:]}" if value_end else "")
    return value, value_end


def _relative(m, results, context_year, document_date=""):
    """(value, value_end, how) of a relative phrase: days from the last dated day before it, "last year" from the
    document's year (else the year of the text around it), a season from the year written with it."""
    index = next(int(name[1:]) for name, value in m.groupdict().items() if value and re.fullmatch(r"r\d+", name))
    _, unit, offset = _RELATIVE_ROWS[index]
    groups = {k.rsplit("_", 1)[0]: v for k, v in m.groupdict().items() if v and k.endswith(f"_{index}")}
    if unit == "season":
        season, year = groups.get("season"), groups.get("year")
        if not season or not year or season.lower() not in SEASONS:
            return "", "", ""
        first, last = SEASONS[season.lower()]
        end_year = int(year) + 1 if last < first else int(year)
        return _iso(year, first), _iso(end_year, last), "explicit"
    if unit == "season_last_year":  # "осенью прошлого года": that season of the year before the document's
        season = (groups.get("season") or "").lower()
        if season not in SEASONS or not context_year:
            return "", "", ""
        first, last = SEASONS[season]
        year = int(context_year) - 1
        return _iso(year, first), _iso(year + 1 if last < first else year, last), "explicit"
    if unit == "year":
        return (str(int(context_year) + int(offset)), "", "relative") if context_year else ("", "", "")
    if unit == "doc_month":  # "өткен айда" (last month): from the document's month
        if len(document_date) < 7:
            return "", "", ""
        year, month = int(document_date[:4]), int(document_date[5:7]) + int(offset)
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return _iso(year, month), "", "document"
    if unit == "past_month":  # "last September": the latest such month before the document's own month
        month = _month(groups.get("month", ""))
        if not month or len(document_date) < 7:
            return "", "", ""
        year = int(document_date[:4]) - (1 if month >= int(document_date[5:7]) else 0)
        return _iso(year, month), "", "document"
    if unit == "this_year":  # "биылғы 12 ақпанда": the document's year, and the year of the dates after it
        return (context_year, "", "explicit") if context_year else ("", "", "")
    if unit == "day_last_year":  # "22 июня прошлого года"
        month = _month(groups.get("month", ""))
        day = int(groups.get("day", 0) or 0)
        year = int(context_year) - 1 if context_year else 0
        return (_iso(year, month, day), "", "relative") if month and year and _valid(year, month, day) \
            else ("", "", "")
    if unit in {"month_last_year", "month_of_year"}:  # "былтыр мамырда" (offset -1), "биылғы қаңтарда" (offset 0)
        month = _month(groups.get("month", "")) or _month(groups.get("month2", ""))
        shift = int(offset) if unit == "month_of_year" else -1
        return (_iso(int(context_year) + shift, month), "", "relative") if month and context_year else ("", "", "")
    if unit in {"doc_day", "weekday"}:
        # "today", "yesterday", "on Tuesday": from the document's own date (a news item's day)
        if len(document_date) != 10:
            return "", "", ""
        day = datetime.date.fromisoformat(document_date)
        if unit == "weekday":
            weekday = WEEKDAYS.get(groups.get("weekday", "").lower())
            if weekday is None:
                return "", "", ""
            back = (day.weekday() - weekday) % 7
            # "в минувший понедельник" (offset -1) is never the item's own day: a week back when the days coincide
            day -= datetime.timedelta(days=back or (7 if offset == "-1" else 0))
        else:
            day += datetime.timedelta(days=int(offset))
        return day.isoformat(), "", "document"
    # The anchor: the last day stated before (not one counted from another, nor a state's start, "since 2 May", nor a
    # day planned or ending a period, "the protests called for 21 May", "until 3 June").
    # Nor a photo caption's day ("Фото: А у суда, 19 января 2025 года"): when the picture was taken, not the story's.
    anchor = next((r for r in reversed(results) if len(r.value) == 10 and r.how != "relative"
                   and not re.search(r"(?<!\w)(?:since|с|from|бері|(?:called|planned|scheduled|set|due) for|until|till|до)\s+$",
                                    m.string[max(0, r.start - 16):r.start], re.I)
                   and not _in_caption(m.string, r.start)),
                  None)
    if anchor is None and len(document_date) == 10 and not any(r.how != "relative" and not _in_caption(m.string, r.start)
                                                               for r in results):
        # "Накануне утром её вызвали в полицию" at the start of a news item: the day before the item's own date.
        # Not once the text has named its own time ("2016 жылдың көктемінде … төрт күн бұрын"): counted from a
        # month or a season, the day is unknown.
        anchor = DateRef(0, 0, "", value=document_date, how="document")
    if anchor is None:
        return "", "", ""
    count = _count(groups.get("n") or groups.get("n2")) if offset.endswith("n") else int(offset)
    if count is None:
        return "", "", ""
    if _heads_entry(m.string, anchor, m.start()):
        # A chronicle's entry under its own dated heading ("Январь, 20 ¶ На следующий день после ареста Б. …",
        # "21 May ¶ Two days after the picket …"): the heading is the day counted to, the count tells from what.
        return anchor.value, "", "relative"
    days = -count if offset.startswith("-") and offset.endswith("n") else count
    if unit == "counted":  # the word after the count: days, weeks or months ("two weeks later", "через два месяца")
        word = (groups.get("u") or "").lower()
        unit = "week" if word.startswith(("week", "недел", "апта")) else \
            "month" if word.startswith(("month", "месяц")) or word == "ай" else \
            "year" if word.startswith(("year", "жыл")) else "day"
    if unit == "year":  # "бір жыл бұрын", "a year earlier": that year, its day unknown
        return str(int(anchor.value[:4]) + days), "", "relative"
    if unit == "month":
        # "a month later", "через два месяца", "бір айдан кейін": the month that many months on — its day unknown
        year, month = int(anchor.value[:4]), int(anchor.value[5:7]) + days
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return _iso(year, month), "", "relative"
    if unit == "week":  # "two weeks later", "через три недели", "екі аптадан кейін"
        days *= 7
    day = datetime.date.fromisoformat(anchor.value) + datetime.timedelta(days=days)
    return day.isoformat(), "", "relative"


ABBREVIATION = re.compile(r"(?<!\w)\w{1,3}\.")


def _heads_entry(string, anchor, position):
    """The anchor is a line of its own (a dated heading: nothing but the date on its line) and the phrase at
    `position` is in the first sentence after it, within the same entry (no blank line, no sentence end between;
    a source line such as "Журналист А (г. Алматы)" may stand between)."""
    if not anchor.text:
        return False
    line_start = string.rfind("\n", 0, anchor.start) + 1
    line_end = string.find("\n", anchor.end)
    line_end = len(string) if line_end < 0 else line_end
    if string[line_start:anchor.start].strip() or string[anchor.end:line_end].strip(" \t.,:"):
        return False
    between = string[line_end:position]
    return "\n\n" not in between.strip("\n") and not re.search(r"[.!?](?=\s)", ABBREVIATION.sub("", between))


# A photo caption's line: "Фото: …", "На фото: …", "Photo: …", "Сурет: …", "… Фото из соцсетей".
CAPTION_LINE = re.compile(r"\s*(?:На фото|Фото|Фотография|Photo|Сурет(?:те)?)(?:\s*:|\s+[—–-]|\s+из\s)|.*(?:Фото|Photo)(?:\s+из\s+\w+|:\s*[^.]{0,60})\s*$",
                          re.I)


def _in_caption(string, position):
    line_start = string.rfind("\n", 0, position) + 1
    line_end = string.find("\n", position)
    return bool(CAPTION_LINE.match(string[line_start:len(string) if line_end < 0 else line_end]))
