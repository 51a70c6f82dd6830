from django.db import models


class Counter(models.Model):
    """How many times `key` was counted before `expires` (seconds since the epoch).

    The key never holds a client's address: callers pass a keyed hash of it (see campaigns/ratelimit.py).
    """

    key = models.CharField(max_length=96, primary_key=True)
    count = models.IntegerField(default=0)
    expires = models.BigIntegerField(db_index=True)

    class Meta:
        db_table = "throttle_counter"
