"""Sealing values with the data key (AES-256-GCM), and keyed digests.

A sealed value reads `qe1:<key id>:<base64 nonce+ciphertext>`; the key id lets rows
written under an older data key be read during a rotation.
"""

import hashlib
import hmac
import os

from . import keyring

# `cryptography` is imported by the functions that seal and open, not here: every command starts Django, which
# imports the models and their sealed fields, and most commands never seal or open anything.

PREFIX = "qe1:"


class SealError(Exception):
    pass


def is_sealed(value):
    return isinstance(value, str) and value.startswith(PREFIX)


def seal_bytes(prefix, data, context=b""):
    """`<prefix><key id>:<base64 nonce+ciphertext>` of bytes under the current data key; the key id (after
    `context`) is the associated data, so a value moved to another key id or context does not open."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key_id, key = keyring.data_key()
    nonce = os.urandom(12)
    body = AESGCM(key).encrypt(nonce, data, context + key_id.encode())
    return f"{prefix}{key_id}:{keyring.b64e(nonce + body)}"


def open_bytes(value, context=b"", what="A sealed value"):
    """The bytes of a value written by `seal_bytes` (raises SealError when it was altered)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    _, key_id, body = value.split(":", 2)
    raw = keyring.b64d(body)
    _, key = keyring.data_key(key_id)
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], context + key_id.encode())
    except InvalidTag:
        raise SealError(f"{what} does not match its key: it was altered.") from None


def seal(text):
    if not text or is_sealed(text):
        return text
    return seal_bytes(PREFIX, text.encode("utf-8"))


def unseal(value):
    if not is_sealed(value):
        return value
    try:
        _, _key_id, body = value.split(":", 2)
        keyring.b64d(body)
    except ValueError:
        return value
    return open_bytes(value).decode("utf-8")


def sealed_key_id(value):
    return value.split(":", 2)[1] if is_sealed(value) else None


def keyed_digest(name, data):
    """HMAC-SHA256 of bytes under one of the keyring's keys ('audit', 'index', 'names')."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hmac.new(keyring.secret(name), data, hashlib.sha256).hexdigest()
