"""The act form records who did it, where, and on what source; a reviewer's corrections do the same; extraction's
accepted place attaches to its act. Choices and links follow the read policy."""

import pytest

from qorgau.audit.models import AuditEntry
from qorgau.documents.models import Document
from qorgau.records import actions
from qorgau.records.models import Act, Citation, Organisation, Person, Place

pytestmark = pytest.mark.django_db


def _post(client, url, **fields):
    data = {"act_type": "detained", "date": "2021-05-04", "status": "alleged", "sensitivity": "internal"}
    data.update(fields)
    return client.post(url, data)


def test_an_act_is_recorded_with_its_perpetrator_place_and_source(client_for, bob):
    police = Organisation.objects.filter(sensitivity="public").first()
    document = Document.objects.visible_to(bob).first()
    place = Place.objects.filter(sensitivity="public").first()
    response = _post(client_for(bob), "/acts/new/?victim=per_ospan", perpetrators=f"{police.name}:ordered",
                     place=place.uid, source=document.uid, source_page="3", source_passage="She was detained.")
    assert response.status_code == 302, response.content.decode()[:2000]
    act = Act.objects.get(victim_person__uid="per_ospan", date="2021-05-04")
    assert [(i.perpetrator, i.role) for i in act.involvements.all()] == [(police, "ordered")]
    assert act.place == place
    citation = Citation.objects.get(object_id=act.pk, content_type__model="act", document=document)
    assert (citation.page, citation.text, citation.review) == (3, "She was detained.", "accepted")
    assert AuditEntry.objects.filter(record_uid=act.uid, verb="cite", actor_label="bob").exists()
    page = client_for(bob).get("/persons/per_ospan/").content.decode()
    assert police.name in page


def test_a_person_perpetrator_by_id_and_a_bad_role_or_name_are_explained(client_for, bob):
    client = client_for(bob)
    officer = actions.do_create_person(actor="test", name="Officer Test Kenzhe", sensitivity="internal")
    response = _post(client, "/acts/new/?victim=per_ospan", perpetrators=f"{officer.uid}:tortured")
    assert "is not one of" in response.content.decode()
    response = _post(client, "/acts/new/?victim=per_ospan", perpetrators="Nobody Such Name")
    assert "There is no person or organisation" in response.content.decode()
    assert not Act.objects.filter(victim_person__uid="per_ospan", date="2021-05-04").exists()
    _post(client, "/acts/new/?victim=per_ospan", perpetrators=officer.uid)
    act = Act.objects.get(victim_person__uid="per_ospan", date="2021-05-04")
    assert [(i.perpetrator, i.role) for i in act.involvements.all()] == [(officer, "carried_out")]


def test_a_page_or_passage_needs_its_document(client_for, bob):
    response = _post(client_for(bob), "/acts/new/?victim=per_ospan", source_page="2")
    assert "Choose the document" in response.content.decode()
    assert not Act.objects.filter(victim_person__uid="per_ospan", date="2021-05-04").exists()


def test_hidden_perpetrators_and_documents_are_not_offered_and_survive_a_save(client_for, alice, bob):
    secret = actions.do_create_person(actor=alice, name="Secret Interrogator", sensitivity="confidential")
    secret_doc = actions.do_create_document(actor=alice, title="Closed witness statement", sensitivity="confidential")
    victim = Person.objects.get(uid="per_ospan")
    act = actions.do_create_act(actor=alice, act_type="threatened", victim=victim, date="2020",
                                sensitivity="internal", perpetrators=[(secret, "carried_out")])
    client = client_for(bob)
    form = client.get(f"/acts/{act.uid}/edit/").content.decode()
    assert "Secret Interrogator" not in form and secret.uid not in form
    assert "Closed witness statement" not in form and secret_doc.uid not in form
    # The hidden person is as unknown as one that does not exist, by name and by id.
    for reference in ("Secret Interrogator", secret.uid):
        response = _post(client, "/acts/new/?victim=per_ospan", perpetrators=reference)
        assert "There is no person or organisation" in response.content.decode()
    # A posted hidden document is refused as not a choice.
    response = _post(client, "/acts/new/?victim=per_ospan", source=secret_doc.uid)
    assert response.status_code == 200 and not Act.objects.filter(date="2021-05-04", victim_person=victim).exists()
    police = Organisation.objects.filter(sensitivity="public").first()
    version = actions.edit_token(Act.objects.get(pk=act.pk), bob)
    response = client.post(f"/acts/{act.uid}/edit/", {
        "act_type": "threatened", "date": "2020", "status": "alleged", "sensitivity": "internal",
        "perpetrators": police.uid, "record_version": version})
    assert response.status_code == 302
    assert {i.perpetrator for i in act.involvements.all()} == {secret, police}


def test_a_source_of_another_level_is_refused_by_the_action(alice, bob):
    secret_doc = actions.do_create_document(actor=alice, title="Closed report", sensitivity="confidential")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.do_create_act(actor=bob, act_type="detained", victim=Person.objects.get(uid="per_ospan"),
                              sources=[(secret_doc, {"page": 1})])


CASE = ("Monitoring note\n\nOn 12 May 2024, police in Shymkent detained blogger Aigerim Nurlanova at her home.\n\n"
        "Nothing else happened.\n").encode()


@pytest.fixture
def case(settings, tmp_path):
    from qorgau.documents.pipeline import ingest

    settings.FILES_DIR = tmp_path / "files"
    return ingest("case.txt", CASE, actor="test").document


def _proposal(document, model):
    return Citation.objects.get(document=document, content_type__model=model, review="suggested")


def test_an_accepted_place_attaches_to_the_act_of_its_paragraph(case, client_for, alice):
    act_citation = _proposal(case, "act")
    place_citation = _proposal(case, "place")
    act = act_citation.record
    assert act.place is None
    client = client_for(alice)
    client.post(f"/documents/{case.uid}/review/{place_citation.public_id}/", {"decision": "accepted"})
    act.refresh_from_db()
    assert act.place == place_citation.record and act.place.name == "Shymkent"


def test_an_accepted_act_takes_the_accepted_place_near_it(case, client_for, alice):
    act_citation, place_citation = _proposal(case, "act"), _proposal(case, "place")
    act = act_citation.record
    actions.do_decide_proposal(place_citation, actor=alice, decision="rejected")
    actions.do_decide_proposal(act_citation, actor=alice, decision="accepted")
    act.refresh_from_db()
    assert act.place is None  # a rejected place is not attached
    place_citation.review = "accepted"
    place_citation.save()
    actions.update_record(act, actor=alice, review="suggested")
    act_citation.review = "suggested"
    act_citation.save()
    actions.do_decide_proposal(act_citation, actor=alice, decision="accepted")
    act.refresh_from_db()
    assert act.place == place_citation.record


def test_a_correction_from_the_review_page_sets_perpetrator_and_source_and_goes_back(case, client_for, alice):
    act = _proposal(case, "act").record
    client = client_for(alice)
    review = client.get(f"/documents/{case.uid}/review/").content.decode()
    edit_url = f"/acts/{act.uid}/edit/?next=/documents/{case.uid}/review/"
    assert edit_url in review.replace("&amp;", "&")
    police = Organisation.objects.filter(sensitivity="public").first()
    response = client.post(edit_url, {
        "act_type": "detained", "date": "2024-05-12", "status": "alleged", "sensitivity": act.sensitivity,
        "perpetrators": f"{police.uid}:carried_out", "source": case.uid, "source_page": "1",
        "source_passage": "police in Shymkent detained", "record_version": actions.edit_token(act, alice),
        "next": f"/documents/{case.uid}/review/"})
    assert response.status_code == 302 and response.url == f"/documents/{case.uid}/review/"
    assert [i.perpetrator for i in act.involvements.all()] == [police]
    assert Citation.objects.filter(object_id=act.pk, content_type__model="act", document=case,
                                   review="accepted", text="police in Shymkent detained").exists()
