"""The audit chain against someone who can write to the database but holds no key.

Each test tampers the way an insider with a copy of the database (or an SQL prompt)
would, and checks that `audit verify` fails and names the place."""

import hashlib
import json

import pytest
from django.core.management import CommandError, call_command

from qorgau.audit import log
from qorgau.audit.log import verify_chain, write_checkpoint, write_entry
from qorgau.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(alice, bob):
    entries = [write_entry("update", actor=bob if i % 2 else alice, record_type="Person", record_uid=f"per_t{i}",
                           changes={"notes": ["", f"note {i}"]}) for i in range(6)]
    write_checkpoint()
    assert verify_chain().intact
    return entries


def test_an_intact_chain_with_its_checkpoints_verifies(chain, capsys):
    call_command("audit", "verify")
    out = capsys.readouterr().out
    assert "intact" in out and "checkpoints" in out


def test_changing_only_the_actor_id_is_found(chain, alice, bob):
    target = chain[1]
    assert target.actor_id == bob.pk
    AuditEntry.objects.filter(pk=target.pk).update(actor_id=alice.pk)
    report = verify_chain()
    assert (report.intact, report.broken_at) == (False, target.pk)
    assert "altered" in report.reason


def test_an_edit_of_the_changes_is_found(chain):
    AuditEntry.objects.filter(pk=chain[3].pk).update(changes={"notes": ["", "something else"]})
    assert verify_chain().broken_at == chain[3].pk


def test_a_deleted_entry_is_found_at_the_next_one(chain):
    AuditEntry.objects.filter(pk=chain[2].pk).delete()
    report = verify_chain()
    assert report.broken_at == chain[3].pk
    assert str(chain[2].pk) in report.reason


def test_deleting_every_entry_is_found():
    write_entry("update", actor="a", record_uid="per_1")
    write_checkpoint()
    AuditEntry.objects.all().delete()
    report = verify_chain()
    assert not report.intact
    assert "removed (all entries)" in report.reason


def test_cutting_off_the_last_entries_is_found(chain):
    AuditEntry.objects.filter(pk__in=[chain[-1].pk, chain[-2].pk]).delete()
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == chain[-1].pk
    assert f"after entry {chain[-3].pk}" in report.reason


def test_reordering_two_entries_is_found(chain):
    first, second = (AuditEntry.objects.get(pk=e.pk) for e in (chain[1], chain[2]))
    columns = ["at", "actor_id", "actor_label", "verb", "record_type", "record_uid", "changes", "prev_hash", "hash"]
    AuditEntry.objects.filter(pk=first.pk).update(**{c: getattr(second, c) for c in columns})
    AuditEntry.objects.filter(pk=second.pk).update(**{c: getattr(first, c) for c in columns})
    assert verify_chain().broken_at == first.pk


def _recompute_from(start_id, hasher):
    previous = AuditEntry.objects.filter(id__lt=start_id).order_by("-id").first()
    previous_hash = previous.hash if previous else log.GENESIS
    for entry in AuditEntry.objects.filter(id__gte=start_id).order_by("id"):
        entry.prev_hash = previous_hash
        entry.hash = hasher(entry)
        AuditEntry.objects.filter(pk=entry.pk).update(prev_hash=entry.prev_hash, hash=entry.hash)
        previous_hash = entry.hash


@pytest.mark.parametrize("hasher", [
    lambda entry: hashlib.sha256(entry.encoded()).hexdigest(),  # the old unkeyed scheme
    lambda entry: entry.compute_hash(b"a key guessed by the forger"),
], ids=["unkeyed", "wrong-key"])
def test_a_recomputed_chain_with_a_forged_entry_is_found(chain, hasher):
    forged = chain[2]
    AuditEntry.objects.filter(pk=forged.pk).update(actor_label="someone else", changes={})
    _recompute_from(forged.pk, hasher)
    report = verify_chain()
    assert (report.intact, report.broken_at) == (False, forged.pk)


def test_a_forged_checkpoint_line_is_reported(chain):
    path = log.checkpoints_path()
    lines = path.read_text().splitlines()
    line = json.loads(lines[-1])
    line["count"] -= 2
    path.write_text("\n".join(lines + [json.dumps(line)]) + "\n")
    report = verify_chain()
    assert not report.intact
    assert "not written with the audit key" in report.reason


def test_an_offline_copy_of_the_checkpoints_catches_a_cut_when_the_file_is_gone(chain, tmp_path, capsys):
    call_command("audit", "checkpoint")
    copy = tmp_path / "offline.txt"
    copy.write_text(capsys.readouterr().out)
    log.checkpoints_path().unlink()
    AuditEntry.objects.filter(pk=chain[-1].pk).delete()
    with pytest.raises(CommandError, match="removed"):
        call_command("audit", "verify", "--checkpoints", str(copy))


def test_the_command_says_where(chain):
    AuditEntry.objects.filter(pk=chain[4].pk).update(actor_label="nobody")
    with pytest.raises(CommandError, match=f"broken at entry {chain[4].pk}"):
        call_command("audit", "verify")


def test_a_chain_written_before_the_key_is_rekeyed_once_and_only_when_intact(chain, settings, tmp_path):
    settings.QORGAU_AUDIT_CHECKPOINTS = tmp_path / "checkpoints.log"
    _recompute_from(AuditEntry.objects.order_by("id").first().id, lambda entry: entry.compute_legacy_hash())
    assert not verify_chain().intact
    assert log.rekey_legacy_chain() == AuditEntry.objects.count()
    assert verify_chain().intact
    # Once checkpoints exist, a chain recomputed without the key is never blessed again.
    _recompute_from(chain[3].pk, lambda entry: entry.compute_legacy_hash())
    assert log.rekey_legacy_chain() == 0
    assert verify_chain().broken_at == chain[3].pk


def test_every_committed_transaction_leaves_a_checkpoint_so_a_cut_tail_is_found(tmp_path):
    from .conftest import run_cli

    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "init").returncode == 0
    write = ("from qorgau.records import actions\n"
             "for name in ('One', 'Two', 'Three'):\n"
             "    actions.do_create_person(actor='cli', name=name)\n")
    assert run_cli(data_dir, "shell", "-c", write).returncode == 0
    assert len((data_dir / "audit" / "checkpoints.log").read_text().splitlines()) == 3
    assert run_cli(data_dir, "audit", "verify").returncode == 0
    cut = "from qorgau.audit.models import AuditEntry\nAuditEntry.objects.order_by('-id').first().delete()\n"
    assert run_cli(data_dir, "shell", "-c", cut).returncode == 0
    result = run_cli(data_dir, "audit", "verify")
    assert result.returncode != 0 and "entries were removed" in result.stderr
