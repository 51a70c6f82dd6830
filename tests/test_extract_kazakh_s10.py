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


# ---- from the fresh round's first run (k80–k83) ----

@pytest.mark.parametrize("sentence, value", [
    ("Балгинді сот 21 желтоқсанда екі айға тергеу изоляторына қамады.", "2015-12-21"),
    ("Белсенді 3 қарашада ұсталды.", "2015-11-03"),
    ("Сот 14 қыркүйекте үкім шығарды.", "2015-09-14"),
])
def test_a_kazakh_day_without_its_year_after_the_documents_date_is_of_the_year_before(sentence, value):
    found = find_dates(f"2016 жылғы 20 қаңтар\n\n{sentence}", "2016-01-20")
    assert [d.value for d in found][-1] == value


@pytest.mark.parametrize("sentence, value", [
    ("Келесі сот отырысы 21 ақпанда өтеді.", "2016-02-21"),
    ("Тергеу мерзімі 5 наурызға дейін ұзартылды.", "2016-03-05"),
    ("Үкім 2 ақпанда жарияланады.", "2016-02-02"),
])
def test_a_kazakh_day_to_come_stays_in_the_documents_year(sentence, value):
    found = find_dates(f"2016 жылғы 20 қаңтар\n\n{sentence}", "2016-01-20")
    assert [d.value for d in found][-1] == value


@pytest.mark.parametrize("verb", ["бөлімшеге алып кетті", "полиция бөліміне апарды", "учаскеге әкетті"])
def test_held_and_taken_away_is_a_detention(verb):
    found = acts(f"13 ақпанда полиция Гүлзада Сержан мен Жанар Секербаеваны ұстап, {verb}.")
    assert {("Гүлзада Сержан", "detained", "2024-02-13"), ("Жанар Секербаева", "detained", "2024-02-13")} <= found


@pytest.mark.parametrize("support", ["қолдап", "қолдау үшін", "жақтап"])
def test_the_one_a_picket_supported_is_not_fined(support):
    found = acts(f"22 ақпанда белсенді Ақторғын Ақкенжебаласы сатирик Темірлан Енсебекті {support} пикетке шыққаны "
                 f"үшін айыппұл төлеуге міндеттелді.")
    assert ("Ақторғын Ақкенжебаласы", "fined", "2024-02-22") in found
    assert not any(v == "Темірлан Енсебек" for v, _, _ in found)


@pytest.mark.parametrize("opener", ["Олардың пікірінше", "Оның айтуынша", "Олардың сөзінше"])
def test_a_pronoun_naming_whose_opinion_it_is_points_to_no_victim(opener):
    text = (f"22 ақпанда белсенді Ерлан Сапаровқа айыппұл салынды. {opener}, айыппұлдар 8 наурыз "
            f"қарсаңында белсенділердің үнін өшіруге арналған.")
    assert {d for v, t, d in acts(text) if v == "Ерлан Сапаров"} == {"2024-02-22"}


@pytest.mark.parametrize("place", ["уақытша ұстау изоляторында", "Жаркент ауданындағы уақытша ұстау изоляторында",
                                   "Панфилов қаласының уақытша ұстау изоляторында"])
def test_held_now_in_police_cells_under_a_dateline_is_an_undated_detention(place):
    text = f"Баспасөз хабарламасы\n\n2025 жылғы 16 мамыр\n\nШыңжаңнан келген Ержанат Абай қазір {place} отыр."
    assert acts(text, published="2025-05-16") == {("Ержанат Абай", "detained", "")}


@pytest.mark.parametrize("name", ["Ержанат Абай", "Ержанат Абайды", "Ержанат Абайға"])
def test_a_kazakh_given_name_first_is_not_read_as_a_family_name_when_the_family_name_is_a_given_name_too(name):
    from qorgau.documents.extract.names import find_persons
    assert [m.name for m in find_persons(f"Полиция {name} туралы ақпарат берді.")] == ["Ержанат Абай"]


@pytest.mark.parametrize("paper", ["тінту туралы қаулыны көрсетпегенін", "тінту туралы хаттамаға қол қоймағанын",
                                   "тінту туралы шешімнің көшірмесін бермегенін"])
def test_a_paper_about_a_search_mentioned_by_a_lawyer_is_no_search_of_the_lawyer(paper):
    text = (f"1 желтоқсанда редакторы Гүлнара Бәжкенованың пәтерінде тінту жүрді. Редакция заңгері Ольга Диденко "
            f"тергеушілердің {paper} айтады.")
    found = acts(text)
    assert ("Гүлнара Бәжкенова", "searched", "2023-12-01") in found
    assert not any(v == "Ольга Диденко" for v, _, _ in found)


def test_a_warrant_issued_stays_the_act():
    # (a guard: "… туралы қаулы шығарды" is the act; December is last year's in a May text)
    found = acts("Тергеу судьясы 1 желтоқсанда Гүлнара Бәжкенованы үй қамағына жіберу туралы қаулы шығарды.")
    assert ("Гүлнара Бәжкенова", "house_arrest", "2023-12-01") in found


def test_a_kazakh_month_alone_after_the_documents_month_is_last_years():
    assert [d.value for d in find_dates("Ол желтоқсан айында ұсталды.", "2021-05-01")] == ["2020-12"]


@pytest.mark.parametrize("text, name", [
    ("Төменде Orda.kz басылымының адвокаты Мұрат Адамның жазбаларын береміз.", "Мұрат Адам"),
    ("Редактор Kursiv.media Асқар Нұрғалиев хабарлады.", "Асқар Нұрғалиев"),
    ("Ақпаратты Orda.kz және Vlast.kz жариялады, Ерлан Сапаров растады.", "Ерлан Сапаров"),
])
def test_a_sites_name_glued_to_its_domain_and_a_sentence_opener_are_no_persons(text, name):
    from qorgau.documents.extract.names import find_persons
    assert {m.name for m in find_persons(text)} == {name}
