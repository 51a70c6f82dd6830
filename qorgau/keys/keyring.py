"""Envelope keys: the keys that protect data, wrapped by a master key that can live elsewhere.

Invariants:
- `keys/keyring.json` in the data directory holds the data keys, the audit key, the
  blind-index key, the file-name key and the files key, sealed (AES-256-GCM) under a
  key derived from the master key. Without the master key the keyring is noise.
- The master key comes from, in this order: QORGAU_MASTER_KEY (a key made by
  `qorgau keys generate`), QORGAU_MASTER_KEY_FILE (a file holding one, e.g. on a
  removable volume), QORGAU_MASTER_PASSPHRASE or QORGAU_MASTER_PASSPHRASE_FILE
  (stretched with scrypt), else the default file `keys/master.key` in the data
  directory (convenient for the demo; whoever copies the data directory then has it).
- Unwrapped keys live only in this process's memory. `keys/LOCKED` (written by
  `qorgau panic`) makes every process refuse to use them until `qorgau unlock`.
- Data keys are never deleted by rotation: each ciphertext names its key, so rows
  written before a rotation stay readable while they are re-encrypted.
"""

import base64
import functools
import json
import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .files import private_dir, write_private

FORMAT = "qorgau-keyring/1"
SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class KeysUnavailable(Exception):
    """The keys cannot be used: no master key, a wrong one, or the keys are locked."""


class KeysLocked(KeysUnavailable):
    pass


def b64e(data):
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def b64d(text):
    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def keys_dir():
    return Path(getattr(settings, "QORGAU_KEYS_DIR", None) or Path(settings.DATA_DIR) / "keys")


def keyring_path():
    return keys_dir() / "keyring.json"


def default_master_path():
    return keys_dir() / "master.key"


def locked_path():
    return keys_dir() / "LOCKED"


def generate_master_key():
    return b64e(secrets.token_bytes(32))


def parse_master_key(text, where):
    try:
        key = b64d(text)
    except (ValueError, TypeError):
        key = b""
    if len(key) != 32:
        raise KeysUnavailable(f"{where} does not hold a master key (make one with `qorgau keys generate`).")
    return key


@dataclass
class MasterSource:
    kind: str  # "key" or "passphrase"
    secret: bytes
    where: str
    default: bool = False


def _read_file(path, what):
    from .files import UnreadableSecret, read_secret_text

    try:
        return read_secret_text(path, what).strip()
    except UnreadableSecret as error:
        raise KeysUnavailable(str(error)) from None


def source_from(environ=None, *, allow_default=True):
    """The master key as configured, or None when nothing is set and there is no default file."""
    environ = os.environ if environ is None else environ
    if environ.get("QORGAU_MASTER_KEY"):
        return MasterSource("key", parse_master_key(environ["QORGAU_MASTER_KEY"], "QORGAU_MASTER_KEY"),
                            "QORGAU_MASTER_KEY")
    if environ.get("QORGAU_MASTER_KEY_FILE"):
        path = environ["QORGAU_MASTER_KEY_FILE"]
        return MasterSource("key", parse_master_key(_read_file(path, "the master key file"), path), path)
    if environ.get("QORGAU_MASTER_PASSPHRASE"):
        return MasterSource("passphrase", environ["QORGAU_MASTER_PASSPHRASE"].encode(), "QORGAU_MASTER_PASSPHRASE")
    if environ.get("QORGAU_MASTER_PASSPHRASE_FILE"):
        path = environ["QORGAU_MASTER_PASSPHRASE_FILE"]
        return MasterSource("passphrase", _read_file(path, "the passphrase file").encode(), path)
    if allow_default and default_master_path().exists():
        path = default_master_path()
        return MasterSource("key", parse_master_key(_read_file(path, "the master key file"), str(path)), str(path),
                            default=True)
    return None


# `cryptography` is imported where a key is derived, sealed or opened (not by every command's start-up).
def _kek(source, header):
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt = b64d(header["salt"])
    if source.kind == "passphrase":
        params = header.get("scrypt", SCRYPT)
        return Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"]).derive(source.secret)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"qorgau keyring kek").derive(source.secret)


def seal_keyring(plain, source):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = {"format": FORMAT, "wrapped_by": source.kind, "salt": b64e(secrets.token_bytes(16))}
    if source.kind == "passphrase":
        header["scrypt"] = dict(SCRYPT)
    nonce = secrets.token_bytes(12)
    body = json.dumps(plain, sort_keys=True).encode()
    sealed = AESGCM(_kek(source, header)).encrypt(nonce, body, FORMAT.encode())
    return {**header, "nonce": b64e(nonce), "sealed": b64e(sealed)}


def open_keyring(document, source):
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if document.get("format") != FORMAT:
        raise KeysUnavailable("The keyring file is not one Qorgau wrote.")
    if document["wrapped_by"] != source.kind:
        wanted = "QORGAU_MASTER_PASSPHRASE" if document["wrapped_by"] == "passphrase" else \
            "QORGAU_MASTER_KEY or QORGAU_MASTER_KEY_FILE"
        raise KeysUnavailable(f"The keyring is wrapped by a {document['wrapped_by']}; set {wanted}.")
    try:
        body = AESGCM(_kek(source, document)).decrypt(b64d(document["nonce"]), b64d(document["sealed"]),
                                                     FORMAT.encode())
    except InvalidTag:
        raise KeysUnavailable(f"The master key from {source.where} does not open this keyring.") from None
    return json.loads(body)


def new_plain_keys():
    plain = {
        "created": timezone.now().isoformat(),
        "data": {"d1": b64e(secrets.token_bytes(32))},
        "current": "d1",
        "audit": b64e(secrets.token_bytes(32)),
        "index": b64e(secrets.token_bytes(32)),
        "names": b64e(secrets.token_bytes(32)),
    }
    # Stored originals written before the keyring existed stay readable: their key moves in.
    legacy = keys_dir() / "files.key"
    if os.environ.get("QORGAU_FILES_KEY"):
        plain["files"] = os.environ["QORGAU_FILES_KEY"].strip()
    elif legacy.exists():
        plain["files"] = legacy.read_text(encoding="utf-8").strip()
    else:
        from cryptography.fernet import Fernet

        plain["files"] = Fernet.generate_key().decode()
    return plain


def write_keyring(plain, source):
    private_dir(keys_dir())
    write_private(keyring_path(), json.dumps(seal_keyring(plain, source), indent=1).encode())
    # This process keeps the keys it just wrote (its configured source may be the old one).
    _State.plain, _State.stamp, _State.checked = plain, _stamp(), time.monotonic()


class _State:
    lock = threading.Lock()
    plain = None
    stamp = None
    checked = 0.0  # when the keyring file and the lock were last looked at (monotonic)


RECHECK = 0.5  # seconds: how stale this process's view of the keyring file and of a panic lock may be


def _stamp():
    try:
        stat = keyring_path().stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def forget():
    """Drop the unwrapped keys from this process's memory."""
    with _State.lock:
        _State.plain = None
        _State.stamp = None
        _State.checked = 0.0


def is_locked():
    # Asked on every request (LockedMiddleware): one stat() of a path built once per setting.
    return os.path.exists(_locked_name(getattr(settings, "QORGAU_KEYS_DIR", None), settings.DATA_DIR))


@functools.lru_cache(maxsize=16)
def _locked_name(keys_setting, data_dir):
    return str(Path(keys_setting or Path(data_dir) / "keys") / "LOCKED")


def create_keyring(source=None):
    """A new keyring; with no master key configured, a default key file in the data directory."""
    private_dir(keys_dir())
    if source is None:
        source = source_from()
    if source is None:
        write_private(default_master_path(), (generate_master_key() + "\n").encode(), exclusive=True)
        source = source_from()
    plain = new_plain_keys()
    write_keyring(plain, source)
    legacy = keys_dir() / "files.key"
    if legacy.exists():
        legacy.unlink()
    return plain


def unwrapped():
    """The keyring's plain keys, unwrapped once per process (again when the file changes)."""
    if _State.plain is not None and time.monotonic() - _State.checked < RECHECK:
        return _State.plain
    if is_locked():
        raise KeysLocked("Qorgau is locked (`qorgau panic`). Run `qorgau unlock` with the master key.")
    stamp = _stamp()
    if _State.plain is not None and stamp == _State.stamp:
        _State.checked = time.monotonic()
        return _State.plain
    with _State.lock:
        stamp = _stamp()
        if _State.plain is not None and stamp == _State.stamp:
            return _State.plain
        if stamp is None:
            plain = create_keyring()
            stamp = _stamp()
        else:
            source = source_from()
            if source is None:
                raise KeysUnavailable(
                    "The master key is not set: set QORGAU_MASTER_KEY_FILE, QORGAU_MASTER_KEY or "
                    "QORGAU_MASTER_PASSPHRASE (see docs/security.md).")
            document = json.loads(keyring_path().read_text(encoding="utf-8"))
            try:
                plain = open_keyring(document, source)
            except KeysUnavailable:
                plain = _while_rotating(document, source)
        _State.plain, _State.stamp, _State.checked = plain, stamp, time.monotonic()
        return plain


def _while_rotating(document, source):
    """`keys rotate` re-wrapped the keyring under a master key this process was not given: a new default key
    about to replace the old one, or a secret its environment will only have after a restart. The keys it
    already holds are the same (a re-wrap changes none), so it keeps them until then."""
    pending = default_master_path().with_name("master.key.new")
    if source.default and pending.exists():
        try:
            return open_keyring(document, MasterSource("key", parse_master_key(_read_file(pending, "the new key"),
                                                                               str(pending)), str(pending), True))
        except KeysUnavailable:
            pass
    if _State.plain is not None:
        import logging

        logging.getLogger(__name__).warning("The keyring was re-wrapped under another master key; this process "
                                            "keeps the keys it holds. Restart it with the new master key.")
        return _State.plain
    raise KeysUnavailable(f"The master key from {source.where} does not open this keyring.")


def data_key(key_id=None):
    plain = unwrapped()
    key_id = key_id or plain["current"]
    try:
        return key_id, b64d(plain["data"][key_id])
    except KeyError:
        raise KeysUnavailable(f"The data key {key_id!r} is not in the keyring.") from None


def secret(name):
    """One of the keyring's fixed keys: 'audit', 'index', 'names' (bytes) or 'files' (a Fernet key)."""
    value = unwrapped()[name]
    return value.encode() if name == "files" else b64d(value)


def rewrap(new_source):
    """Wrap the same keys under another master key. Nothing else changes; no downtime."""
    plain = unwrapped()
    write_keyring(plain, new_source)
    return plain


def add_data_key():
    """A fresh data key becomes current; older ones stay for reading."""
    plain = dict(unwrapped())
    plain["data"] = dict(plain["data"])
    number = max(int(key_id[1:]) for key_id in plain["data"]) + 1
    key_id = f"d{number}"
    plain["data"][key_id] = b64e(secrets.token_bytes(32))
    plain["current"] = key_id
    source = source_from()
    if source is None:
        raise KeysUnavailable("The master key is not set.")
    write_keyring(plain, source)
    return key_id
