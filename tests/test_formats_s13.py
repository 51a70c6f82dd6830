"""Session 13 (h23-formats): a list or a letter reads the same as a web page, a PDF report and a Word file as it does
as text. Generative: each shape (a table typed with "|" or tabs and a header row, entries set one field a line, a
letter whose sentences are broken over short lines between an address block and a signature) in English, Russian
and Kazakh, rendered by the evaluation's renderer and read back through the upload readers. Names, places, articles
and dates are those of the dev gold (w05, x04, x15); every line is our own."""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.documents.ingest.reading import read_document
from qorgau.documents.ingest.repair import canonicalise

PUBLISHED = "2021-11-01"

# (family name in capitals, given name, city, article's wording, penalty, dates) per language.
PEOPLE = {
    "ru": {"title": "СПИСОК ПРЕСЛЕДУЕМЫХ", "asof": "на 01.11.2021",
           "header": ["№", "ФИО", "Город", "Статья", "Наказание", "Даты"],
           "rows": [("ЖЕКСЕБАЕВ", "Асхат", "Алматы", "ст. 405 ч. 1 УК РК", "5 лет лишения свободы",
                     "задержан 22.08.2020, осуждён 11.10.2021"),
                    ("КАЛАСОВ", "Аскар", "Актобе", "ст. 174 ч. 2 УК РК", "2 года ограничения свободы",
                     "осуждён 04.08.2021"),
                    ("САПИЕВ", "Мурат", "Уральск", "ст. 274 ч. 1 УК РК", "дело в суде", "арестован 22.09.2021")],
           "end": "Список ведут волонтёры."},
    "kk": {"title": "ҚУДАЛАНҒАНДАР ТІЗІМІ", "asof": "01.11.2018 жағдай бойынша",
           "header": ["№", "Тегі, аты", "Қала", "Бап", "Жаза", "Күні"],
           "rows": [("БАШПАЕВ", "Қуаныш", "Павлодар", "ҚК 174-бабы", "4 жыл бас бостандығынан айыру",
                     "үкім 07.04.2017"),
                    ("ӘБДУЖАББАРОВ", "Әбдіхалил", "Орал", "ҚК 405-бабы", "8 жыл бас бостандығынан айыру",
                     "үкім 16.08.2017"),
                    ("АХМЕДОВ", "Теймур", "Астана", "ҚК 274-бабының 2-бөлігі", "5 жыл бас бостандығынан айыру",
                     "үкім 02.05.2017")],
           "end": "Тізімді еріктілер жүргізеді."},
    "en": {"title": "PROSECUTED ACTIVISTS", "asof": "as of 01.11.2021",
           "header": ["No.", "Name", "City", "Article", "Penalty", "Dates"],
           "rows": [("ZHEKSEBAYEV", "Askhat", "Almaty", "CC Art. 405 part 1", "5 years in prison",
                     "detained 22.08.2020, sentenced 11.10.2021"),
                    ("KALASOV", "Askar", "Aktobe", "CC Art. 174 part 2", "2 years of restricted freedom",
                     "sentenced 04.08.2021"),
                    ("SAPIYEV", "Murat", "Uralsk", "CC Art. 274 part 1", "trial pending", "arrested 22.09.2021")],
           "end": "The list is kept by volunteers."},
}


def table(language, separator):
    p = PEOPLE[language]
    lines = [separator.join(p["header"])]
    lines += [separator.join([str(i), f"{family} {given}", *rest]) for i, (family, given, *rest) in
              enumerate(p["rows"], 1)]
    return f"{p['title']}\n{p['asof']}\n\n" + "\n".join(lines) + f"\n\n{p['end']}\n"


def one_field_a_line(language):
    p = PEOPLE[language]
    entries = [f"{i}. {family} {given}\n{city}, {article}\n{dates}, {penalty}"
               for i, (family, given, city, article, penalty, dates) in enumerate(p["rows"], 1)]
    return f"{p['title']}\n{p['asof']}\n\n" + "\n\n".join(entries) + f"\n\n{p['end']}\n"


LETTERS = {
    "en": """To: Head of the City Police Department
Astana, Kazakhstan

From: Steppe Press Freedom Group
27 December 2025

Dear Colonel,

We are writing about the journalist Amir Kasenov
who was detained by your officers in Astana on 23 December 2025
and charged under Article 274 of the Criminal Code

The agency's director Aset Matayev was searched on 24 December 2025
and questioned as a witness

Yours sincerely,
Steppe Press Freedom Group
""",
    "ru": """Начальнику Департамента полиции
Павлодарской области

от группы «Степной монитор»
02.03.2021

Уважаемый господин начальник!

Обращаемся к вам по делу Максута Аппасова
которого задержали 24.02.2021 в Экибастузе
и обвинили по ч. 2 ст. 405 УК РК

С уважением,
координатор группы
""",
    "kk": """Павлодар облысы
полиция департаментінің бастығына

«Дала мониторы» тобынан
02.03.2021

Құрметті бастық!

Сізге Мақсұт Аппасовтың ісі бойынша жазып отырмыз
ол 24.02.2021 күні Екібастұзда ұсталды
және ҚК 405-бабының 2-бөлігі бойынша айып тағылды

Құрметпен,
топ үйлестірушісі
""",
}

# A trial-monitoring record (Russian: the English rules give no pairs from it even as text).
RECORDS = {
    "ru": """МОНИТОРИНГ: ЗАСЕДАНИЕ 21.08.2025

Суд: Алмалинский районный суд г. Алматы
Статьи обвинения: ч. 1 ст. 272 УК РК
Подсудимые (2): Жауылбаев Нурлан, Мубараков Айдар
Мера пресечения: содержание под стражей с 29.09.2024

Прокурор попросил назначить каждому по 5 лет лишения свободы.
""",
}

SHAPES = {
    "pipe table": lambda language: table(language, " | "),
    "tab table": lambda language: table(language, "\t"),
    "one field a line": one_field_a_line,
    "letter": lambda language: LETTERS[language],
}
PUBLISHED_OF = {"letter": "2025-12-27"}


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
@pytest.mark.parametrize("language", list(RECORDS))
def test_a_record_whose_label_counts_the_defendants_keeps_its_charges_in_every_format(tmp_path, language, fmt):
    """"Defendants (2): …" is a field of the record like "Court: …": set one a paragraph, the fields stay one record,
    so the charges above the defendants' names are theirs, as in the typed version."""
    body, published = RECORDS[language], "2025-08-21"
    expected = facts(typed(body), published)
    assert {victim for victim, *_, provisions in expected if "CC-272.1" in provisions} == \
        {"Нурлан Жауылбаев", "Айдар Мубараков"}
    assert facts(rendered(tmp_path, body, language, fmt, published), published) == expected


def facts(canonical, published):
    text = canonical.text
    return sorted((p.victims[0], p.act_type, p.date, tuple(sorted(uid for uid, _ in p.provisions)))
                  for p in find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text),
                                     published=published, footnotes=canonical.footnotes, markers=canonical.markers))


def typed(body):
    return canonicalise(read_document("case.txt", body.encode("utf-8")))


def rendered(tmp_path, body, language, fmt, published):
    from qorgau.documents.render import render_document

    source = tmp_path / "case.txt"
    source.write_text(body, encoding="utf-8")
    path = render_document(source, {"file": "case.txt", "language": language, "published": published}, tmp_path,
                           [fmt])[fmt]
    return canonicalise(read_document(path.name, path.read_bytes()))


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "letter"])
def test_a_typed_list_gives_each_person_only_their_own_article(shape, language):
    """As text, too: a table's rows typed one a line are entries of their own, not one paragraph in which every
    person takes every article and date of the others."""
    found = facts(typed(SHAPES[shape](language)), PUBLISHED)
    people = PEOPLE[language]["rows"]
    assert {victim for victim, *_ in found} >= {f"{given} {family.capitalize()}" for family, given, *_ in people}
    for victim, _, _, provisions in found:
        assert len({uid.split("-")[1].split(".")[0] for uid in provisions}) <= 1, (victim, provisions)


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
@pytest.mark.parametrize("language", ["en", "ru", "kk"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_list_or_a_letter_gives_the_same_facts_in_every_format_as_typed(tmp_path, shape, language, fmt):
    published = PUBLISHED_OF.get(shape, PUBLISHED)
    body = SHAPES[shape](language)
    expected = facts(typed(body), published)
    assert expected, "the typed version itself yields facts"
    assert facts(rendered(tmp_path, body, language, fmt, published), published) == expected


def test_a_sentence_broken_over_word_paragraphs_is_read_whole_but_a_list_item_is_not_joined():
    from qorgau.documents.ingest.repair import _join_lines

    lines = ["We write about Amir Kasenov", "", "who was detained on 23 December 2025", "",
             "• searched on 24 December", "", "1. ZHEKSEBAYEV Askhat", "", "Almaty, CC Art. 405", "",
             "detained 22.08.2020", "", "2. KALASOV Askar", "", "– sentenced 04.08.2021", "",
             "The court met.", "", "then it rose"]
    assert _join_lines(lines, lead_ins=True).split("\n\n") == [
        "We write about Amir Kasenov who was detained on 23 December 2025", "• searched on 24 December",
        "1. ZHEKSEBAYEV Askhat Almaty, CC Art. 405 detained 22.08.2020", "2. KALASOV Askar",
        "– sentenced 04.08.2021", "The court met.", "then it rose"]


# A report's heading block: a Word file or a web page sets each of its lines as a paragraph of its own, so the case
# line ("Case of Zhanbolat Mamay, Almaty") stands alone, in Title Case, with no date after it to break the pattern.
HEADING_BLOCK = """TRIAL OBSERVATION NOTE
Case of Zhanbolat Mamay, Almaty
Observer's summary, 12 April 2023

Background. On 12 March 2022 officers detained Mamay and charged him under Article 274 of the Criminal Code.

On 10 April 2023 the court sentenced Mamay to six years of probation.
"""


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_a_name_on_a_case_line_of_its_own_is_a_person_when_the_text_names_them_again(tmp_path, fmt):
    published = "2023-04-12"
    expected = facts(typed(HEADING_BLOCK), published)
    assert {victim for victim, *_ in expected} == {"Zhanbolat Mamay"}
    assert facts(rendered(tmp_path, HEADING_BLOCK, "en", fmt, published), published) == expected


def test_a_title_case_headline_still_names_no_one_from_its_capitals():
    from qorgau.documents.extract.names import find_persons

    text = "Rights Groups Condemn Arrest Of Blogger\n\nRights groups condemn the arrest of a blogger in Almaty.\n"
    assert find_persons(text) == []


# A Markdown infobox (a table of labels and values, its header row empty) is a record, as the same table in a web
# page or a Word file is: its fields read as one paragraph, so the article stays with the verdict and its day.
INFOBOX = """# Тлеужан, Айгерим

**Айгерим Тлеужан** — журналистка из Алматы, осуждённая по «делу об аэропорте».

| | |
|---|---|
| Род деятельности | журналистка |
| Приговор | 4 года лишения свободы (11.07.2023) |
| Статья | ч. 1 ст. 272 УК РК |

11 июля 2023 года суд назначил Тлеужан четыре года лишения свободы.
"""


def test_a_markdown_infobox_is_read_as_one_record_as_in_a_page_or_a_word_file(tmp_path):
    from qorgau.documents.render import render_document

    source = tmp_path / "case.md"
    source.write_text(INFOBOX, encoding="utf-8")
    typed_md = canonicalise(read_document("case.md", INFOBOX.encode("utf-8")))
    assert "Приговор: 4 года лишения свободы (11.07.2023) Статья: ч. 1 ст. 272 УК РК" in typed_md.text
    expected = facts(typed_md, "2025-11-01")
    assert any("CC-272.1" in provisions for *_, provisions in expected)
    for fmt, path in render_document(source, {"file": "case.md", "language": "ru", "published": "2025-11-01"},
                                     tmp_path).items():
        assert facts(canonicalise(read_document(path.name, path.read_bytes())), "2025-11-01") == expected, fmt
