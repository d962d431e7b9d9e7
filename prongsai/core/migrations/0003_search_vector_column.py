"""PostgreSQL: keep the tsvector of SearchDocument.tokens in a stored generated column (see core/search.py).

With only an expression index, every candidate row was re-parsed to check the phrase (``<->``) and again
to rank it: about 190 ms for a common word among 5,000 answered questions. A stored column is parsed once,
when the row is written. SQLite keeps its FTS5 table (migration 0002) and gets nothing here.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "ALTER TABLE core_searchdocument ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED",
    "CREATE INDEX core_searchdocument_vector_gin ON core_searchdocument USING gin (search_vector)",
    "DROP INDEX IF EXISTS core_searchdocument_tokens_gin",
]
POSTGRES_BACKWARD = [
    "CREATE INDEX core_searchdocument_tokens_gin ON core_searchdocument "
    "USING gin (to_tsvector('simple', tokens))",
    "DROP INDEX IF EXISTS core_searchdocument_vector_gin",
    "ALTER TABLE core_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_search_index")]
    operations = [migrations.RunPython(forward, backward)]
