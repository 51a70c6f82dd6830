"""Which pairs of person mentions resolution misses (or wrongly joins) on an evaluation set's documents, by kind.

    python tools/resolution_errors.py --split dev [--list] [--documents]
    python tools/resolution_errors.py --split dev --counts        # counts per kind only: no name, no document

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

A wrong pair is two mentions of different gold persons put in one cluster (the row's false positives); each
distinct pair of names (with its two gold persons) is put in the first kind that fits (session 16):

  official and victim  one gold person is an act's perpetrator (judge, officer …), the other an act's victim
  family alone  one side is one word, the family name alone (the wrong brother, a husband's name for the wife)
  given alone   one side is one word, a given name alone
  same name: namesakes  both mentions got one name, and the two gold persons bear that name (folded)
  same name: read wrong  both mentions got one name, which is not both gold persons' (a father's name read as the
              son's; or one person with two gold keys: a gold inconsistency)
  kin           the two gold persons share the family name (other given name, gender, patronymic, -ұлы/-қызы)
  declension    both names in one script, the words differing only in their endings
  transliteration  one name in Cyrillic, the other in Latin
  other         anything else

Each kind also counts how many of its mention pairs are in one document and how many across documents. With
--documents the pairs of one document get the resolver's "both cited in one document" weight (+2 bits), as
`qorgau resolve` scores them (that row is printed beside the names-only one).
--counts prints the totals and the counts per kind only (no name, no document, no example): it is the only way
`--split test` is accepted, for the lead's one scoring of the test split. Never run it on the test split while
writing rules.
"""

import argparse
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KINDS = ("extraction", "initials", "family alone", "script", "declension", "typo", "other")
WRONG_KINDS = ("official and victim", "family alone", "given alone", "same name: namesakes", "same name: read wrong",
               "kin", "declension", "transliteration", "other")
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


def _folded(name):
    from qorgau.lib.personnames import _fold

    return " ".join(sorted(_key(w) for w in _words(_fold(name))))


def _family_keys(name):
    """Keys a gold person's family name may stand for (the stem: Akhmetov and Akhmetova share it)."""
    from qorgau.lib.personnames import parse

    p = parse(name)
    keys = set(p.family_alts) | ({p.family} if p.family else set())
    return {k for k in keys if k}


def _given_keys(name):
    from qorgau.lib.personnames import parse

    p = parse(name)
    return {k for alts in p.given_alts for k in alts} | set(p.given) | set(p.lone_given_alts)


def roles_of(documents, names_of):
    """(officials, victims): gold persons named as an act's perpetrator and as an act's victim in the set."""
    officials, victims = set(), set()
    for _, entry in documents:
        persons = entry.get("persons", {})
        for act in entry.get("acts", []):
            if act.get("victim"):
                victims.add(act["victim"])
        for row in entry.get("perpetrators", []):
            who = row[1] if isinstance(row, (list, tuple)) and len(row) > 1 else row
            for gold, forms in persons.items():
                if who == gold or who in forms or who in names_of.get(gold, ()):
                    officials.add(gold)
    return officials, victims


def wrong_kind(a, b, gold_a, gold_b, officials=frozenset(), victims=frozenset()):
    """The kind of a wrong pair: names a and b (extraction's) put in one cluster, though they are mentions of the
    different gold persons gold_a and gold_b."""
    from qorgau.lib.personnames import _fold

    if (gold_a in officials and gold_b in victims) or (gold_b in officials and gold_a in victims):
        if not (gold_a in officials and gold_a in victims) and not (gold_b in officials and gold_b in victims):
            return "official and victim"
    for word_side, gold in ((a, gold_a), (b, gold_b)):
        if len(_words(word_side)) == 1:
            given = _given_keys(gold.split()[0]) if len(gold.split()) > 1 else set()
            word = _key(word_side)
            if any(word[:4] == g[:4] for g in given if g) and not any(
                    word[:4] == f[:4] for f in _family_keys(gold) if f):
                return "given alone"
            return "family alone"
    if _folded(a) == _folded(b):
        # a gold key may carry a note telling namesakes apart: "X (Oral)", "X (teacher)"
        bare = [re.sub(r"\s*\([^)]*\)", "", gold) for gold in (gold_a, gold_b)]
        return "same name: namesakes" if _folded(bare[0]) == _folded(bare[1]) else "same name: read wrong"
    fa, fb = _family_keys(gold_a), _family_keys(gold_b)
    ga, gb = _given_keys(gold_a), _given_keys(gold_b)
    # one family name, or one's family name made from the other's given name (a patronymic, -uly/-kyzy)
    if fa & fb or any(f.startswith(g[:4]) for f in fa for g in gb if len(g) >= 4) or \
            any(f.startswith(g[:4]) for f in fb for g in ga if len(g) >= 4):
        return "kin"
    if bool(CYRILLIC.search(a)) != bool(CYRILLIC.search(b)):
        return "transliteration"
    wa, wb = sorted(_words(_fold(a))), sorted(_words(_fold(b)))
    if len(wa) == len(wb) and all(x[:max(3, min(len(x), len(y)) - 3)] == y[:max(3, min(len(x), len(y)) - 3)]
                                  for x, y in zip(wa, wb)):
        return "declension"
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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "corpus", "test"], help="a whole split (test: only with --counts)")
    parser.add_argument("--gold", nargs="+", type=Path, help="only these annotation parts (gold-dev-*.json) of the dev "
                        "split, instead of a whole split")
    parser.add_argument("--corpus", type=Path, help="with --gold: the folder of its documents (default: the dev "
                        "split's)")
    parser.add_argument("--list", action="store_true", help="print every missed and wrong pair of names")
    parser.add_argument("--documents", action="store_true", help="pairs of one document get the document's weight")
    parser.add_argument("--counts", action="store_true", help="print the totals and the counts per kind only: no "
                        "name, no document, no example")
    args = parser.parse_args(argv)
    if args.split == "test" and not args.counts:
        parser.error("--split test only with --counts (counts per kind, never names or documents)")
    if args.counts and args.list:
        parser.error("--counts prints no names: not with --list")
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
        corpus = args.corpus or next(s for s in SPLITS if s[0] == "dev")[2]
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
    wrong = defaultdict(lambda: [0, 0])       # (name a, name b, gold a, gold b) -> [same document, across]
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
                (x, gx), (y, gy) = sorted(((name_a, gold_a), (name_b, gold_b)))
                wrong[(x, y, gx, gy)][0 if da == db else 1] += 1
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
    print(f"  {'missed, by kind':22} {'name pairs':>10} {'in one doc':>10} {'across':>8}" +
          ("" if args.counts else "  examples"))
    for kind in KINDS:
        if kind in by_kind:
            pairs, same, across, examples = by_kind[kind]
            shown = "" if args.counts else "  " + "; ".join(
                f"{a} / {b} ({p:.2f})" for _, a, b, p in sorted(examples, reverse=True)[:3])
            print(f"  {kind:22} {pairs:>10} {same:>10} {across:>8}{shown}")
    officials, victims = roles_of(documents, names_of)
    wrong_by_kind = defaultdict(lambda: [0, 0, 0, []])
    for (a, b, gold_a, gold_b), (same, across) in wrong.items():
        row = wrong_by_kind[wrong_kind(a, b, gold_a, gold_b, officials, victims)]
        row[0] += 1
        row[1] += same
        row[2] += across
        row[3].append((same + across, a, b, gold_a, gold_b))
    print(f"  wrong pairs of names: {len(wrong)} ({sum(map(sum, wrong.values()))} mention pairs)")
    if wrong:
        print(f"  {'wrong, by kind':22} {'name pairs':>10} {'in one doc':>10} {'across':>8}" +
              ("" if args.counts else "  examples (gold persons)"))
    for kind in WRONG_KINDS:
        if kind in wrong_by_kind:
            pairs, same, across, examples = wrong_by_kind[kind]
            shown = "" if args.counts else "  " + "; ".join(
                f"{a} / {b} ({ga} / {gb})" for _, a, b, ga, gb in sorted(examples, reverse=True)[:2])
            print(f"  {kind:22} {pairs:>10} {same:>10} {across:>8}{shown}")
    if args.list:
        for kind in KINDS:
            for count, a, b, p in sorted(by_kind.get(kind, [0, 0, 0, []])[3], reverse=True):
                print(f"  missed {kind:12} {count:>4}  {a} / {b}  ({p:.3f})")
        for kind in WRONG_KINDS:
            for count, a, b, gold_a, gold_b in sorted(wrong_by_kind.get(kind, [0, 0, 0, []])[3], reverse=True):
                print(f"  wrong  {kind:12} {count:>4}  {a} / {b}  (gold: {gold_a} / {gold_b}; {compare(a, b)[0]:.3f})")


if __name__ == "__main__":
    main()
