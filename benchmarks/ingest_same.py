"""Does `qorgau ingest` write the same thing on two checkouts? (issue 11, "Speed": a speed change must not change
what is written.)

    python benchmarks/ingest_same.py --code ../main --code . FILE...            # SQLite
    python benchmarks/ingest_same.py --code ../main --code . --database postgres:///qorgau_same FILE...
    python benchmarks/ingest_same.py --code ../main --code . --russian 50000       # the generated Russian text

For each checkout: a new data directory (and database), `qorgau init`, then `qorgau ingest FILES` in one process
with PYTHONHASHSEED=0 and record identifiers drawn from a seeded generator (they are random otherwise), then every
table is dumped: all rows, sorted, every column but times and the audit chain's hashes (which hold the times);
sealed values unsealed (their nonces differ); blocking keys (keyed by each data directory's own key) as the groups
of persons sharing a key. The audit entries keep their order (ids), verbs and record types; `qorgau audit verify`
must pass. Prints the first differing lines, or that the dumps are identical.
"""

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP_TABLES = {"django_session", "django_migrations", "axes_accessattempt", "axes_accesslog", "throttle_counter"}
SKIP_COLUMNS = {"at", "hash", "prev_hash", "created_at", "updated_at"}


def child(data_dir, out, files):
    """In the checkout's process: ingest with seeded identifiers, dump, verify the audit chain."""
    import random

    import qorgau.lib.identifiers as identifiers

    generator = random.Random(12345)
    identifiers.secrets = type("SeededSecrets", (), {"randbits": staticmethod(generator.getrandbits)})
    from qorgau.cli import main as qorgau

    qorgau(["--data-dir", data_dir, "ingest", *files])
    from django.core.management import call_command
    from django.db import connection

    from qorgau.keys.crypto import unseal

    def shown(value):
        return "SEALED:" + unseal(value) if isinstance(value, str) and value.startswith("qe1:") else str(value)

    lines = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table in SKIP_TABLES:
                continue
            description = connection.introspection.get_table_description(cursor, table)
            columns = [d.name for d in description if d.name not in SKIP_COLUMNS and not d.name.endswith("_at")
                       and "date" not in str(d.type_code).lower() and str(d.type_code) not in {"1184", "1114"}]
            if table == "resolution_blockingkey":   # keyed per data directory: compare who shares a key
                groups = {}
                cursor.execute("SELECT key, person_id FROM resolution_blockingkey")
                for key, person in cursor.fetchall():
                    groups.setdefault(key, []).append(person)
                rows = sorted(json.dumps(sorted(group)) for group in groups.values())
            else:
                cursor.execute(f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(table)}")
                rows = sorted(json.dumps([shown(v) for v in row], ensure_ascii=False) for row in cursor.fetchall())
            lines.append(f"## {table}: {len(rows)} rows {columns}")
            lines.extend(rows)
        cursor.execute("SELECT verb, record_type, count(*) FROM audit_auditentry GROUP BY verb, record_type "
                       "ORDER BY verb, record_type")
        lines.append("## audit entries per verb and record type " + json.dumps(cursor.fetchall()))
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    call_command("audit", "verify")


def dump(code, database, files, out):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from ingest import _fresh_database

    with tempfile.TemporaryDirectory() as data_dir:
        env = _fresh_database(database, data_dir, code)
        result = subprocess.run([sys.executable, __file__, "--child", data_dir, out, *files], env=env,
                                capture_output=True, text=True, cwd=code)
    if result.returncode:
        sys.exit(f"{code}: the ingest failed:\n{result.stderr[-3000:]}")
    print(f"{code}: {result.stdout.strip().splitlines()[-1]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--code", action="append", required=True, help="a checkout (give two)")
    parser.add_argument("--database", default="sqlite", help="sqlite, or a PostgreSQL URL (dropped and created)")
    parser.add_argument("--russian", type=int, default=0, help="also a generated Russian text of that many words")
    parser.add_argument("--keep", help="a directory to copy the two dumps to")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    if len(args.code) != 2:
        parser.error("give --code twice: the two checkouts to compare")
    with tempfile.TemporaryDirectory() as work:
        files = [str(Path(f).resolve()) for f in args.files]
        if args.russian:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from ingest import make_russian

            russian = Path(work) / "russian.txt"
            russian.write_text(make_russian(args.russian), encoding="utf-8")
            files.append(str(russian))
        if not files:
            parser.error("no files to ingest")
        outs = []
        for index, code in enumerate(args.code):
            outs.append(Path(work) / f"dump{index}.txt")
            dump(str(Path(code).resolve()), args.database, files, outs[-1])
        a, b = (out.read_text(encoding="utf-8").splitlines() for out in outs)
        if args.keep:
            for out in outs:
                (Path(args.keep) / out.name).write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    if a == b:
        print(f"identical: {len(a):,} lines (tables, rows, audit entries per verb and record type)")
        return
    diff = list(difflib.unified_diff(a, b, *args.code, lineterm="", n=0))
    print("\n".join(line[:300] for line in diff[:40]))
    sys.exit(f"the dumps differ ({len(diff):,} diff lines)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        main()
