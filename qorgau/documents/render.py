"""Render evaluation documents as a web page, a PDF report and a Word file, for format-parity scoring (issue 11).

`qorgau evaluate --formats` renders each document of a split into a temporary folder and scores every format
against the same gold (qorgau.documents.evaluation.evaluate_formats); tools/render_eval.py writes them to disk.

Each document of tests/evaluation/genres/<split>/ becomes
- <stem>.html: the article inside a news site's chrome in the document's language (cookie banner, logo, menu,
  breadcrumbs, search box, share buttons, a "Read also" teaser inside the article after its first paragraph, a
  sidebar of related stories naming other people with their own dates, footer with social links);
  footnotes as a numbered notes list linked from superscript references;
- <stem>.pdf: an A4 report (reportlab) with a running header (organisation and short title), "page X of N" footers,
  and footnotes set small at the foot of the page that cites them;
- <stem>.docx: a Word file with real footnotes (word/footnotes.xml, w:footnoteReference), a header and a PAGE field
  in the footer, one paragraph per line, headings and hyperlinks.
A Markdown table becomes a real table in each format (<table>, a ruled reportlab Table, a Word w:tbl).
Plain-text documents get one footnote (a note on how the summary was made, no names or dates) after their first
sentence, so that every format has a footnote marker glued to a word. Markdown documents keep their own notes.

Next to the files, gold-html.json, gold-pdf.json and gold-docx.json are the split's gold with "file" pointing to
the rendered version, so that a format is scored with
    qorgau evaluate --gold OUT/dev/gold-pdf.json --corpus OUT/dev
Output goes to .tmp/eval-render by default (not committed). Run: python tools/render_eval.py [--split dev|test|all]
"""

import argparse
import html
import json
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

ROOT = Path(__file__).resolve().parent.parent.parent
EVAL = ROOT / "tests" / "evaluation"
DEFAULT_OUT = ROOT / ".tmp" / "eval-render"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

SUMMARY_NOTE = {
    "en": "Summary prepared by the monitoring team from public reports.",
    "ru": "Краткое изложение подготовлено группой мониторинга по открытым источникам.",
    "kk": "Шолуды мониторинг тобы ашық дереккөздер негізінде дайындады.",
}
SITE = "https://steppe-monitor.example"
CHROME = {
    "en": {"site": "Steppe Monitor", "tagline": "Independent news from Central Asia",
           "menu": ["Home", "News", "Politics", "Society", "Courts", "Opinion", "Contact"], "search": "Search",
           "related": "Related stories", "read_also": "Read also:", "share": "Share", "notes": "Notes", "published": "Published",
           "byline": "Editorial team", "accept": "Accept all", "settings": "Cookie settings",
           "cookie": "We use cookies to improve your experience and to analyse traffic. "
                     "By continuing to browse the site you agree to our cookie policy.",
           "related_items": [("Police detain activist Gaukhar Zhaksylykova in Taraz", "02.02.2024"),
                             ("Court sentences blogger Marat Yermekov to three years", "11.01.2024"),
                             ("Court in Aktobe postpones land dispute hearing to 14 March", "12.03.2024"),
                             ("Weather: heavy snow expected in Astana on Friday", "05.12.2023"),
                             ("Opinion: why the tenge fell again in November", "30.11.2023"),
                             ("Regional akimat promises new school buses", "18.09.2023")],
           "footer": ["About us", "Advertising", "Privacy policy", "Terms of use"],
           "rights": "© {year} Steppe Monitor. All rights reserved. Reproduction only with a link to the source.",
           "header": "Steppe Rights Monitor", "page": "Page {n} of {total}"},
    "ru": {"site": "Вестник Степи", "tagline": "Независимые новости Центральной Азии",
           "menu": ["Главная", "Новости", "Политика", "Общество", "Суды", "Мнения", "Контакты"], "search": "Поиск",
           "related": "Читайте также", "read_also": "Читайте также:", "share": "Поделиться", "notes": "Примечания", "published": "Опубликовано",
           "byline": "Редакция", "accept": "Принять все", "settings": "Настройки cookie",
           "cookie": "Мы используем файлы cookie, чтобы сайт работал лучше и чтобы анализировать посещаемость. "
                     "Продолжая просмотр, вы соглашаетесь с политикой использования cookie.",
           "related_items": [("Полиция задержала активистку Гаухар Жаксылыкову в Таразе", "02.02.2024"),
                             ("Суд приговорил блогера Марата Ермекова к трём годам", "11.01.2024"),
                             ("Суд в Актобе перенёс рассмотрение земельного спора на 14 марта", "12.03.2024"),
                             ("Погода: в Астане в пятницу ожидается сильный снегопад", "05.12.2023"),
                             ("Мнение: почему тенге снова упал в ноябре", "30.11.2023"),
                             ("Акимат области пообещал новые школьные автобусы", "18.09.2023")],
           "footer": ["О нас", "Реклама", "Политика конфиденциальности", "Условия использования"],
           "rights": "© {year} Вестник Степи. Все права защищены. Перепечатка только со ссылкой на источник.",
           "header": "Степной правозащитный монитор", "page": "Страница {n} из {total}"},
    "kk": {"site": "Дала Тынысы", "tagline": "Орталық Азиядан тәуелсіз жаңалықтар",
           "menu": ["Басты бет", "Жаңалықтар", "Саясат", "Қоғам", "Сот", "Пікір", "Байланыс"], "search": "Іздеу",
           "related": "Тақырыпқа қатысты", "read_also": "Оқыңыз:", "share": "Бөлісу", "notes": "Ескертпелер", "published": "Жарияланды",
           "byline": "Редакция", "accept": "Барлығын қабылдау", "settings": "Cookie баптаулары",
           "cookie": "Сайт жақсы жұмыс істеуі және қаралымды талдау үшін біз cookie файлдарын қолданамыз. "
                     "Сайтты қарауды жалғастыра отырып, cookie саясатына келісесіз.",
           "related_items": [("Полиция Таразда белсенді Гауһар Жақсылықованы ұстады", "02.02.2024"),
                             ("Сот блогер Марат Ермековты үш жылға соттады", "11.01.2024"),
                             ("Ақтөбе соты жер дауын қарауды 14 наурызға ауыстырды", "12.03.2024"),
                             ("Ауа райы: жұма күні Астанада қалың қар жауады", "05.12.2023"),
                             ("Пікір: теңге қарашада неге тағы әлсіреді", "30.11.2023"),
                             ("Облыс әкімдігі жаңа мектеп автобустарын уәде етті", "18.09.2023")],
           "footer": ["Біз туралы", "Жарнама", "Құпиялылық саясаты", "Пайдалану шарттары"],
           "rights": "© {year} Дала Тынысы. Барлық құқықтар қорғалған. Сілтемемен ғана көшіріп басуға болады.",
           "header": "Дала құқық мониторы", "page": "{total} беттің {n}-беті"},
}
SOCIAL = ["https://www.facebook.com/steppemonitor", "https://www.instagram.com/steppemonitor",
          "https://t.me/steppemonitor", "https://www.youtube.com/@steppemonitor"]

INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|\[\^(?P<note>\d+)\]|\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)|"
                    r"(?<![\w*])\*(?P<italic>[^*\n]+)\*(?![\w*])")


TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*")
TABLE_ROW = re.compile(r"[ \t]*\|(.*\|.*)\|[ \t]*")


# The document as blocks of lines with inline pieces (a Markdown table's row: ("row", [pieces of each cell])) ---------------------------------------------------------

def inline(text):
    """[(kind, text, url_or_note)] with kind in plain, bold, italic, link, note; Markdown escapes undone."""
    pieces, at = [], 0
    for m in INLINE.finditer(text):
        if m.start() > at:
            pieces.append(("plain", text[at:m.start()], None))
        if m.group("bold") is not None:
            pieces.append(("bold", m.group("bold"), None))
        elif m.group("note") is not None:
            pieces.append(("note", m.group("note"), int(m.group("note"))))
        elif m.group("url") is not None:
            pieces.append(("link", m.group("text"), m.group("url").replace("\\_", "_")))
        else:
            pieces.append(("italic", m.group("italic"), None))
        at = m.end()
    if at < len(text):
        pieces.append(("plain", text[at:], None))
    return [(kind, t.replace("\\_", "_").replace("\\*", "*"), extra) for kind, t, extra in pieces]


def parse(path, language):
    """{"title", "blocks": [[(style, pieces)]], "notes": {n: pieces}} for one evaluation document."""
    text = path.read_text(encoding="utf-8")
    notes = {}
    if path.suffix == ".md":
        for m in re.finditer(r"^\[\^(\d+)\]:\s*(.+)$", text, flags=re.M):
            notes[int(m.group(1))] = inline(m.group(2))
        text = re.sub(r"^\[\^\d+\]:.*$", "", text, flags=re.M)
        text = re.sub(r"^---\s*$", "", text, flags=re.M)
    raw_blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]
    title = re.sub(r"^#+\s*", "", raw_blocks[0].splitlines()[0]).strip()
    rest = raw_blocks[0].splitlines()[1:]
    blocks = [[("body", inline(line)) for line in rest]] if rest else []
    for block in raw_blocks[1:]:
        lines = []
        for line in block.splitlines():
            heading = re.match(r"^(#{1,6})\s+(.*)$", line)
            if path.suffix == ".md" and TABLE_RULE.fullmatch(line):
                continue  # the rule under a table's header row
            row = TABLE_ROW.fullmatch(line) if path.suffix == ".md" else None
            if row:
                lines.append(("row", [inline(cell.strip()) for cell in row.group(1).split("|")]))
            elif heading:
                lines.append(("heading", inline(heading.group(2))))
            elif re.match(r"^\s*[-*]\s+", line) and path.suffix == ".md":
                lines.append(("bullet", inline(re.sub(r"^\s*[-*]\s+", "", line))))
            else:
                lines.append(("body", inline(line)))
        blocks.append(lines)
    if not notes:
        notes[1] = [("plain", SUMMARY_NOTE[language], None)]
        attach_first_note(blocks)
    return {"title": title, "blocks": blocks, "notes": notes}


def parse_reading(path, language):
    """The document as Qorgau's own reader understands it (paragraphs, footnotes and their markers), in the shape
    `parse` gives: for texts whose lines are not meaningful (text extracted from a PDF report, hard-wrapped, its
    footnotes inline), so that every format shows the same paragraphs and notes as the text version."""
    from .ingest.reading import read_document
    from .ingest.repair import canonicalise

    canonical = canonicalise(read_document(Path(path).name, Path(path).read_bytes()))
    text, markers = canonical.text, sorted(canonical.markers)
    blocks, notes, at = [], {}, 0
    for paragraph in text.split("\n\n"):
        start, end = at, at + len(paragraph)
        at = end + 2
        pieces, position = [], start
        for offset, number in markers:
            if start <= offset <= end and number in canonical.footnotes:
                pieces += [("plain", text[position:offset], None), ("note", str(number), number)]
                position = offset
        pieces.append(("plain", text[position:end], None))
        pieces = [piece for piece in pieces if piece[1]]
        if pieces:
            blocks.append([("body", pieces)])
    for number, note in canonical.footnotes.items():
        notes[number] = [("plain", note, None)]
    referenced = {extra for block in blocks for _, pieces in block for kind, _, extra in pieces if kind == "note"}
    notes = {n: p for n, p in notes.items() if n in referenced}
    title = plain(blocks[0][0][1]).split("\n")[0][:200] if blocks else Path(path).stem
    blocks = blocks[1:] if blocks and plain(blocks[0][0][1]) == title else blocks
    if not notes:
        notes[1] = [("plain", SUMMARY_NOTE[language], None)]
        attach_first_note(blocks)
    return {"title": title, "blocks": blocks, "notes": notes}


def attach_first_note(blocks):
    """A note reference glued after the first sentence of the first body line long enough to have one."""
    for block in blocks:
        for i, (style, pieces) in enumerate(block):
            if style != "body" or len("".join(t for _, t, _ in pieces)) < 80:
                continue
            for j, (kind, text, extra) in enumerate(pieces):
                m = re.search(r"[.!?](?=\s)", text) if kind == "plain" else None
                if m:
                    head, tail = text[:m.end()], text[m.end():]
                    block[i] = (style, pieces[:j] + [("plain", head, None), ("note", "1", 1), ("plain", tail, None)]
                                + pieces[j + 1:])
                    return


def plain(pieces):
    return "".join(t for kind, t, _ in pieces if kind != "note")


# HTML -------------------------------------------------------------------------------------------------------

def html_inline(pieces):
    out = []
    for kind, text, extra in pieces:
        t = html.escape(text)
        if kind == "bold":
            out.append(f"<strong>{t}</strong>")
        elif kind == "italic":
            out.append(f"<em>{t}</em>")
        elif kind == "link":
            out.append(f'<a href="{html.escape(extra)}">{t}</a>')
        elif kind == "note":
            out.append(f'<sup class="fnref"><a href="#fn-{extra}" id="fnref-{extra}">{extra}</a></sup>')
        else:
            out.append(t)
    return "".join(out)


def with_tables(block):
    """A block's lines, each run of Markdown table rows as one ("table", [row pieces, …]) line."""
    rows = []
    for style, pieces in block:
        if style == "row":
            rows.append(pieces)
            continue
        if rows:
            yield "table", rows
            rows = []
        yield style, pieces
    if rows:
        yield "table", rows


def render_html(doc, entry, language):
    c = CHROME[language]
    slug = Path(entry["file"]).stem.replace("_", "-")
    page = f"{SITE}/{language}/news/{slug}"
    share = " ".join([
        f'<a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u={page}">Facebook</a>',
        f'<a class="share-tg" href="https://t.me/share/url?url={page}">Telegram</a>',
        f'<a class="share-x" href="https://twitter.com/intent/tweet?url={page}">X</a>',
        f'<a class="share-wa" href="https://wa.me/?text={page}">WhatsApp</a>'])
    body, teased = [], False
    for block in doc["blocks"]:
        items = []
        for style, pieces in with_tables(block):
            if style == "table":  # a Markdown table: a real table, its first row the header
                body.append('<table class="data">' + "".join(
                    "<tr>" + "".join(f"<{cell}>{html_inline(p)}</{cell}>" for p in row) + "</tr>"
                    for cell, row in zip(["th"] + ["td"] * len(pieces), pieces)) + "</table>")
            elif style == "heading":
                body.append(f"<h2>{html_inline(pieces)}</h2>")
            elif style == "bullet":
                items.append(f"<li>{html_inline(pieces)}</li>")
            else:
                body.append(f"<p>{html_inline(pieces)}</p>")
                if not teased:  # the site's own teaser inside the article, after its first paragraph
                    teased = True
                    story, _ = c["related_items"][0]
                    body.append(f'<p class="read-also"><strong>{html.escape(c["read_also"])}</strong> '
                                f'<a href="{SITE}/{language}/news/1000">{html.escape(story)}</a></p>')
        if items:
            body.append("<ul>" + "".join(items) + "</ul>")
    notes = "".join(f'<li id="fn-{n}">{html_inline(p)} <a class="back" href="#fnref-{n}">↩</a></li>'
                    for n, p in sorted(doc["notes"].items()))
    menu = "".join(f'<li><a href="{SITE}/{language}/{i}">{html.escape(m)}</a></li>' for i, m in enumerate(c["menu"]))
    related = "".join(f'<li><a href="{SITE}/{language}/news/{i + 1000}">{html.escape(t)}</a> <time>{d}</time></li>'
                      for i, (t, d) in enumerate(c["related_items"]))
    footer = " · ".join(f'<a href="{SITE}/{language}/page/{i}">{html.escape(f)}</a>' for i, f in enumerate(c["footer"]))
    social = " ".join(f'<a class="social" href="{u}">{u.split("/")[2].split(".")[-2]}</a>' for u in SOCIAL)
    return f"""<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{html.escape(doc["title"])} — {html.escape(c["site"])}</title>
<meta property="og:site_name" content="{html.escape(c["site"])}">
<meta property="og:url" content="{page}">
<link rel="canonical" href="{page}">
<link rel="stylesheet" href="{SITE}/static/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body>
<div class="cookie-banner" role="dialog"><p>{html.escape(c["cookie"])}</p>
<button>{html.escape(c["accept"])}</button> <a href="{SITE}/{language}/cookies">{html.escape(c["settings"])}</a></div>
<header class="site-header">
<a class="logo" href="{SITE}/{language}/"><img src="{SITE}/static/logo.svg" alt="{html.escape(c["site"])}"> {html.escape(c["site"])}</a>
<span class="tagline">{html.escape(c["tagline"])}</span>
<nav><ul>{menu}</ul></nav>
<ol class="breadcrumbs"><li><a href="{SITE}/{language}/">{html.escape(c["menu"][0])}</a></li><li><a href="{SITE}/{language}/1">{html.escape(c["menu"][1])}</a></li><li><a href="{SITE}/{language}/4">{html.escape(c["menu"][4])}</a></li></ol>
<form class="search" action="{SITE}/{language}/search"><input name="q" placeholder="{html.escape(c["search"])}"><button>{html.escape(c["search"])}</button></form>
</header>
<main>
<article>
<h1>{html.escape(doc["title"])}</h1>
<div class="meta">{html.escape(c["published"])}: <time datetime="{entry["published"]}">{entry["published"]}</time> · {html.escape(c["byline"])}</div>
<div class="share">{html.escape(c["share"])}: {share}</div>
{chr(10).join(body)}
<section class="footnotes"><h2>{html.escape(c["notes"])}</h2><ol>{notes}</ol></section>
<div class="share bottom">{html.escape(c["share"])}: {share}</div>
</article>
<aside class="related"><h2>{html.escape(c["related"])}</h2><ul>{related}</ul></aside>
</main>
<footer class="site-footer"><nav>{footer}</nav><div class="social">{social}</div>
<p>{html.escape(c["rights"].format(year=entry["published"][:4]))}</p></footer>
<script src="{SITE}/static/analytics.js"></script>
</body>
</html>
"""


# PDF --------------------------------------------------------------------------------------------------------

def pdf_inline(pieces):
    out = []
    for kind, text, extra in pieces:
        t = xml_escape(text)
        if kind == "bold":
            out.append(f"<b>{t}</b>")
        elif kind == "italic":
            out.append(f"<i>{t}</i>")
        elif kind == "link":
            out.append(f'<link href="{xml_escape(extra)}" color="#1a4f8b">{t}</link>')
        elif kind == "note":
            out.append(f"<super>{extra}</super>")
        else:
            out.append(t)
    return "".join(out)


def render_pdf(doc, entry, language, path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    for name, file in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
                       ("DejaVu-Oblique", "DejaVuSans-Oblique.ttf"), ("DejaVu-BoldOblique", "DejaVuSans-BoldOblique.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold", italic="DejaVu-Oblique",
                                  boldItalic="DejaVu-BoldOblique")
    c = CHROME[language]
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=10.5, leading=14.5, spaceAfter=6)
    title = ParagraphStyle("title", parent=body, fontName="DejaVu-Bold", fontSize=15, leading=19, spaceAfter=12)
    heading = ParagraphStyle("heading", parent=body, fontName="DejaVu-Bold", fontSize=12, leading=16, spaceBefore=6)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4, bulletFontName="DejaVu")
    note_style = ParagraphStyle("note", parent=body, fontSize=8, leading=10, spaceAfter=2)
    notes_height = 3.2 * cm

    class Noted(Paragraph):
        """A paragraph that remembers the footnotes it cites, also in the parts it is split into."""

        def split(self, width, height):
            parts = super().split(width, height)
            for part in parts:
                part.notes = getattr(self, "notes", [])
            return parts

    cell_style = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0)

    def table(rows):
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        data = [[Paragraph(pdf_inline(cell), cell_style) for cell in row] for row in rows]
        t = Table(data, colWidths=[(A4[0] - 4 * cm) / max(len(r) for r in rows)] * max(len(r) for r in rows),
                  repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    def story():
        items = [Noted(pdf_inline([("plain", doc["title"], None)]), title)]
        for block in doc["blocks"]:
            for style, pieces in with_tables(block):
                if style == "table":
                    items.append(table(pieces))
                    continue
                p = Noted(pdf_inline(pieces), {"heading": heading, "bullet": bullet}.get(style, body),
                          bulletText="•" if style == "bullet" else None)
                p.notes = [extra for kind, _, extra in pieces if kind == "note"]
                items.append(p)
            items.append(Spacer(1, 4))
        return items

    class Report(SimpleDocTemplate):
        note_pages, pages = {}, 1

        def afterFlowable(self, flowable):
            for n in getattr(flowable, "notes", []):
                self.note_pages.setdefault(n, self.page)
            self.pages = max(self.pages, self.page)

    def decorate(total, note_pages):
        def on_page(canvas, d):
            canvas.saveState()
            width, height = A4
            canvas.setFont("DejaVu", 8)
            canvas.drawString(2 * cm, height - 1.3 * cm, c["header"])
            short = doc["title"] if len(doc["title"]) < 70 else doc["title"][:67] + "…"
            canvas.drawRightString(width - 2 * cm, height - 1.3 * cm, short)
            canvas.line(2 * cm, height - 1.45 * cm, width - 2 * cm, height - 1.45 * cm)
            canvas.drawCentredString(width / 2, 1.2 * cm, c["page"].format(n=d.page, total=total))
            here = [n for n, page in sorted(note_pages.items()) if page == d.page]
            if here:
                y = 1.9 * cm + notes_height - 0.3 * cm
                canvas.line(2 * cm, y, 7 * cm, y)
                y -= 0.15 * cm
                for n in here:
                    para = Paragraph(f"<super>{n}</super> " + pdf_inline(doc["notes"][n]), note_style)
                    _, h = para.wrap(width - 4 * cm, notes_height)
                    y -= h
                    para.drawOn(canvas, 2 * cm, y)
            canvas.restoreState()
        return on_page

    kwargs = dict(pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2.2 * cm,
                  bottomMargin=1.9 * cm + notes_height, title=doc["title"], author=c["header"])
    first = Report(str(path), **kwargs)
    first.note_pages = {}
    first.build(story(), onFirstPage=decorate(1, {}), onLaterPages=decorate(1, {}))
    final = Report(str(path), **kwargs)
    final.note_pages = {}
    hook = decorate(first.pages, first.note_pages)
    final.build(story(), onFirstPage=hook, onLaterPages=hook)


# DOCX -------------------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'


def w_run(text, props=""):
    return (f"<w:r>{'<w:rPr>' + props + '</w:rPr>' if props else ''}"
            f'<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>')


def render_docx(doc, entry, language, path):
    c = CHROME[language]
    links = []

    def runs(pieces):
        out = []
        for kind, text, extra in pieces:
            if kind == "bold":
                out.append(w_run(text, "<w:b/>"))
            elif kind == "italic":
                out.append(w_run(text, "<w:i/>"))
            elif kind == "link":
                links.append(extra)
                styled = w_run(text, '<w:rStyle w:val="Hyperlink"/>')
                out.append(f'<w:hyperlink r:id="rIdLink{len(links)}">{styled}</w:hyperlink>')
            elif kind == "note":
                out.append(f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                           f'<w:footnoteReference w:id="{extra}"/></w:r>')
            else:
                out.append(w_run(text))
        return "".join(out)

    def para(style, content):
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{content}</w:p>'

    def table(rows):
        cells = "".join("<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>'
                                           f'{para("Normal", runs(cell))}</w:tc>' for cell in row) + "</w:tr>"
                        for row in rows)
        return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
                + cells + "</w:tbl>")

    paragraphs = [para("Title", runs([("plain", doc["title"], None)]))]
    for block in doc["blocks"]:
        for style, pieces in with_tables(block):
            if style == "table":
                paragraphs.append(table(pieces))
                continue
            paragraphs.append(para({"heading": "Heading1", "bullet": "ListBullet"}.get(style, "Normal"),
                                   (w_run("• ") if style == "bullet" else "") + runs(pieces)))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
            '<w:footerReference w:type="default" r:id="rIdFooter"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1418" w:left="1134" '
            'w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
                + "".join(paragraphs) + sect + "</w:body></w:document>")
    notes = "".join(f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                    f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                    f'{w_run(" ")}{runs(p)}</w:p></w:footnote>' for n, p in sorted(doc["notes"].items()))
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NS}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
                 f"</w:footnote>{notes}</w:footnotes>")
    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NS}>'
              f'{para("Header", w_run(c["header"]))}</w:hdr>')
    before, _, after = c["page"].partition("{n}")
    after = after.replace("{total}", "")
    page_field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
                  '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + w_run("1")
                  + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    footer = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {NS}>'
              f'{para("Footer", w_run(before.replace("{total}", "")) + page_field + w_run(after.strip()))}</w:ftr>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NS}>'
              '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>'
              '<w:sz w:val="22"/><w:lang w:val="' + {"en": "en-GB", "ru": "ru-RU", "kk": "kk-KZ"}[language] + '"/>'
              '</w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
              '<w:pPr><w:spacing w:after="120"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
              '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>'
              '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="360"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
              '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
              '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
              '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style></w:styles>')
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {NS}>'
                '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>')
    rels = ['<Relationship Id="rIdStyles" Type="' + REL + '/styles" Target="styles.xml"/>',
            '<Relationship Id="rIdSettings" Type="' + REL + '/settings" Target="settings.xml"/>',
            '<Relationship Id="rIdNotes" Type="' + REL + '/footnotes" Target="footnotes.xml"/>',
            '<Relationship Id="rIdHeader" Type="' + REL + '/header" Target="header1.xml"/>',
            '<Relationship Id="rIdFooter" Type="' + REL + '/footer" Target="footer1.xml"/>']
    rels += [f'<Relationship Id="rIdLink{i}" Type="{REL}/hyperlink" Target="{xml_escape(url)}" TargetMode="External"/>'
             for i, url in enumerate(links, 1)]
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>'
        f'<Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/>'
        f'<Override PartName="/word/footnotes.xml" ContentType="{wml}.footnotes+xml"/>'
        f'<Override PartName="/word/header1.xml" ContentType="{wml}.header+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/></Types>')
    package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", styles)
        archive.writestr("word/settings.xml", settings)
        archive.writestr("word/footnotes.xml", footnotes)
        archive.writestr("word/header1.xml", header)
        archive.writestr("word/footer1.xml", footer)
        archive.writestr("word/_rels/document.xml.rels",
                         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         + "".join(rels) + "</Relationships>")


# Driver -----------------------------------------------------------------------------------------------------

FORMATS = ("html", "pdf", "docx")


def render_document(source, entry, target, formats=FORMATS, as_read=False):
    """Write `source` (a .txt or .md evaluation document) into `target` in each format; {format: path}.

    Each line of a block is a paragraph of its own (the evaluation documents are written so); `as_read` lays out
    the paragraphs and footnotes Qorgau's reader finds instead (for hard-wrapped text extracted from reports)."""
    language = entry.get("language") or "en"
    entry = {**entry, "published": entry.get("published") or "", "file": entry["file"]}
    doc = parse_reading(Path(source), language) if as_read else parse(Path(source), language)
    stem = Path(source).stem
    paths = {fmt: Path(target) / f"{stem}.{fmt}" for fmt in formats}
    if "html" in paths:
        paths["html"].write_text(render_html(doc, entry, language), encoding="utf-8")
    if "pdf" in paths:
        render_pdf(doc, entry, language, paths["pdf"])
    if "docx" in paths:
        render_docx(doc, entry, language, paths["docx"])
    return paths


def render_split(split, out):
    gold = json.loads((EVAL / f"gold-{split}.json").read_text(encoding="utf-8"))
    target = out / split
    target.mkdir(parents=True, exist_ok=True)
    golds = {fmt: {"documents": []} for fmt in FORMATS}
    for entry in gold["documents"]:
        source = EVAL / "genres" / split / entry["file"]
        render_document(source, entry, target)
        for fmt in FORMATS:
            golds[fmt]["documents"].append({**entry, "file": f"{source.stem}.{fmt}"})
    for fmt, data in golds.items():
        (target / f"gold-{fmt}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return target, len(gold["documents"])


def main(argv=None):  # python tools/render_eval.py
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    for split in (["dev", "test"] if args.split == "all" else [args.split]):
        target, n = render_split(split, args.out)
        print(f"{split}: {n} documents x {len(FORMATS)} formats -> {target}")


if __name__ == "__main__":
    main()
