"""Reading every row a query selects, fast and in bounded memory.

`rows(queryset, chunk_size)` yields the plain rows of a `values_list` query as the database driver gives them: no
Django converters per value (a JSON field comes as its text, a decimal as the driver's number), streamed in chunks
(SQLite's cursor; a server-side cursor on PostgreSQL). The caller decodes what it needs, once per distinct value.

`planned_for_whole_reads()`: PostgreSQL plans a server-side cursor for its first rows (cursor_tuple_fraction 0.1):
at a million acts semi-joins then ran as nested loops (open data: 369 s instead of 25 s; the date-range statistics'
provisions: > 10 min). A reader of every row asks for plans made for all of them, on this connection, for the
duration of the block.
"""

import gc
from contextlib import contextmanager

from django.db import DatabaseError, connections
from django.db.models.sql.constants import MULTI


@contextmanager
def session_settings(connection, settings):
    """Run {vendor: (statement that sets, statement that resets)} of the connection's database for the block (none
    for another database), reset after — also after a failure, which stays the one the caller sees."""
    statements = settings.get(connection.vendor)
    if statements is None:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(statements[0])
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute(statements[1])
        except DatabaseError:
            # A failed statement aborted the caller's transaction: its rollback undoes the SET, and the failure
            # itself is what the caller must see (not "current transaction is aborted").
            if not connection.in_atomic_block:
                raise


def planned_for_whole_reads(using="default"):
    return session_settings(connections[using],
                            {"postgresql": ("SET cursor_tuple_fraction = 1.0", "RESET cursor_tuple_fraction")})


def rows(queryset, chunk_size=20000):
    """The rows of a `values_list` queryset, unconverted, streamed (see the module's text)."""
    compiler = queryset.query.get_compiler(using=queryset.db)
    chunks = compiler.execute_sql(MULTI, chunked_fetch=True, chunk_size=chunk_size)
    if chunks is None:  # an empty result known before any query (e.g. `filter(id__in=[])`)
        return
    for chunk in chunks:
        yield from chunk


@contextmanager
def no_cycle_collection():
    """Pause Python's cyclic garbage collector for the block (as it was after). Reading tens of thousands of rows
    makes hundreds of thousands of tuples and strings, none of them in a cycle, and each allocation threshold passed
    starts a collection that walks them (a full one walks the whole heap): work for nothing. Only for a block that
    makes no cycles worth collecting before it ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
