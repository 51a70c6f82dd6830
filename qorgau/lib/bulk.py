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
    # A JSON field's str, int or bool value is JSON text to encode, never a value to pass as it is.
    from django.db.models import JSONField

    return type(field).__module__.startswith("django.db.models") and not getattr(field, "auto_now", False) \
        and not getattr(field, "auto_now_add", False) and not isinstance(field, JSONField)


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
    sql = _insert_sql(connection, model, fields)
    rows = []
    for obj in objects:
        row = []
        for field, is_plain in zip(fields, plain):
            value = getattr(obj, field.attname)
            if not (is_plain and isinstance(value, PLAIN)):
                value = field.get_db_prep_save(field.pre_save(obj, True), connection)
            row.append(value)
        rows.append(row)
    _execute(connection, sql, rows)
    return len(rows)


def _insert_sql(connection, model, fields):
    quote = connection.ops.quote_name
    return (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
            f"VALUES ({', '.join(['%s'] * len(fields))})")


def _execute(connection, sql, rows):
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 2000):
            cursor.executemany(sql, rows[start:start + 2000])


def insert_values(model, names, rows):
    """INSERT `rows` (tuples of Python values, one per field named in `names`, in that order) into `model`'s
    table, without building a model instance per row: the values `insert_rows` would write for instances holding
    them. Only for fields whose value needs no `pre_save` (no auto_now, no sealing field of ours: those need an
    instance, use insert_rows); a value that is not a plain str, int, bool or None goes through the field's
    `get_db_prep_save` as there."""
    if not rows:
        return 0
    using = router.db_for_write(model)
    connection = connections[using]
    fields = [model._meta.get_field(name) for name in names]
    for field in fields:
        if not type(field).__module__.startswith("django.db.models") or getattr(field, "auto_now", False) \
                or getattr(field, "auto_now_add", False):
            raise ValueError(f"{model.__name__}.{field.name} needs its pre_save: use insert_rows")
    plain = [_plain_field(f) for f in fields]
    sql = _insert_sql(connection, model, fields)
    prepared = []
    for row in rows:
        prepared.append([value if is_plain and isinstance(value, PLAIN) else field.get_db_prep_save(value, connection)
                         for field, is_plain, value in zip(fields, plain, row)])
    _execute(connection, sql, prepared)
    return len(prepared)
