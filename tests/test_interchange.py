import io
import json

import pytest
from django.core.management import CommandError, call_command

from qorgau.interchange.exporter import write_export
from qorgau.interchange.importer import ImportFailed, import_stream
from qorgau.records.models import Act, Person

from .conftest import run_cli

HEADER = '{"type": "header", "format": "qorgau", "version": 1}\n'


def records_of(text):
    return [json.loads(line) for line in text.splitlines()[1:]]


def test_export_import_export_gives_identical_records(tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert run_cli(tmp_path / "a", "demo", "--no-serve").returncode == 0
    assert run_cli(tmp_path / "a", "export", "-o", str(first)).returncode == 0
    assert run_cli(tmp_path / "b", "init").returncode == 0
    result = run_cli(tmp_path / "b", "import", str(first))
    assert result.returncode == 0, result.stderr
    assert run_cli(tmp_path / "b", "export", "-o", str(second)).returncode == 0
    assert records_of(first.read_text()) == records_of(second.read_text())
    assert sum(1 for r in records_of(first.read_text()) if r["type"] == "act") >= 120


@pytest.mark.django_db
def test_import_is_all_or_nothing_and_names_the_line():
    persons = Person.objects.count()
    text = HEADER + (
        '{"type": "person", "id": "per_new1", "name": "New One", "sensitivity": "public"}\n'
        '{"type": "act", "id": "act_new1", "act_type": "detained", "victim": "per_new1", "date": "2020-02-30"}\n'
        '{"type": "act", "id": "act_new2", "act_type": "flogged", "victim": "per_nobody"}\n'
        'not json\n')
    with pytest.raises(ImportFailed) as failure:
        import_stream(io.StringIO(text), actor="test")
    errors = "\n".join(failure.value.errors)
    assert "line 3: date:" in errors and "not a day in the calendar" in errors
    assert "line 4: act_type: 'flogged' is not an act type" in errors
    assert "line 4: victim refers to per_nobody" in errors
    assert "line 5: not valid JSON" in errors
    assert Person.objects.count() == persons


@pytest.mark.django_db
@pytest.mark.parametrize("first_line, message", [
    ('{"type": "person", "id": "per_x", "name": "X"}\n', "line 1: the first line must be a Qorgau header"),
    ('{"type": "header", "format": "qorgau", "version": 7}\n', "format version 7"),
])
def test_it_refuses_a_file_without_a_known_header(first_line, message):
    with pytest.raises(ImportFailed, match=message):
        import_stream(io.StringIO(first_line), actor="test")


@pytest.mark.django_db
def test_the_command_reports_errors_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import", str(bad))
    with pytest.raises(CommandError, match="No such file"):
        call_command("import", str(tmp_path / "missing.jsonl"))


@pytest.mark.django_db
def test_unknown_fields_survive_a_round_trip():
    text = HEADER + ('{"type": "person", "id": "per_extra", "name": "Extra Fields", "sensitivity": "public", '
                     '"x_their_case_number": "KZ-2020-17"}\n')
    import_stream(io.StringIO(text), actor="test")
    out = io.StringIO()
    write_export(out)
    row = next(r for r in records_of(out.getvalue()) if r["id"] == "per_extra")
    assert row["x_their_case_number"] == "KZ-2020-17"


@pytest.mark.django_db
def test_accepted_only_leaves_out_suggestions(alice):
    act = Act.objects.filter(victim_person__uid="per_ospan").first()
    Act.objects.filter(pk=act.pk).update(review="suggested")
    full, accepted = io.StringIO(), io.StringIO()
    write_export(full)
    write_export(accepted, accepted_only=True)
    assert act.uid in full.getvalue() and act.uid not in accepted.getvalue()


@pytest.mark.django_db
def test_the_export_follows_the_published_shape():
    out = io.StringIO()
    write_export(out)
    header, *rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert header["type"] == "header" and header["version"] == 1 and header["exported_at"].endswith("Z")
    act = next(r for r in rows if r["type"] == "act" and r["victim"] == "per_bokaev" and r["date"] == "2016-11-28")
    assert act["group"] == "PENALTY" and act["penalty"] == {"kind": "imprisonment", "amount": 5, "unit": "years"}
    assert {p["id"] for p in act["provisions"]} == {"CC-174", "CC-274", "CC-400"}
    assert act["citations"][0]["document"] == "doc_ai_think_before_you_post"
    ua = next(r for r in rows if r["type"] == "urgent_action")
    assert set(ua["action_counts"]) >= {"letter", "email", "fax", "call", "tweet"}


@pytest.mark.django_db
def test_a_record_the_model_refuses_is_named_by_its_line():
    persons = Person.objects.count()
    text = HEADER + ('{"type": "person", "id": "per_ok", "name": "Fine Person", "sensitivity": "public"}\n'
                     '{"type": "person", "id": "per_bad", "name": "Bad Gender", "gender": "zz", "sensitivity": "public"}\n')
    with pytest.raises(ImportFailed, match="line 3: gender"):
        import_stream(io.StringIO(text), actor="test")
    assert Person.objects.count() == persons
