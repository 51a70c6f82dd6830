"""Session 13, dating acts in documents written by outsiders (issue 11): the mechanisms found on the retired test
split of sessions 10–12 (gold-dev-s12retired-{a,b,c}.json), each tested on documents built from parts (languages ×
row or sentence shapes × where the date stands), not on the documents they were found on."""

import itertools

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.records.models.acts import GROUP_OF

PUBLISHED = "2024-05-20"


def acts(text, published=PUBLISHED):
    found = find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text), published=published)
    return {(p.victims[0], GROUP_OF.get(p.act_type, ""), p.date) for p in found if p.kind == "act" and p.victims}


# A list row that tells the verdict in two fields, its term (itself a verdict word in Kazakh, "бас бостандығынан
# айыру") and, in a later field, the verdict's day ("үкім 07.04.2017"): one verdict, of that day.
LIST_HEAD = {"kk": "САЯСИ ТҰТҚЫНДАР ТІЗІМІ\n\nПішімі: ТЕГІ Аты – қала – бап – жаза – күндер.\n\n",
             "ru": "СПИСОК ПОЛИТЗАКЛЮЧЁННЫХ\n\nФормат: ФАМИЛИЯ Имя – город – статья – наказание – даты.\n\n",
             "en": "LIST OF POLITICAL PRISONERS\n\nFormat: SURNAME Given name – city – article – sentence – dates.\n\n"}
LIST_ROWS = {
    "kk": [("ОМАРОВ Дияс", "Дияс Омаров"), ("ҚҰНАЕВ Марат", "Марат Құнаев")],
    "ru": [("ОМАРОВ Дияс", "Дияс Омаров"), ("КУНАЕВ Марат", "Марат Кунаев")],
    "en": [("OMAROV Diyas", "Diyas Omarov"), ("KUNAEV Marat", "Marat Kunaev")],
}
LIST_TERMS = {
    "kk": ["{y} жыл бас бостандығынан айыру", "{y} жыл 6 ай бас бостандығынан айыру, 3 жыл қызметке тыйым"],
    "ru": ["{y} лет лишения свободы"],
    "en": ["{y} years' imprisonment"],
}
LIST_VERDICT = {"kk": ["үкім {d}", "үкім {d}; апелляциясы қанағаттандырылмады"],
                "ru": ["приговор {d}"], "en": ["sentenced {d}"]}
LIST_PLACE = {"kk": "Павлодар – ҚК 174-бабы", "ru": "Павлодар – ст. 174 УК РК", "en": "Pavlodar – CC Art. 174"}


def test_a_list_row_term_and_verdict_day_in_two_fields_is_one_verdict_of_that_day():
    checked = 0
    for language in LIST_ROWS:
        for (printed, name), term, verdict, years in itertools.product(
                LIST_ROWS[language], LIST_TERMS[language], LIST_VERDICT[language], (4, 7)):
            row = f"1. {printed} – {LIST_PLACE[language]} – {term.format(y=years)} – {verdict.format(d='07.04.2017')}"
            text = LIST_HEAD[language] + row + "\n"
            found = acts(text)
            assert (name, "PENALTY", "2017-04-07") in found, (text, found)
            assert (name, "DEPRIVATION", "2017-04-07") in found, (text, found)
            assert not any(v == name and d == "" for v, g, d in found), (text, found)  # no undated twin
            checked += 1
    assert checked == 24


# A part of a month without its year ("At the end of February police detained X", "Ақпанның соңында полиция … ұстады")
# is that month of the narrative's year: the act's month, not the month of the document (an August report).
PART_OF_MONTH = {
    "en": (["At the end of February", "At the beginning of February", "In the middle of February",
            "At the start of February"],
           ["{p} police detained {n} in Almaty.", "{p} a court placed {n} in pre-trial detention."], "Aigul Sadykova"),
    "kk": (["Ақпанның соңында", "Ақпан айының басында", "Ақпанның ортасында"],
           ["{p} полиция белсенді {n} Алматыда ұстады.", "{p} сот блогер {n} екі айға қамауға алды."], "Дияс Омаров"),
}


def test_a_part_of_a_month_without_its_year_dates_the_act_to_that_month():
    checked = 0
    for language, (parts, frames, name) in PART_OF_MONTH.items():
        for part, frame in itertools.product(parts, frames):
            text = ("Almaty, 4 August 2023.\n\n" if language == "en" else "Алматы, 2023 жылғы 4 тамыз.\n\n") + \
                frame.format(p=part, n=name)
            found = acts(text, published="2023-08-04")
            assert (name, "DEPRIVATION", "2023-02") in found, (text, found)
            assert not any(d.startswith("2023-08") for _, g, d in found), (text, found)
            checked += 1
    assert checked == 14


# A list row whose trigger's field has no date and whose next field is a date and nothing else ("обыск дома – в ноябре
# 2020 г.", "searched at home – in November 2020"): that field is the trigger's day; a field that tells more does not.
DATE_FIELDS = {"ru": (["в ноябре 2020 г.", "11.2020", "ноябрь 2020"], "обыск дома", "Дияс Омаров", "ОМАРОВ Дияс",
                      "ст. 405 ч. 2 УК РК", "под стражей с 24.02.2021"),
               "en": (["in November 2020", "11.2020", "November 2020"], "home searched", "Diyas Omarov", "OMAROV Diyas",
                      "CC Art. 405 part 2", "in custody since 24.02.2021")}


def test_a_list_field_that_is_only_a_date_dates_the_undated_trigger_before_it():
    checked = 0
    for language, (shapes, trigger, name, printed, article, custody) in DATE_FIELDS.items():
        for shape, joint in itertools.product(shapes, (" – ", "; ")):
            row = f"1. {printed} – Экибастуз – {article} – {custody}{joint}{trigger} – {shape}"
            text = LIST_HEAD[language] + row + "\n"
            found = acts(text, published="2021-10-15")
            assert (name, "HARASSMENT", "2020-11") in found, (text, found)
            assert (name, "HARASSMENT", "") not in found, (text, found)
            checked += 1
        # (a field that tells more than its date is another matter: the trigger stays undated)
        row = f"1. {printed} – Экибастуз – {article} – {custody}; {trigger} – {shapes[0]} {'у родственников' if language == 'ru' else 'of relatives'}"
        found = acts(LIST_HEAD[language] + row + "\n", published="2021-10-15")
        assert (name, "HARASSMENT", "2020-11") not in found, (row, found)
    assert checked == 12


def test_an_abbreviated_russian_year_without_a_preposition_dates_a_list_verdict():
    for term, name, printed in itertools.product(["1 год ограничения свободы", "2 года лишения свободы"],
                                                 ["Дияс Омаров"], ["ОМАРОВ Дияс"]):
        row = f"1. {printed} – Костанай – ст. 405 ч. 2 УК РК – {term} (приговор 2020 г.) – вновь задержан"
        found = acts(LIST_HEAD["ru"] + row + "\n", published="2021-10-15")
        assert (name, "PENALTY", "2020") in found, (row, found)
    # (an event's year spelled out in the genitive names the event, not the act: "январских событий 2022 года")
    dates = find_dates("в организации беспорядков во время январских событий 2022 года", "2023-04-10")
    assert [d.value for d in dates] == []


# A weekly digest: each entry under a heading line that is its day, the month named first ("Январь, 19", "Қаңтар,
# 19", "January, 19"), often with a source line below it; an entry may tell its day again by a count from an earlier
# entry ("На следующий день после того пикета …", "The day after that picket …"): the heading is the day counted to.
DIGEST = {
    "ru": ("Обзор нарушений за 15–21 января 2025 года", ["Январь, {d}", "{d} января"], "Журналист Дияс Омаров (г. Алматы)",
           "Полиция задержала Дияса Омарова у театра.",
           "На следующий день после того пикета полиция задержала Дияса Омарова.", "Дияс Омаров"),
    "kk": ("2025 жылғы 15–21 қаңтардағы бұзушылықтар шолуы", ["Қаңтар, {d}"], "Журналист Дияс Омаров (Алматы)",
           "Полиция Дияс Омаровты театр алдында ұстады.",
           "Сол пикеттен кейін келесі күні полиция Дияс Омаровты ұстады.", "Дияс Омаров"),
    "en": ("Press freedom digest, 15–21 January 2025", ["January, {d}"], "Journalist Diyas Omarov (Almaty)",
           "Police detained Diyas Omarov outside the theatre.",
           "The day after that picket police detained Diyas Omarov.", "Diyas Omarov"),
}
EARLIER = {"ru": "Суд оштрафовал Ивана Петрова.", "kk": "Сот Иван Петровқа айыппұл салды.", "en": "A court fined Ivan Petrov."}


def _read_as_a_text_file(text):
    from qorgau.documents.evaluation import canonicalise, read_document
    return canonicalise(read_document("digest.txt", text.encode("utf-8"))).text


def test_a_digest_entry_is_dated_by_its_heading_line_and_a_count_under_it_lands_on_that_heading():
    checked = 0
    for language, (title, headings, source, plain, counted, name) in DIGEST.items():
        for heading, sentence, with_source in itertools.product(headings, (plain, counted), (True, False)):
            entries = []
            for day in (15, 16, 17, 18):  # four earlier entries: the heading shape repeats with another day
                entries.append(heading.format(d=day) + "\n" + EARLIER[language])
            entries.append(heading.format(d=20) + "\n" + (source + "\n" if with_source else "") + sentence)
            text = _read_as_a_text_file(title + "\n\n" + "\n\n".join(entries) + "\n")
            found = acts(text, published="2025-01-22")
            assert (name, "DEPRIVATION", "2025-01-20") in found, (text, found)
            checked += 1
    assert checked == 16


# A weekday written after its date ("14 августа, в пятницу", "14 тамызда, жұма күні", "On 14 August, Friday") names
# that day; a count after it ("В тот же день", "Сол күні", "The next day") counts from it, not from the weekday
# counted back from the document's date (a week later here).
WEEKDAY_AFTER = {
    "ru": ("Астана, 22 августа 2015 года", "14 августа, в пятницу, полицейские провели обыск у Дияса Омарова.",
           ["В тот же день Дияса Омарова задержали.", "На следующий день Дияса Омарова задержали."], "Дияс Омаров"),
    "kk": ("Астана, 2015 жылғы 22 тамыз", "14 тамызда, жұма күні, полиция Дияс Омаровтың үйін тінтті.",
           ["Сол күні полиция Дияс Омаровты ұстады.", "Келесі күні полиция Дияс Омаровты ұстады."], "Дияс Омаров"),
    "en": ("Astana, 22 August 2015", "On 14 August, Friday, police searched the home of Diyas Omarov.",
           ["The same day police detained Diyas Omarov.", "The next day police detained Diyas Omarov."], "Diyas Omarov"),
}


def test_a_weekday_after_its_date_names_that_day_and_the_counts_after_it_count_from_it():
    for language, (dateline, first, counted, name) in WEEKDAY_AFTER.items():
        for sentence, day in zip(counted, ("2015-08-14", "2015-08-15")):
            text = dateline + "\n\n" + first + " " + sentence
            found = acts(text, published="2015-08-22")
            assert (name, "DEPRIVATION", day) in found, (text, found)
            assert not any(d == "2015-08-21" for _, _, d in found), (text, found)


# A day spelled out as an ordinal, as speech and interviews write it ("Двадцать третьего января", "первого мая 2019
# года"): that day, and the counts after it count from it.
ORDINALS = [("Двадцать третьего января", 23, 1), ("первого мая", 1, 5), ("тридцать первого марта", 31, 3),
            ("третьего апреля", 3, 4), ("двенадцатого февраля", 12, 2), ("Двадцатого июня", 20, 6)]


def test_a_russian_day_spelled_as_an_ordinal_dates_the_act():
    for (words, day, month), with_year, frame in itertools.product(
            ORDINALS, (True, False), ("{d} полицейские задержали Дияса Омарова.",
                                      "— {d} сотрудники КНБ пришли с обыском. В тот же день задержали Дияса Омарова.")):
        phrase = words + (" 2023 года" if with_year else "")
        text = "Алматы, 20 декабря 2023 года\n\n" + frame.format(d=phrase[0].upper() + phrase[1:])
        found = acts(text, published="2023-12-20")
        assert ("Дияс Омаров", "DEPRIVATION", f"2023-{month:02d}-{day:02d}") in found, (text, found)


# A briefing whose dates are only in its footnotes, each marker set at the end of the passage it sources ("Some
# weeks later … took him to a police station. The stream broke off.[^4]" "[^4]: 8 April 2020"): every undated
# sentence of the passage takes the note's day, a vague offset ("some weeks later") included.
NOTED = {
    "en": ["Some weeks later, two officers grabbed the phone of Diyas Omarov and took him to a police station.",
           "Later police detained Diyas Omarov outside his house."],
    "ru": ["Через несколько недель двое полицейских задержали Дияса Омарова у его дома.",
           "Позже полицейские задержали Дияса Омарова у его дома."],
    "kk": ["Бірнеше аптадан кейін полиция Дияс Омаровты үйінің алдында ұстады."],
}
NOTED_NAME = {"en": "Diyas Omarov", "ru": "Дияс Омаров", "kk": "Дияс Омаров"}
NOTED_AFTER = {"en": "The stream broke off after he shouted for help.", "ru": "Трансляция оборвалась.",
               "kk": "Трансляция үзіліп қалды."}
NOTED_NOTE = {"en": "8 April 2020, Oral.", "ru": "8 апреля 2020 года, Уральск.", "kk": "2020 жылғы 8 сәуір, Орал."}


def acts_of_file(name, text, published):
    from qorgau.documents.evaluation import canonicalise, read_document
    canonical = canonicalise(read_document(name, text.encode("utf-8")))
    found = find_acts(canonical.text, find_persons(canonical.text), find_dates(canonical.text, published),
                      find_provisions(canonical.text), published=published, footnotes=canonical.footnotes,
                      markers=canonical.markers)
    return {(p.victims[0], GROUP_OF.get(p.act_type, ""), p.date) for p in found if p.kind == "act" and p.victims}


def test_a_footnote_marker_at_the_end_of_a_passage_dates_its_undated_sentences():
    checked = 0
    for language, sentences in NOTED.items():
        for sentence in sentences:
            text = ("# Briefing, spring 2020\n\nIn the first months of 2020 the pressure grew.[^1]\n\n" + sentence +
                    " " + NOTED_AFTER[language] + "[^2]\n\n---\n\n[^1]: Monitoring reports.\n[^2]: " +
                    NOTED_NOTE[language] + "\n")
            found = acts_of_file("briefing.md", text, "2020-05-15")
            assert (NOTED_NAME[language], "DEPRIVATION", "2020-04-08") in found, (text, found)
            checked += 1
    assert checked == 5


# English: a date after ", and" / ", but" / ", while" opens a clause of its own; it does not date the trigger before it,
# which keeps the date its own clause gives ("The next day a court ordered X held in pre-trial detention, and on 5
# September the detention was extended").
LATER_CLAUSES = [", and on 5 September the detention was extended to 14 October.",
                 ", but on 5 September the appeal court heard the case.",
                 ", while on 5 September his lawyer filed a complaint.",
                 ", and in September his family left the city."]
FIRST_CLAUSES = [("Police arrested Diyas Omarov on 14 May. The next day a court ordered him held in pre-trial detention",
                  "2015-05-15"),
                 ("On 15 May a court ordered Diyas Omarov held in pre-trial detention", "2015-05-15"),
                 ("In May a court placed Diyas Omarov under house arrest", "2015-05")]


def test_an_english_date_after_a_clause_conjunction_does_not_date_the_trigger_before_it():
    for (first, day), later in itertools.product(FIRST_CLAUSES, LATER_CLAUSES):
        text = "Almaty, 30 October 2015\n\n" + first + later
        found = acts(text, published="2015-10-30")
        assert ("Diyas Omarov", "DEPRIVATION", day) in found, (text, found)
        assert not any(d.startswith("2015-09") for _, _, d in found), (text, found)


# An act placed only within or after a period the text does not date ("During the investigation he was held in a
# pre-trial detention centre", "Когда эти сутки истекли, его не отпустили: суд поместил его под стражу", "Тергеу
# кезінде ол тергеу изоляторында отырды") has no day: not the day of the sentence before.
WITHIN_PERIOD = {
    "en": ("Police detained Diyas Omarov on 18 January.",
           ["During the investigation a court kept Diyas Omarov in a pre-trial detention centre.",
            "When those ten days expired, a court placed Diyas Omarov in pre-trial detention."], "Diyas Omarov"),
    "ru": ("Полиция задержала Дияса Омарова 18 января.",
           ["В ходе следствия суд поместил Дияса Омарова под стражу.",
            "Когда эти сутки истекли, суд поместил Дияса Омарова под стражу на два месяца."], "Дияс Омаров"),
    "kk": ("Полиция Дияс Омаровты 18 қаңтарда ұстады.",
           ["Тергеу кезінде сот Дияс Омаровты тергеу изоляторына қамады.",
            "Әкімшілік қамау мерзімі біткенде сот Дияс Омаровты екі айға қамауға алды."], "Дияс Омаров"),
}


def test_an_act_within_or_after_an_undated_period_takes_no_day_from_the_sentence_before():
    checked = 0
    for language, (first, sentences, name) in WITHIN_PERIOD.items():
        for sentence in sentences:
            text = first + " " + sentence
            found = acts(text, published="2017-06-21")
            dates_of = sorted(d for v, g, d in found if v == name and g == "DEPRIVATION")
            assert dates_of == ["", "2017-01-18"], (text, found)
            checked += 1
    assert checked == 6


# A deprivation told by the term served ("served 20 days of administrative arrest", "отбыл 15 суток ареста") has no
# day of its own, and none from the narrative before it (session 12's "spent", "провёл", with "served", "отбыл").
SERVED = {"en": ("In early September police questioned Diyas Omarov.",
                 ["Diyas Omarov served 20 days of administrative arrest for a post.",
                  "Diyas Omarov has served two months in a pre-trial detention centre.",
                  "Diyas Omarov has spent six months under house arrest, including almost three weeks of forced "
                  "confinement in a psychiatric clinic."], "Diyas Omarov"),
          "ru": ("В начале сентября полиция допросила Дияса Омарова.",
                 ["Дияс Омаров отбыл 15 суток административного ареста за пост.",
                  "Дияс Омаров отбыл два месяца под домашним арестом."], "Дияс Омаров")}


def test_a_deprivation_told_by_the_term_served_takes_no_day_from_the_narrative():
    for language, (first, sentences, name) in SERVED.items():
        for sentence in sentences:
            text = "Briefing, September 2025\n\n" + first + "\n\n" + sentence
            found = acts(text, published="2025-12-01")
            assert (name, "DEPRIVATION", "") in found, (text, found)
            assert not any(g == "DEPRIVATION" and d for v, g, d in found), (text, found)


# Kazakh: a charge told in the perfect at the sentence's end ("Екеуіне де … 174-бабы бойынша айып тағылған", both have
# been charged; "… іс қозғалған") is a state the report finds, with no day: not the report's date, not its month.
KK_PERFECT = ["Дияс Омаровқа Қылмыстық кодекстің 174-бабының 2-бөлігі бойынша айып тағылған.",
              "Дияс Омаровқа қатысты 174-бап бойынша қылмыстық іс қозғалған.",
              "Дияс Омаров 174-бап бойынша айыпталған."]


def test_a_kazakh_charge_told_in_the_perfect_at_the_sentence_end_takes_no_day():
    for sentence, above in itertools.product(KK_PERFECT, ("ҚАРАҒАНДЫ, 30 қараша. Сотта іс қаралып жатыр.\n\n", "")):
        text = "Қарағандыда іс қаралып жатыр\n\n" + above + sentence
        found = acts(text, published="2017-11-30")
        assert ("Дияс Омаров", "PROSECUTION", "") in found, (text, found)
        assert not any(g == "PROSECUTION" and d for v, g, d in found), (text, found)


# "Since that day" ("Сол күннен бері", "С того дня", "Since that day") starts the state it tells on the day last
# stated: the state's day is that day, not none.
SINCE_THAT_DAY = {
    "kk": ("ҰҚК Дияс Омаровты 14 мамырда қамауға алған.", "Сол күннен бері ол тергеу изоляторында отыр."),
    "ru": ("КНБ задержал Дияса Омарова 14 мая.", "С того дня он находится в следственном изоляторе."),
    "en": ("The KNB arrested Diyas Omarov on 14 May.", "Since that day he has been held in a pre-trial detention centre."),
}


def test_since_that_day_dates_the_state_to_the_day_last_stated():
    for language, (first, second) in SINCE_THAT_DAY.items():
        name = "Diyas Omarov" if language == "en" else "Дияс Омаров"
        text = "Павлодар, 31 қазан 2015.\n\n" + first + " " + second
        found = acts(text, published="2015-10-31")
        dated = [(g, d) for v, g, d in found if v == name and g == "DEPRIVATION"]
        assert dated and all(d == "2015-05-14" for _, d in dated), (text, found)


# "Вскоре после этого" / "Shortly after that": soon after the event just told, in a narrative of minutes and hours —
# that event's day; "вскоре после акции" / "shortly after the referendum" (an event the text does not date) stays
# undated (session 12).
SOON_AFTER = {"ru": ("Утром 6 мая Дияс Омаров вышел на площадь с пустым плакатом. Через несколько минут к нему подошёл "
                     "чиновник.", "Вскоре после этого полицейские задержали Дияса Омарова.",
                     "Вскоре после акции полицейские задержали Дияса Омарова.", "Дияс Омаров"),
              "en": ("On the morning of 6 May Diyas Omarov stood on the square with a blank placard. A few minutes later "
                     "an official came up to him.", "Shortly after that police detained Diyas Omarov.",
                     "Shortly after the referendum police detained Diyas Omarov.", "Diyas Omarov")}


def test_soon_after_the_event_just_told_is_its_day_but_soon_after_an_undated_event_is_none():
    for language, (first, anaphoric, other, name) in SOON_AFTER.items():
        found = acts("Алматы, 10 мая 2019 года\n\n" + first + " " + anaphoric, published="2019-05-10")
        assert (name, "DEPRIVATION", "2019-05-06") in found, (language, found)
        found = acts("Алматы, 10 мая 2019 года\n\n" + first + " " + other, published="2019-05-10")
        assert (name, "DEPRIVATION", "") in found, (language, found)


# "К вечеру", "Кешке қарай", "By the evening": later on the day last stated — that day, not the document's month.
# "уже однажды арестовывали" (had once been arrested before): an earlier time the text does not date.
EVENING = {"ru": ("3 марта Дияс Омаров вышел на одиночный пикет.", "К вечеру суд оштрафовал Дияса Омарова на 100 000 тенге."),
           "kk": ("3 наурызда Дияс Омаров жалғыз пикетке шықты.", "Кешке қарай сот Дияс Омаровқа айыппұл салды."),
           "en": ("On 3 March Diyas Omarov held a one-person picket.", "By the evening a court fined Diyas Omarov.")}


def test_by_the_evening_is_the_day_last_stated_and_once_before_is_no_day():
    for language, (first, second) in EVENING.items():
        name = "Diyas Omarov" if language == "en" else "Дияс Омаров"
        found = acts("Алматы, 2024\n\n" + first + "\n\n" + second, published="2024-03-20")
        assert (name, "PENALTY", "2024-03-03") in found, (language, found)
    text = "Алматы, 2024\n\n3 марта Дияс Омаров вышел на пикет. На плакате приписка, что за такой же плакат Дияса " \
           "Омарова уже однажды арестовывали на 15 суток."
    found = acts(text, published="2024-03-20")
    assert ("Дияс Омаров", "DEPRIVATION", "") in found and \
        ("Дияс Омаров", "DEPRIVATION", "2024-03-03") not in found, found


# Co-defendants told apart ("Нұрғалиевпен бірге Б … сотталды", "Вместе с Нургалиевым осуждены Б", "Together with
# Nurgaliyev, B was convicted"): their verdict is the one the text told with its day, not the day of the sentence
# before (an arrest).
TOGETHER_CASES = {
    "kk": ("Алматы, 2019 жылғы 6 тамыз\n\nСудья Қайрат Иманқұлов 5 тамызда чатқа қатысқан сегіз адамды бес жылдан "
           "сегіз жылға дейін бас бостандығынан айырды.\n\nЧатты 2013 жылы Болат Нұрғалиев ашқан. ҰҚК Нұрғалиевті 2018 "
           "жылғы 27 қазанда ұстады, қалғандарын сол аптада ұстады. Нұрғалиевпен бірге Дияс Омаров пен Марат Құнаев "
           "сотталды.", ["Дияс Омаров", "Марат Құнаев"]),
    "ru": ("Алматы, 6 августа 2019 года\n\nСудья Кайрат Иманкулов 5 августа приговорил восьмерых участников чата к "
           "срокам от пяти до восьми лет лишения свободы.\n\nЧат в 2013 году создал Болат Нургалиев. КНБ задержал "
           "Нургалиева 27 октября 2018 года, остальных — в ту же неделю. Дияс Омаров и Марат Кунаев осуждены вместе с "
           "Нургалиевым.", ["Дияс Омаров", "Марат Кунаев"]),
    "en": ("Almaty, 6 August 2019\n\nOn 5 August Judge Kairat Imankulov sentenced the eight members of the chat to "
           "between five and eight years in prison.\n\nBolat Nurgaliyev set up the chat in 2013. The KNB arrested "
           "Nurgaliyev on 27 October 2018 and the others the same week. Diyas Omarov and Marat Kunaev were convicted "
           "together with Nurgaliyev.", ["Diyas Omarov", "Marat Kunaev"]),
}


def test_co_defendants_convicted_together_take_the_verdict_day_told():
    for language, (text, names) in TOGETHER_CASES.items():
        found = acts(text, published="2019-08-06")
        for name in names:
            assert (name, "PENALTY", "2019-08-05") in found, (language, name, found)
            assert (name, "PENALTY", "2018-10-27") not in found, (language, name, found)


def test_a_date_line_inside_a_wrapped_block_does_not_split_it():
    """A heading is a date line that opens its block; a date that a narrow column wrapped onto a line of its own in the
    middle of a sentence ("… detained on ¶ 14 May ¶ in Almaty") stays inside its sentence, so its act keeps the day."""
    text = _read_as_a_text_file("Report\n\nPolice detained Diyas Omarov on\n14 May 2024\nin Almaty after a picket.\n")
    assert "\n\n14 May" not in text and "14 May 2024 in Almaty" in text, text
    assert ("Diyas Omarov", "DEPRIVATION", "2024-05-14") in acts(text, published="2024-05-20")
    text = _read_as_a_text_file("Digest\n\n14 May 2024\nPolice detained Diyas Omarov in Almaty after a picket.\n")
    assert "14 May 2024\n\nPolice" in text, text
