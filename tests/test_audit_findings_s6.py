"""Findings of the session-6 protection audit, each with the behaviour that was missing (docs/security.md)."""

import pytest

from qorgau.records import actions

pytestmark = pytest.mark.django_db


def _detained_on_a_hidden_day(alice):
    """A public person detained (a public, accepted act) on a day the act keeps confidential, in a public region;
    sentenced to a term the act keeps confidential."""
    from qorgau.records.models import Act, Place

    region = Place.objects.filter(kind="region", sensitivity="public").first()
    person = actions.do_create_person(actor=alice, name="Qzcustody Person", sensitivity="public", consent="granted")
    detained = actions.do_create_act(actor=alice, act_type="detained", victim=person, date="1987-06-07",
                                     sensitivity="public", description="Held.", field_sensitivity={"date": "confidential"})
    sentenced = actions.do_create_act(actor=alice, act_type="sentenced", victim=person, date="2031-02-03",
                                      sensitivity="public", description="Sentenced.", penalty_kind="imprisonment",
                                      penalty_amount=17, penalty_unit="years",
                                      field_sensitivity={"penalty_amount": "confidential"})
    Act.objects.filter(pk__in=[detained.pk, sentenced.pk]).update(review="accepted", place=region)
    from qorgau.analysis import episodes

    episodes.rebuild_persons([person.pk])
    return person, region


def test_derived_analysis_does_not_rest_on_an_act_value_kept_above_the_reader(client_for, alice, bob, tmp_path,
                                                                           settings):
    """Custody episodes, the census, the person's custody page, the statistics (stored summaries and the act scan)
    and the open-data episodes were derived from every value of a visible act: a public detention whose date is
    confidential put the person in the public census on the days after it, showed "1987-06-07 – open" on their
    custody page and counted them in 1987 — the hidden date told by a derived page. A hidden sentence length set
    the episode's planned end (2031 + 17 years: 2048)."""
    import io
    import zipfile

    from qorgau.analysis.opendata import write_snapshot

    person, region = _detained_on_a_hidden_day(alice)
    pages = [f"/persons/{person.uid}/custody/", "/census/?date=1987-06-08", "/statistics/by_group_per_month.csv",
             "/statistics/prosecutions_by_year.csv", f"/statistics/by_group_per_month.csv?region={region.uid}",
             f"/statistics/prosecutions_by_year.csv?region={region.uid}"]

    def read(user):
        client = client_for(user)
        return {url: client.get(url).content.decode() for url in pages}

    for reader in (None, bob):
        seen = read(reader)
        assert "1987" not in seen[pages[0]] and "2048" not in seen[pages[0]], seen[pages[0]]
        assert "Qzcustody" not in seen["/census/?date=1987-06-08"]
        for url in pages[2:6]:
            assert "1987" not in seen[url], (reader, url, seen[url])
    cleared = read(alice)  # the cleared reader derives from every value: the checks are not vacuous
    assert "1987-06-07" in cleared[pages[0]] and "2048" in cleared[pages[0]]
    assert "Qzcustody" in cleared["/census/?date=1987-06-08"]
    assert all("1987-06" in cleared[url] for url in (pages[2], pages[4]))  # by month, with and without the scan
    settings.DATA_DIR = tmp_path
    archive = zipfile.ZipFile(io.BytesIO(write_snapshot()[0].read_bytes()))
    episodes = next(archive.read(n).decode() for n in archive.namelist() if "custody" in n)
    assert "1987" not in episodes and "2048" not in episodes, episodes


def test_a_saved_chart_filtered_by_a_hidden_record_is_not_shown_to_those_who_may_not_see_it(client_for, alice, bob):
    """A public chart saved by a cleared editor with ?region=<a confidential place> was listed on /statistics/ and
    opened at /statistics/charts/<n>/ for visitors and uncleared staff, showing its filters (the place's id) and a
    title written for it."""
    from qorgau.analysis.models import PrisonerList
    from qorgau.records.models import Place

    hidden = actions.do_create_place(actor=alice, name="Qzhidden Region", kind="region", sensitivity="confidential")
    shown = Place.objects.filter(kind="region", sensitivity="public").first()
    client = client_for(alice)
    made = {}
    for label, filters in (("hidden", {"region": hidden.uid}), ("shown", {"region": shown.uid}),
                           ("article", {"article": "Qzno-such-article"}),
                           ("list", {"prisoner_list": PrisonerList.objects.first().slug})):
        client.post("/statistics/charts/save/", {"title": f"Chart Qz{label}", "table": "by_region", "public": "on",
                                                 **filters})
        from qorgau.analysis.models import SavedChart

        made[label] = SavedChart.objects.get(title=f"Chart Qz{label}").public_id
    assert client.get(f"/statistics/charts/{made['hidden']}/").status_code == 200
    assert "Chart Qzhidden" in client.get("/statistics/").content.decode()
    for reader in (None, bob):
        client = client_for(reader)
        listed = client.get("/statistics/").content.decode()
        assert "Chart Qzhidden" not in listed and "Chart Qzarticle" not in listed
        assert "Chart Qzshown" in listed  # a chart naming only what the reader sees stays
        for url in (f"/statistics/charts/{made['hidden']}/", f"/statistics/charts/{made['hidden']}/embed/"):
            response = client.get(url)
            assert response.status_code == 404 and hidden.uid not in response.content.decode(), url
        assert client.get(f"/statistics/charts/{made['shown']}/").status_code == 200


def _formula_cells(content, kind):
    """Cells a spreadsheet program would run as formulas: a CSV cell beginning with = + - @ (tab, CR), an XLSX
    formula cell (an XLSX text cell is text, whatever it begins with)."""
    import csv
    import io

    if kind == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content))
        return [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_no_csv_or_workbook_the_program_writes_runs_a_recorded_name_as_a_formula(client_for, alice, tmp_path, settings):
    """CSV injection: a person named '=HYPERLINK("http://…","Qzclick")' (a name from a hostile document or list file)
    was written as-is into the open-data CSV files, the statistics CSV (a region's name) and the linking results:
    a spreadsheet program opening them runs it. Every CSV and workbook the program writes, checked."""
    import io
    import zipfile

    from qorgau.analysis.opendata import write_snapshot
    from qorgau.analysis.statistics import Filters, all_tables
    from qorgau.records.models import Act
    from qorgau.resolution.listfiles import write_results

    hostile = '=HYPERLINK("http://x.example/","Qzclick")'
    region = actions.do_create_place(actor=alice, name="@SUM(1+1)Qzregion", kind="region", sensitivity="public")
    person = actions.do_create_person(actor=alice, name=hostile, sensitivity="public", consent="granted",
                                      names=[{"name": "+Qzalias", "lang": "en"}])
    act = actions.do_create_act(actor=alice, act_type="detained", victim=person, date="2020-01-02",
                                sensitivity="public", description="-Qzdescription")
    Act.objects.filter(pk=act.pk).update(review="accepted", place=region)
    from qorgau.analysis import episodes

    episodes.rebuild_persons([person.pk])
    written = {}
    for reader in (None, alice):
        client = client_for(reader)
        for kind in ("persons", "acts"):
            for fmt in ("csv", "xlsx"):
                written[f"/export/{kind}.{fmt} as {reader}"] = (client.get(f"/export/{kind}.{fmt}").content, fmt)
        for table in all_tables(reader, Filters()):
            url = f"/statistics/{table.key}.csv"
            written[f"{url} as {reader}"] = (client.get(url).content, "csv")
    settings.DATA_DIR = tmp_path
    with zipfile.ZipFile(io.BytesIO(write_snapshot()[0].read_bytes())) as archive:
        for name in archive.namelist():
            if name.endswith((".csv", ".xlsx")):
                written[f"open data {name}"] = (archive.read(name), name.rsplit(".", 1)[1])
    write_results(tmp_path / "linked.csv", [[person.uid, hostile, "+Qzalias"]], ["id", "name", "alias"])
    written["link results"] = ((tmp_path / "linked.csv").read_bytes(), "csv")
    assert any(b"Qzclick" in content for content, _kind in written.values() if _kind == "csv")
    assert any(b"Qzregion" in content for content, _kind in written.values())  # the hostile names were written
    found = {where: cells for where, (content, kind) in written.items() if (cells := _formula_cells(content, kind))}
    assert not found, found


def test_a_pair_judged_same_after_one_record_changed_is_not_merged(client_for, alice, bob):
    """Lost edit: /resolution/<n>/judge/ and the batch form merged on "same" whatever happened to the records since
    the reviewer read the evidence; a correction saved meanwhile (a birth year that tells them apart) was merged
    over. The queue's and the person page's forms carry the versions read; a stale one is refused."""
    import re

    from qorgau.resolution.actions import resolve
    from qorgau.resolution.models import Candidate

    one = actions.do_create_person(actor=alice, name="Qzerzhan Tulegenov", sensitivity="public")
    two = actions.do_create_person(actor=alice, name="Qzerzhan Tulegenov", sensitivity="internal")
    resolve(actor="test")
    candidate = Candidate.objects.get(left__in=[one, two], right__in=[one, two], status="open")
    client = client_for(alice)
    queue = client.get("/resolution/").content.decode()
    single = re.search(rf'action="/resolution/{candidate.public_id}/judge/">.*?name="versions" value="([^"]+)"', queue,
                       re.S).group(1)
    batch = re.search(rf'name="versions-{candidate.public_id}" value="([^"]+)"', queue).group(1)
    page = client.get(f"/persons/{one.uid}/").content.decode()
    from_page = re.search(r'name="versions" value="([^"]+)"', page).group(1)
    assert single == batch == from_page
    # meanwhile another editor corrects one of the two
    client_for(bob).post(f"/persons/{one.uid}/edit/", {"name": one.name, "gender": "", "consent": "unknown",
                                                        "sensitivity": "public", "birth_year": 1950,
                                                        "record_version": actions.edit_token(one, bob)})
    one.refresh_from_db()
    assert one.birth_year == 1950
    client = client_for(alice)
    for url, data in ((f"/resolution/{candidate.public_id}/judge/", {"decision": "same", "versions": single}),
                      ("/resolution/judge/", {"decision": "same", "candidate": [candidate.public_id],
                                              f"versions-{candidate.public_id}": batch}),
                      (f"/resolution/{candidate.public_id}/judge/", {"decision": "same"})):  # a form without versions
        client.post(url, data)
        one.refresh_from_db()
        two.refresh_from_db()
        assert one.merged_into is None and two.merged_into is None, url
    # read anew, the pair is merged
    queue = client.get("/resolution/").content.decode()
    fresh = re.search(rf'name="versions-{candidate.public_id}" value="([^"]+)"', queue).group(1)
    client.post(f"/resolution/{candidate.public_id}/judge/", {"decision": "same", "versions": fresh})
    two.refresh_from_db()
    assert two.merged_into_id == one.pk


def test_a_list_entry_date_or_status_kept_hidden_neither_places_nor_selects_nor_counts_it(client_for, alice, bob):
    """A public entry on a public list whose date of adding (1903) and status are confidential: the API gave the
    date, the statistics counted it under 1903, the list page placed it by it (?as_of=, ?sort=added) and picked it
    by its status (?status=)."""
    from qorgau.analysis.actions import do_add_list_entry
    from qorgau.analysis.models import PrisonerList

    prisoner_list = PrisonerList.objects.filter(sensitivity="public").first()
    person = actions.do_create_person(actor=alice, name="Qzlisted Person", sensitivity="public", consent="granted")
    do_add_list_entry(prisoner_list, actor=alice, person=person, date_added="1903-04-05", sensitivity="public",
                      status="prisoner_of_conscience",
                      field_sensitivity={"date_added": "confidential", "status": "confidential"})
    slug = prisoner_list.slug

    def answers(user):
        client = client_for(user)
        return {url: client.get(url).content.decode() for url in (
            f"/api/lists/{prisoner_list.uid}/", "/statistics/list_added.csv", f"/lists/{slug}/?as_of=1902-01-01",
            f"/lists/{slug}/?status=prisoner_of_conscience", f"/lists/{slug}/?status=political_prisoner")}
    for reader in (None, bob):
        seen = answers(reader)
        assert "1903" not in seen[f"/api/lists/{prisoner_list.uid}/"] and "1903" not in seen["/statistics/list_added.csv"]
        # as of a day before the hidden date, and by either status, the entry answers alike: as if not known
        assert "Qzlisted" in seen[f"/lists/{slug}/?as_of=1902-01-01"]
        assert ("Qzlisted" in seen[f"/lists/{slug}/?status=prisoner_of_conscience"]) == \
            ("Qzlisted" in seen[f"/lists/{slug}/?status=political_prisoner"])
    cleared = answers(alice)
    assert "1903" in cleared[f"/api/lists/{prisoner_list.uid}/"] and "1903" in cleared["/statistics/list_added.csv"]
    assert "Qzlisted" not in cleared[f"/lists/{slug}/?as_of=1902-01-01"]
    assert "Qzlisted" in cleared[f"/lists/{slug}/?status=prisoner_of_conscience"]
    assert "Qzlisted" not in cleared[f"/lists/{slug}/?status=political_prisoner"]


def test_open_data_blanks_a_list_entry_date_kept_above_public(alice, tmp_path, settings):
    """The open-data list_entries table read its columns directly: a date of adding kept confidential was in it."""
    import io
    import zipfile

    from qorgau.analysis.actions import do_add_list_entry
    from qorgau.analysis.models import PrisonerList
    from qorgau.analysis.opendata import write_snapshot

    prisoner_list = PrisonerList.objects.filter(sensitivity="public").first()
    person = actions.do_create_person(actor=alice, name="Qzlisted Person", sensitivity="public", consent="granted")
    do_add_list_entry(prisoner_list, actor=alice, person=person, date_added="1903-04-05", sensitivity="public",
                      field_sensitivity={"date_added": "confidential"})
    settings.DATA_DIR = tmp_path
    with zipfile.ZipFile(io.BytesIO(write_snapshot()[0].read_bytes())) as archive:
        entries = archive.read("list_entries.csv").decode()
    assert person.uid in entries and "1903" not in entries, entries


def _xlsx(path, rows_xml):
    """A minimal XLSX whose first sheet holds `rows_xml` (<row> elements)."""
    import zipfile

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/'
                                        'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="s" '
                                            'sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{package}"><Relationship Id="rId1" '
                                                       f'Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                                                       '</Relationships>')
        archive.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData>{rows_xml}'
                                                     '</sheetData></worksheet>')


def _cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_a_small_spreadsheet_with_far_cells_is_read_in_work_bounded_by_its_table(tmp_path, monkeypatch):
    """Hostile XLSX: a cell in column XFD on every row made each row 16,384 cells (a 300 KB file of 5,000 rows took
    68 s of a worker; 100,000 rows, the limit, about 20 minutes), and a cell on row 1,048,576 made the reader walk a
    million empty rows. The reader now reads at most the columns a header may have, and a run of empty rows ends
    the table."""
    from qorgau.lib import spreadsheets

    wide = tmp_path / "wide.xlsx"
    _xlsx(wide, f'<row r="1">{_cell("A1", "name")}</row>' + "".join(
        f'<row r="{i}">{_cell(f"A{i}", f"Person {i}")}{_cell(f"XFD{i}", "far")}</row>' for i in range(2, 52)))
    sparse = tmp_path / "sparse.xlsx"
    _xlsx(sparse, f'<row r="1">{_cell("A1", "name")}</row><row r="2">{_cell("A2", "Aigul")}</row>'
                  f'<row r="1048576">{_cell("A1048576", "far below")}</row>')
    widths, read = [], [0]
    real = spreadsheets._xlsx_rows

    def counting(path, *bounds):
        for row in real(path, *bounds):
            widths.append(len(row))
            read[0] += 1
            yield row
    monkeypatch.setattr(spreadsheets, "_xlsx_rows", counting)
    headers, rows = spreadsheets.read_table(wide)
    assert headers == ["name"] and len(rows) == 50 and rows[0][1] == {"name": "Person 2"}
    assert max(widths) <= spreadsheets.MAX_COLUMNS + 1
    read[0] = 0
    headers, rows = spreadsheets.read_table(sparse)
    assert [r["name"] for _n, r in rows] == ["Aigul"]
    assert read[0] <= spreadsheets.MAX_EMPTY_RUN + 3  # not a million rows


@pytest.mark.parametrize("url, make, field", [
    ("/events/", lambda alice, label, value, levels: actions.do_create_event(
        actor=alice, title=label, event_type="protest", sensitivity="public", start=value, field_sensitivity=levels),
     "start"),
    ("/documents/", lambda alice, label, value, levels: actions.do_create_document(
        actor=alice, title=label, sensitivity="public", published=value, field_sensitivity=levels), "published"),
    ("/export/documents.csv", lambda alice, label, value, levels: actions.do_create_document(
        actor=alice, title=label, sensitivity="public", published=value, field_sensitivity=levels), "published"),
])
def test_a_hidden_date_does_not_place_an_event_or_document_in_a_list(client_for, alice, url, make, field):
    """Events by start, documents by date of publication: a date kept above the reader's level placed its record
    where the date lies, between the visible ones (as s5 found for persons and acts)."""
    import re

    for label, value, levels in (("Qzfirst", "2021-01-01", {}), ("Qzmiddle", "2015-06-01", {field: "confidential"}),
                                 ("Qzlast", "2010-01-01", {})):
        make(alice, label, value, levels)

    def order(user):
        body = client_for(user).get(url).content.decode("utf-8-sig")
        return list(dict.fromkeys(re.findall(r"Qz(?:first|middle|last)", body)))
    public = order(None)
    assert set(public) == {"Qzfirst", "Qzmiddle", "Qzlast"} and public.index("Qzmiddle") != 1, public
    assert order(alice) == ["Qzfirst", "Qzmiddle", "Qzlast"]
