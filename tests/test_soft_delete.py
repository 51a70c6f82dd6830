"""Soft delete: a deleted record leaves every page, search, export and the API; every row the delete touched has
its own audit entry and its place in a snapshot; an administrator restores it all. Deleting never touches a
record above the deleter's clearance: such a delete is refused."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from qorgau.audit.log import verify_chain
from qorgau.audit.models import AuditEntry
from qorgau.campaigns.models import UrgentAction
from qorgau.documents.models import Document
from qorgau.interchange.exporter import write_export
from qorgau.records import actions
from qorgau.records.models import Act, Citation, Deletion, Involvement, Person, PersonName, Place, Recognition

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(alice):
    """A person with an alias, an act (cited), a recognition, a home place, an Urgent Action, and a part as
    perpetrator in another person's act."""
    place = actions.do_create_place(actor=alice, name="Testkala", sensitivity="public")
    person = actions.do_create_person(actor=alice, name="Serik Deletov", sensitivity="internal", home_place=place,
                                      names=[{"name": "Серик Делетов"}])
    other = Person.objects.get(uid="per_ospan")
    act = actions.do_create_act(actor=alice, act_type="detained", victim=person, date="2020-01-02",
                                sensitivity="internal")
    perpetrated = actions.do_create_act(actor=alice, act_type="threatened", victim=other, date="2020-02-03",
                                        sensitivity="public", perpetrators=[(person, "carried_out")])
    document = Document.objects.filter(sensitivity="public").first()
    actions.do_add_citation(act, document, actor=alice, text="cited")
    recognition = actions.do_create_recognition(actor=alice, person=person, status="political_prisoner",
                                                organisation=document.publisher or other.recognitions.first().organisation
                                                if other.recognitions.exists() else
                                                actions.do_create_organisation(actor=alice, name="Watch Test",
                                                                               sensitivity="public"),
                                                sensitivity="internal")
    ua = UrgentAction.objects.filter(sensitivity="public").first()
    ua.persons.add(person)  # setup; the action under test is the delete
    return {"person": person, "act": act, "perpetrated": perpetrated, "recognition": recognition, "ua": ua,
            "place": place, "document": document}


def _export(**options):
    stream = io.StringIO()
    write_export(stream, **options)
    return stream.getvalue()


def test_a_deleted_person_is_gone_everywhere_and_comes_back_whole(case, alice, bob, client_for):
    person, act = case["person"], case["act"]
    names_before = set(person.names.values_list("name", flat=True))
    client = client_for(bob)
    assert client.post(f"/persons/{person.uid}/delete/").status_code == 302

    assert not Person.objects.filter(pk=person.pk).exists()  # the default manager leaves it out
    assert Person._base_manager.get(pk=person.pk).deleted_at is not None  # nothing is destroyed
    assert Act._base_manager.get(pk=act.pk).deleted_at is not None  # its act went with it
    assert Recognition._base_manager.get(pk=case["recognition"].pk).deleted_at is not None
    assert not Involvement.objects.filter(act=case["perpetrated"]).exists()  # no link to a deleted record
    assert person not in case["ua"].persons.all()
    for url in (f"/persons/{person.uid}/", f"/api/persons/{person.uid}/"):
        assert client.get(url).status_code == 404, url
    for url in ("/persons/?q=Deletov", "/persons/?q=Делетов", "/api/persons/?q=Deletov",
                f"/persons/{case['perpetrated'].victim_person.uid}/", f"/campaigns/{case['ua'].uid}/"):
        assert person.uid not in client.get(url).content.decode(), url
    assert person.uid not in _export() and act.uid not in _export()

    # Each record and each row the delete touched has its own audit entry, naming the deletion.
    deletion = Deletion.objects.get(record_uid=person.uid)
    for row in deletion.rows:
        assert AuditEntry.objects.filter(changes__deletion=deletion.uid, changes__row=row["pk"]).exists() \
            or AuditEntry.objects.filter(changes__deletion=deletion.uid, record_uid=row.get("uid", "-")).exists() \
            or row["op"] == "null", row
    assert AuditEntry.objects.filter(verb="delete", record_uid=act.uid, changes__with=person.uid).exists()
    assert "+7" not in json.dumps([e.changes for e in AuditEntry.objects.filter(changes__deletion=deletion.uid)])
    # No citation points at nothing: the act's citation stays with the (deleted) act, for restore.
    for citation in Citation.objects.all():
        assert citation.content_type.model_class()._base_manager.filter(pk=citation.object_id).exists()

    out = io.StringIO()
    call_command("restore-record", person.uid, stdout=out)
    assert "Restored" in out.getvalue()
    person = Person.objects.get(pk=person.pk)
    assert set(person.names.values_list("name", flat=True)) == names_before
    assert person.home_place == case["place"]
    assert Act.objects.filter(pk=act.pk).exists() and Recognition.objects.filter(pk=case["recognition"].pk).exists()
    assert list(Involvement.objects.filter(act=case["perpetrated"]).values_list("perpetrator_person", flat=True)) \
        == [person.pk]
    assert person in case["ua"].persons.all()
    assert person.uid in client.get("/persons/?q=Делетов").content.decode()  # indexed again
    assert AuditEntry.objects.filter(verb="restore", record_uid=act.uid).exists()
    assert verify_chain().intact
    with pytest.raises(CommandError, match="No deleted record"):
        call_command("restore-record", person.uid)


def test_deleting_a_place_clears_it_on_records_and_restore_sets_it_back(case, alice):
    place, person = case["place"], case["person"]
    actions.do_delete_record(place, actor=alice)
    person.refresh_from_db()
    assert person.home_place is None
    assert AuditEntry.objects.filter(record_uid=person.uid, verb="update", changes__home_place=[place.uid, None]).exists()
    actions.do_restore_record(place.uid, actor=alice)
    person.refresh_from_db()
    assert person.home_place == place


def test_a_delete_that_would_touch_what_the_deleter_may_not_see_is_refused(case, alice, bob, client_for):
    person = case["person"]
    secret = actions.do_create_act(actor=alice, act_type="searched", victim=person, date="2021",
                                   sensitivity="confidential")
    before = AuditEntry.objects.count()
    client = client_for(bob)
    response = client.post(f"/persons/{person.uid}/delete/")
    assert response.status_code == 302 and response.url == f"/persons/{person.uid}/"
    assert "above your clearance" in client.get(response.url).content.decode()
    assert Person.objects.filter(pk=person.pk).exists() and Act.objects.filter(pk=secret.pk).exists()
    assert AuditEntry.objects.count() == before and not Deletion.objects.filter(record_uid=person.uid).exists()
    actions.do_delete_person(person, actor=alice)  # a cleared editor may
    assert Act._base_manager.get(pk=secret.pk).deleted_at is not None


def test_a_deleted_document_takes_its_citations_and_gives_them_back(alice):
    document = actions.do_create_document(actor=alice, title="Deletable report", sensitivity="internal")
    person = Person.objects.get(uid="per_ospan")
    actions.do_add_citation(person, document, actor=alice, text="mention")
    actions.do_delete_record(document, actor=alice)
    assert not Citation.objects.filter(document_id=document.pk).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
    actions.do_restore_record(document.uid, actor=alice)
    assert Citation.objects.filter(document_id=document.pk, object_id=person.pk).count() == 1


def test_only_an_administrator_restores_from_the_page(case, alice, bob, client_for):
    person = case["person"]
    actions.do_delete_person(person, actor=alice)
    assert client_for(bob).get("/deleted/").status_code == 403
    assert client_for(bob).post(f"/deleted/{person.uid}/restore/").status_code == 403
    page = client_for(alice).get("/deleted/").content.decode()
    assert person.uid in page and "Serik Deletov" in page
    assert client_for(alice).post(f"/deleted/{person.uid}/restore/").status_code == 302
    assert Person.objects.filter(pk=person.pk).exists()
    # A cascaded record is restored with the record it went with.
    actions.do_delete_person(person, actor=alice)
    with pytest.raises(Exception, match=f"restore {person.uid}"):
        actions.do_restore_record(case["act"].uid, actor=alice)


def test_an_uncleared_administrator_sees_no_confidential_name_in_the_list(alice, client_for):
    from qorgau.accounts.models import Role, User

    secret = actions.do_create_person(actor=alice, name="Hidden Informant", sensitivity="confidential")
    actions.do_delete_person(secret, actor=alice)
    admin = User.objects.create(username="frank", role=Role.ADMIN, cleared_confidential=False)
    page = client_for(admin).get("/deleted/").content.decode()
    assert secret.uid in page and "Hidden Informant" not in page
