"""Judgements: a reviewer's decision that two person records are the same, different or unsure.

Invariant: a judgement is never deleted; a newer one supersedes it. Persons are
named by uid so that a judgement survives merges and unmerges.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Decision(models.TextChoices):
    SAME = "same", _("Same person")
    DIFFERENT = "different", _("Different people")
    UNSURE = "unsure", _("Unsure")


class Judgement(models.Model):
    uid = models.CharField(max_length=64, unique=True)
    left_uid = models.CharField(max_length=64, db_index=True)
    right_uid = models.CharField(max_length=64, db_index=True)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField()
    note = models.TextField(blank=True)
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at", "id"]


def new_candidate_id():
    from qorgau.lib.identifiers import new_uid

    return new_uid("cnd_")


def new_merge_id():
    from qorgau.lib.identifiers import new_uid

    return new_uid("mrg_")


class Candidate(models.Model):
    """A pair of person records that may be one human being, with the score and the evidence."""

    # Its name in URLs and forms: random, so the numbers a reviewer sees do not count the pairs they may not
    # (session 16 audit; as attachments and charts since session 14).
    public_id = models.CharField(max_length=20, unique=True, default=new_candidate_id, editable=False)
    left = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    evidence = models.JSONField(default=list)
    status = models.CharField(max_length=12, default="open")  # open | judged
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [models.UniqueConstraint(fields=["left", "right"], name="candidate_pair_once")]


class Merge(models.Model):
    """What a merge moved, so that unmerge can move exactly that back. Never deleted."""

    # Its name in the unmerge address: random, as a candidate's (session 16 audit).
    public_id = models.CharField(max_length=20, unique=True, default=new_merge_id, editable=False)
    kept = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="+")
    merged = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="+")
    moved = models.JSONField(default=dict)
    actor_label = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField()
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]


class BlockingKey(models.Model):
    """A person's blocking keys, stored so that a new person is compared only with the records that share a key
    (an indexed query) instead of reading every person. Derived data, like the search index: written by the same
    actions through `qorgau.records.indexing` (create, rename, names added or removed, merge, unmerge, delete,
    restore) and recreated by `rebuild_index()`. The keys are those `resolution.blocking.person_keys` computes."""

    person = models.ForeignKey("records.Person", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["key", "person"], name="blocking_key_person"),
                   models.Index(fields=["person"], name="blocking_person")]
