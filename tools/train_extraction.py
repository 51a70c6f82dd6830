"""Train the learned layers over the act rules and measure them honestly: the date chooser
(qorgau/documents/extract/learned.py, models/dates.json) and the act layer (extract/acceptance.py, models/acts.json).

    python tools/train_extraction.py                 # train both; write models/dates.json, models/acts-trained.json
    python tools/train_extraction.py --cv            # grouped cross-validation by document round (no file written)
    python tools/train_extraction.py --score-gold tests/evaluation/gold-dev-h17-ru.json \\
        --corpus tests/evaluation/genres/dev         # rules vs rules + learned on other documents (fresh rounds)

Training data: every act the rules propose on the annotated dev documents (tests/evaluation/gold-dev*.json) and the
corpus (tests/evaluation/gold.json, when ../shared/corpus or $QORGAU_CORPUS is there).
Dates: each act whose victim and act group the gold has; its candidates (learned.candidates) are labelled by the
gold's dates for that victim and group (the candidate equal to a gold date, else one agreeing as a partial date). The
model is a conditional logit over each act's candidates (softmax, L2), fitted by full-batch gradient descent with
numpy: deterministic, a few seconds.
Acts: each act proposal (after the date chooser) is labelled 1 when its (victim, group, date) is matched to a gold act
as the score matches them (one to one, dates agreeing as partial dates), else 0; a logistic model (L2, numpy) over
acceptance.features; the threshold below which an act is dropped, and the one a candidate must reach, are chosen by
an inner grouped cross-validation (acts F1 over the held-out rounds; on a tie, the one that changes less).
Cross-validation: one fold per annotation file (a round of documents) and the corpus; each fold is scored with both
models trained on the other folds only. Never reads the test split.
"""

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVALUATION = ROOT / "tests" / "evaluation"
L2 = 0.002
STEPS = 400
RATE = 0.1


def corpus_dir():
    path = Path(os.environ.get("QORGAU_CORPUS", ROOT.parent / "shared" / "corpus"))
    return path if path.is_dir() else None


EXTRA = []  # (--extra) more annotation files and their folders: one fold each


def sources():
    """[(fold, gold entries, corpus dir)]: one fold per annotation file (a round of documents), and the corpus."""
    found = [(f"extra-{Path(gold).parent.name}", json.loads(Path(gold).read_text(encoding="utf-8"))["documents"],
              Path(folder)) for gold, folder in EXTRA]
    for path in [EVALUATION / "gold-dev.json"] + sorted(EVALUATION.glob("gold-dev-*.json")):
        fold = "dev-s4" if path.name == "gold-dev.json" else path.stem.replace("gold-dev-", "")
        found.append((fold, json.loads(path.read_text(encoding="utf-8"))["documents"], EVALUATION / "genres" / "dev"))
    corpus = corpus_dir()
    if corpus:
        found.append(("corpus", json.loads((EVALUATION / "gold.json").read_text(encoding="utf-8"))["documents"], corpus))
    return found


def read(entry, corpus):
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise

    path = Path(corpus) / entry["file"]
    if not path.exists():
        return None
    return canonicalise(read_document(entry["file"], path.read_bytes()))


def run(canonical, entry):
    """The rules alone (both layers off) on one document: score_document's {kind: Score} and the captured inputs of
    the learned layers (text, proposals, dates, mentions, published)."""
    from qorgau.documents import evaluation
    from qorgau.documents.extract import learned

    os.environ["QORGAU_LEARNED"] = "0"
    learned.capture = []
    try:
        scores = evaluation.score_document(canonical.text, entry, entry.get("published", ""),
                                           footnotes=canonical.footnotes, markers=canonical.markers)
        captured = learned.capture
    finally:
        learned.capture = None
        os.environ.pop("QORGAU_LEARNED", None)
    return scores, captured


def groups_of(entry, captured):
    """[(candidates' feature dicts, positive flags)] for the acts of one document the gold can label."""
    from qorgau.documents.evaluation import _resolver, dates_agree
    from qorgau.documents.extract import learned
    from qorgau.records.models.acts import GROUP_OF

    resolve = _resolver(entry["persons"])
    gold, by_type = defaultdict(set), defaultdict(set)
    for a in entry["acts"]:
        gold[(a["victim"], a["group"])].add(a["date"] or "")
        by_type[(a["victim"], a["type"])].add(a["date"] or "")
    out = []
    for text, proposals, dates, mentions, published in captured:
        doc = learned.Document(text, dates, mentions, published)
        for p in proposals:
            if p.kind != "act" or not p.victims:
                continue
            key = (resolve(p.victims[0]), GROUP_OF.get(p.act_type, ""))
            if key not in gold:
                continue
            if not p.date:
                continue  # the chooser only re-dates acts the rules dated (learned.rechoose)
            options = learned.allowed(learned.candidates(doc, p), p)
            shown = [f"{v}/{e}" if v and e else v for v, e, _ in options]
            # The gold's dates for the act's own type when it has that type for the victim (a detention and the
            # prison term after the verdict are both deprivations, on different days), else for its group.
            dates = by_type.get((key[0], p.act_type)) or gold[key]
            exact = [any(s == g for g in dates) for s in shown]
            positive = exact if any(exact) else [any(dates_agree(s, g) for g in dates) for s in shown]
            if any(positive) and not all(positive):
                out.append(([f for _, _, f in options], positive))
    return out


def fit(groups):
    """{feature: weight}: a conditional logit over each group's candidates, positives' probability maximised."""
    import numpy as np

    names = sorted({name for feats, _ in groups for f in feats for name in f})
    index = {n: i for i, n in enumerate(names)}
    rows, cols, vals, owner, pos = [], [], [], [], []
    r = 0
    for g, (feats, positive) in enumerate(groups):
        for f, p in zip(feats, positive):
            for name, value in f.items():
                rows.append(r)
                cols.append(index[name])
                vals.append(value)
            owner.append(g)
            pos.append(p)
            r += 1
    X = np.zeros((r, len(names)))
    X[rows, cols] = vals
    owner, pos = np.array(owner), np.array(pos, dtype=float)
    w = np.zeros(len(names))
    m, v = np.zeros_like(w), np.zeros_like(w)
    n_groups = len(groups)
    for step in range(1, STEPS + 1):
        s = X @ w
        top = np.full(n_groups, -np.inf)
        np.maximum.at(top, owner, s)
        e = np.exp(s - top[owner])
        z = np.zeros(n_groups)
        np.add.at(z, owner, e)
        zp = np.zeros(n_groups)
        np.add.at(zp, owner, e * pos)
        # d(-log(zp/z))/ds = e/z - pos*e/zp
        grad_s = e / z[owner] - pos * e / np.where(zp[owner] > 0, zp[owner], 1.0)
        grad = X.T @ grad_s / n_groups + 2 * L2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return {n: round(float(x), 6) for n, x in zip(names, w) if abs(x) >= 1e-6}


MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def net_gain(groups, w, margin):
    """Acts whose date the chooser puts right minus acts it puts wrong, against the rules' own choice."""
    from qorgau.documents.extract import learned

    gain = 0
    for feats, positive in groups:
        scores = [learned.score(f, w) for f in feats]
        rule = next((i for i, f in enumerate(feats) if "is_rule" in f), None)
        best = max(range(len(scores)), key=lambda i: scores[i])
        choice = best if rule is None or scores[best] > scores[rule] + margin else rule
        rule_right = rule is not None and positive[rule]
        gain += int(positive[choice] and not rule_right) - int(rule_right and not positive[choice])
    return gain


def fit_gated(folds):
    """Weights fitted on every group of `folds` ({fold: groups}), and the margin over the rules' own choice that
    an inner cross-validation over those folds found best (the larger margin on a tie: change less)."""
    gains = dict.fromkeys(MARGINS, 0)
    for held in folds:
        w = fit([g for f, groups in folds.items() if f != held for g in groups])
        for margin in MARGINS:
            gains[margin] += net_gain(folds[held], w, margin)
    margin = max(MARGINS, key=lambda m: (gains[m], m))
    w = fit([g for groups in folds.values() for g in groups])
    w["_margin"] = margin
    return w, gains


# ---- the act layer ---------------------------------------------------------------------------------------------

ACT_L2 = 0.01
MIN_SEEN = 3
INNER_FOLDS = 4  # the inner cross-validation that picks the thresholds holds out a quarter of the folds at a time
DEV_WEIGHT = 0.3  # a dev document's proposals come from rules tuned on it: they teach less about unseen text
ACT_STEPS = 300
THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
CANDIDATE_THRESHOLDS = (1.01, 0.9, 0.8, 0.7, 0.6, 0.5)  # 1.01: no candidate is kept
ALTERNATIVE_THRESHOLDS = (1.01, 0.8, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2)  # 1.01: no alternative (acceptance.alternatives)
ALTERNATIVES = os.environ.get("QORGAU_TRAIN_ALTERNATIVES", "1") != "0"  # 0: session 13's layer, for comparison


def _key(entry):
    from qorgau.documents.evaluation import _resolver

    resolve = _resolver(entry["persons"])

    def key(p):
        from qorgau.records.models.acts import GROUP_OF

        date = f"{p.date}/{p.date_end}" if p.date and p.date_end else p.date
        return (resolve(p.victims[0]) or p.victims[0], GROUP_OF.get(p.act_type, ""), date)
    return key


def matched(predicted, gold):
    """The predicted triples matched to gold ones, as evaluation.match_acts counts them (deterministic order)."""
    return set(pairs(predicted, gold))


def pairs(predicted, gold):
    """{predicted triple: gold triple} matched one to one."""
    from qorgau.documents.evaluation import dates_agree

    unmatched, hits = sorted(gold, key=lambda t: (-len(t[2]), t)), {}
    for victim, group, date in sorted(predicted, key=lambda t: (-len(t[2]), t)):
        hit = next((g for g in unmatched if g[0] == victim and g[1] == group and dates_agree(date, g[2])), None)
        if hit:
            unmatched.remove(hit)
            hits[(victim, group, date)] = hit
    return hits


def act_score(triples, gold):
    from qorgau.documents.evaluation import Score

    tp = len(matched(triples, gold))
    return Score(tp, len(triples) - tp, len(gold) - tp)


def act_rows(doc, date_w):
    """One document's act proposals after the date chooser (weights `date_w`, or none): [(features, triple,
    candidate?)], with the gold's triples."""
    from qorgau.documents.extract import acceptance, learned

    entry, captured = doc[1], doc[5]
    key = _key(entry)
    gold = {(a["victim"], a["group"], a["date"] or "") for a in entry["acts"]}
    rows = []
    for text, proposals, dates, mentions, published in captured:
        proposals = [learned._copy(p) for p in proposals]
        if date_w:
            learned.rechoose(text, proposals, dates, mentions, published, w=date_w)
        acts = [p for p in proposals if p.kind == "act" and p.victims]
        if not acts:
            continue
        ctx = acceptance.Context(text, dates, mentions, published, acts)
        acts = [p for p in acts if not acceptance.is_candidate(p)]
        rows += [(acceptance.features(ctx, p, acts), key(p), acceptance.is_candidate(p))
                 for p in acts + acceptance.unpaired(ctx, acts)]
        if ALTERNATIVES:
            # an alternative's third field is the triple of the proposal it would stand in for
            rows += [(acceptance.features(ctx, q, acts), key(q), key(ctx.origins[id(q)]))
                     for q in acceptance.alternatives(ctx, acts)]
    return rows, gold


def labelled(rows, gold):
    """Each row's label: a rule proposal's triple is matched to a gold act when every rule proposal is kept; a
    candidate's, to a gold act no rule proposal matched."""
    found = pairs({t for _, t, cand in rows if not cand}, gold)
    left = pairs({t for _, t, cand in rows if cand} - set(found), set(gold) - set(found.values()))
    return [int(t in (left if cand else found)) for _, t, cand in rows]


def fit_acts(examples):
    """{feature: weight}: logistic regression (L2) over [(features, label, example weight)], full-batch Adam,
    deterministic."""
    import numpy as np

    if not examples:
        return {}
    seen = Counter(name for f, _, _ in examples for name in f)
    names = sorted(name for name, n in seen.items() if n >= MIN_SEEN)  # a feature seen twice teaches nothing general
    index = {n: i for i, n in enumerate(names)}
    X = np.zeros((len(examples), len(names)), dtype=np.float32)
    for r, (f, _, _) in enumerate(examples):
        for name, value in f.items():
            if name in index:
                X[r, index[name]] = value
    y = np.array([label for _, label, _ in examples], dtype=float)
    weight = np.array([x for _, _, x in examples], dtype=float)
    weight = weight / weight.sum()
    w = np.zeros(len(names))
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, ACT_STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ ((p - y) * weight) + 2 * ACT_L2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return {n: round(float(x), 6) for n, x in zip(names, w) if abs(x) >= 1e-6}


def kept_triples(rows, probs, threshold, candidate_threshold, alternative_threshold=1.01):
    """The triples kept: rule proposals at the threshold, candidates at theirs, alternatives at theirs — an accepted
    alternative with a higher probability than its proposal stands in for it (acceptance.replaced)."""
    rule_p, kept, gone = {}, set(), set()
    for (_, t, cand), p in zip(rows, probs):
        if cand is False:
            rule_p[t] = max(p, rule_p.get(t, 0.0))
    for (_, t, cand), p in zip(rows, probs):
        if cand is False:
            if p >= threshold or threshold <= 0:
                kept.add(t)
        elif cand is True:
            if p >= candidate_threshold:
                kept.add(t)
        elif p >= alternative_threshold:
            kept.add(t)
            if p > rule_p.get(cand, 0.0):
                gone.add(cand)
    return kept - gone


def is_alternative(cand):
    return isinstance(cand, tuple)


def examples(items, alternatives=False):
    """[(features, label, example weight)] of [(rows, gold, kind)]: a first run's rows weigh 1, a dev document's
    (read by rules tuned on it) DEV_WEIGHT. The rules' proposals and candidates, or (alternatives=True) the
    alternatives only: each has a model of its own (thousands of alternatives, mostly wrong, would pull the shared
    weights of a single model away from the rules' acts)."""
    return [(f, y, 1.0 if kind == "first" else DEV_WEIGHT) for rows, gold, kind in items
            for (f, _, cand), y in zip(rows, labelled(rows, gold)) if is_alternative(cand) == alternatives]


def probabilities(rows, w, alt_w):
    from qorgau.documents.extract import acceptance

    return [acceptance.probability(f, alt_w if is_alternative(cand) else w) for f, _, cand in rows]


def fit_act_model(docs_rows):
    """The act model trained on `docs_rows` ({fold: [(rows, gold, kind)]}), with the thresholds an inner grouped CV
    over those folds found best: acts F1 pooled over the held-out first runs (the rules on text they had not seen:
    what an unseen document meets); on a tie, the lower drop threshold, and no candidates rather than some."""
    from qorgau.documents.evaluation import Score

    held_out = []  # (rows, gold, kind, probabilities by a model trained without the row's fold)
    chunks = [sorted(docs_rows)[i::INNER_FOLDS] for i in range(INNER_FOLDS)]  # folds taken in turn (time)
    for held in chunks:
        train = [x for fold, items in docs_rows.items() if fold not in held for x in items]
        w = fit_acts(examples(train))
        alt_w = fit_acts(examples(train, True)) if ALTERNATIVES else {}
        held_out += [(rows, gold, kind, probabilities(rows, w, alt_w))
                     for fold in held for rows, gold, kind in docs_rows[fold]]
    judged = [h for h in held_out if h[2] == "first"] or held_out

    def f1(threshold, candidate_threshold, alternative_threshold=1.01, on=judged):
        total = Score()
        for rows, gold, _, probs in on:
            total.add(act_score(kept_triples(rows, probs, threshold, candidate_threshold, alternative_threshold), gold))
        return total.f1

    threshold = max(THRESHOLDS, key=lambda t: (round(f1(t, 1.01), 6), -t))
    candidate = max(CANDIDATE_THRESHOLDS, key=lambda c: (round(f1(threshold, c), 6), c))
    alternative = max(ALTERNATIVE_THRESHOLDS if ALTERNATIVES else (1.01,),
                      key=lambda a: (round(f1(threshold, candidate, a), 6), a))
    everything = [x for items in docs_rows.values() for x in items]
    w = fit_acts(examples(everything))
    alt_w = fit_acts(examples(everything, True)) if ALTERNATIVES and alternative <= 1 else {}
    return {"weights": w, "alternative_weights": alt_w, "threshold": threshold, "candidate_threshold": candidate, "alternative_threshold": alternative,
            "inner_f1": {"rules": round(f1(0.0, 1.01), 4), "chosen": round(f1(threshold, candidate, alternative), 4)}}


# ---- data and cross-validation -----------------------------------------------------------------------------------

FIRST_RUNS = EVALUATION / "first-runs.json.gz"
# The act model is written beside the one the layer reads (models/acts.json): switching it on is a decision of its own
# (docs/documents.md), not a side effect of retraining the date chooser.
ACTS_FILE = "acts-trained.json"


def first_runs(path=FIRST_RUNS):
    """[(fold, entry, None, [], None, captured, "first")]: each dev round's documents as the rules of the round's own
    commit read them, before any rule was written for them (tools/first_runs.py) — the proposals the rules make on
    unseen text. Their fold is their annotation file's (a document and its first run are never in two folds)."""
    import dataclasses
    import gzip

    from qorgau.documents.extract.spans import DateRef, Mention, Proposal

    if not Path(path).exists():
        return []

    def build(cls, data):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    docs = []
    for item in json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8")):
        proposals = [build(Proposal, p) for p in item["proposals"]]
        for p in proposals:
            p.provisions = [tuple(x) for x in p.provisions]
        captured = [(item["text"], proposals, [build(DateRef, d) for d in item["dates"]],
                     [build(Mention, m) for m in item["mentions"]], item["published"])]
        docs.append((item["part"], item["entry"], None, [], None, captured, "first"))
    return docs


def collect(language=None, with_first_runs=True):
    """[(fold, entry, canonical, date groups, rules' scores, captured, "dev")] for every readable document, and the
    first runs of the dev rounds (kind "first")."""
    docs = []
    for fold, entries, corpus in sources():
        for entry in entries:
            if language and entry.get("language") != language:
                continue
            canonical = read(entry, corpus)
            if canonical is None:
                continue
            scores, captured = run(canonical, entry)
            docs.append((fold, entry, canonical, groups_of(entry, captured), scores, captured, "dev"))
    if with_first_runs:
        docs += [d for d in first_runs() if not language or d[1].get("language") == language]
    return docs


def add(totals, key, scores):
    from qorgau.documents.evaluation import Score

    for kind, s in scores.items():
        totals[key].setdefault(kind, Score()).add(s)


def table(columns, title):
    print(f"\n{title}")
    names = list(columns)
    print("| set | " + " | ".join(f"acts P/R {n}" for n in names) + " | " +
          " | ".join(f"TP/FP/FN {n}" for n in names) + " |")
    print("|---|" + "---|" * (2 * len(names)))
    for key in sorted(columns[names[0]]):
        cells = [columns[n][key]["acts"] for n in names]
        print(f"| {key} | " + " | ".join(f"{c.precision:.3f}/{c.recall:.3f}" for c in cells) + " | " +
              " | ".join(f"{c.tp}/{c.fp}/{c.fn}" for c in cells) + " |")


def folds_of(docs):
    folds = defaultdict(list)
    for doc in docs:
        folds[doc[0]] += doc[3]
    return dict(sorted(folds.items()))


def rows_by_fold(docs, date_w):
    out = defaultdict(list)
    for doc in docs:
        out[doc[0]].append((*act_rows(doc, date_w), doc[6]))
    return dict(sorted(out.items()))


def train(docs):
    """(date weights, act model) trained on `docs`."""
    date_w, gains = fit_gated(folds_of(docs))
    act_model = fit_act_model(rows_by_fold(docs, date_w))
    return date_w, gains, act_model


def apply(doc, date_w, act_model):
    """acts Score of one document with the date chooser and the act layer (given models)."""
    rows, gold = act_rows(doc, date_w)
    probs = probabilities(rows, act_model["weights"], act_model.get("alternative_weights", {}))
    return act_score(kept_triples(rows, probs, act_model["threshold"], act_model["candidate_threshold"],
                                  act_model.get("alternative_threshold", 1.01)), gold), \
        act_score({t for _, t, cand in rows if not cand}, gold)


def cross_validate(docs, only=None, dump=None):
    """Each fold (a round of documents: a gold part file with its first runs; the corpus) scored with an act model
    trained on the other folds only. The date chooser is the written one (models/dates.json: its own grouped CV is
    the session-7 table in docs/documents.md, a change of one act either way), so each document's proposals are
    described once."""
    from qorgau.documents.evaluation import Score
    from qorgau.documents.extract import learned

    date_w = learned.weights(learned.DATE_MODEL) or None
    all_rows = rows_by_fold(docs, date_w)
    columns = {"rules": defaultdict(dict), "rules+dates": defaultdict(dict), "rules+dates+acts": defaultdict(dict)}
    for fold in all_rows:
        if only and fold not in only:
            continue
        act_model = fit_act_model({f: items for f, items in all_rows.items() if f != fold})
        print(f"fold {fold}: act threshold {act_model['threshold']}, candidate threshold "
              f"{act_model['candidate_threshold']}, alternative threshold {act_model['alternative_threshold']} "
              f"(inner F1 {act_model['inner_f1']})", flush=True)
        held = [d for d in docs if d[0] == fold]
        for doc, (rows, gold, kind) in zip(held, all_rows[fold]):
            entry = doc[1]
            probs = probabilities(rows, act_model["weights"], act_model["alternative_weights"])
            both = act_score(kept_triples(rows, probs, act_model["threshold"], act_model["candidate_threshold"],
                                          act_model["alternative_threshold"]), gold)
            dates_only = act_score({t for _, t, cand in rows if not cand}, gold)
            rules = act_score({t for _, t, cand in act_rows(doc, None)[0] if not cand}, gold)
            name = "first run" if kind == "first" else "dev"
            for key in (f"{name}: fold {fold}", f"{name}: lang {entry.get('language', 'en')}", f"{name}: all"):
                for column, score in (("rules", rules), ("rules+dates", dates_only), ("rules+dates+acts", both)):
                    columns[column][key].setdefault("acts", Score()).add(score)
    table(columns, "Grouped cross-validation by document round (the act model of each fold trained on the others)")
    if dump:  # (--folds in several processes: their counts, to be added up)
        Path(dump).write_text(json.dumps({c: {k: [v["acts"].tp, v["acts"].fp, v["acts"].fn] for k, v in keys.items()}
                                          for c, keys in columns.items()}))


def score_other(gold_path, corpus, date_w, act_model):
    from qorgau.documents.evaluation import Score

    columns = {"rules": defaultdict(dict), "rules+dates+acts": defaultdict(dict)}
    for entry in json.loads(Path(gold_path).read_text(encoding="utf-8"))["documents"]:
        canonical = read(entry, corpus)
        if canonical is None:
            continue
        scores, captured = run(canonical, entry)
        doc = ("other", entry, canonical, [], scores, captured, "other")
        both, _ = apply(doc, date_w, act_model)
        for key in (entry["file"], f"lang {entry.get('language', 'en')}", "all"):
            columns["rules"][key].setdefault("acts", Score()).add(scores["acts"])
            columns["rules+dates+acts"][key].setdefault("acts", Score()).add(both)
    table(columns, f"{gold_path}: rules vs rules + learned (models as written)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="grouped cross-validation by round; writes nothing")
    parser.add_argument("--score-gold", help="score another annotation file (fresh documents) with the written models")
    parser.add_argument("--corpus", help="the folder of --score-gold's documents")
    parser.add_argument("--extra", nargs=2, action="append", default=[], metavar=("GOLD", "DIR"),
                        help="also train on this annotation file's documents (a fold of its own)")
    parser.add_argument("--folds", help="--cv: only these folds (comma-separated), e.g. to share the work")
    parser.add_argument("--dump", help="--cv: also write the counts as JSON to this file")
    parser.add_argument("--out", default=None, help="folder for the weights (default: extract/models/)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    import django

    django.setup()
    from qorgau.documents.extract import acceptance, learned

    out = Path(args.out) if args.out else learned.MODELS
    if args.score_gold:
        if "test" in Path(args.score_gold).name:
            parser.error("never the test split")
        date_w, act_model = learned.weights(out / "dates.json"), acceptance.model(out / ACTS_FILE)
        if not date_w or not act_model:
            parser.error("no weights: train first")
        score_other(args.score_gold, args.corpus or EVALUATION / "genres" / "dev", date_w, act_model)
        return
    EXTRA.extend(args.extra)
    if any("test" in Path(gold).name for gold, _ in EXTRA):
        parser.error("never the test split")
    docs = collect()
    if args.cv:
        cross_validate(docs, set(args.folds.split(",")) if args.folds else None, args.dump)
        return
    date_w, gains, act_model = train(docs)
    trained_on = sorted({d[0] for d in docs})
    groups = [g for d in docs for g in d[3]]
    print(f"date margin {date_w['_margin']} (inner net gains {gains})")
    out.mkdir(parents=True, exist_ok=True)
    (out / "dates.json").write_text(json.dumps({
        "model": "date chooser: conditional logit over each act's candidate dates (tools/train_extraction.py)",
        "trained_on": trained_on, "documents": len(docs), "acts": len(groups),
        "l2": L2, "steps": STEPS, "margin_gains": {str(k): v for k, v in gains.items()},
        "weights": dict(sorted(date_w.items())),
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    rows = sum(len(r) for items in rows_by_fold(docs, date_w).values() for r, _, _ in items)
    (out / ACTS_FILE).write_text(json.dumps({
        "model": "act layer: logistic model of an act proposal being a gold act (tools/train_extraction.py)",
        "trained_on": trained_on, "documents": len(docs), "proposals": rows, "l2": ACT_L2, "steps": ACT_STEPS,
        "threshold": act_model["threshold"], "candidate_threshold": act_model["candidate_threshold"],
        "alternative_threshold": act_model["alternative_threshold"],
        "inner_f1": act_model["inner_f1"], "weights": dict(sorted(act_model["weights"].items())),
        "alternative_weights": dict(sorted(act_model["alternative_weights"].items())),
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(date_w)} date weights from {len(groups)} acts, {len(act_model['weights'])} act weights from "
          f"{rows} proposals of {len(docs)} documents; act threshold {act_model['threshold']}, candidate threshold "
          f"{act_model['candidate_threshold']}, alternative threshold {act_model['alternative_threshold']} (inner F1 {act_model['inner_f1']})")


if __name__ == "__main__":
    main()
