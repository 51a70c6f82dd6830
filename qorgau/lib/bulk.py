"""Inserting many rows of one table with one prepared statement (executemany).

Django's bulk_create compiles one INSERT with a placeholder per value and prepares each value through several
layers; for the thousands of rows one ingested document makes (audit entries, proposals, an act's links) that
preparation costs more than the database. Here each value goes through the field's own `get_db_prep_save`
(and `pre_save`) only when the field is not one of Django's plain ones, or the value is not a plain str, int,
bool or None: a field of ours that seals or computes a value (qorgau.keys.fields) always goes the full way.

It writes rows and nothing else (no signals, no ids read back): callers are the actions modules and the audit log,
which audit and index what they write (tests/test_one_writer.py).
"""

from django.db import connections, router

PLAIN = (str, int, bool, type(None))


def _plain_field(field):
    return type(field).__module__.startswith("django.db.models") and not getattr(field, "auto_now", False) \
        and not getattr(field, "auto_now_add", False)


def insert_rows(model, objects):
    """INSERT the rows of `objects` (unsaved instances of `model`). A primary key left empty is the database's."""
    objects = list(objects)
    if not objects:
        return 0
    using = router.db_for_write(model)
    connection = connections[using]
    fields = [f for f in model._meta.concrete_fields
              if not (f.primary_key and getattr(objects[0], f.attname) is None)]
    plain = [_plain_field(f) for f in fields]
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
           f"VALUES ({', '.join(['%s'] * len(fields))})")
    rows = []
    for obj in objects:
        row = []
        for field, is_plain in zip(fields, plain):
            value = getattr(obj, field.attname)
            if not (is_plain and isinstance(value, PLAIN)):
                value = field.get_db_prep_save(field.pre_save(obj, True), connection)
            row.append(value)
        rows.append(row)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 2000):
            cursor.executemany(sql, rows[start:start + 2000])
    return len(rows)
