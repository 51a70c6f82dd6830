"""A PostgreSQL database whose collation ignores punctuation would make the statistics' key ranges ("@12:2020-05" up to
"@12;") count nobody: the system check refuses it, with the way out, before `qorgau init` migrates anything."""

from django.core.management import call_command

from qorgau.analysis import checks


class FakeCursor:
    def __init__(self, collation):
        self.collation = collation

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, sql, params=None):
        assert "datcollate" in sql

    def fetchone(self):
        return (self.collation,)


class FakeConnection:
    vendor = "postgresql"
    settings_dict = {"NAME": "qorgau"}

    def __init__(self, collation):
        self.collation = collation

    def cursor(self):
        return FakeCursor(self.collation)


def test_a_postgresql_database_sorting_by_language_is_refused_with_the_way_out(monkeypatch):
    monkeypatch.setattr(checks, "connections", {"default": FakeConnection("en_US.UTF-8")})
    errors = checks.database_compares_bytes(databases=["default"])
    assert [e.id for e in errors] == ["analysis.E001"]
    assert "en_US.UTF-8" in errors[0].msg and "createdb -l C.UTF-8 -T template0" in errors[0].hint


def test_byte_order_collations_pass(monkeypatch):
    for collation in ("C", "C.UTF-8", "C.utf8", "POSIX"):
        monkeypatch.setattr(checks, "connections", {"default": FakeConnection(collation)})
        assert checks.database_compares_bytes(databases=["default"]) == []


def test_the_database_the_suite_runs_on_passes_the_check(db):
    # SQLite compares bytes; the CI's PostgreSQL database is created with C.UTF-8.
    call_command("check", databases=["default"])
