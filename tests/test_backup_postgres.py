"""Backup and restore on PostgreSQL (runs in the PostgreSQL pass: DATABASE_URL=postgres:///…)."""

import json
import os
import uuid

import pytest

from .conftest import run_cli


def _postgres():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "postgres:", "postgresql:")):
        pytest.skip("PostgreSQL only (set DATABASE_URL)")
    import dj_database_url

    return dj_database_url.parse(url)


@pytest.fixture
def two_databases():
    import psycopg

    config = _postgres()
    params = {k: v for k, v in {"host": config.get("HOST"), "port": config.get("PORT"), "user": config.get("USER"),
                                "password": config.get("PASSWORD")}.items() if v}
    names = [f"qorgau_backup_{uuid.uuid4().hex[:8]}_{which}" for which in ("source", "restored")]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    yield [f"{base}/{name}" for name in names]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_and_restore_on_postgresql(two_databases, tmp_path):
    source_url, restored_url = two_databases
    source, restored = tmp_path / "source", tmp_path / "restored"
    env = {"DATABASE_URL": source_url}
    assert run_cli(source, "demo", "--no-serve", env=env).returncode == 0
    script = "from qorgau.records import actions\nactions.do_create_person(actor='cli', name='PG', contact='+7 1')\n"
    assert run_cli(source, "shell", "-c", script, env=env).returncode == 0
    passphrase = tmp_path / "pass"
    passphrase.write_text("a passphrase long enough")
    archive = tmp_path / "pg.backup"
    result = run_cli(source, "backup", "-o", str(archive), "--passphrase-file", str(passphrase), env=env)
    assert result.returncode == 0, result.stderr
    before = tmp_path / "before.jsonl"
    assert run_cli(source, "export", "-o", str(before), env=env).returncode == 0
    env = {"DATABASE_URL": restored_url}
    result = run_cli(restored, "restore", str(archive), "--passphrase-file", str(passphrase), env=env)
    assert result.returncode == 0, result.stderr
    after = tmp_path / "after.jsonl"
    assert run_cli(restored, "export", "-o", str(after), env=env).returncode == 0

    def records(path):
        header, *rows = path.read_text().splitlines()
        return {k: v for k, v in json.loads(header).items() if k != "exported_at"}, rows

    assert records(after) == records(before)
    assert run_cli(restored, "audit", "verify", env=env).returncode == 0
    # New rows after a restore get fresh ids (sequences were reset).
    assert run_cli(restored, "shell", "-c", script.replace("'PG'", "'PG 2'"), env=env).returncode == 0
