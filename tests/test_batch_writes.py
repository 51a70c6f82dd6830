"""Writing many records at once (extraction's proposals) writes what one action per record would: the same rows,
audit entries in an intact chain, search rows, and sealed values stay sealed."""

import pytest
from django.db import connection

from qorgau.audit.log import verify_chain, write_entries, write_entry
from qorgau.audit.models import AuditEntry
from qorgau.lib.bulk import insert_rows
from qorgau.records import actions
from qorgau.records.models import Act, ActProvision, Citation, Involvement, Person, PersonName, Provision
from qorgau.records.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_batched_entries_extend_the_chain_between_single_entries(bob):
    write_entry("create", actor=bob, record_type="Person", record_uid="per_a")
    entries = write_entries([("create", "Person", f"per_zzbatch{i}", {"name": f"B {i}"}) for i in range(30)], actor=bob)
    after = write_entry("create", actor=bob, record_type="Person", record_uid="per_c")
    ids = [e.id for e in entries]
    assert ids == sorted(ids) and len(set(ids)) == 30
    assert after.id > ids[-1], "a single entry after the batch takes a later id"
    assert list(AuditEntry.objects.filter(record_uid__startswith="per_zzbatch").values_list("record_uid", flat=True)) \
        == [f"per_zzbatch{i}" for i in range(30)]
    report = verify_chain()
    assert report.intact, report.reason


def test_an_edited_batched_entry_breaks_the_chain(bob):
    entries = write_entries([("cite", "Person", f"per_x{i}", {"start": i}) for i in range(5)], actor=bob)
    AuditEntry.objects.filter(pk=entries[2].pk).update(changes={"start": 99})
    report = verify_chain()
    assert not report.intact and report.broken_at == entries[2].pk


def test_a_batch_writes_what_one_action_per_record_writes(bob):
    from qorgau.documents.models import Document

    document = actions.do_create_document(actor=bob, title="Batch note", text="Ерлан Ибраев задержан.",
                                          sensitivity="internal")
    provision = Provision.objects.get(uid="CC-174")
    judge = Person.objects.filter(sensitivity="public").first()
    batch = actions.RecordBatch()
    victim = batch.person(name="Ерлан Ибраев", sensitivity="internal", notes="Proposed.")
    act = batch.act(act_type="detained", victim=victim, date="2021-03-05", review="suggested", status="alleged",
                    sensitivity="internal", provisions=[(provision, "charged")], perpetrators=[(judge, "ordered")])
    batch.cite(victim, document, start=0, end=11, field="mention", text="Ерлан Ибраев", method="rule:person:x",
               key="person:0:11")
    batch.cite(act, document, start=0, end=21, text="Ерлан Ибраев задержан", method="rule:act", key="act:1")
    actions.do_create_records(batch, actor=bob)

    person = Person.objects.get(uid=victim.uid)
    saved = Act.objects.get(uid=act.uid)
    assert saved.victim_person == person and saved.date == "2021-03-05"
    assert list(ActProvision.objects.filter(act=saved).values_list("provision__uid", "relation")) \
        == [("CC-174", "charged")]
    assert list(Involvement.objects.filter(act=saved).values_list("perpetrator_person", "role")) \
        == [(judge.pk, "ordered")]
    cited = {(c.record, c.key, c.review) for c in Citation.objects.filter(document=document)}
    assert cited == {(person, "person:0:11", "suggested"), (saved, "act:1", "suggested")}
    verbs = list(AuditEntry.objects.filter(record_uid__in=[victim.uid, act.uid]).values_list("record_uid", "verb"))
    assert verbs == [(victim.uid, "create"), (act.uid, "create"), (act.uid, "link"), (victim.uid, "cite"),
                     (act.uid, "cite")]
    link = AuditEntry.objects.get(record_uid=act.uid, verb="link").changes
    assert link == {"provisions": ["CC-174:charged"], "perpetrators": [f"{judge.uid}:ordered"]}
    assert SearchEntry.objects.filter(kind="person", record_id=person.pk).exists(), "found by search at once"
    assert verify_chain().intact
    assert Document.objects.get(pk=document.pk).citations.count() == 2


def test_a_batch_refuses_what_an_action_refuses(bob):
    from django.core.exceptions import ValidationError

    before = (Person.objects.count(), AuditEntry.objects.count())
    batch = actions.RecordBatch()
    victim = batch.person(name="Someone Valid", sensitivity="internal")
    batch.act(act_type="no-such-type", victim=victim, date="2021-03-05", sensitivity="internal")
    with pytest.raises(ValidationError):
        actions.do_create_records(batch, actor=bob)
    batch = actions.RecordBatch()
    batch.person(name="Someone Else", sensitivity="internal", gender="not-a-gender")
    with pytest.raises(ValidationError):
        actions.do_create_records(batch, actor=bob)
    assert (Person.objects.count(), AuditEntry.objects.count()) == before, "nothing written"


def test_fast_inserts_still_seal_confidential_values(bob):
    person = actions.do_create_person(actor=bob, name="Sealed Host", sensitivity="confidential")
    insert_rows(PersonName, [PersonName(person=person, name="Hidden Alias", kind="alias", sensitivity="confidential",
                                        script="Latn")])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name FROM {PersonName._meta.db_table} WHERE person_id = %s", [person.pk])
        stored = [row[0] for row in cursor.fetchall()]
    assert stored and "Hidden Alias" not in stored
    assert list(PersonName.objects.filter(person=person).values_list("name", flat=True)) == ["Hidden Alias"]
