"""CPU and memory of reading a hostile XLSX: many one-letter shared texts, padded so the part expands about 180
times (under the zip-bomb ratio, 200, and the 200 MB cap).

    python benchmarks/hostile_xlsx.py                  # 10,000,000 texts (about 950 KB): refused by the count
    python benchmarks/hostile_xlsx.py --texts 1900000  # just under MAX_CELLS: read whole (the bound's cost)

Prints the file's size, what `read_table` answered, CPU seconds and the peak memory. Nothing here asserts them.
"""

import argparse
import io
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(texts, pad_every=250):
    rnd = random.Random(1)
    block = "<si><t>a</t></si>" * (pad_every - 1)
    shared = "".join(block + "<si><t>%s</t></si>" % "".join(rnd.choice(string.ascii_letters) for _ in range(12))
                     for _ in range(texts // pad_every))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'))
        archive.writestr("xl/workbook.xml", (f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="{REL}">'
                                             '<sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
        archive.writestr("xl/worksheets/sheet1.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v>'
            '</c></row></sheetData></worksheet>'))
        archive.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst {NS}>{shared}</sst>')
    return out.getvalue()


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
