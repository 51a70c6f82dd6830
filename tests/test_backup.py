"""Backups: one encrypted archive of everything; restore gives the same data and an intact audit chain."""

import json
import os
import stat

import pytest

from .conftest import run_cli

SECRET_CONTACT = "+7 777 123 4567 (via sister)"


def _without_time(export):
    header, *records = export.read_text().splitlines()
    header = json.loads(header)
    header.pop("exported_at")
    return header, records


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory):
    """The demo, an account, a confidential contact and a stored original, backed up."""
    root = tmp_path_factory.mktemp("backup")
    env = {}
    if os.environ.get("DATABASE_URL"):
        pytest.skip("run_cli uses SQLite; the PostgreSQL pass is tests/test_backup_postgres.py")
    source = root / "source"
    assert run_cli(source, "demo", "--no-serve").returncode == 0
    note = root / "note.txt"
    note.write_text("Ержан Амирханов был задержан 21 марта 2018 года в Алматы.", encoding="utf-8")
    assert run_cli(source, "ingest", str(note)).returncode == 0
    script = ("from qorgau.records import actions\n"
              f"actions.do_create_person(actor='cli', name='Backup Person', contact={SECRET_CONTACT!r})\n")
    assert run_cli(source, "shell", "-c", script).returncode == 0
    passphrase = root / "pass.txt"
    passphrase.write_text("correct horse battery staple\n")
    archive = root / "qorgau.backup"
    result = run_cli(source, "backup", "-o", str(archive), "--passphrase-file", str(passphrase), env=env)
    assert result.returncode == 0, result.stderr
    export = root / "before.jsonl"
    assert run_cli(source, "export", "-o", str(export)).returncode == 0
    return root, source, archive, passphrase, export


def test_the_archive_is_private_and_shows_no_name_or_text(backed_up):
    root, source, archive, _, _ = backed_up
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    raw = archive.read_bytes()
    for visible in ("Tobylova", "Тобылова", "Амирханов", SECRET_CONTACT, "admin", "per_tobylova", "audit"):
        assert visible.encode() not in raw, visible


def test_restore_gives_the_same_export_accounts_files_and_an_intact_chain(backed_up):
    root, source, archive, passphrase, export = backed_up
    target = root / "restored"
    result = run_cli(target, "restore", str(archive), "--passphrase-file", str(passphrase))
    assert result.returncode == 0, result.stderr
    after = root / "after.jsonl"
    assert run_cli(target, "export", "-o", str(after)).returncode == 0
    assert _without_time(after) == _without_time(export)
    verify = run_cli(target, "audit", "verify")
    assert verify.returncode == 0, verify.stderr
    assert "intact" in verify.stdout and " 0 checkpoints" not in verify.stdout
    check = run_cli(target, "shell", "-c",
                    "from qorgau.accounts.models import User; from qorgau.documents.models import Document; "
                    "from qorgau.documents import storage; from qorgau.records.models import Person\n"
                    "print(User.objects.filter(username='admin').exists())\n"
                    "d = Document.objects.exclude(sha256='').get()\n"
                    "print('Амирханов' in storage.load(d.sha256).decode())\n"
                    "print(Person.objects.get(name='Backup Person').contact)")
    assert check.stdout.splitlines()[-3:] == ["True", "True", SECRET_CONTACT], check.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o700


@pytest.mark.parametrize("damage", ["wrong passphrase", "flipped byte", "cut short"])
def test_a_wrong_passphrase_or_a_damaged_archive_says_so_and_writes_nothing(backed_up, damage, tmp_path):
    root, source, archive, passphrase, _ = backed_up
    data = bytearray(archive.read_bytes())
    if damage == "flipped byte":
        data[len(data) // 2] ^= 0x01
    elif damage == "cut short":
        data = data[: len(data) - 100]
    broken = tmp_path / "broken.backup"
    broken.write_bytes(bytes(data))
    if damage == "wrong passphrase":
        passphrase = tmp_path / "wrong.txt"
        passphrase.write_text("not the right passphrase at all")
    target = tmp_path / "target"
    result = run_cli(target, "restore", str(broken), "--passphrase-file", str(passphrase))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    expected = {"wrong passphrase": "Wrong passphrase", "flipped byte": "damaged", "cut short": "cut short"}[damage]
    assert expected in result.stderr
    assert not target.exists()


def test_restore_refuses_a_data_directory_in_use(backed_up):
    root, source, archive, passphrase, _ = backed_up
    result = run_cli(source, "restore", str(archive), "--passphrase-file", str(passphrase))
    assert result.returncode != 0 and "already has keys" in result.stderr


def test_a_short_passphrase_is_refused(backed_up, tmp_path):
    root, source, archive, _, _ = backed_up
    short = tmp_path / "short.txt"
    short.write_text("abc")
    result = run_cli(source, "backup", "-o", str(tmp_path / "x.backup"), "--passphrase-file", str(short))
    assert result.returncode != 0 and "at least 12" in result.stderr
    assert not (tmp_path / "x.backup").exists()
