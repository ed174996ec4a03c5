"""The full-text index of DIP version rows, built for the database in use.

PostgreSQL: a GIN index on `search_vector` (filled with to_tsvector('indonesian', ...)).
SQLite: an FTS5 table over `search_text` with rowid = EntriVersi.id, kept in sync by
`informasi.search.index_entries()`. Each branch is a no-op on the other database.
"""

from django.db import migrations

FTS = "informasi_entriversi_fts"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS informasi_entriversi_search_gin "
            "ON informasi_entriversi USING gin (search_vector)"
        )
    elif connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
            "search_text, content='informasi_entriversi', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        schema_editor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS informasi_entriversi_search_gin")
    elif connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):
    dependencies = [("informasi", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
