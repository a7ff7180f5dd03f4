"""PostgreSQL: a trigram index on sources' titles as ``title__icontains`` reads them
(``UPPER(title::text) LIKE '%…%'``), so that picking a source by part of its title
(claims.picking) reads the index, not every source. SQLite has no such index: it scans."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "source_title_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON sources_source USING gin (UPPER(title::text) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0010_source_latest_first_index"),
    ]

    operations = [
        TrigramExtension(),  # CREATE EXTENSION IF NOT EXISTS: claims' search has it already
        migrations.RunPython(create, drop, elidable=False),
    ]
