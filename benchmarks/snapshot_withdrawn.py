"""CPU and peak memory of the first look at whether an open-data snapshot was withdrawn (`analysis.opendata.withdrawn`),
when many audit entries were written since it and none names a record it holds, and of a look after a restart.

    python benchmarks/snapshot_withdrawn.py                          # 200,000 entries, a manifest of 1,000,000 ids
    python benchmarks/snapshot_withdrawn.py --entries 1000000 --ids 3000000

A fresh SQLite database in a temporary data directory (migrated here); entries are inserted directly. Nothing here
asserts a timing; it prints them.
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--ids", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        os.environ.pop("DATABASE_URL", None)
        os.environ["QORGAU_DATA_DIR"] = data
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        import django

        django.setup()
        from django.core.management import call_command
        from django.utils import timezone

        from qorgau.analysis import opendata
        from qorgau.audit.models import AuditEntry

        call_command("migrate", verbosity=0)
        folder = opendata.snapshot_dir()
        folder.mkdir(parents=True)
        archive = folder / "qorgau-opendata-2000-01-01.zip"
        archive.write_bytes(b"")
        with open(opendata._manifest_of(archive), "w") as handle:
            handle.write("0\n")
            for i in range(args.ids):
                handle.write(f"act_{i:012d}\n")
        now = timezone.now()
        for start in range(0, args.entries, 20_000):
            AuditEntry.objects.bulk_create([
                AuditEntry(at=now, actor_label="bench", verb="create", record_type="Act", record_uid=f"act_new{i:09d}",
                           changes={"act_type": "detained", "victim": f"per_new{i:09d}", "date": "2020-01-01"},
                           prev_hash="0", hash="0") for i in range(start, min(args.entries, start + 20_000))])
        tracemalloc.start()
        started = time.process_time()
        answer = opendata.withdrawn(archive)
        cpu = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        print(f"{args.entries} entries since, {args.ids} ids: withdrawn={answer}, first look {cpu:.2f} s CPU, "
              f"peak {peak:.0f} MB (traced)")
        opendata._checked.clear()  # a restarted server
        started = time.process_time()
        opendata.withdrawn(archive)
        print(f"after a restart: {(time.process_time() - started) * 1000:.1f} ms CPU")


if __name__ == "__main__":
    main()
