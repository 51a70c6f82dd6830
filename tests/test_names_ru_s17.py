"""Session 17 (h27-namesru): a Russian or Kazakh person's name span holds the name and no other word.

A word taken into a name (a role or title before it, a place, a month after it, the next person's name in a list)
gives one person two names and splits them in resolution. The sentences are generated from templates: role nouns
(and their feminine forms) in every case, inflected by the Russian dictionary (pymorphy3), before men's and women's
names in the same case, at a sentence's start, in mid-sentence and on a list's line; names that are also ordinary
words (Надежда, Вера, Роза, Марат, Арман, Бақыт, Жанар) must stay whole.
"""

import itertools

import pytest

from qorgau.documents.extract.names import find_persons
from qorgau.lib.morphology import _analyser

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# (the names in each case, in the order of CASES)
MEN = {
    "Ерлан Ибраев": ("Ерлан Ибраев", "Ерлана Ибраева", "Ерлану Ибраеву", "Ерлана Ибраева", "Ерланом Ибраевым",
                     "Ерлане Ибраеве"),
    "Марат Нургалиев": ("Марат Нургалиев", "Марата Нургалиева", "Марату Нургалиеву", "Марата Нургалиева",
                        "Маратом Нургалиевым", "Марате Нургалиеве"),
}
WOMEN = {
    "Асель Нурова": ("Асель Нурова", "Асель Нуровой", "Асель Нуровой", "Асель Нурову", "Асель Нуровой",
                     "Асель Нуровой"),
    "Надежда Смирнова": ("Надежда Смирнова", "Надежды Смирновой", "Надежде Смирновой", "Надежду Смирнову",
                         "Надеждой Смирновой", "Надежде Смирновой"),
    "Роза Мусина": ("Роза Мусина", "Розы Мусиной", "Розе Мусиной", "Розу Мусину", "Розой Мусиной", "Розе Мусиной"),
}
# Role nouns as a dictionary gives them (no list of their forms: the dictionary declines them)
MEN_ROLES = ("журналист", "блогер", "активист", "правозащитник", "адвокат", "судья", "следователь", "пенсионер",
             "предприниматель", "гражданский активист", "прокурор", "юрист", "депутат", "оппозиционер", "гражданин")
WOMEN_ROLES = ("журналистка", "активистка", "правозащитница", "пенсионерка", "адвокат", "судья", "учительница",
               "студентка", "гражданка", "жительница", "предпринимательница")
START = {"nomn": "{X} сделал(а) заявление.", "gent": "{X} задержали в Алматы.", "datv": "{X} предъявили обвинение.",
         "accs": "{X} вызвали на допрос.", "ablt": "{X} заинтересовалась полиция."}
MID = {"nomn": "По словам очевидцев, {x} сделал(а) заявление.", "gent": "Вчера в Алматы задержали {x}.",
       "datv": "Вчера {x} предъявили обвинение.", "accs": "Полиция вызвала на допрос {x}.",
       "ablt": "Вчера {x} заинтересовалась полиция.", "loct": "Газета написала о {x}."}
LIST = "Список задержанных:\n1. {X}, 45 лет\n2. Другие сведения\n"


def _inflect(role, case):
    words = []
    for word in role.split():
        form = _analyser().parse(word)[0].inflect({case})
        words.append(form.word if form else word)
    return " ".join(words)


def _sentences():
    for roles, persons in ((MEN_ROLES, MEN), (WOMEN_ROLES, WOMEN)):
        for role, forms, (i, case) in itertools.product(roles, persons.values(), enumerate(CASES)):
            x = f"{_inflect(role, case)} {forms[i]}"
            capitalised = x[0].upper() + x[1:]
            if case in START:
                yield START[case].format(X=capitalised), forms[i]
                yield "Суд отложил заседание. " + START[case].format(X=capitalised), forms[i]
            yield MID[case].format(x=x), forms[i]
            yield LIST.format(X=capitalised), forms[i]


SENTENCES = list(_sentences())


def test_the_templates_cover_every_case_and_both_sexes():
    assert len(SENTENCES) > 600


@pytest.mark.parametrize("chunk", range(8))
def test_a_role_before_a_russian_name_in_any_case_is_no_part_of_it(chunk):
    wrong = [(text, want, [m.text for m in find_persons(text)]) for text, want in SENTENCES[chunk::8]]
    wrong = [w for w in wrong if w[2] != [w[1]]]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("text, names", [
    # two names run together, in prose or one a line (no comma, no bullet)
    ("Задержаны: Ерлан Ибраев Асель Нурова Марат Нургалиев.", ["Ерлан Ибраев", "Асель Нурова", "Марат Нургалиев"]),
    ("Задержанные:\nЕрлан Ибраев\nАсель Нурова\nМарат Нургалиев\n", ["Ерлан Ибраев", "Асель Нурова",
                                                                     "Марат Нургалиев"]),
    ("Ұсталғандар:\nЕрлан Ибраев\nАсель Нурова\nМарат Нұрғалиев\n", ["Ерлан Ибраев", "Асель Нурова",
                                                                    "Марат Нұрғалиев"]),
    # a month's name after a name (a heading, a date)
    ("Асель Нурова Март 2024", ["Асель Нурова"]),
    ("Асель Нурова Наурыз 2024", ["Асель Нурова"]),
    ("Ерлан Ибраев Қаңтар айында ұсталды.", ["Ерлан Ибраев"]),
    # a noun the dictionary reads in several cases at once
    ("Гражданке Асель Нуровой отказали в свидании.", ["Асель Нуровой"]),
    ("Директор Бюро Ерлан Ибраев сделал заявление.", ["Ерлан Ибраев"]),
    # a footnote's mark or a line's number before a common noun: the line's first word, no given name
    ("Приговор оглашён.\n¹ Защита Нуровой обжаловала приговор.", ["Нуровой"]),
    ("Приговор оглашён.\n2) Защита Ибраева обжаловала приговор.", ["Ибраева"]),
])
def test_no_other_word_is_taken_into_a_name(text, names):
    assert [m.text for m in find_persons(text)] == names


@pytest.mark.parametrize("name", ["Надежда Смирнова", "Вера Петрова", "Роза Мусина", "Любовь Иванова",
                                  "Марат Нургалиев", "Арман Жумабаев", "Бақыт Сейтжанов", "Жанар Исаева"])
@pytest.mark.parametrize("template", ["{} сделала заявление.", "Вчера {} сделала заявление.",
                                      "Список:\n1. {}, 45 лет\n", "{} мәлімдеме жасады."])
def test_a_name_that_is_also_a_word_stays_whole(name, template):
    text = template.format(name)
    assert [m.text for m in find_persons(text)] == [name]


@pytest.mark.parametrize("role", ["Журналист", "Белсенді", "Құқық қорғаушы", "Адвокат", "Судья", "Тергеуші",
                                  "Зейнеткер", "Блогер", "Тілші", "Кәсіпкер", "Сотталушы", "Куәгер"])
@pytest.mark.parametrize("name, form", [("Асель Нурова", "Асель Нурова"), ("Ерлан Ибраев", "Ерлан Ибраевқа"),
                                        ("Жанар Исаева", "Жанар Исаеваның")])
def test_a_kazakh_role_before_a_name_is_no_part_of_it(role, name, form):
    text = f"{role} {form} туралы хабарлама жарияланды. Кейін {role.lower()} {form} сотқа шақырылды."
    assert [m.text for m in find_persons(text)] == [form, form]
