"""A full backup of the database and its restore (docs/backup.md): every row of every table,
users with their password hashes, API tokens, sessions, history and the task queue included.
The public dataset format (``claims.dataset``) is something else: it carries the ledger only.

A backup is one gzip file of JSON lines: a header (the schema's migrations and every table's
row count, taken in the same snapshot as the rows), then Django's own ``jsonl`` serialization
of each model's rows, primary keys kept. Both ways stream: a backup holds one chunk of rows in
memory, a restore one row. A restore goes into a freshly migrated database: it deletes the rows
migrations made (content types, permissions, groups), loads every row with its own key, resets
the sequences and checks each table's count against the header, all in one transaction.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from datetime import datetime, time
from pathlib import Path
from typing import IO, Any

import django
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.jsonl import Serializer
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model
from django.utils import timezone

from accounts.models import RateCount
from claims import match_store
from claims.match_models import MatchEntry, MatchLedger
from claims.search.sqlite import INDEXES

FORMAT = "corroborate-backup"
VERSION = 1
SUFFIX = ".jsonl.gz"
CHUNK = 2000  # rows fetched at a time while writing

# What migrations write into a new database; a restore replaces these rows with the backup's.
MADE_BY_MIGRATIONS = (ContentType, Permission, Group, Group.permissions.through)
# Derived from the ledger, and written afresh after a restore, or counts of requests that
# begin again by themselves (the rate limits'): no backup holds them.
DERIVED = (MatchEntry, MatchLedger, RateCount)


class BackupError(Exception):
    """A backup that cannot be written or restored; the message says why and what to do."""


def backup_models(using: str = DEFAULT_DB_ALIAS) -> list[type[Model]]:
    """Every model whose rows a backup holds: all of them, as ``dumpdata`` chooses, but the
    matching index (derived from the rest) and the rate limits' counts."""
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy
        and model not in DERIVED
        and model._meta.managed
        and router.allow_migrate_model(using, model)
    ]


def write_backup(path: Path, *, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Write the whole database to ``path`` (``*.jsonl.gz``), readable by its owner only;
    return every table's row count."""
    if not path.name.endswith(SUFFIX):
        raise BackupError(f"A backup's name ends with {SUFFIX}: {path}")
    connection = connections[using]
    _check_migrated(connection)
    partial = path.with_name(path.name + ".partial")  # a crash never leaves a "backup"
    nested = connection.in_atomic_block
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql" and not nested:
            # one snapshot of every table: an attestation added meanwhile cannot be in the
            # file without its claim
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        tables = table_counts(connection)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "created": timezone.now().isoformat(),
            "django": django.get_version(),
            "database": connection.vendor,
            "migrations": applied_migrations(connection),
            "tables": tables,
        }
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # password hashes
        try:
            with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as out:
                out.write(json.dumps(header, ensure_ascii=False) + "\n")
                rows = _rows(backup_models(using), using)
                Serializer().serialize(rows, stream=out, cls=_ExactEncoder)
        except BaseException:
            partial.unlink()
            raise
    os.replace(partial, path)
    return tables


class _ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond (``dumpdata`` keeps milliseconds): two actions within one
    millisecond must stay two revisions."""

    def default(self, o: object) -> Any:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _rows(models: Iterable[type[Model]], using: str) -> Iterator[Model]:
    for model in models:
        # the base manager: a default manager that hides rows must not hide them from a backup
        rows = model._base_manager.using(using).order_by(model._meta.pk.name)
        links = [  # what the serializer writes with each row: links without a model of their own
            f.name
            for f in model._meta.many_to_many
            if (through := f.remote_field.through) and through._meta.auto_created
        ]
        yield from rows.prefetch_related(*links).iterator(chunk_size=CHUNK)


def restore_backup(
    path: Path, *, replace: bool = False, using: str = DEFAULT_DB_ALIAS
) -> dict[str, int]:
    """Load the backup at ``path`` into the database ``using``, which must be migrated to the
    backup's schema and empty but for what migrations made (``replace``: delete whatever it
    holds). Nothing changes unless every table ends with the backup's row count; return it."""
    connection = connections[using]
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as lines:
        header = _header(lines)
        _check_migrated(connection)
        _check_schema(header["migrations"], applied_migrations(connection))
        with transaction.atomic(using=using):
            if not replace and (filled := _filled_tables(connection)):
                raise BackupError(
                    f"The database is not empty: it has rows in {', '.join(filled)}. Restore "
                    "into a freshly migrated database, or pass --replace to delete every row "
                    "it holds first."
                )
            _delete_everything(connection)
            _load(lines, connection)
            tables = table_counts(connection)
            _check_counts(header["tables"], tables)
            match_store.rebuild()
    ContentType.objects.clear_cache()  # the content types' ids are the backup's now
    return tables


def _header(lines: IO[str]) -> dict[str, Any]:
    try:
        header = json.loads(lines.readline())
    except (OSError, EOFError, ValueError) as error:
        raise BackupError(
            f"Not a Corroborate backup (a gzip file of JSON lines): {error}"
        ) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError("Not a Corroborate backup: its first line is no backup header.")
    if header.get("version") != VERSION:
        raise BackupError(f"A backup of version {header.get('version')}; this reads {VERSION}.")
    return header


def _check_migrated(connection: BaseDatabaseWrapper) -> None:
    """The rows are read and written by the code's models: the tables must be theirs."""
    executor = MigrationExecutor(connection)
    if plan := executor.migration_plan(executor.loader.graph.leaf_nodes()):
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan)
        raise BackupError(f"The database lacks migrations ({names}): run manage.py migrate.")


def _check_schema(backup: list[str], here: list[str]) -> None:
    if backup == here:
        return
    missing, extra = sorted(set(backup) - set(here)), sorted(set(here) - set(backup))
    raise BackupError(
        "The backup was made with other migrations than this database has. "
        + (f"Not applied here: {', '.join(missing)}. " if missing else "")
        + (f"Not in the backup: {', '.join(extra)}. " if extra else "")
        + "Restore it with the version of Corroborate that made it (into a database migrated "
        "by that version), then upgrade and migrate."
    )


def _filled_tables(connection: BaseDatabaseWrapper) -> list[str]:
    made = {model._meta.db_table for model in (*MADE_BY_MIGRATIONS, *DERIVED)}
    tables = connection.introspection.django_table_names(only_existing=True)
    filled = []
    with connection.cursor() as cursor:
        for table in sorted(set(tables) - made):
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
            if cursor.fetchone():
                filled.append(table)
    return filled


def _delete_everything(connection: BaseDatabaseWrapper) -> None:
    # PostgreSQL will not TRUNCATE a table with foreign-key checks still pending (rows
    # written earlier in an enclosing transaction): run them now
    if connection.vendor == "postgresql":
        connection.check_constraints()
    tables = connection.introspection.django_table_names(only_existing=True)
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    )


def _load(lines: IO[str], connection: BaseDatabaseWrapper) -> None:
    """Save every row as ``loaddata`` does: raw (no signal makes rows of its own, no date is
    set anew), constraints checked at the end, sequences moved past the restored ids."""
    models: set[type[Model]] = set()
    with connection.constraint_checks_disabled():
        try:
            for row in serializers.deserialize("jsonl", lines, using=connection.alias):
                model = type(row.object)
                try:
                    # the tables are empty: insert at once, and leave out links to nothing
                    # (setting an empty list still costs a query)
                    row.m2m_data = {name: ids for name, ids in (row.m2m_data or {}).items() if ids}
                    row.save(using=connection.alias, force_insert=True)
                except (DatabaseError, ValueError) as error:
                    raise BackupError(
                        f"Could not restore {model._meta.label} {row.object.pk}: {error}"
                    ) from error
                models.add(model)
        except (OSError, EOFError, DeserializationError) as error:
            raise BackupError(f"The backup is damaged: {error}") from error
    try:
        connection.check_constraints(table_names=[model._meta.db_table for model in models])
    except DatabaseError as error:
        raise BackupError(f"The backup's rows do not fit together: {error}") from error
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models)):
            cursor.execute(sql)


def _check_counts(backup: dict[str, int], here: dict[str, int]) -> None:
    # django_migrations was compared already, migration by migration
    tables = (set(backup) | set(here)) - {MigrationRecorder.Migration._meta.db_table}
    wrong = [
        f"{table} ({backup.get(table, 0)} in the backup, {here.get(table, 0)} here)"
        for table in sorted(tables)
        if backup.get(table, 0) != here.get(table, 0)
    ]
    if wrong:
        raise BackupError(
            "Restored nothing: row counts differ from the backup's: " + "; ".join(wrong)
        )


SEARCH_INDEX_TABLES = tuple(index.name for index in INDEXES)


def table_counts(connection: BaseDatabaseWrapper) -> dict[str, int]:
    """The number of rows in every table of the database, Django's or not, but the database
    cache's (a backup holds no cache: rate-limit counters, and a restore leaves it be), the
    SQLite search index's (its rows follow the tables' by triggers, in its own layout) and the
    matching index's (rebuilt after a restore)."""
    caches = {
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    }
    derived = {model._meta.db_table for model in DERIVED}
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(set(connection.introspection.table_names(cursor)) - caches - derived):
            if table.startswith(SEARCH_INDEX_TABLES):
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def applied_migrations(connection: BaseDatabaseWrapper) -> list[str]:
    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )
