"""Session 14 audit (outside): what an outside reader could still take away (docs/security.md, "Session 14 audit
(outside)").

- An upload of a file a deleted confidential document had held told an uncleared editor so ("This file belongs to a
  deleted document"): the file had been in the archive, at a level the uploader may not read.
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
