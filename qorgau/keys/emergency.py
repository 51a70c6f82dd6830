"""Panic and unlock.

`panic` (command or admin page), in this order: writes a `panic` audit entry; ends every session; writes
`keys/LOCKED`, after which no process uses its keys (pages answer 503, commands refuse); drops this process's
unwrapped keys; deletes the default master key file when the master key also lives outside the data directory
(or when told to with destroy_local_key). With the master key outside, the data directory then holds nothing
that opens the data. `unlock` needs the master key: it opens the keyring with it, then removes the marker.
"""

from django.contrib.sessions.models import Session
from django.utils import timezone

from . import keyring
from .files import private_dir, write_private


def panic(*, actor, destroy_local_key=False):
    """Returns a list of what was done, in words, and warnings."""
    from qorgau.audit.log import write_entry

    done, warnings = [], []
    source = None
    try:
        source = keyring.source_from()
        if not keyring.is_locked():
            write_entry("panic", actor=actor, record_type="Keyring")
    except keyring.KeysUnavailable:
        pass
    sessions = Session.objects.count()
    Session.objects.all().delete()
    done.append(f"ended {sessions} sessions")
    private_dir(keyring.keys_dir())
    write_private(keyring.locked_path(), f"locked at {timezone.now().isoformat()}\n".encode())
    keyring.forget()
    done.append("locked the keys (every process refuses to use them until `qorgau unlock`)")
    default = keyring.default_master_path()
    if default.exists():
        if destroy_local_key or (source is not None and not source.default):
            default.unlink()
            done.append(f"deleted {default}")
            if source is not None and source.default:
                warnings.append("the only master key in the data directory was deleted: without a copy of it, "
                                "the data cannot be read again")
        else:
            warnings.append(f"the master key is still in {default}: whoever takes the disk can read the data. "
                            "Keep it elsewhere (`qorgau keys rotate --new-master-key-file F`) or use "
                            "--destroy-local-key")
    if source is not None and source.kind == "key" and not source.default and source.where != "QORGAU_MASTER_KEY":
        warnings.append(f"remove or unmount {source.where} too")
    if source is not None and source.where == "QORGAU_MASTER_KEY":
        warnings.append("the running server still has QORGAU_MASTER_KEY in its environment: stop it")
    return done, warnings


def unlock(source=None, *, actor):
    """Open the keyring with the master key, then lift the lock. Raises KeysUnavailable with a wrong key."""
    import json

    from qorgau.audit.log import write_entry

    source = source or keyring.source_from()
    if source is None:
        raise keyring.KeysUnavailable("Unlocking needs the master key: set QORGAU_MASTER_KEY_FILE, "
                                      "QORGAU_MASTER_KEY or QORGAU_MASTER_PASSPHRASE.")
    keyring.open_keyring(json.loads(keyring.keyring_path().read_text(encoding="utf-8")), source)
    was_locked = keyring.is_locked()
    keyring.locked_path().unlink(missing_ok=True)
    keyring.forget()
    if was_locked:
        write_entry("unlock", actor=actor, record_type="Keyring", changes={"master_key": source.kind})
    return was_locked


def unlock_at_start():
    """`qorgau serve` started with a master key from outside the data directory lifts a panic lock."""
    if not keyring.is_locked():
        return ""
    try:
        source = keyring.source_from()
    except keyring.KeysUnavailable as error:
        return f"Qorgau is locked and stays locked: {error}"
    if source is None or source.default:
        return "Qorgau is locked: run `qorgau unlock` with the master key."
    try:
        unlock(source, actor="serve")
    except keyring.KeysUnavailable as error:
        return f"Qorgau is locked and stays locked: {error}"
    return f"Unlocked with the master key from {source.where}."
