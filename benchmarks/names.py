"""Person mentions on short news items (tests/evaluation/names/): precision, recall and words/s of the rules, of
natasha's named-entity tagger alone, and of the ways of combining them.

    python benchmarks/names.py                    # the dev part, per language, every method
    python benchmarks/names.py --set heldout      # the held-out part (score it once, at the end)
    python benchmarks/names.py --round 2          # only the documents of one round of writing (first-run numbers)
    python benchmarks/names.py --per-document     # also the misses and false alarms of each document (rules)
    python benchmarks/names.py --repeat 20        # more repetitions for the speed column
    QORGAU_BENCH_CODE=../main python benchmarks/names.py --only rules   # another checkout's rules (before/after)

A mention is found when a predicted span overlaps an annotated one (as `qorgau evaluate` scores mentions).
Words/s is CPU time of the name finder alone (process time, the machine being shared), after one warm-up run that
loads dictionaries and natasha's model.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.environ.get("QORGAU_BENCH_CODE", str(ROOT)))  # another checkout's code: before/after
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
HERE = ROOT / "tests" / "evaluation" / "names"


def methods():
    from qorgau.documents.extract.names import find_persons, natasha_spans

    def rules(text, language):
        return [(m.start, m.end, m.text) for m in find_persons(text)]

    def natasha(text, language):
        return [(s, e, text[s:e]) for s, e in natasha_spans(text)] if language == "ru" else rules(text, language)

    def combined(text, language):
        extra = natasha_spans(text) if language == "ru" else ()
        return [(m.start, m.end, m.text) for m in find_persons(text, extra_spans=extra)]

    return {"rules": rules, "natasha": natasha, "rules+natasha": combined}


def score(found, gold):
    matched, tp, fp = set(), 0, []
    for s, e, t in found:
        hit = next((i for i, (gs, ge, _) in enumerate(gold) if s < ge and gs < e and i not in matched), None)
        if hit is None:
            fp.append(t)
        else:
            matched.add(hit)
            tp += 1
    missed = [g for i, g in enumerate(gold) if i not in matched]
    return tp, fp, missed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="dev", choices=["dev", "heldout"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--per-document", action="store_true")
    parser.add_argument("--only", help="comma-separated methods")
    parser.add_argument("--round", type=int, help="only the documents of that round of writing (1, 2 …)")
    args = parser.parse_args(argv)
    import django

    django.setup()
    from qorgau.documents.evaluation import gold_mentions

    entries = json.loads((HERE / f"gold-{args.set}.json").read_text())["documents"]
    if args.round:
        entries = [e for e in entries if e.get("round", 1) == args.round]
    docs = [(e, (HERE / args.set / e["file"]).read_text()) for e in entries]
    chosen = methods()
    if args.only:
        chosen = {k: v for k, v in chosen.items() if k in args.only.split(",")}
    print(f"| method | language | docs | words | mentions | P | R | words/s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, finder in chosen.items():
        for language in sorted({e["language"] for e, _ in docs}):
            subset = [(e, t) for e, t in docs if e["language"] == language]
            words = sum(len(t.split()) for _, t in subset)
            for e, t in subset:  # warm-up: dictionaries, natasha's model
                finder(t, language)
            start = time.process_time()
            for _ in range(args.repeat):
                for e, t in subset:
                    finder(t, language)
            elapsed = time.process_time() - start
            tp = fp = fn = 0
            for e, t in subset:
                gold = gold_mentions(t, e["persons"])
                hits, false, missed = score(finder(t, language), gold)
                tp, fp, fn = tp + hits, fp + len(false), fn + len(missed)
                if args.per_document and name == "rules" and (false or missed):
                    print(f"  {e['file']}: false {false} missed {[t[s:e_] for s, e_, _ in missed]}")
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            rate = words * args.repeat / elapsed if elapsed else 0.0
            print(f"| {name} | {language} | {len(subset)} | {words} | {tp + fn} | {p:.3f} | {r:.3f} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
