"""Name matching across scripts and spellings: our own annotated pairs."""

import pytest

from qorgau.lib.personnames import compare, parse

SAME = [
    ("Maygul Sadykova", "Maigul Sadykova"), ("Maygul Sadykova", "Майгуль Садыкова"),
    ("Maygul Sadykova", "Майгүл Садықова"), ("Майгуль Садыковой", "Maigul Sadykova"),
    ("Alibek Musauli", "Alibek Musauly"), ("Alibek Musauly", "Алибек Мусаулы"),
    ("Yerlan Kaliyev", "Erlan Kaliev"), ("Yerlan Kaliyev", "Ерлан Калиев"), ("Kairat Ismailov", "Kayrat Ismailov"),
    ("K.P. Kozhamzharov", "Kairat Kozhamzharov"), ("Kairat Kozhamzharov", "Кайрат Кожамжаров"),
    ("Nursultan Nazarbayev", "Nursultan Nazarbaev"), ("Nazarbayev", "Nursultan Nazarbayev"),
    ("President Nazarbayev", "Нурсултан Назарбаев"), ("Zhanara Akhmetova", "Жанара Ахметова"),
    ("Akhmetova's", "Zhanara Akhmetova"), ("Botagoz Jardemali", "Botagoz Zhardemali"),
    ("Садыкова Майгуль", "Maygul Sadykova"), ("Zhanseit Tuymebayev", "Жансеит Туймебаев"),
    ("Bakhytzhan Toregozhina", "Бахытжан Торегожина"), ("Investigator Bakytzhan Syzdykov", "Бакытжан Сыздыков"),
    ("Ardak Ashim", "Ардақ Әшім"), ("Maks Bokaev", "Max Bokayev"),
    ("Aigerim Nurlanova", "Айгерим Нурлановой"),
]
DIFFERENT = [
    ("Bekzhan Akhmetov", "Zhanara Akhmetova"), ("Kairat Kozhamzharov", "Kairat Ismailov"),
    ("Talgat Ayan", "Ayan Sharipbaev"), ("Kenzhebek Abishev", "Kenzhebek Sultanbekov"),
    ("Akmaral Tobylova", "Akmaral Shayakhmetova"), ("Yerzhan Amirkhanov", "Erzhan Kazykhanov"),
    ("Maks Bokaev", "Dosym Satpaev"), ("Almat Zhumagulov", "Arsen Zhumatayev"), ("Ardak Ashim", "Aynura Ashimova"),
    ("T. Yerzhanova", "Yerzhan Amirkhanov"), ("A.O. Shakirov", "K.K. Shakirov"),
    ("Anonymous detainee A (UA 63/18)", "Anonymous detainee B (UA 63/18)"),
    ("Anonymous detainee A (UA 63/18)", "Anonymous detainee A (UA 63/18)"),
]


@pytest.mark.parametrize("a, b", SAME)
def test_spellings_of_one_person_match(a, b):
    score, evidence = compare(a, b)
    assert score >= 0.75, (a, b, score, evidence)


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_different_people_do_not(a, b):
    score, evidence = compare(a, b)
    assert score < 0.5, (a, b, score, evidence)


def test_parts_are_read_in_any_order_and_script():
    assert parse("Садыкова Майгуль").family == parse("Maygul Sadykova").family
    assert parse("Ivan Petrovich Sidorov").patronymic and parse("Ivan Petrovich Sidorov").family == parse("Sidorov").family
    assert parse("Zhanara Akhmetova").gender == "f" and parse("Bekzhan Akhmetov").gender == "m"


# Session 4 (names never seen): each pair failed to merge (or merged wrongly) before the rule it names.
MERGED = [
    ("Nurlan Sarsenbayev", "Нұрлан Сәрсенбаевта"),           # Kazakh locative
    ("Zarina Kudaybergenova", "Зарина Құдайбергеновамен"),    # a case ending tells which word is the family name
    ("Darkhan Toktarov", "Darkhan Tokatrov"),                 # two letters swapped: one typo
    ("Dinara Mukanova", "Dinara Mukaonva"),                   # a typo in the ending, seen on the word as written
    ("Bolat Bayzhanov", "Bolst Bayzhanov"),                   # a typo in a given name
    ("Zarina Kudaybergenoa", "Zarina Kudaybergenova"),        # a typo hides the ending: read the other way round
    ("Gulnar Yesimova", "Gy'lnar Esimova"),                   # 2017 Kazakh Latin: y' is ü
    ("Гүлнар Тәжібаева", "Gulnara Tazhibaeva"),               # the Kazakh and the Russian form of one name
    ("Igor Chuprina", "Игорю Чуприне"),                       # -ине is also the dative of a man's name in -ина
]
KEPT_APART = [
    ("Marat Akhmetov", "Murat Akhmetov"),                     # two real names a letter apart: brothers, not a typo
    ("Dana Serikova", "Dina Serikova"),
    ("Marjan Ámirhanova", "Марата Амирханова"),               # wife and husband (genitive)
]


@pytest.mark.parametrize("a, b", MERGED)
def test_unseen_spellings_merge(a, b):
    score, evidence = compare(a, b)
    assert score >= 0.9, (a, b, score, evidence)


@pytest.mark.parametrize("a, b", KEPT_APART)
def test_real_names_a_letter_apart_are_never_merged_on_names_but_queued_or_apart(a, b):
    score, evidence = compare(a, b)
    assert score < 0.9, (a, b, score, evidence)


def test_a_one_word_mention_with_a_typo_merges_in_its_document_and_an_initial_is_queued():
    from qorgau.resolution.scoring import AUTO, REVIEW, pair_probability

    assert pair_probability("Kozhakhmerov", "KOZHAKHMETOV Medet") >= AUTO      # same document, one letter off
    assert pair_probability("Динаре", "Dinara Mukanova") >= AUTO               # a given name alone, declined
    assert REVIEW <= pair_probability("Aset", "A. Matayev") < AUTO             # only the initial to go on
    assert pair_probability("Tulesova", "A. Matayev") < REVIEW


def test_the_comparison_is_symmetric_on_generated_dev_pairs():
    from qorgau.resolution.evaluation import read_pairs
    from pathlib import Path

    pairs, _ = read_pairs([Path(__file__).parent / "evaluation" / "name-pairs-dev.tsv"])
    for left, right, *_ in pairs[::25]:
        assert compare(left, right)[0] == compare(right, left)[0], (left, right)


@pytest.mark.parametrize("a, b", [("Айгерім ханым", "Aigerim Nurlanova"), ("Сарсенбаев мырза", "Yerlan Sarsenbayev"),
                                  ("г-н Сарсенбаев", "Yerlan Sarsenbayev"), ("Нұрлан ағай", "Nurlan Sarsenbayev")])
def test_forms_of_address_are_not_names(a, b):
    """Kazakh мырза, ханым, ағай and Russian г-н are no given or family name: what is left is one name alone."""
    score, evidence = compare(a, b)
    assert score >= 0.5, (a, b, score, evidence)


def test_of_two_weak_endings_the_common_given_name_is_the_given_name():
    """"Валентина Махотина": both words end in -ина; the given name is Валентина, so the family name Махотина is a
    woman's, and Валентин Махотин is queued as her husband or the man declined, never linked (held-out table 2,
    first run: read as the family name Валентина, linked 0.99)."""
    assert parse("Марина Ильина").given[0].startswith("marin")
    assert parse("Валентина Махотина").family == "mahotin"
    for woman, man in [("Валентина Махотина", "Валентин Махотин"), ("Марина Косотина", "Марин Косотин")]:
        assert 0.1 <= compare(woman, man)[0] < 0.9


@pytest.mark.parametrize("kazakh, russian", [("Бақыт Түменова", "Bakhyt Tumenova"),
                                             ("Бақытжан Оралова", "Бахытжан Оралова")])
def test_kazakh_q_written_kh_in_the_russian_form_is_one_given_name(kazakh, russian):
    assert compare(kazakh, russian)[0] >= 0.9


@pytest.mark.parametrize("a, b", [("Тамара Еслямова", "Тамара Ислямова"), ("Arman Kadyrov", "Arman Badyrov"),
                                  ("Aigul Sadykova", "Aigul Nadykova")])
def test_family_names_apart_only_in_the_first_letter_are_two_names(a, b):
    assert 0.1 <= compare(a, b)[0] < 0.9


@pytest.mark.parametrize("a, b", [("Zhansaya Otepbergenova", "Jansaya Utepbergenova"),
                                  ("Tamara Yeslyamova", "Tamara Yeslymova")])
def test_a_typo_after_the_first_letter_or_a_kazakh_vowel_written_two_ways_still_links(a, b):
    assert compare(a, b)[0] >= 0.9


@pytest.mark.parametrize("a, b", [("А. Бәделбаев", "A. Bedelbaev"), ("А. Бәделбаев", "А. Бедельбаев"),
                                  ("Н. Қожақараев", "Нұрлан Хожакараев")])
def test_kazakh_letters_written_as_in_the_russian_form_link_with_an_initial(a, b):
    """Kazakh ә is written е in a Russian form (Бәделбаев / Бедельбаев), қ as х (Қожақараев / Хожакараев): with an
    initial that agrees, linked (dev documents: ә was one letter off, 0.896, just under the link)."""
    assert compare(a, b)[0] >= 0.9
