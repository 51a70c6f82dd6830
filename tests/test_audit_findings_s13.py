"""Session 13 audit (outside): what an outside reader could still take away (docs/security.md, "Session 13 audit
(outside)").

- An ordinary JPEG (its end marker the file's last two bytes, as every camera and Pillow write it) was refused at
  upload as damaged: the photo walker of session 12 asked for four bytes where the end marker has two.
- A PDF attachment was served as stored to every reader who may see it: its document information (author, title,
  creator tool, dates), XMP packets, a program's private data, the authors of its comments, the EXIF of photos placed
  in it, and what earlier revisions of the file held.
- The briefing page repeated every unknown id it was given, whole, and silently dropped ids past the 200th.
"""

import io
import random
import re
import zlib

import pytest

from .test_access import world  # noqa: F401 — the crawl's world of secrets, as a fixture

pytestmark = pytest.mark.django_db

MARK = "Qz13-author-Aigerim-Kassymova-gps-43.2380N"  # what a PDF's metadata may hold: a name, a place


def _jpeg(marker, *, size=8):
    """A plain JPEG as a camera or Pillow writes it: EXIF with the marker, nothing after the end of the picture."""
    from PIL import Image

    picture = Image.new("RGB", (size, size), (200, 10, 10))
    for x in range(size):
        picture.putpixel((x, x), (10, 200, 10))
    exif = Image.Exif()
    exif[0x013B] = marker  # Artist
    exif[0x010E] = marker  # ImageDescription
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif.tobytes(), quality=95)
    return out.getvalue()


def _pdf(objects, *, root=1, info=None, previous=None):
    """A PDF file of these object bodies (numbered from 1); `previous` (bytes of an earlier file) makes it an
    incremental update of that file, as a viewer's "save" writes one."""
    out = bytearray(previous or b"%PDF-1.7\n")
    offsets = []
    for body in objects:
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (len(offsets)) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(head, data):
    return head + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def pdf_with_metadata(marker=MARK, text="Public page of the report"):
    """One page of text and a photo, carrying the marker in every place a PDF keeps metadata: the document
    information, an XMP packet on the catalog and on the photo, a program's private data, a comment's author, the
    photo's EXIF, a file attached to the document; and an earlier revision whose information named the marker too."""
    m = marker.encode()
    jpeg = _jpeg(marker)
    xmp = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
           b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
           b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>' + m + b'</dc:creator></rdf:Description>'
           b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
    content = f"BT /F1 12 Tf 20 150 Td ({text}) Tj ET q 16 0 0 16 20 20 cm /Im1 Do Q".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R /PieceInfo << /Illustrator << /Private (" + m + b") >> >> "
        b"/Names << /EmbeddedFiles << /Names [(notes.txt) 10 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> "
        b"/XObject << /Im1 8 0 R >> >> /Annots [9 0 R] /LastModified (D:20190304" + m[:8] + b") >>",
        _stream(b"<<", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(b"<< /Type /Metadata /Subtype /XML", xmp),
        b"<< /Author (" + m + b") /Title (Notes by " + m + b") /Creator (Scanner of " + m + b") "
        b"/Producer (" + m + b") /CreationDate (D:20190304101500) >>",
        _stream(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
                b"/Filter /DCTDecode /Metadata 6 0 R", jpeg),
        b"<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (a note) /T (" + m + b") /M (D:20190304) >>",
        # a file attached to the document, its bytes and dates the author's
        b"<< /Type /Filespec /F (notes.txt) /EF << /F 11 0 R >> >>",
        _stream(b"<< /Type /EmbeddedFile /Params << /ModDate (D:20190304" + m[:8] + b") >>", b"notes of " + m),
    ]
    first = _pdf(objects, info=7)
    # The author saved the file again with a new information dictionary: the old one is still in the bytes.
    objects[6] = b"<< /Title (Report) >>"
    return _pdf(objects, info=7, previous=first)


def _everything_in(data):
    """The file's bytes and every stream of it decoded, so a marker compressed inside a stream is found too."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = [data]
    for number in range(1, 200):
        try:
            obj = reader.get_object(number)
        except Exception:  # noqa: BLE001 — a number the file does not use
            continue
        if obj is None:
            continue
        parts.append(repr(obj).encode("utf-8", "replace"))
        if hasattr(obj, "get_data"):
            try:
                parts.append(obj.get_data())
            except Exception:  # noqa: BLE001 — a photo's data is not decoded by pypdf
                parts.append(obj._data)
    return b"\n".join(parts)


def _page_text(data):
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def public_person(alice):
    from qorgau.records import actions

    return actions.do_create_person(actor=alice, name="Attached Person", sensitivity="public", consent="granted")


@pytest.fixture
def files(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"


# An ordinary JPEG ---------------------------------------------------------------------------------------------------

def test_an_ordinary_jpeg_photo_can_be_attached_and_is_served_without_its_exif(public_person, alice, carol,
                                                                               client_for, files):
    """Before: "The photo's file is damaged: it was not attached." for every JPEG that ends with its end marker,
    i.e. nearly every photo a phone or camera takes (the tests of session 12 had appended a maker's trailer)."""
    from PIL import Image

    from qorgau.documents import actions as document_actions

    data = _jpeg(MARK, size=16)
    assert data.endswith(b"\xff\xd9") and MARK.encode() in data
    attachment = document_actions.do_add_attachment(public_person, actor=alice, data=data, filename="photo.jpg",
                                                    sensitivity="public")
    for reader in (None, carol):
        served = client_for(reader).get(f"/attachments/{attachment.public_id}/")
        assert served.status_code == 200
        assert MARK.encode() not in served.content and b"Exif" not in served.content
        pixels = Image.open(io.BytesIO(served.content)).convert("RGB").tobytes()
        assert pixels == Image.open(io.BytesIO(data)).convert("RGB").tobytes()


# PDF attachments ----------------------------------------------------------------------------------------------------

def test_a_public_pdf_is_served_without_who_wrote_it_to_readers_not_cleared(public_person, alice, bob, carol,
                                                                            client_for, files):
    """A visitor, an uncleared editor and an uncleared viewer get the same page (its text, its photo's pixels)
    without the marker anywhere -- in the bytes or in any decoded stream; a cleared reader gets the stored file."""
    from PIL import Image
    from pypdf import PdfReader

    from qorgau.documents import actions as document_actions

    data = pdf_with_metadata()
    assert MARK.encode() in data and PdfReader(io.BytesIO(data)).metadata["/Title"] == "Report"
    picture = Image.open(io.BytesIO(_jpeg(MARK))).convert("RGB").tobytes()
    attachment = document_actions.do_add_attachment(public_person, actor=alice, data=data, filename="report.pdf",
                                                    sensitivity="public")
    for reader in (None, bob, carol):
        response = client_for(reader).get(f"/attachments/{attachment.public_id}/")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        served = response.content
        assert MARK.encode() not in _everything_in(served), reader
        assert MARK[:12].encode() not in _everything_in(served)  # not even its first words (the page's /LastModified)
        assert b"xmpmeta" not in served and b"Exif" not in served
        assert PdfReader(io.BytesIO(served)).metadata is None
        assert _page_text(served) == _page_text(data)
        photo = PdfReader(io.BytesIO(served)).pages[0]["/Resources"]["/XObject"]["/Im1"].get_object()._data
        assert Image.open(io.BytesIO(photo)).convert("RGB").tobytes() == picture  # the same photo, without its EXIF
    assert client_for(alice).get(f"/attachments/{attachment.public_id}/").content == data


def test_a_pdf_that_cannot_be_rewritten_is_refused_at_upload_and_never_served_whole(public_person, alice, files):
    """A PDF pypdf cannot read (here: its catalog missing) or protected by a password is refused with a message,
    nothing stored; one stored before this check is a 404 for a visitor, never the original."""
    from django.core.exceptions import ValidationError
    from django.test import Client

    from qorgau.documents import actions as document_actions
    from qorgau.documents import storage
    from qorgau.documents.models import PersonAttachment

    broken = b"%PDF-1.7\n1 0 obj\n<< /Author (" + MARK.encode() + b") >>\nendobj\ntrailer\n<< /Info 1 0 R >>\n%%EOF\n"
    for data in (broken, _encrypted_pdf()):
        with pytest.raises(ValidationError, match="PDF file is damaged or protected by a password"):
            document_actions.do_add_attachment(public_person, actor=alice, data=data, filename="x.pdf",
                                               sensitivity="public")
    assert not PersonAttachment.objects.exists()
    digest, _new = storage.store(broken)
    stored = PersonAttachment.objects.create(person=public_person, filename="x.pdf", media_type="application/pdf",
                                             size=len(broken), sha256=digest, sensitivity="public")
    response = Client().get(f"/attachments/{stored.public_id}/")
    assert response.status_code == 404 and MARK.encode() not in response.content


def _encrypted_pdf():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_metadata({"/Author": MARK})
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_damaged_pdf_is_rewritten_or_refused_never_a_crash_nor_the_metadata():
    """Every 97th truncation and 300 random byte changes: the rewrite returns a PDF without the marker or says
    Unreadable (the upload's refusal) -- never another error."""
    from qorgau.documents.metadata import Unreadable, without_metadata

    data = pdf_with_metadata()
    chance = random.Random(13)
    samples = [data[:n] for n in range(0, len(data), 97)]
    for _ in range(300):
        mutated = bytearray(data)
        for _ in range(chance.randint(1, 4)):
            mutated[chance.randrange(len(mutated))] = chance.randrange(256)
        samples.append(bytes(mutated))
    rewritten = 0
    for sample in samples:
        try:
            out = without_metadata(sample, "application/pdf")
        except Unreadable:
            continue
        rewritten += 1
        assert b"xmpmeta" not in out and b"Exif\x00" not in out
    assert rewritten > 100  # most single changes land in page text or picture data: still a PDF


def test_hostile_pdfs_are_refused_clearly(monkeypatch):
    """A stream that inflates without end, objects nested without end, more objects than a real file holds: each
    is Unreadable (refused at upload, 404 when served), within pypdf's limits and ours."""
    from qorgau.documents import metadata

    catalog = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R >>"]
    bomb = zlib.compress(b"0" * 200_000_000, 9)  # 200 MB of content in about 200 KB
    inflating = _pdf(catalog + [_stream(b"<< /Filter /FlateDecode", bomb)])
    nested = _pdf(catalog + [b"<< /Length 0 /Deep " + b"[" * 50_000 + b"]" * 50_000 + b" >>\nstream\n\nendstream"])
    many = _pdf(catalog + [b"<< /Length 0 >>\nstream\n\nendstream"] + [b"null"] * 2_000)
    monkeypatch.setattr(metadata, "MAX_PDF_OBJECTS", 1_000)
    for name, data in (("nested", nested), ("many", many)):
        with pytest.raises(metadata.Unreadable):
            metadata.without_metadata(data, "application/pdf")
    # The inflating page is copied without being inflated (nothing reads it): a rewrite, not a bomb.
    out = metadata.without_metadata(inflating, "application/pdf")
    assert len(out) < len(inflating) + 10_000


# The briefing page's echo -------------------------------------------------------------------------------------------

def test_the_briefing_page_names_a_few_unknown_ids_not_all_it_was_given(client_for, alice):
    """2,000 unknown ids of 300 characters (600 KB): before, the page repeated the first 200 whole in its message and
    all of them in the form (1.2 MB back for 600 KB sent). Now it names ten, each cut to what an id can hold, says how
    many more, and does not write the text back."""
    client = client_for(alice)
    given = [f"per_{n:05d}_" + "x" * 290 for n in range(2_000)]
    page = client.post("/briefings/", {"persons": " ".join(given), "lang": "en", "format": "docx"})
    text = page.content.decode()
    assert page.status_code == 200 and "too long" in text
    assert given[0][:40] not in text and len(page.content) < 100_000
    few = [f"per_nobody_{n:03d}_" + "y" * 65 for n in range(150)]  # 80 characters each
    text = client.post("/briefings/", {"persons": " ".join(few), "lang": "en"}).content.decode()
    error = re.search(r'<p class="error">(.*?)</p>', text).group(1)
    assert error.startswith("No such person: per_nobody_000_") and error.endswith("and 140 more.")
    assert "per_nobody_009_" in error and "per_nobody_010_" not in error
    assert "y" * 60 not in error  # each cut to an id's length
    huge_slug = client.post("/briefings/", {"list": "z" * 100_000, "lang": "en"}).content.decode()
    assert "z" * 61 not in huge_slug and "No list" in huge_slug


def test_more_than_200_persons_by_id_are_refused_not_silently_cut(client_for, alice):
    """Before, the 201st id and those after it were dropped without a word (a briefing on fewer persons than asked);
    now the request is refused and says how many were given."""
    from qorgau.records import actions

    uids = [actions.do_create_person(actor=alice, name=f"Briefed Person {n}", sensitivity="public",
                                     consent="granted").uid for n in range(201)]
    page = client_for(alice).post("/briefings/", {"persons": " ".join(uids), "lang": "en", "format": "docx"})
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert "At most 200 persons by id in one briefing; 201 were given" in page.content.decode()


# The read API's group of a hidden act type --------------------------------------------------------------------------

@pytest.mark.parametrize("persona", [None, "carol"])
def test_the_api_does_not_tell_the_group_of_an_act_type_kept_above_the_reader(persona, alice, carol, client):
    """A public act whose type alone is confidential: the API's act (alone, in the list, in its victim's page) said
    "group": "DEPRIVATION" or "PENALTY", i.e. the type's kind. Session 8's differential test asked the API at
    `/api/acts?type=…`, without the slash: a redirect in both worlds, so the answers were never compared."""
    from qorgau.records import actions
    from qorgau.records.models import Act

    person = actions.do_create_person(actor=alice, name="Grouphidden Person", sensitivity="public", consent="granted")
    act = actions.do_create_act(actor=alice, victim=person, act_type="detained", date="2020-01-01",
                                sensitivity="public", review="accepted", field_sensitivity={"act_type": "confidential"})
    urls = ["/api/acts/", f"/api/acts/{act.uid}/", f"/api/persons/{person.uid}/", "/api/acts/?q=Grouphidden",
            "/api/acts/?type=detained", "/api/acts/?group=PENALTY", "/api/persons/?type=sentenced"]
    if persona:
        client.force_login(carol)

    def read():
        answers = {url: client.get(url) for url in urls}
        assert all(r.status_code == 200 for r in answers.values()), {u: r.status_code for u, r in answers.items()}
        # a cursor is signed with the time it was made: its payload (the last row) is what must not move
        return {url: re.sub(rb'("next": "[^":]*):[^"]*"', rb'\1"', r.content) for url, r in answers.items()}

    before = read()
    assert act.uid.encode() in before[f"/api/acts/{act.uid}/"]
    Act.objects.filter(pk=act.pk).update(act_type="sentenced")
    after = read()
    import difflib

    moved = {url: [line for line in difflib.unified_diff(before[url].decode().split(", "), after[url].decode().split(", "),
                                                       n=0, lineterm="")][2:8]
             for url in urls if before[url] != after[url]}
    assert moved == {}


# The read API's cursor ----------------------------------------------------------------------------------------------

def test_the_api_cursor_does_not_count_the_records_the_reader_may_not_see(alice, client):
    """Django's signed cursor is base64 JSON, readable by anyone: it held the last row's number in the table, so two
    public persons' cursors told a visitor how many records it may not see were made between them (here three
    confidential persons). Now the cursor names the row by its public id, and the pages are the same rows."""
    import base64
    import json

    from qorgau.records import actions
    from qorgau.records.models import Person

    first = actions.do_create_person(actor=alice, name="Cursor First", sensitivity="public", consent="granted")
    for n in range(3):
        actions.do_create_person(actor=alice, name=f"Cursor Hidden {n}", sensitivity="confidential")
    second = actions.do_create_person(actor=alice, name="Cursor Second", sensitivity="public", consent="granted")
    public = list(Person.objects.visible_to(None).order_by("id").values_list("uid", flat=True))
    seen, cursors, url = [], [], "/api/persons/?limit=1"
    while url:
        data = client.get(url).json()
        seen += [row["id"] for row in data["results"]]
        if data["next"]:
            cursors.append(data["next"])
        url = f"/api/persons/?limit=1&cursor={data['next']}" if data["next"] else None
    assert seen == public and first.uid in seen and second.uid in seen
    for cursor in cursors:
        payload = base64.urlsafe_b64decode(cursor.split(":")[0] + "==").decode()
        values = json.loads(payload).values()
        assert all(isinstance(v, str) and v in public for v in values), payload  # an id it was shown, no number


# Downloads named in other letters -----------------------------------------------------------------------------------

def test_a_pdf_named_in_cyrillic_is_still_a_download(public_person, alice, client_for, files):
    """Django MIME-encodes a header holding letters outside Latin-1 ("=?utf-8?b?…?="), which no browser reads as a
    Content-Disposition: a PDF named "Приговор.pdf" lost its "attachment" and was shown inline. Now RFC 6266's
    filename* carries the name."""
    from qorgau.documents import actions as document_actions

    attachment = document_actions.do_add_attachment(public_person, actor=alice, data=pdf_with_metadata(),
                                                    filename="Приговор Айгерим.pdf", sensitivity="public")
    for reader in (None, alice):
        header = client_for(reader).get(f"/attachments/{attachment.public_id}/")["Content-Disposition"]
        assert header.startswith("attachment; filename*=utf-8''"), header
        assert "%D0%9F%D1%80%D0%B8%D0%B3%D0%BE%D0%B2%D0%BE%D1%80" in header  # Приговор


def test_an_urgent_action_numbered_with_a_quote_or_in_cyrillic_downloads_as_a_pdf(alice, client_for):
    from qorgau.campaigns.models import UrgentAction

    ua = UrgentAction.objects.filter(sensitivity="public").first() or UrgentAction.objects.first()
    for number in ('12"/19', "САУ-7/19"):
        UrgentAction.objects.filter(pk=ua.pk).update(number=number)
        response = client_for(alice).get(f"/campaigns/{ua.uid}/pdf/")
        assert response.status_code == 200, number
        assert response["Content-Disposition"].startswith("attachment; filename"), response["Content-Disposition"]
        assert '"/' not in response["Content-Disposition"] and '12"' not in response["Content-Disposition"]


# Hidden or missing: the same answer ---------------------------------------------------------------------------------

def _fake_uid(uid):
    """An id of the same shape that names nothing: same prefix and length."""
    prefix, _sep, rest = uid.partition("_")
    return f"{prefix}_{'z' * len(rest)}" if rest else "z" * len(uid)


def _same_answer(first, second, value, other):
    from .leakworld import body_text
    from .test_access import _normalised

    def shape(response, written):
        headers = {k: _normalised(v, written) for k, v in response.items()
                   if k not in ("Content-Length", "Date", "Expires", "Set-Cookie", "Vary")}
        return response.status_code, headers, _normalised(body_text(response), written)
    return shape(first, value) == shape(second, other)


def _difference(first, second, value, other):
    import difflib

    from .leakworld import body_text
    from .test_access import _normalised

    one = [f"{k}: {_normalised(v, value)}" for k, v in first.items()] + _normalised(body_text(first), value).split("\n")
    two = [f"{k}: {_normalised(v, other)}" for k, v in second.items()] + _normalised(body_text(second), other).split("\n")
    changed = [line for line in difflib.unified_diff(one, two, lineterm="", n=0) if line[:1] in "+-"][2:6]
    return " | " + " | ".join(line[:200] for line in changed)


@pytest.mark.parametrize("persona", [None, "viewer-uncleared", "editor-uncleared", "admin-cleared"])
def test_every_url_answers_a_hidden_record_exactly_as_a_missing_one(persona, world, client):
    """For every URL that takes a record id (and every POST-only one, posted empty), the id of each secret of the
    crawl's world and an id of the same shape that names nothing must get the same status, headers and body (the
    id itself aside): a 403 for one and a 404 for the other, another message, another redirect or another length
    tells that the record exists."""
    from qorgau.analysis.models import SavedChart
    from qorgau.analysis.statistics import charts_for
    from qorgau.documents.models import PersonAttachment

    from .leakworld import url_patterns
    from .test_access import _sign_in_as, persona_user, urls_to_crawl

    client.force_login(persona_user("admin-cleared"))
    urls, post_only = urls_to_crawl(client, world)
    secret_uids = sorted({row.uid for row, _why in world.secrets.values() if getattr(row, "uid", "")},
                         key=len, reverse=True)
    asked = []
    for url in urls:
        uid = next((u for u in secret_uids if u in url), None)
        if uid is not None:
            asked.append(("get", url, uid, url.replace(uid, _fake_uid(uid))))
    # Numbered records: a secret attachment and a chart shown to nobody but staff, against a number nobody has.
    opened = {chart.public_id for chart in charts_for(persona_user(persona))}
    numbered = {"attachment_id": [row.public_id for row, _ in world.secrets.values()
                                  if isinstance(row, PersonAttachment)],
                "chart_id": [i for i in SavedChart.objects.values_list("public_id", flat=True) if i not in opened]}
    for _name, route, params in url_patterns():
        for param, pks in numbered.items():
            if params == [param]:
                for pk in pks:
                    url = "/" + route.replace(f"<str:{param}>", str(pk))
                    asked.append(("get", url, url, url.replace(f"/{pk}/", f"/{_fake_uid(pk)}/")))
    # POST-only routes (edits, deletions, decisions) with a secret's id: as refused as with no such record.
    for _name, route in post_only:
        for uid in secret_uids[:40]:
            url = "/" + route.replace("<str:uid>", uid).replace("<uid>", uid)
            if uid in url and "<" not in url:
                asked.append(("post", url, uid, url.replace(uid, _fake_uid(uid))))
    assert len(asked) > 100
    _sign_in_as(client, persona)
    differences = []
    for method, url, value, other_url in asked:
        other = other_url if value == url else _fake_uid(value)  # a number: the whole path is the value
        first = getattr(client, method)(url)
        second = getattr(client, method)(other_url)
        if 429 in (first.status_code, second.status_code):
            continue
        if not _same_answer(first, second, value, other):
            differences.append(f"{method.upper()} {url}: {first.status_code} vs {second.status_code}"
                               f"{_difference(first, second, value, other)}")
    if persona == "admin-cleared":  # not vacuous: to a reader who may see them, the secrets exist
        assert len(differences) > len(asked) // 3, (len(differences), len(asked))  # ids of each kind, each route
        return
    assert not differences, f"{len(differences)} of {len(asked)}:\n" + "\n".join(differences[:40])


# An act's place kept above the reader's level -----------------------------------------------------------------------

def _stable(content):
    content = re.sub(rb'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"|"X-CSRFToken": "[^"]*"|csrftoken=[^;"]*',
                     b"", content)
    return re.sub(rb'("next": "[^":]*):[^"]*"', rb'\1"', content)


@pytest.mark.parametrize("persona", [None, "carol"])
def test_an_act_place_kept_above_the_reader_is_not_filtered_counted_or_listed_by_place(persona, alice, carol,
                                                                                      client):
    """A public act whose place alone is confidential (field level), at one public place in one world and another
    public place in the other: every page that filters or counts by place must answer the same in both."""
    from django.core.cache import cache

    from qorgau.records import actions
    from qorgau.records.models import Act, Place

    here = actions.do_create_place(actor=alice, name="Placehidden Town", kind="city", sensitivity="public")
    there = Place.objects.create(uid="plc_h23there", name="Placehidden Village", kind="city", sensitivity="public")
    person = actions.do_create_person(actor=alice, name="Placehidden Person", sensitivity="public", consent="granted")
    act = actions.do_create_act(actor=alice, victim=person, act_type="detained", date="2020-01-01", place=here,
                                sensitivity="public", review="accepted", field_sensitivity={"place": "confidential"})
    urls = []
    for place in (here, there):
        urls += [f"/acts/?place={place.uid}", f"/persons/?place={place.uid}", f"/places/{place.uid}/",
                 f"/api/acts/?place={place.uid}", f"/api/persons/?place={place.uid}", f"/api/places/{place.uid}/",
                 f"/export/acts.csv?place={place.uid}", f"/export/persons.csv?place={place.uid}",
                 f"/statistics/?region={place.uid}"]
    urls += ["/acts/", "/persons/", "/places/", "/places/?q=Placehidden", "/acts/?q=Placehidden",
             f"/persons/{person.uid}/", f"/api/acts/{act.uid}/", "/api/acts/", "/statistics/"]
    if persona:
        client.force_login(carol)

    def read():
        cache.clear()
        answers = {url: client.get(url) for url in urls}
        assert all(r.status_code == 200 for r in answers.values()), {u: r.status_code for u, r in answers.items()
                                                                     if r.status_code != 200}
        return {url: _stable(r.content) for url, r in answers.items()}

    before = read()
    Act.objects.filter(pk=act.pk).update(place=there)
    after = read()
    if persona is None:  # and `qorgau export --public` names no place for it
        import json

        from qorgau.interchange.exporter import write_export

        out = io.StringIO()
        write_export(out, public=True)
        exported = [json.loads(line) for line in out.getvalue().splitlines()]
        assert [row.get("place") for row in exported if row.get("id") == act.uid] == [None]
    moved = {url: _lines_moved(before[url], after[url]) for url in urls if before[url] != after[url]}
    assert moved == {}


def _lines_moved(one, two):
    import difflib

    lines = [line for line in difflib.unified_diff(one.decode().splitlines(), two.decode().splitlines(), n=0,
                                                   lineterm="") if line[:1] in "+-"][2:6]
    return [line.strip()[:160] for line in lines]


def test_a_confidential_link_read_by_a_cleared_reader_is_in_the_reads_audit(alice):
    """A link kept confidential (an act's place) read through the reader's view is noted like a confidential field
    (session 13 review: the link was shown to a cleared reader and left out of the confidential reads)."""
    from qorgau.records import actions
    from qorgau.records.policy import Reader, Seen

    place = actions.do_create_place(actor=alice, name="Placenoted Town", kind="city", sensitivity="public")
    person = actions.do_create_person(actor=alice, name="Placenoted Person", sensitivity="public", consent="granted")
    act = actions.do_create_act(actor=alice, victim=person, act_type="detained", date="2020-01-01", place=place,
                                sensitivity="public", field_sensitivity={"place": "confidential"})
    reader = Reader(alice)
    assert Seen(act, reader).place.name == "Placenoted Town"
    assert ("Act", act.uid, "place") in reader.shown
