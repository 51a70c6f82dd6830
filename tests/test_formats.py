"""Format parity (issue 11): what extraction receives from Markdown and DOCX, from small documents made here."""

import io
import json
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


# PDF: read by the layout of its words (pdfplumber) ------------------------------------------------------------

def pdf_pages(pages, header=None, footer=None):
    """A PDF (A4) drawn with reportlab: each page a list of (y, size, text) lines at x=60; a raised small number
    written as "^n" inside a text; ("rule", y) draws a short rule. `header`/`footer`: small lines at the page's
    top and bottom, "{n}" and "{total}" filled in."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    for number, lines in enumerate(pages, 1):
        if header:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(60, height - 36, header)
        if footer:
            pdf.setFont("Helvetica", 8)
            pdf.drawCentredString(width / 2, 30, footer.format(n=number, total=len(pages)))
        for item in lines:
            if item[0] == "rule":
                pdf.line(60, item[1], 200, item[1])
                continue
            y, size, text = item
            x = 60
            for index, part in enumerate(text.split("^")):
                if index:  # a raised note number, then the rest of the text
                    digits = "".join(ch for ch in part if ch.isdigit())
                    pdf.setFont("Helvetica", size * 0.6)
                    pdf.drawString(x, y + size * 0.35, digits)
                    x += stringWidth(digits, "Helvetica", size * 0.6)
                    part = part[len(digits):]
                pdf.setFont("Helvetica", size)
                pdf.drawString(x, y, part)
                x += stringWidth(part, "Helvetica", size)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_pdf_running_header_and_page_number_are_dropped_even_on_a_one_page_report():
    data = pdf_pages([[(760, 14, "Activists fined in Shymkent"),
                       (730, 10, "On 4 June 2022 a court in Shymkent fined Dana Omarova for a picket.")]],
                     header="Bolashak Rights Bureau   Annual review", footer="Page {n} of {total}")
    canonical = canonicalise(read_document("review.pdf", data))
    assert "Bolashak" not in canonical.text and "Page" not in canonical.text
    assert canonical.text == ("Activists fined in Shymkent\n\n"
                              "On 4 June 2022 a court in Shymkent fined Dana Omarova for a picket.")


def test_pdf_two_pages_lose_their_running_header_and_numbers_and_keep_their_text():
    data = pdf_pages([[(760, 10, "Yerlan Ospanov was detained in Aktau on 2 May 2021.")],
                      [(760, 10, "He was released on 12 May 2021.")]],
                     header="Bolashak Rights Bureau", footer="{n}")
    canonical = canonicalise(read_document("two.pdf", data))
    assert canonical.text == "Yerlan Ospanov was detained in Aktau on 2 May 2021.\n\nHe was released on 12 May 2021."


def test_pdf_paragraphs_and_headings_are_rebuilt_from_line_gaps_and_sizes():
    data = pdf_pages([[(760, 13, "Date issued: 9 March 2023"),
                       (735, 10, "Police in Oral detained the journalist Saule"),
                       (721, 10, "Bekova at her home."),
                       (695, 10, "Two days later she was charged.")]])
    canonical = canonicalise(read_document("alert.pdf", data))
    assert canonical.text == ("Date issued: 9 March 2023\n\n"
                              "Police in Oral detained the journalist Saule Bekova at her home.\n\n"
                              "Two days later she was charged.")


def test_pdf_footnotes_at_the_page_foot_are_notes_and_their_raised_numbers_are_markers():
    data = pdf_pages([[(760, 10, "Marat Zhanuzakov was sentenced under Article 405.^1 The appeal failed.^2"),
                       ("rule", 120),
                       (108, 7, "1 Verdict of 3 May 2021, Astana City Court."),
                       (98, 7, "2 Appeal ruling of 20 July 2021.")]])
    canonical = canonicalise(read_document("notes.pdf", data))
    assert canonical.text == "Marat Zhanuzakov was sentenced under Article 405. The appeal failed."
    assert canonical.footnotes == {1: "Verdict of 3 May 2021, Astana City Court.", 2: "Appeal ruling of 20 July 2021."}
    text = canonical.text
    assert [(text[:offset].rsplit(" ", 1)[-1], n) for offset, n in canonical.markers] == [("405.", 1), ("failed.", 2)]


def test_pdf_name_split_by_a_page_break_is_read_whole():
    long_line = "In a closed hearing that lasted three days the regional court sentenced the teacher Aigerim"
    data = pdf_pages([[(760, 10, "The trial began on 1 March 2023 in Almaty."),
                       (735, 10, long_line)],
                      [(760, 10, "Tleuzhan to four years in prison.")]],
                     header="Bolashak Rights Bureau", footer="Page {n} of {total}")
    canonical = canonicalise(read_document("split.pdf", data))
    assert "sentenced the teacher Aigerim Tleuzhan to four years in prison." in canonical.text
    assert "Bolashak" not in canonical.text


def test_pdf_layout_failure_falls_back_to_plain_text(monkeypatch):
    from qorgau.documents.ingest import pdflayout

    def broken(*args, **kwargs):
        raise ValueError("layout failed")

    monkeypatch.setattr(pdflayout, "read_layout", broken)
    data = pdf_pages([[(760, 10, "Dana Omarova was fined in Shymkent on 4 June 2022.")]])
    raw = read_document("plain.pdf", data)
    assert not raw.layout
    assert "Dana Omarova was fined in Shymkent on 4 June 2022." in canonicalise(raw).text


# Web pages: footnote references and the notes list ----------------------------------------------------------

NOTED_PAGE = """<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Blogger sentenced in Taraz</h1>
<p>On 2 March 2021 a court in Taraz sentenced the blogger Nurlan Abenov under Art.<sup class="fnref">
<a href="#fn-1" id="ref-1">1</a></sup> 405 of the Criminal Code to two years of restricted freedom.</p>
<p>His appeal was rejected on 20 April 2021.<a href="#note-2">[2]</a> He plans to go to the Supreme Court, his
lawyer said after the hearing, and supporters gathered outside.</p>
<section class="footnotes"><h2>Notes</h2><ol>
<li id="fn-1">Verdict of the Taraz City Court, see <a href="https://example.org/verdict">the ruling</a>.
<a href="#ref-1">↩</a></li>
<li id="note-2">Regional court ruling of 20 April 2021. <a href="#ref-2">↩</a></li></ol></section>
</article></main><footer><a href="https://facebook.com/site">Facebook</a></footer></body></html>"""


def test_web_page_footnote_references_are_markers_and_the_notes_list_is_footnotes():
    canonical = canonicalise(read_document("noted.html", NOTED_PAGE.encode()))
    text = canonical.text
    assert "under Art. 405 of the Criminal Code" in text  # not "Art.1 405"
    assert "rejected on 20 April 2021. He plans" in text  # not "2021.[2]"
    assert "Verdict of" not in text and "Notes" not in text and "↩" not in text
    assert canonical.footnotes == {1: "Verdict of the Taraz City Court, see the ruling.",
                                   2: "Regional court ruling of 20 April 2021."}
    assert [(text[:offset].rsplit(" ", 1)[-1], n) for offset, n in canonical.markers] == [("Art.", 1), ("2021.", 2)]
    assert canonical.links == ["https://example.org/verdict"]


# DOCX: headings, lead-ins and real footnote references ------------------------------------------------------

def test_docx_heading_with_a_date_stays_its_own_paragraph_and_lead_ins_run_on():
    data = docx([["Date issued: 14 February 2024"], ["Police detained Dana Omarova in Almaty."],
                 ["Also convicted (Art. 405 part 2):"], ["ASPANDIYAROVA Dametkan – 2 years"],
                 ["We call on the authorities to:"], ["1. Release her."]])
    canonical = canonicalise(read_document("heading.docx", data))
    assert canonical.text == ("Date issued: 14 February 2024\n\nPolice detained Dana Omarova in Almaty.\n\n"
                              "Also convicted (Art. 405 part 2): ASPANDIYAROVA Dametkan – 2 years\n\n"
                              "We call on the authorities to:\n\n1. Release her.")


def test_docx_reference_after_closing_quotes_and_after_a_court_number():
    data = docx([['She called the charge "absurd".', ("note", 4), " The case went to District Court No. 2",
                  ("note", 5), " in Oral."]], notes={4: "Interview.", 5: "Court list."})
    canonical = canonicalise(read_document("quotes.docx", data))
    text = canonical.text
    assert text == 'She called the charge "absurd". The case went to District Court No. 2 in Oral.'
    assert [(text[:offset].rsplit(" ", 1)[-1], n) for offset, n in canonical.markers] == [('"absurd".', 1), ("2", 2)]


# Scoring rendered formats --------------------------------------------------------------------------------------

def test_boilerplate_counts_persons_acts_and_sources_from_outside_the_text():
    from qorgau.documents.evaluation import boilerplate, score_document

    text = "Police detained Aigul Sadykova in Almaty on 3 May 2021. She was released two days later."
    rendered = ("Editor Marat Bekov was detained on 1 May 2020.\n\n" + text + "\n\nShare on Facebook")
    entry = {"persons": {"Aigul Sadykova": ["Aigul Sadykova"]}, "acts": [], "provisions": []}
    found = {}
    score_document(rendered, entry, found=found)
    result = boilerplate(text, [], rendered, found, ["https://facebook.com/site", "https://example.org/report"])
    assert result.persons == {"Marat Bekov"}
    assert [act.split(":")[0] for act in result.acts] == ["detained Marat Bekov"]
    assert result.sources == ["https://facebook.com/site", "https://example.org/report"]
    clean = boilerplate(text, ["https://example.org/report"], text, score_document(text, entry) and found, [])
    assert not clean.sources


def test_evaluate_formats_scores_each_rendering_against_the_same_gold(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    (tmp_path / "a.txt").write_text(
        "Blogger detained in Oral\n\nPolice in Oral detained the blogger Saule Bekova on 9 March 2023. "
        "She was charged under Article 274 of the Criminal Code.\n", encoding="utf-8")
    gold = {"documents": [{"file": "a.txt", "language": "en", "published": "2023-03-10",
                           "persons": {"Saule Bekova": ["Saule Bekova"]},
                           "acts": [{"victim": "Saule Bekova", "group": "deprivation_of_liberty", "type": "detained",
                                     "date": "2023-03-09"}],
                           "provisions": [["Saule Bekova", "CC-274"]]}]}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    out = io.StringIO()
    call_command("evaluate", gold=str(tmp_path / "gold.json"), corpus=str(tmp_path), formats="html,pdf,docx",
                 stdout=out)
    rows = {line.split()[0]: line.split() for line in out.getvalue().splitlines() if line.startswith("  ")
            and line.split()[0] in {"text", "html", "pdf", "docx"}}
    assert set(rows) == {"text", "html", "pdf", "docx"}
    for fmt in ("html", "pdf", "docx"):
        assert rows[fmt][1:3] == rows["text"][1:3], fmt  # mentions and acts as in the text
        assert rows[fmt][-3:] == ["0", "0", "0"], fmt  # nothing from the site's chrome, headers or footers
    try:
        call_command("evaluate", gold=str(tmp_path / "gold.json"), corpus=str(tmp_path), formats="odt")
    except CommandError as error:
        assert "odt" in str(error)
    else:
        raise AssertionError("an unknown format was accepted")
