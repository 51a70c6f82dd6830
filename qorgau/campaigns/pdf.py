"""The Urgent Action as a PDF, in the layout campaigners know: headline, the case,
"please write", the asks, the targets with salutations, the deadline, more information.
"""

import io
from pathlib import Path

from django.utils.translation import gettext as _

from qorgau.lib.dates import display_date
from qorgau.records.policy import holder_name

FONTS = Path(__file__).resolve().parent / "fonts"
_registered = False


def _fonts():
    global _registered
    if not _registered:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("DejaVu", str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold", italic="DejaVu",
                                      boldItalic="DejaVu-Bold")
        _registered = True


def _language_names():
    return {"en": _("English"), "ru": _("Russian"), "kk": _("Kazakh")}


def render_pdf(sheet):
    """sheet: the dict the printable page uses (see views.ua_sheet). Returns PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, ListFlowable, Paragraph, SimpleDocTemplate, Spacer
    from xml.sax.saxutils import escape

    _fonts()
    base = ParagraphStyle("base", fontName="DejaVu", fontSize=10, leading=14)
    bold = ParagraphStyle("bold", parent=base, fontName="DejaVu-Bold")
    banner = ParagraphStyle("banner", parent=bold, fontSize=22, leading=26, textColor=colors.white,
                            backColor=colors.black, borderPadding=(4, 6, 4, 6))
    headline = ParagraphStyle("headline", parent=bold, fontSize=15, leading=19, spaceBefore=8)
    heading = ParagraphStyle("heading", parent=bold, fontSize=11, spaceBefore=10, spaceAfter=3)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.grey)

    ua = sheet["ua"]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=f"UA {ua.number}", author=sheet["issuer"] or "Qorgau")
    story = [Paragraph(escape(_("URGENT ACTION")), banner), Spacer(1, 6)]
    story.append(Paragraph(escape(ua.title or f"UA {ua.number}").upper(), headline))
    meta = f"UA {escape(ua.number)}" + (", " + escape(_("update %(n)s") % {"n": ua.update}) if ua.update else "")
    meta += " · " + escape(_("issued %(date)s") % {"date": display_date(ua.issued)}) if ua.issued else ""
    story += [Paragraph(meta, small), Spacer(1, 4)]
    if ua.background:
        story.append(Paragraph(escape(ua.background), base))
    closed = sheet.get("state") == "closed"
    names = _language_names()
    languages = ", ".join(names.get(code, code) for code in ua.languages or [])
    if closed:
        story.append(Paragraph(escape(_("This Urgent Action is closed. No further appeals are requested.")).upper(),
                               heading))
        if ua.asks:
            story.append(Paragraph(escape(_("What was asked")), heading))
    else:
        story.append(Paragraph(escape((_("Please write immediately in %(languages)s or your own language")
                                       % {"languages": languages}) if languages
                                      else _("Please write immediately")).upper(), heading))
    if ua.asks:
        story.append(ListFlowable([Paragraph(escape(ask), base) for ask in ua.asks], bulletType="bullet",
                                  bulletFontName="DejaVu", leftIndent=12))
    if not closed:
        story.append(Paragraph(escape((_("Please send appeals before %(date)s") % {"date": display_date(ua.deadline)})
                                      if ua.deadline else _("Please send appeals as soon as possible")).upper(),
                               heading))
    for target in sheet["targets"]:
        lines = [f"<b>{escape(target.office)}</b>"]
        holder = holder_name(target)
        if holder:
            lines.append(escape(holder))
        lines += [escape(line) for line in target.address or []]
        if target.fax:
            lines.append(escape(_("Fax") + ": " + target.fax))
        if target.emails:
            lines.append(escape(_("Email") + ": " + ", ".join(target.emails)))
        if target.phone:
            lines.append(escape(_("Phone") + ": " + target.phone))
        if target.salutation:
            lines.append(escape(_("Salutation") + ": " + target.salutation))
        story.append(KeepTogether([Paragraph("<br/>".join(lines), base), Spacer(1, 6)]))
    if sheet["facts"]:
        story.append(Paragraph(escape(_("Additional information")).upper(), heading))
        story.append(ListFlowable([Paragraph(escape(fact), base) for fact in sheet["facts"]], bulletType="bullet",
                                  bulletFontName="DejaVu", leftIndent=12))
    if sheet["names"]:
        story.append(Paragraph(escape(_("Name") + ": " + ", ".join(sheet["names"])), bold))
    footer = " · ".join(x for x in [sheet["issuer"], ua.reference and _("Index") + f": {ua.reference}",
                                     f"UA {ua.number}"] if x)
    story += [Spacer(1, 10), Paragraph(escape(footer), small)]
    doc.build(story)
    return buffer.getvalue()
