"""How far two annotators agree on the same documents (issue 11, session 16).

    python tools/agreement.py --a A.json --b B.json          # table per language: acts, acts by type, pairs, persons
    python tools/agreement.py --a A1.json --a A2.json --b B.json --list   # A in several files; each disagreement
    python tools/agreement.py --a A.json --b B.json --corpus tests/evaluation/genres/dev   # person mentions too

A is taken as gold and B as the prediction, so B's precision is A's recall and the other way round; F1 is symmetric.
Acts are matched as `qorgau evaluate` matches them (`match_acts`: one-to-one (victim, group, date), partial dates
agreeing by `dates_agree`); "acts (types)" is the same matching with the act type in place of the group. Pairs are
(person, article); perpetrator pairs (victim, perpetrator as printed) agree when one printed form holds the
other; person mentions (with --corpus) are the evaluation's spans of each side's surface forms.
Only documents (by "file") that both files annotate are compared.

B's persons are mapped onto A's canonical names by surface overlap: a form printed the same in both (case-blind),
else the one A person who shares a word of four letters or more with it; a B person left unmapped counts against
B, an A person nobody maps onto against A. Acts and pairs use the mapped names.
"""

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
import django  # noqa: E402

django.setup()

from qorgau.documents.evaluation import Score, article_of, dates_agree, gold_mentions, match_acts  # noqa: E402

KINDS = ["acts", "acts (types)", "person–provision pairs", "persons", "perpetrator pairs", "person mentions"]


def load(path):
    return {doc["file"]: doc for doc in json.loads(Path(path).read_text(encoding="utf-8"))["documents"]}


def _forms(name, forms):
    return {f.casefold() for f in list(forms) + [name]}


def _words(forms):
    return {w.strip(".,").casefold() for f in forms for w in f.split() if len(w.strip(".,")) >= 4}


def map_persons(a_persons, b_persons):
    """B canonical name -> A canonical name (or None when nothing of A's overlaps)."""
    mapping = {}
    for b, b_forms in b_persons.items():
        forms = _forms(b, b_forms)
        exact = [a for a, a_forms in a_persons.items() if forms & _forms(a, a_forms)]
        if len(exact) == 1:
            mapping[b] = exact[0]
            continue
        if exact:  # several: the one sharing most forms
            mapping[b] = max(exact, key=lambda a: (len(forms & _forms(a, a_persons[a])), a))
            continue
        words = _words(forms)
        shared = [a for a, a_forms in a_persons.items() if words & _words(_forms(a, a_forms))]
        mapping[b] = shared[0] if len(shared) == 1 else None
    return mapping


def pairing(predicted, gold):
    """The matched (predicted, gold) pairs of `match_acts`, in its order, with what is left on each side."""
    unmatched, matched, left = set(gold), [], []
    for p in sorted(predicted, key=lambda t: (-len(t[2]), t)):
        hit = next((g for g in sorted(unmatched, key=lambda t: (t[2] != p[2], -len(t[2]), t))
                    if g[0] == p[0] and g[1] == p[1] and dates_agree(p[2], g[2])), None)
        if hit:
            unmatched.discard(hit)
            matched.append((p, hit))
        else:
            left.append(p)
    return matched, left, sorted(unmatched)


def _perpetrators_agree(b, a):
    """Perpetrators are recorded as printed: the same victim, and one printed form inside the other."""
    return b[0] == a[0] and (b[1].casefold() in a[1].casefold() or a[1].casefold() in b[1].casefold())


def _mentions(text, a_persons, b_persons):
    """The evaluation's mention spans of each annotation, matched one-to-one by overlap as `score_document` does."""
    gold, predicted = gold_mentions(text, a_persons), gold_mentions(text, b_persons)
    matched = set()
    for s, e, _ in predicted:
        hit = next((i for i, (gs, ge, _) in enumerate(gold) if s < ge and gs < e and i not in matched), None)
        if hit is not None:
            matched.add(hit)
    return Score(len(matched), len(predicted) - len(matched), len(gold) - len(matched))


def _types_by_act(acts, rename):
    """(victim, group, date) -> the act types recorded under it (several when one group has several types that day)."""
    types = defaultdict(list)
    for x in acts:
        types[(rename(x["victim"]), x["group"], x["date"] or "")].append(x["type"])
    return types


def compare_document(a, b, text=None):
    """{kind: Score} for one document annotated by A (gold) and B, and the acts each side alone has; person
    mentions only when the document's text is given."""
    mapping = map_persons(a["persons"], b["persons"])

    def name(b_name):
        return mapping.get(b_name) or f"B:{b_name}"

    scores = {}
    for kind, field in (("acts", "group"), ("acts (types)", "type")):
        gold = {(x["victim"], x[field], x["date"] or "") for x in a["acts"]}
        predicted = {(name(x["victim"]), x[field], x["date"] or "") for x in b["acts"]}
        scores[kind] = match_acts(predicted, gold)
    a_pairs = {(v, article_of(uid)) for v, uid in a["provisions"]}
    b_pairs = {(name(v), article_of(uid)) for v, uid in b["provisions"]}
    scores["person–provision pairs"] = Score(len(a_pairs & b_pairs), len(b_pairs - a_pairs), len(a_pairs - b_pairs))
    hit = {mapping[p] for p in b["persons"] if mapping.get(p)}
    scores["persons"] = Score(len(hit), len(b["persons"]) - len(hit), len(set(a["persons"]) - hit))
    a_perps = [tuple(x) for x in a.get("perpetrators", [])]
    left = list(a_perps)
    for victim, perpetrator in b.get("perpetrators", []):
        found = next((x for x in left if _perpetrators_agree((name(victim), perpetrator), x)), None)
        if found:
            left.remove(found)
    tp = len(a_perps) - len(left)
    scores["perpetrator pairs"] = Score(tp, len(b.get("perpetrators", [])) - tp, len(left))
    scores["person mentions"] = _mentions(text, a["persons"], b["persons"]) if text is not None else Score()

    a_types, b_types = _types_by_act(a["acts"], str), _types_by_act(b["acts"], name)
    _, b_only, a_only = pairing(set(b_types), set(a_types))
    only = {"A only": [(t, a_types[t]) for t in a_only], "B only": [(t, b_types[t]) for t in sorted(b_only)]}
    return scores, only, mapping


def compare(a_docs, b_docs, corpus=None):
    """{language: {kind: Score}} over the documents both annotate, with "all"; and per-document details. With a
    corpus folder, person mentions are compared on each document's text."""
    totals = defaultdict(lambda: {k: Score() for k in KINDS})
    details = {}
    for file in sorted(set(a_docs) & set(b_docs)):
        path = Path(corpus) / file if corpus else None
        text = path.read_text(encoding="utf-8") if path and path.is_file() else None
        scores, only, mapping = compare_document(a_docs[file], b_docs[file], text)
        details[file] = (scores, only, mapping)
        for language in (a_docs[file].get("language", "?"), "all"):
            for kind in KINDS:
                totals[language][kind].add(scores[kind])
    return dict(totals), details


def table(totals, kinds=KINDS):
    lines = ["| language | what | A only (B's FN) | B only (B's FP) | both | P (B vs A) | R (B vs A) | F1 |",
             "|---|---|---|---|---|---|---|---|"]
    for language in sorted(totals, key=lambda x: (x == "all", x)):
        for kind in kinds:
            s = totals[language][kind]
            lines.append(f"| {language} | {kind} | {s.fn} | {s.fp} | {s.tp} | {s.precision:.3f} | {s.recall:.3f} "
                         f"| {s.f1:.3f} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", action="append", required=True, help="annotator A's file (taken as gold); repeatable")
    parser.add_argument("--b", action="append", required=True, help="annotator B's file; repeatable")
    parser.add_argument("--corpus", help="folder of the documents' texts, to compare person mentions too")
    parser.add_argument("--list", action="store_true", help="print each document's disagreements")
    args = parser.parse_args(argv)
    try:
        a_docs = {file: doc for path in args.a for file, doc in load(path).items()}
        b_docs = {file: doc for path in args.b for file, doc in load(path).items()}
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"agreement: cannot read the annotation files: {error}", file=sys.stderr)
        return 2
    common = set(a_docs) & set(b_docs)
    if not common:
        print("agreement: the two files annotate no document in common", file=sys.stderr)
        return 2
    totals, details = compare(a_docs, b_docs, args.corpus)
    print(f"{len(common)} documents annotated by both")
    print(table(totals, KINDS if args.corpus else KINDS[:-1]))
    if args.list:
        for file, (scores, only, mapping) in details.items():
            print(f"\n## {file}")
            for b, a in sorted(mapping.items()):
                if a != b:
                    print(f"  person B {b!r} -> A {a!r}")
            for side in ("A only", "B only"):
                for (victim, group, date), types in only[side]:
                    print(f"  {side}: {victim} | {group} {'/'.join(types)} | {date or '(undated)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
