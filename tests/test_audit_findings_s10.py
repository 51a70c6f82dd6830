"""Session 10 audit (outside): hostile spreadsheets, lost review decisions, and what session 9 changed."""

import io
import zipfile

import pytest

from qorgau.records.models import Act, Citation

pytestmark = pytest.mark.django_db


# 1. An XLSX whose shared strings are a zip bomb ---------------------------------------------------------------

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _xlsx(shared_strings, rows=("name", "Aliya")):
    """A minimal workbook: one sheet whose cells point at the first shared strings, then `shared_strings` more."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'))
        archive.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} xmlns:r="{_REL}"><sheets>'
            '<sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
        cells = "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(len(rows)))
        archive.writestr("xl/worksheets/sheet1.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><sheetData>{cells}</sheetData></worksheet>'))
        archive.writestr("xl/sharedStrings.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS}>' + "".join(f"<si><t>{r}</t></si>" for r in rows)
            + "<si><t>a</t></si>" * shared_strings + "</sst>"))
    return out.getvalue()


def test_an_xlsx_whose_shared_strings_expand_a_thousand_fold_is_refused_before_it_is_read(tmp_path):
    """A 414 KB XLSX of ten million one-letter shared strings (170 MB inside, under the 200 MB cap on the whole)
    took 82 s of CPU and 1 GB of memory in read_table before its first row: openpyxl reads every shared string
    first (the /import/ page reads the upload in the request). A part that expands more than 200 times, to more than
    10 MB, is now refused as a DOCX part is. A well-formed workbook of the same shape is still read."""
    from qorgau.lib.spreadsheets import TableError, read_table

    bomb = tmp_path / "list.xlsx"
    bomb.write_bytes(_xlsx(1_000_000))  # 17 MB of shared strings in about 40 KB
    assert bomb.stat().st_size < 200_000
    with pytest.raises(TableError, match="zip bomb"):
        read_table(bomb)
    fine = tmp_path / "fine.xlsx"
    fine.write_bytes(_xlsx(10))
    assert read_table(fine) == (["name"], [(2, {"name": "Aliya"})])


def test_the_import_page_refuses_the_bomb_with_a_message_and_writes_nothing(client_for, bob):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from qorgau.audit.models import AuditEntry
    from qorgau.records.models import Person

    from qorgau.web.tables import _imports_dir

    def state():
        return Person.objects.count(), AuditEntry.objects.count(), sorted(p.name for p in _imports_dir().iterdir())

    before = state()
    response = client_for(bob).post("/import/", {"step": "upload", "sensitivity": "internal",
                                                 "file": SimpleUploadedFile("list.xlsx", _xlsx(1_000_000))})
    assert response.status_code == 200
    assert "zip bomb" in response.content.decode()
    assert state() == before


# 2. A review decision from a page read before someone else's ---------------------------------------------------

from tests.test_act_form import case  # noqa: E402,F401  (the monitoring note with one proposed detention)


def _act_proposal(document):
    return Citation.objects.get(document=document, content_type__model="act", review="suggested")


@pytest.mark.parametrize("htmx", [False, True])
def test_a_decision_from_a_stale_review_page_does_not_overturn_anothers_and_says_so(htmx, case, client_for, alice):
    """Two reviewers open a document's review page; one accepts the detention, the other (their page still offering
    it) rejects it: the act became rejected -- hidden from the public again -- with nobody told. The second is now
    refused with a message and nothing changes."""
    from qorgau.audit.models import AuditEntry

    citation = _act_proposal(case)
    act = citation.record
    url = f"/documents/{case.uid}/review/{citation.public_id}/"
    client = client_for(alice)
    client.post(url, {"decision": "accepted"})
    act.refresh_from_db()
    assert act.review == "accepted"
    entries = AuditEntry.objects.count()
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(url, {"decision": "rejected"}, follow=not htmx, **headers)
    body = response.content.decode()
    assert "Someone else decided this proposal while you were reading it" in body
    act.refresh_from_db()
    citation.refresh_from_db()
    assert (act.review, citation.review) == ("accepted", "accepted")
    assert AuditEntry.objects.count() == entries


def test_bulk_decisions_and_accept_remaining_leave_a_proposal_decided_meanwhile_alone(case, alice):
    """The bulk decision and "accept remaining" take the proposals the page showed as waiting; one decided by
    someone else in between keeps that decision (and its act keeps its review)."""
    from qorgau.records import actions
    from qorgau.web.actions import do_bulk_decide_proposals

    stale = _act_proposal(case)  # read while still waiting
    act = stale.record
    actions.do_decide_proposal(Citation.objects.get(pk=stale.pk), actor=alice, decision="rejected")
    assert do_bulk_decide_proposals([stale], actor=alice, decision="accepted", acts=[act]) == 0
    assert actions.do_accept_remaining(case, actor=alice, citations=[stale]) == 0
    act.refresh_from_db()
    stale.refresh_from_db()
    assert (act.review, stale.review) == ("rejected", "rejected")
    assert Act.objects.get(pk=act.pk).review == "rejected"


# 3. An act's type kept above the reader's level, in the derived analysis ------------------------------------------

def _outputs(client, person, reader=None):
    """What a reader is told of a person's custody: the custody page, the census on a day inside and the changes
    since then, the statistics (custody, prosecutions, acts by group), the public open data's episodes."""
    from qorgau.analysis.statistics import Filters, all_tables

    body = client.get(f"/persons/{person.uid}/custody/").content.decode()
    custody_page = [word for word in ("imprisonment", "1918", "1919", "acquitted") if word in body]
    census = client.get("/census/?date=1918-06-01").content.decode()
    since = client.get("/census/?date=1919-06-01&since=1918-06-01").content.decode()
    tables = {t.key: [row for row in t.rows if str(row[0]).startswith(("1918", "1919"))]
              for t in all_tables(reader or _anonymous(), Filters())}
    return (custody_page, "Typehidden" in census, "Typehidden" in since,
            tables["custody_over_time"][:2], tables["prosecutions_by_year"], tables["by_group_per_month"])


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.mark.parametrize("persona", [None, "carol"])
def test_an_act_type_kept_above_the_reader_opens_no_custody_counts_no_prosecution_and_no_group(
        persona, request, client_for, django_capture_on_commit_callbacks):
    """A public person's public, accepted imprisonment and acquittal whose types are kept confidential (field level
    `act_type`, e.g. from an import): session 8 hid such a type from the lists, filters, orders and badges, but the
    derived analysis read it -- a public custody episode 1918-1919, so the public census named the person in custody,
    the custody page showed "imprisonment", the census's changes "acquitted", the statistics counted custody and the
    groups DEPRIVATION and RELEASE. A reader who may not read the type is now told what an act of no type tells:
    the same as if the types were, e.g., summonses (the worlds must not differ); a cleared admin sees the custody."""
    from qorgau.analysis.episodes import flush_pending
    from qorgau.records import actions

    reader = request.getfixturevalue(persona) if persona else None
    answers = []
    for types in (("imprisoned", "acquitted"), ("summoned", "summoned")):
        with django_capture_on_commit_callbacks(execute=True):
            person = actions.do_create_person(actor="cli", name="Typehidden Person", sensitivity="public",
                                              consent="granted")
            acts = [actions.do_create_act(actor="cli", victim=person, act_type=act_type, date=date,
                                          sensitivity="public", review="accepted",
                                          field_sensitivity={"act_type": "confidential"})
                    for act_type, date in zip(types, ("1918-01-01", "1919-01-01"))]
        flush_pending()
        from django.core.cache import cache

        cache.clear()
        answers.append(_outputs(client_for(reader), person, reader))
        with django_capture_on_commit_callbacks(execute=True):
            for act in acts:
                actions.do_delete_act(act, actor="cli")
            actions.do_delete_person(person, actor="cli")
        flush_pending()
    assert answers[0] == answers[1]
    assert not answers[0][0] and not answers[0][1]  # no custody page entry, not in the census


def test_a_cleared_reader_still_sees_the_custody_the_hidden_type_opens(alice, client_for,
                                                                       django_capture_on_commit_callbacks):
    from qorgau.analysis.episodes import flush_pending
    from qorgau.records import actions

    with django_capture_on_commit_callbacks(execute=True):
        person = actions.do_create_person(actor="cli", name="Typehidden Person", sensitivity="public",
                                          consent="granted")
        for act_type, date in (("imprisoned", "1918-01-01"), ("acquitted", "1919-01-01")):
            actions.do_create_act(actor="cli", victim=person, act_type=act_type, date=date, sensitivity="public",
                                  review="accepted", field_sensitivity={"act_type": "confidential"})
    flush_pending()
    custody_page, in_census, in_since, *_tables = _outputs(client_for(alice), person, alice)
    assert "imprisonment" in custody_page and in_census and in_since
