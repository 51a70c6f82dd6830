"""The workbook's quick cell writer (a string needing nothing escaped is written as it is; rows are joined and
written in batches) writes exactly what the plain writer did, for every kind of value, and a workbook split into
batches reads back row for row."""

import random
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

from qorgau.lib import xlsx_stream


def _plain_cell(value):
    """The cell writer as it was before the quick path (the reference)."""
    if value is None or value == "":
        return "<c/>"
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, (int, float)):
        return f"<c><v>{value!r}</v></c>" if isinstance(value, float) else f"<c><v>{value}</v></c>"
    text = xlsx_stream._ILLEGAL.sub("", str(value))
    return f'<c t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def test_the_quick_cell_writer_writes_what_the_plain_one_did():
    rng = random.Random(5)
    alphabet = "aZ09 &<>\"'=-\x00\x01\x08\x0b\x0c\x1f\t\n\r\ufffe\uffffЖәң𝔸€"
    values = [None, "", True, False, 0, -3, 10**20, 1.5, 0.1, 2.0, Decimal("1.50"), "=1+1", "<b>", "&amp;", "\x00"]
    values += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for value in values:
        assert xlsx_stream._cell(value) == _plain_cell(value), repr(value)


def test_rows_written_in_batches_read_back_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_stream, "BUFFERED_ROWS", 7)
    monkeypatch.setattr(xlsx_stream, "MAX_ROWS", 50)
    path = tmp_path / "book.xlsx"
    with xlsx_stream.StreamedWorkbook(path) as book:
        book.sheet("rows", ["n", "text"])
        for i in range(120):
            book.append([i, f"row {i} & more"])
    with zipfile.ZipFile(path) as archive:
        sheets = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/"))
        text = "".join(archive.read(name).decode() for name in sheets)
    assert len(sheets) == 3  # 49 rows a sheet after its header, the rest continued
    numbers = [int(part.split("</v>")[0]) for part in text.split("<row><c><v>")[1:]]
    assert numbers == list(range(120))
    assert text.count("row 7 &amp; more") == 1
