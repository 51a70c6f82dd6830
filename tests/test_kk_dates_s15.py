"""Session 15 (h25-kkdate): the date of a Kazakh act on unseen text — the year a year-less day takes, the anchor a
count takes, which clause a date belongs to.

Built sentences, shapes x positions x languages where the mechanism is not Kazakh only; every case failed on main
(4b724c3) except the guards marked so. No sentence of the corpus or of the evaluation documents.
"""

import pytest

from tests.extracting import acts, dates


# -- a chronicle's month leads keep the chronicle's year ---------------------------------------------------------------
# A year stated inside one month's paragraph (a flashback, a participle's phrase) used to carry to the next month's
# paragraph: a review of 2022 dated its October to 2021.
CHRONICLES = {
    "kk": ("Қаңтар. Белсенді 7 қаңтарда ұсталды.\n\n"
           "Сәуір. {aside}\n\n"
           "Қазан. Полиция белсендіні 13 қазанда ұстады.", "13 қазанда",
           ["{y} жылғы қазанда тыйым салынған ұйымға қатысқаны үшін сотталған төрт белсендінің жазасы жеңілдетілді.",
            "{y} жылғы қазанда сотталған белсенділер босатылды."]),
    "ru": ("Январь. Активиста задержали 7 января.\n\n"
           "Апрель. {aside}\n\n"
           "Октябрь. Полиция задержала активиста 13 октября.", "13 октября",
           ["Осуждённые в октябре {y} года активисты вышли на свободу.",
            "Суд смягчил приговор, вынесенный в октябре {y} года."]),
    "en": ("January. An activist was detained on 7 January.\n\n"
           "April. {aside}\n\n"
           "October. Police detained the activist on 13 October.", "13 October",
           ["Four activists sentenced in October {y} were let out.",
            "A court eased the terms handed down in October {y}."]),
}


@pytest.mark.parametrize("language, aside", [(lang, aside) for lang, (_, _, asides) in CHRONICLES.items()
                                             for aside in asides])
@pytest.mark.parametrize("year", ["2021", "2019"])
def test_a_chronicles_month_paragraph_is_of_the_chronicles_year(language, aside, year):
    text = CHRONICLES[language][0].format(aside=aside.format(y=year))
    assert dates(text, "2022-12-30")[-1] == "2022-10-13"


# -- a state that has lasted since a year-less day up to now -----------------------------------------------------------
# "Ноғаев 26 наурыздан бері үй қамағында отыр": the latest 26 March before the document, not the year of the flashback
# told before it (nor the year after it, as "the narrative runs on into the next year" read it).
SINCE = [
    ("kk", "{name} 26 наурыздан бері үй қамағында отыр."),
    ("kk", "{name} 26 наурыздан бастап тергеу изоляторында отыр."),
    ("kk", "Содан бері, яғни 26 наурыздан бері, {name} үй қамағында жатыр."),
    ("en", "{name} has been under house arrest since 26 March."),
    ("en", "Since 26 March {name} has been held in a pre-trial detention centre."),
    ("ru", "С 26 марта {name} находится под домашним арестом."),
    ("ru", "{name} содержится в СИЗО с 26 марта."),
]
BEFORE = {"kk": "Тергеудің пайымынша, ол {y} жылғы 4 қыркүйекте митингіде сөйлеген. ",
          "en": "Investigators say that on 4 September {y} he spoke at a rally. ",
          "ru": "По версии следствия, 4 сентября {y} года он выступил на митинге. "}
NAME = {"kk": "Ноғаев", "en": "Nogayev", "ru": "Ногаев"}


@pytest.mark.parametrize("language, shape", SINCE)
@pytest.mark.parametrize("published, year_before, expected", [
    ("2021-05-20", "2019", "2021-03-26"),   # the document's year
    ("2021-02-10", "2018", "2020-03-26"),   # 26 March still to come this year: last year's
])
def test_a_present_state_since_a_year_less_day_starts_on_the_latest_such_day(language, shape, published, year_before,
                                                                            expected):
    text = BEFORE[language].format(y=year_before) + shape.format(name=NAME[language])
    assert expected in dates(text, published)


def test_after_a_present_state_the_narrative_is_in_the_present_year():
    text = ("Тергеудің пайымынша, ол 2019 жылғы 4 қыркүйекте митингіде сөйлеген. Ноғаев 26 наурыздан бері үй "
            "қамағында отыр. Іс 18 мамырда сотта қарала бастады.")
    assert dates(text, "2021-05-20")[-1] == "2021-05-18"


@pytest.mark.parametrize("text", [
    # guards: a day that starts no present state is read from the narrative, not as the latest such day
    "Ол 2019 жылғы 4 қыркүйекте ұсталды. 26 наурыздан бері ол бірнеше рет сотқа шақырылды.",
    "He was detained on 4 September 2019. Since 26 March he was questioned twice.",
])
def test_a_since_day_without_a_present_state_keeps_the_narratives_year(text):  # guard
    assert "2021-03-26" not in dates(text, "2021-05-20")


# -- a count from "that" (the day last stated) -------------------------------------------------------------------------
@pytest.mark.parametrize("count, expected", [
    ("Одан екі күн бұрын", "2022-10-11"),
    ("Бұдан екі күн бұрын", "2022-10-11"),
    ("Содан үш күн бұрын", "2022-10-10"),
    ("Одан бір апта бұрын", "2022-10-06"),
    ("Бұдан бірнеше сағат бұрын", "2022-10-13"),
])
@pytest.mark.parametrize("frame", [
    "{c} журналист Дұман Мұхаммедкәрім 15 тәулікке қамалды.",
    "{c} полиция журналист Дұман Мұхаммедкәрімді ұстады.",
    "{c} журналист Дұман Мұхаммедкәрім ұсталған болатын.",
])
def test_a_kazakh_count_back_from_that_day(count, expected, frame):
    text = "Белсенді Рафик Жарылқасымов 2022 жылғы 13 қазанда ұсталды. " + frame.format(c=count)
    assert dates(text, "2022-12-30")[-1] == expected
    assert any(v == "Дұман Мұхаммедкәрім" and d == expected for v, _, d in acts(text, "2022-12-30"))


# -- a Kazakh date before a semicolon is its own clause's --------------------------------------------------------------
@pytest.mark.parametrize("state", ["2021 жылғы 24 мамырдан бері аштық жариялап жүрген",
                                   "2021 жылғы 24 мамырда наразылыққа шыққан",
                                   "2021 жылғы 24 мамырдан бастап пикетте тұрған"])
@pytest.mark.parametrize("act", ["1 шілдеде Шымкентте талап етіп тұрған жерінен ұсталған",
                                 "1 шілдеде Шымкентте саяси тұтқындарды қолдап тұрған жерінен ұсталды"])
def test_a_kazakh_date_before_a_semicolon_is_not_the_next_clauses(state, act):
    text = f"Ерлан Файзуллаев {state}; {act}."
    assert ("Ерлан Файзуллаев", "detained", "2021-07-01") in acts(text, "2024-03-25")


# -- a Kazakh date in a participle's phrase sets no year ---------------------------------------------------------------
@pytest.mark.parametrize("aside", [
    "Іс 2024 жылғы қаңтарда жарияланған бір жазбадан басталды.",
    "Оған 2024 жылғы қаңтарда тыйым салынған ұйымға қатысты деген айып тағылды.",
    "Блогер 2024 жылғы 3 қаңтарда жазылған постқа бола қудаланып отыр.",
])
@pytest.mark.parametrize("act, kind", [("Полиция Темірлан Енсебекті 17 қаңтарда үйінің жанынан ұстады.", "detained"),
                                       ("Темірлан Енсебек 17 қаңтарда ұсталды.", "detained")])
def test_a_kazakh_participles_date_sets_no_year(aside, act, kind):
    text = f"Алматы, 12 сәуір. {aside} {act}"
    assert ("Темірлан Енсебек", kind, "2025-01-17") in acts(text, "2025-04-12")


@pytest.mark.parametrize("aside", ["Іс 2024 жылғы қаңтарда басталды.",
                                   "2024 жылғы 18 қаңтарға қараған түні ол ұсталды.",
                                   "Ол 2024 жылғы 12 қаңтарда ұсталып, оған ҚК 274-бабы бойынша айып тағылды."])
def test_a_kazakh_date_of_the_main_verb_still_sets_the_year(aside):  # guard
    text = f"Алматы, 12 сәуір. {aside} Темірлан Енсебек 17 қаңтарда ұсталды."
    assert ("Темірлан Енсебек", "detained", "2024-01-17") in acts(text, "2025-04-12")


# -- before an undated event: no day from the narrative (Kazakh) -------------------------------------------------------
@pytest.mark.parametrize("event", ["референдум алдында", "Үкімнің алдында", "сайлау алдында", "сот отырысы алдында"])
@pytest.mark.parametrize("frame", ["{e} белсенді Нұрлан Жәулібаев ұсталды.",
                                   "Полиция {e} белсенді Нұрлан Жәулібаевты ұстады."])
def test_a_kazakh_act_before_an_undated_event_has_no_day(event, frame):
    text = "Сот процесі 2025 жылғы 10 шілдеде басталды.\n\n" + frame.format(e=event)
    found = {(v, t, d) for v, t, d in acts(text, "2025-08-26") if v == "Нұрлан Жәулібаев" and t == "detained"}
    assert found == {("Нұрлан Жәулібаев", "detained", "")}


# -- a Kazakh year before a code's year ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Бұл іс бізге 2012 жылы 1997 жылғы Қылмыстық кодекстің 241-бабы бойынша сотталған Роза Тұлетаеваның ісін еске салады.",
    "Ол 2012 жылы 1997 жылғы ҚК-нің 164-бабы бойынша сотталды.",
])
def test_a_kazakh_year_before_a_codes_year_is_a_date(text):
    assert "2012" in dates(text, "2024-01-10")


# -- the time between a genitive name and the verbal noun it owns -------------------------------------------------------
# "Х-тің 12 маусымда ұсталғанын … хабарлады": the date stands between the owner and the act; the act is the owner's, of
# that day (before, the genitive name was read as owning the date's words and was no victim at all).
@pytest.mark.parametrize("time, expected", [("12 маусымда", "2023-06-12"), ("2023 жылғы 12 маусымда", "2023-06-12"),
                                            ("12.06.2023", "2023-06-12"), ("кеше Алматыда", "2023-06-14")])
@pytest.mark.parametrize("frame", ["Ерлан Қалиевтің {t} ұсталғанын адвокаты хабарлады.",
                                   "Белсенді Ерлан Қалиевтің {t} ұсталғаны белгілі болды.",
                                   "Еріктілер Ерлан Қалиевтің {t} ұсталғанын растады."])
def test_a_kazakh_date_between_a_genitive_name_and_its_act(time, expected, frame):
    assert ("Ерлан Қалиев", "detained", expected) in acts(frame.format(t=time), "2023-06-15")


@pytest.mark.parametrize("text", ["Ерлан Қалиевтің 12 маусымда жазған кітабы тәркіленді.",
                                  "Ерлан Қалиевтің Алматыда жазған кітабы тәркіленді."])
def test_a_genitive_name_owning_a_thing_past_a_date_is_still_no_victim(text):  # guard
    assert not acts(text, "2023-06-15")


# -- "this year" in Kazakh ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["осы жылы", "осы жылдың басында", "осы жылдың соңында", "осы жылдың бірінші жартысында"])
@pytest.mark.parametrize("before", ["", "Ерлан Қалиев 2021 жылы сотталған. "])
def test_kazakh_this_year_is_the_documents_year(phrase, before):
    text = before + f"{phrase[0].upper() + phrase[1:]} Ерлан Қалиев тағы ұсталды."
    assert ("Ерлан Қалиев", "detained", "2023") in acts(text, "2023-06-15")


# -- Kazakh date shapes: "ж." inside a sentence, days of one month, a dateline with a comma ------------------------------
@pytest.mark.parametrize("year", ["2023 ж.", "2023 ж. "])
def test_a_kazakh_abbreviated_year_ends_no_sentence(year):
    text = f"Ерлан Қалиев – {year} 12 мамырда ұсталды, 2023 ж. 20 мамырда 5 жылға сотталды.".replace("  ", " ")
    found = acts(text, "2023-06-15")
    assert ("Ерлан Қалиев", "detained", "2023-05-12") in found
    assert ("Ерлан Қалиев", "sentenced", "2023-05-20") in found


@pytest.mark.parametrize("text, expected", [
    ("Ерлан Қалиев 2023 жылғы 5 және 6 наурызда ұсталды.", ("2023-03-05", "2023-03-06")),
    ("Ерлан Қалиев 2023 жылғы 5–6 наурызда ұсталды.", ("2023-03-05", "2023-03-06")),
    ("Ерлан Қалиев 5–6 наурызда ұсталды.", ("2023-03-05", "2023-03-06")),
    ("Ерлана Калиева задерживали 5 и 6 марта 2023 года.", ("2023-03-05", "2023-03-06")),
    ("Ерлана Калиева задерживали 5–6 марта.", ("2023-03-05", "2023-03-06")),
])
def test_days_of_one_month_are_a_span(text, expected):
    from qorgau.documents.extract.dates import find_dates
    assert [(d.value, d.value_end) for d in find_dates(text, "2023-06-15")] == [expected]


@pytest.mark.parametrize("line", ["5 наурыз, 2023 жыл.", "5 наурыз, 2023 ж.", "5 марта, 2023 г.", "5 наурыз, 2023"])
def test_a_dateline_with_a_comma_before_the_year_is_that_day(line):
    assert dates(f"{line}\nБелсенді Ерлан Қалиев ұсталды.", "2023-06-15")[0] == "2023-03-05"


# -- a state in the progressive and an act "until" it happens -----------------------------------------------------------
@pytest.mark.parametrize("state", ["азапталып жатқанын айтты", "азапталып жатқаны белгілі болды",
                                   "азапталып жатқанын жазды"])
def test_a_kazakh_progressive_state_has_no_day_from_the_narrative(state):
    text = f"Ерлан Қалиев 2023 жылғы 5 наурызда сотталды. Кейін ол колонияда {state}."
    found = {(t, d) for v, t, d in acts(text, "2023-06-15") if v == "Ерлан Қалиев" and t in {"ill_treatment", "harassed"}}
    assert found and all(d == "" for _, d in found)


@pytest.mark.parametrize("until", ["ол босатылғанша наразылықты тоқтатпайды", "ол сотталғанша үйінде болды",
                                   "ол 15 тәулікке қамалғанша блог жүргізді", "ол босатылғанша аштық жариялады"])
def test_a_kazakh_act_until_which_something_lasts_did_not_happen(until):
    text = f"Ерлан Қалиев 2023 жылғы 5 наурызда ұсталды. Жақтастарының айтуынша, {until}."
    assert {t for v, t, d in acts(text, "2023-06-15") if v == "Ерлан Қалиев"} == {"detained"}


# -- a Kazakh state's start does not move the narrative; counts in days of 24 hours, "араға … салып", years back -------
@pytest.mark.parametrize("state", ["Ол 2019 жылдан бері полицияның назарында.", "Ол 2019 жылдан бастап бақылауда жүр.",
                                   "2019 жылдан бері ол шетелге шыға алмайды."])
def test_a_kazakh_states_start_dates_no_later_act(state):
    text = f"Ерлан Қалиев 2023 жылғы 5 наурызда ұсталды. {state} Оған 405-бап бойынша айып тағылды."
    assert ("Ерлан Қалиев", "charged", "2023-03-05") in acts(text, "2023-06-15")


@pytest.mark.parametrize("count, expected", [("Араға үш күн салып", "2023-03-08"), ("Ол 10 тәуліктен кейін", "2023-03-15"),
                                             ("15 тәуліктен соң", "2023-03-20"), ("Араға бір апта салып", "2023-03-12")])
def test_kazakh_counts_forward_from_the_day_last_stated(count, expected):
    text = f"Ерлан Қалиев 2023 жылғы 5 наурызда ұсталды. {count} ол босатылды."
    assert ("Ерлан Қалиев", "released", expected) in acts(text, "2023-06-15")


@pytest.mark.parametrize("count, expected", [("Бұдан бір жыл бұрын", "2022"), ("Одан екі жыл бұрын", "2021")])
def test_a_kazakh_count_of_years_back_from_that_day_is_that_year(count, expected):
    text = f"Ерлан Қалиевке 2023 жылғы 5 наурызда айып тағылды. {count} ол 15 тәулікке қамалған."
    assert ("Ерлан Қалиев", "administrative_detention", expected) in acts(text, "2023-06-15")


@pytest.mark.parametrize("season, expected", [("Өткен жылдың жазында", "2024-06"), ("Былтырғы күзінде", "2024-09"),
                                              ("Өткен жылдың көктемінде", "2024-03")])
def test_a_kazakh_season_of_last_year(season, expected):
    text = f"Ерлан Қалиев 2025 жылғы 17 қаңтарда ұсталды. {season} оның досы Асхат Нұрланов 15 тәулікке қамалды."
    assert any(v == "Асхат Нұрланов" and d == expected for v, _, d in acts(text, "2025-04-12"))
