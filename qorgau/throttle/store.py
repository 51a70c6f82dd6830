"""Atomic increments on the shared counter table.

One `INSERT … ON CONFLICT DO UPDATE … RETURNING` per call: atomic on PostgreSQL and on SQLite (3.35+), so two
worker processes counting the same key at the same moment both see the right total.
"""

import random
import time

from django.db import connection

from .models import Counter

_UPSERT = ("INSERT INTO throttle_counter (key, count, expires) VALUES (%s, %s, %s) "
           "ON CONFLICT (key) DO UPDATE SET count = throttle_counter.count + excluded.count RETURNING count")
# About one call in this many also deletes the counters whose window has passed.
SWEEP_EVERY = 1000
_roll = random.randrange  # the draw that decides it (a test holds it still)


def increment(key, expires, amount=1):
    """Count `key` `amount` more and return its new total. `expires`: when the counter may be forgotten."""
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [key, int(amount), int(expires)])
        total = cursor.fetchone()[0]
    maybe_sweep()
    return total


def maybe_sweep():
    """Now and then (one call in SWEEP_EVERY), forget the counters whose window has passed."""
    if _roll(SWEEP_EVERY) == 0:
        sweep()


def sweep(now=None):
    """Forget every counter whose window has passed."""
    return Counter.objects.filter(expires__lt=int(now or time.time())).delete()[0]
