"""Snapshots of deleted records, so that an administrator can restore them.

Invariant: a delete changes nothing it does not write down here first. `rows` lists, in order, every row the
delete touched: the records it marked deleted (with all their fields), the rows it removed (link rows, names,
citations of a deleted document) and the fields it cleared on other records. Restore replays the list backwards.
The snapshot holds confidential values, so it is never shown: the admin page lists a deletion by its record's
uid, type and, where the reader may see it, its name; the audit log gets masked values only.
"""

from django.db import models


class Deletion(models.Model):
    uid = models.CharField(max_length=64, unique=True)
    record_type = models.CharField(max_length=40)
    record_uid = models.CharField(max_length=64, db_index=True)
    label = models.CharField(max_length=300, blank=True, help_text="The record's name, at the record's level.")
    sensitivity = models.CharField(max_length=16)
    rows = models.JSONField(default=list)
    at = models.DateTimeField()
    actor_label = models.CharField(max_length=150)
    restored_at = models.DateTimeField(null=True, blank=True)
    restored_by = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.record_type} {self.record_uid}"
