"""Reading the spreadsheets NGOs keep (CSV in any common encoding, XLSX) as rows of text, with bounds.

`read_table(path)` returns (headers, rows) where each row is (row number as the user sees it, {header: text}).
Every problem is a `TableError` whose message names the row, so a command can print it and exit 1.
Bounds: file size, rows, columns and cell length (a hostile or mistaken file costs bounded time and memory).
"""

import csv
import io
import re
import zipfile
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 100
MAX_CELL = 5000
MAX_EMPTY_RUN = 10_000  # empty rows in a row that end a table (bounded time on a sheet padded to its last row)
# An XLSX is a zip: refuse one that would expand far beyond its size (a zip bomb).
MAX_XLSX_EXPANDED = 200 * 1024 * 1024
# A part that expands more than MAX_XLSX_RATIO times (and to more than MAX_XLSX_PART_FLOOR) is a zip bomb, not a list,
# as for a DOCX (documents/ingest/reading.py, MAX_RATIO): 414 KB of shared strings ("a" ten million times, 170 MB,
# under the total cap) took 82 s of CPU and 1 GB before the first row, as openpyxl reads every shared string first.
MAX_XLSX_RATIO = 200
MAX_XLSX_PART_FLOOR = 10 * 1024 * 1024
# Under that ratio, 950 KB of shared strings (ten million one-letter strings, 170 MB inside, 180 times) still took
# 85 s of CPU and 965 MB (session 11 audit): what costs is the number of strings and cells openpyxl parses, not bytes.
# Before openpyxl reads anything, the sheets' cells and the shared strings are counted in the decompressed stream
# (about a second for 170 MB) and a file with more than `max_cells` of either is refused. 100,000 rows of 20 filled
# columns is 2,000,000 cells.
MAX_CELLS = 2_000_000
_CELL = re.compile(rb"<(?:\w+:)?c[\s/>]")
_SHARED = re.compile(rb"<(?:\w+:)?si[\s/>]")


class TableError(ValueError):
    pass


class TableTooLarge(TableError):
    """More rows or cells than the reader was asked to take (the file itself may be fine)."""


def normalise_header(text):
    return " ".join(str(text or "").strip().lower().replace("_", " ").split()).replace(" ", "_")


def _decode(data):
    from charset_normalizer import from_bytes

    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise TableError("The file is not text: save it as CSV (UTF-8) or XLSX.") from None
        return str(best)


def _csv_rows(data):
    text = _decode(data)
    if "\x00" in text:
        raise TableError("The file is not text: save it as CSV (UTF-8) or XLSX.")
    sample = text[:4096]
    delimiter = max([",", ";", "\t"], key=sample.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as error:
        raise TableError(f"Row {reader.line_num}: {error}.") from None


def _count(archive, info, pattern, limit):
    """Occurrences of `pattern` in a part, read decompressed in chunks; stops once past `limit`."""
    found, carry = 0, b""
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(1 << 20)
            data = carry + chunk
            if not chunk:
                return found + len(pattern.findall(data))
            cut = data.rfind(b"<")  # a tag cut by the chunk's end is counted with the next chunk
            cut = len(data) if cut < 0 else cut
            found += len(pattern.findall(data, 0, cut))
            carry = data[cut:]
            if found > limit:
                return found


def _xlsx_rows(path, max_cells=MAX_CELLS):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_EXPANDED:
                raise TableError("The spreadsheet expands to too much data to be a list.")
            if any(info.file_size > MAX_XLSX_PART_FLOOR
                   and info.file_size > MAX_XLSX_RATIO * max(info.compress_size, 1) for info in archive.infolist()):
                raise TableError("The spreadsheet expands to far more than any list would (a zip bomb?); not read.")
            cells = strings = 0
            for info in archive.infolist():
                name = info.filename.lower()
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    cells += _count(archive, info, _CELL, max_cells - cells)
                elif name.endswith("sharedstrings.xml"):
                    strings += _count(archive, info, _SHARED, max_cells - strings)
                if cells > max_cells or strings > max_cells:
                    raise TableTooLarge(f"The spreadsheet holds more than {max_cells:,} cells or texts (counting every "
                                     "sheet); keep the list on one sheet, or split the file.")
        workbook = load_workbook(path, read_only=True, data_only=True)
    except TableError:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise TableError("The file is not a readable XLSX spreadsheet.") from None
    try:
        # A cell far to the right (column XFD) made every row 16,384 cells long: a 300 KB file took minutes.
        # Columns past the limit are never read (a header that long is refused by read_table).
        # openpyxl parses rows as they are asked for, so a damaged row fails here, not at opening: a cell naming a
        # shared text that does not exist raised IndexError through /import/ (a 500; session 11 audit).
        try:
            rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        except Exception:
            raise TableError("The file is not a readable XLSX spreadsheet.") from None
        number = 0
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception:
                raise TableError(f"Row {number + 1}: the spreadsheet is damaged here; not read.") from None
            number += 1
            yield ["" if value is None else (value.isoformat()[:10] if hasattr(value, "isoformat") else str(value))
                   for value in row]
    finally:
        workbook.close()


def read_table(path, required=("name",), aliases=None, max_rows=MAX_ROWS, max_cells=MAX_CELLS):
    """Headers and rows of the first sheet. `aliases` maps other headings (e.g. Russian) to ours. At most `max_rows`
    rows and `max_cells` cells (an XLSX: cells and shared texts counted before it is read), else TableError."""
    path = Path(path)
    if path.is_symlink() or not path.is_file():
        raise TableError(f"{path.name}: not a regular file.")
    if path.stat().st_size > MAX_BYTES:
        raise TableError(f"{path.name} is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if path.stat().st_size == 0:
        raise TableError(f"{path.name} is empty.")
    kind = path.suffix.lower()
    if kind == ".xlsx":
        raw = _xlsx_rows(path, max_cells)
    elif kind in {".csv", ".tsv", ".txt"}:
        raw = _csv_rows(path.read_bytes())
    else:
        raise TableError(f"{path.name}: give a .csv or .xlsx file.")
    aliases = aliases or {}
    headers, rows, empty_run, cells_read = None, [], 0, 0
    for number, cells in enumerate(raw, start=1):
        if headers is None:
            headers = [aliases.get(normalise_header(c), normalise_header(c)) for c in cells]
            while headers and not headers[-1]:
                headers.pop()
            if len(headers) > MAX_COLUMNS:
                raise TableError(f"Row 1: more than {MAX_COLUMNS} columns.")
            missing = [name for name in required if name not in headers]
            if missing:
                raise TableError(f"Row 1: no column named {', '.join(missing)} (found: {', '.join(headers) or 'none'}).")
            continue
        if not any(str(c).strip() for c in cells):
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                break  # a sheet "used" down to row 1,048,576 (formatting, or one far cell): the table has ended
            continue
        empty_run = 0
        if len(rows) >= max_rows:
            raise TableTooLarge(f"Row {number}: more than {max_rows:,} rows; split the file.")
        cells_read += sum(1 for c in cells if c != "")  # an XLSX row comes padded to the widest row
        if cells_read > max_cells:
            raise TableTooLarge(f"Row {number}: more than {max_cells:,} cells; split the file.")
        long = next((c for c in cells if len(str(c)) > MAX_CELL), None)
        if long is not None:
            raise TableError(f"Row {number}: a cell is longer than {MAX_CELL} characters.")
        rows.append((number, {h: str(c).strip() for h, c in zip(headers, cells) if h}))
    if headers is None:
        raise TableError(f"{path.name} has no header row.")
    return headers, rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A text beginning with = + - @ (or a tab or carriage return before one) is not run as a formula by the reader's
    spreadsheet program (CSV injection, OWASP): it is written with a leading apostrophe. Every CSV and workbook the
    program writes passes its cells through here (XLSX written by lib/xlsx_stream.py holds text as text already)."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


_safe_cell = safe_cell


def write_table(header, rows, fmt, sheet_name="records"):
    """CSV (UTF-8 with a byte-order mark, which Excel needs to read Cyrillic) or XLSX bytes of a header and rows."""
    import csv
    import io

    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows([[_safe_cell(v) for v in row] for row in rows])
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name[:31])
    sheet.append(header)
    for row in rows:
        sheet.append([_safe_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
