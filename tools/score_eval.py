"""Score extraction on the evaluation splits, per language and per format, as a Markdown table (issue 11).

    python tools/score_eval.py                 # dev and test, text versions
    python tools/score_eval.py --formats       # also the rendered html/pdf/docx (run tools/render_eval.py first)

Uses qorgau.documents.evaluation (the scoring `qorgau evaluate` does) document by document, then sums the counts by
split, format and language; resolution is scored over each split and format as a whole.
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
import django  # noqa: E402

django.setup()

from qorgau.documents.evaluation import Score, score_document, score_resolution  # noqa: E402
from qorgau.documents.ingest.reading import read_document  # noqa: E402
from qorgau.documents.ingest.repair import canonicalise  # noqa: E402

EVAL = ROOT / "tests" / "evaluation"
RENDERED = Path(os.environ.get("RENDERED", ROOT / ".tmp" / "eval-render"))
KINDS = ["person mentions", "acts", "person–provision pairs"]


def score_set(gold_path, folder):
    """{language: {kind: Score}} with an "all" language, and the pairwise resolution score."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    by_language, texts = {}, []
    for entry in gold["documents"]:
        path = Path(folder) / entry["file"]
        text = canonicalise(read_document(entry["file"], path.read_bytes())).text
        texts.append((text, entry))
        scores = score_document(text, entry, entry.get("published", ""))
        for language in (entry.get("language", "?"), "all"):
            for kind in KINDS:
                by_language.setdefault(language, {}).setdefault(kind, Score()).add(scores[kind])
    return by_language, score_resolution(texts)


def cell(score):
    return f"{score.precision:.2f} / {score.recall:.2f}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", action="store_true", help="also score the rendered html, pdf and docx versions")
    args = parser.parse_args(argv)
    rows = []
    for split in ("dev", "test"):
        sets = [("text", EVAL / f"gold-{split}.json", EVAL / "genres" / split)]
        if args.formats:
            sets += [(fmt, RENDERED / split / f"gold-{fmt}.json", RENDERED / split) for fmt in ("html", "pdf", "docx")]
        for fmt, gold, folder in sets:
            if not Path(gold).exists():
                print(f"missing {gold}: run tools/render_eval.py first", file=sys.stderr)
                continue
            by_language, resolution = score_set(gold, folder)
            for language in sorted(by_language, key=lambda x: (x == "all", x)):
                scores = by_language[language]
                rows.append(f"| {split} | {fmt} | {language} | " + " | ".join(cell(scores[k]) for k in KINDS)
                            + f" | {cell(resolution) if language == 'all' else ''} |")
    print("| split | format | language | mentions P / R | acts P / R | person–provision P / R | resolution P / R |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
