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
    found = find_acts(text, mentions, dates, find_provisions(text), published=published)
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
    # (a month before the document's: "желтоқсан айында ұсталды" in a May text is last December since session 10)
    assert [d.value for d in find_dates("Ол наурыз айында ұсталды.", "2021-05-01")] == ["2021-03"]


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


def test_natasha_adds_the_persons_the_rules_miss_in_russian_when_asked():
    from qorgau.documents.extract.names import natasha_spans

    text = "Вчера в городе выступил Илья Кантемиров, известный поэт."  # a name neither list nor ending marks
    spans = natasha_spans(text)
    assert any(text[s:e] == "Илья Кантемиров" for s, e in spans)
    with_ner = {m.name for m in find_persons(text, extra_spans=spans)}
    assert "Илья Кантемиров" in with_ner


def test_a_verdict_date_label_dates_the_undated_verdicts():
    text = ("Дата оглашения приговора: 08.10.2012\n\nПодсудимые: Ерлан Касымов.\n\n"
            "Ерлану Касымову назначено пять лет лишения свободы.")
    found = acts(text, "")
    assert ("Ерлан Касымов", "sentenced", "2012-10-08") in found
    assert ("Ерлан Касымов", "imprisoned", "2012-10-08") in found  # a prison term nobody appeals


def test_items_after_a_colon_are_the_victims_of_the_sentence_before():
    text = ("On 11 October 2021 the court gave its verdict. The other defendants were convicted under Article 405 "
            "of the Criminal Code and received restriction of freedom:\n\n"
            "- Dana Omarova and Serik Bekov – two years each;\n- Ruslan Iskakov – one year.\n")
    found = acts(text)
    for name in ("Dana Omarova", "Serik Bekov", "Ruslan Iskakov"):
        assert (name, "sentenced", "2021-10-11") in found


def test_the_prosecutors_request_is_no_sentence():
    assert not acts("Прокурор просил для Ерлана Касымова два года ограничения свободы.")


def test_a_date_given_only_in_the_sentences_footnote_dates_its_acts():
    text = ("Opposition leader jailed\n\nActivist Nurlan Omarov was sentenced to seven years in prison under "
            "Article 405 of the Criminal Code.4 His lawyer spoke to the press.\n\n---\n\n"
            "1 A report. 2 Another report. 3 A third one. 4 Verdict of 29 November 2023, Astana.")
    found = acts(text, "2024-01-25")
    assert ("Nurlan Omarov", "sentenced", "2023-11-29") in found
    assert ("Nurlan Omarov", "imprisoned", "2023-11-29") in found


def test_every_person_given_a_term_in_a_verdicts_sentence_is_sentenced():
    text = ("On 11 July 2023 the court sentenced Dana Omarova to four years in prison and Serik Bekov to eight "
            "years; two co-defendants – Ruslan Iskakov and Aidos Nurov – also received eight years each.")
    found = {(victim, act_type) for victim, act_type, _ in acts(text)}
    for name in ("Dana Omarova", "Serik Bekov", "Ruslan Iskakov", "Aidos Nurov"):
        assert (name, "sentenced") in found


@pytest.mark.parametrize("text, uids", [
    ("ҚР ҚК-нің 405-бабы бойынша", ["CC-405"]),
    ("405 бабының 2-бөлігі бойынша", ["CC-405.2"]),
    ("ӘҚБтК-нің 488-бабы бойынша", ["AOC-488"]),
    ("по статье 405 УК. Её мужа судили по этой статье", ["CC-405", "CC-405"]),
])
def test_kazakh_and_russian_article_shapes(text, uids):
    assert [p.uid for p in find_provisions(text)] == uids


def test_a_headline_reports_the_days_news_and_jailed_needs_a_term():
    text = ("Activist Serik Bekov jailed for five years\n\nThe court in Taraz announced the verdict. Six years after "
            "Dana Omarova was jailed in another case, she was acquitted.")
    found = acts(text, "2021-10-12")
    assert ("Serik Bekov", "sentenced", "2021-10") in found  # the headline, dated by the document's month (backoff.py)
    assert not any(v == "Dana Omarova" and t == "sentenced" for v, t, _ in found)  # "was jailed in a case"


@pytest.mark.parametrize("text, act_type", [
    ("Police freed Serik Bekov on Monday.", "released"),
    ("Serik Bekov was released on parole.", "paroled"),
    ("Суд избрал Ерлану Касымову меру пресечения в виде содержания под стражей.", "pretrial_detention"),
    ("Ерлан Қожабеков шартты түрде мерзімінен бұрын босатылды.", "paroled"),
])
def test_more_triggers_are_data(text, act_type):
    assert act_type in {t for _, t, _ in acts(text)}


@pytest.mark.parametrize("text, expected", [
    ("Белсенді Ерлан Қожабеков 2021 жылғы 14 наурызда ұсталды. Оған ҚР ҚК 405-бабы бойынша айып тағылды.",
     ("Ерлан Қожабеков", "CC-405")),   # "оған" (to him): the Kazakh pronoun's dative
    ("Активистка Дана Омарова задержана 5 мая 2021 года. В отношении неё возбуждено уголовное дело по статье 405 УК.",
     ("Дана Омарова", "CC-405")),
])
def test_a_pronoun_in_an_oblique_case_carries_the_provision_to_the_person(text, expected):
    _, found = extract(text)
    assert expected in {(p.victims[0], uid.split(".")[0]) for p in found for uid, _ in p.provisions}


@pytest.mark.parametrize("text, expected", [
    ("In 2021 the protests went on. On March 5 police detained Serik Bekov.", ("Serik Bekov", "detained", "2021-03-05")),
    ("On the 5th of March 2021 police detained Serik Bekov.", ("Serik Bekov", "detained", "2021-03-05")),
    ("On 5 May 2021 Serik Bekov received a five-year prison sentence.", ("Serik Bekov", "sentenced", "2021-05-05")),
    ("On 21 April 2019 police detained Dana Omarova. The same evening a court sent her to jail for 15 days.",
     ("Dana Omarova", "administrative_detention", "2019-04-21")),
])
def test_english_dates_and_verdicts_in_other_shapes(text, expected):
    assert expected in acts(text, "")


def test_a_family_name_printed_before_its_initials_is_a_person():
    from qorgau.documents.extract.names import find_persons

    text = ("April 3, Taraz. Officer Zhumabaev K. drew up a report against activist Omarova S., who was held "
            "overnight. Суд оштрафовал Бекову Д. А. на 50 МРП.")
    found = {m.text: m.name for m in find_persons(text)}
    assert found.get("Zhumabaev K.") == "K. Zhumabaev"
    assert found.get("Omarova S.") == "S. Omarova"
    assert "Бекову Д. А." in found


def test_a_name_inside_a_heading_in_capitals_is_found_but_proposes_no_act():
    from qorgau.documents.extract.acts import find_acts
    from qorgau.documents.extract.dates import find_dates
    from qorgau.documents.extract.names import find_persons
    from qorgau.documents.extract.provisions import find_provisions

    text = ("TRIAL OF SERIK OMAROV AND DANA ISKAKOVA: WHAT WE KNOW\n\n"
            "Serik Omarov and Dana Iskakova were detained in Taraz on 5 May 2021.")
    mentions = find_persons(text)
    assert {"SERIK OMAROV", "DANA ISKAKOVA"} <= {m.text for m in mentions}
    found = find_acts(text, mentions, find_dates(text, "2021-05-20"), find_provisions(text), published="2021-05-20")
    assert sorted((p.victims[0], p.date) for p in found) == [("Dana Iskakova", "2021-05-05"),
                                                             ("Serik Omarov", "2021-05-05")]


def test_kazakh_pronouns_court_words_and_places_with_endings_are_no_names():
    text = ("Оған Қылмыстық кодекстің 274-бабы бойынша айып тағылды. Былтыр Ресейде де журналистер сотталды. "
            "Белсенді Серік Омаров Астанада ұсталды.")
    assert [m.name for m in find_persons(text)] == ["Серік Омаров"]


def test_a_family_name_alone_is_the_nearest_full_name_before_it():
    text = ("Асқар Нұрланов 2023 жылғы 12 наурызда ұсталды. Нұрланов кінәсін мойындамады. "
            "Оның ағасы Марат Нұрланов полицияға шақырылды. Нұрланов бұл туралы айтты.")
    alone = [m.name for m in find_persons(text) if m.text == "Нұрланов"]
    assert alone == ["Асқар Нұрланов", "Марат Нұрланов"]


def test_russian_temporary_detention_and_release_from_custody():
    text = ("4 марта 2023 года Айдара Бекова отправили в изолятор временного содержания. "
            "Асель Нурпеисову освободили из-под стражи 11 марта.")
    found = {(p.victims[0], p.act_type, p.date) for p in find_acts(text, find_persons(text),
                                                                   find_dates(text, "2023-03-12"), find_provisions(text))}
    assert ("Айдар Беков", "detained", "2023-03-04") in found
    assert ("Асель Нурпеисова", "released", "2023-03-11") in found
    assert not any(t == "pretrial_detention" for _, t, _ in found)  # "из-под стражи" is the place left


def test_english_words_heading_a_sentence_are_no_part_of_a_name():
    from qorgau.documents.extract.names import find_persons

    text = "Verdict. Only Nurlan Omarov was detained on 5 May 2019. Defendants: Serik Bekov."
    assert {m.name for m in find_persons(text)} == {"Nurlan Omarov", "Serik Bekov"}
