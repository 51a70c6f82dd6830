"""Session 13 (h23-wild): acts in texts "as met in the wild". Each test is one mechanism found on the wild dev rounds
(tests/evaluation/genres/dev/p01–p10, s01–s10, u01–u10), checked on made-up documents in several shapes (names,
terms, dates, table layouts and languages vary), never on the rounds' own text.

The largest mechanism: a prisoners' list typed as a table in a plain-text file ("1 | ТЛЕУЖАН Айгерим | Алматы | …" under
"--|-----|----"). Read as prose, each row ran into the next, so a row's acts went to the NEXT row's person, or to no one.
"""

import itertools

from qorgau.documents.evaluation import GROUP_OF
from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.documents.ingest.reading import plain_tables, read_document
from qorgau.documents.ingest.repair import canonicalise


def read_acts(filename, text, published):
    """{(victim, act group, date)} of a document as a file of that name, read as `qorgau ingest` reads it."""
    canonical = canonicalise(read_document(filename, text.encode("utf-8")))
    body = canonical.text
    found = find_acts(body, find_persons(body), find_dates(body, published), find_provisions(body),
                      published=published, footnotes=canonical.footnotes, markers=canonical.markers)
    return {(p.victims[0], GROUP_OF.get(p.act_type, ""), p.date) for p in found if p.kind == "act" and p.victims}


def table(header, rows, outer=True, rule="---"):
    """A table as typed in a text file, with or without bars at the ends of its lines."""
    def line(cells):
        joined = " | ".join(cells)
        return f"| {joined} |" if outer else joined
    return "\n".join([line(header), line([rule] * len(header)).replace(" ", "") if not outer else
                      "|" + "|".join([rule] * len(header)) + "|"] + [line(r) for r in rows])


LAYOUTS = [(True, "---"), (False, "--"), (False, "-----"), (True, ":---:")]

# (language, title, header, [(printed name, canonical name, term cell, date cell, day)], penalty group)
LISTS = [
    ("en", "WORKING LIST - prisoners of conscience\nCompiled from court records. Last checked: 20.05.2024.",
     ["#", "Name", "City", "Charge", "Term", "Verdict"],
     [("OSPANOV Erlan", "Erlan Ospanov", "4 y. prison", "11.03.2024", "2024-03-11"),
      ("MUKHINA Dana", "Dana Mukhina", "2 y. 6 m. prison", "02.04.2024", "2024-04-02"),
      ("TEMIROV Bolat", "Bolat Temirov", "5 y. prison", "17.04.2024", "2024-04-17")]),
    ("ru", "РАБОЧИЙ СПИСОК осужденных\nСоставлен волонтерами. Обозначения: ЛС — лишение свободы.",
     ["№", "ФИО", "Город", "Статья", "Срок", "Приговор"],
     [("ОСПАНОВ Ерлан", "Ерлан Оспанов", "4 г. ЛС", "11.03.2024", "2024-03-11"),
      ("МУХИНА Дана", "Дана Мухина", "8 л. ЛС", "02.04.2024", "2024-04-02"),
      ("ТЕМИРОВ Болат", "Болат Темиров", "5 л. ЛС", "17.04.2024", "2024-04-17")]),
]


def test_a_table_in_a_text_file_gives_each_row_its_own_acts():
    # s03, p04 (pipe tables in .txt): on main the rows ran together, the acts of row 1 went to row 2's person and the
    # Russian rows gave no act at all.
    for (language, title, header, rows), (outer, rule) in itertools.product(LISTS, LAYOUTS):
        for order in (rows, rows[::-1]):
            cells = [[str(i + 1), printed, "Almaty" if language == "en" else "Алматы",
                      "Art. 174 CC" if language == "en" else "ч. 1 ст. 174 УК РК", term, date]
                     for i, (printed, _, term, date, _) in enumerate(order)]
            text = title + "\n\n" + table(header, cells, outer, rule) + "\n\nCorrections welcome.\n"
            found = read_acts(f"list_{language}.txt", text, "2024-05-20")
            for _, name, _, _, day in order:
                assert {(name, "PENALTY", day), (name, "DEPRIVATION", day)} <= found, (text, found)
            # no row's day given to another row's person
            for (_, a, _, _, day_a), (_, b, _, _, day_b) in itertools.permutations(order, 2):
                assert (a, "PENALTY", day_b) not in found, (text, found)


KK_ROWS = [("ЖАМАЛИЕВ Жанат", "Жанат Жамалиев"), ("ЕСХОЖИН Ербол", "Ербол Есхожин"),
           ("СЕМБАЕВ Нұржан", "Нұржан Сембаев")]


def test_a_date_alone_in_its_cell_dates_the_row():
    # u03: "ЖАМАЛИЕВ Жанат | Екібастұз | ӘҚ | 15 тәулік | 10.2024" — a term in days alone in its cell, the date in the
    # column "Күні": on main no act for any of the ten persons.
    for (outer, rule), (days, month, value) in itertools.product(
            LAYOUTS, [("15", "10.2024", "2024-10"), ("10", "03.2023", "2023-03"), ("6", "11.01.2022", "2022-01-11")]):
        rows = [[str(i + 1), printed, "Астана", "ӘҚ", f"{days} тәулік", month] for i, (printed, _) in enumerate(KK_ROWS)]
        rows.append([str(len(rows) + 1), "ҚҰСАЙЫНОВА Махаббат", "—", "айыппұл", "30 АЕК", month])
        text = ("Ұстаулар мен қамаулар — тізім\n\nБелгілер: ӘҚ — әкімшілік қамау.\n\n"
                + table(["№", "Аты-жөні", "Қала", "Не болды", "Мерзімі", "Күні"], rows, outer, rule) + "\n")
        found = read_acts("tizim_kk.txt", text, "2024-11-20")
        for _, name in KK_ROWS:
            assert (name, "DEPRIVATION", value) in found, (text, found)
        assert ("Махаббат Құсайынова", "PENALTY", value) in found, (text, found)
    # Russian: the same row shape
    text = ("Список задержанных\n\n" + table(["№", "ФИО", "Мера", "Срок", "Дата"],
                                            [["1", "ОСПАНОВ Ерлан", "арест", "15 суток", "10.2024"],
                                             ["2", "МУХИНА Дана", "арест", "10 суток", "11.2024"]], False, "--") + "\n")
    found = read_acts("spisok_ru.txt", text, "2024-12-01")
    assert {("Ерлан Оспанов", "DEPRIVATION", "2024-10"), ("Дана Мухина", "DEPRIVATION", "2024-11")} <= found, found


def test_bars_in_prose_are_no_table():
    for text in ["Wire | Almaty | 3 May 2024\n\nPolice detained Erlan Ospanov on Friday.\n",
                 "Новости | Политика | Общество\nСуд арестовал Ерлана Оспанова.\n",
                 "a | b | c\nd | e | f\n"]:
        assert plain_tables(text) == text
    # a table's rows become one entry each; the lines around it stay as they are
    text = "Title\n\nA | B\n--|--\n1 | 2\nafter\n"
    assert plain_tables(text) == "Title\n\n• A – B\n\n• 1 – 2\n\nafter\n"


def acts(text, published):
    return {(p.victims[0], GROUP_OF.get(p.act_type, ""), p.date) for p in find_acts(
        text, find_persons(text), find_dates(text, published), find_provisions(text), published=published)
        if p.kind == "act" and p.victims}


def test_a_term_told_as_received_in_russian_is_a_sentence():
    # s10: "Нурпеисов, а также Нурлан Далибаев, Ермухамет Шилибаев и Жанайдар Карменов получили по восемь лет." after the
    # verdict's day: on main no act for the four (the English "received four years" was read, the Russian not).
    for names, (verb, term), day in itertools.product(
            [["Ерлан Оспанов", "Болат Темиров"], ["Дана Мухина", "Нурлан Есенов", "Гульнара Абенова"]],
            [("получили по", "восемь лет"), ("получили по", "5 лет"), ("получили", "по шесть лет лишения свободы")],
            [("11 июля 2023 года", "2023-07-11"), ("2 марта 2021 года", "2021-03-02")]):
        listed = ", ".join(names[:-1]) + " и " + names[-1]
        text = (f"{day[0]} суд в Алматы признал Айгерим Тлеужан виновной и назначил ей четыре года лишения свободы. "
                f"{listed} {verb} {term}.")
        found = acts(text, "2024-01-10")
        for name in names:
            assert {(name, "PENALTY", day[1]), (name, "DEPRIVATION", day[1])} <= found, (text, found)
    # one person, "дали": the same; restricted freedom or a suspended term takes nobody to prison
    found = acts("3 мая 2022 года суд вынес приговор. Ерлану Оспанову дали 7 лет.", "2022-06-01")
    assert ("Ерлан Оспанов", "DEPRIVATION", "2022-05-03") in found, found
    for kind in ("ограничения свободы", "условно"):
        found = acts(f"3 мая 2022 года суд вынес приговор. Ерлан Оспанов получил два года {kind}.", "2022-06-01")
        assert not any(g == "DEPRIVATION" for _, g, _ in found), found


def test_put_into_a_police_car_is_a_detention():
    # p06: "Akikat Kaliolla, Nurzat Yermekbay and Zauatkhan Tursyn were put into police cars": on main no act.
    for text, names in [
        ("On 27 March 2023 Erlan Ospanov and Dana Mukhina were put into police cars outside the consulate.",
         ["Erlan Ospanov", "Dana Mukhina"]),
        ("On 27 March 2023 officers pushed Bolat Temirov into a police van.", ["Bolat Temirov"]),
        ("On 27 March 2023 Erlan Ospanov was bundled into a police vehicle and taken to the Medeu district police "
         "department.", ["Erlan Ospanov"]),
        ("27 марта 2023 года Ерлана Оспанова и Дану Мухину посадили в автозак.", ["Ерлан Оспанов", "Дана Мухина"]),
        ("27 марта 2023 года Болата Темирова затолкали в полицейскую машину.", ["Болат Темиров"]),
        ("2023 жылғы 27 наурызда Ерлан Оспанов полиция көлігіне отырғызылды.", ["Ерлан Оспанов"]),
    ]:
        found = acts(text, "2023-03-28")
        for name in names:
            assert (name, "DEPRIVATION", "2023-03-27") in found, (text, found)
    # (a car of one's own, a taxi: no act)
    assert not acts("On 27 March 2023 Erlan Ospanov was put into a taxi by his friends.", "2023-03-28")


def test_a_term_had_been_given_in_english():
    # p06: "In 2018 he had been given 14 years for performing an Islamic rite": on main no act.
    for subject, (when, value) in itertools.product(["Bolat Temirov", "Dana Mukhina"],
                                                    [("In 2018", "2018"), ("On 3 May 2019", "2019-05-03")]):
        text = f"{subject} is a religious scholar. {when} {subject.split()[1]} had been given 14 years for a sermon."
        assert {(subject, "PENALTY", value), (subject, "DEPRIVATION", value)} <= acts(text, "2023-03-27"), text


def test_just_now_in_a_post_is_the_day_of_the_post():
    # p06: "[12:20] Just now: Akikat Kaliolla, … were put into police cars" after a post telling "In 2018 he had been
    # given 14 years": on main the detention took the year 2018.
    for text in [
        "27.03.2023\n\nIn 2018 Bolat Temirov had been given 14 years.\n\nJust now: Erlan Ospanov was detained outside "
        "the consulate.\n",
        "27.03.2023\n\nВ 2018 году Болата Темирова осудили.\n\nТолько что задержали Ерлана Оспанова у консульства.\n",
        "27.03.2023\n\n2018 жылы Болат Темиров сотталды.\n\nЖаңа ғана Ерлан Оспанов консулдық алдында ұсталды.\n",
    ]:
        found = acts(text, "2023-03-27")
        name = next(n for n in ("Erlan Ospanov", "Ерлан Оспанов") if any(v == n for v, _, _ in found))
        assert (name, "DEPRIVATION", "2023-03-27") in found, (text, found)


def test_movements_faiths_and_countries_are_no_persons():
    # p02, p04, p05: "a 30-year-old Sunni Muslim", "alleged Tabligh Jamaat members", "a campaigner of the Nagiz Atajurt
    # movement", "flew home from Saudi Arabia", "(4) Seventh-day Adventist." were persons with acts on main.
    for movement, (noun, kind), country in itertools.product(
            ["Nagiz Atajurt", "Tabligh Jamaat", "Alga Kazakhstan"], [("movement", "Sunni Muslim"),
                                                                     ("members", "Seventh-day Adventist"),
                                                                     ("party", "Baptist")],
            ["Saudi Arabia", "South Korea"]):
        text = (f"On 7 April 2017 a court in Pavlodar sentenced Kuanysh Bashpayev, a 30-year-old {kind}, to four years "
                f"in prison. He had been detained in October 2016 when he flew home from {country}. On 4 April 2017 "
                f"a court convicted seven alleged {movement} {noun}. Bolat Temirov, an activist of the {movement} "
                f"{noun}, was detained on 1 July 2021.")
        found = acts(text, "2021-07-10")
        victims = {v for v, _, _ in found}
        assert victims == {"Kuanysh Bashpayev", "Bolat Temirov"}, (text, found)
        assert ("Kuanysh Bashpayev", "PENALTY", "2017-04-07") in found, (text, found)
    # a person's name before "and other members of the group" stays a person
    found = acts("On 3 May 2022 police detained Erlan Ospanov and other members of the group.", "2022-05-10")
    assert ("Erlan Ospanov", "DEPRIVATION", "2022-05-03") in found, found


HEADS = [("Bakhytzhan Kashkumbayev", "Aleksei Asetov"), ("Zhanat Zhamaliyev", "Yegor Prokopenko"),
         ("Erlan Ospanov", "Bolat Temirov")]


def test_a_paragraph_headed_by_a_name_is_about_that_person():
    # p09 (a year in review, "one paragraph per case"): "Bakhytzhan Kashkumbayev. The retired Presbyterian pastor from
    # Astana was arrested on 17 May 2013 …" — on main no act for him, and "he"/"him" went to the person of the
    # paragraph before ("Bakhytzhan", "Zhanat" are also women's names; the family name says a man).
    for (head, before), (subject, place), separator in itertools.product(
            HEADS, [("The retired pastor", " from Astana"), ("The imam of a mosque", " in Aktobe"), ("He", "")],
            [".", ":"]):
        text = (f"{before}{separator} The Baptist leader spent three days in custody in early May 2013.\n\n"
                f"{head}{separator} {subject}{place} was arrested on 17 May 2013. On 17 February 2014 the court gave him "
                f"a four-year suspended sentence.")
        found = acts(text, "2014-03-20")
        assert {(head, "DEPRIVATION", "2013-05-17"), (head, "PENALTY", "2014-02-17")} <= found, (text, found)
        assert (before, "PENALTY", "2014-02-17") not in found, (text, found)


def test_a_place_after_from_is_the_persons_not_a_place_left():
    # p09: "The retired Presbyterian pastor from Astana was arrested" was read as "transferred from …" (a place left).
    for name, subject in [("Bolat Temirov", "Bolat Temirov, a teacher from Almaty,"),
                          ("Erlan Ospanov", "Erlan Ospanov, an imam from the village of Kenes,")]:
        found = acts(f"{subject} was detained on 3 May 2022.", "2022-05-10")
        assert (name, "DEPRIVATION", "2022-05-03") in found, found
    found = acts("Bolat Temirov. The pastor from Astana was arrested on 3 May 2022.", "2022-05-10")
    assert ("Bolat Temirov", "DEPRIVATION", "2022-05-03") in found, found
    # (a transfer from a detention centre is still no new detention)
    found = acts("On 3 May 2022 Bolat Temirov was transferred from the pre-trial detention centre to a hospital.",
                 "2022-05-10")
    assert not any(g == "DEPRIVATION" for _, g, _ in found), found


def test_a_cell_abbreviated_in_the_lists_legend_tells_its_act():
    # u03: "Белгілер: ӘҚ — әкімшілік қамау; ұст. — ұсталды." over rows "КЕНДЖИБЕКОВ Асет | Астана | ұст. | — | 10.2024":
    # on main no act for the persons marked "ұст." (detained).
    for (label, legend, abbreviation), (outer, rule) in itertools.product(
            [("Белгілер", "ұст. — ұсталды; ӘҚ — әкімшілік қамау", "ұст."),
             ("Шартты белгілер", "ҰСТ — ұсталды", "ҰСТ"),
             ("Обозначения", "задерж. — задержан; АА — административный арест", "задерж."),
             ("Key", "D = detained, AD = administrative detention", "D")],
            LAYOUTS[:2]):
        rows = [[str(i + 1), printed, "Астана", abbreviation, "—", "10.2024"] for i, (printed, _) in enumerate(KK_ROWS)]
        text = (f"Ұстаулар — тізім\n\n{label}: {legend}.\n\n"
                + table(["№", "Аты-жөні", "Қала", "Не болды", "Мерзімі", "Күні"], rows, outer, rule) + "\n")
        found = read_acts("tizim.txt", text, "2024-11-20")
        for _, name in KK_ROWS:
            assert (name, "DEPRIVATION", "2024-10") in found, (text, found)
    # without the legend the same cell tells nothing
    rows = [["1", "ЖАМАЛИЕВ Жанат", "Астана", "ҰСТ", "—", "10.2024"]]
    found = read_acts("tizim.txt", "Тізім\n\n" + table(["№", "Аты-жөні", "Қала", "Не болды", "Мерзімі", "Күні"],
                                                       rows) + "\n", "2024-11-20")
    assert not found, found


def test_russian_one_year_and_the_same_term():
    # s08: "суд дал Абайбеку Султанову год ограничения свободы" (one year, the number unwritten) and "такой же срок
    # получила Айжан Исмакова": on main no act for either.
    for name, printed, (day, value) in itertools.product(
            ["Абайбек Султанов"], ["дал Абайбеку Султанову год", "приговорил Абайбека Султанова к году"],
            [("14 мая 2021 года", "2021-05-14"), ("3 марта 2020 года", "2020-03-03")]):
        text = f"{day} районный суд {printed} ограничения свободы."
        found = acts(text, "2022-01-10")
        assert (name, "PENALTY", value) in found and not any(g == "DEPRIVATION" for _, g, _ in found), (text, found)
    for same, (first, second) in itertools.product(
            ["Такой же срок получила Айжан Исмакова.", "Айжан Исмакова получила такой же срок.",
             "Аналогичное наказание получила Айжан Исмакова."],
            [("Абзала Каналиева", "Абзал Каналиев"), ("Ерлана Оспанова", "Ерлан Оспанов")]):
        text = f"21 декабря 2021 года суд приговорил {first} к году ограничения свободы. {same}"
        found = acts(text, "2022-01-10")
        assert {(second, "PENALTY", "2021-12-21"), ("Айжан Исмакова", "PENALTY", "2021-12-21")} <= found, (text, found)


def test_a_kazakh_maximum_term_is_no_act():
    # u03's note: "Бұл баптың ең ауыр жазасы — 25 тәулікке дейін қамау" (the article's heaviest penalty: up to 25 days)
    # gave the last person of the list an administrative detention on main.
    for days, (name, printed) in itertools.product(["25", "15", "он бес"], KK_ROWS):
        text = (f"2024 жылғы 3 қазанда {printed.split()[1]} {printed.split()[0].capitalize()} ұсталды. Бұл баптың ең "
                f"ауыр жазасы — {days} тәулікке дейін қамау.")
        found = act_types(text, "2024-11-20")
        assert "administrative_detention" not in found and "detained" in found, (text, found)
    # (the sentence itself still counts: "15 тәулікке қамалды")
    assert "administrative_detention" in act_types("2024 жылғы 3 қазанда Жанат Жамалиев 15 тәулікке қамалды.",
                                                   "2024-11-20")


def act_types(text, published):
    return {p.act_type for p in find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text),
                                          published=published) if p.kind == "act" and p.victims}


def test_newspapers_courts_and_faiths_are_no_persons():
    # the retired split (w, x): "Two reporters of Uralskaya Nedelya were detained", "Judge … of the Specialized
    # Interdistrict Investigative Court", "jails Jehovah's Witness", "Иегова Куәгері" were victims on main.
    for paper, court in itertools.product(["Uralskaya Nedelya", "Ak Zhayik", "Radio Azattyq"],
                                          ["Specialized Interdistrict Investigative", "Almaty City", "Esil District"]):
        text = (f"On 22 February 2020 two reporters of {paper} were detained on the same day as Ruslan Sagutdinov. "
                f"Three days later Judge Timur Kopbosynov of the {court} Court ordered his arrest.")
        victims = {v for v, _, _ in acts(text, "2020-03-01")}
        assert paper not in victims and court not in victims, (text, victims)
    for text, person in [("Astana court jails Jehovah's Witness for five years. On 2 May 2017 a court in Astana jailed "
                          "Teymur Akhmedov for five years.", "Teymur Akhmedov"),
                         ("2017 жылғы 2 мамырда Иегова Куәгері Теймур Ахмедов бес жылға сотталды.", "Теймур Ахмедов"),
                         ("2 мая 2017 года Свидетеля Иеговы Теймура Ахмедова приговорили к пяти годам лишения свободы.",
                          "Теймур Ахмедов")]:
        victims = {v for v, _, _ in acts(text, "2017-06-01")}
        assert victims == {person}, (text, victims)
    # (a name before a field's label "Court:" is a person's: "Case: State v. A. K. Ilyashev Court: Medeu District")
    text = "Case: State v. Alnur Ilyashev Court: Medeu District Court, Almaty Detained: 17.04.2020"
    assert "Alnur Ilyashev" in {m.name for m in find_persons(text)}


def test_taken_to_the_special_reception_centre_is_administrative_detention():
    # the retired split (w01): "25 декабря в спецприёмник на такой же срок по той же статье попали активисты движения
    # … и Равкат Мухтаров": on main no act for either.
    for text, names in [
        ("Ещё раньше, 25 декабря 2023 года, в спецприёмник на такой же срок попали активисты Ерлан Оспанов и Дана "
         "Мухина.", ["Ерлан Оспанов", "Дана Мухина"]),
        ("25 декабря 2023 года Болата Темирова поместили в спецприемник.", ["Болат Темиров"]),
        ("25 декабря 2023 года Ерлан Оспанов попал в спецприёмник на 10 суток.", ["Ерлан Оспанов"]),
    ]:
        found = acts(text, "2024-01-10")
        for name in names:
            assert (name, "DEPRIVATION", "2023-12-25") in found, (text, found)
    assert "administrative_detention" in act_types("25 декабря 2023 года Болата Темирова поместили в спецприемник.",
                                                   "2024-01-10")
