"""Writing and checking the audit chain."""

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from qorgau.audit.models import AuditEntry

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
        entry.hash = entry.compute_hash()
        AuditEntry.objects.filter(pk=entry.pk).update(hash=entry.hash)
        return entry


@dataclass
class ChainReport:
    checked: int
    broken_at: int | None = None
    reason: str = ""

    @property
    def intact(self):
        return self.broken_at is None


def verify_chain(batch_size=5000):
    """Walk the whole chain; report the first entry whose hash or link is wrong."""
    previous_hash = GENESIS
    previous_id = 0
    checked = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=batch_size):
        if entry.prev_hash != previous_hash:
            reason = "an entry before it was removed or altered" if checked else "the first entry does not start the chain"
            if entry.id != previous_id + 1:
                reason = f"entries {previous_id + 1}–{entry.id - 1} are missing"
            return ChainReport(checked, entry.id, reason)
        if entry.compute_hash() != entry.hash:
            return ChainReport(checked, entry.id, "its content was altered after it was written")
        previous_hash, previous_id = entry.hash, entry.id
        checked += 1
    return ChainReport(checked)
