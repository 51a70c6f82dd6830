"""A hostile corpus: import files and documents built to break a reader, generated into a directory.

    python -m tests.hostile.generate DIR      # writes the corpus and prints one line per case

Each case says what must happen: "refused" (a clear message, nothing changed) or "read" (hostile in shape but
a real document, which must be read within the caps). Nothing here is downloaded; every file is made here.
"""

import io
import json
import os
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

HEADER = {"type": "header", "format": "qorgau", "version": 1}


@dataclass
class Case:
    name: str          # the file's name in the corpus directory
    kind: str          # "import" or "document"
    expect: str        # "refused" or "read"
    why: str           # what the file tries
    message: str = ""  # a piece of the message the reader must give (for refusals)


# Import files -------------------------------------------------------------------------------------------------

PERSON = {"type": "person", "id": "per_hostile1", "name": "Hostile Test Person", "sensitivity": "internal"}
ACT = {"type": "act", "id": "act_hostile1", "act_type": "detained", "victim": "per_hostile1", "date": "2020-03-01"}


def _with(base, **changes):
    out = dict(base)
    for key, value in changes.items():
        if value is _DROP:
            out.pop(key, None)
        else:
            out[key] = value
    return out


_DROP = object()


def _jsonl(*records):
    return ("\n".join(json.dumps(r, ensure_ascii=False) for r in (HEADER, *records)) + "\n").encode()


def import_cases():
    """(Case, bytes) for each hostile import file."""
    p, a = PERSON, ACT
    rows = [
        # The file itself
        ("empty", b"", "the file is empty"),
        ("no-header", _jsonl(p)[len(json.dumps(HEADER)) + 1:], "first line must be a Qorgau header"),
        ("wrong-format", b'{"type": "header", "format": "other", "version": 1}\n', "Qorgau header"),
        ("version-2", b'{"type": "header", "format": "qorgau", "version": 2}\n', "format version 2"),
        ("version-true", b'{"type": "header", "format": "qorgau", "version": true}\n', "format version True"),
        ("header-not-json", b"{type: header}\n", "not valid JSON"),
        ("latin-1", _jsonl(_with(p, name="Ali\u00e9"))[:-1].decode().encode("latin-1") + b"\n", "not UTF-8"),
        ("binary", bytes(range(256)) * 64, "not"),
        ("line-not-json", _jsonl(p) + b"{not json}\n", "line 3: not valid JSON"),
        ("line-array", _jsonl(p) + b"[1, 2, 3]\n", "line 3: expected a JSON object"),
        ("line-string", _jsonl(p) + b'"just text"\n', "line 3: expected a JSON object"),
        ("deep-nesting", _jsonl(p) + b"[" * 200_000 + b"]" * 200_000 + b"\n", "line 3: nested too deeply"),
        ("huge-integer", _jsonl(p) + b'{"type": "person", "id": "per_big", "name": "Big", "birth_year": '
         + b"9" * 5000 + b"}\n", "line 3: not valid JSON"),
        ("nan", _jsonl(p) + b'{"type": "place", "id": "plc_nan", "name": "Nan", "coordinates": [NaN, 1]}\n',
         "line 3: not valid JSON"),
        ("infinity", _jsonl(p) + b'{"type": "place", "id": "plc_inf", "name": "Inf", "coordinates": [Infinity, 1]}\n',
         "line 3: not valid JSON"),
        ("endless-line", _jsonl(p) + b'{"type": "person", "notes": "' + b"x" * (9 * 1024 * 1024) + b'"}\n',
         "line 3: longer than"),
        # Types and ids
        ("type-missing", _jsonl(_with(p, type=_DROP)), "unknown record type"),
        ("type-unknown", _jsonl(_with(p, type="spaceship")), "unknown record type"),
        ("type-list", _jsonl(_with(p, type=["person"])), "unknown record type"),
        ("id-missing", _jsonl(_with(p, id=_DROP)), "needs an \"id\""),
        ("id-number", _jsonl(_with(p, id=12)), "needs an \"id\""),
        ("id-slash", _jsonl(_with(p, id="per_a/b")), "is not an id"),
        ("id-space", _jsonl(_with(p, id="per_a b")), "is not an id"),
        ("id-long", _jsonl(_with(p, id="per_" + "x" * 100)), "is not an id"),
        ("id-prefix", _jsonl(_with(p, id="org_person")), "should start with per_"),
        ("id-twice", _jsonl(p, p), "appears twice"),
        # Persons
        ("name-missing", _jsonl(_with(p, name=_DROP)), "name: is required"),
        ("name-blank", _jsonl(_with(p, name="   ")), "name: cannot be empty"),
        ("name-long", _jsonl(_with(p, name="N" * 10_000)), "name: is 10000 characters long"),
        ("name-number", _jsonl(_with(p, name=42)), "name: must be text"),
        ("sensitivity-ultra", _jsonl(_with(p, sensitivity="ultra")), "sensitivity: 'ultra' is not one of"),
        ("alias-ultra", _jsonl(_with(p, names=[{"name": "Alias", "sensitivity": "ultra"}])),
         "names[0].sensitivity: 'ultra'"),
        ("alias-kind", _jsonl(_with(p, names=[{"name": "Alias", "kind": "nickname"}])), "names[0].kind"),
        ("field-level-topsecret", _jsonl(_with(p, field_sensitivity={"contact": "topsecret"})),
         "field_sensitivity.contact: 'topsecret'"),
        ("field-level-unknown-field", _jsonl(_with(p, field_sensitivity={"shoe_size": "confidential"})),
         "'shoe_size' is not a field of a person"),
        ("field-level-list", _jsonl(_with(p, field_sensitivity=["contact"])), "field_sensitivity: must be an object"),
        ("refused-consent-public", _jsonl(_with(p, consent="refused", sensitivity="public")), "refused consent"),
        ("gender", _jsonl(_with(p, gender="zz")), "gender: 'zz'"),
        ("birth-year-negative", _jsonl(_with(p, birth_year=-5)), "birth_year: -5 is outside"),
        ("birth-year-huge", _jsonl(_with(p, birth_year=10**12)), "birth_year: 1000000000000 is outside"),
        ("birth-year-text", _jsonl(_with(p, birth_year="1980")), "birth_year: must be a whole number"),
        ("roles-text", _jsonl(_with(p, roles="activist")), "roles: must be a list"),
        ("roles-unknown", _jsonl(_with(p, roles=["astronaut"])), "'astronaut' is not one of"),
        ("home-place-unknown", _jsonl(_with(p, home_place="plc_nowhere")), "home_place refers to plc_nowhere"),
        ("home-place-number", _jsonl(_with(p, home_place=7)), "home_place: must be an id"),
        ("relation-unknown", _jsonl(_with(p, relations=[{"relation": "enemy_of", "person": "per_hostile1"}])),
         "relations[0].relation"),
        ("affiliation-unknown-org", _jsonl(_with(p, affiliations=[{"organization": "org_ghost"}])),
         "affiliations refers to org_ghost"),
        ("merged-into-itself", _jsonl(_with(p, merged_into="per_hostile1")), "merged into itself"),
        ("nul-in-notes", _jsonl(_with(p, notes="a\x00b")), "notes: contains a NUL"),
        ("reviewed-text", _jsonl(_with(p, sensitivity_reviewed="yes")), "sensitivity_reviewed: must be true"),
        # Acts
        ("act-type", _jsonl(p, _with(a, act_type="flogged")), "act_type: 'flogged' is not an act type"),
        ("act-no-victim", _jsonl(p, _with(a, victim=_DROP)), "victim: an act needs a victim"),
        ("act-victim-place", _jsonl(p, _with(a, victim="plc_almaty")), "victim: 'plc_almaty' should start with"),
        ("act-date-month-13", _jsonl(p, _with(a, date="2020-13-01")), "date: “2020-13-01” has no month 13"),
        ("act-date-number", _jsonl(p, _with(a, date=20200101)), "date: must be text"),
        ("act-penalty-huge", _jsonl(p, _with(a, penalty={"kind": "fine", "amount": 10**15, "unit": "KZT"})),
         "penalty.amount"),
        ("act-penalty-kind", _jsonl(p, _with(a, penalty={"kind": "death"})), "penalty.kind: 'death'"),
        ("act-perpetrator-role", _jsonl(p, _with(a, perpetrators=[{"id": "per_hostile1", "role": "boss"}])),
         "perpetrators[0].role"),
        ("act-provision-twice", _jsonl(p, _with(a, provisions=[{"id": "CC-174"}, {"id": "CC-174"}])),
         "the same provision twice"),
        ("act-group", _jsonl(p, _with(a, group="PENALTY")), "group: 'PENALTY' is not the group"),
        ("act-status", _jsonl(p, _with(a, status="maybe")), "status: 'maybe'"),
        # Events and urgent actions: counts
        ("tally-huge", _jsonl({"type": "event", "id": "evt_h1", "title": "Protest", "tallies": [
            {"act_type": "detained", "min": 10**12}]}), "tallies[0].min: 1000000000000 is outside"),
        ("tally-max-below-min", _jsonl({"type": "event", "id": "evt_h2", "title": "Protest", "tallies": [
            {"act_type": "detained", "min": 50, "max": 5}]}), "tallies[0].max: is smaller than min"),
        ("event-link", _jsonl({"type": "event", "id": "evt_h3", "title": "P", "links": [
            {"relation": "sort_of", "event": "evt_h3"}]}), "links[0].relation"),
        ("ua-count-huge", _jsonl({"type": "urgent_action", "id": "ua_h1", "number": "1/99",
                                  "action_counts": {"letter": 10**12}}), "action_counts.letter"),
        ("ua-channel", _jsonl({"type": "urgent_action", "id": "ua_h2", "number": "2/99",
                               "action_counts": {"pigeon": 3}}), "'pigeon' is not one of"),
        ("ua-report-date", _jsonl({"type": "urgent_action", "id": "ua_h3", "number": "3/99", "action_reports": [
            {"channel": "letter", "count": 1, "date": "yesterday"}]}), "action_reports[0].date"),
        ("ua-target-kind", _jsonl({"type": "urgent_action", "id": "ua_h4", "number": "4/99",
                                   "targets": [{"target": "tgt_x", "kind": "bcc"}]}), "targets[0].kind"),
        # Documents, places, provisions, targets, judgements, citations
        ("document-url", _jsonl({"type": "document", "id": "doc_h1", "title": "T", "url": "javascript:alert(1)"}),
         "url: 'javascript:alert(1)' is not a web address"),
        ("document-sha", _jsonl({"type": "document", "id": "doc_h2", "title": "T", "sha256": "xyz"}),
         "sha256: must be 64 hexadecimal digits"),
        ("document-text-huge", _jsonl({"type": "document", "id": "doc_h3", "title": "T",
                                       "text": "word " * 1_100_000}), "text: is 5500000 characters long"),
        ("document-kind", _jsonl({"type": "document", "id": "doc_h4", "title": "T", "kind": "novel"}),
         "kind: 'novel'"),
        ("place-coordinates", _jsonl({"type": "place", "id": "plc_h1", "name": "P", "coordinates": [200, 0]}),
         "coordinates[0]: 200 is outside"),
        ("place-coordinates-text", _jsonl({"type": "place", "id": "plc_h2", "name": "P", "coordinates": "here"}),
         "coordinates: must be"),
        ("provision-no-code", _jsonl({"type": "provision", "id": "XX-1", "article": "1"}), "code: is required"),
        ("target-emails-text", _jsonl({"type": "target", "id": "tgt_h1", "office": "O", "emails": "a@b.kz"}),
         "emails: must be a list"),
        ("judgement-decision", _jsonl({"type": "judgement", "id": "jdg_h1", "left": "per_a", "right": "per_b",
                                       "decision": "maybe"}), "decision: 'maybe'"),
        ("judgement-at", _jsonl({"type": "judgement", "id": "jdg_h2", "left": "per_a", "right": "per_b",
                                 "decision": "same", "at": "yesterday"}), "at: 'yesterday' is not a date"),
        ("citation-unknown-document", _jsonl(_with(p, citations=[{"document": "doc_ghost"}])),
         "citations refers to doc_ghost"),
        ("citation-negative", _jsonl(_with(p, citations=[{"document": "doc_ghost", "start": -1}])),
         "citations[0].start: -1 is outside"),
        ("citation-backwards", _jsonl(_with(p, citations=[{"document": "doc_ghost", "start": 9, "end": 2}])),
         "citations[0].end: is before start"),
        ("citation-review", _jsonl(_with(p, mentions=[{"document": "doc_ghost", "review": "perhaps"}])),
         "mentions[0].review"),
        # A good start and a bad end: nothing of the good part may stay.
        ("bad-last-line", _jsonl(p, a, _with(p, id="per_hostile2", sensitivity="ultra")),
         "line 4: sensitivity: 'ultra'"),
    ]
    cases = [(Case(f"import-{name}.jsonl", "import", "refused", name, message), data) for name, data, message in rows]
    # Two controls: the same shapes, well formed, are read.
    cases.append((Case("import-ok-bom.jsonl", "import", "read", "a byte-order mark before a good file"),
                  b"\xef\xbb\xbf" + _jsonl(p)))
    cases.append((Case("import-ok-person-and-act.jsonl", "import", "read", "a good person and act"),
                  _jsonl(_with(p, names=[{"name": "H. T. Person", "kind": "abbreviation"}]), a)))
    return cases


# Documents ----------------------------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(document_xml, extra=None, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _paragraphs(*texts):
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    return f"<w:document {W}><w:body>{body}</w:body></w:document>"


def _zip_bomb(megabytes, lie):
    """A DOCX whose document.xml inflates to `megabytes` MB; with `lie`, its headers claim 1 KB."""
    body = (f"<w:document {W}><w:body>".encode() + b"<w:p/>" * (megabytes * 1024 * 1024 // 6)
            + b"</w:body></w:document>")
    data = _docx(body)
    if not lie:
        return data
    # Rewrite the uncompressed size of word/document.xml in the local header and the central directory.
    name = b"word/document.xml"
    out = bytearray(data)
    true_size = len(body).to_bytes(4, "little")
    fake = (1024).to_bytes(4, "little")
    index = 0
    while True:
        index = out.find(name, index)
        if index < 0:
            break
        # local header: name at offset 30, size at 22; central header: name at 46, size at 24
        for offset in (22 - 30, 24 - 46):
            start = index + offset
            if start >= 0 and out[start:start + 4] == true_size:
                out[start:start + 4] = fake
        index += len(name)
    return bytes(out)


def _pdf(pages=1, text="Maks Bokaev was detained in Atyrau on 17 May 2016."):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0)
    pdf.setTitle("hostile")  # fixed metadata: the same bytes each time
    pdf.setCreator("qorgau tests")
    for _ in range(pages):
        if text:
            pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _pdf_raw(content_stream, filters=""):
    """A minimal one-page PDF with the given content stream (bytes), optionally with /Filter."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
               b"<< /Length %d %s>>\nstream\n" % (len(content_stream), filters.encode()) + content_stream
               + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _encrypted_pdf():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _dense(lines):
    """Plain text with a new name, a detention and a date on every line: thousands of proposals."""
    given = ["Alibek", "Marat", "Aigul", "Serik", "Dana", "Yerlan", "Gulnara", "Nurlan", "Saule", "Timur"]
    family = ["Musauly", "Bekov", "Sadykova", "Omarov", "Zhaksylykov", "Abenova", "Kasymov", "Tulegenova"]
    rows = []
    for i in range(lines):
        rows.append(f"{given[i % 10]} {family[(i // 10) % 8]}{chr(97 + i % 26)}{chr(97 + (i // 26) % 26)} was "
                    f"detained in Almaty on {1 + i % 28} March 2020 and sentenced to {1 + i % 9} years.")
    return "\n\n".join(rows).encode()


def document_cases():
    """(Case, bytes or a callable that makes the file at a path) for each hostile document."""
    text = "Maks Bokaev was detained in Atyrau on 17 May 2016 under Article 174 of the Criminal Code."
    laughs = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>')
    rows = [
        # Not text at all, or nothing in it
        ("empty.txt", b"", "refused", "an empty file", "is empty"),
        ("binary.txt", bytes(range(256)) * 200, "refused", "binary bytes named .txt", "does not contain text"),
        ("nul.txt", b"Hello\x00world " * 100, "refused", "NUL bytes in text", "does not contain text"),
        ("only-spaces.txt", b" \n\t\n" * 1000, "refused", "whitespace only", "has no text"),
        ("punctuation.md", b"- * _ # > \n" * 1000, "refused", "markup without words", "has no text"),
        # Quadratic traps and over-long shapes
        ("brackets.md", b"[" * 80_000, "refused", "80,000 '[' (was 70 s)", "without a space"),
        ("open-links.md", b"[a](" * 20_000, "refused", "unclosed links with no spaces", "without a space"),
        ("open-links-spaced.md", b"[a]( x " * 12_000, "read", "unclosed links with spaces, linear", ""),
        ("emphasis.md", b"_a *b " * 15_000, "read", "unclosed emphasis, linear", ""),
        ("backslashes.md", b"\\" * 80_000, "refused", "80,000 backslashes", "without a space"),
        ("one-line.txt", (text + " ").encode() * 12_000, "refused", "1 MB on one line (was 74 s, 55,557 proposals)",
         "has a line of"),
        ("long-word.txt", b"A" * 5000 + b" was detained.", "refused", "a 5,000-character word", "without a space"),
        ("too-much-text.txt", (text.encode() + b"\n") * 25_000, "refused", "2.3 million characters",
         "characters of text"),
        ("too-big.txt", None, "refused", "a file over 50 MB", "the limit is 50 MB"),
        ("too-many-proposals.txt", _dense(400), "refused", "more proposals than the cap (the test sets it to 500)",
         "proposals"),
        # HTML
        ("comments.html", b"<!--" * 20_000, "refused", "20,000 unclosed comments (quadratic in html.parser)",
         "no readable text"),
        ("open-tags.html", b"<a " * 30_000, "refused", "30,000 unclosed tags (314 s in html.parser)", "text"),
        ("deep.html", b"<div>" * 100_000 + text.encode() + b"</div>" * 100_000, "refused",
         "100,000 nested divs around a sentence (libxml2 stops at depth 256)", "no text"),
        ("deep-200.html", b"<div>" * 200 + text.encode() + b"</div>" * 200, "read", "200 nested divs", ""),
        ("laughs.html", (laughs + "<html><body><p>&d;&d;&d;</p><p>" + text + "</p></body></html>").encode(),
         "read", "billion laughs in HTML (entities are not expanded)", ""),
        ("script-only.html", b"<html><head><script>" + b"var a = 1;" * 5000 + b"</script></head></html>",
         "refused", "nothing but script", "no"),
        ("minified.html", b"<html><body>" + b"<p>The hearing was postponed again.</p>" * 2000
         + b"<p>" + text.encode() + b"</p></body></html>", "read", "80 KB of HTML on one line", ""),
        # DOCX
        ("bomb-lying.docx", _zip_bomb(150, lie=True), "refused", "150 MB inside, headers claim 1 KB (was 655 MB)",
         "damaged"),
        ("bomb.docx", _zip_bomb(150, lie=False), "refused", "150 MB inside, honest headers", "zip bomb"),
        ("xxe.docx", _docx('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                           f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'),
         "refused", "an external entity reading /etc/passwd", "XML entities"),
        ("laughs.docx", _docx(laughs + f'<w:document {W}><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p>'
                                       '</w:body></w:document>'), "refused", "billion laughs", "XML entities"),
        ("nested-zip.docx", _docx(_docx(_paragraphs(text))), "refused", "a zip inside the zip", "damaged"),
        ("deep.docx", _docx(f"<w:document {W}><w:body>" + "<w:p>" * 50_000 + "</w:p>" * 50_000
                            + "</w:body></w:document>"), "refused", "50,000 nested paragraphs, no text", "no text"),
        ("not-a-zip.docx", b"PK\x03\x04 this is not really a zip" * 10, "refused", "a fake ZIP", "not a valid DOCX"),
        ("truncated.docx", _docx(_paragraphs(text) * 1)[:200], "refused", "a DOCX cut short", "DOCX"),
        ("no-body.docx", _docx_without_body(), "refused", "a ZIP without word/document.xml",
         "not a Word document"),
        ("bad-xml.docx", _docx(f"<w:document {W}><w:body><w:p>"), "refused", "unclosed XML", "damaged"),
        # PDF
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "refused", "a damaged PDF", "damaged"),
        ("truncated.pdf", _pdf()[:300], "refused", "a PDF cut short", "PDF"),
        ("locked.pdf", _encrypted_pdf(), "refused", "a password-protected PDF", "password"),
        ("blank.pdf", _pdf(text=""), "refused", "a PDF without a text layer", "no text layer"),
        ("too-many-pages.pdf", _pdf(pages=2001, text="page"), "refused", "2,001 pages", "pages"),
        ("deep-array.pdf", _pdf_raw(b"[" * 100_000 + b"] TJ"), "refused", "100,000 nested arrays in a page",
         "PDF"),
        ("flate-bomb.pdf", None, "refused", "a content stream inflating to 200 MB", "PDF"),
        # Wrong names
        ("pdf-named.txt", _pdf(), "read", "a PDF named .txt (read as the PDF it is)", ""),
        ("docx-named.md", _docx(_paragraphs(text)), "refused", "a DOCX named .md", "is a ZIP archive"),
        ("text-named.pdf", text.encode() * 10, "refused", "text named .pdf", "damaged"),
        ("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "refused", "an image", "reads PDF, DOCX"),
        ("sheet.xlsx", _docx("<x/>"), "refused", "a spreadsheet (no reader for them)", "is a ZIP archive"),
        ("no-extension", text.encode(), "refused", "no file ending", "reads PDF, DOCX"),
        # Not regular files (the command line)
        ("passwd.txt", "symlink:/etc/passwd", "refused", "a symbolic link to /etc/passwd", "symbolic link"),
        ("fifo.txt", "fifo", "refused", "a named pipe that would block forever", "not a regular file"),
        ("folder.txt", "directory", "refused", "a directory", "not a regular file"),
    ]
    return [(Case(name, "document", expect, why, message), data) for name, data, expect, why, message in rows]


def _docx_without_body():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


def _flate_bomb():
    import zlib

    compressor = zlib.compressobj(9)
    chunk = b"0" * (1 << 20)
    parts = [compressor.compress(chunk) for _ in range(200)]
    parts.append(compressor.flush())
    return _pdf_raw(b"".join(parts), "/Filter /FlateDecode ")


def _write(path, data):
    if data is None and path.name == "too-big.txt":
        with path.open("wb") as stream:  # 51 MB of text, written in pieces
            line = b"Maks Bokaev was detained in Atyrau on 17 May 2016.\n"
            for _ in range(51 * 1024 * 1024 // len(line) + 1):
                stream.write(line)
    elif data is None and path.name == "flate-bomb.pdf":
        path.write_bytes(_flate_bomb())
    elif isinstance(data, str) and data.startswith("symlink:"):
        os.symlink(data.split(":", 1)[1], path)
    elif data == "fifo":
        os.mkfifo(path)
    elif data == "directory":
        path.mkdir()
    else:
        path.write_bytes(data)


def generate(directory):
    """Write every case into `directory`; return the list of Case."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    cases = []
    for case, data in import_cases() + document_cases():
        _write(directory / case.name, data)
        cases.append(case)
    return cases


if __name__ == "__main__":
    for case in generate(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus"):
        print(f"{case.kind:8} {case.expect:7} {case.name:40} {case.why}")
