"""Format readers (issue 11 "Formats"): a record's fields, a list's items and a table's rows read from a web page,
a Word file or a PDF report give the same acts and person–provision pairs as the same document typed as text.
Every document here is made up in the test (names, dates and articles are invented)."""

import io
import zipfile

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions
from qorgau.documents.ingest.reading import read_document
from qorgau.documents.ingest.repair import canonicalise

PUBLISHED = "2024-03-01"


def read(name, data):
    return canonicalise(read_document(name, data))


def facts(canonical):
    """(victim, act type, date, provisions) of every act proposed in a read document."""
    text = canonical.text
    return sorted((p.victims[0], p.act_type, p.date, tuple(sorted(uid for uid, _ in p.provisions)))
                  for p in find_acts(text, find_persons(text), find_dates(text, PUBLISHED), find_provisions(text),
                                     published=PUBLISHED, footnotes=canonical.footnotes, markers=canonical.markers))


def docx(blocks):
    """A Word file: each block a paragraph (a string) or a table (a list of rows, each a list of cell strings)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def para(text):
        return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

    body = "".join(para(b) if isinstance(b, str) else "<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in b) + "</w:tbl>"
        for b in blocks)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


CHROME_TOP = """<div class="cookie"><p>Сайт использует файлы cookie. Продолжая, вы соглашаетесь.</p><button>OK</button></div>
<header><a href="/">Дала Жаршысы</a><nav><ul><li><a href="/">Басты бет</a></li><li><a href="/news">Жаңалықтар</a></li>
<li><a href="/courts">Суды</a></li></ul></nav><ol class="breadcrumbs"><li><a href="/">Главная</a></li>
<li><a href="/news">Новости</a></li><li>Суды</li></ol></header>"""
SIDEBAR = """<aside class="related"><h3>Читайте также</h3><ul>
<li><a href="/n/1">Суд арестовал Бауыржана Оспанова на два месяца</a> <time>14.02.2024</time></li>
<li><a href="/n/2">Полиция задержала Айгерим Сапарову в Шымкенте</a> <time>02.02.2024</time></li>
<li><a href="/n/3">Talgat Zhunusov sentenced to three years</a> <time>11.01.2024</time></li></ul></aside>
<footer><a href="https://facebook.com/dala">Facebook</a> <a href="https://t.me/dala">Telegram</a>
<p>© 2024 Дала Жаршысы</p></footer>"""


def page(article):
    return (f"<html><head><title>t</title></head><body>{CHROME_TOP}<main><article>{article}</article>{SIDEBAR}"
            "</main></body></html>").encode()


# A person's line with bulleted items under it: the items are read as bullets in every format -----------------

BULLETED = [
    ("KASSYMOV Yerlan, blogger, Oral",
     ["Detained by the police in Oral on 12 May 2023.", "Charged with spreading false information (CC Art. 274).",
      "Sentenced on 20 November 2023 to two years of restricted freedom."]),
    ("СЕЙТОВА Дана, активистка, Актобе",
     ["Задержана 3 марта 2022 года после пикета.", "Обвинена по ч. 2 ст. 405 УК РК.",
      "Приговорена 14 июня 2022 года к одному году ограничения свободы."]),
    ("OMAROV Nurlan, trade unionist, Zhanaozen",
     ["On 2 February 2024 officers searched his home.", "Placed in pre-trial detention on 4 February 2024.",
      "Released on bail on 1 March 2024 (charges under CC Art. 174 remain)."]),
]


@pytest.mark.parametrize("head,items", BULLETED)
@pytest.mark.parametrize("whole_page", [True, False])
def test_list_items_of_a_web_page_are_bullets_under_their_person_as_in_the_text(head, items, whole_page,
                                                                                monkeypatch):
    typed = "Case summaries\n\n" + f"**{head}**\n\n" + "".join(f"- {item}\n" for item in items)
    expected = facts(read("case.md", typed.encode()))
    assert expected, "the typed version proposes acts"
    lead = "<p>Summaries of the cases we follow, as of the date of this update, from court records.</p>"
    article = (f"<h1>Case summaries</h1>{lead}<p><strong>{head}</strong></p><ul>"
               + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
    if whole_page:  # inside a site's chrome: the main content is found, the sidebar's people stay out
        html = page(article)
    else:  # a bare page read whole (no main-content block found)
        from qorgau.documents.ingest import reading

        monkeypatch.setattr(reading, "_main_content", lambda text: None)
        html = f"<html><body>{article}</body></html>".encode()
    canonical = read("case.html", html)
    assert f"• {items[0]}" in canonical.text
    assert facts(canonical) == expected


def pdf_table(title, rows):
    """A PDF report (reportlab) with a title and a ruled table whose narrow columns wrap the cells onto lines."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    cell = ParagraphStyle("cell", fontName="DejaVu", fontSize=9, leading=11)
    table = Table([[Paragraph(c, cell) for c in row] for row in rows], colWidths=[30, 90, 70, 90, 110])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(title, ParagraphStyle("t", fontName="DejaVu",
                                                                                  fontSize=14)), table])
    return buffer.getvalue()


# A table of prisoners: one row, one entry, in a web page, a Word file and Markdown --------------------------------

ROWS = [["No.", "Name", "City", "Article", "Key dates"],
        ["1", "ZHUMABAYEV Arman", "Taraz", "CC Art. 405 part 2", "detained 03.04.2023; sentenced 19.09.2023"],
        ["2", "ТЕМИРОВА Сауле", "Кокшетау", "ст. 174 УК РК", "задержана 11.01.2024"],
        ["3", "BEKOV Timur", "Aktau", "CC Art. 272", "sentenced 07.02.2022 to 5 years"]]


def test_a_table_of_prisoners_reads_row_by_row_in_every_format():
    markdown = "Prisoners list\n\n" + "\n".join("| " + " | ".join(row) + " |" for row in ROWS[:1]) + \
        "\n|---|---|---|---|---|\n" + "\n".join("| " + " | ".join(row) + " |" for row in ROWS[1:]) + "\n"
    expected = facts(read("list.md", markdown.encode()))
    assert {f[0] for f in expected} >= {"Arman Zhumabayev", "Timur Bekov"}
    html = page("<h1>Prisoners list</h1><p>The list of persons held for their views, compiled by the monitors.</p>"
                "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
                + "</table>")
    word = docx(["Prisoners list", ROWS])
    for name, data in (("list.html", html), ("list.docx", word), ("list.pdf", pdf_table("Prisoners list", ROWS))):
        canonical = read(name, data)
        assert "• 1 – ZHUMABAYEV Arman – Taraz – CC Art. 405 part 2 – detained 03.04.2023; sentenced 19.09.2023" \
            in canonical.text.split("\n\n"), name
        assert facts(canonical) == expected, name


# A record's fields set one a paragraph: read as one record, as typed ------------------------------------------

RECORDS = [
    (["Trial monitoring note", "Defendant: Yerlan Kassymov, 41, Oral", "Court: Oral city court No. 2",
      "Charges: spreading false information (CC Art. 274 part 2)", "Observer: monitoring group"],
     "On 20 November 2023 the judge found Kassymov guilty and sentenced him to two years of restricted freedom."),
    (["Мониторинг процесса", "Подсудимый: Сеитов Арман", "Суд: районный суд № 2 г. Актобе",
      "Квалификация: ч. 1 ст. 174 УК РК", "Мера пресечения: содержание под стражей"],
     "14 июня 2022 года суд признал Сеитова виновным и приговорил его к трём годам лишения свободы."),
    (["Case file", "1. ORALOV Daniyar", "City: Shymkent", "Article: CC Art. 405 part 2",
      "Detention: detained on 12.05.2023 and remanded in custody the next day."],
     "Oralov's lawyer appealed on 1 June 2023."),
]


@pytest.mark.parametrize("fields,story", RECORDS)
def test_a_records_fields_set_as_paragraphs_read_as_the_record_typed_as_text(fields, story):
    typed = "\n".join(fields[:1]) + "\n\n" + "\n".join(fields[1:]) + "\n\n" + story + "\n"
    expected = facts(read("note.txt", typed.encode()))
    assert any(f[3] for f in expected), "the typed record pairs its person with the charge"
    word = read("note.docx", docx([*fields, story]))
    assert facts(word) == expected
    assert word.text.split("\n\n")[1] == " ".join(fields[1:])


def test_a_field_never_joins_the_prose_around_it():
    canonical = read("dated.docx", docx(["Date issued: 14 February 2024", "Police detained Dana Omarova in Almaty.",
                                         "Status: in custody", "The court will sit again on 2 March 2024."]))
    assert canonical.text.split("\n\n") == ["Date issued: 14 February 2024", "Police detained Dana Omarova in Almaty.",
                                            "Status: in custody", "The court will sit again on 2 March 2024."]


@pytest.mark.parametrize("entry,other", [
    ("4. SUYINBAYEV Asanali – convicted under the same article.",
     "Separate case: SYZDYKOV Aidar – CC Art. 297 part 2, five years."),
    ("4. СУЮНБАЕВ Асанали — осуждён по той же статье.", "Отдельное дело: СЫЗДЫКОВ Айдар — ч. 2 ст. 297 УК РК, 5 лет."),
    ("4. СҮЙІНБАЕВ Асанали — сол бап бойынша сотталған.", "Бөлек іс: СЫЗДЫҚОВ Айдар — ст. 297 ч. 2 УК РК, 5 жыл."),
])
def test_a_field_that_names_another_person_in_capitals_opens_a_record_of_its_own(entry, other):
    canonical = read("list.docx", docx(["List", entry, other, "City: Kokshetau"]))
    assert canonical.text.split("\n\n")[1:] == [entry, f"{other} City: Kokshetau"]


def pdf_paragraphs(paragraphs):
    """A PDF report (reportlab) of paragraphs set 10 pt with 6 pt between them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    style = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=13, spaceAfter=6)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(p, style) for p in paragraphs])
    return buffer.getvalue()


@pytest.mark.parametrize("lines", [
    ["Persons held in Almaty", "Dana Omarova, journalist", "Yerlan Kassymov, blogger", "Arman Seitov, lawyer"],
    ["Задержанные в Шымкенте", "Айгерим Сапарова – активистка", "Нурлан Омаров – профсоюз", "Тимур Беков – блогер"],
    ["Шымкентте ұсталғандар", "Айгерім Сапарова, белсенді", "Нұрлан Омаров, кәсіподақ", "Тимур Беков, блогер"],
])
def test_pdf_one_line_paragraphs_stay_apart_and_a_wrapped_paragraph_stays_whole(lines):
    story = ("The monitors followed each of these cases from the first hearing to the verdict and spoke to the "
             "relatives, the lawyers and the journalists who covered the trials in the regional courts, and they "
             "publish what they saw so that the record of every case stays public and can be checked later.")
    canonical = read("people.pdf", pdf_paragraphs([*lines, story]))
    assert canonical.text.split("\n\n") == [*lines, story]


# A news page's own teasers inside the article: other stories' people never become this document's ------------

TEASED = [
    ("Читайте также:", "Полиция задержала Айгерим Сапарову в Шымкенте", "Айгерим Сапарова",
     "Специализированный суд 11 марта 2024 года арестовал блогера Ерлана Касымова на два месяца.", "Ерлан Касымов"),
    ("Read also:", "Court jails Talgat Zhunusov for three years", "Talgat Zhunusov",
     "On 11 March 2024 a court in Oral remanded the blogger Yerlan Kassymov in custody for two months.",
     "Yerlan Kassymov"),
    ("Тақырыпқа қатысты:", "Полиция Нұрлан Омаровты ұстады", "Нұрлан Омаров",
     "2024 жылғы 11 наурызда Орал соты блогер Ерлан Қасымовты екі айға қамауға алды.", "Ерлан Қасымов"),
]


@pytest.mark.parametrize("label,teaser,teased,story,person", TEASED)
@pytest.mark.parametrize("site", ["", "https://dala.example"])
def test_a_read_also_teaser_and_a_related_list_inside_the_article_are_not_read(label, teaser, teased, story, person,
                                                                              site):
    base = site or ""
    article = (f"<h1>Blogger remanded</h1><p>{story}</p>"
               f'<p class="also"><strong>{label}</strong> <a href="{base}/news/77">{teaser}</a></p>'
               f"<p>His lawyer said she would appeal; the full ruling is "
               f'<a href="{base}/files/ruling-2024-03-11.pdf">published</a> and the monitors’ statement is on '
               f'<a href="https://monitors.example/statement">their site</a>.</p>'
               f'<div class="inline-related"><ul><li><a href="{base}/news/78">{teaser}</a> <time>11.01.2024</time>'
               f'</li><li><a href="{base}/news/79">{teaser}.</a></li></ul></div>'
               "<p>The defence says the arrest was unlawful and that the blogger only quoted official figures.</p>")
    head = f'<link rel="canonical" href="{site}/news/80">' if site else ""
    html = page(article).replace(b"<title>t</title>", f"<title>t</title>{head}".encode())
    for reader in ("main content", "whole page"):
        canonical = read("story.html", html if reader == "main content" else
                         f"<html><head>{head}</head><body>{article}</body></html>".encode())
        names = {m.name for m in find_persons(canonical.text)}
        assert person in names and teased not in names, reader
        assert teaser not in canonical.text, reader
        # the article's own links stay sources (a relative one when the page says its address), the teasers' go
        assert canonical.links == ([f"{site}/files/ruling-2024-03-11.pdf"] if site else []) + [
            "https://monitors.example/statement"], reader


# A PDF report set in two columns, with a running header and a page number ------------------------------------

def pdf_two_columns(title, left, right, header):
    """A one-page A4 report: a title across the page, then paragraphs in two columns (`left` fills the first, the
    last of them running on into the second column when `right` starts with "…"), a running header with an
    organisation's name and a page number."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    style = ParagraphStyle("b", fontName="DejaVu", fontSize=10, leading=13, spaceAfter=6)
    big = ParagraphStyle("t", fontName="DejaVu", fontSize=15, leading=19)
    width, height = A4
    column = (width - 120) / 2

    def chrome(canvas, doc):
        canvas.setFont("DejaVu", 8)
        canvas.drawString(50, height - 40, header)
        canvas.drawCentredString(width / 2, 30, "Page 1 of 1")

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4)
    doc.addPageTemplates([PageTemplate(frames=[Frame(50, height - 130, width - 100, 60, id="title"),
                                               Frame(50, 300, column, height - 440, id="left"),
                                               Frame(70 + column, 300, column, height - 440, id="right")],
                                       onPage=chrome)])
    doc.build([Paragraph(title, big), FrameBreak()] + [Paragraph(p, style) for p in left] + [FrameBreak()]
              + [Paragraph(p, style) for p in right])
    return buffer.getvalue()


TWO_COLUMNS = [
    ("Blogger remanded in Oral",
     ["On 11 March 2024 a court in Oral remanded the blogger Yerlan Kassymov in custody for two months. He is "
      "charged under CC Art. 274 with spreading false information about the spring floods in the region.",
      "His lawyer Madina Akhmetova said the arrest was unlawful and that the blogger had only quoted figures."],
     ["In a separate case, police in Taraz detained the activist Dana Sarsenova on 2 February 2024 after a picket "
      "outside the regional court building.", "She was fined under AOC Art. 488 and released the same evening."],
     "Steppe Rights Bureau"),
    ("Блогер арестован в Уральске",
     ["11 марта 2024 года суд Уральска арестовал блогера Ерлана Касымова на два месяца. Его обвиняют по ст. 274 "
      "УК РК в распространении ложной информации о весеннем паводке в области.",
      "Защитник Мадина Ахметова заявила, что арест незаконен и что блогер лишь цитировал официальные цифры."],
     ["По другому делу полиция Тараза 2 февраля 2024 года задержала активистку Дану Сарсенову после пикета у "
      "здания областного суда.", "Её оштрафовали по ст. 488 КоАП РК и отпустили в тот же вечер."],
     "Степное бюро по правам человека"),
    ("Оралда блогер қамауға алынды",
     ["2024 жылғы 11 наурызда Орал соты блогер Ерлан Қасымовты екі айға қамауға алды. Оған ҚК 274-бабы бойынша "
      "облыстағы көктемгі су тасқыны туралы жалған ақпарат таратты деген айып тағылды.",
      "Қорғаушы Мадина Ахметова қамау заңсыз екенін және блогер тек ресми сандарды келтіргенін айтты."],
     ["Басқа іс бойынша Тараз полициясы 2024 жылғы 2 ақпанда белсенді Дана Сәрсенованы облыстық сот ғимараты "
      "алдындағы пикеттен кейін ұстады.", "Оған ӘҚБтК 488-бабы бойынша айыппұл салынып, сол кеші босатылды."],
     "Дала құқық бюросы"),
]


@pytest.mark.parametrize("title,left,right,header", TWO_COLUMNS)
def test_a_two_column_pdf_is_read_column_by_column_without_its_running_header(title, left, right, header):
    canonical = read("columns.pdf", pdf_two_columns(title, left, right, header))
    assert canonical.text.split("\n\n") == [title, *left, *right]
    typed = read("columns.txt", "\n\n".join([title, *left, *right]).encode())
    assert facts(canonical) == facts(typed)


@pytest.mark.parametrize("boxed", ["Detained: 12 May 2023, Oral", "Задержан 12 мая 2023 года в Уральске",
                                   "2023 жылғы 12 мамырда Оралда ұсталды"])
def test_a_docx_text_box_is_read_once_not_again_from_its_fallback_copy(boxed):
    """Word saves a text box twice: for current readers (mc:Choice) and for old ones (mc:Fallback, VML)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = f'<w:txbxContent><w:p><w:r><w:t>{boxed}</w:t></w:r></w:p></w:txbxContent>'
    body = (f'<w:p><w:r><w:t xml:space="preserve">Yerlan Kassymov, blogger. </w:t></w:r><w:r><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document {w} {mc}><w:body>{body}</w:body></w:document>")
    text = read("boxed.docx", buffer.getvalue()).text
    assert text.count(boxed) == 1 and "Yerlan Kassymov, blogger." in text


RECORD_TABLES = [
    ([("Defendant", "Yerlan Kassymov, 41, Oral"), ("Court", "Oral city court No. 2"),
      ("Charges", "spreading false information (CC Art. 274 part 2)")],
     "On 20 November 2023 the judge found Kassymov guilty and sentenced him to two years of restricted freedom."),
    ([("Подсудимый", "Сеитов Арман"), ("Суд", "районный суд № 2 г. Актобе"), ("Квалификация", "ч. 1 ст. 174 УК РК")],
     "14 июня 2022 года суд признал Сеитова виновным и приговорил его к трём годам лишения свободы."),
    ([("Defendant:", "ORALOV Daniyar"), ("Date of arrest:", "12.05.2023"), ("Article:", "CC Art. 405 part 2")],
     "On 1 June 2023 a court in Shymkent sentenced Oralov to four years in prison."),
]


@pytest.mark.parametrize("record,story", RECORD_TABLES)
def test_a_records_table_of_labels_and_values_reads_as_the_record_typed_as_text(record, story):
    typed = "Trial note\n\n" + "\n".join(f"{label.rstrip(':')}: {value}" for label, value in record) + f"\n\n{story}\n"
    expected = facts(read("note.txt", typed.encode()))
    assert any(f[3] for f in expected), "the typed record pairs its person with the charge"
    rows = [list(row) for row in record]
    html = page("<h1>Trial note</h1><table>" + "".join(f"<tr><th>{a}</th><td>{b}</td></tr>" for a, b in record)
                + f"</table><p>{story}</p>")
    for name, data in (("note.html", html), ("note.docx", docx(["Trial note", rows, story])),
                       ("note.pdf", pdf_table_and_story("Trial note", rows, story))):
        canonical = read(name, data)
        assert canonical.text.split("\n\n")[1] == typed.split("\n\n")[1].replace("\n", " "), name
        assert facts(canonical) == expected, name


def pdf_table_and_story(title, rows, story):
    """A PDF report: a title, a ruled two-column table, then a paragraph."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    body = ParagraphStyle("b", fontName="DejaVu", fontSize=10, leading=13, spaceBefore=8)
    table = Table([[Paragraph(c, body) for c in row] for row in rows], colWidths=[120, 300])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(title, ParagraphStyle("t", fontName="DejaVu", fontSize=14)),
                                                  table, Paragraph(story, body)])
    return buffer.getvalue()
