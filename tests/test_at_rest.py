"""Data at rest: what someone who copies the data directory (or only the database) can read."""

import os
import stat

import pytest

from qorgau.keys import blind, crypto
from qorgau.records import actions, indexing
from qorgau.records.models import Person, PersonName, SearchEntry

from .conftest import run_cli

CONTACT = "+7 701 555 0199, Zheltoksan 12"
TEXT = "Kuralay Zhanserikova met the witness Bauyrzhan Omirtay at the Almaty safe flat."
ALIAS = "Zhanserikova"

WRITE = f"""
from qorgau.records import actions
from qorgau.records.models import Person
from qorgau.documents.models import Document
p = actions.do_create_person(actor="cli", name="Person For Test", contact={CONTACT!r}, notes="notes kept apart")
actions.do_add_name(p, actor="cli", name={ALIAS!r}, sensitivity="confidential")
d = actions.do_create_document(actor="cli", title="A witness statement", text={TEXT!r}, sensitivity="confidential")
print(Person.objects.get(pk=p.pk).contact)
print(Document.objects.get(pk=d.pk).text)
"""


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("at-rest") / "data"
    assert run_cli(data_dir, "init").returncode == 0
    result = run_cli(data_dir, "shell", "-c", WRITE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [CONTACT, TEXT]  # read back in plain text by the program
    export = data_dir.parent / "export.jsonl"
    assert run_cli(data_dir, "export", "-o", str(export)).returncode == 0
    return data_dir, export


def _database_bytes(data_dir):
    return b"".join(path.read_bytes() for path in data_dir.glob("qorgau.sqlite3*"))


@pytest.mark.parametrize("secret", [CONTACT, "Zheltoksan", TEXT, "Bauyrzhan", "safe flat", ALIAS])
def test_a_copied_database_file_shows_no_confidential_value(written, secret):
    data_dir, _ = written
    raw = _database_bytes(data_dir)
    assert secret.encode() not in raw
    assert secret.lower().encode() not in raw  # nor in the search index's folded words


def test_the_export_still_holds_them_for_whoever_may_read_it(written):
    _, export = written
    text = export.read_text()
    assert CONTACT in text and ALIAS in text


def test_every_file_written_is_the_owners_only(written):
    data_dir, export = written
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for root, dirs, files in os.walk(data_dir):
        for name in dirs:
            assert stat.S_IMODE(os.stat(os.path.join(root, name)).st_mode) == 0o700, name
        for name in files:
            assert stat.S_IMODE(os.stat(os.path.join(root, name)).st_mode) == 0o600, name
    assert stat.S_IMODE(export.stat().st_mode) == 0o600


@pytest.mark.django_db
def test_a_confidential_alias_is_stored_sealed_and_searchable_by_the_cleared_only(alice, bob):
    person = actions.do_create_person(actor=alice, name="Someone Public", sensitivity="internal")
    actions.do_add_name(person, actor=alice, name="Qarakoz Tynyshbaeva", sensitivity="confidential")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM records_personname WHERE person_id = %s", [person.pk])
        stored = [row[0] for row in cursor.fetchall()]
    assert all(crypto.is_sealed(value) for value in stored if "Qarakoz" not in value)
    assert not any("Qarakoz" in value for value in stored)
    assert PersonName.objects.get(person=person).name == "Qarakoz Tynyshbaeva"
    rows = SearchEntry.objects.filter(kind="person", record_id=person.pk, level="confidential")
    assert rows.exists() and all("qarakoz" not in row.text for row in rows)
    assert person in indexing.search(Person, "qarak tynysh", alice)
    assert person not in indexing.search(Person, "qarakoz", bob)
    assert person in indexing.search(Person, "someone", bob)


def test_blind_tokens_match_prefixes_as_the_plain_index_does(db):
    terms = blind.blind_terms("tynyshbaeva qarakoz").split()
    assert blind.token("tyn") in terms and blind.token("qarakoz") in terms
    assert blind.token("qarakozz") not in terms and blind.token("arakoz") not in terms


def test_stored_originals_are_named_by_a_keyed_hmac_and_still_stored_once(settings, tmp_path, db):
    import hashlib

    from qorgau.documents import storage

    settings.FILES_DIR = tmp_path / "files"
    data = b"A testimony nobody else should be able to recognise."
    digest, new = storage.store(data)
    assert (digest, new) == (hashlib.sha256(data).hexdigest(), True)
    names = [path.name for path in settings.FILES_DIR.rglob("*.enc")]
    assert names == [storage.path_for(digest).name] and digest not in names[0]
    assert storage.store(data) == (digest, False)
    assert storage.load(digest) == data
    assert stat.S_IMODE(storage.path_for(digest).stat().st_mode) == 0o600


def test_originals_stored_under_their_plain_hash_are_renamed(settings, tmp_path, alice):
    import hashlib

    from cryptography.fernet import Fernet

    from qorgau.documents import storage
    from qorgau.keys import keyring

    settings.FILES_DIR = tmp_path / "files"
    data = b"stored by an older release"
    digest = hashlib.sha256(data).hexdigest()
    legacy = storage.legacy_path_for(digest)
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(Fernet(keyring.secret("files")).encrypt(data))
    actions.do_create_document(actor=alice, title="Old", sha256=digest)
    assert storage.migrate_legacy_names() == 1
    assert not legacy.exists() and storage.load(digest) == data


def test_keys_rotate_rewraps_under_an_outside_key_and_reencrypts(written, tmp_path):
    import json

    data_dir, _ = written
    outside = tmp_path / "usb" / "master.key"
    outside.parent.mkdir()
    before = (data_dir / "keys" / "keyring.json").read_text()
    result = run_cli(data_dir, "keys", "rotate", "--new-master-key-file", str(outside))
    assert result.returncode == 0, result.stderr
    assert not (data_dir / "keys" / "master.key").exists()  # the data directory alone no longer opens anything
    assert (data_dir / "keys" / "keyring.json").read_text() != before
    locked_out = run_cli(data_dir, "shell", "-c", "from qorgau.records.models import Person; "
                                                  "print([p.contact for p in Person.objects.all()])")
    assert locked_out.returncode != 0 and "master key is not set" in locked_out.stderr
    env = {"QORGAU_MASTER_KEY_FILE": str(outside)}
    result = run_cli(data_dir, "keys", "rotate", "--reencrypt", env=env)
    assert result.returncode == 0, result.stderr
    assert "New data key d2" in result.stdout
    read = run_cli(data_dir, "shell", "-c", "from qorgau.records.models import Person; "
                                            "print([p.contact for p in Person.objects.exclude(contact='')])", env=env)
    assert CONTACT in read.stdout
    assert b"qe1:d2:" in _database_bytes(data_dir) and b"qe1:d1:" not in _database_bytes(data_dir)
    log = run_cli(data_dir, "shell", "-c", "import json; from qorgau.audit.models import AuditEntry; "
                                           "print(json.dumps([e.changes for e in AuditEntry.objects.filter("
                                           "verb='rotate_keys')]))", env=env)
    changes = json.loads(log.stdout.strip().splitlines()[-1])
    assert changes[0]["rewrapped"] == "key file" and changes[1]["data_key"] == "d2"
    assert run_cli(data_dir, "audit", "verify", env=env).returncode == 0
