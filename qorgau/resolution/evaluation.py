"""Scoring the resolver on labelled pairs of names: pairwise precision, recall, F1, wrong merges, queue recall.

Pairs are read from every `*pairs*.tsv` in tests/evaluation/: tab-separated, the two names first, then a label
(same/different, also 1/0, yes/no, match/non-match) and a split (dev/test). A file without a split column gets one
from a hash of the pair. A pair is *merged* when the name score reaches the automatic threshold, *queued* when it
reaches the review threshold. Queue recall: the share of true pairs merged or queued (what a reviewer will see).

`fit()` estimates the weights of the name evidence from the dev split only: for each feature level, m = its share
among same pairs, u = its share among different pairs (add-one smoothed), weight = log2(m/u).
"""

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from qorgau.documents.evaluation import Score

from qorgau.lib.personnames import compare_weights, parse

SAME = {"same", "1", "yes", "true", "match", "y"}
DIFFERENT = {"different", "0", "no", "false", "non-match", "nonmatch", "n", "distinct"}


@dataclass
class PairScore(Score):
    """Pairwise counts: the extraction scorer's, plus true negatives and how many true pairs were at least queued."""

    tn: int = 0
    queued_true: int = 0
    true: int = 0

    @property
    def precision(self):
        # No merge at all is no wrong merge: precision 1 (the extraction scorer says 0 for no prediction).
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def queue_recall(self):
        return self.queued_true / self.true if self.true else 0.0


def read_pairs(paths):
    """[(left, right, same?, split, kind, file)] from the files; bad lines are skipped and counted."""
    pairs, skipped = [], 0
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            label = next((c.lower() for c in cells[2:] if c.lower() in SAME | DIFFERENT), None)
            if cells[0].lower() in {"left", "name_a"}:
                continue
            if len(cells) < 3 or label is None:
                skipped += 1
                continue
            split = next((c.lower() for c in cells[2:] if c.lower() in {"dev", "test"}), None)
            if split is None:
                split = "test" if int(hashlib.sha1((cells[0] + "|" + cells[1]).encode()).hexdigest(), 16) % 2 else "dev"
            kind = cells[4] if len(cells) > 4 and cells[4] not in {split} else ""
            pairs.append((cells[0], cells[1], label in SAME, split, kind, Path(path).name))
    return pairs, skipped


def default_paths(directory="tests/evaluation"):
    return sorted(Path(directory).glob("*pairs*.tsv"))


def evaluate_pairs(pairs, *, auto=None, review=None, score=None):
    """{split: PairScore} and the mistakes [(split, left, right, label, p, kind)]."""
    from .scoring import AUTO, REVIEW, pair_probability

    auto = AUTO if auto is None else auto
    review = REVIEW if review is None else review
    score = score or pair_probability
    results, mistakes = {}, []
    for left, right, same, split, kind, _file in pairs:
        s = results.setdefault(split, PairScore())
        p = score(left, right)
        merged, queued = p >= auto, p >= review
        s.tp += merged and same
        s.fp += merged and not same
        s.fn += same and not merged
        s.tn += not same and not merged
        s.true += same
        s.queued_true += same and queued
        if (merged and not same) or (same and not queued):
            mistakes.append((split, left, right, "same" if same else "different", round(p, 3), kind))
    return results, mistakes


def fit(pairs, split="dev"):
    """{feature level: (m, u, weight in bits)} estimated from one split's labelled pairs."""
    same_counts, diff_counts, n_same, n_diff = Counter(), Counter(), 0, 0
    for left, right, same, pair_split, _kind, _file in pairs:
        if pair_split != split:
            continue
        levels = {feature for feature, _w, _d in compare_weights(parse(left), parse(right))[1:]}
        if same:
            n_same += 1
            same_counts.update(levels)
        else:
            n_diff += 1
            diff_counts.update(levels)
    out = {}
    for level in sorted(set(same_counts) | set(diff_counts)):
        m = (same_counts[level] + 1) / (n_same + 2)
        u = (diff_counts[level] + 1) / (n_diff + 2)
        out[level] = (round(m, 3), round(u, 3), round(math.log2(m / u), 1))
    return out


def by_kind(pairs, split="dev", *, auto=None, review=None):
    """{kind: [true pairs, merged, queued, different pairs, wrong merges]} for one split (the dev split: the kind
    column says which spelling or which relatives a pair shows, so failures can be counted by kind)."""
    from .scoring import AUTO, REVIEW, pair_probability

    auto = AUTO if auto is None else auto
    review = REVIEW if review is None else review
    out = {}
    for left, right, same, pair_split, kind, _file in pairs:
        if pair_split != split:
            continue
        row = out.setdefault(kind or "-", [0, 0, 0, 0, 0])
        p = pair_probability(left, right)
        if same:
            row[0] += 1
            row[1] += p >= auto
            row[2] += p >= review
        else:
            row[3] += 1
            row[4] += p >= auto
    return dict(sorted(out.items()))
