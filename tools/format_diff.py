"""How one document reads as a web page, a PDF report and a Word file compared with its text (format parity, issue 11).

    python tools/format_diff.py tests/evaluation/genres/dev/o02_prisoner_list_ru.txt --language ru
    python tools/format_diff.py FILE… [--language en|ru|kk] [--published 2021-11-01] [--formats html,pdf,docx]
    python tools/format_diff.py --gold tests/evaluation/gold-dev.json --corpus tests/evaluation/genres/dev --off

Each file is rendered as the evaluation renders it (qorgau.documents.render), read back through the upload readers,
and compared with the text version: the paragraphs that differ in the canonical text, then the proposals (act,
victim, date, provisions) that only one side makes. `--gold … --off` lists the documents of a set whose acts or
person–provision recall differs by more than 0.05 in a format (as `qorgau evaluate` counts "off").
Only the dev split and the corpus: never the test split.
"""

import argparse
import difflib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def proposals(canonical, published):
    from qorgau.documents.extract.acts import find_acts
    from qorgau.documents.extract.dates import find_dates
    from qorgau.documents.extract.names import find_persons
    from qorgau.documents.extract.provisions import find_provisions

    text = canonical.text
    return sorted(f"{p.act_type} {p.victims[0]} {p.date} {sorted(uid for uid, _ in p.provisions)}"
                  for p in find_acts(text, find_persons(text), find_dates(text, published), find_provisions(text),
                                     published=published, footnotes=canonical.footnotes, markers=canonical.markers))


def compare(path, language, published, formats):
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise
    from qorgau.documents.render import render_document

    path = Path(path)
    typed = canonicalise(read_document(path.name, path.read_bytes()))
    expected = proposals(typed, published)
    with tempfile.TemporaryDirectory(prefix="qorgau-format-diff-") as folder:
        entry = {"file": path.name, "language": language, "published": published}
        for fmt, rendered_path in render_document(path, entry, folder, formats).items():
            rendered = canonicalise(read_document(rendered_path.name, rendered_path.read_bytes()))
            print(f"===== {path.name} as {fmt}")
            for line in difflib.unified_diff(typed.text.split("\n\n"), rendered.text.split("\n\n"), "text", fmt,
                                             lineterm="", n=0):
                print(line[:300])
            found = proposals(rendered, published)
            for line in difflib.unified_diff(expected, found, "text proposals", f"{fmt} proposals", lineterm="", n=0):
                print(line)


def off(gold, corpus):
    from qorgau.documents.evaluation import evaluate_formats, recall_gaps

    results = evaluate_formats(gold, corpus)
    for fmt in ("html", "pdf", "docx"):
        for name, kind, text_recall, recall in recall_gaps(results, fmt):
            print(f"{fmt}\t{name}\t{kind}\ttext {text_recall:.3f}\t{fmt} {recall:.3f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--language", default="en", choices=["en", "ru", "kk"])
    parser.add_argument("--published", default="")
    parser.add_argument("--formats", default="html,pdf,docx")
    parser.add_argument("--gold")
    parser.add_argument("--corpus")
    parser.add_argument("--off", action="store_true")
    args = parser.parse_args(argv)
    if any(part in {"test"} or "gold-test" in part for a in [args.gold or "", args.corpus or "", *args.files]
           for part in Path(a).parts):
        parser.error("the test split is only scored by the lead (docs/evaluation.md)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    import django

    django.setup()
    if args.off:
        if not (args.gold and args.corpus):
            parser.error("--off needs --gold and --corpus")
        off(args.gold, args.corpus)
    for file in args.files:
        compare(file, args.language, args.published, [f for f in args.formats.split(",") if f])


if __name__ == "__main__":
    main()
