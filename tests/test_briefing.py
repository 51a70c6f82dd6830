"""Briefings: every fact footnoted to a source the reader may read; DOCX with real Word footnotes; PDF."""

import io
import re
import zipfile

import pytest
from pypdf import PdfReader

from qorgau.analysis.briefing import build_briefing, write_docx, write_pdf
from qorgau.records import actions
from qorgau.records.models import Person

from .conftest import run_cli

pytestmark = pytest.mark.django_db
THREE = ["per_tobylova", "per_bokaev", "per_ayan"]


def _docx_parts(content):
    with zipfile.ZipFile(io.BytesIO(content)) as docx:
        return docx.read("word/document.xml").decode(), docx.read("word/footnotes.xml").decode()


def _persons(*uids):
    return [Person.objects.get(uid=uid) for uid in uids]


def test_every_fact_of_the_docx_carries_a_real_footnote_for_each_of_its_sources(alice):
    briefing = build_briefing(_persons(*THREE), alice, "en")
    assert len(briefing.cases) == 3 and briefing.facts
    document, footnotes = _docx_parts(write_docx(briefing))
    references = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document)
    notes = re.findall(r'<w:footnote w:id="(\d+)">', footnotes)
    cited = sum(len(fact.sources) for fact in briefing.facts)
    assert len(references) == len(notes) == cited > 0
    assert references == notes  # numbered in order, each reference has its note
    for fact in briefing.facts:
        assert fact.sources, fact.text
        assert fact.text[:30].replace("&", "&amp;") in document
    assert "Urgent Action UA 63/18" in footnotes  # the source's title


def test_the_pdf_has_the_same_facts_and_footnotes(alice):
    briefing = build_briefing(_persons("per_tobylova"), alice, "ru")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(write_pdf(briefing))).pages)
    text = re.sub(r"\s+", " ", text)
    assert "Акмарал Тобылова" in text or "Akmaral Tobylova" in text
    for fact in briefing.facts:
        assert fact.sources[0].title.split(":")[0] in text


def test_a_public_briefing_leaves_out_what_an_anonymous_visitor_may_not_see(alice):
    from django.contrib.auth.models import AnonymousUser

    from qorgau.documents.models import Document

    tobylova = Person.objects.get(uid="per_tobylova")
    testimony = actions.create_record(Document, actor=alice, title="Closed testimony BRIEFING-SECRET",
                                      kind="testimony", text="BRIEFING-SECRET-TEXT", sensitivity="confidential")
    act = actions.do_create_act(actor=alice, victim=tobylova, act_type="threatened", date="2018-04-02",
                                description="", sensitivity="confidential")
    actions.do_add_citation(act, testimony, actor=alice, start=0, end=20, text="BRIEFING-SECRET-TEXT")
    public_act = actions.do_create_act(actor=alice, victim=tobylova, act_type="searched", date="2018-04-03",
                                       sensitivity="public")
    published = actions.create_record(Document, actor=alice, title="A public report with a closed text",
                                      kind="report", text="words BRIEFING-HIDDEN-PASSAGE words",
                                      sensitivity="public", field_sensitivity={"text": "confidential"})
    actions.do_add_citation(public_act, published, actor=alice, start=6, end=30, text="BRIEFING-HIDDEN-PASSAGE")
    staff = write_docx(build_briefing([tobylova], alice, "en"))
    assert "BRIEFING-SECRET" in _docx_parts(staff)[1]  # the cleared reader's briefing cites the testimony
    public = build_briefing([Person.objects.get(uid="per_tobylova")], AnonymousUser(), "en")
    document, footnotes = _docx_parts(write_docx(public))
    for marker in ("BRIEFING-SECRET", "BRIEFING-HIDDEN-PASSAGE", "threatened"):
        assert marker not in document + footnotes


def test_briefing_command_writes_docx_and_pdf_and_refuses_bad_requests(data_dir):
    assert run_cli(data_dir, "demo", "--no-serve").returncode == 0
    for suffix in ("docx", "pdf"):
        out = data_dir / f"b.{suffix}"
        result = run_cli(data_dir, "briefing", *sum((["--person", u] for u in THREE), []), "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1000 and (out.stat().st_mode & 0o077) == 0
        assert "footnotes" in result.stdout
    for bad in (["--person", "per_nobody", "-o", str(data_dir / "x.docx")],
                ["--person", "per_tobylova", "-o", str(data_dir / "x.txt")],
                ["--filter", "colour=red", "-o", str(data_dir / "x.pdf")],
                ["-o", str(data_dir / "x.pdf")]):
        result = run_cli(data_dir, "briefing", *bad)
        assert result.returncode != 0 and "Traceback" not in result.stderr and result.stderr.strip(), bad
    assert not list(data_dir.glob("x.*"))


def test_staff_download_a_briefing_from_the_web_and_visitors_are_sent_to_sign_in(client_for, alice):
    assert client_for(None).get("/briefings/").status_code == 302
    response = client_for(alice).post("/briefings/", {"persons": " ".join(THREE), "lang": "en", "format": "docx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document, _ = _docx_parts(response.content)
    assert "Akmaral Tobylova" in document
    page = client_for(alice).post("/briefings/", {"persons": "per_nobody"})
    assert "No such person" in page.content.decode()


def test_a_saved_chart_goes_into_the_briefing_as_a_table_at_the_readers_level(alice):
    from django.contrib.auth.models import AnonymousUser

    from qorgau.analysis.models import SavedChart

    chart = SavedChart.objects.create(title="People by article (saved)", table="by_article", public=True)
    staff = build_briefing(_persons("per_tobylova"), alice, "en", charts=[chart])
    public = build_briefing(_persons("per_tobylova"), AnonymousUser(), "en", charts=[chart])
    [(title, columns, rows)] = staff.charts
    assert title == "People by article (saved)" and columns == ["Article", "People"] and rows
    document, _ = _docx_parts(write_docx(staff))
    assert "People by article (saved)" in document and "<w:tbl>" in document
    assert any(value.startswith("<") for _, value in public.charts[0][2])  # small unconsented cells withheld


def test_a_public_briefing_names_no_publisher_its_document_keeps_above_the_readers_level(alice):
    # (session 13 review: the briefing read the publisher past the document's field level — the publisher itself
    # public, only the link to it kept confidential)
    from django.contrib.auth.models import AnonymousUser

    from qorgau.documents.models import Document
    from qorgau.records.models import Organisation

    tobylova = Person.objects.get(uid="per_tobylova")
    publisher = actions.create_record(Organisation, actor=alice, name="Publisher BRIEFING-LINKED-PUBLISHER",
                                      sensitivity="public")
    report = actions.create_record(Document, actor=alice, title="A public report", kind="report", text="words",
                                   publisher=publisher, sensitivity="public",
                                   field_sensitivity={"publisher": "confidential"})
    act = actions.do_create_act(actor=alice, victim=tobylova, act_type="searched", date="2018-04-03",
                                sensitivity="public")
    actions.do_add_citation(act, report, actor=alice, start=0, end=5, text="words")
    staff = _docx_parts(write_docx(build_briefing([tobylova], alice, "en")))[1]
    assert "BRIEFING-LINKED-PUBLISHER" in staff
    public = build_briefing([Person.objects.get(uid="per_tobylova")], AnonymousUser(), "en")
    assert "BRIEFING-LINKED-PUBLISHER" not in "".join(_docx_parts(write_docx(public)))
    assert "A public report" in _docx_parts(write_docx(public))[1]  # the source itself is still cited
