"""Session 7, English extraction and the dating of acts: made-up texts in the shapes of the round's failures."""

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions


def acts(text, published="2019-12-01"):
    found = find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text), published=published)
    return {(p.victims[0], p.act_type, f"{p.date}/{p.date_end}" if p.date_end else p.date) for p in found}


def dates(text, published="2021-08-20"):
    return [d.value for d in find_dates(text, published)]


def test_a_case_heading_with_the_family_name_in_capitals_is_a_person():
    for text, name in [
        ("TOLEBEK Aron (born 1961), teacher, Taraz\n\n• Detained in May 2019.", "Aron Tolebek"),
        ("OSPAN Dariga, journalist\n- Arrested on 3 March 2020.", "Dariga Ospan"),
        ("• SAGYN Miras\nFined in 2021.", "Miras Sagyn"),
        ("ZHAKUP Orken (Atyrau)\n\n* Convicted in 2018.", "Orken Zhakup"),
    ]:
        assert name in {m.name for m in find_persons(text)}, text
    # a heading in capitals and a place are no person
    assert not find_persons("SUMMARY Kazakhstan, 2021\n\nNothing happened.")


def test_bullets_under_a_case_heading_are_about_the_person_it_opens_with():
    for text in [
        "KUNAEV Marat (born 1961), teacher, Taraz\n\n• Arrested in May 2019 after a rally.\n\n"
        "• Sentenced to five years in March 2020.\n\nOSPAN Dariga, journalist\n\n• 03.03.2021: police searched her flat.",
        "1. KUNAEV Marat, teacher\n- Arrested in May 2019 by the KNB.\n- Sentenced to five years in March 2020.\n"
        "2. OSPAN Dariga, journalist\n- 03.03.2021: police searched her flat.",
        "Marat Kunaev, teacher, Taraz\n* Status: arrested in May 2019.\n* In March 2020, sentenced to five years in "
        "prison.\nDariga Ospan, journalist\n* 03.03.2021 — her flat was searched by police.",
    ]:
        found = acts(text)
        assert {("Marat Kunaev", "arrested", "2019-05"), ("Marat Kunaev", "sentenced", "2020-03"),
                ("Dariga Ospan", "searched", "2021-03-03")} <= found, (text, found)
        assert not any(v == "Marat Kunaev" and t == "searched" for v, t, _ in found), (text, found)
    # bullets under a heading that names no one stay without a victim
    assert not acts("Marat Kunaev, teacher, was named in the report.\n\nRecommendations\n\n"
                    "• Release all persons imprisoned for their views.")


def test_last_month_names_count_back_from_the_documents_month():
    assert dates("He was arrested last September.") == ["2020-09"]
    assert dates("They came last May.") == ["2021-05"]
    assert dates("He was detained last August.") == ["2020-08"]  # the document's own month: a year ago
    assert dates("She was given 15 days last month.") == ["2021-07"]
    assert dates("Earlier this month police came.") == ["2021-08"]
    assert dates("The meeting was banned last month.", "2022-01-05") == ["2021-12"]


def test_a_month_or_day_followed_by_last_year_is_of_the_year_before():
    assert dates("In May last year he was detained.") == ["2020-05"]
    assert dates("On 3 May of last year police came.") == ["2020-05-03"]
    assert dates("in December, last year, the court ruled") == ["2020-12"]
    assert dates("On May 3 last year he was fined, and on 2 June 2021 released.") == ["2020-05-03", "2021-06-02"]


def test_a_headline_verdict_takes_the_day_the_lead_gives_under_another_spelling():
    for text in [
        "Ermek Taichibekov jailed for seven years\n\nALMATY, 20 August 2021 – A court on Thursday sentenced the "
        "blogger Yermek Taychibekov to seven years in prison.",
        "Yerlan Zhakupov sentenced to five years\n\nA district court on Thursday sentenced Erlan Zhakupov to five "
        "years in prison for his posts.",
        "Court jails Dariga Ospanova\n\nThe court in Taraz sentenced Dariga Ospanova to three years in prison on "
        "Thursday, 19 August.",
    ]:
        found = acts(text, "2021-08-20")
        sentenced = {d for _, t, d in found if t == "sentenced"}
        assert sentenced == {"2021-08-19"}, (text, found)


def test_a_yearless_date_after_a_later_month_of_that_year_runs_on_into_the_next_year():
    assert dates("He was charged in November 2008 and hid in December; police seized him on January 6.",
                 "2009-08-10")[-1] == "2009-01-06"
    assert dates("The three were detained in November 2017. When the trial opened on October 1, they pleaded not "
                 "guilty.", "2018-12-21")[-1] == "2018-10-01"
    assert dates("В ноябре 2020 года его задержали. 12 февраля суд вынес приговор.", "2021-03-01")[-1] == "2021-02-12"
    # not beyond the document's year, and not when the sentence steps back in time
    assert dates("He was detained in November 2020. The trial opened on 1 October.", "2020-12-01")[-1] == "2020-10-01"
    assert dates("He was sentenced in November 2017. He had been detained on 3 March.", "2018-05-01")[-1] == \
        "2017-03-03"


def test_a_case_file_field_holding_a_name_in_capitals_is_a_person():
    for text, name in [
        ("Defendant: ASET ABISHEV, 35, Almaty\n\nAbishev pleaded not guilty.", "Aset Abishev"),
        ("Case: MARAT KUNAEV (Taraz)\nKunaev was detained.", "Marat Kunaev"),
        ("Accused person: KUNAEV MARAT\nKunaev was detained.", "Marat Kunaev"),
        ("Подсудимый: ИВАНОВ ИВАН\nИванов задержан.", "Иван Иванов"),
    ]:
        found = {m.name for m in find_persons(text)}
        assert found == {name}, (text, found)
    # a court or an organisation in capitals is no person
    assert not find_persons("Court: ALMATY CITY COURT\nObserver: KIBHR MONITORING GROUP")


def test_a_dated_trial_entry_in_a_case_file_is_about_its_one_defendant():
    for text in [
        "Defendant: ASET ABISHEV, 35, Almaty\n\n2 October 2018. The trial opened. Abishev pleaded not guilty.",
        "Case: Marat Kunaev, teacher\nCourt: Taraz city court\n\n02.10.2018 – The trial began.",
        "Defendant: Marat Kunaev\nPresiding judge: Aliya Sarsenova\n\nOn 2 October 2018 the trial opened with a "
        "delay of an hour.",
    ]:
        found = acts(text, "2018-12-03")
        assert {v for v, t, d in found if t == "tried" and d == "2018-10-02"} and \
            not any(v == "Aliya Sarsenova" for v, _, _ in found), (text, found)
    # two defendants named before: no guess
    assert not acts("Defendants: Marat Kunaev and Dariga Ospanova\n\n2 October 2018. The trial opened.", "2018-12-03")


def test_a_month_ending_its_sentence_is_a_date_even_before_a_numeric_line():
    assert dates("He was detained in May.\n\n02.10.2018 – The trial opened.", "2018-12-03") == ["2018-05", "2018-10-02"]
    assert dates("They were released in June.\n12.07.2018: two more were held.", "2018-12-03") == ["2018-06", "2018-07-12"]
    assert dates("He was detained in May.\n\n3 June: the trial opened.", "2018-12-03") == ["2018-05", "2018-06-03"]


def test_objects_coordinated_past_an_apposition_are_all_victims():
    for text in [
        "A court on Wednesday ordered 15 days of administrative arrest for Aset Abishev, an activist of the party, "
        "and the human rights defender Aidar Syzdykov.",
        "Police detained Aset Abishev, a blogger from Aktau, and his colleague Aidar Syzdykov on Wednesday.",
        "On Wednesday the court fined Aset Abishev, who heads a local union, and Aidar Syzdykov.",
    ]:
        victims = {v for v, _, _ in acts(text, "2022-12-08")}
        assert victims == {"Aset Abishev", "Aidar Syzdykov"}, (text, victims)
    # a person inside a whose-clause is no object of the verb
    assert {v for v, _, _ in acts("On Wednesday the court fined Aset Abishev, whose lawyer Aliya Sarsenova was "
                                  "absent, and Aidar Syzdykov.", "2022-12-08")} <= {"Aset Abishev", "Aidar Syzdykov"}


def _from_markdown(markdown, published="2019-01-15"):
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise

    text = canonicalise(read_document("list.md", markdown.encode())).text
    return text, acts(text, published)


def test_a_markdown_tables_rows_are_list_entries_read_field_by_field():
    for markdown in [
        "| No. | Name | Article | Term | Dates |\n|---|---|---|---|---|\n"
        "| 1 | KUNAEV Marat | CC Art. 174 | 5 years | sentenced 15.01.2018 |\n"
        "| 2 | OSPAN Dariga | CC Art. 405 | 4 years | detained 23.01.2017; sentenced 07.12.2017 |\n",
        "Name | Article | Dates\n:---|:---:|---:\n| KUNAEV Marat | CC Art. 174 | sentenced 15.01.2018 |\n"
        "| OSPAN Dariga | CC Art. 405 | detained 23.01.2017; sentenced 07.12.2017 |",
        "## In prison\n\n|Name|Region|Dates|\n|-----|-----|-----|\n|KUNAEV Marat|Taraz|sentenced 15.01.2018|\n"
        "|OSPAN Dariga|Aktau|detained 23.01.2017; sentenced 07.12.2017|\n\nNotes follow.",
    ]:
        text, found = _from_markdown(markdown)
        assert "---" not in text, text
        assert {("Marat Kunaev", "sentenced", "2018-01-15"), ("Dariga Ospan", "detained", "2017-01-23"),
                ("Dariga Ospan", "sentenced", "2017-12-07")} <= found, (text, found)
        assert not any(v == "Marat Kunaev" and d.startswith("2017") for v, _, d in found), (text, found)


def test_evenings_and_future_days_are_counted_from_the_right_day():
    assert dates("He was taken home on 15 August. The next evening the court fined him.", "2019-08-26") == \
        ["2019-08-15", "2019-08-16"]
    assert dates("Police came on 3 May. The following night he was detained.", "2019-08-26") == \
        ["2019-05-03", "2019-05-04"]
    # a year-less day more than a week after the document's date happened the year before
    assert dates("Their trial opened on November 29.", "2018-01-16") == ["2017-11-29"]
    assert dates("He was detained in December.", "2018-01-16") == ["2017-12"]
    assert dates("The hearing is set for 20 January.", "2018-01-16") == ["2018-01-20"]


def test_a_verb_said_once_for_several_places_has_every_group_as_its_subjects():
    for text in [
        "Marat Kunaev was detained in Shymkent, Dariga Ospan and Aliya Nurova in Almaty, and Yerlan Saken in Oral.",
        "On Sunday Marat Kunaev was detained in Shymkent, Dariga Ospan in Almaty, Aliya Nurova and Yerlan Saken "
        "in Oral.",
        "Marat Kunaev and Dariga Ospan were detained in Shymkent, Aliya Nurova at the station and Yerlan Saken near "
        "his home.",
    ]:
        victims = {v for v, t, _ in acts(text) if t == "detained"}
        assert victims == {"Marat Kunaev", "Dariga Ospan", "Aliya Nurova", "Yerlan Saken"}, (text, victims)
    # a later person with a verb of her own is not in the gap
    found = acts("Marat Kunaev was detained in Shymkent, Dariga Ospan was fined in Almaty.")
    assert ("Dariga Ospan", "detained", "2019-12-01") not in found and any(t == "fined" for _, t, _ in found)


def test_more_english_phrasings_of_detention_release_and_travel_bans():
    for text, expected in [
        ("In Oral, police took Marat Kunaev and Dariga Ospan to a station on 3 May 2019.",
         {("Marat Kunaev", "detained"), ("Dariga Ospan", "detained")}),
        ("Marat Kunaev walked out of house arrest on 17 August 2019.", {("Marat Kunaev", "released")}),
        ("On 16 August 2019 the court fined Marat Kunaev and ordered him not to leave Almaty for three months.",
         {("Marat Kunaev", "fined"), ("Marat Kunaev", "travel_restricted")}),
    ]:
        found = {(v, t) for v, t, _ in acts(text)}
        assert expected <= found, (text, found)


def test_all_those_detained_are_the_victims_of_the_acts_just_told():
    for text in [
        "On 3 May police detained Marat Kunaev in Oral and Dariga Ospan in Almaty. All those detained have since "
        "been released.",
        "Police took Marat Kunaev and Dariga Ospan to a station on 3 May. Both the activists were released on "
        "5 May.",
        "Marat Kunaev was detained on 3 May. Dariga Ospan was detained in Almaty. All two were later released.",
    ]:
        released = {(v, d) for v, t, d in acts(text, "2019-06-01") if t == "released"}
        assert {v for v, _ in released} == {"Marat Kunaev", "Dariga Ospan"}, (text, released)
    # "has since been released" is an act with no day of its own; "since May" is still a state
    assert ("Marat Kunaev", "released", "") in acts("Marat Kunaev was detained in May. He has since been released.",
                                                     "2019-06-01")
    # only those with acts: a person merely named in the paragraph is not among them
    found = acts("Marat Kunaev was detained on 3 May. The journalist Aliya Nurova wrote about it. All those detained "
                 "were released on 5 May.", "2019-06-01")
    assert not any(v == "Aliya Nurova" for v, _, _ in found), found


def test_later_without_a_day_of_its_own_is_undated_and_detention_centre_terms():
    for text in [
        "On 12 June 2019 police detained Marat Kunaev in the square. A court later fined him 20 MCI.",
        "Marat Kunaev was detained on 12 June 2019. He was later fined for disobeying the police.",
        "On 12 June 2019 Marat Kunaev was detained. Later a judge fined him 50,000 tenge.",
    ]:
        found = acts(text)
        assert ("Marat Kunaev", "fined", "") in found and ("Marat Kunaev", "detained", "2019-06-12") in found, \
            (text, found)
    # with a day of its own, "later" changes nothing
    assert ("Marat Kunaev", "fined", "2019-06-14") in acts(
        "Marat Kunaev was detained on 12 June 2019. Two days later a court fined him 20 MCI.")
    for text in [
        "On 12 April 2023 the court found Marat Kunaev guilty and sent him to the detention centre for 15 days.",
        "On 12 April 2023 a judge sent Marat Kunaev to the special detention centre for ten days.",
        "On 12 April 2023 Marat Kunaev was sent to jail for 15 days.",
    ]:
        found = acts(text)
        assert ("Marat Kunaev", "administrative_detention", "2023-04-12") in found and \
            not any(t == "sentenced" for _, t, _ in found), (text, found)


def test_a_lead_that_counts_its_victims_before_naming_them_gives_them_its_day_and_term():
    for text in [
        "KARAGANDA, January 16, 2018 — Two members of a religious group were each sentenced by a court on Monday to "
        "five years in prison.\n\nAccording to the verdict, Marat Kunaev and Dariga Ospan spread hatred. They were "
        "convicted under Article 174 of the Criminal Code.",
        "Two activists were sentenced on 15 January 2018 to five years in prison for their posts.\n\nThe court found "
        "that Marat Kunaev and Dariga Ospan had incited hatred; they were convicted under Article 174.",
        "January 16, 2018. On Monday a court sentenced two bloggers to five years in prison.\n\nThe men, Marat Kunaev "
        "and Dariga Ospan, were convicted under Article 174 of the Criminal Code.",
    ]:
        found = acts(text, "2018-01-16")
        for victim in ("Marat Kunaev", "Dariga Ospan"):
            assert (victim, "sentenced", "2018-01-15") in found and (victim, "imprisoned", "2018-01-15") in found, \
                (text, found)
    # a count that does not fit the names is not theirs
    found = acts("Three activists were sentenced on 15 January 2018 to five years in prison.\n\nMarat Kunaev and "
                 "Dariga Ospan were convicted under Article 174 in March 2017.", "2018-01-16")
    assert not any(d == "2018-01-15" for _, _, d in found), found
