"""Full-text search without a search server: FTS5 on SQLite, a GIN index on PostgreSQL."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE records_search_fts USING fts5(text, content='records_searchentry', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER records_search_fts_ai AFTER INSERT ON records_searchentry BEGIN "
    "INSERT INTO records_search_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER records_search_fts_ad AFTER DELETE ON records_searchentry BEGIN "
    "INSERT INTO records_search_fts(records_search_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER records_search_fts_au AFTER UPDATE ON records_searchentry BEGIN "
    "INSERT INTO records_search_fts(records_search_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO records_search_fts(rowid, text) VALUES (new.id, new.text); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS records_search_fts_au",
    "DROP TRIGGER IF EXISTS records_search_fts_ad",
    "DROP TRIGGER IF EXISTS records_search_fts_ai",
    "DROP TABLE IF EXISTS records_search_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX records_searchentry_tsv ON records_searchentry USING GIN (to_tsvector('simple', text))",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS records_searchentry_tsv"]


def forward(apps, schema_editor):
    statements = SQLITE_FORWARD if schema_editor.connection.vendor == "sqlite" else POSTGRES_FORWARD
    for sql in statements:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    statements = SQLITE_BACKWARD if schema_editor.connection.vendor == "sqlite" else POSTGRES_BACKWARD
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("records", "0001_people_places_acts_and_citations")]
    operations = [migrations.RunPython(forward, backward)]
