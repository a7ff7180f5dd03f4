"""Many rows written at once by PostgreSQL's COPY: for a bulk import's hundreds of thousands of
rows, where Django's ``bulk_create`` spends more time building its INSERTs than the database
spends running them. Elsewhere (SQLite) the rows go as Django would write them."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, get_change_reason_from_object


def rows_insert(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert ``rows``, each the values of ``fields`` (names, or a foreign key's name for its
    id) in that order, into ``model``'s table: for rows with no history, no signals and
    nothing Django computes on save (a text's anchors), without a model instance for each."""
    connection = connections[router.db_for_write(model)]
    columns = [_column(model._meta.get_field(name)) for name in fields]
    if connection.vendor == "postgresql":
        _copy(connection, model, columns, rows)
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        table = quote(model._meta.db_table)
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(rows))


def create_with_history[M: Model](
    objs: Sequence[M], model: type[M], *, batch_size: int, default_date: datetime | None = None
) -> list[M]:
    """simple-history's ``bulk_create_with_history``, the same rows (ids taken from the table's
    sequence in order, as the INSERT would take them), written by COPY on PostgreSQL."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql" or not objs:
        return bulk_create_with_history(
            list(objs), model, batch_size=batch_size, default_date=default_date
        )
    meta = model._meta
    assert meta.pk is not None
    with transaction.atomic(using=connection.alias, savepoint=False):
        new = [obj for obj in objs if obj.pk is None]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(new)],
            )
            ids = sorted(row[0] for row in cursor.fetchall())
        for obj, pk in zip(new, ids, strict=True):
            obj.pk = pk
        fields = [field for field in meta.concrete_fields if not field.generated]
        rows = []
        for obj in objs:
            # a foreign key takes the id of the row it points at, as ``bulk_create`` has it
            obj._prepare_related_fields_for_save(operation_name="bulk_create")  # type: ignore[attr-defined]
            rows.append([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
        _copy(connection, model, [_column(field) for field in fields], rows)
        for obj in objs:
            obj._state.adding, obj._state.db = False, connection.alias
        attnames = [field.attname for field in fields]
        prepared = [dict(zip(attnames, row, strict=True)) for row in rows]
        _history_copy(connection, model, objs, prepared, default_date)
    return list(objs)


def _history_copy(
    connection: BaseDatabaseWrapper,
    model: type[Model],
    objs: Sequence[Model],
    prepared: Sequence[dict[str, Any]],
    default_date: datetime | None,
) -> None:
    """Each row's "created" history record, as ``bulk_history_create`` writes it: the values
    the row was written with (``prepared``, by attribute name), and who and when."""
    history = model.history.model  # type: ignore[attr-defined]
    fields = [f for f in history._meta.concrete_fields if f.attname != "history_id"]
    rows = []
    for obj, values in zip(objs, prepared, strict=True):
        user = getattr(obj, "_history_user", history.get_default_history_user(obj))
        record = {
            "history_date": getattr(obj, "_history_date", default_date or timezone.now()),
            "history_user_id": user.pk if user is not None else None,
            "history_change_reason": get_change_reason_from_object(obj) or None,
            "history_type": "+",
        }
        rows.append(
            [
                f.get_db_prep_save(record[f.attname], connection)
                if f.attname in record
                else values[f.attname]
                for f in fields
            ]
        )
    _copy(connection, history, [_column(field) for field in fields], rows)


def _copy(
    connection: BaseDatabaseWrapper,
    model: type[Model],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    statement = f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN"
    started = time.monotonic()
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
    if connection.queries_logged:  # counted as the INSERT it stands for (assertNumQueries)
        duration = time.monotonic() - started
        connection.queries_log.append({"sql": statement, "time": f"{duration:.3f}"})


def _column(field: Any) -> str:
    assert isinstance(field, Field) and field.column
    return field.column
