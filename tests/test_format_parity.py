"""Format parity (issue 11 "Formats"): a document read from a web page, a PDF report or a Word file, where headings
and the fields of a list entry are paragraphs of their own, gives the same acts as the same document typed as text,
where a dated heading begins the paragraph's line and an entry's fields share its line. Texts are our own."""

import pytest

from qorgau.documents.extract.acts import find_acts
from qorgau.documents.extract.dates import find_dates
from qorgau.documents.extract.names import find_persons
from qorgau.documents.extract.provisions import find_provisions


def acts(text, published="2025-09-01"):
    return sorted((p.victims[0], p.act_type, p.date) for p in find_acts(
        text, find_persons(text), find_dates(text, published), find_provisions(text), published=published))


# (heading, paragraph under it): the paragraph's sentences inherit the heading's date, whatever its layout.
HEADED = [
    ("16.04.2012", "Dana Kemelova, a leader of the strike, testified that she had been tortured in pre-trial "
                   "detention. Investigators pulled a bag over her head."),
    ("03.04.2019", "Dana Kemelova told the court that she had been beaten in pre-trial detention. "
                   "Guards later searched her cell."),
    ("07.04.2019 – second hearing", "Judge Oralov refused the motion. Dana Kemelova had been detained again."),
    ("12 мая: приговор", "Судья признал Армана Сейтова виновным и назначил ему 3 года ограничения свободы."),
    ("5 March 2021 - verdict", "The court sentenced Yerlan Kassymov to five years in prison."),
]
BEFORE = "ЗАМЕТКИ НАБЛЮДАТЕЛЯ\n\nДело рассматривал районный суд.\n\n"


def typed(heading, paragraph):
    return f"{BEFORE}{heading} {paragraph}\n"


def rendered(heading, paragraph):
    return f"{BEFORE}{heading}\n\n{paragraph}\n"


@pytest.mark.parametrize("heading,paragraph", HEADED)
def test_a_dated_heading_set_apart_dates_the_paragraph_under_it_as_on_one_line(heading, paragraph):
    expected = acts(typed(heading, paragraph))
    assert expected
    assert acts(rendered(heading, paragraph)) == expected


ENTRIES = [("1. ОРАЛОВ Ерлан, г. Алматы.", ["Статьи: ч. 2 ст. 405 УК РК.", "Задержан 12.03.2024.",
                                            "Приговор от 20.11.2024: 5 лет лишения свободы."]),
           ("2. СЕЙТОВ Арман, г. Алматы.", ["Статьи, даты задержания и приговора, срок – те же, что у Е. Оралова."])]


def test_an_entry_whose_field_says_the_same_as_another_keeps_its_acts_when_fields_are_paragraphs():
    typed_list = "СПИСОК\n\n" + "\n\n".join(" ".join([head, *fields]) for head, fields in ENTRIES) + "\n"
    rendered_list = "СПИСОК\n\n" + "\n\n".join("\n\n".join([head, *fields]) for head, fields in ENTRIES) + "\n"
    expected = acts(typed_list)
    assert {victim for victim, _, _ in expected} == {"Ерлан Оралов", "Арман Сейтов"}
    assert acts(rendered_list) == expected


# ---- session 10: the dev split's three format gaps, each a category ------------------------------------------------

def _render(tmp_path, body, language, fmt, published="2025-05-01"):
    """`body` written as an evaluation document, rendered by the evaluation's own renderer and read back."""
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise
    from qorgau.documents.render import render_document

    source = tmp_path / "case.txt"
    source.write_text(body, encoding="utf-8")
    path = render_document(source, {"file": "case.txt", "language": language, "published": published}, tmp_path,
                           [fmt])[fmt]
    return canonicalise(read_document(path.name, path.read_bytes()))


def _acts_read(canonical, published="2025-05-01"):
    text = canonical.text
    return sorted((p.victims[0], p.act_type, p.date) for p in find_acts(
        text, find_persons(text), find_dates(text, published), find_provisions(text), published=published,
        footnotes=canonical.footnotes, markers=canonical.markers))


def _acts_typed(body, published="2025-05-01"):
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise
    return _acts_read(canonicalise(read_document("case.txt", body.encode("utf-8"))), published)


# A list entry whose fields are separated by dashes, wrapped by the PDF's line width right before a dash: the dash
# opens no bullet of a new item, the entry stays one paragraph with its dates (these three wrap there in A4 DejaVu).
WRAPPED_AT_DASH = [
    "ОСПАНОВ Санжар — Алматы — ҚК 174-б. 1-б. — 5 жыл бас бостандығын шектеу — ұсталды 17.01.2025, үкім 11.04.2025",
    "ЕСЕНОВ Нұрлан — Шымкент — ҚК 174-б. 1-б. — 5 жыл бас бостандығын шектеу — ұсталды 17.01.2025, үкім 11.04.2025",
    "ҚАЛИЕВ Мұрат — Павлодар — ҚК 174-б. 1-б. — 5 жыл бас бостандығын шектеу — ұсталды 17.01.2025, үкім 11.04.2025",
]


@pytest.mark.parametrize("entry", WRAPPED_AT_DASH)
def test_a_pdf_list_entry_wrapped_before_a_dash_stays_one_entry_with_its_acts(tmp_path, entry):
    body = f"ТІЗІМ\n\nТізімде бір адам бар.\n\n1. {entry}\n"
    canonical = _render(tmp_path, body, "kk", "pdf")
    assert "шектеу — ұсталды" in canonical.text  # (the wrap fell right before that dash)
    found = _acts_read(canonical)
    assert found == _acts_typed(body)
    name = {"ОСПАНОВ": "Санжар Оспанов", "ЕСЕНОВ": "Нұрлан Есенов", "ҚАЛИЕВ": "Мұрат Қалиев"}[entry.split()[0]]
    assert (name, "detained", "2025-01-17") in found and (name, "sentenced", "2025-04-11") in found


def _pdf_lines(lines, gap=15):
    """A one-page PDF with each line drawn where we say (so the wrap falls exactly where a test needs it)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("DejaVu", 10)
    y = 780
    for line in lines:
        if line:
            page.drawString(60, y, line)
        y -= gap if line else 2 * gap
    page.save()
    return buffer.getvalue()


# (the line before the dash is the widest: the text ran to the right edge there, as a wrapped line does)
@pytest.mark.parametrize("first, rest", [
    ("In May 2016 a court convicted Maks Temirov under three articles — Article 174,",
     ["Article 274 (false information) and Article 400 (breaking the rules on rallies and marches)",
      "— and sent him to prison for five years."]),
    ("В ноябре 2016 года суд признал Армана Сейтова виновным по трём статьям —",
     ["статье 174, статье 274 (распространение ложной информации) и статье 400 (нарушение порядка)",
      "— и приговорил его к пяти годам лишения свободы."]),
    ("2016 жылғы қарашада сот Ерлан Сапаровты үш бап бойынша кінәлі деп тапты —",
     ["174-бап, 274-бап (жалған ақпарат таратқаны үшін) және 400-бап (жиналыс тәртібін бұзғаны үшін)",
      "— және оны бес жылға бас бостандығынан айырды."]),
])
def test_a_pdf_line_opening_with_a_dash_after_a_full_line_continues_its_sentence(first, rest):
    from qorgau.documents.ingest.reading import read_document
    from qorgau.documents.ingest.repair import canonicalise

    canonical = canonicalise(read_document("note.pdf", _pdf_lines([first, *rest, "", "Short line one.",
                                                                     "— a bullet after a full stop"])))
    paragraphs = canonical.text.split("\n\n")
    assert paragraphs[0] == " ".join([first, *rest])
    assert paragraphs[-1] == "— a bullet after a full stop"  # after a sentence's end a dash still opens an item


# A chronology titled with its subject's name in capitals: a web page, a PDF and a Word file set the title on a line
# of its own, and the entries ("17.07.2019 – Verdict: …") name the person by family name only, or not at all.
CHRONOLOGIES = [
    ("CASE FILE: ASKAR TEMIROV (Oral)", "Temirov", "Askar Temirov"),
    ("CHRONOLOGY: DANA OMAROVA (Taraz)", "Omarova", "Dana Omarova"),
    ("TIMELINE — YERLAN KASSYMOV, Semey", "Kassymov", "Yerlan Kassymov"),
]


@pytest.mark.parametrize("title, family, person", CHRONOLOGIES)
@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_a_chronology_titled_with_a_name_in_capitals_gives_the_same_acts_in_every_format(tmp_path, title, family,
                                                                                          person, fmt):
    body = (f"{title}\nUnion of oil workers, dissolved by a court\n\n"
            f"12.03.2019 – A criminal case is opened against {family} on suspicion of fraud.\n"
            f"06.2019 – The trial opens in the regional court.\n"
            f"17.07.2019 – Verdict: five years' imprisonment and a ban on union work.\n"
            f"20.03.2020 – Released on parole.\n")
    typed = _acts_typed(body, "2020-04-01")
    assert {victim for victim, _, _ in typed} == {person}
    assert (person, "investigated", "2019-03-12") in typed and (person, "sentenced", "2019-07-17") in typed
    assert _acts_read(_render(tmp_path, body, "en", fmt, "2020-04-01"), "2020-04-01") == typed
