"""Acts from sentences: who had what done to them, when, under which provisions, with what penalty.

A sentence with a trigger ("were summoned", "was detained", "placed under house arrest", "sentenced to five
years") proposes one act per victim named in it. Victims are the persons in the sentence who are not named as
perpetrators ("Investigator …", "Judge …", "by …"); a sentence with a trigger and no person refers to the last
victim named ("She was …"). The date is the sentence's own date, else the date that heads its line
("17 May 2016: …"). Provisions in the sentence come with the relation the trigger implies. Counted but unnamed
victims ("at least 34 people were arrested") become tallies.
"""

import re

from . import lexicon
from .provisions import of_edition
from .spans import Proposal

# The words are data (lexicon/<language>/triggers.tsv, lexicon/act_types.tsv); every language's triggers are tried
# on every text (reports quote one another across languages).
ACT_TYPES = {row[0]: row for row in lexicon.table("act_types")}
_TRIGGERS = lexicon.grouped("triggers")
COMPILED = [(act_type, re.compile(_TRIGGERS[act_type], re.I)) for act_type in ACT_TYPES if act_type in _TRIGGERS]
RELATION = {act_type: row[1] for act_type, row in ACT_TYPES.items()}
NOMINAL_ONLY_OK = {act_type for act_type, row in ACT_TYPES.items() if row[2] == "yes"}
TAKES_PROVISIONS = {act_type for act_type, row in ACT_TYPES.items() if row[3] == "yes"}
TAKES_PENALTY = {act_type for act_type, row in ACT_TYPES.items() if row[4] == "yes"}
MODIFIERS = lexicon.grouped("modifiers")
OFFICIAL_ROLES = {"official", "judge", "investigator", "prosecutor", "police"}
# Institutions that act on victims ("police", "the KNB", "суд"): recorded on the act, never as victims.
BODIES = [(kind, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I)) for kind, pattern in
          lexicon.grouped("perpetrators", key=1, value=0).items()]
PERPETRATOR_CUE = re.compile(rf"(?<!\w)(?:{MODIFIERS['perpetrator']})\s*,?\s*$")
AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|be|being|got|get|had|has|have)\s+(?:\w+\s+){0,2}$", re.I)
HEADING = re.compile(r"^\s*(?:\d+\.\s+[A-ZА-Я]|[A-ZА-Я][A-ZА-Я\s,:’'-]{12,}$)", re.M)


# A trigger under these words reports no act: a wish, a fear, a request, a denial.
NOT_AN_ACT = re.compile(rf"(?<!\w)(?:{MODIFIERS['not_an_act']})\s+(?:\w+\s+){{0,5}}$")
# (case-sensitive on purpose: "May" is a month)
RELATIVE_AFTER = re.compile(r"^[’']s\s+(?:daughter|son|wife|husband|relatives|family|lawyer|counsel|sister|brother|"
                            r"mother|father|children|colleague)", re.I)
NOMINAL_ONLY_OK = {"house_arrest", "psychiatric_detention", "pretrial_detention", "administrative_detention",
                   "ill_treatment", "extradition_sought", "investigated", "searched", "summoned", "dismissed", "tried",
                   "sentence_reduced"}
# Triggers that are verbs by themselves ("the court upholds the decision", "the trial begins", "found guilty").
VERB_TRIGGER = re.compile(r"upholds?|found guilty|begins|began|opened|started|accused|raided|stood|went on|put on", re.I)
# Background: an example, an earlier episode ("For example, …", "had previously faced …"). Such a sentence, and the
# undated sentences after it in its paragraph, take no date from the narrative around them.
PRONOUN = re.compile(rf"(?<!\w)(?:(?P<they>{MODIFIERS['they']})|(?P<she>{MODIFIERS['she']})|(?P<he>{MODIFIERS['he']}))(?!\w)",
                     re.I)
PRONOUN_WORDS = {kind: {w.lower() for row in lexicon.table("modifiers") if row[0] == kind for w in row[1].split("|")}
                 for kind in ("she", "he")}
BACKGROUND = re.compile(rf"(?<!\w)(?:{MODIFIERS['background']})(?!\w)", re.I)
FEMALE_END = re.compile(r"(?:a|kyzy|qyzy|а|я|кызы|қызы)$")


def _female(name):
    words = name.split()
    return bool(words) and (bool(FEMALE_END.search(words[-1].lower())) or words[0] in {
        "Ardak", "Aigerim", "Asel", "Dana", "Zhanar", "Saule", "Gaukhar", "Botagoz", "Ardak", "Akmaral", "Akbota",
        "Dilnar", "Maygul", "Maigul", "Aynura", "Fariza", "Guzyal", "Bakhytzhan", "Zinaida", "Natalia", "Yulia",
        "Elena", "Tatiana", "Azhar", "Zhanat", "Ардак", "Акмарал", "Ақмарал", "Гузяль", "Айнура"})


LIST_GLUE = re.compile(r"^\s*(?:\([^)]{0,40}\))?\s*(?:,\s*and|,|and|и|&)\s*(?:(?:the\s+)?[a-z\-]+\s+){0,3}$")


def subject_of(text, trigger_start, trigger_end, persons):
    """The names a trigger is about: the list of names just before it (its subject), else just after it."""
    before = [m for m in persons if m.end <= trigger_start]
    if before:
        last = before[-1]
        gap = text[last.end:trigger_start]
        if len(gap.split()) <= 14 and not re.search(r"[;:]|\.(?!\d)", gap):  # "1.5 years" stops nothing
            chosen = [last]
            for m in reversed(before[:-1]):
                if LIST_GLUE.match(text[m.end:chosen[0].start]):
                    chosen.insert(0, m)
                else:
                    break
            return chosen
    after = [m for m in persons if m.start >= trigger_end]
    if after:
        first = after[0]
        if len(text[trigger_end:first.start].split()) <= 20 and not re.search(r"[.;:]", text[trigger_end:first.start]):
            chosen = [first]
            for m in after[1:]:
                if LIST_GLUE.match(text[chosen[-1].end:m.start]):
                    chosen.append(m)
                else:
                    break
            return chosen
    return []


def context_date(text, dates, position):
    """The date an undated sentence inherits: the last one before it — to the day within its paragraph,
    to the month beyond it (a report moves on in time, but seldom says the day again)."""
    before = [d for d in dates if d.end <= position]
    if not before:
        return "", ""
    last = before[-1]
    paragraph_start = text.rfind("\n\n", 0, position)
    if last.start >= paragraph_start:
        return last.value, last.value_end
    return last.value[:7], ""
NUMBER_WORDS = {word.lower(): (int(float(v)) if float(v) == int(float(v)) else float(v))
                for word, v in lexicon.table("numbers")}
NUM = "(" + "|".join([r"\d+(?:[.,]\d+)?"] + sorted((re.escape(w) for w in NUMBER_WORDS if w != "a"),
                                                    key=len, reverse=True)) + ")"
# (kind, pattern, unit) from lexicon/<language>/penalties.tsv, English first.
PENALTIES = [(kind, re.compile(pattern.replace("{NUM}", NUM), re.I | re.M), unit)
             for kind, unit, pattern in lexicon.table("penalties")]
TALLY = re.compile(
    rf"(?:(at least|more than|over|approximately|about|some|between)\s+)?({NUM}|\d[\d,]*)(?:\s+and\s+(\d[\d,]*))?\s+"
    r"(?:people|persons|journalists|activists|protesters|individuals|human rights defenders)\s+(?:\w+\s+){0,3}?"
    r"(?:were|had been|was)\s+(?:also\s+)?(detained|arrested|summoned|sentenced|fined|killed|searched)", re.I)
# Counted but not numbered, in any language: "dozens of supporters were detained", "десятки сторонников были
# задержаны". The act type is read from the verb by the triggers.
TALLY_VAGUE = re.compile(
    r"(?<!\w)(dozens|hundreds|scores|several|many|десятки|десятков|сотни|сотен|несколько|многие|ондаған|жүздеген)\s+"
    rf"(?:of\s+)?(?:\w+\s+){{0,2}}?(?:{MODIFIERS['tally_noun']})(?!\w)(?:\s+\w+){{0,4}}?\s+"
    r"(?:were\s+|had been\s+|have been\s+|был[иа]?\s+)?(?:also\s+)?(\w+)", re.I)
# A stop followed at once by a letter or digit ("Nakanune.kz", "court no.2", "1.5 years") ends no sentence.
# Nor does the stop of "Art.", "Arts.", "ст.", "ч." ("CC Art. 405", "ч. 2 ст. 405").
SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=\w)|(?<=\bArt)\.|(?<=\bArts)\.|(?<=\bст)\.|(?<=\bч)\.)+"
                      r"(?:[.!?]+[\"'’”»)]*|\n|$)")


def _number(value):
    value = value.lower().replace(",", "") if value else value
    if value in NUMBER_WORDS:
        return NUMBER_WORDS[value]
    try:
        number = float(value)
        return int(number) if number == int(number) else number
    except (TypeError, ValueError):
        return None


def sentences(text):
    for m in SENTENCE.finditer(text):
        if m.group().strip():
            leading = len(m.group()) - len(m.group().lstrip())
            yield m.start() + leading, m.end()


def find_penalty(sentence):
    for kind, pattern, unit in PENALTIES:
        m = pattern.search(sentence)
        if m:
            amounts = [g for g in m.groups() if g]
            amount = _number(amounts[0]) if amounts else None
            if kind == "fine" and len(amounts) > 1:
                unit = "MCI" if amounts[1].upper() in {"MCI", "МРП", "АЕК"} else "KZT"
            return {"kind": kind, "amount": amount, "unit": unit}
    return None


def find_tallies(text, dates, places=()):
    proposals = []
    for m in TALLY.finditer(text):
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
    for m in TALLY_VAGUE.finditer(text):
        act_type = next((t for t, pattern in COMPILED if pattern.fullmatch(m.group(2))), None)
        if act_type is None or any(p.start <= m.start() < p.end for p in proposals):
            continue
        date = next((d for d in dates if d.start <= m.start() and m.start() - d.end < 300), None)
        proposals.append(Proposal("tally", act_type, m.start(), m.end(), date=date.value if date else "",
                                  date_end=date.value_end if date else "", rule="rule:tally"))
    return sorted(proposals, key=lambda p: p.start)


def _clause(sentence, act_type, hit):
    """(is nominal, start, act type, end) when this trigger reports an act, else None."""
    before = sentence[:hit.start()]
    if NOT_AN_ACT.search(before):
        return None
    if act_type not in {"released", "extradition_sought"} and \
            re.search(r"\b(?:from|из)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}$", before, re.I):
        return None  # "transferred from the administrative detention centre": a place left, not an act
    verbal = (bool(AUXILIARY.search(before)) or bool(re.search(r"\b(?:and|then|but)\s+$", before))
              or bool(VERB_TRIGGER.search(hit.group()))
              or (act_type == "charged" and re.match(r"on\s", hit.group()))
              or (hit.group().lower().endswith("ed")  # "police detained", not "the charges"
                  and not re.search(r"\b(?:the|a|an|their|his|her|its)\s+$", before, re.I))
              or bool(re.search(r"[а-я]", hit.group())))
    if not verbal and act_type not in NOMINAL_ONLY_OK:
        return None
    return (not verbal, hit.start(), act_type, hit.end())


FIELD_SEPARATOR = re.compile(r"\s[–—-]\s|;\s*")


def list_entries(text, mentions, dates, provisions):
    """Lines of a list of prisoners, fields between dashes ("TOKHTAROV Ruslan – Aktobe – CC Art. 405 parts 1 and 2 –
    4 years – in custody since 14.03.2021; sentenced 02.09.2021"): the person the line starts with is the victim of
    every trigger on it, each trigger dated by the date in its own field; a term with no "sentenced" on the line is
    a sentence all the same. Returns (proposals, [(line start, line end)])."""
    proposals, lines = [], []
    for line in re.finditer(r"^[^\n]+$", text, re.M):
        start, end = line.span()
        if len(FIELD_SEPARATOR.findall(line.group())) < 2:
            continue
        first = next((m for m in mentions if start <= m.start < end), None)
        if first is None or not re.fullmatch(r"[\s\d.)•*-]*", text[start:first.start]):
            continue
        lines.append((start, end))
        refs = [p.uid for p in provisions if start <= p.start < end]
        penalty = find_penalty(line.group())
        cuts = [start] + [start + m.end() for m in FIELD_SEPARATOR.finditer(line.group())] + [end]
        found = []
        for field_start, field_end in zip(cuts, cuts[1:]):
            field = text[field_start:field_end]
            hit = next(((t, h) for t, pattern in COMPILED for h in [pattern.search(field)] if h), None)
            if hit is None:
                continue
            act_type = hit[0]
            if act_type == "sentenced" and penalty and penalty["kind"] == "administrative_detention":
                act_type = "administrative_detention"
            date = next((d for d in dates if field_start <= d.start < field_end), None)
            found.append((act_type, date))
        if penalty and penalty["kind"] != "fine" and not any(t in {"sentenced", "administrative_detention"}
                                                              for t, _ in found):
            found.append(("sentenced", None))
        for act_type, date in found:
            value = date.value if date else ""
            proposals.append(Proposal(
                "act", act_type, start, end, victims=[first.name], date=value, date_end=date.value_end if date else "",
                provisions=[(of_edition(uid, value), RELATION.get(act_type, "charged")) for uid in refs]
                if act_type in TAKES_PROVISIONS else [],
                penalty=penalty if act_type in TAKES_PENALTY else None, rule=f"rule:list:{act_type}",
                date_source="own" if date else "", role=first.role))
    return proposals, lines


def find_acts(text, mentions, dates, provisions):
    """One proposal per victim and trigger, sentence by sentence."""
    listed, list_lines = list_entries(text, mentions, dates, provisions)
    proposals, last_victims = list(listed), []
    recent = []  # person names in order of mention, for pronouns
    previous_acts = []  # the proposals of the sentence before, for "This included …"
    proposed_before = {}  # (victim, act type) -> the proposal already made in this document
    background_from = None  # the paragraph (its start) where a background sentence was seen
    officials = {m.name for m in mentions if m.role in OFFICIAL_ROLES}  # a judge named once is a judge throughout
    roles = {}
    for m in mentions:
        if m.role and m.role not in OFFICIAL_ROLES:
            roles.setdefault(m.name, m.role)
    for start, end in sentences(text):
        sentence = text[start:end]
        persons = [m for m in mentions if start <= m.start < end]
        if any(line_start <= start < line_end for line_start, line_end in list_lines):
            recent += [m.name for m in persons]
            last_victims = [m.name for m in persons[:1]] or last_victims
            continue
        if re.match(r"\s*(?:Name|Gender|Index|UA)\s*:", sentence):
            recent += [m.name for m in persons]
            continue
        clause_types = []
        for act_type, pattern in COMPILED:
            if act_type in [c[2] for c in clause_types]:
                continue
            for hit in pattern.finditer(sentence):
                found = _clause(sentence, act_type, hit)
                if found is not None:
                    clause_types.append(found)
                    break
        if not clause_types and not (re.match(r"\s*(?:This|These|They|Those)\s+included|\s*Among them", sentence)
                                     and previous_acts):
            recent += [m.name for m in persons]
            continue
        clause_types.sort()  # verbs ("were charged") before nouns ("serving their administrative detention")
        victims, perpetrators = [], []
        # "This included A, B and C" names the victims of the sentence before; "All were convicted …" those of
        # the paragraph so far.
        inherited = None
        if re.match(r"\s*(?:This|These|They|Those)\s+included|\s*Among them", sentence) and previous_acts:
            inherited = previous_acts
        for mention in persons:
            before = text[max(start, mention.start - 25):mention.start]
            if RELATIVE_AFTER.match(text[mention.end:mention.end + 30]):
                continue  # "Ashim’s daughter fears …": the subject is the relative
            official = PERPETRATOR_CUE.search(before) or mention.name in officials
            (perpetrators if official else victims).append(mention.name)
        if not victims and re.match(r"\s*(?:All|Both|Each)(?:\s+of\s+them)?\s+(?:were|was|are|have)\b", sentence):
            paragraph_start = text.rfind("\n\n", 0, max(text.rfind("\n\n", 0, start), 0))  # this and the one before
            victims = list(dict.fromkeys(m.name for m in mentions if paragraph_start <= m.start < start
                                         and not PERPETRATOR_CUE.search(text[max(0, m.start - 25):m.start])))
        if not victims:
            first_trigger = min(c[1] for c in clause_types) if clause_types else len(sentence)
            pronoun = PRONOUN.search(sentence[:first_trigger + 1])
            if pronoun and re.match(r"\s*Among them", sentence):
                pronoun = None
            if pronoun and pronoun.group("they"):
                victims = list(last_victims)
            elif pronoun:
                word = pronoun.group().lower()
                female, male = word in PRONOUN_WORDS["she"], word in PRONOUN_WORDS["he"]
                victims = next(([n] for n in reversed(recent) if n not in officials
                                and (female == male or _female(n) == female)), [])
        recent += [m.name for m in persons]
        if not victims and not clause_types:
            continue
        if not victims:
            # Counted but unnamed ("at least 34 people were arrested under …"): kept, for "This included …".
            refs_here = [p for p in provisions if start <= p.start < end]
            own = [d for d in dates if start <= d.start < end]
            first_type = clause_types[0][2]
            penalty_here = find_penalty(sentence)
            if penalty_here and penalty_here["kind"] == "administrative_detention":
                first_type = "administrative_detention"
            previous_acts = [Proposal("act", first_type, start, end, date=own[0].value if own else "",
                                      date_end=own[0].value_end if own else "",
                                      provisions=[(r.uid, RELATION.get(first_type, "charged")) for r in refs_here],
                                      penalty=penalty_here)]
            continue
        victims = list(dict.fromkeys(victims))
        own_dates = [d for d in dates if start <= d.start < end]
        line_start = text.rfind("\n", 0, start) + 1
        heading = next((d for d in dates if line_start <= d.start < line_start + 40 and d.start < start + 5), None)
        if heading is not None and any(heading.start < d.start < start for d in dates):
            heading = None  # "17 May 2016: … 21 May 2016: … They are transferred …": the later date governs
        date = own_dates[0] if own_dates else heading
        paragraph_start = text.rfind("\n\n", 0, start)
        if BACKGROUND.search(sentence):
            background_from = paragraph_start
        in_background = background_from == paragraph_start
        if date:
            date_value, date_end = date.value, date.value_end
        elif in_background:
            date_value, date_end = "", ""
        else:
            date_value, date_end = context_date(text, dates, start)
        refs = [p for p in provisions if start <= p.start < end]
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
        respectively = "respectively" in sentence and date and date.value_end and len(victims) == 2
        for _, hit_start, act_type, hit_end in clause_types:
            if act_type == "sentenced" and penalty and penalty["kind"] == "administrative_detention":
                act_type = "administrative_detention"  # a court's N days is a deprivation, not a sentence
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
            subject = [m.name for m in subject_of(text, start + hit_start, start + hit_end, persons)
                       if m.name in victims] if len(persons) > 1 else victims
            own_victims = list(dict.fromkeys(subject)) or victims
            before_trigger = [d for d in own_dates if d.start < start + hit_start]
            next_trigger = min((c[1] for c in clause_types if c[1] > hit_start), default=len(sentence))
            right_after = [d for d in own_dates
                           if start + hit_end <= d.start <= start + hit_end + 40 and d.start < start + next_trigger]
            if right_after and len(own_dates) > 1:
                date_value, date_end = right_after[0].value, right_after[0].value_end  # "… on appeal in July"
            elif before_trigger and len(own_dates) > 1:
                date_value, date_end = before_trigger[-1].value, before_trigger[-1].value_end
            inherited_date = not own_dates and heading is None
            for index, victim in enumerate(own_victims):
                earlier = proposed_before.get((victim, act_type))
                if inherited_date and earlier is not None:
                    # A later restatement ("… who have been sentenced to five years …", "All were convicted under
                    # Article 174"): what it adds goes to the act already proposed.
                    earlier.provisions = list(dict.fromkeys(earlier.provisions + provisions_here))
                    earlier.penalty = earlier.penalty or (penalty if act_type in {"sentenced", "fined"} else None)
                    continue
                if respectively:  # "on 21 and 22 March, respectively, A and B were detained"
                    date_value, date_end = (date.value, "") if index == 0 else (date.value_end, "")
                proposals.append(Proposal(
                    "act", act_type, start, end, victims=[victim], date=date_value, date_end=date_end,
                    provisions=list(dict.fromkeys(provisions_here)),
                    penalty=penalty if act_type in TAKES_PENALTY else None,
                    perpetrators=perpetrators, rule=f"rule:{act_type}",
                    date_source="context" if inherited_date else "own", role=roles.get(victim, ""),
                    perpetrator_bodies=bodies))
                proposed_before.setdefault((victim, act_type), proposals[-1])
                if act_type == "sentenced" and penalty and penalty["kind"] == "imprisonment" and \
                        UPHELD.search(sentence):
                    # A prison sentence upheld on appeal takes effect: the person is now imprisoned.
                    proposals.append(Proposal("act", "imprisoned", start, end, victims=[victim], date=date_value,
                                              date_end=date_end, perpetrators=perpetrators, rule="rule:imprisoned",
                                              date_source="context" if inherited_date else "own"))
        last_victims = victims
        _one_deprivation_each(proposals, start, proposed_before)
        previous_acts = [p for p in proposals if p.start == start]
    return without_undated_duplicates(proposals)


UPHELD = re.compile(r"\buph(?:olds?|eld)\b|(?:dismissed|rejected) (?:the|their|his|her) appeal|оставил\w* в силе", re.I)
SPECIFIC_DEPRIVATION = {"administrative_detention", "pretrial_detention", "house_arrest", "imprisoned",
                        "psychiatric_detention"}


def _one_deprivation_each(proposals, start, proposed_before):
    """"Detained … and sentenced to 15 days' administrative detention": in one sentence, a plain detention beside
    a more specific deprivation of the same person on the same date is the same act. (A later restatement of the
    detention must not fold into the dropped proposal, so it is forgotten there too.)"""
    here = [p for p in proposals if p.start == start and p.kind == "act"]
    specific = {(p.victims[0], p.date) for p in here if p.act_type in SPECIFIC_DEPRIVATION}
    for p in here:
        if p.act_type == "detained" and (p.victims[0], p.date) in specific:
            proposals.remove(p)
            if proposed_before.get((p.victims[0], "detained")) is p:
                del proposed_before[(p.victims[0], "detained")]


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
    kept = []
    for p in proposals:
        if p.kind == "act" and p.date and p.date_end:
            inside = [q for q in exact.get((p.victims[0], p.act_type), []) if p.date <= q.date <= p.date_end]
            if inside:
                inside[0].provisions = list(dict.fromkeys(inside[0].provisions + p.provisions))
                inside[0].penalty = inside[0].penalty or p.penalty
                continue
        anchor = dated.get((p.victims[0], p.act_type)) if p.kind == "act" else None
        if anchor is not None and anchor is not p and p.date_source == "context":
            anchor.provisions = list(dict.fromkeys(anchor.provisions + p.provisions))
            anchor.penalty = anchor.penalty or p.penalty
            continue
        kept.append(p)
    return kept
