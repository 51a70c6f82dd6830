"""Sealing values with the data key (AES-256-GCM), and keyed digests.

A sealed value reads `qe1:<key id>:<base64 nonce+ciphertext>`; the key id lets rows
written under an older data key be read during a rotation.
"""

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from . import keyring

PREFIX = "qe1:"


class SealError(Exception):
    pass


def is_sealed(value):
    return isinstance(value, str) and value.startswith(PREFIX)


def seal(text):
    if not text or is_sealed(text):
        return text
    key_id, key = keyring.data_key()
    nonce = os.urandom(12)
    body = AESGCM(key).encrypt(nonce, text.encode("utf-8"), key_id.encode())
    return f"{PREFIX}{key_id}:{keyring.b64e(nonce + body)}"


def unseal(value):
    if not is_sealed(value):
        return value
    try:
        _, key_id, body = value.split(":", 2)
        raw = keyring.b64d(body)
    except ValueError:
        return value
    _, key = keyring.data_key(key_id)
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], key_id.encode()).decode("utf-8")
    except InvalidTag:
        raise SealError("A sealed value does not match its key: it was altered.") from None


def sealed_key_id(value):
    return value.split(":", 2)[1] if is_sealed(value) else None


def keyed_digest(name, data):
    """HMAC-SHA256 of bytes under one of the keyring's keys ('audit', 'index', 'names')."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hmac.new(keyring.secret(name), data, hashlib.sha256).hexdigest()
