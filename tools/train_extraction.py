"""Train the learned layer over the act rules (qorgau/documents/extract/learned.py) and measure it honestly.

    python tools/train_extraction.py                 # train on dev + corpus, write extract/models/dates.json
    python tools/train_extraction.py --cv            # grouped cross-validation by document round (no file written)
    python tools/train_extraction.py --score-gold tests/evaluation/gold-dev-h17-ru.json \\
        --corpus tests/evaluation/genres/dev         # rules vs rules + learned on other documents (fresh rounds)

Training data: every act the rules propose on the annotated dev documents (tests/evaluation/gold-dev*.json) and the
corpus (tests/evaluation/gold.json, when ../shared/corpus or $QORGAU_CORPUS is there) whose victim and act group the
gold has; its candidates (learned.candidates) are labelled by the gold's dates for that victim and group (the
candidate equal to a gold date, else one agreeing as a partial date). The model is a conditional logit over each
act's candidates (softmax, L2), fitted by full-batch gradient descent with numpy: deterministic, a few seconds.
Never reads the test split.
"""

import argparse
import json
import os
import sys
from collections import defaultdict
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


def run(canonical, entry, learned_on, weights=None):
    """score_document's {kind: Score}, with the layer on (given weights) or off; also the captured inputs."""
    from qorgau.documents import evaluation
    from qorgau.documents.extract import learned

    os.environ["QORGAU_LEARNED"] = "1" if learned_on else "0"
    learned.override, learned.capture = weights, []
    try:
        found = {}
        scores = evaluation.score_document(canonical.text, entry, entry.get("published", ""),
                                           footnotes=canonical.footnotes, markers=canonical.markers, found=found)
        captured = learned.capture
        # The score lets a month agree with a day of it; also count the gold acts predicted with the exact date.
        resolve = evaluation._resolver(entry["persons"])
        predicted = {(resolve(p.victims[0]) or p.victims[0], evaluation.GROUP_OF.get(p.act_type, ""),
                      f"{p.date}/{p.date_end}" if p.date and p.date_end else p.date)
                     for p in found["proposals"] if p.kind == "act" and p.victims}
        gold = {(a["victim"], a["group"], a["date"] or "") for a in entry["acts"]}
        scores["exact"] = evaluation.Score(len(gold & predicted), 0, len(gold - predicted))
    finally:
        learned.override, learned.capture = None, None
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


def collect(language=None):
    """[(fold, entry, canonical, groups, rules' scores)] for every readable document."""
    docs = []
    for fold, entries, corpus in sources():
        for entry in entries:
            if language and entry.get("language") != language:
                continue
            canonical = read(entry, corpus)
            if canonical is None:
                continue
            scores, captured = run(canonical, entry, learned_on=False)
            docs.append((fold, entry, canonical, groups_of(entry, captured), scores))
    return docs


def add(totals, key, scores):
    from qorgau.documents.evaluation import Score

    for kind, s in scores.items():
        totals[key].setdefault(kind, Score()).add(s)


def table(rules, both, title):
    print(f"\n{title}")
    print("| set | acts P/R rules | acts P/R rules+learned | TP/FP/FN rules | TP/FP/FN rules+learned | "
          "exact-date hits rules | rules+learned |")
    print("|---|---|---|---|---|---|---|")
    for key in sorted(rules):
        a, b = rules[key]["acts"], both[key]["acts"]
        print(f"| {key} | {a.precision:.3f}/{a.recall:.3f} | {b.precision:.3f}/{b.recall:.3f} | "
              f"{a.tp}/{a.fp}/{a.fn} | {b.tp}/{b.fp}/{b.fn} | {rules[key]['exact'].tp} | {both[key]['exact'].tp} |")


def folds_of(docs):
    folds = defaultdict(list)
    for fold, _, _, groups, _ in docs:
        folds[fold] += groups
    return dict(sorted(folds.items()))


def cross_validate(docs):
    """Each fold (a round of documents) scored with a model trained on the other folds."""
    rules, both = defaultdict(dict), defaultdict(dict)
    folds = sorted({d[0] for d in docs})
    for fold in folds:
        w, gains = fit_gated(folds_of([d for d in docs if d[0] != fold]))
        print(f"fold {fold}: margin {w['_margin']} (inner net gains {gains})", flush=True)
        for f, entry, canonical, _, scores in docs:
            if f != fold:
                continue
            learned_scores, _ = run(canonical, entry, learned_on=True, weights=w)
            for key in (f"fold {fold}", f"lang {entry.get('language', 'en')}", "all"):
                add(rules, key, scores)
                add(both, key, learned_scores)
    table(rules, both, "Grouped cross-validation by document round (each fold scored by a model trained on the others)")


def score_other(gold_path, corpus, w):
    rules, both = defaultdict(dict), defaultdict(dict)
    for entry in json.loads(Path(gold_path).read_text(encoding="utf-8"))["documents"]:
        canonical = read(entry, corpus)
        if canonical is None:
            continue
        scores, _ = run(canonical, entry, learned_on=False)
        learned_scores, _ = run(canonical, entry, learned_on=True, weights=w)
        for key in (entry["file"], f"lang {entry.get('language', 'en')}", "all"):
            add(rules, key, scores)
            add(both, key, learned_scores)
    table(rules, both, f"{gold_path}: rules vs rules + learned (model trained on dev + corpus)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="grouped cross-validation by round; writes nothing")
    parser.add_argument("--score-gold", help="score another annotation file (fresh documents) with the written model")
    parser.add_argument("--corpus", help="the folder of --score-gold's documents")
    parser.add_argument("--extra", nargs=2, action="append", default=[], metavar=("GOLD", "DIR"),
                        help="also train on this annotation file's documents (a fold of its own)")
    parser.add_argument("--out", default=None, help="where to write the weights (default: extract/models/dates.json)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    import django

    django.setup()
    from qorgau.documents.extract import learned

    if args.score_gold:
        if "test" in Path(args.score_gold).name:
            parser.error("never the test split")
        w = learned.weights(args.out)
        if not w:
            parser.error("no weights: train first")
        score_other(args.score_gold, args.corpus or EVALUATION / "genres" / "dev", w)
        return
    EXTRA.extend(args.extra)
    if any("test" in Path(gold).name for gold, _ in EXTRA):
        parser.error("never the test split")
    docs = collect()
    if args.cv:
        cross_validate(docs)
        return
    groups = [g for d in docs for g in d[3]]
    w, gains = fit_gated(folds_of(docs))
    print(f"margin {w['_margin']} (inner net gains {gains})")
    out = Path(args.out or learned.DATE_MODEL)
    out.write_text(json.dumps({
        "model": "date chooser: conditional logit over each act's candidate dates (tools/train_extraction.py)",
        "trained_on": sorted({d[0] for d in docs}), "documents": len(docs), "acts": len(groups),
        "l2": L2, "steps": STEPS, "margin_gains": {str(k): v for k, v in gains.items()},
        "weights": dict(sorted(w.items())),
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(w)} weights from {len(groups)} acts of {len(docs)} documents")


if __name__ == "__main__":
    main()
