"""Relatives as links between persons (both directions shown), and photos/attachments of a person stored
encrypted, served only to readers who may see the person and the attachment, never cached."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from qorgau.audit.models import AuditEntry
from qorgau.documents import storage
from qorgau.documents.models import PersonAttachment
from qorgau.records import actions
from qorgau.records.models import Person, PersonRelation

pytestmark = pytest.mark.django_db

# A valid 1x1 PNG (the one before session 12 was a byte short in its data chunk: photos are now walked block by
# block to leave their metadata out, and a damaged one is refused).
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture(autouse=True)
def files_dir(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"


def test_a_relative_is_shown_on_both_pages_the_right_way_round(client_for, bob):
    mother = actions.do_create_person(actor="test", name="Aynura Test-Mother", sensitivity="public")
    son = Person.objects.get(uid="per_ospan")
    client = client_for(bob)
    response = client.post(f"/persons/{mother.uid}/relatives/", {"relation": "parent_of", "other": son.uid})
    assert response.status_code == 302
    assert PersonRelation.objects.filter(person=mother, other=son, relation="parent_of").exists()
    assert AuditEntry.objects.filter(verb="link", record_uid=son.uid, actor_label="bob").exists()
    mother_page = client.get(f"/persons/{mother.uid}/").content.decode()
    son_page = client.get(f"/persons/{son.uid}/").content.decode()
    assert "parent of" in mother_page and son.name in mother_page
    assert "child of" in son_page and mother.name in son_page
    # by name too; an unknown name is explained and nothing is linked
    client.post(f"/persons/{mother.uid}/relatives/", {"relation": "sibling_of", "other": "Nobody Such Person"},
                follow=True)
    assert PersonRelation.objects.filter(person=mother).count() == 1
    row = PersonRelation.objects.get(person=mother)
    client.post(f"/relations/{row.public_id}/delete/", {"person": son.uid})
    assert not PersonRelation.objects.filter(pk=row.pk).exists()
    assert AuditEntry.objects.filter(verb="unlink", record_uid=mother.uid).exists()


def test_a_hidden_relative_is_not_shown_nor_linkable_nor_removable(client_for, alice, bob):
    secret = actions.do_create_person(actor=alice, name="Hidden Brother Test", sensitivity="confidential")
    person = Person.objects.get(uid="per_ospan")
    row = actions.do_add_relation(secret, actor=alice, relation="sibling_of", other=person)
    client = client_for(bob)
    assert "Hidden Brother Test" not in client.get(f"/persons/{person.uid}/").content.decode()
    assert "Hidden Brother Test" in client_for(alice).get(f"/persons/{person.uid}/").content.decode()
    assert client_for(bob).post(f"/relations/{row.public_id}/delete/").status_code == 404
    client_for(bob).post(f"/persons/{person.uid}/relatives/", {"relation": "sibling_of", "other": secret.uid})
    assert PersonRelation.objects.filter(person=person).count() == 0
    assert Client().post(f"/persons/{person.uid}/relatives/", {"relation": "sibling_of", "other": "x"}).status_code == 302


def _attach(client, person, level="internal", data=PNG, name="photo.png"):
    return client.post(f"/persons/{person.uid}/attachments/", {
        "file": SimpleUploadedFile(name, data, content_type="image/png"), "caption": "At the court",
        "sensitivity": level})


def test_a_photo_is_stored_encrypted_and_served_no_store_to_staff_only(client_for, bob, carol):
    person = Person.objects.get(uid="per_ospan")
    assert _attach(client_for(bob), person).status_code == 302
    attachment = PersonAttachment.objects.get(person=person)
    assert storage.path_for(attachment.sha256).read_bytes() != PNG  # encrypted at rest
    assert PNG[8:] not in storage.path_for(attachment.sha256).read_bytes()
    assert attachment.sensitivity == "internal" and attachment.media_type == "image/png"
    assert AuditEntry.objects.filter(verb="attach", record_uid=person.uid).exists()
    response = client_for(carol).get(f"/attachments/{attachment.public_id}/")
    assert response.status_code == 200 and response.content == PNG
    assert "no-store" in response["Cache-Control"] and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert Client().get(f"/attachments/{attachment.public_id}/").status_code == 404  # internal: not for the public
    page = client_for(carol).get(f"/persons/{person.uid}/").content.decode()
    assert f"/attachments/{attachment.public_id}/" in page and "At the court" in page


def test_a_confidential_attachment_or_person_is_not_served_to_the_uncleared(client_for, alice, bob):
    person = Person.objects.get(uid="per_ospan")
    _attach(client_for(alice), person, level="confidential")
    attachment = PersonAttachment.objects.get(person=person)
    assert client_for(bob).get(f"/attachments/{attachment.public_id}/").status_code == 404
    assert "At the court" not in client_for(bob).get(f"/persons/{person.uid}/").content.decode()
    assert client_for(alice).get(f"/attachments/{attachment.public_id}/").status_code == 200
    # an editor may not choose a level above their clearance
    _attach(client_for(bob), person, level="confidential")
    assert PersonAttachment.objects.filter(person=person).count() == 1
    # a photo of a confidential person is confidential whatever level was asked
    secret = actions.do_create_person(actor=alice, name="Secret Photo Person", sensitivity="confidential")
    _attach(client_for(alice), secret, level="public")
    photo = PersonAttachment.objects.get(person=secret)
    assert photo.sensitivity == "confidential"
    assert Client().get(f"/attachments/{photo.public_id}/").status_code == 404
    assert client_for(bob).get(f"/attachments/{photo.public_id}/").status_code == 404


def test_only_photos_and_pdf_are_accepted_and_removing_is_audited(client_for, bob):
    person = Person.objects.get(uid="per_ospan")
    client = client_for(bob)
    response = _attach(client, person, data=b"<script>alert(1)</script>", name="x.png")
    assert PersonAttachment.objects.filter(person=person).count() == 0
    assert "Only photos" in client.get(response.url).content.decode()
    _attach(client, person)
    attachment = PersonAttachment.objects.get(person=person)
    client.post(f"/attachments/{attachment.public_id}/delete/")
    assert not PersonAttachment.objects.filter(pk=attachment.pk).exists()
    assert AuditEntry.objects.filter(verb="detach", record_uid=person.uid).exists()
