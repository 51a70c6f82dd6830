import pytest

from qorgau.audit.models import AuditEntry
from qorgau.records.models import Act, Person

pytestmark = pytest.mark.django_db


def test_it_creates_a_person_from_the_form_and_audits_it(client_for, bob):
    response = client_for(bob).post("/persons/new/", {"name": "Yerlan Test", "consent": "unknown",
                                                      "sensitivity": "internal", "roles": ["journalist"]})
    person = Person.objects.get(name="Yerlan Test")
    assert response.status_code == 302 and response.url == f"/persons/{person.uid}/"
    assert person.roles == ["journalist"]
    assert AuditEntry.objects.filter(record_uid=person.uid, verb="create", actor_label="bob").exists()


def test_it_explains_a_bad_date_and_saves_nothing(client_for, bob):
    before = Act.objects.count()
    response = client_for(bob).post("/acts/new/?victim=per_bokaev", {
        "act_type": "detained", "date": "2018-13-02", "status": "alleged", "sensitivity": "public"})
    assert response.status_code == 200
    assert "has no month 13" in response.content.decode()
    assert Act.objects.count() == before


def test_it_names_an_unknown_provision(client_for, bob):
    response = client_for(bob).post("/acts/new/?victim=per_bokaev", {
        "act_type": "charged", "date": "2018-03", "provisions": "CC-9999", "status": "alleged",
        "sensitivity": "public"})
    assert "There is no provision CC-9999" in response.content.decode()


def test_it_records_an_act_with_provisions_and_penalty(client_for, bob):
    client_for(bob).post("/acts/new/", {
        "victim": "per_ospan", "act_type": "sentenced", "date": "2019-02-01", "provisions": "CC-174:convicted, CC-274",
        "penalty_kind": "fine", "penalty_amount": "250", "penalty_unit": "MCI", "status": "confirmed",
        "sensitivity": "public"})
    act = Act.objects.get(victim_person__uid="per_ospan", act_type="sentenced")
    assert [(ap.provision.uid, ap.relation) for ap in act.act_provisions.all()] == [
        ("CC-174", "convicted"), ("CC-274", "charged")]
    assert act.penalty_text() == "fine: 250 MCI"


def test_a_refused_consent_cannot_be_public(client_for, bob):
    response = client_for(bob).post("/persons/new/", {"name": "Refuser", "consent": "refused", "sensitivity": "public"})
    assert "refused publication" in response.content.decode()
    assert not Person.objects.filter(name="Refuser").exists()


def test_it_adds_a_spelling(client_for, bob):
    client_for(bob).post("/persons/per_musauly/names/", {"name": "Älibek Musaūly", "lang": "kk", "kind": "alias",
                                                          "sensitivity": "public"})
    assert Person.objects.get(uid="per_musauly").names.filter(name="Älibek Musaūly").exists()


@pytest.mark.parametrize("url", ["/persons/new/", "/organisations/new/", "/events/new/", "/provisions/new/",
                                 "/documents/new/", "/acts/new/?victim=per_bokaev", "/persons/per_bokaev/edit/",
                                 "/organisations/org_dck/edit/", "/events/evt_dck_ban/edit/",
                                 "/provisions/CC-174/edit/"])
def test_it_validates_roles(url, client_for, carol):
    assert client_for(None).get(url).status_code == 302  # to sign in
    assert client_for(carol).get(url).status_code == 403  # a viewer changes nothing
    assert client_for(carol).post(url, {"name": "x", "title": "x"}).status_code == 403


def test_an_editor_can_open_every_form(client_for, bob):
    for url in ["/persons/new/", "/organisations/new/", "/events/new/", "/provisions/new/", "/documents/new/",
                "/acts/new/?victim=org_dck", "/persons/per_bokaev/edit/", "/documents/doc_ai_ua_63_18/edit/",
                f"/acts/{Act.objects.filter(victim_person__uid='per_bokaev').first().uid}/edit/"]:
        assert client_for(bob).get(url).status_code == 200, url


def test_deleting_a_person_is_a_post_and_audited(client_for, bob):
    assert client_for(bob).get("/persons/per_ospan/delete/").status_code == 405
    client_for(bob).post("/persons/per_ospan/delete/")
    assert not Person.objects.filter(uid="per_ospan").exists()
    assert AuditEntry.objects.filter(record_uid="per_ospan", verb="delete").exists()


def test_sign_in_and_out(client):
    response = client.post("/login/", {"username": "carol", "password": "password-for-carol"})
    assert response.status_code == 302 and response.url == "/dashboard/"
    assert AuditEntry.objects.filter(verb="login", actor_label="carol").exists()
    client.logout()
    bad = client.post("/login/", {"username": "carol", "password": "wrong"})
    assert "do not match" in bad.content.decode()


def test_it_edits_a_provision_title_but_not_its_identifier(client_for, bob):
    from qorgau.records.actions import edit_token
    from qorgau.records.models import Provision

    version = edit_token(Provision.objects.get(uid="CC-274"), bob)
    client_for(bob).post("/provisions/CC-274/edit/", {"code": "AOC", "article": "1", "title_en": "Spreading false information",
                                                       "title_ru": "Распространение ложной информации", "title_kk": "",
                                                       "record_version": version})
    provision = Provision.objects.get(uid="CC-274")
    assert (provision.code, provision.article, provision.title_en) == ("CC", "274", "Spreading false information")
