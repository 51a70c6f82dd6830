"""Linking a large list (a million records) in one process with numpy and rapidfuzz: several blocking passes,
vectorised scoring with the context records carry, and clustering that refuses to chain.

    from qorgau.resolution.bulk import link
    clusters = link(records)          # {record id (str): cluster id}

`records` is any iterable of {id, name, birth_year?, place?}. The steps:

1. **Features.** Each distinct name is parsed once by our name keys (qorgau.lib.personnames.parse): family key,
   given key (its nominative where a Russian form was declined), the given name's initial (or a written initial),
   patronymic key, gender. Names and places become integer codes; a record is a row of small integers.
2. **Blocking** (`PASSES`): each pass sorts the records by a key and pairs the records that share it, at most
   `WINDOW` places apart in the sort (a sorted neighbourhood inside each block, so a huge block — a common name
   without a year — costs N·WINDOW, never N²). The keys are chosen so that every kind of variant meets its other
   records in some pass: the same folded family name with the same initial and year or place (initials, spellings,
   declension), the family name's first or last letters with the initial and year (a typo, a typo with an initial),
   the given name with the family name's first or last letters and the place (a typo and no year), the two name
   words in either order (a family name written first without capitals), the patronymic. Pairs from all passes are
   united and deduplicated.
3. **Scoring** (`score`): Fellegi–Sunter weights in bits, computed over arrays. Family and given names: exact
   (weighted by how common the name is in this list: agreeing on a rare family name says more), one edit (a typo),
   one edit between two family names each common in the list (Nurgalieva / Turgalieva: two families), two edits,
   else; a given name against a given name, or initial against initial where a side has only that; birth year exact / ±1 / different; place; patronymic; gender. The
   chance agreements (u) are measured on random pairs of the list itself; the m values are set (table `M`). The
   prior is the list's own: pairs agreeing on every key, counted among the candidates, over all pairs.
4. **Clustering** (`cluster`): pairs above the match probability are merged strongest first (union-find), and a
   merge is refused when the two groups would hold birth years more than a year apart, two patronymics or two
   different full given names (gender only weighs: a declined man's name, "Аскара Сагындыкова", ends like a woman's). So an initial-only record ("A. Esbaev") cannot bridge Aidos and
   Arman Esbaev, and a record without a year cannot chain two namesakes born years apart.

Memory: a few arrays of N small integers plus the candidate pairs (int64); a million records stay near 1–2 GB.
"""

import gc
import math
import re
import time

import numpy as np
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cpdist

from qorgau.lib.personnames import parse

# parse() without its cache: a list's distinct names are each parsed once here, and keeping hundreds of thousands of
# parsed names in parse's cache would only cost memory (its word-level caches still serve every name).
_parse_uncached = getattr(parse, "__wrapped__", parse)

WINDOW = 12
COMMON = 5        # a family key in this many distinct names of the list is a family, not a typo
THRESHOLD = None   # None: the calibrated threshold below; else a match probability
# The threshold, calibrated: the offset in bits from match probability 0.5 (log2 odds) at which clusters of a labelled
# generated list of ANOTHER seed than the benchmark's (11, realistic names, guard on) reach precision 0.97, by list
# size (`python benchmarks/linking.py --calibrate SIZE --target 0.97`), with CORRECTIONS (session 8): 10,000 records
# -4 bits (precision 0.989, the lowest offset tried), 100,000 records -1.5 bits (0.971; session 7, before the
# corrections: -2), a million records 0 (recalibrated with the corrections in session 9 for precision 0.95: 0.953,
# recall 0.841; -0.5 bits gives 0.945 / 0.853; see docs/benchmarks.md, session 9). Between sizes interpolated
# in log size, outside them the nearest.
# The model's posteriors are conservative (clusters more precise than its own estimate), the more so in a short list.
# Session 10: a million records with the corrections fitted there (CORRECTIONS_1M), seed 11: -0.5 bits 0.946 /
# 0.858, -0.25 0.949 / 0.852, 0 0.953 / 0.846 -- 0 is still the lowest reaching 0.95.
CALIBRATED = ((10_000, -4.0), (100_000, -1.5), (1_000_000, 0.0))
GUARD_MARGIN = 6.0  # two records whose own pair weighs this many bits under even odds never share a cluster
INITIAL_FOLD = {"y": "e", "i": "e", "j": "z", "q": "k"}
PATRONYMIC_END = re.compile(r"(?:ovich|evich|ovna|evna|ichna|uli|kizi)$")

# (name, key columns, columns the block is sorted by, window). Column names are the feature arrays below; "famc" is
# the family key with a one-letter typo corrected to the commonest key a letter away, "famr" sorts by the reversed
# key (names alike in their last letters side by side), codes sort alphabetically.
PASSES = [
    ("family+initial+year", ("famc", "ini", "year"), ("giv", "place"), WINDOW),
    ("family+initial+place", ("famc", "ini", "place"), ("year", "giv"), WINDOW),
    ("family+given", ("famc", "giv"), ("place", "year"), WINDOW),
    ("family+initial", ("famc", "ini"), ("year", "place"), WINDOW),
    ("family head+initial+year", ("fam3", "ini", "year"), ("fam", "place"), WINDOW),
    ("family tail+initial+year", ("famt", "ini", "year"), ("famr", "place"), WINDOW),
    ("family head+initial+place", ("fam3", "ini", "place"), ("fam", "year"), WINDOW),
    ("family tail+initial+place", ("famt", "ini", "place"), ("famr", "year"), WINDOW),
    ("family head+tail+initial", ("fam3", "famt", "ini"), ("year", "place"), WINDOW),
    ("initial+year+place", ("ini", "year", "place"), ("fam",), WINDOW),
    ("initial+year+place, family reversed", ("ini", "year", "place"), ("famr",), WINDOW),
    ("given+family head+place", ("giv", "fam2", "place"), ("fam", "year"), WINDOW),
    ("given+family tail+place", ("giv", "famt", "place"), ("famr", "year"), WINDOW),
    ("name words in either order", ("pair",), ("place", "year"), WINDOW),
    ("patronymic+family head", ("pat", "fam3"), ("giv", "year"), WINDOW),
]
# Passes for the records without a birth year (`anchored_pairs`): (name, key columns, sort, how far on in the block).
ANCHORED = [
    ("year missing: family+initial", ("famc", "ini"), ("place", "giv"), 150),
]

# m: how often one person's two records agree at each level. Fitted on a labelled generated list (200,000 records,
# seed 11 -- not the benchmark's seed: `python benchmarks/linking.py --fit-m 200000`) and floored at 1% per level,
# because the generator never mistypes a year, a patronymic or an initial and real lists do.
M = {
    "fam": [0.72, 0.22, 0.012, 0.047, 0.004],  # exact, one edit (a typo), one edit (two names), two edits, else
    "giv": [0.97, 0.027, 0.01],              # both given names written: exact, one edit, else
    "ini": [0.99, 0.01],                     # an initial on one side (or both): initials agree, differ
    "year": [0.98, 0.01, 0.01],              # exact, ±1, else
    "place": [0.83, 0.17],                   # same, different
    "pat": [0.99, 0.01],                     # same, different
    "gender": [0.96, 0.04],                  # same, different (a declined -ова reads as a woman's name)
}
# Corrections in bits added to the Fellegi-Sunter weight for some levels and combinations (`correction_features`),
# fitted on a labelled generated list of ANOTHER seed than the benchmark's (11, 100,000 records: `python
# benchmarks/linking.py --fit-corrections 100000`): a logistic regression of "one person" on the weight and these
# indicators over the candidate pairs from 8 bits under to 6 bits over the threshold, each indicator's coefficient
# divided by the weight's. Why the weight alone is not enough: it treats name, year and place as independent, but the
# records that compete with a person's own are mostly relatives and namesakes of the same family name, who share a
# birth year (siblings born a few years apart) and a city far more often than two random records -- so agreeing on
# year and place says less than u measured on random pairs claims, and a pair without a year, or in another city,
# is under-scored by comparison. Only levels that real lists have too are corrected: years a year or more apart,
# two patronymics and gender keep their weights (the generator never mistypes a year; real lists do).
CORRECTIONS = {
    "year missing": 2.10,
    "place differs": 1.38,
    "initial only": -0.20,
    "family typo": 0.67,
    "family: two names a letter apart": -2.98,
    "family two edits": -1.20,
    "family differs": -3.22,
    "given one edit": -1.38,
    "patronymic on one side": -0.26,
    "gender differs": 0.37,
    "same year and place": 1.47,
    "initial only, year missing": -1.22,
    "initial only, family typo": -0.54,
}
# The corrections by list size (session 9): the competitors of a person's records change with the list's size -- in
# a short list mostly relatives, in a million records mostly unrelated namesakes -- so the corrections are fitted per
# size (`--fit-corrections SIZE`, seed 11) and interpolated in log size between the sizes fitted, the nearest outside
# them. (100,000: session 8's, above.)
# A million records (session 10): fitted on seed 11 at 1,000,000 records (`python benchmarks/linking.py
# --fit-corrections 1000000`, 919,231 candidate pairs in the band; 370 s CPU, 3.2 GB). Against the 100,000-record
# table, agreeing on year and place says as little (competitors are namesakes here too), a one-edit given name is
# no longer held against a pair (+0.74: at a million, typos outnumber namesakes a letter apart), and two common
# family names a letter apart weigh less against (-0.51): the frequency weights already mark them.
CORRECTIONS_1M = {
    "year missing": 1.14,
    "place differs": 1.15,
    "initial only": 0.96,
    "family typo": -0.14,
    "family: two names a letter apart": -0.51,
    "family two edits": -1.31,
    "family differs": -2.53,
    "given one edit": 0.74,
    "patronymic on one side": -0.28,
    "gender differs": 0.53,
    "same year and place": 1.07,
    "initial only, year missing": -1.21,
    "initial only, family typo": -0.08,
    "initial only, place differs": -1.12,
    "family typo, year missing": 0.19,
    "family typo, place differs": 0.82,
    "initial only, family typo, year missing": 1.03,
}
CORRECTIONS_BY_SIZE = ((100_000, CORRECTIONS), (1_000_000, CORRECTIONS_1M))
# u for a short list, where random pairs say little about chance agreement (below SHORT records).
SHORT = 1000
U = {
    "fam": [0.002, 0.002, 0.002, 0.01, 0.984],
    "giv": [0.02, 0.01, 0.97],
    "ini": [0.08, 0.92],
    "year": [0.02, 0.04, 0.94],
    "place": [0.1, 0.9],
    "pat": [0.01, 0.99],
    "gender": [0.5, 0.5],
}


def _codes(values):
    """Strings -> integer codes (-1 for the empty string) and the vocabulary, in alphabetical order: sorting records
    by a code sorts them by the string, so a sorted neighbourhood brings Tolkizhaev beside Tolkozhaev."""
    vocab = sorted(set(values) - {""})
    index = {value: i for i, value in enumerate(vocab)}
    out = np.fromiter((index.get(value, -1) for value in values), np.int32, len(values))
    return out, vocab


def _name_features(name):
    parsed = _parse_uncached(name)
    given = (parsed.given_nominative or parsed.given or [""])[0]
    # The initial as written (Юлия, Yuliia and Y. all give y -> e), else the given key's first letter.
    initial = (parsed.given_firsts or [""])[0] or given[:1] or (parsed.initials[0] if parsed.initials else "")
    initial = INITIAL_FOLD.get(initial, initial)
    patronymic = PATRONYMIC_END.sub("", parsed.patronymic or "")
    return parsed.family, given, initial, patronymic, parsed.gender


class Features:
    """The list as arrays: one row per record, name parts as codes into vocabularies."""

    def __init__(self, records):
        ids, name_of, names, years, places, place_codes = [], [], {}, [], [], {}
        for record in records:
            ids.append(str(record["id"]))
            name_of.append(names.setdefault(record.get("name") or "", len(names)))
            year = record.get("birth_year")
            try:
                years.append(int(year) if year not in (None, "") else 0)
            except (TypeError, ValueError):
                years.append(0)
            place = (record.get("place") or "").strip().casefold()
            places.append(place_codes.setdefault(place, len(place_codes)) if place else -1)
        self.ids = ids
        self.n = len(ids)
        unique = [_name_features(name) for name in names]
        del names
        fam, giv, ini, pat, gender = zip(*unique) if unique else ((),) * 5
        fam_c, self.fam_vocab = _codes(fam)
        giv_c, self.giv_vocab = _codes(giv)
        pat_c, self.pat_vocab = _codes(pat)
        counts = np.bincount(fam_c[fam_c >= 0], minlength=len(self.fam_vocab))
        self.fam_count = np.append(counts, 0)    # distinct names per family key (index -1: none)
        corrected = _typo_corrections(self.fam_vocab, counts)
        columns = {
            "fam": fam_c, "giv": giv_c, "pat": pat_c,
            "famc": np.where(fam_c >= 0, np.append(corrected, -1)[fam_c], -1).astype(np.int32),
            "famr": _codes([f[::-1] for f in fam])[0],
            "ini": _codes(ini)[0],
            "gender": _codes(gender)[0],
            "fam2": _codes([f[:2] for f in fam])[0],
            "fam3": _codes([f[:3] for f in fam])[0],
            "famt": _codes([f[-3:] if len(f) >= 5 else "" for f in fam])[0],
            "pair": _codes(["|".join(sorted((f, g))) if f and g else "" for f, g in zip(fam, giv)])[0],
        }
        famc = [self.fam_vocab[c] if c >= 0 else "" for c in columns["famc"]]
        columns["name"] = _codes([f + "|" + g if f and g else "" for f, g in zip(famc, giv)])[0]
        columns["famini"] = _codes([f + "|" + i if f and i else "" for f, i in zip(famc, ini)])[0]
        columns["famcount"] = np.asarray(columns["famc"])   # the corrected family, for its share of the list
        name_of = np.asarray(name_of, np.int32)
        self.col = {key: values[name_of] for key, values in columns.items()}
        self.col["year"] = np.asarray(years, np.int32)
        self.col["year"][self.col["year"] == 0] = -1
        self.col["place"] = np.asarray(places, np.int32)


def _typo_corrections(vocab, counts, factor=2):
    """For each family key, the commonest key one edit away (a letter dropped, added or replaced) if that one is at
    least `factor` times as common, else itself: "ivaeov" -> "ivanov". Found through the keys' one-letter deletions
    (two keys one edit apart share one), over the vocabulary, not the records."""
    by_deletion = {}
    for code, word in enumerate(vocab):
        if len(word) < 4:
            continue
        by_deletion.setdefault(word, []).append(code)
        for i in range(len(word)):
            by_deletion.setdefault(word[:i] + word[i + 1:], []).append(code)
    best = np.arange(len(vocab), dtype=np.int32)
    best_count = counts.astype(np.int64).copy()
    for codes in by_deletion.values():
        if len(codes) < 2:
            continue
        top = max(codes, key=lambda c: counts[c])
        for code in codes:
            if counts[top] >= factor * counts[code] and counts[top] > best_count[code]:
                best[code], best_count[code] = top, counts[top]
    return best


def window_pairs(features, keys, sort_by, window):
    """Pairs of records that share every key column (none missing), at most `window` apart in the block's sort."""
    col = features.col
    valid = np.ones(features.n, bool)
    for key in keys:
        valid &= col[key] >= 0
    idx = np.nonzero(valid)[0]
    sort_by = (sort_by,) if isinstance(sort_by, str) else sort_by
    order = idx[np.lexsort([col[k][idx] for k in reversed(sort_by)] + [col[key][idx] for key in reversed(keys)])]
    return _neighbour_pairs(features, order, keys, window)


def _neighbour_pairs(features, order, keys, reach, first=None):
    """Pair codes (a * n + b, a < b) of records up to `reach` apart in `order` sharing every key column (and, with
    `first`, a boolean per record, only pairs whose earlier record has it)."""
    col = features.col
    found = []
    for distance in range(1, reach + 1):
        a, b = order[:-distance], order[distance:]
        same = np.ones(len(a), bool) if first is None else first[a].copy()
        for key in keys:
            same &= col[key][a] == col[key][b]
        if not same.any():
            break
        a, b = a[same].astype(np.int64), b[same].astype(np.int64)
        found.append(np.minimum(a, b) * features.n + np.maximum(a, b))
    return np.concatenate(found) if found else np.empty(0, np.int64)


def anchored_pairs(features, keys, sort_by, cap):
    """Pairs of a record WITHOUT a birth year with each record sharing every key column, up to `cap` records on in the
    block (the year-less records sort first in their block). A record without a year meets its own person's dated
    records in the year-keyed passes never, and in the others only if it falls within the window of them: in a big
    block (a common family name and initial) the window reaches the block's first dozen records only."""
    col = features.col
    valid = np.ones(features.n, bool)
    for key in keys:
        valid &= col[key] >= 0
    anchor = col["year"] < 0
    idx = np.nonzero(valid)[0]
    sort_by = (sort_by,) if isinstance(sort_by, str) else sort_by
    order = idx[np.lexsort([col[k][idx] for k in reversed(sort_by)] + [~anchor[idx]] +
                           [col[key][idx] for key in reversed(keys)])]
    if not len(order):
        return np.empty(0, np.int64)
    start = np.zeros(len(order), bool)
    start[0] = True
    for key in keys:
        start[1:] |= col[key][order[1:]] != col[key][order[:-1]]
    block = np.cumsum(start) - 1
    with_anchor = np.zeros(block[-1] + 1, bool)
    with_anchor[block[anchor[order]]] = True
    order = order[with_anchor[block]]
    return _neighbour_pairs(features, order, keys, cap, first=anchor)


def _unique(values):
    """Sorted distinct values (a sort and a mask: numpy 2's np.unique is far slower on large int64 arrays)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def candidates(features, passes=PASSES, anchored=None):
    """Candidate pairs of all passes, deduplicated: (left rows, right rows)."""
    anchored = ANCHORED if anchored is None else anchored
    packed, pending, size = np.empty(0, np.int64), [], 0
    for kind, (_name, keys, sort_by, window) in [(window_pairs, p) for p in passes] + \
            [(anchored_pairs, p) for p in anchored]:
        found = _unique(kind(features, keys, sort_by, window))
        pending.append(found)
        size += len(found)
        if size > 4 * max(len(packed), features.n):   # deduplicate as we go: memory stays near the distinct pairs
            packed, pending, size = _unique(np.concatenate([packed] + pending)), [], 0
    if pending:
        packed = _unique(np.concatenate([packed] + pending))
    n = max(features.n, 1)
    return (packed // n).astype(np.int32), (packed % n).astype(np.int32)


def _distances(vocab, a, b):
    """Levenshtein distance between vocabulary entries a[i] and b[i] (codes; -1 = missing -> large)."""
    out = np.full(len(a), 99, np.int32)
    both = (a >= 0) & (b >= 0)
    if not both.any():
        return out
    pairs, inverse = _distinct(a[both], b[both])
    words = np.asarray(vocab, dtype=object)
    scores = cpdist(list(words[pairs[0]]), list(words[pairs[1]]), scorer=Levenshtein.distance, dtype=np.int32)
    out[both] = np.asarray(scores)[inverse]
    return out


def _distinct(a, b):
    """The distinct (a, b) code pairs and, for each input pair, its index among them (one int64 sort, no rows)."""
    packed = a.astype(np.int64) * (int(b.max()) + 1) + b
    distinct, inverse = np.unique(packed, return_inverse=True)
    return np.stack([distinct // (int(b.max()) + 1), distinct % (int(b.max()) + 1)]), inverse.ravel()


def levels(features, left, right):
    """Comparison levels of each pair: a dict of small-integer arrays (-1 = a side is missing)."""
    col = features.col
    fa, fb, ga, gb = col["fam"][left], col["fam"][right], col["giv"][left], col["giv"][right]
    fd = _distances(features.fam_vocab, fa, fb)
    gd = _distances(features.giv_vocab, ga, gb)
    # Name words in either order: "Сабина Марат" and "Marat Sabina" -- compare crosswise where that is closer.
    differ = (fd > 0) | (gd > 0)
    cross_f = _cross(features, np.where(differ, fa, -1), gb)
    cross_g = _cross(features, np.where(differ, ga, -1), fb, given_first=True)
    swap = (cross_f + cross_g) < (np.minimum(fd, 9) + np.minimum(gd, 9))
    fd = np.where(swap, cross_f, fd)
    gd = np.where(swap, cross_g, gd)
    # One edit apart: a typo (one key rare, or the typo-corrected keys agree: "ivaeov" -> "ivanov"), or two names
    # each common in the list (Nurgaliev / Turgaliev: two families, a letter apart) -- far weaker evidence.
    count = features.fam_count
    two_names = ~swap & (col["famc"][left] != col["famc"][right]) & (np.minimum(count[fa], count[fb]) >= COMMON)
    fam = np.select([fd == 0, (fd == 1) & ~two_names, fd == 1, fd == 2], [0, 1, 2, 3], 4)
    fam[(fa < 0) | (fb < 0)] = -1
    has_a, has_b = ga >= 0, gb >= 0
    # A given name against a given name; where a side has only an initial, initial against initial (an agreeing
    # initial is then the evidence: having only an initial is a property of the record, not of the match).
    giv = np.select([gd == 0, gd == 1], [0, 1], 2)
    giv[~(has_a & has_b)] = -1
    ia, ib = col["ini"][left], col["ini"][right]
    ini = np.where(ia == ib, 0, 1)
    ini[(has_a & has_b) | (ia < 0) | (ib < 0)] = -1
    ya, yb = col["year"][left], col["year"][right]
    year = np.select([ya == yb, np.abs(ya - yb) == 1], [0, 1], 2)
    year[(ya < 0) | (yb < 0)] = -1
    pa, pb = col["place"][left], col["place"][right]
    place = np.where(pa == pb, 0, 1)
    place[(pa < 0) | (pb < 0)] = -1
    ta, tb = col["pat"][left], col["pat"][right]
    pd = _distances(features.pat_vocab, ta, tb)
    pat = np.where(pd <= 1, 0, 1)
    pat[(ta < 0) | (tb < 0)] = -1
    sa, sb = col["gender"][left], col["gender"][right]
    gender = np.where(sa == sb, 0, 1)
    gender[(sa < 0) | (sb < 0)] = -1
    return {"fam": fam, "giv": giv, "ini": ini, "year": year, "place": place, "pat": pat, "gender": gender, "swap": swap}


def _cross(features, a, b, given_first=False):
    """Distance between a family-name code and a given-name code (or the reverse) through their strings."""
    fam_vocab, giv_vocab = features.fam_vocab, features.giv_vocab
    out = np.full(len(a), 99, np.int32)
    both = (a >= 0) & (b >= 0)
    if not both.any():
        return out
    pairs, inverse = _distinct(a[both], b[both])
    first = giv_vocab if given_first else fam_vocab
    second = fam_vocab if given_first else giv_vocab
    scores = cpdist([first[i] for i in pairs[0]], [second[i] for i in pairs[1]], scorer=Levenshtein.distance,
                    dtype=np.int32)
    out[both] = np.asarray(scores)[inverse]
    return out


def chance_agreement(features, sample=300_000, seed=1):
    """u: how often two random records of the list agree at each level, measured on a random sample of pairs."""
    n = features.n
    if n < SHORT:
        return {key: np.asarray(values) for key, values in U.items()}
    rng = np.random.default_rng(seed)
    left, right = rng.integers(0, n, sample), rng.integers(0, n, sample)
    keep = left != right
    found = levels(features, left[keep], right[keep])
    u = {}
    for key, m in M.items():
        values = found[key][found[key] >= 0]
        counts = np.bincount(values, minlength=len(m)).astype(float)
        u[key] = (counts + 0.5) / (counts.sum() + 0.5 * len(m))   # never zero: half a pair per level
    return u


def _frequency(codes, size):
    """Share of the list's records having each code (for the weight of an exact agreement on a value)."""
    counts = np.bincount(codes[codes >= 0], minlength=size).astype(float)
    return counts / max(1, len(codes))


CHUNK = 1_000_000   # pairs scored at a time: the levels of a chunk are small arrays, freed before the next


def corrections_for(n):
    """The corrections for a list of `n` records (CORRECTIONS_BY_SIZE, interpolated in log size)."""
    sizes = CORRECTIONS_BY_SIZE
    if not sizes:
        return {}
    names = sorted({name for _, table in sizes for name in table})
    x = [math.log10(size) for size, _ in sizes]
    return {name: float(np.interp(math.log10(max(n, 1)), x, [table.get(name, 0.0) for _, table in sizes]))
            for name in names}


def correction_features(features, a, b, found):
    """The indicators CORRECTIONS weighs, for pairs (a, b) with levels `found` (boolean arrays by name)."""
    pat = features.col["pat"]
    year_missing, ini = found["year"] == -1, found["ini"] >= 0
    return {
        "year missing": year_missing,
        "place differs": found["place"] == 1,
        "place missing": found["place"] == -1,
        "initial only": ini,
        "family typo": found["fam"] == 1,
        "family: two names a letter apart": found["fam"] == 2,
        "family two edits": found["fam"] == 3,
        "family differs": found["fam"] == 4,
        "given one edit": found["giv"] == 1,
        "patronymic on one side": (pat[a] >= 0) ^ (pat[b] >= 0),
        "gender differs": found["gender"] == 1,
        "same year and place": (found["year"] == 0) & (found["place"] == 0),
        "initial only, year missing": ini & year_missing,
        "initial only, family typo": ini & (found["fam"] == 1),
        # session 9: two pieces of missing or weak evidence together (each alone is corrected above)
        "initial only, place differs": ini & (found["place"] == 1),
        "family typo, year missing": (found["fam"] == 1) & year_missing,
        "family typo, place differs": (found["fam"] == 1) & (found["place"] == 1),
        # session 10: the kinds a million records lose most (a year missing, a typo with an initial), together
        "initial only, family typo, year missing": ini & (found["fam"] == 1) & year_missing,
    }


def fit_m(features, left, right, same):
    """m from labelled candidate pairs (`same`: a boolean per pair): each level's share among the true pairs."""
    found = levels(features, left[same], right[same])
    out = {}
    for key, values in M.items():
        level = found[key][found[key] >= 0]
        counts = np.bincount(level, minlength=len(values)).astype(float) + 0.5
        out[key] = counts / counts.sum()
    return out


def score(features, left, right, u=None, m=None, corrections=None):
    """Match weight in bits for each pair, and how many pairs agree on every key (family, given, year, place). Exact agreements are weighted by how common the value is in this list
    (log2 of m over the share of records with that value): a family name and given name together, a family name and
    initial together, else each name; the place; the year. Pairs are scored a chunk at a time to bound memory."""
    u = u if u is not None else chance_agreement(features)
    m = m if m is not None else {key: np.asarray(values, float) for key, values in M.items()}
    corrections = corrections_for(features.n) if corrections is None else corrections
    col = features.col
    weights = {key: np.log2(np.asarray(m[key]) / u[key]) for key in M}
    share = {key: _frequency(col[key], int(col[key].max()) + 1 if len(col[key]) else 1)
             for key in ("famcount", "giv", "name", "famini", "place", "year")}
    bits, full = np.empty(len(left)), 0
    for start in range(0, len(left), CHUNK):
        a, b = left[start:start + CHUNK], right[start:start + CHUNK]
        found = levels(features, a, b)
        chunk = np.zeros(len(a))
        for key, weight in weights.items():
            level = found[key]
            chunk += np.where(level >= 0, weight[np.maximum(level, 0)], 0.0)
        plain = ~found["swap"]
        # A family name a letter off is weighed by how common the name it is a typo of (the corrected key) is.
        same_c = plain & (col["famc"][a] == col["famc"][b]) & (col["famc"][a] >= 0)
        fam1 = (found["fam"] == 1) & same_c & plain
        fam0 = ((found["fam"] == 0) & plain) | fam1
        giv0, ini0 = (found["giv"] == 0) & plain, (found["ini"] == 0) & plain
        w_fam = np.where(fam1, weights["fam"][1], weights["fam"][0])

        def frequent(mask, key, m_exact, replaced, side=None):
            if features.n < SHORT:    # a short list's own frequencies say nothing: the set u stand
                return
            side = a if side is None else side
            codes = col[key][side][mask]
            m_exact = m_exact[mask] if isinstance(m_exact, np.ndarray) else m_exact
            replaced = replaced[mask] if isinstance(replaced, np.ndarray) else replaced
            chunk[mask] += np.log2(m_exact / np.maximum(share[key][np.maximum(codes, 0)], 1e-9)) - replaced

        m_fam_all = np.where(fam1, m["fam"][1], m["fam"][0])
        # A family and a given name together: how common that full name is (namesakes), not each name apart.
        both = fam0 & giv0 & (col["name"][a] >= 0) & (col["name"][a] == col["name"][b])
        frequent(both, "name", m_fam_all * m["giv"][0], w_fam + weights["giv"][0])
        with_initial = fam0 & ini0 & (col["famini"][a] >= 0) & (col["famini"][a] == col["famini"][b])
        frequent(with_initial, "famini", m_fam_all * m["ini"][0], w_fam + weights["ini"][0])
        frequent(fam0 & ~both & ~with_initial, "famcount", m_fam_all, w_fam)
        frequent(giv0 & ~both, "giv", m["giv"][0], weights["giv"][0])
        frequent(found["place"] == 0, "place", m["place"][0], weights["place"][0])
        frequent(found["year"] == 0, "year", m["year"][0], weights["year"][0])
        if corrections and features.n >= SHORT:     # fitted where the list's own frequencies weigh the names
            for name, flag in correction_features(features, a, b, found).items():
                chunk[flag] += corrections.get(name, 0.0)
        bits[start:start + len(a)] = chunk
        full += int(((found["fam"] == 0) & (found["giv"] == 0) & (found["year"] == 0) & (found["place"] == 0)).sum())
    return bits, full


def prior_bits(features, matches):
    """log2 of the prior odds that two random records are one person: the pairs expected to be one person (from the
    candidates agreeing on every key) over all pairs of the list."""
    n = max(features.n, 2)
    total = n * (n - 1) / 2
    matches = min(max(matches, 0.5), total / 2)      # a tiny list: at most even odds
    return math.log2(matches / (total - matches))


class _Groups:
    """Union-find whose groups remember what must not be mixed: birth years, patronymic, full given name, and
    records whose direct comparison was strongly against (`enemies`: record -> records)."""

    def __init__(self, features, enemies=None):
        col = features.col
        self.enemies = enemies if enemies is not None else {}
        self.parent = list(range(features.n))
        self.low = col["year"].tolist()
        self.high = list(self.low)
        self.pat = col["pat"].tolist()
        self.giv = col["giv"].tolist()
        self.fam = col["fam"].tolist()
        self.giv_vocab, self.fam_vocab = features.giv_vocab, features.fam_vocab

    def find(self, i):
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def merge(self, a, b):
        a, b = self.find(a), self.find(b)
        if a == b:
            return True
        low = [y for y in (self.low[a], self.low[b]) if y >= 0]
        high = [y for y in (self.high[a], self.high[b]) if y >= 0]
        if low and max(high) - min(low) > 1:
            return False
        for values in (self.pat,):
            if values[a] >= 0 and values[b] >= 0 and values[a] != values[b]:
                return False
        ga, gb = self.giv[a], self.giv[b]
        if ga >= 0 and gb >= 0 and ga != gb and Levenshtein.distance(self.giv_vocab[ga], self.giv_vocab[gb]) > 1 \
                and not self._crosswise(a, b):
            return False
        enemies = self.enemies
        ea, eb = enemies.get(a), enemies.get(b)
        if ea or eb:
            # a record of one group weighed strongly against a record of the other: the groups stay apart, however
            # strong the chain of other pairs between them (~30% of wrong pairs in clusters were such chains)
            small, other = (ea, b) if eb is None or (ea is not None and len(ea) <= len(eb)) else (eb, a)
            find = self.find
            if any(find(enemy) == other for enemy in small):
                return False
            if ea is None:
                enemies[a] = eb
            elif eb is not None:
                ea.extend(eb)
            enemies.pop(b, None)
        self.parent[b] = a
        self.low[a] = min(low) if low else -1
        self.high[a] = max(high) if high else -1
        for values in (self.pat, self.giv, self.fam):
            if values[a] < 0:
                values[a] = values[b]
        return True

    def _crosswise(self, a, b):
        """The two groups' names agree with the words in the other order ("Заитенко Аинур" read as given name
        Заитенко, "ZAITENKO Ainur"): one group's given name is the other's family name, both ways (a letter off)."""
        fa, fb = self.fam[a], self.fam[b]
        if fa < 0 or fb < 0:
            return False
        giv, fam = self.giv_vocab, self.fam_vocab
        return Levenshtein.distance(giv[self.giv[a]], fam[fb]) <= 1 and Levenshtein.distance(fam[fa], giv[self.giv[b]]) <= 1


# A pair a little under the threshold is still merged when it is *isolated*: neither record has another partner
# within ISOLATED_MARGIN bits of it (session 11). Measured on a labelled list of another seed than the benchmark's
# (11, 300,000 records): pairs up to 2 bits under the threshold with no other partner within 4 bits were one person
# 84% of the time, where the pairs a lower threshold adds are one person about 60% of the time at a million.
ISOLATED_BAND = 2.0
ISOLATED_MARGIN = 4.0


def isolated(features, left, right, bits, threshold_bits, band=None, margin=None):
    """Indices of the pairs under the threshold by less than `band` bits (ISOLATED_BAND) whose records have no other
    candidate partner weighing more than the pair's weight minus `margin` bits (ISOLATED_MARGIN)."""
    band = ISOLATED_BAND if band is None else band
    margin = ISOLATED_MARGIN if margin is None else margin
    if not band:
        return np.zeros(0, np.int64)
    near = np.nonzero((bits < threshold_bits) & (bits >= threshold_bits - band))[0]
    if not len(near):
        return near
    # only partners that could come within the margin of a near pair count
    strong = np.nonzero(bits >= threshold_bits - band - margin)[0]
    src = np.concatenate([left[strong], right[strong]])
    dst = np.concatenate([right[strong], left[strong]])
    weight = np.concatenate([bits[strong], bits[strong]])
    order = np.lexsort((-weight, src))
    src, dst, weight = src[order], dst[order], weight[order]
    starts = np.r_[0, np.nonzero(src[1:] != src[:-1])[0] + 1]
    ends = np.r_[starts[1:], len(src)]
    n = features.n
    best_w = np.full(n, -np.inf)
    best_p = np.full(n, -1, np.int64)
    second_w = np.full(n, -np.inf)
    best_w[src[starts]] = weight[starts]
    best_p[src[starts]] = dst[starts]
    two = ends - starts >= 2
    second_w[src[starts[two] + 1]] = weight[starts[two] + 1]
    a, b, w = left[near], right[near], bits[near]
    other = np.maximum(np.where(best_p[a] == b, second_w[a], best_w[a]),
                       np.where(best_p[b] == a, second_w[b], best_w[b]))
    return near[other < w - margin]


def cluster(features, left, right, bits, threshold_bits, guard_bits=None, rounds=6):
    """Merge pairs above the threshold, strongest first, refusing merges that would mix what differs or join two
    records whose own comparison weighs below `guard_bits` (None: no such guard).

    The guard's pairs ("enemies") are not all collected up front (at a million records tens of millions of candidate
    pairs weigh under it): a round clusters, the pairs under the guard that ended in one cluster become enemies, and
    the next round clusters again refusing them, until no such pair is left (one or two rounds in practice). When it
    stops, the result is what checking every pair under the guard at each merge would give."""
    keep = np.concatenate([np.nonzero(bits >= threshold_bits)[0],
                           isolated(features, left, right, bits, threshold_bits)])
    keep = keep[np.argsort(-bits[keep], kind="stable")]
    pairs = list(zip(left[keep].tolist(), right[keep].tolist()))
    against = np.zeros(0, np.int64)
    if guard_bits is not None:          # only records some pair above the threshold merges can share a cluster
        mergeable = np.zeros(features.n, bool)
        mergeable[left[keep]] = True
        mergeable[right[keep]] = True
        against = np.nonzero((bits < guard_bits) & mergeable[left] & mergeable[right])[0]
        del mergeable
    enemies = {}
    for _ in range(rounds):
        groups = _Groups(features, {record: list(others) for record, others in enemies.items()})
        for a, b in pairs:
            groups.merge(a, b)
        roots = np.fromiter((groups.find(i) for i in range(features.n)), np.int64, features.n)
        joined = against[roots[left[against]] == roots[right[against]]]
        if not len(joined):
            break
        for a, b in zip(left[joined].tolist(), right[joined].tolist()):
            enemies.setdefault(a, []).append(b)
            enemies.setdefault(b, []).append(a)
    return roots.tolist()


def calibrated_log_odds(n):
    """The log2 odds a pair must reach in a list of `n` records (CALIBRATED)."""
    sizes = [math.log10(size) for size, _ in CALIBRATED]
    return float(np.interp(math.log10(max(n, 1)), sizes, [offset for _, offset in CALIBRATED]))


def link(records, *, threshold=THRESHOLD, stats=None):
    """Cluster records that are one person. Returns {record id (str): cluster id (int)}.

    `threshold` is the match probability a pair must reach (None: calibrated for precision 0.97 by the list's size,
    `CALIBRATED`); `stats`, a dict, receives counts per stage."""
    if threshold is not None and not 0 < threshold < 1:
        raise ValueError("the threshold is a probability between 0 and 1")
    # The cyclic garbage collector is paused while a list is linked: linking makes millions of small objects (parsed
    # names, pairs, groups) and no reference cycles, and each full collection walks all of them -- a quarter of the
    # features' time at 100,000 records, more at a million. It is restored as it was, whatever happens.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _link(records, threshold, stats)
    finally:
        if collecting:
            gc.enable()


def _link(records, threshold, stats):
    features = Features(records)
    if features.n < 2:
        return {rid: i for i, rid in enumerate(features.ids)}
    timing, started = {}, time.process_time()
    left, right = candidates(features)
    timing["blocking"], started = time.process_time() - started, time.process_time()
    u = chance_agreement(features)
    m = {key: np.asarray(values, float) for key, values in M.items()}
    timing["chance agreement"], started = time.process_time() - started, time.process_time()
    bits, full = score(features, left, right, u, m)
    timing["scoring"], started = time.process_time() - started, time.process_time()
    # The prior: candidates agreeing on every key are nearly all one person, and about 60% of true pairs agree so.
    prior = prior_bits(features, full / 0.6)
    log_odds = calibrated_log_odds(features.n) if threshold is None else math.log2(threshold / (1 - threshold))
    threshold_bits = log_odds - prior
    # the guard sits GUARD_MARGIN bits under even odds (match probability 0.5), whatever threshold is chosen
    guard_bits = -prior - GUARD_MARGIN if GUARD_MARGIN is not None else None
    clusters = cluster(features, left, right, bits, threshold_bits, guard_bits)
    timing["clustering"] = time.process_time() - started
    if stats is not None:
        stats.update(features=features, left=left, right=right, bits=bits, prior=prior,
                     threshold_bits=threshold_bits, guard_bits=guard_bits, m=m, u=u, timing=timing)
    return dict(zip(features.ids, clusters))
