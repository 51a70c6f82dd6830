"""Whose act is it? (session 15, h25-victim; issue 11.) A generative set of sentence frames with two or three
persons in different roles -- a victim beside an official, a relative, a lawyer, a speaker, a co-defendant -- in
English, Russian and Kazakh, each frame filled with several sets of names declined by the grammar (Russian and
Kazakh case endings written here, not taken from any document). Each case gives the persons an act must go to
(and the person-article pairs). Run as a script to print the table of what fails by frame and language:

    PYTHONPATH=$PWD python tests/test_victim_s15.py
"""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions

PUBLISHED = "2023-06-01"


def _ru(nom, gen, dat, ins, acc=None, gender="m"):
    return {"nom": nom, "gen": gen, "acc": acc or gen, "dat": dat, "ins": ins, "g": gender}


def _kk(nom, acc, gen, dat, ins):
    # "and" after the name, by its last sound: "Сейтов пен", "Бекова мен", "Кенжебек пен"
    last = nom[-1].lower()
    conj = "пен" if nom.lower().endswith(("ов", "ев")) or last in "пфкқтсшщхцч" else \
        "бен" if last in "бвгғджз" else "мен"
    # ablative by the same sound: "Сейтовтан", "Бековадан", "Кенжебектен", "Тілеубайдан"
    front = any(c in nom.split()[-1].lower() for c in "әеіөүі") and not any(c in nom.split()[-1].lower() for c in "аоұы")
    first = "т" if nom.lower().endswith(("ов", "ев")) or last in "пфкқтсшщхцч" else "н" if last in "мнң" else "д"
    ablative = f"{nom}{first}{'ен' if front else 'ан'}"
    return {"nom": nom, "acc": acc, "gen": gen, "dat": dat, "ins": ins, "and": f"{nom} {conj}", "abl": ablative}


# Names made up for the frames; each set: a first victim (man), a second victim (woman), an official, a third person.
NAMES = {
    "en": [
        {"v": {"nom": "Erlan Seitov"}, "w": {"nom": "Aigerim Bekova"}, "o": {"nom": "Nurlan Abenov"},
         "t": {"nom": "Daulet Kasymov"}},
        {"v": {"nom": "Marat Zhumabayev"}, "w": {"nom": "Saule Ospanova"}, "o": {"nom": "Timur Akhmetov"},
         "t": {"nom": "Askar Nurgaliyev"}},
        {"v": {"nom": "Zhanbolat Mamay"}, "w": {"nom": "Dinara Yegeubayeva"}, "o": {"nom": "Serik Yergali"},
         "t": {"nom": "Nurbol Kenzhebek"}},
    ],
    "ru": [
        {"v": _ru("Ерлан Сеитов", "Ерлана Сеитова", "Ерлану Сеитову", "Ерланом Сеитовым"),
         "w": _ru("Айгерим Бекова", "Айгерим Бековой", "Айгерим Бековой", "Айгерим Бековой", "Айгерим Бекову", "f"),
         "o": _ru("Нурлан Абенов", "Нурлана Абенова", "Нурлану Абенову", "Нурланом Абеновым"),
         "t": _ru("Даулет Касымов", "Даулета Касымова", "Даулету Касымову", "Даулетом Касымовым")},
        {"v": _ru("Марат Жумабаев", "Марата Жумабаева", "Марату Жумабаеву", "Маратом Жумабаевым"),
         "w": _ru("Сауле Оспанова", "Сауле Оспановой", "Сауле Оспановой", "Сауле Оспановой", "Сауле Оспанову", "f"),
         "o": _ru("Тимур Ахметов", "Тимура Ахметова", "Тимуру Ахметову", "Тимуром Ахметовым"),
         "t": _ru("Аскар Нургалиев", "Аскара Нургалиева", "Аскару Нургалиеву", "Аскаром Нургалиевым")},
        {"v": _ru("Санжар Бокаев", "Санжара Бокаева", "Санжару Бокаеву", "Санжаром Бокаевым"),
         "w": _ru("Динара Егеубаева", "Динары Егеубаевой", "Динаре Егеубаевой", "Динарой Егеубаевой",
                  "Динару Егеубаеву", "f"),
         "o": _ru("Серик Ергалиев", "Серика Ергалиева", "Серику Ергалиеву", "Сериком Ергалиевым"),
         "t": _ru("Нурбол Кенжебеков", "Нурбола Кенжебекова", "Нурболу Кенжебекову", "Нурболом Кенжебековым")},
    ],
    "kk": [
        {"v": _kk("Ерлан Сейтов", "Ерлан Сейтовты", "Ерлан Сейтовтың", "Ерлан Сейтовқа", "Ерлан Сейтовпен"),
         "w": _kk("Айгерім Бекова", "Айгерім Бекованы", "Айгерім Бекованың", "Айгерім Бековаға", "Айгерім Бековамен"),
         "o": _kk("Нұрлан Әбенов", "Нұрлан Әбеновті", "Нұрлан Әбеновтің", "Нұрлан Әбеновке", "Нұрлан Әбеновпен"),
         "t": _kk("Дәулет Қасымов", "Дәулет Қасымовты", "Дәулет Қасымовтың", "Дәулет Қасымовқа", "Дәулет Қасымовпен")},
        {"v": _kk("Марат Жұмабаев", "Марат Жұмабаевты", "Марат Жұмабаевтың", "Марат Жұмабаевқа", "Марат Жұмабаевпен"),
         "w": _kk("Сәуле Оспанова", "Сәуле Оспанованы", "Сәуле Оспанованың", "Сәуле Оспановаға", "Сәуле Оспановамен"),
         "o": _kk("Тимур Ахметов", "Тимур Ахметовты", "Тимур Ахметовтың", "Тимур Ахметовқа", "Тимур Ахметовпен"),
         "t": _kk("Асқар Нұрғалиев", "Асқар Нұрғалиевты", "Асқар Нұрғалиевтің", "Асқар Нұрғалиевқа",
                  "Асқар Нұрғалиевпен")},
        # family names without a Russian ending, front and back vowels
        {"v": _kk("Бекзат Тілеубай", "Бекзат Тілеубайды", "Бекзат Тілеубайдың", "Бекзат Тілеубайға",
                  "Бекзат Тілеубаймен"),
         "w": _kk("Гүлнар Әлиева", "Гүлнар Әлиеваны", "Гүлнар Әлиеваның", "Гүлнар Әлиеваға", "Гүлнар Әлиевамен"),
         "o": _kk("Серік Ерғали", "Серік Ерғалиды", "Серік Ерғалидың", "Серік Ерғалиға", "Серік Ерғалимен"),
         "t": _kk("Нұрбол Кенжебек", "Нұрбол Кенжебекті", "Нұрбол Кенжебектің", "Нұрбол Кенжебекке",
                  "Нұрбол Кенжебекпен")},
    ],
}

# frame -> language -> (text template, expected victims as keys of the name set, expected (victim key, article)
# pairs or None when the frame is not about pairs). {v.acc} is the victim in the accusative, and so on.
FRAMES = {
    "judge subject": {
        "en": ("On 12 March 2023 Judge {o.nom} sentenced {v.nom} to five years in prison.", "v", None),
        "ru": ("12 марта 2023 года судья {o.nom} приговорил {v.acc} к пяти годам лишения свободы.", "v", None),
        "kk": ("2023 жылғы 12 наурызда судья {o.nom} {v.acc} бес жылға бас бостандығынан айыруға соттады.", "v",
               None),
    },
    "investigator subject": {
        "en": ("On 12 March 2023 investigator {o.nom} detained {v.nom} in Almaty.", "v", None),
        "ru": ("12 марта 2023 года следователь {o.nom} задержал {v.acc} в Алматы.", "v", None),
        "kk": ("2023 жылғы 12 наурызда тергеуші {o.nom} {v.acc} Алматыда ұстады.", "v", None),
    },
    "bare official subject": {
        "en": ("On 12 March 2023 {o.nom} sentenced {v.nom} to five years in prison.", "v", None),
        "ru": ("12 марта 2023 года {o.nom} приговорил {v.acc} к пяти годам лишения свободы.", "v", None),
        "kk": ("2023 жылғы 12 наурызда {o.nom} {v.acc} бес жылға соттады.", "v", None),
    },
    "lawyer speaks": {
        "en": ("{v.nom}'s lawyer {o.nom} said that {v.nom} was detained on 12 March 2023.", "v", None),
        "ru": ("Адвокат {v.gen} {o.nom} рассказал, что {v.acc} задержали 12 марта 2023 года.", "v", None),
        "kk": ("{v.gen} адвокаты {o.nom} оның 2023 жылғы 12 наурызда ұсталғанын айтты.", "v", None),
    },
    "relative speaks": {
        "en": ("{v.nom}'s wife {w.nom} said he was detained on 12 March 2023.", "v", None),
        "ru": ("Жена {v.gen}, {w.nom}, рассказала, что его задержали 12 марта 2023 года.", "v", None),
        "kk": ("{v.gen} әйелі {w.nom} оның 2023 жылғы 12 наурызда ұсталғанын айтты.", "v", None),
    },
    "co-defendants": {
        "en": ("{v.nom} and {w.nom} were detained on 12 March 2023.", "vw", None),
        "ru": ("12 марта 2023 года {v.nom} и {w.nom} были задержаны.", "vw", None),
        "kk": ("2023 жылғы 12 наурызда {v.and} {w.nom} ұсталды.", "vw", None),
    },
    "one of several": {
        "en": ("{v.nom}, {w.nom} and {t.nom} were detained on 12 March 2023. {t.nom} was released the next day.",
               "vwt", None),
        "ru": ("12 марта 2023 года были задержаны {v.nom}, {w.nom} и {t.nom}. На следующий день {t.nom} был "
               "освобождён.", "vwt", None),
        "kk": ("2023 жылғы 12 наурызда {v.nom}, {w.nom} және {t.nom} ұсталды. Келесі күні {t.nom} босатылды.", "vwt",
               None),
    },
    "passive with agent": {
        "en": ("{v.nom} was detained by police officer {o.nom} on 12 March 2023.", "v", None),
        "ru": ("12 марта 2023 года {v.nom} был задержан полицейским {o.ins}.", "v", None),
        "kk": ("2023 жылғы 12 наурызда {v.nom} полиция қызметкері {o.nom} тарапынан ұсталды.", "v", None),
    },
    "genitive possessor": {
        "en": ("The arrest of {v.nom} on 12 March 2023 was condemned by {o.nom}.", "v", None),
        "ru": ("Задержание {v.gen} 12 марта 2023 года осудил правозащитник {o.nom}.", "v|sentenced=", None),
        "kk": ("{v.gen} 2023 жылғы 12 наурызда ұсталуын құқық қорғаушы {o.nom} айыптады.", "v|charged=", None),
    },
    "quoted speaker": {
        "en": ("\"Police detained {v.nom} on 12 March 2023,\" said {o.nom}.", "v", None),
        "ru": ("«Полиция задержала {v.acc} 12 марта 2023 года», — сказал {o.nom}.", "v", None),
        "kk": ("«Полиция {v.acc} 2023 жылғы 12 наурызда ұстады», — деді {o.nom}.", "v", None),
    },
    "official shares a name": {
        "en": ("On 12 March 2023 Judge {o.first} {v.last} sentenced {v.nom} to five years in prison.", "v", None),
        "ru": ("12 марта 2023 года судья {o.first} {v.last} приговорил {v.acc} к пяти годам лишения свободы.", "v",
               None),
        "kk": ("2023 жылғы 12 наурызда судья {o.first} {v.last} {v.acc} бес жылға бас бостандығынан айыруға "
               "соттады.", "v", None),
    },
    "speaker said": {
        "en": ("{o.nom} said {v.nom} was detained on 12 March 2023.", "v", None),
        "ru": ("{o.nom} сообщил, что {v.nom} был задержан 12 марта 2023 года.", "v", None),
        "kk": ("{o.nom} {v.gen} 2023 жылғы 12 наурызда ұсталғанын айтты.", "v", None),
    },
    "according to the lawyer": {
        "en": ("According to his lawyer {o.nom}, {v.nom} was detained on 12 March 2023.", "v", None),
        "ru": ("По словам адвоката {o.gen}, {v.nom} был задержан 12 марта 2023 года.", "v", None),
        "kk": ("Адвокат {o.nom} айтуынша, {v.nom} 2023 жылғы 12 наурызда ұсталды.", "v", None),
    },
    "object first": {
        "en": ("On 12 March 2023 it was investigator {o.nom} who detained {v.nom}.", "v", None),
        "ru": ("{v.acc} задержал 12 марта 2023 года следователь {o.nom}.", "v", None),
        "kk": ("{v.acc} 2023 жылғы 12 наурызда тергеуші {o.nom} ұстады.", "v", None),
    },
    "attacker subject": {
        "en": ("On 12 March 2023 {o.nom} beat {v.nom} in the street.", "v", None),
        "ru": ("12 марта 2023 года {o.nom} избил {v.acc} на улице.", "v", None),
        "kk": ("2023 жылғы 12 наурызда {o.nom} {v.acc} көшеде ұрып-соқты.", "v", None),
    },
    "together with": {
        "en": ("{v.nom} was detained on 12 March 2023 together with {t.nom}.", "vt", None),
        "ru": ("12 марта 2023 года {v.nom} был задержан вместе с {t.ins}.", "vt", None),
        "kk": ("2023 жылғы 12 наурызда {v.nom} {t.ins} бірге ұсталды.", "vt", None),
    },
    "complainant": {
        "en": ("{v.nom} was detained on 12 March 2023 after a complaint by {o.nom}.", "v", None),
        "ru": ("12 марта 2023 года {v.nom} был задержан по заявлению {o.gen}.", "v", None),
        "kk": ("2023 жылғы 12 наурызда {v.nom} {o.gen} арызы бойынша ұсталды.", "v", None),
    },
    "released one": {
        "en": ("{v.nom}, {w.nom} and {t.nom} were detained on 12 March 2023. {t.nom} was released the next day.",
               "vwt|released=t", None),
        "ru": ("12 марта 2023 года были задержаны {v.nom}, {w.nom} и {t.nom}. На следующий день {t.nom} был "
               "освобождён.", "vwt|released=t", None),
        "kk": ("2023 жылғы 12 наурызда {v.nom}, {w.nom} және {t.nom} ұсталды. Келесі күні {t.nom} босатылды.",
               "vwt|released=t", None),
    },
    "relative after the name": {
        "en": ("{v.nom}'s mother, {w.nom}, said her son was detained on 12 March 2023.", "v", None),
        "ru": ("{w.nom}, мать {v.gen}, рассказала, что её сына задержали 12 марта 2023 года.", "v", None),
        "kk": ("{v.gen} анасы {w.nom} ұлының 2023 жылғы 12 наурызда ұсталғанын айтты.", "v", None),
    },
    "relative is the victim": {
        "en": ("On 12 March 2023 {w.nom}'s son {v.nom} was detained.", "v", None),
        "ru": ("12 марта 2023 года был задержан сын {w.gen} {v.nom}.", "v", None),
        "kk": ("2023 жылғы 12 наурызда {w.gen} ұлы {v.nom} ұсталды.", "v", None),
    },
    "official who acted": {
        "en": ("Police officer {o.nom}, who detained {v.nom} on 12 March 2023, was later promoted.", "v", None),
        "ru": ("Полицейский {o.nom}, задержавший {v.acc} 12 марта 2023 года, позже получил повышение.", "v", None),
        "kk": ("{v.acc} 2023 жылғы 12 наурызда ұстаған полиция қызметкері {o.nom} кейін қызметі жоғарылады.", "v",
               None),
    },
    "dative victim": {
        "en": ("On 12 March 2023 investigator {o.nom} charged {v.nom} under Article 174 of the Criminal Code.", "v",
               {("v", "CC-174")}),
        "ru": ("12 марта 2023 года следователь {o.nom} предъявил {v.dat} обвинение по статье 174 УК РК.", "v",
               {("v", "CC-174")}),
        "kk": ("2023 жылғы 12 наурызда тергеуші {o.nom} {v.dat} ҚК-нің 174-бабы бойынша айып тақты.", "v",
               {("v", "CC-174")}),
    },
    "verdict to a dative": {
        "en": ("On 12 March 2023 Judge {o.nom} handed {v.nom} a five-year prison sentence.", "v", None),
        "ru": ("12 марта 2023 года судья {o.nom} вынес приговор {v.dat}: пять лет лишения свободы.", "v", None),
        "kk": ("2023 жылғы 12 наурызда судья {o.nom} {v.dat} бес жыл бас бостандығынан айыру жазасын тағайындады.",
               "v", None),
    },
    "judge with initials": {
        "en": ("On 12 March 2023 Judge {o.initial} sentenced {v.nom} to five years in prison.", "v", None),
        "ru": ("12 марта 2023 года судья {o.initial} приговорил {v.acc} к пяти годам лишения свободы.", "v", None),
        "kk": ("2023 жылғы 12 наурызда судья {o.initial} {v.acc} бес жылға бас бостандығынан айыруға соттады.",
               "v", None),
    },
    "in the case of": {
        "en": ("On 12 March 2023 the court delivered its verdict in the case of {v.nom}, presided over by Judge "
               "{o.nom}.", "v", None),
        "ru": ("12 марта 2023 года судья {o.nom} вынес приговор по делу {v.gen}.", "v", None),
        "kk": ("2023 жылғы 12 наурызда судья {o.nom} {v.gen} ісі бойынша үкім шығарды.", "v", None),
    },
    "together with, first": {
        "en": ("Together with {t.nom}, {v.nom} and {w.nom} were detained on 12 March 2023.", "vwt", None),
        "ru": ("Вместе с {t.ins} 12 марта 2023 года задержаны {v.nom} и {w.nom}.", "vwt", None),
        "kk": ("2023 жылғы 12 наурызда {t.ins} бірге {v.and} {w.nom} ұсталды.", "vwt", None),
    },
    "the lawyer is the victim": {
        "en": ("On 12 March 2023 {v.nom}'s lawyer {o.nom} was detained.", "o", None),
        "ru": ("12 марта 2023 года был задержан адвокат {v.gen} {o.nom}.", "o", None),
        "kk": ("2023 жылғы 12 наурызда {v.gen} адвокаты {o.nom} ұсталды.", "o", None),
    },
    "co-objects": {
        "en": ("On 12 March 2023 police detained {v.nom} and {w.nom}.", "vw", None),
        "ru": ("12 марта 2023 года полиция задержала {v.acc} и {w.acc}.", "vw", None),
        "kk": ("2023 жылғы 12 наурызда полиция {v.and} {w.acc} ұстады.", "vw", None),
    },
    "according to, genitive": {
        "en": ("According to {o.nom}, police detained {v.nom} on 12 March 2023.", "v", None),
        "ru": ("Как сообщил {o.nom}, 12 марта 2023 года полиция задержала {v.acc}.", "v", None),
        "kk": ("Адвокат {o.gen} айтуынша, {v.nom} 2023 жылғы 12 наурызда ұсталды.", "v", None),
    },
    "reported with a quote verb": {
        "en": ("{o.nom} stated that police had detained {v.nom} on 12 March 2023.", "v", None),
        "ru": ("{o.nom} заявил, что 12 марта 2023 года полиция задержала {v.acc}.", "v", None),
        "kk": ("{o.nom} {v.acc} 2023 жылғы 12 наурызда полиция ұстады деп мәлімдеді.", "v", None),
    },
    "whose picket": {
        "en": ("Two days after {o.nom}'s picket, on 12 March 2023, police detained {v.nom}.", "v", None),
        "ru": ("Спустя два дня после пикета {o.gen}, 12 марта 2023 года, полиция задержала {v.acc}.", "v", None),
        "kk": ("{o.gen} пикетінен екі күн өткен соң, 2023 жылғы 12 наурызда полиция {v.acc} ұстады.", "v", None),
    },
    "whose home was searched": {
        "en": ("On 12 March 2023 police searched {v.nom}'s home; his lawyer {o.nom} was present.", "v", None),
        "ru": ("12 марта 2023 года у {v.gen} прошёл обыск, на нём присутствовал адвокат {o.nom}.", "v", None),
        "kk": ("2023 жылғы 12 наурызда {v.gen} үйі тінтілді, тінтуге адвокат {o.nom} қатысты.", "v", None),
    },
    "case against": {
        "en": ("On 12 March 2023 investigator {o.nom} opened a criminal case against {v.nom}.", "v", None),
        "ru": ("12 марта 2023 года следователь {o.nom} возбудил уголовное дело в отношении {v.gen}.", "v", None),
        "kk": ("2023 жылғы 12 наурызда тергеуші {o.nom} {v.dat} қатысты қылмыстық іс қозғады.", "v", None),
    },
    "questioned, ablative": {
        "en": ("On 12 March 2023 investigator {o.nom} questioned {v.nom} for six hours.", "v", None),
        "ru": ("12 марта 2023 года следователь {o.nom} допросил {v.acc}.", "v", None),
        "kk": ("2023 жылғы 12 наурызда тергеуші {o.nom} {v.abl} жауап алды.", "v", None),
    },
    "each their own day": {
        "en": ("{v.nom} was detained on 12 March 2023 and {w.nom} on 14 March 2023.",
               "vw|@v=2023-03-12|@w=2023-03-14", None),
        "ru": ("{v.nom} был задержан 12 марта 2023 года, а {w.nom} — 14 марта 2023 года.",
               "vw|@v=2023-03-12|@w=2023-03-14", None),
        "kk": ("{v.nom} 2023 жылғы 12 наурызда, ал {w.nom} 2023 жылғы 14 наурызда ұсталды.",
               "vw|@v=2023-03-12|@w=2023-03-14", None),
    },
    "the companion's day": {
        "en": ("{v.nom} was detained on 12 March 2023. {w.nom}, his wife, was detained on 14 March 2023.",
               "vw|@v=2023-03-12|@w=2023-03-14", None),
        "ru": ("{v.nom} был задержан 12 марта 2023 года. Его жена {w.nom} была задержана 14 марта 2023 года.",
               "vw|@v=2023-03-12|@w=2023-03-14", None),
        "kk": ("{v.nom} 2023 жылғы 12 наурызда ұсталды. Оның әйелі {w.nom} 2023 жылғы 14 наурызда ұсталды.",
               "vw|@v=2023-03-12|@w=2023-03-14", None),
    },
    "the speaker about himself": {
        "en": ("\"They detained me on 12 March 2023,\" said {v.nom}.", "v", None),
        "ru": ("«Меня задержали 12 марта 2023 года», — рассказал {v.nom}.", "v", None),
        "kk": ("«Мені 2023 жылғы 12 наурызда ұстады», — деді {v.nom}.", "v", None),
    },
    "released, one of two": {
        "en": ("{v.nom} and {w.nom} were detained on 12 March 2023. {w.nom} was released on 14 March 2023.",
               "vw|released=w", None),
        "ru": ("12 марта 2023 года {v.nom} и {w.nom} были задержаны. 14 марта 2023 года {w.acc} освободили.",
               "vw|released=w", None),
        "kk": ("2023 жылғы 12 наурызда {v.and} {w.nom} ұсталды. 2023 жылғы 14 наурызда {w.nom} босатылды.",
               "vw|released=w", None),
    },
    "whose lawyer is": {
        "en": ("{v.nom}, whose lawyer is {o.nom}, was detained on 12 March 2023.", "v", None),
        "ru": ("{v.nom}, интересы которого представляет адвокат {o.nom}, был задержан 12 марта 2023 года.", "v",
               None),
        "kk": ("Адвокаты {o.nom} болып табылатын {v.nom} 2023 жылғы 12 наурызда ұсталды.", "v", None),
    },
    "a spokesman confirms": {
        "en": ("On 12 March 2023 {v.nom} was detained; {o.nom}, a police spokesman, confirmed the arrest.", "v",
               None),
        "ru": ("12 марта 2023 года {v.nom} был задержан; задержание подтвердил представитель полиции {o.nom}.", "v",
               None),
        "kk": ("2023 жылғы 12 наурызда {v.nom} ұсталды; мұны полиция өкілі {o.nom} растады.", "v", None),
    },
    "the judge in the case": {
        "en": ("{o.nom}, the judge in {v.nom}'s case, sentenced him to five years in prison on 12 March 2023.", "v",
               None),
        "ru": ("{o.nom}, судья по делу {v.gen}, 12 марта 2023 года приговорил его к пяти годам лишения свободы.",
               "v", None),
        "kk": ("{v.gen} ісін қараған судья {o.nom} 2023 жылғы 12 наурызда оны бес жылға соттады.", "v", None),
    },
    "among those detained": {
        "en": ("Among those detained on 12 March 2023 were {v.nom} and {w.nom}.", "vw", None),
        "ru": ("Среди задержанных 12 марта 2023 года — {v.nom} и {w.nom}.", "vw", None),
        "kk": ("2023 жылғы 12 наурызда ұсталғандардың арасында {v.nom} және {w.nom} бар.", "vw", None),
    },
    "verb first": {
        "en": ("Detained on 12 March 2023 were {v.nom} and {w.nom}.", "vw", None),
        "ru": ("12 марта 2023 года задержаны {v.nom} и {w.nom}.", "vw", None),
        "kk": ("2023 жылғы 12 наурызда ұсталғандар: {v.nom} және {w.nom}.", "vw", None),
    },
    "remanded at the request of": {
        "en": ("On 12 March 2023 the court remanded {v.nom} in custody at the request of investigator {o.nom}.", "v",
               None),
        "ru": ("12 марта 2023 года суд арестовал {v.acc} по ходатайству следователя {o.gen}.", "v", None),
        "kk": ("2023 жылғы 12 наурызда тергеуші {o.gen} өтініші бойынша сот {v.acc} қамауға алды.", "v", None),
    },
    "object printed undeclined": {
        "en": ("On 12 March 2023 the court found journalist {v.nom} guilty and sentenced him to five years.", "v",
               None),
        "ru": ("12 марта 2023 года суд признал журналиста {v.nom} виновным и приговорил к пяти годам лишения "
               "свободы.", "v", None),
        "kk": ("2023 жылғы 12 наурызда сот журналист {v.acc} кінәлі деп танып, бес жылға соттады.", "v", None),
    },
    # person-article pairs
    "article in the next sentence": {
        "en": ("{v.nom} was detained on 12 March 2023. He was charged under Article 174 of the Criminal Code.", "v",
               {("v", "CC-174")}),
        "ru": ("12 марта 2023 года {v.nom} был задержан. Ему предъявили обвинение по статье 174 УК РК.", "v",
               {("v", "CC-174")}),
        "kk": ("2023 жылғы 12 наурызда {v.nom} ұсталды. Оған ҚК-нің 174-бабы бойынша айып тағылды.", "v",
               {("v", "CC-174")}),
    },
    "both charged": {
        "en": ("{v.nom} and {w.nom} were detained on 12 March 2023. Both were charged under Article 174 of the "
               "Criminal Code.", "vw", {("v", "CC-174"), ("w", "CC-174")}),
        "ru": ("12 марта 2023 года {v.nom} и {w.nom} были задержаны. Обоим предъявили обвинение по статье 174 УК "
               "РК.", "vw", {("v", "CC-174"), ("w", "CC-174")}),
        "kk": ("2023 жылғы 12 наурызда {v.and} {w.nom} ұсталды. Екеуіне де ҚК-нің 174-бабы бойынша айып "
               "тағылды.", "vw", {("v", "CC-174"), ("w", "CC-174")}),
    },
    "judge and article": {
        "en": ("On 12 March 2023 Judge {o.nom} found {v.nom} guilty under Article 174 of the Criminal Code.", "v",
               {("v", "CC-174")}),
        "ru": ("12 марта 2023 года судья {o.nom} признал {v.acc} виновным по статье 174 УК РК.", "v",
               {("v", "CC-174")}),
        "kk": ("2023 жылғы 12 наурызда судья {o.nom} {v.acc} ҚК-нің 174-бабы бойынша кінәлі деп тапты.", "v",
               {("v", "CC-174")}),
    },
    "lawyer and article": {
        "en": ("On 12 March 2023 {v.nom} was charged under Article 174 of the Criminal Code, his lawyer {o.nom} "
               "said.", "v", {("v", "CC-174")}),
        "ru": ("12 марта 2023 года {v.dat} предъявили обвинение по статье 174 УК РК, сообщил его адвокат {o.nom}.",
               "v", {("v", "CC-174")}),
        "kk": ("2023 жылғы 12 наурызда {v.dat} ҚК-нің 174-бабы бойынша айып тағылды, деді оның адвокаты {o.nom}.",
               "v", {("v", "CC-174")}),
    },
    "co-defendants, two articles": {
        "en": ("On 12 March 2023 {v.nom} and {w.nom} were convicted under Articles 174 and 274 of the Criminal Code.",
               "vw", {("v", "CC-174"), ("w", "CC-174"), ("v", "CC-274"), ("w", "CC-274")}),
        "ru": ("12 марта 2023 года {v.nom} и {w.nom} осуждены по статьям 174 и 274 УК РК.", "vw",
               {("v", "CC-174"), ("w", "CC-174"), ("v", "CC-274"), ("w", "CC-274")}),
        "kk": ("2023 жылғы 12 наурызда {v.and} {w.nom} ҚК-нің 174 және 274-баптары бойынша сотталды.", "vw",
               {("v", "CC-174"), ("w", "CC-174"), ("v", "CC-274"), ("w", "CC-274")}),
    },
    "each their own article": {
        "en": ("On 12 March 2023 {v.nom} was charged under Article 174 of the Criminal Code and {w.nom} under "
               "Article 274.", "vw", {("v", "CC-174"), ("w", "CC-274")}),
        "ru": ("12 марта 2023 года {v.dat} предъявили обвинение по статье 174 УК РК, а {w.dat} — по статье 274 УК "
               "РК.", "vw", {("v", "CC-174"), ("w", "CC-274")}),
        "kk": ("2023 жылғы 12 наурызда {v.dat} ҚК-нің 174-бабы бойынша, ал {w.dat} ҚК-нің 274-бабы бойынша айып "
               "тағылды.", "vw", {("v", "CC-174"), ("w", "CC-274")}),
    },
    "list rows": {
        "en": ("Political prisoners, 12 March 2023:\n1. {v.nom} – Almaty – Article 174 of the Criminal Code – "
               "detained 12.03.2023\n2. {w.nom} – Astana – Article 405 of the Criminal Code – detained 14.03.2023",
               "vw", {("v", "CC-174"), ("w", "CC-405")}),
        "ru": ("Политзаключённые, 12 марта 2023 года:\n1. {v.nom} – Алматы – ст. 174 УК РК – задержан 12.03.2023\n"
               "2. {w.nom} – Астана – ст. 405 УК РК – задержана 14.03.2023", "vw",
               {("v", "CC-174"), ("w", "CC-405")}),
        "kk": ("Саяси тұтқындар, 2023 жылғы 12 наурыз:\n1. {v.nom} – Алматы – ҚК 174-бабы – 12.03.2023 ұсталды\n"
               "2. {w.nom} – Астана – ҚК 405-бабы – 14.03.2023 ұсталды", "vw",
               {("v", "CC-174"), ("w", "CC-405")}),
    },
    "lawyer names the client's article": {
        "en": ("{o.nom}, {v.nom}'s lawyer, said on 12 March 2023 that his client had been charged under Article 174 "
               "of the Criminal Code.", "v", {("v", "CC-174")}),
        "ru": ("Адвокат {v.gen} {o.nom} 12 марта 2023 года сообщил, что его подзащитному предъявлено обвинение по "
               "статье 174 УК РК.", "v", {("v", "CC-174")}),
        "kk": ("{v.gen} адвокаты {o.nom} 2023 жылғы 12 наурызда оған ҚК-нің 174-бабы бойынша айып тағылғанын "
               "айтты.", "v", {("v", "CC-174")}),
    },
    "article first": {
        "en": ("Under Article 174 of the Criminal Code, the court sentenced {v.nom} to five years in prison on 12 "
               "March 2023.", "v", {("v", "CC-174")}),
        "ru": ("По статье 174 УК РК {v.nom} 12 марта 2023 года приговорён к пяти годам лишения свободы.", "v",
               {("v", "CC-174")}),
        "kk": ("ҚК-нің 174-бабы бойынша {v.nom} 2023 жылғы 12 наурызда бес жылға сотталды.", "v", {("v", "CC-174")}),
    },
    "offence named": {
        "en": ("On 12 March 2023 {v.nom} was charged with inciting social discord.", "v", {("v", "CC-174")}),
        "ru": ("12 марта 2023 года {v.dat} предъявили обвинение в разжигании социальной розни.", "v",
               {("v", "CC-174")}),
        "kk": ("2023 жылғы 12 наурызда {v.nom} әлеуметтік алауыздықты қоздырды деп айыпталды.", "v",
               {("v", "CC-174")}),
    },
    "relative and article": {
        "en": ("{v.nom}'s wife {w.nom} said on 12 March 2023 that he had been charged under Article 174 of the "
               "Criminal Code.", "v", {("v", "CC-174")}),
        "ru": ("Жена {v.gen}, {w.nom}, рассказала, что 12 марта 2023 года ему предъявили обвинение по статье 174 "
               "УК РК.", "v", {("v", "CC-174")}),
        "kk": ("{v.gen} әйелі {w.nom} оған 2023 жылғы 12 наурызда ҚК-нің 174-бабы бойынша айып тағылғанын "
               "айтты.", "v", {("v", "CC-174")}),
    },
    "three charged, one released": {
        "en": ("On 12 March 2023 {v.nom}, {w.nom} and {t.nom} were charged under Article 405 of the Criminal Code. "
               "{t.nom} was released the next day.", "vwt|released=t",
               {("v", "CC-405"), ("w", "CC-405"), ("t", "CC-405")}),
        "ru": ("12 марта 2023 года {v.dat}, {w.dat} и {t.dat} предъявили обвинение по статье 405 УК РК. На "
               "следующий день {t.nom} был освобождён.", "vwt|released=t",
               {("v", "CC-405"), ("w", "CC-405"), ("t", "CC-405")}),
        "kk": ("2023 жылғы 12 наурызда {v.nom}, {w.nom} және {t.nom} ҚК-нің 405-бабы бойынша айыпталды. Келесі "
               "күні {t.nom} босатылды.", "vwt|released=t", {("v", "CC-405"), ("w", "CC-405"), ("t", "CC-405")}),
    },
    "the same article": {
        "en": ("{v.nom} was charged under Article 174 of the Criminal Code on 12 March 2023. On 20 March 2023 "
               "{w.nom} was charged under the same article.", "vw", {("v", "CC-174"), ("w", "CC-174")}),
        "ru": ("12 марта 2023 года {v.dat} предъявили обвинение по статье 174 УК РК. 20 марта 2023 года {w.dat} "
               "предъявили обвинение по той же статье.", "vw", {("v", "CC-174"), ("w", "CC-174")}),
        "kk": ("2023 жылғы 12 наурызда {v.dat} ҚК-нің 174-бабы бойынша айып тағылды. 2023 жылғы 20 наурызда "
               "{w.dat} да осы бап бойынша айып тағылды.", "vw", {("v", "CC-174"), ("w", "CC-174")}),
    },
}

# Cases that still fail, kept visible (strict: a case that starts passing must leave this list): none at the end of
# session 15; a frame added later that fails goes here with its reason.
# ("the judge in the case", "en", 2), "Zhanbolat Mamay's case", passes since session 17 (h27-namesen: a Latin given
# name the lists know counts as one, whatever the family name ends in).
STILL_FAILING = {("in the case of", "en")}  # "delivered the verdict in the case of B": no English trigger (lexicon)


class _Forms(dict):
    def __getattr__(self, case):
        if case == "first":
            return self["nom"].split()[0]
        if case == "initial":  # "Н. Әбенов"
            return f"{self['nom'][0]}. {self['nom'].split()[-1]}"
        if case == "last":
            return self["nom"].split()[-1]
        return self.get(case, self["nom"])


def _persons(language, index):
    return {key: _Forms(forms) for key, forms in NAMES[language][index].items()}


def run(text):
    mentions = find_persons(text)
    proposals = find_acts(text, mentions, find_dates(text, PUBLISHED), find_provisions(text), published=PUBLISHED)
    victims = {}
    for p in proposals:
        if p.kind == "act":
            victims.setdefault(None, set()).add(p.victims[0])
            victims.setdefault(p.act_type, set()).add(p.victims[0])
            victims.setdefault(("date", p.victims[0]), set()).add(p.date)
    pairs = {(p.victims[0], uid.split(".")[0]) for p in proposals if p.kind == "act"
             for uid, relation in p.provisions if relation in {"suspected", "charged", "convicted"}}
    return victims, pairs


def case(frame, language, index):
    template, victim_keys, pair_keys = FRAMES[frame][language]
    persons = _persons(language, index)
    text = template.format(**persons)
    # "vwt|released=t": every act's victims are v, w and t; the release's only t
    # "vw|@w=2023-03-14": every act of w is of that day
    expected = {}
    for part in victim_keys.split("|"):
        act_type, _, keys = part.rpartition("=")
        if act_type.startswith("@"):
            expected[("date", persons[act_type[1:]]["nom"])] = {keys}
        else:
            expected[act_type or None] = {persons[k]["nom"] for k in keys}
    expected_pairs = None if pair_keys is None else {(persons[k]["nom"], a) for k, a in pair_keys}
    return text, expected, expected_pairs


def outcome(frame, language, index):
    text, expected, expected_pairs = case(frame, language, index)
    victims, pairs = run(text)
    wrong = []
    for act_type, names in expected.items():
        if victims.get(act_type, set()) != names:
            what = f"dates of {act_type[1]}" if isinstance(act_type, tuple) else f"victims of {act_type or 'every act'}"
            wrong.append(f"{what}: {sorted(victims.get(act_type, ()))} (expected {sorted(names)})")
    if expected_pairs is not None and pairs != expected_pairs:
        wrong.append(f"pairs {sorted(pairs)} (expected {sorted(expected_pairs)})")
    return text, wrong


CASES = [(f, lang, i) for f in FRAMES for lang in ("en", "ru", "kk") for i in range(len(NAMES[lang]))]


@pytest.mark.parametrize("frame, language, index", [
    pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason="still failing, see docs/documents.md"))
    if (c[0], c[1]) in STILL_FAILING or c in STILL_FAILING else c for c in CASES])
def test_the_act_goes_to_its_victim(frame, language, index):
    text, wrong = outcome(frame, language, index)
    assert not wrong, f"{text}\n" + "\n".join(wrong)


if __name__ == "__main__":
    import django
    import os
    import sys

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    django.setup()
    verbose = "-v" in sys.argv
    table = {}
    for frame, language, index in CASES:
        text, wrong = outcome(frame, language, index)
        table.setdefault(frame, {}).setdefault(language, [0, 0])
        table[frame][language][0] += not wrong
        table[frame][language][1] += 1
        if wrong and verbose:
            print(f"[{frame} / {language}] {text}\n    " + "\n    ".join(wrong))
    print(f"{'frame':32} {'en':>5} {'ru':>5} {'kk':>5}")
    for frame, row in table.items():
        print(f"{frame:32} " + " ".join(f"{row[lang][0]}/{row[lang][1]:<3}" for lang in ("en", "ru", "kk")))
    total = [sum(row[lang][0] for row in table.values()) for lang in ("en", "ru", "kk")]
    print(f"{'passing':32} " + " ".join(f"{t:>5}" for t in total), "of", len(CASES) // 3, "each")
