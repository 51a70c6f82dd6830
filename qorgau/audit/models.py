"""The audit log: who created, changed, deleted or opened what, and when.

Invariant: entries are only appended. Each entry's hash is an HMAC, under the
audit key from the keyring (outside the database), of its content and the previous
entry's hash: removing, altering or reordering an entry breaks the chain from that
point on, and nobody without the key can recompute it (`qorgau audit verify`).
Checkpoints (count and head) in a separate append-only file catch cut-off tails.
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import models


def payload(entry_id, at, actor_label, actor_id, verb, record_type, record_uid, changes, prev_hash):
    """What an entry's hash covers (AuditEntry.payload; write_entries hashes entries it never builds)."""
    return {
        "id": entry_id,
        "at": at.isoformat(),
        "actor": actor_label,
        "actor_id": actor_id,
        "verb": verb,
        "record_type": record_type,
        "record_uid": record_uid,
        "changes": changes,
        "prev": prev_hash,
    }


def encoded(payload):
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


def entry_hash(key, payload):
    return hmac.new(key, encoded(payload), hashlib.sha256).hexdigest()


class AuditEntry(models.Model):
    at = models.DateTimeField()
    # An account with history is deactivated, not deleted: the chain covers actor_id.
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    actor_label = models.CharField(max_length=150)
    verb = models.CharField(max_length=32)
    record_type = models.CharField(max_length=40, blank=True)
    record_uid = models.CharField(max_length=64, blank=True, db_index=True)
    changes = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "audit entries"

    def payload(self):
        return payload(self.id, self.at, self.actor_label, self.actor_id, self.verb, self.record_type,
                       self.record_uid, self.changes, self.prev_hash)

    def encoded(self):
        return encoded(self.payload())

    def compute_hash(self, key=None):
        """HMAC-SHA256 under the audit key; only whoever holds the master key can produce it."""
        if key is None:
            from qorgau.keys.keyring import secret

            key = secret("audit")
        return hmac.new(key, self.encoded(), hashlib.sha256).hexdigest()

    def compute_legacy_hash(self):
        """The unkeyed hash of releases before the audit key (used once, to re-key an old chain)."""
        payload = self.payload()
        payload.pop("actor_id")
        encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb} {self.record_uid}"
