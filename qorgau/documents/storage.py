"""Original files, stored encrypted and content-addressed.

Invariant: a file is stored under the SHA-256 of its plain bytes, encrypted
with a key kept outside the database: QORGAU_FILES_KEY (production), else
keys/files.key in the data directory (created with mode 600). A leaked
database or files directory alone reveals no original.
"""

import hashlib
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


class StorageError(Exception):
    pass


def _key():
    if os.environ.get("QORGAU_FILES_KEY"):
        return os.environ["QORGAU_FILES_KEY"].encode()
    key_file = Path(settings.DATA_DIR) / "keys" / "files.key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(Fernet.generate_key())
    return key_file.read_bytes().strip()


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


def path_for(digest):
    return Path(settings.FILES_DIR) / digest[:2] / f"{digest}.enc"


def store(data):
    """Encrypt and write the bytes once. Returns (sha256, newly_written)."""
    digest = sha256_of(data)
    path = path_for(digest)
    if path.exists():
        return digest, False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(f".tmp{os.getpid()}")
    temporary.write_bytes(Fernet(_key()).encrypt(data))
    os.replace(temporary, path)  # whole or not at all
    return digest, True


def load(digest):
    try:
        return Fernet(_key()).decrypt(path_for(digest).read_bytes())
    except FileNotFoundError:
        raise StorageError("The original file is not in the files directory.") from None
    except InvalidToken:
        raise StorageError("The original file cannot be decrypted with this key.") from None


def discard(digest):
    path_for(digest).unlink(missing_ok=True)
