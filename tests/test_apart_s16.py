"""People who must stay apart, third set (issue 12, session 16): shapes sessions 14 and 15 did not generate (a son
with his patronymic and his father, then the family name alone; husband and wife each with an act by the family
name alone; a police officer with the activist's family name; "А. Сейткали" beside two brothers; a list of relatives
in rows FAMILY Given; "my son Daniyar" in a quote; namesakes told apart by a patronymic, a year of birth or a
prosecutor's role; a name split across a line break), over new names, ingested and resolved together in one
database (tests/generative/apart_s16.py).

    PYTHONPATH=$PWD pytest tests/test_apart_s16.py -k table -s     # the table by kind and language
"""

import os

import pytest

from tests.generative import apart_s16, run_rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rows(django_db_setup, django_db_blocker):
    return run_rolled_back(django_db_blocker, lambda actor: apart_s16.run(apart_s16.generate(
        per=int(os.environ.get("APART_PER", "1")), seed=int(os.environ.get("APART_SEED", apart_s16.SEED))), actor))


def test_table(rows):
    print()
    print(apart_s16.table(rows))
    print(apart_s16.totals(rows))
    if not os.environ.get("APART_HELD_OUT"):
        for row in rows:
            if row[2] in ("WRONG", "MISSED", "unread", "phantom"):
                print(row)


REPORTED_ONLY = set()


def test_no_two_people_of_an_apart_kind_become_one_record(rows):
    wrong = [row for row in rows if row[2] == "WRONG" and row[0] not in REPORTED_ONLY]
    assert not wrong, wrong


def test_every_variant_of_one_person_is_merged_or_queued(rows):
    missed = [row for row in rows if row[2] == "MISSED"]
    assert not missed, missed


# -- the causes, one by one (made-up names; each red before session 16) ------------------------------------------------
def _names_of(text):
    from qorgau.documents.evaluation import find_persons

    return {text[m.start:m.end]: m.name for m in find_persons(text)}


SPOUSES = "3 мая 2024 года в Таразе задержаны супруги Ерасыл Жумабеков и Гаухар Жумабекова. "


@pytest.mark.parametrize("rest, form, who", [
    # -ову is his dative or her accusative: a verb with a direct object makes it hers
    ("На следующий день суд арестовал Жумабекова на 15 суток, а Жумабекову оштрафовали.", "Жумабекову",
     "Гаухар Жумабекова"),
    ("Той же ночью Жумабекову отпустили.", "Жумабекову", "Гаухар Жумабекова"),
    ("Полиция задержала Жумабекову у дома.", "Жумабекову", "Гаухар Жумабекова"),
    ("Жалобы на Жумабекову не поступало.", "Жумабекову", "Гаухар Жумабекова"),
    # guards: a verb or preposition governing a dative makes it his (green before too)
    ("Суд назначил Жумабекову штраф.", "Жумабекову", "Ерасыл Жумабеков"),
    ("Жумабекову предъявили обвинение.", "Жумабекову", "Ерасыл Жумабеков"),
    ("Адвокат пришёл к Жумабекову в изолятор.", "Жумабекову", "Ерасыл Жумабеков"),
    # his genitive after a lawyer, as before
    ("Адвокат Жумабекова заявил, что его подзащитного избили.", "Жумабекова", "Ерасыл Жумабеков"),
])
def test_a_family_name_in_ovu_beside_husband_and_wife_follows_the_verb(rest, form, who):
    """Before: "Жумабекову" (his dative or her accusative) always went to the man (the family some full name ends
    with, sorted first), whatever governed it: the wife's act counted as his, and her mentions joined his record."""
    assert _names_of(SPOUSES + rest)[form] == who


@pytest.mark.parametrize("text, year", [
    ("2024 жылғы 3 мамырда Тараз қаласында полиция 1961 жылы туған белсенді Ерасыл Оразбековты ұстады.", 1961),
    ("2024 жылғы 12 маусымда Тараз қаласының соты 1994 жылы туған Ерасыл Оразбековқа айыппұл салды.", 1994),
    ("2024 жылғы 12 маусымда соты 1994 ж.т. Ерасыл Оразбековқа айыппұл салды.", 1994),
])
def test_a_kazakh_year_of_birth_before_the_name_is_read(text, year):
    """Kazakh puts "born in 1961" before the name; before, only "X, 1961 жылы туған" after it was read, so two
    namesakes born 33 years apart became one record."""
    from qorgau.documents.extract.ages import birth_year

    start = text.index("Ерасыл")
    end = text.index(" ", text.index("Оразбеков"))
    assert birth_year(text, start, end, 2024) == year


def test_a_year_before_a_line_break_or_far_away_is_not_the_persons():
    from qorgau.documents.extract.ages import birth_year

    text = "1961 жылы туған\nЕрасыл Оразбековты ұстады."
    assert birth_year(text, text.index("Ерасыл"), text.index(" ұстады"), 2024) is None
    text = "1961 жылы туған ағасы мен інісі және Ерасыл Оразбековты ұстады."
    assert birth_year(text, text.index("Ерасыл"), text.index(" ұстады"), 2024) is None


@pytest.mark.parametrize("text, form, name", [
    ("3 мая 2024 года в Атырау полиция задержала активиста Алтая Ерасыловича Амангельдыева.",
     "Алтая Ерасыловича Амангельдыева", "Алтай Ерасылович Амангельдыев"),
    ("12 июня 2024 года суд назначил Алтаю Ерасыловичу Амангельдыеву штраф за пикет.",
     "Алтаю Ерасыловичу Амангельдыеву", "Алтай Ерасылович Амангельдыев"),
])
def test_a_given_name_that_is_a_place_opens_a_name_before_a_patronymic(text, form, name):
    """"Алтая" (Altai's genitive, and a given name) before a declined patronymic was cut off: the name was read as
    "Ерасылович Амангельдыев", whose given name is the patronymic — two namesakes with two fathers looked alike."""
    assert _names_of(text).get(form) == name


@pytest.mark.parametrize("text, form, who", [
    ("Задержаны Айжан Тлеумбетова и её муж Ерасыл Тлеумбетов. Адвокат Тлеумбетовой сообщила, что её отпустили.",
     "Тлеумбетовой", "Айжан Тлеумбетова"),
    ("Задержаны Ерасыл Тлеумбетов и его жена Айжан Тлеумбетова. С Тлеумбетовой встретился адвокат.",
     "Тлеумбетовой", "Айжан Тлеумбетова"),
    # the dictionary knows the name with ё (Артёмова) though the text prints е
    ("Задержаны Гаухар Артемова и её муж Ерасыл Артемов. Адвокат Артемовой сообщила, что её отпустили.",
     "Артемовой", "Гаухар Артемова"),
    # guards: his forms stay his
    ("Задержаны Айжан Тлеумбетова и её муж Ерасыл Тлеумбетов. С Тлеумбетовым встретился адвокат.",
     "Тлеумбетовым", "Ерасыл Тлеумбетов"),
    ("Задержаны Айжан Тлеумбетова и её муж Ерасыл Тлеумбетов. Защита Тлеумбетова обжалует арест.",
     "Тлеумбетова", "Ерасыл Тлеумбетов"),
])
def test_a_womans_oblique_family_name_is_hers_when_both_are_named(text, form, who):
    """Before: "Тлеумбетовой" (only a woman's genitive, dative or instrumental) went to the husband when the
    document named both: the family names it may stand for were sorted and his came first."""
    assert _names_of(text)[form] == who


@pytest.mark.parametrize("father, son", [
    ("Равкат Саят", "Саят Равкатов"),
    ("Ersin Sayat", "Sayat Ersinov"),
    ("Мейиржан Нуржан", "Нуржан Мейиржановқа"),
    ("Бахтияр Равкат", "Равкат Бахтиярову"),
])
def test_a_father_and_his_son_named_after_the_grandfather_are_queued_not_linked(father, son):
    """"Талгат Аян" (his family name from his father Аян) and his son "Аян Талгатов": the same two words crosswise
    with -ов added. Before: linked at 0.92 on the names (read the other way round, -ов dropped)."""
    from qorgau.lib.personnames import compare

    probability, evidence = compare(father, son)
    assert 0.1 <= probability < 0.9
    assert any("other way round" in line for line in evidence)


@pytest.mark.parametrize("a, b", [
    ("Тлеужан Айгерим", "Айгерим Тлеужанова"),     # a woman's list form, family first: still one person
    ("ТЛЕУЖАН Ерасыл", "Ерасыл Тлеужанов"),         # capitals say the order
    ("Ерасыл Тлеужан", "Ерасыл Тлеужанов"),         # the -ов dropped, same order
])
def test_the_family_first_and_dropped_ov_readings_still_link(a, b):
    from qorgau.lib.personnames import compare

    assert compare(a, b)[0] >= 0.9


def test_a_russian_declined_given_name_first_is_not_read_as_a_family_name():
    """"Равката Бахтияра" (two men's given names, declined) was read family-first as "Бахтияр Равкат"."""
    assert _names_of("3 мая 2024 года полиция задержала активиста Равката Бахтияра.")["Равката Бахтияра"] == \
        "Равкат Бахтияр"
    # court papers' family-first order (a family name no given name list has) is kept
    assert _names_of("в отношении Бокаева Макса и Аяна Талгата")["Аяна Талгата"] == "Талгат Аян"


@pytest.mark.parametrize("a, b", [("Гульзира Омирзакова", "Гульзипа Омирзакова"), ("Еркин Жумабеков", "Ерсин Жумабеков")])
def test_sisters_or_brothers_with_listed_names_a_letter_apart_are_near_not_alike(a, b):
    """The lexicons' given names (Гульзипа, Ерсин …) were missing from qorgau/lib/given_names.txt, so two sisters
    Гульзира and Гульзипа were a typo of one name ("alike", linked 0.97)."""
    from qorgau.lib.personnames import compare

    assert compare(a, b)[0] < 0.9
