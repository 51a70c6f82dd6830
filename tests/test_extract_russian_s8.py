"""Russian act extraction, session 8 (issue 11): mechanisms found on fresh Russian documents (round r59–r63: a court
press release, an appeal summary, a regional news item with a photo caption and "Читайте также", a monitoring
chronicle, an "ФИО — статья — срок — учреждение" list), each tested on made-up variants of its shape — other word
order, tense, voice, case, a second person nearby. Every text is our own."""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions


def proposals(text, published):
    return find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text),
                     published=published)


def acts(text, published):
    return {(p.victims[0], p.act_type, p.date) for p in proposals(text, published)}


def types(text, published="2022-06-01"):
    return {p.act_type for p in proposals(text, published)}


# "коллегия по уголовным делам", "суд по уголовным делам": a court's name, not a criminal case against anyone.
@pytest.mark.parametrize("text", [
    "3 марта 2022 года апелляционная коллегия по уголовным делам смягчила Ерлану Садыкову наказание.",
    "Специализированный межрайонный суд по уголовным делам 5 мая 2022 года оправдал Асель Нурову.",
    "Дело Айдоса Серикова 12 апреля 2022 года рассмотрела судебная коллегия по уголовным делам, и он был освобождён.",
])
def test_a_court_for_criminal_cases_is_no_investigation(text):
    assert "investigated" not in types(text)


def test_a_criminal_case_is_still_an_investigation():
    assert "investigated" in types("В отношении Ерлана Садыкова 3 марта 2022 года возбудили уголовное дело.")


# "увеличила ему срок", "увеличил Асель Нуровой срок наказания": a longer term on appeal, not a new prosecution.
@pytest.mark.parametrize("text,victim", [
    ("Ерлан Садыков отбывает наказание в колонии. По протесту прокурора 2 сентября 2021 года коллегия по уголовным "
     "делам увеличила ему срок лишения свободы до трёх лет.", "Ерлан Садыков"),
    ("2 сентября 2021 года суд второй инстанции увеличил Асель Нуровой срок наказания.", "Асель Нурова"),
    ("Айдосу Серикову 2 сентября 2021 года апелляция увеличила срок до пяти лет.", "Айдос Сериков"),
])
def test_a_term_increased_with_words_between(text, victim):
    found = acts(text, "2021-10-01")
    assert any(t == "sentence_increased" and d == "2021-09-02" for _, t, d in found)
    if victim:
        assert (victim, "sentence_increased", "2021-09-02") in found


# "увезли в управление полиции", "отвезли в отдел полиции", "был увезён в РОВД": detained.
@pytest.mark.parametrize("text,victim", [
    ("5 мая 2022 года Ерлана Садыкова увезли в управление полиции Алмалинского района.", "Ерлан Садыков"),
    ("Асель Нурову 5 мая 2022 года отвезли в отдел полиции прямо с площади.", "Асель Нурова"),
    ("5 мая 2022 года к Айдосу Серикову подошли полицейские и увезли его в РОВД.", "Айдос Сериков"),
])
def test_taken_away_to_the_police(text, victim):
    assert (victim, "detained", "2022-05-05") in acts(text, "2022-06-01")


# "Как рассказала активистка X, …", "сообщил адвокат Y": the one who tells is a source, not the one acted on.
@pytest.mark.parametrize("text,source,victim", [
    ("Как рассказала активистка Асем Нурова, 5 мая 2022 года Ерлана Садыкова увезли в управление полиции.",
     "Асем Нурова", "Ерлан Садыков"),
    ("Об этом сообщил адвокат Бекзат Нурланов: 5 мая 2022 года Айдоса Серикова задержали у акимата.",
     "Бекзат Нурланов", "Айдос Сериков"),
    ("5 мая 2022 года, как пишет журналист Данияр Ахметов, задержали Асель Нурову.", "Данияр Ахметов",
     "Асель Нурова"),
])
def test_the_teller_is_no_victim(text, source, victim):
    found = acts(text, "2022-06-01")
    assert (victim, "detained", "2022-05-05") in found
    assert not any(v == source for v, _, _ in found)


# A photo caption's date ("Фото: … 19 января 2025 года") is when the picture was taken: "накануне" in the lead counts
# from the item's own day, not from the caption.
@pytest.mark.parametrize("text,published,expected", [
    ("Фото: Ерлан Садыков у суда, 19 января 2025 года\n\nНакануне Ерлана Садыкова задержали у театра.",
     "2025-01-21", "2025-01-20"),
    ("На фото: пикет 3 мая 2023 года. Фото из соцсетей\n\nАсель Нурову задержали накануне вечером.",
     "2023-05-10", "2023-05-09"),
    ("Photo: Айдос Сериков, 2 марта 2024 года\n\nНакануне суд арестовал Айдоса Серикова на 10 суток.",
     "2024-03-05", "2024-03-04"),
])
def test_a_caption_date_is_no_anchor(text, published, expected):
    assert expected in {d.value for d in find_dates(text, published)}


def test_a_date_in_the_text_is_still_an_anchor():
    text = "19 января 2025 года Ерлан Садыков вышел на пикет.\n\nНакануне его вызвали в полицию."
    assert "2025-01-18" in {d.value for d in find_dates(text, "2025-01-25")}


# The emphatic pronoun "сам" before a name ("Самого Енсебека задержали …") is no part of the name.
@pytest.mark.parametrize("text,name", [
    ("Самого Ерлана Садыкова задержали 17 января.", "Ерлан Садыков"),
    ("Самой Асель Нуровой вменяют ст. 174 УК РК.", "Асель Нурова"),
    ("Саму Нурову отпустили, а Айдоса Серикова задержали.", "Айдос Сериков"),
])
def test_the_emphatic_pronoun_is_no_name(text, name):
    names = {m.name for m in find_persons(text)}
    assert name in names
    assert not any(n.split()[0].startswith("Сам") for n in names)


# A charge told in the present ("ему вменяют …") has no day, even when another part of the sentence (after a
# semicolon) has one; "возбуждение розни" is the offence's name, not a case opened.
@pytest.mark.parametrize("text,victim", [
    ("Ерлана Садыкова задержали 17 января 2025 года; ему вменяют возбуждение розни (ст. 174 УК РК).", "Ерлан Садыков"),
    ("Асель Нурову арестовали 3 марта 2024 года; ей вменяется распространение ложной информации.", "Асель Нурова"),
    ("17 января 2025 года Айдоса Серикова доставили в отдел полиции; его обвиняют в участии в запрещённой "
     "организации.", "Айдос Сериков"),
])
def test_a_present_charge_in_another_clause_has_no_day(text, victim):
    found = acts(text, "2025-02-01")
    assert (victim, "charged", "") in found
    assert not any(v == victim and t in {"charged", "investigated"} and d for v, t, d in found)


@pytest.mark.parametrize("text", [
    "Ерлану Садыкову 5 мая 2022 года предъявили обвинение в возбуждении социальной розни.",
    "5 мая 2022 года Асель Нуровой вменили возбуждение национальной вражды.",
    "Айдоса Серикова 5 мая 2022 года задержали: ему вменяют возбуждение розни.",
])
def test_incitement_is_no_case_opened(text):
    assert "investigated" not in types(text)


# A trigger followed at once by a counted group is that group's act, not the named person's.
@pytest.mark.parametrize("text,victim", [
    ("Асель Нурову поместили под арест — 4 мая 2024 В Астане задержаны двое активистов — 5 мая 2024", "Асель Нурова"),
    ("4 мая 2024 года Ерлана Садыкова оштрафовали, а 5 мая у акимата задержали пятерых его сторонников.",
     "Ерлан Садыков"),
    ("Айдоса Серикова отпустили 4 мая 2024 года; 5 мая были задержаны более 20 человек.", "Айдос Сериков"),
])
def test_a_counted_group_after_the_trigger_is_not_the_named_person(text, victim):
    found = acts(text, "2024-06-01")
    assert any(v == victim and d == "2024-05-04" for v, _, d in found)
    assert not any(v == victim and d == "2024-05-05" for v, _, d in found)


# "поместили под арест" (not "под домашний арест"): held in custody.
@pytest.mark.parametrize("text,victim,act_type", [
    ("4 мая 2024 года Ерлана Садыкова поместили под арест на два месяца.", "Ерлан Садыков", "pretrial_detention"),
    ("Асель Нурова 4 мая 2024 года помещена под арест до 4 июля.", "Асель Нурова", "pretrial_detention"),
    ("4 мая 2024 года суд поместил Айдоса Серикова под домашний арест.", "Айдос Сериков", "house_arrest"),
])
def test_put_under_arrest(text, victim, act_type):
    assert (victim, act_type, "2024-05-04") in acts(text, "2024-06-01")


# A list entry "ФИО — статья — N лет лишения свободы — учреждение" without a verdict's day: sentenced and imprisoned,
# both undated.
@pytest.mark.parametrize("text", [
    "1. Садыков Ерлан — ч. 2 ст. 297 УК РК — 5 лет лишения свободы — учреждение № 65 (Кокшетау).\n"
    "2. Нурова Асель — ст. 174 УК РК — 3 года ограничения свободы — на свободе.",
    "1. Садыков Ерлан — ст. 405 УК РК — 7 лет лишения свободы — колония в г. Степногорске.",
    "1. САДЫКОВ Ерлан — ч. 1 ст. 174 УК РК — 4 года лишения свободы — ЕЦ-166/4.",
])
def test_a_list_term_without_a_day_is_prison_too(text):
    found = acts(text, "2025-01-15")
    assert ("Ерлан Садыков", "sentenced", "") in found
    assert ("Ерлан Садыков", "imprisoned", "") in found
    assert not any(v == "Асель Нурова" and t == "imprisoned" for v, t, _ in found)


# A prison term told as a reminder of a verdict long before the item ("Напомним, что в ноябре 2023 года …") takes the
# person to prison, whatever appeal the next sentence tells of (someone else's, later).
@pytest.mark.parametrize("text,published,expected", [
    ("Напомним, что в ноябре 2023 года Ерлан Садыков был приговорён к 7 годам лишения свободы по ст. 405 УК РК. "
     "Правозащитница намерена обжаловать решение в кассационном порядке.", "2025-08-22", "2023-11"),
    ("Ранее, 5 марта 2022 года, Асель Нурову приговорили к пяти годам лишения свободы. Её адвокат подал апелляцию "
     "на новое постановление.", "2023-06-01", "2022-03-05"),
    ("В январе 2021 года суд назначил Айдосу Серикову 4 года лишения свободы. Защита обжаловала штраф его жене.",
     "2022-02-01", "2021-01"),
])
def test_an_old_verdict_is_prison_despite_an_appeal_next(text, published, expected):
    assert any(t == "imprisoned" and d == expected for _, t, d in acts(text, published))


@pytest.mark.parametrize("published", ["2025-05-06", "2026-05-06"])
def test_a_verdict_whose_own_appeal_is_told_next_is_held_back(published):
    text = "5 мая 2025 года Ерлана Садыкова приговорили к 7 годам лишения свободы. Защита обжалует приговор."
    assert not any(t == "imprisoned" for _, t, _ in acts(text, published))


# A participle naming people already told of ("осуждённым зачтено …") in a part with no date is no new act dated by
# another part of the sentence.
@pytest.mark.parametrize("text", [
    "11 октября 2021 года суд приговорил Ерлана Садыкова к 5 годам лишения свободы. В срок наказания осуждённому "
    "зачтено время содержания под стражей; так, Садыков содержится под стражей с 22 августа 2020 года.",
    "11 октября 2021 года Ерлан Садыков осуждён на 5 лет. Осуждённому зачли время под стражей; Садыков был "
    "задержан 22 августа 2020 года.",
    "Суд 11 октября 2021 года признал Ерлана Садыкова виновным. Осуждённый обжалует приговор; Садыкова задержали "
    "22 августа 2020 года.",
])
def test_a_participle_restatement_takes_no_other_parts_day(text):
    found = acts(text, "2021-10-12")
    assert ("Ерлан Садыков", "sentenced", "2021-10-11") in found
    assert ("Ерлан Садыков", "sentenced", "2020-08-22") not in found


# Round 2 (r64–r68). "якобы" before an act: a rumour or a false report, no act.
@pytest.mark.parametrize("text", [
    "5 сентября 2025 года агентство опубликовало новость о якобы задержании министра Ерлана Садыкова.",
    "По слухам, Асель Нурову якобы арестовали 5 сентября 2025 года, но полиция это опровергла.",
    "Сообщения о том, что Айдоса Серикова якобы осудили 5 сентября 2025 года, не подтвердились.",
])
def test_a_rumoured_act_is_no_act(text):
    assert not acts(text, "2025-09-06")


# "предупреждена о недопустимости … и об уголовной ответственности": a warning (threatened) with words between; the
# noun "предупреждения" ("Поводом для предупреждения стала …") is no act of whoever is named next.
@pytest.mark.parametrize("text,victim", [
    ("5 сентября 2025 года Асель Нурова строго предупреждена о недопустимости нарушения закона и об уголовной "
     "ответственности за ложную информацию.", "Асель Нурова"),
    ("Ерлан Садыков 5 сентября 2025 года был предупреждён прокурором о недопустимости нарушений и об уголовной "
     "ответственности.", "Ерлан Садыков"),
    ("5 сентября 2025 года прокуратура предупредила Айдоса Серикова об уголовной ответственности.", "Айдос Сериков"),
])
def test_a_warning_of_criminal_liability(text, victim):
    assert (victim, "threatened", "2025-09-05") in acts(text, "2025-09-06")


@pytest.mark.parametrize("text", [
    "Поводом для предупреждения стала новость о министре Ерлане Садыкове от 5 сентября 2025 года.",
    "После предупреждения 5 сентября 2025 года редакция удалила материал об Асель Нуровой.",
    "Текст предупреждения от 5 сентября 2025 года Айдос Сериков опубликовал в соцсетях.",
])
def test_the_noun_warning_is_no_summons(text):
    assert "summoned" not in types(text, "2025-09-06")


# "пригласили к 19:00 на следственные действия", "вызвали на допрос": summoned.
@pytest.mark.parametrize("text,victim", [
    ("Вчера Ерлана Садыкова пригласили к 19:00 на следственные действия в РОВД.", "Ерлан Садыков"),
    ("Асель Нурову вчера вызвали повесткой на допрос в департамент полиции.", "Асель Нурова"),
    ("Вчера следователь пригласил Айдоса Серикова на беседу.", "Айдос Сериков"),
])
def test_invited_to_investigative_actions(text, victim):
    assert (victim, "summoned", "2025-12-23") in acts(text, "2025-12-24")


# "отменила оправдательный приговор, вынесенный 6 февраля …": the acquittal of 6 February, no sentence; "оставила в
# силе решение … об отказе в иске": a civil ruling, no sentence.
@pytest.mark.parametrize("text,victim", [
    ("15 апреля коллегия отменила оправдательный приговор, вынесенный 6 февраля 2019 года Асель Нуровой.",
     "Асель Нурова"),
    ("Оправдательный приговор Ерлану Садыкову суд вынес 6 февраля 2019 года.", "Ерлан Садыков"),
    ("6 февраля 2019 года суд вынес оправдательный приговор Айдосу Серикову.", "Айдос Сериков"),
])
def test_an_acquittal_is_no_sentence(text, victim):
    found = acts(text, "2019-04-17")
    assert (victim, "acquitted", "2019-02-06") in found
    assert not any(t == "sentenced" for _, t, _ in found)


@pytest.mark.parametrize("text", [
    "16 апреля 2019 года коллегия оставила в силе решение районного суда об отказе в иске Ерлана Садыкова к акимату.",
    "Апелляция 16 апреля 2019 года оставила в силе отказ по иску Асель Нуровой.",
    "16 апреля 2019 года суд оставил в силе решение об отказе Айдосу Серикову в регистрации объединения.",
])
def test_a_civil_ruling_upheld_is_no_sentence(text):
    assert "sentenced" not in types(text, "2019-04-17")


def test_a_verdict_upheld_still_reads_as_one():
    assert "sentenced" in types("16 апреля 2019 года коллегия оставила в силе приговор Ерлану Садыкову.", "2019-04-17")


# Initials written together ("Бажкенова Г.А. строго …") end no sentence.
@pytest.mark.parametrize("text,victim", [
    ("5 сентября 2025 года Нурова А.С. строго предупреждена об уголовной ответственности.", "А.С. Нурова"),
    ("5 сентября 2025 года Садыков Е.Б. задержан полицией.", "Е.Б. Садыков"),
    ("Сериков А.К. 5 сентября 2025 года оштрафован судом.", "А.К. Сериков"),
])
def test_joined_initials_end_no_sentence(text, victim):
    assert any(v == victim and d == "2025-09-05" for v, _, d in acts(text, "2025-09-06"))


# The title of a report ("Мониторинг судебного процесса: дело А") names its subject; it is not the day's news.
@pytest.mark.parametrize("title", [
    "Мониторинг судебного процесса: дело Ерлана Садыкова",
    "Обзор судебного процесса над Ерланом Садыковым",
    "Хроника: суд над Ерланом Садыковым",
])
def test_a_report_title_takes_not_the_published_day(title):
    text = title + "\n\nЕрлан Садыков задержан 17 января 2025 года."
    assert not any(d == "2025-04-12" for _, _, d in acts(text, "2025-04-12"))


def test_a_news_headline_still_takes_the_published_month():
    text = "Суд над Ерланом Садыковым начался в Алматы\n\nПроцесс проходит в закрытом режиме."
    # the document's month, not its day: no cue states the day (extract/backoff.py)
    assert ("Ерлан Садыков", "tried", "2025-04") in acts(text, "2025-04-12")


# "и А, и генеральный директор КазТАГ Б были признаны подозреваемыми": both.
@pytest.mark.parametrize("text", [
    "В начале декабря 2025 года и Ерлан Садыков, и генеральный директор КазТАГ Айдос Сериков были признаны "
    "подозреваемыми.",
    "В начале декабря 2025 года Ерлана Садыкова и главного редактора ТОО Айдоса Серикова признали подозреваемыми.",
    "В начале декабря 2025 года подозреваемыми были признаны и Ерлан Садыков, и директор РОВД Айдос Сериков.",
])
def test_both_of_a_coordination_with_an_organisation(text):
    found = acts(text, "2025-12-24")
    assert ("Ерлан Садыков", "investigated", "2025-12") in found
    assert ("Айдос Сериков", "investigated", "2025-12") in found


# Round 3 (r69–r71). A participle phrase between commas names a state ("А, обвиняемый по ч. 1 ст. 272 УК РК,
# рассказал 3 октября …"): its act takes no day of the main clause.
@pytest.mark.parametrize("text,victim,act_type", [
    ("3 октября 2022 года Ерлан Садыков, обвиняемый по ч. 1 ст. 272 УК РК, рассказал о давлении следствия.",
     "Ерлан Садыков", "charged"),
    ("Асель Нурову, осуждённую по ст. 174 УК РК, вчера перевели в другую колонию.", "Асель Нурова", "sentenced"),
    ("4 октября 2022 года родственники Айдоса Серикова, содержащегося в следственном изоляторе, обратились к "
     "омбудсмену.", "Айдос Сериков", "pretrial_detention"),
])
def test_an_appositive_participle_takes_no_main_day(text, victim, act_type):
    found = acts(text, "2022-10-06")
    assert (victim, act_type, "") in found
    assert not any(v == victim and t == act_type and d for v, t, d in found)


def test_a_participle_phrase_with_its_own_date_keeps_it():
    text = "Ерлан Садыков, задержанный 3 октября 2022 года, рассказал об этом адвокату 5 октября."
    assert ("Ерлан Садыков", "detained", "2022-10-03") in acts(text, "2022-10-06")


def test_an_adjective_like_a_participle_opens_no_state():
    text = "В понедельник, 15 апреля 2019 года, апелляционная коллегия отменила оправдательный приговор, вынесенный " \
           "6 февраля 2019 года Асель Нуровой."
    assert ("Асель Нурова", "acquitted", "2019-02-06") in acts(text, "2019-04-17")


# An act told as someone's account ("родственники заявили, что его пытали") with no date in the account keeps none.
@pytest.mark.parametrize("text,victim,act_type", [
    ("4 октября 2022 года родственники Ерлана Садыкова заявили, что его пытали под стражей.", "Ерлан Садыков",
     "ill_treatment"),
    ("3 октября 2022 года Асель Нурова рассказала, что следователь угрожал ей сроком.", "Асель Нурова", "threatened"),
    ("Адвокат Айдоса Серикова сообщил 4 октября 2022 года, что подзащитного избивали в изоляторе.", "Айдос Сериков",
     "ill_treatment"),
])
def test_an_account_without_its_own_date(text, victim, act_type):
    found = acts(text, "2022-10-06")
    assert (victim, act_type, "") in found
    assert not any(v == victim and t == act_type and d for v, t, d in found)


def test_an_account_with_its_own_date_keeps_it():
    text = "4 октября 2022 года Ерлан Садыков рассказал, что 1 октября 2022 года его избили в изоляторе."
    assert ("Ерлан Садыков", "ill_treatment", "2022-10-01") in acts(text, "2022-10-06")


# "до приговора", "перед арестом": a time frame, not an act.
@pytest.mark.parametrize("text", [
    "Деньги Ерлан Садыков вернул ещё до приговора, 5 мая 2022 года.",
    "Асель Нурова 5 мая 2022 года, перед арестом, успела написать пост.",
    "Айдос Сериков 5 мая 2022 года успел позвонить адвокату ещё до задержания.",
])
def test_before_an_act_is_no_act(text):
    assert not acts(text, "2022-06-01")


# "осудили по ч. 1 ст. 174 УК РК на 4 года": a term in years after the article, no kind named, is prison.
@pytest.mark.parametrize("text,victim,date", [
    ("Вчера прошёл суд. 5 мая 2023 года Асель Нурову осудили по ч. 1 ст. 174 УК РК на 4 года.", "Асель Нурова",
     "2023-05-05"),
    ("Письмо из колонии\n\nЕрлан Садыков, осуждённый по ч. 2 ст. 405 УК РК на 7 лет, отбывает наказание в колонии.",
     "Ерлан Садыков", ""),
    ("Вчера прошёл суд. 5 мая 2023 года Айдоса Серикова приговорили по п. 3 ч. 2 ст. 274 УК РК на три года.",
     "Айдос Сериков", "2023-05-05"),
])
def test_a_term_after_the_article_is_prison(text, victim, date):
    assert (victim, "imprisoned", date) in acts(text, "2024-05-10")


def test_a_restriction_after_the_article_is_no_prison():
    text = "Вчера прошёл суд. 5 мая 2023 года Айдоса Серикова осудили по ст. 274 УК РК на 2 года ограничения свободы."
    assert not any(t == "imprisoned" for _, t, _ in acts(text, "2024-05-10"))
