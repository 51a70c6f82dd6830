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


PAGE = """<html><head><title>News</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us</a>
<form><input name="q" placeholder="Search the site"></form></nav>
<a href="https://facebook.com/newsite"><img src="logo.png" alt="Logo"></a></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<main><article><h1>Blogger detained in Almaty</h1>
<p>On 12 March 2020 police in Almaty detained the blogger Aigul Sadykova after a protest.</p>
<p>She was charged under <a href="https://example.org/cc-174">Article 174</a> of the Criminal Code and held for
two months before trial.</p>
<p>Her lawyer said the charge was brought because of her posts about local officials.</p>
</article>
<div class="share"><a href="https://twitter.com/intent/tweet?u=x">Share on Twitter</a>
<a href="https://t.me/share/url?u=x">Telegram</a></div>
<aside><h3>Related stories</h3><ul><li><a href="https://news.example/a">Journalist fined in Shymkent</a></li>
<li><a href="https://news.example/b">Activist released in Atyrau</a></li></ul></aside></main>
<footer>Copyright 2024 News Site. All rights reserved. <a href="https://news.example/privacy">Privacy</a></footer>
</body></html>"""


def test_a_web_page_is_read_without_its_chrome():
    canonical = canonicalise(read_document("page.html", PAGE.encode()))
    text = canonical.text
    assert "Blogger detained in Almaty" in text
    assert "police in Almaty detained the blogger Aigul Sadykova" in text
    assert "posts about local officials" in text
    for chrome in ("Home", "About us", "Search", "cookies", "Share on Twitter", "Telegram", "Related stories",
                   "Journalist fined", "Copyright", "Privacy"):
        assert chrome not in text, chrome
    assert canonical.links == ["https://example.org/cc-174"]  # no logo, share, social or related-story links


def test_a_page_without_a_main_content_block_is_still_read_whole():
    canonical = canonicalise(read_document("short.html", b"<p>Marat Bekov was released.</p>"))
    assert canonical.text == "Marat Bekov was released."


def test_markdown_footnotes_are_its_own_references_and_digits_of_the_text_stay():
    data = (b"Serik Omarov was detained.[^1] He was tried by District Court No. 2 of Almaty.[^2]\n\n"
            b"[^1]: Police report.\n[^2]: Court record, https://example.org/record.\n")
    canonical = canonicalise(read_document("case.md", data))
    text = canonical.text
    assert text == "Serik Omarov was detained. He was tried by District Court No. 2 of Almaty."
    assert canonical.footnotes == {1: "Police report.", 2: "Court record, https://example.org/record."}
    assert [(text[:offset].rsplit(" ", 1)[-1], number) for offset, number in canonical.markers] == [
        ("detained.", 1), ("Almaty.", 2)]
    assert canonical.links == ["https://example.org/record"]
