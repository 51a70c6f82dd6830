"""Writing and checking the audit chain, and its checkpoints.

The chain is keyed (HMAC under the keyring's audit key), so nobody without the
master key can rewrite it consistently. What a chain alone cannot show — that its
last entries, or all of them, were cut off — the checkpoints show: after each
committed transaction that wrote entries, on `qorgau audit checkpoint`
and after each successful `audit verify`, one line with the number of entries, the
last id and its hash, itself under an HMAC, is appended to a separate file
(`audit/checkpoints.log` in the data directory; print it to keep a copy offline).
"""

import hmac
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from qorgau.audit.models import AuditEntry, entry_hash, payload

GENESIS = "0" * 64
SYSTEM = "system"


def actor_label(actor):
    if actor is None:
        return SYSTEM
    if isinstance(actor, str):
        return actor
    return actor.get_username() if getattr(actor, "is_authenticated", False) else "anonymous"


def _lock_chain():
    # Two writers must not both read the same last hash. SQLite serialises
    # writers already; PostgreSQL needs a lock held to the end of the transaction.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(7411)")


def write_entry(verb, *, actor, record_type="", record_uid="", changes=None):
    """Append one entry to the chain. Runs inside the caller's transaction."""
    from qorgau.keys.keyring import secret

    key = secret("audit")
    with transaction.atomic():
        _lock_chain()
        last = AuditEntry.objects.order_by("-id").only("hash").first()
        entry = AuditEntry(
            at=timezone.now(),
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=actor_label(actor),
            verb=verb,
            record_type=record_type,
            record_uid=record_uid,
            changes=changes or {},
            prev_hash=last.hash if last else GENESIS,
        )
        entry.save()
        # The id is part of what is hashed, so the hash is written once the id is known.
        entry.hash = entry.compute_hash(key)
        AuditEntry.objects.filter(pk=entry.pk).update(hash=entry.hash)
        _checkpoint_after_commit(entry.pk)
        return entry


def _reserve_ids(count, last_id):
    """`count` new, increasing entry ids, taken while the chain is locked (so no other writer takes them)."""
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                           [AuditEntry._meta.db_table, count])
            return sorted(row[0] for row in cursor.fetchall())
        start = last_id
        if connection.vendor == "sqlite":   # AUTOINCREMENT never hands out an id twice: neither do we
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [AuditEntry._meta.db_table])
            row = cursor.fetchone()
            start = max(start, row[0] if row else 0)
        else:
            cursor.execute(f"SELECT MAX(id) FROM {table}")
            start = max(start, cursor.fetchone()[0] or 0)
        return list(range(start + 1, start + 1 + count))


def write_entries(items, *, actor):
    """Append many entries at once, in the order given: the same entries, and the same chain, as one write_entry
    per item, written with one INSERT per batch. `items` are (verb, record_type, record_uid, changes).

    The id is part of what is hashed, so ids are reserved first (under the chain's lock), then each entry is hashed
    in order over the previous one's hash. Runs inside the caller's transaction."""
    from qorgau.keys.keyring import secret

    items = list(items)
    if not items:
        return []
    key = secret("audit")
    with transaction.atomic():
        _lock_chain()
        last = AuditEntry.objects.order_by("-id").only("id", "hash").first()
        ids = _reserve_ids(len(items), last.id if last else 0)
        now = timezone.now()
        actor_id = actor.pk if getattr(actor, "pk", None) else None
        label = actor_label(actor)
        previous = last.hash if last else GENESIS
        # Rows, not model instances: the values (and hashes) AuditEntry(...) and its compute_hash would give.
        at = AuditEntry._meta.get_field("at").get_db_prep_save(now, connection)   # one conversion for all
        rows, entries = [], []
        for entry_id, (verb, record_type, record_uid, changes) in zip(ids, items):
            changes = changes or {}
            prev_hash = previous
            previous = entry_hash(key, payload(entry_id, now, label, actor_id, verb, record_type, record_uid,
                                               changes, prev_hash))
            rows.append((entry_id, at, actor_id, label, verb, record_type, record_uid, changes, prev_hash,
                         previous))
            entries.append(Written(entry_id, previous))
        from qorgau.lib.bulk import insert_values

        insert_values(AuditEntry, ENTRY_COLUMNS, rows)
        _checkpoint_after_commit(ids[-1])
        return entries


ENTRY_COLUMNS = ("id", "at", "actor", "actor_label", "verb", "record_type", "record_uid", "changes", "prev_hash",
                 "hash")


@dataclass(frozen=True)
class Written:
    """An entry write_entries appended: its id and hash (read the entry itself from AuditEntry)."""
    id: int
    hash: str

    @property
    def pk(self):
        return self.id


# --- checkpoints --------------------------------------------------------------------------------------------

class _Pending:
    covered_id = 0  # the last entry a checkpoint written by this process covers


def checkpoints_path():
    configured = getattr(settings, "QORGAU_AUDIT_CHECKPOINTS", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "audit" / "checkpoints.log"


def _checkpoint_after_commit(entry_id):
    """After the transaction that wrote this entry commits, one checkpoint covers it (and the rest of the
    transaction's entries: their callbacks then find them covered and return at once)."""

    def run():
        if entry_id <= _Pending.covered_id:
            return
        try:
            write_checkpoint()
        except Exception:  # a checkpoint is a safeguard; never fail the user's write for it
            import logging

            logging.getLogger(__name__).exception("Could not write an audit checkpoint")

    transaction.on_commit(run)


def _checkpoint_mac(line):
    from qorgau.keys.keyring import secret

    body = f"{line['at']}|{line['count']}|{line['last_id']}|{line['head']}".encode()
    return hmac.new(secret("audit"), body, "sha256").hexdigest()


def current_head():
    last = AuditEntry.objects.order_by("-id").only("id", "hash").first()
    count = AuditEntry.objects.count() if last else 0
    return count, (last.id if last else 0), (last.hash if last else GENESIS)


def write_checkpoint():
    """Append the chain's current count and head to the checkpoint file; return the line written."""
    from qorgau.keys.files import open_private, private_dir

    count, last_id, head = current_head()
    line = {"at": timezone.now().isoformat(timespec="seconds"), "count": count, "last_id": last_id, "head": head}
    line["mac"] = _checkpoint_mac(line)
    text = json.dumps(line, sort_keys=True)
    path = checkpoints_path()
    private_dir(path.parent)
    with open_private(path, "a", encoding="utf-8") as stream:
        stream.write(text + "\n")
        stream.flush()
        os.fsync(stream.fileno())
    _Pending.covered_id = max(_Pending.covered_id, last_id)
    return text


def read_checkpoints(path=None):
    """(line number, checkpoint) pairs; a line that is not a valid checkpoint is reported as a problem."""
    path = Path(path) if path else checkpoints_path()
    checkpoints, problems = [], []
    if not path.exists():
        return checkpoints, problems
    with path.open(encoding="utf-8") as stream:
        for number, raw in enumerate(stream, 1):
            raw = raw.strip()
            if not raw:
                continue
            try:
                line = json.loads(raw)
                valid = hmac.compare_digest(line["mac"], _checkpoint_mac(line))
            except (ValueError, KeyError, TypeError):
                valid = False
            if valid:
                checkpoints.append((number, line))
            else:
                problems.append(f"checkpoint line {number} of {path} was not written with the audit key")
    return checkpoints, problems


# --- verifying ----------------------------------------------------------------------------------------------

@dataclass
class ChainReport:
    checked: int
    broken_at: int | None = None
    reason: str = ""
    checkpoints: int = 0
    warnings: list = field(default_factory=list)

    @property
    def intact(self):
        return self.broken_at is None and not self.reason


def verify_chain(batch_size=5000, checkpoint_files=()):
    """Walk the whole chain and compare it with the checkpoints; report the first problem and where it is."""
    from qorgau.keys.keyring import secret

    key = secret("audit")
    files = [None, *checkpoint_files]
    checkpoints, problems = [], []
    for path in files:
        found, bad = read_checkpoints(path)
        checkpoints.extend(line for _, line in found)
        problems.extend(bad)
    wanted = {}
    for line in checkpoints:
        wanted.setdefault(line["last_id"], []).append(line)

    previous_hash = GENESIS
    previous_id = 0
    checked = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=batch_size):
        if entry.compute_hash(key) != entry.hash:
            return ChainReport(checked, entry.id, "its content was altered after it was written, or the entry "
                                                  "was written without the audit key", len(checkpoints))
        if entry.prev_hash != previous_hash:
            if checked == 0:
                reason = "the first entries of the log are missing"
            elif entry.id > previous_id + 1:
                reason = (f"entries {previous_id + 1}–{entry.id - 1} are missing (it does not follow "
                          f"entry {previous_id})")
            else:
                reason = f"it does not follow entry {previous_id}: entries were removed or reordered"
            return ChainReport(checked, entry.id, reason, len(checkpoints))
        checked += 1
        for line in wanted.pop(entry.id, ()):
            if line["head"] != entry.hash or line["count"] != checked:
                return ChainReport(checked, entry.id,
                                   f"the checkpoint of {line['at']} recorded {line['count']} entries ending here, "
                                   f"the log now has {checked}", len(checkpoints))
        previous_hash, previous_id = entry.hash, entry.id
    if wanted:
        line = max((line for lines in wanted.values() for line in lines), key=lambda line: line["last_id"])
        if line["last_id"] > previous_id:
            where = f"after entry {previous_id}" if previous_id else "all entries"
            return ChainReport(checked, line["last_id"],
                               f"entries were removed ({where}): the checkpoint of {line['at']} recorded "
                               f"{line['count']} entries ending at entry {line['last_id']}, the log now has "
                               f"{checked}", len(checkpoints))
        return ChainReport(checked, line["last_id"], f"entry {line['last_id']}, recorded by the checkpoint of "
                                                     f"{line['at']}, is missing", len(checkpoints))
    report = ChainReport(checked, checkpoints=len(checkpoints))
    if problems:
        report.reason = "; ".join(problems)
    elif not checkpoints and checked:
        report.warnings.append("no checkpoints found: removal of the last entries cannot be detected "
                               f"(expected {checkpoints_path()})")
    return report


def rekey_legacy_chain():
    """Once, on upgrade: an unkeyed chain that is intact is re-sealed under the audit key.

    Only while no checkpoint exists yet (a keyed log never goes back to this state)."""
    if checkpoints_path().exists():
        return 0
    from qorgau.keys.keyring import secret

    key = secret("audit")
    previous_legacy, previous_new = GENESIS, GENESIS
    updates = []
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=5000):
        if entry.hash == entry.compute_hash(key) and entry.prev_hash == previous_new:
            previous_legacy = previous_new = entry.hash
            continue
        if entry.prev_hash != previous_legacy or entry.compute_legacy_hash() != entry.hash:
            return 0  # not an intact legacy chain: leave it for `audit verify` to report
        previous_legacy = entry.hash
        entry.prev_hash = previous_new
        entry.hash = entry.compute_hash(key)
        previous_new = entry.hash
        updates.append(entry)
    with transaction.atomic():
        for entry in updates:
            AuditEntry.objects.filter(pk=entry.pk).update(prev_hash=entry.prev_hash, hash=entry.hash)
    if AuditEntry.objects.exists():
        write_checkpoint()
    return len(updates)
