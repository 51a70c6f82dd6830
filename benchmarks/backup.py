"""Time to back up and restore: the demo, and a generated database of N persons (SQLite, or PostgreSQL).

    python benchmarks/backup.py --demo                                   # the demo dataset
    python benchmarks/backup.py --persons 100000 --acts-per-person 10    # reuses benchmarks/pages.py's generator
    DATABASE_URL=postgres:///qorgau_bench python benchmarks/backup.py --persons 100000 \
        --restore-url postgres:///qorgau_bench_restored                  # restore needs an empty database

Runs `qorgau backup` and `qorgau restore` as a user would (separate processes) and prints wall-clock times,
the archive's size and the row counts. Timings are this machine's; nothing here asserts them.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def qorgau(data_dir, *args, database_url=None):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["PYTHONPATH"] = str(ROOT)
    if database_url:
        env["DATABASE_URL"] = database_url
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "qorgau", "--data-dir", str(data_dir), *args], env=env,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"qorgau {' '.join(args)} failed:\n{result.stderr}")
    return elapsed, result.stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demo", action="store_true", help="time the demo dataset")
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--acts-per-person", type=int, default=10)
    parser.add_argument("--restore-url", help="PostgreSQL: the empty database to restore into")
    parser.add_argument("--fresh", action="store_true", help="regenerate the SQLite data directory")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    database_url = os.environ.get("DATABASE_URL")
    if args.demo:
        data_dir = OUT / "backup-demo"
        shutil.rmtree(data_dir, ignore_errors=True)
        qorgau(data_dir, "demo", "--no-serve", database_url=database_url)
        label = "demo"
    else:
        # The generator of benchmarks/pages.py, in this process, then the commands in their own.
        sys.argv = [sys.argv[0], "--persons", str(args.persons), "--acts-per-person", str(args.acts_per_person)]
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import pages

        page_args = argparse.Namespace(persons=args.persons, acts_per_person=args.acts_per_person, fresh=args.fresh)
        pages.setup(page_args)
        pages.generate(page_args)
        data_dir = Path(os.environ.get("QORGAU_DATA_DIR", OUT / f"data-{args.persons}"))
        label = f"{args.persons} persons, {args.acts_per_person} acts each"
    passphrase = OUT / "backup-passphrase"
    passphrase.write_text("benchmark passphrase, not a secret")
    archive = OUT / "bench.backup"
    backup_seconds, backup_out = qorgau(data_dir, "backup", "-o", str(archive), "--passphrase-file",
                                        str(passphrase), database_url=database_url)
    restored = OUT / "restored"
    shutil.rmtree(restored, ignore_errors=True)
    restore_url = args.restore_url if database_url else None
    if database_url and not restore_url:
        sys.exit("On PostgreSQL give --restore-url (an empty database).")
    restore_seconds, restore_out = qorgau(restored, "restore", str(archive), "--passphrase-file", str(passphrase),
                                          database_url=restore_url)
    verify_seconds, verify_out = qorgau(restored, "audit", "verify", database_url=restore_url)
    vendor = "PostgreSQL" if database_url else "SQLite"
    print(f"{label} on {vendor}")
    print(f"  backup:  {backup_seconds:6.1f} s  {archive.stat().st_size / 1e6:7.1f} MB  ({backup_out})")
    print(f"  restore: {restore_seconds:6.1f} s  ({restore_out.splitlines()[0]})")
    print(f"  verify:  {verify_seconds:6.1f} s  ({verify_out})")


if __name__ == "__main__":
    main()
