"""The hostile corpus (tests/hostile/generate.py): every file refused with a clear message or read within the caps.

For each file: no traceback (only the command's own error), nothing half-written (the database's fingerprint and
the stored files are unchanged after a refusal), no bad file accepted. Time is bounded by the code's own caps
(QORGAU_MAX_*); the subprocess test has a generous timeout only as a safety net, and no timing is asserted.
"""

import io
import time
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db.models import Max

from qorgau.documents.models import Document, Processing
from qorgau.interchange.exporter import write_export
from qorgau.records.models import Citation, Person

from .conftest import run_cli
from .hostile.generate import generate

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile")
    return directory, generate(directory)


def fingerprint():
    """Rows, highest id and latest change of every table: any write, even an update in place, changes it."""
    out = {}
    for model in apps.get_models():
        fields = {f.name for f in model._meta.concrete_fields}
        aggregates = {"pk": Max("pk")} | ({"changed": Max("updated_at")} if "updated_at" in fields else {})
        queryset = model._default_manager.all()
        out[model._meta.label] = (queryset.count(), *queryset.aggregate(**aggregates).values())
    return out


def export_text():
    stream = io.StringIO()
    write_export(stream)
    return "\n".join(line for line in stream.getvalue().splitlines() if '"type": "header"' not in line)


def stored_files(settings):
    return sorted(p.name for p in settings.FILES_DIR.rglob("*.enc")) if settings.FILES_DIR.exists() else []


def run(command, path):
    """Run a command in this process: (outcome, message). A traceback is any exception but CommandError."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, str(path), stdout=out, stderr=err)
    except CommandError as error:
        return "refused", f"{err.getvalue()}\n{error}"
    except Exception as error:  # noqa: BLE001 — this is what the test exists to find
        import traceback

        return "traceback", "".join(traceback.format_exception(error))
    return "read", out.getvalue() + err.getvalue()


def test_the_corpus_is_large_and_covers_every_format(corpus):
    _, cases = corpus
    assert len(cases) >= 60
    imports = [c for c in cases if c.kind == "import"]
    documents = [c for c in cases if c.kind == "document"]
    assert len(imports) >= 60 and len(documents) >= 39
    endings = {c.name.rsplit(".", 1)[-1] for c in documents}
    assert {"pdf", "docx", "html", "md", "txt"} <= endings


def test_every_hostile_import_is_refused_cleanly_and_changes_nothing(corpus, settings):
    directory, cases = corpus
    before_export, problems, timings = export_text(), [], []
    for case in (c for c in cases if c.kind == "import" and c.expect == "refused"):
        before = fingerprint()
        started = time.perf_counter()
        outcome, message = run("import", directory / case.name)
        timings.append((time.perf_counter() - started, case.name))
        if outcome != "refused":
            problems.append(f"{case.name}: {outcome} ({case.why}): {message[-500:]}")
        elif case.message not in message:
            problems.append(f"{case.name}: the message does not say {case.message!r}: {message.strip()[:300]}")
        elif "Traceback" in message:
            problems.append(f"{case.name}: a traceback in the message")
        if fingerprint() != before:
            problems.append(f"{case.name}: the database changed although the file was refused")
    print("slowest imports:", sorted(timings)[-3:])
    assert not problems, "\n".join(problems)
    assert export_text() == before_export


def test_the_well_formed_controls_are_imported_and_found(corpus):
    directory, cases = corpus
    for case in (c for c in cases if c.kind == "import" and c.expect == "read"):
        outcome, message = run("import", directory / case.name)
        assert outcome == "read", f"{case.name}: {message[-500:]}"
    from qorgau.records.indexing import search

    person = Person.objects.get(uid="per_hostile1")
    assert person.names.filter(name="H. T. Person").exists()
    assert list(search(Person, "Hostile Test", None).values_list("uid", flat=True)) == []  # internal: not public
    from qorgau.accounts.models import User

    assert search(Person, "Hostile Test", User.objects.get(username="bob")).filter(uid="per_hostile1").exists()


# The proposals cap is lowered so that the file built to exceed it stays small (the default is 5,000).
PROPOSALS_CAP = 500


def test_every_hostile_document_is_refused_or_read_within_the_caps(corpus, settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"
    settings.QORGAU_MAX_PROPOSALS = PROPOSALS_CAP
    directory, cases = corpus
    problems, timings = [], []
    for case in (c for c in cases if c.kind == "document"):
        before, files = fingerprint(), stored_files(settings)
        started = time.perf_counter()
        outcome, message = run("ingest", directory / case.name)
        timings.append((time.perf_counter() - started, case.name))
        if outcome != case.expect:
            problems.append(f"{case.name}: {outcome}, expected {case.expect} ({case.why}): {message[-600:]}")
            continue
        if outcome == "refused":
            if case.message not in message:
                problems.append(f"{case.name}: the message does not say {case.message!r}: {message.strip()[:300]}")
            if fingerprint() != before or stored_files(settings) != files:
                problems.append(f"{case.name}: something was kept although the file was refused")
        else:
            document = Document.objects.filter(filename=case.name).first()
            if document is None or document.processing != Processing.DONE or not document.text.strip():
                problems.append(f"{case.name}: read, but no finished document with text")
    assert not Document.objects.filter(processing__in=["queued", "reading", "extracting"]).exists()
    print("slowest documents:", sorted(timings)[-5:])
    assert not problems, "\n".join(problems)


def test_the_command_line_refuses_the_corpus_without_a_traceback(corpus, tmp_path):
    """The real commands, in their own process: exit code 1, one sentence a file, never a traceback."""
    directory, cases = corpus
    data = tmp_path / "data"
    assert run_cli(data, "init").returncode == 0
    refused = [c for c in cases if c.kind == "document" and c.expect == "refused"]
    result = run_cli(data, "ingest", *[str(directory / c.name) for c in refused],  # safety net: run_cli's timeout
                     env={"QORGAU_MAX_PROPOSALS": str(PROPOSALS_CAP)})
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1
    assert f"{len(refused)} of {len(refused)} files could not be read" in result.stderr
    for case in refused:
        assert case.message in result.stderr, case.name
    bad_import = next(c for c in cases if c.name == "import-sensitivity-ultra.jsonl")
    result = run_cli(data, "import", str(directory / bad_import.name))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "line 2: sensitivity: 'ultra'" in result.stderr
    assert run_cli(data, "init").returncode == 0  # the database is intact: init runs again (it crashed before)


# The web upload ----------------------------------------------------------------------------------------------

def upload(client, name, data, sensitivity="internal"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post("/documents/upload/", {"file": SimpleUploadedFile(name, data), "language": "auto",
                                              "sensitivity": sensitivity})


def test_a_failed_upload_is_marked_failed_with_its_reason(client_for, bob, settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"
    settings.QORGAU_INGEST_IN_BACKGROUND = False
    response = upload(client_for(bob), "brackets.md", b"[" * 80_000)
    document = Document.objects.get(uid=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert document.processing == Processing.FAILED
    assert "without a space" in document.error
    assert not Citation.objects.filter(document=document).exists()
    page = client_for(bob).get(f"/documents/{document.uid}/status/").content.decode()
    assert "without a space" in page


def test_a_held_confidential_file_is_not_revealed_to_an_uploader_who_may_not_see_it(client_for, bob, settings,
                                                                                      tmp_path):
    from qorgau.documents.pipeline import ingest

    settings.FILES_DIR = tmp_path / "files"
    settings.QORGAU_INGEST_IN_BACKGROUND = False
    data = ("Safe-house report. Aigerim Nurlanova was detained in Shymkent on 12 May 2024. " * 3).encode()
    held = ingest("secret.txt", data, actor="test", sensitivity="confidential").document
    held_citations = Citation.objects.filter(document=held).count()
    response = upload(client_for(bob), "mine.txt", data)
    assert response.status_code == 302
    uid = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert uid != held.uid
    copy = Document.objects.get(uid=uid)
    # Bob sees what a new file gives him: his own document, read and finished, at the level he chose.
    assert (copy.processing, copy.sensitivity) == (Processing.DONE, "internal")
    assert "Aigerim Nurlanova" in copy.text
    page = client_for(bob).get(response["Location"]).content.decode()
    assert "already here" not in page and held.uid not in page
    assert Citation.objects.filter(document=held).count() == held_citations  # nothing added to the held one
    # Bob uploading it again is told it is here: his own copy.
    again = upload(client_for(bob), "mine.txt", data)
    assert again["Location"].rstrip("/").endswith(copy.uid)


def test_a_document_orphaned_while_reading_is_marked_failed(client_for, bob):
    from django.utils import timezone

    from qorgau.records import actions

    document = actions.do_create_document(actor="test", title="stuck.pdf", filename="stuck.pdf",
                                          processing=Processing.EXTRACTING)
    Document.objects.filter(pk=document.pk).update(progress=45, created_at=timezone.now() - timedelta(hours=2))
    page = client_for(bob).get(f"/documents/{document.uid}/status/").content.decode()
    document.refresh_from_db()
    assert document.processing == Processing.FAILED
    assert "Add the file again" in document.error and "Add the file again" in page
