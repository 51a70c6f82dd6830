"""Session 8, English extraction and the engine: made-up texts in the shapes of round 1's failures (e58–e62)."""

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions


def proposals(text, published="2024-11-01"):
    return find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text), published=published)


def acts(text, published="2024-11-01"):
    return {(p.victims[0], p.act_type, p.date) for p in proposals(text, published)}


def victims(text, published="2024-11-01"):
    return {p.victims[0] for p in proposals(text, published)}


def test_a_person_quoted_under_a_title_or_met_in_an_interview_is_no_antecedent():
    for text, focus, other in [
        ("Arman Seitov, a blogger, was questioned twice. \"This is revenge,\" said the Ombudsman, Dana Ospanova. "
         "He was detained on 3 May.", "Arman Seitov", "Dana Ospanova"),
        ("Police detained Marat Kunaev on 2 March. Days before, he had recorded an interview with Ilyas Nurov. "
         "He was charged on 4 March.", "Marat Kunaev", "Ilyas Nurov"),
        ("Marat Kunaev was fined on 2 March. \"We are worried,\" added the Ombudsman, Olzhas Beketov. "
         "The journalist was detained on 9 March.", "Marat Kunaev", "Olzhas Beketov"),
        ("Prosecutors charged Aigul Sadykova on 2 March. The outlet ran a long interview with Bota Karimova, "
         "and on 9 March police detained her.", "Aigul Sadykova", "Bota Karimova"),
    ]:
        found = victims(text)
        assert focus in found and other not in found, (text, found)


def test_names_each_with_its_own_place_share_one_verb():
    for text, names in [
        ("Zhanat Omarov in Ekibastuz, Nurbek Sadyk in Astana and Kanat Iliyasov in Almaty were each given "
         "15 days of administrative arrest on 24 October.", {"Zhanat Omarov", "Nurbek Sadyk", "Kanat Iliyasov"}),
        ("Aigul Sadykova in Shymkent and Bota Karimova in Taraz were fined on 2 March.",
         {"Aigul Sadykova", "Bota Karimova"}),
        ("Marat Kunaev in Aktau, Ilyas Nurov in Atyrau and Dana Ospanova in Uralsk were detained on "
         "5 June.", {"Marat Kunaev", "Ilyas Nurov", "Dana Ospanova"}),
    ]:
        assert names <= victims(text), (text, victims(text))


def test_a_part_counted_after_another_part_does_not_take_its_act():
    for text, name in [
        ("Police detained 30 activists in Almaty on 3 October. Most were released within hours. Two of them — "
         "Marat Kunaev and Ilyas Nurov — were remanded in custody.", "Marat Kunaev"),
        ("On 3 October police detained 12 people. Some were fined. Three of them, Marat Kunaev, Ilyas Nurov and "
         "Dana Ospanova, were placed in pre-trial detention.", "Ilyas Nurov"),
        ("Dozens of protesters were detained on 3 October. Others were let go. Two of those, Marat Kunaev and "
         "Ilyas Nurov, were charged with organising riots.", "Marat Kunaev"),
    ]:
        types = {t for v, t, _ in acts(text) if v == name}
        assert "released" not in types and types, (text, types)


def test_each_was_found_guilty_names_those_the_paragraph_told_acts_of():
    for text in [
        "After Mukhtar Kabylov called for protests, Marat Kunaev and Ilyas Nurov were given 10 days of "
        "administrative arrest on 24 October. Each was found guilty under Article 488 of the Administrative Code.",
        "Mukhtar Kabylov urged people to rally. On 24 October Marat Kunaev and Ilyas Nurov were detained. "
        "Each was fined under Article 488 of the Administrative Code.",
        "Responding to a call by Mukhtar Kabylov, Marat Kunaev and Ilyas Nurov went out; both were detained on "
        "24 October. Each was sentenced to 10 days under Article 488 of the Administrative Code.",
    ]:
        assert "Mukhtar Kabylov" not in victims(text), text


def test_a_year_compared_with_is_not_the_year_of_the_dates_after_it():
    for text in [
        "As in 2023, the run-up to Republic Day on 25 October brought arrests.",
        "Like in 2021, the trial opened on 25 October.",
        "Unlike in 2022, police detained him on 25 October.",
    ]:
        assert [d.value for d in find_dates(text, "2025-02-14") if len(d.value) == 10] == ["2024-10-25"], text


def test_an_english_trigger_ending_like_a_kazakh_case_is_an_act():
    # "beaten" ends in "ten", a Kazakh ablative ending — which stops Kazakh triggers only
    for text in [
        "Marat Kunaev said guards had beaten him in the detention centre.",
        "Marat Kunaev was beaten by officers on 3 May.",
        "Officers had beaten Marat Kunaev at the police station.",
    ]:
        assert any(v == "Marat Kunaev" and t == "ill_treatment" for v, t, _ in acts(text)), (text, acts(text))


def test_detention_and_attack_wordings():
    for text, kind in [
        ("Marat Kunaev was taken into police custody on 28 October.", "detained"),
        ("Marat Kunaev was picked up by police on 28 October.", "detained"),
        ("On 28 October three unknown men beat and stabbed Marat Kunaev.", "attacked"),
        ("In late August unidentified attackers beat and stabbed him. Marat Kunaev survived.", None),
        ("Marat Kunaev was stabbed outside his flat on 28 August.", "attacked"),
        ("Marat Kunaev got away with a fine on 3 May.", "fined"),
        ("On 3 May a court gave Marat Kunaev 15 days of arrest.", "administrative_detention"),
    ]:
        if kind:
            assert any(v == "Marat Kunaev" and t == kind for v, t, _ in acts(text)), (text, acts(text))


def test_a_dated_charge_told_with_a_detention_stays_beside_the_later_verdict():
    for text in [
        "On 22 June 2023 a judge remanded Marat Kunaev in custody on charges of financing extremism. "
        "On 2 August 2024 a court sentenced him to seven years in prison.",
        "Marat Kunaev was detained and charged with inciting discord on 5 May 2022. On 1 December 2022 he was "
        "sentenced to five years.",
        "On 3 March 2021 police arrested Marat Kunaev on charges of spreading false information. In October 2021 "
        "he was convicted and sentenced to two years.",
    ]:
        found = acts(text)
        assert any(t == "charged" for _, t, _ in found), (text, found)
    # an undated charge still joins the verdict
    found = acts("Marat Kunaev was charged with inciting discord. On 1 December 2022 he was sentenced to five years.")
    assert not any(t == "charged" for _, t, _ in found)


# Round 2 (e63–e67)

def test_a_name_does_not_run_into_the_label_of_the_next_field():
    for text, names in [
        ("Judge: Beinegul Omarova\nDefence: Zhanara Sadykova\nMonitoring: two observers",
         {"Beinegul Omarova", "Zhanara Sadykova"}),
        ("Defendant: Marat Kunaev\nStatus: in custody", {"Marat Kunaev"}),
        ("Lawyer: Aigul Sadykova\nVerdict: 3 May", {"Aigul Sadykova"}),
    ]:
        assert {m.name for m in find_persons(text)} == names, text
    # a name broken over two lines of running text is still one name
    assert {m.name for m in find_persons("the activist Marat\nKunaev was detained")} == {"Marat Kunaev"}


def test_objects_gapped_by_their_terms_share_the_verdict():
    for text, second in [
        ("In October 2016 a court sentenced Seitkazy Omarov to six years in prison and Aset Omarov to five.",
         "Aset Omarov"),
        ("On 3 May the court sentenced Marat Kunaev to four years and Ilyas Nurov to three.", "Ilyas Nurov"),
        ("A judge in Almaty sentenced Dana Ospanova to two years, Aigul Sadykova to one year and Bota Karimova "
         "to eighteen months on 9 June 2021.", "Bota Karimova"),
    ]:
        assert any(v == second and t == "sentenced" for v, t, _ in acts(text)), (text, acts(text))


def test_a_role_noun_points_to_the_person_named_in_that_role():
    for text in [
        "A court sentenced investigative journalist Marat Kunaev on 18 October. He had accused Dana Ospanova, a "
        "media manager, of corruption. The journalist has been in custody since his arrest in late March.",
        "Police questioned blogger Marat Kunaev on 2 May. Ilyas Nurov, a businessman, filed the complaint. "
        "The blogger was detained on 5 May.",
        "The activist Marat Kunaev was fined on 2 May. His neighbour Ilyas Nurov testified against him. "
        "The activist was detained on 5 May.",
    ]:
        deprived = {v for v, t, _ in acts(text) if t in {"detained", "pretrial_detention", "arrested"}}
        assert deprived == {"Marat Kunaev"}, (text, deprived)


def test_a_day_named_with_its_weekday_is_of_the_year_whose_calendar_agrees():
    for text, published, day in [
        ("In October 2016 a court ruled. Early on Sunday, 3 July, officers detained him.", "2022-07-08",
         "2022-07-03"),
        ("Back in 2019 he was fined. On Tuesday, 5 March, police came again.", "2024-03-10", "2024-03-05"),
        ("On Friday, 29 December, he was detained.", "2024-01-03", "2023-12-29"),
    ]:
        assert day in [d.value for d in find_dates(text, published)], (text, find_dates(text, published))


def test_round_two_wordings():
    for text, kind in [
        ("In 2021 police opened a case against Marat Kunaev over a post.", "investigated"),
        ("Marat Kunaev was found guilty on 11 April 2025; his laptop and phone confiscated.", "device_seized"),
    ]:
        assert any(v == "Marat Kunaev" and t == kind for v, t, _ in acts(text)), (text, acts(text))


def test_an_accusation_made_by_the_person_is_no_charge_against_him():
    for text in [
        "Vadim Kuramshin was detained on 23 January 2012, before a press conference at which he planned to name "
        "prosecutors he accused of corruption.",
        "Marat Kunaev was fined on 3 May; the officers whom he accused of lying testified.",
        "On 3 May police detained Marat Kunaev, who accused the governor of fraud.",
    ]:
        assert not any(t == "charged" for _, t, _ in acts(text)), (text, acts(text))
    assert any(t == "charged" for _, t, _ in acts("On 3 May Marat Kunaev was accused of fraud."))

