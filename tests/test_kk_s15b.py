"""Session 15, second wave (h25-kk2): the shapes behind the Kazakh validation round's misses — a pipe table, its row notes,
a prose paragraph read as a list, a conditional verb, a section title, a year before "шартты".

The validation round's Kazakh list (a table of rows "N | FAMILY Given | region | article | term | date" with notes
under it) gave the acts of every row after an abbreviated cell ("274-б.", "2-бөл.", "Төле би ауд.") to the person of
an earlier row, did not read "4 ж." as four years, and gave the notes' acts ("(4) 6-жол: …") to the last row's person.
The first wave's tests built prose sentences and lists with dashes, never a pipe table nor a note naming a row.

Built tables, shapes x languages where the mechanism is not Kazakh only; made-up names, no sentence of the corpus or
of the evaluation documents. On trial15 51 of the 72 cases failed (the pipe table's row and the row note in all three
languages; the prose paragraph with a dash and a ";" in kk and en; the Kazakh conditional, section titles and a year
before "шартты", a half year in words, an appeal nobody knows of); the rest are guards (a note on the last row, the
Russian forms that already held, a headline, a suspended term, "сотталса да", a told appeal).
"""

import pytest

from tests.extracting import acts

PUBLISHED = "2025-09-01"

PERSONS = {
    "kk": [("ОРАЛБАЕВ Дәурен", "Дәурен Оралбаев"), ("СӘРСЕНОВА Әлия", "Әлия Сәрсенова"),
           ("ҚҰНАНБАЕВ Ерлан", "Ерлан Құнанбаев")],
    "ru": [("ОРАЛБАЕВ Даурен", "Даурен Оралбаев"), ("САРСЕНОВА Алия", "Алия Сарсенова"),
           ("КУНАНБАЕВ Ерлан", "Ерлан Кунанбаев")],
    "en": [("ORALBAYEV Dauren", "Dauren Oralbayev"), ("SARSENOVA Aliya", "Aliya Sarsenova"),
           ("KUNANBAYEV Yerlan", "Yerlan Kunanbayev")],
}
HEAD = {"kk": "№ | Аты-жөні | Өңір | Бап | Жаза | Күні",
        "ru": "№ | ФИО | Регион | Статья | Срок | Дата",
        "en": "No | Name | Region | Article | Term | Date"}
VERDICT = {"kk": "үкім {d}", "ru": "приговор {d}", "en": "verdict {d}"}
TERM = {"kk": "{n} жыл бас бостандығынан айыру", "ru": "{n} лет лишения свободы", "en": "{n} years in prison"}
DAYS = ["03.02.2025", "14.03.2025", "22.04.2025"]

# A cell ending with an abbreviation's full stop, before the next cell's "|"
ABBREVIATED = {
    "kk": [("Астана", "ҚК 274-б., 194-б."), ("Ақтөбе", "ҚК 405-б. 2-бөл."), ("Түркістан обл., Төле би ауд.", "ҚК 174-б.")],
    "ru": [("Астана", "УК РК ч. 2 ст."), ("Актюбинская обл.", "ст. 405 УК"), ("г. Алматы, Бостандыкский р-н.", "ст. 174 УК")],
    "en": [("Astana", "CC Arts."), ("Aktobe Reg.", "CC Art. 405"), ("Almaty, Medeu dist.", "CC Art. 174")],
}


def _table(language, cells, terms=None):
    rows = [HEAD[language]]
    for i, ((printed, _), (region, article), day) in enumerate(zip(PERSONS[language], cells, DAYS), 1):
        term = (terms or TERM)[language].format(n=i + 2)
        rows.append(f"{i} | {printed} | {region} | {article} | {term} | {VERDICT[language].format(d=day)}")
    return "\n".join(rows) + "\n"


def _day(value):
    d, m, y = value.split(".")
    return f"{y}-{m}-{d}"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("order", [(0, 1, 2), (1, 2, 0), (2, 0, 1)])
def test_each_rows_verdict_is_its_own_persons_after_an_abbreviated_cell(language, order):
    """Every row's verdict goes to the person of that row, whatever cell ends with "б." or "ауд." before it.
    (red on trial15 in the three languages.)"""
    cells = [ABBREVIATED[language][i] for i in order]
    found = acts("Тізім\n\n" + _table(language, cells), PUBLISHED)
    for (_, name), day in zip(PERSONS[language], DAYS):
        assert (name, "sentenced", _day(day)) in found
    others = {(n, d) for n, t, d in found if t == "sentenced"} - {(n, _day(d)) for (_, n), d in zip(PERSONS[language], DAYS)}
    assert not others


@pytest.mark.parametrize("template", ["{n} ж. бас бостандығынан айыру", "{n} ж. 6 ай бас бостандығынан айыру"])
def test_an_abbreviated_year_is_a_prison_term(template):
    """"4 ж. бас бостандығынан айыру" in a table's cell is a prison term: sentenced and imprisoned that day."""
    cells = [("Алматы", "ҚК 405-б. 2-бөлігі")] * 3
    found = acts("Тізім\n\n" + _table("kk", cells, {"kk": template}), PUBLISHED)
    for (_, name), day in zip(PERSONS["kk"], DAYS):
        assert (name, "imprisoned", _day(day)) in found


NOTE = {  # (a note's opening naming one row, then a range of rows; the act told in the note, dated)
    "kk": ("({k}) {row}-жол: {d} үйінен шыға бергенде ұсталған.", "({k}) {a}–{b} жолдағы белсенділер {d} ұсталған."),
    "ru": ("({k}) Строка {row}: задержан {d} у своего дома.", "({k}) Строки {a}–{b}: задержаны {d}."),
    "en": ("({k}) Row {row}: detained on {d} outside the home.", "({k}) Rows {a}–{b}: detained on {d}."),
}
NOTES_HEAD = {"kk": "Ескертпелер:", "ru": "Примечания:", "en": "Notes:"}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("row", [1, 2, 3])
def test_a_note_naming_a_row_is_about_that_rows_person(language, row):
    cells = [("Алматы", "405")] * 3
    note = NOTE[language][0].format(k=row + 1, row=row, d="17.07.2024")
    text = "Тізім\n\n" + _table(language, cells) + f"\n{NOTES_HEAD[language]}\n(1) —\n{note}\n"
    found = acts(text, PUBLISHED)
    detained = {n for n, t, d in found if t == "detained" and d == "2024-07-17"}
    assert detained == {PERSONS[language][row - 1][1]}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_a_note_naming_a_range_of_rows_is_about_each_of_them(language):
    cells = [("Алматы", "405")] * 3
    note = NOTE[language][1].format(k=1, a=1, b=2, d="17.07.2024")
    text = "Тізім\n\n" + _table(language, cells) + f"\n{NOTES_HEAD[language]}\n{note}\n"
    found = acts(text, PUBLISHED)
    detained = {n for n, t, d in found if t == "detained"}
    assert detained == {PERSONS[language][0][1], PERSONS[language][1][1]}


@pytest.mark.parametrize("sentence", [
    "5 адам ұсталды. 2 жыл бұрын ол сотталған.",
    "Строка кода: 5 человек задержаны.",
])
def test_a_number_that_names_no_row_gives_no_ones_act_to_a_row(sentence):
    """Guard: a count or a word "строка" without a row number names no row; the row persons get no such act."""
    cells = [("Алматы", "405")] * 3
    language = "kk" if "адам" in sentence else "ru"
    found = acts("Тізім\n\n" + _table(language, cells) + "\n" + sentence + "\n", PUBLISHED)
    assert not {n for n, t, d in found if t == "detained"} & {p[1] for p in PERSONS[language][1:]}


# -- a prose paragraph opening with a name, a dash (the copula) and holding a ";" is no list entry ------------------
# "Х-тың ісі — … үшіншісі. Алматыдағы сот … жазасын берген еді; …": the dash and the ";" made it a list line whose
# person (the one it opens with) got every act of the paragraph, and the persons it tells of got none.
PROSE = {
    "kk": ("{a}тың ісі — бір университетте бірге оқыған төрт адамға қатысты істердің үшіншісі. Алматыдағы сот 11 "
           "мамырда {b}ге ҚК 174-бабы бойынша бес жыл бас бостандығын шектеу жазасын берген еді; {b_short} кінәсін "
           "мойындаған. Ал {c} сол бап бойынша 7 сәуірде Павлодарда төрт жылға сотталды.",
           [("Нариман Сейітжанов", "Нариман Сейітжанов"), ("Денис Коржов", "Денис Коржов"),
            ("Қуаныш Башаев", "Қуаныш Башаев")]),
    "ru": ("{a} — третье из четырёх похожих дел. Суд в Алматы 11 мая приговорил {b} к пяти годам ограничения свободы; "
           "{b_short} признал вину. А {c} осудили 7 апреля на четыре года лишения свободы.",
           [("Дело Наримана Сейтжанова", "Нариман Сейтжанов"), ("Дениса Коржова", "Денис Коржов"),
            ("Куаныша Башаева", "Куаныш Башаев")]),
    "en": ("{a}'s case — the third of four similar cases. A court in Almaty sentenced {b} on 11 May to five years of "
           "restricted freedom; {b_short} pleaded guilty. And {c} was sentenced on 7 April to four years in prison.",
           [("Nariman Seitzhanov", "Nariman Seitzhanov"), ("Denis Korzhov", "Denis Korzhov"),
            ("Kuanysh Bashayev", "Kuanysh Bashayev")]),
}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_a_prose_paragraph_with_a_dash_and_a_semicolon_tells_each_persons_acts(language):
    template, names = PROSE[language]
    (a, _), (b, b_name), (c, c_name) = names
    text = template.format(a=a, b=b, c=c, b_short=b_name.split()[-1])
    found = acts(f"Алматы, 12 маусым.\n\n{text}\n", "2017-06-12") if language == "kk" else \
        acts(f"{text}\n", "2017-06-12")
    assert (b_name, "sentenced", "2017-05-11") in found
    assert (c_name, "sentenced", "2017-04-07") in found
    assert not {(n, d) for n, t, d in found if t == "sentenced"} - {(b_name, "2017-05-11"), (c_name, "2017-04-07")}


# -- a Kazakh trigger in the conditional mood is no act ---------------------------------------------------------------
# "Х кінәлі деп танылса, оған … жазасы қаупі төніп тұр" (if found guilty, he faces …): the trigger's own word ends in
# the conditional -са/-се. Russian "если …" and English "if …" open the clause and were handled before (guards).
CONDITIONAL = {
    "kk": ["{n} кінәлі деп танылса, оған бірнеше жыл бас бостандығынан айыру жазасы қаупі төніп тұр.",
           "{n} қамауға алынса, ол аштық жариялайтынын айтты.",
           "Егер {n} тағы ұсталса, туыстары наразылыққа шығады.",
           "{n} айыпталушы деп танылса, оған шетелге шығуға тыйым салынады деп күтілуде."],
    "ru": ["Если {n} признают виновным, ему грозит несколько лет лишения свободы.",
           "Если {n} арестуют, он объявит голодовку."],
    "en": ["If {n} is found guilty, he faces several years in prison.",
           "If {n} is arrested, he will go on hunger strike."],
}
INTRO = {"kk": ("Сатымжан Азатов 3 маусымда Астанада ұсталды.", "Азатов", "Сатымжан Азатов"),
         "ru": ("Сатымжан Азатов был задержан 3 июня в Астане.", "Азатова", "Сатымжан Азатов"),
         "en": ("Satymzhan Azatov was detained on 3 June in Astana.", "Azatov", "Satymzhan Azatov")}


@pytest.mark.parametrize("language, sentence", [(lang, s) for lang, items in CONDITIONAL.items() for s in items])
def test_an_act_in_the_conditional_mood_is_no_act(language, sentence):
    intro, short, name = INTRO[language]
    found = acts(f"{intro} {sentence.format(n=short)}", "2017-06-12")
    assert found == {(name, "detained", "2017-06-03")}


@pytest.mark.parametrize("sentence", ["Азатов сотталса да, кінәсін мойындамайды.",
                                      "Азатов 9 маусымда бес жылға сотталды."])
def test_even_though_and_the_plain_past_stay_acts_or_guards(sentence):
    """Guard: "сотталса да" (even though he was convicted) is not the conditional; the plain past is an act."""
    found = acts(f"{INTRO['kk'][0]} {sentence}", "2017-06-12")
    assert ("Сатымжан Азатов", "detained", "2017-06-03") in found
    if "9 маусымда" in sentence:
        assert ("Сатымжан Азатов", "sentenced", "2017-06-09") in found


@pytest.mark.parametrize("joined", [False, True])
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_a_range_note_restating_the_verdict_adds_no_second_verdict(language, joined):
    """"(1) 1–2 жолдағы … 09.2024 ұсталған; үкімді судья … оқыды": the rows' detention of that month, and the verdict
    the rows tell with their own day, not a second verdict of the detention's month. The notes' heading may lead
    the note on one line when the reader joined them ("Ескертпелер: (1) …")."""
    notes = {"kk": "(1) 1–2 жолдағы белсенділер 09.2024 ұсталған; үкімді судья Ернар Қасымов оқыды.",
             "ru": "(1) Строки 1–2: задержаны 09.2024; приговор огласил судья Ернар Касымов.",
             "en": "(1) Rows 1–2: detained in 09.2024; the verdict was read by Judge Yernar Kasymov."}
    cells = [("Алматы", "405")] * 3
    gap = " " if joined else "\n"
    text = "Тізім\n\n" + _table(language, cells) + f"\n{NOTES_HEAD[language]}{gap}{notes[language]}\n"
    found = acts(text, PUBLISHED)
    for (_, name), day in list(zip(PERSONS[language], DAYS))[:2]:
        assert (name, "detained", "2024-09") in found
        assert {d for n, t, d in found if n == name and t == "sentenced"} == {_day(day)}


# -- a section's title is no act ---------------------------------------------------------------------------------------
# "## Босатылғаннан кейін" (After the release) over a biography's last section gave a release to the persons of the
# section before, dated by its month.
HEADINGS = {
    "kk": ("# Талғат Аянов\n\n## Өмірбаяны\n\nАянов пен Ержан Бөкеев 2016 жылғы қарашада сотталды.\n\n## {h}\n\n"
           "Кейінгі сұхбаттарында Аянов шетелге кеткенін айтты.\n",
           ["Босатылғаннан кейін", "Қамаудан шыққан соң", "Ұсталғаннан кейін"]),
    "ru": ("# Талгат Аянов\n\n## Биография\n\nАянова и Ержана Бокеева осудили в ноябре 2016 года.\n\n## {h}\n\n"
           "В поздних интервью Аянов рассказывал, что уехал за границу.\n",
           ["После освобождения", "После ареста"]),
    "en": ("# Talgat Ayanov\n\n## Biography\n\nAyanov and Yerzhan Bokeyev were sentenced in November 2016.\n\n## {h}\n\n"
           "In later interviews Ayanov said he had left the country.\n",
           ["After the release", "After the arrest"]),
}


@pytest.mark.parametrize("language, heading", [(lang, h) for lang, (_, hs) in HEADINGS.items() for h in hs])
def test_a_section_title_tells_no_act(language, heading):
    found = acts(HEADINGS[language][0].format(h=heading), "2020-01-01")
    assert {t for _, t, _ in found} == {"sentenced"}


def test_a_headline_still_tells_the_days_act():
    """Guard: the text's own first line is its headline, read as the day's news."""
    found = acts("Белсенді Ержан Бөкеев ұсталды\n\nАлматы полициясы белсендіні бүгін таңертең ұстады.\n", "2020-03-05")
    assert ("Ержан Бөкеев", "detained", "2020-03-05") in found


# -- a year before "шартты" is no suspended term -------------------------------------------------------------------
# "Аян 2018 жылы шартты түрде мерзімінен бұрын босатылды" (released on parole in 2018) read "2018 жылы шартты" as a
# suspended term of 2018 years: a verdict of that year.
@pytest.mark.parametrize("year", ["2018", "2021"])
@pytest.mark.parametrize("template", ["Талғат Аянов {y} жылы шартты түрде мерзімінен бұрын босатылды.",
                                      "Белсенді Талғат Аянов {y} жылы шартты түрде мерзімінен бұрын босап шықты."])
def test_a_parole_in_a_year_is_no_verdict(template, year):
    found = acts("Жаңалықтар\n\n" + template.format(y=year), "2022-01-01")
    assert ("Талғат Аянов", "paroled", year) in found
    assert not {t for _, t, _ in found} & {"sentenced", "imprisoned"}


@pytest.mark.parametrize("year", ["2018", "2021"])
def test_a_suspended_term_is_still_a_verdict(year):
    """Guard: "3 жылға шартты" is a suspended term."""
    found = acts(f"Жаңалықтар\n\nСот {year} жылғы 5 наурызда Талғат Аяновқа 3 жылға шартты түрде жаза тағайындады.",
                 "2022-01-01")
    assert ("Талғат Аянов", "sentenced", f"{year}-03-05") in found


# -- a half year in words, and an appeal nobody knows of ------------------------------------------------------------
# "төрт жарым жылға сотталды" was no term (the halves stopped at "үш жарым"), and "шағым бергені белгісіз" (whether he
# appealed is not known) held the prison term back as an appeal would.
HALVES = [("төрт жарым", 4.5), ("бес жарым", 5.5), ("жеті жарым", 7.5), ("он жарым", 10.5)]


@pytest.mark.parametrize("words, value", HALVES)
@pytest.mark.parametrize("template", ["Қуаныш Башаев 7 сәуірде Павлодарда {w} жылға сотталды.",
                                      "Павлодар соты 7 сәуірде Қуаныш Башаевқа {w} жыл бас бостандығынан айыру жазасын "
                                      "тағайындады."])
def test_a_half_year_in_words_is_a_prison_term(template, words, value):
    from qorgau.documents.extract.acts import _penalties_in
    sentence = template.format(w=words)
    assert _penalties_in(sentence)[0][0]["amount"] == value
    assert ("Қуаныш Башаев", "imprisoned", "2017-04-07") in acts("Жаңалықтар\n\n" + sentence, "2017-06-12")


@pytest.mark.parametrize("language, text, name", [
    ("kk", "Қуаныш Башаев 7 сәуірде бес жылға сотталды. Башаевтың үкімге шағым бергені белгісіз.", "Қуаныш Башаев"),
    ("kk", "Қуаныш Башаев 7 сәуірде бес жылға сотталды. Оның шағым беретіні әзірге анық емес.", "Қуаныш Башаев"),
    ("en", "Kuanysh Bashayev was sentenced to five years in prison on 7 April. It is not known whether he appealed.",
     "Kuanysh Bashayev"),
    ("en", "Kuanysh Bashayev was sentenced to five years in prison on 7 April. It is unclear if he will appeal.",
     "Kuanysh Bashayev"),
])
def test_an_appeal_nobody_knows_of_does_not_hold_the_term_back(language, text, name):
    assert (name, "imprisoned", "2017-04-07") in acts("News\n\n" + text, "2017-06-12")


@pytest.mark.parametrize("text", ["Қуаныш Башаев 7 сәуірде бес жылға сотталды. Ол үкімге шағым берді.",
                                  "Kuanysh Bashayev was sentenced to five years in prison on 7 April. He appealed."])
def test_an_appeal_still_holds_the_term_back(text):
    """Guard: a told appeal keeps the person out of "imprisoned" that day, as before."""
    assert not {t for _, t, _ in acts("News\n\n" + text, "2017-06-12")} & {"imprisoned"}
