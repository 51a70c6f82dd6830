"""Second-factor secrets at rest: authenticator-app keys sealed, recovery codes kept only as keyed digests.

django-otp stores a TOTP device's key as 40 hex digits and recovery codes as they are: whoever copies the
database could then make every user's codes. Here:

- a TOTP key is stored sealed with the data key (AES-256-GCM), `qt1:<key id>:<base64 nonce+ciphertext>` — the
  20 key bytes sealed fit django-otp's 80-character column, so its table and migrations stay as they are. A
  `pre_save` handler seals every key written (enrolment creates the device with a fresh plain key);
  `TOTPDevice.bin_key` opens it. Without the master key (a copied database, or after `qorgau panic`) it
  cannot be opened; `keys rotate` re-wraps the data key, `keys rotate --reencrypt` re-seals under the new one;
  a backup carries the sealed value and the data keys that open it.
- a recovery code is stored as `HMAC(index key, code)`, 16 base32 characters; a typed code is turned into the
  same digest before it is looked up. Nobody can read a code back from the database, nor test guesses without
  the key.

`seal_pending()` (run by `qorgau init`, `keys seal`, a restore) converts rows older releases wrote in plain.
"""

import base64
from binascii import unhexlify

from . import keyring
from .crypto import keyed_digest, open_bytes, seal_bytes

TOTP_PREFIX = "qt1:"
DIGEST_LENGTH = 16
_BASE32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def is_sealed_key(value):
    return isinstance(value, str) and value.startswith(TOTP_PREFIX)


def seal_key(hex_key):
    """A device key (hex, as django-otp makes it) sealed with the current data key; sealed values pass as they are."""
    if not hex_key or is_sealed_key(hex_key):
        return hex_key
    return seal_bytes(TOTP_PREFIX, unhexlify(hex_key.encode()), context=b"totp:")


def open_key(value):
    """The device key's bytes, from a sealed value (or the plain hex an older release left)."""
    if not is_sealed_key(value):
        return unhexlify(value.encode())
    return open_bytes(value, context=b"totp:", what="A sealed authenticator key")


def recovery_digest(code):
    """What is stored for a recovery code, and looked up for a typed one."""
    digest = bytes.fromhex(keyed_digest("index", "recovery-code:" + code))
    return base64.b32encode(digest).decode("ascii")[:DIGEST_LENGTH]


def is_digest(token):
    return len(token) == DIGEST_LENGTH and set(token) <= _BASE32


def _bin_key(device):
    return open_key(device.key)


def _seal_on_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaded from a backup or fixture: as it was (seal_pending, run by restore, seals plain ones)
        return
    instance.key = seal_key(instance.key)


def _digest_on_save(sender, instance, raw=False, **kwargs):
    if not raw and instance.token and not is_digest(instance.token):
        instance.token = recovery_digest(instance.token)


def install():
    """Called once from the keys app's ready(): django-otp's models then read and write through this module."""
    from django.db.models.signals import pre_save
    from django_otp.plugins.otp_static.models import StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.bin_key = property(_bin_key, doc="The secret key's bytes, opened with the data key.")
    pre_save.connect(_seal_on_save, sender=TOTPDevice, dispatch_uid="qorgau-seal-totp-key")
    pre_save.connect(_digest_on_save, sender=StaticToken, dispatch_uid="qorgau-digest-recovery-code")


def reseal_devices(only_plain=False):
    """Seal plain TOTP keys and re-seal those under an older data key; digest plain recovery codes. Rows changed."""
    from django.db import transaction
    from django_otp.plugins.otp_static.models import StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    current, _ = keyring.data_key()
    changed = 0
    with transaction.atomic():
        for device in TOTPDevice.objects.select_for_update().only("id", "key"):
            if is_sealed_key(device.key) and (only_plain or device.key.split(":", 2)[1] == current):
                continue
            key = seal_key(open_key(device.key).hex())
            TOTPDevice.objects.filter(pk=device.pk).update(key=key)  # update(): no signal, sealed already
            changed += 1
        for token in StaticToken.objects.select_for_update().only("id", "token"):
            if not is_digest(token.token):
                StaticToken.objects.filter(pk=token.pk).update(token=recovery_digest(token.token))
                changed += 1
    return changed


def needs_sealing():
    """Whether some TOTP key or recovery code is still stored plain (a quick query)."""
    from django_otp.plugins.otp_static.models import StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if TOTPDevice.objects.exclude(key__startswith=TOTP_PREFIX).exists():
        return True
    return any(not is_digest(token) for token in StaticToken.objects.values_list("token", flat=True).iterator())

