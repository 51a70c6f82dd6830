"""CPU time of reading and extraction on hostile text shapes, each a text of our own repeated or generated:

    lines      one sentence with a name, a verdict, an article and a family name alone, one per line, no blank line
    one line   the same sentences on one line
    2 MB line  the same sentences on one line of ~2,000,000 characters (QORGAU_MAX_LINE_CHARS raised for it)
    names      45,000 distinct full names and their family names alone, in short sentences (2 MB)
    dates      20,000 dates in sentences with verdicts
    brackets   brackets and quotes nested deep around names and verdicts
    aliases    a maiden name and a press spelling in brackets after each name ("(née …)", "(in some media — …)")

    python benchmarks/hostile_text.py                      # every shape at its sizes
    python benchmarks/hostile_text.py --shape lines names  # only these
    python benchmarks/hostile_text.py --scale 0.25         # each size times 0.25

Grows faster than the text where the extraction rescans the text or the mentions before each match (docs/benchmarks.md,
"Hostile text shapes"). The readers' limits bound the text (QORGAU_MAX_TEXT_CHARS, QORGAU_MAX_LINE_CHARS).
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCE = ("Aslan Sagutdinov was sentenced on 3 May 2021 to two years in prison under Article 174, his son "
            "Sagutdinov said. ")
GIVEN = ["Aslan", "Marat", "Nurlan", "Serik", "Talgat", "Kairat", "Dauren", "Askhat", "Arman", "Yerzhan", "Bolat",
         "Ruslan", "Timur", "Galym", "Azamat", "Dastan", "Yermek", "Asel", "Gulnara", "Zhanar", "Aigerim", "Dinara"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SYLLABLES = ["ab", "ak", "al", "am", "an", "ar", "as", "at", "ba", "be", "da", "ja", "ka", "ke", "ku", "ma", "mu", "na",
             "nu", "ra", "sa", "se", "ta", "tu", "zha", "zhu", "ba", "ib", "is", "om", "or", "ul", "us"]


def family_names(n, seed=3):
    rng = random.Random(seed)
    seen = set()
    while len(seen) < n:
        seen.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() + rng.choice(["ov", "ev", "in", "uly"]))
    return sorted(seen)


def names_text(n):
    """n distinct full names, each followed by a sentence naming its family name alone."""
    out = []
    for i, family in enumerate(family_names(n)):
        out.append(f"{GIVEN[i % len(GIVEN)]} {family} was fined. {family} left.\n")
    return "".join(out)


def dates_text(n):
    rng = random.Random(7)
    return "".join(f"On {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2000, 2024)} the court fined him "
                   f"again.\n" for _ in range(n))


def brackets_text(depth, repeat):
    opening = "".join(rng_char for rng_char in "([{«\"'" * (depth // 6 + 1))[:depth]
    closing = "".join({"(": ")", "[": "]", "{": "}", "«": "»", "\"": "\"", "'": "'"}[c] for c in reversed(opening))
    return (f"{opening}{SENTENCE.strip()}{closing}\n") * repeat


SIZES = {"one line": [200, 400, 800], "lines": [2000, 4000, 8000], "2 MB line": [17500], "names": [11250, 22500, 45000],
         "dates": [5000, 10000, 20000], "brackets": [975, 1950, 3900], "aliases": [4500, 9000, 18000]}
# (no "aliases" in SMALL: benchmarks/extraction_same.py reads SMALL, and its documents stay those of earlier checkouts)
ALIASES = ("Nurgul Amirova (née Bekzhanova) was fined, Amirova said; Talgat Ayan (in some media — Tolgat Ayanov) "
           "left.\n")
SMALL = {"one line": [200], "lines": [500], "2 MB line": [1200], "names": [2000], "dates": [1000], "brackets": [200]}


def make(shape, n):
    if shape == "one line" or shape == "2 MB line":
        return SENTENCE * n
    if shape == "lines":
        return (SENTENCE + "\n") * n
    if shape == "names":
        return names_text(n)
    if shape == "dates":
        return dates_text(n)
    if shape == "brackets":
        return brackets_text(200, n)
    if shape == "aliases":
        return ALIASES * n
    raise ValueError(shape)


def shapes(small=False, only=None, scale=1.0):
    """[(shape, n, text)] for the benchmark and for benchmarks/extraction_same.py (small=True: a few seconds each)."""
    sizes = SMALL if small else SIZES
    return [(shape, max(1, int(n * scale)), make(shape, max(1, int(n * scale))))
            for shape, ns in sizes.items() if not only or shape in only for n in ns]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", nargs="*", choices=sorted(SIZES))
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    os.environ.setdefault("QORGAU_MAX_LINE_CHARS", "2000000")   # the 2 MB line: an operator who raised the limit
    import django

    django.setup()
    from benchmarks.ingest import pipeline

    print(f"{'shape':10} {'n':>7} {'characters':>11} {'lines':>7} {'CPU s':>7} {'acts':>6}")
    for shape, n, text in shapes(only=args.shape, scale=args.scale):
        started = time.process_time()
        _words, acts = pipeline("hostile.txt", text.encode())
        print(f"{shape:10} {n:7,} {len(text):11,} {text.count(chr(10)):7,} {time.process_time() - started:7.2f} "
              f"{acts:6,}", flush=True)


if __name__ == "__main__":
    main()
