"""Session 16 audit (outside): what an uploader, a reviewer or a stale form could still take away or undo
(docs/security.md, "Session 16 audit (outside)").

- Ingest's gazetteer tied a public document to every place and organisation whose name the text holds, whatever the
  record's level (persons were already looked up only at the document's level). An uncleared reviewer could not see
  the proposal about a confidential safe house, but it kept the document waiting: after "accept remaining" the
  document stayed in the review queue, which told the reviewer that a record they may not read bears a name the text
  holds.
Probed and kept as tests: see each test's docstring.
"""

import io

import pytest

from qorgau.accounts.models import Role, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def rita(db):
    """A reviewer without clearance: uploads documents and reviews them, reads internal records only."""
    return User.objects.create(username="rita", role=Role.REVIEWER, cleared_confidential=False)


def _upload(client, name, text, level="public", language="en"):
    from qorgau.documents.models import Document

    upload = io.BytesIO(text.encode())
    upload.name = name
    response = client.post("/documents/upload/", {"file": upload, "language": language, "sensitivity": level})
    assert response.status_code == 302, response.content[:500]
    document = Document._base_manager.order_by("-pk").first()
    assert document.processing == "done", document.error
    return document


@pytest.fixture
def uploads(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"
    settings.QORGAU_INGEST_IN_BACKGROUND = False


# 1. The gazetteer reads only what the document's level covers --------------------------------------------------

SHELTER_TEXT = ("On 3 May 2024 police in Almaty detained the activist Daniyar Seitkali outside the Kyzyl Zhol "
                "Shelter, where he had spent the night.")


def _hidden_record(kind):
    """A record above the document's level whose name (or one of its names) the text holds."""
    from qorgau.records.models import Organisation, OrganisationName, Place, PlaceName

    if kind == "organisation":
        return Organisation.objects.create(name="Kyzyl Zhol Shelter", kind="other", sensitivity="confidential")
    if kind == "place":
        return Place.objects.create(name="Kyzyl Zhol Shelter", kind="site", sensitivity="confidential")
    if kind == "organisation-name":  # a public name row of a confidential organisation
        record = Organisation.objects.create(name="Safe house 7", kind="other", sensitivity="confidential")
        OrganisationName.objects.create(organisation=record, name="Kyzyl Zhol Shelter", sensitivity="public")
        return record
    record = Place.objects.create(name="Safe house 7", kind="site", sensitivity="confidential")
    PlaceName.objects.create(place=record, name="Kyzyl Zhol Shelter", sensitivity="public")
    return record


@pytest.mark.parametrize("kind", ["organisation", "place", "organisation-name", "place-name"])
def test_a_record_above_the_documents_level_is_never_proposed_and_keeps_nothing_waiting(
        kind, rita, client_for, uploads):
    """rita, a reviewer without clearance, uploads a public report naming a shelter and accepts every proposal she
    is shown. Before: the gazetteer had cited the confidential shelter of that name (a proposal hidden from her), so
    the document stayed "awaiting review" and in the queue -- the answer differed from the world without the
    shelter. Now a public document is tied to no record above its level, and the two worlds answer alike."""
    from qorgau.records.models import Citation

    hidden = _hidden_record(kind)
    client = client_for(rita)
    document = _upload(client, "shelter.txt", SHELTER_TEXT)
    response = client.post(f"/documents/{document.uid}/review/accept-remaining/")
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.review_state == "reviewed"
    assert document.title not in client.get("/documents/queue/").content.decode()
    assert not Citation.objects.filter(document=document, object_id=hidden.pk,
                                       content_type__model=type(hidden).__name__.lower()).exists()


def test_a_confidential_document_still_finds_the_confidential_shelter(alice, client_for, uploads):
    """Not vacuous: a document of the record's own level is tied to it, as before."""
    from qorgau.records.models import Citation

    hidden = _hidden_record("organisation")
    document = _upload(client_for(alice), "shelter.txt", SHELTER_TEXT, level="confidential")
    assert Citation.objects.filter(document=document, object_id=hidden.pk, content_type__model="organisation").exists()
