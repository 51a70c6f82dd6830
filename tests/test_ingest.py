"""Reading documents: formats, encodings, repairs, and bad input that must be refused cleanly."""

import io
import zipfile

import pytest

from qorgau.documents.ingest import IngestError
from qorgau.documents.ingest import reading
from qorgau.documents.ingest.reading import read_document
from qorgau.documents.ingest.repair import canonicalise
from qorgau.documents.models import Document
from qorgau.documents.pipeline import ingest


def docx(document_xml, extra=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def encrypted_pdf():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BAD = [
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "damaged"),
    ("locked.pdf", None, "password"),
    ("empty.txt", b"", "is empty"),
    ("binary.txt", bytes(range(256)) * 40, "does not contain text"),
    ("entities.docx", docx(f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                           f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'),
     "XML entities"),
    ("notazip.docx", b"PK\x03\x04 this is not really a zip", "not a valid DOCX"),
    ("picture.png", b"\x89PNG\r\n", "reads PDF, DOCX"),
]


@pytest.mark.parametrize("filename, data, message", BAD)
def test_bad_input_gets_a_clear_message(filename, data, message):
    with pytest.raises(IngestError, match=message):
        read_document(filename, encrypted_pdf() if data is None else data)


def test_a_zip_bomb_posing_as_docx_is_refused(settings):
    settings.QORGAU_MAX_UNZIPPED_MB = 2
    bomb = docx(f"<w:document {W}><w:body>" + "<w:p/>" * 800000 + "</w:body></w:document>")
    assert len(bomb) < 100_000
    with pytest.raises(IngestError, match="zip bomb"):
        read_document("bomb.docx", bomb)


def test_a_file_over_the_size_limit_is_refused():
    with pytest.raises(IngestError, match="the limit is"):
        read_document("big.txt", b"a" * 2_000_000, max_bytes=1_000_000)


@pytest.mark.django_db
@pytest.mark.parametrize("filename, data, message", BAD[:1] + BAD[2:])
def test_bad_input_leaves_nothing_half_written(filename, data, message, settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"
    documents = Document.objects.count()
    with pytest.raises(IngestError):
        ingest(filename, data, actor="test")
    assert Document.objects.count() == documents
    assert not (tmp_path / "files").exists() or not any((tmp_path / "files").rglob("*.enc"))


def test_windows_1251_and_koi8_text_are_read():
    text = "Акмарал Тобылова была задержана 13 марта 2018 года в Алматы по статье 174 УК РК."
    for encoding in ("cp1251", "koi8_r", "utf-16"):
        raw = read_document("note.txt", text.encode(encoding))
        assert "Тобылова" in raw.pages[0], encoding


def test_docx_footnotes_and_links_are_kept():
    body = (f'<w:document {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<w:body><w:p><w:r><w:t>Maks Bokaev was detained in Atyrau.</w:t></w:r>'
            '<w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
            '<w:p><w:hyperlink r:id="rId9"><w:r><w:t>the court record</w:t></w:r></w:hyperlink></w:p></w:body></w:document>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId9" TargetMode="External" Target="https://example.org/case"/></Relationships>')
    notes = f'<w:footnotes {W}><w:footnote w:id="2"><w:p><w:r><w:t>Court record of 17 May 2016.</w:t></w:r></w:p></w:footnote></w:footnotes>'
    raw = read_document("case.docx", docx(body, {"word/_rels/document.xml.rels": rels, "word/footnotes.xml": notes}))
    canonical = canonicalise(raw)
    assert "Maks Bokaev was detained in Atyrau." in canonical.text
    assert canonical.footnotes == {1: "Court record of 17 May 2016."}
    assert canonical.markers and canonical.text[canonical.markers[0][0] - 1] == "."
    assert "https://example.org/case" in canonical.links


def test_html_and_markdown_lose_their_markup_and_keep_links():
    html = b"<html><head><style>p{}</style></head><body><h1>Case</h1><p>Talgat <b>Ayan</b> was <a href='https://x.org/a'>sentenced</a>.</p><script>x()</script></body></html>"
    raw = read_document("case.html", html)
    assert "Talgat Ayan was sentenced." in raw.pages[0] and "x()" not in raw.pages[0]
    assert ("sentenced", "https://x.org/a") in raw.links
    md = read_document("case.md", "# Case\n\n**Talgat Ayan** was [sentenced](https://x.org/b).[^1]\n\n[^1]: Court.\n".encode())
    assert "Talgat Ayan was sentenced." in md.pages[0] and ("sentenced", "https://x.org/b") in md.links


def test_glued_footnote_markers_are_taken_out_at_their_offsets():
    text = ("He was charged under Article 1745 of the Criminal Code in Kazakhstan.6 Then the case went on, 7 "
            "as reported.\n\n" + " " * 40 + "\n5 First source.\n6 Second source.\n7 Third source.\n")
    canonical = canonicalise(reading.RawDocument("text", [text]), known_articles={"174"})
    assert "Article 174 of the Criminal Code in Kazakhstan. Then the case went on, as reported." in canonical.text
    assert [n for _, n in canonical.markers] == [5, 6, 7]
    assert canonical.text[:canonical.markers[0][0]].endswith("Article 174")


def test_names_broken_across_lines_and_page_headers_are_repaired():
    filler = "".join(f"Line {i} of page {{n}} tells more of what happened that day.\n" for i in range(8))
    pages = [f"Report header line\n{n}\n" + filler.format(n=n) + f"On {n} March activists Dilnar\nInsenova and Askar\n"
             f"Shaygumarov were summoned to station {n * 7}.\n" + filler.format(n=n) for n in (3, 4, 5)]
    canonical = canonicalise(reading.RawDocument("pdf", pages))
    assert canonical.text.count("Dilnar Insenova and Askar Shaygumarov") == 3
    assert "Report header line" not in canonical.text
    assert len(canonical.pages) == 3


def test_pdf_footnote_markers_are_found_by_font_size():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    text = pdf.beginText(50, 700)
    text.setFont("Helvetica", 11)
    text.textOut("He was charged under Article 174")
    text.setFont("Helvetica", 6)
    text.textOut("5")
    text.setFont("Helvetica", 11)
    text.textOut(" of the Criminal Code.")
    pdf.drawText(text)
    pdf.drawString(50, 100, "5 The charge sheet.")
    pdf.save()
    raw = read_document("case.pdf", buffer.getvalue())
    assert ("5" in [digits for _, _, digits in raw.superscripts])


@pytest.mark.django_db
def test_an_act_whose_perpetrator_is_new_is_saved_with_its_perpetrator(settings, tmp_path):
    # Both persons are new: they are planned in the document's batch (no primary key yet) when the act names them.
    from qorgau.records.models import Involvement

    settings.FILES_DIR = tmp_path / "files"
    text = ("On 3 March 2021 judge Aidos Bekov of the Almaty district court sentenced activist Talgat Sadykov to "
            "five years under Article 174 of the Criminal Code.\n")
    ingest("verdict.txt", text.encode(), actor="test")
    involvements = Involvement.objects.filter(act__victim_person__name="Talgat Sadykov", act__review="suggested")
    # (a prison sentence is proposed as "sentenced" and "imprisoned": the judge is the perpetrator of each)
    assert involvements.exists() and {i.perpetrator_person.name for i in involvements} == {"Aidos Bekov"}


@pytest.mark.django_db
def test_each_cited_link_becomes_one_source_audited_and_indexed(settings, tmp_path):
    from qorgau.audit.models import AuditEntry
    from qorgau.records.models import SearchEntry

    settings.FILES_DIR = tmp_path / "files"
    html = (b"<html><body><p>Talgat Ayan was <a href='https://example.org/a'>sentenced</a> in Atyrau; see "
            b"<a href='https://example.org/b'>the appeal</a>, <a href='https://example.org/a'>again</a> and "
            b"<a href='http://bad host/x'>a broken link</a>.</p></body></html>")
    document = ingest("case.html", html, actor="test").document
    sources = Document.objects.filter(cited_by=document).order_by("url")
    assert [s.url for s in sources] == ["https://example.org/a", "https://example.org/b"]
    for source in sources:
        assert source.kind == "web_page" and source.sensitivity == document.sensitivity
        assert AuditEntry.objects.filter(verb="create", record_type="Document", record_uid=source.uid).count() == 1
        assert SearchEntry.objects.filter(kind="document", record_id=source.pk).exists()
    ingest("case.html", html, actor="test")   # read again: no second copy of a source
    assert Document.objects.filter(cited_by=document).count() == 2
