"""Open data: a Frictionless data package (CSV + datapackage.json) and the same tables as one XLSX.

Only what an anonymous visitor may see goes in (public records, accepted acts, public names), and of persons only
those who granted consent to publication. Every table is streamed from the database in chunks, so memory stays flat however large the
record is.
"""

import csv
import datetime
import functools
import json
import os
import zipfile
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import TextField
from django.db.models.functions import Cast

from qorgau.documents.models import Document
from qorgau.lib.dates import partial_date_order
from qorgau.lib.reads import planned_for_whole_reads
from qorgau.lib.sensitivity import PUBLIC, seen_value
from qorgau.lib.spreadsheets import safe_cell
from qorgau.lib.xlsx_stream import StreamedWorkbook
from qorgau.records.models import Act, ActProvision, Person, PersonName, Provision

from .models import CustodyEpisode, ListEntry
from .privacy import nameable_in_public

CHUNK = 5000


def _persons(reader):
    # Named only with consent to publication granted (docs/analysis.md): the others' acts are left out too, since
    # an act row (type, date, place, articles) can name a person as surely as a name.
    return Person.objects.visible_to(reader).filter(nameable_in_public())


def _shown(values, names, levels):
    """The values of one row with each field its record keeps above public (field_sensitivity) blanked: a rows
    query reads the columns directly, past the read policy that blanks them on pages."""
    levels = levels or {}
    return [value if not name or levels.get(name, PUBLIC) == PUBLIC else "" for value, name in zip(values, names)]


@functools.lru_cache(maxsize=4096)
def _json(text):
    """A JSON column read as text, decoded once per distinct value (field levels and roles repeat across rows; a
    decode per row was a large part of a release's time). Read-only use: callers never change the value."""
    if text is None or text == "":
        return None
    value = json.loads(text)
    return tuple(value) if isinstance(value, list) else value


def _text(field):
    return Cast(field, TextField())


def _scope(reader):
    """The persons the package names and their acts."""
    persons = _persons(reader)
    acts = Act.objects.visible_to(reader).filter(review="accepted").filter(
        victim_person__isnull=False, victim_person__in=persons.values("id"))
    return persons, acts


def _noting(note, rows, key):
    """The rows, each first told to `note` by the ids of the records it holds (`key`)."""
    for row in rows:
        if note is not None:
            note(*key(row))
        yield row


def _tables(reader, note=None):
    """(name, title, fields [(name, type, description)], rows iterator) for every table. `note(*ids)` is told the ids
    of the records each row holds, as it is read (a snapshot's manifest: `withdrawn`)."""
    persons, acts = _scope(reader)
    yield ("persons", "Persons", [("id", "string", "stable identifier"), ("name", "string", "primary name"),
                                  ("gender", "string", "f, m, x or empty"), ("birth_year", "integer", ""),
                                  ("roles", "string", "roles separated by |"),
                                  ("consent", "string", "consent to publication: always granted here")],
           (_shown([uid, name, gender, birth_year, "|".join(_json(roles) or ()), consent],
                   ["", "name", "gender", "birth_year", "roles", "consent"], _json(levels))
            for uid, name, gender, birth_year, roles, consent, levels in
            _noting(note, persons.values_list("uid", "name", "gender", "birth_year", _text("roles"), "consent",
                                              _text("field_sensitivity")).iterator(CHUNK), lambda r: r[:1])))
    yield ("names", "Names of persons", [("person", "string", "persons.id"), ("name", "string", ""),
                                         ("script", "string", "Latn or Cyrl"), ("lang", "string", "en, ru or kk")],
           ([person_uid, name, script, lang] for person_uid, name, script, lang in
            PersonName.objects.filter(person__in=persons.values("id"), sensitivity=PUBLIC)
            .values_list("person__uid", "name", "script", "lang").iterator(CHUNK)))
    yield ("acts", "Acts", [("id", "string", ""), ("act_type", "string", "docs/model.md"),
                            ("victim", "string", "persons.id"), ("date", "string", "ISO 8601, may be partial"),
                            ("date_end", "string", ""), ("place", "string", "place name"),
                            ("penalty_kind", "string", ""), ("penalty_amount", "number", ""),
                            ("penalty_unit", "string", "")],
           # A linked record shows only when it is public itself: a confidential place is left blank.
           (_shown([uid, act_type, victim, date, date_end, place if place_level == PUBLIC else "", kind, amount, unit],
                   ["", "act_type", "", "date", "date_end", "place", "penalty_kind", "penalty_amount",
                    "penalty_unit"], _json(levels))
            for uid, act_type, victim, date, date_end, place, place_level, kind, amount, unit, levels, _place in
            _noting(note, acts.values_list("uid", "act_type", "victim_person__uid", "date", "date_end", "place__name",
                                           "place__sensitivity", "penalty_kind", "penalty_amount", "penalty_unit",
                                           _text("field_sensitivity"), "place__uid")
                    .order_by(*partial_date_order("date", reader=reader), "id")  # a hidden date places nothing
                    .iterator(CHUNK), lambda r: (r[0], r[-1]))))
    yield ("act_provisions", "Provisions of acts", [("act", "string", "acts.id"), ("provision", "string",
                                                                                    "provisions.id"),
                                                    ("relation", "string", "charged, convicted, …")],
           (list(row) for row in _noting(note, ActProvision.objects.filter(
               act__in=acts.values("id"), provision__in=Provision.objects.visible_to(reader))
            .values_list("act__uid", "provision__uid", "relation").iterator(CHUNK), lambda r: r[:2])))
    yield ("provisions", "Legal provisions", [("id", "string", ""), ("code", "string", ""),
                                              ("article", "string", ""), ("part", "string", ""),
                                              ("edition", "string", ""), ("title_en", "string", ""),
                                              ("title_ru", "string", ""), ("title_kk", "string", "")],
           (_shown(row[:-1], ["", "code", "article", "part", "edition", "title_en", "title_ru", "title_kk"], row[-1])
            for row in _noting(note, Provision.objects.visible_to(reader)
                               .values_list("uid", "code", "article", "part", "edition", "title_en", "title_ru",
                                            "title_kk", "field_sensitivity")
                               .iterator(CHUNK), lambda r: r[:1])))
    yield ("custody_episodes", "Custody episodes", [("person", "string", "persons.id"),
                                                    ("kind", "string", "the latest kind"),
                                                    ("start", "string", ""), ("end", "string", "empty: open"),
                                                    ("end_reason", "string", "")],
           (list(row) for row in CustodyEpisode.objects.filter(level=PUBLIC, person__in=persons.values("id"))
            .values_list("person__uid", "kind", "start", "end", "end_reason").iterator(CHUNK)))
    yield ("list_entries", "Political-prisoner list entries", [("list", "string", ""), ("person", "string",
                                                                                         "persons.id"),
                                                               ("status", "string", ""),
                                                               ("date_added", "string", ""),
                                                               ("date_removed", "string", ""),
                                                               ("removal_reason", "string", "")],
           (_shown(row[:-3], ["", "", "status", "date_added", "date_removed", "removal_reason"], row[-3])
            for row in _noting(note, ListEntry.objects.visible_to(reader).filter(person__in=persons.values("id"))
                               .values_list("prisoner_list__slug", "person__uid", "status", "date_added",
                                            "date_removed", "removal_reason", "field_sensitivity", "uid",
                                            "prisoner_list__uid")
                               .order_by("prisoner_list__slug", seen_value("date_added", reader), "id")
                               .iterator(CHUNK), lambda r: r[-2:])))
    yield ("sources", "Sources", [("id", "string", ""), ("title", "string", ""), ("publisher", "string", ""),
                                  ("published", "string", ""), ("url", "string", "")],
           (_shown([uid, title, publisher if publisher_level == PUBLIC else "", published, url],
                   ["", "title", "publisher", "published", "url"], levels)
            for uid, title, publisher, publisher_level, published, url, levels, _publisher in
            _noting(note, Document.objects.visible_to(reader)
                    .values_list("uid", "title", "publisher__name", "publisher__sensitivity", "published", "url",
                                 "field_sensitivity", "publisher__uid")
                    .order_by(seen_value("published", reader).desc(), "title", "id").iterator(CHUNK),
                    lambda r: (r[0], r[-1]))))


def _clean(value):
    return "" if value is None else value


def _write_tables(tables, directory, workbook, counts, resources):
    for name, title, fields, rows in tables:
        workbook.sheet(name, [f[0] for f in fields])
        path = directory / f"{name}.csv"
        count = 0
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", newline="",
                  encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([f[0] for f in fields])
            write, append = writer.writerow, workbook.append
            for row in rows:
                row = [("" if v is None else float(v) if isinstance(v, Decimal) else v) for v in row]
                write([safe_cell(v) for v in row])  # a name "=HYPERLINK(…)" is text, not a formula
                append(row)  # the workbook holds text as text (lib/xlsx_stream.py)
                count += 1
        counts[name] = count
        resources.append({
            "name": name, "title": title, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "profile": "tabular-data-resource",
            "schema": {"fields": [{"name": n, "type": t, **({"description": d} if d else {})}
                                  for n, t, d in fields]},
        })


# The licences a release may carry (SPDX identifiers): open-data licences a journalist or a researcher can rely on.
LICENSES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution-ShareAlike 4.0 International",
                     "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-By-1.0": ("Open Data Commons Attribution License v1.0", "https://opendatacommons.org/licenses/by/1-0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License v1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "PDDL-1.0": ("Open Data Commons Public Domain Dedication and License v1.0",
                 "https://opendatacommons.org/licenses/pddl/1-0/"),
}


def license_entry(name=None):
    """The package's licence as Frictionless writes it ({"name", "title", "path"}); ValueError for a name that is
    not one of LICENSES (a typo must not publish data under a licence nobody can look up)."""
    name = name or settings.QORGAU_OPENDATA_LICENSE
    known = {key.lower(): key for key in LICENSES}
    key = known.get(str(name).strip().lower())
    if key is None:
        raise ValueError(f"Unknown licence {name!r}: use one of {', '.join(LICENSES)}.")
    title, path = LICENSES[key]
    return {"name": key, "title": title, "path": path}


def write_package(directory, *, license=None, as_of=None, note=None):
    """Write the package into `directory` (created); returns {table: rows}. Files are readable by the owner only.
    `note(*ids)` is told the ids of the records each row holds."""
    license = license_entry(license)  # before anything is written
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    as_of = as_of or datetime.date.today().isoformat()
    reader = AnonymousUser()
    counts, resources = {}, []
    workbook_path = directory / "qorgau-opendata.xlsx"
    workbook = StreamedWorkbook(os.fdopen(os.open(workbook_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
                                          "wb"))
    with planned_for_whole_reads():
        _write_tables(_tables(reader, note), directory, workbook, counts, resources)
    workbook.close()
    package = {
        "profile": "tabular-data-package", "name": "qorgau-opendata", "title": "Qorgau open data",
        "version": as_of, "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "description": f"Public records as of {as_of}: persons, names, acts, provisions, custody episodes, "
                       f"list entries and sources. Counting rules: docs/analysis.md.",
        "licenses": [license], "resources": resources,
    }
    path = directory / "datapackage.json"
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as handle:
        json.dump(package, handle, ensure_ascii=False, indent=1)
    return counts


def snapshot_dir():
    return Path(settings.DATA_DIR) / "opendata"


def write_snapshot(as_of=None):
    """A dated snapshot kept in the data directory: opendata/qorgau-opendata-<date>.zip, with its manifest beside it
    (`withdrawn`): the ids of the records its rows hold, noted as the rows are read.

    Two publications at once (the admin page's button and a nightly `qorgau opendata`) each write their own parts
    (random names) and give the snapshot and its manifest one random token (the ZIP's comment, the manifest's first
    line): a snapshot beside a manifest written for another one is withdrawn (session 16 audit)."""
    import secrets
    import tempfile

    from qorgau.audit.models import AuditEntry

    as_of = as_of or datetime.date.today().isoformat()
    target = snapshot_dir()
    target.mkdir(parents=True, exist_ok=True, mode=0o700)
    archive = target / f"qorgau-opendata-{as_of}.zip"
    manifest = _manifest_of(archive)
    token = secrets.token_hex(16)
    # Read before the records: a change committed while the package is written counts as a change after it.
    since = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    parts = []
    try:
        with tempfile.TemporaryDirectory(dir=target) as scratch:
            handle, partial_manifest = tempfile.mkstemp(dir=target, prefix=".manifest-", suffix=".part")
            parts.append(partial_manifest)
            with open(handle, "w", encoding="utf-8") as ids:  # mkstemp: 0600
                ids.write(f"{since} {token}\n")

                def note(*uids):
                    for uid in uids:
                        if uid:
                            ids.write(f"{uid}\n")

                counts = write_package(scratch, as_of=as_of, note=note)
            handle, partial = tempfile.mkstemp(dir=target, prefix=".zip-", suffix=".part")
            os.close(handle)
            parts.append(partial)
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as bundle:
                bundle.comment = token.encode()
                for file in sorted(Path(scratch).iterdir()):
                    bundle.write(file, file.name)
            os.chmod(partial, 0o600)
            os.replace(partial_manifest, manifest)
            os.replace(partial, archive)
    finally:
        for part in parts:
            Path(part).unlink(missing_ok=True)
    _checked.pop(str(archive), None)
    _checked_of(archive).unlink(missing_ok=True)
    return archive, counts


def _token_of(archive):
    """The token a snapshot was written with (its ZIP comment), or "" for one that has none or cannot be read."""
    try:
        with zipfile.ZipFile(archive) as bundle:
            return bundle.comment.decode("ascii", "replace")
    except (OSError, zipfile.BadZipFile):
        return ""


def snapshots():
    """The snapshots offered for download: those nothing they hold has changed since (`withdrawn`)."""
    folder = snapshot_dir()
    found = sorted(folder.glob("qorgau-opendata-*.zip"), reverse=True) if folder.is_dir() else []
    return [path for path in found if not withdrawn(path)]


# A published snapshot outlives what it published (session 12 audit): a person who withdrew consent, a record made
# confidential, a date kept confidential, a deletion, a corrected name -- every download told the public what it
# may no longer read. A snapshot keeps beside it (never inside it) the identifiers of every record whose values it
# holds -- persons, acts and their places, provisions, list entries and their lists, sources and their publishers --
# and the last audit entry before it was written. It is withdrawn (not listed, not served) as soon as a later entry
# other than a read is about one of them. Everything that changes a record writes an entry about it: a name added
# or removed is an entry about its person, a deleted row about its owner, a merge one about the merged person too.
# Entries about other records (a new act, even of a person it names) leave it published: it is older, not wrong.
# A snapshot without a manifest is withdrawn.

_checked = {}  # archive path -> [manifest mtime, the last audit id read, withdrawn]


def _manifest_of(archive):
    return archive.with_name(archive.name[:-len(".zip")] + ".manifest")


def withdrawn(archive):
    """Whether a snapshot holds a record changed since it was written. The entries since the last look are read in
    batches, the manifest as a stream for each batch (memory stays flat); how far it was read is kept beside it
    (`.checked`), so a restarted server does not read them again."""
    from qorgau.audit.models import AuditEntry

    manifest, checked = _manifest_of(archive), _checked_of(archive)
    try:
        mtime = (manifest.stat().st_mtime_ns, archive.stat().st_mtime_ns)
    except OSError:
        return True
    state = _checked.get(str(archive))
    if state is None or state[0] != mtime:
        with open(manifest, encoding="utf-8") as handle:
            first = handle.readline().split()
        if not first or not first[0].isdigit():
            return True
        if len(first) > 1 and first[1] != _token_of(archive):
            return True  # a manifest written for another snapshot of that day: what this one holds is not known
        state = [mtime, int(first[0]), False]
        try:
            last, gone = checked.read_text(encoding="utf-8").split()
            if checked.stat().st_mtime_ns >= max(mtime) and int(last) >= state[1]:
                state = [mtime, int(last), gone == "1"]
        except (OSError, ValueError):
            pass
        _checked[str(archive)] = state
    while not state[2]:
        tokens, last = set(), state[1]
        for pk, record_uid in AuditEntry.objects.filter(pk__gt=state[1]).exclude(verb="read") \
                .order_by("pk").values_list("pk", "record_uid")[:WITHDRAWN_BATCH]:
            tokens.add(record_uid)
            last = pk
        if last == state[1]:
            break
        tokens.discard("")
        with open(manifest, encoding="utf-8") as handle:
            handle.readline()
            state[2] = any(line.rstrip("\n") in tokens for line in handle)
        state[1] = last
        try:  # how far it was read, for the next process; a directory it may not write only costs a re-read
            partial = checked.with_suffix(".checked.part")
            with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
                out.write(f"{state[1]} {int(state[2])}\n")
            partial.replace(checked)
        except OSError:
            pass
    return state[2]


WITHDRAWN_BATCH = 50_000


def _checked_of(archive):
    return archive.with_name(archive.name[:-len(".zip")] + ".checked")
