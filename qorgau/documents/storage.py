"""Original files, stored encrypted and content-addressed under a keyed name.

Invariants:
- a file is stored once, under HMAC(names key, SHA-256 of its plain bytes): the same
  file twice is one stored file, and nobody without the keyring can tell from the
  names whether a known document is there (a plain hash would let them);
- its bytes are encrypted (Fernet) with the keyring's files key; the keyring is
  wrapped by the master key (docs/security.md). A leaked database or files directory
  alone reveals no original.
Callers name files by the document's SHA-256 (`Document.sha256`); the keyed name is
this module's business.
"""

import hashlib
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

from qorgau.keys import keyring
from qorgau.keys.crypto import keyed_digest
from qorgau.keys.files import private_dir, write_private


class StorageError(Exception):
    pass


def _fernet():
    return Fernet(keyring.secret("files"))


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


def stored_name(digest):
    return keyed_digest("names", digest)


def path_for(digest):
    name = stored_name(digest)
    return Path(settings.FILES_DIR) / name[:2] / f"{name}.enc"


def legacy_path_for(digest):
    return Path(settings.FILES_DIR) / digest[:2] / f"{digest}.enc"


def store(data):
    """Encrypt and write the bytes once. Returns (sha256, newly_written)."""
    digest = sha256_of(data)
    path = path_for(digest)
    if path.exists():
        return digest, False
    legacy = legacy_path_for(digest)
    if legacy.exists():
        rename_legacy(digest)
        return digest, False
    private_dir(path.parent)
    write_private(path, _fernet().encrypt(data))  # whole or not at all, mode 0600
    return digest, True


def load(digest):
    try:
        return _fernet().decrypt(path_for(digest).read_bytes())
    except FileNotFoundError:
        if legacy_path_for(digest).exists():
            rename_legacy(digest)
            return load(digest)
        raise StorageError("The original file is not in the files directory.") from None
    except InvalidToken:
        raise StorageError("The original file cannot be decrypted with this key.") from None


def discard(digest):
    path_for(digest).unlink(missing_ok=True)
    legacy_path_for(digest).unlink(missing_ok=True)


def rename_legacy(digest):
    legacy, path = legacy_path_for(digest), path_for(digest)
    private_dir(path.parent)
    os.replace(legacy, path)
    try:
        legacy.parent.rmdir()
    except OSError:
        pass


def migrate_legacy_names():
    """Rename the originals of known documents stored under their plain SHA-256 (older releases) to their
    keyed name. Returns how many were renamed. (Only names the database knows: the two kinds look alike.)"""
    from qorgau.documents.models import Document

    moved = 0
    for digest in Document.objects.exclude(sha256="").values_list("sha256", flat=True).iterator():
        if legacy_path_for(digest).exists() and not path_for(digest).exists():
            rename_legacy(digest)
            moved += 1
    return moved
