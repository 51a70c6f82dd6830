"""Kazakh extraction, session 10: the categories of the first-run errors of the retired test split (a day of last year
with the genitive, an anniversary of an arrest, owners of one trial joined by "және", one who attended a hearing, a
role noun pointing back past a newer name, "айыпталушы" as a role, "бұрын" as a postposition, a present state after
its trigger). Every text is made up; each mechanism has several variants."""

import pytest

from qorgau.documents.extract.dates import find_dates
from tests.test_extract_kazakh_pairs import acts


@pytest.mark.parametrize("phrase, value", [
    ("өткен жылдың 29 қарашасында", "2023-11-29"),
    ("өткен жылдың 3 наурызында", "2023-03-03"),
    ("өткен жылдың 14 қыркүйегінде", "2023-09-14"),
])
def test_a_day_of_last_year_with_the_genitive_is_of_the_year_before_the_document(phrase, value):
    # (it was read as a day of the document's own year, after the document's date)
    found = find_dates(f"Астана, 2024 жылғы 19 қаңтар. Еске салайық, {phrase} сот үкім шығарды.", "2024-01-19")
    assert [d.value for d in found][-1] == value


@pytest.mark.parametrize("text", [
    "Ерлан Сапаров 2023 жылғы 5 наурызда ұсталды. Оның сот процесі 2024 жылғы 10 сәуірде, ұсталғанына бір жыл "
    "толғанда басталды.",
    "Ерлан Сапаров 2023 жылғы 5 наурызда ұсталды. 2024 жылғы 10 сәуірде Сапаровтың қамалғанына бір жыл болды.",
    "Ерлан Сапаров 2023 жылғы 5 наурызда ұсталды. 2024 жылғы 10 сәуірде ол ұсталғанына он үш ай толғанда сотқа "
    "шағым түсірді.",
])
def test_the_time_since_an_arrest_is_no_new_arrest(text):
    found = acts(text)
    assert ("Ерлан Сапаров", "detained", "2023-03-05") in found
    assert not any(d == "2024-04-10" and t in {"detained", "arrested"} for _, t, d in found)


@pytest.mark.parametrize("text, names", [
    ("Дидар Жақыповтың, Асқар Нұрғалиевтің және Айгүл Серікованың сот процесі 10 сәуірде басталды.",
     ["Дидар Жақыпов", "Асқар Нұрғалиев", "Айгүл Серікова"]),
    ("Нұрлан Есеновтің және Мұрат Қалиевтің сот отырысы 10 сәуірде Алматыда өтті.",
     ["Нұрлан Есенов", "Мұрат Қалиев"]),
    ("Санжар Оспановтың және Әсел Тоқтарованың сот процесі 10 сәуірде басталды.", ["Санжар Оспанов", "Әсел Тоқтарова"]),
])
def test_every_owner_of_a_trial_joined_by_and_is_tried(text, names):
    tried = {v for v, t, d in acts(text) if t == "tried" and d == "2024-04-10"}
    assert tried == set(names)


def test_a_genitive_list_owning_something_else_stays_bystanders():
    found = acts("Фазылжан Сыдықовтың және Айдар Мүбәраковтың адвокаттары 10 шілдеде ұсталды.")
    assert not {v for v, _, _ in found} & {"Фазылжан Сыдықов", "Айдар Мүбәраков"}


@pytest.mark.parametrize("role", ["адвокат", "журналист", "бақылаушы"])
def test_one_who_attended_a_hearing_is_not_tried(role):
    found = acts(f"Дидар Жақыповтың ісі бойынша сот отырысы 10 сәуірде өтті. Сот отырысына қатысқан {role} Асқар "
                 f"Нұрғалиев процестің жабық өткенін айтты.")
    assert ("Дидар Жақыпов", "tried", "2024-04-10") in found
    assert not any(v == "Асқар Нұрғалиев" for v, _, _ in found)


@pytest.mark.parametrize("noun, act", [
    ("Белсенді", "arrested"), ("Журналист", "arrested"), ("Блогер", "arrested"),
])
def test_a_role_noun_points_to_the_last_victim_not_to_a_newer_name(noun, act):
    text = (f"2023 жылғы 29 қарашада сот Ерлан Сапаровты жеті жылға бас бостандығынан айырды. Ол басқарған "
            f"қозғалыстың негізін шетелде жүрген Мұхтар Әлиев қалаған. {noun} былтыр мамырда қамауға алынған еді.")
    found = acts(text)
    assert ("Ерлан Сапаров", act, "2023-05") in found
    assert not any(v == "Мұхтар Әлиев" for v, _, _ in found)


@pytest.mark.parametrize("relative", ["әйелі", "ағасы", "адвокаты"])
def test_the_defendant_as_a_role_is_no_charge(relative):
    assert acts(f"Айыпталушы Тұрсынбек Қабидің {relative} Оралхан Әбенқызы залға кіргізілмегенін айтты.") == set()


def test_the_defendant_found_guilty_is_the_last_victim_sentenced():
    found = acts("Сот Ф. Сыздықовқа қатысты қылмыстық істі қарауды аяқтады.\n\nАйыпталушы кінәлі деп танылып, оған 4 жыл "
                 "бас бостандығынан айыру жазасы тағайындалды.")
    assert {t for v, t, _ in found if v.endswith("Сыздықов")} >= {"sentenced"}


@pytest.mark.parametrize("before", ["референдумнан бірнеше күн бұрын", "сайлаудан екі күн бұрын",
                                    "акциядан бір апта бұрын"])
def test_before_an_event_is_no_earlier_episode_and_the_next_acts_keep_the_day(before):
    text = (f"Алматы, 2025 жылғы 28 тамыз\n\nСот Ерлан Сапаров пен Дидар Жақыповты кінәлі деп тапты.\n\n"
            f"Белсенділер былтыр, 2024 жылғы 29 қыркүйекте, {before} ұсталған. Ал Ерлан Сапаров пен Дидар Жақыпов екі "
            f"айға қамауға алынды.")
    found = acts(text, published="2025-08-28")
    assert ("Ерлан Сапаров", "arrested", "2024-09-29") in found and ("Дидар Жақыпов", "arrested", "2024-09-29") in found


@pytest.mark.parametrize("state", ["үйқамақта отырған", "үй қамағында отырған", "тергеу изоляторында отырған"])
def test_a_state_told_in_the_present_after_its_trigger_takes_no_narrative_date(state):
    text = f"Іс 23 қаңтарда қарала бастады. Алғашқы отырыста {state} Аян Қалымбек процесті жабық өткізуді сұрады."
    found = acts(text)
    assert any(v == "Аян Қалымбек" and t in {"house_arrest", "pretrial_detention"} for v, t, _ in found)
    assert not any(v == "Аян Қалымбек" and t in {"house_arrest", "pretrial_detention"} and d for v, t, d in found)
