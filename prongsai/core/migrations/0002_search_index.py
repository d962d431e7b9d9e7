"""Full-text index of SearchDocument.tokens, per database engine (see core/search.py)."""

from django.db import migrations

SQLITE_FORWARD = [
    # External-content FTS5 table over core_searchdocument; the ascii tokenizer keeps Thai words whole
    # (they were segmented with PyThaiNLP and joined with spaces before they were stored).
    "CREATE VIRTUAL TABLE core_search_fts USING fts5(tokens, content='core_searchdocument', "
    "content_rowid='id', tokenize='ascii')",
    "CREATE TRIGGER core_search_fts_ai AFTER INSERT ON core_searchdocument BEGIN "
    "INSERT INTO core_search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "CREATE TRIGGER core_search_fts_ad AFTER DELETE ON core_searchdocument BEGIN "
    "INSERT INTO core_search_fts(core_search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    "CREATE TRIGGER core_search_fts_au AFTER UPDATE ON core_searchdocument BEGIN "
    "INSERT INTO core_search_fts(core_search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
    "INSERT INTO core_search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS core_search_fts_au",
    "DROP TRIGGER IF EXISTS core_search_fts_ad",
    "DROP TRIGGER IF EXISTS core_search_fts_ai",
    "DROP TABLE IF EXISTS core_search_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX core_searchdocument_tokens_gin ON core_searchdocument "
    "USING gin (to_tsvector('simple', tokens))",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS core_searchdocument_tokens_gin"]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(vendor)
    if statements is None:
        raise RuntimeError(f"Prongsai search supports SQLite and PostgreSQL, not {vendor}.")
    for sql in statements:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
