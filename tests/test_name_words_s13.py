"""Session 13 (issues 12, 11): which words belong to a person's name, in texts written by outsiders.

A word taken into a name ("Сотталушы Мұхамадиева", the defendant; "Investigate Sagutdinov's"; "Сатымжана Азатова
Астанинский городской суд") makes a person no comparison of names can link; a woman's name read as a man's
genitive ("Алина Берменкул" as "Алин") makes another. The cases are built from parts — sentence frames × names ×
words made by the languages' suffixes (Kazakh agent nouns, plurals, adjectives of place, adverbs, case endings;
English verb and noun suffixes; Russian place names in a case and adjectives in -ский) — not taken from a document.
Before this session every frame below but the controls failed for some of its words.
"""

import pytest

from qorgau.documents.extract.names import find_persons

KK_NAMES = [("Айгүл", "Өтепова"), ("Ержан", "Сапаров"), ("Жанар", "Бекова"), ("Нұрлан", "Ахметов"),
            ("Гүлмира", "Қасымова")]
# Kazakh words made by a derivational suffix: agent nouns (-шы/-ші), plurals of known nouns, adjectives of a place
# (-лық/-лік), adverbs of manner (-ша/-ше), a place adjective in -дағы — and the same words with a case ending.
KK_OPENERS = ["Сотталушы", "Тергеуші", "Айыпталушы", "Тергеушілер", "Бақылаушылар", "Журналистер", "Адвокаттар",
              "Прокурорлар", "Атыраулық", "Алматылық", "Шымкенттік", "Ақтөбелік", "Павлодарлық", "Осылайша",
              "Солайша", "Менінше", "Қалалардағы"]
# (the full name first, then the word before the family name alone, or before a full name whose given name the
# lexicon lacks: "Алика", "Ақжол")
KK_FRAMES = ["{g} {f} ұсталды. {w} {f} сотқа келді.", "{g} {f} ұсталды.\n\n— {w} {f} өз кінәсін мойындамады.",
             "Бүгін таңертең.\n{w} {g} {f} полицияға шақырылды."]
KK_UNLISTED = [("Алика", "Мұхамадиева"), ("Ақжол", "Серікбаев"), ("Талғат", "Аян")]
KK_GIVEN_LIKE_SUFFIXES = ["Тоқтар", "Сағындық", "Жаналық", "Айша", "Фарида", "Аида"]


@pytest.mark.parametrize("frame", KK_FRAMES)
@pytest.mark.parametrize("given,family", KK_NAMES + KK_UNLISTED)
def test_a_kazakh_word_made_by_a_suffix_is_no_part_of_the_name(frame, given, family):
    for word in KK_OPENERS:
        text = frame.format(w=word, g=given, f=family)
        found = find_persons(text)
        names = [(m.text, m.name) for m in found]
        assert found and all(m.name == f"{given} {family}" for m in found), (text, names)
        assert not any(word in m.text for m in found), (text, names)
    # … while given names that end like those suffixes or endings stay names at a sentence's start
    for word in KK_GIVEN_LIKE_SUFFIXES:
        text = f"Бүгін таңертең.\n{word} {family} полицияға шақырылды."
        assert [m.text for m in find_persons(text)] == [f"{word} {family}"], text


# A word with a locative or ablative ending (a pronoun "there", a hall, a country) before a family name alone: a
# Kazakh name takes its case ending on its last word only, so the word is no given name.
KK_PLACE_WORDS = ["Онда", "Мұнда", "Сонда", "Залда", "Ауылда", "Түрмеде", "Шыңжаңнан", "Ресейден"]


@pytest.mark.parametrize("given,family", KK_NAMES)
def test_a_kazakh_word_in_the_locative_before_a_family_name_is_no_given_name(given, family):
    for word in KK_PLACE_WORDS:
        text = f"{given} {family} ұсталды. Бейнежазба тарады. {word} {family} полицейлермен сөйлесіп тұр."
        found = find_persons(text)
        assert all(word not in m.text and word not in m.name for m in found), (text, [(m.text, m.name) for m in found])
        assert [m.name for m in found] == [f"{given} {family}"] * 2, (text, [(m.text, m.name) for m in found])




# A word in the other script after a name (a network, a site) is no part of it.
LATIN_AFTER = ["Threads", "Mastodon", "Bluesky", "Tengrinews", "Signal"]


@pytest.mark.parametrize("given,family", KK_NAMES)
def test_a_word_in_the_other_script_after_a_name_is_no_part_of_it(given, family):
    for word in LATIN_AFTER:
        text = f"{given} {family} ұсталды. Жазында {family} {word} әлеуметтік желісінде пост жариялады."
        found = find_persons(text)
        assert all(word not in m.text and word not in m.name for m in found), (text, [(m.text, m.name) for m in found])
        assert [m.name for m in found] == [f"{given} {family}"] * 2, (text, [(m.text, m.name) for m in found])


# A form's next field, its label printed on the same line after the name (lines joined) or on the next one.
KK_LABELS = ["Отырыс күні", "Хаттама нөмірі", "Іс нөмірі"]


@pytest.mark.parametrize("given,family", KK_NAMES)
def test_the_next_fields_label_is_no_part_of_the_name(given, family):
    for label in KK_LABELS:
        for joint in (" ", "\n"):
            text = f"Төрағалық етуші: судья {given} {family}{joint}{label}: 2025 жылғы 3 қараша"
            found = [(m.text, m.name) for m in find_persons(text)]
            assert found == [(f"{given} {family}", f"{given} {family}")], (text, found)


EN_NAMES = [("Aslan", "Sagutdinov"), ("Saken", "Tulbayev"), ("Dana", "Zhanaiyeva"), ("Marat", "Kuanyshev")]
# English verbs and abstract nouns by their suffixes (-ate, -ize, -ify, -tion, -ment, -ness) opening a list item.
EN_OPENERS = ["Investigate", "Substantiate", "Scrutinize", "Clarify", "Rectify", "Recognize", "Acknowledgement"]


@pytest.mark.parametrize("given,family", EN_NAMES)
def test_an_english_verb_opening_a_list_item_is_no_part_of_the_name(given, family):
    for verb in EN_OPENERS:
        text = (f"{given} {family} was detained in May.\n\nRecommendations:\n- Release all prisoners.\n"
                f"- {verb} {family}'s allegation of ill-treatment.\n")
        found = [(m.text, m.name) for m in find_persons(text)]
        assert found == [(f"{given} {family}", f"{given} {family}"), (family, f"{given} {family}")], (text, found)


@pytest.mark.parametrize("given,family", EN_NAMES)
def test_a_rank_abbreviated_before_a_name_is_no_part_of_it(given, family):
    for rank in ("Lt-Col", "Maj-Gen", "Lt-Gen", "Sgt-Maj"):
        text = f"He was questioned in August by investigator {rank} {given} {family}."
        found = [(m.text, m.name) for m in find_persons(text)]
        assert found == [(f"{given} {family}", f"{given} {family}")], (text, found)


@pytest.mark.parametrize("given,family", EN_NAMES)
def test_a_fields_label_after_a_family_name_in_capitals_is_no_given_name(given, family):
    for label in ("Court", "Judge", "Prosecutor", "Status"):
        text = f"Case: State v. {given} {family.upper()} {label}: district court of Almaty\n"
        assert all(label not in m.name for m in find_persons(text)), (text, [(m.text, m.name) for m in
                                                                           find_persons(text)])


# Russian: a declined name followed by the court's adjective ("Астанинский городской суд"); a country in a case
# before an initial and a family name ("гражданину России Е. Наказненко").
RU_MEN = [("Сатымжана", "Азатова", "Сатымжан Азатов"), ("Ерлана", "Садыкова", "Ерлан Садыков"),
          ("Нурлана", "Жаулибаева", "Нурлан Жаулибаев")]
RU_ADJECTIVES = ["Астанинский", "Шымкентский", "Конаевский", "Кокшетауский", "Алматинский", "Атырауский"]


@pytest.mark.parametrize("given,family,nominative", RU_MEN)
def test_a_courts_adjective_after_a_russian_name_is_no_part_of_it(given, family, nominative):
    for adjective in RU_ADJECTIVES:
        text = f"Апелляционную жалобу {given} {family} {adjective} городской суд оставил без удовлетворения."
        found = [(m.text, m.name) for m in find_persons(text)]
        assert found == [(f"{given} {family}", nominative)], (text, found)


@pytest.mark.parametrize("country", ["России", "Украины", "Германии", "Польши", "Франции"])
def test_a_country_in_a_case_before_an_initial_is_no_part_of_the_name(country):
    for initial, family in (("Е.", "Наказненко"), ("А.", "Ковальчук"), ("М.", "Шевчук")):
        text = f"Суд назначил арест гражданину {country} {initial} {family}. Его задержали в аэропорту."
        found = [m.text for m in find_persons(text)]
        assert found == [f"{initial} {family}"], (text, found)


# A woman's name in the nominative is read as a woman's: a listed woman's name in -а beside a Kazakh family name in
# a consonant (a man's genitive would decline the family name too: "Талгата Аяна"), and a given name neither the
# lists nor the dictionary know beside -ова (no word around it says a man's genitive).
@pytest.mark.parametrize("given", ["Алина", "Марина", "Жанна", "Дина", "Динара", "Мадина"])
def test_a_listed_womans_name_beside_a_kazakh_family_name_is_a_woman(given):
    for family in ("Берменкул", "Тлеужан", "Ескабыл", "Мамырбек"):
        text = f"Задержаны Айдос Садыков, {given} {family} и другие активисты."
        found = {m.text: m.name for m in find_persons(text)}
        assert found.get(f"{given} {family}") == f"{given} {family}", (text, found)


# A given name neither the lists nor the dictionary know as one, opening a line before a family name ("Рена
# Керимова | адвокат"; the dictionary reads "рена" only as a thing's genitive): part of the name, read as the same
# person as the mid-sentence mention; a Kazakh man's name the lists lack, made with a listed man's name (Абай|бек),
# is a man's genitive.
@pytest.mark.parametrize("given", ["Рена"])
def test_an_unknown_given_name_opening_a_line_is_part_of_the_name(given):
    for family in ("Керимова", "Исмаилова", "Бажкенова"):
        inside = {m.text: m.name for m in find_persons(f"Адвокат {given} {family} считает задержание несоразмерным.")}
        opening = {m.text: m.name for m in find_persons(f"{given} {family} | адвокат\n24 декабря 2025")}
        assert opening.get(f"{given} {family}") == inside.get(f"{given} {family}"), (opening, inside)
        for man in ("Абайбек", "Жанайдар", "Серикнурлан"):
            text = f"Адвокат {man}а {family[:-1]}а считает задержание несоразмерным."
            found = {m.text: m.name for m in find_persons(text)}
            assert found.get(f"{man}а {family[:-1]}а") == f"{man} {family[:-1]}", (text, found)
        # (a listed woman's name is no man's compound, though it ends like one: Жанар, Анар)
        text = f"Адвокат Жанара {family} считает задержание несоразмерным."
        assert {m.text: m.name for m in find_persons(text)}.get(f"Жанара {family}") == f"Жанара {family}", text


# A Kazakh name naming a square, a street, an avenue or a school ("… алаңына", "… атындағы мектеп") is no mention of
# the person (kk/name_places.tsv), while the same name in a sentence about the person is.
@pytest.mark.parametrize("given,family", KK_NAMES)
def test_a_kazakh_name_naming_a_place_is_no_mention(given, family):
    for place in ("алаңына", "көшесінде", "даңғылында", "атындағы мектепте"):
        text = f"Белсенділер {given} {family} {place} жиналды."
        assert find_persons(text) == [], (text, [(m.text, m.name) for m in find_persons(text)])
    assert [m.name for m in find_persons(f"Белсенді {given} {family} жиналысқа келді.")] == [f"{given} {family}"]
    # (the place word without its possessive is where the person was: "Ахмедьяров алаңда" — at the square)
    found = find_persons(f"{given} {family} ұсталды. Куәгердің айтуынша, {family} алаңда журналистермен сөйлесті.")
    assert [m.name for m in found] == [f"{given} {family}"] * 2, [(m.text, m.name) for m in found]


# English: two capitalised words that only their being unknown made a name, after an article or a possessive (with an
# age or "first" between) or after "in", are a faith, a group, a paper or a place — never after "of", a verb or a
# role noun, where such words are a person ("the arrest of Aron Atabek", "defendants are Kaysar Ozbek").
THINGS = ["Sunni Muslim", "Seventh-day Adventist", "Nagiz Atajurt", "Uralskaya Nedelya", "Koshe Partiyasy",
          "Saudi Arabia", "Tabligh Jamaat"]
BEFORE_THINGS = ["a 30-year-old {t}", "the {t} movement", "our {t} desk", "the weekly {t}", "studied in {t}",
                 "the first {t}"]
UNKNOWN_PERSONS = ["Aron Atabek", "Kaysar Ozbek", "Baqytkhan Myrzan"]


@pytest.mark.parametrize("thing", THINGS)
def test_an_english_article_before_unknown_capitalised_words_makes_them_no_person(thing):
    for frame in BEFORE_THINGS:
        text = f"Marat Kuanyshev, {frame.format(t=thing)}, was detained on 3 May.\n"
        found = [(m.text, m.name) for m in find_persons(text)]
        assert found == [("Marat Kuanyshev", "Marat Kuanyshev")], (text, found)
    for person in UNKNOWN_PERSONS:
        for text in (f"Police confirmed the arrest of {person} on Monday.", f"The defendants are {person} and two "
                     f"others.", f"The poet {person} died in 2021."):
            assert [m.text for m in find_persons(text)] == [person], text


# A capitalised word opening a bracket after a name is its other spelling ("Ermek Qonyshbai (Konyshbay)"), but not
# when more capitalised words follow it there: a title, an office or a code ("(Sairam District Prosecutor's Office)",
# "(ҚР ҚК 405-б.)").
@pytest.mark.parametrize("given,family", EN_NAMES)
def test_a_brackets_title_after_a_name_is_no_other_spelling(given, family):
    for bracket in ("Sairam District Prosecutor's Office", "Otrar District Court", "Zhambyl Regional Police"):
        text = f"Prosecutor: {given} {family} ({bracket}), 12 May 2023."
        found = [(m.text, m.name) for m in find_persons(text)]
        assert found == [(f"{given} {family}", f"{given} {family}")], (text, found)
    text = f"{given} {family} (also written {family[:-2]}iev) was detained; {given} {family} ({family}a) was not."
    assert f"{family[:-2]}iev" in [m.text for m in find_persons(text)], text
