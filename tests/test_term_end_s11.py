"""Session 11, issue 11 (dating): the end of a term is not the day of the act. "Extended the detention … until 15 March",
"арестован до 15 марта", "15 наурызға дейін қамауға алды" tell when the custody is to end; the act (the order, the
arrest, the court's days) happened on another day — the one the text gives for it, or none it states. Sentences built
from parts: language × voice (active, passive, relative clause) × act (detention extended, arrest ordered, days of
administrative arrest) × with and without the order's own day."""

import itertools

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.records.models.acts import GROUP_OF

PUBLISHED = "2025-01-28"
ORDER_DAY = "2025-01-27"
# (the order's day: before the sentence, or inside the relative clause)
ORDER = {"en": ("On 27 January 2025 ", "on 27 January 2025 "), "ru": ("27 января 2025 года ", "27 января 2025 года "),
         "kk": ("2025 жылғы 27 қаңтарда ", "")}
# (act, voice) -> (frame, the term's end). {D}: the order's day opening the sentence; {on}: inside a relative clause.
FRAMES = {
    "en": {
        ("extend", "active"): "{D}the Almaty court extended the pre-trial detention of Marat Kunaev until {E}.",
        ("extend", "passive"): "{D}the pre-trial detention of Marat Kunaev was extended until {E}.",
        ("extend", "relative"): "Marat Kunaev, whose pre-trial detention was extended {on}until {E}, refused to testify.",
        ("arrest", "active"): "{D}a court ordered the arrest of Marat Kunaev until {E}.",
        ("arrest", "passive"): "{D}Marat Kunaev was placed under arrest until {E}.",
        ("arrest", "relative"): "Marat Kunaev, who was placed under arrest {on}until {E}, denied the charges.",
        ("days", "active"): "{D}a court sentenced Marat Kunaev to 15 days of administrative arrest, until {E}.",
        ("days", "passive"): "{D}Marat Kunaev was sentenced to 15 days of administrative arrest, till {E}.",
        ("days", "relative"): "Marat Kunaev, who was sentenced {on}to 15 days of administrative arrest up to {E}, "
                              "went on hunger strike.",
    },
    "ru": {
        ("extend", "active"): "{D}суд продлил срок содержания под стражей Марата Кунаева до {E}.",
        ("extend", "passive"): "{D}срок содержания под стражей Марата Кунаева был продлён до {E}.",
        ("extend", "relative"): "Марат Кунаев, которому {on}продлили срок содержания под стражей до {E}, объявил "
                                "голодовку.",
        ("arrest", "active"): "{D}суд арестовал Марата Кунаева до {E}.",
        ("arrest", "passive"): "{D}Марат Кунаев был арестован до {E}.",
        ("arrest", "relative"): "Марат Кунаев, который {on}был арестован до {E}, не признал вину.",
        ("days", "active"): "{D}суд приговорил Марата Кунаева к 15 суткам административного ареста — по {E}.",
        ("days", "passive"): "{D}Марат Кунаев был приговорён к 15 суткам административного ареста — по {E}.",
        ("days", "relative"): "Марат Кунаев, которого {on}приговорили к 15 суткам административного ареста до {E}, "
                              "объявил голодовку.",
    },
    "kk": {
        ("extend", "active"): "{D}сот Марат Құнаевтың қамауда ұстау мерзімін {E} дейін ұзартты.",
        ("extend", "passive"): "{D}Марат Құнаевтың қамауда ұстау мерзімі {E} дейін ұзартылды.",
        ("extend", "relative"): "{D}қамауда ұстау мерзімі {E} дейін ұзартылған Марат Құнаев аштық жариялады.",
        ("arrest", "active"): "{D}сот Марат Құнаевты {E} дейін қамауға алды.",
        ("arrest", "passive"): "{D}Марат Құнаев {E} дейін қамауға алынды.",
        ("arrest", "relative"): "{D}{E} дейін қамауға алынған Марат Құнаев кінәсін мойындамады.",
        ("days", "active"): "{D}сот Марат Құнаевты {E} дейін 15 тәулікке әкімшілік қамауға алды.",
        ("days", "passive"): "{D}Марат Құнаев {E} шейін 15 тәулікке әкімшілік қамауға алынды.",
        ("days", "relative"): "{D}{E} дейін 15 тәулікке қамалған Марат Құнаев аштық жариялады.",
    },
}
# The term's end, with and without its year (a year-less day takes the year of the text or the document).
ENDS = {"en": [("15 March 2025", "2025-03-15"), ("11 February", "2025-02-11")],
        "ru": [("15 марта 2025 года", "2025-03-15"), ("11 февраля", "2025-02-11")],
        "kk": [("2025 жылғы 15 наурызға", "2025-03-15"), ("2025 жылғы 11 ақпанға", "2025-02-11")]}
GROUP = {"extend": "DEPRIVATION", "arrest": "DEPRIVATION", "days": "DEPRIVATION"}


def _acts(text):
    found = find_acts(text, find_persons(text), find_dates(text, PUBLISHED), find_provisions(text),
                      published=PUBLISHED)
    return [(p.act_type, p.date) for p in found if p.kind == "act" and p.victims]


def _built():
    for language, frames in FRAMES.items():
        for ((act, voice), frame), (end_text, end_value), dated in itertools.product(
                frames.items(), ENDS[language], (True, False)):
            opening, inside = ORDER[language]
            if voice == "relative" and inside:  # the order's day inside the relative clause
                text = frame.format(D="", on=inside if dated else "", E=end_text)
            else:
                text = frame.format(D=opening if dated else "", on="", E=end_text)
            yield language, act, voice, dated, text[0].upper() + text[1:], end_value


def test_the_end_of_a_term_is_never_the_acts_day():
    checked = 0
    for language, act, voice, dated, text, end_value in _built():
        found = _acts(text)
        deprivations = [date for act_type, date in found if GROUP_OF.get(act_type) == GROUP[act]]
        assert deprivations, (text, found)
        # neither the term's end nor its month (the document's month, 2025-01, is another)
        assert not any(date in {end_value, end_value[:7]} for _, date in found), (text, found)
        if dated:
            assert ORDER_DAY in deprivations, (text, found)  # the order's own day
        checked += 1
    assert checked == 108
    # and only that: the act's own day beside a term's end is kept (checked together, so that leaving every act of
    # such a sentence undated cannot pass)
    _the_acts_own_day_beside_a_terms_end_is_kept()


def _the_acts_own_day_beside_a_terms_end_is_kept():
    text = "Марат Кунаев был задержан 3 марта 2025 года и арестован до 15 марта 2025 года."
    assert ("detained", "2025-03-03") in _acts(text), _acts(text)
    text = "On 3 March 2025 Marat Kunaev was detained; he is to be held until 15 March 2025."
    assert ("detained", "2025-03-03") in _acts(text), _acts(text)


def test_a_term_end_does_not_move_the_narratives_day():
    """An undated act after a sentence that names only a term's end does not take that end as the day the narrative
    has reached."""
    text = ("On 27 January 2025 the court extended the pre-trial detention of Marat Kunaev until 15 March 2025.\n\n"
            "His lawyer said Marat Kunaev was beaten in custody.")
    assert not any(date.startswith("2025-03") for _, date in _acts(text)), _acts(text)
