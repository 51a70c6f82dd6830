"""CPU time of reading and extraction on hostile text shapes: one sentence with a name, a verdict, an article and a
family name alone, repeated — on one long line, or one per line with no blank line (no paragraphs).

    python benchmarks/hostile_text.py                    # lines: 2000 4000 8000; one line: 200 400 800 sentences
    python benchmarks/hostile_text.py --lines 1000 2000  # only these

Grows faster than the text where the extraction rescans the text or the mentions before each match (docs/benchmarks.md,
"Hostile text shapes"). The readers' limits bound it (QORGAU_MAX_TEXT_CHARS, QORGAU_MAX_LINE_CHARS).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCE = ("Aslan Sagutdinov was sentenced on 3 May 2021 to two years in prison under Article 174, his son "
            "Sagutdinov said. ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="*", default=[2000, 4000, 8000])
    parser.add_argument("--one-line", type=int, nargs="*", default=[200, 400, 800])
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    import django

    django.setup()
    from benchmarks.ingest import pipeline

    shapes = [("one line", n, SENTENCE * n) for n in args.one_line] + \
        [("lines", n, (SENTENCE + "\n") * n) for n in args.lines]
    print(f"{'shape':10} {'sentences':>9} {'characters':>11} {'CPU s':>7} {'acts':>6}")
    for shape, n, text in shapes:
        started = time.process_time()
        _words, acts = pipeline("hostile.txt", text.encode())
        print(f"{shape:10} {n:9,} {len(text):11,} {time.process_time() - started:7.2f} {acts:6,}", flush=True)


if __name__ == "__main__":
    main()
