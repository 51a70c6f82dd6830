"""Session 13 (h23-acts): acts and person–provision pairs in documents written by outsiders. Each test is one mechanism
found on the retired test split of sessions 10–12 (tests/evaluation/genres/dev/v01–v15, w01–w10, x01–x16), checked on
made-up sentences in several shapes (names, numbers, days and wording vary), never on those documents' own text."""

import itertools

from qorgau.documents.extract.names import find_persons
from tests.test_extract_english_s9 import acts, names, pairs, proposals  # noqa: F401 (the same readers of the rules)

EN_NAMES = ["Erlan Ospanov", "Aliya Serikova", "Nurlan Yesenov"]


def test_a_faith_a_country_or_an_office_is_no_person():
    # "Kuanysh Bashpayev, a 30-year-old Sunni Muslim …", "a 61-year-old Jehovah's Witness", "studied in Saudi Arabia",
    # "the Specialized Interdistrict Investigative Court" (v03, v05, x01, x02, v13): each was a person with acts.
    faiths = ["Sunni Muslim", "Jehovah's Witness", "Seventh-day Adventist", "Baptist", "Tabligh Jamaat member"]
    for name, faith in itertools.product(EN_NAMES, faiths):
        text = (f"{name}, a 52-year-old {faith} from Astana, was sentenced on 2 May 2017 to five years in prison "
                f"under Article 174. {name} studied in Saudi Arabia and Egypt.")
        assert set(names(text)) == {name}, (text, names(text))
        assert {v for v, _ in pairs(text, "2017-05-03")} == {name}
    text = ("Three days later Judge Timur Kopbosynov of the Specialized Interdistrict Investigative Court placed "
            "Aliya Serikova under house arrest.")
    assert set(names(text)) == {"Timur Kopbosynov", "Aliya Serikova"}, names(text)
    for faith in ["Свидетели Иеговы", "Иегова Куәгері"]:
        text = f"Двое осуждённых — {faith}. {faith} Теймур Ахмедов сотталды."
        assert [m.name for m in find_persons(text)] == ["Теймур Ахмедов"], (text, find_persons(text))


def test_a_title_of_two_words_is_not_cut_to_a_family_name():
    # "the local newspaper Uralskaya Nedelya", "a word in -skaya before a newspaper's word" (v02, v06): a lone
    # "Uralskaya" was a person once "Nedelya" was known as no name's word.
    for paper in ["Uralskaya Nedelya", "Karagandinskaya Gazeta", "Aktyubinskaya Pravda"]:
        text = f"The video was posted by the local newspaper {paper} within the hour. Reporters of {paper} were detained."
        assert names(text) == [], (text, names(text))


def test_a_word_running_on_into_capitals_is_no_name():
    # "главный редактор КазТАГ" (x06): "Каз" was read as a person, with an act.
    for agency, name in [("КазТАГ", "Амир Касенов"), ("КазИнформ", "Асет Матаев"), ("KazTAG", "Amir Kasenov")]:
        text = f"В Астане задержан главный редактор {agency} {name}." if name[0] > "Z" else \
            f"Police detained the editor of {agency} {name} in Astana."
        assert names(text) == [name], (text, names(text))


def test_a_list_entry_with_months_and_the_same_article():
    # "2. KURMANGALIYEV Aykhan – Taldykorgan – same article – 20 months – convicted 14.01.2015" (v04): sentenced
    # without prison, and no provision; the entry above gave the article.
    rows = [("NURMANBETOV Bakyt", "Bakyt Nurmanbetov"), ("SERIKOVA Aliya", "Aliya Serikova"),
            ("OSPANOV Erlan", "Erlan Ospanov")]
    for months, city in itertools.product(["20 months", "18 months, general-regime colony", "9 months"],
                                          ["Taldykorgan", "Aktobe"]):
        text = "Prisoners of conscience\n\n" + "\n".join(
            f"{i + 1}. {caps} – {city} – {'CC Art. 405 part 2' if i == 0 else 'same article'} – {months} – "
            f"convicted 14.01.2015" for i, (caps, _) in enumerate(rows))
        found, found_pairs = acts(text, "2017-04-20"), pairs(text, "2017-04-20")
        for _, name in rows:
            assert {(name, "PENALTY", "2015-01-14"), (name, "DEPRIVATION", "2015-01-14")} <= found, (text, found)
            assert (name, "CC-405") in found_pairs, (text, found_pairs)
    # Russian and Kazakh lists say it too ("– та же статья –", "– сол айып –")
    text = ("1. ИВАНОВ Пётр – Уральск – ст. 405 ч. 2 УК РК – 2 года лишения свободы\n"
            "2. СЕРИКОВ Арман – Уральск – та же статья – 2 года лишения свободы")
    assert ("Арман Сериков", "CC-405") in pairs(text, "2021-03-01"), pairs(text, "2021-03-01")


def test_russian_officials_named_as_outsiders_write_them():
    # "старший следователь по особо важным делам департамента полиции Западно-Казахстанской области Николай Вязников
    # возбудил против Сапиева дело" (w03), "государственный обвинитель Акмарал Абуова назвала подсудимого" (w02),
    # "второй оперативник, Тугелов, только смотрит" (w08): each was a victim.
    for official, region in itertools.product(["Николай Вязников", "Ерлан Садыков"],
                                              ["Западно-Казахстанской", "Актюбинской", "Северо-Казахстанской"]):
        text = (f"Старший следователь по особо важным делам департамента полиции {region} области {official} "
                f"возбудил против Мурата Сапиева дело по статье 405 УК РК.")
        assert not any(p.victims[0] == official for p in proposals(text, "2021-09-22")), (text, acts(text))
    for title in ["государственный обвинитель", "гособвинитель", "оперативник"]:
        text = f"В прениях {title} Акмарал Абуова назвала подсудимого Мурата Сапиева виновным."
        assert not any(p.victims[0] == "Акмарал Абуова" for p in proposals(text, "2021-09-22")), (text, acts(text))
    # a governor named as the one an accused is said to have wronged is no victim of the verdict
    for name in ["Kanat Bozumbayev", "Serik Akhmetov"]:
        text = (f"The judge found Yaroslav Golyshkin guilty of trying to extort money from the regional governor, "
                f"{name}, under Article 194 and sentenced him to eight years in prison on 30 October 2015.")
        assert not any(p.victims[0] == name for p in proposals(text, "2015-11-01")), (text, acts(text))


def test_a_lawyer_who_speaks_is_no_victim():
    # "Адвокат Рена Керимова считает задержание несоразмерной мерой" (x06): the lawyer was detained.
    for lawyer, verb in itertools.product(["Асель Нурова", "Дана Серикова"], ["считает", "полагает", "уверена"]):
        text = (f"5 марта 2024 года полиция задержала Ерлана Садыкова. Адвокат {lawyer} {verb} задержание "
                f"незаконным.")
        found = acts(text, "2024-03-06")
        assert not any(v == lawyer for v, _, _ in found), (text, found)
        assert ("Ерлан Садыков", "DEPRIVATION", "2024-03-05") in found
    # (a lawyer who is detained is a victim)
    found = acts("5 марта 2024 года полиция задержала адвоката Асель Нурову.", "2024-03-06")
    assert ("Асель Нурова", "DEPRIVATION", "2024-03-05") in found, found


def test_summoned_as_outsiders_tell_it():
    # "called to the Yesil district police station for investigative actions", "пригласили к 19:00 в Есильское РОВД
    # на следственные действия", "полиция басқармасына тергеу амалдарына шақырған" (x04–x06, x16)
    for name, shape in itertools.product(EN_NAMES, [
            "{n} was called to a police station for questioning on 23 December 2025.",
            "On 23 December 2025 {n} was called to the Yesil district police station for investigative actions.",
            "On 23 December 2025 {n} was called in for questioning."]):
        text = shape.format(n=name)
        assert (name, "HARASSMENT", "2025-12-23") in acts(text, "2025-12-26"), (text, acts(text, "2025-12-26"))
    for place in ["в Есильское РОВД", "в отдел полиции Алматы", "в департамент полиции"]:
        text = f"23 декабря Амира Касенова пригласили к 19:00 {place} на следственные действия."
        assert ("Амир Касенов", "HARASSMENT", "2025-12-23") in acts(text, "2025-12-26"), (text, acts(text))
    text = "23 желтоқсанда Әмір Қасеновты Есіл аудандық полиция басқармасына тергеу амалдарына шақырған."
    assert ("Әмір Қасенов", "HARASSMENT", "2025-12-23") in acts(text, "2025-12-26"), acts(text, "2025-12-26")


def test_a_quoted_name_ending_in_an_exclamation_ends_no_sentence():
    # "обыскивали лидера партии «Алга!» Владимира Козлова, его заместителя …" (w09): the names after «Алга!» lost
    # their search.
    for party, people in itertools.product(["«Алга!»", "«Вперёд!»", "“Alga!”"],
                                           [["Владимира Козлова", "Серика Сапаргали"],
                                            ["Болата Атабаева", "Жанболата Мамая", "Михаила Сизова"]]):
        text = f"23 января 2012 года обыскивали лидера партии {party} {', '.join(people)}."
        found = {v for v, g, _ in acts(text, "2012-04-20") if g == "HARASSMENT"}
        assert len(found) == len(people), (text, found)


def test_custody_denied_after_the_noun_is_no_act():
    # "Атабаеву и Мамаю … предъявили обвинение по той же статье, но под стражу их не взяли" (w09)
    for shape in ["Болату Атабаеву 3 февраля предъявили обвинение, но под стражу его не взяли.",
                  "Болату Атабаеву 3 февраля предъявили обвинение, но в СИЗО его не поместили."]:
        found = acts(shape, "2012-04-20")
        assert ("Болат Атабаев", "PROSECUTION", "2012-02-03") in found, (shape, found)
        assert not any(g == "DEPRIVATION" for _, g, _ in found), (shape, found)
    # (a detention that was made stays: "задержали, но под стражу не взяли" keeps the detention)
    found = acts("3 февраля Болата Атабаева задержали, но под стражу его не взяли.", "2012-04-20")
    assert ("Болат Атабаев", "DEPRIVATION", "2012-02-03") in found, found


def test_taken_away_and_the_measure_changed_to_arrest():
    for name, shape in itertools.product(["Ивана Петрова", "Ерлана Садыкова"], [
            "25 января {n} увезли прямо после обыска.", "25 января {n} увезли из дома."]):
        text = shape.format(n=name)
        assert any(g == "DEPRIVATION" for _, g, _ in acts(text, "2012-04-20")), (text, acts(text))
    text = "26 января суд изменил Ивану Петрову меру пресечения на арест."
    assert ("Иван Петров", "DEPRIVATION", "2012-01-26") in acts(text, "2012-04-20"), acts(text, "2012-04-20")


def test_the_interviewees_first_person():
    # "Игорь Винявский: «…»" … "— Меня увезли прямо после обыска" (w09); "… белсенді Зинакүл Құтмамбетовамен сұхбат"
    # … "– Полицейлер келіп, бізді ұстап, бөлімге алып кетті." (x13)
    questions = ["С чего всё началось?", "Что было дальше?", "Как вы сейчас?"]
    for name, nominative in [("Игорь Винявский", "Игорь Винявский"), ("Асель Нурова", "Асель Нурова")]:
        answers = ["25 января 2012 года меня увезли в отдел полиции прямо после обыска.", "Потом был суд.",
                   "Держимся."]
        text = f"{name}: «Им нужно было, чтобы газета замолчала»\n\n20 апреля 2012 года\n\n" + "\n\n".join(
            f"— {q}\n\n— {a}" for q, a in zip(questions, answers))
        assert (nominative, "DEPRIVATION", "2012-01-25") in acts(text, "2012-04-20"), (text, acts(text))
        # (the same answer told outside an interview names no one)
        assert not acts(answers[0], "2012-04-20")
    kk = ["Бәрі неден басталды?", "Полиция не істеді?", "Сотқа неге жүгіндіңіздер?"]
    answers = ["6 қарашада біз – мен, Санавар Закирова және Гүлнар Оразғұлова – мешіттің алдында тұрдық.",
               "6 қарашада полицейлер келіп, бізді ұстап, бөлімге алып кетті.", "Әділдік керек."]
    text = "Белсенді Зинакүл Құтмамбетовамен сұхбат\n\n13 желтоқсан 2019 жыл\n\n" + "\n\n".join(
        f"– {q}\n\n– {a}" for q, a in zip(kk, answers))
    found = acts(text, "2019-12-13")
    for name in ["Зинакүл Құтмамбетова", "Санавар Закирова", "Гүлнар Оразғұлова"]:
        assert (name, "DEPRIVATION", "2019-11-06") in found, (name, found)


def test_a_special_detention_centre_is_an_administrative_detention():
    # "25 декабря в спецприёмник на такой же срок по той же статье попали активисты движения Бота Шарипжан и
    # Равкат Мухтаров" (w01)
    for verb, names_ in itertools.product(["попали", "отправили", "поместили"],
                                          [("Равкат Мухтаров", "Ерлан Садыков"), ("Асель Нурова", "Дана Серикова")]):
        text = (f"25 декабря в спецприёмник на десять суток по статье 488 КоАП {verb} активистов "
                f"{' и '.join(names_)}." if verb != "попали" else
                f"25 декабря в спецприёмник на десять суток по статье 488 КоАП попали активисты {' и '.join(names_)}.")
        found_pairs = pairs(text, "2024-01-10")
        assert len({v for v, uid in found_pairs if uid == "AOC-488"}) == 2, (text, found_pairs)


def test_annulled_and_let_go_home():
    for name, court in itertools.product(EN_NAMES, ["the Supreme Court", "the cassation panel"]):
        text = f"On 3 October 2025 {court} annulled {name}'s conviction."
        assert (name, "RELEASE", "2025-10-03") in acts(text, "2025-10-10"), (text, acts(text, "2025-10-10"))
        text = (f"On 9 November 2015 the court found {name} guilty and gave him seven years of restricted freedom, "
                f"and he was allowed to go home the same afternoon.")
        assert (name, "RELEASE", "2015-11-09") in acts(text, "2015-11-20"), (text, acts(text, "2015-11-20"))
    text = "3 октября кассационная коллегия отменила постановление об аресте блогера Азамата Сарсенбаева."
    assert ("Азамат Сарсенбаев", "RELEASE", "2025-10-03") in acts(text, "2025-10-10"), acts(text, "2025-10-10")
    text = "9 қарашада сот Ықылас Қабдуақасовты кінәлі деп танып, жазасын шектеді. Ол сол күні үйіне қайтарылған."
    assert ("Ықылас Қабдуақасов", "RELEASE", "2015-11-09") in acts(text, "2015-11-20"), acts(text, "2015-11-20")


def test_all_of_them_after_a_sentence_that_only_lists_names():
    # "Others I know of personally: A, B, C, D and E. All of them were detained between Tuesday and today." (v15):
    # the detention went to the two persons whose acts the paragraph before told.
    others = ["Zhanat Esentayev", "Moldir Adilova", "Kuat Kunbolatov", "Marat Uatkan"]
    for k, verb in itertools.product([2, 3, 4], ["detained", "arrested"]):
        text = ("On 17 May 2016 Erlan Ospanov and Aliya Serikova were detained in Atyrau.\n\n"
                f"Others I know of personally: {', '.join(others[:k - 1])} and {others[k - 1]}. "
                f"All of them were {verb} on 18 May 2016.")
        found = acts(text, "2016-05-19")
        for name in others[:k]:
            assert (name, "DEPRIVATION", "2016-05-18") in found, (text, found)
        assert ("Erlan Ospanov", "DEPRIVATION", "2016-05-18") not in found, (text, found)


def test_one_person_told_by_a_role_then_named():
    # "Police … on Monday detained a young video blogger who stood in the main square …" / "Aslan Sagutdinov, 24,
    # arrived at …" (v02, v12): the detention had no victim.
    for name, role, verb in itertools.product(EN_NAMES, ["a young video blogger", "an activist", "a local journalist"],
                                              ["detained", "arrested"]):
        text = (f"ORAL, 7 May 2019 – Police on Monday {verb} {role} who stood in the main square with a blank sheet.\n\n"
                f"{name}, 24, arrived at the square shortly before noon.")
        assert (name, "DEPRIVATION", "2019-05-06") in acts(text, "2019-05-07"), (text, acts(text, "2019-05-07"))
    # (the next person named is an official: no one)
    text = ("Police on Monday detained a young blogger in Oral.\n\nJudge Erlan Ospanov said the case would be heard "
            "later.")
    assert not acts(text, "2019-05-07"), acts(text, "2019-05-07")


def test_taken_to_a_police_station_in_kazakh():
    # "… Сағутдиновты патрульдік көлікке күштеп отырғызып, бөлімшеге алып кетті" (v12): no detention.
    for (printed, name), place, verb in itertools.product(
            [("Ерлан Сапаровты", "Ерлан Сапаров"), ("Асель Нұрованы", "Асель Нұрова")],
            ["бөлімшеге", "полиция бөліміне"], ["алып кетті", "апарды", "жеткізді"]):
        text = f"6 мамырда полиция қызметкерлері {printed} көлікке отырғызып, {place} {verb}."
        assert (name, "DEPRIVATION", "2019-05-06") in acts(text, "2019-05-07"), (text, acts(text, "2019-05-07"))


def test_a_case_header_states_no_verdict():
    # "Case: State v. Saken TULBAYEV / Court: district court, Almaty / … / Maximum penalty: seven years'
    # imprisonment" (v03), its lines read as one paragraph: a verdict and prison for "Saken Tulbayev" and for a
    # person "Court Tulbayev".
    for (family, given), term in itertools.product([("OSPANOV", "Erlan"), ("SERIKOVA", "Aliya")],
                                                   ["seven years' imprisonment", "five years in prison"]):
        text = (f"TRIAL MONITORING NOTE No. 3\n\nCase: State v. {given} {family} Court: district court, Almaty "
                f"(single judge) Charges: Criminal Code Art. 174 (inciting hatred) Maximum penalty: {term} Note date: "
                f"10 June 2015\n\n{given} {family.capitalize()} was arrested on 1 April 2015.")
        found = acts(text, "2015-06-10")
        assert not any(g == "PENALTY" for _, g, _ in found), (text, found)
        assert all(v.startswith(given) for v, _, _ in found), (text, found)
        assert (f"{given} {family.capitalize()}", "DEPRIVATION", "2015-04-01") in found, (text, found)


def test_terms_written_yrs():
    # "4. MUKHANBETASKAR Kasimkhan – … – CC Art. 174 – 2 yrs 10 months, suspended – …", "the fourth, Kuanysh
    # Bashpayev, received 4 yrs 6 months on 07.04.2017" (x03)
    for (family, given), years in itertools.product([("OSPANOV", "Erlan"), ("SERIKOVA", "Aliya")], ["2", "4"]):
        name = f"{given} {family.capitalize()}"
        text = f"Prisoners\n\n1. {family} {given} – Almaty – CC Art. 174 – {years} yrs 6 months – sentenced 11.05.2017"
        assert {(name, "PENALTY", "2017-05-11"), (name, "DEPRIVATION", "2017-05-11")} <= acts(text, "2017-06-01"), \
            (text, acts(text, "2017-06-01"))
        text = f"Prisoners\n\n1. {family} {given} – Almaty – CC Art. 174 – {years} yrs 10 months, suspended – 2017"
        found = acts(text, "2017-06-01")
        assert any(g == "PENALTY" for _, g, _ in found) and not any(g == "DEPRIVATION" for _, g, _ in found), \
            (text, found)
        text = f"The fourth, {name}, received {years} yrs 6 months on 07.04.2017 in Pavlodar."
        assert (name, "DEPRIVATION", "2017-04-07") in acts(text, "2017-06-01"), (text, acts(text, "2017-06-01"))


def test_propaganda_of_terrorism_named_is_article_256():
    # "1. ӘБІЛҚАЙЫРОВ Ғалымжан – … – терроризмді насихаттады деген айып – 7 жыл 7 ай бас бостандығынан айыру" and
    # "2. МАЖЕНОВ Дадаш – … – сол айып – …" (x15): no provision for either.
    text = ("1. ӘБІЛҚАЙЫРОВ Ғалымжан – Ақмола облысы – терроризмді насихаттады деген айып – 7 жыл бас "
            "бостандығынан айыру – үкім 19.10.2018\n2. МАЖЕНОВ Дадаш – Ақмола облысы – сол айып – 5 жыл бас "
            "бостандығынан айыру – үкім 05.11.2018")
    found = pairs(text, "2018-12-01")
    assert {("Ғалымжан Әбілқайыров", "CC-256"), ("Дадаш Маженов", "CC-256")} <= found, found
    for text, name in [("On 19 October 2018 a court sentenced Erlan Ospanov to seven years in prison for propaganda "
                        "of terrorism.", "Erlan Ospanov"),
                       ("19 октября 2018 года суд приговорил Ерлана Садыкова к семи годам лишения свободы за "
                        "пропаганду терроризма.", "Ерлан Садыков")]:
        assert (name, "CC-256") in pairs(text, "2018-12-01"), (text, pairs(text, "2018-12-01"))


def test_named_as_suspects():
    # "Earlier in December investigators named both Kasenov and … as suspects in the case" (x04): no act.
    for a, b in [("Amir Kasenov", "Aset Matayev"), ("Aliya Serikova", "Nurlan Yesenov")]:
        for shape in [f"On 3 December 2025 investigators named {a} and {b} as suspects in the case.",
                      f"On 3 December 2025 police named both {a} and {b} as formal suspects."]:
            found = acts(shape, "2025-12-26")
            assert {(a, "PROSECUTION", "2025-12-03"), (b, "PROSECUTION", "2025-12-03")} <= found, (shape, found)
    assert not acts("In 2019 a street in Almaty was named after Abai Kunanbayev as a gesture.", "2025-12-26")
