"""One encrypted, integrity-checked archive of everything, and restoring it.

File layout (all integers big-endian):
    b"QORGAU-BACKUP/1\\n"  4-byte header length  header (JSON: scrypt salt and cost, chunk size)
    then chunks: 4-byte length, AES-256-GCM(chunk) with nonce = 8 random bytes of the header + chunk number
    and associated data = header digest, chunk number and a final flag.
The key is scrypt(passphrase). Changing, dropping, reordering or cutting chunks makes decryption fail;
without the passphrase nothing but the header's salt and sizes is visible.

Inside, a stream of frames (kind, name, bytes): the manifest, the keyring's keys in plain (so inside the
archive they are wrapped by the backup passphrase only), the session signing key, the audit checkpoints,
the database as Django-serialized JSON batches (a logical dump: the same archive restores on SQLite and
PostgreSQL), and the stored originals as they are on disk (already encrypted with the files key).
"""

import datetime
import decimal
import hashlib
import json
import re
import secrets
import struct
import uuid
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from . import keyring
from .files import UnreadableSecret, open_private, private_dir, read_secret_text, write_private

MAGIC = b"QORGAU-BACKUP/1\n"
CHUNK = 1 << 20
BATCH = 2000
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
SKIPPED_MODELS = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


class BackupError(Exception):
    pass


def _derive(passphrase, header):
    params = header["scrypt"]
    return Scrypt(salt=bytes.fromhex(header["salt"]), length=32, n=params["n"], r=params["r"],
                  p=params["p"]).derive(passphrase.encode("utf-8"))


class _Sealer:
    """A write-only stream that encrypts what it is given in numbered chunks."""

    def __init__(self, stream, passphrase):
        self.header = {"scrypt": dict(SCRYPT), "salt": secrets.token_hex(16), "nonce": secrets.token_hex(8),
                       "chunk": CHUNK}
        encoded = json.dumps(self.header, sort_keys=True).encode()
        stream.write(MAGIC + struct.pack(">I", len(encoded)) + encoded)
        self.stream, self.aead = stream, AESGCM(_derive(passphrase, self.header))
        self.digest = hashlib.sha256(encoded).digest()
        self.buffer, self.number, self.written = bytearray(), 0, 0

    def write(self, data):
        self.buffer += data
        while len(self.buffer) >= CHUNK:
            self._emit(bytes(self.buffer[:CHUNK]), final=False)
            del self.buffer[:CHUNK]

    def _emit(self, plain, final):
        nonce = bytes.fromhex(self.header["nonce"]) + struct.pack(">I", self.number)
        aad = self.digest + struct.pack(">I?", self.number, final)
        body = self.aead.encrypt(nonce, plain, aad)
        self.stream.write(struct.pack(">I", len(body)) + body)
        self.number += 1
        self.written += len(body) + 4

    def close(self):
        self._emit(bytes(self.buffer), final=True)
        self.buffer = bytearray()


def _chunks(stream, passphrase):
    """The plain chunks of an archive, each checked; raises BackupError at the first problem."""
    if stream.read(len(MAGIC)) != MAGIC:
        raise BackupError("This is not a Qorgau backup.")
    try:
        (length,) = struct.unpack(">I", stream.read(4))
        encoded = stream.read(length)
        header = json.loads(encoded)
        aead = AESGCM(_derive(passphrase, header))
        prefix = bytes.fromhex(header["nonce"])
    except (struct.error, ValueError, KeyError, TypeError):
        raise BackupError("The backup's header is damaged.") from None
    digest = hashlib.sha256(encoded).digest()
    number = 0
    while True:
        size = stream.read(4)
        if len(size) < 4:
            raise BackupError("The backup is cut short (its last part is missing).")
        wanted = struct.unpack(">I", size)[0]
        body = stream.read(wanted)
        if len(body) < wanted:
            raise BackupError("The backup is cut short (its last part is missing).")
        nonce = prefix + struct.pack(">I", number)
        for final in (False, True):
            try:
                plain = aead.decrypt(nonce, body, digest + struct.pack(">I?", number, final))
                break
            except InvalidTag:
                continue
        else:
            if number == 0:
                raise BackupError("Wrong passphrase, or the backup is damaged.")
            raise BackupError(f"The backup is damaged (part {number + 1} does not check out).")
        yield plain
        number += 1
        if final:
            if stream.read(1):
                raise BackupError("The backup has extra data after its end.")
            return


class _Reader:
    def __init__(self, chunks):
        self.chunks, self.buffer = chunks, bytearray()

    def read(self, size):
        while len(self.buffer) < size:
            try:
                self.buffer += next(self.chunks)
            except StopIteration:
                break
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data


def _frame(out, kind, name, data):
    encoded = name.encode()
    out.write(kind + struct.pack(">H", len(encoded)) + encoded + struct.pack(">Q", len(data)))
    out.write(data)


# A stored original is kept as <folder>/<name>.enc under FILES_DIR (documents/storage.py): a name of any other
# shape ("../qorgau.sqlite3") would be written elsewhere in the data directory.
FILE_NAME = re.compile(r"[0-9A-Za-z_-]{1,64}/[0-9A-Za-z_-]{1,200}\.enc")


def max_file_part():
    """The largest stored original a backup may hold: an encrypted file of the largest size an upload or ingest
    may have (QORGAU_MAX_FILE_MB; Fernet adds a third), with room to spare. Checked before the part is read."""
    return 3 * int(getattr(settings, "QORGAU_MAX_FILE_MB", 50)) * 1024 * 1024 + (1 << 20)


def _frames(reader):
    while True:
        head = reader.read(3)
        if len(head) < 3:
            raise BackupError("The backup is incomplete.")
        kind, length = head[:1], struct.unpack(">H", head[1:])[0]
        try:
            name = reader.read(length).decode()
            (size,) = struct.unpack(">Q", reader.read(8))
        except (UnicodeDecodeError, struct.error):
            raise BackupError("The backup is damaged (a part's name does not read).") from None
        if kind == b"F":
            if not FILE_NAME.fullmatch(name):
                raise BackupError(f"The backup holds a stored file named {name[:80]!r}, which is not a stored "
                                  "file's name: nothing was restored.")
            if size > max_file_part():
                raise BackupError(f"The backup holds a stored file of {size} bytes, larger than a stored file may be "
                                  f"({max_file_part()} bytes; QORGAU_MAX_FILE_MB): nothing was restored.")
        data = reader.read(size)
        if len(data) != size:
            raise BackupError("The backup is incomplete.")
        yield kind, name, data
        if kind == b"E":
            return


def _exact(value):
    """JSON for what the python serializer leaves as objects, without losing precision (the audit chain
    covers microseconds; Django's JSON encoder would keep milliseconds)."""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"cannot back up a {type(value).__name__}")


def dumped_models():
    found = []
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if label in SKIPPED_MODELS or model._meta.proxy or not model._meta.managed:
            continue
        found.append(model)
    return found


def write_backup(stream, passphrase):
    """Write the archive; returns a summary (counts per model, files, bytes)."""
    out = _Sealer(stream, passphrase)
    plain_keys = keyring.unwrapped()
    counts, files = {}, 0
    manifest = {"format": "qorgau-backup/1", "created": timezone.now().isoformat(), "vendor": connection.vendor}
    _frame(out, b"M", "manifest.json", json.dumps(manifest).encode())
    _frame(out, b"K", "keyring", json.dumps(plain_keys).encode())
    secret_key = Path(settings.DATA_DIR) / "keys" / "secret_key"
    if secret_key.exists():
        _frame(out, b"S", "secret_key", secret_key.read_bytes())
    # One snapshot: on PostgreSQL a repeatable-read transaction, on SQLite a read transaction.
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        from qorgau.audit.log import checkpoints_path

        if checkpoints_path().exists():
            _frame(out, b"C", "checkpoints", checkpoints_path().read_bytes())
        for model in dumped_models():
            label = model._meta.label_lower
            counts[label] = 0
            last = None
            while True:
                queryset = model._base_manager.order_by("pk")
                if last is not None:
                    queryset = queryset.filter(pk__gt=last)
                batch = list(queryset[:BATCH])
                if not batch:
                    break
                last = batch[-1].pk
                counts[label] += len(batch)
                rows = serializers.serialize("python", batch, use_natural_foreign_keys=True)
                _frame(out, b"D", label, json.dumps(rows, default=_exact, ensure_ascii=False).encode())
        files_dir = Path(settings.FILES_DIR)
        if files_dir.is_dir():
            for path in sorted(files_dir.glob("*/*.enc")):
                _frame(out, b"F", f"{path.parent.name}/{path.name}", path.read_bytes())
                files += 1
    _frame(out, b"E", "end", json.dumps({"counts": counts, "files": files}).encode())
    out.close()
    return {"counts": counts, "files": files, "bytes": out.written}


def check_backup(path, passphrase):
    """Read the whole archive and check every part; write nothing. Returns its end summary."""
    with open(path, "rb") as stream:
        for kind, _, data in _frames(_Reader(_chunks(stream, passphrase))):
            if kind == b"E":
                return json.loads(data)
    raise BackupError("The backup is incomplete.")


# Tables a fresh `migrate` fills (seed places, provisions, criteria; the summaries' readiness flags). Every other
# table of the archive must be empty before a restore DELETEs them all: a row there is someone's data, whether or
# not the audit log recorded it.
SEEDED_BY_MIGRATIONS = {"records.place", "records.placename", "records.provision", "analysis.criteriaset",
                        "analysis.criterion", "analysis.cachegeneration"}


def _seeds():
    """What the migrations seed into the records' tables: place (name, kind), place name (place, name), provision uid."""
    import importlib

    seed_dir = Path(__file__).resolve().parent.parent / "records" / "seed"
    places = json.loads((seed_dir / "places.json").read_text(encoding="utf-8"))
    later = importlib.import_module("qorgau.records.migrations.0007_provisions_of_the_1997_code_and_more_administrative_offences")
    return ({(row["name"], row["kind"]) for row in places},
            {(row["name"], alias[0] if isinstance(alias, list) else alias) for row in places for alias in row.get("names", [])},
            {row["uid"] for row in json.loads((seed_dir / "provisions.json").read_text(encoding="utf-8"))}
            | {row[0] for row in later.ROWS})


def _only_seeds():
    """Places, place names and provisions share their tables with the seeds: a row the migrations do not make
    there (a place or a law added without the audit log) is someone's data too."""
    from qorgau.records.models import Place, PlaceName, Provision

    places, names, provisions = _seeds()
    return (all(row in places for row in Place._base_manager.values_list("name", "kind").iterator())
            and all(row in names for row in PlaceName._base_manager.values_list("place__name", "name").iterator())
            and not Provision._base_manager.exclude(uid__in=provisions).exists())


def _database_is_empty():
    return not any(model._base_manager.exists() for model in dumped_models()
                   if model._meta.label_lower not in SEEDED_BY_MIGRATIONS) and _only_seeds()


def restore_backup(path, passphrase, summary=None):
    """Check the archive whole (unless the caller just did), then restore it into this (empty) data directory
    and database."""
    from django.core.management import call_command

    if summary is None:
        summary = check_backup(path, passphrase)  # nothing is written unless every part checks out
    data_dir = Path(settings.DATA_DIR)
    private_dir(data_dir)
    private_dir(data_dir / "keys")
    if keyring.keyring_path().exists():
        raise BackupError(f"{data_dir} already has keys: restore into a new data directory.")
    call_command("migrate", verbosity=0, interactive=False)
    if not _database_is_empty():
        raise BackupError("The database is not empty: restore into a new database.")
    models_by_label = {model._meta.label_lower: model for model in dumped_models()}
    with open(path, "rb") as stream, transaction.atomic():
        with connection.cursor() as cursor:
            for model in models_by_label.values():  # rows seeded by migrations come back from the backup
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        touched = set()
        for kind, name, data in _frames(_Reader(_chunks(stream, passphrase))):
            if kind == b"K":
                plain = json.loads(data)
                source = keyring.source_from()
                if source is None:
                    keyring.create_keyring()  # a default master key for the new directory
                    source = keyring.source_from()
                keyring.write_keyring(plain, source)
            elif kind == b"S":
                write_private(data_dir / "keys" / "secret_key", data)
            elif kind == b"C":
                from qorgau.audit.log import checkpoints_path

                private_dir(checkpoints_path().parent)
                write_private(checkpoints_path(), data)
            elif kind == b"D":
                model = models_by_label.get(name)
                if model is None:
                    raise BackupError(f"The backup holds {name}, which this version of Qorgau does not know.")
                objects = [item.object for item in serializers.deserialize("python", json.loads(data),
                                                                          ignorenonexistent=True)]
                fields = [f for f in model._meta.local_concrete_fields]
                model._base_manager._insert(objects, fields=fields, raw=True)
                touched.add(model)
            elif kind == b"F":
                folder, filename = name.split("/")
                target = private_dir(Path(settings.FILES_DIR) / folder) / filename
                write_private(target, data)
        if touched and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(touched)):
                    cursor.execute(sql)
    from .fields import compact_database, seal_pending

    seal_pending()
    compact_database()
    return summary


def open_backup_output(path):
    return open_private(path, "wb")


def read_passphrase_file(path):
    try:
        text = read_secret_text(path, "the passphrase file").rstrip("\n")
    except UnreadableSecret as error:
        raise BackupError(str(error)) from None
    if len(text) < 12:
        raise BackupError("The backup passphrase must be at least 12 characters long.")
    return text

