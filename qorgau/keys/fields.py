"""Model fields whose values are stored sealed with the data key and read back as plain text.

- `SealedTextField` seals every non-empty value, whichever way it is written
  (save, bulk_create, update(), bulk_update). Use it for values that are
  confidential by nature: contacts, notes, document texts.
- `ConfidentialCharField` / `ConfidentialTextField` seal a value when the row
  holding it is confidential *when saved* (`field_level(name)` of a record, or the
  row's `sensitivity` for names). update() and bulk_update() skip that decision;
  `qorgau keys seal` (run by `qorgau init` and `keys rotate --reencrypt`) catches up.

Reading is transparent everywhere (from_db_value). What no longer works on these
columns: filtering on their content in SQL (=, contains), ordering by them, raw SQL
that reads them. An empty value is stored empty, so `field=""` still works.
"""

from django.db import models

from qorgau.lib import sensitivity as levels

from .crypto import is_sealed, seal, unseal


class _ToSeal(str):
    """A value pre_save decided to seal (get_db_prep_value then does)."""


class _SealingMixin:
    always = False

    def from_db_value(self, value, expression, connection):
        return unseal(value) if value else value

    def to_python(self, value):
        value = super().to_python(value)
        return unseal(value) if is_sealed(value) else value

    def _wants_seal(self, instance):
        if self.always:
            return True
        if hasattr(instance, "field_level"):
            return instance.field_level(self.attname) == levels.CONFIDENTIAL
        return getattr(instance, "sensitivity", None) == levels.CONFIDENTIAL

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if value and not self.always and self._wants_seal(model_instance):
            return _ToSeal(value)
        return value

    def get_db_prep_value(self, value, connection, prepared=False):
        wants = self.always or isinstance(value, _ToSeal)
        value = super().get_db_prep_value(value, connection, prepared)
        if value and wants:
            value = seal(str(value))
        return value


class SealedTextField(_SealingMixin, models.TextField):
    always = True


class ConfidentialTextField(_SealingMixin, models.TextField):
    pass


class ConfidentialCharField(_SealingMixin, models.CharField):
    """A CharField whose column is wide enough for a sealed value (max_length is what users may type)."""

    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return f"varchar({sealed_length(self.max_length)})"
        return super().db_type(connection)

    def cast_db_type(self, connection):
        return self.db_type(connection)


def sealed_length(max_length):
    # UTF-8 takes at most 4 bytes a character; nonce and tag 28; base64 4/3; prefix and key id.
    return (max_length * 4 + 28) * 4 // 3 + 32


def sealed_fields():
    """(model, [field names]) for every model with a sealed or confidential field."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, _SealingMixin)]
        if names:
            found.append((model, names))
    return found


def reseal_all(batch_size=500, models=None, progress=None):
    """Seal values that should be sealed and re-seal ones under an older data key, in small transactions.

    Safe while Qorgau runs: each batch re-reads its rows and writes them in one transaction; readers see
    either the old or the new ciphertext, both readable."""
    from django.db import transaction

    from . import keyring
    from .crypto import sealed_key_id

    current, _ = keyring.data_key()
    changed = 0
    for model, names in sealed_fields():
        if models is not None and model not in models:
            continue
        fields = [model._meta.get_field(name) for name in names]
        last_pk = 0
        while True:
            with transaction.atomic():
                batch = list(model._base_manager.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
                if not batch:
                    break
                last_pk_before, last_pk = last_pk, batch[-1].pk
                stored = _stored_values(model, fields, last_pk_before, last_pk)
                for obj in batch:
                    updates = {}
                    for field in fields:
                        value = getattr(obj, field.attname)
                        if not value:
                            continue
                        was = stored.get(obj.pk, {}).get(field.column)
                        should = field.always or field._wants_seal(obj)
                        if should and (not is_sealed(was) or sealed_key_id(was) != current):
                            updates[field.attname] = seal(value)
                        elif not should and is_sealed(was):
                            updates[field.attname] = value
                    if updates:
                        _write_raw(model, obj.pk, updates)
                        changed += 1
            if progress:
                progress(model, last_pk)
    if models is None:  # second-factor secrets too (not model fields of ours: see otp.py)
        from .otp import reseal_devices

        changed += reseal_devices()
    return changed


def _stored_values(model, fields, after_pk, last_pk):
    """{pk: {column: value as stored}} for a range of rows, read past the fields' decryption."""
    from django.db import connection

    pk_column = model._meta.pk.column
    columns = ", ".join(f'"{field.column}"' for field in fields)
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT "{pk_column}", {columns} FROM "{model._meta.db_table}" '
                       f'WHERE "{pk_column}" > %s AND "{pk_column}" <= %s', [after_pk, last_pk])
        return {row[0]: {field.column: value for field, value in zip(fields, row[1:])} for row in cursor.fetchall()}


def _write_raw(model, pk, values):
    """Write column values as given (already sealed or deliberately plain), bypassing the fields."""
    from django.db import connection

    table = model._meta.db_table
    assignments = ", ".join(f'"{model._meta.get_field(name).column}" = %s' for name in values)
    with connection.cursor() as cursor:
        cursor.execute(f'UPDATE "{table}" SET {assignments} WHERE "{model._meta.pk.column}" = %s',
                       [*values.values(), pk])


def _needs_sealing(model, fields):
    """Whether some row still holds, in plain text, a value that should be sealed (a quick SQL check)."""
    from django.db import connection

    table = model._meta.db_table
    for field in fields:
        condition = f'"{field.column}" <> \'\' AND "{field.column}" NOT LIKE \'qe1:%%\''
        if not field.always:
            if not any(f.name == "sensitivity" for f in model._meta.concrete_fields):
                continue
            condition += " AND (sensitivity = 'confidential'"
            if any(f.name == "field_sensitivity" for f in model._meta.concrete_fields):
                condition += f" OR CAST(field_sensitivity AS TEXT) LIKE '%%\"{field.name}\"%%'"
            condition += ")"
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT 1 FROM "{table}" WHERE {condition} LIMIT 1')
            if cursor.fetchone():
                return True
    return False


def seal_pending():
    """Seal what older releases (or update()) left plain; cheap when nothing is. Returns rows changed."""
    from .otp import needs_sealing, reseal_devices

    pending = [model for model, names in sealed_fields()
               if _needs_sealing(model, [model._meta.get_field(name) for name in names])]
    devices = needs_sealing()
    if not pending and not devices:
        return 0
    changed = reseal_all(models=pending) if pending else 0
    if devices:
        changed += reseal_devices(only_plain=True)
    compact_database()
    return changed


def compact_database():
    """After sealing, leave no plain copy behind in free pages or the write-ahead log (SQLite)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
