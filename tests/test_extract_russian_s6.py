"""Russian act extraction, session 6 (issue 11): mechanisms found on fresh Russian documents (round r37–r41), each
tested on made-up variants of its shape — other word order, tense, voice, case, a second person nearby.
Every text is our own."""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions


def proposals(text, published="2024-03-20"):
    return find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text),
                     published=published)


def acts(text, published="2024-03-20"):
    return {(p.victims[0], p.act_type, p.date) for p in proposals(text, published)}


def dates(text, published="2024-03-20"):
    return [d.value for d in find_dates(text, published)]


# An administrative finding of guilt is the arrest or fine it brought, not a criminal sentence.
@pytest.mark.parametrize("text,victim,kind", [
    ("Во вторник, 19 марта, суд назначил Ерлану Садыкову 20 суток административного ареста. Суд признал его "
     "виновным по части 11 статьи 488 КоАП.", "Ерлан Садыков", "administrative_detention"),
    ("Суд признал Айгуль Саматову виновной по ч. 6 ст. 488 КоАП 19 марта 2024 года. В тот же день её арестовали на "
     "10 суток.", "Айгуль Саматова", "administrative_detention"),
    ("Серика Арманова отпустили. 19 марта 2024 года Бекзата Нурланова оштрафовали на 50 МРП. Его признали виновным "
     "по статье 489 КоАП.", "Бекзат Нурланов", "fined"),
])
def test_a_guilty_finding_under_the_administrative_code_is_no_criminal_sentence(text, victim, kind):
    found = proposals(text)
    assert not any(p.act_type == "sentenced" and p.victims == [victim] for p in found)
    penalty = next(p for p in found if p.act_type == kind and p.victims == [victim])
    assert any(uid.startswith("AOC-48") for uid, _ in penalty.provisions)


def test_a_criminal_verdict_beside_an_administrative_article_stays_a_sentence():
    found = acts("19 марта 2024 года суд признал Ерлана Садыкова виновным по ч. 2 ст. 405 УК РК и приговорил к пяти "
                 "годам лишения свободы.")
    assert ("Ерлан Садыков", "sentenced", "2024-03-19") in found


# A judge named with the court between the title and the name is an official, never the victim.
@pytest.mark.parametrize("text", [
    "31 июля 2025 года судья межрайонного суда по административным правонарушениям Бибигуль Шамшаева признала Асель "
    "Нурову виновной и оштрафовала её на 20 МРП.",
    "Асель Нурова написала пост. 31 июля 2025 года судья специализированного административного суда Алматы Бибигуль "
    "Шамшаева оштрафовала её на 20 МРП.",
    "Асель Нурову 31 июля 2025 года оштрафовал на 20 МРП судья районного суда Бибигуль Шамшаева.",
])
def test_a_judge_named_after_the_court_is_no_victim(text):
    found = acts(text, published="2025-08-01")
    assert ("Асель Нурова", "fined", "2025-07-31") in found
    assert not any(victim == "Бибигуль Шамшаева" for victim, _, _ in found)


def test_an_appeal_judge_named_after_the_collegium_is_no_victim():
    found = acts("19 августа 2025 года судья апелляционной коллегии Рустем Жансыкбаев рассматривал жалобу Асели "
                 "Нуровой.", published="2025-08-21")
    assert not any(victim == "Рустем Жансыкбаев" for victim, _, _ in found)


# A sentence opening with a condition reports nothing that happened.
@pytest.mark.parametrize("text", [
    "Если он продолжит голодовку, Ерлана Садыкова могут поместить в больницу, а его жизнь окажется под угрозой.",
    "В случае если суд признает Ерлана Садыкова виновным, его арестуют.",
    "Если бы Ерлана Садыкова задержали, о нём бы сообщили.",
])
def test_a_sentence_opening_with_a_condition_reports_no_act(text):
    assert acts("Ерлан Садыков держит голодовку. " + text) == set()


# Dates: a day of a month just named with "прошлого года", and "спустя сутки".
@pytest.mark.parametrize("text,expected", [
    ("В октябре прошлого года задержали Ахмета Сарсенгалиева: 22 октября его остановили на улице.",
     ["2023-10", "2023-10-22"]),
    ("Это случилось в октябре прошлого года. 22 октября полиция задержала активиста.", ["2023-10", "2023-10-22"]),
    # another month: not the "прошлого года" of March, but 22 October is after the text's date (20 March 2024), so
    # the last 22 October before it
    ("В марте прошлого года его уволили, а 22 октября задержали.", ["2023-03", "2023-10-22"]),
])
def test_a_day_of_the_month_named_with_last_year_is_in_last_year(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("phrase,expected", [
    ("Спустя сутки", "2023-10-23"), ("Через сутки", "2023-10-23"), ("Через двое суток", "2023-10-24"),
    ("Трое суток спустя", "2023-10-25"),
])
def test_days_and_nights_count_from_the_last_day(phrase, expected):
    assert dates(f"22 октября 2023 года Ахмета Сарсенгалиева задержали. {phrase} его арестовали.")[-1] == expected


def test_arrest_a_day_later_is_dated_a_day_later():
    found = acts("В октябре прошлого года в Актобе задержали Ахмета Сарсенгалиева — 22 октября его остановили на "
                 "дороге. Спустя сутки суд отправил его под арест на 12 суток по ч. 12 ст. 488 КоАП.")
    assert ("Ахмет Сарсенгалиев", "detained", "2023-10-22") in found
    assert ("Ахмет Сарсенгалиев", "administrative_detention", "2023-10-23") in found


# A court report's findings paragraph tells the offence: its dates do not date the verdict after it.
@pytest.mark.parametrize("findings", [
    "Судом установлено, что в июне 2022 года подсудимый размещал публикации. 3 июля 2022 года его задержали.",
    "Согласно материалам дела, подсудимый весной 2022 года требовал деньги. 3 июля 2022 года он получил их.",
    "По версии обвинения, в 2022 году он вымогал деньги. В июле 2022 года он был задержан полицией.",
])
def test_the_findings_paragraph_does_not_date_the_verdict(findings):
    text = ("3 февраля 2023 года суд рассмотрел уголовное дело в отношении Ерлана Садыкова.\n\n" + findings +
            "\n\nСуд признал Ерлана Садыкова виновным и назначил ему 9 лет лишения свободы.")
    found = acts(text, published="2023-02-03")
    verdicts = [d for v, t, d in found if t == "sentenced"]
    assert verdicts and all(d.startswith("2023-02") for d in verdicts)


# The hearing at which the verdict was read is no trial of its own.
@pytest.mark.parametrize("text", [
    "3 февраля 2023 года суд рассмотрел уголовное дело в отношении Ерлана Садыкова и приговорил его к 9 годам "
    "лишения свободы.",
    "3 февраля 2023 года суд рассмотрел дело Ерлана Садыкова.\n\nСуд признал его виновным и приговорил к 9 годам "
    "лишения свободы.",
    "3 февраля 2023 года начался и закончился процесс над Ерланом Садыковым: суд приговорил его к 9 годам лишения "
    "свободы.",
])
def test_the_hearing_of_the_verdict_is_not_a_separate_trial(text):
    found = acts(text, published="2023-02-03")
    assert any(t == "sentenced" for _, t, _ in found)
    assert not any(t == "tried" for _, t, _ in found)


def test_a_hearing_weeks_before_the_verdict_stays_a_trial():
    found = acts("10 января 2023 года суд начал рассматривать дело Ерлана Садыкова. 3 февраля 2023 года суд "
                 "приговорил его к 9 годам лишения свободы.", published="2023-02-03")
    assert ("Ерлан Садыков", "tried", "2023-01-10") in found


# Triggers: a term being served; release with the object first; violence during the investigation (no date);
# a court hearing a complaint.
@pytest.mark.parametrize("text,date", [
    ("Ерлан Садыков с ноября 2023 года отбывает семь лет за участие в запрещённой организации.", "2023-11"),
    ("С ноября 2023 года Ерлан Садыков отбывает срок в колонии Степногорска.", "2023-11"),
    ("В 2015 году Ерлан Садыков отбывал пять лет в колонии.", "2015"),
])
def test_a_term_being_served_is_a_sentence_and_prison(text, date):
    found = acts(text)
    assert ("Ерлан Садыков", "imprisoned", date) in found
    assert ("Ерлан Садыков", "sentenced", date) in found


@pytest.mark.parametrize("text", [
    "На свободу Айгуль Саматова вышла в ноябре 2014 года.",
    "В ноябре 2014 года на свободу вышла Айгуль Саматова.",
    "Айгуль Саматову в ноябре 2014 года выпустили на свободу.",
])
def test_release_with_freedom_named_first(text):
    assert ("Айгуль Саматова", "released", "2014-11") in acts(text)


@pytest.mark.parametrize("text", [
    "4 июня 2012 года суд приговорил Айгуль Саматову к семи годам. В суде она рассказывала, что во время следствия к "
    "ней применяли насилие.",
    "4 июня 2012 года суд приговорил Айгуль Саматову к семи годам. В ходе следствия к ней применяли физическое "
    "насилие, заявила она.",
])
def test_violence_during_the_investigation_has_no_date_of_the_verdict(text):
    found = acts(text)
    assert ("Айгуль Саматова", "ill_treatment", "") in found


def test_a_court_hearing_a_complaint_tries_the_person_whose_complaint_it_is():
    found = acts("Асель Нурова подала жалобу. 19 августа 2025 года городской суд рассматривал её два часа.",
                 published="2025-08-21")
    assert ("Асель Нурова", "tried", "2025-08-19") in found


def test_other_defendants_are_not_the_person_the_text_is_about():
    found = acts("6 августа 2012 года апелляционная коллегия смягчила Айгуль Саматовой наказание до пяти лет. "
                 "Большинству других подсудимых приговоры оставили без изменения.")
    assert ("Айгуль Саматова", "sentence_reduced", "2012-08-06") in found
    assert not any(t == "sentenced" for _, t, _ in found)


def test_lawyers_warning_is_no_police_warning():
    found = acts("Ерлана Садыкова арестовали 19 марта 2024 года. Юристы предупреждают: против него могут возбудить "
                 "уголовное дело.")
    assert not any(t == "summoned" for _, t, _ in found)
    assert ("Ерлан Садыков", "summoned", "2024-03-19") in acts(
        "19 марта 2024 года полиция предупредила его. Ерлан Садыков был официально предупреждён о недопустимости "
        "митинга.") or ("Ерлан Садыков", "summoned", "2024-03-19") in acts(
        "19 марта 2024 года Ерлан Садыков был предупреждён о недопустимости митинга.")


# Round 2 (r42–r45).
@pytest.mark.parametrize("caption", ["Дело: Садыков Ерлан", "Подсудимый: Ерлан Садыков", "Обвиняемый: Садыков Ерлан"])
def test_a_case_files_fields_are_about_the_person_its_caption_names(caption):
    text = (caption + "\nСуд: районный суд № 2 г. Алматы\nПредседательствующий: судья Петров И.\n"
            "Обвинение: ч. 2 ст. 274 УК РК\nМера пресечения: содержание под стражей\n\n"
            "12.06.2020. Суд приговорил Ерлана Садыкова к двум годам ограничения свободы.")
    found = proposals(text, published="2020-06-13")
    assert any(p.act_type == "pretrial_detention" and p.victims == ["Ерлан Садыков"] for p in found)
    assert any(uid.startswith("CC-274") for p in found if p.victims == ["Ерлан Садыков"] for uid, _ in p.provisions)
    assert not any("Петров" in p.victims[0] for p in found)


@pytest.mark.parametrize("hearing", [
    "Адвокаты несколько раз заявляли отвод судье — все ходатайства отклонены.",
    "Защита заявила отвод всему составу суда.",
    "Отвод судье был отклонён, процесс продолжился.",
])
def test_a_hearing_told_by_its_events_is_a_trial_of_the_defendant(hearing):
    text = "Дело: Садыков Ерлан\nОбвинение: ч. 2 ст. 274 УК РК\n\n17.06.2020. " + hearing
    assert ("Ерлан Садыков", "tried", "2020-06-17") in acts(text, published="2020-06-20")


@pytest.mark.parametrize("text", [
    "В четверг, 28 апреля, судья Исмаилова рассматривала дело Ерлана Садыкова. Суд поместил его под домашний арест.",
    "28 апреля 2022 года суд рассматривал ходатайство следователя. Ерлана Садыкова поместили под домашний арест.",
    "Суд 28 апреля 2022 года рассматривал дело Ерлана Садыкова и поместил его под домашний арест на два месяца.",
])
def test_the_hearing_that_ordered_house_arrest_is_no_separate_trial(text):
    found = acts(text, published="2022-04-29")
    assert any(t == "house_arrest" for _, t, _ in found)
    assert not any(t == "tried" for _, t, _ in found)


@pytest.mark.parametrize("sentence", [
    "Обоим вменяют часть 2 статьи 405 УК РК.", "Оба обвиняются по ч. 2 ст. 405 УК РК.",
    "Обоих задержали 2 мая 2022 года.",
])
def test_both_are_the_last_two_persons_named(sentence):
    text = ("Дело Асели Нуровой рассматривала судья Исмаилова. Ерлана Садыкова отправили под домашний арест. "
            + sentence)
    victims = {p.victims[0] for p in proposals(text, published="2022-05-03") if p.start >= text.index(sentence)}
    assert victims == {"Асель Нурова", "Ерлан Садыков"}


@pytest.mark.parametrize("sentence", [
    "Ерлану Садыкову вменяют часть 2 статьи 405 УК РК.", "Ерлан Садыков обвиняется по ч. 2 ст. 405 УК РК.",
    "Ерлану Садыкову инкриминируют ч. 2 ст. 405 УК РК.",
])
def test_a_charge_in_the_present_tense_has_no_day(sentence):
    found = acts("2 мая 2022 года в Уральске прошли обыски.\n\n" + sentence,
                 published="2022-05-03")
    assert ("Ерлан Садыков", "charged", "") in found


@pytest.mark.parametrize("intro", [
    "Мы обеспокоены судьбой активистов Асели Нуровой и Ерлана Садыкова, осуждённых по делу о беспорядках.",
    "Речь идёт об Асели Нуровой и Ерлане Садыкове, осуждённых по делу о беспорядках.",
    "Асель Нурова и Ерлан Садыков, осуждённые по делу о беспорядках, объявили голодовку.",
])
def test_a_participle_takes_the_day_the_text_gives_later(intro):
    text = ("8 сентября 2022 г.\n\n" + intro + "\n\nВ июле 2022 года районный суд признал активистов виновными по "
            "статье 272 УК РК. Нурова получила три года и семь месяцев лишения свободы, Садыков — три года.")
    found = acts(text, published="2022-09-08")
    assert ("Асель Нурова", "sentenced", "2022-07") in found
    assert ("Ерлан Садыков", "sentenced", "2022-07") in found
    assert not any(d.startswith("2022-09") for _, t, d in found if t == "sentenced")


@pytest.mark.parametrize("verdict", [
    "Суд признал активистов виновными по статье 272 УК РК.",
    "Суд признал подсудимых виновными по статье 272 УК РК.",
    "Суд признал журналистов виновными по статье 272 УК РК.",
])
def test_role_nouns_in_the_plural_are_the_persons_just_listed(verdict):
    text = "Асель Нурова и Ерлан Садыков были задержаны в январе 2022 года. В июле 2022 года " + verdict[0].lower() \
        + verdict[1:]
    found = acts(text)
    assert {("Асель Нурова", "sentenced", "2022-07"), ("Ерлан Садыков", "sentenced", "2022-07")} <= found


def test_a_counted_group_is_not_the_persons_just_listed():
    text = ("Асель Нурова и Ерлан Садыков были задержаны 29.09.2024. Сведения о семи активистах, задержанных "
            "30.09.2024, уточняются.")
    assert not any(d == "2024-09-30" for _, _, d in acts(text, published="2024-10-01"))


@pytest.mark.parametrize("after", [
    "Вчера суд начал рассматривать апелляционную жалобу осуждённой.",
    "Защита обжаловала приговор.",
    "Апелляция будет рассмотрена в сентябре.",
])
def test_a_prison_term_of_someone_held_is_prison_even_when_appealed(after):
    text = ("Асель Нурову и Ерлана Садыкова поместили под стражу в январе 2022 года.\n\nВ июле 2022 года суд признал их "
            "виновными. Нурова получила три года лишения свободы, Садыков — два года.\n\n" + after)
    assert ("Асель Нурова", "imprisoned", "2022-07") in acts(text)


def test_a_prison_term_of_someone_at_liberty_waits_for_the_appeal():
    text = ("В июле 2022 года суд признал Асель Нурову виновной. Она получила три года лишения свободы.\n\n"
            "Защита обжаловала приговор.")
    assert not any(t == "imprisoned" for _, t, _ in acts(text))


@pytest.mark.parametrize("text", [
    "В июле 2020 года её приговорили к году лишения свободы.",
    "В июле 2020 года суд приговорил её к трём годам и семи месяцам лишения свободы.",
    "В июле 2020 года ей дали три года и один месяц лишения свободы.",
])
def test_terms_without_a_figure_or_with_words_for_months_are_prison(text):
    assert ("Асель Нурова", "imprisoned", "2020-07") in acts("Асель Нурова — активистка из Алматы. " + text)


@pytest.mark.parametrize("forms", [("Альнура Ильяшева", "Альнур Ильяшев"), ("Канаткана Амренова", "Канаткан Амренов"),
                                   ("Асета Кенджибекова", "Асет Кенджибеков")])
def test_kazakh_mens_names_in_the_genitive_are_men(forms):
    declined, nominative = forms
    found = acts(f"Суд оставил без изменения приговор {declined}. 5 мая 2023 года он был освобождён.")
    assert (nominative, "released", "2023-05-05") in found


# Round 3 (r46–r48).
@pytest.mark.parametrize("text", [
    "Только что закончились суды. Ерлан Садыков и Асель Нурова арестованы на 15 суток каждый.",
    "Суды только что закончились: Ерлан Садыков и Асель Нурова арестованы на 15 суток.",
    "Ерлан Садыков и Асель Нурова только что арестованы на 15 суток.",
])
def test_just_now_is_the_news_items_own_day(text):
    found = acts(text, published="2022-04-24")
    assert {("Ерлан Садыков", "administrative_detention", "2022-04-24"),
            ("Асель Нурова", "administrative_detention", "2022-04-24")} <= found


@pytest.mark.parametrize("text", [
    "24 апреля 2022 года Ерлан Садыков арестован на 15 суток — ему вменили статью 488 КоАП.",
    "24 апреля 2022 года Ерлану Садыкову вменили ч. 6 ст. 488 КоАП и арестовали его на 15 суток.",
    "Ерлана Садыкова обвинили по статье 489 КоАП. 24 апреля 2022 года его оштрафовали на 50 МРП.",
])
def test_a_charge_under_the_administrative_code_is_the_road_to_the_arrest_or_fine(text):
    found = proposals(text, published="2022-04-25")
    assert not any(p.act_type == "charged" for p in found)
    penalty = next(p for p in found if p.act_type in {"administrative_detention", "fined"})
    assert any(uid.startswith("AOC-48") for uid, _ in penalty.provisions)


@pytest.mark.parametrize("verdict", [
    "26 марта суд признал Ерлана Садыкова виновным в хулиганстве по Кодексу об административных правонарушениях. "
    "Наказание — трое суток ареста.",
    "26 марта суд признал Ерлана Садыкова виновным в мелком хулиганстве по КоАП. Ему назначено 5 суток ареста.",
    "26 марта Ерлан Садыков признан виновным по КоАП. Наказание — десять суток административного ареста.",
])
def test_an_administrative_verdict_with_its_arrest_in_the_next_sentence_is_that_arrest(verdict):
    found = acts("Ерлана Садыкова задержали 22 марта 2019 года в Шымкенте.\n\n" + verdict, published="2019-05-01")
    assert ("Ерлан Садыков", "administrative_detention", "2019-03-26") in found
    assert not any(t == "sentenced" for _, t, _ in found)


@pytest.mark.parametrize("entry", [
    "3) Ерлан Садыков, журналист; под стражей с 22.06.2023; 02.08.2024 осуждён на 7 лет по тем же статьям.",
    "3) Ерлан Садыков, журналист; 02.08.2024 приговорён судом на 7 лет по ч. 2 ст. 405 УК РК.",
    "3) Ерлан Садыков, журналист; 02.08.2024 осуждён на семь лет по ч. 2 ст. 405 УК РК.",
])
def test_a_term_in_years_with_no_other_kind_named_is_prison(entry):
    text = "1) Асель Нурова, активистка; осуждена в 2023 г. по ч. 2 ст. 405 УК РК к 5 годам лишения свободы.\n\n" + entry
    assert ("Ерлан Садыков", "imprisoned", "2024-08-02") in acts(text, published="2024-09-01")


def test_a_term_of_restriction_or_suspended_is_no_prison():
    for term in ("осуждён на 7 лет ограничения свободы", "осуждён на 3 года условно"):
        found = acts(f"02.08.2024 Ерлан Садыков {term}.", published="2024-09-01")
        assert not any(t == "imprisoned" for _, t, _ in found), term
