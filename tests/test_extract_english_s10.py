"""Session 10, English extraction: categories of first-run errors seen on unseen documents (the retired test split),
each tested on made-up sentences in several shapes."""

from tests.test_extract_english_s9 import acts, names


def test_a_court_giving_days_in_jail_is_a_deprivation_not_a_prison_sentence():
    for text, who in [
        ("On 28 January a court in Kokshetau sentenced activist Aslan Qurmanbaev to 12 days in jail for a rally.",
         "Aslan Qurmanbaev"),
        ("On 3 May the court sentenced Marat Zhanuzaqov to ten days of arrest.", "Marat Zhanuzaqov"),
        ("A judge in Uralsk on 5 March sentenced blogger Aigul Sadykova to 15 days in a detention centre.",
         "Aigul Sadykova"),
    ]:
        found = {(v, g) for v, g, _ in acts(text)}
        assert (who, "DEPRIVATION") in found and (who, "PENALTY") not in found, (text, found)
    # a prison term stays a prison sentence, whatever days of custody the sentence also counts
    found = {(v, g) for v, g, _ in acts(
        "On 3 May a court sentenced Marat Zhanuzaqov to ten years in prison after 20 days in custody.")}
    assert ("Marat Zhanuzaqov", "PENALTY") in found, found


def test_a_term_someone_only_asked_for_is_no_act():
    for text in [
        "At the hearing on 14 June, prosecutor Farabi Aitymbetov asked the court to sentence Nurzhan Mukhammedov to "
        "two years of restriction of freedom.",
        "On 3 May prosecutors demanded seven years in prison for Aigul Sadykova.",
        "The prosecution sought four years of restricted liberty for Dias Omarov on 9 April.",
    ]:
        assert not any(g == "PENALTY" for _, g, _ in acts(text)), (text, acts(text))
    # the verdict after the request is an act
    found = acts("The prosecutor asked for seven years, but on 3 May the court sentenced Aigul Sadykova to five years "
                 "in prison.")
    assert ("Aigul Sadykova", "PENALTY", "2024-05-03") in found, found


def test_being_on_trial_is_a_prosecution():
    for text, who in [("Civic activist Nurzhan Mukhammedov is on trial in Shymkent since 3 May.", "Nurzhan Mukhammedov"),
                      ("On 12 February Duman Mukhammedkarim went on trial in Qonaev.", "Duman Mukhammedkarim"),
                      ("Blogger Aigul Sadykova was on trial in Almaty on 5 March.", "Aigul Sadykova")]:
        assert any(v == who and g == "PROSECUTION" for v, g, _ in acts(text)), (text, acts(text))


def test_a_list_entry_with_the_family_name_in_capitals_and_initials_is_a_person():
    text = ("III. Trial in Almaty, 11.10.2021\n9. ZHEKSEBAEV A. – in custody since 22.08.2020\n10. BEGIMBETOV A.\n"
            "11. KLYSHEV K.\n- RAHIMZHANOV N.B.\n")
    assert names(text) == ["A. Zheksebaev", "A. Begimbetov", "K. Klyshev", "N.B. Rahimzhanov"], names(text)
    # capitals that are no family name, and not opening an entry, stay no person
    assert names("The report of the OSCE A. and the UN B. was read.") == []
