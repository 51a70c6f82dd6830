"""List the person mentions extraction misses and the ones it finds that are no one's (issue 11).

    python tools/mention_errors.py --language en                  # the dev split's English documents
    python tools/mention_errors.py --language en --skip 've|vf'   # leaving out parts held out (file prefixes)
    python tools/mention_errors.py --language en --counts         # the totals only

Scores as `qorgau evaluate` does (qorgau.documents.evaluation): a predicted span overlapping an annotated one is
found; a gold span no prediction overlaps is missed (FN); a prediction overlapping no gold span is false (FP).
Each is printed with its line, so the misses can be sorted by kind.
"""

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
import django  # noqa: E402

django.setup()

from qorgau.documents.evaluation import gold_mentions, read_gold  # noqa: E402
from qorgau.documents.extract.names import find_persons  # noqa: E402
from qorgau.documents.ingest.reading import read_document  # noqa: E402
from qorgau.documents.ingest.repair import canonicalise  # noqa: E402

EVAL = ROOT / "tests" / "evaluation"


def context(text, start, end, width=50):
    left = text[max(0, start - width):start].replace("\n", "⏎")
    right = text[end:end + width].replace("\n", "⏎")
    return f"…{left}[{text[start:end]}]{right}…"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", default=str(EVAL / "gold-dev.json"))
    parser.add_argument("--corpus", default=str(EVAL / "genres" / "dev"))
    parser.add_argument("--language", default="en")
    parser.add_argument("--skip", default="", help="a regular expression: files whose name starts so are left out")
    parser.add_argument("--only", default="", help="a regular expression: only files whose name starts so")
    parser.add_argument("--counts", action="store_true")
    args = parser.parse_args()
    tp = fp = fn = 0
    for entry in read_gold(args.gold)["documents"]:
        name = entry["file"]
        if args.language and entry.get("language") != args.language:
            continue
        if args.skip and re.match(args.skip, name) or args.only and not re.match(args.only, name):
            continue
        text = canonicalise(read_document(name, (Path(args.corpus) / name).read_bytes())).text
        gold = gold_mentions(text, entry["persons"])
        mentions = find_persons(text)
        matched, lines = set(), []
        for m in mentions:
            hit = next((i for i, (s, e, _) in enumerate(gold) if m.start < e and s < m.end and i not in matched), None)
            if hit is None:
                fp += 1
                lines.append(f"  FP {m.name!r:32} {context(text, m.start, m.end)}")
            else:
                matched.add(hit)
                tp += 1
        for i, (s, e, person) in enumerate(gold):
            if i not in matched:
                fn += 1
                lines.append(f"  FN {person!r:32} {context(text, s, e)}")
        if lines and not args.counts:
            print(name)
            print("\n".join(lines))
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    print(f"tp {tp} fp {fp} fn {fn}  precision {p:.3f} recall {r:.3f}")


if __name__ == "__main__":
    main()
