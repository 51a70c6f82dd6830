"""A learned layer over the act rules: which proposed acts are acts.

The rules propose acts (a victim, an act type, its sentence, a date and where the date came from, provisions). Here
each proposal is described by language-independent features — the trigger's class and where it stands against the
victim (before or after, how far, the same clause or another, another person between), the words of the trigger's
clause by class (modal, negation, future, demand, a law providing for a penalty, reported speech, a condition:
`lexicon/<lang>/act_cues.tsv`, and the rules' own modifier kinds `lexicon/<lang>/modifiers.tsv`), a quotation or a
question, the act's group, the date's source and granularity, whether another proposal gives the same victim and
group another date (a duplicate), how many persons the sentence names, a list line or prose, the language — and a
logistic model (weights in `models/acts.json`, written by `tools/train_extraction.py` from the annotated dev
documents and the corpus) gives it a probability of being an act of the gold. A proposal below the threshold the
training chose by grouped cross-validation is dropped.

The layer also offers *candidates* (`Proposal.rule` starting "candidate:", `unpaired`): acts the rules did not emit —
a person named in a sentence with an act trigger who got no act of its group from it. A candidate is kept only when
the model gives it at least the candidates' threshold (1.01: never); with the layer off or no weights, no candidate is
made and every rule proposal is kept.

Run time is plain Python: a dot product per proposal. `QORGAU_LEARNED=0` switches the layer off (with the date
chooser); `QORGAU_LEARNED_ACTS=FILE` reads other weights; a missing or unreadable file leaves the rules' acts as they
are (logged once).
"""

import logging
import math
import os
import re
from pathlib import Path

from . import learned
from .learned import MAX_MODEL_BYTES  # noqa: F401 -- the bound of every weights file (learned.read_model)

log = logging.getLogger(__name__)

MODELS = Path(__file__).resolve().parent / "models"
ACT_MODEL = MODELS / "acts.json"

# Set by tools/train_extraction.py for cross-validation (a model dict replacing the file's); never in production.
override = None

_loaded = {}

# Kinds of the rules' modifiers (lexicon/<lang>/modifiers.tsv) that say something about whether a clause tells an act.
MODIFIER_KINDS = ("not_an_act", "conditional", "demand", "request", "reported_that", "earlier", "later",
                  "present_state", "present_charge", "background", "appeal", "abroad", "not_an_act_after",
                  "not_an_act_sentence_end")
QUOTES = re.compile(r"[«»“”„\"]")
LIST_LINE = re.compile(r"\s*(?:[-–—•*]|\d{1,3}[.)]\s|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{3,}\s)")
KK_LETTER = re.compile(r"[әғқңөұүһі]", re.I)
CYRILLIC = re.compile(r"[а-яё]", re.I)
LATIN = re.compile(r"[a-z]", re.I)


def enabled():
    return os.environ.get("QORGAU_LEARNED", "1") != "0"


def is_candidate(proposal):
    return proposal.rule.startswith("candidate:")


def model(path=None):
    """{"weights": {...}, "threshold": p, "candidate_threshold": p} or None (logged once) when missing/unreadable."""
    if override is not None:
        return override
    configured = path or os.environ.get("QORGAU_LEARNED_ACTS")
    path = Path(configured or ACT_MODEL)
    if path in _loaded:
        return _loaded[path]
    found = None
    if not configured and not path.exists():
        # Not shipped switched on (models/acts-trained.json is the trained model: docs/documents.md): one quiet line.
        log.info("learned act layer off: no %s", path)
        _loaded[path] = None
        return None
    try:
        data = learned.read_model(path)  # bounded, weights checked
        w = data["weights"]
        limits = {k: data[k] for k in ("threshold", "candidate_threshold")}
        limits["alternative_threshold"] = data.get("alternative_threshold", 1.01)  # (absent before session 14)
        alt_w = data.get("alternative_weights", {})  # a model of its own: alternatives are not the rules' acts
        if not isinstance(alt_w, dict) or not all(isinstance(k, str) and _number(v) for k, v in alt_w.items()):
            raise ValueError("alternative weights must map feature names to finite numbers")
        if not all(_number(v) and 0 <= v <= 1.01 for v in limits.values()):
            raise ValueError("thresholds must be probabilities")
        found = {"weights": w, "alternative_weights": alt_w, **limits}
    except (OSError, ValueError, KeyError, TypeError, RecursionError, OverflowError) as error:
        log.warning("learned act layer off (rules' acts kept): cannot use %s: %s", path, error)
        found = None
    _loaded[path] = found
    return found


def _number(v):
    return learned.finite_number(v)


_CUES = []


def cue_patterns():
    """[(kind, compiled pattern)]: the act cues of every language, and the rules' modifier kinds."""
    if not _CUES:
        from . import lexicon

        out = [(kind, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I))
               for kind, pattern in lexicon.grouped("act_cues").items()]
        modifiers = lexicon.grouped("modifiers")
        # (as the rules read them, case-sensitive: "may" is a modal, "3 May" a month)
        out += [("mod_" + kind, re.compile(rf"(?<!\w)(?:{modifiers[kind]})(?!\w)"))
                for kind in MODIFIER_KINDS if kind in modifiers]
        _CUES.append(out)
    return _CUES[0]


def language(text):
    """en, ru or kk by the letters of the text (a Kazakh text has its own letters; a Russian one Cyrillic only)."""
    sample = text[:20000]
    cyrillic, latin = len(CYRILLIC.findall(sample)), len(LATIN.findall(sample))
    kk = len(KK_LETTER.findall(sample))
    if cyrillic + kk > latin:
        return "kk" if kk > 0.01 * (cyrillic + kk) else "ru"
    return "en"


def _bucket(n, edges):
    for edge in edges:
        if n <= edge:
            return str(edge)
    return "more"


def _gran(date, date_end):
    if not date:
        return "none"
    if date_end:
        return "range"
    return {4: "year", 7: "month", 10: "day"}.get(len(date), "other")


def _family(rule):
    parts = rule.split(":")
    if parts[0] == "candidate":
        return "candidate"
    return parts[1] if len(parts) > 2 else "plain"


class Context:
    """What the layer needs of one document, computed once (the date chooser's Document, the language)."""

    def __init__(self, text, dates, mentions, published="", acts=(), doc=None):
        from collections import Counter, defaultdict

        from qorgau.records.models.acts import GROUP_OF

        from .learned import Document

        self.doc = doc or Document(text, dates, mentions, published)
        self.language = language(text)
        self.cue_cache = {}
        self.origins = {}  # id(alternative) -> the rule proposal it is an alternative of (alternatives)
        self.victims = {}
        self.perpetrators = {name for q in acts for name in q.perpetrators}
        self.named = Counter(m.name for m in mentions)
        self.how = defaultdict(set)
        for m in mentions:
            self.how[m.name].add(m.how)
        self.by_victim = defaultdict(list)  # (victim, group) -> the act proposals
        self.groups = defaultdict(set)  # victim -> the groups of its proposals
        for q in acts:
            group = GROUP_OF.get(q.act_type, "")
            self.by_victim[(q.victims[0], group)].append(q)
            self.groups[q.victims[0]].add(group)

    def victim(self, name):
        return {"mentions": self.named[name], "how": sorted(self.how[name]), "perpetrator": name in self.perpetrators}

    def cues(self, sentence, start, end):
        """The cue kinds whose words lie within start..end of the sentence (start, end) — each sentence is searched
        once, every span of it is then a look-up."""
        if sentence not in self.cue_cache:
            found = []
            for kind, pattern in cue_patterns():
                found += [(m.start(), m.end(), kind) for m in pattern.finditer(self.doc.text, *sentence)]
            self.cue_cache[sentence] = found
        return {kind for s, e, kind in self.cue_cache[sentence] if start <= s and e <= end}


def features(ctx, p, acts):
    """{feature: value} of one act proposal; `acts`: every act proposal of the document (for duplicates)."""
    from qorgau.records.models.acts import GROUP_OF

    from .learned import CLAUSE_BREAK

    doc, text = ctx.doc, ctx.doc.text
    group = GROUP_OF.get(p.act_type, "")
    victim = p.victims[0]
    f = {"bias": 1.0, f"group:{group}": 1.0, f"type:{p.act_type}": 1.0, f"lang:{ctx.language}": 1.0,
         f"lang:{ctx.language}|g:{group}": 1.0}
    family = _family(p.rule)
    f[f"rule:{family}"] = 1.0
    if is_candidate(p):
        f["candidate:" + p.rule.split(":")[1]] = 1.0
        origin = ctx.origins.get(id(p))
        if origin is not None:  # an alternative of a rule proposal (alternatives): what it changed, and from what
            kind = p.rule.split(":")[1]
            f[f"{kind}|g:{group}"] = 1.0
            f[f"{kind}|osrc:{origin.date_source or 'none'}"] = 1.0
            f[f"{kind}|ogran:{_gran(origin.date, origin.date_end)}"] = 1.0
            f[f"{kind}|ofamily:{_family(origin.rule)}"] = 1.0
            if origin.act_type != p.act_type:
                f[f"{kind}|from:{GROUP_OF.get(origin.act_type, '')}"] = 1.0
    src = p.date_source or "none"
    gran = _gran(p.date, p.date_end)
    f[f"src:{src}"] = 1.0
    f[f"gran:{gran}"] = 1.0
    f[f"src:{src}|gran:{gran}"] = 1.0
    f[f"gran:{gran}|g:{group}"] = 1.0
    if p.date and doc.published:
        if p.date[:len(doc.published)] > doc.published[:len(p.date)]:
            f["after_published"] = 1.0
        elif p.date[:4].isdigit() and doc.published[:4].isdigit() and int(doc.published[:4]) - int(p.date[:4]) >= 3:
            f["long_before_published"] = 1.0
    if p.provisions:
        f["has_provisions"] = 1.0
    if p.penalty:
        f["has_penalty"] = 1.0
    if p.perpetrators:
        f["has_perpetrator"] = 1.0
    if p.perpetrator_bodies:
        f["has_body"] = 1.0
    # Duplicates: the same victim and group with another date.
    same = ctx.by_victim.get((victim, group)) or [p]
    others = [q for q in same if q is not p]
    other_dates = {(q.date, q.date_end) for q in others} - {(p.date, p.date_end)}
    if other_dates:
        f["dup_other_date"] = 1.0
        f[f"dup_other_date|g:{group}"] = 1.0
        f[f"dup_other_date|gran:{gran}"] = 1.0
        if any(d and (not p.date or (d.startswith(p.date) and len(d) > len(p.date))) for d, _ in other_dates):
            f["dup_other_more_precise"] = 1.0
        if any(d and p.date and not d.startswith(p.date) and not p.date.startswith(d) for d, _ in other_dates):
            f["dup_other_conflicting"] = 1.0
        if any(q.date_source == "own" for q in others if (q.date, q.date_end) != (p.date, p.date_end)):
            f["dup_other_own"] = 1.0
    support = sum(1 for q in same if (q.date, q.date_end) == (p.date, p.date_end)) or 1
    f["support:" + _bucket(support, (1, 2))] = 1.0
    # The victim in the document: how often named, in what shape, with what else proposed.
    seen = ctx.victim(victim)
    f["victim_mentions:" + _bucket(seen["mentions"], (1, 2, 4, 8))] = 1.0
    f["victim_groups:" + _bucket(len(ctx.groups[victim] | {group}), (1, 2))] = 1.0
    f["victim_words:" + _bucket(len(victim.split()), (1, 2))] = 1.0
    if "." in victim:
        f["victim_initial"] = 1.0
    if seen["perpetrator"]:
        f["victim_also_perpetrator"] = 1.0
    for how in seen["how"]:
        f["victim_how:" + how] = 1.0
    if p.role:
        f["role:" + p.role] = 1.0
    # The sentence: persons, trigger, victim.
    start, end = p.start, p.end
    sentence = text[start:end]
    own = doc.mentions_in(start, end)
    names = list(dict.fromkeys(m.name for m in own))
    f["persons:" + _bucket(len(names), (0, 1, 2, 4))] = 1.0
    line_start = text.rfind("\n", 0, start) + 1
    if family == "list" or LIST_LINE.match(text, line_start, line_start + 40):
        f["list_line"] = 1.0
    f["sentence_len:" + _bucket(len(sentence), (60, 150, 300))] = 1.0
    t_start, t_end, n_triggers = doc.trigger(start, end, p.act_type)
    if not n_triggers:
        f["no_trigger"] = 1.0
        t_start, t_end = 0, 0
    else:
        f["triggers:" + _bucket(n_triggers, (1, 2))] = 1.0
    t_start, t_end = start + t_start, start + t_end
    victim_at = next((m for m in own if m.name == victim), None)
    if victim_at is None:
        f["victim_not_in_sentence"] = 1.0
        f[f"victim_not_in_sentence|g:{group}"] = 1.0
    elif n_triggers:
        before = victim_at.end <= t_start
        lo, hi = (victim_at.end, t_start) if before else (t_end, victim_at.start)
        between = text[lo:hi] if lo < hi else ""
        side = "victim_before" if before else "victim_after"
        f[side] = 1.0
        f[f"{side}|g:{group}"] = 1.0
        f["victim_dist:" + _bucket(len(between), (3, 15, 40, 100))] = 1.0
        if CLAUSE_BREAK.search(between) or ("," in between and len(between) > 40):
            f["victim_other_clause"] = 1.0
        else:
            f["victim_same_clause"] = 1.0
        if any(lo <= m.start < hi and m.name != victim for m in own):
            f["person_between"] = 1.0
        if own and own[0].name == victim:
            f["victim_first"] = 1.0
    # The trigger's clause: from the break before the trigger to the break after it.
    if n_triggers:
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, start, t_start)]
        clause_start = breaks[-1] if breaks else start
        after = CLAUSE_BREAK.search(text, t_end, end)
        clause_end = after.start() if after else end
        for kind in ctx.cues((start, end), clause_start, t_start):
            f[f"cue_before:{kind}"] = 1.0
            f[f"cue_before:{kind}|g:{group}"] = 1.0
        for kind in ctx.cues((start, end), t_end, clause_end):
            f[f"cue_after:{kind}"] = 1.0
        for kind in ctx.cues((start, end), max(start, t_start - 30), min(end, t_end + 30)):
            f[f"cue_near:{kind}"] = 1.0
        if len(QUOTES.findall(text, start, t_start)) % 2:
            f["trigger_in_quote"] = 1.0
    for kind in ctx.cues((start, end), start, end):
        f[f"cue_sentence:{kind}"] = 1.0
    if QUOTES.search(sentence):
        f["quote_in_sentence"] = 1.0
    if "?" in sentence:
        f["question"] = 1.0
    return f


def unpaired(ctx, proposals):
    """Candidates where the rules gave up: in a sentence the rules took an act from, a person it names (no official, no
    perpetrator of the document's acts) who got no act of the trigger's group from that sentence — the victim the
    pairing rules could not decide, or one more person of a list sharing the verb. Dated by the sentence's date
    nearest before the trigger (else its first), else undated."""
    from qorgau.records.models.acts import GROUP_OF

    from .acts import OFFICIAL_ROLES
    from .spans import Proposal

    doc = ctx.doc
    told = {(q.start, q.victims[0], GROUP_OF.get(q.act_type, "")) for q in proposals if q.kind == "act" and q.victims}
    out = []
    # Only sentences the rules took an act from (time: their clauses are read already; a sentence the rules took
    # nothing from is not searched again).
    for start, end in sorted({(q.start, q.end) for q in proposals if q.kind == "act" and q.victims}):
        own = [m for m in doc.mentions_in(start, end) if m.how != "capitals" and m.role not in OFFICIAL_ROLES
               and m.name not in ctx.perpetrators]
        if not own:
            continue
        doc.trigger(start, end, "")
        found = doc.triggers[(start, end)]
        if not found or len(found) > 4:
            continue
        dates = doc.dates_in(start, end)
        seen = set()
        for _, hit_start, act_type, _ in sorted(found):
            group = GROUP_OF.get(act_type, "")
            if group in seen:
                continue
            seen.add(group)
            before = [d for d in dates if d.start < start + hit_start]
            date = before[-1] if before else dates[0] if dates else None
            for name in dict.fromkeys(m.name for m in own):
                if (start, name, group) in told:
                    continue
                out.append(Proposal("act", act_type, start, end, victims=[name], date=date.value if date else "",
                                    date_end=date.value_end if date else "", rule=f"candidate:unpaired:{act_type}",
                                    date_source="own" if date else ""))
    return out


# The groups a trigger's act is mistaken for (by the lexicon's types: a detention told as a charge, a verdict as the
# prison term): an alternative of a proposal takes the neighbouring group's most common type.
NEIGHBOURS = {"DEPRIVATION": ("charged", "sentenced"), "PROSECUTION": ("detained", "sentenced"),
              "PENALTY": ("charged", "imprisoned"), "RELEASE": ("sentenced",), "HARASSMENT": ("detained", "charged")}
MAX_ALT_PERSONS = 4  # a sentence naming more persons is a list: the other persons are unpaired's, not alternatives


def alternatives(ctx, acts):
    """Alternatives of the rules' acts, each standing in for its proposal when the model prefers it (accept): the
    same act with a coarser date (a day's month, a month's year — a partial date is a record; a wrong day is not),
    with another date of its sentence or the paragraph's last date before it, of a neighbouring group (NEIGHBOURS),
    or given to another person of its sentence (the victim the pairing missed). ctx.origins maps each to its
    proposal; an alternative equal to a proposal or to an earlier alternative is not made."""
    import dataclasses

    from qorgau.records.models.acts import GROUP_OF

    from .acts import OFFICIAL_ROLES

    doc = ctx.doc
    rules = [p for p in acts if p.kind == "act" and p.victims and not is_candidate(p)]
    seen = {(p.victims[0], GROUP_OF.get(p.act_type, ""), p.date, p.date_end) for p in rules}
    out = []

    def add(p, kind, **changes):
        q = dataclasses.replace(p, rule=f"candidate:alt_{kind}:{p.act_type}", **changes)
        key = (q.victims[0], GROUP_OF.get(q.act_type, ""), q.date, q.date_end)
        if key in seen:
            return
        seen.add(key)
        ctx.origins[id(q)] = p
        out.append(q)

    for p in rules:
        if p.date and not p.date_end and len(p.date) in (7, 10):
            add(p, "coarse", date=p.date[:len(p.date) - 3])
        dates = doc.dates_in(p.start, p.end)
        before = doc.dates_in(doc.paragraph_start(p.start), p.start)[-1:]
        for d, source in [(d, "own") for d in dates[:3]] + [(d, "context") for d in before]:
            add(p, "date", date=d.value, date_end=d.value_end, date_source=source)
        for act_type in NEIGHBOURS.get(GROUP_OF.get(p.act_type, ""), ()):
            add(p, "group", act_type=act_type)
        own = [m for m in doc.mentions_in(p.start, p.end) if m.how != "capitals" and m.role not in OFFICIAL_ROLES
               and m.name not in ctx.perpetrators]
        names = list(dict.fromkeys(m.name for m in own))
        if len(names) <= MAX_ALT_PERSONS:
            for name in names:
                if name != p.victims[0]:
                    add(p, "victim", victims=[name])
    return out


def replaced(kept, probabilities, origins):
    """The rule proposals an accepted alternative stands in for: its own proposal, when the alternative's probability
    is higher. `kept`: accepted items; `probabilities`: {item: p}; `origins`: {alternative: its proposal}."""
    return {origins[a] for a in kept if a in origins and probabilities[a] > probabilities.get(origins[a], 0.0)}


def probability(f, w):
    z = sum(w.get(name, 0.0) * value for name, value in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def accept(text, proposals, dates, mentions, published="", with_model=None, doc=None):
    """The proposals the layer keeps: tallies, every act the model gives at least the threshold, and candidates at
    least the candidates' threshold. No model (off, missing, unreadable): the rules' acts, no candidates."""
    m = with_model if with_model is not None else (model() if enabled() else None)
    if not m:
        return [p for p in proposals if not is_candidate(p)]
    acts = [p for p in proposals if p.kind == "act" and p.victims]
    if not acts:
        return [p for p in proposals if not is_candidate(p)]
    ctx = Context(text, dates, mentions, published, acts, doc)
    if m["candidate_threshold"] <= 1:
        proposals = proposals + unpaired(ctx, proposals)
    alternative = m.get("alternative_threshold", 1.01)
    if alternative <= 1:
        proposals = proposals + alternatives(ctx, acts)
    keep, probs = [], {}
    for p in proposals:
        if p.kind != "act" or not p.victims:
            if not is_candidate(p):
                keep.append(p)
            continue
        limit = (alternative if id(p) in ctx.origins else m["candidate_threshold"]) if is_candidate(p) \
            else m["threshold"]
        if limit <= 0 and not is_candidate(p) and not ctx.origins:
            keep.append(p)
            continue
        weights = (m.get("alternative_weights") or m["weights"]) if id(p) in ctx.origins else m["weights"]
        probs[id(p)] = probability(features(ctx, p, acts), weights)
        if probs[id(p)] >= limit or (limit <= 0 and not is_candidate(p)):
            keep.append(p)
    if ctx.origins:
        gone = replaced({id(p) for p in keep}, probs, {a: id(o) for a, o in ctx.origins.items()})
        keep = [p for p in keep if id(p) not in gone]
    return keep
