"""A father named under a word for a relative, then his son, then the family name alone: the son (issue 12, session
14 second wave; a Kazakh biography of the validation round joined father and son through "• Әкесі – …" and
"Әкесі Сейтқазы Матаев" opening a sentence). The names here are made up."""

import pytest

from qorgau.documents.extract.names import find_persons


def names(text):
    return [(m.text, m.name) for m in find_persons(text)]


@pytest.mark.parametrize("text, lone, son", [
    ("Father: Bolat Ermekov.\nArman Ermekov is a journalist. On 3 October Bolat Ermekov was convicted. "
     "Later Ermekov was detained.", "Ermekov", "Arman Ermekov"),
    ("Отец: Болат Ермеков.\nАрман Ермеков — журналист. 3 октября Болат Ермеков был осуждён. Позже Ермеков был задержан.",
     "Ермеков", "Арман Ермеков"),
    ("• Әкесі – Болат Ермеков\n\nАрман Ермеков – журналист. 3 қазанда Болат Ермеков сотталды. Кейін Ермеков ұсталды.",
     "Ермеков", "Арман Ермеков"),
    ("| **Әкесі** | Болат Ермеков |\n\nАрман Ермеков – журналист. 3 қазанда Болат Ермеков сотталды. "
     "Кейін Ермеков ұсталды.", "Ермеков", "Арман Ермеков"),
])
def test_a_relative_under_a_label_is_not_the_family_name_alone(text, lone, son):
    assert dict(names(text))[lone] == son


def test_a_kazakh_word_for_a_relative_opening_a_sentence_is_no_given_name():
    text = ("Әсет Тұрсынбаев – журналист. Әкесі Сейтқазы Тұрсынбаев – клубтың президенті болған. "
            "3 қазанда Сейтқазы Тұрсынбаев сотталды. Кейін Тұрсынбаев ұсталды.")
    found = names(text)
    assert all(not name.startswith("Әкесі") for _, name in found), found
    assert dict(found)["Тұрсынбаев"] == "Әсет Тұрсынбаев"


def test_without_a_relative_the_last_named_stays():
    """The guard: no word for a relative, the family name alone is the person named last (unchanged)."""
    text = "Болат Ермеков – журналист. 3 қазанда Арман Ермеков сотталды. Кейін Ермеков ұсталды."
    assert dict(names(text))["Ермеков"] == "Арман Ермеков"


@pytest.mark.parametrize("text, heading, name, lone", [
    ("Ермеков, Арман Болатович\n\nЖурналист. В мае Ермеков был задержан. 3 октября его отец Болат Ермеков был осуждён.",
     "Ермеков, Арман Болатович", "Арман Болатович Ермеков", "Ермеков"),
    ("Ермеков, Арман Болатұлы\n\nЖурналист. Мамырда Ермеков ұсталды. 3 қазанда оның әкесі Болат Ермеков сотталды.",
     "Ермеков, Арман Болатұлы", "Арман Болатұлы Ермеков", "Ермеков"),
    ("Yermekov, Arman Bolatuly\n\nJournalist. In May Yermekov was detained. On 3 October his father Bolat Yermekov "
     "was convicted.", "Yermekov, Arman Bolatuly", "Arman Bolatuly Yermekov", "Yermekov"),
])
def test_a_heading_family_comma_given_patronymic_is_one_person(text, heading, name, lone):
    found = dict(names(text))
    assert found[heading] == name
    assert found[lone] == name


def test_a_list_of_family_names_with_commas_is_not_inverted():
    """The guard: without a patronymic, family names parted by commas stay several persons."""
    found = names("Суд оштрафовал Ермекова, Сейткалиева и Бекова.")
    assert all("," not in text for text, _ in found), found
