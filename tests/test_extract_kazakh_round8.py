"""Kazakh extraction, session 8: shapes that gave false or misdated acts on fresh Kazakh text — a day of last year
("былтыр 29 қыркүйекте"), an act told "in recent weeks" (no date of the narrative), "оларды" after a counted group
(the counted people, not the persons named before), a second clause with its own verb after a finite verb ("X-ті
соттады, айыптаушылар A мен B-ны онымен байланыстырды"), a release from a colony and "N жылдық жазасы" owned by a
name in the genitive. Every text is made up in the shape of a category, not copied from a report."""

import pytest

from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons

from .test_extract_kazakh_pairs import acts, proposals  # noqa: F401  (the shared reading of a text)


@pytest.mark.parametrize("phrase, published, value", [
    ("былтыр 29 қыркүйекте", "2025-08-26", "2024-09-29"),
    ("Былтыр 5 желтоқсанда", "2023-02-01", "2022-12-05"),
    ("өткен жылғы 3 наурызда", "2021-06-30", "2020-03-03"),
    ("өткен жылы 17 мамырда", "2017-01-20", "2016-05-17"),
])
def test_a_day_of_last_year_is_that_day_a_year_before_the_text(phrase, published, value):
    assert [d.value for d in find_dates(f"Ол {phrase} ұсталды.", published)] == [value]


@pytest.mark.parametrize("text", [
    "Нұрлан Серікбаев былтыр 29 қыркүйекте ұсталған.",
    "Былтыр 29 қыркүйекте полиция Нұрлан Серікбаевты ұстады.",
    "Нұрлан Серікбаевты өткен жылғы 29 қыркүйекте полиция қамауға алды.",
])
def test_an_arrest_told_with_a_day_of_last_year_takes_that_day(text):
    assert any(n == "Нұрлан Серікбаев" and d == "2024-09-29" for n, _, d in acts(text, "2025-08-26"))


@pytest.mark.parametrize("text", [
    "Ержан Омаров 2021 жылғы қазанда бес жылға сотталды.\n\nСоңғы апталарда Ержан Омаров бостандыққа шықты.",
    "Ержан Омаров 2021 жылғы қазанда бес жылға сотталды. Жақында Ержан Омаров колониядан босатылды.",
    "2021 жылғы қазанда Ержан Омаровты бес жылға соттады.\n\nСоңғы айларда Ержан Омаров та осындай шешіммен "
    "бостандыққа шықты.",
])
def test_a_release_told_in_recent_weeks_takes_no_date_of_the_narrative(text):
    released = {d for n, t, d in acts(text, "2022-05-23") if t == "released"}
    assert released == {""}
    assert any(t == "sentenced" and d == "2021-10" for _, t, d in acts(text, "2022-05-23"))


@pytest.mark.parametrize("text", [
    "Асан Бекұлы мен Марат Сейітов 3 наурызда ұсталды. Сол кезде полиция тағы жеті адамды ұстаған, бірақ оларды "
    "кейін кепілмен босатты.",
    "Асан Бекұлы мен Марат Сейітов 3 наурызда ұсталды. Сол күні тағы бес белсендіні ұстап, кешке оларды босатты.",
    "Асан Бекұлы мен Марат Сейітов 3 наурызда ұсталды. Полиция ондаған тұрғынды ұстады, оларды түнде босатты.",
])
def test_they_after_a_counted_group_are_the_counted_people_not_the_persons_named_before(text):
    found = acts(text, "2024-03-10")
    assert ("Асан Бекұлы", "detained", "2024-03-03") in found
    assert not any(t == "released" for _, t, _ in found)


@pytest.mark.parametrize("text, other", [
    ("Сот Бауыржан Есеновты 7 қарашада 21 жылға соттады, айыптаушылар Ерлан Қасымов пен Дана Оразбаеваны онымен "
     "байланыстырды.", "Ерлан Қасымов"),
    ("Бауыржан Есеновты 7 қарашада ұстады, тергеушілер Ерлан Қасымовты куә ретінде шақырды.", "Ерлан Қасымов"),
    ("Полиция Бауыржан Есеновты 7 қарашада қамауға алды, оның ағасы Ерлан Қасымов бұл туралы журналистерге айтты.",
     "Ерлан Қасымов"),
])
def test_a_clause_with_its_own_verb_after_a_finite_verb_is_about_its_own_people(text, other):
    found = acts(text, "2017-01-20")
    assert any(n == "Бауыржан Есенов" for n, _, _ in found)
    assert not any(n == other for n, _, _ in found)


@pytest.mark.parametrize("text, name", [
    ("Белсенді Ноян Жақсыбеков колониядан шығатын болды.", "Ноян Жақсыбеков"),
    ("Сот Ноян Жақсыбековтың бес жылдық жазасының өтелмеген бөлігін бас бостандығын шектеумен ауыстырды.",
     "Ноян Жақсыбеков"),
    ("Ақын Серік Айдаров түрмеден шықты.", "Серік Айдаров"),
    ("Қалалық сот Серік Айдаровтың үш жылдық жазасын айыппұлмен ауыстырды.", "Серік Айдаров"),
])
def test_a_release_from_a_colony_or_a_term_replaced_is_a_release(text, name):
    assert any(n == name and t in {"released", "sentence_reduced", "paroled"} for n, t, _ in acts(text))


@pytest.mark.parametrize("full, initials, name", [
    ("Талғат Аянға", "Т. Аянды", "Талғат Аян"),
    ("Нұрлан Асанға", "Н. Асанды", "Нұрлан Асан"),
    ("Серік Аманға", "С. Аманды", "Серік Аман"),
    ("Бауыржан Русланға", "Б. Русланды", "Бауыржан Руслан"),
])
def test_kazakh_initials_in_the_accusative_are_the_full_name_not_a_russian_reading(full, initials, name):
    text = f"Сот {full} қатысты істі қарады. Сот {initials} кінәлі деп тапты."
    assert {m.name for m in find_persons(text)} == {name}


@pytest.mark.parametrize("text, name, article", [
    ("Бүгін Ерлан Жақыпов «жаппай тәртіпсіздікке қатысты» деп танылды (ст. 272 ч. 2 УК РК).", "Ерлан Жақыпов", "272"),
    ("Сот Айгүл Нұрова мен Дина Сейітованы «жалған ақпарат таратқан» деп тапты, ҚК-нің 274-бабы.", "Дина Сейітова",
     "274"),
    ("Кеше Марат Әлиев «экстремистік ұйымға қатысқан» деп табылды (ҚК 405-б. 2-б.).", "Марат Әлиев", "405"),
])
def test_a_charge_quoted_as_a_clause_then_found_is_the_verdict_with_its_articles(text, name, article):
    found = proposals(text, "2024-05-20")
    assert any(name in p.victims and p.act_type == "sentenced" for p in found)
    assert any(name in p.victims and any(uid.startswith(f"CC-{article}") for uid, _ in p.provisions) for p in found)


def test_an_organisation_named_in_quotes_and_found_extremist_is_no_verdict_of_a_person():
    text = "Ерлан Жақыпов мүше болған «Көше партиясы» ұйымы экстремистік деп танылды."
    assert not any(p.act_type == "sentenced" for p in proposals(text))


# Round 2 (k67–k71)

@pytest.mark.parametrize("label, value", [
    ("Жазасы", "бас бостандығынан айыру"),
    ("Sentence", "imprisonment"),
    ("Қаласы", "Атырау"),
])
def test_a_list_field_repeated_with_the_same_value_is_entry_content_not_a_running_header(label, value):
    from qorgau.documents.ingest.repair import canonicalise
    from qorgau.documents.ingest.reading import read_document

    entries = "\n\n".join(f"{i}. АДАМОВ{i} Ерлан\n{label}: {value}" for i in range(1, 6))
    text = canonicalise(read_document("list.txt", entries.encode())).text
    assert text.count(f"{label}: {value}") == 5


@pytest.mark.parametrize("text, name", [
    ("1. ЖАҚЫПОВ Ерлан\nБаптары: ҚК 405-б.\nЖазасы: бас бостандығынан айыру\n", "Ерлан Жақыпов"),
    ("Аты-жөні: Айгүл Сейітова\nЖазасы: бас бостандығынан айыру\nҚаласы: Атырау\n", "Айгүл Сейітова"),
    ("2. НҰРОВ Асқар — Жазасы: бас бостандығынан айыру\n", "Асқар Нұров"),
])
def test_a_prison_term_field_without_a_length_is_a_sentence_and_prison(text, name):
    found = {(n, t) for n, t, _ in acts(text)}
    assert (name, "sentenced") in found and (name, "imprisoned") in found


@pytest.mark.parametrize("text, name", [
    ("Данебаевтың өзі 3 жылға сотталған саяси тұтқын еді. Тимур Данебаев Павлодарда отыр.", "Тимур Данебаев"),
    ("Тимур Данебаев бес жылға сотталған белсенді еді.", "Тимур Данебаев"),
    ("Асқар Әлиев екі жылға сотталған журналист болатын.", "Асқар Әлиев"),
])
def test_a_participle_in_the_predicate_is_the_subjects_undated_sentence(text, name):
    found = acts(text, "2025-02-01")
    assert (name, "sentenced", "") in found and (name, "imprisoned", "") in found


@pytest.mark.parametrize("text", [
    "Белсенді Тимур Жанов азапталды. Соған қарамастан сот ол қызметкерлерді ақтады.",
    "Белсенді Тимур Жанов 3 мамырда ұсталды. Кешке полиция басқа белсенділерді де ұстады.",
    "Белсенді Тимур Жанов 3 мамырда ұсталды. Сот кейін тергеушілерді ақтады.",
    "Белсенді Тимур Жанов 3 мамырда ұсталды. Референдум алдында бірқатар белсенді қысқа мерзімге қамалды.",
])
def test_a_group_the_sentence_names_is_not_the_person_just_spoken_of(text):
    found = acts(text, "2025-06-01")
    assert not any(t in {"acquitted", "administrative_detention", "arrested"} for _, t, _ in found)
    assert len([1 for _, t, _ in found if t == "detained"]) <= 1


@pytest.mark.parametrize("text, date", [
    ("Іс: Ерлан Жақыповқа қатысты қылмыстық іс\n\n1 тамыз 2024 ж. Тараптардың жарыссөзі өтті.", "2024-08-01"),
    ("Ерлан Жақыповқа айып тағылды.\n\nСот отырыстары 2024 жылғы 12 қазаннан бері жүрді.", "2024-10-12"),
    ("Ерлан Жақыповқа айып тағылды. Сот отырысы 5 наурызда басталды.", "2024-03-05"),
])
def test_hearings_told_without_a_name_are_the_trial_of_the_one_person_in_focus(text, date):
    assert ("Ерлан Жақыпов", "tried", date) in acts(text, "2024-12-01")


@pytest.mark.parametrize("text", [
    "Тимур Жановты түрме қызметкерлері азаптаған.",
    "Колонияда Тимур Жановты күзетшілер азаптады.",
    "Тимур Жановты тергеу изоляторында азапқа салды.",
])
def test_torture_told_with_a_past_participle_or_verb_is_ill_treatment(text):
    assert any(n == "Тимур Жанов" and t == "ill_treatment" for n, t, _ in acts(text))


@pytest.mark.parametrize("text, name", [
    ("2. СЕМБАЕВ Ерлан\nҰсталды: 12.05.2023\nЖазасы: бас бостандығынан айыру\n", "Ерлан Сембаев"),
    ("2. СЕМБАЕВ Ерлан Баптары: ҚК 405-б. Ұсталды: 12.05.2023 Жазасы: бас бостандығынан айыру", "Ерлан Сембаев"),
    ("3. ОМАРОВА Дина\nТінту: 03.02.2022\nЖазасы: 5 жыл бас бостандығынан айыру\n", "Дина Омарова"),
])
def test_a_penalty_field_takes_no_day_from_the_entrys_field_of_another_event(text, name):
    found = acts(text, "2025-01-31")
    assert (name, "sentenced", "") in found and (name, "imprisoned", "") in found


@pytest.mark.parametrize("text, name, day", [
    ("1. ЖАНОВ Марат\nЖазасы: 7 жыл\nҮкім: 29.11.2023\n", "Марат Жанов", "2023-11-29"),
    ("1. ЖАНОВ Марат Баптары: ҚК 405-б. Жазасы: 7 жыл Үкім: 29.11.2023", "Марат Жанов", "2023-11-29"),
    ("1. ЖАНОВ Марат\nҮкім: 29.11.2023\nЖазасы: 7 жыл\n", "Марат Жанов", "2023-11-29"),
])
def test_a_penalty_field_keeps_the_day_of_its_entrys_verdict_field(text, name, day):
    assert (name, "sentenced", day) in acts(text, "2025-01-31")


@pytest.mark.parametrize("text", [
    "Сот Ерлан Жақыповты кінәлі деп тапты. Бапта бас бостандығынан айыру жазасы көзделеді.",
    "Сот Ерлан Жақыповты кінәлі деп тапты. Аталған бап бойынша бас бостандығынан айыру жазасы да көзделген.",
    "Ерлан Жақыповқа қатысты үкім жарияланды.\n\nОл 274-бап бойынша айыпталған. Бұл бапта бас бостандығынан айыру "
    "жазасы да қарастырылған.",
])
def test_a_prison_term_the_article_provides_is_no_prison_for_the_person_sentenced(text):
    found = acts(text, "2020-06-22")
    assert any(t == "sentenced" for _, t, _ in found)
    assert not any(t == "imprisoned" for _, t, _ in found)


@pytest.mark.parametrize("note", [
    "Ескерту: тізімге әкімшілік қамаққа алынғандар мен айыппұл салынғандар енгізілмеген.",
    "Ескерту: тізімде шартты түрде сотталғандар жоқ.",
    "Ескерту: әкімшілік қамаққа алынғандар бөлек тізімде.",
])
def test_a_note_on_who_a_list_leaves_out_gives_the_last_entry_no_acts(note):
    text = f"4. ИЛЬЯШЕВ Ерлан — Алматы — ҚК 274-б. 2-б. — 3 жыл бас бостандығын шектеу — үкім 22.06.2020\n\n{note}"
    assert {t for _, t, _ in acts(text, "2025-05-01")} == {"sentenced"}
