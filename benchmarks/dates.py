"""CPU time of the date finder (`find_dates`) on the dev documents, each read on its own, and the share of its
relative-phrase alternation (`RELATIVE`, one branch per row of lexicon/<language>/relative.tsv, tried at every word).

    python benchmarks/dates.py            # min of 3 runs over tests/evaluation/genres/dev (test split never read)

Session 14 (h24-date), on a loaded machine (load 10): main 0.88–0.92 s (about 77,000 words/s, RELATIVE 0.40 s) → 1.00 s
(69,000 words/s, RELATIVE 0.45 s) for the 358 dev documents, after its relative rows (weeks, months) and date shapes.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# documents of the validation and test rounds are left out (their first letters; docs/evaluation.md)
LEFT_OUT = tuple("bcfjyz")


def main():
    from qorgau.documents.extract.dates import RELATIVE, find_dates
    from qorgau.lib.prefilter import led

    folder = ROOT / "tests" / "evaluation" / "genres" / "dev"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
             if p.suffix in {".txt", ".md"} and not p.name.startswith(LEFT_OUT)]
    for text in texts:  # (compiles and warms the patterns)
        find_dates(text, "2024-06-20")

    def best(run):
        times = []
        for _ in range(3):
            start = time.process_time()
            run()
            times.append(time.process_time() - start)
        return min(times)

    total = best(lambda: [find_dates(text, "2024-06-20") for text in texts])
    relative = best(lambda: [list(led(RELATIVE).finditer(text)) for text in texts])
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} documents, {words} words: find_dates {total:.3f} s ({words / total:,.0f} words/s), "
          f"of which the RELATIVE alternation {relative:.3f} s")


if __name__ == "__main__":
    main()
