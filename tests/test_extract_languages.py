"""Extraction on Russian, Kazakh and list-shaped text of our own: names in the nominative, triggers, dates,
provisions, perpetrators and tallies, as a reviewer would expect them proposed."""

import pytest

from qorgau.documents.extract.acts import find_acts, find_tallies
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.lib.morphology import kazakh_word, nominative, surname_gender


def extract(text, published="2023-01-15"):
    mentions = find_persons(text)
    dates = find_dates(text, published)
    found = find_acts(text, mentions, dates, find_provisions(text))
    return mentions, found


def acts(text, published="2023-01-15"):
    return {(p.victims[0], p.act_type, f"{p.date}/{p.date_end}" if p.date_end else p.date)
            for p in extract(text, published)[1]}


@pytest.mark.parametrize("printed, expected", [
    ("Айдоса Садыкова", "Айдос Садыков"),          # genitive: the given name can only be genitive or accusative
    ("Бауыржану Омарову", "Бауыржан Омаров"),      # dative
    ("Гульнаре Беккуловой", "Гульнара Беккулова"),  # prepositional / dative, a woman
    ("Асель Нурова", "Асель Нурова"),              # a nominative stays as printed
    ("Жанар Исаевой", "Жанар Исаева"),             # a given name the dictionary does not know as a woman's
    ("Сейтқалиеваның", "Сейтқалиева"),              # Kazakh genitive
    ("Қожабековты", "Қожабеков"),                  # Kazakh accusative
    ("Ruslan Tokhtarov", "Ruslan Tokhtarov"),      # Latin script is left alone
])
def test_names_are_recorded_in_the_nominative(printed, expected):
    assert nominative(printed) == expected


def test_kazakh_endings_come_off_only_where_a_name_remains():
    assert kazakh_word("Сейтқалиеваға") == "Сейтқалиева"
    assert kazakh_word("Алматыда") == "Алматыда"  # no family-name ending left: not a name word
    assert surname_gender("Беккулова") == "f" and surname_gender("Омаров") == "m"


def test_russian_report_sentences_give_their_acts_in_the_nominative():
    text = ("Суд в Актобе приговорил активиста Айдоса Садыкова к пяти годам лишения свободы по части 2 статьи 405 "
            "УК РК.\n\n17 августа 2022 года полиция задержала журналистку Гульнару Беккулову. Через два дня суд "
            "поместил её под домашний арест.")
    mentions, found = extract(text)
    by_type = {(p.victims[0], p.act_type): p for p in found}
    sentence = by_type[("Айдос Садыков", "sentenced")]
    assert sentence.penalty == {"kind": "imprisonment", "amount": 5, "unit": "years"}
    assert ("CC-405.2", "convicted") in sentence.provisions and sentence.role == "activist"
    assert by_type[("Гульнара Беккулова", "detained")].date == "2022-08-17"
    assert by_type[("Гульнара Беккулова", "house_arrest")].date == "2022-08-19"  # two days later, not the same day
    assert by_type[("Гульнара Беккулова", "detained")].role == "journalist"
    assert "police" in by_type[("Гульнара Беккулова", "detained")].perpetrator_bodies


def test_titles_and_places_glued_to_a_name_are_not_part_of_it():
    names = {m.name for m in find_persons("Журналист Асель Нурова пришла в суд. Алматы Жанар Исаева ответила.")}
    assert names == {"Асель Нурова", "Жанар Исаева"}


def test_a_named_official_is_never_proposed_as_a_victim():
    text = ("В ноябре прошлого года следователь Ерлан Касымов допросил блогера Бауыржана Омарова. "
            "Касымов также допросил его мать.")
    found = acts(text)
    assert ("Бауыржан Омаров", "interrogated", "2022-11") in found  # "last year" from the document's date
    assert not any(victim == "Ерлан Касымов" for victim, _, _ in found)


def test_kazakh_triggers_dates_and_provisions():
    text = ("Белсенді Ерлан Қожабеков 2021 жылғы 14 наурызда Ақтөбеде ұсталды. Оған ҚР ҚК 405-бабы бойынша айып "
            "тағылды.\n\n2021 жылғы 2 қыркүйекте сот Айгүл Сейтқалиеваны 405-бабының 2-бөлігі бойынша төрт жылға "
            "бас бостандығынан айыруға сотталды. Сейтқалиеваның адвокаты шағым түсірді. Ол қазан айында босатылды.")
    _, found = extract(text, "2022-01-01")
    summary = {(p.victims[0], p.act_type, p.date) for p in found}
    assert ("Ерлан Қожабеков", "detained", "2021-03-14") in summary
    assert ("Айгүл Сейтқалиева", "sentenced", "2021-09-02") in summary
    sentence = next(p for p in found if p.act_type == "sentenced")
    assert sentence.penalty["amount"] == 4 and ("CC-405.2", "convicted") in sentence.provisions
    assert {p.uid for p in find_provisions(text)} >= {"CC-405", "CC-405.2"}
    assert [d.value for d in find_dates("Ол желтоқсан айында ұсталды.", "2021-05-01")] == ["2021-12"]


def test_a_list_of_prisoners_gives_each_line_its_person_and_dated_acts():
    text = ("Political prisoners\n\n"
            "1. TOKHTAROV Ruslan – Aktobe – CC Art. 405 parts 1 and 2 – 4 years – in custody since 14.03.2021; "
            "sentenced 02.09.2021\n"
            "2. ZHAKSYLYKOVA Dana – Shymkent – CC Art. 174 – 7 years – arrested 05.05.2020\n")
    mentions, found = extract(text)
    assert [m.name for m in mentions][:2] == ["Ruslan Tokhtarov", "Dana Zhaksylykova"]
    summary = {(p.victims[0], p.act_type, p.date) for p in found}
    assert ("Ruslan Tokhtarov", "pretrial_detention", "2021-03-14") in summary
    assert ("Ruslan Tokhtarov", "sentenced", "2021-09-02") in summary
    assert ("Dana Zhaksylykova", "arrested", "2020-05-05") in summary
    assert ("Dana Zhaksylykova", "sentenced", "") in summary  # a term on the line is a sentence, date unknown
    sentence = next(p for p in found if p.victims == ["Ruslan Tokhtarov"] and p.act_type == "sentenced")
    assert {uid for uid, _ in sentence.provisions} == {"CC-405.1", "CC-405.2"}
    assert sentence.penalty == {"kind": "imprisonment", "amount": 4, "unit": "years"}


@pytest.mark.parametrize("text, uids", [
    ("charged under Articles 174 and 274 of the Criminal Code", ["CC-174", "CC-274"]),
    ("convicted under Article 174 of the Criminal Code. His brother was charged under the same article.",
     ["CC-174", "CC-174"]),
    ("по ч. 2 ст. 405 УК", ["CC-405.2"]),
    ("по статье 489 КоАП РК", ["AOC-489"]),
    ("under Article 164 of the 1997 Criminal Code", ["CC1997-164"]),
    ("Article 488 of the Administrative Offences Code", ["AOC-488"]),
])
def test_provisions_in_every_shape(text, uids):
    assert [p.uid for p in find_provisions(text)] == uids


def test_a_criminal_code_article_cited_for_an_act_before_2015_is_the_1997_codes():
    found = acts("On 5 May 2011 Nurlan Omarov was charged under Article 164 of the Criminal Code.")
    proposals = extract("On 5 May 2011 Nurlan Omarov was charged under Article 164 of the Criminal Code.")[1]
    assert ("Nurlan Omarov", "charged", "2011-05-05") in found
    assert proposals[0].provisions == [("CC1997-164", "charged")]


@pytest.mark.parametrize("text, published, expected", [
    ("05.03.2021", "", ["2021-03-05"]),
    ("17 августа 2022 года", "", ["2022-08-17"]),
    ("в ноябре прошлого года", "2023-02-01", ["2022-11"]),
    ("On 3 May 2021 she was detained. The day before, police searched her flat.", "", ["2021-05-03", "2021-05-02"]),
    ("On 3 May 2021 she was detained. Two days later she was charged.", "", ["2021-05-03", "2021-05-05"]),
    ("in autumn 2021", "", ["2021-09"]),
])
def test_dates_absolute_numeric_and_relative(text, published, expected):
    assert [d.value for d in find_dates(text, published)] == expected


def test_a_vague_crowd_is_a_tally_not_a_person():
    for text in ("After the rally, dozens of supporters were detained.", "Десятки сторонников были задержаны."):
        mentions, found = extract(text)
        assert not mentions and not found
        tallies = find_tallies(text, [])
        assert [t.act_type for t in tallies] == ["detained"]
