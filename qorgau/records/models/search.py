"""The search index: folded words of each record, one row per sensitivity level.

Invariant: a row holds only text of its `level`, so filtering rows by the
reader's levels is enough to keep confidential names out of search results.
"""

from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=16)
    record_id = models.PositiveBigIntegerField()
    level = models.CharField(max_length=16)
    text = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["kind", "record_id"])]
