"""Kazakh extraction (issue 11, session 5): case endings on any name, the Latin alphabet of 2021, triggers in many
verb forms, provisions in Kazakh shapes and the verb-final sentence. Every text here is made up in the shape of a
category of real reports, not copied from one."""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.lib.morphology import kazakh_stems


def extract(text, published="2023-01-15"):
    mentions = find_persons(text)
    found = find_acts(text, mentions, find_dates(text, published), find_provisions(text), published=published)
    return mentions, found


def acts(text, published="2023-01-15"):
    return {(p.victims[0], p.act_type, p.date) for p in extract(text, published)[1]}


@pytest.mark.parametrize("word, stem", [
    ("Сейітжанға", "Сейітжан"),      # dative after a sonorant, back vowels
    ("Сейітжанды", "Сейітжан"),      # accusative
    ("Сейітжанның", "Сейітжан"),     # genitive after н
    ("Әбдікәрімге", "Әбдікәрім"),    # front vowels: -ге, not -ға
    ("Әбдікәрімнің", "Әбдікәрім"),
    ("Төлегенмен", "Төлеген"),       # instrumental
    ("Бекжолдың", "Бекжол"),         # genitive after л
    ("Жақсыбайдан", "Жақсыбай"),     # ablative after й
    ("Қанатбектің", "Қанатбек"),     # genitive after a voiceless consonant
    ("Nūrbekke", "Nūrbek"),          # the Latin alphabet of 2021
    ("Сапарғалидың", None),          # after a vowel the genitive is -ның: no stem
])
def test_a_kazakh_case_ending_comes_off_only_where_it_fits_the_stems_sounds(word, stem):
    stems = kazakh_stems(word)
    assert (stems[0] if stems else None) == stem


def test_a_name_declined_in_every_case_is_one_person_whatever_its_family_name_ends_with():
    text = ("Сот белсенді Ержан Сейітжанға айыппұл салды. Сейітжанды бұған дейін де полиция ұстаған. "
            "Сейітжанның адвокаты шағым түсіретінін айтты. Журналистер Сейітжанмен сөйлесті.")
    mentions = find_persons(text)
    assert {m.name for m in mentions} == {"Ержан Сейітжан"}
    assert len(mentions) == 4


def test_a_word_that_only_looks_declined_stays_as_printed():
    # "Мереке" is no dative (after a vowel it would be -ге); "Гүлзада" is printed only once, so nothing attests "Гүлза"
    names = {m.name for m in find_persons("Адвокат Мереке Ғабдуллин мен тұрғын Гүлзада Әлиева сотқа келді.")}
    assert names == {"Мереке Ғабдуллин", "Гүлзада Әлиева"}


def test_names_in_the_kazakh_latin_alphabet_are_found_with_their_endings():
    text = ("Oral qalalyq soty belsendı Erlan Nūrbekke ükım şyğardy. Nūrbektı 2021 jylğy 5 qañtarda polisia ūstağan. "
            "Nūrbek ükımge şağymdanatynyn aitty.")
    mentions = find_persons(text)
    assert [m.name for m in mentions] == ["Erlan Nūrbek", "Erlan Nūrbek", "Erlan Nūrbek"]


def test_a_given_name_that_is_also_a_common_noun_stays_before_a_family_name_in_mid_sentence():
    # "алмаз" (a diamond), "роза" (a rose): names all the same before "Тілепов", "Ахметова"
    names = {m.name for m in find_persons("Оның әкесі Алмаз Тілепов аштық жариялады. Вчера выступила Роза Ахметова.")}
    assert {"Алмаз Тілепов", "Роза Ахметова"} <= names
