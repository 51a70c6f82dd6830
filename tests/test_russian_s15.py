"""Session 15 (h25-ru2): Russian acts on unseen text, by mechanism, generated over shapes (docs/documents.md,
"Session 15 (h25-ru2)").

1. An aside on who tells it ("Аян, как напомнили выступавшие, в апреле 2018 года вышел по УДО, а Бокаев …") is no
   "how"-clause of a speaker: the name before it is the act's subject, not the person named after the trigger. The
   sibling ("А рассказал, как полиция задержала Б") still gives the act to Б.
2. An extension of custody with a day of its own ("5 марта Ержанову продлили содержание под стражей ещё на два месяца")
   is a second pre-trial detention of that day, as the golds annotate it; told without a day ("продлил … до 5 июня")
   it is still an act, undated (the lead's choice at merge: tests/test_term_end_s11.py).
"""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.records.models.acts import GROUP_OF

PUBLISHED = "2024-05-20"

# Two pairs of persons: a man and a woman each, full name then the family name alone, in the cases the frames need.
PAIRS = [
    (dict(nom="Ерлан Оспанов", short="Оспанов", acc="Ерлана Оспанова", dat="Ерлану Оспанову", g=""),
     dict(nom="Алия Серикова", short="Серикова", acc="Алию Серикову", dat="Алии Сериковой", g="а")),
    (dict(nom="Динара Ахметова", short="Ахметова", acc="Динару Ахметову", dat="Динаре Ахметовой", g="а"),
     dict(nom="Марат Жумабеков", short="Жумабеков", acc="Марата Жумабекова", dat="Марату Жумабекову", g="")),
]

ASIDES = ["как напомнили выступавшие", "как сообщили в полиции", "как пишет местная газета", "как стало известно",
          "как рассказал его адвокат", "как уже сообщалось", "как отметили правозащитники"]
# (act group, the first person's clause with {g} for the feminine ending, the second person's clause)
CLAUSES = [
    ("RELEASE", "в апреле 2023 года вышл{g2} на свободу условно-досрочно", "{b} до сих пор находится в колонии"),
    ("RELEASE", "в апреле 2023 года освобожден{a} по УДО", "{b} остаётся в колонии"),
    ("DEPRIVATION", "12 марта 2023 года был{g} задержан{a} в Алматы", "{b} в тот день был{gb} на работе"),
    ("PENALTY", "12 марта 2023 года был{g} оштрафован{a}", "{b} в тот день был{gb} в отъезде"),
]


def _acts(text):
    return find_acts(text, find_persons(text), find_dates(text, PUBLISHED), find_provisions(text), published=PUBLISHED)


def _victims_of(text, group):
    return {p.victims[0] for p in _acts(text) if p.victims and GROUP_OF.get(p.act_type, "") == group}


def _aside_cases():
    for a, b in PAIRS:
        for aside in ASIDES:
            for group, clause, other in CLAUSES:
                first = clause.format(g=a["g"], a=a["g"], g2="а" if a["g"] else "е")
                if not a["g"]:
                    first = first.replace("вышле", "вышел")
                second = other.format(b=b["short"], gb=b["g"])
                text = (f"{a['nom']} и {b['nom']} — активисты из Атырау. "
                        f"{a['short']}, {aside}, {first}, а {second}.")
                yield pytest.param(text, group, a["nom"], b["nom"], id=f"{a['short']}-{aside[4:14]}-{group}")


@pytest.mark.parametrize("text,group,victim,other", list(_aside_cases()))
def test_an_aside_on_who_tells_it_leaves_the_act_to_the_name_before_it(text, group, victim, other):
    victims = _victims_of(text, group)
    assert victim in victims and other not in victims, (text, victims)


@pytest.mark.parametrize("a,b", PAIRS)
@pytest.mark.parametrize("verb", ["рассказал{g}, как", "рассказал{g}, что", "сообщил{g}, как"])
def test_a_speaker_telling_how_someone_was_detained_is_no_victim(a, b, verb):
    text = f"{a['nom']} {verb.format(g=a['g'])} 12 марта 2023 года полиция задержала {b['acc']}."
    victims = _victims_of(text, "DEPRIVATION")
    assert b["nom"] in victims and a["nom"] not in victims, (text, victims)


DAYS = [("5 марта 2024 года", "2024-03-05"), ("05.03.2024", "2024-03-05"), ("В понедельник, 4 марта 2024 года,", "2024-03-04")]
EXTENSIONS = [
    "{day} суд продлил {dat} срок содержания под стражей ещё на два месяца.",
    "{day} {dat} продлили содержание под стражей ещё на два месяца.",
    "{day} следственный суд продлил {dat} срок содержания под стражей до 5 мая.",
    "{day} {dat} продлили срок содержания под стражей на один месяц.",
]


@pytest.mark.parametrize("person", [p for pair in PAIRS for p in pair], ids=lambda p: p["short"])
@pytest.mark.parametrize("day,iso", DAYS)
@pytest.mark.parametrize("template", EXTENSIONS)
def test_an_extension_with_its_own_day_is_a_detention_of_that_day(person, day, iso, template):
    first = f"{person['nom']} был{person['g']} задержан{person['g']} 20 февраля 2024 года. "
    text = first + template.format(day=day, dat=person["dat"])
    text = text[0].upper() + text[1:]
    dated = {(p.victims[0], p.date) for p in _acts(text)
             if p.victims and GROUP_OF.get(p.act_type, "") == "DEPRIVATION"}
    assert (person["nom"], iso) in dated, (text, dated)


@pytest.mark.parametrize("person", [p for pair in PAIRS for p in pair], ids=lambda p: p["short"])
@pytest.mark.parametrize("template, found", [("Суд продлил {dat} срок содержания под стражей до 5 июня.", True),
                                             ("{Dat} продлили арест ещё на два месяца, до 5 июня.", False)])
def test_an_extension_without_a_day_of_its_own_is_an_undated_detention_never_of_the_terms_end(person, template, found):
    """(Lead, at merge: the session-11 convention, tests/test_term_end_s11.py — an extension of custody is an act, the
    second pre-trial detention the golds annotate, undated when the text gives no day; "до 5 июня" is the term's end,
    never the act's day.)"""
    text = template.format(dat=person["dat"], Dat=person["dat"])
    dates = {p.date or "" for p in _acts(text) if p.victims and p.victims[0] == person["nom"]
             and GROUP_OF.get(p.act_type, "") == "DEPRIVATION"}
    assert not any(d.endswith("-06-05") for d in dates), (text, dates)
    if found:
        assert dates, text


# 3. A table of convicts (as the reader prints a Markdown or Word table: "• cell – cell – …"): a bare term in the
#    column headed as the term ("Срок", "Наказание") is a prison term of the row's person, and a list field's part of a
#    year ("нач. 2023", "кон. 2022") is a date. An age in its own column is no term.
TABLE_PEOPLE = [("Досмамбетова Лязат", "Лязат Досмамбетова"), ("Кудайбергенов Казыбек", "Казыбек Кудайбергенов"),
                ("Исаева Айгуль", "Айгуль Исаева")]
TERMS = ["17 лет", "4 года", "3 г. 7 мес.", "1 год 9 месяцев", "5 л."]
VERDICT_DAYS = [("07.2022", "2022-07"), ("11.06.2024", "2024-06-11"), ("нач. 2023", "2023"), ("кон. 2022", "2022")]
HEADS = [("№", "Фамилия, имя", "Регион", "Приговор", "Статья", "{term_head}", "Примечание"),
         ("№", "ФИО", "{term_head}", "Статья", "Приговор")]
TERM_HEADS = ["Срок", "Наказание", "Срок наказания"]


def _table(head, term_head, rows):
    lines = ["• " + " – ".join(cell.format(term_head=term_head) for cell in head)]
    for i, (printed, term, day) in enumerate(rows, 1):
        cells = {"№": str(i), "Фамилия, имя": printed, "ФИО": printed, "Регион": "Шымкент", "Приговор": day,
                 "Статья": "ст. 272 УК РК", "{term_head}": term, "Примечание": "активист"}
        lines.append("• " + " – ".join(cells[c] for c in head))
    return "Осуждённые по делам январских событий\n\n" + "\n\n".join(lines) + "\n"


def _table_cases():
    for h, head in enumerate(HEADS):
        for term_head in TERM_HEADS:
            for t, term in enumerate(TERMS):
                for day, iso in VERDICT_DAYS:
                    rows = [(printed, TERMS[(t + k) % len(TERMS)], day) for k, (printed, _) in enumerate(TABLE_PEOPLE)]
                    yield pytest.param(_table(head, term_head, rows), iso, id=f"h{h}-{term_head}-{term}-{day}")


@pytest.mark.parametrize("text,iso", list(_table_cases()))
def test_a_bare_term_in_a_tables_term_column_is_a_prison_term_of_the_rows_day(text, iso):
    found = {(p.victims[0], p.act_type, p.date) for p in _acts(text) if p.victims}
    for name, _ in TABLE_PEOPLE:  # (as printed: the record's name order is the resolver's)
        assert (name, "sentenced", iso) in found and (name, "imprisoned", iso) in found, (text, found)


def test_an_age_column_is_no_term():
    text = ("Задержанные 5 января\n\n• № – ФИО – Возраст – Задержан\n\n"
            + "\n\n".join(f"• {i} – {printed} – 32 года – 05.01.2022" for i, (printed, _) in enumerate(TABLE_PEOPLE, 1))
            + "\n")
    found = {(p.victims[0], p.act_type) for p in _acts(text) if p.victims}
    assert not any(t in {"sentenced", "imprisoned"} for _, t in found), (text, found)
    assert all((name, "detained") in found for name, _ in TABLE_PEOPLE), (text, found)


# 5. A state since a month of last year ("под стражей с сентября прошлого года") starts in that month of the year
#    before the document's (lexicon ru relative.tsv, as "в сентябре прошлого года").
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
              "декабря"]


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("state", ["находится под стражей", "содержится в СИЗО"])
def test_a_state_since_a_month_of_last_year_is_dated_to_that_month(month, state):
    from qorgau.documents.extract.dates import find_dates as dates_of

    text = f"Ерлан Оспанов {state} с {MONTHS_GEN[month - 1]} прошлого года."
    assert f"2023-{month:02d}" in {d.value for d in dates_of(text, PUBLISHED)}, text


# 6. A wiki-style heading typed as text ("== После приговора ==") is a paragraph of its own: its words ("приговора",
#    "Уголовное дело", "Arrest") open no sentence of the paragraph under it, and give that paragraph's day no act.
WIKI = [("ru", "== После приговора ==", "В апреле 2018 года Талгат Аян вышел на свободу условно-досрочно.", "PENALTY"),
        ("ru", "=== Уголовное дело ===", "В апреле 2018 года Талгат Аян вышел на свободу условно-досрочно.", "PROSECUTION"),
        ("en", "== After the verdict ==", "In April 2018 Talgat Ayan was released on parole.", "PENALTY"),
        ("en", "== Criminal case ==", "In April 2018 Talgat Ayan was released on parole.", "PROSECUTION"),
        ("kk", "== Үкімнен кейін ==", "2018 жылғы сәуірде Талғат Аян шартты түрде мерзімінен бұрын босатылды.", "PENALTY")]


@pytest.mark.parametrize("language,heading,paragraph,group", WIKI)
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_wiki_heading_is_a_paragraph_of_its_own(language, heading, paragraph, group, gap):
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise

    data = f"Биография\n\n{heading}{gap}{paragraph}\n".encode()
    text = canonicalise(read_document("bio.txt", data)).text
    assert f"{heading}\n\n{paragraph}" in text, text
    groups = {GROUP_OF.get(p.act_type, "") for p in _acts(text) if p.victims}
    assert "RELEASE" in groups and group not in groups, (text, groups)
