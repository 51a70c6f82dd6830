"""Person mentions in news-shaped text (benchmarks/names.py): family names alone, given names alone, names that name
streets and villages, Latin words in a Russian text, "Family I." before another name, other spellings in brackets.
Every sentence is made up here in the shape of a category."""

import pytest

from qorgau.documents.extract.names import find_persons


def texts(text):
    return [m.text for m in find_persons(text)]


def names(text):
    return {m.text: m.name for m in find_persons(text)}


@pytest.mark.parametrize("text, expected", [
    ("Суд Тараза оштрафовал Сейтбекова и Жумагалиеву за пикет.", ["Сейтбекова", "Жумагалиеву"]),
    ("Вчера на заседании выступил Оспанов, а его коллега промолчала.", ["Оспанов"]),
    ("Жалобу от имени семьи подписал Кудайбергенов, сообщила пресс-служба.", ["Кудайбергенов"]),
    ("Полицейские задержали Ергалиеву у дома; Ергалиева говорит, что протокол не подписала.",
     ["Ергалиеву", "Ергалиева"]),
    ("По данным суда, в четверг Мусабекова признали виновным.", ["Мусабекова"]),
])
def test_a_russian_family_name_alone_is_a_mention(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", [
    "Активисты из Конаеве и Талдыкоргана приехали на митинг.",  # a town (places.tsv) in the prepositional
    "Саммит Шанхайской организации сотрудничества открылся в понедельник.",
    "Митинг прошёл в Семенове, где нет отделения полиции.",  # "в" + a town in -ове
    "Делегаты Туркестанской области выступили первыми.",
    "Жалобу рассмотрит судья Жетысуского районного суда.",
    "Решение Медеуского районного суда обжаловано.",
])
def test_towns_and_adjectives_ending_like_family_names_are_not_persons(text):
    assert texts(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The court fined Abenov and Saparova on Monday.", ["Abenov", "Saparova"]),
    ("Police said Kuanyshbayev had not paid the fine.", ["Kuanyshbayev"]),
    ("A lawyer for Yesenuly called the ruling unfair.", ["Yesenuly"]),
])
def test_an_english_family_name_alone_is_a_mention(text, expected):
    assert texts(text) == expected


def test_an_english_town_after_in_is_not_a_person():
    assert texts("The rally in Qonaev was dispersed.") == []
    assert texts("Two men were detained in Stepnogorsk and fined.") == []


@pytest.mark.parametrize("text, given, person", [
    ("Суд приговорил Ералы Сапарбекова к штрафу. Ералы вину не признал.", "Ералы", "Ералы Сапарбеков"),
    ("Брату Асылбека Нурланова дали год. Позже Асылбеку разрешили свидание.", "Асылбеку", "Асылбек Нурланов"),
    ("Адвокат Данияра Темиргалиева обжаловала арест. Данияра перевели в СИЗО.", "Данияра", "Данияр Темиргалиев"),
])
def test_a_russian_given_name_alone_is_the_documents_one_person_of_that_name(text, given, person):
    assert names(text).get(given) == person


@pytest.mark.parametrize("text, person, place", [
    ("Памятник стоит на проспекте Абая. Стихи Абая Кунанбаева читали вслух.", "Абая Кунанбаева", "Абая"),
    ("Жители села Жумабекова пожаловались акиму. Гульмира Жумабекова поддержала их.", "Гульмира Жумабекова",
     "Жумабекова"),
    ("Rally on Abai Avenue: the poet Abai Qunanbaiuly was quoted.", "Abai Qunanbaiuly", "Abai"),
    ("The Zhambyl region office refused. Zhambyl Zhabayev's poems were read.", "Zhambyl Zhabayev", "Zhambyl"),
])
def test_a_name_naming_a_street_or_a_village_is_no_mention(text, person, place):
    found = texts(text)
    assert person in found
    assert found.count(place) == 0


@pytest.mark.parametrize("text", [
    "На турнире World Boxing выступили двенадцать спортсменов.",
    "Компания Freedom Finance опубликовала отчёт.",
    "Ролик вышел на канале Open Space Media в пятницу.",
])
def test_latin_words_in_a_russian_text_are_no_name_without_evidence(text):
    assert texts(text) == []


def test_latin_names_in_a_russian_text_with_evidence_stay():
    assert "Nurlan Ospanov" in texts("Статью подписал Nurlan Ospanov, редактор издания.")


@pytest.mark.parametrize("text, first, second", [
    ("Ерлан Жумабаев молчал. Приговор зачитала судья Ахметова Г. Жумабаеву назначили два года.", "Ахметова Г.",
     "Жумабаеву"),
    ("Болат Калиев ждал ответа. Дело вёл следователь Исаев Б. Калиеву это не сообщили.", "Исаев Б.", "Калиеву"),
    ("Иск к Марату Нурпеисову подписал Сеитов К. Нурпеисову обязали выплатить долг.", "Сеитов К.", "Нурпеисову"),
])
def test_a_family_name_with_an_initial_ends_before_the_next_sentences_name(text, first, second):
    found = texts(text)
    assert first in found and second in found


@pytest.mark.parametrize("text, alias, person", [
    ("Ermek Qonyshbai (also written Konyshbay) was fined.", "Konyshbay", "Ermek Qonyshbai"),
    ("Activist Dana Zhumabek (Zhumabekova) spoke first.", "Zhumabekova", "Dana Zhumabek"),
    ("Журналист Аскар Шайгумаров (он же Шайгумар) объявил голодовку.", "Шайгумар", "Аскар Шайгумаров"),
])
def test_another_spelling_in_brackets_is_the_same_person(text, alias, person):
    assert names(text).get(alias) == person


@pytest.mark.parametrize("text, person", [
    ("Награду вручил Президент Касым-Жомарт Токаев.", "Касым-Жомарт Токаев"),
    ("Вчера прибыл премьер Бейбут Токаев.", "Бейбут Токаев"),
    ("Бронзу взяла Назым Кызайбай из Шымкента.", "Назым Кызайбай"),
    ("Отец и сын Ахметовы: Асет Ахметов-младший работал в агентстве.", "Асет Ахметов-младший"),
])
def test_a_full_name_keeps_a_family_name_the_dictionary_also_reads_as_a_word(text, person):
    assert person in texts(text)


@pytest.mark.parametrize("text", [
    "Болельщики «Соколов» встретили команду в аэропорту.",
    "Статья вышла в газете «Петров» в субботу.",
    'Команда "Волков" проиграла в финале.',
])
def test_a_family_name_in_quotes_is_a_teams_or_papers_name(text):
    assert texts(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Апелляция по делу о гибели Жумабековой отклонена.", ["Жумабековой"]),
    ("Суд рассмотрит жалобу Кенжебаевой в пятницу.", ["Кенжебаевой"]),
    ("Родственники Абдыкалыковой пришли к зданию суда.", ["Абдыкалыковой"]),
])
def test_an_unknown_family_name_that_could_be_read_as_an_adjective_is_a_name(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text, person", [
    ("В четвёрку вошли Ига Швентек и Мария Саккари.", "Ига Швентек"),
    ("Приз получила Ига Свитек из Польши.", "Ига Свитек"),
    ("Вместе с ним выступил Лука Модрич, капитан сборной.", "Лука Модрич"),
])
def test_a_given_name_the_dictionary_reads_as_a_noun_stays_before_a_family_name(text, person):
    assert person in texts(text)


@pytest.mark.parametrize("text, first, second", [
    ("Заместители Масимова Ануар Садыкулов и Даулет Ергожин осуждены.", "Масимова", "Ануар Садыкулов"),
    ("Адвокат Жумабаева Ерлан Калиев подал жалобу.", "Жумабаева", "Ерлан Калиев"),
    ("Соратник Аблязова Мухтар Джакишев вышел на свободу.", "Аблязова", "Мухтар Джакишев"),
])
def test_a_declined_family_name_before_a_given_and_family_name_is_another_person(text, first, second):
    assert second in texts(text)


def test_family_given_patronymic_stays_one_name():
    assert "Иванова Мария Петровна" in texts("Суд рассмотрел дело. Ответчик Иванова Мария Петровна не явилась.")


@pytest.mark.parametrize("text, expected", [
    ("ZHANUZAKOV – Kokshetau – fined.\nBALTASHEV – Kokshetau – fined.\n", ["ZHANUZAKOV", "BALTASHEV"]),
    ("1. ABDRAKHMANOV – Almaty – 2 years\n2. SEITOVA – Taraz – fined\n", ["ABDRAKHMANOV", "SEITOVA"]),
    ("- ЖАНУЗАКОВ – Кокшетау – штраф\n- НЕГМЕТОВ – Кокшетау – штраф\n", ["ЖАНУЗАКОВ", "НЕГМЕТОВ"]),
])
def test_a_lists_family_name_alone_in_capitals_opens_an_entry(text, expected):
    assert texts(text) == expected


def test_a_heading_in_capitals_before_a_dash_is_no_person():
    assert texts("VERDICT – what the court decided\nALMATY – two men fined\n") == []
