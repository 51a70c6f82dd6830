"""Russian extraction, session 10: categories of first-run errors on unseen Russian text (the retired test split and
the fresh rounds). Made-up sentences, several variants per category."""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions

PUBLISHED = "2024-05-20"


def acts_of(text, published=PUBLISHED):
    mentions = find_persons(text)
    return {(p.victims[0], p.act_type, p.date) for p in find_acts(
        text, mentions, find_dates(text, published), find_provisions(text), published=published) if p.kind == "act"}


def dates_of(text, who, published=PUBLISHED):
    return {date for victim, _, date in acts_of(text, published) if victim == who}


# -- the date of the publication is not the day of an event --------------------------------------------------------
@pytest.mark.parametrize("text", [
    # a line that says when the document was published or compiled
    "Срочная акция: свободу Ерлану Касымову\n\nОпубликовано 14 мая 2024 года\n\n"
    "Гражданский активист Ерлан Касымов осуждён к четырём годам лишения свободы по ч. 2 ст. 405 УК РК.",
    "Обращение правозащитников\n\nСоставлено 14 мая 2024 года по открытым источникам.\n\n"
    "Блогер Ерлан Касымов приговорён к четырём годам лишения свободы. Его жалоба не рассмотрена.",
    "Положение политзаключённых\n\nДата публикации: 14.05.2024\n\n"
    "Ерлан Касымов отбывает наказание в колонии. Активист осуждён к четырём годам лишения свободы.",
    # a bare date line right under a report's title
    "Краткое изложение доклада: права человека в 2023 году\n\n14 мая 2024 года\n\nОппозиция.\n\n"
    "Ерлан Касымов и ещё двое лидеров движения осуждены к срокам от четырёх до семи лет лишения свободы.",
])
def test_a_publication_line_dates_no_act(text):
    assert dates_of(text, "Ерлан Касымов") == {""}


@pytest.mark.parametrize("text, day", [
    # a news item's dateline (a place and a date) still dates the day's news
    ("Суд над активистом\n\nАлматы, 14 мая 2024 года\n\n"
     "Активист Ерлан Касымов приговорён к четырём годам лишения свободы.", "2024-05-14"),
    # a date of the text's own, after the publication line, dates what follows it
    ("Срочная акция\n\nОпубликовано 14 мая 2024 года\n\n"
     "10 мая суд приговорил активиста Ерлана Касымова к четырём годам лишения свободы.", "2024-05-10"),
    ("Краткое изложение доклада\n\n14 мая 2024 года\n\n"
     "В апреле 2024 года Ерлан Касымов был осуждён к четырём годам лишения свободы.", "2024-04"),
])
def test_a_dateline_or_an_own_date_still_dates_the_act(text, day):
    assert day in dates_of(text, "Ерлан Касымов")


# -- triggers and charges ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, who", [
    ("14 мая суд отправил в колонию на пять лет активиста Ерлана Касымова.", "Ерлан Касымов"),
    ("Учителя Каласа Нурпеисова и Нурлана Далибаева суд 14 мая отправил в колонию на восемь лет каждого.",
     "Нурлан Далибаев"),
    ("14 мая Ерлан Касымов был отправлен в колонию на шесть лет.", "Ерлан Касымов"),
])
def test_sent_to_a_colony_for_years_is_a_prison_sentence(text, who):
    found = {(victim, act) for victim, act, _ in acts_of(text)}
    assert {(who, "sentenced"), (who, "imprisoned")} <= found


def test_a_transfer_to_a_colony_without_a_term_is_no_sentence():
    assert not any(act == "sentenced" for _, act, _ in acts_of(
        "14 мая Ерлана Касымова этапом отправили в колонию в Кокшетау."))


@pytest.mark.parametrize("text", [
    "14 мая активиста Ерлана Касымова водворили в штрафной изолятор.",
    "Ерлан Касымов 14 мая был водворён в штрафном изоляторе на десять суток.",
])
def test_a_punishment_cell_is_no_fine(text):
    assert not any(act == "fined" for _, act, _ in acts_of(text))


@pytest.mark.parametrize("text", [
    "14 мая Ерлану Касымову вменили статью 272 УК РК и нападение на охраняемый объект.",
    "14 мая Ерлана Касымова обвинили в нападении на полицейского.",
    "Ерлана Касымова обвиняют в угрозах судье и в неподчинении полиции.",
])
def test_an_attack_or_threat_named_as_a_charge_is_the_offence(text):
    assert not any(act in {"attacked", "threatened"} for _, act, _ in acts_of(text))


@pytest.mark.parametrize("text, act", [
    ("14 мая на Ерлана Касымова напали неизвестные.", "attacked"),
    ("Ерлана Касымова обвинили в клевете, а 14 мая на него напали неизвестные.", "attacked"),
    ("14 мая Ерлану Касымову угрожали сотрудники полиции.", "threatened"),
])
def test_an_attack_outside_a_charge_is_still_an_act(text, act):
    assert ("Ерлан Касымов", act, "2024-05-14") in acts_of(text)


def test_an_alleged_detention_reported_by_the_press_is_no_act():
    assert not any(victim == "Мурат Нуртлеу" for victim, _, _ in acts_of(
        "10 мая издание сообщило о предполагаемом задержании Мурата Нуртлеу.\n\nИздание опровержения не давало."))


# -- dates: the next sentence, an explained offence, "before that", hours ---------------------------------------------
@pytest.mark.parametrize("text, day", [
    ("Суд в Алматы\n\nАлматы, 2 декабря 2025 года\n\nСуд отправил журналистку Гульнар Бажкенову под домашний арест на "
     "два месяца. Постановление вынесено в понедельник, 1 декабря, сообщил адвокат.", "2025-12-01"),
    ("Новости\n\nАстана, 20 мая 2024 года\n\nСуд арестовал активистку Гульнар Бажкенову на 10 суток. Решение суда "
     "было принято 17 мая, но стало известно только сегодня.", "2024-05-17"),
])
def test_the_next_sentence_dates_the_decision(text, day):
    assert day in {date for _, act, date in acts_of(text, "2025-12-02")}


@pytest.mark.parametrize("text", [
    "23 октября суд назначил Ерлану Касымову 15 суток ареста. Его признали виновным в повторном участии в незаконном "
    "собрании: в феврале он пришёл к зданию акимата с плакатом.",
    "23 октября Ерлану Касымову назначили штраф в размере 50 МРП. Его признали виновным в нарушении порядка "
    "собраний: 3 сентября он вышел на одиночный пикет.",
])
def test_the_date_of_an_offence_after_a_colon_dates_no_act(text):
    # (23 October in a text of 20 May 2024 is of the year before: a year-less past day after the document's date)
    assert dates_of(text, "Ерлан Касымов") <= {"2023-10-23"}


@pytest.mark.parametrize("text", [
    "Обыски в редакции\n\nАлматы, 2 декабря 2025 года\n\nВ понедельник, 1 декабря, суд поместил Ерлана Касымова под "
    "домашний арест.\n\nПеред этим силовики пришли с обысками домой к Касымову.",
    "Обыски в редакции\n\nАлматы, 2 декабря 2025 года\n\nВ понедельник, 1 декабря, суд поместил Ерлана Касымова под "
    "домашний арест.\n\nДо этого у Касымова дома провели обыск.",
])
def test_before_that_dates_no_search(text):
    assert ("Ерлан Касымов", "searched", "") in acts_of(text, "2025-12-02")


def test_a_few_hours_earlier_is_the_same_day():
    text = ("В четверг, 28 апреля 2022 года, суд поместил Маруа Ескендирову под домашний арест.\n\nНесколькими часами "
            "ранее тот же суд отправил под домашний арест Амангельды Оразбаева.")
    assert ("Амангельды Оразбаев", "house_arrest", "2022-04-28") in acts_of(text, "2022-05-04")


def test_a_trial_that_opened_on_a_day_is_tried():
    text = ("В августе суд приговорил Жаната Казакбая и Нурлана Жауылбаева к четырём годам ограничения свободы.\n\n"
            "Процесс начался 10 июля и длился полтора месяца.")
    assert ("Жанат Казакбай", "tried", "2025-07-10") in acts_of(text, "2025-08-28")


# -- an accusation's content: the offence's date, the accused's own acts, words in quotes ---------------------------
@pytest.mark.parametrize("text", [
    "Дело об аэропорте\n\nПо версии следствия, 5 января 2022 года Ерлан Касымов организовал беспорядки в аэропорту.",
    "Дело об аэропорте\n\nПо версии обвинения, 5 января 2022 года Ерлан Касымов захватил диспетчерскую.",
])
def test_the_date_an_accusation_tells_is_the_offences(text):
    assert "2022-01-05" not in dates_of(text, "Ерлан Касымов", published="2023-07-11")


@pytest.mark.parametrize("text", [
    "11 июля 2023 года суд приговорил Ерлана Касымова и Нурлана Далибаева к четырём годам. Суд счёл доказанным, что "
    "Касымов и Далибаев под угрозой насилия требовали отключить свет.",
])
def test_threats_the_court_found_proven_are_the_accuseds_not_acts_on_them(text):
    assert not any(act == "threatened" for _, act, _ in acts_of(text, "2023-07-11"))


@pytest.mark.parametrize("text, who", [
    ("Правозащитники назвали Ерлана Касымова «назначенным виновным»: власти искали организаторов «нападения», о "
     "котором в январе говорил президент Касым-Жомарт Токаев.", "Касым-Жомарт Токаев"),
])
def test_a_word_in_short_quotes_is_no_act(text, who):
    assert not any(victim == who for victim, _, _ in acts_of(text))


def test_a_verb_in_quotes_still_reports_the_act():
    assert ("Ерлан Касымов", "detained", "2024-05-14") in acts_of("14 мая Ерлана Касымова «задержали».")


# -- names: women's given names Russian does not decline --------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Суд поместил Маруа Ескендирову под домашний арест.", "Маруа Ескендирова"),   # -уа: not declined
    ("Маруа Ескендирова живёт в Уральске.", "Маруа Ескендирова"),
    ("Суд отправил главного редактора Гульнар Бажкенову под домашний арест.", "Гульнар Бажкенова"),
])
def test_an_undeclined_womans_given_name_keeps_the_family_name_hers(text, expected):
    assert expected in [m.name for m in find_persons(text)]


# -- a counted "they" ---------------------------------------------------------------------------------------------
def provisions_of(text, published=PUBLISHED):
    mentions = find_persons(text)
    return {(p.victims[0], uid.split(".")[0]) for p in find_acts(
        text, mentions, find_dates(text, published), find_provisions(text), published=published)
        if p.kind == "act" for uid, _ in p.provisions}


@pytest.mark.parametrize("text, count", [
    ("11 июля суд приговорил Ерлана Касымова, Нурлана Далибаева и Жанайдара Карменова к восьми годам лишения "
     "свободы.\n\nПо версии обвинения, Касымов организовал беспорядки, а остальные присоединились к нему. Всем троим "
     "вменили статью 272 УК РК.", 3),
    ("11 июля суд приговорил Ерлана Касымова, Нурлана Далибаева, Жанайдара Карменова и Ермухамета Шилибаева к восьми "
     "годам лишения свободы.\n\nПо версии обвинения, Касымов и Далибаев организовали беспорядки. Всем четверым "
     "вменили статью 272 УК РК.", 4),
])
def test_all_five_takes_as_many_persons_as_counted(text, count):
    assert len({v for v, uid in provisions_of(text) if uid == "CC-272"}) == count


# -- a dative pronoun at the trigger, the names in a later clause -------------------------------------------------
@pytest.mark.parametrize("text, who, other", [
    ("Прокуратура давно следит за журналисткой Гульнар Бажкеновой.\n\nВ сентябре прокуратура вынесла ей "
     "предупреждение — после того как издание сообщило о предполагаемом задержании Мурата Нуртлеу.",
     "Гульнар Бажкенова", "Мурат Нуртлеу"),
    ("Блогер Ерлан Касымов давно критикует власти.\n\nВ сентябре полиция вынесла ему предупреждение, после того как "
     "канал опубликовал письмо Жанар Секербаевой.", "Ерлан Касымов", "Жанар Секербаева"),
])
def test_a_pronoun_at_the_trigger_beats_a_name_in_a_later_clause(text, who, other):
    found = acts_of(text)
    assert any(v == who and act == "threatened" for v, act, _ in found)
    assert not any(v == other for v, _, _ in found)


# -- "осенью прошлого года, в октябре", a gerund charge -----------------------------------------------------------
@pytest.mark.parametrize("text, day", [
    ("Новости\n\nОсенью прошлого года, в октябре, власти объявили Ерлана Касымова в розыск, обвинив его в разжигании "
     "розни (статья 174 УК РК).", "2023-10"),
    ("Новости\n\nВесной прошлого года, в апреле, Ерлану Касымову предъявили обвинение по статье 274 УК РК.",
     "2023-04"),
])
def test_a_season_of_last_year_sets_the_year_of_the_month_after_it(text, day):
    assert day in dates_of(text, "Ерлан Касымов")


def test_a_gerund_charge_is_a_charge():
    text = "Новости\n\n12 марта полиция задержала Ерлана Касымова, обвинив его в разжигании розни (статья 174 УК РК)."
    assert ("Ерлан Касымов", "charged", "2024-03-12") in acts_of(text)


# -- a verdict spoken of, suspects named --------------------------------------------------------------------------
@pytest.mark.parametrize("text, who", [
    ("В марте суд приговорил Нурлана Далибаева к пяти годам. Правозащитник Павел Кочетков назвал приговор "
     "политическим преследованием.", "Павел Кочетков"),
    ("В марте суд приговорил Нурлана Далибаева к пяти годам. После оглашения приговора журналистка Жанар "
     "Джандосова описала в соцсетях шок в зале.", "Жанар Джандосова"),
    ("18 июня в Киеве стреляли в журналиста Айдоса Садыкова. Полиция назвала двух подозреваемых — Мейрама Каратаева "
     "и Алтая Жаканбаева.", "Мейрам Каратаев"),
])
def test_a_verdict_spoken_of_or_a_suspect_named_is_no_act_on_the_speaker(text, who):
    assert not any(victim == who for victim, _, _ in acts_of(text))


# -- "дело против X": X's, not the others the sentence names -------------------------------------------------------
@pytest.mark.parametrize("text, who, other", [
    ("Айдос Садыков и Наталья Садыкова переехали в Украину в 2014 году, после того как в Казахстане было возбуждено "
     "уголовное дело против Натальи Садыковой.", "Наталья Садыкова", "Айдос Садыков"),
    ("Ерлан Касымов и Нурлан Далибаев уехали из страны в 2020 году, после того как полиция возбудила дело в "
     "отношении Нурлана Далибаева.", "Нурлан Далибаев", "Ерлан Касымов"),
])
def test_a_case_against_one_of_two_named_is_that_ones(text, who, other):
    found = {(v, act) for v, act, _ in acts_of(text)}
    assert (who, "investigated") in found and (other, "investigated") not in found
