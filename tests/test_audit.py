import pytest
from django.core.management import CommandError, call_command

from qorgau.audit.log import verify_chain, write_entry
from qorgau.audit.models import AuditEntry
from qorgau.records import actions
from qorgau.records.access import get_person_for

pytestmark = pytest.mark.django_db


def test_it_records_who_created_changed_and_deleted(bob):
    person = actions.do_create_person(actor=bob, name="Test Person", sensitivity="internal")
    actions.do_update_person(person, actor=bob, notes="Seen in Taraz.")
    actions.do_delete_person(person, actor=bob)
    entries = list(AuditEntry.objects.filter(record_uid=person.uid).values_list("verb", "actor_label"))
    assert entries == [("create", "bob"), ("update", "bob"), ("delete", "bob")]
    update = AuditEntry.objects.get(record_uid=person.uid, verb="update")
    assert update.changes == {"notes": ["", "Seen in Taraz."], "version": [1, 2]}


def test_it_does_not_copy_confidential_values_into_the_log(bob):
    person = actions.do_create_person(actor=bob, name="Test Person", contact="+7 701 000 0000")
    entry = AuditEntry.objects.get(record_uid=person.uid, verb="create")
    assert "+7 701" not in str(entry.changes)
    assert entry.changes["contact"] == "(confidential)"


def test_it_logs_who_opened_a_confidential_record(alice):
    before = AuditEntry.objects.filter(verb="read").count()
    get_person_for(alice, "per_anonymous_ua63_a")
    get_person_for(alice, "per_tobylova")  # public: not logged
    reads = AuditEntry.objects.filter(verb="read").order_by("-id")
    assert reads.count() == before + 1
    assert (reads[0].actor_label, reads[0].record_uid) == ("alice", "per_anonymous_ua63_a")


def test_the_chain_is_intact_after_normal_work(bob):
    actions.do_create_person(actor=bob, name="Another Person")
    report = verify_chain()
    assert report.intact and report.checked == AuditEntry.objects.count()


def test_it_finds_an_altered_entry():
    target = write_entry("update", actor="someone", record_type="Person", record_uid="per_x", changes={"a": 1})
    write_entry("update", actor="someone", record_type="Person", record_uid="per_y")
    AuditEntry.objects.filter(pk=target.pk).update(actor_label="somebody else")
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == target.pk
    assert "altered" in report.reason


def test_it_finds_a_removed_entry():
    first = write_entry("update", actor="a", record_uid="per_1")
    removed = write_entry("update", actor="a", record_uid="per_2")
    after = write_entry("update", actor="a", record_uid="per_3")
    AuditEntry.objects.filter(pk=removed.pk).delete()
    report = verify_chain()
    assert report.broken_at == after.pk
    assert str(removed.pk) in report.reason
    assert first.pk < removed.pk


def test_the_command_says_where_the_chain_breaks(capsys):
    call_command("audit", "verify")
    assert "intact" in capsys.readouterr().out
    entry = write_entry("update", actor="a", record_uid="per_1")
    write_entry("update", actor="a", record_uid="per_2")
    AuditEntry.objects.filter(pk=entry.pk).update(changes={"forged": True})
    with pytest.raises(CommandError, match=f"broken at entry {entry.pk}"):
        call_command("audit", "verify")
