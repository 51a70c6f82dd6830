"""Why acts are missed or wrong: each unmatched gold act and each false act of an evaluation set, by component.

    python tools/act_errors.py --gold tests/evaluation/gold-dev-h17-ru.json --corpus tests/evaluation/genres/dev
    python tools/act_errors.py --split dev [--language ru] [--list]

Missed gold acts (victim, group, date), in this order of checks:
  a  name     the victim's name was not found as a person mention
  b  no act   the name was found, but no act was proposed for that victim
  c  group    acts were proposed for the victim, none of the act's group
  d  date     the victim and group were proposed, with another date or none
  e  victim   an act of that group and date was proposed for another (wrong) victim
False acts:
  f  victim   the victim is not a person of the gold (an official, a non-person, a name read wrong)
  h  date     the gold has the victim and group, matched already or with another date (a duplicate or a wrong date)
  i  other    the victim and date fit no gold act of that group (a hypothetical, a tally, an act not in the gold …)
Never run it on the test split while writing rules.
"""

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MISSED = {"a": "name not found", "b": "no act for the victim", "c": "other act group", "d": "date wrong or missing",
          "e": "given to another victim"}
FALSE = {"f": "victim not a gold person", "h": "victim+group in gold, date off or duplicate", "i": "other"}


def explain(text, entry, footnotes=None, markers=None):
    """([(component, gold act)], [(component, predicted act, passage)]) for one document."""
    from qorgau.documents.evaluation import GROUP_OF, _resolver, dates_agree, gold_mentions, score_document

    found = {}
    score_document(text, entry, entry.get("published", ""), footnotes=footnotes, markers=markers, found=found)
    resolve = _resolver(entry["persons"])
    predicted, seen = [], set()
    for p in found["proposals"]:
        if p.kind != "act" or not p.victims:
            continue
        victim = resolve(p.victims[0])
        date = f"{p.date}/{p.date_end}" if p.date and p.date_end else p.date
        key = (victim or p.victims[0], GROUP_OF.get(p.act_type, ""), date)
        if key not in seen:  # scored as a set, as `qorgau evaluate` does
            seen.add(key)
            predicted.append((*key, bool(victim), text[p.start:p.end].replace("\n", " ")[:160]))
    gold = sorted({(a["victim"], a["group"], a["date"] or "") for a in entry["acts"]})
    # The same one-to-one matching as the score.
    unmatched, used = list(gold), set()
    for i, (victim, group, date, _, _) in sorted(enumerate(predicted), key=lambda t: -len(t[1][2])):
        hit = next((g for g in sorted(unmatched, key=lambda t: -len(t[2]))
                    if g[0] == victim and g[1] == group and dates_agree(date, g[2])), None)
        if hit:
            unmatched.remove(hit)
            used.add(i)
    spans = gold_mentions(text, entry["persons"])
    mentioned = {name for s, e, name in spans if any(m.start < e and s < m.end for m in found["mentions"])}
    missed = []
    for victim, group, date in unmatched:
        mine = [p for p in predicted if p[0] == victim]
        if victim not in mentioned and not mine:
            kind = "a"
        elif any(p[1] == group for p in mine):
            kind = "d"
        elif any(p[0] != victim and p[1] == group and dates_agree(p[2], date) for p in predicted):
            kind = "e"
        elif mine:
            kind = "c"
        else:
            kind = "b"
        missed.append((kind, (victim, group, date)))
    false = []
    for i, (victim, group, date, known, passage) in enumerate(predicted):
        if i in used:
            continue
        if not known:
            kind = "f"
        elif any(g[0] == victim and g[1] == group for g in gold):
            kind = "h"
        else:
            kind = "i"
        false.append((kind, (victim, group, date), passage))
    return missed, false


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold")
    parser.add_argument("--corpus")
    parser.add_argument("--split", choices=["dev", "corpus"])
    parser.add_argument("--language")
    parser.add_argument("--list", action="store_true", help="print every missed and false act")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    import django

    django.setup()
    from qorgau.documents.evaluation import SPLITS, read_gold
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise

    if args.split:
        _, gold_path, corpus = next(s for s in SPLITS if s[0] == args.split)
        corpus = corpus or Path(os.environ.get("QORGAU_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    else:
        gold_path, corpus = args.gold, args.corpus
    if not gold_path or not corpus:
        parser.error("give --split, or --gold and --corpus")
    totals_missed, totals_false, gold_acts = Counter(), Counter(), 0
    for entry in read_gold(gold_path)["documents"]:
        if args.language and entry.get("language") != args.language:
            continue
        path = Path(corpus) / entry["file"]
        if not path.exists():
            continue
        canonical = canonicalise(read_document(entry["file"], path.read_bytes()))
        missed, false = explain(canonical.text, entry, canonical.footnotes, canonical.markers)
        gold_acts += len({(a["victim"], a["group"], a["date"] or "") for a in entry["acts"]})
        totals_missed.update(k for k, _ in missed)
        totals_false.update(k for k, _, _ in false)
        if args.list and (missed or false):
            print(f"== {entry['file']}")
            for kind, act in missed:
                print(f"  missed {kind} {MISSED[kind]:24} {act}")
            for kind, act, passage in false:
                print(f"  false  {kind} {FALSE[kind]:24} {act}  | {passage}")
    print(f"gold acts {gold_acts}; missed {sum(totals_missed.values())}; false {sum(totals_false.values())}")
    for kind, label in MISSED.items():
        print(f"  missed {kind} {label:28} {totals_missed[kind]}")
    for kind, label in FALSE.items():
        print(f"  false  {kind} {label:28} {totals_false[kind]}")


if __name__ == "__main__":
    main()
