"""Session 14 audit (outside): what an outside reader could still take away (docs/security.md, "Session 14 audit
(outside)").

- An upload of a file a deleted confidential document had held told an uncleared editor so ("This file belongs to a
  deleted document"): the file had been in the archive, at a level the uploader may not read.
- The public statistics' list-change tables (entries added and removed per year) showed every count, also one
  holding people who did not consent to publication: the small-cell rule every other table follows was not applied,
  so the public list page (consenting people only) and the table told together that one more, unnamed, person was
  added that year.
- The resolver merged two public persons on a confidential alias (the merged page then led visitors to the kept one,
  whose aliases now held the name), and showed uncleared reviewers pairs that only hidden evidence proposed.
- Attachments and saved charts were named by row numbers, whose gaps counted the ones a reader may not see.
- Briefing refusals were English in ru/kk, and a list or filter briefing was cut to 200 persons without a word.
- PDF pictures behind two filters and JPEG 2000 pictures were served with their metadata.
Probed and kept as a test: statistics and census answer the same whatever a hidden value is.
"""

import pytest

from qorgau.records import actions

pytestmark = pytest.mark.django_db


# 1. A deleted document the uploader may not read ---------------------------------------------------------------

def _upload(client, name, data, level="internal"):
    import io

    from qorgau.documents.models import Document

    upload = io.BytesIO(data)
    upload.name = name
    response = client.post("/documents/upload/", {"file": upload, "language": "en", "sensitivity": level})
    assert response.status_code == 302, response.content[:500]
    document = Document._base_manager.order_by("-pk").first()
    return document, client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("deleted_level, told", [("confidential", False), ("internal", True)])
def test_an_upload_tells_of_a_deleted_document_only_to_a_reader_of_its_level(
        deleted_level, told, alice, bob, client_for, settings, tmp_path):
    """bob (an editor without clearance) uploads a file a deleted document held. If that document was confidential
    nothing may tell him it was ever here: his file is read like any new one. One of his own level is named."""
    from qorgau.documents.pipeline import ingest

    settings.FILES_DIR = tmp_path / "files"
    settings.QORGAU_INGEST_IN_BACKGROUND = False
    held = "Informant note: the meeting at the mosque on 3 May 2021 was watched by the police.".encode()
    document = ingest("held.txt", held, actor=alice, sensitivity=deleted_level).document
    actions.do_delete_record(document, actor=alice)

    client = client_for(bob)
    theirs, page = _upload(client, "mine.txt", held)
    fresh, fresh_page = _upload(client, "other.txt", "A note about nobody in particular, 2020.".encode())
    assert fresh.processing == "done"
    theirs.refresh_from_db()
    if told:
        assert theirs.processing == "failed" and "deleted document" in page
    else:
        assert "deleted" not in page and theirs.processing == "done", (theirs.processing, theirs.error)
        assert "mosque" in theirs.text  # read into his own document
        actions.do_restore_record(document.uid, actor=alice)  # nothing took the deleted one's file
        document.refresh_from_db()
        assert document.deleted_at is None and document.sha256


# 2. Statistics and census from stored counts and marks: no count moves with a hidden value -------------------------

def _secret_world(alice):
    """Public, consenting people with public acts in two regions, on a public list; and beside them one person per
    kind of secret (each public, consenting): an act whose date, place, penalty or type is kept confidential, a
    public act at a confidential town, a confidential act, a list entry whose dates are kept confidential, a
    confidential list entry. Returns (what `_flip` changes, the filters' values)."""
    from qorgau.analysis.actions import do_add_list_entry, do_create_list, do_remove_list_entry
    from qorgau.analysis.models import CriteriaSet
    from qorgau.records.models import Organisation, Provision

    C = "confidential"
    x, y = Provision.objects.filter(sensitivity="public").order_by("uid")[:2]
    region_1 = actions.do_create_place(actor=alice, name="Oracle Region One", kind="region", sensitivity="public")
    region_2 = actions.do_create_place(actor=alice, name="Oracle Region Two", kind="region", sensitivity="public")
    town_1 = actions.do_create_place(actor=alice, name="Oracle Town One", parent=region_1, sensitivity="public")
    town_2 = actions.do_create_place(actor=alice, name="Oracle Town Two", parent=region_2, sensitivity="public")
    hidden_1 = actions.do_create_place(actor=alice, name="Oracle Hidden One", parent=region_1, sensitivity=C)
    hidden_2 = actions.do_create_place(actor=alice, name="Oracle Hidden Two", parent=region_2, sensitivity=C)
    prisoner_list = do_create_list(actor=alice, slug="oracle-s14", title="Oracle list s14",
                                   organisation=Organisation.objects.first(),
                                   criteria_set=CriteriaSet.objects.first(), sensitivity="public")

    def person(name, gender="f"):
        return actions.do_create_person(actor=alice, name=name, sensitivity="public", consent="granted",
                                        gender=gender, roles=["journalist"])

    def act(victim, act_type="detained", date="1931-05-01", place=town_1, provisions=((x, "charged"),), **fields):
        return actions.do_create_act(actor=alice, victim=victim, act_type=act_type, date=date, place=place,
                                     review="accepted", provisions=list(provisions),
                                     **{"sensitivity": "public", **fields})

    for i in range(6):
        crowd = person(f"Oracle Crowd {i}", "f" if i % 2 else "m")
        act(crowd, place=town_1 if i % 2 else town_2)
        act(crowd, "sentenced", "1932-02-01", penalty_kind="imprisonment", penalty_amount=3, penalty_unit="years")
        entry = do_add_list_entry(prisoner_list, actor=alice, person=crowd, date_added="1931-06-01",
                                  sensitivity="public")
        if i < 2:
            do_remove_list_entry(entry, actor=alice, date_removed="1933-03-01", reason="released")
    changes = []
    t = person("Oracle Hidden Date")
    changes.append((act(t, field_sensitivity={"date": C}), {"date": "1934-09-01"}))
    t = person("Oracle Hidden Place")
    changes.append((act(t, field_sensitivity={"place": C}), {"place": town_2}))
    t = person("Oracle At Hidden Town")
    changes.append((act(t, place=hidden_1), {"place": hidden_2}))
    t = person("Oracle Hidden Penalty")
    changes.append((act(t, "sentenced", "1932-02-01", penalty_kind="imprisonment", penalty_amount=2,
                        penalty_unit="years", field_sensitivity={"penalty_amount": C}), {"penalty_amount": 8}))
    t = person("Oracle Hidden Type")
    changes.append((act(t, "detained", field_sensitivity={"act_type": C}), {"act_type": "summoned"}))
    t = person("Oracle Hidden Act")
    changes.append((act(t, "arrested", "1932-03-01", sensitivity=C), "delete"))
    act(t, "charged", "1931-01-01")  # a public act of their own, so the person is counted either way
    t = person("Oracle Hidden Entry Dates")
    act(t)
    entry = do_add_list_entry(prisoner_list, actor=alice, person=t, date_added="1931-06-01", sensitivity="public",
                              field_sensitivity={"date_added": C, "date_removed": C})
    entry = do_remove_list_entry(entry, actor=alice, date_removed="1933-03-01", reason="released")
    changes.append((entry, {"date_added": "1934-06-01", "date_removed": "1936-01-01"}))
    t = person("Oracle Hidden Entry")
    act(t)
    changes.append((do_add_list_entry(prisoner_list, actor=alice, person=t, date_added="1932-06-01",
                                      sensitivity=C), "delete"))
    values = {"date_from": ["1931", "1933", "1931-05", "1934-09-01"], "date_to": ["1932", "1934-12"],
              "region": [region_1.uid, region_2.uid], "article": [x.uid], "prisoner_list": [prisoner_list.slug],
              "gender": ["f"]}
    return changes, values


def _flip(changes, alice):
    from qorgau.analysis.models import ListEntry

    for record, change in changes:
        record.refresh_from_db()
        if change == "delete":
            actions.do_delete_record(record, actor=alice)
        elif isinstance(record, ListEntry):
            from qorgau.records.actions import update_record

            update_record(record, actor=alice, **change)
        else:
            actions.do_update_act(record, actor=alice, **change)


def _combinations(values):
    from itertools import combinations

    out = [{}] + [{k: v} for k, vs in values.items() for v in vs]
    for (k1, v1s), (k2, v2s) in combinations(values.items(), 2):
        out += [{k1: v1, k2: v2} for v1 in v1s for v2 in v2s]
    return out


def _statistics_answers(readers, combos, client_for):
    import re

    from django.core.cache import cache

    from qorgau.analysis.statistics import Filters, all_tables

    cache.clear()
    found = {}
    for name, reader in readers:
        for combo in combos:
            found[(name, "tables", tuple(sorted(combo.items())))] = [(t.key, list(t.rows), t.withheld)
                                                                      for t in all_tables(reader, Filters(**combo))]
        client = client_for(None if name == "anonymous" else reader)
        for query in ("date=1931-07-01", "date=1932-04-01", "date=1935-01-01", "date=1935-01-01&since=1931-07-01",
                      "date=1933-01-01&since=1931-01-01", "date=1936-06-01&since=1932-04-01",
                      "date=1935-01-01&list=oracle-s14", "date=1937-01-01&since=1933-06-01&list=oracle-s14"):
            body = client.get(f"/census/?{query}").content.decode()
            body = re.sub(r'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"|"X-CSRFToken": "[^"]*"|/persons/per_[0-9a-z]+', "", body)
            found[(name, "census", query)] = body
    return found


def test_no_statistics_or_census_answer_moves_with_a_value_kept_above_the_reader(
        alice, bob, carol, client_for, django_capture_on_commit_callbacks):
    """The statistics read stored counts and marks (session 13: latest buckets, list-change marks, place and date
    buckets) and the census reads stored episodes. Two worlds differ only in values kept confidential (an act's
    date, place, penalty, type; a public act at a confidential town; a confidential act; a list entry's hidden dates;
    a confidential list entry): every table of every filter (each alone and every two at once) and the census pages
    (dates, `since`, a list) must answer the same to a visitor, an uncleared editor and viewer; a cleared admin's
    answers must move (not vacuous)."""
    from django.contrib.auth.models import AnonymousUser

    from qorgau.analysis.episodes import flush_pending

    with django_capture_on_commit_callbacks(execute=True):
        changes, values = _secret_world(alice)
    flush_pending()
    combos = _combinations(values)
    readers = [("anonymous", AnonymousUser()), ("editor", bob), ("viewer", carol), ("cleared", alice)]
    before = _statistics_answers(readers, combos, client_for)
    with django_capture_on_commit_callbacks(execute=True):
        _flip(changes, alice)
    flush_pending()
    after = _statistics_answers(readers, combos, client_for)
    moved = sorted(f"{key[0]} {key[1]} {key[2]}" for key in before if before[key] != after[key])
    assert len([m for m in moved if m.startswith("cleared ")]) > 10, "the worlds do not differ for a cleared admin"
    assert [m for m in moved if m.startswith("cleared census")], "the census does not differ for a cleared admin"
    leaks = [m for m in moved if not m.startswith("cleared")]
    assert not leaks, f"{len(leaks)} answers moved with a hidden value:\n" + "\n".join(leaks[:80])


# 3. List changes follow the small-cell rule ---------------------------------------------------------------------

@pytest.mark.parametrize("stored", [True, False])
def test_public_list_changes_withhold_a_small_count_holding_someone_not_consenting(
        stored, alice, bob, client_for, settings, django_capture_on_commit_callbacks):
    """A public list: two consenting people added in 1931 and one who did not consent; five consenting people added
    in 1932 with one who did not. A visitor's "added per year" must read 1931 as withheld (3 < 5 and holding someone
    not named) and 1932 as 6; staff read 3 and 6. Both readings: the stored "le" counts and the entries."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache

    from qorgau.analysis import summaries
    from qorgau.analysis.actions import do_add_list_entry, do_create_list
    from qorgau.analysis.episodes import flush_pending
    from qorgau.analysis.models import CacheGeneration, CriteriaSet
    from qorgau.analysis.statistics import Filters, all_tables
    from qorgau.records.models import Organisation

    settings.QORGAU_MIN_PUBLIC_CELL = 5
    with django_capture_on_commit_callbacks(execute=True):
        prisoner_list = do_create_list(actor=alice, slug="small-cells", title="Small cells",
                                       organisation=Organisation.objects.first(),
                                       criteria_set=CriteriaSet.objects.first(), sensitivity="public")
        for year, consenting in (("1931", 2), ("1932", 5)):
            for i in range(consenting + 1):
                person = actions.do_create_person(actor=alice, name=f"Small Cell {year} {i}", sensitivity="public",
                                                  consent="granted" if i < consenting else "unknown")
                do_add_list_entry(prisoner_list, actor=alice, person=person, date_added=f"{year}-06-01",
                                  sensitivity="public", date_removed=f"{year}-09-01" if i == 0 else "")
    flush_pending()
    if not stored:
        CacheGeneration.objects.filter(name=summaries.LIST_CHANGES_READY).update(value=0)
    assert summaries.list_changes_ready() is stored

    def table(reader, key):
        cache.clear()
        found = {t.key: t for t in all_tables(reader, Filters(prisoner_list="small-cells"))}[key]
        return dict(found.rows), found.withheld

    assert table(AnonymousUser(), "list_added") == ({"1931": None, "1932": 6}, 1)
    assert table(AnonymousUser(), "list_removed") == ({"1931": 1, "1932": 1}, 0)  # both consenting
    assert table(bob, "list_added") == ({"1931": 3, "1932": 6}, 0)
    page = client_for(None).get("/statistics/?prisoner_list=small-cells").content.decode()
    assert "< 5" in page or "&lt; 5" in page


# 4. A pair to judge proposed only by what the reviewer may not read ---------------------------------------------

def _reviewer(cleared=False):
    from qorgau.accounts.models import Role, User

    user, _ = User.objects.get_or_create(username="rita" if not cleared else "ruth",
                                         defaults={"role": Role.REVIEWER, "cleared_confidential": cleared})
    return user


def test_a_pair_found_by_a_confidential_alias_is_neither_merged_nor_shown_to_an_uncleared_reviewer(alice, client_for):
    """Two public persons: "Marat Seitkali", whose confidential alias is "Yerzhan Ospanov", and "Yerzhan Ospanov".
    The resolver, reading every name, merged them automatically: Ospanov's page then led every visitor to Seitkali's,
    where "Yerzhan Ospanov" was a public alias -- what the alias's level hid, published. It must only queue them. To a reviewer without clearance the pair's very
    presence (in the queue, on either person's page) says that Seitkali is known by a name like Ospanov's; from what
    that reviewer may read nothing pairs them, and the pair is as absent as one never found (queue, person pages,
    judging it). A cleared reviewer sees it."""
    from qorgau.resolution.actions import resolve
    from qorgau.resolution.models import Candidate

    marat = actions.do_create_person(actor=alice, name="Marat Seitkali", sensitivity="public", consent="granted",
                                     names=[{"name": "Yerzhan Ospanov", "sensitivity": "confidential"}])
    yerzhan = actions.do_create_person(actor=alice, name="Yerzhan Ospanov", sensitivity="public", consent="granted")
    assert resolve(actor=alice, persons=[yerzhan])["merged"] == 0
    candidate = Candidate.objects.get(status="open")
    assert {candidate.left_id, candidate.right_id} == {marat.pk, yerzhan.pk}

    cleared = client_for(_reviewer(cleared=True))
    assert "Yerzhan Ospanov" in cleared.get("/resolution/").content.decode()
    client = client_for(_reviewer())
    for url in ("/resolution/", f"/persons/{marat.uid}/", f"/persons/{yerzhan.uid}/"):
        page = client.get(url).content.decode()
        assert (marat.uid not in page) if url != f"/persons/{marat.uid}/" else (yerzhan.uid not in page), url
    response = client.post(f"/resolution/{candidate.public_id}/judge/", {"decision": "different"})
    missing = client.post("/resolution/cnd_000000000000/judge/", {"decision": "different"})
    assert response.status_code == missing.status_code == 404
    client.post("/resolution/judge/", {"decision": "different", "candidate": [candidate.public_id]})
    candidate.refresh_from_db()
    assert candidate.status == "open"


def test_what_the_records_level_shows_must_link_by_the_same_rule_as_all_the_evidence(alice):
    """Two public persons, "Murat Bulatov" (confidential alias "Murat Bulatetov") and "Murat Bulatetov", detained on
    one day. All the evidence links them (the alias is the other's very name). What the public may read is two family
    names only near, lifted over the link by the shared act alone -- which the resolver only queues. The check at
    the records' level must ask that same rule, not a shorter one: merged, the pair would publish what the alias hides."""
    from qorgau.resolution.actions import resolve
    from qorgau.resolution.models import Candidate

    murat = actions.do_create_person(actor=alice, name="Murat Bulatov", sensitivity="public", roles=["activist"],
                                     names=[{"name": "Murat Bulatetov", "sensitivity": "confidential"}])
    actions.do_create_act(actor=alice, victim=murat, act_type="detained", date="2024-06-13")
    other = actions.do_create_person(actor=alice, name="Murat Bulatetov", sensitivity="public", roles=["activist"])
    actions.do_create_act(actor=alice, victim=other, act_type="detained", date="2024-06-13")
    assert resolve(actor=alice, persons=[other])["merged"] == 0
    murat.refresh_from_db()
    other.refresh_from_db()
    assert murat.merged_into_id is None and other.merged_into_id is None
    assert Candidate.objects.filter(status="open", left__in=[murat, other], right__in=[murat, other]).exists()


# 5. Attachments and saved charts are named by random ids ---------------------------------------------------------

def test_attachments_and_charts_are_named_by_random_ids_not_row_numbers(alice, bob, client_for, settings, tmp_path):
    """Attachments and saved charts were /attachments/<n>/ and /statistics/charts/<n>/: the row numbers a reader saw
    (two public photos 3 and 7) told how many others exist that they may not see (4, 5 and 6). Their addresses now
    hold a random id; a row number answers as any unknown address does (404), for everyone."""
    import io
    import re

    from PIL import Image

    from qorgau.analysis.models import SavedChart
    from qorgau.documents.models import PersonAttachment

    settings.FILES_DIR = tmp_path / "files"
    person = actions.do_create_person(actor=alice, name="Photo Person", sensitivity="public", consent="granted")
    client = client_for(alice)
    for i, level in enumerate(("public", "confidential", "confidential", "public")):
        out = io.BytesIO()
        Image.new("RGB", (4, 4), (i * 40, 10, 10)).save(out, "PNG")
        upload = io.BytesIO(out.getvalue())
        upload.name = f"photo{i}.png"
        client.post(f"/persons/{person.uid}/attachments/", {"file": upload, "caption": f"Photo {i}",
                                                            "sensitivity": level})
        client.post("/statistics/charts/save/", {"title": f"Chart {i}", "table": "by_article",
                                                 **({"public": "on"} if level == "public" else {})})
    attachments = list(PersonAttachment.objects.filter(person=person).order_by("pk"))
    charts = list(SavedChart.objects.order_by("pk"))
    assert len(attachments) == 4 and len(charts) >= 4
    public_page = client_for(None).get(f"/persons/{person.uid}/").content.decode()
    shown = re.findall(r'/attachments/([^/"]+)/', public_page)
    assert sorted(set(shown)) == sorted({attachments[0].public_id, attachments[3].public_id})
    assert all(re.fullmatch(r"att_[a-z0-9]{12}", value) for value in shown)
    listed = re.findall(r'/statistics/charts/([^/"]+)/', client_for(None).get("/statistics/").content.decode())
    assert listed and all(re.fullmatch(r"cht_[a-z0-9]{12}", value) for value in listed)
    for reader in (None, bob, alice):
        client = client_for(reader)
        for row in attachments:
            assert client.get(f"/attachments/{row.pk}/").status_code == 404
        for chart in charts:
            assert client.get(f"/statistics/charts/{chart.pk}/").status_code == 404
    assert client_for(alice).get(f"/attachments/{attachments[1].public_id}/").status_code == 200
    assert client_for(None).get(f"/statistics/charts/{charts[0].public_id}/").status_code == 200


# 6. Briefing choices: said in the reader's language, and never silently cut ------------------------------------

@pytest.mark.parametrize("language, expected", [("ru", "Нет такого человека: per_nobody_1"),
                                                ("kk", "Мұндай адам жоқ: per_nobody_1")])
def test_the_briefing_page_says_why_it_refuses_in_the_readers_language(language, expected, alice, client_for):
    """The reasons a briefing is refused (an unknown id, no consent, no such list) came from the selection in English
    whatever the interface's language."""
    from qorgau.accounts.models import User

    User.objects.filter(pk=alice.pk).update(language=language)
    client = client_for(User.objects.get(pk=alice.pk))
    page = client.post("/briefings/", {"persons": "per_nobody_1", "lang": "en"}).content.decode()
    assert expected in page
    page = client.post("/briefings/", {"list": "no-such-list", "lang": "en"}).content.decode()
    assert "no-such-list" in page and "No list" not in page


def test_a_briefing_on_a_list_or_filter_longer_than_it_holds_is_refused_with_the_number(alice):
    """A briefing by list or statistics filter held the first 200 persons (by name) without a word: a briefing on
    'everyone on the list' that left people out. Now more than it holds is refused, saying how many were chosen."""
    from django.contrib.auth.models import AnonymousUser

    from qorgau.analysis.actions import do_add_list_entry, do_create_list
    from qorgau.analysis.models import CriteriaSet
    from qorgau.analysis.selection import SelectionError, persons_for
    from qorgau.records.models import Organisation

    listed = do_create_list(actor=alice, slug="long-list", title="Long", organisation=Organisation.objects.first(),
                            criteria_set=CriteriaSet.objects.first(), sensitivity="public")
    for i in range(4):
        person = actions.do_create_person(actor=alice, name=f"Listed {i}", sensitivity="public", consent="granted")
        do_add_list_entry(listed, actor=alice, person=person, date_added="2020-01-01", sensitivity="public")
    assert len(persons_for(alice, list_slug="long-list", limit=4)) == 4
    with pytest.raises(SelectionError, match="4 persons are chosen; a briefing holds at most 3"):
        persons_for(AnonymousUser(), list_slug="long-list", limit=3)


# 7. PDF pictures behind two filters, and JPEG 2000 pictures ------------------------------------------------------

def _box(kind, body):
    import struct

    return struct.pack(">I", 8 + len(body)) + kind + body


def _codestream(marker):
    """A JPEG 2000 codestream's shape: SOC, SIZ, a comment (COM) holding the marker, the first tile and the end."""
    import struct

    comment = b"\x00\x01" + marker
    return (b"\xff\x4f" + b"\xff\x51" + struct.pack(">H", 6) + b"\x00\x01\x02\x03"
            + b"\xff\x64" + struct.pack(">H", 2 + len(comment)) + comment
            + b"\xff\x90" + struct.pack(">H", 10) + b"\x00" * 8 + b"tile data" + b"\xff\xd9")


def _jp2(marker):
    return (b"\x00\x00\x00\x0cjP  \r\n\x87\n" + _box(b"ftyp", b"jp2 \x00\x00\x00\x00jp2 ")
            + _box(b"jp2h", _box(b"ihdr", b"\x00" * 14))
            + _box(b"xml ", b"<x:xmpmeta><dc:creator>" + marker + b"</dc:creator></x:xmpmeta>")
            + _box(b"uuid", b"\xbe\x7a\xcf\xcb\x97\xa9\x42\xe8\x9c\x71\x99\x94\x91\xe3\xaf\xac" + b"GPS " + marker)
            + _box(b"jp2c", _codestream(marker)))


def test_pdf_pictures_behind_two_filters_and_jpeg2000_pictures_are_served_without_their_metadata():
    """Session 13 walked a PDF's JPEG pictures only under /DCTDecode alone: one behind /FlateDecode too (as several
    PDF writers compress everything) and JPEG 2000 pictures (/JPXDecode: XML and UUID boxes hold XMP, EXIF and a
    GeoJP2 position; the codestream may hold comments) were served with what the camera or scanner wrote."""
    import zlib

    from qorgau.documents.metadata import Unreadable, without_metadata
    from .test_audit_findings_s13 import _everything_in, _jpeg, _pdf, _stream

    marker = b"Qz14-camera-owner-Aigerim-43.2380N"
    jpeg = _jpeg(marker.decode())
    image = (b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
             b"/Filter [/FlateDecode /DCTDecode] /DecodeParms [null null]")
    jpx = b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /Filter /JPXDecode"
    raw_jpx = b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /Filter [/ASCIIHexDecode /JPXDecode]"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R /Im2 6 0 R /Im3 7 0 R >> >> >>",
        _stream(b"<<", b"q 16 0 0 16 20 20 cm /Im1 Do /Im2 Do /Im3 Do Q"),
        _stream(image, zlib.compress(jpeg)),
        _stream(jpx, _jp2(marker)),
        _stream(raw_jpx, _codestream(marker).hex().encode() + b">"),
    ]
    pdf = _pdf(objects)
    assert _everything_in(pdf).count(marker) >= 4
    served = without_metadata(pdf, "application/pdf")
    assert marker not in _everything_in(served)
    everything = _everything_in(served)
    assert jpeg[-200:] in everything  # the picture's own bytes are there
    assert b"tile data" in everything and b"jp2c" in everything and b"ihdr" in everything
    # a picture behind a filter that is not undone is refused, never served whole
    odd = list(objects)
    odd[4] = _stream(image.replace(b"/FlateDecode", b"/LZWDecode"), jpeg)
    with pytest.raises(Unreadable):
        without_metadata(_pdf(odd), "application/pdf")
