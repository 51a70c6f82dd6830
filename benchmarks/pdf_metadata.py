"""CPU and peak memory of serving a PDF attachment without its metadata (`documents.metadata.without_metadata`), as
a reader not cleared for confidential records gets it, for a large real-looking PDF and for hostile ones.

    python benchmarks/pdf_metadata.py                 # 400 pages of text, each with a 60 KB photo (about 10 MB)
    python benchmarks/pdf_metadata.py --pages 50

The hostile files: 99,000 empty objects (just under MAX_PDF_OBJECTS), 150,000 (refused), and a page whose content
stream inflates to 200 MB (copied, never inflated). Nothing here asserts a timing; it prints them.
"""

import argparse
import io
import sys
import time
import tracemalloc
import zlib
from pathlib import Path


def _big_pdf(pages):
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    sheet.setAuthor("An author's name")
    sheet.setTitle("A report")
    for page in range(pages):
        for line in range(45):
            sheet.drawString(40, 800 - line * 16, f"Page {page} line {line}: words of a report about a case " * 2)
        photo = io.BytesIO()  # a different photo on every page (the same one would be stored once)
        Image.effect_noise((160, 160), 60 + page % 40).convert("RGB").save(photo, "JPEG", quality=90)
        sheet.drawImage(ImageReader(io.BytesIO(photo.getvalue())), 300, 60, 200, 200)
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def _pdf(objects):
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for body in objects:
        offsets.append(len(out))
        out += b"%d 0 obj\n" % len(offsets) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(head, data):
    return head + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _objects_pdf(count):
    catalog = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R >>",
               _stream(b"<<", b"")]
    return _pdf(catalog + [b"<< /N %d >>" % n for n in range(count)])


def _inflating_pdf():
    catalog = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R >>"]
    return _pdf(catalog + [_stream(b"<< /Filter /FlateDecode", zlib.compress(b"0" * 200_000_000, 9))])


def measure(name, data):
    from qorgau.documents.metadata import Unreadable, without_metadata

    tracemalloc.start()
    started = time.process_time()
    try:
        out = without_metadata(data, "application/pdf")
        result = f"rewritten, {len(out):,} bytes"
    except Unreadable as refusal:
        result = f"refused ({refusal})"
    cpu = time.process_time() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{name}: {len(data):,} bytes -> {result}; {cpu:.2f} s CPU, peak {peak / 1e6:.0f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    measure(f"{args.pages} pages with photos", _big_pdf(args.pages))
    measure("99,000 objects", _objects_pdf(99_000))
    measure("150,000 objects", _objects_pdf(150_000))
    measure("a page inflating to 200 MB", _inflating_pdf())


if __name__ == "__main__":
    main()
