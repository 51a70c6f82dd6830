"""Session 7 audit: hostile backup archives (a part named to land outside the stored files, a stored file larger than
any may be). An archive is sealed with its passphrase, so such a file comes from someone who holds it (an insider, a
stolen passphrase): restoring it must still write nothing outside the stored files and read nothing unbounded."""

import json

import pytest

from qorgau.keys import backup

pytestmark = pytest.mark.django_db

PASSPHRASE = "correct horse battery staple"


def _archive(path, frames):
    with open(path, "wb") as stream:
        out = backup._Sealer(stream, PASSPHRASE)
        backup._frame(out, b"M", "manifest.json", json.dumps({"format": "qorgau-backup/1"}).encode())
        for kind, name, data in frames:
            backup._frame(out, kind, name, data)
        backup._frame(out, b"E", "end", json.dumps({"counts": {}, "files": len(frames)}).encode())
        out.close()
    return path


@pytest.mark.parametrize("name", ["../qorgau.sqlite3", "../keys", "ab/../../x.enc", "../x.enc", ".enc/..", "ab/.enc"])
def test_a_backup_part_named_outside_the_stored_files_is_refused_before_anything_is_written(name, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "new"
    settings.FILES_DIR = settings.DATA_DIR / "files"
    archive = _archive(tmp_path / "hostile.qbk", [(b"F", name, b"not what it seems")])
    with pytest.raises(backup.BackupError, match="not a stored file's name"):
        backup.check_backup(archive, PASSPHRASE)
    with pytest.raises(backup.BackupError):
        backup.restore_backup(archive, PASSPHRASE)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "hostile.qbk"]
    assert written == []  # no key, no file, nothing beside the database


def test_a_stored_file_larger_than_any_may_be_is_refused_before_it_is_read(tmp_path, settings):
    settings.QORGAU_MAX_FILE_MB = 1
    limit = backup.max_file_part()
    archive = _archive(tmp_path / "huge.qbk", [(b"F", "ab/abcdef.enc", b"x" * (limit + 1))])
    with pytest.raises(backup.BackupError, match="larger than a stored file may be"):
        backup.check_backup(archive, PASSPHRASE)
    # A part that claims more than the archive holds is read only as far as the archive goes (it ends "incomplete").
    ordinary = _archive(tmp_path / "ordinary.qbk", [(b"F", "ab/abcdef.enc", b"x" * 1000)])
    assert backup.check_backup(ordinary, PASSPHRASE)["files"] == 1


# Key and passphrase files of the wrong kind: a clear refusal, never a traceback, never read whole ----------------

def _wrong_files(tmp_path):
    binary = tmp_path / "raw.key"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 8)  # 32 raw bytes: another program's key, not ours
    huge = tmp_path / "disk.img"
    huge.write_bytes(b"a" * 200_000)  # far larger than any key (a disk image given by mistake)
    return [(binary, "not text"), (huge, "larger than a key or passphrase may be")]


def test_a_master_key_file_of_the_wrong_kind_is_refused_with_a_message(tmp_path):
    from qorgau.keys import keyring

    for path, said in _wrong_files(tmp_path):
        with pytest.raises(keyring.KeysUnavailable, match=said):
            keyring.source_from({"QORGAU_MASTER_KEY_FILE": str(path)})
        with pytest.raises(keyring.KeysUnavailable, match=said):
            keyring.source_from({"QORGAU_MASTER_PASSPHRASE_FILE": str(path)})


def test_a_passphrase_or_new_key_file_of_the_wrong_kind_is_refused_by_the_commands(tmp_path):
    from django.core.management.base import CommandError

    from qorgau.keys.management.commands.keys import read_secret_file

    for path, said in _wrong_files(tmp_path):
        with pytest.raises(backup.BackupError, match=said):
            backup.read_passphrase_file(path)
        with pytest.raises(CommandError, match=said):
            read_secret_file(path, "the new master key file")
