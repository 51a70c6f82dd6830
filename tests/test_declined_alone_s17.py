"""A family name printed alone in a case form is the nearest full name of that family before it, even when the
document prints that very case form only later, in the full name of another member of the family (session 17: the
fresh Kazakh round joined a son's "Матаевтың сөзінше" with his father named further down as "Сейтқазы Матаевтың").

The documents are generated: families × case endings × languages; the full names of the two relatives are placed
so that the bare form comes after the first and before the second.
"""

import pytest

from qorgau.documents.extract.names import find_persons

FAMILIES = [("Матаев", "Әсет", "Сейтқазы"), ("Нұрланов", "Асқар", "Марат"), ("Жақыпов", "Ерлан", "Бақыт")]
KAZAKH = [  # (ending of the bare form, sentence around it; {bare} is the declined family name)
    ("тың", "{bare} сөзінше, бұл заңсыздық."),
    ("ты", "Полиция {bare} кеше түнде ұстады."),
    ("қа", "Сот {bare} айыппұл салды."),
]
RUSSIAN = [  # a Russian text: the bare genitive/dative before the father's full name in the same case
    ("а", "По словам {bare}, это беззаконие.", "Он сын {father} {bare}."),
    ("у", "Суд назначил {bare} штраф.", "Штраф назначили и {father} {bare}."),
]


@pytest.mark.parametrize("family,son,father", FAMILIES)
@pytest.mark.parametrize("ending,sentence", KAZAKH)
def test_kazakh_declined_family_name_alone_is_the_person_named_before(family, son, father, ending, sentence):
    bare = family + ending  # (each family ends in -в: -тың, -ты, -қа fit them all)
    text = (f"Агенттік басшысы {son} {family} бүгін мәлімдеме жасады. {sentence.format(bare=bare)} "
            f"Айта кетейік, {son} — {father} {bare if ending == 'тың' else family + 'тың'} ұлы.")
    mentions = find_persons(text)
    at = text.index(bare, text.index(sentence.format(bare=bare)[:3]))
    alone = [m for m in mentions if m.start == at]
    assert alone, [(m.text, m.name) for m in mentions]
    assert alone[0].name.split()[0] == son, [(m.text, m.name) for m in mentions]
    # the father keeps his own name: two persons, not one
    assert {m.name.split()[0] for m in mentions if m.name.split()[0] in (son, father)} == {son, father}


@pytest.mark.parametrize("ending,sentence,later", RUSSIAN)
def test_russian_declined_family_name_alone_is_the_person_named_before(ending, sentence, later):
    family, son, father = "Матаев", "Асет", "Сейтказы"
    bare = family + ending
    text = (f"Директор агентства {son} {family} сделал заявление. {sentence.format(bare=bare)} "
            f"{later.format(father=father, bare=bare)}")
    mentions = find_persons(text)
    at = text.index(bare, text.index(sentence.format(bare=bare)[:5]))
    alone = [m for m in mentions if m.start == at]
    assert alone and alone[0].name.split()[0] == son, [(m.text, m.name) for m in mentions]


# Initials in Latin spellings of one Cyrillic letter (session 17: "Ye. Narymbaev" and "E. Narymbaev" stayed names
# of their own beside "Yermek Narymbaev", and across documents joined him with his son Yersain).
INITIAL_CASES = [  # (full name, initial as printed, another person of the family or "")
    ("Yermek Narymbaev", "Ye.", ""), ("Yermek Narymbaev", "E.", ""), ("Ermek Narymbaev", "Ye.", ""),
    ("Zhanna Baitelova", "J.", ""), ("Khalida Azhigulova", "H.", ""),
    ("Marat Zhanuzakov", "M.", ""),
    ("Yermek Narymbaev", "E.", "Yersain Narymbaev"),   # two fit: the initial stays a name of its own
]


@pytest.mark.parametrize("full,initial,other", INITIAL_CASES)
def test_latin_initial_is_the_one_full_name_it_can_open(full, initial, other):
    family = full.split()[1]
    text = f"{full} was detained on Monday in Almaty. "
    if other:
        text += f"His son {other} was detained with him. "
    text += f"On Tuesday {initial} {family} told the court he would appeal."
    mentions = find_persons(text)
    short = [m for m in mentions if m.text == f"{initial} {family}"]
    assert short, [(m.text, m.name) for m in mentions]
    assert short[0].name == (f"{initial} {family}" if other else full), [(m.text, m.name) for m in mentions]
