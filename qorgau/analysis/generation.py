"""One counter that says "a record has changed", for everything cached from records (statistics tables, facet
counts of the filtered lists, the filter bars' choices).

A cached value is keyed by the generation it was computed at, so a change makes every older value unreachable
at once; nothing has to know which values a change touches. The generation has two parts:
- a row in the database (`CacheGeneration`), bumped after each committing transaction that saved or deleted a
  watched record, so every process (every gunicorn worker) sees the change and the count survives a restart;
- a counter in this process, bumped at once (inside the transaction), so the process that made a change sees it
  before the commit too (and tests, which never commit, see it).

Reading the generation costs one indexed query per request. Changes that bypass the models (bulk loads,
queryset updates) call `bump()` themselves or show once the cache entries expire (CACHE_SECONDS).
"""

import hashlib
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F

CACHE_SECONDS = 600
_NAME = "records"


def current():
    """The generation now, as a string usable in a cache key."""
    from .models import CacheGeneration

    stored = CacheGeneration.objects.filter(name=_NAME).values_list("value", flat=True).first() or 0
    return f"{stored}.{cache.get_or_set('generation:local', 0, None)}"


def _bump_stored():
    from .models import CacheGeneration

    if not CacheGeneration.objects.filter(name=_NAME).update(value=F("value") + 1):
        try:
            with transaction.atomic():
                CacheGeneration.objects.create(name=_NAME, value=1)
        except IntegrityError:  # another process made it meanwhile
            CacheGeneration.objects.filter(name=_NAME).update(value=F("value") + 1)


def bump(**kwargs):
    """A watched record changed (a signal receiver, or called after a bulk change)."""
    try:
        cache.incr("generation:local")
    except ValueError:
        cache.set("generation:local", 1, None)
    # One stored bump per transaction, however many records it changed (a rolled-back transaction drops it).
    connection = transaction.get_connection()
    if not any(entry[1] is _bump_stored for entry in connection.run_on_commit):
        transaction.on_commit(_bump_stored, robust=True)  # a failed bump is logged, never undoes the change


def key(namespace, level, parts):
    """A cache key for `namespace` at this generation, reading level and these parts (filters...)."""
    digest = hashlib.sha256(repr((level, parts)).encode()).hexdigest()[:32]
    return f"{namespace}:{current()}:{digest}"


def cached(namespace, level, parts, compute):
    """The value cached under (namespace, generation, level, parts), computed on a miss."""
    name = key(namespace, level, parts)
    value = cache.get(name)
    if value is None:
        value = compute()
        cache.set(name, value, CACHE_SECONDS)
    return value
