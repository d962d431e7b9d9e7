"""The database cache table of the embedded default (``prongsai_cache``), created by ``migrate`` itself.

Every abuse limit counts in ``caches["default"]`` (ADR 0080); without Redis that is a database table, and an
instance whose operator ran ``migrate`` but not ``createcachetable`` would answer every limited form with an
error. The table is created whatever the configuration — also with Redis and in the tests' databases, where
it stays empty — so that any process started with the production settings on a migrated database (the
test suite's worker and scheduler processes, a restored backup) finds it. ``createcachetable`` skips tables
that exist, so this is a no-op on an instance that already has it.
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "prongsai_cache"  # settings.CACHES["default"]["LOCATION"] without REDIS_URL


def create_cache_tables(apps, schema_editor):
    alias = schema_editor.connection.alias
    call_command("createcachetable", TABLE, database=alias, verbosity=0)
    call_command("createcachetable", database=alias, verbosity=0)  # any other configured database cache


class Migration(migrations.Migration):
    dependencies = [("core", "0004_line")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=True)]
