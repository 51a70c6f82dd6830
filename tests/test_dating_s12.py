"""Session 12, dating acts on text never seen (issue 11): general mechanisms, each tested on documents built from
parts (languages × act frames × how the date is told × what stands above), not on the documents they were found on."""

import itertools

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.records.models.acts import GROUP_OF

PUBLISHED = "2024-05-20"
NAMES = {"en": ["Aigul Sadykova", "Marat Kunaev"], "ru": ["Марат Кунаев", "Дияс Омаров"],
         "kk": ["Марат Құнаев", "Дияс Омаров"]}
DATELINE = {"en": "Almaty, 2 April 2024", "ru": "Алматы, 2 апреля 2024 года", "kk": "Алматы, 2024 жылғы 2 сәуір"}


def acts(text, published=PUBLISHED):
    found = find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text), published=published)
    return {(p.victims[0], GROUP_OF.get(p.act_type, ""), p.date) for p in found if p.kind == "act" and p.victims}


# An act told in a sentence with no day of its own, and the next sentence that dates it by an anaphor ("it happened",
# "the decision was taken", "это произошло", "шешім … шықты", "бұл … болды"), the way a news item tells it.
TOLD_NEXT = {
    "en": [("Police detained the activist {n} outside the regional akimat.", "DEPRIVATION",
            ["It happened on 28 March.", "This took place on Thursday, 28 March, in the evening."]),
           ("A court placed the blogger {n} in pre-trial detention for two months.", "DEPRIVATION",
            ["The decision was taken on Thursday, 28 March.", "An investigative court in Almaty took the decision on "
             "28 March."]),
           ("A court found the journalist {n} guilty and sentenced the journalist to five years in prison.", "PENALTY",
            ["The verdict was announced on 28 March."])],
    "ru": [("Полицейские задержали активиста {n} у здания акимата.", "DEPRIVATION",
            ["Это произошло 28 марта.", "Это случилось в четверг, 28 марта."]),
           ("Суд отправил блогера {n} под домашний арест.", "DEPRIVATION",
            ["Постановление вынесено в четверг, 28 марта."])],
    "kk": [("Полиция белсенді {n} әкімдік ғимаратының алдында ұстады.", "DEPRIVATION",
            ["Бұл 28 наурызда болды.", "Бұл оқиға 28 наурыз күні болды."]),
           ("Сот блогер {n} екі айға қамауға алды.", "DEPRIVATION", ["Шешім 28 наурызда шықты."])],
}


def test_an_act_dated_by_the_next_sentence_takes_that_day_over_the_dateline_above():
    """"Police detained X. It happened on 28 March." (the English order): the act's day is the next sentence's, not
    the dateline's nor the document's month — with or without a dateline above, in en, ru and kk."""
    checked = 0
    for language, frames in TOLD_NEXT.items():
        for (sentence, group, anaphors), name, above in itertools.product(frames, NAMES[language], (True, False)):
            for anaphor in anaphors:
                text = (DATELINE[language] + "\n\n" if above else "") + sentence.format(n=name) + " " + anaphor
                found = {(g, d) for _, g, d in acts(text)}
                assert (group, "2024-03-28") in found, (text, found)
                assert not any(g == group and d in {"2024-04-02", "2024-04", "2024-05", PUBLISHED} for g, d in found), \
                    (text, found)
                checked += 1
    assert checked == 44
    _a_next_sentence_about_something_else_does_not_date_the_act()


def _a_next_sentence_about_something_else_does_not_date_the_act():
    """The anaphor is what ties the day to the act: a next sentence that tells another matter on its day, or a dating
    sentence in a new paragraph (a chronicle's next entry), leaves the act its dateline."""
    for language, other in (("en", "On 28 March the activist gave an interview."),
                            ("ru", "28 марта активист дал интервью."),
                            ("en", "\n\nIt happened on 28 March."),
                            ("ru", "\n\nЭто произошло 28 марта.")):
        sentence, group, _ = TOLD_NEXT[language][0]
        text = DATELINE[language] + "\n\n" + sentence.format(n=NAMES[language][0]) + " " + other
        found = {(g, d) for _, g, d in acts(text)}
        assert (group, "2024-04-02") in found and (group, "2024-03-28") not in found, (text, found)


# A state's start ("since 2018", "с 2018 года", "2018 жылдан бері") dates only the deprivation that has lasted since
# then; a charge or a verdict told beside it has no day from it.
SINCE = {
    "en": ("{n}, who faces charges under Article 274 of the Criminal Code, says that he has been persecuted since "
           "2018.", "{n} has been in custody since 17 April."),
    "ru": ("{n}, которому предъявлено обвинение по статье 274 УК, с 2018 года подвергается преследованию.",
           "{n} с 17 апреля находится под стражей."),
    "kk": ("{n} 2018 жылдан бері қудаланып келеді, оған ҚК-нің 274-бабы бойынша айып тағылды.",
           "{n} 17 сәуірден бері тергеу изоляторында отыр."),
}


def test_a_states_start_dates_the_deprivation_not_a_charge_beside_it():
    checked = 0
    for language, (charge, custody) in SINCE.items():
        for name, above in itertools.product(NAMES[language], (True, False)):
            head = DATELINE[language] + "\n\n" if above else ""
            found = acts(head + charge.format(n=name))
            assert any(g == "PROSECUTION" for _, g, _ in found), (language, found)
            assert not any(g == "PROSECUTION" and d.startswith("2018") for _, g, d in found), (language, found)
            found = acts(head + custody.format(n=name))
            assert any(g == "DEPRIVATION" and d == "2024-04-17" for _, g, d in found), (language, found)
            checked += 1
    assert checked == 12


# Other, unnamed people's acts told beside the article's person ("Seven other people were arrested …", "были
# задержаны и другие активисты", "басқа белсенділер де ұсталды") are not that person's.
OTHERS = {
    "en": ["Police detained {n} on 3 May. Seven other people were arrested in the same case on 5 May and later "
           "released on bail.", "Police detained {n} on 3 May. Other activists were also detained on 5 May."],
    "ru": ["Полицейские задержали {n} 3 мая. 5 мая по тому же делу были задержаны и другие активисты.",
           "Полицейские задержали {n} 3 мая. Другие активисты были задержаны 5 мая."],
    "kk": ["Полиция {n} 3 мамырда ұстады. 5 мамырда басқа белсенділер де ұсталды."],
}
INCLUDING = {"en": "Other activists, including {n}, were detained on 5 May."}


def test_other_peoples_acts_are_not_the_named_persons():
    checked = 0
    for language, texts in OTHERS.items():
        for text, name in itertools.product(texts, NAMES[language]):
            found = acts(text.format(n=name))
            assert ("DEPRIVATION", "2024-05-03") in {(g, d) for _, g, d in found}, (text, found)
            assert not any(d == "2024-05-05" or g == "RELEASE" for _, g, d in found), (text, found)
            checked += 1
    assert checked == 10
    # a person named among them is theirs
    for name in NAMES["en"]:
        found = acts(INCLUDING["en"].format(n=name))
        assert ("DEPRIVATION", "2024-05-05") in {(g, d) for _, g, d in found}, found


# A time placed only near another ("a few days before the referendum of 6 October", "за несколько дней до",
# "бірнеше күн бұрын") gives the act no day: neither the anchor's, nor the narrative's, nor the document's month.
VAGUE = {
    "en": ["A court fined {n} on 20 March. {n} had been detained a few days before the referendum of 6 October "
           "2023.", "Police detained {n} shortly after the rally of 6 October 2023."],
    "ru": ["Суд оштрафовал {n} 20 марта. Его задержали за несколько дней до референдума 6 октября 2023 года.",
           "Полицейские задержали {n} вскоре после митинга 6 октября 2023 года."],
    "kk": ["Полиция {n} 2023 жылғы 6 қазандағы референдумнан бірнеше күн бұрын ұстады."],
}


def test_a_vague_offset_from_another_date_gives_the_act_no_day():
    checked = 0
    for language, texts in VAGUE.items():
        for text, name, above in itertools.product(texts, NAMES[language], (True, False)):
            text = (DATELINE[language] + "\n\n" if above else "") + text.format(n=name)
            deprivations = {d for _, g, d in acts(text) if g == "DEPRIVATION"}
            assert deprivations == {""}, (text, deprivations)
            checked += 1
    assert checked == 20


# A deprivation told by its length ("spent almost a year in a pre-trial detention centre", "почти год провели в
# СИЗО", "бірнеше ай бойы тергеу изоляторында отырды") has no day: not the narrative's last date; after the
# detention was told, it adds no second act.
LENGTH = {
    "en": ("A court fined {n} on 20 March.", "{n} spent almost a year in a pre-trial detention centre.",
           "Police detained {n} in May 2023."),
    "ru": ("Суд оштрафовал {n} 20 марта.", "Почти год {n} провёл в следственном изоляторе.",
           "Полицейские задержали {n} в мае 2023 года."),
    "kk": ("Сот {n} 20 наурызда айыппұл салды.", "{n} бірнеше ай бойы тергеу изоляторында отырды.",
           "Полиция {n} 2023 жылғы мамырда ұстады."),
}


def test_a_deprivation_told_by_its_length_has_no_day_and_restates_the_detention():
    checked = 0
    for language, (dated, length, detention) in LENGTH.items():
        for name in NAMES[language]:
            found = acts(dated.format(n=name) + " " + length.format(n=name))
            deprivations = {d for _, g, d in found if g == "DEPRIVATION"}
            assert deprivations == {""}, (language, found)
            found = acts(detention.format(n=name) + " " + length.format(n=name))
            deprivations = sorted(d for _, g, d in found if g == "DEPRIVATION")
            assert deprivations == ["2023-05"], (language, found)
            checked += 1
    assert checked == 6


# "Before that …" opens an earlier episode the text does not date ("Одан бұрын", "Бұған дейін" in Kazakh, as "До
# этого" in Russian): its act takes no day from the sentence before.
BEFORE_THAT = {
    "en": ("A court sentenced {n} to five years in prison on 3 April.", ["Before that, police searched the home of {n}."]),
    "ru": ("Суд приговорил {n} к пяти годам лишения свободы 3 апреля.", ["До этого у {n} провели обыск."]),
    "kk": ("Сот {n} 3 сәуірде бес жылға бас бостандығынан айырды.",
           ["Одан бұрын полиция {n} үйін тінтті.", "Бұған дейін полиция {n} үйін тінтті."]),
}


def test_an_episode_before_that_takes_no_day_from_the_sentence_before():
    checked = 0
    for language, (dated, earlier) in BEFORE_THAT.items():
        for sentence, name in itertools.product(earlier, NAMES[language]):
            found = acts(dated.format(n=name) + " " + sentence.format(n=name))
            assert ("PENALTY", "2024-04-03") in {(g, d) for _, g, d in found}, (language, found)
            assert ("HARASSMENT", "") in {(g, d) for _, g, d in found}, (language, found)
            checked += 1
    assert checked == 8


# A Kazakh sentence that ends in a present state ("… сотталып, 64-мекемеде жазасын өтеп жатыр", he was sentenced
# and is serving his term) tells where things stand: the verdict in its converb takes no day from the sentence before.
PRESENT_END = ["{n} да 174-бап бойынша үш жылға сотталып, Астанадағы 64-мекемеде жазасын өтеп жатыр.",
               "{n} 405-бап бойынша ұсталып, әлі де тергеу изоляторында отыр."]


def test_a_kazakh_sentence_ending_in_a_present_state_dates_no_act_in_it_by_the_narrative():
    checked = 0
    for sentence, name in itertools.product(PRESENT_END, NAMES["kk"]):
        text = "Полиция 2024 жылғы 3 сәуірде белсенді Асқар Бекұлын ұстады. " + sentence.format(n=name)
        found = acts(text)
        assert any(v == "Асқар Бекұлы" or d == "2024-04-03" for v, _, d in found), found
        mine = {(g, d) for v, g, d in found if v != "Асқар Бекұлы" and v.split()[0] == name.split()[0]}
        assert mine and all(d == "" for _, d in mine), (text, found)
        checked += 1
    assert checked == 4


# "The court took the decision on Saturday, a day after police detained him": the act in the clause counted back from
# the main clause's day took place that many days before it.
COUNTED_BACK = [("a day", 1), ("two days", 2), ("a week", 7)]
MAIN_CLAUSES = ["A court in Almaty placed {n} in pre-trial detention on Saturday, 20 April, {k} after police detained "
                "the activist.", "On 20 April a court fined {n}, {k} after police had detained the activist at a rally."]


def test_an_act_counted_back_from_the_main_clauses_day_takes_the_earlier_day():
    checked = 0
    for (words, days), frame, name in itertools.product(COUNTED_BACK, MAIN_CLAUSES, NAMES["en"]):
        text = frame.format(n=name, k=words)
        found = {(g, d) for _, g, d in acts(text)}
        assert ("DEPRIVATION", f"2024-04-{20 - days:02d}") in found, (text, found)
        checked += 1
    assert checked == 12
    # "two days after the rally of 18 April": a date after "after" is the anchor's own, not counted back
    found = {(g, d) for _, g, d in acts("Police detained Aigul Sadykova on 20 April, two days after the rally of 18 "
                                        "April.")}
    assert ("DEPRIVATION", "2024-04-20") in found, found


# A deprivation told in a present relative or participle clause describes the person ("…, who is held in a pre-trial
# detention centre, …", "…, находящийся под стражей, …"): no day from the narrative or a dateline; a date inside the
# clause is its own.
BEFORE = {"en": "On 5 May police detained the activist Marat Kunaev in Almaty.",
          "ru": "5 мая полиция задержала активиста Марата Кунаева."}
RELATIVE = {
    "en": ["The blogger {n}, who is held in a pre-trial detention centre, went on hunger strike.",
           "Relatives of {n}, who is still held in a pre-trial detention centre, asked for a meeting."],
    "ru": ["Блогер {n}, находящийся под стражей, объявил голодовку.",
           "Блогер {n}, который содержится в СИЗО, объявил голодовку."],
}
OWN_DAY = {"en": "The blogger {n}, who has been held in a pre-trial detention centre since 3 May, went on hunger strike.",
           "ru": "Блогер {n}, который содержится в СИЗО с 3 мая, объявил голодовку."}


def test_a_state_in_a_relative_clause_takes_no_day_but_its_own():
    checked = 0
    for language, frames in RELATIVE.items():
        name = {"en": "Aigul Sadykova", "ru": "Дияс Омаров"}[language]
        for frame, opening in itertools.product(frames, (BEFORE[language], DATELINE[language] + "\n\n")):
            text = opening + " " + frame.format(n=name)
            mine = {d for v, g, d in acts(text) if v == name and g == "DEPRIVATION"}
            assert mine == {""}, (text, mine)
            checked += 1
        text = BEFORE[language] + " " + OWN_DAY[language].format(n=name)
        assert {d for v, g, d in acts(text) if v == name and g == "DEPRIVATION"} == {"2024-05-03"}, text
    assert checked == 8
