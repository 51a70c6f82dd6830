"""Second-factor secrets at rest (qorgau/keys/otp.py): a copied database gives neither the authenticator keys nor
the recovery codes, yet signing in with either works, through key rotation, panic and unlock, backup and restore."""

import base64
import json

import pytest
from django.db import connection
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from qorgau.accounts import actions, twofactor
from qorgau.keys import otp
from qorgau.keys.fields import seal_pending

from .conftest import run_cli


def raw_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM otp_totp_totpdevice")
        keys = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT token FROM otp_static_statictoken")
        return keys, [row[0] for row in cursor.fetchall()]


def code_for(hex_key, device):
    return f"{totp(bytes.fromhex(hex_key), step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrol(user):
    """Enrol as the browser does: the pending device's key (as the QR code shows it), then the first code."""
    device = twofactor.pending_app(user)
    secret = twofactor.secret_base32(device)
    shown = base64.b32decode(secret + "=" * (-len(secret) % 8)).hex()
    codes = actions.do_enrol_two_factor(user, device, actor=user.username)
    return TOTPDevice.objects.get(pk=device.pk), shown, codes


def test_a_copied_database_holds_no_authenticator_key_or_recovery_code(alice):
    device, shown, codes = enrol(alice)
    keys, tokens = raw_rows()
    b32 = base64.b32encode(bytes.fromhex(shown)).decode().rstrip("=")
    for key in keys:
        assert key.startswith(otp.TOTP_PREFIX) and len(key) <= 80, key  # django-otp's column: 80 characters
        assert shown not in key.lower() and b32 not in key.upper()
    assert len(tokens) == len(codes) == twofactor.RECOVERY_CODES
    assert not set(tokens) & set(codes) and not any(code in token.lower() for code in codes for token in tokens)
    # And yet: the app's code and a recovery code (once) sign in.
    assert twofactor.verify(alice, code_for(shown, device)) == device
    assert twofactor.verify(alice, codes[3]) is not None
    assert twofactor.verify(alice, codes[3]) is None  # single use still
    assert twofactor.remaining_recovery_codes(alice) == twofactor.RECOVERY_CODES - 1


def test_a_sealed_key_altered_in_the_database_is_refused_not_used(alice):
    device, shown, _ = enrol(alice)
    sealed = raw_rows()[0][0]
    flipped = sealed[:-3] + ("A" if sealed[-3] != "A" else "B") + sealed[-2:]
    TOTPDevice.objects.filter(pk=device.pk).update(key=flipped)
    with pytest.raises(Exception, match="altered"):
        TOTPDevice.objects.get(pk=device.pk).bin_key


def test_plain_secrets_of_an_older_release_are_sealed_by_init(alice, monkeypatch):
    monkeypatch.setattr("qorgau.keys.fields.compact_database", lambda: None)  # no VACUUM inside a test transaction
    device, shown, codes = enrol(alice)
    # As an older release stored them: hex key, codes as typed (update() bypasses the sealing).
    TOTPDevice.objects.filter(pk=device.pk).update(key=shown)
    StaticToken.objects.filter(device__user=alice).delete()
    recovery = alice.staticdevice_set.get()
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    assert shown in raw_rows()[0]
    assert seal_pending() >= 1 + len(codes)
    keys, tokens = raw_rows()
    assert all(k.startswith(otp.TOTP_PREFIX) for k in keys) and not set(tokens) & set(codes)
    assert twofactor.verify(alice, code_for(shown, device)) is not None
    assert twofactor.verify(alice, codes[0]) is not None
    assert seal_pending() == 0  # nothing left to do


ENROL = """
import base64, json
from qorgau.accounts import actions, twofactor
from qorgau.accounts.models import User
user = User.objects.create(username="zhanna", role="admin")
device = twofactor.pending_app(user)
secret = twofactor.secret_base32(device)
shown = base64.b32decode(secret + "=" * (-len(secret) % 8)).hex()
print(json.dumps({"key": shown, "codes": actions.do_enrol_two_factor(user, device, actor="cli")}))
"""

VERIFY = """
import sys
from django_otp.oath import totp
from qorgau.accounts import twofactor
from qorgau.accounts.models import User
user = User.objects.get(username="zhanna")
device = user.totpdevice_set.get()
code = f"{{totp(bytes.fromhex('{key}'), step=device.step, t0=device.t0, digits=device.digits):06d}}"
device.last_t = -1; device.save()  # the same 30 s step may be checked again in this test
print("app", bool(twofactor.verify(user, code)), "recovery", bool(twofactor.verify(user, '{code}')))
"""


def test_rotation_panic_and_restore_keep_the_second_factor_sealed_and_working(tmp_path):
    data_dir = tmp_path / "data"
    key_file = tmp_path / "usb" / "master.key"
    key_file.parent.mkdir()
    key_file.write_text(run_cli(data_dir, "keys", "generate").stdout)
    env = {"QORGAU_MASTER_KEY_FILE": str(key_file)}
    assert run_cli(data_dir, "init", env=env).returncode == 0
    made = run_cli(data_dir, "shell", "-c", ENROL, env=env)
    assert made.returncode == 0, made.stderr
    enrolled = json.loads(made.stdout.strip().splitlines()[-1])
    codes = iter(enrolled["codes"])

    def verify(where, environment):
        return run_cli(where, "shell", "-c", VERIFY.format(key=enrolled["key"], code=next(codes)), env=environment)

    def database_bytes(where):
        return b"".join(path.read_bytes() for path in where.glob("qorgau.sqlite3*"))

    def readable(where):
        raw = database_bytes(where)
        b32 = base64.b32encode(bytes.fromhex(enrolled["key"])).decode().rstrip("=").encode()
        return (enrolled["key"].encode() in raw or b32 in raw
                or any(code.encode() in raw for code in enrolled["codes"]))

    assert not readable(data_dir)
    assert "app True recovery True" in verify(data_dir, env).stdout
    # A new data key: the authenticator key is sealed again under it, and still works.
    rotated = run_cli(data_dir, "keys", "rotate", "--reencrypt", env=env)
    assert rotated.returncode == 0, rotated.stderr
    sealed = run_cli(data_dir, "shell", "-c", "from django_otp.plugins.otp_totp.models import TOTPDevice; "
                                              "print(TOTPDevice.objects.values_list('key', flat=True).get())",
                     env=env).stdout.strip().splitlines()[-1]
    assert sealed.startswith("qt1:d2:"), sealed
    assert "app True recovery True" in verify(data_dir, env).stdout
    # Panic: nothing opens it until the master key comes back.
    assert run_cli(data_dir, "panic", "--yes", env=env).returncode == 0
    locked = verify(data_dir, env)
    assert locked.returncode != 0 and "locked" in locked.stderr
    assert run_cli(data_dir, "unlock", env=env).returncode == 0
    assert "app True recovery True" in verify(data_dir, env).stdout
    # Backup, restore elsewhere under another master key: the same app and the remaining codes work.
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("correct horse battery staple\n")
    archive = tmp_path / "qorgau.backup"
    backup = run_cli(data_dir, "backup", "-o", str(archive), "--passphrase-file", str(passphrase), env=env)
    assert backup.returncode == 0, backup.stderr
    target = tmp_path / "restored"
    restored = run_cli(target, "restore", str(archive), "--passphrase-file", str(passphrase))
    assert restored.returncode == 0, restored.stderr
    assert not readable(target)
    assert "app True recovery True" in verify(target, {}).stdout
