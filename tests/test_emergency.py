"""Emergency: panic ends sessions and locks the data; only the master key unlocks it."""

import pytest

from .conftest import run_cli

READ = "from qorgau.records.models import Person; print([p.contact for p in Person.objects.exclude(contact='')])"


@pytest.fixture
def outside_key_install(tmp_path):
    """A data directory whose master key lives on another volume, with a signed-in session and a contact."""
    data_dir = tmp_path / "data"
    key = tmp_path / "usb" / "master.key"
    key.parent.mkdir()
    key.write_text(run_cli(data_dir, "keys", "generate").stdout)
    env = {"QORGAU_MASTER_KEY_FILE": str(key)}
    assert run_cli(data_dir, "init", env=env).returncode == 0
    script = ("from qorgau.records import actions\n"
              "actions.do_create_person(actor='cli', name='Kept', contact='+7 700 111 2233')\n"
              "from django.contrib.sessions.backends.db import SessionStore\n"
              "s = SessionStore(); s['x'] = 1; s.create()\n")
    assert run_cli(data_dir, "shell", "-c", script, env=env).returncode == 0
    return data_dir, key, env


def test_panic_ends_sessions_locks_and_the_master_key_unlocks(outside_key_install):
    data_dir, key, env = outside_key_install
    assert not (data_dir / "keys" / "master.key").exists()
    result = run_cli(data_dir, "panic", "--yes", env=env)
    assert result.returncode == 0, result.stderr
    assert "ended 1 sessions" in result.stdout
    sessions = run_cli(data_dir, "shell", "-c", "from django.contrib.sessions.models import Session; "
                                                "print(Session.objects.count())", env=env)
    assert sessions.stdout.strip().splitlines()[-1] == "0"
    locked = run_cli(data_dir, "shell", "-c", READ, env=env)
    assert locked.returncode != 0 and "locked" in locked.stderr
    # Nothing in the data directory opens the keyring: a wrong key is refused, the lock stays.
    wrong = run_cli(data_dir, "keys", "generate").stdout.strip()
    refused = run_cli(data_dir, "unlock", env={"QORGAU_MASTER_KEY": wrong})
    assert refused.returncode != 0 and "does not open" in refused.stderr
    assert (data_dir / "keys" / "LOCKED").exists()
    unlocked = run_cli(data_dir, "unlock", env=env)
    assert unlocked.returncode == 0 and "Unlocked" in unlocked.stdout
    assert "+7 700 111 2233" in run_cli(data_dir, "shell", "-c", READ, env=env).stdout
    log = run_cli(data_dir, "shell", "-c", "from qorgau.audit.models import AuditEntry; "
                                           "print(list(AuditEntry.objects.filter(verb__in=['panic', 'unlock'])"
                                           ".values_list('verb', flat=True)))", env=env)
    assert "['panic', 'unlock']" in log.stdout
    assert run_cli(data_dir, "audit", "verify", env=env).returncode == 0


def test_panic_with_the_key_only_in_the_data_directory_warns_or_destroys_it(tmp_path):
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "init").returncode == 0
    result = run_cli(data_dir, "panic", "--yes")
    assert "whoever takes the disk can read the data" in result.stderr
    assert (data_dir / "keys" / "master.key").exists()
    copy = (data_dir / "keys" / "master.key").read_text()
    result = run_cli(data_dir, "panic", "--yes", "--destroy-local-key")
    assert not (data_dir / "keys" / "master.key").exists()
    assert run_cli(data_dir, "unlock").returncode != 0
    assert run_cli(data_dir, "unlock", env={"QORGAU_MASTER_KEY": copy.strip()}).returncode == 0


def test_the_admin_page_asks_for_confirmation_and_refuses_others(client_for, alice, bob, settings, tmp_path):
    from qorgau.keys import keyring

    assert client_for(bob).get("/admin/panic/").status_code == 403
    client = client_for(alice)
    assert client.get("/admin/panic/").status_code == 200
    assert client.post("/admin/panic/", {"confirm": "no"}).status_code == 200
    assert not keyring.is_locked()
    # A separate keys directory, so the test database's own keys are never locked.
    settings.QORGAU_KEYS_DIR = tmp_path / "keys"
    try:
        response = client.post("/admin/panic/", {"confirm": "PANIC"})
        assert response.status_code == 200 and keyring.is_locked()
        assert client_for(None).get("/").status_code == 503
        assert client.get("/dashboard/").status_code == 503
    finally:
        keyring.locked_path().unlink(missing_ok=True)
        keyring.forget()
