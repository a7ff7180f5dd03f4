"""Search (docs/search.md). PostgreSQL: pg_trgm, GIN indexes on the full-text documents that
claims.search.postgres queries (each expression must stay the same as there; a source's is a
stored column) and trigram indexes on names. SQLite: FTS5 tables kept in step by triggers (claims.search.sqlite)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TEXT_INDEXED = 200_000  # claims.search.postgres.TEXT_INDEXED

POSTGRES_INDEXES = {
    "claim_search": "claims_claim USING gin "
    "(to_tsvector('english'::regconfig, statement || ' ' || subject))",
    "attestation_search": "claims_attestation USING gin "
    "(to_tsvector('english'::regconfig, quote))",
    "source_search": "sources_source USING gin (search_vector)",
    "outlet_name_trgm": "sources_outlet USING gin (name gin_trgm_ops)",
    "claimant_name_trgm": "claims_claimant USING gin (name gin_trgm_ops)",
    "claimantname_name_trgm": "claims_claimantname USING gin (name gin_trgm_ops)",
    "topic_title_trgm": "claims_topic USING gin (title gin_trgm_ops)",
}


# A source's document is stored, not only indexed: ranking and phrase rechecks read it for
# every match, and computing it again from a long text each time is slow. Django does not
# know of the column; claims.search.postgres reads it.
SOURCE_VECTOR = (
    "ALTER TABLE sources_source ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    f"(to_tsvector('english'::regconfig, title || ' ' || left(text, {TEXT_INDEXED}))) STORED"
)


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(SOURCE_VECTOR)
        for name, definition in POSTGRES_INDEXES.items():
            schema_editor.execute(f"CREATE INDEX {name} ON {definition}")
    elif connection.vendor == "sqlite":
        from claims.search import sqlite

        sqlite.install(connection)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        for name in POSTGRES_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute("ALTER TABLE sources_source DROP COLUMN IF EXISTS search_vector")
    elif connection.vendor == "sqlite":
        from claims.search import sqlite

        sqlite.uninstall(connection)


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0014_history_slim"),
        ("sources", "0009_history_slim"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create, drop, elidable=False),
    ]
