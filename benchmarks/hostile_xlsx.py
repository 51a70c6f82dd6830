"""CPU and memory of reading a hostile XLSX: many one-letter shared texts, padded so the part expands about 180
times (under the zip-bomb ratio, 200, and the 200 MB cap).

    python benchmarks/hostile_xlsx.py                  # 10,000,000 texts (about 950 KB): refused by the count
    python benchmarks/hostile_xlsx.py --texts 1900000  # just under MAX_CELLS: read whole (the bound's cost)

Prints the file's size, what `read_table` answered, CPU seconds and the peak memory. Nothing here asserts them.
"""

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def workbook(texts):
    """The test's hostile workbook (tests/test_audit_findings_s11.py `_many_strings`), built once for both."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
    django.setup()
    from tests.test_audit_findings_s11 import _many_strings

    return _many_strings(texts)


def read(path):
    """In its own process, so the peak memory is the reader's, not the generator's."""
    from qorgau.lib.spreadsheets import TableError, read_table

    started = time.process_time()
    try:
        answer = f"read {len(read_table(path, required=())[1])} rows"
    except TableError as error:
        answer = f"refused: {error}"
    print(answer)
    print(f"cpu {time.process_time() - started:.1f} s, peak memory "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=10_000_000)
    parser.add_argument("--read", help=argparse.SUPPRESS)
    parser.add_argument("--write", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read:
        return read(args.read)
    if args.write:
        return Path(args.write).write_bytes(workbook(args.texts))
    with tempfile.TemporaryDirectory() as folder:  # each step its own process: peak memory is per process
        path = Path(folder) / "list.xlsx"
        subprocess.run([sys.executable, __file__, "--texts", str(args.texts), "--write", str(path)], check=True)
        print(f"{path.stat().st_size / 1024:.0f} KB, {args.texts:,} texts:")
        subprocess.run([sys.executable, __file__, "--read", str(path)], check=True)


if __name__ == "__main__":
    main()
