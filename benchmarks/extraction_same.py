"""Does extraction give the same output on two checkouts? Writes one line per document — its mentions, dates,
provisions, act proposals, tallies and targets, as printed by their dataclasses — for the dev documents, the corpus
and the hostile shapes of benchmarks/hostile_text.py; compare two runs with `cmp` or `diff`.

    PYTHONHASHSEED=0 PYTHONPATH=. python benchmarks/extraction_same.py --out /tmp/before.txt
    PYTHONHASHSEED=0 PYTHONPATH=. python benchmarks/extraction_same.py --out /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt

Reads tests/evaluation/genres/dev and $QORGAU_CORPUS (never the test split). Fix PYTHONHASHSEED: extraction's
names depend on it (docs/benchmarks.md).
"""

import argparse
import hashlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def extract(name, data):
    from qorgau.documents.extract.acts import find_acts, find_tallies
    from qorgau.documents.extract.dates import find_dates
    from qorgau.documents.extract.names import find_persons
    from qorgau.documents.extract.provisions import find_provisions
    from qorgau.documents.extract.targets import find_targets
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise

    canonical = canonicalise(read_document(name, data), {"174", "274", "400", "488"})
    text = canonical.text
    mentions, dates, provisions = find_persons(text), find_dates(text), find_provisions(text)
    acts = find_acts(text, mentions, dates, provisions, footnotes=canonical.footnotes, markers=canonical.markers)
    return [text, mentions, dates, provisions, acts, find_tallies(text, dates), find_targets(text)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--no-hostile", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    os.environ.setdefault("QORGAU_MAX_LINE_CHARS", "2000000")   # the hostile 2 MB line shape
    import django

    django.setup()
    files = sorted((ROOT / "tests/evaluation/genres/dev").glob("*.*"))
    corpus = Path(os.environ.get("QORGAU_CORPUS", ROOT.parent / "shared/corpus"))
    files += sorted(p for p in corpus.glob("*") if p.is_file() and p.name != "README.md")
    items = [(p.name, p.read_bytes()) for p in files]
    if not args.no_hostile:
        from benchmarks.hostile_text import shapes

        items += [(f"hostile-{shape}-{n}.txt", text.encode()) for shape, n, text in shapes(small=True)]
    lines = []
    for name, data in items:
        out = repr(extract(name, data))
        lines.append(f"{name}\t{hashlib.sha256(out.encode()).hexdigest()}\t{out}")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} documents, all: {hashlib.sha256(chr(10).join(lines).encode()).hexdigest()[:16]}")


if __name__ == "__main__":
    main()
