"""One writer: every change to a record goes through the actions, so it is audited and indexed.

1. A scan of the source tree: no direct write (create, update, delete, save, bulk writes, many-to-many changes) of a
   record, a name, a link row or a citation outside an actions module. The models the scan knows are taken from
   the app registry, so a new model or relation is covered without editing this file.
2. What extraction writes behaves like what an editor writes: found by search, one audit entry per record.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent / "qorgau"
RECORD_APPS = {"records", "documents", "campaigns", "resolution"}
WRITE_METHODS = {"create", "update", "delete", "save", "bulk_create", "bulk_update", "get_or_create",
                 "update_or_create", "add", "remove", "set", "clear", "_raw_delete"}
ALWAYS_WRITES = {"save", "delete", "bulk_create", "bulk_update", "get_or_create", "update_or_create", "_raw_delete"}

# Places that may write without an action, each with its reason. Keep this short.
ALLOWED = {
    "records/indexing.py": "the search index is derived data, rebuilt by rebuild_index()",
    "resolution/blocking.py": "stored blocking keys are derived data, kept with the search index (rebuild_index())",
    "audit/log.py": "the audit log itself",
    "lib/spreadsheets.py": "writes a spreadsheet file (an export's bytes), never a record",
    "interchange/management/commands/demo.py": "saves the admin account (a user, not a record)",
    "analysis/episodes.py": "custody episodes are derived from acts, rebuilt like the search index",
    "analysis/summaries.py": "statistics summaries and totals are derived from acts, rebuilt with the episodes",
    "analysis/opendata.py": "writes spreadsheet files (workbook.save), not records",
    "accounts/twofactor.py": "second-factor devices and recovery codes belong to accounts, not records",
    "accounts/views.py": "confirms a second-factor device (accounts, not records)",
    "throttle/store.py": "rate-limit counters",
    "keys/emergency.py": "a panic ends every session (sessions are not records)",
    "resolution/scoring.py": "adds to Python sets of ids (urgent_actions, acts, places), not to relations",
    # Records go through create_record/update_record; an imported file's names, citations and link rows are written
    # in the same transaction and covered by the one audit entry of the import (issue 9 closing note).
    "interchange/importer.py": "link rows of an imported file, audited as one import",
}


def _record_names():
    """Model class names and reverse/many-to-many accessor names of the record apps."""
    models = [m for m in apps.get_models() if m._meta.app_label in RECORD_APPS]
    names, accessors = {m.__name__ for m in models}, set()
    for model in models:
        for field in model._meta.get_fields():
            if field.many_to_many or field.one_to_many:
                accessor = field.get_accessor_name() if field.auto_created else field.name
                if accessor and not accessor.endswith("+"):
                    accessors.add(accessor)
    return names, accessors


def _chain(node):
    """The names along an attribute chain: record.names.filter(x).delete -> ['record', 'names', 'filter', …]."""
    parts = []
    while True:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            break
        else:
            break
    return list(reversed(parts))


def direct_writes(source, model_names, accessors):
    """(line, text) of calls that write records directly."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method = node.func.attr
        if method not in WRITE_METHODS:
            continue
        receiver = _chain(node.func.value)
        if receiver[:1] == ["super"]:
            continue
        through_manager = any(part in {"objects", "_base_manager", "_default_manager"} for part in receiver) and \
            any(part in model_names for part in receiver)
        through_relation = bool(receiver) and receiver[-1] in accessors or \
            any(part in accessors for part in receiver[1:]) and method in {"update", "delete", "create"}
        if through_manager or through_relation or (method in ALWAYS_WRITES and receiver and receiver[0] != "self"
                                                   and "cache" not in receiver):
            found.append((node.lineno, ".".join(receiver + [method])))
    return found


def _is_actions_module(relative):
    return relative.name == "actions.py" or relative.parts[-2:-1] == ("actions",)


def test_nothing_writes_records_outside_the_actions():
    model_names, accessors = _record_names()
    offences = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if "migrations" in relative.parts or _is_actions_module(relative) or str(relative) in ALLOWED:
            continue
        if relative.parts[-2:-1] == ("models",) or relative.name == "models.py":
            continue  # the models' own save() methods
        for line, text in direct_writes(path.read_text(encoding="utf-8"), model_names, accessors):
            offences.append(f"qorgau/{relative}:{line}: {text}")
    assert not offences, "write through an action (records/actions.py) instead:\n" + "\n".join(offences)


def test_the_scan_catches_each_kind_of_direct_write():
    model_names, accessors = _record_names()
    samples = [
        "Person.objects.create(name='x')",
        "m.Citation.objects.filter(id=1).update(review='accepted')",
        "act.involvements.create(role='x')",
        "event.tallies.all().delete()",
        "ua.persons.set([])",
        "record.save()",
        "Document.objects.filter(pk=1).update(extra={})",
        "act.act_provisions.get_or_create(provision=p)",
    ]
    for sample in samples:
        assert direct_writes(sample, model_names, accessors), sample
    harmless = ["counts.update({'a': 1})", "seen.add(3)", "names.setdefault('x', set()).add(1)",
                "super().save(*args, **kwargs)", "self.update('reading', 0)"]
    for sample in harmless:
        assert not direct_writes(sample, model_names, accessors), sample


@pytest.mark.django_db
def test_what_extraction_writes_is_found_by_search_and_audited(alice, client_for, settings, tmp_path):
    from qorgau.audit.models import AuditEntry
    from qorgau.documents.pipeline import ingest
    from qorgau.records.models import Act, Citation, Event, Person, Provision

    settings.FILES_DIR = tmp_path / "files"
    before = {model: set(model.objects.values_list("uid", flat=True)) for model in (Person, Act, Event, Provision)}
    text = ("Monitoring note\n\nOn 13 March 2018 police in Almaty detained the activist Dauren Zhaksybekov. "
            "He was charged under Article 999 of the Criminal Code. "
            "On 2 April 2018 between 40 and 60 people were detained in Almaty.")
    document = ingest("note.txt", text.encode(), actor=alice).document
    created = {model: set(model.objects.values_list("uid", flat=True)) - before[model] for model in before}
    assert created[Person], "extraction proposed the person"
    person = Person.objects.get(uid__in=created[Person], name="Dauren Zhaksybekov")
    assert created[Act] and created[Event] and created[Provision] == {"CC-999"}

    # Every record extraction made has its own audit entry, and every proposal its citation entry.
    for model, uids in created.items():
        for uid in uids:
            assert AuditEntry.objects.filter(record_uid=uid, verb="create").exists(), (model.__name__, uid)
    proposals = Citation.objects.filter(document=document).exclude(key="").count()
    assert AuditEntry.objects.filter(verb="cite", changes__document=document.uid).count() == proposals

    client = client_for(alice)
    client.post(f"/documents/{document.uid}/review/accept-remaining/")
    assert set(Act.objects.filter(uid__in=created[Act]).values_list("review", flat=True)) == {"accepted"}
    found = client.get("/persons/", {"q": "Zhaksybekov"}).content.decode()
    assert person.uid in found and "Nobody matches" not in found
