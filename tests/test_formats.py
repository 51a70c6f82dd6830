"""Format parity (issue 11): what extraction receives from Markdown and DOCX, from small documents made here."""

import io
import zipfile

from qorgau.documents.ingest.reading import read_document
from qorgau.documents.ingest.repair import canonicalise

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(paragraphs, notes=None):
    """A DOCX whose paragraphs are lists of runs: text, or ("note", id) for a real w:footnoteReference."""
    def run(item):
        if isinstance(item, tuple):
            return f'<w:r><w:footnoteReference w:id="{item[1]}"/></w:r>'
        return f'<w:r><w:t xml:space="preserve">{item}</w:t></w:r>'

    body = "".join("<w:p>" + "".join(run(i) for i in p) + "</w:p>" for p in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        if notes:
            archive.writestr("word/footnotes.xml", f"<w:footnotes {W}>" + "".join(
                f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:footnote>' for i, t in notes.items())
                + "</w:footnotes>")
    return buffer.getvalue()


def test_markdown_backslash_escapes_are_undone_and_give_one_source():
    text = (b"Mr\\_Musauly was detained\\* in Almaty. See [the court record](https://example.org/case\\_17) "
            b"and https://example.org/case\\_17 again.")
    canonical = canonicalise(read_document("note.md", text))
    assert "Mr_Musauly was detained* in Almaty." in canonical.text
    assert "\\" not in canonical.text
    assert canonical.links == ["https://example.org/case_17"]


def test_docx_keeps_paragraph_breaks():
    canonical = canonicalise(read_document("two.docx", docx([["Aigul Sadykova was detained."],
                                                              ["Marat Bekov was released."]])))
    assert canonical.text == "Aigul Sadykova was detained.\n\nMarat Bekov was released."


def test_docx_footnote_markers_come_from_real_references_and_digits_of_the_text_stay():
    data = docx([["Serik Omarov was detained.", ("note", 1), " He was tried by District Court No. 2 of Almaty.",
                  ("note", 2)]], notes={1: "Police report.", 2: "Court record."})
    canonical = canonicalise(read_document("case.docx", data))
    assert "He was tried by District Court No. 2 of Almaty." in canonical.text
    assert canonical.footnotes == {1: "Police report.", 2: "Court record."}
    text = canonical.text
    assert [(text[:offset].rsplit(" ", 1)[-1], number) for offset, number in canonical.markers] == [
        ("detained.", 1), ("Almaty.", 2)]
