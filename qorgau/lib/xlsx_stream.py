"""A workbook written row by row straight into its zip: constant memory and a few microseconds a cell.

openpyxl's write-only mode keeps memory flat too, but spends about a millisecond a row building cell objects, so
an open-data release of a million acts spent minutes in it. Sheets here are plain SpreadsheetML: strings inline
(never a formula: a cell starting with "=" stays text), numbers as numbers, a header row, nothing else. A sheet
holds at most MAX_ROWS rows (Excel's limit); `StreamedWorkbook.append` continues a full sheet in "name (2)".
"""

import re
import zipfile
from xml.sax.saxutils import escape

MAX_ROWS = 1_048_576
# Characters XML 1.0 forbids (control characters other than tab, newline, carriage return).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
_TAIL = "</sheetData></worksheet>"


# What a string cell may need changed: characters to escape or to drop (most cells need neither).
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BUFFERED_ROWS = 2000  # rows joined before one write into the zip (a write and a deflate call per row cost more)


def _cell(value):
    if type(value) is str:
        if not value:
            return "<c/>"
        if _SPECIAL.search(value):
            value = escape(_ILLEGAL.sub("", value))
        return f'<c t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'
    if value is None:
        return "<c/>"
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, (int, float)):
        return f"<c><v>{value!r}</v></c>" if isinstance(value, float) else f"<c><v>{value}</v></c>"
    text = _ILLEGAL.sub("", str(value))
    return f'<c t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


class StreamedWorkbook:
    """with StreamedWorkbook(path) as book: book.sheet(name, header); book.append(row); ..."""

    def __init__(self, path):
        """`path`: a file name, or a binary file opened for writing (closed with the workbook)."""
        self.target = path
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self.names, self.handle, self.rows, self.base, self.header = [], None, 0, "", []
        self.buffer = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _open(self, name):
        self._finish()
        self.names.append(name[:31])
        self.handle = self.zip.open(f"xl/worksheets/sheet{len(self.names)}.xml", "w", force_zip64=True)
        self.handle.write(_HEAD.encode())
        self.rows = 0

    def _flush(self):
        if self.buffer:
            self.handle.write("".join(self.buffer).encode())
            self.buffer = []

    def _finish(self):
        if self.handle is not None:
            self._flush()
            self.handle.write(_TAIL.encode())
            self.handle.close()
            self.handle = None

    def sheet(self, name, header):
        self.base, self.header, self.part = name, list(header), 1
        self._open(name)
        self.append(self.header)

    def append(self, row):
        if self.rows >= MAX_ROWS:
            self.part += 1
            self._open(f"{self.base[:26]} ({self.part})")
            self.append(self.header)
        self.rows += 1
        self.buffer.append(f'<row>{"".join([_cell(v) for v in row])}</row>')
        if len(self.buffer) >= BUFFERED_ROWS:
            self._flush()

    def close(self):
        if self.zip is None:
            return
        self._finish()
        n = len(self.names)
        sheets = "".join(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                         for i, name in enumerate(self.names, 1))
        rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
        overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                            f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                            for i in range(1, n + 1))
        parts = {
            "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
            'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
            'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            f'officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>',
            "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
            'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
            "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://'
            'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>',
            "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        }
        for name, text in parts.items():
            self.zip.writestr(name, text)
        self.zip.close()
        self.zip = None
        if hasattr(self.target, "close"):
            self.target.close()
