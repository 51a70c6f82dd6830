"""Acts from sentences: who had what done to them, when, under which provisions, with what penalty.

A sentence with a trigger ("were summoned", "was detained", "placed under house arrest", "sentenced to five
years") proposes one act per victim named in it. Victims are the persons in the sentence who are not named as
perpetrators ("Investigator …", "Judge …", "by …"); a sentence with a trigger and no person refers to the last
victim named ("She was …"). The date is the sentence's own date, else the date that heads its line
("17 May 2016: …"). Provisions in the sentence come with the relation the trigger implies. Counted but unnamed
victims ("at least 34 people were arrested") become tallies.
"""

import bisect
import datetime
import itertools
from qorgau.lib import patterns as re  # `re`, with compiled patterns kept across processes (start-up)
from functools import lru_cache

from . import lexicon
from .dates import KK_ATTRIBUTIVE_DATE, KK_MONTH, RU_MONTH, find_dates  # (the participle rule: dates.py, it sets no year there)
from .provisions import of_edition
from qorgau.lib.morphology import family_forms, given_name_gender
from qorgau.lib.prefilter import led, may_match
from .spans import Proposal, stop_positions, text_find, text_rfind
from .triggers import Triggers

# The words are data (lexicon/<language>/triggers.tsv, lexicon/act_types.tsv); every language's triggers are tried
# on every text (reports quote one another across languages).
ACT_TYPES = {row[0]: row for row in lexicon.table("act_types")}
_TRIGGERS = lexicon.grouped("triggers")
# Every trigger starts a word: the look-behind first lets the engine leave mid-word positions at once (speed).
COMPILED = [(act_type, re.compile(rf"(?<!\w)(?:{_TRIGGERS[act_type]})", re.I)) for act_type in ACT_TYPES
            if act_type in _TRIGGERS]
# The same, by the script the words are written in: a sentence without Latin letters is not searched for English
# triggers (speed; the results are the same).
BY_SCRIPT = {}
for _language in lexicon.languages():
    for _act_type, _pattern in lexicon.table("triggers", language=_language):  # kk rows come in both scripts
        _script = "cyrillic" if lexicon.CYRILLIC_LETTER.search(_pattern) else "latin"
        BY_SCRIPT.setdefault((_act_type, _script), []).append(_pattern)
BY_SCRIPT = {key: re.compile(rf"(?<!\w)(?:{'|'.join(f'(?:{p})' for p in patterns)})", re.I)
             for key, patterns in BY_SCRIPT.items()}
TRIGGERS = Triggers(BY_SCRIPT, ACT_TYPES)
RELATION = {act_type: row[1] for act_type, row in ACT_TYPES.items()}
# "X's lawyer … his/her client": the client is X.
CLIENT_OF = re.compile(r"^[’']s\s+(?:lawyers?|counsel|attorneys?|defen[cs]e)", re.I)
CLIENT = re.compile(r"(?<!\w)(?:his|her|their|the)\s+clients?(?!\w)", re.I)
NOMINAL_ONLY_OK = {act_type for act_type, row in ACT_TYPES.items() if row[2] == "yes"}
TAKES_PROVISIONS = {act_type for act_type, row in ACT_TYPES.items() if row[3] == "yes"}
TAKES_PENALTY = {act_type for act_type, row in ACT_TYPES.items() if row[4] == "yes"}
MODIFIERS = lexicon.grouped("modifiers")
# One language's modifiers, where the same kind means different words per language ("counted_number")
MODIFIERS_RU, MODIFIERS_KK = lexicon.grouped("modifiers", language="ru"), lexicon.grouped("modifiers", language="kk")
OFFICIAL_ROLES = {"official", "judge", "investigator", "prosecutor", "police"}
# Institutions that act on victims ("police", "the KNB", "суд"): recorded on the act, never as victims.
BODIES = [(kind, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I)) for kind, pattern in
          lexicon.grouped("perpetrators", key=1, value=0).items()]
PERPETRATOR_CUE = re.compile(rf"(?<!\w)(?:{MODIFIERS['perpetrator']}|{MODIFIERS['agent']})\s*[,:–—-]?\s*$", re.I)
# Named as a source or a companion ("according to X", "his lawyer X", "поговорил с X", "X-тың айтуынша", "Әблязовпен"):
# neither victim nor perpetrator of the sentence's act.
BYSTANDER_BEFORE = re.compile(rf"(?<!\w)(?:{MODIFIERS['bystander']})\s*,?\s*$", re.I)
BYSTANDER_AFTER = re.compile(rf"^\S*\s+(?:{MODIFIERS['bystander_after']})(?!\w)", re.I)
BYSTANDER_ENDING = re.compile(rf"(?:{MODIFIERS['bystander_ending']})$(?!\s+бірге)", re.I)
OFFICIAL_TITLE = re.compile(rf"(?<!\w)(?:{MODIFIERS['perpetrator']})\s*[,:]?\s*$", re.I)
# "Investigator of the Almaty Department of Internal Affairs, T. Yerzhanova": a title with its office before the name.
OFFICIAL_OF = re.compile(rf"(?<!\w)(?:{MODIFIERS['perpetrator']})\s+(?:of|at|from)\s+[^.;:()\n]{{0,70}},\s*$", re.I)
# "судья межрайонного суда по административным правонарушениям Бибигуль Шамшаева", "следователь департамента
# полиции Алматы Иван Петров", "судья апелляционной коллегии Рустем Жансыкбаев": a Russian title, its office in the
# genitive (adjectives, the office's noun — `office` in lexicon/ru/modifiers.tsv —, "по … делам", a place), then the
# name; "по особо важным делам" may also stand before the office ("следователь по особо важным делам департамента
# полиции … области Николай Вязников").
OFFICIAL_OF_RU = re.compile(
    rf"(?<!\w)(?:{MODIFIERS['perpetrator']})\s+(?:по\s+(?:[а-яё]+\s+){{0,2}}делам\s+)?(?:[а-яё-]+(?:ого|его|ой|ей|ых|их)\s+){{0,3}}"
    rf"(?:{MODIFIERS['office']})"
    rf"(?:\s+(?:по\s+[а-яё]+\s+[а-яё]+|[а-яё]+(?:ого|ой|ых|ской|ского)|города|г\.|области|района|№\s*\d+|"
    rf"{MODIFIERS['office']}|[А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*(?:ы|и|а|е|ого|ой)))*\s*,?\s*$")
# "X, the head of the local police department, …", "X, an investigator of the KNB,": an official named with an
# apposition after the name.
OFFICIAL_APPOSITION = re.compile(
    r",\s*(?:the\s+|a\s+|an\s+)?(?:(?:deputy\s+)?(?:head|chief|director|commander)\s+of\s+(?:the\s+)?[^,;.]{0,50}?"
    r"(?:police|prosecutor|court|KNB|National Security|penitentiary|colony|prison|investigat\w*|internal affairs)"
    r"|(?:[a-z-]+\s+){0,2}(?:police officer|investigator|prosecutor|judge|officer|prison governor|warden))\b(?!\s+[A-Z])")
# (in lower case: ", Investigator X asked" is another person with a title, not an apposition)
AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|be|being|got|get|had|has|have)\s+(?:\w+\s+){0,2}$", re.I)
HEADING = re.compile(r"^\s*(?:\d+\.\s+[A-ZА-Я]|[A-ZА-Я][A-ZА-Я\s,:’'-]{12,}$)", re.M)


# A trigger under these words reports no act: a wish, a fear, a request, a denial.
NOT_AN_ACT = re.compile(rf"(?<!\w)(?:{MODIFIERS['not_an_act']})\s+(?:\w+\s+){{0,5}}$")
# … or followed by them, in a language whose verb ends the sentence: "айыру қаупі төніп тұр" (faces the risk of),
# "жазасы қарастырылған" (the article provides), "бас бостандығынан айыруды сұрады" (asked for).
# A trigger whose last word carries one of these endings names no act of its own (kk: the ablative "әкімшілік
# қамақтан босады" is the place left, the genitive "тергеу изоляторының күзетшілері" the owner of something else).
NOT_AN_ACT_ENDING = re.compile(rf"(?:{MODIFIERS['not_an_act_ending']})$", re.I) \
    if "not_an_act_ending" in MODIFIERS else None
KK_UNTIL_ENDING = re.compile(rf"(?:{MODIFIERS_KK['not_an_act_until']})$", re.I) \
    if "not_an_act_until" in MODIFIERS_KK else None
KK_CONDITIONAL_ENDING = re.compile(rf"(?:{MODIFIERS_KK['not_an_act_conditional']})$", re.I) \
    if "not_an_act_conditional" in MODIFIERS_KK else None
KK_NEGATIVE_VERB = re.compile(rf"(?:{MODIFIERS_KK['not_an_act_negative']})$", re.I) \
    if "not_an_act_negative" in MODIFIERS_KK else None
KK_NEGATIVE_AFTER = re.compile(rf"\s+(?:{MODIFIERS_KK['not_an_act_negative_after']})(?!\w)", re.I) \
    if "not_an_act_negative_after" in MODIFIERS_KK else None
NOT_AN_ACT_AFTER = re.compile(rf"^\W{{0,3}}(?:\w+\s+)?(?:{MODIFIERS['not_an_act_after']})(?!\w)", re.I) \
    if "not_an_act_after" in MODIFIERS else None
NOT_AN_ACT_SENTENCE_END = re.compile(rf"(?<!\w)(?:{MODIFIERS['not_an_act_sentence_end']})[\s.!?»\")]*$", re.I) \
    if "not_an_act_sentence_end" in MODIFIERS else None
# Words after a deprivation that make it the time served, counted towards a term ("… үй қамағында өткізген уақыт").
TIME_SERVED_AFTER = re.compile(rf"[^.;!?]{{0,80}}?(?<!\w)(?:{MODIFIERS['time_served_after']})(?!\w)", re.I) \
    if "time_served_after" in MODIFIERS else None
# Kazakh triggers in the Latin alphabet (lexicon/kk/latin.tsv) are verbs as their Cyrillic forms are.
KK_LATIN_TRIGGER = re.compile("|".join(f"(?:{pattern})" for _, pattern in lexicon.table("triggers", "kk")
                                       if not lexicon.CYRILLIC_LETTER.search(pattern)) or "(?!)", re.I)
# (case-sensitive on purpose: "May" is a month)
RELATIVE_AFTER = re.compile(r"^[’']s\s+(?:daughter|son|wife|husband|relatives|family|lawyer|counsel|sister|brother|"
                            r"mother|father|children|colleague)", re.I)
NOMINAL_ONLY_OK = {"house_arrest", "psychiatric_detention", "pretrial_detention", "administrative_detention",
                   "ill_treatment", "extradition_sought", "investigated", "searched", "summoned", "dismissed", "tried",
                   "sentence_reduced", "assets_frozen", "property_damaged", "civil_lawsuit", "travel_restricted"}
# Triggers that are verbs by themselves ("the court upholds the decision", "the trial begins", "found guilty").
# A time before now the text does not give ("more than a year ago", "years ago", "some time ago").
VAGUE_AGO = re.compile(r"(?<!\w)(?:(?:more than|over|about|almost|nearly|some|a few|several|many)\s+)?"
                       r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|many|\d+\s+)?\s*"
                       r"(?:years?|months?)\s+ago\b|(?<!\w)(?:long|some time) ago\b", re.I)
# "a few days before the referendum of 6 October 2024", "за несколько дней до акции", "бірнеше күн бұрын": a time the
# text places only near another (lexicon vague_offset): the act has no day of its own, and the date after "before" /
# "до" is the anchor's, not the act's.
VAGUE_OFFSET = re.compile(rf"(?<!\w)(?:{MODIFIERS['vague_offset']})(?!\w)", re.I) if "vague_offset" in MODIFIERS \
    else None
# "the five spent almost a year in a pre-trial detention centre", "почти год они провели в СИЗО", "бірнеше ай бойы
# тергеу изоляторында отырды": a deprivation told by its length (lexicon duration_state, in its clause before the
# trigger) has no day of its own, and takes none from the narrative; an act told elsewhere with its day is the same
# (without_undated_duplicates).
DURATION_STATE = re.compile(rf"(?<!\w)(?:{MODIFIERS['duration_state']})(?!\w)", re.I) if "duration_state" in MODIFIERS \
    else None
DEPRIVATIONS = {"detained", "arrested", "pretrial_detention", "house_arrest", "psychiatric_detention", "imprisoned",
                "administrative_detention"}


def _told_by_length(sentence, hit_start, act_type):
    if DURATION_STATE is None or act_type not in DEPRIVATIONS:
        return False
    clause_from = max([0] + [m.end() for m in re.finditer(r"[;:]|,\s+(?:but|while|а|но|ал|бірақ)\s|(?<!\w)(?:but|а|но|бірақ)\s",
                                                           sentence[:hit_start])])
    return bool(DURATION_STATE.search(sentence, clause_from, hit_start))


VAGUE_ANCHOR = re.compile(r"(?:before|after|prior to|до|после|бұрын|кейін)\s*$", re.I)


def vague_anchor(text, sentence_start, date):
    """Whether the date is the anchor a vague offset counts from ("a few days before [the referendum of] 6 October")."""
    if VAGUE_OFFSET is None:
        return False
    for m in VAGUE_OFFSET.finditer(text, max(sentence_start, date.start - 80), date.start):
        if VAGUE_ANCHOR.search(m.group()) and not re.search(r"[,;:.]", text[m.end():date.start]):
            return True
    # Kazakh puts the anchor first: "6 қазандағы референдумнан бірнеше күн бұрын"
    after = VAGUE_OFFSET.search(text, date.end, date.end + 50)
    return bool(after and KAZAKH.search(after.group()) and VAGUE_ANCHOR.search(after.group())
                and not re.search(r"[,;:.]", text[date.end:after.start()]))


HISTORICAL_PRESENT = re.compile(r"(?:detains?|sentences|finds|convicts|jails|charges?|indicts|remands|releases|frees|"
                                r"fines|questions|sends"
                                # (session 14: every verb of lexicon/en/triggers.tsv's present rows, both persons)
                                # with their object, so that a noun ("days of arrest", "his release") stays one
                                r"|(?:arrests?|sentence|convict|indict|fine|interrogates?|question|summons?|release|free|"
                                r"acquits?|tortures?|beats?|imprisons?|attacks?|threatens?|takes?|apprehends?|jail)"
                                r"(?= (?:him|her|them|(?-i:[A-Z]))))\b", re.I)
VERB_TRIGGER = re.compile(r"upholds?|found (?:[\w.’'-]+ ){0,6}guilty|begins|began|opened|started|accused|raided|stood|went on|put on", re.I)
# Background: an example, an earlier episode ("For example, …", "had previously faced …"). Such a sentence, and the
# undated sentences after it in its paragraph, take no date from the narrative around them.
PRONOUN = re.compile(rf"(?<!\w)(?:(?P<they>{MODIFIERS['they']})|(?P<she>{MODIFIERS['she']})|(?P<he>{MODIFIERS['he']}))(?!\w)",
                     re.I)
PRONOUN_WORDS = {kind: {w.lower() for row in lexicon.table("modifiers") if row[0] == kind for w in row[1].split("|")}
                 for kind in ("she", "he")}
EARLIER = re.compile(rf"(?<!\w)(?:{MODIFIERS['earlier']})\s+(?:\w+\s+)?$", re.I)
# "Later", "впоследствии": an act after the narrative's date, on a day the text does not give.
LATER = re.compile(rf"(?<!\w)(?:{MODIFIERS['later']})(?!\w)", re.I) if "later" in MODIFIERS else None
ABROAD = re.compile(rf"\s*(?:{MODIFIERS['abroad']})(?!\w)")
# "Если он продолжит голодовку, его жизнь окажется под угрозой": a sentence opening with a condition tells what
# would happen, not what did.
CONDITIONAL = re.compile(rf"[\W\d]*(?:{MODIFIERS['conditional']})(?!\w)", re.I) if "conditional" in MODIFIERS else None
DEMAND_LEMMAS = {lemma for row in lexicon.table("modifiers") if row[0] == "demand" for lemma in row[1].split("|")}
DEMAND_START = re.compile(r"[\W\d]*((?:[а-яё]+[\s,:]+){1,4})", re.I)
SKIPPED_AT_START = {"ADVB", "PRCL", "NPRO", "CONJ", "PRED"}
DEMAND_HINT = re.compile(r"(?:ть|ти|чь|ться|тись)(?![а-яё])|треб|призыв|призва|прос|насто|добива", re.I)


@lru_cache(maxsize=20000)
def _first_parse(word):
    from qorgau.lib.morphology import _analyser

    return _analyser().parse(word)[0]


def _demand(sentence):
    """A Russian sentence opening with a demand ("Мы требуем: — немедленно освободить А;", "Освободить Б!"): its first
    verb, after adverbs, particles and "мы", is an infinitive, or a first-person or imperative verb of demand."""
    m = DEMAND_START.match(sentence[:80] + " ")
    if not m or not DEMAND_LEMMAS or not DEMAND_HINT.search(m.group(1)):
        return False  # (no infinitive ending nor demand stem among the first words: no parse needed)
    for word in re.findall(r"[а-яё]+", m.group(1).lower()):
        parse = _first_parse(word)
        if parse.tag.POS in SKIPPED_AT_START:
            continue
        if parse.tag.POS == "INFN":
            return True
        return parse.tag.POS == "VERB" and parse.normal_form in DEMAND_LEMMAS and (
            parse.tag.person == "1per" or parse.tag.mood == "impr")
    return False
PLANNED_DATE = re.compile(r"(?<!\w)(?:called|planned|scheduled|set|due) for\s+$", re.I)
LAW_DATE = re.compile(r"(?:Code|Law|law|article|Article|amendments?)[^.;:]{0,40}?,?\s+(?:which was\s+|that was\s+)?"
                      r"(?:adopted|passed|enacted|amended|introduced|signed|in force)(?:\s+(?:in|on|since))?\s+$")
EVENT_DATE = re.compile(rf"(?<!\w)(?:за|после|перед|о|об|из-за|в связи с)\s+(?:[а-яё]+\s+){{0,2}}(?:{MODIFIERS['event_noun']})"
                        r"(?:\s+(?:на|от))?\s+$", re.I) \
    if "event_noun" in MODIFIERS else None
# "during the January 2022 unrest", "after the 2011 Zhanaozen events": a date that names an event (the date, then an
# event noun) is the event's, not the act's, when the sentence gives the act a date of its own
EVENT_NAMED_BY_DATE = re.compile(rf"^(?:\s+(?-i:[A-Z])[\w-]+)?\s+(?:{MODIFIERS['event_noun_after']})(?!\w)", re.I) \
    if "event_noun_after" in MODIFIERS else None
PAIR = re.compile(rf"(?<!\w)(?:{MODIFIERS['pair']})(?!\w)", re.I)
BACKGROUND = re.compile(rf"(?<!\w)(?:{MODIFIERS['background']})(?!\w)", re.I)
CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.I)
LATIN = re.compile(r"[a-z]", re.I)
KAZAKH = re.compile(r"[әғқңөұүһі]", re.I)
VERDICT_DATE = re.compile(rf"(?:{MODIFIERS['verdict_date']})\s*:?\s*", re.I)
FEMALE_END = re.compile(r"(?:a|kyzy|qyzy|а|я|кызы|қызы)$")


# Russian given names by gender (lexicon/ru/given_names.tsv), before the dictionary's reading ("Жанар" f).
RU_GIVEN_GENDER = {row[0]: row[1] for row in lexicon.table("given_names", "ru")} if "ru" in lexicon.languages() else {}


MALE_FAMILY_END = re.compile(r"(?:ov|ev|yev|iev|in|yn|uly|ұлы|улы|ов|ев|ёв|ин|ын)$")


def _female(name):
    words = name.split()
    if len(words) > 1 and CYRILLIC.search(name) and not FEMALE_END.search(words[-1].lower()):
        # "Дана Шевченко", "Сауле Жумабек", "Шевченко Дана Игоревна": a woman's given name or patronymic says so
        if re.search(r"(?:овна|евна|ична)$", words[-1]) or any(
                RU_GIVEN_GENDER.get(w) == "f" or (w not in RU_GIVEN_GENDER and given_name_gender(w) == "f")
                for w in words[:2] if not w.endswith(".")):
            return True
    if len(words) > 1 and MALE_FAMILY_END.search(words[-1]) and not FEMALE_END.search(words[-1].lower()):
        return False  # "Bakhytzhan Kashkumbayev", "Zhanat Zhamaliyev": a given name both men and women bear, a man's
        # family name
    return bool(words) and (bool(FEMALE_END.search(words[-1].lower())) or words[0] in {
        "Ardak", "Aigerim", "Asel", "Dana", "Zhanar", "Saule", "Gaukhar", "Botagoz", "Ardak", "Akmaral", "Akbota",
        "Dilnar", "Maygul", "Maigul", "Aynura", "Fariza", "Guzyal", "Bakhytzhan", "Zinaida", "Natalia", "Yulia",
        "Elena", "Tatiana", "Azhar", "Zhanat", "Ардак", "Акмарал", "Ақмарал", "Гузяль", "Айнура"})


# An apposition or a relative clause between commas right after a name ("A, the leader of the party, was …").
APPOSITION = re.compile(r"^\s*,[^,;:.()\n]{3,150},(?=\s)")
BARE_GLUE = re.compile(r"^\s*(?:,\s*and|,|and|и|&|мен|пен|бен|және)\s*$")  # "A, B and C": nothing else between
# (Russian: a home town after the name, "Жанат Жамалиев из Экибастуза,", and "а также" join a list too; a role word
# may stand before the next name, "… и активистка Назгуль Жусупова")
LIST_GLUE = re.compile(r"^\s*(?:\([^)]{0,40}\)|,\s*\d{1,3}(?=\s*,)|\s*из\s+[А-ЯЁ][а-яё-]+)?\s*"
                       r"(?:,\s*and|,\s*а\s+также|а\s+также|,\s*и|,|and|и|&|мен|пен|бен|және)\s*"
                       r"(?:(?:the\s+)?(?!(?:while|whereas|but|although|though|when|after|before|because|as|who|whom|"
                       r"which|whose|then|later)\b)[a-z\-]+\s+){0,3}(?:[а-яё\-]+\s+){0,2}"
                       r"(?:[А-ЯЁ][А-ЯЁа-яё\-]*[А-ЯЁ][\w-]*\s+)?$")  # "и Касенов, и генеральный директор КазТАГ Асет Матаев"


OBLIQUE_NAMED = re.compile(r"(?<!together )(?<!along )(?<!\w)(?:with|by|from)\s+(?:the\s+|an?\s+)?"
                           r"(?:[a-z-]+\s+){0,3}$")


def _named_obliquely(text, mention, floor=0):
    """A Latin name right after "with", "by" or "from" (a role between allowed): "a complaint by the businesswoman
    B", "an interview with A" — a complainant, a source or an interviewee (not "together with", a companion in the
    act)."""
    return bool(LATIN.search(text[mention.start:mention.end]) and
                OBLIQUE_NAMED.search(text, max(floor, mention.start - 50), mention.start))


def subject_of(text, trigger_start, trigger_end, persons):
    """The names a trigger is about: the names inside it ("found A and B guilty"), else the list of names just
    before it (its subject), else just after it."""
    inside = [m for m in persons if trigger_start <= m.start and m.end <= trigger_end]
    if inside:
        # "sent A to prison for five years and B for three": B, followed by its own term, shares the verb
        for m in (m for m in persons if m.start >= trigger_end):
            glue = text[inside[-1].end:m.start]
            if (GAPPED_GLUE.fullmatch(glue) or TERM_GLUE.fullmatch(glue)) and REMNANT.match(text, m.end) or \
                    VERDICT_GLUE.fullmatch(glue) and re.match(r"\s+(?:under|of)\s", text[m.end:m.end + 8]):
                inside.append(m)  # "found A guilty under Article 174 and B under Article 274"
            else:
                break
        return inside
    before = [m for m in persons if m.end <= trigger_start]
    if before:
        last = before[-1]
        gap = APPOSITION.sub("", text[last.end:trigger_start], count=1)
        if len(gap.split()) <= 14 and not re.search(r"[;:]|\.(?!\d)", gap):  # "1.5 years" stops nothing
            chosen = [last]
            for m in reversed(before[:-1]):
                # "A, a former oil worker who was tried on the same counts, and B, …, were given …"
                # "A in Ekibastuz, B in Astana and C in Almaty were each given …": each name with its own place
                if LIST_GLUE.match(APPOSITION.sub("", text[m.end:chosen[0].start], count=1)) or (
                        GAPPED_GLUE.fullmatch(text[m.end:chosen[0].start]) and REMNANT.match(text, last.end)):
                    chosen.insert(0, m)
                else:
                    break
            # "… A to prison for five years and B for three": a name right after the term, with a term of its own
            nxt = next((m for m in persons if m.start >= trigger_end), None)
            if nxt is not None and re.fullmatch(r"\s*,?\s*and\s+", text[trigger_end:nxt.start]) and \
                    REMNANT_TERM.match(text, nxt.end):
                chosen.append(nxt)
            return chosen + _gapped(text, trigger_start, trigger_end, persons) + \
                _gapped_dash(text, trigger_end, persons, chosen)
    after = [m for m in persons if m.start >= trigger_end]
    # ("the case was opened after a complaint by the businesswoman B", "… over an interview with A": the person
    # named after "by", "from" or "with" is the complainant, the source or the interviewee, not the object)
    after = [m for m in after if not _named_obliquely(text, m, trigger_end)]
    if after:
        first = after[0]
        if len(text[trigger_end:first.start].split()) <= 20 and not re.search(r"[.;:]", text[trigger_end:first.start]):
            chosen = [first]
            for m in after[1:]:
                # "… for A, an activist of the party, and the human rights defender B"
                glue = APPOSITION.sub("", text[chosen[-1].end:m.start], count=1)
                if LIST_GLUE.match(glue) and not re.search(r"(?<!\w)(?:who|whose|whom|which)(?!\w)", glue) or (
                        GAPPED_GLUE.fullmatch(glue) and REMNANT.match(text, m.end)):  # "detained A in X and B in Y"
                    chosen.append(m)
                else:
                    break
            return chosen + _gapped_dash(text, trigger_end, persons, chosen)
    return []


ALL_THOSE = re.compile(r"\s*(?:All|Both|Each)\s+(?:(?:of\s+)?(?:those|the)\s+\w+(?:\s+\w+)?|(?:\d+|two|three|four|five|six|"
                       r"seven|eight|nine|ten)(?:\s+of\s+them)?)\s+(?:(?:were|was|are|have|had)\b|(?=(?:left|walked|came|got)\b))")
# (the verb: an auxiliary, or one a release is told by, "All five left the court building free")
# (and by term: "sentenced A to six years in prison and B to five")
GAPPED_GLUE = re.compile(r"\s+(?:in|at|on|near|outside|from|to)\s+[^,;.()]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)
REMNANT = re.compile(r"\s+(?:in|at|on|near|outside|from|to)\s|\s+for\s+(?:\d+|one|two|three|four|five|six|seven|"
                     r"eight|nine|ten|a year)\b", re.I)  # "… sent A to prison for five years and B for three"


VERDICT_GLUE = re.compile(r"\s+guilty\s+(?:under|of)\s+[^;.()]{1,60}?\s+and\s+", re.I)
TERM_GLUE = re.compile(r"\s+for\s+[^,;.()]{1,40}?(?:years?|months?|days?)\s+and\s+", re.I)
REMNANT_TERM = re.compile(r"\s+(?:for|to)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)


def _gapped(text, trigger_start, trigger_end, persons):
    """The subjects of a passive verb said once for several places ("A was detained in Shymkent, B and C in Almaty,
    and D in Shortandy"): each later group is followed by its own place, with no verb of its own."""
    if not re.search(r"(?:was|were)\s+(?:\w+\s+)?$", text[max(0, trigger_start - 20):trigger_start], re.I):
        return []
    extra, position, group = [], trigger_end, []
    for m in (m for m in persons if m.start >= trigger_end):
        glue = text[position:m.start]
        if (not group or extra and position == extra[-1].end) and GAPPED_GLUE.fullmatch(glue) and \
                (not group or REMNANT.match(text, group[-1].end)):
            group = [m]
        elif group and re.fullmatch(r"\s*(?:,\s*and|,|and)\s*", glue):
            group.append(m)
        else:
            break
        nxt = m
        extra.append(m)
        position = nxt.end
    # every group must end in its place ("… C in Almaty"), else it has a verb of its own
    while extra and not REMNANT.match(text, extra[-1].end):
        extra.pop()
    return extra


# Russian gapping with a dash for the verb said once: "В Астане задержаны A и B, в Кызылорде — C", "A арестовали на
# 10 суток, B из Семея — на шесть".
DASH_GAP_PLACE = re.compile(r",\s*(?:а\s+)?(?:в|во)\s+[А-ЯЁ][\w-]+(?:\s+[а-яё]+)?\s*[—–]\s*$")
DASH_GAP_TERM = re.compile(r"(?:\s+из\s+[А-ЯЁ][\w-]+)?\s*[—–]\s*(?:(?:на|по|к)\s+\S+|\d{1,2}(?:\s+[а-яё]+|\.\d{1,2}))")
# (session 15: "… задержан 12 марта, а Б — 14 марта": the dash stands for the verb, a day after it)


def _gapped_dash(text, trigger_end, persons, chosen):
    """Russian: later persons of the sentence that share the verb told once, each after ", в <place> —" or followed
    by "— на <term>" (the verb left out and a dash in its place); the names joined to them with "и" too."""
    if not chosen or not CYRILLIC.search(text[chosen[0].start:chosen[0].end]):
        return []
    sentence_end = min((x for x in (text.find(".", trigger_end), text_find(text, "\n", trigger_end)) if x >= 0),
                       default=len(text))
    extra, position = [], max(max(m.end for m in chosen), trigger_end)
    for m in persons:
        if m.start <= position or m.start >= sentence_end or m in chosen:
            continue
        glue = text[position:m.start]
        if DASH_GAP_PLACE.fullmatch(glue) or (re.fullmatch(r"[^,.;:—–]*,\s*(?:а\s+)?", glue) and
                                              DASH_GAP_TERM.match(text, m.end)) \
                or (extra and re.fullmatch(r"\s*(?:,|и)\s*", glue)):
            extra.append(m)
            position = m.end
        else:
            break
    return extra


class Spans:
    """Spans sorted by start, with the ones starting in [start, end) found by bisection (texts are long)."""

    def __init__(self, items):
        import bisect

        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]
        self._bisect = bisect.bisect_left

    def within(self, start, end):
        return self.items[self._bisect(self.starts, start):self._bisect(self.starts, end)]

    def before(self, position):
        return self.items[:self._bisect(self.starts, position)]

    def first_within(self, start, end):
        """next(iter(self.within(start, end)), None), without the list of all of them (a paragraph of a long text)."""
        at = self._bisect(self.starts, start)
        return self.items[at] if at < len(self.items) and self.starts[at] < end else None


SINCE = re.compile(r"(?<!\w)(?:since|с|бері)\s+$", re.I)
SINCE_INSIDE = re.compile(rf"(?:{MODIFIERS['since']})\s", re.I)  # "since 2018" read as one date span
SINCE_AFTER = re.compile(rf"\s+(?:{MODIFIERS['since_after']})(?!\w)", re.I) if "since_after" in MODIFIERS else None
# The acts a state's start can date: a deprivation, a ban, a trial or an investigation that has lasted since then ("in
# custody since 17 April", "с 17 апреля находился под стражей", "сот отырыстары 10 шілдеден бастап өтті").
STATE_ACTS = {"detained", "arrested", "pretrial_detention", "house_arrest", "imprisoned", "administrative_detention",
              "travel_restricted", "activity_ban", "tried", "investigated"}  # (a trial or an investigation lasts too)


def state_start(text, date):
    """Whether the date is the start of a state ("since 2018", "с 2018 года", "2018 жылдан бері"): the day something
    began to last, not the day of an act told beside it ("faces charges … persecuted since 2018")."""
    if SINCE.search(text, max(0, date.start - 8), date.start) and not term_end(text, date):
        return not RANGE_START.search(text, max(0, date.start - 16), date.start) and \
            not re.match(r"[^.;!?\n]{0,30}?(?<!\w)(?:по|до)\s+\d", text[date.end:date.end + 40])  # "с 3 по 5 марта"
    return bool(SINCE_INSIDE.match(date.text) or (SINCE_AFTER and SINCE_AFTER.match(text, date.end)))
# The end of a term: a date governed by "until", "till", "up to", "through", "до", "по" (before it) or "дейін", "шейін"
# (after it, "15 ақпанға дейін"): "extended the detention … until 15 February", "арестован до 3 марта". It is the day
# the episode is planned to end, never the day of the act, nor a time the narrative has reached.
TERM_END_BEFORE = re.compile(rf"(?<!\w)(?:{MODIFIERS['until']})\s+$", re.I)
TERM_END_AFTER = re.compile(rf"\w{{0,4}}\s+(?:{MODIFIERS['until_after']})(?!\w)", re.I) \
    if "until_after" in MODIFIERS else None
RANGE_START = re.compile(r"(?<!\w)с\s+\d{1,2}\s+по\s+$", re.I)  # "с 3 по 5 марта": a range's end, read alone


# "WORKING LIST — persons convicted … (status as of 12.2024)": the day a list stands at dates none of its acts
STATUS_DATE = re.compile(rf"(?<!\w)(?:{MODIFIERS['status_date']})\s*:?\s*$", re.I) if "status_date" in MODIFIERS else None


def _status_date(text, date):
    return bool(STATUS_DATE and STATUS_DATE.search(text[max(0, date.start - 30):date.start]))


def term_end(text, date):
    """Whether the date ends a term ("until 15 February", "до 15 февраля", "15 ақпанға дейін")."""
    before = text[max(0, date.start - 16):date.start]
    if TERM_END_BEFORE.search(before) and not RANGE_START.search(before):
        return True
    return bool(TERM_END_AFTER and TERM_END_AFTER.match(text, date.end))


def _each_with_a_term(text, trigger_end, persons, victims, act_type=None):
    """Later persons of a verdict's sentence given their own term ("… sentenced A to four years and B to eight
    years; C, D and E also received eight years each"): each is a victim of it too — unless their term is of another
    kind than the act's ("fined A …, while B was given 10 days of administrative arrest": B's arrest is no fine)."""
    chosen = []
    for index, m in enumerate(persons):
        if m.start < trigger_end or m.name not in victims or not TERM_AFTER.search(text[m.end:m.end + 160]):
            continue
        if act_type is not None and _other_kind_of_term(text[m.end:m.end + 160], act_type):
            continue
        chosen.append(m.name)
        for earlier in reversed(persons[:index]):  # "C, D and E – … each": the names listed with it
            if earlier.start < trigger_end or not LIST_GLUE.match(text[earlier.end:persons[persons.index(earlier) + 1].start]):
                break
            chosen.append(earlier.name)
    return chosen


def _other_kind_of_term(after, act_type):
    """Whether the term printed after a name is of another kind than an act of `act_type` gives: a fine for a
    deprivation or a prison sentence, days of arrest or years for a fine."""
    found = penalty_match(re.split(r"[.;]", after, maxsplit=1)[0])
    kind = found[0]["kind"] if found else None
    if kind is None:
        return False
    if act_type == "fined":
        return kind != "fine"
    return kind == "fine" or (act_type == "administrative_detention") != (kind == "administrative_detention")


def _each_own_day(text, start, end, persons, victims, own_dates):
    """Each victim with a day of their own, named right after the name ("A was detained on 12 March and B on 14
    March", "А … 12 марта, а Б — 14 марта", "А 12 наурызда, ал Б 14 наурызда ұсталды"): {name: date}, when every
    victim of the sentence has one (within four words after the name, before the next victim) and the days differ;
    else {}."""
    named = sorted((m for m in persons if start <= m.start < end and m.name in victims), key=lambda m: m.start)
    if len({m.name for m in named}) < 2:
        return {}
    days = {}
    for m, nxt in zip(named, named[1:] + [None]):
        limit = nxt.start if nxt is not None else end
        day = next((d for d in own_dates if m.end <= d.start < limit and len(text[m.end:d.start].split()) <= 4
                    and not re.search(r"[.;]", text[m.end:d.start])), None)
        if day is None:
            return {}
        days.setdefault(m.name, day)
    if len({d.value for d in days.values()}) < 2:
        return {}
    return days


def _own_clause_date(text, trigger_end, sentence_end, victim, persons, own_dates):
    """A victim named after a semicolon, in a clause with its own date ("A was convicted in April and given two and
    a half years; B got two years in May"): that clause's date, not the trigger's."""
    mention = next((m for m in persons if m.name == victim and m.start >= trigger_end), None)
    if mention is None or ";" not in text[trigger_end:mention.start]:
        return None
    clause_end = text.find(";", mention.end, sentence_end)
    clause_end = sentence_end if clause_end < 0 else clause_end
    mine = [d for d in own_dates if mention.end <= d.start < clause_end]
    return (mine[0].value, mine[0].value_end) if mine else None


COUNTED_AFTER_CLAUSE = re.compile(r"(?<!\w)(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<unit>days?|weeks?)\s+"
                                  r"after\s+(?!(?:the\s+)?\d)", re.I)
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _counted_back(text, sentence_start, trigger_start, own_dates):
    """"The court took the decision on Saturday, a day after police detained him": an act in a clause counted back
    from the main clause's day ("N days after …") took place N days before it. The day, or None."""
    found = [m for m in COUNTED_AFTER_CLAUSE.finditer(text, sentence_start, trigger_start)]
    if not found or any(found[-1].end() <= d.start < trigger_start for d in own_dates):
        return None
    m = found[-1]
    if re.search(r"[,;:—–]", text[m.end():trigger_start]):
        # "On 20 July, two weeks after her return, police came …": the count is an aside to the main clause's day;
        # the act after the comma is of that day, not counted back
        return None
    main = [d for d in own_dates if d.end <= m.start() and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.value)]
    if not main or re.search(r"[.;]", text[main[-1].end:m.start()]):
        return None
    n = SMALL_NUMBERS.get(m.group("n").lower()) or int(m.group("n"))
    days = n * (7 if m.group("unit").lower().startswith("week") else 1)
    return main[-1], (datetime.date.fromisoformat(main[-1].value) - datetime.timedelta(days=days)).isoformat()


def _sentence_start(text, position, stops):
    """max(text.rfind(stop, 0, position) for stop in stops) + 1, by bisection: an rfind of a stop the text lacks ("! ")
    scanned back to the text's start, for every date of a long document."""
    last = -1
    for stop in stops:
        positions = stop_positions(text, stop)
        at = bisect.bisect_right(positions, position - len(stop)) - 1
        if at >= 0:
            last = max(last, positions[at])
    return last + 1


def _in_background(text, date):
    """A date inside a sentence that tells the background ("Согласно материалам дела, весной 2016 года …"): the
    narrative's time does not move to it."""
    sentence_start = _sentence_start(text, date.start, (". ", "\n", "! ", "? "))
    if BACKGROUND.search(text, sentence_start, date.start):
        return True
    # "Судом установлено, что … . 3 июля 2022 года при получении денег он был задержан.": the whole paragraph a court
    # report opens with its findings tells the offence; a verdict after it is not dated by it.
    paragraph_start = text_rfind(text, "\n\n", 0, date.start)
    paragraph_start = 0 if paragraph_start < 0 else paragraph_start + 2
    return bool(ACCUSATION and ACCUSATION.match(text, paragraph_start))


RELATIVE_OPENING = re.compile(r",\s+(?:who|whose)\s+[^,;.()]*(?:\([^()]*\)[^,;.()]*)*$", re.I)


def _in_relative_clause(text, date):
    """A date inside a relative clause ("found A, who had led the union until it was dissolved in January, guilty")
    tells the background of a person or thing: the narrative's time does not move to it."""
    sentence_start = _sentence_start(text, date.start, (". ", "\n\n", "! ", "? "))
    # closed by a comma before the sentence goes on (a clause running to the sentence's end may be its news:
    # "… ignored by the court, which on 27 March refused …")
    closed = re.match(r"[^,.;!?]*,\s+\w", text[date.end:date.end + 200])
    return bool(closed and RELATIVE_OPENING.search(text[sentence_start:date.start].replace("\n", " ")))


# (A Kazakh date inside a participle's phrase before a noun, "2022 жылғы қаңтар оқиғаларына қатысқан Х", is that
# phrase's time: KK_ATTRIBUTIVE_DATE, now in dates.py, where it sets no year either.)


DATED_HEADING_REST = re.compile(r"\s*(?:[:–—-][^.!?;\n]{0,60})?$")


def heading_above(text, dates, line_start):
    """The date of a heading set as a paragraph of its own right above this line ("25 августа: приговор", "17 May
    2016 – hearing"): web pages, PDF reports and Word files keep a heading apart from the paragraph it heads, where
    a text file prints it on the paragraph's first line; the paragraph under it is dated by it the same way."""
    above_end = len(text[:line_start].rstrip())
    if above_end == line_start or "\n" not in text[above_end:line_start]:
        return None
    above_start = text_rfind(text, "\n", 0, above_end) + 1
    date = next(iter(dates.within(above_start, above_start + 3)), None)  # the heading starts with its date
    return date if date is not None and DATED_HEADING_REST.match(text, date.end, above_end) else None


def _appealed_since_last_date(text, dates, start, end):
    """An undated Russian sentence in a paragraph that has told of an appeal since the last date ("22 января суд
    приговорил … ¶ Апелляционная инстанция смягчила наказание. Обоих освободили в зале суда."): the appeal's outcome
    came later, on a day the text does not give, so it inherits none."""
    last = next((d for d in reversed(dates.before(start) if isinstance(dates, Spans) else dates) if d.end <= start), None)
    paragraph_start = text_rfind(text, "\n\n", 0, start) + 1
    return last is not None and bool(APPEAL_RU.search(text, max(last.end, paragraph_start), end))


APPEAL_RU = re.compile(rf"(?<!\w)(?:{'|'.join(row[1] for row in lexicon.table('modifiers', 'ru') if row[0] == 'appeal')})",
                       re.I)


PUBLICATION_LINE = re.compile(rf"\s*(?:{MODIFIERS_RU['publication_line']})(?!\w)", re.I)
REPORT_HEADING_RU = re.compile(rf"\s*(?:[^\n:]{{0,40}}?(?<!\w))?(?:{MODIFIERS_RU['report_title']}|"
                               rf"{MODIFIERS_RU['report_summary_title']})(?!\w)", re.I)


def _publication_date(text, date, line):
    """A Russian line telling when the document was published or compiled ("Опубликовано 5 ноября 2024 года",
    "Составлено …"), or a bare date line right under a report's title ("Краткое изложение доклада: …" ¶ "10 февраля
    2025 года"): the document's date, not an event's. A report sums up what happened before it; an undated "осуждены
    к срокам от 5 до 10 лет" in it has no day."""
    if not CYRILLIC.search(line) or KAZAKH.search(line):
        return False
    if PUBLICATION_LINE.match(line):
        return True
    if line.replace(date.text, "").strip(" ,.:-–—года"):
        return False  # a dateline with a place ("Алматы, 2 октября"): a news item's day
    above = text[:text_rfind(text, "\n", 0, date.start) + 1].rstrip()
    if not above or "\n\n" in above:  # only the title stands above it
        return False
    return bool(REPORT_HEADING_RU.match(above))


DECISION_NEXT = re.compile(rf"\s*(?:{MODIFIERS['decision_next']})(?!\w)[^.!?\n]*", re.I) \
    if "decision_next" in MODIFIERS else None
OFFENCE_EXPLAINED = re.compile(rf"(?<!\w)(?:{MODIFIERS_RU['offence_explained']})(?!\w)[^:;.!?]*:", re.I) \
    if "offence_explained" in MODIFIERS_RU else None


def _decision_dated_next(text, dates, end):
    """"Суд отправил её под домашний арест. Постановление вынесено в понедельник, 1 декабря", "… detained him. It
    happened on 28 March.", "… ұзартты. Шешім кеше, 20 наурызда шықты.": the next sentence names the decision or
    the event (by an anaphor: the decision, it, бұл) and its day. The day, else None."""
    if DECISION_NEXT is None:
        return None
    told = DECISION_NEXT.match(text, end)
    if told is None or "\n\n" in re.match(r"\s*", told.group()).group():
        return None  # (not across a paragraph break)
    return next(iter(dates.within(end, told.end()) if isinstance(dates, Spans) else
                     [d for d in dates if end <= d.start and d.end <= told.end()]), None)


# A Russian past-tense verb ("«задержали»" in quotes is still a detention, told with irony).
RU_FINITE_VERB = re.compile(r"[а-яё](?:ли|ла|л|ло|лся|лась|лись|ют|ет|ут|ит|ят)$", re.I)
# A trigger inside short quotes (one to three words: "«нападения»", "«назначенными виновными»") is a word quoted.
SCARE_QUOTE_OPEN = re.compile(r"«(?:[^«»\s]+\s+){0,2}[^«»\s]*$")
SCARE_QUOTED = re.compile(r"[^«»\s]*(?:\s+[^«»\s]+){0,2}»")
ACCUSATION_TOLD = re.compile(rf"(?<!\w)(?:{MODIFIERS_RU['accusation_told']})(?!\w)", re.I) \
    if "accusation_told" in MODIFIERS_RU else None


def _without_explained_offence(sentence, start, own_dates):
    """"Их признали виновными в повторном участии в собрании: в феврале они пришли к …": a Russian clause after a
    colon that explains a guilty finding or a charge tells the offence — its date is not the finding's (unless the
    clause reports an act or a term of its own)."""
    if not own_dates or OFFENCE_EXPLAINED is None or not CYRILLIC.search(sentence) or KAZAKH.search(sentence):
        return own_dates
    told = ACCUSATION_TOLD.search(sentence) if ACCUSATION_TOLD else None
    if told is not None:  # "По версии обвинения, 5 января прошлого года А организовал …": the offence's date
        return [d for d in own_dates if d.start < start + told.start()]
    found = OFFENCE_EXPLAINED.search(sentence)
    if found is None:
        return own_dates
    rest = sentence[found.end():]
    if COMPILED_ANY.search(rest) or find_penalty(rest):
        return own_dates
    return [d for d in own_dates if d.start < start + found.end()]


# Co-defendants ("together with", "вместе с", "-мен бірге"): their verdict is the one told of the case.
TOGETHER = re.compile(rf"(?<!\w)(?:{MODIFIERS['together']})(?!\w)", re.I) if "together" in MODIFIERS else None
VERDICT_TRIGGER = next((pattern for act_type, pattern in COMPILED if act_type == "sentenced"), None)


def _verdict_told(text, dates, position):
    """The day of the last verdict told before `position` with a date in its own sentence, before its trigger (a
    court "on 5 August … sentenced eight men"), or None."""
    found = None
    for start, end in sentences(text[:position]):
        hit = VERDICT_TRIGGER.search(text, start, end) if VERDICT_TRIGGER else None
        if hit is None:
            continue
        day = next((d for d in reversed(list(dates.within(start, hit.start()))) if len(d.value) == 10
                    and not term_end(text, d)), None)
        found = day or found
    return found


def context_date(text, dates, position):
    """The date an undated sentence inherits: the last one before it — to the day within its paragraph,
    to the month beyond it (a report moves on in time, but seldom says the day again)."""
    # A state's start ("in custody since 22 August 2020", "2019 жылдан бері назарында") does not move the narrative's time.
    candidates = dates.before(position) if isinstance(dates, Spans) else dates
    before = next(([d] for d in reversed(candidates) if d.end <= position
                   and not SINCE.search(text, max(0, d.start - 8), d.start) and not term_end(text, d)
                   and not (SINCE_AFTER and SINCE_AFTER.match(text, d.end))
                   and not _in_background(text, d)
                   and not _in_relative_clause(text, d)
                   and not KK_ATTRIBUTIVE_DATE.match(text, d.end)), [])
    if not before:
        return "", ""
    last = before[-1]
    paragraph_start = text_rfind(text, "\n\n", 0, position)
    line = text[text_rfind(text, "\n", 0, last.start) + 1:(text_find(text, "\n", last.end) + 1 or len(text) + 1) - 1]
    # A dateline ("14.02.2023", "Алматы, 2 октября 2024 года") dates the report: to the day, in every paragraph.
    dateline = len(line.replace(text[last.start:last.end], "").strip(" ,.:-–—года")) <= 20
    if _publication_date(text, last, line):
        return "", ""
    if last.start >= paragraph_start or dateline:
        return last.value, last.value_end
    return last.value[:7], ""
NUMBER_WORDS = {word.lower(): (int(float(v)) if float(v) == int(float(v)) else float(v))
                for word, v in lexicon.table("numbers")}
NUM = "(?<!\\w)(" + "|".join([r"\d+(?:[.,]\d+)?"] + sorted((re.escape(w) for w in NUMBER_WORDS if w != "a"),
                                                    key=len, reverse=True)) + ")"
# (kind, pattern, unit) from lexicon/<language>/penalties.tsv, English first.
# Each with the script its words are written in: a sentence without Latin letters skips the English patterns.
PENALTIES = [(kind, re.compile(pattern.replace("{NUM}", NUM), re.I | re.M), unit,
              "cyrillic" if lexicon.CYRILLIC_LETTER.search(pattern) else "latin")  # kk rows come in both scripts
             for language in lexicon.languages() for kind, unit, pattern in lexicon.table("penalties", language)]
PENALTIES.sort(key=lambda row: row[3] != "latin")  # English first, as before
NUM_EN = "(?<!\\w)(" + "|".join([r"\d+(?:[.,]\d+)?"] + sorted((re.escape(w) for w, _ in lexicon.table("numbers", "en")
                                                              if w != "a"), key=len, reverse=True)) + ")"
TALLY = re.compile(
    rf"(?<!\w)(?:(at least|more than|over|approximately|about|some|between)\s+)?({NUM_EN}|\d[\d,]*)(?:\s+and\s+(\d[\d,]*))?\s+"
    r"(?:people|persons|journalists|activists|protesters|individuals|human rights defenders)\s+(?:\w+\s+){0,3}?"
    r"(?:were|had been|was)\s+(?:also\s+)?(detained|arrested|summoned|sentenced|fined|killed|searched)", re.I)
# "… and B four years", "…, B, one of the first defendants to speak, four years", "A received three years, B two."
TERM_AFTER = re.compile(rf"^(?:,[^,;.]{{0,100}},)?(?:[^.;]{{0,40}}?(?<!\w){NUM}[- ](?:years?|months?|days?|лет|год\w*|месяц\w*|"
                        rf"сут\w*|жыл\w*|ай\w*|тәулік\w*)|\s*(?:got\s+|received\s+)?{NUM}\s*(?:each\b|[.;]|$))", re.I)
# Counted but not numbered, in any language: "dozens of supporters were detained", "десятки сторонников были
# задержаны". The act type is read from the verb by the triggers.
TALLY_VAGUE = re.compile(
    r"(?<!\w)(dozens|hundreds|scores|several|many|десятки|десятков|сотни|сотен|несколько|многие|ондаған|жүздеген)\s+"
    rf"(?:of\s+)?(?:\w+\s+){{0,2}}?(?:{MODIFIERS['tally_noun']})(?!\w)(?:\s+\w+){{0,4}}?\s+"
    r"(?:were\s+|had been\s+|have been\s+|был[иа]?\s+)?(?:also\s+)?(\w+)", re.I)
# A stop followed at once by a letter or digit ("Nakanune.kz", "court no.2", "1.5 years") ends no sentence.
# Nor a stop and a closing bracket or quote before a word in lower case ("a journalist (Turusbekova A.M.) was …").
# Nor does the stop of "Art.", "Arts.", "ст.", "ч." ("CC Art. 405", "ч. 2 ст. 405").
# Nor one followed by a comma or a word in lower case ("«Алға, Қазақстан!», был осуждён").
# A footnote number glued to the stop ("upheld on appeal.2 The trial court …") ends it with the sentence.
# (a Kazakh year abbreviated, "2023 ж. 12 мамырда ұсталды", ends no sentence before a digit or a word in lower case)
# (a name of one or two words in quotes that ends in "!" or "?", «Алга!», “Yahoo!”, ends no sentence)
SENTENCE = re.compile(r"(?:[«“][^\s«»“”!?.]{1,25}(?:[ -][^\s«»“”!?.]{1,25})?[!?]+[»”]|[^.!?\n]|[.!?](?=\w)(?!\d{1,2}\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|(?<=\bArt)\.|(?<=\bArts)\."
                      r"|(?<=\bст)\.|(?<=\bч)\.|(?<=\d-[бb])\.(?=\s*[\d),;]|\s+[а-яёәғқңөұүһі])|(?<=\bбөл)\.(?=\s*[\d),;]|\s+[а-яё])|(?<=\bп)\.(?=\s*\d)|(?<=\w)\.(?=[ \t]*\|[ \t]*\S)|(?<=[^\d\s]\sг)\.(?=\s+[А-ЯЁ])|(?<=\bг)\.(?=[ \t]+[а-яё\d])|(?<=\d\sж)\.(?=[ \t]+[а-яёәғқңөұүһі\d])|(?:(?<=[\s(.][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|(?<=^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]))\.(?=[ \t]+[\w(]|-\w)"  # initials: "A. Matayev", "Bedelbaev A. drew", "Г.А. строго"
                      r"|[!?]+[\"'’”»)]*(?=[,;:]|\s+[a-zа-яёәғқңөұүһі])|[.][\"'’”»)]+(?=[,;:]|[ \t]+[a-zа-яё])|[.](?=[,;:]))+"
                      r"(?:[.!?]+[\"'’”»)]*(?:\d{1,2}(?=\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]))?|\n|$)")


def _number(value):
    value = value.lower().replace(",", "") if value else value
    if value in NUMBER_WORDS:
        return NUMBER_WORDS[value]
    try:
        number = float(value)
        return int(number) if number == int(number) else number
    except (TypeError, ValueError):
        return None


# A field's label inside a numbered list entry ("5. ЕНСЕБЕК Темірлан Қаласы: Алматы Бабы: 174-бап … Күндері: …"):
# a text file's entry typed one field a line reaches extraction as one paragraph; each field is read on its own.
FIELD_START = re.compile(r"(?<=[^\s:])\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]{2,20}(?:\s[^\W\d_]{2,20})?:\s)")


def sentences(text):
    for m in SENTENCE.finditer(text):
        if m.group().strip():
            leading = len(m.group()) - len(m.group().lstrip())
            start, end = m.start() + leading, m.end()
            paragraph_start = text_rfind(text, "\n\n", 0, start)
            if ":" in m.group() and ENTRY.match(text, paragraph_start + 2 if paragraph_start >= 0 else 0):
                for cut in FIELD_START.finditer(text, start, end):
                    yield start, cut.start()
                    start = cut.end()
            yield start, end


# A penalty names its unit: sentences without one are not searched (the patterns are costly).
PENALTY_HINT = re.compile(r"\d\s(?:y|yrs?|г|л)\.|year|month|day|fine|KZT|tenge|MCI|лет|год|сут|штраф|МРП|тенге|жыл|тәулік|айыппұл|теңге|АЕК|"
                          r"jyl|täulık|aiyppūl|teñge|AEK|бостандығынан айыр", re.I)


def find_penalty(sentence):
    found = penalty_match(sentence)
    return found[0] if found else None


@lru_cache(maxsize=4096)
def penalty_match(sentence):
    """(penalty, the match) of the first penalty pattern that matches the sentence, else None. Cached: the act rules
    ask about one sentence several times."""
    if not PENALTY_HINT.search(sentence):
        return None
    scripts = {"latin" if LATIN.search(sentence) else "", "cyrillic" if CYRILLIC.search(sentence) else ""}
    asked = None  # a term only asked for ("sought seven years of restricted freedom; the court gave him two years in
    # prison"): the term of the verdict, when the sentence has one, else this one
    for kind, pattern, unit, script in PENALTIES:
        if script not in scripts or not may_match(pattern, sentence):   # exact: see qorgau/lib/prefilter.py
            continue
        for m in pattern.finditer(sentence):
            amounts = [g for g in m.groups() if g]
            amount = _number(amounts[0]) if amounts else None
            if kind == "fine" and len(amounts) > 1:
                unit = "MCI" if amounts[1].upper() in {"MCI", "МРП", "АЕК"} else "KZT"
            if REQUEST and REQUEST.search(sentence[:m.start()]):
                asked = asked or ({"kind": kind, "amount": amount, "unit": unit}, m)
                continue
            return {"kind": kind, "amount": amount, "unit": unit}, m
    return asked


def _penalties_in(line):
    """[(penalty, offset)] of every term printed on a line, left to right ("3 years' imprisonment (22.01.2016),
    replaced on appeal by 3 years' restriction of freedom")."""
    found = []
    scripts = {"latin" if LATIN.search(line) else "", "cyrillic" if CYRILLIC.search(line) else ""}
    for kind, pattern, unit, script in PENALTIES:
        if script not in scripts or not may_match(pattern, line):
            continue
        for m in pattern.finditer(line):
            if any(o <= m.start() < o + length or m.start() <= o < m.end() for _, o, length in found):
                continue
            amounts = [g for g in m.groups() if g]
            found.append(({"kind": kind, "amount": _number(amounts[0]) if amounts else None, "unit": unit},
                          m.start(), m.end() - m.start()))
    return [(penalty, offset) for penalty, offset, _ in sorted(found, key=lambda f: f[1])]


def find_tallies(text, dates, places=()):
    proposals = []
    for m in led(TALLY).finditer(text):
        qualifier, low, high, verb = m.group(1), m.group(2), m.group(4), m.group(5)
        act_type = {"killed": None}.get(verb.lower(), verb.lower())
        if act_type is None:
            continue
        low_n = _number(low)
        high_n = _number(high) if high else (low_n if not qualifier or qualifier.lower() == "between" else None)
        date = next((d for d in dates if d.start <= m.start() and m.start() - d.end < 300), None)
        proposals.append(Proposal("tally", act_type, m.start(), m.end(), minimum=low_n, maximum=high_n,
                                  date=date.value if date else "", date_end=date.value_end if date else "",
                                  rule="rule:tally"))
    for m in led(TALLY_VAGUE).finditer(text):
        act_type = next((t for t, pattern in COMPILED if pattern.fullmatch(m.group(2))), None)
        if act_type is None or any(p.start <= m.start() < p.end for p in proposals):
            continue
        date = next((d for d in dates if d.start <= m.start() and m.start() - d.end < 300), None)
        proposals.append(Proposal("tally", act_type, m.start(), m.end(), date=date.value if date else "",
                                  date_end=date.value_end if date else "", rule="rule:tally"))
    return sorted(proposals, key=lambda p: p.start)


def clauses(sentence):
    """The sentence's triggers as (is nominal, start, act type, end), verbs first: the first trigger of each type
    that reports an act, a term given without a verdict word, no trigger inside another's words."""
    found = []
    scripts = [script for script, letters in (("latin", LATIN), ("cyrillic", CYRILLIC)) if letters.search(sentence)]
    by_type = TRIGGERS.hits(sentence, scripts)  # each type's matches, as finditer gives them (triggers.py)
    for act_type in ACT_TYPES:
        for hit in by_type.get(act_type, ()):
            clause = _clause(sentence, act_type, hit)
            if clause is not None:
                found.append(clause)
                break
    found += _penalty_clause(sentence, found)
    # A trigger inside another's words is not a second act ("died in a detention centre" is no detention).
    return [c for c in found if not any(o is not c and o[1] <= c[1] and c[3] <= o[3] and (o[3] - o[1]) > (c[3] - c[1])
                                        for o in found)]


# A name in the genitive owning the next word (kk: "Телібековтің кітабынан"), unless that word is an act or a case.
GENITIVE_OWNER = re.compile(rf"(?:{MODIFIERS['bystander_genitive']})$", re.I) if "bystander_genitive" in MODIFIERS else None
OWNED_ACT = re.compile(rf"\s+(?:{MODIFIERS['owned_act_noun']})(?!\w)", re.I) if "owned_act_noun" in MODIFIERS else None
# … or a list of owners, the last of whom owns it ("Сыдықовтың және Айдар Мүбәраковтың сот процесі", their trial)
GENITIVE_LIST_NEXT = re.compile(rf"\s+(?:және|мен|пен|бен)\s+(?:[А-ЯӘҒҚҢӨҰҮҺІ][\w-]*\s+){{0,2}}[А-ЯӘҒҚҢӨҰҮҺІ][\w-]*"
                                rf"(?:{MODIFIERS['bystander_genitive']})(?!\w)") if "bystander_genitive" in MODIFIERS else None


# The person a group acted for ("в поддержку X", "in support of X"), unless the text goes on to tell of that person
# ("a run in support of X, the party's leader, who has been in detention since May")
BYSTANDER_FOR = re.compile(rf"(?<!\w)(?:{MODIFIERS['bystander_for']})\s*,?\s*$", re.I) \
    if "bystander_for" in MODIFIERS else None
TOLD_OF_AFTER = re.compile(r"\S*,\s*(?:[^.;]{0,100}?,\s*)?(?:who|whose|which|котор\w+|кто|чей|чья|чьё)(?!\w)", re.I)


def _for_a_group(before):
    """"Dozens of supporters of X were detained": the name after "supporters of" (lexicon `bystander_for`) is no
    subject of the passive verb after it, the supporters are."""
    return bool(BYSTANDER_FOR and BYSTANDER_FOR.search(before))


# Kazakh puts the time between a genitive name and the verbal noun it owns ("Х-тің 12 маусымда ұсталғанын …
# хабарлады", "Х-тің 2023 жылғы 5 наурызда ұсталғаны белгілі болды", "Х-тің кеше Алматыда ұсталғаны"): the words of a
# date and a place, skipped to find that noun.
KK_DATE_WORDS = re.compile(rf"(?:\s+(?:(?:19|20)\d\d\s+(?:жылғы|жылы|ж\.)|\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d\d(?:\s+ж\.)?|"
                           rf"\d{{1,2}}(?:-|\s+){KK_MONTH}\w*|{KK_MONTH}\w*|кеше|бүгін|сол\s+күні|"
                           rf"(?-i:[А-ЯӘҒҚҢӨҰҮҺІ])\w+(?:да|де|та|те))(?!\w))+", re.I)  # (and a place: "… Алматыда …")


def _owned_after(text, end):
    """Where the word a genitive name owns starts: after the name, past a Kazakh date told between them."""
    skip = KK_DATE_WORDS.match(text, end, end + 60)
    return skip.end() if skip else end


def is_bystander(text, mention, before):
    """A person the sentence quotes or names as a companion, not as the one acted on."""
    printed = text[mention.start:mention.end]
    if BYSTANDER_FOR and BYSTANDER_FOR.search(before) and not TOLD_OF_AFTER.match(text, mention.end):
        return True
    return bool(BYSTANDER_BEFORE.search(before) or BYSTANDER_AFTER.match(text[mention.end - 1:mention.end + 25])
                or (BYSTANDER_ENDING.search(printed) and not re.match(r"\s+бірге", text[mention.end:mention.end + 8]))
                or (GENITIVE_OWNER is not None and GENITIVE_OWNER.search(printed) and KAZAKH.search(printed)
                    and re.match(r"\s+\w", text[mention.end:mention.end + 3])
                    and not OWNED_ACT.match(text[_owned_after(text, mention.end):_owned_after(text, mention.end) + 30])
                    and not _owns_in_list(text, mention.end)))


ATTENDED_EVENT = re.compile(rf"\s+(?:{MODIFIERS_KK['attended_event']})", re.I) if "attended_event" in MODIFIERS_KK else None


def _owns_attended_event(text, mention):
    """A genitive name owning an event the sentence's subject came to ("Думанның сотына келгені үшін"): no one acted
    on (lexicon/kk/modifiers.tsv `attended_event`)."""
    return bool(ATTENDED_EVENT is not None and GENITIVE_OWNER is not None
                and GENITIVE_OWNER.search(text[mention.start:mention.end]) and ATTENDED_EVENT.match(text, mention.end))


def _owns_in_list(text, end):
    """A genitive name joined by "and" to the next one, which owns an act ("A-ның және B-ның сот процесі")."""
    while GENITIVE_LIST_NEXT is not None:
        m = GENITIVE_LIST_NEXT.match(text, end)
        if not m:
            return False
        end = m.end()
        if OWNED_ACT.match(text[end:end + 30]):
            return True
    return False


GROUP_NOUN = re.compile(rf"(?<!\w)(?:{MODIFIERS['tally_noun']})(?!\w)", re.I)
# A counted group: "dozens of protesters", "десятки протестующих", "20 people".
COUNTED_GROUP = re.compile(r"(?<!\w)(?:dozens|hundreds|scores|several|many|some|\d+|десятк\w+|сотн\w+|сотен|"
                           r"нескольк\w+|многи\w+|ондаған|жүздеген|бірнеше)\s+(?:of\s+)?(?:\w+\s+){0,2}?"
                           rf"(?:{MODIFIERS['tally_noun']})(?!\w)", re.I)


# The title of a report, review or chronicle names its subject, not the day's news.
REPORT_TITLE = re.compile(rf"\s*(?:{MODIFIERS['report_title']})(?!\w)", re.I)
UNTIL_BEFORE = re.compile(rf"(?<!\w)(?:{MODIFIERS['until']})\s+$", re.I)
NEXT_CLAUSE = re.compile(rf",\s+(?:{MODIFIERS['next_clause']})(?!\w)|;", re.I)


# A trigger followed at once by a counted group ("задержаны двое активистов", "задержали более 20 человек"): the act is
# that group's, not the persons named elsewhere in the sentence.
COUNTED_AFTER = re.compile(rf"\s+(?:(?:{MODIFIERS['counted_aux']})\s+)?(?:(?:{MODIFIERS['count_qualifier']})\s+)?"
                           rf"(?:\d+|{MODIFIERS_RU['counted_number']})\s+(?:[\w-]+\s+){{0,2}}?"
                           rf"(?:{MODIFIERS['tally_noun']})(?!\w)", re.I)


# A Russian counted "they" ("всем пятерым", "всех троих"): as many persons as counted.
RU_COUNTED_PRONOUN = re.compile(r"(?<!\w)(?:всем|всех|все|обоим)\s+(дво|тро|четв|пяте|шест)", re.I)
RU_PRONOUN_COUNT = {"дво": 2, "тро": 3, "чет": 4, "пят": 5, "шес": 6}


# An English sentence opening with a participle that is its act, its subject left out ("Released today.", "Detained
# again on 3 May", "Sentenced to five years –"): the participle, then a word that cannot be its noun (session 15)
OPENING_PARTICIPLE = re.compile(r"(?-i:[A-Z])[a-z]+(?:ed|en)\b(?=\s+(?:again|once|on|in|at|for|to|by|from|today|yesterday|"
                                r"this|last|under|after|with|early|late|\d)\b|\s*[,.;:!(—–-]|\s*$)")
OPENING_JUNK = " \t\"'“”‘’«»*#•-–—!‼️⚡🔴❗"

# Acts done to a thing a person owns ("searched his flat", "seized her phone"): the owner is the victim (session 15)
OWNED_OBJECT_ACTS = {"searched", "device_seized", "assets_frozen", "account_hacked", "property_damaged"}


def _pronoun_victims(sentence, clause_types, last_victims, recent, officials, preceding="", roles=None, oblique=()):
    """Whom a pronoun points to: the subject before the trigger ("She was detained"), else (Russian, Kazakh) an
    object after it ("Уголовное дело против него возбудили"); "they", "обеих", "екеуі": the last victims; "she"/"he":
    the last person named of that gender who is no official."""
    first_trigger = min(c[1] for c in clause_types) if clause_types else len(sentence)
    first_end = min((c[3] for c in clause_types if c[1] == first_trigger), default=len(sentence))
    after = PRONOUN.search(sentence, first_trigger)
    # English: an object pronoun right after the trigger ("remanded him in custody", "a criminal case against her").
    object_after = after and re.fullmatch(r"\s*(?:(?:(?:was|were|has been|had been) \w+ )?(?:against|on|to|for)\s+)?",
                                          sentence[first_end:after.start()]) \
        and (after.group().lower() in {"him", "her"}
             # "Police detained them on 17 May", "an investigator charged them": the persons just spoken of, when
             # several were (the they-branch below finds them: the last victims, or the last group named)
             or (after.group().lower() == "them" and len(last_victims) >= 2)
             # (session 15) "police searched his flat", "seized her phone": the owner of what a search or a seizure
             # was of
             or (after.group().lower() in {"his", "her"} and not sentence[first_end:after.start()].strip()
                 and any(c[2] in OWNED_OBJECT_ACTS for c in clause_types if c[1] == first_trigger)))
    possessive = re.search(r"(?<!\w)(their|his|her)\s+$", sentence[:first_trigger])
    if possessive and possessive.group(1).lower() == "their":
        return list(last_victims), False  # "the court ordered their arrest"
    inside = PRONOUN.search(sentence, first_trigger, first_end)
    if inside and inside.group("they") and COUNTED_PLURAL.search(re.split(r"[.!?]\s", preceding.rstrip())[-1]):
        inside = None  # "… closed eight outlets and 23 websites. The prosecutor accused them of …": those things
    before = PRONOUN.search(sentence[:first_trigger + 1]) or inside
    # (a pronoun inside the trigger is its object: "a court found them guilty", "handed him a sentence")
    if before and before.group().lower() == "him" and before.start() < first_trigger and len(sentence[before.end():first_trigger].split()) > 2:
        before = None  # "… filmed beating him, yet the court acquitted …": an object of another verb
    # Only the trigger the object pronoun follows is about that person ("… torturing him, yet the court acquitted the
    # officers").
    first_only = bool(not before and object_after and not CYRILLIC.search(sentence))
    pronoun = before or (
        after if after and (CYRILLIC.search(sentence) or object_after
                            or re.fullmatch(r"both of them|each of them", after.group(), re.I))
        else None)
    definite = DEFINITE_ROLE.match(sentence[:first_trigger]) if not pronoun else None
    if definite:
        # "The journalist has been in custody since …": the last person named in that role ("investigative
        # journalist A … a media manager B"), else the last person named
        candidates = [n for n in reversed(recent) if n not in officials]
        noun = definite.group("noun").lower()
        noun = {"reporter": "journalist"}.get(noun, noun)
        in_role = [n for n in candidates if (roles or {}).get(n) == noun]
        return (in_role or candidates)[:1], False
    if not pronoun or re.match(r"\s*Among them", sentence):
        return [], False
    if BYSTANDER_AFTER.match(sentence[pronoun.start():pronoun.end() + 25]):
        return [], False  # "Олардың пікірінше, …", "Оның айтуынша, …": whose words these are, not whom they tell of
    if re.match(r"(?:журналист|белсенді|блогер|айыпталушы|сотталушы)", pronoun.group(), re.I) and \
            KK_COUNT_BEFORE.search(sentence[:pronoun.start()]):
        return [], False  # "тағы бес белсендіні ұстады": activists counted, not "the activist" spoken of
    if pronoun.group("they"):
        # "The police were stopping people … threatened them": "they" is the unnamed group just spoken of.
        last_sentence = re.split(r"[.!?]\s", preceding.rstrip())[-1]
        # (Kazakh: "полиция тағы жеті адамды ұстаған, бірақ оларды кейін босатты": "оларды" is the seven counted)
        if GROUP_NOUN.search(sentence[:pronoun.start()]) or COUNTED_GROUP.search(last_sentence) or \
                KK_COUNTED.search(sentence[:pronoun.start()]) or \
                re.search(r"(?<!\w)(?:басқа|өзге)\s+$", sentence[:pronoun.start()], re.I):  # "басқа белсенділерді": others
            return [], False
        if len(last_victims) < 2 and GROUP_NOUN.search(last_sentence) and \
                not re.search(r"(?<=[a-zа-яёәғқңөұүһі,;:]\s)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+", last_sentence):
            # "Участников акции забрали в тот же день. Суд назначил им штрафы": the unnamed group the sentence before
            # told of, not the one person last acted on (the man the rally was for)
            return [], False
        if re.match(r"[^\W\d_]{4,}(?:лар|лер|дар|дер|тар|тер)", pronoun.group(), re.I) and len(last_victims) < 2:
            return [], False  # a plural noun ("белсенділердің … шақырылғанын") is no back reference to one person
        count = RU_COUNTED_PRONOUN.search(pronoun.group())
        size = RU_PRONOUN_COUNT.get(count.group(1).lower()[:3]) if count else None
        if size and len(last_victims) != size:
            # "Всем пятерым вменили статью 272" after a sentence about two of them: the last five persons named
            named = list(dict.fromkeys(n for n in reversed(recent) if n not in officials))[:size]
            if len(named) == size:
                return named[::-1], False
        return list(last_victims), False
    word = pronoun.group().lower()
    role_noun = re.match(r"(журналист|белсенді|блогер|айыпталушы|сотталушы)", word)
    if role_noun:
        # "Белсенді былтыр мамырда қамауға алынған еді": "the activist" is the one the story is about — the last
        # person named in that role, else the last victim — not whoever was named last (the movement's leader abroad)
        candidates = [n for n in reversed(recent) if n not in officials]
        role = {"журналист": "journalist", "белсенді": "activist", "блогер": "blogger"}.get(role_noun.group(1))
        in_role = [n for n in candidates if role and (roles or {}).get(n) == role]
        victim = [n for n in reversed(last_victims) if n in candidates][:1] if len(last_victims) == 1 else []
        if in_role or victim:
            return (in_role or victim)[:1], first_only
    female, male = word in PRONOUN_WORDS["she"], word in PRONOUN_WORDS["he"]
    candidates = [n for n in dict.fromkeys(reversed(recent)) if n not in officials
                  and (female == male or _female(n) == female)]
    # "… an interview he recorded with the exiled banker A. His trial opened …": a person last named after "with",
    # "by" or "from" is a companion of the story, not its subject, while another person of that gender was named
    told = [n for n in candidates if n not in oblique]
    return (told or candidates)[:1], first_only


OBLIQUE_BEFORE = re.compile(r"(?<!\w)(?:with|by|from)\s+(?:the\s+|an?\s+)?(?:[a-z-]+\s+){0,3}$")


def _oblique_names(text, mentions, start):
    """Names whose last mention before `start` follows "with", "by" or "from" (English): "an interview with the
    exiled banker A", "a complaint by B" — companions of the story rather than the person a pronoun goes back to."""
    last = {}
    for m in mentions.within(max(0, start - 600), start):
        last[m.name] = m
    return {name for name, m in last.items() if OBLIQUE_BEFORE.search(text, max(0, m.start - 50), m.start)}


# "Прокурор потребовал признать их виновными и назначить каждому по 5 лет": a term asked for, however far the
# request stands before it in its sentence.
REQUEST = re.compile(rf"(?<!\w)(?:{MODIFIERS['request']})(?!\w)[^;]*$", re.I) if "request" in MODIFIERS else None


GROUP_SIZE = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "all three", "the three men", "the four defendants", "all three of them": the last persons named, as many as counted.
GROUP_REF = re.compile(r"(?<!\w)(?:all|the|these|those)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten)"
                       r"(?:\s+of\s+them|\s+(?:men|women|activists|defendants|journalists|bloggers|accused|people|"
                       r"workers|prisoners|convicts|members|friends|brothers|sisters)"
                       # "all three" followed by its verb or a stop — not "all three counts", "the two years"
                       r"|(?=\s*[,;:.)–—-]|\s+(?:were|was|are|have|had|received|got|pleaded|spent|remain|remained|will|"
                       r"would|said|each|also|later|then|guilty)\b))", re.I)


# Kazakh counts people with collective numerals, in any case: "Үшеуі де … жауапқа тартылды", "бесеуін де"
# (lexicon/kk/collectives.tsv: stem, number).
KK_COLLECTIVE = dict((stem.lower(), int(n)) for stem, n in lexicon.table("collectives", "kk")) \
    if "kk" in lexicon.languages() else {}
KK_GROUP_REF = re.compile(rf"(?<!\w)(?P<n>{'|'.join(KK_COLLECTIVE)})\w*(?:\s+(?:де|да|те|та))?(?!\w)", re.I) \
    if KK_COLLECTIVE else None


def _group(sentence, recent, officials):
    m = GROUP_REF.search(sentence)
    kk = None if m else (KK_GROUP_REF.search(sentence) if KK_GROUP_REF else None)
    if not m and not kk:
        return []
    size = GROUP_SIZE[m.group("n").lower()] if m else KK_COLLECTIVE[kk.group("n").lower()]
    names = list(dict.fromkeys(n for n in reversed(recent) if n not in officials))[:size]
    return names[::-1] if len(names) == size else []


def _owners(text, ref, trigger_end, victim_mentions, earlier_refs):
    """Whose provision this is: the victims named after the trigger and before it, when some are ("found A guilty
    under Article 1 and B under Article 2"; "…, and Zhumagulov also of …, Article 174"), else every victim."""
    since = max([trigger_end] + [r.end for r in earlier_refs if r.end <= ref.start])
    owners = [m for m in victim_mentions if since <= m.start < ref.start]
    if owners and since == trigger_end and REMNANT_TERM.match(text, owners[-1].end):
        return []  # "sent A to prison for five years and B for three under Article 174": one article for both
    return [m.name for m in owners]


# A counted plural noun as the passive subject right before a trigger: "six police officers were questioned",
# "dozens of witnesses were summoned" — the act is theirs, not the person the sentence is about.
# "Seven other people were arrested …", "были задержаны и другие активисты", "басқа белсенділер де ұсталды": a clause
# whose subject is OTHER people tells their acts, not those of the persons the text is about (lexicon others_before,
# others_after); up to a clause break ("but", "а", "бірақ", ";"), unless a person is named in between.
OTHERS_BEFORE = re.compile(rf"(?<!\w)(?:{MODIFIERS['others_before']})(?!\w)", re.I) if "others_before" in MODIFIERS \
    else None
OTHERS_AFTER = re.compile(rf"\s*(?:{MODIFIERS['others_after']})(?!\w)", re.I) if "others_after" in MODIFIERS else None
OTHERS_BREAK = re.compile(rf"(?<!\w)(?:{MODIFIERS['others_break']})(?!\w)|;", re.I) if "others_break" in MODIFIERS \
    else None


def _others_act(text, sentence, start, hit_start, hit_end, persons):
    """Whether the trigger at hit_start tells an act of other, unnamed people (see OTHERS_BEFORE)."""
    if OTHERS_BEFORE is None:
        return False
    if INCLUDING.search(sentence):
        return False  # "other activists, including X, were detained": X's too
    found = [m for m in OTHERS_BEFORE.finditer(sentence, 0, hit_start)]
    if found:
        m = found[-1]
        if not (OTHERS_BREAK and OTHERS_BREAK.search(sentence, m.end(), hit_start)) and \
                not any(start + m.end() <= p.start < start + hit_start for p in persons):
            return True
    after = OTHERS_AFTER.match(sentence, hit_end) if OTHERS_AFTER else None
    return bool(after)


OTHERS_PASSIVE = re.compile(r"(?<!\w)(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|some|dozens of|"
                            r"hundreds of|scores of)\s+(?:[a-z]+\s+){0,2}[a-z]+s\s+(?:were|had been|have been)\s+"
                            r"(?:also\s+)?$")


COUNTED_PLURAL = re.compile(r"(?<!\w)(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens of|"
                            r"hundreds of)\s+(?:[\w-]+\s+){0,2}(?!(?:years|months|days|hours|weeks|times)\b)[a-z]+s\b",
                            re.I)
# "His lawyer, Aigerim Bekova, was also detained": a person named as a companion but the subject of a passive verb.
PASSIVE_SUBJECT = re.compile(r"\s*,?\s*(?:was|were|has been|had been)\s+(?:also\s+|later\s+|then\s+|briefly\s+)?"
                             r"(?!said|quoted|told|reported|cited)[a-z]+ed\b")
RELATIVE_CLAUSE = re.compile(r",[^,;:]{0,80}?(?<!\w)(?:who|whom|which)\s+(?:(?:\w+\s+){0,2}(?:was|were|had been|has been|is|"
                             r"are)\s+(?:\w+\s+){0,2})?$", re.I)
# A relative clause right after a name, with the trigger in it: "…, Kanat Amrenov, who was himself given 15 days".
WHO_BEFORE = re.compile(r",\s+who\s+(?:\w+\s+){0,3}$", re.I)
# "…, the rights activist X said at the time.": the source of the sentence, named at its end.
SPEAKER_AT_END = re.compile(r"\s+(?:said|says|wrote|writes|added|noted|stated|recalled|commented|reported)"
                            r"(?:\s+(?:at the time|later|earlier|afterwards|yesterday|today|on \w+(?: \d+)?|in \w+))?"
                            r"\s*[.!?]", re.I)
OPINION_AFTER = re.compile(rf"\s*,?\s+(?:{MODIFIERS['opinion_after']})(?!\w)", re.I)
OFFICER_NOUN = r"(?:police\s+)?(?:officers?|guards?|policemen|investigators?|officials?|prosecutors?|judges?|wardens?)"
# An act done to officials (their acquittal, their charge): "acquitted the police officers", "officers accused of …".
OFFICERS_OBJECT = re.compile(rf"\s+(?:the\s+|two\s+|three\s+|four\s+|five\s+|several\s+|some\s+)?"
                             rf"(?!(?:by|with|from|to|at|in|on|for)\b)(?:\w+\s+)?"
                             rf"{OFFICER_NOUN}\b", re.I)
# … or the officials as the passive subject: "the officers who were charged", "guards accused of beating him".
OFFICERS_BEFORE = re.compile(rf"(?<!\w){OFFICER_NOUN}\s+(?:(?:who\s+)?(?:were|was|had been|have been|are|is)\s+"
                             rf"(?:\w+\s+)?)?$", re.I)
# "Investigators charged X …": the officers are the subject of an active verb whose object follows it.
ACTIVE_OBJECT = re.compile(r"\s+(?:him|her|them|(?:the\s+|a\s+)?"
                           r"(?:(?!(?:with|of|for|in|on|by|to|at|from|over|after|under)\b)[a-z-]+(?<!ing)\s+){0,2}[A-Z])")
OFFICERS_PASSIVE_VERB = re.compile(r"(?:were|was|had been|have been|are|is)\s+(?:\w+\s+)?$|^$", re.I)
# "The blogger was charged …": a role named with "the" as the subject stands for the person last named.
DEFINITE_ROLE = re.compile(r"^\s*(?:The|the)\s+(?:\w+\s+)?(?P<noun>activist|blogger|journalist|defendant|man|woman|poet|"
                           r"lawyer|politician|editor|human rights defender|dissident|prisoner|protester|unionist|"
                           r"leader|teacher|worker|writer|musician|pensioner|businessman|businesswoman|mother|father|"
                           r"reporter|campaigner|opposition figure|critic)\s+(?:\w+\s+){0,2}$")
# A process still going on, told without a day: "is being prosecuted" — undated.
ONGOING = re.compile(r"(?<!\w)(?:is|are)\s+(?:still\s+)?being\s+(?:\w+\s+)?$", re.I)
# "is accused of", "is under investigation", "remains in a detention facility", "has been placed under house arrest":
# a state the text reports in the present; with no date of its own it has none (not the narrative's last date).
PRESENT_STATE = re.compile(rf"(?<!\w)(?:{MODIFIERS['present_state']})$", re.I) if "present_state" in MODIFIERS else None
# … or after the trigger, where Kazakh puts it ("үйқамақта отырған Аян", who is under house arrest; "қамауда отыр")
PRESENT_STATE_AFTER = re.compile(rf"^\W{{0,3}}(?:{MODIFIERS['present_state_after']})(?!\w)", re.I) \
    if "present_state_after" in MODIFIERS else None
# "The blogger A, who is held in a pre-trial detention centre, went on hunger strike", "Б, находящийся под стражей,
# …", "В, который содержится в СИЗО, …": a deprivation told in a present relative or participle clause describes the
# person; with no date in that clause it has no day (not the narrative's, nor a dateline's: the entry reports
# something else). Lexicon state_relative, matched from the clause's opening up to the trigger.
STATE_RELATIVE = re.compile(rf"(?:{MODIFIERS['state_relative']})$", re.I) if "state_relative" in MODIFIERS else None


def _state_in_relative(text, sentence, start, hit_start, hit_end, act_type, own_dates):
    if STATE_RELATIVE is None or act_type not in DEPRIVATIONS:
        return False
    m = STATE_RELATIVE.search(sentence, 0, hit_start)
    if m is None:
        return False
    clause_end = re.search(r"[,;.()]|$", sentence[hit_end:])
    clause_end = hit_end + clause_end.start()
    return not any(start + m.start() <= d.start < start + clause_end for d in own_dates)


# "Ол да … үш жылға сотталып, 64-мекемеде жазасын өтеп жатыр": a Kazakh sentence whose last predicate is a present
# state (lexicon present_state_end) tells where things stand; the acts in its converbs before it are background, with
# no day from the narrative.
PRESENT_STATE_END = re.compile(rf"(?<!\w)(?:{MODIFIERS['present_state_end']})\W*$", re.I) \
    if "present_state_end" in MODIFIERS else None
INCLUDING = re.compile(r"(?<!\w)(?:including|among them|among whom|such as)\s+(?:\w+\s+){0,3}[A-Z]")
OFFICIAL_SUBJECT = re.compile(rf"^\s*(?:The|A|An|Two|Three|Several|Some)\s+(?:[\w-]+\s+){{0,3}}{OFFICER_NOUN}\s+"
                              rf"(?:who|that)\s+[^,;]*?\s(?:was|were|has been|had been|is|are)\s+(?:\w+\s+)?$", re.I)
CLAUSE_BREAK = re.compile(r"(?<!\w)(?:but|then|later|afterwards|before)(?!\w)|;", re.I)


OWN_OBJECT = re.compile(r"\s+(?:him|her)(?!\w)", re.I)
OWN_SUBJECT = re.compile(r"(?<!\w)(?:he|she)\s+(?:was|is|had been|has been|were)\s+(?:\w+\s+){0,2}$", re.I)


def _own_pronoun(sentence, clause):
    """A trigger with its own pronoun: "questioned him", "he was … detained"."""
    _, start, _, end = clause
    return bool(OWN_OBJECT.match(sentence, end) or OWN_SUBJECT.search(sentence[max(0, start - 40):start]))


def _penalty_clause(sentence, clause_types):
    """A term given with no verdict word ("Козлову назначено семь лет лишения свободы", "four years' restricted
    liberty") is a sentence (a fine, a fine; days of arrest, administrative detention) — unless someone only asked
    for it ("the prosecutor requested two years")."""
    if any(c[2] in {"sentenced", "administrative_detention", "fined", "sentence_reduced"} for c in clause_types):
        return []
    found = penalty_match(sentence)
    if not found:
        return []
    penalty, m = found
    if NOT_AN_ACT.search(sentence[:m.start()]) or (REQUEST and REQUEST.search(sentence[:m.start()])) or \
            re.search(r"\b(?:faces?|facing|up to|грозит|до)\s+$", sentence[:m.start()], re.I) or (
            NOT_AN_ACT_AFTER and NOT_AN_ACT_AFTER.match(sentence[m.end():])):
        return []
    act_type = {"fine": "fined", "administrative_detention": "administrative_detention"}.get(penalty["kind"], "sentenced")
    return [(False, m.start(), act_type, m.end())]


# "тағы төрт адамды", "ондаған тұрғынды": people counted, not the one just spoken of
KK_COUNTED = re.compile(rf"(?:{NUM}|(?<!\w)(?:{MODIFIERS_KK['counted_number']}))\s+(?:\w+\s+){{0,2}}"
                        rf"(?:{MODIFIERS['tally_noun']}|{MODIFIERS_KK['tally_stem']})\w*", re.I)
KK_CLAUSE_BREAK = re.compile(r",\s+(?:ал|бірақ|алайда|al|biraq|alaida)\s|;\s")
KK_COUNT_BEFORE = re.compile(rf"(?:(?<![.\d]){NUM}|(?<!\w)(?:{MODIFIERS_KK['counted_number']}|{MODIFIERS_KK['count_some']}))"
                             r"\s+$", re.I)
# A sentence naming its own object as a group of people in the accusative ("сот ол қызметкерлерді ақтады", the court
# acquitted those officers): it is not about the person just spoken of
# (a plural noun as the object, or in the genitive or dative: whose or to whom a verbal noun happened — "бірнеше қалада
# белсенділердің аңдылғанын және полицияға шақырылғанын хабарлады" is about a class of activists)
KK_GROUP_OBJECT = re.compile(r"(?<!\w)(?:[^\W\d_]+(?:лар|лер|дар|дер|тар|тер)(?:ды|ді|ын|ін)|"
                             r"[^\W\d_]{3,}(?:лар|лер|дар|дер|тар|тер)(?:дың|дің|ға|ге))(?!\w)", re.I)
KK_FIELD_LABEL = re.compile(r"(?<!\w)([^\W\d_]+)\s*:\s")


def _undated_penalty_field(text, dates, start, sentence, hit_start):
    """A list entry's penalty field with no date of its own ("Жазасы: бас бостандығынан айыру") after a field of
    another event with its day ("Ұсталды: 12.05.2023"), on one line or on lines of their own: the detention's day
    is not the sentence's (a verdict field, "Үкім: …", is)."""
    labels = list(KK_FIELD_LABEL.finditer(sentence, 0, hit_start))
    if not labels or not labels[-1].group(0).lower().startswith("жаза"):
        return False
    field_start = start + labels[-1].start()
    following = KK_FIELD_LABEL.search(sentence, hit_start)
    field_end = start + (following.start() if following else len(sentence))
    if list(dates.within(field_start, field_end)):
        return False
    entry = max(text_rfind(text, "\n\n", 0, field_start), 0)
    before = list(dates.within(entry, field_start))
    if not before:
        return False
    label = [m for m in KK_FIELD_LABEL.finditer(text, entry, before[-1].start)]
    return bool(label) and not label[-1].group(0).lower().startswith("үкім") and \
        not text[label[-1].end():before[-1].start].strip()


# A name after an official's title but in the dative, accusative, ablative or instrumental ("Прокурор Дидар
# Жақыповқа … сұрады", "тергеуші Ержан Қуанышев Мұрат Қалиевты …") is whom the official acted on, not the official.
KK_OBJECT_ENDING = re.compile(rf"(?:{MODIFIERS_KK['object_ending']})", re.I) if "object_ending" in MODIFIERS_KK \
    else None


def kazakh_object(mention):
    """The mention prints its family name with a Kazakh object case ending (the nominative is its name's last word)."""
    printed, name = mention.text.split(), mention.name.split()
    if KK_OBJECT_ENDING and len(printed) == 1 and len(name) >= 2 and printed[0] != name[0] and \
            printed[0].startswith(name[0]) and (KK_OBJECT_ENDING.fullmatch(printed[0][len(name[0]):]) or
                                                KK_GENITIVE.fullmatch(printed[0][len(name[0]):])):
        # "Полицейлер Абзалдың көліктен түсуін талап етті": a given name alone in a case (the genitive too) after a
        # word for the police is whom the sentence tells of — officials are named by their family name (session 16)
        return True
    if not KK_OBJECT_ENDING or not printed or not name or printed[-1] == name[-1] or \
            not printed[-1].startswith(name[-1]):
        return False
    return bool(KK_OBJECT_ENDING.fullmatch(printed[-1][len(name[-1]):]))


KK_PLURAL_PARTICIPLE = re.compile(r"(?:ған|ген|қан|кен)(?:дар|дер)\w*$", re.I)
KK_FINITE_END = re.compile(r"(?:ды|ді|ты|ті|ған|ген|қан|кен|тады|теді|ылды|ілді|алды|елді)$")


RU_OBJECT_PRONOUN_BEFORE = re.compile(r"(?<!\w)(ей|ему)\s+(?:[а-яё]+\s+)?$", re.I)
RU_LATER_CLAUSE = re.compile(r"(?:\s[—–]\s*|,\s*)(?:после того как|когда|хотя|потому что|так как|котор\w+|что|"
                             r"за то, что)(?!\w)", re.I)


RU_AGAINST_AFTER = re.compile(r"\s*(?:[а-яё]+\s+){0,2}?(?:против|в отношении)\s+(?:[а-яё]+\s+){0,2}?$", re.I)


def _named_against(text, sentence, start, hit_end, persons, victims):
    """Russian: a trigger followed at once by "против X" / "в отношении X" ("было возбуждено уголовное дело против
    Натальи Садыковой") is about X (and whoever is listed with X by "и"), not the others the sentence names. The
    names, else None."""
    if not CYRILLIC.search(sentence) or KAZAKH.search(sentence) or len(victims) < 2:
        return None
    after = sorted((m for m in persons if m.start >= start + hit_end and m.name in victims), key=lambda m: m.start)
    if not after or not RU_AGAINST_AFTER.fullmatch(text, start + hit_end, after[0].start):
        return None
    named = [after[0]]
    for m in after[1:]:
        if not re.fullmatch(r"\s*(?:,|и)\s*", text[named[-1].end:m.start]):
            break
        named.append(m)
    names = list(dict.fromkeys(m.name for m in named))
    return names if set(names) != set(victims) else None


# English verbs whose active subject does the act to its object ("Rustem Turgumbaev threatened him", "Judge A
# sentenced B"): a person named right before one of them, with an object right after, is its agent, not its victim.
AGENT_VERB = re.compile(r"(?:detain|arrest|threaten|search|raid|summon|question|interrogat|beat|attack|assault|tortur|"
                        r"charg|indict|sentenc|convict|fin|jail|acquitt?|releas|free|prosecut|remand|su|expell?|"
                        r"dismiss|fir|abduct|kidnapp?|harass|intimidat|insult|punch|kick)(?:ed|es|s|e)?(?!\w)", re.I)


def _role_of_another(text, mention):
    """Russian: a role noun in the nominative before a name in an oblique case names someone else's role towards that
    person ("адвокат Марата Жыланбаева", Marat Zhylanbayev's lawyer), not the person's own ("адвокат Марат …")."""
    words = mention.text.split()
    if not words or not CYRILLIC.search(mention.text) or KAZAKH.search(mention.text) or \
            words[-1] == mention.name.split()[-1]:
        return False
    before = re.search(r"([а-яё]+)\s+$", text[max(0, mention.start - 30):mention.start], re.I)
    return bool(before and not re.search(r"(?:а|я|у|ю|ом|ем|е|ы|и)$", before.group(1).lower()))


# An interview: lines of dialogue opened by a dash, some of them questions.
DIALOGUE_LINE = re.compile(r"^[ \t]*[—–][ \t]+\S.*$", re.M)
FIRST_PERSON = {kind: re.compile(rf"(?<!\w)(?:{MODIFIERS[kind]})(?!\w)", re.I) if kind in MODIFIERS else None
                for kind in ("first_person", "first_person_plural")}


def _interviewee(text, mentions, officials):
    """The person an interview is with, when the text is one (six lines of dialogue or more, two of them questions)
    and its title names that person first ("Игорь Винявский: «…»", "… белсенді Зинакүл Құтмамбетовамен сұхбат",
    "Разговор с Натальей Садыковой"); None otherwise — also when the title's first name is someone else's relation
    ("адвокат Марата Жыланбаева": the lawyer is not named)."""
    lines = DIALOGUE_LINE.findall(text)
    if len(lines) < 6 or sum(line.rstrip().endswith("?") for line in lines) < 2:
        return None
    title_end = text_find(text, "\n", len(text) - len(text.lstrip()))
    first = next((m for m in mentions if m.end <= (title_end if title_end >= 0 else len(text))), None)
    if first is None or first.name in officials or _role_of_another(text, first):
        return None
    return first.name


def _told_by_interviewee(text, start, sentence, interviewee, last_group):
    """In an interview's answer (a dialogue line that asks nothing), "меня увезли", "мені ұстады", "they detained me":
    the act was done to the interviewee; "нас", "бізді", "us": to the group just named with the interviewee in it."""
    line_start = text_rfind(text, "\n", 0, start) + 1
    line_end = text_find(text, "\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if not DIALOGUE_LINE.match(line) or line.rstrip().endswith("?"):
        return []
    if FIRST_PERSON["first_person"] and FIRST_PERSON["first_person"].search(sentence):
        return [interviewee]
    if FIRST_PERSON["first_person_plural"] and FIRST_PERSON["first_person_plural"].search(sentence):
        return [interviewee] + [name for name in last_group if name != interviewee]
    return []


def _asked_about(text, start, mentions, excluded):
    """In an interview's answer, a sentence naming no one before any name in the answer ("– Достиярды ұстады ма? –
    Иә, ақыры ұстады.", "— Was Aliyev released? — Yes, on 3 May, after a week."): the act is of the one person the
    question just before names (not "they detained me": the interviewee's own). [] when the sentence is no answer's, the answer has named someone before it, or the
    question names no one or several."""
    line_start = text_rfind(text, "\n", 0, start) + 1
    line_end = text_find(text, "\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if not DIALOGUE_LINE.match(line) or line.rstrip().endswith("?") or mentions.within(line_start, start):
        return []
    question_end = line_start - 1
    while question_end > 0 and text[question_end - 1] in "\n \t":
        question_end -= 1
    question_start = text_rfind(text, "\n", 0, question_end) + 1
    question = text[question_start:question_end]
    if question_end <= 0 or not DIALOGUE_LINE.match(question) or not question.rstrip(" »\"*").endswith("?"):
        return []
    named = list(dict.fromkeys(m.name for m in mentions.within(question_start, question_end)))
    return named if len(named) == 1 and named[0] not in excluded else []


QUESTION_SENTENCE = re.compile(r"\?[\s»\")]*$")


AGENT_OFFICE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?[^,;:.()\n]{0,50}?(?:police|court|KNB|National\s+Security\s+Committee|"
                          r"prosecutor['’]s\s+office|department|Interior\s+Ministry|anti-extremism\s+unit)\s*")


def _object_of_named_agent(text, sentence, start, hit_start, persons, recent, officials):
    """The victims of an act told in the active voice by a named agent ("On 3 April Rustem Turgumbaev, a deputy head
    of the department, threatened him", "Judge A sentenced B"): the person named right after the verb, else the one
    its object pronoun points to (the last person named who is neither the agent nor an official). None when the
    trigger is no such verb with a person right before it and an object right after it (passives, participles,
    "X was detained, charged and remanded"): the caller keeps its own choice. English only."""
    verb = AGENT_VERB.match(sentence, hit_start)
    if verb is None or CYRILLIC.search(sentence):
        return None
    at = start + hit_start
    agent = next((m for m in reversed(persons) if m.end <= at), None)
    # (session 16, h26-enprec: also "A of the Almaty city police detained B", an office named after the agent)
    if agent is None or not (re.fullmatch(r"\s*(?:,[^,;:.()\n]{3,150})?,?\s*", text[agent.end:at]) or AGENT_OFFICE.fullmatch(
            text, agent.end, at)) or \
            re.search(r"(?<!\w)(?:of|for|with|to|by|against|from|about|meet|meeting|met|greet|interviewed)\s*$",
                      text[max(0, agent.start - 20):agent.start], re.I):
        return None  # (the agent is the subject right before the verb, not some other word's object)
    end = start + verb.end()
    after = next((m for m in persons if m.start >= end), None)
    if after is not None and re.fullmatch(r"\s+(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,2}", text[end:after.start]) \
            and after.name != agent.name:
        named = [after]
        for m in persons:  # "detained A and B"
            if m.start > named[-1].end and BARE_GLUE.fullmatch(text[named[-1].end:m.start]):
                named.append(m)
        return [m.name for m in named]
    pronoun = re.match(r"\s+(him|her)(?!\w)", text[end:end + 8], re.I)
    if pronoun is None:
        return None
    female = pronoun.group(1).lower() == "her"
    return next(([n] for n in reversed(recent) if n != agent.name and n not in officials
                 and _female(n) == female), None)


# Session 15 (h25-victim): a Russian preposition before a name makes it no subject ("вместе с", "для", "у", "по
# словам"); a clause break between a name and a verb makes it no subject either.
RU_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?:с|со|у|для|от|к|ко|по|при|о|об|про|за|против|без|после|до|на|в|во|"
                                   r"между|перед|через|словам)\s+(?:[а-яё-]+\s+){0,2}$", re.I)
RU_AGENT_GAP = re.compile(r"[^,;:.!?()«»\"—–\n]{0,80}")


def _printed_as_recorded(text, mention):
    """A Russian name printed as it is recorded (the nominative), not declined ("Ерлана Сеитова")."""
    return text[mention.start:mention.end] == mention.name


RU_OBJECT_VERBS = {row[0] for row in lexicon.table("object_verbs", "ru")} if "ru" in lexicon.languages() else set()


def _russian_agent(text, sentence, start, hit_start, hit_end, persons):
    """The named agent of a Russian active verb whose object is its victim (lexicon ru/object_verbs.tsv:
    "приговорить", "задержать", "избить" …): the name in the nominative (printed as recorded) right before the verb,
    in its clause and after no preposition — "Нурлан Абенов приговорил …", "судья … Кайрат Иманкулов приговорил
    восьмерых …". None when the trigger is no such verb in the active voice or no such name stands before it."""
    if not CYRILLIC.search(sentence) or KAZAKH.search(sentence):
        return None
    word = re.match(r"[а-яё]+", sentence[hit_start:hit_end], re.I)
    if not word:
        return None
    parse = _first_parse(word.group().lower())
    if parse.tag.POS != "VERB" or parse.normal_form not in RU_OBJECT_VERBS or parse.tag.number != "sing":
        return None  # ("приговорили", "задержали": no named subject — they, indefinite)
    at = start + hit_start
    agent = next((m for m in reversed(persons) if m.end <= at), None)
    role = re.search(r"([а-яё]+)\s+$", text[max(0, agent.start - 30):agent.start], re.I) if agent is not None else None
    role_parse = _first_parse(role.group(1).lower()) if role else None
    if role_parse is not None and role_parse.tag.POS == "NOUN" and "anim" in role_parse.tag and \
            role_parse.tag.case != "nomn":
        return None  # "журналиста Сауле Жумабек": the name is in the role noun's case, an indeclinable object
    if agent is None or not _printed_as_recorded(text, agent) or \
            not RU_AGENT_GAP.fullmatch(text, agent.end, at) or \
            RU_PREPOSITION_BEFORE.search(text, max(0, agent.start - 40), agent.start) or \
            re.search(r"(?<!\w)(?:и|а|но|затем|потом|также)(?!\w)", text[agent.end:at], re.I):
        # (a verb joined to an earlier one has that one's subject: "Суд признал журналиста Марат Кунаев виновным и
        # приговорил …" — the name is the first verb's object)
        return None
    return agent


def _russian_object_of_agent(text, sentence, start, hit_start, hit_end, persons):
    """Russian active verb with a named subject: "Нурлан Абенов приговорил Ерлана Сеитова", "… Абенов избил
    Сеитова": the name in the nominative right before the verb is its agent (`_russian_agent`), the declined name
    after it (the accusative or dative object) its victim. None when there is no such agent, or no declined name
    follows the verb in its clause (the caller keeps its own choice, less the agent)."""
    agent = _russian_agent(text, sentence, start, hit_start, hit_end, persons)
    if agent is None:
        return None
    end = start + hit_end
    after = next((m for m in persons if m.start >= end), None)
    if after is None or after.name == agent.name or _printed_as_recorded(text, after) or \
            not RU_AGENT_GAP.fullmatch(text, end, after.start) or len(text[end:after.start].split()) > 6 or \
            RU_PREPOSITION_BEFORE.search(text, max(end, after.start - 40), after.start):
        return None
    named = [after]
    for m in persons:  # "задержал А и Б"
        if m.start > named[-1].end and BARE_GLUE.fullmatch(text[named[-1].end:m.start]):
            named.append(m)
    return [m.name for m in named]


TOGETHER_BEFORE = re.compile(rf"(?<!\w)(?:{MODIFIERS['together']})\s+(?:[^\W\d]+\s+){{0,2}}$", re.I) \
    if "together" in MODIFIERS else None


def _companions(text, start, hit_end, end, persons, victims):
    """The persons named after a trigger as "together with" its victim ("A was detained on 12 March together with B",
    "… был задержан вместе с Б"): the act is theirs too (docs/evaluation.md, the convention of session 13). Only
    persons who are victims of the sentence (no official, no bystander)."""
    if TOGETHER_BEFORE is None:
        return []
    return [m.name for m in persons if start + hit_end <= m.start < end and m.name in victims
            and TOGETHER_BEFORE.search(text, max(start + hit_end, m.start - 40), m.start)]


def _subjects_after_companion(text, start, hit_end, end, persons, victims, subject):
    """"Вместе с Нургалиевым осуждены А, Б и В": when every subject found before the trigger is a companion ("вместе
    с", "together with"), the subjects of the passive verb stand after it — the list right after the trigger."""
    if not subject or TOGETHER_BEFORE is None:
        return []
    for m in persons:
        if m.name in subject and m.end <= start + hit_end and \
                not TOGETHER_BEFORE.search(text, max(start, m.start - 40), m.start):
            return []
    after = [m for m in persons if start + hit_end <= m.start < end]
    if not after or _far_after(text, start + hit_end, after[0].start) or after[0].name not in victims:
        return []
    named = [after[0]]
    for m in after[1:]:
        if not BARE_GLUE.fullmatch(text[named[-1].end:m.start]) or m.name not in victims:
            break
        named.append(m)
    return [m.name for m in named]


def _far_after(text, a, b):
    """More than a few words, or a clause break, between a trigger and the name after it."""
    return len(text[a:b].split()) > 4 or bool(re.search(r"[.;:,]", text[a:b]))


COMPLEMENT = re.compile(r"(?:,\s*)?(?<!\w)(?:that|что|как)(?!\w)", re.I)
PARENTHETICAL_AS = re.compile(rf"\s+(?:{MODIFIERS_RU['parenthetical_as']})(?!\w)", re.I) \
    if "parenthetical_as" in MODIFIERS_RU else None


def _after_complement(text, start, hit_start, hit_end, end, persons, victims):
    """The persons after a trigger whose clause opens with "that" / "что" after the last person named before it ("X
    stated that police had detained Y"): the person before speaks, the act is of those after. None otherwise."""
    before = [m for m in persons if m.end <= start + hit_start]
    after = [m for m in persons if start + hit_end <= m.start < end and m.name in victims]
    gap = text[start + hit_end:after[0].start] if after else ""
    # (not a "как" opening an aside on who tells it: "Аян, как напомнили выступавшие, вышел …" — Аян is the subject)
    complement = next((c for c in (COMPLEMENT.finditer(text, before[-1].end, start + hit_start) if before else ())
                       if not (PARENTHETICAL_AS and c.group().lstrip(", ").lower() == "как" and
                               PARENTHETICAL_AS.match(text, c.end()))), None)
    if not before or not after or not complement or re.search(r"[.;:]", gap) or len(gap.split()) > 6:
        return None
    return after


RU_EVENT_OWNER_BEFORE = re.compile(rf"(?<!\w)(?:после|до|перед|накануне|во\s+время|в\s+ходе)\s+"
                                   rf"(?:{MODIFIERS_RU['event_noun']})\s+$", re.I) if "event_noun" in MODIFIERS_RU else None


MODIFIERS_EN = lexicon.grouped("modifiers", language="en")
EN_OWNED_EVENT = re.compile(rf"[’']s\s+(?:{MODIFIERS_EN['owned_event']})(?!\w)", re.I) \
    if "owned_event" in MODIFIERS_EN else None


def _ru_event_owner(text, mention, persons=()):
    """A name that owns an event dating the act: Russian, declined after a time word and an event ("Спустя два дня
    после пикета Бикетова полиция задержала ещё двоих пикетчиков"); English, "after X's picket" (lexicon en
    owned_event). Whose picket or rally it was — not the one acted on."""
    printed = text[mention.start:mention.end]
    if EN_OWNED_EVENT is not None and LATIN.search(printed) and EN_OWNED_EVENT.match(text, mention.end):
        # (a time word before, "after X's picket", and another person named after: "… charged him after X's post"
        # is X's charge)
        return any(m.start > mention.end and m.name != mention.name for m in persons) and bool(
            re.search(r"(?<!\w)(?:after|before|following|during|since)\s+$", text[max(0, mention.start - 12):mention.start],
                      re.I))
    return bool(RU_EVENT_OWNER_BEFORE is not None and CYRILLIC.search(printed)
                and not KAZAKH.search(printed) and not _printed_as_recorded(text, mention)
                and RU_EVENT_OWNER_BEFORE.search(text, max(0, mention.start - 40), mention.start))


QUOTE = re.compile(r"«[^«»]{3,400}»|“[^“”]{3,400}”|\"[^\"]{3,400}\"")
SAID_AFTER_QUOTE = re.compile(r"\s*[,.]?\s*[—–-]?\s*(?:(?:said|says|told|recalled|added|wrote)\s+|"
                              r"(?:сказал\w*|рассказал\w*|говорит|вспоминает|вспоминал\w*|добавил\w*|написал\w*)\s+|"
                              r"(?:деді|дейді|айтты|деп жазды)\s+)(?:[^\W\d]+\s+){0,2}$", re.I)


def _quoted_self(text, sentence, start, clause_types, persons):
    """A quote telling in the first person ("me", "меня", "мені") of an act, then its speaker: '"They detained me on
    12 March," said A', '«Меня задержали …», — рассказал А', '«Мені … ұстады», — деді А': the act is the speaker's.
    [name] or []."""
    first = FIRST_PERSON.get("first_person")
    if first is None:
        return []
    for quote in QUOTE.finditer(sentence):
        if not any(quote.start() < c[1] < quote.end() for c in clause_types) or \
                not first.search(quote.group()):
            continue
        speaker = next((m for m in persons if m.start >= start + quote.end()), None)
        if speaker is not None and SAID_AFTER_QUOTE.fullmatch(text, start + quote.end(), speaker.start):
            return [speaker.name]
    return []


RELATIVE_BETWEEN = re.compile(r"\s*,\s*(?:[^\W\d]+\s+){0,2}(?:who|whose|whom|котор\w+|чей|чья|чьё|чьи)(?!\w)"
                              r"[^;.:]*?,\s*(?:[^\W\d]+\s+){0,3}$", re.I)


def _subject_before_relative(text, start, hit_start, persons, victims):
    """The subject named before a relative clause that names someone else, right before the verb: "A, whose lawyer is
    B, was detained", "А, интересы которого представляет адвокат Б, был задержан" — A, not B. [name] or []."""
    at = start + hit_start
    before = [m for m in persons if start <= m.start and m.end <= at]
    for i in range(len(before) - 2, -1, -1):
        subject = before[i]
        if subject.name in victims and RELATIVE_BETWEEN.fullmatch(text, subject.end, at) and \
                all(subject.end < m.start for m in before[i + 1:]):
            return [subject.name]
    return []


KIN_OF_BEFORE = re.compile(r"(?<!\w)(?:жена|муж|супруга|супруг|мать|отец|сестра|брат|сын|дочь|адвокат|защитник)\s+$",
                           re.I)
KIN_OF_AFTER = re.compile(r"[’']s\s+(?:wife|husband|mother|father|son|daughter|sister|brother|lawyer|counsel|"
                          r"attorney)\s*,?\s*$", re.I)


RU_LAWYER_OF = re.compile(r"(?<!\w)(?:адвокат|защитник)\s+(?:[А-ЯЁ][а-яё-]+\s+){0,3}$", re.I)
RU_CLIENT = re.compile(r"(?<!\w)(?:подзащитн|клиент)\w*", re.I)
KIN_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:жена|муж|супруга|супруг|мать|отец|сестра|брат|сын|дочь|адвокат|"
                                  r"защитник)\s+$", re.I)


def _relative_speaking(text, mention, persons, start):
    """The person whose relative or lawyer `mention` is, when the mention is named as such and speaks: "B's wife A
    said he was detained", "Жена Б, А, рассказала, что его задержали", "А, мать Б, рассказала, что её сына
    задержали" — A speaks of B (the act is B's). None otherwise."""
    following = next((m for m in persons if m.start >= mention.end), None)
    if following is not None and not _printed_as_recorded(text, following) and \
            KIN_APPOSITION_AFTER.fullmatch(text, mention.end, following.start) and \
            re.match(r"\s*,", text[following.end:following.end + 3]) and OPINION_AFTER.match(text, following.end):
        return following
    if following is not None and re.fullmatch(r"\s*,\s*", text[mention.end:following.start]):
        # "A, B's lawyer, said that his client …": A is B's lawyer
        tie = RELATIVE_AFTER.match(text[following.end:following.end + 40])
        tie_end = following.end + tie.end() if tie else 0
        if tie and re.match(r"\s*,", text[tie_end:tie_end + 3]) and OPINION_AFTER.match(text, tie_end):
            return following
    if not OPINION_AFTER.match(text, mention.end) and not RU_LAWYER_OF.search(text, max(0, mention.start - 60),
                                                                              mention.start):
        return None
    previous = next((m for m in reversed(persons) if m.end <= mention.start), None)
    if previous is None or previous.start < start:
        return None
    glue = text[previous.end:mention.start]
    if KIN_OF_AFTER.fullmatch(glue) or (re.fullmatch(r"\s*,\s*", glue) and not _printed_as_recorded(text, previous)
                                        and KIN_OF_BEFORE.search(text, max(0, previous.start - 20), previous.start)):
        return previous
    if re.fullmatch(r"\s*", glue) and not _printed_as_recorded(text, previous) and \
            RU_LAWYER_OF.search(text, max(0, previous.start - 20), previous.start) and \
            RU_CLIENT.search(text, mention.end):
        return previous  # "Адвокат Б А сообщил, что его подзащитному …": Б is the client
    return None


# Session 16 (h26-enprec): an English speaker named as someone's relative ("His brother A told reporters he …") or as
# an office's voice ("A, a spokesman for the city police, said he …", "The head of the city police, A, said he …")
# speaks of another person's act, told with a pronoun: A is no victim there.
SPEECH_AFTER = re.compile(r"\s*,?\s+(?:also\s+)?(?:said|says|told|tells|added|adds|confirmed|confirms|stated|states|"
                          r"reported|reports|wrote|writes|explained|explains|claimed|claims|insisted|noted)(?!\w)")
SPEAKER_KIN_BEFORE = re.compile(
    rf"(?<!\w)(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:{'|'.join(re.escape(r[0]) for r in lexicon.table('kin', 'en') if r)})"
    r"\s*,?\s*$", re.I)
OFFICE_VOICE = r"(?:spokes(?:man|woman|person)|press\s+secretary|press\s+officer|representative|official|(?:deputy\s+)?(?:head|chief))"
SPEAKER_OFFICE_BEFORE = re.compile(rf"(?<!\w)(?:[Tt]he|[Aa])\s+{OFFICE_VOICE}\s+(?:of|for|at)\s+[^,;.()\n]{{2,60}},\s*$")
SPEAKER_OFFICE_AFTER = re.compile(rf",\s*(?:the\s+|a\s+|an\s+)?{OFFICE_VOICE}\s+(?:of|for|at)\s+[^,;.()\n]{{2,60}}(?=,)")


OWNER_OF_THING = re.compile(rf"['’]s\s+(?:(?-i:[A-Z])|(?:[\w-]+\s+)?(?:{MODIFIERS['owner_of_thing']})(?!\w))", re.I) \
    if "owner_of_thing" in MODIFIERS else None
SUBJECT_PRONOUN = re.compile(r"(?<!\w)(?:he|she|they)(?!\w)", re.I)


def _owner_after_pronoun(text, mention, start):
    """"In May 2023 he was arrested for supporting X's movement": X owns the movement; the act is the pronoun's."""
    return bool(OWNER_OF_THING and OWNER_OF_THING.match(text, mention.end) and not CYRILLIC.search(text[start:mention.end])
                and SUBJECT_PRONOUN.search(text, start, mention.start))


def _speaker_for_another(text, mention, start, end):
    if CYRILLIC.search(text[start:end]):
        return False
    after = mention.end
    office = SPEAKER_OFFICE_AFTER.match(text, after)
    if office:
        after = office.end() + 1
    elif not (SPEAKER_KIN_BEFORE.search(text, max(start, mention.start - 30), mention.start) or
              SPEAKER_OFFICE_BEFORE.search(text, max(start, mention.start - 90), mention.start)):
        return False
    speech = SPEECH_AFTER.match(text, after)
    return bool(speech and PRONOUN.search(text, speech.end(), end))


KK_ACCUSATIVE = re.compile(r"(?:ны|ні|ды|ді|ты|ті|ny|ni|dy|di|ty|ti)", re.I)


def _kk_accusative_relative(text, mention, before):
    """A Kazakh name in the accusative after a word for a relative or a lawyer ("Матаев пен оның ұлы Әсет Матаевты
    ақтады", "адвокаты Б-ны ұстады"): the case makes the person the verb's object — acted on, not a bystander."""
    return bool(KAZAKH.search(text[mention.start:mention.end] + before) and _kazakh_case(mention)
                and KK_ACCUSATIVE.fullmatch(_kazakh_case(mention)) and BYSTANDER_BEFORE.search(before))


KK_PASSIVE_AFTER = re.compile(r"\s+(?:[^\s.!?;,]+\s+){0,6}?[^\s.!?;,]*(?:ыл|іл|л|ын|ін|н)(?:ды|ді)(?=[\s.!?;]|$)", re.I)


def _kk_relative_subject(text, mention, persons, before, end):
    """Kazakh: a name in the nominative after a word for a relative, right before a passive verb ("Б-ның ұлы А
    2023 жылы ұсталды"), is that verb's subject: the name of the genitive owner of the word (Б) returned, to be no
    victim ("" when the owner is "оның"). None otherwise (the relative who speaks, "Б-ның анасы А … айтты", stays a
    bystander)."""
    if not KAZAKH.search(before + text[mention.start:mention.end]) or _kazakh_case(mention) != "" or \
            not BYSTANDER_BEFORE.search(before):
        return None
    passive = KK_PASSIVE_AFTER.match(text, mention.end, end)
    if passive is None or any(mention.end < m.start < passive.end() for m in persons):
        return None
    if re.search(r"(?<!\w)(?:оның|onyñ)\s+\S+\s+$", before, re.I):
        return ""  # "Оның әйелі А … ұсталды": his wife — the pronoun owns the word, she is acted on
    owner = next((m for m in reversed(persons) if m.end <= mention.start), None)
    if owner is None or not _kazakh_case(owner) or not KK_GENITIVE.fullmatch(_kazakh_case(owner)) or \
            len(text[owner.end:mention.start].split()) > 2:
        return None
    return owner.name


GAP_BY_PROVISION_BEFORE = re.compile(r"(?:,\s*)?(?<!\w)(?:and|а|ал|al)\s+$|,\s+$", re.I)
GAP_BY_PROVISION_AFTER = re.compile(r"\s*[—–-]?\s*(?:under|по|ҚК|QK)(?!\w)", re.I)


def _gapped_by_provision(text, hit_end, end, persons, victims, refs):
    """Persons after the trigger with their own article and no verb of their own ("A was charged under Article 174
    and B under Article 274", "А предъявили обвинение по статье 174, а Б — по статье 274"): the verb is theirs too."""
    extra, position = [], hit_end
    for m in (m for m in persons if hit_end <= m.start < end):
        ref_before = [r for r in refs if position <= r.start and r.end <= m.start]
        if m.name not in victims or not ref_before or not GAP_BY_PROVISION_BEFORE.search(
                text, max(ref_before[-1].end, m.start - 12), m.start) or not GAP_BY_PROVISION_AFTER.match(text, m.end):
            break
        extra.append(m.name)
        position = m.end
    return extra


def _provision_per_victim(refs, victim_mentions):
    """Each victim followed by an article of their own, before the next victim ("A under Article 174 and B under
    Article 274", "Х-ке 174-бабы бойынша, ал Ү-ке 274-бабы бойынша"): the owners of each article ([names] per ref),
    the victim named last before it. None unless every victim mention (two at least) is followed by one."""
    named = sorted({m.start: m for m in victim_mentions}.values(), key=lambda m: m.start)
    if len({m.name for m in named}) < 2 or not refs:
        return None
    bounds = [m.start for m in named[1:]] + [10 ** 12]
    if any(not any(m.end <= r.start < bound for r in refs) for m, bound in zip(named, bounds)):
        return None
    owners = []
    for r in refs:
        before = [m for m in named if m.end <= r.start]
        if not before:
            return None
        owners.append([before[-1].name])
    return owners


RU_KIN_NOUN_BEFORE = re.compile(r"(?<!\w)(?:сын|сына|сыну|сыном|дочь|дочери|жена|жены|жене|жену|женой|муж|мужа|мужу|"
                                r"брат|брата|брату|братом|сестра|сестры|сестре|сестру|мать|матери|отец|отца|отцу|"
                                r"адвокат|адвоката|адвокату|защитник|защитника)\s+$", re.I)


def _ru_kin_anchor(text, mention, persons):
    """A Russian name declined after a word for a relative or a lawyer and followed at once by a name in the
    nominative ("был задержан сын Айгерим Бековой Ерлан Сеитов", "Адвокат Б А сообщил"): it says whose son or lawyer
    the next person is — no victim of the sentence's act by itself."""
    if not CYRILLIC.search(text[mention.start:mention.end]) or KAZAKH.search(text[mention.start:mention.end]) or \
            _printed_as_recorded(text, mention) or \
            not RU_KIN_NOUN_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return False
    following = next((m for m in persons if m.start >= mention.end), None)
    return following is not None and re.fullmatch(r"\s*,?\s*", text[mention.end:following.start]) is not None and \
        _printed_as_recorded(text, following)


RU_CONDEMNED_OBJECT = re.compile(rf"(?<!\w)(?:{MODIFIERS_RU['condemned_object']})(?!\w)", re.I) \
    if "condemned_object" in MODIFIERS_RU else None


def _condemned_not_convicted(sentence, hit_start, hit_end):
    """"Задержание Б осудил правозащитник А", "А осудил арест Б": "осудил" with an act or a decision for its object
    (lexicon ru condemned_object) in its clause condemns that act — no verdict."""
    if RU_CONDEMNED_OBJECT is None or not re.match(r"осудил", sentence[hit_start:hit_end], re.I):
        return False
    # the object right after the verb ("осудил арест Б", "осудили действия полиции"), or opening the sentence
    # ("Задержание Б … осудил А")
    return bool(re.match(rf"\s+(?:[а-яё]+\s+)?(?:{MODIFIERS_RU['condemned_object']})(?!\w)", sentence[hit_end:], re.I)
                or RU_CONDEMNED_OBJECT.match(sentence, len(sentence) - len(sentence.lstrip())))


def _pronoun_before_trigger(text, sentence, start, hit_start, hit_end, persons, victims, mentions, officials):
    """Russian: a dative pronoun right before the trigger ("прокуратура вынесла ей предупреждение …") while everyone
    the sentence names stands in a later clause ("— после того как издание сообщило о задержании Б"): the act is the
    pronoun's, the last person of that gender named before the sentence. The name, else None."""
    if not CYRILLIC.search(sentence) or KAZAKH.search(sentence):
        return None
    # (before the trigger, or inside it: "вынесла ей предупреждение" is one trigger)
    pronoun = RU_OBJECT_PRONOUN_BEFORE.search(sentence[:hit_start]) or \
        re.search(r"(?<!\w)(ей|ему)(?!\w)", sentence[hit_start:hit_end], re.I)
    if pronoun is None:
        return None
    named = [m for m in persons if m.name in victims]
    later = RU_LATER_CLAUSE.search(sentence, hit_end)
    if not named or later is None or any(m.start < start + later.start() for m in named):
        return None
    female = pronoun.group(1).lower() == "ей"
    earlier = [m.name for m in (mentions.before(start) if isinstance(mentions, Spans) else mentions)
               if m.start < start and m.name not in officials]
    return next((n for n in reversed(earlier) if _female(n) == female), None)


def _kazakh_clause_victims(sentence, start, hit_start, persons, victims, clause_types):
    """Kazakh marks the objects by their case, so every person of the trigger's clause is its victim — and of a clause
    before it that has no verb of its own ("A мен B-ны 10 тәулікке, ал C-ны 15 тәулікке қамады": one verb for all);
    not a person of a later clause after ", ал" ("A-ны босатты, ал B жазасын өтеді")."""
    breaks = [m.end() for m in KK_CLAUSE_BREAK.finditer(sentence)]
    # A finite verb ends its clause: after "X-ті 21 жылға соттады," the next clause ("айыптаушылар A мен B-ны онымен
    # байланыстырды") is about other people, told with a verb of its own (not a converb "ұсталып,", which shares them).
    for c in clause_types:
        after = re.match(r",\s+", sentence[c[3]:])
        if after and KK_FINITE_END.search(sentence[:c[3]]):
            breaks.append(c[3] + after.end())
    breaks.sort()
    if not breaks:
        return victims
    clause_start = max((b for b in breaks if b <= hit_start), default=0)
    clause_end = min((b for b in breaks if b > hit_start), default=len(sentence))
    later = {m.name for m in persons if m.start - start >= clause_end}
    earlier_with_verb = set()
    bounds = [0] + breaks + [len(sentence)]
    for a, b in zip(bounds, bounds[1:]):
        if b <= clause_start and any(a <= c[1] < b for c in clause_types):
            earlier_with_verb |= {m.name for m in persons if a <= m.start - start < b}
    own = [v for v in victims if v not in later and v not in earlier_with_verb]
    return own or victims


# Kazakh is subject-object-verb and marks the object by its case: in "полиция капитаны Руслан Байбатыров Ұлжан
# Бекенованы … ұстап әкетті" or "Белсенді Бекзат Тілеубай … Перизат Қуанышты полиция ұстады деп мәлімдеді" the name
# in the nominative before a name in the accusative or dative is who acted or told, not the victim. A nominative name
# joined to the next one ("A мен B-ны", "A, B және C-ны": the case is on the last only) is one of the objects.
KK_JOINED_AFTER = re.compile(r"\s*(?:,|мен|пен|бен|және|men|pen|ben|jäne)(?:\s|$)", re.I)
KK_DIRECT_OBJECT = re.compile(r"(?:ны|ні|ды|ді|ты|ті|ға|ге|қа|ке|н|на|не|ny|ni|dy|di|ty|ti|ğa|ge|qa|ke)", re.I)


KK_SPEAKER_SELF = re.compile(r"\s*(?:айтуынша|сөзінше|aituynşa|sözınşe)(?!\w)", re.I)
KK_SELF_PRONOUN = re.compile(r"(?<!\w)(?:оны|оған|ол|onı|oğan|ol)(?!\w)", re.I)


def _kazakh_agents(text, sentence, start, hit_start, persons, victims):
    """The victims less the nominative names standing before a Kazakh object (accusative or dative) of the same
    clause before the trigger; the victims unchanged when that would leave none."""
    breaks = [m.end() for m in KK_CLAUSE_BREAK.finditer(sentence, 0, hit_start)]
    clause_start = start + (breaks[-1] if breaks else 0)
    before = sorted((m for m in persons if clause_start <= m.start < start + hit_start), key=lambda m: m.start)
    objects = [m for m in before if _kazakh_case(m) is not None and KK_DIRECT_OBJECT.fullmatch(_kazakh_case(m))]
    if not objects:
        return victims
    agents = {m.name for m in before if _kazakh_case(m) == "" and m.end <= objects[-1].start and
              not KK_JOINED_AFTER.match(text, m.end) and m.name not in {o.name for o in objects}}
    kept = [v for v in victims if v not in agents]
    return kept or victims


def _kazakh_case(mention):
    """The case ending the mention's last printed word carries after its name's last word ("" for the nominative),
    None when the printed word is not the name's word with an ending (another spelling)."""
    printed, name = mention.text.split(), mention.name.split()
    if not printed or not name or not printed[-1].startswith(name[-1]):
        return None
    return printed[-1][len(name[-1]):]


# A negation or a modal reaches up to a contrast or a new clause: "he was not freed but arrested again" reports the
# arrest; "he could not … ; police detained him" the detention.
SCOPE_END = re.compile(r"(?<!\w)(?:but|instead|yet|however|although|whereas|а|но|однако|бірақ|алайда)(?!\w)|;", re.I)


# A charge verb before an attack or a threat: the offence charged ("вменили … нападение", "обвиняют в угрозах").
CHARGED_OFFENCE = re.compile(rf"(?<!\w)(?:{MODIFIERS['charged_offence']})(?!\w)"
                            rf"(?:(?!,\s*(?:{MODIFIERS['next_clause']})\s)(?:[^.;!?]|\.(?=\s*\d)))*$", re.I) \
    if "charged_offence" in MODIFIERS else None


NOT_AN_ACT_CUE = re.compile(rf"(?<!\w)(?:{MODIFIERS['not_an_act']})")
# The offence's name in brackets after its article ("по ч. 3 ст. 24 (покушение)", "ст. 73 КоАП («Клевета»)",
# "Article 380 of the Criminal Code (violence against an official)", "174-бабы (...)"): what the article punishes, not
# an act done to anyone.
PROVISION_GLOSS = re.compile(
    r"(?:(?<!\w)(?:ст\.|стать[яиеюй]\w*|arts?\.|articles?|бап\w*)\s*\d+[\w.-]*|\d+[-\s]?ба[пб]\w*)"
    r"(?:[\s,]+(?:ч\.|част\w+|п\.|пункт\w*|parts?|of|the|criminal|code|administrative|offences|ук|коап|рк|қк|әқбтк|cc|aoc|\d+(?:-\w+)?)\.?)*"
    r"\s*\(\s*[«“\"'„]?[^()]{0,80}$", re.I)


def _negated(before):
    cue = NOT_AN_ACT.search(before)
    if not cue:
        return False
    words = NOT_AN_ACT_CUE.match(before, cue.start())
    return not SCOPE_END.search(before, words.end() if words else cue.start())




# Session 16 (h26-enprec): "X filmed the arrest of protesters", "X, who had condemned the beating, was detained": an act
# noun after an observer's verb and an article, with no person named after it, is no act of the sentence's persons.
OBSERVED_ACT = re.compile(rf"(?<!\w)(?:{MODIFIERS['observer_verb']})\s+(?:the|a|an|this|that|these|those)\s+"
                          r"(?:[\w-]+\s+)?$", re.I) if "observer_verb" in MODIFIERS else None
NAMED_AFTER = re.compile(r"\s+of\s+(?:(?:the|a|an)\s+)?(?:(?!(?:in|at|on|near|outside|from|by)\s)(?-i:[a-z])[\w-]*\s+){0,2}"
                         r"(?-i:[A-Z])", re.I)
# ("X condemned the arrest of Y": X, the subject of the observer's verb, is no victim of Y's arrest)
OBSERVER_OF_NAMED = re.compile(rf"(?:\s+(?:also|later|then|had|has|have))*\s+(?:{MODIFIERS['observer_verb']})\s+"
                               r"(?:the|a|an|this|that)\s+(?:[\w-]+\s+)?[\w-]+(?=" + NAMED_AFTER.pattern + ")",
                               re.I) if "observer_verb" in MODIFIERS else None


def _clause(sentence, act_type, hit):
    """(is nominal, start, act type, end) when this trigger reports an act, else None."""
    before = sentence[:hit.start()]
    if PROVISION_GLOSS.search(before[-200:]):
        return None
    if OBSERVED_ACT and OBSERVED_ACT.search(before[-120:]) and not NAMED_AFTER.match(sentence, hit.end()):
        return None
    if _negated(before) or (NOT_AN_ACT_AFTER and NOT_AN_ACT_AFTER.match(sentence[hit.end():])):
        return None
    # (Kazakh endings, on Kazakh words only: "beaten" ends in "ten" but is no ablative)
    # (and in a Kazakh sentence only: the Russian participles "оправдан", "осужден", "вызван" end like an ablative)
    if NOT_AN_ACT_ENDING and act_type != "released" and NOT_AN_ACT_ENDING.search(hit.group()) and (
            (CYRILLIC.search(hit.group()) and KAZAKH.search(sentence)) or KK_LATIN_TRIGGER.fullmatch(hit.group())):
        return None
    if KK_UNTIL_ENDING and KAZAKH.search(sentence) and \
            KK_UNTIL_ENDING.search(hit.group() + re.match(r"\w*", hit.string[hit.end():]).group()):
        return None  # "… босатылғанша": until it happens
    if KK_CONDITIONAL_ENDING and KAZAKH.search(sentence) and \
            KK_CONDITIONAL_ENDING.search(hit.group() + re.match(r"\w*", hit.string[hit.end():]).group()) and \
            not re.match(r"\w*\s+(?:да|де|та|те)(?!\w)", hit.string[hit.end():]):
        return None  # "кінәлі деп танылса, …": if it happens ("сотталса да": even though it did)
    if KK_NEGATIVE_VERB and not act_type.endswith("_denied") and KK_NEGATIVE_VERB.search(hit.group()):
        return None  # "қамауға алынбады": not arrested
    if KK_NEGATIVE_AFTER and not act_type.endswith("_denied") and KAZAKH.search(sentence) and \
            KK_NEGATIVE_AFTER.match(sentence, hit.end()):
        return None  # "тінту жүргізілмеген": no search was made
    if SCARE_QUOTED.match(sentence, hit.end()) and SCARE_QUOTE_OPEN.search(before) and CYRILLIC.search(sentence) \
            and not KAZAKH.search(sentence) and not RU_FINITE_VERB.search(hit.group()):
        return None  # "организаторов «нападения»", "«назначенными виновными»": a word in quotes, not an act
    if act_type in {"attacked", "threatened"} and CHARGED_OFFENCE and CHARGED_OFFENCE.search(before[-160:]):
        return None  # "вменили … нападение на охраняемый объект": the offence charged, not an act on the accused
    if hit.group().isupper() and len(hit.group()) > 4:
        return None  # "МОНИТОРИНГ СУДЕБНОГО ПРОЦЕССА", "ЗАМЕТКА … ЗА СУДЕБНЫМ ПРОЦЕССОМ": a heading names the genre
    if act_type not in {"released", "extradition_sought"} and \
            re.search(r"(?:\b(?:from|out\s+of|из)\s+(?:the\s+|a\s+)?(?:(?!(?:was|were|is|are|been|be|has|had|have)\s)\w+\s+){0,2}"
                      r"|(?<!\w)из-под\s+|(?<!\w)из-)$", before, re.I):
        return None  # "transferred from the administrative detention centre" (s15: "walking out of …"): a place left (but "the
        # pastor from Astana was arrested": the place is the person's)
    verbal = (bool(AUXILIARY.search(before)) or bool(re.search(r"\b(?:and|then|but)\s+$", before))
              or bool(VERB_TRIGGER.search(hit.group()))
              or (act_type == "charged" and re.match(r"on\s", hit.group()))
              # "A pre-trial investigation is under way": the noun with its own verb
              or bool(re.search(r"\b(?:is|was|has been)\s+(?:under ?way|opened|launched|started|begun)$", hit.group()))
              or bool(re.match(r"(?:jailed|freed|paroled|apprehended|taken|placed|sent|given|handed|set|walked|let|"
                               r"granted|locked|ordered|left|replaced|cut|faces?|facing|faced|beaten|beat|stabbed|"
                               r"(?:is|are|was|were|been|remains?|remained)\s+(?:\w+\s+)?serving|"
                               r"serving\s|"  # "X, serving three years, …" (its row wants the comma; s15 h25-en2)
                               r"(?:was|were|been)\s+\w+ed|walking|coming|getting)\b",  # "was handed a …" (s15)
                                hit.group(), re.I))  # "jailed for five years", "taken into custody"
              # a trigger that starts with a past-tense verb ("heard his verdict", "brought charges against")
              or bool(re.match(r"(?:\w+ed|heard|got|gave|given|held|kept|took|taken|brought|stood|went|began|found|"
                               r"left|cut|set|let|put|sent|upheld|came|drove|driven)\s", hit.group(), re.I))
              # the historical present of a chronology ("police detain him", "the court finds him guilty")
              or bool(HISTORICAL_PRESENT.match(sentence, hit.start()) and not re.search(r"\b(?:the|a|an|their|his|her|its)\s+$",
                                                                               before, re.I))
              or (hit.group().lower().endswith("ed")  # "police detained", not "the charges"
                  and not re.search(r"\b(?:the|a|an|their|his|her|its)\s+$", before, re.I))
              or bool(re.search(r"[а-я]", hit.group())) or bool(KK_LATIN_TRIGGER.fullmatch(hit.group()))
              # "Dana Iskakova's arrest on 3 March", "his detention", "the arrest of …": a person's act as a noun
              or bool(re.search(r"(?:[’']s|\b(?:his|her|their))\s+$", before, re.I)
                      # (not "a hunger strike against his detention": the state protested, no act)
                      and not re.search(r"(?:against|over|about|protesting|throughout|during)\s+(?:his|her|their)\s+$",
                                        before, re.I))
              # "the arrest of Dana Iskakova", "ordered the detention of activist Nurlan Omarov"
              or bool(re.match(r"\w+\s+of\s+(?:[a-z]+\s+){0,2}[A-ZА-Я]", sentence[hit.start():])))
    if not verbal and act_type not in NOMINAL_ONLY_OK:
        return None
    if act_type in SPECIFIC_DEPRIVATION and re.search(r"(?<!\w)(?:in|while in|during)\s+$", before) \
            and any(p.search(before) for p in STATE_HOSTS):
        return None  # "tortured in pre-trial detention", "died in custody": where another act happened
    if act_type in SPECIFIC_DEPRIVATION and re.search(r"(?<!\w)(?:after|following|spent|spending|having spent)\s+"
                                                      r"(?:[\w'’-]+\s+){1,5}(?:in|under)\s+$", before, re.I):
        return None  # "released after more than two months in pre-trial detention": a time served, told in passing
    if act_type in SPECIFIC_DEPRIVATION and TIME_SERVED_AFTER and TIME_SERVED_AFTER.match(sentence, hit.end()):
        return None  # "тергеу изоляторында, үй қамағында … өткізген уақыт жазаға есептелді": the time served
    return (not verbal, hit.start(), act_type, hit.end())


STATE_HOSTS = [BY_SCRIPT[key] for key in BY_SCRIPT if key[0] in {"ill_treatment", "death_in_custody", "interrogated",
                                                                  "threatened", "attacked"}]


COMPILED_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in COMPILED), re.I)
BULLET = re.compile(r"\s*(?:[-–•*]|\d{1,2}[.)])\s+")
FIELD_SEPARATOR = re.compile(r"\s[–—-]\s|;\s*")
# A list entry whose fields after the first dash end in stops ("ҚҰЛЫШЕВ Нұрбек (Астана) — ӘҚБтК 488-бабы. 20 тәулік.",
# "KULYSHEV Nurbek — AOC Art. 488. 20 days."): a stop after a number or a word of four letters or more ends a field
# ("Art.", "ст." do not).
FIELD_STOP = re.compile(r"\s[–—-]\s|;\s*|(?:(?<=\w{4})|(?<=\d))\.\s+(?=\S)")


NOTE_START = re.compile(r"(?:^|(?<=[\s.]))(\d{1,2})[.:)]?\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\"«])", re.M)
MARKER = re.compile(r"(?:(?<=[.,;:\"»”’)])|(?<=[a-zа-яё]))(\d{1,2})(?=[\s.,;:]|$)")


def footnote_dates(text, dates):
    """{footnote number: its first date} for the notes at the end of a text ("3 Verdict of 11 July 2023, …"): the
    numbers run 1, 2, 3 … in the last part of the text, after the running text."""
    tail = max(text.rfind("\n---"), int(len(text) * 0.6))
    starts, expected = [], 1
    for m in NOTE_START.finditer(text, tail):
        if int(m.group(1)) == expected:
            starts.append((expected, m.start(), m.end()))
            expected += 1
    notes = {}
    for (number, _, body), following in zip(starts, starts[1:] + [(None, len(text), len(text))]):
        first = next(iter(dates.within(body, following[1])), None)
        if first is not None:
            notes[number] = first
    return notes


def note_dates(footnotes, published=""):
    """{footnote number: its first date} for notes kept apart from the text ({"3": "Verdict of 11 July 2023, …"})."""

    notes = {}
    for number, note in footnotes.items():
        first = next(iter(find_dates(note, published)), None)
        if first is not None and str(number).isdigit():
            notes[int(number)] = first
    return notes


def _passage_marker(text, dates, end, marker_offsets):
    """A footnote marker set at the end of a passage sources every sentence of it ("Some weeks later … took him to a
    police station. The stream broke off after he shouted for help.[^4]"): the first marker after the sentence in its
    paragraph, when no date stands between."""
    paragraph_end = text_find(text, "\n\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    found = (markers_in(text, end, paragraph_end) if marker_offsets is None
             else [n for offset, n in marker_offsets if end < offset <= paragraph_end])
    if not found:
        return []
    offset = next((o for o, n in marker_offsets if n == found[0] and o > end), paragraph_end) if marker_offsets \
        else paragraph_end
    return found[:1] if dates.first_within(end, min(offset, paragraph_end)) is None else []


def markers_in(text, start, end):
    """Footnote numbers glued to the words of a sentence ("upheld on appeal.2", "… each under the same article.3")."""
    return [int(m.group(1)) for m in MARKER.finditer(text, start, min(len(text), end + 3))]


# A list's section heading that gives its entries' verdict: "III. "Koshe Party" trial, Almaty, 11.10.2021 (CC Art. 405
# parts 1 and 2, 5 years each)" — one date, a term "each"; the numbered entries below it (up to a blank line or the
# next heading) that tell no verdict of their own were sentenced that day, under its articles.
SECTION_HEADING = re.compile(r"^[ \t]*[IVX]{1,5}\.[ \t]+\S[^\n]*$", re.M)
SECTION_TERM = re.compile(rf"{NUM_EN}[- ]years?(?:’|')?(?:\s+(?:in prison|of imprisonment|imprisonment))?\s+each\b", re.I)


def section_entries(text, mentions, dates, provisions, listed):
    proposals = []
    for heading in SECTION_HEADING.finditer(text):
        on_line = dates.within(heading.start(), heading.end())
        term = SECTION_TERM.search(heading.group())
        if len(on_line) != 1 or not term or not on_line[0].value or re.search(r"restrict|RF\b|suspended|probation",
                                                                             heading.group(), re.I):
            continue
        date = on_line[0]
        refs = [p.uid for p in provisions.within(heading.start(), heading.end())]
        penalty = {"kind": "imprisonment", "amount": _number(term.group(1)), "unit": "years"}
        block_end = min([i for i in (text_find(text, "\n\n", heading.end()),
                                     (SECTION_HEADING.search(text, heading.end() + 1) or heading).start())
                         if i > heading.end()] or [len(text)])
        for line in re.finditer(r"^[ \t]*\d{1,3}[.)][ \t]+[^\n]*$", text[:block_end], re.M):
            if line.start() <= heading.end():
                continue
            first = next(iter(mentions.within(line.start(), line.end())), None)
            if first is None or not re.fullmatch(r"[\s\d.)]*", text[line.start():first.start]) or any(
                    p.victims == [first.name] and p.act_type == "sentenced" for p in listed):
                continue
            for act_type in ("sentenced", "imprisoned"):
                proposals.append(Proposal(
                    "act", act_type, line.start(), line.end(), victims=[first.name], date=date.value,
                    date_end=date.value_end, provisions=[(of_edition(uid, date.value), "convicted") for uid in refs],
                    penalty=penalty if act_type in TAKES_PENALTY else None, rule=f"rule:section:{act_type}",
                    date_source="own", role=first.role))
    return proposals


DATE_CELL = re.compile(r"[\s.,;:–—-]*")
# (a field of a list whose words around the date are a preposition and a year's abbreviation: "в ноябре 2020 г.")
DATE_ONLY_PREFIX = re.compile(r"\s*(?:(?:in|on|в|от)\s+)?", re.I)
DATE_ONLY_SUFFIX = re.compile(r"\s*(?:г\.|года|ж\.)?[\s.,;:–—-]*", re.I)


def _labelled_verdict_day(text, dates, cuts):
    """The day of a list entry's field that holds a verdict label (en/ru/kk column_heads.tsv, "sentenced") and its
    date alone ("7 yrs – detained 05.2023; verdict 29.11.2023", "приговор от 11.07.2023"): the day of the verdict that
    gave the entry's term (s15 h25-en2)."""
    label = re.compile(r"[\s(]*(?:" + "|".join(p.pattern for t, p in COLUMN_HEADS if t == "sentenced") + r")\s*:?\s*",
                       re.I)
    for a, b in zip(cuts, cuts[1:]):
        within = list(dates.within(a, b))
        if len(within) == 1 and within[0].value and label.fullmatch(text, a, within[0].start) and \
                DATE_CELL.fullmatch(text, within[0].end, b):
            return within[0]
    return None


def _date_alone_after(text, dates, cuts, field_end, before=DATE_CELL, after=DATE_CELL, valued=True):
    """The date of the field (a list's, a table's cell) that follows the one ending at `field_end` when that field
    holds one date and nothing else but `before` and `after` around it; `valued`: a date with a day or month value.
    - an undated trigger's field, then its date in a field of its own ("обыск дома – в ноябре 2020 г.", "searched –
      03.2021"): the list's writer put the trigger's day there;
    - a term's cell, then a cell with the date alone ("8 л. ЛС – 11.07.2023", the columns "Срок | Приговор"): the
      day of the verdict that gave the term."""
    following = next((b for a, b in zip(cuts, cuts[1:]) if a == field_end), None)
    within = list(dates.within(field_end, following)) if following is not None else []
    if len(within) != 1 or (valued and not within[0].value):
        return None
    return within[0] if _alone_in(text, within[0], field_end, following, before, after) else None


def _date_just_before(text, dates, cuts, field_start):
    """The date that ends the field before the one starting at `field_start`, with nothing but separators after it
    and no trigger of its own before it in its field ("ЕРЖАНОВ Болат — Тараз. 14.05.2021 — 2 года ограничения
    свободы", "… Taraz. 14.05.2021 — 2 years in prison"): a list's writer printed the day of the term (or of the act)
    the next field tells. A date a trigger of its own field dates ("detained 14.03.2021 — 4 years") is that act's; a
    date alone in its field is left to the column and cell rules."""
    previous = next((a for a, b in zip(cuts, cuts[1:]) if b == field_start), None)
    if previous is None:
        return None
    date = next((d for d in reversed(dates.within(previous, field_start)) if d.value), None)
    if date is None or not DATE_CELL.fullmatch(text, date.end, field_start) or \
            COMPILED_ANY.search(text, previous, date.start) or DATE_CELL.fullmatch(text, previous, date.start):
        return None  # (a date alone in its cell is a column's: a table's headings say which act it dates)
    return date


def _alone_in(text, date, start, end, before=DATE_CELL, after=DATE_CELL):
    """Whether the field `start`–`end` holds `date` and nothing else but `before` and `after` around it."""
    return bool(before.fullmatch(text, start, date.start) and after.fullmatch(text, date.end, end))


# A list's legend ("Обозначения: ЛС — лишение свободы; …", "Белгілер: ӘҚ — әкімшілік қамау; ұст. — ұсталды.", "Key: D —
# detained, AD — administrative detention"): the abbreviations its cells use.
LEGEND = re.compile(rf"^[ \t]*(?:{'|'.join(lexicon.words('legend_labels'))})[ \t]*:[ \t]*([^\n]{{3,400}})$",
                    re.M | re.I)  # (lexicon/<lang>/legend_labels.tsv)
LEGEND_ITEM = re.compile(r"([^\s;,:—–=-][^;,:—–=]{0,14}?)\s+(?:—|–|=|-)\s+([^;,\n]{3,60}?)\s*(?:[;,]|\.?\s*$)")


def legend_of(text):
    """{abbreviation: what it stands for} from the text's legend lines."""
    found = {}
    for line in LEGEND.finditer(text):
        for item in LEGEND_ITEM.finditer(line.group(1).strip()):
            found[item.group(1).strip()] = item.group(2).strip()
    return found


class _WholeCell:
    """A trigger found in the words an abbreviation stands for, placed on the whole cell that prints it."""

    def __init__(self, printed, words):
        self._end, self._words = len(printed), words

    def start(self):
        return 0

    def end(self):
        return self._end

    def group(self):
        return self._words


def _legend_hits(field, legend):
    """The triggers of a cell that is an abbreviation of the legend ("ұст." for "ұсталды", "ӘҚ" for "әкімшілік
    қамау"), as `list_entries` sorts them; [] for any other cell."""
    if not legend:
        return []
    printed = field.strip(" \t–—-;")
    words = legend.get(printed) or legend.get(printed.rstrip("."))
    if not words:
        return []
    offset = field.index(printed)
    hits = []
    for act_type, pattern in COMPILED:
        if pattern.search(words):
            cell = _WholeCell(field[:offset + len(printed)], words)
            hits.append((offset, -(offset + len(printed)), act_type, cell))
    return hits[:1]


def _dated_by_date_cell(text, dates, cuts, start, end, found):
    """A table's row or a list's line with one date, in a cell of its own (the column "Date", "Күні", "Приговор"): the
    day of every act of the row that its own cell leaves undated ("КЕНДЖИБЕКОВ Асет – Астана – ұсталды – — – 10.2024",
    "ҚҰСАЙЫНОВА Махаббат – айыппұл – 30 АЕК – 10.2024")."""
    # (session 15: a list's line as well as a table's row: "Aset Nurov – 15.03.2024 – 5 years in prison")
    if all(date is not None for _, date in found):
        return found
    on_row = list(dates.within(start, end))
    if len(on_row) != 1 or not on_row[0].value:
        return found
    cell = next(((a, b) for a, b in zip(cuts, cuts[1:]) if a <= on_row[0].start < b), None)
    if cell is None or not _alone_in(text, on_row[0], *cell):
        return found
    return [(act_type, date if date is not None else on_row[0]) for act_type, date in found]


# A table's column heading naming an act ("Detained", "Verdict", "Дата приговора", "Үкім күні"; lexicon/<lang>/
# column_heads.tsv): a cell of that column holding a date alone is the day of that act for the row's person.
COLUMN_HEADS = [(act_type, re.compile(rf"(?:{pattern})", re.I)) for act_type, pattern in lexicon.table("column_heads")]
# the acts a column's day dates when the row tells them undated (a verdict's day is the day its term began)
COLUMN_DATES = {"sentenced": {"sentenced", "imprisoned", "administrative_detention"}, "detained": {"detained", "arrested",
                "pretrial_detention"}, "released": {"released"}}
ROW_CELL = " – "  # how the reader prints a table's row (ingest/reading.py, table_row)


def column_heads(line):
    """(number of cells, {column index: act type}) of a table's heading row ("• # – Name – Detained – Verdict –
    Sentence"), None for a line naming no act in a cell of its own."""
    if not line.startswith("• "):
        return None
    heads, cells = {}, line[2:].split(ROW_CELL)
    for i, cell in enumerate(cells):
        act_type = next((t for t, pattern in COLUMN_HEADS if pattern.fullmatch(cell.strip(" *:"))), None)
        if act_type:
            heads[i] = act_type
    return (len(cells), heads) if heads else None


def _column_dates(text, dates, start, end, heads, found):
    """The acts of a table's row dated by the columns their heading names: an undated act of the column's kind takes
    the cell's day; a column whose act the row does not tell adds it ("| 29.09.2024 |" under "Detained"). Nothing
    when the row's cells do not line up with the heading's (an empty cell left out)."""
    if not heads or not text.startswith("• ", start):
        return found
    cells, at = [], start + 2
    for cell in text[start + 2:end].split(ROW_CELL):
        cells.append((at, at + len(cell)))
        at += len(cell) + len(ROW_CELL)
    count, heads = heads
    if len(cells) != count:
        return found
    found = list(found)
    for column, act_type in sorted(heads.items()):
        if act_type == "term":  # (the term's column holds no day: _column_term)
            continue
        cell_start, cell_end = cells[column]
        within = list(dates.within(cell_start, cell_end))
        if len(within) != 1 or not _alone_in(text, within[0], cell_start, cell_end):
            continue
        kinds = COLUMN_DATES.get(act_type, {act_type})
        undated = [i for i, (t, date) in enumerate(found) if t in kinds and date is None]
        for i in undated:
            found[i] = (found[i][0], within[0])
        if not undated and not any(t in kinds for t, _ in found):
            found.append((act_type, within[0]))
    return found


BARE_TERM = re.compile(rf"(?:{MODIFIERS['bare_term']})", re.I) if "bare_term" in MODIFIERS else None


def _column_term(line, heads):
    """[(penalty, offset)] of a table row's term column holding a bare term ("• 4 – Name – Кызылорда – 11.2022 –
    ст. 272 – 17 лет – …" under "Срок"): a prison term, as an English "– 4 years –" field is. Nothing when the row's
    cells do not line up with the heading's, or the column is not headed as the term's."""
    if not heads or not BARE_TERM or not line.startswith("• "):
        return []
    count, columns = heads
    cells = line[2:].split(ROW_CELL)
    if len(cells) != count:
        return []
    at = 2
    for i, cell in enumerate(cells):
        if columns.get(i) == "term":
            term = BARE_TERM.fullmatch(cell.strip())
            if term:
                return [({"kind": "imprisonment", "amount": int(term.group(1)), "unit": "years"},
                         at + len(cell) - len(cell.lstrip()))]
        at += len(cell) + len(ROW_CELL)
    return []


SAME_DATES = re.compile(rf"(?<!\w)(?:{MODIFIERS['same_dates']})(?!\w)", re.I) if "same_dates" in MODIFIERS else None


# (session 15, h25-kk2) A sentence's end inside a field: a full stop after a word, then a capitalised word
# ("… үшіншісі. Алматыдағы сот …", "… the third. A court in …", "… мойындаған. Ал …").
PROSE_BREAK = re.compile(r"(?<=[^\W\d_]{4})[.!?]\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?:[a-zа-яёәғқңөұүһі]+|\s)")


def _prose_paragraph(line):
    """A paragraph of prose that has a dash and a ";" ("Х-тың ісі — … үшіншісі. Алматыдағы сот … берген еді; …"):
    two sentence ends or more, and a field between separators holding a sentence end in a long run of words. A
    list's fields are short; a list entry's long note keeps its entry ("5 years – detained 05.03.2021. Sentenced …")
    when its fields are short."""
    if len(PROSE_BREAK.findall(line)) < 2:
        return False
    return any(len(field) > 100 and PROSE_BREAK.search(field) for field in FIELD_SEPARATOR.split(line))


def list_entries(text, mentions, dates, provisions):
    """Lines of a list of prisoners, fields between dashes ("TOKHTAROV Ruslan – Aktobe – CC Art. 405 parts 1 and 2 –
    4 years – in custody since 14.03.2021; sentenced 02.09.2021"): the person the line starts with is the victim of
    every trigger on it, each trigger dated by the date in its own field; a term with no "sentenced" on the line is
    a sentence all the same. Returns (proposals, [(line start, line end)])."""
    proposals, lines = [], []
    legend = legend_of(text)
    previous_dates = {}  # act type -> (date, date_end) of the entry before: what "same dates" points to
    heads = None  # the column headings of the table being read
    for line in re.finditer(r"^[^\n]+$", text, re.M):
        start, end = line.span()
        if not line.group().startswith("• "):
            heads = None
        elif not mentions.within(start, end):
            heads = column_heads(line.group()) or heads
        separators = FIELD_SEPARATOR
        if len(FIELD_SEPARATOR.findall(line.group())) < 2:
            dash = FIELD_SEPARATOR.search(line.group())
            fields = FIELD_STOP.split(line.group()[dash.end():]) if dash else []
            if len(fields) < 2 or any(len(f) > 60 for f in fields):
                continue  # (a paragraph opening "Name — who they are. …" is prose: its sentences are longer)
            separators = FIELD_STOP
        elif _prose_paragraph(line.group()):
            continue  # (a paragraph whose sentence has a dash and a ";" is prose all the same)
        first = next(iter(mentions.within(start, end)), None)
        if first is None or not re.fullmatch(r"[\s\d.)•*–—-]*", text[start:first.start]):  # "1.", "01 –", "•"
            continue
        separator = FIELD_SEPARATOR.search(text, first.end, end)
        if separator is None or len(re.sub(r"\([^()]*\)", "", text[first.end:separator.start()])) > 30 or \
                mentions.within(first.end, separator.start()):  # (a role in brackets may follow the name)
            continue  # the first field is the person alone ("- A and B – two years each" is a sentence)
        lines.append((start, end))
        refs = [p.uid for p in provisions.within(start, end)]
        printed = _penalties_in(line.group()) or _column_term(line.group(), heads)
        penalty = printed[0][0] if printed else None
        cuts = [start] + [start + m.end() for m in separators.finditer(line.group())] + [end]
        found = []
        for field_start, field_end in zip(cuts, cuts[1:]):
            field = text[field_start:field_end]
            # Every trigger of the field ("sentenced 07.09.2017 and released in the courtroom", "25.02.2022 ұсталды,
            # … 15 тәулікке қамалды"), none inside another's words. A Kazakh field puts the date before its verb: the
            # last date before the trigger, else the field's first. Otherwise the date right after the trigger (with
            # no other trigger between), else the last one before it ("7 years (04.06.2012), cut to 5 years on
            # appeal (06.08.2012)"), else the field's first.
            hits = _legend_hits(field, legend) or \
                sorted(((h.start(), -h.end(), t, h) for t, pattern in COMPILED for h in [pattern.search(field)] if h),
                          key=lambda x: x[:2])
            field_dates = dates.within(field_start, field_end)
            verb_final = bool(KAZAKH.search(field))
            taken_until = -1
            for hit_start, negative_end, act_type, h in hits:
                if hit_start < taken_until:
                    continue
                if KK_PLURAL_PARTICIPLE.search(h.group()) or \
                        re.match(r"\s+\w*(?:ған|ген|қан|кен)(?:дар|дер)(?!\w)", field[h.end():], re.I):
                    continue  # "… қамаққа алынғандар мен айыппұл салынғандар": a class of people, not the entry's acts
                taken_until = -negative_end
                if act_type == "sentenced" and penalty and penalty["kind"] == "administrative_detention":
                    act_type = "administrative_detention"
                same_type = [i for i, (t, _) in enumerate(found) if t == act_type]
                if same_type and found[same_type[0]][1] is not None:
                    continue
                at = field_start + h.start()
                before = next((d for d in reversed(field_dates) if d.start < at), None)
                if verb_final:
                    # (a verdict noun with its day right after it, "… қамауда, үкім 07.04.2017": that day)
                    right = next((d for d in field_dates if 0 <= d.start - (field_start + h.end()) <= 3), None)
                    right = right if right and re.fullmatch(r"\s*:?\s*", text[field_start + h.end():right.start]) else None
                    date = right or before or next(iter(field_dates), None)
                else:
                    date = next((d for d in field_dates if d.start >= field_start + h.end()
                                 and not COMPILED_ANY.search(text, field_start + h.end(), d.start)), None) or \
                        next((d for d in reversed(field_dates) if d.end <= at), None) or next(iter(field_dates), None)
                if date is None:
                    date = _date_alone_after(text, dates, cuts, field_end, DATE_ONLY_PREFIX, DATE_ONLY_SUFFIX,
                                             valued=False) or _date_just_before(text, dates, cuts, field_start)
                if same_type:
                    # One verdict told in two fields, its term and its day ("4 жыл 6 ай бас бостандығынан айыру –
                    # үкім 07.04.2017"): the undated term takes the verdict field's day.
                    if date is not None:
                        found[same_type[0]] = (act_type, date)
                    continue
                found.append((act_type, date))
        if penalty and penalty["kind"] != "fine" and not any(t in {"sentenced", "administrative_detention"}
                                                              for t, _ in found) and not (
                # "– 20 days – detained 01.08.2024": the days are the length of the deprivation the line dates
                penalty["kind"] == "administrative_detention" and any(t in DEPRIVATIONS for t, _ in found)):
            # A term with no verdict word: dated by the date in its own field ("7 years (04.06.2012)").
            at = start + printed[0][1] + len(re.match(r"[–—\s-]*", line.group()[printed[0][1]:]).group())
            field = next(((a, b) for a, b in zip(cuts, cuts[1:]) if a <= at < b), (start, end))
            # (a date after another act's trigger in the field is that act's: "6 лет лишения свободы. Освобождён
            # в декабре 2017 года")
            term = penalty_match(line.group()[printed[0][1]:])
            term_end = start + printed[0][1] + (term[1].end() if term else 0)
            own = next((d for d in dates.within(at, field[1]) if not COMPILED_ANY.search(text, term_end, d.start)),
                       None)
            found.append(("administrative_detention" if penalty["kind"] == "administrative_detention" else "sentenced",
                          own or _date_alone_after(text, dates, cuts, field[1]) or
                          _labelled_verdict_day(text, dates, cuts) or _date_just_before(text, dates, cuts, field[0])))
        if penalty and penalty["kind"] == "imprisonment" and printed[-1][0]["kind"] == "imprisonment":
            # (a prison term replaced on appeal by restriction of freedom took nobody to prison)
            # (the field's verdict undated, "5 лет лишения свободы — учреждение № 65": in prison, day unknown)
            found += [("imprisoned", date) for t, date in found if t == "sentenced"]
        found = _column_dates(text, dates, start, end, heads, found)
        found = _dated_by_date_cell(text, dates, cuts, start, end, found)
        # "3. DALIBAYEV Nurlan – Almaty – CC Art. 272 – 8 years – same dates": an entry with no date of its own that
        # points to the one before takes its dates, act type by act type
        same = SAME_DATES is not None and SAME_DATES.search(line.group()) and not dates.within(start, end)
        here = len(proposals)
        for act_type, date in found:
            value, value_end = (date.value, date.value_end) if date else \
                (previous_dates.get(act_type, ("", "")) if same else ("", ""))
            proposals.append(Proposal(
                "act", act_type, start, end, victims=[first.name], date=value, date_end=value_end,
                provisions=[(of_edition(uid, value), RELATION.get(act_type, "charged")) for uid in refs]
                if act_type in TAKES_PROVISIONS else [],
                penalty=penalty if act_type in TAKES_PENALTY else None, rule=f"rule:list:{act_type}",
                date_source="own" if value else "", role=first.role))
        previous_dates = {p.act_type: (p.date, p.date_end) for p in proposals[here:] if p.date} or previous_dates
    return proposals, lines


def find_acts(text, mentions, dates, provisions, published="", footnotes=None, markers=None):
    """One proposal per victim and trigger, sentence by sentence. `published`: the document's own date, which dates
    the acts its title reports. `footnotes` ({number: text}) and `markers` ([(offset, number)]): the notes the reader
    took out of the text and where the text refers to them; a sentence whose only date is in its note is dated by
    it. Without them, notes still at the end of the text are looked for there."""
    text = join_entry_fields(text, mentions)
    # A name in a heading set in capitals ("FREE DUMAN MUKHAMMEDKARIM") restates what the text reports: no victim.
    all_mentions, mentions = mentions, Spans([m for m in mentions if m.how != "capitals"])
    dates, provisions = Spans(dates), Spans(provisions)
    listed, list_lines = list_entries(text, mentions, dates, provisions)
    listed += section_entries(text, mentions, dates, provisions, listed)
    proposals, last_victims = list(listed), []
    recent = []  # person names in order of mention, for pronouns
    bystanders = set()  # persons last named as a source or companion (and no victim yet): no antecedents of a pronoun
    previous_acts = []  # the proposals of the sentence before, for "This included …"
    counted = []  # (act with no victim, group size or None): "Two members … were each sentenced on Monday to …"
    proposed_before = {}  # (victim, act type) -> the proposal already made in this document
    background_from = None  # the paragraph (its start) where a background sentence was seen
    undated_attributive = set()  # ids of acts named only by a participle so far ("осуждённых"): no day yet
    unnamed_verdicts = []  # (start, day) of verdicts told with their day before the defendant is named
    # A judge named once is a judge throughout.
    officials = {m.name for m in all_mentions if not kazakh_object(m) and (m.role in OFFICIAL_ROLES
                 or OFFICIAL_TITLE.search(text[max(0, m.start - 25):m.start])
                 or OFFICIAL_OF.search(text[max(0, m.start - 100):m.start])
                 or OFFICIAL_OF_RU.search(text[max(0, m.start - 120):m.start])
                 or OFFICIAL_APPOSITION.match(text, m.end))}
    roles = {}
    for m in all_mentions:
        if m.role and m.role not in OFFICIAL_ROLES and not _role_of_another(text, m):
            roles.setdefault(m.name, m.role)
    lawyers = {name for name, role in roles.items() if role == "lawyer"}
    last_group = []  # the last sentence naming several persons ("Дело: A, B, C"), for "они", "подсудимые"
    group_told = (-1, True)
    introduced_by_colon = False
    # "Дата оглашения приговора: 08.10.2012", "Date of verdict: …": the day undated verdicts in the text were given.
    label = VERDICT_DATE.search(text)
    verdict_date = next(iter(dates.within(label.end(), label.end() + 3)), None) if label else None
    if footnotes:
        notes = note_dates(footnotes, published)
        marker_offsets = sorted(markers or [])
    else:
        notes, marker_offsets = footnote_dates(text, dates), None
    title_start = len(text) - len(text.lstrip())
    interviewee = _interviewee(text, all_mentions, officials)
    for start, end in sentences(text):
        sentence = text[start:end]
        first_here = len(proposals)
        persons = mentions.within(start, end)
        if any(line_start <= start < line_end for line_start, line_end in list_lines):
            recent += [m.name for m in persons]
            last_victims = [m.name for m in persons[:1]] or last_victims
            continue
        if re.match(r"\s*(?:Name|Gender|Index|UA)\s*:", sentence):
            recent += [m.name for m in persons]
            continue
        if len(persons) == 1 and _paragraph_head(text, persons[0].end + 1, mentions, officials) and \
                re.fullmatch(r"[\s\d.)•*–—-]*", text[start:persons[0].start]):
            # "Bakhytzhan Kashkumbayev." opening a paragraph: the paragraph's "he", "the pastor" are that person
            recent.append(persons[0].name)
            last_victims = [persons[0].name]
            if not re.search(r"\w", text[persons[0].end:end]):
                continue
        if len(persons) == 1 and re.fullmatch(r"[ \t]*(?:\d{1,3}[.)]|[-–•*])[ \t]*",
                                              text[text_rfind(text, "\n", 0, start) + 1:persons[0].start]) and \
                persons[0].name not in officials and not COMPILED_ANY.search(sentence):
            # (session 16) "2. SERIKOVA Dana, Shymkent." opening a list's line: the line's subjectless sentences
            # after it ("15.05.2021: 3 years in prison") are about that person, not the entry before
            last_victims = [persons[0].name]
        if not persons and start > title_start and _section_heading(text, start, end):
            continue  # (session 15, h25-kk2) "## Босатылғаннан кейін", "After the release": a section's title, no act
        same_as = SAME_AS.search(sentence)
        if same_as and persons:
            # "4. КАЗАКБАЙ Жанат. Статьи, даты, срок – те же, что у Н. Жаулибаева.": the entry's person had the acts
            # of the one named.
            referent = next((m.name for m in persons if m.start >= start + same_as.end() - 1), None)
            entry_start = max(text_rfind(text, "\n\n", 0, start), 0)
            subject = next((m.name for m in mentions.within(entry_start, start)), None) \
                if ENTRY.match(text, entry_start) else None
            if referent and subject and subject != referent:
                family = family_forms(referent.split()[-1])
                for earlier in [q for q in proposals if q.kind == "act" and q.victims[0] != subject and (
                        q.victims == [referent] or family & family_forms(q.victims[0].split()[-1]))]:
                    proposals.append(Proposal("act", earlier.act_type, start, end, victims=[subject],
                                              date=earlier.date, date_end=earlier.date_end,
                                              provisions=list(earlier.provisions), penalty=earlier.penalty,
                                              rule=f"rule:same_as:{earlier.act_type}", date_source=earlier.date_source))
                recent += [m.name for m in persons]
                continue
        clause_types = clauses(sentence) if not ABROAD.match(sentence) and not (
            CONDITIONAL and CONDITIONAL.match(sentence)) and not _demand(sentence) else []
        if QUESTION_SENTENCE.search(sentence):
            clause_types = []  # "— Напомните, за что осуждён X?": an interviewer's question tells no act; the answer does
        if clause_types and NOT_AN_ACT_SENTENCE_END and NOT_AN_ACT_SENTENCE_END.search(sentence) and \
                KAZAKH.search(sentence):
            # A Kazakh sentence ends on its main verb: "… айыппұл мен қамақ болуы мүмкін" (may be), "… босатылуы
            # керек" (must be) make every trigger before it a possibility, not an act.
            clause_types = []
        group_here = list(dict.fromkeys(m.name for m in persons if m.name not in officials and m.name not in lawyers))
        if len(group_here) >= 2:
            last_group = group_here
            group_told = (end, bool(clause_types))  # where the sentence naming them ends; did it tell an act?
        # The items of a list after a sentence ending in a colon ("The nine others were convicted …:" "- A and B –
        # two years each;") are its victims.
        bulleted = bool(BULLET.match(sentence)) and introduced_by_colon
        if not bulleted:
            introduced_by_colon = False
        if not clause_types and not ((re.match(r"\s*(?:This|These|They|Those)\s+included|\s*Among them", sentence)
                                      or bulleted or (PARTITIVE.match(sentence) and persons)) and previous_acts):
            recent += [m.name for m in persons]
            for mention in persons:  # "Its lawyer X said …": X is no one a later "he" points to
                if is_bystander(text, mention, text[max(start, mention.start - 25):mention.start]):
                    bystanders.add(mention.name)
                else:
                    bystanders.discard(mention.name)
            continue
        if ACCUSATION and ACCUSATION.match(sentence):
            # "Судом установлено, что … подсудимые … под угрозой насилия потребовали …": the deeds the accused are
            # said to have done; the sentence reports a charge at most.
            clause_types = [c for c in clause_types if c[2] in {"charged", "investigated"}]
            if not clause_types:
                recent += [m.name for m in persons]
                continue
        clause_types.sort()  # verbs ("were charged") before nouns ("serving their administrative detention")
        victims, perpetrators = [], []
        # "This included A, B and C" names the victims of the sentence before; "All were convicted …" those of
        # the paragraph so far.
        inherited = None
        if (re.match(r"\s*(?:This|These|They|Those)\s+included|\s*Among them", sentence) or bulleted) and previous_acts:
            inherited = previous_acts
        # "Семерых из них отпустили …: A, B …", "Двоих из них – A и B – …": some of the group counted just before
        # had that group's act, and the sentence's own acts too.
        partitive = previous_acts if PARTITIVE.match(sentence) and previous_acts and not previous_acts[0].victims \
            and not SUBSET.match(text, previous_acts[0].start) else None
        if partitive and not clause_types:
            inherited, partitive = partitive, None
        previous_bystander = previous_official = None
        spoken_of = set()  # persons a relative or a lawyer of theirs speaks of in this sentence
        for mention in persons:
            before = text[max(start, mention.start - 25):mention.start]
            if RELATIVE_AFTER.match(text[mention.end:mention.end + 30]):
                if CLIENT_OF.match(text[mention.end:mention.end + 30]) and CLIENT.search(sentence):
                    victims.append(mention.name)  # "According to X's lawyer, his client was charged …": X
                continue  # "Ashim’s daughter fears …": the subject is the relative
            owner = _kk_relative_subject(text, mention, persons, before, end)
            if owner is not None:
                # "Б-ның ұлы А ұсталды": the son is the passive verb's subject, the one acted on; his mother only
                # says whose son he is
                victims = [v for v in victims if v != owner] + [mention.name]
                continue
            kin_of = _relative_speaking(text, mention, persons, start) if not KAZAKH.search(sentence) else None
            if kin_of is not None and PRONOUN.search(text, mention.end, end):
                bystanders.add(mention.name)  # "B's wife A said he was detained": B's act, A speaks
                spoken_of.add(kin_of.name)
                victims = [v for v in victims if v != mention.name and v != kin_of.name] + [kin_of.name]
                continue
            if _speaker_for_another(text, mention, start, end) or _owner_after_pronoun(text, mention, start) or (
                    OBSERVER_OF_NAMED and not CYRILLIC.search(sentence) and OBSERVER_OF_NAMED.match(text, mention.end)):
                bystanders.add(mention.name)  # "His brother A told reporters he had been beaten": not A's act
                continue
            official = (PERPETRATOR_CUE.search(before) and not kazakh_object(mention)) or mention.name in officials or (
                previous_official is not None and BARE_GLUE.match(text[previous_official.end:mention.start]))
            previous_official = mention if official else None  # "three judges – A, B and C –"
            if not official and (not PASSIVE_SUBJECT.match(text, mention.end) or _for_a_group(before)) and \
                    not _kk_accusative_relative(text, mention, before) and (
                    _ru_kin_anchor(text, mention, persons) or _ru_event_owner(text, mention, persons) or
                    is_bystander(text, mention, before) or SPEAKER_AT_END.match(text, mention.end) or (
                    mention.name in lawyers and OPINION_AFTER.match(text, mention.end)) or (
                    previous_bystander is not None and BARE_GLUE.match(text[previous_bystander.end:mention.start])
                    and re.search(r"(?<!\w)(?:and|и|мен|пен|бен|және|&)(?!\w)",
                                  text[previous_bystander.end:mention.start]))):
                previous_bystander = mention  # "his lawyers, Madina Bakiyeva and Andrei Petrov"
                bystanders.add(mention.name)
                continue
            previous_bystander = None
            bystanders.discard(mention.name)
            (perpetrators if official else victims).append(mention.name)
        group = [n for n in _group(sentence, recent, officials) if n not in perpetrators] if clause_types else []
        victims += [n for n in group if n not in victims]
        reported = _kk_reported_victims(text, sentence, start, clause_types, persons, officials | lawyers)
        if reported:
            victims = reported  # "A Б-ның … ұсталғанын айтты": Б's act, A speaks
            # "Б-ның ұсталуын А айыптады": A condemns Б's detention — "айыптады" charges no one here
            first = min(c[1] for c in clause_types)
            clause_types = [c for c in clause_types if c[1] == first or KK_CONDEMNED is None
                            or not KK_CONDEMNED.fullmatch(sentence[c[1]:c[3]])]
        row_note = False
        if not victims and clause_types:
            victims = _referenced_rows(text, sentence, mentions, officials | lawyers)
            row_note = bool(victims)
        if not victims and re.match(r"\s*(?:All|Both|Each)(?:\s+of\s+them)?\s+(?:were|was|are|have|left|walked|came|got)\b",
                                    sentence):
            paragraph_start = text_rfind(text, "\n\n", 0, max(text_rfind(text, "\n\n", 0, start), 0))  # this and the one before
            victims = list(dict.fromkeys(m.name for m in mentions.within(paragraph_start, start)
                                         if not PERPETRATOR_CUE.search(text[max(0, m.start - 25):m.start])))
            # "… after X called for protests. A, B and C were given 15 days … Each was found guilty …": those the
            # acts told there were about, when it told some, not everyone it named.
            acted = [n for n in victims if any(p.kind == "act" and p.victims and p.victims[0] == n
                                               and p.start >= paragraph_start for p in proposals)]
            victims = acted or victims
            if group_told[0] >= 0 and not group_told[1] and not text[group_told[0]:start].strip():
                # "Others I know of: A, B, C, D and E. All of them were detained …": the persons the sentence just
                # before listed without an act of their own
                victims = list(last_group)
        elif not victims and not persons and ALL_THOSE.match(sentence):
            # "All those detained have since been released", "All three were later freed": the victims of the
            # acts told just before (this paragraph and the one before), not everyone named there.
            paragraph_start = text_rfind(text, "\n\n", 0, max(text_rfind(text, "\n\n", 0, start), 0))
            victims = list(dict.fromkeys(p.victims[0] for p in proposals if p.kind == "act" and p.victims
                                         and p.start >= paragraph_start and p.victims[0] not in officials))
            # ("those detained" names the group, not a new act)
            clause_types = [c for c in clause_types if c[1] >= ALL_THOSE.match(sentence).end()]
        if not victims and PAIR.search(sentence):
            # "Officers detained father and son …", "The two activists were arrested": the last two persons named.
            victims = _pair_named_as(text, sentence, start, mentions, officials) or \
                list(dict.fromkeys(n for n in reversed(recent) if n not in officials))[:2][::-1]
            victims = victims if len(victims) == 2 else []
            # "Апелляционная инстанция смягчила наказание обоим" after a paragraph on the defence's brother and
            # father: the pair whose acts the text has been telling, when both were named within three paragraphs
            window = text_rfind(text, "\n\n", 0, max(text_rfind(text, "\n\n", 0, max(text_rfind(text, "\n\n", 0, start), 0)), 0))
            named_near = {m.name for m in mentions.within(max(window, 0), start)}
            with_acts = {p.victims[0] for p in proposals if p.kind == "act" and p.victims}
            acted = list(dict.fromkeys(n for n in reversed(recent) if n in with_acts and n in named_near
                                       and n not in officials))[:2][::-1]
            if len(acted) == 2 and set(victims) - with_acts:
                victims = acted
        if not victims and clause_types and GROUP_ANAPHOR and (last_group or last_victims):
            first = min(clause_types, key=lambda c: c[1])
            anaphor = GROUP_ANAPHOR.search(sentence, first[1], first[3] + 1) or (
                # "Активистов обвинили по ст. 274": the plural role noun opening the sentence, before its verb
                GROUP_ANAPHOR.match(sentence, len(sentence) - len(sentence.lstrip(" \n\t—–-•*"))))
            if anaphor and not COUNTED_BEFORE.search(sentence[:anaphor.start()]):
                # "суд признал активистов виновными": the persons just listed together
                victims = list(last_group or last_victims)
        if not victims and clause_types and not persons and not any(
                p and p.search(sentence) for p in FIRST_PERSON.values()):
            victims = _asked_about(text, start, mentions, officials | lawyers)
        if not victims and not persons and clause_types and not COUNTED_GROUP.search(sentence):
            # A bullet under a case heading ("ATABEK Aron (born 1953), poet" / "• Arrested in July 2006 …",
            # "• 30.10.2015: police searched his flat"): the item is about the person the heading opens with.
            victims = _bullet_head(text, start, mentions, officials | lawyers)
        if not victims and clause_types and KAZAKH.search(sentence):
            # "Белсенді Е. Бекмағанбетовтің айтуынша, 28.03.2024 оны полиция … ұстаған": the pronoun after the only
            # person of the sentence, named as its speaker, is that speaker telling of himself.
            speakers = [m for m in persons if KK_SPEAKER_SELF.match(text, m.end)]
            if len(speakers) == 1 and len(persons) == 1 and KK_SELF_PRONOUN.search(text, speakers[0].end, end):
                victims = [speakers[0].name]
        if not victims and clause_types:
            victims = _quoted_self(text, sentence, start, clause_types, persons)  # "«Меня задержали …», — сказал А"
        if not victims and clause_types and interviewee:
            victims = _told_by_interviewee(text, start, sentence, interviewee, last_group)
        if not victims:
            victims, first_only = _pronoun_victims(sentence, clause_types, last_victims or last_group, recent,
                                                   officials | lawyers | (bystanders - {p.victims[0] for p in proposals
                                                                                        if p.victims}),
                                                   text[max(0, start - 300):start], roles,
                                                   _oblique_names(text, mentions, start))
            if victims and first_only:
                # The triggers about that person: the one the pronoun follows, and any other with the pronoun as
                # its own object or subject ("police summoned him and questioned him"; "… and he was detained").
                first = min(c[1] for c in clause_types)
                clause_types = [c for c in clause_types if c[1] == first or _own_pronoun(sentence, c)]
        if not victims and clause_types and ANAPHOR and ANAPHOR.search(sentence) and not PRONOUN.search(sentence):
            # "Политика признали виновным …": a role noun in the place of the name just given
            victims = next(([n] for n in reversed(recent) if n not in officials and n not in lawyers), [])
        if not victims and clause_types:
            victims = _entry_subject(text, start, sentence, clause_types, mentions, officials | lawyers)
        if not victims and not persons and clause_types and not COUNTED_GROUP.search(sentence):
            # "Bakhytzhan Kashkumbayev. The retired pastor from Astana was arrested on 17 May 2013 …": a paragraph a
            # year in review opens with its person's name alone is about that person.
            victims = _paragraph_head(text, start, mentions, officials | lawyers)
        if not victims and clause_types and not persons and \
                min(clause_types, key=lambda c: c[1])[2] == "tried" and not PRONOUN.search(sentence):
            # "Главное рассмотрение началось 10.07.2025, спустя девять месяцев после задержания": the trial of those
            # the text is about; the other words of the sentence only place it in time. (Before any act, the one
            # person named so far: a case file's "Defendant: …" over its dated entries.)
            focus = list(dict.fromkeys(m.name for m in all_mentions if m.start < start and m.name not in officials
                                       and m.name not in lawyers))
            victims = list(last_victims) or (focus if len(focus) == 1 else [])
            clause_types = [c for c in clause_types if c[2] == "tried"]
        if not victims and (not persons or (not perpetrators and all(
                m.name in bystanders and _owns_attended_event(text, m) for m in persons))) and \
                last_victims and KAZAKH.search(sentence) and \
                not COUNTED_GROUP.search(sentence) and not PRONOUN.search(sentence) and not KK_COUNTED.search(sentence) \
                and not KK_GROUP_OBJECT.search(sentence):
            # Kazakh leaves the subject out when it is the one just spoken of ("Сот процесі 12 ақпанда басталды."):
            # a sentence naming nobody is about the last victims — nor naming only someone else's owner ("… Думанның
            # сотына келгені үшін … айыппұл салды": fined for coming to Duman's trial).
            victims = list(last_victims)
        if not victims and not persons and clause_types and not last_victims and KAZAKH.search(sentence) and \
                not COUNTED_GROUP.search(sentence) and not PRONOUN.search(sentence) and not KK_COUNTED.search(sentence) \
                and not KK_GROUP_OBJECT.search(sentence):
            # … and when no act was told yet, about the one person its paragraph has named ("Сотталушы — журналист
            # А. … Сот жеті жыл … тағайындады."), if only one.
            focus = list(dict.fromkeys(m.name for m in mentions.within(max(text_rfind(text, "\n\n", 0, start), 0), start)
                                       if m.name not in officials and m.name not in lawyers
                                       and m.name not in bystanders))
            victims = focus if len(focus) == 1 else []
        if not victims and not persons and clause_types and not CYRILLIC.search(sentence) and \
                OPENING_PARTICIPLE.match(sentence[min(c[1] for c in clause_types):]) and \
                not sentence[:min(c[1] for c in clause_types)].strip(OPENING_JUNK) and \
                not COUNTED_GROUP.search(sentence) and not PRONOUN.search(sentence) and \
                not re.search(r",\s+(?:the|a|an|all|both|several|many|some|most|\d+)\s", sentence, re.I):
            # (session 15) A post or a timeline line that leaves its subject out ("Aset Nurov is free! Released
            # today.", "Detained again on 3 May."): about the one person its paragraph has named, else the last victim
            focus = list(dict.fromkeys(m.name for m in mentions.within(max(text_rfind(text, "\n\n", 0, start), 0), start)
                                       if m.name not in officials and m.name not in lawyers
                                       and m.name not in bystanders))
            victims = focus if len(focus) == 1 else (list(last_victims) if len(last_victims) == 1 else [])
        if not victims and not persons and clause_types and DATED_ENTRY.match(sentence) and \
                not COUNTED_GROUP.search(sentence) and not PRONOUN.search(sentence):
            # A chronology's entry ("17.07.2019 – Verdict: seven years' imprisonment …") names no one: it is about
            # the person the chronology is about — the last victim, or the one person named before it (its title).
            focus = list(dict.fromkeys(m.name for m in all_mentions if m.start < start and m.name not in officials
                                       and m.name not in lawyers))
            victims = list(last_victims) or (focus if len(focus) == 1 else [])
        recent += [m.name for m in persons]
        if not victims and not clause_types:
            continue
        if not victims:
            # Counted but unnamed ("at least 34 people were arrested under …"): kept, for "This included …".
            refs_here = provisions.within(start, end)
            own = [d for d in dates.within(start, end) if not term_end(text, d) and not _status_date(text, d)]
            first_type = clause_types[0][2]
            penalty_here = find_penalty(sentence)
            if penalty_here and penalty_here["kind"] == "administrative_detention":
                first_type = "administrative_detention"
            introduced_by_colon = sentence.rstrip().endswith(":")
            first_at = start + min(c[1] for c in clause_types)
            right_after = [d for d in own if first_at < d.start <= first_at + 60] if not KAZAKH.search(sentence) else []
            # "ASTANA, Oct 19 – Courts on Wednesday ordered …"; "… were each sentenced by a court in X on Monday"
            own = right_after[:1] or [d for d in own if d.start < first_at][-1:] or own
            date_here = (own[0].value, own[0].value_end) if own else \
                context_date(text, dates, start) if introduced_by_colon else ("", "")
            if date_here[0] and own and any(c[2] == "sentenced" for c in clause_types):
                unnamed_verdicts.append((start, date_here[0]))
            previous_acts = [Proposal("act", first_type, start, end, date=date_here[0], date_end=date_here[1],
                                      provisions=[(r.uid, RELATION.get(first_type, "charged")) for r in refs_here],
                                      penalty=penalty_here)]
            counted.append((previous_acts[0], _group_size(sentence)))
            continue
        victims = list(dict.fromkeys(victims))
        own_dates = dates.within(start, end)
        if EVENT_DATE and own_dates:
            # "оштрафовали за акцию 29 мая", "после событий 16 декабря её арестовали": the date of the event the act
            # answers is not the act's; the act takes the sentence's other date, else the narrative's
            own_dates = [d for d in own_dates if not EVENT_DATE.search(text, max(0, d.start - 60), d.start)]
        if EVENT_NAMED_BY_DATE and len(own_dates) > 1:
            other = [d for d in own_dates if not (re.search(r"\bthe\s+$", text[max(0, d.start - 8):d.start], re.I)
                                                  and EVENT_NAMED_BY_DATE.match(text[d.end:d.end + 40]))]
            own_dates = other or own_dates
        # "under Article 174 of the Criminal Code, adopted in 2014": the day a law was made is no act's
        # nor a day planned ("protests planned for 21 May", "a hearing scheduled for 3 June")
        # nor the end of a term ("extended his detention until 15 February", "15 ақпанға дейін ұзартты")
        own_dates = [d for d in own_dates if not LAW_DATE.search(text, max(0, d.start - 40), d.start)
                     and not PLANNED_DATE.search(text, max(0, d.start - 16), d.start) and not term_end(text, d)]
        own_dates = _without_explained_offence(sentence, start, own_dates)
        own_dates = [d for d in own_dates if not vague_anchor(text, start, d)]
        told_dates = bool(own_dates)  # a date in the sentence itself (not a heading's, not the narrative's)
        line_start = text_rfind(text, "\n", 0, start) + 1
        above = heading_above(text, dates, line_start)
        headed = above is not None and not own_dates and start == line_start
        if headed:
            own_dates = [above]  # a paragraph's first sentence under a dated heading: as if the heading began it
        heading = next(iter(dates.within(line_start, min(line_start + 40, start + 5))), None) or above
        if heading is not None and dates.within(heading.start + 1, start):
            heading = None  # "17 May 2016: … 21 May 2016: … They are transferred …": the later date governs
        # ("17 мая 2021 года … . До приговора его держали в СИЗО": the paragraph's opening date does not date what the
        # sentence places before the verdict)
        date = own_dates[0] if own_dates else None if BACKGROUND.search(sentence) else heading
        paragraph_start = text_rfind(text, "\n\n", 0, start)
        if BACKGROUND.search(sentence):
            background_from = paragraph_start
        in_background = background_from == paragraph_start
        first_hit = min(c[1] for c in clause_types) if clause_types else 0
        undated = EARLIER.search(sentence[:first_hit]) or (LATER and LATER.search(sentence[:first_hit])) or \
            ONGOING.search(sentence[:first_hit]) or \
            re.match(r"(?:is|are)\s+(?:still\s+)?being\b", sentence[first_hit:], re.I)
        # "He had been convicted under …", "Впоследствии его …", "is being prosecuted", "have been let out"
        if not own_dates and undated:
            date, heading = None, None
        elif (not own_dates or (headed and PRESENT_STATE_AFTER and KAZAKH.search(sentence))) and (
                (PRESENT_STATE and PRESENT_STATE.search(sentence[:first_hit])) or (
                PRESENT_STATE_AFTER and clause_types and PRESENT_STATE_AFTER.match(
                    sentence[min(c[3] for c in clause_types if c[1] == first_hit):])) or (
                PRESENT_STATE_END and KAZAKH.search(sentence) and PRESENT_STATE_END.search(sentence))) and (
                heading is None or not re.match(r"\s*[,:.–—-]", text[heading.end:heading.end + 3])):
            # (an entry's dateline, "April 1, Astana. … is under arrest", is the day of its present)
            date, heading = None, None
            undated = True  # "X is accused of …", "remains in custody": now, not the narrative's last date
        if date:
            date_value, date_end = date.value, date.value_end
        elif in_background or undated:
            date_value, date_end = "", ""
        elif _appealed_since_last_date(text, dates, start, end):
            date_value, date_end = "", ""  # "Защита обжаловала приговор. … Апелляция смягчила наказание": later, no day
        else:
            date_value, date_end = context_date(text, dates, start)
            if published and UPDATE_LINE.match(text, line_start) and date_value[:7] < published[:7]:
                # "Обновлено: суд назначил всем пятерым …", "UPDATE: the court …": an update added after the
                # document's date tells of what came after it — not of the narrative's last month
                date_value, date_end = published[:7], ""
        refs = provisions.within(start, end)
        penalty = find_penalty(sentence)
        bodies = [kind for kind, pattern in BODIES if pattern.search(sentence)]
        seen = set()
        if inherited:
            for victim in victims:
                for earlier in inherited:
                    proposals.append(Proposal("act", earlier.act_type, start, end, victims=[victim],
                                              date=earlier.date, date_end=earlier.date_end,
                                              provisions=list(earlier.provisions), penalty=earlier.penalty,
                                              perpetrators=earlier.perpetrators, rule=f"rule:{earlier.act_type}",
                                              date_source="own" if earlier.date else ""))
                    proposed_before.setdefault((victim, earlier.act_type), proposals[-1])
            last_victims = victims
            continue
        for victim in victims if partitive else []:
            for earlier in partitive:
                proposals.append(Proposal("act", earlier.act_type, start, end, victims=[victim], date=earlier.date,
                                          date_end=earlier.date_end, provisions=list(earlier.provisions),
                                          penalty=earlier.penalty, rule=f"rule:{earlier.act_type}",
                                          date_source="own" if earlier.date else ""))
                proposed_before.setdefault((victim, earlier.act_type), proposals[-1])
        respectively = "respectively" in sentence and date and date.value_end and len(victims) == 2
        restore = None
        for _, hit_start, act_type, hit_end in clause_types:
            if restore:
                (date_value, date_end), restore = restore, None
            officers_before = OFFICERS_BEFORE.search(sentence[:hit_start])
            if OFFICERS_OBJECT.match(sentence, hit_end) or (officers_before and (
                    OFFICERS_PASSIVE_VERB.search(officers_before.group())
                    and re.search(r"(?:were|was|been|are|is)\s+(?:also\s+|later\s+)?$", officers_before.group())
                    or re.match(r"(?:accused|charged|suspected|convicted|acquitted|tried)\b", sentence[hit_start:], re.I)
                    and not ACTIVE_OBJECT.match(sentence, hit_end))):
                continue  # "the court acquitted the police officers accused of torturing him": their acts
            if OFFICIAL_SUBJECT.match(sentence[:hit_start]):
                continue  # "The KNB officer who interrogated X … was later dismissed": the officer's
            if OTHERS_PASSIVE.search(sentence[:hit_start]) and not INCLUDING.search(sentence):
                continue  # "… in which six police officers were questioned": the act is theirs
            if _others_act(text, sentence, start, hit_start, hit_end, persons):
                continue  # "Seven other people were arrested …": other people's act, not the article's persons'
            if COUNTED_AFTER.match(sentence, hit_end):
                continue  # "… В Астане задержаны двое активистов", "задержали пятерых журналистов": a counted group's
            relative = RELATIVE_CLAUSE.search(sentence[:hit_start])
            if relative and len({c[1] for c in clause_types}) > 1 and not any(
                    start + relative.start() <= d.start < start + hit_end + 40 for d in own_dates):
                continue  # "A, who was tried on the same counts, was given …": told in passing, no date of its own
                # (another trigger of the sentence, not the second type of the same one: "X, who is serving five
                # years, …" gives the sentence and the prison it keeps, s15 h25-en2)
            if act_type == "sentenced" and _condemned_not_convicted(sentence, hit_start, hit_end):
                continue  # "Задержание Б осудил правозащитник А": a condemnation, no verdict
            if act_type == "sentenced" and penalty and penalty["kind"] == "administrative_detention":
                act_type = "administrative_detention"  # a court's N days is a deprivation, not a sentence
            if act_type == "sentenced" and penalty and penalty["kind"] == "fine" and \
                    any(c[2] == "fined" for c in clause_types):
                continue  # "found guilty and fined": the verdict is the fine
            if act_type in seen:
                continue
            seen.add(act_type)
            relation = RELATION.get(act_type, "charged")
            provisions_here = []
            for ref in refs:
                rel = relation
                after = text[ref.end:ref.end + 60].lower()
                if ("dropped" in after or "снят" in after) and not re.search(r"subsequently|later|позже", after):
                    rel = "dropped"  # a charge "subsequently dropped" was still brought at this date
                provisions_here.append((of_edition(ref.uid, date_value), rel))
            if act_type not in TAKES_PROVISIONS:
                provisions_here = []
            # Each trigger is about its own subject, and takes the date nearest before it in the sentence.
            # (Kazakh marks the objects by their case, and lists them with "мен", "ал": all are the victims.)
            # "X stated that police had detained Y", "X заявил, что полиция задержала Y": X speaks; the act's
            # persons are those of the clause after "that"
            told = _after_complement(text, start, hit_start, hit_end, end, persons, victims) \
                if not KAZAKH.search(sentence) else None
            subject = [m.name for m in subject_of(text, start + hit_start, start + hit_end, told or persons)
                       if m.name in victims] if len(persons) > 1 and not KAZAKH.search(sentence) else \
                _kazakh_agents(text, sentence, start, hit_start, persons,
                               _kazakh_clause_victims(sentence, start, hit_start, persons, victims, clause_types))
            if not KAZAKH.search(sentence) and len(persons) > 1:
                subject = _subject_before_relative(text, start, hit_start, persons, victims) or subject
            if act_type in {"sentenced", "administrative_detention", "fined"} and len(persons) > 1:
                subject += _each_with_a_term(text, start + hit_end, persons, victims, act_type)
            agents = subject_of(text, start + hit_start, start + hit_end, told or persons) if persons else []
            if agents and not subject and not group and all(m.end <= start + hit_start for m in agents) \
                    and not AUXILIARY.search(sentence[:hit_start]) \
                    and not OWN_OBJECT.match(sentence, hit_end) \
                    and not any(m.start >= start + hit_end and m.name in victims for m in persons) \
                    and not spoken_of & set(victims):
                continue  # "…, his lawyer Serik Bekov warned": the person before an active verb is its agent
                # (not "the lawyer of B, A, said that his client was charged": B's charge, A speaks)
            acted_on = _object_of_named_agent(text, sentence, start, hit_start, persons, recent, officials | lawyers)
            if acted_on is None:
                acted_on = _russian_object_of_agent(text, sentence, start, hit_start, hit_end, persons)
            if acted_on:
                subject = acted_on
            own_victims = list(dict.fromkeys(subject + [n for n in group if n in victims])) or [
                v for v in victims if not any(m.name == v and _named_obliquely(text, m, start) for m in persons)] \
                or victims
            own_victims += [n for n in _companions(text, start, hit_end, end, persons, victims) if n not in own_victims]
            own_victims += [n for n in _subjects_after_companion(text, start, hit_end, end, persons, victims, subject)
                            if n not in own_victims]
            gapped = _gapped_by_provision(text, start + hit_end, end, persons, victims, refs) if provisions_here else []
            own_victims += [n for n in gapped if n not in own_victims]
            ru_agent = _russian_agent(text, sentence, start, hit_start, hit_end, persons)
            if ru_agent is not None and ru_agent.name in own_victims:
                # "судья … Кайрат Иманкулов приговорил восьмерых …": the subject of the active verb is its agent
                own_victims = [v for v in own_victims if v != ru_agent.name]
                if not own_victims:
                    continue
            referent = _pronoun_before_trigger(text, sentence, start, hit_start, hit_end, persons, own_victims,
                                               mentions, officials | lawyers)
            if referent:
                own_victims = [referent]  # "вынесла ей предупреждение — после того как … задержании Б": her, not Б
            against = _named_against(text, sentence, start, hit_end, persons, own_victims)
            if against:
                own_victims = against  # "А и Б переехали, после того как возбудили дело против Б": Б's case
            who = WHO_BEFORE.search(sentence, 0, hit_start)
            antecedent = [m.name for m in persons if who and m.end == start + who.start() and m.name in victims]
            if antecedent:
                own_victims = antecedent  # "… to meet Kanat Amrenov, who was himself given 15 days": his act only
            victim_mentions = [m for m in persons if m.name in own_victims and m.start >= start + hit_start]
            ref_owners = [_owners(text, ref, start + hit_start, victim_mentions, refs) for ref in refs] \
                if provisions_here else []
            per_victim = _provision_per_victim(refs, [m for m in persons if m.name in own_victims]) \
                if provisions_here and len(own_victims) > 1 else None
            if per_victim:
                ref_owners = per_victim  # "A under Article 174 and B under Article 274": each their own
            before_trigger = [d for d in own_dates if d.start < start + hit_start]
            if len(before_trigger) > 1 and KAZAKH.search(sentence):
                # "… 24 мамырдан бері аштық жариялап жүрген; 1 шілдеде … ұсталған": a date before a semicolon is its
                # own clause's (the verb of each clause comes last), not the later clause's verb's
                before_trigger = [d for d in before_trigger if ";" not in text[d.end:start + hit_start]] \
                    or before_trigger
                # "Кеше сот 2022 жылғы қаңтар оқиғаларына қатысқан Х-ны … кінәлі деп танып": a date the next
                # participle before a noun takes ("… қатысқан Х", who took part) is that phrase's, not the verb's.
                before_trigger = [d for i, d in enumerate(before_trigger) if not (
                    (m := KK_ATTRIBUTIVE.search(text, d.end, start + hit_start)) and
                    not any(d.end <= e.start < m.start() for e in before_trigger[i + 1:]))] or before_trigger
            next_trigger = min((c[1] for c in clause_types if c[1] > hit_start), default=len(sentence))
            # (not the end of a term, "помещена под арест до 4 июля", nor a date past a clause break, "оштрафовали,
            # а 5 мая …")
            right_after = [d for d in own_dates
                           if start + hit_end <= d.start <= start + hit_end + 40 and d.start < start + next_trigger
                           and not UNTIL_BEFORE.search(text, max(0, d.start - 12), d.start)
                           and not NEXT_CLAUSE.search(text, start + hit_end, d.start)]
            # Kazakh holds the time between an act noun and its verb ("… ұсталған, үкім 29.11.2023 шықты"): a date
            # inside the trigger's own words is its date, before any date of an earlier clause.
            inside = [d for d in own_dates if start + hit_start < d.start and d.end <= start + hit_end] \
                if KAZAKH.search(sentence) else []
            if inside and len(own_dates) > 1:
                date_value, date_end = inside[-1].value, inside[-1].value_end
            elif right_after and len(own_dates) > 1 and not KAZAKH.search(sentence):  # kk: the verb comes last
                date_value, date_end = right_after[0].value, right_after[0].value_end  # "… on appeal in July"
            elif before_trigger and len(own_dates) > 1:
                date_value, date_end = before_trigger[-1].value, before_trigger[-1].value_end
            elif own_dates and not before_trigger and heading is None and \
                    CLAUSE_BREAK.search(text, start + hit_end, own_dates[0].start):
                # "was let go after a few days but arrested again in March": the date is the later clause's
                restore = (date_value, date_end)
                date_value, date_end = context_date(text, dates, start)
            if act_type == "sentenced" and not own_dates and TOGETHER and TOGETHER.search(sentence) and \
                    (verdict_day := _verdict_told(text, dates, start)) is not None:
                # "Нұрғалиевпен бірге Б, В … сотталды", "Вместе с Нургалиевым осуждены Б, В", "tried alongside him,
                # received ten years": the co-defendants' verdict is the one the text told, of its day (not the day of
                # the sentence before, an arrest)
                date_value, date_end = verdict_day.value, verdict_day.value_end
            inherited_date = not own_dates and heading is None
            here = (markers_in(text, start, end) if marker_offsets is None
                    else [n for offset, n in marker_offsets if start <= offset <= end + 2])
            if not here and notes and not own_dates:
                here = _passage_marker(text, dates, end, marker_offsets)
            note_date = next((notes[n] for n in here if n in notes), None)
            by_length = not own_dates and _told_by_length(sentence, hit_start, act_type)
            if _state_in_relative(text, sentence, start, hit_start, hit_end, act_type, own_dates):
                date_value, date_end, inherited_date = "", "", False
            elif by_length:
                date_value, date_end = "", ""  # (kept "context": the act told with its day elsewhere is the same)
            elif not own_dates and note_date is None and \
                    (VAGUE_AGO.search(sentence) or (VAGUE_OFFSET and VAGUE_OFFSET.search(sentence))):
                # "released on parole more than a year ago": a time the text does not give, not the narrative's
                # (unless the sentence's footnote gives it: "Some weeks later … took him away.[^4]" "[^4]: 8 April")
                date_value, date_end, inherited_date = "", "", False
            # "судьбой активистов A, B и C, осуждённых по делам …": a participle naming a state, no act of that day;
            # the act keeps no date until the text tells it ("В июле суд признал …").
            attributive = inherited_date and ATTRIBUTIVE.match(sentence, hit_start) and \
                not re.search(r"(?:был\w*|стал\w*|оказал\w*)\s+$", sentence[:hit_start])
            # "А, обвиняемый по ч. 1 ст. 272, рассказал 3 октября …", "Б, осуждённого на пять лет, вчера перевели …": a
            # participle phrase set off by commas names a state; "родственники заявили, что его пытали": an act told
            # as someone's account, with no date in the account. Neither takes the day of the main clause.
            state_only = not attributive and own_dates and CYRILLIC.search(sentence) and not KAZAKH.search(sentence) \
                and (_appositive_participle(sentence, start, hit_start, own_dates)
                     or _reported_earlier(sentence, start, hit_start, own_dates))
            # Kazakh tells an account as the object of the speech verb that ends the sentence ("Х-тің ұсталғанын 16
            # мамырда еріктілер растады", "… іс қозғалғанын хабарлады"): a date after the act's own words is the
            # report's day, not the act's.
            state_only = state_only or (own_dates and KAZAKH.search(sentence)
                                        and _kk_reported(sentence, start, hit_start, hit_end, own_dates))
            attributive = attributive or state_only
            headline = False
            # (a headline stands on its own line: a first sentence with more of its paragraph after it on the same
            # line is the lead's, "А обвиняется по ст. 405 УК. 18 июня его задержали …")
            own_line = "\n" in text[start:end] or \
                not text[end:(text_find(text, "\n", end) + 1 or len(text) + 1) - 1].strip()
            if by_length:
                pass
            elif inherited_date and published and start == title_start and own_line and not REPORT_TITLE.match(sentence):
                # a headline reports the day's news (not a report's title: "Мониторинг судебного процесса: дело А")
                date_value, date_end, inherited_date, headline = published, "", False, True
            elif inherited_date and note_date is not None:  # the date is only in the sentence's footnote
                date_value, date_end, inherited_date = note_date.value, note_date.value_end, False
            elif (inherited_date or not told_dates) and (next_day := _decision_dated_next(text, dates, end)) is not None:
                # (the next sentence's day beats a dateline or heading above: "21 March ¶ A court extended his
                # detention. The decision was taken on Wednesday, 20 March.")
                date_value, date_end, inherited_date = next_day.value, next_day.value_end, False
            elif inherited_date and verdict_date and act_type in {"sentenced", "imprisoned"}:
                date_value, date_end, inherited_date = verdict_date.value, verdict_date.value_end, False
            elif act_type in {"sentenced", "imprisoned"} and KAZAKH.search(sentence) and \
                    _undated_penalty_field(text, dates, start, sentence, hit_start):
                # "Ұсталды: 12.05.2023 / Жазасы: бас бостандығынан айыру": the entry's day of detention is not the
                # day of the sentence its next field gives
                date_value, date_end = "", ""
            if act_type in {"charged", "investigated"} and PRESENT_CHARGE and \
                    PRESENT_CHARGE.match(sentence, hit_start) and not _dated_clause(sentence, start, hit_start, own_dates):
                attributive = True  # "Обоим вменяют …": the case as it stands, no day of its own (nor its paragraph's)
            if act_type in {"sentenced", "imprisoned"} and (
                    SERVING.match(sentence, hit_start) or SERVING_BEFORE.search(sentence, 0, hit_start)) and \
                    not own_dates:
                # "X is still serving six years in prison", "Касымов отбывает шесть лет …": a state, no day of its
                # own — not the day of the sentence before ("… imposed on 11 July 2023", "с ноября 2023 года
                # отбывает …" keep theirs)
                attributive = True
            if act_type in {"sentenced", "imprisoned"} and PARTICIPLE_SERVING.match(sentence, hit_start) and \
                    sentence[:hit_start].rstrip().endswith(","):
                clause_end = hit_end + re.search(r"[,;.]|$", sentence[hit_end:]).start()
                if not any(start + hit_start <= d.start < start + clause_end for d in own_dates):
                    # "On 3 April X, serving three years, was beaten": the day is the beating's, not the term's
                    restore = restore or (date_value, date_end)
                    date_value, date_end = "", ""
            if attributive and not headline and note_date is None:
                date_value, date_end = "", ""
            kk_attributive = KAZAKH.search(sentence) and _kk_attributive(sentence, hit_start, hit_end)
            if kk_attributive and not any(start + kk_attributive <= m.start <= start + kk_attributive + 40 for m in persons) \
                    and not KK_PREDICATE.match(sentence, kk_attributive):
                continue  # "он төрт сотталған мұнайшының шағымы": the participle tells of the people it describes
            if kk_attributive and not any(start + _clause_start(sentence, hit_start) <= d.start < start + hit_start
                                       for d in own_dates):
                # "174-бабы бойынша үш жылға сотталған саяси тұтқын Данебаев Т. … болды": a participle before a noun
                # tells what the person had gone through before; the sentence's time is not its time.
                restore = restore or (date_value, date_end)
                date_value, date_end, inherited_date = "", "", False
            if own_dates and ATTRIBUTIVE.match(sentence, hit_start) and not KAZAKH.search(sentence) and \
                    not _dated_clause(sentence, start, hit_start, own_dates):
                # "В срок наказания осуждённым зачтено …; так, А содержится под стражей с 22 августа 2020 года": a
                # participle naming people already told of; the date is another part's, no new act of theirs.
                own_victims = [v for v in own_victims if (v, act_type) not in proposed_before]
                if not own_victims:
                    continue
            if state_only:
                own_victims = [v for v in own_victims if (v, act_type) not in proposed_before]
                if not own_victims:
                    continue
            each_day = _each_own_day(text, start, end, persons, own_victims, own_dates) if len(own_victims) > 1 else {}
            for index, victim in enumerate(own_victims):
                earlier = proposed_before.get((victim, act_type))
                if by_length and any(p.kind == "act" and p.victims == [victim] and p.act_type in DEPRIVATIONS
                                     for p in proposals):
                    continue  # "Почти год они провели в СИЗО" after their detention was told: its length, not an act
                if inherited_date and earlier is not None:
                    if id(earlier) in undated_attributive and date_value and not attributive:
                        earlier.date, earlier.date_end = date_value, date_end  # the day the text now gives
                        undated_attributive.discard(id(earlier))
                    # A later restatement ("… who have been sentenced to five years …", "All were convicted under
                    # Article 174"): what it adds goes to the act already proposed.
                    earlier.provisions = list(dict.fromkeys(earlier.provisions + [
                        p for p, owners in zip(provisions_here, ref_owners) if not owners or victim in owners]))
                    if act_type == "sentenced" and earlier.penalty is None and penalty and \
                            penalty["kind"] == "imprisonment" and \
                            not any(p.act_type == "imprisoned" and p.victims == [victim] for p in proposals) and \
                            not (re.search(r"условн|suspended|шартты", sentence, re.I) or (_appealed_next(text, start, end) and not _in_custody(proposals, victim))):
                        # the term comes only now ("Сот … кінәлі деп таныды. A-ға үш жыл … тағайындалды."): prison
                        proposals.append(Proposal("act", "imprisoned", earlier.start, earlier.end, victims=[victim],
                                                  date=earlier.date, date_end=earlier.date_end,
                                                  perpetrators=earlier.perpetrators, rule="rule:imprisoned",
                                                  date_source=earlier.date_source))
                    earlier.penalty = earlier.penalty or (penalty if act_type in {"sentenced", "fined"} else None)
                    if act_type == "sentenced" and penalty and penalty["kind"] == "imprisonment" and \
                            (victim, "imprisoned") not in proposed_before and \
                            not any(p.act_type == "imprisoned" and p.victims == [victim] for p in proposals) and not (
                            re.search(r"условн|suspended|шартты", sentence, re.I) or (_appealed_next(text, start, end) and not _in_custody(proposals, victim))):
                        # "Суд признал их виновными. … назначил каждому 5 лет лишения свободы": the term, said after
                        # the verdict, takes the person to prison on the verdict's day.
                        proposals.append(Proposal("act", "imprisoned", start, end, victims=[victim], date=earlier.date,
                                                  date_end=earlier.date_end, perpetrators=perpetrators,
                                                  rule="rule:imprisoned", date_source=earlier.date_source))
                        proposed_before[(victim, "imprisoned")] = proposals[-1]
                    continue
                if respectively:  # "on 21 and 22 March, respectively, A and B were detained"
                    date_value, date_end = (date.value, "") if index == 0 else (date.value_end, "")
                own_day = each_day.get(victim)
                own_value, own_end = _own_clause_date(text, start + hit_end, end, victim, persons, own_dates) or \
                    ((own_day.value, own_day.value_end) if own_day is not None else (date_value, date_end))
                if own_value and act_type not in STATE_ACTS and not any(c[2] in STATE_ACTS for c in clause_types) \
                        and any(
                        d.value == own_value and state_start(text, d) for d in own_dates) and not any(
                        d.value == own_value and not state_start(text, d) for d in own_dates):
                    # "who faces charges …, said that he has been persecuted since 2018": a state's start dates no
                    # charge, verdict or other act of the sentence — unless the state is a deprivation the sentence
                    # tells ("Since November 2017, A has been held in detention on charges of …": the episode's start)
                    own_value, own_end = "", ""
                back = _counted_back(text, start, start + hit_start, own_dates) if own_value else None
                if back and own_value == back[0].value:
                    own_value, own_end = back[1], ""
                upheld_verdict = act_type == "sentenced" and CYRILLIC.search(sentence) and not KAZAKH.search(sentence) \
                    and UPHELD.search(sentence) and not VERDICT_OF_DATE.search(sentence)
                if upheld_verdict:
                    # "Областной суд оставил без изменений приговор А": the appeal's day is not the verdict's; the
                    # verdict told elsewhere with its day takes this one in (as a restatement). A date written
                    # after the verdict word ("приговор, вынесенный в феврале") is the verdict's.
                    upheld_at = start + UPHELD.search(sentence).end()
                    later = [d for d in own_dates if d.start >= upheld_at]
                    own_value, own_end = (later[0].value, later[0].value_end) if later else ("", "")
                    upheld_verdict = not later
                proposals.append(Proposal(
                    "act", act_type, start, end, victims=[victim], date=own_value, date_end=own_end,
                    provisions=list(dict.fromkeys(p for p, owners in zip(provisions_here, ref_owners)
                                                  if not owners or victim in owners)),
                    penalty=penalty if act_type in TAKES_PENALTY else None,
                    perpetrators=perpetrators, rule=f"rule:{act_type}",
                    date_source="context" if inherited_date or upheld_verdict else "headline" if headline else "own",
                    role=roles.get(victim, ""), perpetrator_bodies=bodies))
                proposed_before.setdefault((victim, act_type), proposals[-1])
                if attributive and not date_value:
                    undated_attributive.add(id(proposals[-1]))
                if act_type == "sentenced" and penalty and penalty["kind"] == "imprisonment" and \
                        not _served_next(text, end) and \
                        (UPHELD.search(sentence) or not (re.search(r"условн|suspended|шартты", sentence, re.I)
                                                          or (_appealed_next(text, start, end)
                                                              and not _long_past(own_value, published, text, end) and not (
                                                              _in_custody(proposals, victim)
                                                              and not VERDICT_WORD.search(sentence))))):
                    # A prison term upheld on appeal takes effect: the person is now imprisoned. A verdict nobody is
                    # said to appeal (in its sentence or the next) takes the person to prison that day; an appeal
                    # said to be upheld later does not hold the prison term back.
                    proposals.append(Proposal("act", "imprisoned", start, end, victims=[victim], date=own_value,
                                              date_end=own_end, perpetrators=perpetrators, rule="rule:imprisoned",
                                              date_source="context" if inherited_date else
                                              "headline" if headline else "own"))
        if row_note:
            proposals[first_here:] = _row_note_restated(text, start, proposals[:first_here], proposals[first_here:])
        last_victims = victims
        _one_deprivation_each(proposals, start, proposed_before, first_here)
        previous_acts = [p for p in proposals[first_here:] if p.start == start]
    _entry_dates(text, proposals, dates)
    _counted_then_named(proposals, counted, text, mentions, officials | lawyers)
    _verdict_told_before_the_name(proposals, unnamed_verdicts, dates)
    proposals = _verdict_of_the_day(text, proposals, published, title_start)
    _bracketed_terms(text, proposals, provisions, mentions, officials | lawyers)
    _entry_terms(text, proposals, provisions, mentions, officials | lawyers)
    _orphan_provisions(text, proposals, provisions, mentions, officials | lawyers)
    _ban_on_verdict_day(text, proposals)
    _questioned_at_a_hearing(text, proposals)
    proposals = administrative_verdicts(without_trial_on_verdict_day(
        charges_into_verdicts(without_undated_duplicates(proposals),
                              SHORT_TEXT + 1 if len(DATED_ENTRY.findall(text)) >= 3 else len(text))), text)
    from . import backoff, learned  # the learned layers: date chooser, act acceptance (QORGAU_LEARNED=0: off)

    proposals = learned.finish(text, proposals, dates.items, mentions.items, published)
    proposals = backoff.unstated_day_to_month(text, proposals, dates.items, mentions.items, published)
    # (two passes on undated acts told again, by two helpers of session 16: h26-date2's in every language, then
    # h26-enprec's English states "remains in custody" / "the charges against him")
    return without_undated_states_en(
        text, without_undated_restatements(text, proposals))


# Session 16 (h26-enprec): an undated state that restates a dated act of the same victim — "remains in custody"
# beside "was detained on 6 January", "the charges against him" beside "went on trial on 12 May" — and an undated
# retelling of an act of the same type told with its day elsewhere ("the court convicted both men" after "on 28
# November the court sentenced X …") are the same act again. English only (measured there: read parts 3 false acts
# fewer, held-out 7 fewer, no true act lost; Russian and Kazakh not measured).
RESTATED_STATE = {"pretrial_detention": DEPRIVATIONS, "charged": {"investigated", "charged", "tried"}}
STATE_NOW = re.compile(r"(?<!\w)(?:remains?|is|are|has\s+been|have\s+been|still)(?!\w)", re.I)


def without_undated_states_en(text, proposals):
    """Without an undated act whose victim has the same act dated, or (a custody or charge told as a state) an act of
    its kind dated; its provisions and penalty join the dated one."""
    if CYRILLIC.search(text):
        return proposals
    dated = [p for p in proposals if p.kind == "act" and p.victims and p.date]
    kept = []
    for p in proposals:
        if p.kind == "act" and p.victims and not p.date:
            # (custody told as a state — "remains in", "is held", or in the same line as the dated act; not a past
            # event of its own, "during the investigation a court kept him in custody")
            state = p.act_type != "pretrial_detention" or bool(STATE_NOW.search(text, p.start, p.end))
            twin = next((q for q in dated if q.victims[0] == p.victims[0] and (
                q.act_type == p.act_type or (q.act_type in RESTATED_STATE.get(p.act_type, ())
                                             and (state or q.start == p.start)))), None)
            if twin is not None:
                twin.provisions = list(dict.fromkeys(twin.provisions + p.provisions))
                twin.penalty = twin.penalty or p.penalty
                continue
        kept.append(p)
    return kept


COUNT_WORD = re.compile(rf"(?<!\w)(?P<n>\d{{1,2}}|{'|'.join(GROUP_SIZE)})\s+(?:[\w-]+\s+){{0,3}}?"
                        rf"(?:{MODIFIERS['counted_noun']})(?!\w)", re.I)


def _named_after_count(text, act, size, proposals, mentions, officials):
    """New acts of the counted act's type for the persons of the first sentence after it that names anyone, when that
    sentence (in the count's paragraph or the next) names exactly `size` persons, none an official, none with an act of
    that type already."""
    paragraph_end = text_find(text, "\n\n", act.end)
    limit = text_find(text, "\n\n", paragraph_end + 2) if paragraph_end >= 0 else len(text)
    limit = len(text) if limit < 0 else limit
    for start, end in sentences(text[:limit]):
        if start < act.end:
            continue
        named = list(dict.fromkeys(m.name for m in mentions.within(start, end)))
        if not named:
            continue
        if len(named) != size or any(n in officials for n in named) or any(
                p.kind == "act" and p.act_type == act.act_type and p.victims and p.victims[0] in named
                for p in proposals):
            return []
        made = []
        for name in named:
            made.append(Proposal("act", act.act_type, act.start, act.end, victims=[name], date=act.date,
                                 date_end=act.date_end, provisions=list(act.provisions), penalty=act.penalty,
                                 rule=f"rule:counted:{act.act_type}", date_source="context"))
        proposals.extend(made)
        return made
    return []


ONE_BY_ROLE = re.compile(rf"(?<!\w)an?\s+(?:[\w-]+\s+){{0,3}}?(?:{MODIFIERS['counted_noun_one']})(?!\w)", re.I) \
    if "counted_noun_one" in MODIFIERS else None


def _group_size(sentence):
    m = COUNT_WORD.search(sentence)
    if not m:
        # "detained a young video blogger who stood …": one person, named in a later sentence
        return 1 if ONE_BY_ROLE and ONE_BY_ROLE.search(sentence) else None
    n = m.group("n").lower()
    return int(n) if n.isdigit() else GROUP_SIZE.get(n)


def _counted_then_named(proposals, counted, text="", mentions=None, officials=()):
    """A lead that counts its victims before naming them ("Two members of a movement were each sentenced on Monday
    to five years in prison … A and B were convicted under Article 174"): the named persons' act of that type with no
    day of its own is the counted act — its day, and its prison term. When the names come with no act of that type
    ("A court handed four-year terms … to five men … . A, B, C, D and E denied the charge …"; "Бес белсенді … жазасына
    кесілді. … A, B, C, D және E былтыр ұсталған."), the first sentence after the count that names exactly as many
    persons (within its paragraph and the next) names them."""
    for act, size in counted:
        if not size or not act.date or act.act_type not in {"sentenced", "administrative_detention", "fined", "detained",
                                                  "arrested"}:
            continue
        later = [p for p in proposals if p.kind == "act" and p.act_type == act.act_type and p.start > act.start
                 and p.date_source == "context" and p.start - act.end < 1500]
        if not later and mentions is not None:
            later = _named_after_count(text, act, size, proposals, mentions, officials)
        victims = list(dict.fromkeys(p.victims[0] for p in later if p.victims))
        if len(victims) != size or any(
                q.kind == "act" and q.act_type == act.act_type and q.victims and q.victims[0] in victims
                and q.date_source != "context" for q in proposals):
            continue
        for p in later:
            p.date, p.date_end, p.date_source = act.date, act.date_end, "own"
            p.penalty = p.penalty or act.penalty
        if act.act_type == "sentenced" and act.penalty and act.penalty.get("kind") == "imprisonment":
            for victim in victims:
                if not any(q.act_type == "imprisoned" and q.victims == [victim] and q.date == act.date
                           for q in proposals):
                    first = next(p for p in later if p.victims == [victim])
                    proposals.append(Proposal("act", "imprisoned", first.start, first.end, victims=[victim],
                                              date=act.date, date_end=act.date_end, rule="rule:imprisoned",
                                              date_source="own"))


def _group_of_provision(text, ref, sentence_start, sentence_end, mentions, officials):
    """The persons a provision in a sentence naming no one belongs to when the sentence says "both", "all of them"
    (a plural pronoun or a collective numeral): those named in its paragraph before it, or, when the paragraph names no
    one, the persons opening the numbered entries of the list after it."""
    sentence = text[sentence_start:sentence_end]
    if mentions.within(sentence_start, sentence_end) or not (
            (PRONOUN.search(sentence) and PRONOUN.search(sentence).group("they")) or PAIR.search(sentence)
            or GROUP_REF.search(sentence) or (KK_GROUP_REF and KK_GROUP_REF.search(sentence))):
        return []
    paragraph_start = max(text_rfind(text, "\n\n", 0, ref.start), 0)
    named = list(dict.fromkeys(m.name for m in mentions.within(paragraph_start, sentence_start)
                               if m.name not in officials))
    if not named and paragraph_start > 0:
        # a field set as its own paragraph (a web page or a document file puts each line of a case's heading in a
        # paragraph: "Айыпталушылар: А, Б" / "Бап: екеуіне де …"): the paragraph right before it
        previous_start = max(text_rfind(text, "\n\n", 0, paragraph_start), 0)
        named = list(dict.fromkeys(m.name for m in mentions.within(previous_start, paragraph_start)
                                   if m.name not in officials))
        named = named if len(named) > 1 else []
    if named:
        return named if len(named) > 1 else []
    entries, position = [], text_find(text, "\n", sentence_end)
    while position >= 0:
        line_end = text_find(text, "\n", position + 1)
        line_end = len(text) if line_end < 0 else line_end
        if text[position + 1:line_end].strip():
            if not ENTRY_LINE.match(text, position + 1):
                break
            first = next((m.name for m in mentions.within(position + 1, line_end) if m.name not in officials), None)
            if first:
                entries.append(first)
        position = line_end if line_end < len(text) else -1
    return entries if len(entries) > 1 else []


BRACKET_AFTER_NAME = re.compile(r"[ \t]*\(([^()\n]{3,120})\)")


def _bracketed_terms(text, proposals, provisions, mentions, officials):
    """A name with its article and term in brackets ("саяси тұтқын Тимур Данебаев (ҚК 174-бап, 3 жыл) …",
    "X (ст. 405 ч. 2 УК РК, 5 лет)"): the person was sentenced under that article — when is not said — and a
    prison term took them to prison. Only for a person the text gives no verdict of their own."""
    for m in mentions.items:
        bracket = BRACKET_AFTER_NAME.match(text, m.end)
        if bracket is None or m.name in officials:
            continue
        refs = [r for r in provisions.within(bracket.start(1), bracket.end(1)) if r.how == "number"]
        term = penalty_match(bracket.group(1))
        term = term and term[0]
        if not refs or not term or term["kind"] == "fine":
            continue
        if any(p.kind == "act" and p.victims == [m.name] and p.act_type == "sentenced" for p in proposals):
            continue
        rule_types = ["sentenced"] + (["imprisoned"] if term["kind"] == "imprisonment" else [])
        for act_type in rule_types:
            proposals.append(Proposal("act", act_type, m.start, bracket.end(), victims=[m.name], date="",
                                      provisions=[(r.uid, RELATION.get(act_type, "charged")) for r in refs]
                                      if act_type in TAKES_PROVISIONS else [],
                                      penalty=term if act_type in TAKES_PENALTY else None,
                                      rule=f"rule:bracket:{act_type}"))


ENTRY_HEAD = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-•*–—])[ \t]+", re.M)
HEDGED_TERM = re.compile(r"(?<!\w)(?:up to|faces?|facing|could|may|might|risks?|carries|carry|punishable|asked|"
                         r"requested|sought|demanded|грозит|до)\s+(?:\w+\s+){0,3}$", re.I)


def _entry_terms(text, proposals, provisions, mentions, officials):
    """A list entry that opens with a person and prints a term with no verdict word ("3. DANEBAYEV Timur, activist.
    CC Art. 174 p.1, 3 years of imprisonment, Institution No. 64"; "4. UGUBAEVA Sauletai. AOC Art. 488 p.6, 15 days
    of administrative arrest …"): the person was sentenced to it (a prison term took them to prison; days of arrest
    are an administrative detention) — when is not said. Only for a person with no act of that kind on the line."""
    for head in ENTRY_HEAD.finditer(text):
        line_end = text_find(text, "\n", head.end())
        line_end = len(text) if line_end < 0 else line_end
        first = next(iter(mentions.within(head.end(), line_end)), None)
        if first is None or first.start != head.end() or first.name in officials:
            continue
        for term, offset in _penalties_in(text[first.end:line_end])[:1]:
            at = first.end + offset
            if term["kind"] not in {"imprisonment", "administrative_detention", "restriction_of_freedom"} or \
                    HEDGED_TERM.search(text[max(first.end, at - 40):at]) or \
                    any(m.name != first.name and m.name not in officials for m in mentions.within(first.end, at)):
                continue
            rule_types = {"imprisonment": ["sentenced", "imprisoned"], "restriction_of_freedom": ["sentenced"],
                          "administrative_detention": ["administrative_detention"]}[term["kind"]]
            told = {p.act_type for p in proposals if p.kind == "act" and p.victims == [first.name]
                    and head.start() <= p.start < line_end}
            if told & {"sentenced", "administrative_detention"}:
                continue
            refs = [r for r in provisions.within(first.end, line_end) if r.how == "number"]
            for act_type in rule_types:
                proposals.append(Proposal("act", act_type, head.start(), line_end, victims=[first.name], date="",
                                          provisions=[(r.uid, RELATION.get(act_type, "charged")) for r in refs]
                                          if act_type in TAKES_PROVISIONS else [],
                                          penalty=term if act_type in TAKES_PENALTY else None,
                                          rule=f"rule:entry:{act_type}", role=first.role))


def _orphan_provisions(text, proposals, provisions, mentions, officials):
    """A provision no act took goes to the one person it is about, when that person's acts have no provision yet:
    a case file's heading ("Case: A" / "Charges: … (Art. 189)"), a sentence naming one person and a charge but no
    act ("A's case was sent to court under Articles 174 and 274"), a paragraph about one person ("A … The charges:
    Article 405."). The sentence names that person alone, or names no one in a paragraph that names one person, or
    no one in a paragraph naming no one in a document reporting acts against one person only."""
    taken = sorted((p.start, p.end) for p in proposals if p.kind == "act" and p.provisions)
    taken_starts = [start for start, _ in taken]
    taken_reach = list(itertools.accumulate((end for _, end in taken), max))  # furthest end of the spans so far
    takes = {}  # a victim alone -> their acts that take a provision, in order
    for p in proposals:
        if p.kind == "act" and len(p.victims) == 1 and p.act_type in TAKES_PROVISIONS:
            takes.setdefault(p.victims[0], []).append(p)
    bare = set()  # the acts given provisions here (they had none)
    for ref in provisions.items:
        if ref.how not in {"number", "same"}:
            continue
        before = bisect.bisect_right(taken_starts, ref.start)  # inside an act that took provisions: skip
        if before and taken_reach[before - 1] > ref.start:
            continue
        sentence_start = max(text.rfind(".", 0, ref.start), text_rfind(text, "\n", 0, ref.start)) + 1
        sentence_end = min(x for x in (text.find(". ", ref.end), text_find(text, "\n", ref.end), len(text)) if x >= 0)
        named = {m.name for m in mentions.within(sentence_start, sentence_end) if m.name not in officials}
        if not named and not mentions.within(sentence_start, sentence_end):
            paragraph_start = max(text_rfind(text, "\n\n", 0, ref.start), 0)
            paragraph_end = text_find(text, "\n\n", ref.end)
            named = {m.name for m in mentions.within(paragraph_start, paragraph_end if paragraph_end >= 0 else len(text))
                     if m.name not in officials}
            if not named:
                # a paragraph naming no one ("The charge was brought under Article 180."): the one person the
                # document reports acts against that take a charge, if there is only one
                named = {p.victims[0] for p in proposals if p.kind == "act" and p.victims
                         and p.act_type in TAKES_PROVISIONS}
        if len(named) != 1:
            group = _group_of_provision(text, ref, sentence_start, sentence_end, mentions, officials)
            for person in group:
                # "Екеуіне де ӘҚБтК-нің 488-бабы қолданылды", "Both were charged under Article 174", "Олардың
                # барлығына 405-бап бойынша айып тағылды" before their list: the article is each one's.
                for p in proposals:
                    if p.kind == "act" and p.victims == [person] and p.act_type in TAKES_PROVISIONS and \
                            not any(uid.split("-")[-1].split(".")[0] == ref.article for uid, _ in p.provisions):
                        if not p.provisions:
                            bare.add(id(p))
                        p.provisions.append((of_edition(ref.uid, p.date), RELATION.get(p.act_type, "charged")))
            continue
        person = next(iter(named))
        own = takes.get(person, [])
        if not own or any(p.provisions for p in own if id(p) not in bare):
            continue
        for p in own:
            if not p.provisions:
                bare.add(id(p))
            p.provisions.append((of_edition(ref.uid, p.date), RELATION.get(p.act_type, "charged")))


# A Kazakh participle before a noun or name (attributive: "қатысқан Х", "сотталған тұтқын").
# The participle's noun is the sentence's predicate, about the person named before: "Данебаев 3 жылға сотталған саяси
# тұтқын еді" (was a political prisoner sentenced to three years)
KK_PREDICATE = re.compile(r"(?:[^\W\d_]+\s+){0,2}?[^\W\d_]+\s+(?:еді|екен|болатын|болған|болды)\s*(?:[.!;]|$)", re.I)
KK_ATTRIBUTIVE = re.compile(r"(?<!\w)\w+(?:ған|ген|қан|кен)(?=\s+[^\W\d_])", re.I)
def _kk_attributive(sentence, hit_start, hit_end):
    """Where the noun after a Kazakh trigger that is a participle before a noun or name ("сотталған тұтқын",
    "қамалған Ұғыбаева") starts, else 0."""
    word_end = re.compile(r"\w*").match(sentence, hit_end).end()
    if not re.search(r"(?:ған|ген|қан|кен)$", sentence[hit_start:word_end], re.I):
        return 0
    noun = re.match(r"\s+(?!(?:еді|екен|болатын|болған|болса|деп|кезде|соң|кейін|бері|дейін|уақытта)(?!\w))(?=[^\W\d_])",
                    sentence[word_end:], re.I)
    return word_end + noun.end() if noun else 0


PARTICIPLE_WORD = re.compile(r"\s*[а-яё]+(?:нн|вш|ем|им|ущ|ющ|ащ|ящ)(?:ый|ая|ое|ые|ого|ой|ому|ым|ых|ую|ыми|ом|ий|ее|ие|его|"
                             r"ей|ему|им|их|юю|ими|ем)(?:ся)?(?!\w)", re.I)
REPORTED_THAT = re.compile(rf"(?:{MODIFIERS['reported_that']})[^.;:]{{0,40}}?,\s*что\s", re.I)
SINCE_BEFORE = re.compile(rf"(?<!\w)(?:{MODIFIERS['since']})\s+$", re.I)


def _appositive_participle(sentence, start, position, dates):
    """Whether `position` lies in a participle phrase between commas (", обвиняемый по ч. 1 ст. 272 УК РК,") that
    holds none of the sentence's dates."""
    from qorgau.lib.morphology import is_participle

    left = sentence.rfind(",", 0, position)
    first = PARTICIPLE_WORD.match(sentence, left + 1) if left >= 0 else None
    if first is None or not is_participle(first.group().strip()):
        return False
    right = sentence.find(",", position)
    right = len(sentence) if right < 0 else right
    return not any(start + left <= d.start < start + right for d in dates)


def _reported_earlier(sentence, start, position, dates):
    """Whether `position` lies in an account after a speech verb ("заявили, что его пытали") that has no date of its
    own (a period's start, "с 2018 года", is none)."""
    told = None
    for m in REPORTED_THAT.finditer(sentence, 0, position):
        told = m
    if told is None:
        return False
    return not any(d.start >= start + told.end() and not SINCE_BEFORE.search(sentence, 0, d.start - start)
                   for d in dates)


KK_REPORTED_OBJECT = re.compile(r"\w*(?:ған|ген|қан|кен)(?:дығ|дік|тығ|тік)?(?:ын|ін|ы|і)(?!\w)", re.I)
_KK_REPORTED = [row[1] for row in lexicon.table("modifiers", "kk") if row[0] == "reported_after"]
KK_REPORTED_VERB = re.compile(rf"(?<!\w)(?:{'|'.join(_KK_REPORTED)})(?!\w)", re.I) if _KK_REPORTED else None


def _kk_reported(sentence, start, hit_start, hit_end, dates):
    """Whether the Kazakh act at hit_start…hit_end is told as the object of a speech verb later in its sentence
    (the trigger's last word a verbal noun in the accusative, "ұсталғанын", "қозғалғанын"; lexicon kk reported_after:
    "растады", "хабарлады", "мәлімдеді") and every date of the sentence stands after the act's words: the report's."""
    if KK_REPORTED_VERB is None:
        return False
    head = re.search(r"\w*$", sentence[:hit_end]).group()  # the word the trigger ends in, whole, and the two after
    following = re.match(r"(\w*)(?:\s+(\w+))?(?:\s+(\w+))?", sentence[hit_end:])
    words = [head + following.group(1)] + [w for w in following.groups()[1:] if w]
    if not any(KK_REPORTED_OBJECT.fullmatch(word) for word in words if word):
        return False
    tail = sentence[hit_end:]
    if not KK_REPORTED_VERB.search(tail):
        return False
    return all(d.start >= start + hit_end for d in dates)


KK_VERBAL_NOUN_OBJECT = re.compile(r"\w+(?:у|ю)(?:ын|ін|ына|іне)", re.I)  # "ұсталуын": the detaining (object)
KK_CONDEMNED = re.compile(rf"(?<!\w)(?:{MODIFIERS_KK['condemned_after']})(?!\w)", re.I) \
    if "condemned_after" in MODIFIERS_KK else None
KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің|nyñ|nıñ|dyñ|dıñ|tyñ|tıñ)", re.I)
KK_HIS = re.compile(r"(?<!\w)(?:оның|оған|оны|onyñ|oğan|ony)\s+(?:\S+\s+){0,6}?$", re.I)
_KK_BYSTANDER = [row[1] for row in lexicon.table("modifiers", "kk") if row[0] == "bystander"] \
    if "kk" in lexicon.languages() else []
KK_RELATION_AFTER = re.compile(rf"\s+(?:{'|'.join(_KK_BYSTANDER)})(?!\w)", re.I) if _KK_BYSTANDER else None


def _kk_reported_victims(text, sentence, start, clause_types, persons, officials):
    """Whose act a Kazakh report tells, the act being the object of a speech verb ("A Б-ның … ұсталғанын айтты",
    "Б-ның адвокаты A оның … ұсталғанын айтты"): the subject of the verbal noun is in the genitive, the name in the
    nominative is who speaks. The genitive name nearest before the trigger, unless it owns a relation word ("адвокаты",
    "әйелі": the speaker's tie to him) — then "оның" (his) before the trigger is that person. None when the sentence's
    first trigger is no such reported act, or no genitive name fits (the caller keeps its own choice)."""
    if not clause_types or KK_REPORTED_VERB is None or not KAZAKH.search(sentence):
        return None
    _, hit_start, _, hit_end = min(clause_types, key=lambda c: c[1])
    word = re.search(r"\w*$", sentence[:hit_end]).group() + re.match(r"\w*", sentence[hit_end:]).group()
    if not (KK_REPORTED_OBJECT.fullmatch(word) or KK_VERBAL_NOUN_OBJECT.fullmatch(word)) or not (
            KK_REPORTED_VERB.search(sentence, hit_end) or (KK_CONDEMNED and KK_CONDEMNED.search(sentence, hit_end))):
        return None
    breaks = [m.end() for m in KK_CLAUSE_BREAK.finditer(sentence, 0, hit_start)]
    clause_start = start + (breaks[-1] if breaks else 0)
    before = [m for m in persons if clause_start <= m.start and m.end <= start + hit_start and m.name not in officials]
    genitive = [m for m in before if _kazakh_case(m) and KK_GENITIVE.fullmatch(_kazakh_case(m))]
    if not genitive:
        return None
    last = genitive[-1]
    if KK_RELATION_AFTER is not None and KK_RELATION_AFTER.match(text, last.end):
        # "Б-ның адвокаты A оның … ұсталғанын айтты": "оның" after the speaker is the one the speaker is tied to
        speaker = [m for m in before if m.start > last.end]
        if speaker and KK_HIS.search(text, speaker[-1].end, start + hit_start):
            return [last.name]
        return None
    return [last.name]


def _dated_clause(sentence, start, position, dates):
    """Whether the part of the sentence between semicolons that holds `position` has a date of its own ("А задержали
    17 января; ему вменяют …": the charge's part has none)."""
    left = sentence.rfind(";", 0, position) + 1
    right = sentence.find(";", position)
    right = len(sentence) if right < 0 else right
    return any(start + left <= d.start < start + right for d in dates)


def _clause_start(sentence, position):
    return max(sentence.rfind(stop, 0, position) for stop in (",", ";", ":", "–")) + 1


VERDICT_TRIGGER = next((pattern for act_type, pattern in COMPILED if act_type == "sentenced"), None)


def _same_name(a, b):
    """One person under two spellings of a headline and its lead ("Ermek Taichibekov" / "Yermek Taychibekov")."""
    from qorgau.lib.personnames import compare

    return a == b or bool(a and b and compare(a[0], b[0])[0] >= 0.9)


PAIR_NOUN = re.compile(r"(?<!\w)(?:both|the two)\s+(?:co-?)?(?P<noun>[a-z]{3,})s\b", re.I)


def _pair_named_as(text, sentence, start, mentions, officials):
    """"Officers drove both founders to …" after "the co-founders, A and B, …": the two persons the text named with
    that noun (its last naming before the sentence, the two names within 80 characters after it), not the last two
    persons named (a complainant told in between). [] when the text named no such pair (s15 h25-en2)."""
    m = PAIR_NOUN.search(sentence)
    if not m:
        return []
    named = list(re.finditer(rf"(?<!\w)(?:co-?)?{m.group('noun')}s?(?!\w)", text[:start], re.I))
    if not named:
        return []
    after = named[-1].end()
    stop = min([i for i in (text_find(text, ".", after), text_find(text, "\n", after)) if i >= 0] or [start])
    names = list(dict.fromkeys(x.name for x in mentions.within(after, min(after + 80, stop, start))
                               if x.name not in officials))
    return names if len(names) == 2 else []


def _verdict_told_before_the_name(proposals, unnamed_verdicts, dates):
    """A lead that tells the verdict and its day before naming the defendant ("Кәсіподақ жетекшісіне қатысты үкім кеше
    жарияланды. … Сотталған — Нұрбек Құшақбаев. Ол 20 қаңтарда ұсталып … Енді оған екі жыл … тағайындалды"): the
    verdict told later in a sentence with no day of its own is that day's, not the day of the detention told before
    it (unless the person has a verdict dated in its own sentence)."""
    days = {day for _, day in unnamed_verdicts}
    if len(days) != 1:
        return
    first, day = unnamed_verdicts[0]
    verdicts = [p for p in proposals if p.kind == "act" and p.act_type in {"sentenced", "imprisoned"} and p.victims]
    dated = {p.victims[0] for p in verdicts if p.act_type == "sentenced" and dates.within(p.start, p.end)}
    for p in verdicts:
        if p.start > first and p.victims[0] not in dated and (not p.date or p.date < day):
            p.date, p.date_end, p.date_source = day, "", "own"


# A line that opens an update added to a published text ("Обновлено:", "Upd:", "UPDATE:", "Жаңартылды:")
UPDATE_LINE = re.compile(r"[ \t]*(?:\d{1,2}/[ \t]*)?[*_]*(?:обновлено|обновление|upd|update|updated|жаңартылды|жаңарту)"
                         r"[*_]*[ \t]*[:.—–-]", re.I)


def _verdict_of_the_day(text, proposals, published, title_start=0):
    """A report of the day's verdict. (1) Its headline announces a verdict ("… бес адамға үкім шықты", "… sentenced"):
    a verdict or prison term the body tells with no date of its own, after a paragraph of background ("2022 жылғы
    қазанда … үй қамағында болды. Үкім. Сот …"), is that day's verdict, not the background's. (2) A lead dated by
    the document's day, told again with its own earlier day ("… кесілді. Үкімді кеше … шығарды"): the day given wins."""
    if not published or VERDICT_TRIGGER is None:
        return proposals
    headline = text[title_start:(text_find(text, "\n", title_start) + 1 or len(text) + 1) - 1]
    own_verdict = {p.victims[0] for p in proposals if p.kind == "act" and p.act_type == "sentenced"
                   and p.date_source == "own"}
    if VERDICT_TRIGGER.search(headline):
        for p in proposals:
            # (only a date borrowed from beyond the paragraph, cut to its month: a day given in the same paragraph
            # — "released on 12 August … when the court convicted her" — is the verdict's own)
            if p.kind == "act" and p.act_type in {"sentenced", "imprisoned"} and p.date_source == "context" and \
                    p.date and len(p.date) < 10 and p.date < published[:len(p.date)] and \
                    p.victims[0] not in own_verdict:
                p.date, p.date_end, p.date_source = published, "", "headline"
    kept, moved = [], {}
    for p in proposals:
        again = p.kind == "act" and p.date == published and next(
            (q for q in proposals if q is not p and q.kind == "act" and q.act_type == p.act_type and
             _same_name(q.victims, p.victims) and q.date_source == "own" and q.date and len(q.date) == 10 and
             q.date < published and 0 <= q.start - p.end < 400), None)
        if again:
            again.provisions = list(dict.fromkeys(again.provisions + p.provisions))
            again.penalty = again.penalty or p.penalty
            moved[(p.victims[0], p.start)] = again
            continue
        kept.append(p)
    for p in kept:  # the lead's other acts ("… imprisoned" with its "sentenced") move to the day told next
        again = next((a for (v, s_), a in moved.items() if s_ == p.start and _same_name([v], p.victims)), None) \
            if p.kind == "act" and p.date == published else None
        if again is not None:
            p.date, p.date_end, p.date_source = again.date, again.date_end, again.date_source
    return kept


ENTRY_LINE = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2}", re.M)


def _entry_dates(text, proposals, dates):
    """An act of a list entry typed one field a line that took its date from the text before the entry ("Жазасы: 7
    жыл бас бостандығынан айыру" after the previous entry's "18.10.2024 сотталды") is dated within its own entry: a
    prison term on the entry's verdict day, any other act by the entry's one date no act of it used ("Күні:
    01.05.2023")."""
    starts = [m.start() for m in ENTRY_LINE.finditer(text)]
    for entry_start, following in zip(starts, starts[1:] + [len(text)]):
        blank = text_find(text, "\n\n", entry_start)
        entry_end = min(following, blank if blank != -1 else len(text))
        here = [p for p in proposals if p.kind == "act" and entry_start <= p.start < entry_end]
        own = [p for p in here if p.date_source == "own" and p.date]
        used = {p.date for p in own}
        free = [d for d in dates.within(entry_start, entry_end) if d.value not in used]
        for p in here:
            if p.date_source != "context":
                continue
            verdict = next((q for q in own if q.act_type == "sentenced" and q.victims == p.victims), None)
            if p.act_type == "imprisoned" and verdict:
                p.date, p.date_end, p.date_source = verdict.date, verdict.date_end, "own"
            elif len(free) == 1:
                p.date, p.date_end, p.date_source = free[0].value, free[0].value_end, "own"
            elif not any(d.start < p.start for d in dates.within(entry_start, entry_end)):
                # An entry that gives no date before the act ("5. ЕНСЕБЕК Темирлан / Статья: ст. 174 УК РК" under an
                # entry dated "сентябрь 2020"; "3. ЖАМҰРАТОВ Асылбек — сол бап бойынша сотталған."): the entry before
                # it (another person's) dates none of its acts
                p.date, p.date_end = "", ""  # (still "context": a dated twin in the entry takes it in)


# "serving three years under Article 174", "are serving prison terms", "отбывает семь лет": a term as it stands now
# (en/ru triggers.tsv); its day only when the sentence tells one ("… imposed on 11 July 2023").
SERVING = re.compile(r"(?:(?:is|are|was|were|been|remains?|remained)\s+(?:(?:now|still|currently|already)\s+)?)?serving\b|"
                     r"отбыва(?:ет|ют)(?!\w)|отбывающ\w*", re.I)
# "X, serving three years under Article 174, …": the same state told in a participle set off by a comma
PARTICIPLE_SERVING = re.compile(r"serving\s", re.I)
# "Касымов отбывает шесть лет лишения свободы …": the Russian verb before the term the trigger found
SERVING_BEFORE = re.compile(r"(?<!\w)(?:отбыва(?:ет|ют)|отбывающ\w*)\s+(?:\S+\s+){0,2}$", re.I)
UPHELD = re.compile(r"\buph(?:olds?|eld)\b|(?:dismissed|rejected) (?:the|their|his|her) appeal|оставил\w* в силе|"
                    r"оставил\w* (?:\w+ )?без изменени\w*|оставлен\w* без изменени\w*|"
                    r"(?:өзгеріссіз|күшінде) қалдыр\w*", re.I)
VERDICT_OF_DATE = re.compile(r"приговор\w*\s+(?:\w+\s+){0,3}от\s+\d", re.I)  # "приговор районного суда от 5 мая"
APPEALED = re.compile(rf"(?<!\w)(?:{MODIFIERS['appeal']})", re.I)
APPEAL_UNKNOWN = re.compile(rf"(?<!\w)(?:{MODIFIERS['appeal_unknown']})", re.I) if "appeal_unknown" in MODIFIERS else None
VERDICT_WORD = re.compile(r"признал\w*|приговор\w*|осуди\w*|осужд\w*|found guilty|sentenc\w*|convict\w*|кінәлі|үкім",
                          re.I)


def _in_custody(proposals, victim):
    """Held already (pre-trial detention, arrest) when the prison term is given after the verdict ("Суд признал их
    виновными. A получила три года …, B — …"): an appeal does not hold that term back, the person stays behind bars.
    (A verdict told with its term in one sentence keeps the older rule: an appeal said next holds it back, as the
    corpus annotates it.)"""
    return any(p.kind == "act" and p.victims == [victim] and p.act_type in {"pretrial_detention", "arrested"}
               for p in proposals)


TERM_SERVED = re.compile(rf"(?<!\w)(?:{MODIFIERS['term_served']})", re.I) if "term_served" in MODIFIERS else None


def _served_next(text, end):
    """The term was served already, said in the next sentences ("Сот оның жазасы өтелді деп тауып, … залдан босатты"):
    the verdict takes no one to prison."""
    return bool(TERM_SERVED and TERM_SERVED.search(text, end, end + 400))


def _long_past(value, published, text, end):
    """A verdict half a year or more before the document's date ("Напомним, что в ноябре 2023 года X был приговорён
    к 7 годам …" in an item of August 2025) and an appeal told next against something else ("… намерена обжаловать
    решение в кассационном порядке"): not a term still pending."""
    if len(value or "") < 7 or len(published or "") < 10:
        return False
    following = re.match(r"[^.!?]*[.!?]?", text[end:end + 250]).group()
    if VERDICT_WORD.search(following):
        return False  # "Защита обжаловала приговор.": the verdict's own appeal
    try:
        told = datetime.date.fromisoformat(value[:10] if len(value) >= 10 else value[:7] + "-01")
        return (datetime.date.fromisoformat(published[:10]) - told).days >= 183
    except ValueError:
        return False


def _appealed_next(text, start, end):
    """An appeal against the verdict in its own sentence or the one right after ("They appeal their sentences."),
    not an appeal court that upheld it."""
    following = re.match(r"[^.!?]*[.!?]?", text[end:end + 250]).group()
    return any(APPEALED.search(part) and not UPHELD.search(part) and not (APPEAL_UNKNOWN and APPEAL_UNKNOWN.search(part))
               for part in (text[start:end], following))


SPECIFIC_DEPRIVATION = {"administrative_detention", "pretrial_detention", "house_arrest", "imprisoned",
                        "psychiatric_detention"}


# A numbered entry of a list, one field a line: "1. ФАМИЛИЯ Имя, город." / "Статьи: …" / "Взят под стражу …".
ENTRY = re.compile(r"\s*\d{1,3}[.)]\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2}")


SHORT_PARTICIPLE = re.compile(r"[А-ЯЁ][а-яё]+(?:ан|ян|ен|ён|ят|ыт|ит|ут|ят)[аоы]?")
# "… те же, что у Н. Жаулибаева", "то же, что и у …", "аналогично …у": the acts of the person named.
SAME_AS = re.compile(r"(?<!\w)(?:те же|то же|такие же|такой же|аналогичн\w+)[^.;]{0,60}?\bчто\s+(?:и\s+)?у\s", re.I)


ACCUSATION = re.compile(rf"\s*(?:{MODIFIERS['accusation']})(?!\w)", re.I) if "accusation" in MODIFIERS else None
ANAPHOR = re.compile(rf"(?<!\w)(?:{MODIFIERS['anaphor']})(?!\w)", re.I) if "anaphor" in MODIFIERS else None
GROUP_ANAPHOR = re.compile(rf"(?<!\w)(?:{MODIFIERS['group_anaphor']})(?!\w)", re.I) \
    if "group_anaphor" in MODIFIERS else None
# "о семи активистах, задержанных …": a counted group is other people, not the persons just named.
COUNTED_BEFORE = re.compile(rf"{NUM}\s+(?:[\w-]+[,\s]+){{0,2}}$", re.I)
PRESENT_CHARGE = re.compile(rf"(?:{MODIFIERS['present_charge']})(?!\w)", re.I) if "present_charge" in MODIFIERS else None
# "Most were released within hours. Five of them — A, B … — were remanded": the sentence before told the act of
# another part of the group ("Most", "Some", "Others"), which the part counted now did not have.
SUBSET = re.compile(rf"\s*(?:{MODIFIERS['subset']})(?:\s+of\s+(?:them|those|these))?\s+(?:{MODIFIERS['subset_verb']})\b")
PARTITIVE = re.compile(r"\s*(?:Среди них|В их числе|\w+(?:\s+\w+)?\s+из\s+них|(?:\w+|\d+)\s+of\s+(?:them|these|those))(?!\w)",
                       re.I)
# A dated entry of a chronology or a monitoring log: "17.07.2019 – …", "06.2019 – …", "25 September 2018: …".
DATED_ENTRY = re.compile(r"\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[./]\d{4}|\d{1,2}\s+[A-Za-zА-Яа-яЁё]+\s+\d{4}|"
                         r"[A-Za-zА-Яа-яЁё]+\s+\d{1,2},\s+\d{4})\s*[–—:-]")


FIELD_LABEL = re.compile(r"^[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3}\s*:")  # "Күндері:", "Date of arrest:"
NO_SUBJECT = re.compile(r"[^A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]*")  # digits, dates in words, particles: no capitalised word
ENTRY_FIELD_MAX = 300  # characters: a field of a list entry ("Статьи: ч. 2 ст. 405 УК РК."), not a story's paragraph


def join_entry_fields(text, mentions=()):
    """A numbered list entry whose fields a web page or a Word file sets as paragraphs of their own ("1. ФАМИЛИЯ Имя,
    г. Алматы." / "Статьи: …" / "Взят под стражу 22.06.2023."): the fields are read as one paragraph with the entry,
    as the same list typed one field a line reads. Short unnumbered one-line paragraphs that end as sentences do and
    name no one join the entry before them, up to the next entry, a heading, a longer paragraph or one naming someone. Same length as `text` (a paragraph break becomes two spaces), so every
    offset still points at the document's own words."""
    if "\n\n" not in text or not ENTRY.search(text):
        return text
    chars = list(text)
    named = sorted(m.start for m in mentions)
    paragraphs = [m for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]
    in_entry = False
    for previous, paragraph in zip(paragraphs, paragraphs[1:]):
        if ENTRY.match(previous.group()):
            in_entry = "\n" not in previous.group()  # an entry of one paragraph, not a list typed one entry a line
        field = paragraph.group().rstrip()
        names_someone = bisect.bisect_left(named, paragraph.start()) < bisect.bisect_left(named, paragraph.end())
        # (a field with its label needs no stop: "Қаласы: Алматы", "Бабы: ӘҚБтК 488-бабының 6-бөлігі")
        if ENTRY.match(field) or len(field) > ENTRY_FIELD_MAX or "\n" in field or \
                not (field.endswith((".", ";")) or FIELD_LABEL.match(field)) or \
                (names_someone and not SAME_AS.search(field)):  # "… те же, что у Н. Жаулибаева.": a field
            # the next entry, a story's paragraph, a heading ("B. Restriction of freedom"), a section naming others
            # ("C. Also convicted …: A, B"; "Notes: No. 10 (KAZIYEV) …")
            in_entry = False
            continue
        gap = text[previous.end():paragraph.start()]
        if in_entry and gap == "\n\n":
            chars[previous.end():paragraph.start()] = "  "
    return "".join(chars)


# A long-form participle ("осуждённых", "задержанного", "арестованной"): an attribute, not a predicate.
ATTRIBUTIVE = re.compile(r"[а-яё]+(?:нн|вш)(?:ый|ая|ое|ые|ого|ой|ому|ым|ых|ую|ыми|ом)(?!\w)", re.I)
CASE_CAPTION = re.compile(r"\s*(?:Дело|Обвиняем\w*|Подсудим\w*|Осужд[её]нн\w*|Подзащитн\w*)\s*:", re.I)


HEAD_PREFIX = re.compile(r"[\s\d.)•*–—-]*")
BULLET_ITEM = re.compile(r"[ \t]*[-–•*][ \t]+")


# (session 15, h25-kk2) A note under a numbered table or list that names its row, not its person ("(4) 6-жол: …
# ұсталған", "Row 6: detained …", "Строка 6: задержан …", "1–3 жолдағы белсенділер …"): about the persons of those rows.
# (The notes' heading may lead the first note when the reader joined the lines: "Ескертпелер: (1) 1–3 жолдағы …".)
_ROW_NUMBERS = r"(\d{1,3})(?:\s*[–—-]\s*(\d{1,3}))?"
_ROW_AFTER = "|".join(f"(?:{row[1]})" for row in lexicon.table("modifiers") if row[0] == "row_word_after")
_ROW_BEFORE = "|".join(f"(?:{row[1]})" for row in lexicon.table("modifiers") if row[0] == "row_word_before")
ROW_REFERENCE = re.compile(r"[\s•*-]*(?:[^\W\d_]{3,20}:\s*)?(?:\(\d{1,3}\)\s*|\d{1,3}[.)]\s+)?(?:" + "|".join(
    part for part in (_ROW_AFTER and rf"{_ROW_NUMBERS}\s*-?\s*(?:{_ROW_AFTER})",
                      _ROW_BEFORE and rf"(?:{_ROW_BEFORE})\s*(?:№\s*)?{_ROW_NUMBERS}") if part) + r")(?!\w)")


def _referenced_rows(text, sentence, mentions, officials):
    """The persons of the rows a note names at its start: the first person on each line of the text opening with
    that number ("6 | ТҰБЕТОВА Айнагүл | …", "6. ТҰБЕТОВА Айнагүл – …"); none when a row is not found or names no
    one."""
    found = ROW_REFERENCE.match(sentence)
    if not found:
        return []
    numbers = [int(n) for n in found.groups() if n]
    first, last = numbers[0], numbers[-1]
    if not first <= last <= first + 20:
        return []
    persons = []
    for number in range(first, last + 1):
        row = re.search(rf"(?m)^[ \t]*\|?[ \t]*{number}[ \t]*(?:[|.)–—-])[ \t]*\S[^\n]*", text)
        person = next((m for m in mentions.within(row.start(), row.end()) if m.name not in officials), None) \
            if row else None
        if person is None:
            return []
        persons.append(person.name)
    return list(dict.fromkeys(persons))


def _row_note_restated(text, start, before, made):
    """A row note's act of a type the row already tells, when the note's last clause (after its last ";") holds no
    number and an earlier clause holds the date ("(1) 1–3 жолдағы … 09.2024 ұсталған; үкімді судья … оқыды"): the
    row's verdict restated, not a second one dated by the other clause."""
    kept = []
    for p in made:
        told = any(q.kind == "act" and q.act_type == p.act_type and q.victims == p.victims for q in before)
        head = text[start:p.end]
        dated = [m for m in re.finditer(r"\d{1,2}\.\d{4}|\d{4}|\d{1,2}\.\d{1,2}", head)]
        trigger_clause = head.rsplit(";", 1)[-1] if ";" in head else None
        if told and trigger_clause is not None and not re.search(r"\d", trigger_clause) and dated:
            continue
        kept.append(p)
    return kept


def _section_heading(text, start, end):
    """A section's title inside a text: a line of its own between blank lines (or the text's edges), of one to five
    words with no digit and no closing stop ("Босатылғаннан кейін", "После освобождения", "After the release")."""
    line_start = text_rfind(text, "\n", 0, start) + 1
    line_end = text_find(text, "\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip().lstrip("#").strip()
    if not line or text[line_start:start].strip().strip("#") or text[end:line_end].strip():
        return False
    if re.search(r"[\d.!?:;,|«»\"]", line) or not 1 <= len(line.split()) <= 5:
        return False
    blank_before = line_start == 0 or text[max(0, line_start - 2):line_start] == "\n\n"
    blank_after = line_end >= len(text) - 1 or text[line_end:line_end + 2] == "\n\n"
    return blank_before and blank_after


def _bullet_head(text, start, mentions, officials):
    """The person a bulleted line naming no one is about: the one the nearest line above that is not itself a
    bullet opens with (a case heading over its items), when that line starts with the name."""
    line_start = text_rfind(text, "\n", 0, start) + 1
    if not BULLET_ITEM.match(text, line_start) or not re.fullmatch(r"\s*(?:[-–•*]\s*)?", text[line_start:start]):
        return []  # (only a bullet's first sentence; a numbered line is an entry of its own)
    position = line_start
    for _ in range(40):
        if position <= 0:
            return []
        head_start = text_rfind(text, "\n", 0, position - 1) + 1
        line = text[head_start:position - 1]
        position = head_start
        if not line.strip() or BULLET_ITEM.match(line):
            continue  # (another item of the list, or the dash of a dialogue's line)
        first = next(iter(mentions.within(head_start, head_start + len(line))), None)
        if first is not None and first.name not in officials and HEAD_PREFIX.fullmatch(text[head_start:first.start]):
            return [first.name]
        return []
    return []


def _entry_subject(text, start, sentence, clause_types, mentions, officials):
    """The person a subjectless line of a numbered list entry is about ("Взят под стражу 22.06.2023.",
    "Приговор суда от 02.08.2024: 7 лет"): the one the entry opens with."""
    first = min(c[1] for c in clause_types)
    if FIELD_LABEL.match(sentence.lstrip()):
        # "Дело: Ильяшев Альнур" … "Мера пресечения: содержание под стражей": a case file's fields are about the
        # person its caption names.
        block_start = text_rfind(text, "\n\n", 0, start)
        block_start = 0 if block_start < 0 else block_start + 2
        for line in re.finditer(r"[^\n]+", text[block_start:start]):
            if CASE_CAPTION.match(line.group()):
                named = [m.name for m in mentions.within(block_start + line.start(), block_start + line.end())
                         if m.name not in officials]
                if named:
                    return named[:1]
    before = sentence[:first].strip(" \t-–•*")
    # A field's label ("Күндері:", "Dates:") and, in a verb-final language, the field's dates ("Күндері: 2023 жылғы
    # мамырда қамауға алынды") may come before the verb: words with no capital letter name no other subject.
    before = FIELD_LABEL.sub("", before, count=1).strip(" \t-–•*")
    if before and not SHORT_PARTICIPLE.fullmatch(before) and not (KAZAKH.search(sentence) and NO_SUBJECT.fullmatch(before)):
        return []  # "Взят под стражу …": a short participle may open it
    entry_start = max(text_rfind(text, "\n\n", 0, start), 0)
    named = [m for m in mentions.within(entry_start, start) if m.name not in officials]
    numbered = NUMBERED_ENTRY.match(text, entry_start)
    # (an entry opening with its number and its person as printed: "3. Daniyar Adilbekov, journalist. Arrested in …")
    if not ENTRY.match(text, entry_start) and not (numbered and named and named[0].start == numbered.end()):
        return []
    return [m.name for m in named][:1]


NUMBERED_ENTRY = re.compile(r"\s*\d{1,3}[.)]\s+")
HEAD_NAME_END = re.compile(r"[ \t]*(?:\([^()\n]{0,60}\))?[ \t]*[.:–—][ \t]+(?=\S)")


def _paragraph_head(text, start, mentions, officials):
    """The person a paragraph opens with, the name standing alone as its heading ("Aleksei Asetov. The Baptist leader
    …", "Mukhammad Toleu: the imam …", "Нуржан Баймулдин (Кокшетау). Журналиста вызвали …"): a sentence of that
    paragraph that names no one and no counted group is about that person (a year in review, one paragraph per
    case)."""
    paragraph_start = text_rfind(text, "\n\n", 0, start)
    paragraph_start = 0 if paragraph_start < 0 else paragraph_start + 2
    first = mentions.first_within(paragraph_start, start)
    if first is None or first.name in officials or first.how == "list" or \
            not re.fullmatch(r"[ \t]*(?:[-–•*][ \t]*)?", text[paragraph_start:first.start]):
        return []  # (a numbered entry of a list, "4. UGUBAEVA Sauletai. AOC Art. 488 …", is read as an entry)
    if not HEAD_NAME_END.match(text, first.end) or first.end >= start:
        return []
    return [first.name]


def _one_deprivation_each(proposals, start, proposed_before, first_here=0):
    """"Detained … and sentenced to 15 days' administrative detention": in one sentence, a plain detention beside
    a more specific deprivation of the same person on the same date is the same act. (A later restatement of the
    detention must not fold into the dropped proposal, so it is forgotten there too.)"""
    here = [p for p in proposals[first_here:] if p.start == start and p.kind == "act"]
    specific = {(p.victims[0], p.date) for p in here if p.act_type in SPECIFIC_DEPRIVATION}
    for p in here:
        if p.act_type == "detained" and (p.victims[0], p.date) in specific:
            proposals.remove(p)
            if proposed_before.get((p.victims[0], "detained")) is p:
                del proposed_before[(p.victims[0], "detained")]


SHORT_TEXT = 12000  # characters: about two pages
# A timeline's entry opens with its day ("17 May 2016 – …", "March 3, 2023: …", "05.03.2021 —"): a text of three or
# more such entries tells the case step by step, each step dated, however short it is (its charges stay acts).
DATED_ENTRY = re.compile(r"^[ \t]*(?:\d{1,2}\s+[^\W\d_]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4})"
                         r"(?:\s+(?:года|г\.|жылы))?\s*[–—:-]\s", re.M)


DEPRIVATION_WITH_CHARGE = {"detained", "arrested", "pretrial_detention", "house_arrest"}


def _ban_on_verdict_day(text, proposals):
    """A ban told after the verdict without a day of its own ("… and sentenced each to five years. The four men are
    also barred from public activity for five years", a list entry's "…(22.01.2016); barred from public activity")
    is part of that verdict: it takes the day of the last verdict of the same person in its paragraph."""
    for p in proposals:
        if p.kind != "act" or p.act_type != "activity_ban" or p.date_source == "own":
            continue
        paragraph_start = text_rfind(text, "\n\n", 0, p.start)
        verdicts = [q for q in proposals if q.kind == "act" and q.act_type == "sentenced" and q.victims == p.victims
                    and paragraph_start <= q.start <= p.start and q.date and q is not p]
        if verdicts:
            p.date, p.date_end = verdicts[-1].date, verdicts[-1].date_end


def charges_into_verdicts(proposals, text_length=0):
    """In a short text (a news item, a statement, a court report), a charge or an investigation of someone it
    reports convicted is the road to that verdict, not an act of its own: its provisions join the verdict. Long
    reports tell a case step by step, each step dated: there a charge stays an act."""
    if text_length > SHORT_TEXT:
        return proposals
    verdicts, penalties = {}, {}
    for p in proposals:
        if p.kind == "act" and p.act_type == "sentenced":
            verdicts.setdefault(p.victims[0], []).append(p)
        if p.kind == "act" and p.act_type in {"fined", "administrative_detention"}:
            penalties.setdefault(p.victims[0], []).append(p)
    # "Н. Жаулибаев" in a caption and "Нурлан Жаулибаев" in the verdict: one person, when the family name is shared
    # by no one else convicted.
    by_family = {}
    for name in verdicts:
        by_family.setdefault(name.split()[-1], []).append(name)
    kept = []
    for p in proposals:
        if p.kind == "act" and p.act_type in {"charged", "investigated"} and p.victims[0] not in verdicts and \
                re.match(r"(?:[A-ZА-ЯЁ]\.\s?)+\S", p.victims[0]) and len(by_family.get(p.victims[0].split()[-1], [])) == 1:
            p.victims = [by_family[p.victims[0].split()[-1]][0]]
        if p.kind == "act" and p.act_type in {"charged", "investigated"} and p.victims[0] not in verdicts and \
                p.victims[0] in penalties and p.provisions and all(uid.startswith("AOC") for uid, _ in p.provisions):
            # An administrative case ("Үшеуі де ӘҚБтК-нің 488-бабымен жауапқа тартылды" after their fines): the
            # charge under the Administrative Code is the road to the fine or the arrest, its article joins it.
            penalty = penalties[p.victims[0]][0]
            penalty.provisions = list(dict.fromkeys(penalty.provisions + [
                (uid, "convicted" if rel in {"charged", "suspected"} else rel) for uid, rel in p.provisions]))
            continue
        if p.kind == "act" and p.act_type in {"charged", "investigated"} and p.victims[0] in verdicts and not (
                # a charge with its own date in a later year than every verdict told of that person is a new case
                # (an old sentence recalled: "Оған 4 сәуірде қайтадан айып тағылды. 2020 жылы ол … сотталған еді")
                p.date and p.date_source == "own" and all(v.date and p.date[:4] > v.date[:4]
                                                          for v in verdicts[p.victims[0]])) and not (
                # a charge told with its own day together with a detention, long before the verdict ("On 22 June
                # 2023 a judge remanded him on charges of …"), is a step of its own
                p.date and p.date_source == "own" and all(p.date[:7] != v.date[:7] for v in verdicts[p.victims[0]])
                and any(q.kind == "act" and q.start == p.start and q.victims == p.victims and q.date == p.date
                        and q.act_type in DEPRIVATION_WITH_CHARGE for q in proposals)):
            verdict = verdicts[p.victims[0]][0]
            verdict.provisions = list(dict.fromkeys(verdict.provisions + [
                (uid, "convicted" if rel in {"charged", "suspected"} else rel) for uid, rel in p.provisions]))
            continue
        kept.append(p)
    return kept


# Deprivations before any verdict (a prison term after the verdict is another event)
CUSTODY = {"detained", "arrested", "pretrial_detention", "house_arrest", "administrative_detention"}


def without_undated_duplicates(proposals):
    """A victim's act stated with its own date somewhere makes the same act with a borrowed date elsewhere (an
    introduction, a summary) a duplicate: its provisions and penalty join the dated one."""
    dated = {}
    for p in proposals:
        if p.kind == "act" and p.date_source == "own":
            dated.setdefault((p.victims[0], p.act_type), p)
    # "Between 16 and 20 May … This included A" and "17 May: A …": the exact date wins over the range.
    exact = {}
    for p in proposals:
        if p.kind == "act" and p.date and not p.date_end:
            exact.setdefault((p.victims[0], p.act_type), []).append(p)
    own = {}   # each victim's acts with their own date, in order (the restated-month check below looks only there)
    for q in proposals:
        if q.kind == "act" and q.date_source == "own":
            own.setdefault(q.victims[0], []).append(q)
    kept = []
    for p in proposals:
        if p.kind == "act" and p.date and p.date_end:
            inside = [q for q in exact.get((p.victims[0], p.act_type), []) if p.date <= q.date <= p.date_end]
            if inside:
                inside[0].provisions = list(dict.fromkeys(inside[0].provisions + p.provisions))
                inside[0].penalty = inside[0].penalty or p.penalty
                continue
        if p.kind == "act" and p.date_source == "context" and p.date and any(
                q is not p and {p.act_type, q.act_type} <= CUSTODY and len(q.date) > len(p.date)
                and q.date.startswith(p.date) for q in own.get(p.victims[0], ())):
            continue  # a borrowed month around the same victim's act of the same kind told with its day ("… 1
            # сәуірде күзетпен ұстау таңдалды" and a note on "оның қамауға алынуын"): the same act, restated
        anchor = dated.get((p.victims[0], p.act_type)) if p.kind == "act" else None
        # (A headline dated by the document's day restates the body's act: "… was sentenced yesterday".)
        if anchor is not None and anchor is not p and p.date_source in {"context", "headline"}:
            anchor.provisions = list(dict.fromkeys(anchor.provisions + p.provisions))
            anchor.penalty = anchor.penalty or p.penalty
            continue
        kept.append(p)
    return kept


# One custody told as an event and as a state: the detention, the arrest, the remand ("detained on 10 March";
# "remains in a detention facility", "тергеу изоляторында отыр", "in custody" in a list entry).
ONE_EPISODE = {"detained", "arrested", "pretrial_detention"}
# "again", "снова", "қайтадан": a step after the one told before, not a restatement (lexicon `again`).
AGAIN = re.compile(rf"(?<!\w)(?:{MODIFIERS['again']})(?!\w)", re.I) if "again" in MODIFIERS else None


def without_undated_restatements(text, proposals):
    """One act told twice, once with its date and once without (session 16): the telling without a date goes, its
    provisions and penalty joining the dated one. Run last in find_acts, when every date is final (the learned
    chooser and the back-off have spoken), so the dated telling is one the reader gets.
    The same type with a date elsewhere ("сотталған белсенді" beside "былтыр қазанда … сотталған"; "бірнеше рет
    қамалған" beside the detention of November 2022); a detention, arrest or remand with no date beside any dated
    deprivation of the person (the state "remains in detention" beside the detention's day, a list entry's "in
    custody" beside its dated detention or sentence); an administrative arrest with no date in the same sentence or
    list entry as the person's dated detention ("21.03.2024 ұсталды. … 7 тәулік әкімшілік қамау"). A step told as
    coming after ("a court later jailed him for 20 days", "Позднее суд арестовал…", "detained again") stays, and so
    does an undated administrative arrest in another sentence, and an act told with who did it ("during the
    investigation a court kept him in custody", "суд поместил его под стражу"): the annotators count those as acts of
    their own (tests/test_dating_s13.py).
    Two tellings each with its own date are never touched here (a re-arrest on another day stays two)."""
    by_victim = {}
    for q in proposals:
        if q.kind == "act" and q.victims:
            by_victim.setdefault(q.victims[0], []).append(q)
    kept = []
    for p in proposals:
        told = _told_with_a_date(text, p, by_victim) if p.kind == "act" and p.victims and not p.date \
            and not p.date_end else None
        if told is None:
            kept.append(p)
            continue
        told.provisions = list(dict.fromkeys(told.provisions + p.provisions))
        told.penalty = told.penalty or p.penalty
    return kept


def _told_with_a_date(text, p, by_victim):
    """The dated act of the same victim an undated act restates, or None (without_undated_restatements)."""
    sentence = text[p.start:p.end]
    if (LATER and LATER.search(sentence)) or (AGAIN and AGAIN.search(sentence)):
        return None  # a later step
    dated = [q for q in by_victim.get(p.victims[0], ()) if q is not p and q.date]
    # (a custody told with who ordered it, "a court kept him in custody", is a decision of its own, not the state)
    return next((q for q in dated if q.act_type == p.act_type), None) or \
        next((q for q in dated if p.act_type in ONE_EPISODE and q.act_type in DEPRIVATIONS
              and not p.perpetrators and not p.perpetrator_bodies), None) or \
        next((q for q in dated if p.act_type == "administrative_detention" and q.start == p.start
              and q.act_type in CUSTODY), None)


# A court's sitting: "at the hearing", "в судебном заседании", "22 шілдедегі отырыста".
HEARING = re.compile(r"(?<!\w)(?:(?:court\s+)?hearings?|court\s+session|заседани\w*|отырыс\w*)(?!\w)", re.I)


def _questioned_at_a_hearing(text, proposals):
    """Questions asked at a court's sitting ("22 шілдедегі отырыста сот айыпталушының өзінен жауап алды", "at the
    hearing the judge questioned the defendant", "прокурор куәлардан жауап алуды сұрады") are the trial going on that
    day, not an interrogation by investigators: the act is `tried`."""
    for p in proposals:
        if p.kind == "act" and p.act_type == "interrogated" and HEARING.search(text, p.start, p.end):
            p.act_type, p.rule = "tried", "rule:tried"


def without_trial_on_verdict_day(proposals):
    """The hearing at which a criminal verdict was read ("рассмотрел уголовное дело … и признал виновным", "the trial
    ended with a verdict") or a measure of restraint ordered ("дело … рассматривала судья …, и активистку отправили под
    домашний арест") is that decision, not a trial of its own: a "tried" on the day of the same person's decision
    goes. (An administrative hearing and its fine stay two acts, as the evaluation set annotates them.)"""
    verdict_days = {}
    for p in proposals:
        if p.kind == "act" and p.date and p.act_type in {"sentenced", "acquitted", "house_arrest", "pretrial_detention"}:
            verdict_days.setdefault(p.victims[0], []).append(p.date)
    # (a day within the verdict's month agrees: "3 февраля 2023 года … рассмотрел" and a verdict dated "2023-02" in
    # the next paragraph, or a hearing with no date of its own told in the verdict's month; a hearing known only by
    # its year does not)
    return [p for p in proposals if not (p.kind == "act" and p.act_type == "tried" and p.date and any(
        (p.date.startswith(day) and len(day) >= 7) or (p.date_source == "context" and len(p.date) >= 7 and
                                                        day.startswith(p.date))
        for day in verdict_days.get(p.victims[0], [])))]


ADMINISTRATIVE_CODE = re.compile(r"КоАП|Кодекс\w* (?:Республики Казахстан )?об административных правонарушениях|"
                                 r"Administrative (?:Offences|Offenses) Code|Code of Administrative Offen[cs]es|ӘҚБтК", re.I)
CRIMINAL_CODE = re.compile(r"УК|Уголовн\w+ кодекс\w*|Criminal Code|ҚК", re.I)


def administrative_verdicts(proposals, text=""):
    """A guilty finding under the Administrative Offences Code only ("признал виновным по ч. 11 ст. 488 КоАП",
    "… в хулиганстве по Кодексу об административных правонарушениях. Наказание — трое суток ареста") is no
    criminal sentence: it is the arrest or fine the same person got that day, which takes its articles; with none
    proposed, a days' arrest said in the next sentence makes it that arrest. A charge under that Code alone ("им
    вменили статью 488 КоАП") is the road to the same arrest or fine."""
    penalties = {}
    for p in proposals:
        if p.kind == "act" and p.act_type in {"administrative_detention", "fined"}:
            penalties.setdefault(p.victims[0], []).append(p)

    def administrative(p):
        if p.provisions:
            return all(uid.startswith("AOC-") for uid, _ in p.provisions)
        told = text[p.start:p.end]
        if p.act_type == "sentenced" and not p.penalty and CYRILLIC.search(told) and not KAZAKH.search(told) and \
                p.date and any(q.date == p.date and q.end <= p.start for q in penalties.get(p.victims[0], [])):
            return True  # "Суд назначил им по 15 суток ареста. Их признали виновными в …": that arrest's finding
        return bool(ADMINISTRATIVE_CODE.search(told)) and not CRIMINAL_CODE.search(told)

    kept = []
    for p in proposals:
        if p.kind == "act" and p.act_type in {"sentenced", "charged"} and administrative(p) and \
                not (p.penalty and p.penalty.get("kind") in {"imprisonment", "suspended_sentence",
                                                             "restriction_of_freedom"}):
            same_day = [q for q in penalties.get(p.victims[0], []) if not p.date or not q.date
                        or q.date[:len(p.date)] == p.date or p.date[:len(q.date)] == q.date
                        or p.act_type == "charged"]  # (a charge comes before its arrest or fine, on any day)
            if same_day:
                same_day[0].provisions = list(dict.fromkeys(same_day[0].provisions + [
                    (uid, "convicted") for uid, _ in p.provisions]))
                if not same_day[0].date and p.date and p.act_type == "sentenced":
                    same_day[0].date, same_day[0].date_end = p.date, p.date_end  # the finding's day is the arrest's
                continue
            following = text[p.end:p.end + 200].split("\n\n")[0]
            next_sentence = re.match(r"\s*[^.!?]*[.!?]?", following).group()
            penalty = find_penalty(next_sentence) if p.act_type == "sentenced" else None
            if penalty and penalty["kind"] == "administrative_detention":
                p.act_type, p.penalty, p.rule = "administrative_detention", penalty, "rule:administrative_detention"
        kept.append(p)
    return kept


# Speed (issue 11): sentence-level patterns searched thousands of times in a long document, each led by the characters
# its matches can start with (prefilter.led: the same matches, spans and groups), so that a search skips at once the
# positions where no match can start. Only those it made faster, one by one on the corpus and a generated
# 50,000-word Russian text, are listed (session 17); the rules above use them as they are.
LED = ("OFFICIAL_OF", "OFFICIAL_OF_RU", "OFFICIAL_TITLE", "PENALTY_HINT", "VERDICT_DATE", "NOT_AN_ACT",
       "NOT_AN_ACT_ENDING", "DEMAND_HINT", "SAME_AS", "VAGUE_OFFSET", "VAGUE_AGO", "PERPETRATOR_CUE",
       "OTHERS_BEFORE", "GENITIVE_OWNER", "KK_GROUP_REF", "OBSERVED_ACT", "PROVISION_GLOSS", "AUXILIARY",
       "GROUP_REF", "LATER", "UPHELD", "BYSTANDER_BEFORE", "COUNTED_AFTER_CLAUSE")
for _name in LED:
    if globals().get(_name) is not None:
        globals()[_name] = led(globals()[_name])
