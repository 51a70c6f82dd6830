"""Time and peak memory of `qorgau opendata` on the database benchmarks/pages.py generates.

    python benchmarks/pages.py --persons 100000 --acts-per-person 10     # once, to make the database
    python benchmarks/opendata.py --persons 100000                       # SQLite in benchmarks/out/
    python benchmarks/opendata.py --data-dir DIR                         # SQLite elsewhere
    DATABASE_URL=postgres:///qorgau_bench python benchmarks/opendata.py  # PostgreSQL

Nothing here asserts a timing; it prints them.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=100_000, help="which generated database to use (SQLite)")
    parser.add_argument("--data-dir", help="the SQLite data directory (default benchmarks/out/data-PERSONS)")
    parser.add_argument("--grant-consent", action="store_true",
                        help="first mark every public person as having granted consent to publication (the generator "
                             "leaves consent unknown, and open data names only people who granted it); bypasses the "
                             "models, so statistics count from the acts until `qorgau census --rebuild`")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        os.environ["QORGAU_DATA_DIR"] = args.data_dir or str(OUT / f"data-{args.persons}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from qorgau.analysis.opendata import write_package
    from qorgau.records.models import Act, Person

    if args.grant_consent:
        from qorgau.analysis import summaries

        changed = Person.objects.filter(sensitivity="public").exclude(consent="granted").update(consent="granted")
        if changed:
            summaries._set_ready(0)
        print(f"consent granted for {changed} public persons")
    print(f"{Person.objects.count()} persons, {Act.objects.count()} acts")
    with tempfile.TemporaryDirectory() as target:
        started = time.perf_counter()
        counts = write_package(target)
        elapsed = time.perf_counter() - started
        size = sum(p.stat().st_size for p in Path(target).iterdir())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"opendata: {elapsed:.1f} s, {size / 1e6:.0f} MB written, peak RSS {peak:.0f} MB")
    print(", ".join(f"{n} {t}" for t, n in counts.items()))


if __name__ == "__main__":
    main()
