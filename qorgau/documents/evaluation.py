"""Scoring extraction against an annotated evaluation set: precision, recall and F1 per kind.

Kinds: person mentions (a predicted span overlapping an annotated one); acts (victim, type group and date);
person–provision pairs. Runs the pure pipeline on the files (no database, no gazetteer), so the scores are
what extraction does on a document about people it has never seen.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from qorgau.records.models.acts import GROUP_OF

from .extract.acts import find_acts
from .extract.dates import find_dates
from .extract.names import find_persons
from .extract.provisions import find_provisions
from .ingest.reading import read_document
from .ingest.repair import canonicalise


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other):
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


def gold_mentions(text, persons):
    """Annotated mention spans: each surface form found in the text, longest forms first, no overlaps."""
    forms = sorted(((form, name) for name, fs in persons.items() for form in fs), key=lambda x: -len(x[0]))
    spans = []
    for form, name in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if not any(m.start() < e and s < m.end() for s, e, _ in spans):
                spans.append((m.start(), m.end(), name))
    return sorted(spans)


def _resolver(persons):
    """Predicted name -> annotated person, by any of their forms or their family name."""
    from qorgau.lib.morphology import family_forms, kazakh_stems, nominative

    index = {}
    for name, forms in persons.items():
        # A printed form and its nominative both name the person ("Мұрат Шормановты" is "Мұрат Шорманов").
        for form in forms + [name] + [nominative(f) for f in forms]:
            index.setdefault(form, name)
            index.setdefault(form.split()[-1], name)
            # "Нурлана Хожакараева" printed, "Нурлан Хожакараев" extracted: the family name's nominatives too
            for family in family_forms(form.split()[-1]):
                index.setdefault(family, name)
            # "Талғат Аянға", "Т. Аянды" printed, "Талғат Аян" extracted: the Kazakh stems of the family name too
            for stem in kazakh_stems(form.split()[-1]):
                index.setdefault(stem, name)
        for form in forms:  # "Danebaev T.": the family name printed before the initials
            for word in form.split():
                if len(word) > 2 and not word.endswith("."):
                    index.setdefault(word, name)
    # A form printed in capitals ("ИЛЬЯШЕВ Алнұр", a list's family name first) resolves the name as recorded
    # ("Алнұр Ильяшев"): the index is also asked case-blind.
    folded = {}
    for key, name in index.items():
        folded.setdefault(key.casefold(), name)

    def resolve(predicted):
        last = predicted.split()[-1]
        return (index.get(predicted) or index.get(last) or folded.get(predicted.casefold())
                or folded.get(last.casefold()))
    return resolve


def dates_agree(predicted, gold):
    """Partial dates agree when one contains the other ("2018-03" and "2018-03-21"), or when the gold date falls
    in a predicted range ("2016-05-16/2016-05-20"); unknown agrees with unknown."""
    predicted, _, until = predicted.partition("/")
    if not predicted or not gold:
        return predicted == gold
    if until and predicted <= gold <= until:
        return True
    return predicted.startswith(gold) or gold.startswith(predicted)


def match_acts(predicted, gold):
    """One-to-one matching of (victim, group, date) triples, dates agreeing as partial dates."""
    unmatched = set(gold)
    tp = 0
    # (in a fixed order, a gold act with the very same date first: the score must not depend on set order)
    for victim, group, date in sorted(predicted, key=lambda t: (-len(t[2]), t)):
        hit = next((g for g in sorted(unmatched, key=lambda t: (t[2] != date, -len(t[2]), t))
                    if g[0] == victim and g[1] == group and dates_agree(date, g[2])), None)
        if hit:
            unmatched.discard(hit)
            tp += 1
    return Score(tp, len(predicted) - tp, len(unmatched))


def article_of(uid):
    """Pairs are scored by article: "CC-405.2" and "CC-405" are the same provision for this purpose."""
    return uid.split(".")[0]


def score_document(text, entry, published="", ner=False, footnotes=None, markers=None, found=None):
    """{kind: Score} for one document's text; `found` (a dict), when given, receives the mentions and proposals."""
    from .extract.names import natasha_spans

    mentions = find_persons(text, extra_spans=natasha_spans(text) if ner and entry.get("language") == "ru" else ())
    gold = gold_mentions(text, entry["persons"])
    matched = set()
    mention_score = Score()
    for m in mentions:
        hit = next((i for i, (s, e, _) in enumerate(gold) if m.start < e and s < m.end and i not in matched), None)
        if hit is None:
            mention_score.fp += 1
        else:
            matched.add(hit)
            mention_score.tp += 1
    mention_score.fn = len(gold) - len(matched)

    resolve = _resolver(entry["persons"])
    proposals = find_acts(text, mentions, find_dates(text, published), find_provisions(text), published=published,
                           footnotes=footnotes, markers=markers)
    if found is not None:
        found.update(mentions=mentions, proposals=proposals)
    predicted_acts, predicted_pairs = set(), set()
    for p in proposals:
        victim = resolve(p.victims[0]) or p.victims[0]
        date = f"{p.date}/{p.date_end}" if p.date and p.date_end else p.date
        predicted_acts.add((victim, GROUP_OF.get(p.act_type, ""), date))
        for uid, relation in p.provisions:
            if relation in {"suspected", "charged", "convicted"}:
                predicted_pairs.add((victim, uid))
    gold_acts = {(a["victim"], a["group"], a["date"] or "") for a in entry["acts"]}
    gold_pairs = {(victim, article_of(uid)) for victim, uid in entry["provisions"]}
    predicted_pairs = {(victim, article_of(uid)) for victim, uid in predicted_pairs}
    acts = match_acts(predicted_acts, gold_acts)
    pairs = Score(len(predicted_pairs & gold_pairs), len(predicted_pairs - gold_pairs), len(gold_pairs - predicted_pairs))
    return {"person mentions": mention_score, "acts": acts, "person–provision pairs": pairs}


def cluster_names(names, threshold=0.9):
    """Names -> cluster id, joining names whose comparison reaches the threshold (as `qorgau resolve` links)."""
    from qorgau.lib.personnames import compare, parse
    from qorgau.resolution.scoring import blocking_keys

    parent = {n: n for n in names}

    def root(n):
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    parsed = {n: parse(n) for n in names}
    blocks = {}
    for n, p in sorted(parsed.items()):     # the resolver's blocks (qorgau.resolution.scoring), not a prefix alone
        for block in sorted(blocking_keys(p)):
            blocks.setdefault(block, []).append(n)
    for group in blocks.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if compare(parsed[a], parsed[b])[0] >= threshold:
                    parent[root(a)] = root(b)
    return {n: root(n) for n in names}


def score_resolution(documents):
    """Pairwise precision/recall over mentions that stand where the annotation has a person: are two mentions
    one person? Predicted: extraction's names, clustered across all documents; gold: the annotation."""
    items = []  # (predicted name, gold person)
    for text, entry in documents:
        gold = gold_mentions(text, entry["persons"])
        for m in find_persons(text):
            hit = next((name for s, e, name in gold if m.start < e and s < m.end), None)
            if hit:
                items.append((m.name, hit))
    clusters = cluster_names({name for name, _ in items})
    score = Score()
    for i, (name_a, gold_a) in enumerate(items):
        for name_b, gold_b in items[i + 1:]:
            same_predicted, same_gold = clusters[name_a] == clusters[name_b], gold_a == gold_b
            score.tp += same_predicted and same_gold
            score.fp += same_predicted and not same_gold
            score.fn += same_gold and not same_predicted
    return score


SPLIT_STEMS = {"gold-dev", "gold-test"}


def read_gold(gold_path):
    """An annotation file's documents; for a split's file (gold-dev.json), also every part beside it
    (gold-dev-*.json), so that several people can add documents to one split without editing one file."""
    path = Path(gold_path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    # Only a split's file has parts: the corpus annotation (gold.json) sits beside gold-dev.json and gold-test.json,
    # which are other sets, not parts of it.
    parts = sorted(path.parent.glob(f"{path.stem}-*.json")) if path.stem.startswith("gold-") else []
    for part in parts:
        gold["documents"] = gold["documents"] + json.loads(part.read_text(encoding="utf-8"))["documents"]
    return gold


def evaluate(gold_path, corpus_dir):
    """{kind: Score} over every document of the evaluation set, plus per-document scores."""
    totals, per_document, _ = evaluate_by_language(gold_path, corpus_dir)
    return totals, per_document


def evaluate_by_language(gold_path, corpus_dir, ner=False):
    """As `evaluate`, plus {language: {kind: Score}} for sets whose annotation gives each document's language."""
    gold = read_gold(gold_path)
    totals, per_document, texts, per_language = {}, {}, [], {}
    for entry in gold["documents"]:
        path = Path(corpus_dir) / entry["file"]
        canonical = canonicalise(read_document(entry["file"], path.read_bytes()))
        text = canonical.text
        texts.append((text, entry))
        scores = score_document(text, entry, entry.get("published", ""), ner=ner, footnotes=canonical.footnotes,
                                markers=canonical.markers)
        per_document[entry["file"]] = scores
        for kind, score in scores.items():
            totals.setdefault(kind, Score()).add(score)
            if entry.get("language"):
                per_language.setdefault(entry["language"], {}).setdefault(kind, Score()).add(score)
    totals["resolution (pairwise)"] = score_resolution(texts)
    return totals, per_document, per_language


# The evaluation sets `qorgau evaluate` scores by default: the corpus the rules were first written against, and the
# documents written for issue 11, split into a dev half (read while writing rules) and a test half (only scored).
EVALUATION = Path(__file__).resolve().parent.parent.parent / "tests" / "evaluation"
SPLITS = [("corpus", EVALUATION / "gold.json", None),
          ("dev", EVALUATION / "gold-dev.json", EVALUATION / "genres" / "dev"),
          ("test", EVALUATION / "gold-test.json", EVALUATION / "genres" / "test")]


# Format parity (issue 11) ----------------------------------------------------------------------------------------
# Each document of a set is rendered as a web page inside a site's chrome, a PDF report (running header, page
# numbers, footnotes at the page foot) and a Word file with real footnotes (qorgau.documents.render), read back
# through the same readers as an upload, and scored against the same gold as its text version.

FORMATS = ("html", "pdf", "docx")
WORD = re.compile(r"\w+")


def content_mask(text_version, rendered):
    """For each word of the rendered text: does it stand in a stretch (3+ words) that the text version also has?

    Words outside such stretches are what the rendering added and the reader kept: the site's menu, running
    headers and page numbers, footnote text glued into the body. A fact whose passage lies there is boilerplate."""
    from difflib import SequenceMatcher

    ours = [m.group(0).lower() for m in WORD.finditer(text_version)]
    words = list(WORD.finditer(rendered))
    theirs = [m.group(0).lower() for m in words]
    inside = [False] * len(words)
    for block in SequenceMatcher(None, ours, theirs, autojunk=False).get_matching_blocks():
        if block.size >= 3:
            inside[block.b:block.b + block.size] = [True] * block.size
    return [(m.start(), m.end(), flag) for m, flag in zip(words, inside)]


def _share_inside(mask, start, end):
    import bisect

    first = bisect.bisect_left([e for _, e, _ in mask], start + 1)
    flags = []
    for s, e, flag in mask[first:]:
        if s >= end:
            break
        flags.append(flag)
    return sum(flags) / len(flags) if flags else 1.0


@dataclass
class Boilerplate:
    """What a rendered version yields from outside the document's own text."""

    persons: set
    acts: list
    sources: list
    mentions: int = 0

    def add(self, other):
        self.persons |= other.persons
        self.acts += other.acts
        self.sources += other.sources
        self.mentions += other.mentions


def boilerplate(text_version, text_links, rendered, found, links, label=""):
    """Persons (every mention outside the text), acts (passage or victim outside) and sources (links the text
    version does not cite) that a rendered version adds."""
    mask = content_mask(text_version, rendered)
    outside = [m for m in found["mentions"] if _share_inside(mask, m.start, m.end) < 0.5]
    inside_names = {m.name for m in found["mentions"] if _share_inside(mask, m.start, m.end) >= 0.5}
    persons = {f"{label}{m.name}" for m in outside if m.name not in inside_names}
    acts = [f"{label}{p.act_type} {p.victims[0]}: {rendered[p.start:p.end][:80]!r}" for p in found["proposals"]
            if _share_inside(mask, p.start, p.end) < 0.5 or f"{label}{p.victims[0]}" in persons]
    known = {url.rstrip("/") for url in text_links}
    sources = [f"{label}{url}" for url in dict.fromkeys(links) if url.rstrip("/") not in known]
    return Boilerplate(persons, acts, sources, len(outside))


def evaluate_formats(gold_path, corpus_dir, formats=FORMATS, ner=False, as_read=False):
    """Render every document of a set in each format (into a temporary folder), read it back and score it.
    `as_read`: lay out the paragraphs and notes the reader finds in the text (for the corpus: hard-wrapped text
    extracted from PDF reports), not each line as a paragraph.

    Returns {format: {"totals": {kind: Score}, "languages": {lang: {kind: Score}}, "documents": {file: scores},
    "boilerplate": Boilerplate}} with "text" (the document as written) first."""
    import tempfile

    from .render import render_document

    gold = read_gold(gold_path)
    results = {fmt: {"totals": {}, "languages": {}, "documents": {}, "boilerplate": Boilerplate(set(), [], [])}
               for fmt in ("text", *formats)}

    def record(fmt, entry, scores):
        result = results[fmt]
        result["documents"][entry["file"]] = scores
        for kind, score in scores.items():
            result["totals"].setdefault(kind, Score()).add(score)
            if entry.get("language"):
                result["languages"].setdefault(entry["language"], {}).setdefault(kind, Score()).add(score)

    with tempfile.TemporaryDirectory(prefix="qorgau-formats-") as folder:
        for entry in gold["documents"]:
            source = Path(corpus_dir) / entry["file"]
            published = entry.get("published", "")
            canonical = canonicalise(read_document(entry["file"], source.read_bytes()))
            record("text", entry, score_document(canonical.text, entry, published, ner=ner,
                                                 footnotes=canonical.footnotes, markers=canonical.markers))
            paths = render_document(source, entry, folder, formats, as_read=as_read)
            for fmt, path in paths.items():
                rendered = canonicalise(read_document(path.name, path.read_bytes()))
                found = {}
                record(fmt, entry, score_document(rendered.text, entry, published, ner=ner, found=found,
                                                  footnotes=rendered.footnotes, markers=rendered.markers))
                results[fmt]["boilerplate"].add(boilerplate(canonical.text, canonical.links, rendered.text, found,
                                                            rendered.links, label=f"{entry['file']}: "))
    return results


def recall_gaps(results, fmt, kinds=("acts", "person–provision pairs"), tolerance=0.05):
    """Documents whose recall of a kind in `fmt` is more than `tolerance` below (or above) the text version's."""
    gaps = []
    for name, text_scores in results["text"]["documents"].items():
        scores = results[fmt]["documents"][name]
        for kind in kinds:
            if text_scores[kind].tp + text_scores[kind].fn and abs(scores[kind].recall - text_scores[kind].recall) > tolerance:
                gaps.append((name, kind, text_scores[kind].recall, scores[kind].recall))
    return gaps
