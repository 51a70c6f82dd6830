"""Session 14, second wave (h24-ru2): mechanisms behind the false and missed Russian acts of an unseen round.

Built sentences, shapes x languages x frames; every case failed on trial14 (372adcb) except the guards marked so.
No sentence of the corpus or of the evaluation documents.
"""

import pytest

from tests.extracting import acts, dates


# -- a chronicle's paragraph led by its month ("Январь. …", "March: …") ---------------------------------------------
# A year in review, a monthly digest: each paragraph opens with the month alone; the acts it tells are of that month
# (before, they had no date at all, or the month of the paragraph before).
LEADS = {
    "ru": [("Март", "2023-03"), ("Октябрь", "2023-10"), ("Май", "2023-05")],
    "en": [("March", "2023-03"), ("October", "2023-10"), ("May", "2023-05")],
    "kk": [("Наурыз", "2023-03"), ("Қазан", "2023-10"), ("Мамыр", "2023-05")],
}
ACT_SENTENCES = {
    "ru": ("Марата Ахметова задержали у акимата.", "Марат Ахметов"),
    "en": ("Police detained Marat Akhmetov outside the akimat.", "Marat Akhmetov"),
    "kk": ("Марат Ахметов әкімдік алдында ұсталды.", "Марат Ахметов"),
}
FILLER = {"ru": "Дело о митинге.", "en": "The rally case.", "kk": "Митинг ісі."}
TITLE = {"ru": "ИТОГИ ГОДА\n\n", "en": "THE YEAR IN REVIEW\n\n", "kk": "ЖЫЛ ҚОРЫТЫНДЫСЫ\n\n"}


@pytest.mark.parametrize("language", ["ru", "en", "kk"])
@pytest.mark.parametrize("which", [0, 1, 2])
@pytest.mark.parametrize("separator", [".", ":", " —"])
@pytest.mark.parametrize("second", [False, True])
def test_a_paragraph_led_by_a_month_dates_its_acts_to_that_month(language, which, separator, second):
    month, expected = LEADS[language][which]
    sentence, victim = ACT_SENTENCES[language]
    other_month = LEADS[language][(which + 1) % 3][0]
    text = (TITLE[language] + f"{other_month}{separator} {FILLER[language]}\n\n"
            + f"{month}{separator} " + (FILLER[language] + " " if second else "") + sentence)
    assert expected in dates(text, "2023-12-28")
    assert any(v == victim and d == expected for v, _, d in acts(text, "2023-12-28")), acts(text, "2023-12-28")


@pytest.mark.parametrize("text, published", [
    ("Мая. Марата Ахметова задержали.", "2023-12-28"),        # a Russian month in another case heads nothing
    ("Jan. 5 2020 was the day Marat Akhmetov was detained.", "2023-12-28"),  # an abbreviation with its day
])
def test_no_month_lead_in_other_shapes(text, published):  # guard
    assert "2023-05" not in dates(text, published) and "2023-01" not in dates(text, published)


def test_a_month_lead_after_the_document_date_is_of_the_year_before():
    text = "ОБЗОР\n\nДекабрь. Марата Ахметова задержали у акимата."
    assert ("Марат Ахметов", "2022-12") in {(v, d) for v, _, d in acts(text, "2023-02-10")}


# -- the offence's name in brackets after its article --------------------------------------------------------------
# "виновным по ч. 3 ст. 24 УК РК (покушение)": the bracket names what the article punishes; no act was done to the
# accused (before, a trigger inside the bracket, "покушение", "torture", "қорқыту", made an attack, a torture …).
GLOSSES = {
    "ru": ("Суд признал Марата Ахметова виновным по {ref} ({gloss}).", "Марат Ахметов",
           ["ч. 3 ст. 24 УК РК", "ст. 380 УК", "ч. 2 ст. 146 УК РК"],
           [("покушение", "attacked"), ("угрозы убийством", "threatened"), ("пытки", "ill_treatment")]),
    "en": ("The court found Marat Akhmetov guilty under {ref} ({gloss}).", "Marat Akhmetov",
           ["Article 146 of the Criminal Code", "Art. 146 CC", "Article 146 part 2"],
           [("torture", "ill_treatment"), ("“threatened violence”", "threatened"), ("abuse: torture", "ill_treatment")]),
    "kk": ("Сот Марат Ахметовты {ref} ({gloss}) бойынша кінәлі деп тапты.", "Марат Ахметов",
           ["ҚК-нің 146-бабы", "146-бап", "ҚК 146-бабының 2-бөлігі"],
           [("азаптау", "ill_treatment"), ("қорқыту", "threatened"), ("«азаптау»", "ill_treatment")]),
}


@pytest.mark.parametrize("language", ["ru", "en", "kk"])
@pytest.mark.parametrize("ref_i", [0, 1, 2])
@pytest.mark.parametrize("gloss_i", [0, 1, 2])
def test_an_offence_named_in_brackets_after_its_article_is_no_act(language, ref_i, gloss_i):
    shape, victim, refs, glosses = GLOSSES[language]
    gloss, act_type = glosses[gloss_i]
    text = shape.format(ref=refs[ref_i], gloss=gloss)
    assert (victim, act_type) not in {(v, t) for v, t, _ in acts(text, "2023-12-28")}


@pytest.mark.parametrize("text, victim, act_type", [
    ("Марата Ахметова пытали в СИЗО (по его словам, били ночью).", "Марат Ахметов", "ill_treatment"),
    ("Police tortured Marat Akhmetov (he said so in court, 5 March).", "Marat Akhmetov", "ill_treatment"),
])
def test_an_act_told_beside_a_bracket_stays(text, victim, act_type):  # guard
    assert (victim, act_type) in {(v, t) for v, t, _ in acts(text, "2023-12-28")}


# -- a man's family name the dictionary does not know, printed only in an oblique case ------------------------------
# "Серикжана Мамбеталина", "Мамбеталину" printed; "Серикжан Мамбеталин" extracted (right): the family name's
# nominative was not among its forms, so the scorer counted every act of that person as false and missed.
SURNAMES = ["Мамбеталин", "Нурмаганбетин", "Есенгазин"]
OBLIQUE = [("а", "Серикжана"), ("у", "Серикжану"), ("е", "Серикжане")]


@pytest.mark.parametrize("surname", SURNAMES)
@pytest.mark.parametrize("ending, given", OBLIQUE)
def test_an_oblique_family_name_stands_for_the_mans_nominative(surname, ending, given):
    from qorgau.documents.evaluation import _resolver
    from qorgau.lib.morphology import family_forms

    assert surname in family_forms(surname + ending)
    resolve = _resolver({"Serikzhan X": [f"{given} {surname}{ending}"]})
    assert resolve(f"Серикжан {surname}") == "Serikzhan X"


# -- the person a group acted for ("в поддержку X", "in support of X") is not the one the group's acts befell ----------
SUPPORT = {
    "ru": ("Марат Ахметов", ["в поддержку Марата Ахметова", "в защиту Марата Ахметова", "сторонников Марата Ахметова"],
           ["Полиция задержала двенадцать участников акции {who}.",
            "Девять активистов после пикета {who} получили административные аресты.",
            "Суд оштрафовал организаторов митинга {who}."]),
    "en": ("Marat Akhmetov", ["in support of Marat Akhmetov", "in solidarity with Marat Akhmetov",
                              "supporters of Marat Akhmetov"],
           ["Police detained twelve people at a rally {who}.",
            "Nine activists at the picket {who} were given administrative arrests.",
            "The court fined the organisers of the rally {who}."]),
}


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("who_i", [0, 1, 2])
@pytest.mark.parametrize("frame_i", [0, 1, 2])
def test_the_person_a_group_acted_for_is_not_its_victim(language, who_i, frame_i):
    victim, whos, frames = SUPPORT[language]
    text = frames[frame_i].format(who=whos[who_i])
    assert victim not in {v for v, _, _ in acts(text, "2023-12-28")}


@pytest.mark.parametrize("text, victim", [
    ("Марата Ахметова задержали после пикета в поддержку политзаключённых.", "Марат Ахметов"),
    ("Police detained Marat Akhmetov at a rally in support of political prisoners.", "Marat Akhmetov"),
])
def test_the_one_who_acted_in_support_stays_a_victim(text, victim):  # guard
    assert victim in {v for v, _, _ in acts(text, "2023-12-28")}


@pytest.mark.parametrize("text, victim", [
    ("Полиция задержала участников пробега в поддержку Марата Ахметова, лидера незарегистрированной партии, "
     "который с мая находится под стражей.", "Марат Ахметов"),
    ("Police detained runners at a run in support of Marat Akhmetov, the leader of the party \"Alga, Kazakhstan!\", "
     "who has been in pre-trial detention since May.", "Marat Akhmetov"),
])
def test_the_person_supported_keeps_the_act_the_text_goes_on_to_tell_of_him(text, victim):  # guard
    assert victim in {v for v, _, _ in acts(text, "2023-12-28")}


# -- "they" after a sentence about an unnamed group is that group, not the one person last acted on -------------------
GROUP_THEN_THEY = {
    "ru": ("Марат Ахметов", "В марте Марата Ахметова задержали в Китае.\n\n",
           ["Участников акции забрали в тот же день.", "Полиция увезла сторонников партии к автобусам.",
            "Журналистов вывели из зала."],
           ["Суд назначил им штрафы.", "Их оштрафовали на следующий день.", "Потом их обыскали."]),
    "en": ("Marat Akhmetov", "In March Marat Akhmetov was detained in China.\n\n",
           ["The participants were taken away the same day.", "Police drove the supporters to the buses.",
            "The protesters stood outside the court."],
           ["They were fined the next day.", "They were later searched.", "Later they were fined again."]),
}


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("group_i", [0, 1, 2])
@pytest.mark.parametrize("then_i", [0, 1, 2])
def test_they_after_an_unnamed_group_is_that_group(language, group_i, then_i):
    victim, lead, groups, thens = GROUP_THEN_THEY[language]
    text = lead + groups[group_i] + " " + thens[then_i]
    assert {t for v, t, _ in acts(text, "2023-12-28") if v == victim} <= {"detained", "arrested"}, \
        acts(text, "2023-12-28")


@pytest.mark.parametrize("text, victim", [
    ("Марата Ахметова и Ерлана Сапарова задержали у акимата. Участников акции увезли. Суд назначил им штрафы.",
     "Марат Ахметов"),
    ("Police detained Marat Akhmetov and Yerlan Saparov. The participants were taken away. The court fined them.",
     "Marat Akhmetov"),
])
def test_they_after_two_named_persons_stays_with_them(text, victim):  # guard
    assert victim in {v for v, t, _ in acts(text, "2023-12-28") if t == "fined"}


# -- an update added after the document's date ("Обновлено: …", "UPDATE: …") ------------------------------------------
# Its undated act came after the document's date: not the month the narrative last named (before, the update's verdict
# took the month of the hearing told in the paragraph above).
UPDATES = {
    "ru": (["Обновлено:", "Upd:", "ОБНОВЛЕНИЕ —"], "Марат Ахметов",
           "10 июля суд начал слушания по делу Марата Ахметова.\n\n",
           ["{u} суд приговорил Марата Ахметова к четырём годам ограничения свободы.",
            "{u} Марата Ахметова оштрафовали на 100 МРП.",
            "{u} Марата Ахметова освободили из СИЗО."]),
    "en": (["UPDATE:", "Update:", "Upd:"], "Marat Akhmetov",
           "On 10 July the court opened the trial of Marat Akhmetov.\n\n",
           ["{u} the court sentenced Marat Akhmetov to four years of restricted freedom.",
            "{u} Marat Akhmetov was fined 100 MCI.",
            "{u} Marat Akhmetov was released from the detention centre."]),
}


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("update_i", [0, 1, 2])
@pytest.mark.parametrize("frame_i", [0, 1, 2])
def test_an_update_tells_of_what_came_after_the_document_date(language, update_i, frame_i):
    words, victim, lead, frames = UPDATES[language]
    text = lead + frames[frame_i].format(u=words[update_i])
    found = {d for v, t, d in acts(text, "2025-08-21") if v == victim and t not in {"tried", "trial_opened"}}
    assert found and all(d >= "2025-08" for d in found), acts(text, "2025-08-21")


def test_an_update_with_its_own_day_keeps_it():  # guard
    text = "10 июля суд начал слушания по делу Марата Ахметова.\n\nОбновлено: 28 августа Марата Ахметова оштрафовали."
    assert ("Марат Ахметов", "fined", "2025-08-28") in acts(text, "2025-08-21")


# -- a verdict's terms read as acts: "смягчающие обстоятельства", time in custody counted towards the term ----------
REQUEST = "Прокурор попросил для Марата Ахметова пять лет. Смягчающих обстоятельств прокурор не нашёл; "
TERMS = [
    (f"Суд приговорил Марата Ахметова к пяти годам, {w}.", "Марат Ахметов", "sentence_reduced")
    for w in ["учтя смягчающие обстоятельства", "приняв во внимание смягчающие обстоятельства",
              "сославшись на смягчающие вину обстоятельства"]
] + [
    (f"{REQUEST}срок в СИЗО {who} засчитать из расчёта полтора дня за один.", "Марат Ахметов", "pretrial_detention")
    for who in ["он предложил"]
] + [
    (f"Marat Akhmetov was sentenced to five years; his time in pre-trial detention {t}.", "Marat Akhmetov",
     "pretrial_detention")
    for t in ["was credited at a day and a half per day", "counts towards the term", "will be deducted from the term"]
]


@pytest.mark.parametrize("text, victim, act_type", TERMS)
def test_the_terms_of_a_verdict_are_no_acts(text, victim, act_type):
    assert (victim, act_type) not in {(v, t) for v, t, _ in acts(text, "2023-12-28")}


@pytest.mark.parametrize("text, victim, act_type", [
    ("Апелляционный суд смягчил Марату Ахметову наказание.", "Марат Ахметов", "sentence_reduced"),
    ("Марата Ахметова поместили в СИЗО на два месяца.", "Марат Ахметов", "pretrial_detention"),
    ("Marat Akhmetov was placed in pre-trial detention for two months.", "Marat Akhmetov", "pretrial_detention"),
])
def test_a_reduction_and_a_custody_told_as_such_stay(text, victim, act_type):  # guard
    assert (victim, act_type) in {(v, t) for v, t, _ in acts(text, "2023-12-28")}
