"""English person mentions by kind (issue 11, session 17, h27-namesen): each kind generated over made-up names
(no person of the evaluation documents) and our own sentences. Every kind below was red before session 17 and is
green after; the negative kinds hold precision.

Kinds:
  given_alone        the given name alone after the one full name with it, whatever the family name ends in
                     ("Kymbat Ospan" … "Kymbat said"), and whether or not the lists know the given name
  listed_given_latin a given name the lists know (written in Cyrillic) in any Latin spelling counts as one: "ORYNBASAR
                     Olzhas" in prose, a name signed in quotes, a Title Case heading
  spelled_alone      a Kazakh family name with no Russian ending alone in another spelling ("Jaksylyk" after
                     "Dulat Zhaksylyk", "Eskendir's" after "… Yeskendir")
  given_initial      "Nurbol T. says …": the given name and the family name's initial
  gaelic             "McGill", "MacDonald", "O'Neill": a prefix glued to the capital
  short_family       "Xi Jinping", "Ma Xingrui": a Chinese family name of two letters first
  negatives          "Central Asia", "Islam", "BACKGROUND Aset …" (no "Aset Background"), a mosque in quotes, a
                     street named like a person after the full name
"""

import pytest


def persons(text):
    from qorgau.documents.extract.names import find_persons

    return find_persons(text)


def found(text, printed, nth=0):
    """Whether a mention overlaps the nth printing of `printed`, and the mention's name."""
    at = -1
    for _ in range(nth + 1):
        at = text.find(printed, at + 1)
    assert at >= 0, (printed, text)
    hits = [m for m in persons(text) if m.start < at + len(printed) and at < m.end]
    return hits[0].name if hits else None


# Made-up people: Kazakh family names with no Russian ending (the kind the -ov/-uly rules miss) and given names the
# lists know (LISTED: Олжас, Нұрбол, Дулат, Ербол, Нұрбек, Шынар) or do not (UNLISTED).
FAMILIES = ["Orynbasar", "Tursynbek", "Amanzhol", "Sarsenbai", "Zhakupbek", "Dosmagambet", "Toktarbai", "Kuanyshbai"]
LISTED = ["Olzhas", "Nurbol", "Dulat", "Yerbol", "Nurbek", "Shynar"]
UNLISTED = ["Kymbat", "Perizat", "Baglan", "Zhaslan", "Aktoty", "Tolkyn"]
PEOPLE = [(g, f) for g, f in zip(LISTED + UNLISTED, FAMILIES * 2)]

ALONE = [
    "Police detained {g} {f} in Almaty on 2 May. {g} said he had been beaten in custody.",
    "Police detained {g} {f} in Almaty on 2 May. Later {g} told reporters that the charge was invented.",
    "The court fined {g} {f} on 2 May, and the family said that {g} had done nothing wrong.",
    "In an interview, {g} {f}'s mother spoke about the case.\n\n— How did it start? — In 2022 {g} posted a video.",
]


@pytest.mark.parametrize("template", ALONE)
@pytest.mark.parametrize("given,family", PEOPLE)
def test_given_alone_after_the_full_name(template, given, family):
    text = template.format(g=given, f=family)
    assert found(text, f"{given} {family}") == f"{given} {family}"
    assert found(text, given, nth=1) == f"{given} {family}"


@pytest.mark.parametrize("given,family", [(g, f) for g, f in PEOPLE if g in LISTED])
@pytest.mark.parametrize("template,printed", [
    ("The list of political prisoners names {F} {g}, born 1987, now held in a colony in Zhezkazgan.", "{F} {g}"),
    ('The appeal published on Facebook was signed "{g} {f}" and dated 3 May.', "{g} {f}"),
    ("Case of {g} {f}\n\nOn 3 May the district court fined the activist for a post about land.", "{g} {f}"),
    ("Defendant: {G} {F}\nCourt: Almaty district court\n", "{G} {F}"),
])
def test_a_listed_given_name_in_latin_letters(given, family, template, printed):
    fill = dict(g=given, f=family, G=given.upper(), F=family.upper())
    text = template.format(**fill)
    assert found(text, printed.format(**fill)) in {f"{given} {family}"}


SPELLINGS = [("Dulat", "Zhaksylyk", "Jaksylyk"), ("Baglan", "Yeskendir", "Eskendir"),
             ("Olzhas", "Mukhametkali", "Mukhametqali"), ("Perizat", "Zhumagali", "Jumagali")]


@pytest.mark.parametrize("given,family,other", SPELLINGS)
@pytest.mark.parametrize("template", [
    "Police detained {g} {f} on 2 May. In 2021 police had questioned {o} about a post on Facebook.",
    "Police detained {g} {f} on 2 May.\n\n{o}'s father said that he had been beaten.",
])
def test_a_family_name_alone_in_another_spelling(given, family, other, template):
    text = template.format(g=given, f=family, o=other)
    assert found(text, other) == f"{given} {family}"


@pytest.mark.parametrize("given,family", PEOPLE)
def test_given_name_and_initial_after_the_full_name(given, family):
    text = (f"Police detained {given} {family} and two other men on 2 May. {given} {family[0]}. says he only "
            f"shared a post.")
    assert found(text, f"{given} {family[0]}.") == f"{given} {family}"


@pytest.mark.parametrize("given", LISTED)
def test_given_name_and_initial_alone(given):
    text = f"Three men were detained at the rally; {given} B. says he only shared a post about it."
    assert found(text, f"{given} B.")


GAELIC = [("Heather", "McAllister"), ("Ian", "MacLeod"), ("Kevin", "McKenna"), ("Alan", "O'Neill"),
          ("Fiona", "O’Brien")]


@pytest.mark.parametrize("given,family", GAELIC)
@pytest.mark.parametrize("template", [
    "“The verdict is unjust and must be quashed,” said {g} {f}, a researcher at the institute.",
    "On Monday the UN Special Rapporteur {g} {f} raised the cases of three detained journalists with the ministry.",
])
def test_gaelic_family_names(given, family, template):
    text = template.format(g=given, f=family)
    assert found(text, f"{given} {family}") == f"{given} {family}"


@pytest.mark.parametrize("name", ["Xi Jinping", "Ma Xingrui", "Li Keqiang", "Hu Chunhua"])
@pytest.mark.parametrize("template", [
    "On Monday President Tokayev met {n} in Astana and spoke about trade and the border.",
    "Relatives of detained Kazakhs asked the party secretary, {n}, to let them go home.",
])
def test_chinese_family_names_of_two_letters(name, template):
    assert found(template.format(n=name), name) == name


@pytest.mark.parametrize("text,printed", [
    ("The Central Asia researcher of the organisation spoke to reporters in Almaty on Monday.", "Central Asia"),
    ("Believers said that Islam was not on trial, and that the case was about one sermon.", "Islam"),
    ("Sat 6 May: the court adjourned the hearing until the following week.", "Sat"),
    ("BACKGROUND Aset Orynbasar first came to attention in April 2020.", "BACKGROUND"),
    ("Police detained Dulat Zhaksylyk on 2 May. Dulat said he was beaten. The office is on Mangilik El Street.",
     "Mangilik"),
    ("Біз «Әзірет Сұлтан» мешітінің алдында тұрдық.", "Әзірет Сұлтан"),
])
def test_words_that_name_no_one(text, printed):
    assert found(text, printed) is None
