"""Session 11 audit (outside): spreadsheets costly under every zip limit, big imports in a request, and what the
crawl found (docs/security.md, "Session 11 audit (outside)")."""

import io
import zipfile

import pytest

from tests.test_audit_findings_s10 import _xlsx

pytestmark = pytest.mark.django_db


# 1. Many small texts under the zip ratio: what costs is their number ----------------------------------------------

def _many_strings(count, pad_every=250):
    """`_xlsx` whose shared strings are `count` one-letter texts with a random 12-letter one every `pad_every`: the
    part expands about 180 times, under the zip-bomb ratio (200), so only counting the texts refuses it."""
    import random
    import string

    rnd = random.Random(1)
    block = "<si><t>a</t></si>" * (pad_every - 1)
    body = "".join(block + "<si><t>%s</t></si>" % "".join(rnd.choice(string.ascii_letters) for _ in range(12))
                   for _ in range(count // pad_every))
    source, out = zipfile.ZipFile(io.BytesIO(_xlsx(0))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("sharedStrings.xml"):
                data = data.replace(b"</sst>", body.encode() + b"</sst>")
            archive.writestr(info.filename, data)
    return out.getvalue()


def test_an_xlsx_of_more_texts_than_cells_allowed_is_refused_before_openpyxl_reads_them(tmp_path, monkeypatch):
    """950 KB of ten million one-letter shared strings expanding 180 times (under the ratio) took 85 s of CPU and
    965 MB in read_table. Texts and cells are now counted in the decompressed stream before openpyxl opens the file.
    Here the same shape at a lower cap (the refusal does not depend on the size; the test stays fast)."""
    import openpyxl

    from qorgau.lib import spreadsheets
    from qorgau.lib.spreadsheets import TableTooLarge, read_table

    data = _many_strings(50_000)
    info = next(i for i in zipfile.ZipFile(io.BytesIO(data)).infolist() if i.filename.endswith("sharedStrings.xml"))
    assert info.file_size < 200 * info.compress_size  # not a zip bomb by its ratio
    bomb = tmp_path / "list.xlsx"
    bomb.write_bytes(data)
    opened = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: opened.append(a) or 1 / 0)
    with pytest.raises(TableTooLarge, match="more than 10,000 cells or texts"):
        read_table(bomb, max_cells=10_000)
    assert not opened  # refused before it was parsed
    monkeypatch.undo()
    assert read_table(bomb, required=(), max_cells=60_000)[1] == [(2, {"name": "Aliya"})]
    assert spreadsheets.MAX_CELLS == 2_000_000


def test_cells_of_a_sheet_count_too_and_a_tag_cut_by_a_chunk_is_counted_once(tmp_path):
    from qorgau.lib.spreadsheets import TableTooLarge, _CELL, _count, read_table

    rows = [("name",)] + [(f"Person {i}",) for i in range(3000)]
    import openpyxl

    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    with pytest.raises(TableTooLarge):
        read_table(path, max_cells=2000)
    assert len(read_table(path, max_cells=3001)[1]) == 3000
    with zipfile.ZipFile(path) as archive:
        sheet = next(i for i in archive.infolist() if i.filename.startswith("xl/worksheets/"))
        assert _count(archive, sheet, _CELL, 10 ** 9) == 3001


def test_a_csv_of_more_cells_than_allowed_is_refused(tmp_path):
    from qorgau.lib.spreadsheets import TableTooLarge, read_table

    path = tmp_path / "list.csv"
    path.write_text("name,a,b,c\n" + "x,1,2,3\n" * 100)
    with pytest.raises(TableTooLarge, match="more than 200 cells"):
        read_table(path, max_cells=200)
    assert len(read_table(path)[1]) == 100


# 2. The browser's import is bounded: at most 1,000 rows in a request --------------------------------------------

def test_the_import_page_refuses_a_table_longer_than_a_request_may_take_and_writes_nothing(client_for, bob):
    """Committing 5,000 rows through /import/ took 183 s inside one request (load 9). The page now takes at most
    1,000 rows and says where larger tables go; nothing is written. 1,000 rows are still previewed."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from qorgau.audit.models import AuditEntry
    from qorgau.records.models import Person
    from qorgau.web.tables import WEB_MAX_ROWS, _imports_dir

    def state():
        return Person.objects.count(), AuditEntry.objects.count(), sorted(p.name for p in _imports_dir().iterdir())

    client = client_for(bob)
    before = state()
    long = "name\n" + "".join(f"Person{i} Long\n" for i in range(WEB_MAX_ROWS + 1))
    response = client.post("/import/", {"step": "upload", "sensitivity": "internal",
                                        "file": SimpleUploadedFile("list.csv", long.encode())})
    page = response.content.decode()
    assert response.status_code == 200
    assert "more than 1,000 rows" in page and "qorgau import-table" in page
    assert state() == before  # the upload was removed, nothing else written
    fits = "name\n" + "".join(f"Person{i} Long\n" for i in range(WEB_MAX_ROWS))
    response = client.post("/import/", {"step": "upload", "sensitivity": "internal",
                                        "file": SimpleUploadedFile("list.csv", fits.encode())})
    assert "more than" not in response.content.decode() and 'name="col0"' in response.content.decode()
    client.post("/import/", {"step": "cancel", "upload": _upload_id(response)})
    assert state() == before


# 3. A person who did not grant consent, named as a list's member by the doors around the list's page ------------

def test_no_public_url_tells_that_someone_without_consent_is_on_a_list(client_for, alice):
    """The public list page names only people who granted consent to publication. `?list=` on /persons/, /acts/,
    their exports and the API, the persons list's facet counts, the API's list entries and the person's own page
    said who else was on it. Differential: two public persons without consent, each with a public detention, one
    on a public list: every URL of the site that takes no parameter, with `?list=` (and each export and API kind),
    must tell them apart for a visitor no more than for one who is on no list."""
    from qorgau.analysis import actions as list_actions
    from qorgau.analysis.episodes import rebuild_all
    from qorgau.analysis.models import PrisonerList
    from qorgau.records import actions

    from tests.leakworld import fill, url_patterns
    from tests.test_consent_in_analysis import _detained

    granted = _detained(alice, "Consented Karimova", "granted")
    listed = _detained(alice, "Listed Seitkali", "unknown")
    unlisted = _detained(alice, "Unlisted Bekova", "unknown")
    prisoner_list = PrisonerList.objects.filter(sensitivity="public").first()
    for person in (granted, listed):
        list_actions.do_add_list_entry(prisoner_list, person=person, status="political_prisoner",
                                       date_added="2019-05-02", actor=alice, sensitivity="public")
    rebuild_all()
    slug = prisoner_list.slug
    urls = [fill(route, {}) for _name, route, params in url_patterns() if not params]
    urls += [f"/export/{kind}.{fmt}" for kind in ("persons", "acts") for fmt in ("csv", "xlsx")]
    urls += [f"/api/{kind}/" for kind in ("persons", "acts")] + [f"/api/lists/{prisoner_list.uid}/"]
    from tests.leakworld import body_text

    visitor, told = client_for(None), []
    def mentions(body, person, word):
        return body.count(word) + body.count(person.uid)

    for url in urls:
        body = body_text(visitor.get(f"{url}?list={slug}"))
        seen = (mentions(body, listed, "Seitkali"), mentions(body, unlisted, "Bekova"))
        # searched by name: each answer against its twin's (the words typed are echoed alike)
        searched = (mentions(body_text(visitor.get(f"{url}?list={slug}&q=Seitkali")), listed, "Seitkali"),
                    mentions(body_text(visitor.get(f"{url}?list={slug}&q=Bekova")), unlisted, "Bekova"))
        if seen[0] != seen[1] or searched[0] != searched[1]:
            told.append(f"{url}?list={slug}: {seen}, searched by name: {searched}")
    assert not told, "\n".join(told)
    # the person's own page says no more of the list than the other's
    pages = [visitor.get(f"/persons/{p.uid}/").content.decode() for p in (listed, unlisted)]
    assert [page.count(slug) + page.count(prisoner_list.title) for page in pages] == [0, 0]
    # not vacuous: the visitor finds the consenting member through the same doors, staff find both
    assert "Karimova" in visitor.get(f"/persons/?list={slug}").content.decode()
    assert granted.uid in visitor.get(f"/api/lists/{prisoner_list.uid}/").content.decode()
    staff = client_for(alice).get(f"/persons/?list={slug}").content.decode()
    assert "Seitkali" in staff and "Bekova" not in staff
    assert slug in client_for(alice).get(f"/persons/{listed.uid}/").content.decode()
    del actions


# 4. Two tabs of /import/: a preview of one file committed another ------------------------------------------------

def _upload_id(response):
    import re

    return re.search(r'name="upload" value="([^"]+)"', response.content.decode()).group(1)


def test_an_import_page_left_open_does_not_commit_the_file_another_tab_uploaded_since(client_for, bob):
    """The pending upload is one per session. An editor previewed two rows in one tab ("Import all rows" offered),
    uploaded another file in a second tab, then pressed "Import all rows" in the first: the second file was
    imported, at the second tab's level, with the first tab's columns -- rows nobody previewed. Every step's form
    now names its upload; a form of a replaced upload is refused and nothing is written."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from qorgau.records.models import Person

    client = client_for(bob)
    first = client.post("/import/", {"step": "upload", "sensitivity": "internal", "file": SimpleUploadedFile(
        "first.csv", b"name,act_type\nFirsttab Aliyeva,detained\nFirsttab Bekov,detained\n")})
    first_id = _upload_id(first)
    preview = client.post("/import/", {"step": "preview", "col0": "name", "col1": "act_type", "upload": first_id})
    assert 'value="commit"' in preview.content.decode() and "Firsttab Aliyeva" in preview.content.decode()
    second = client.post("/import/", {"step": "upload", "sensitivity": "public", "file": SimpleUploadedFile(
        "second.csv", b"name,act_type\nSecondtab Public,detained\n")})  # the other tab
    persons = Person.objects.count()
    stale = client.post("/import/", {"step": "commit", "col0": "name", "col1": "act_type", "upload": first_id},
                        follow=True)
    assert Person.objects.count() == persons and not Person.objects.filter(name="Secondtab Public").exists()
    assert "Another upload replaced the file this page was for" in stale.content.decode()
    # the stale page cannot cancel the other tab's upload either; the current one still imports from its own page
    client.post("/import/", {"step": "cancel", "upload": first_id})
    response = client.post("/import/", {"step": "commit", "col0": "name", "col1": "act_type",
                                        "upload": _upload_id(second)})
    assert response.status_code == 302 and Person.objects.get(name="Secondtab Public").sensitivity == "public"


# 5. A copied database: every confidential text sealed ------------------------------------------------------------

# Texts a copied database may still show (docs/security.md, "What stays readable in a copied database"): a document's
# processing error is written by the program (a page that could not be read), not by people.
READABLE_AT_REST = {("Document", "error")}


def test_no_confidential_text_is_stored_plain_in_the_database():
    """Seized server: the reasons of a confidential list entry or recognition, the background and impact of a
    confidential Urgent Action and a confidential list's description were stored in plain text (only contacts,
    notes, document texts, confidential names and descriptions of acts and events were sealed). Every text
    column (TextField) of every model of the crawl's world -- each text of a confidential record and each text kept
    confidential on a public one carries a marker -- is read raw, past the fields' decoding: none may hold one."""
    from django.db import connection, models

    from tests.leakworld import MARKER, World

    world = World().build()
    rows = list(world.secrets.values()) + [(row, "field levels") for row, _f in world.field_markers.values()]
    plain, sealed = set(), set()
    for row, _why in rows:
        model = type(row)
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.TextField) or field.is_relation:
                continue
            if hasattr(row, "field_level") and row.field_level(field.name) != "confidential":
                continue
            with connection.cursor() as cursor:
                cursor.execute(f'SELECT "{field.column}" FROM "{model._meta.db_table}" '
                               f'WHERE "{model._meta.pk.column}" = %s', [row.pk])
                raw = cursor.fetchone()[0]
            if raw and MARKER.search(str(raw)):
                plain.add((model.__name__, field.name))
            elif raw and MARKER.search(str(getattr(model._base_manager.get(pk=row.pk), field.attname))):
                sealed.add((model.__name__, field.name))  # read back through the program: not vacuous
    assert not plain - READABLE_AT_REST, sorted(plain - READABLE_AT_REST)
    assert {("ListEntry", "reasons"), ("Recognition", "reasons"), ("UrgentAction", "background"),
            ("PrisonerList", "description"), ("Document", "text")} <= sealed


# 6. A damaged row of an XLSX: a traceback through /import/ ------------------------------------------------------

def _dangling_xlsx():
    """A workbook whose cells name shared texts that the (empty) table of texts does not hold."""
    source, out = zipfile.ZipFile(io.BytesIO(_xlsx(0))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("sharedStrings.xml"):
                data = data.split(b"<si>")[0] + b"</sst>"
            archive.writestr(info.filename, data)
    return out.getvalue()


def test_a_spreadsheet_damaged_in_its_rows_is_refused_with_a_message_not_a_500(client_for, bob):
    """openpyxl parses rows only as they are read, after the file opened: a cell naming a shared text that does
    not exist raised IndexError out of read_table, a 500 on /import/ (and a traceback from the commands). Any
    failure while rows are read is now a TableError naming the row; nothing is written."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from qorgau.audit.models import AuditEntry
    from qorgau.records.models import Person
    from qorgau.web.tables import _imports_dir

    def state():
        return Person.objects.count(), AuditEntry.objects.count(), sorted(p.name for p in _imports_dir().iterdir())

    before = state()
    client = client_for(bob)
    client.raise_request_exception = False
    response = client.post("/import/", {"step": "upload", "sensitivity": "internal",
                                        "file": SimpleUploadedFile("list.xlsx", _dangling_xlsx())})
    assert response.status_code == 200
    assert "Row 1: the spreadsheet is damaged here" in response.content.decode()
    assert state() == before


# 7. `users end-sessions` left the account's read-API tokens working ---------------------------------------------

@pytest.mark.parametrize("command", ["end-sessions", "reset-two-factor"])
def test_ending_an_accounts_sessions_or_second_factor_also_revokes_its_api_tokens(client, alice, bob, command):
    """The answer to a laptop left signed in (docs/security.md, threats) is `qorgau users end-sessions NAME`; to a
    lost phone, which may be a stolen phone with the laptop, `qorgau users reset-two-factor NAME`. From that session,
    /api/tokens/ makes a read-API token, which reads as the account -- confidential records for a cleared one -- with
    no second factor and outlived both commands. Each now revokes the account's live tokens too (audited like any
    revocation; reset-two-factor since session 11, the audit's leftover); another account's tokens keep working."""
    from django.core.management import call_command

    from qorgau.audit.models import AuditEntry
    from qorgau.web import actions as tokens

    _token, stolen = tokens.do_create_token(alice, actor="test")
    _token, others = tokens.do_create_token(bob, actor="test")
    assert client.get("/api/persons/", HTTP_AUTHORIZATION=f"Bearer {stolen}").status_code == 200
    call_command("users", command, "alice")
    assert client.get("/api/persons/", HTTP_AUTHORIZATION=f"Bearer {stolen}").status_code == 401
    assert client.get("/api/persons/", HTTP_AUTHORIZATION=f"Bearer {others}").status_code == 200
    assert AuditEntry.objects.filter(verb="revoke", record_type="ApiToken").count() == 1
