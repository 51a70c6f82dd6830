"""Russian act extraction, session 7 (issue 11): mechanisms found on fresh Russian documents (round r49–r53), each
tested on made-up variants of its shape — other word order, tense, voice, case, a second person nearby.
Every text is our own."""

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


def dates(text, published):
    return [d.value for d in find_dates(text, published)]


# "в минувший понедельник", "в прошлую среду": the last such weekday strictly before the item's own day — a week back
# when it is the same weekday; a bare "в среду" may be the item's own day.
@pytest.mark.parametrize("text,published,expected", [
    ("Суд в минувший понедельник арестовал Ерлана Садыкова на 15 суток.", "2023-10-25", "2023-10-23"),
    ("В прошлую среду полиция задержала Асель Нурову у здания акимата.", "2023-10-25", "2023-10-18"),
    ("Айдоса Серикова оштрафовали в прошедшую пятницу, сообщила его жена.", "2023-10-23", "2023-10-20"),
])
def test_a_past_weekday_counts_back_from_the_items_day(text, published, expected):
    assert expected in {date for _, _, date in acts(text, published)}
    assert published not in dates(text, published)


def test_a_bare_weekday_may_be_the_items_own_day():
    assert dates("В среду суд вынес приговор.", "2023-10-25") == ["2023-10-25"]


# "через неделю" is seven days after the day before it; "в конце марта" is that month.
@pytest.mark.parametrize("text,published,expected", [
    ("3 мая 2022 года Ерлана Садыкова задержали. Через неделю его арестовали на два месяца.", "2022-06-01",
     "2022-05-10"),
    ("Асель Нурову задержали 3 мая 2022 года, а неделю спустя суд поместил её под домашний арест.", "2022-06-01",
     "2022-05-10"),
    ("В конце марта Айдоса Серикова задержали в Алматы.", "2022-06-01", "2022-03"),
    ("Бекзата Нурланова оштрафовали в начале февраля.", "2022-06-01", "2022-02"),
])
def test_a_week_later_and_a_part_of_a_month(text, published, expected):
    assert expected in {date for _, _, date in acts(text, published)}


# A demand ("Мы требуем: — освободить А", "Призываем освободить Б", "Освободить В!") reports no act, though its words
# name a release, an arrest or a detention.
@pytest.mark.parametrize("text", [
    "Мы требуем:\n— немедленно освободить Ерлана Садыкова, Асель Нурову и других арестованных;\n— прекратить "
    "задержания активистов.",
    "Призываем власти освободить задержанного Айдоса Серикова и снять с него обвинения.",
    "Освободить Бекзата Нурланова, арестованного за пост в Facebook!",
    "Просим прекратить преследование Асель Нуровой, которую задержали без оснований.",
])
def test_a_demand_reports_no_act(text):
    assert acts(text, "2022-10-27") == set()


@pytest.mark.parametrize("text,victim", [
    ("Мы узнали, что 20 октября 2022 года полиция задержала Ерлана Садыкова.", "Ерлан Садыков"),
    ("Требования полиции Асель Нурова выполнила, но 20 октября 2022 года её всё равно задержали.", "Асель Нурова"),
    ("20 октября 2022 года задержали Айдоса Серикова, который требовал освободить брата.", "Айдос Сериков"),
])
def test_a_report_that_speaks_of_demands_keeps_its_act(text, victim):
    assert (victim, "detained", "2022-10-20") in acts(text, "2022-10-27")


# The date of the event an act answers ("за акцию 29 мая", "после событий 16 декабря") is not the act's: the act takes
# the sentence's other date, else the narrative's. A date at the event where the act happened keeps it.
@pytest.mark.parametrize("text,victim,kind,expected", [
    ("14.06.2021 суд признал Ерлана Садыкова виновным за акцию 29 мая и назначил штраф 30 МРП.",
     "Ерлан Садыков", "fined", "2021-06-14"),
    ("Асель Нурову 2 июля 2021 года оштрафовали на 50 МРП за участие в митинге 12 июня.",
     "Асель Нурова", "fined", "2021-07-02"),
    ("Суд 3 февраля 2022 года арестовал Айдоса Серикова на два месяца по делу о событиях 5 января.",
     "Айдос Сериков", "arrested", "2022-02-03"),
])
def test_the_date_of_the_event_answered_is_not_the_acts(text, victim, kind, expected):
    found = {(v, k): d for v, k, d in acts(text, "2022-06-01")}
    assert found.get((victim, kind)) == expected


@pytest.mark.parametrize("text,victim", [
    ("Ерлана Садыкова задержали на митинге 16 декабря 2021 года.", "Ерлан Садыков"),
    ("Во время акции 16 декабря 2021 года полиция задержала Асель Нурову.", "Асель Нурова"),
    ("16 декабря 2021 года, после митинга, задержали Айдоса Серикова.", "Айдос Сериков"),
])
def test_a_date_of_the_event_where_the_act_happened_stays(text, victim):
    assert (victim, "detained", "2021-12-16") in acts(text, "2022-06-01")


# "обоим", "обоих" after a paragraph naming others (the defence's brother and father): the pair whose acts the text
# has been telling, not the last two names.
@pytest.mark.parametrize("text,kind", [
    ("22 января 2016 года суд приговорил Ерлана Садыкова и Айдоса Серикова к трём годам лишения свободы.\n\n"
     "Защитником Садыкова стал его отец, Марат Садыков, вместо брата Армана Садыкова.\n\nАпелляционная инстанция "
     "смягчила наказание обоим.", "sentence_reduced"),
    ("22 января 2016 года суд приговорил Ерлана Садыкова и Айдоса Серикова к трём годам лишения свободы.\n\n"
     "В зале были мать Серикова, Гульнар Серикова, и журналистка Асель Нурова.\n\nОбоих освободили в зале суда после "
     "апелляции.", "released"),
    ("Полиция 5 мая 2021 года задержала Бекзата Нурланова и Ерлана Садыкова.\n\nОб этом рассказали правозащитники "
     "Асель Нурова и Гульнар Серикова.\n\nОбоим предъявили обвинение по статье 174 УК РК.", "charged"),
])
def test_a_pair_word_points_to_the_pair_with_acts(text, kind):
    victims = {v for v, k, _ in acts(text, "2016-04-01") if k == kind}
    assert victims and not victims & {"Марат Садыков", "Арман Садыков", "Гульнар Серикова", "Асель Нурова"}


def test_a_pair_word_after_a_new_pair_keeps_the_last_two_names():
    found = acts("Суд 3 мая 2022 года оштрафовал Ерлана Садыкова.\n\nВ июне полиция пришла к Асель Нуровой и Гульнар "
                 "Сериковой. Обеих задержали.", "2022-07-01")
    assert {v.split()[0] for v, k, _ in found if k == "detained"} == {"Асель", "Гульнар"}


# An undated outcome told after an appeal in its paragraph ("Апелляционная инстанция смягчила наказание") came later
# than the verdict's day: it inherits no date.
@pytest.mark.parametrize("text,kind", [
    ("22 января 2016 года суд приговорил Ерлана Садыкова к трём годам лишения свободы.\n\nЗащита обжаловала приговор. "
     "Апелляционная коллегия смягчила ему наказание.", "sentence_reduced"),
    ("22 января 2016 года суд приговорил Ерлана Садыкова к трём годам лишения свободы.\n\nВ апелляции срок заменили "
     "ограничением свободы, и Садыкова освободили в зале суда.", "released"),
    ("Суд 22 января 2016 года приговорил Айдоса Серикова к двум годам.\n\nПо апелляционной жалобе его оправдали.",
     "acquitted"),
])
def test_an_outcome_after_an_appeal_inherits_no_date(text, kind):
    dated = {(k, d) for _, k, d in acts(text, "2016-04-01")}
    assert (kind, "") in dated


def test_an_appeal_with_its_own_day_keeps_it():
    found = acts("22 января 2016 года суд приговорил Ерлана Садыкова к трём годам.\n\n3 марта 2016 года апелляционная "
                 "коллегия смягчила ему наказание.", "2016-04-01")
    assert ("Ерлан Садыков", "sentence_reduced", "2016-03-03") in found


# A list of names joined by a home town ("Жамалиев из Экибастуза,"), "а также" or a role word before the next name.
@pytest.mark.parametrize("text,names", [
    ("Пятнадцать суток ареста получили Жанат Жамалиев из Экибастуза, Нурбек Кулышек и Ербол Есхожин.",
     {"Жанат Жамалиев", "Нурбек Кулышек", "Ербол Есхожин"}),
    ("20 октября 2022 года задержали Асель Нурову, а также Ерлана Садыкова.", {"Асель Нурова", "Ерлан Садыков"}),
    ("Оштрафовали Бекзата Нурланова из Семея, а также активистку Гульнар Серикову.",
     {"Бекзат Нурланов", "Гульнар Серикова"}),
])
def test_a_list_with_towns_and_a_takzhe_shares_the_act(text, names):
    assert {n.split()[0] for n in names} <= {v.split()[0] for v, _, _ in acts(text, "2022-10-27")}


# Charges with words between verb and noun; beating told with the plain verb and a pronoun.
@pytest.mark.parametrize("text,victim,kind", [
    ("Ерлан Садыков отбыл арест. Когда срок закончился, его не отпустили, а предъявили новые обвинения.",
     "Ерлан Садыков", "charged"),
    ("Асель Нуровой 3 мая 2022 года предъявили два новых обвинения.", "Асель Нурова", "charged"),
    ("Айдосу Серикову было предъявлено сразу три обвинения.", "Айдос Сериков", "charged"),
    ("Ерлана Садыкова задержали 5 мая 2022 года. Мать боится, что его били дубинкой.", "Ерлан Садыков",
     "ill_treatment"),
    ("Полицейские избивали Айдоса Серикова в отделе.", "Айдос Сериков", "ill_treatment"),
    ("Асель Нурова рассказала, что в изоляторе её били.", "Асель Нурова", "ill_treatment"),
])
def test_charges_with_an_adjective_and_beating_with_a_pronoun(text, victim, kind):
    assert (victim, kind) in {(v, k) for v, k, _ in acts(text, "2022-06-01")}


# Round 2 (r54–r58).
# A charge told in the present ("вменяют", "обвиняют") is the case as it stands: no day, not even that of the date
# its paragraph opens with.
@pytest.mark.parametrize("text,victim", [
    ("17 января 2024 года задержан Ерлан Садыков. Садыкову вменяют ст. 174 УК РК.", "Ерлан Садыков"),
    ("Асель Нурову задержали в пятницу, 12 мая 2023 года. Тогда же стало известно, по какой статье её обвиняют: "
     "ч. 2 ст. 405 УК РК.", "Асель Нурова"),
    ("3 марта 2022 года Айдоса Серикова поместили в СИЗО. Ему инкриминируют ч. 3 ст. 274 УК РК.", "Айдос Сериков"),
])
def test_a_present_charge_takes_no_day_from_its_paragraph(text, victim):
    assert (victim, "charged", "") in acts(text, "2024-02-01")


# "До приговора …", "при задержании …": the time before the verdict or of an undated arrest — the paragraph from
# there on inherits no date.
@pytest.mark.parametrize("text,victim,kind", [
    ("В феврале 2021 года суд приговорил Ерлана Садыкова к году ограничения свободы. До приговора Садыков полгода "
     "провёл под стражей.", "Ерлан Садыков", "pretrial_detention"),
    ("В феврале 2021 года суд приговорил Асель Нурову к году ограничения свободы.\n\nНа суде она рассказала, что при "
     "задержании у неё провели обыск.", "Асель Нурова", "searched"),
    ("Суд 5 мая 2022 года приговорил Айдоса Серикова к двум годам. До вынесения приговора его держали в СИЗО.",
     "Айдос Сериков", "pretrial_detention"),
])
def test_the_time_before_the_verdict_is_undated(text, victim, kind):
    assert (victim, kind, "") in acts(text, "2022-06-01")


# An appeal court upholding a verdict ("оставил без изменений приговор") does not sentence anyone on its own day.
@pytest.mark.parametrize("text", [
    "Областной суд 12 апреля 2021 года оставил без изменений приговор Ерлану Садыкову. В феврале 2021 года районный "
    "суд приговорил Садыкова к году ограничения свободы.",
    "12 апреля 2021 года апелляционная коллегия оставила в силе приговор Ерлану Садыкову, вынесенный в феврале 2021 "
    "года. Тогда суд приговорил его к году ограничения свободы.",
    "Сегодня суд оставил без изменения приговор Ерлану Садыкову. В феврале 2021 года его приговорили к году "
    "ограничения свободы.",
])
def test_an_upheld_verdict_is_no_sentence_on_the_appeal_day(text):
    found = acts(text, "2021-04-12")
    assert ("Ерлан Садыков", "sentenced", "2021-02") in found
    assert not any(k == "sentenced" and d == "2021-04-12" for _, k, d in found)


# A field of a list entry takes no date from the entry before it.
@pytest.mark.parametrize("text,victim", [
    ("1. НУРОВА Асель\nОбвинение: ст. 405 УК РК в сентябре 2020 года.\n\n2. САДЫКОВ Ерлан\nСтатья: ст. 174 УК РК\n"
     "Мера пресечения: арестован на два месяца в январе 2024 года.", "Ерлан Садыков"),
    ("1. СЕРИКОВ Айдос\nПриговор: 2 года (март 2021 г.).\n\n2. НУРОВА Асель\nСтатья: ч. 2 ст. 274 УК РК\n"
     "Мера пресечения: домашний арест.", "Асель Нурова"),
    ("1. САДЫКОВ Ерлан\nЗадержан 05.05.2022.\n\n2. СЕРИКОВ Айдос\nСтатья: ст. 174 УК РК\nСтатус: под следствием.",
     "Айдос Сериков"),
])
def test_a_list_field_takes_no_date_from_the_entry_before(text, victim):
    found = [(v, k, d) for v, k, d in acts(text, "2024-02-01") if v == victim and k == "charged"]
    assert found and all(d == "" for _, _, d in found)


# Taken to a police station: detained; a warning of criminal liability: a threat.
@pytest.mark.parametrize("text,victim,kind", [
    ("20 июля 2020 года полиция провела обыск у Ерлана Садыкова, после чего его доставили в департамент полиции.",
     "Ерлан Садыков", "detained"),
    ("Асель Нурову 3 мая 2022 года доставили в отдел полиции Алмалинского района.", "Асель Нурова", "detained"),
    ("3 мая 2022 года Айдос Сериков был доставлен в РОВД.", "Айдос Сериков", "detained"),
    ("В начале сентября 2025 года прокуратура официально предупредила Асель Нурову об уголовной ответственности.",
     "Асель Нурова", "threatened"),
    ("Ерлан Садыков 5 мая 2022 года был предупреждён об уголовной ответственности за посты.", "Ерлан Садыков",
     "threatened"),
    ("Прокуратура 6 сентября 2025 года вынесла Айдосу Серикову предупреждение.", "Айдос Сериков", "threatened"),
])
def test_taken_to_the_police_and_warned(text, victim, kind):
    assert (victim, kind) in {(v, k) for v, k, _ in acts(text, "2025-12-10")}


# A plural role noun opening the sentence, before its verb ("Активистов обвинили по ст. 274"), is the group just named.
@pytest.mark.parametrize("text,names,kind", [
    ("20 июля 2020 года полиция провела обыски у Данаи Калиевой и Марата Турымбетова. Активистов обвинили по ст. 274 "
     "УК РК.", {"Даная", "Марат"}, "charged"),
    ("Суд 3 мая 2022 года арестовал Ерлана Садыкова и Айдоса Серикова. Журналистов обвиняют по ч. 2 ст. 274 УК РК.",
     {"Ерлан", "Айдос"}, "charged"),
    ("Полиция 5 мая 2021 года задержала Асель Нурову и Гульнар Серикову. Активисток оштрафовали на 50 МРП.",
     {"Асель", "Гульнар"}, "fined"),
])
def test_a_role_noun_opening_the_sentence_is_the_group_just_named(text, names, kind):
    assert names <= {v.split()[0] for v, k, _ in acts(text, "2022-06-01") if k == kind}


def test_a_counted_role_noun_opening_the_sentence_is_no_group():
    found = acts("Полиция 5 мая 2021 года задержала Асель Нурову и Гульнар Серикову. Семерых активистов оштрафовали на 50 "
                 "МРП.", "2022-06-01")
    assert not any(k == "fined" for _, k, _ in found)
