"""A learned layer over the act rules: the date chooser.

The rules give each act a date (its own clause's, the sentence's, a heading's, the narrative's, none). Here every
date the act could have is a candidate — each date of its sentence, of the previous sentences of its paragraph, of a
short dated line or paragraph just above, the last date of the paragraph before, the document's own date, the rules'
own choice, and "no date" — described by language-independent features (where the date stands relative to the
trigger and the victim, what lies between them, the word class before or after it, its granularity, the rules'
choice and where the rules took it from, the act's group). A linear score over those features (weights in
`models/dates.json`, written by `tools/train_extraction.py` from the annotated dev documents and the corpus) picks
one candidate; the act takes its date when it is not the rules' own.

Run time is plain Python (no numpy): a dot product per candidate. `QORGAU_LEARNED=0` switches the layer off; missing
or unreadable weights leave the rules' dates as they are (logged once).
"""

import json
import logging
import math
import os
import re
from bisect import bisect_left, bisect_right
from pathlib import Path

log = logging.getLogger(__name__)

MODELS = Path(__file__).resolve().parent / "models"
DATE_MODEL = MODELS / "dates.json"
CUES_FILE = MODELS / "date_cues.tsv"
MAX_MODEL_BYTES = 4_000_000  # a weights file is a few KB; a larger one is not read whole

# Set by tools/train_extraction.py: a list receives each call's inputs (training), a dict replaces the weights
# read from disk (cross-validation). Neither is used in production.
capture = None
override = None

_loaded = {}


def enabled():
    return os.environ.get("QORGAU_LEARNED", "1") != "0"


def chooser_enabled():
    """The date chooser re-dates acts only when asked (`QORGAU_DATE_CHOOSER=1`, with the learned layers on). Off by
    default since session 11: measured, it does not help (grouped cross-validation over the dev rounds and the
    corpus: rules 1340/120/221 TP/FP/FN, with the chooser 1342/125/219; the dev rounds' first runs: no change; the
    test split in session 10: 1311/120/213 against 1309/127/215). docs/documents.md."""
    return enabled() and os.environ.get("QORGAU_DATE_CHOOSER", "0") == "1"


def _read_cues(path=CUES_FILE):
    cues = {"before": [], "after": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, side, pattern = line.split("\t")
        cues[side].append((kind, pattern))
    before = re.compile(r"(?:^|(?<=\W))(?:" + "|".join(f"(?P<{k}_{i}>{p})" for i, (k, p) in enumerate(cues["before"]))
                        + r")[\s,]*$", re.I)
    after = re.compile(r"^[\s,]*(?:года|г\.|жылы|жылғы|year)?\s*(?:"
                       + "|".join(f"(?P<{k}_{i}>{p})" for i, (k, p) in enumerate(cues["after"])) + r")(?!\w)", re.I)
    return before, after


def finite_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(float(value))


def read_model(path):
    """The JSON object of a weights file, read bounded (a weights file is a few KB), its "weights" checked to map
    feature names to finite numbers. Raises OSError, ValueError, KeyError, TypeError, RecursionError or
    OverflowError: the caller turns its layer off."""
    with open(path, "rb") as stream:
        raw = stream.read(MAX_MODEL_BYTES + 1)
    if len(raw) > MAX_MODEL_BYTES:
        raise ValueError(f"larger than a weights file may be ({MAX_MODEL_BYTES // 1_000_000} MB)")
    data = json.loads(raw.decode("utf-8"))
    found = data["weights"]
    if not isinstance(found, dict) or not all(isinstance(k, str) and finite_number(v) for k, v in found.items()):
        raise ValueError("weights must map feature names to finite numbers")
    return data


def weights(path=None):
    """The date model's weights ({feature: weight}), or None (logged once) when missing or unreadable."""
    if override is not None:
        return override
    path = Path(path or os.environ.get("QORGAU_LEARNED_DATES", DATE_MODEL))
    if path in _loaded:
        return _loaded[path]
    model = None
    try:
        model = read_model(path)["weights"]
    except (OSError, ValueError, KeyError, TypeError, RecursionError, OverflowError) as error:
        log.warning("learned date chooser off (rules' dates kept): cannot use %s: %s", path, error)
        model = None
    _loaded[path] = model
    return model


def _sentence_spans(text):
    from .acts import sentences

    return list(sentences(text))


def _trigger(found, act_type):
    """(start, end) of the act's trigger in its sentence (of its clauses): the clause of its type, else of its group,
    else the first."""
    from qorgau.records.models.acts import GROUP_OF

    hit = next((c for c in found if c[2] == act_type), None) or \
        next((c for c in found if GROUP_OF.get(c[2]) == GROUP_OF.get(act_type)), None) or \
        (found[0] if found else None)
    return (hit[1], hit[3], len(found)) if hit else (0, 0, 0)


CLAUSE_BREAK = re.compile(r";|:\s|\(|\)|—|–\s|(?<!\w)(?:which|who|when|where|while|whereas|but|although|after|before|"
                          r"который|которая|которые|которого|когда|где|но|а|хотя|после|до\s+того|кезде|кейін|бірақ|"
                          r"ал|дейін|соң)(?!\w)", re.I)


def _gran(value, end):
    if end:
        return "range"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "other")


def _bucket(n, edges):
    for edge in edges:
        if n <= edge:
            return str(edge)
    return "more"


class Document:
    """What the chooser needs of one document, computed once."""

    def __init__(self, text, dates, mentions, published=""):
        self.text = text
        self.dates = sorted(dates, key=lambda d: d.start)
        self.starts = [d.start for d in self.dates]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.triggers = {}  # sentence start -> its clauses (several acts of one sentence share them)
        self.background = {}
        self.published = published
        self.spans = _sentence_spans(text)
        self.span_starts = [s for s, _ in self.spans]
        self.before_cue, self.after_cue = _cues()

    def mentions_in(self, start, end):
        return self.mentions[bisect_left(self.mention_starts, start):bisect_left(self.mention_starts, end)]

    def trigger(self, start, end, act_type):
        if (start, end) not in self.triggers:
            from .acts import clauses

            self.triggers[(start, end)] = clauses(self.text[start:end])
        return _trigger(self.triggers[(start, end)], act_type)

    def dates_in(self, start, end):
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            if self.dates[i].value:
                out.append(self.dates[i])
            i += 1
        return out

    def paragraph_start(self, position):
        p = self.text.rfind("\n\n", 0, position)
        return 0 if p < 0 else p + 2


_CUES = []


def _cues():
    if not _CUES:
        _CUES.append(_read_cues())
    return _CUES[0]


def _cue_classes(doc, date):
    feats = []
    m = doc.before_cue.search(doc.text[max(0, date.start - 25):date.start])
    if m:
        feats.append("cue_before:" + next(k for k, v in m.groupdict().items() if v is not None).rsplit("_", 1)[0])
    m = doc.after_cue.match(doc.text[date.end:date.end + 25])
    if m:
        feats.append("cue_after:" + next(k for k, v in m.groupdict().items() if v is not None).rsplit("_", 1)[0])
    return feats


def candidates(doc, proposal):
    """[(value, value_end, {feature: value})] for one act proposal: every date it could take, and none."""
    from qorgau.records.models.acts import GROUP_OF

    text = doc.text
    start, end = proposal.start, proposal.end
    group = GROUP_OF.get(proposal.act_type, "")
    sentence = text[start:end]
    t_start, t_end, n_triggers = doc.trigger(start, end, proposal.act_type)
    t_start, t_end = start + t_start, start + t_end
    victim = proposal.victims[0] if proposal.victims else ""
    own = doc.mentions_in(start, end)
    victim_at = next((m for m in own if m.name == victim), None)
    others = [m for m in own if m.name != victim]
    rule = (proposal.date, proposal.date_end)
    src = proposal.date_source or "none"
    family = proposal.rule.split(":")[1] if proposal.rule.count(":") else proposal.rule
    common = {f"group:{group}": 1.0}

    out = []

    def add(value, value_end, feats, where):
        f = dict(common)
        f.update(feats)
        f["pos:" + where] = 1.0
        f[f"pos:{where}|g:{group}"] = 1.0
        if (value, value_end) == rule:
            f["is_rule"] = 1.0
            f[f"is_rule|src:{src}"] = 1.0
            f[f"is_rule|rule:{family}"] = 1.0
            f[f"is_rule|g:{group}"] = 1.0
        if value:
            gran = _gran(value, value_end)
            f["gran:" + gran] = 1.0
            f[f"gran:{gran}|g:{group}"] = 1.0
            if doc.published:
                if value[:len(doc.published)] > doc.published[:len(value)]:
                    f["after_published"] = 1.0
                elif value == doc.published:
                    f["is_published"] = 1.0
        out.append((value, value_end, f))

    paragraph_start = doc.paragraph_start(start)
    in_sentence = doc.dates_in(start, end)
    for i, d in enumerate(in_sentence):
        f = {f"how:{d.how}": 1.0}
        after = d.start >= t_end
        lo, hi = (t_end, d.start) if after else (d.end, t_start)
        between = text[lo:hi] if lo < hi else ""
        f["after_trigger" if after else "before_trigger"] = 1.0
        f[("after_trigger" if after else "before_trigger") + f"|g:{group}"] = 1.0
        f["dist:" + _bucket(len(between), (3, 12, 30, 60, 120))] = 1.0
        if CLAUSE_BREAK.search(between) or "," in between and len(between) > 40:
            f["break_between"] = 1.0
        else:
            f["same_clause"] = 1.0
        if any(lo <= m.start < hi for m in others):
            f["person_between"] = 1.0
        if n_triggers > 1:
            f["several_triggers"] = 1.0
        nearer = [e for e in in_sentence if e is not d and
                  (t_end <= e.start < d.start if after else d.end <= e.start and e.end <= t_start)]
        f["nearest_" + ("after" if after else "before") if not nearer else "farther"] = 1.0
        if i == 0:
            f["first_in_sentence"] = 1.0
        if i == len(in_sentence) - 1:
            f["last_in_sentence"] = 1.0
        if victim_at is not None:
            gap = abs((d.start - victim_at.end) if d.start >= victim_at.end else (victim_at.start - d.end))
            f["victim_dist:" + _bucket(gap, (5, 20, 60))] = 1.0
        else:
            f["victim_not_in_sentence"] = 1.0
        for cue in _cue_classes(doc, d):
            f[cue] = 1.0
            f[f"{cue}|g:{group}"] = 1.0
        add(d.value, d.value_end, f, "sentence")
    # Previous sentences of the paragraph (up to three back): their dates, nearest sentence first.
    k = bisect_right(doc.span_starts, start) - 1
    back = 0
    for s, e in reversed(doc.spans[max(0, k - 3):max(0, k)]):
        if s < paragraph_start:
            break
        back += 1
        here = doc.dates_in(s, e)
        for j, d in enumerate(here):
            f = {f"how:{d.how}": 1.0, f"back:{back}": 1.0}
            if j == len(here) - 1:
                f["last_in_sentence"] = 1.0
            for cue in _cue_classes(doc, d):
                f[cue] = 1.0
            add(d.value, d.value_end, f, "previous")
    # A short line or paragraph just above that starts with a date (a heading: "16.04.2012", "25 августа: приговор").
    above_end = len(text[:paragraph_start].rstrip())
    above_start = max(text.rfind("\n", 0, above_end) + 1, 0)
    line_start = text.rfind("\n", 0, start) + 1
    for where, (a, b) in (("heading", (above_start, above_end)), ("line_head", (line_start, line_start + 3))):
        if where == "heading" and (above_end <= 0 or above_end - above_start > 80 or above_start >= start):
            continue
        d = next(iter(doc.dates_in(a, a + 3)), None)
        if d is not None and d.start < start:
            add(d.value, d.value_end, {f"how:{d.how}": 1.0}, where)
    # The last date of the paragraph before.
    if paragraph_start > 0:
        before = doc.dates_in(doc.paragraph_start(max(0, paragraph_start - 3)), paragraph_start)
        if before:
            d = before[-1]
            add(d.value, d.value_end, {f"how:{d.how}": 1.0}, "previous_paragraph")
    if doc.published:
        add(doc.published, "", {}, "published")
    if rule[0] and not any((v, e) == rule for v, e, _ in out):
        add(rule[0], rule[1], {}, "rule_only")
    from .acts import BACKGROUND, LATER

    f = {"sentence_dated": 1.0} if in_sentence else {"sentence_undated": 1.0}
    if LATER is not None and LATER.search(sentence):
        f["later_cue"] = 1.0  # "later", "впоследствии": the rules give no day
    if (paragraph_start, end) not in doc.background:
        doc.background[(paragraph_start, end)] = bool(BACKGROUND.search(text, paragraph_start, end))
    if doc.background[(paragraph_start, end)]:
        f["background_cue"] = 1.0  # "previously", "for example" in the paragraph so far
    add("", "", f, "none")
    return out


def allowed(options, proposal):
    """The candidates the chooser may move a dated act to: a date (never none), and outside the act's own sentence
    only one within the rules' date (an inherited "2023-02" may become "2023-02-03" from the paragraph above, never
    the day of another episode: the rules know where a narrative's date does not reach, as a court's findings), and
    not the document's own date (a news item's day is the verdict's only by the rules' headline check)."""
    rule = proposal.date
    # Another date of the sentence only when the rules took theirs from the sentence too: when they passed over the
    # sentence's dates for an inherited one, they had a reason ("за акцию 29 мая" is the rally's day, not the fine's).
    own = proposal.date_source == "own"
    return [o for o in options if o[0] and (("pos:sentence" in o[2] and own) or "is_rule" in o[2] or
                                            (not o[1] and o[0].startswith(rule) and not proposal.date_end and
                                             "pos:published" not in o[2]))]


def score(features, w):
    return sum(w.get(name, 0.0) * value for name, value in features.items())


def finish(text, proposals, dates, mentions, published=""):
    """The learned layers over the rules' proposals (the end of acts.find_acts): the date chooser re-dates acts, then
    the act layer (extract/acceptance.py) drops the acts it finds unlikely and keeps the candidates it finds likely.
    Off (QORGAU_LEARNED=0): the rules' proposals without their candidates."""
    from . import acceptance

    if capture is not None:
        capture.append((text, [_copy(p) for p in proposals], list(dates), list(mentions), published))
    if not enabled():
        return [p for p in proposals if not acceptance.is_candidate(p)]
    if not acceptance.model():  # the act layer off (no model): the date chooser alone, as before it
        return [p for p in rechoose(text, proposals, dates, mentions, published) if not acceptance.is_candidate(p)]
    # the document read once for both layers (when there is an act to judge)
    doc = Document(text, dates, mentions, published) if any(p.kind == "act" and p.victims for p in proposals) else None
    return acceptance.accept(text, rechoose(text, proposals, dates, mentions, published, doc=doc), dates, mentions,
                             published, doc=doc)


def rechoose(text, proposals, dates, mentions, published="", w=None, doc=None):
    """The acts' dates chosen again by the learned chooser (the proposals are changed in place and returned); with
    no weights given, only when the chooser is switched on (chooser_enabled)."""
    if not chooser_enabled() and w is None:
        return proposals
    w = w if w is not None else weights()
    if not w:
        return proposals
    acts = [p for p in proposals if p.kind == "act" and p.victims]
    if not acts:
        return proposals
    from qorgau.records.models.acts import GROUP_OF

    doc = doc or Document(text, dates, mentions, published)
    margin = w.get("_margin", 0.0)
    taken = {(p.victims[0], GROUP_OF.get(p.act_type, ""), p.date, p.date_end) for p in acts}
    for p in acts:
        if not p.date:
            continue  # an act the rules left undated stays undated ("later", background, a charge in the present)
        if len(p.date) == 10 and not p.date_end and (p.date_source != "own" or all(
                d.value == p.date and not d.value_end for d in doc.dates_in(p.start, p.end))):
            continue  # a day not of its sentence, or no other date there: nothing it may move to (allowed)
        options = allowed(candidates(doc, p), p)
        if not options:
            continue
        best = max(options, key=lambda o: score(o[2], w))  # the first of equals: the sentence's own dates first
        rule_score = max((score(f, w) for v, e, f in options if "is_rule" in f), default=None)
        group = GROUP_OF.get(p.act_type, "")
        # Another act of the victim's in that group already on that day: moving this one there would lose an act.
        if (best[0], best[1]) != (p.date, p.date_end) and (p.victims[0], group, best[0], best[1]) not in taken and \
                (rule_score is None or score(best[2], w) > rule_score + margin):
            taken.add((p.victims[0], group, best[0], best[1]))
            p.date, p.date_end, p.date_source = best[0], best[1], "learned"
    return proposals


def _copy(p):
    from dataclasses import replace

    return replace(p, victims=list(p.victims), provisions=list(p.provisions))
