"""Which pairs of person mentions resolution misses (or wrongly joins) on an evaluation set's documents, by kind.

    python tools/resolution_errors.py --split dev [--list] [--documents]

The pairs are those of `qorgau evaluate`'s "resolution (pairwise)" row: each person mention extraction finds where
the annotation has a person, clustered across all the set's documents on the names (the resolver's blocks and
comparison, linked at 0.9). A missed pair is two mentions of one gold person left in two clusters; each distinct
pair of names is put in the first kind that fits:

  extraction  a name is not the person's (a word taken into it, a title left, two names run together): the gold
              person's other mentions do not explain it
  initials    one side is an initial with a family name (A. Matayev), the other a full name
  family alone  one side is one word (a family name, or a given name, alone)
  script      one name in Cyrillic, the other in Latin (transliteration)
  declension  both in one script, the words differing only in their endings (Russian or Kazakh cases)
  typo        both in one script, one or two letters apart (folded)
  other       anything else (a nickname, a second given name, another form of the name)

Each kind also counts how many of its mention pairs are in one document and how many across documents. With
--documents the pairs of one document get the resolver's "both cited in one document" weight (+2 bits), as
`qorgau resolve` scores them (that row is printed beside the names-only one).
Never run it on the test split while writing rules.
"""

import argparse
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KINDS = ("extraction", "initials", "family alone", "script", "declension", "typo", "other")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _words(name):
    return re.findall(r"[^\W\d_]+", name.casefold())


def _key(word):
    from qorgau.lib.personnames import key, to_latin

    return key(to_latin(word))


def kind_of(a, b, others):
    """The kind of a missed pair of names; others: every name the gold person has in the set."""
    from rapidfuzz.distance import OSA

    from qorgau.lib.personnames import _fold, parse

    pa, pb = parse(a), parse(b)
    for p, name in ((pa, a), (pb, b)):
        if not p.family or len(_words(name)) > 4:
            return "extraction"
        # a word of the name that no other name of the person has, in any spelling ("Duman Information",
        # "Енді Нарымбаев": a word taken into the name)
        rest = {_key(w) for o in others if o != name for w in _words(o)}
        if rest and any(len(w) > 2 and all(OSA.distance(_key(w), r) > 2 for r in rest) for w in _words(name)):
            return "extraction"
    if (pa.initials and not pa.given) != (pb.initials and not pb.given):
        return "initials"
    if len(_words(a)) == 1 or len(_words(b)) == 1:
        return "family alone"
    if bool(CYRILLIC.search(a)) != bool(CYRILLIC.search(b)):
        return "script"
    wa, wb = sorted(_words(_fold(a))), sorted(_words(_fold(b)))
    if len(wa) == len(wb) and all(x[:max(3, min(len(x), len(y)) - 3)] == y[:max(3, min(len(x), len(y)) - 3)]
                                  for x, y in zip(wa, wb)):
        return "declension"
    if OSA.distance(" ".join(_words(_fold(a))), " ".join(_words(_fold(b)))) <= 2:
        return "typo"
    return "other"


def items_of(documents):
    """[(document index, predicted name, gold person)] as score_resolution builds them."""
    from qorgau.documents.evaluation import find_persons, gold_mentions

    items = []
    for index, (text, entry) in enumerate(documents):
        gold = gold_mentions(text, entry["persons"])
        for m in find_persons(text):
            hit = next((name for s, e, name in gold if m.start < e and s < m.end), None)
            if hit:
                items.append((index, m.name, hit))
    return items


def cluster(items, documents_weight):
    """Name (and, with the document weight, document) -> cluster, as cluster_names does; with documents_weight the
    pairs of one document are compared with the resolver's +2 bits for "both cited in one document"."""
    from qorgau.documents.evaluation import cluster_names
    from qorgau.lib.personnames import compare_weights, parse, probability
    from qorgau.resolution.scoring import CONTEXT, blocking_keys, one_document

    if not documents_weight:
        by_name = cluster_names({name for _, name, _ in items})
        return {(d, name): by_name[name] for d, name, _ in items}
    nodes = sorted({(d, name) for d, name, _ in items})
    parent = {n: n for n in nodes}

    def root(n):
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    parsed = {name: parse(name) for _, name in nodes}
    blocks = defaultdict(list)
    for node in nodes:
        for block in blocking_keys(parsed[node[1]]):
            blocks[block].append(node)
        blocks[("document", node[0])].append(node)
    bonus = CONTEXT["same document"] if "same document" in CONTEXT else 2.0
    seen = set()
    for group in blocks.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                weights = compare_weights(parsed[a[1]], parsed[b[1]])
                bits = sum(w for _, w, _ in weights)
                if a[0] == b[0]:   # the resolver's document weight, read against the names as it does
                    bits += sum(w for _, w, _ in one_document(weights, [("same document", bonus, "")]))
                if probability(bits) >= 0.9:
                    parent[root(a)] = root(b)
    return {n: root(n) for n in nodes}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "corpus"])
    parser.add_argument("--gold", nargs="+", type=Path, help="only these annotation parts (gold-dev-*.json) of the dev "
                        "split, instead of a whole split")
    parser.add_argument("--list", action="store_true", help="print every missed and wrong pair of names")
    parser.add_argument("--documents", action="store_true", help="pairs of one document get the document's weight")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    import django

    django.setup()
    from qorgau.documents.evaluation import SPLITS, read_gold
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise
    from qorgau.lib.personnames import compare

    if bool(args.split) == bool(args.gold):
        parser.error("give --split or --gold, one of them")
    if args.gold:
        if any("test" in path.name for path in args.gold):
            parser.error("never the test split")
        entries = [entry for path in args.gold for entry in read_gold(path)["documents"]]
        corpus = next(s for s in SPLITS if s[0] == "dev")[2]
        label_set = ", ".join(path.name for path in args.gold)
    else:
        _, gold_path, corpus = next(s for s in SPLITS if s[0] == args.split)
        entries = read_gold(gold_path)["documents"]
        label_set = args.split
    corpus = corpus or Path(os.environ.get("QORGAU_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    documents = []
    for entry in entries:
        path = Path(corpus) / entry["file"]
        if path.exists():
            documents.append((canonicalise(read_document(entry["file"], path.read_bytes())).text, entry))
    items = items_of(documents)
    clusters = cluster(items, args.documents)
    names_of = defaultdict(set)
    for _, name, gold in items:
        names_of[gold].add(name)
    tp = fp = fn = 0
    missed = defaultdict(lambda: [0, 0])      # (name a, name b, gold) -> [same document, across documents]
    wrong = Counter()
    for i, (da, name_a, gold_a) in enumerate(items):
        for db, name_b, gold_b in items[i + 1:]:
            same_predicted = clusters[(da, name_a)] == clusters[(db, name_b)]
            same_gold = gold_a == gold_b
            tp += same_predicted and same_gold
            fp += same_predicted and not same_gold
            if same_gold and not same_predicted:
                fn += 1
                pair = tuple(sorted((name_a, name_b))) + (gold_a,)
                missed[pair][0 if da == db else 1] += 1
            if same_predicted and not same_gold:
                wrong[tuple(sorted((name_a, name_b)))] += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    label = "names and documents" if args.documents else "names only"
    print(f"{label_set}: {len(documents)} documents, {len(items)} mentions; {label}: precision {precision:.3f} "
          f"recall {recall:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})")
    by_kind = defaultdict(lambda: [0, 0, 0, []])
    for (a, b, gold), (same, across) in missed.items():
        kind = kind_of(a, b, names_of[gold])
        row = by_kind[kind]
        row[0] += 1
        row[1] += same
        row[2] += across
        row[3].append((same + across, a, b, compare(a, b)[0]))
    print(f"  {'missed, by kind':14} {'name pairs':>10} {'in one doc':>10} {'across':>8}  examples")
    for kind in KINDS:
        if kind in by_kind:
            pairs, same, across, examples = by_kind[kind]
            shown = "; ".join(f"{a} / {b} ({p:.2f})" for _, a, b, p in sorted(examples, reverse=True)[:3])
            print(f"  {kind:14} {pairs:>10} {same:>10} {across:>8}  {shown}")
    print(f"  wrong pairs of names: {len(wrong)} ({sum(wrong.values())} mention pairs)")
    if args.list:
        for kind in KINDS:
            for count, a, b, p in sorted(by_kind.get(kind, [0, 0, 0, []])[3], reverse=True):
                print(f"  missed {kind:12} {count:>4}  {a} / {b}  ({p:.3f})")
        for (a, b), count in wrong.most_common():
            print(f"  wrong  {count:>4}  {a} / {b}  ({compare(a, b)[0]:.3f})")


if __name__ == "__main__":
    main()
