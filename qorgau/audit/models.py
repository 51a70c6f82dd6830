"""The audit log: who created, changed, deleted or opened what, and when.

Invariant: entries are only appended. Each entry's hash covers its content and
the previous entry's hash, so removing or altering an entry breaks the chain
from that point on (`qorgau audit verify`).
"""

import hashlib
import json

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
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
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "actor": self.actor_label,
            "verb": self.verb,
            "record_type": self.record_type,
            "record_uid": self.record_uid,
            "changes": self.changes,
            "prev": self.prev_hash,
        }

    def compute_hash(self):
        encoded = json.dumps(self.payload(), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb} {self.record_uid}"
