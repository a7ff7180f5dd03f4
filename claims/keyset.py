"""Keyset pages: a page starts just after the row the previous one ended with (or ends just
before the row the next one started with), found by one range scan of the index the sort runs
on, so page 2,000 costs what page 1 does; OFFSET would read every row before it.

A page's link carries a cursor: the sort keys of the row to start from, and the position of
the page's first row, for "51–100". The keys must end with a unique column. A key is ascending,
or descending when written ``F("x").desc()``; keys all one way compare as one row value, mixed
ones column by column, bounded by the first key so the scan still starts at the cursor."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Func, OrderBy, Q, QuerySet, Value
from django.db.models.lookups import (
    Exact,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
)

# Counted exactly up to here (one bounded index scan); past it the total is a full count,
# kept for a few minutes and shown as "about".
EXACT_COUNT_LIMIT = 10_000
COUNT_CACHE_SECONDS = 300


class InvalidCursor(ValueError):
    pass


class Row(Func):
    """``(a, b, c)``: a row value, compared column by column in order, as the index is."""

    template = "(%(expressions)s)"
    output_field = models.Field()


@dataclass(frozen=True)
class Cursor:
    values: tuple[Any, ...]
    number: int  # the position of the page's first row, counting from 1
    before: bool = False  # the page ends before the row (a "previous" link)

    def encode(self) -> str:
        data = json.dumps([int(self.before), self.number, *self.values], separators=(",", ":"))
        return base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str, width: int) -> Cursor:
        try:
            data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        except (binascii.Error, ValueError) as error:
            raise InvalidCursor("This page link is damaged.") from error
        if (
            not isinstance(data, list)
            or len(data) != width + 2
            or not all(isinstance(v, int | str) and not isinstance(v, bool) for v in data)
            or data[0] not in (0, 1)
            or not isinstance(data[1], int)
            or data[1] < 1
        ):
            raise InvalidCursor("This page link is damaged.")
        return cls(values=tuple(data[2:]), number=data[1], before=bool(data[0]))


@dataclass(frozen=True)
class KeysetPage[T]:
    rows: list[T]
    number: int  # the position of the first row
    next: Cursor | None
    previous: Cursor | None

    @property
    def last_number(self) -> int:
        return self.number + len(self.rows) - 1


def _direction(key: Any) -> tuple[Any, bool]:
    """The expression a key sorts on, and whether descending."""
    if isinstance(key, OrderBy):
        return key.expression, key.descending
    return key, False


def _after(columns: list[Any], values: list[Any], descending: list[bool]) -> Q:
    """Rows that sort after ``values``: past the first key, or level on it and past the rest.
    The first key's own bound (``>=``) lets the index scan start at the cursor."""
    past = LessThan if descending[0] else GreaterThan
    level_or_past = LessThanOrEqual if descending[0] else GreaterThanOrEqual
    beyond = Q(past(columns[0], values[0]))
    if len(columns) > 1:
        beyond |= Q(Exact(columns[0], values[0])) & _after(columns[1:], values[1:], descending[1:])
    return Q(level_or_past(columns[0], values[0])) & beyond


def _stored(value: Any) -> Any:
    """A key's value as a cursor carries it: dates as ISO text."""
    return value.isoformat() if isinstance(value, date) else value


def _values(keyed: QuerySet[Any], names: list[str], cursor: Cursor) -> list[Value]:
    """The cursor's values as the keys' own types (a date, not its ISO text)."""
    fields = [keyed.query.annotations[name].output_field for name in names]
    try:
        return [
            Value(field.to_python(value), output_field=field)
            for field, value in zip(fields, cursor.values, strict=True)
        ]
    except ValidationError as error:
        raise InvalidCursor("This page link is damaged.") from error


def keyset_page[T: models.Model](
    queryset: QuerySet[T], keys: tuple[Any, ...], *, cursor: Cursor | None, size: int
) -> KeysetPage[T]:
    """The page of ``queryset`` sorted by ``keys`` (the last unique) that ``cursor`` points
    at: the first page without one. Reads ``size`` + 1 rows. Raises ``InvalidCursor`` for a
    cursor whose values are not the keys' types."""
    names = [f"keyset_{i}" for i in range(len(keys))]
    columns, descending = zip(*(_direction(key) for key in keys), strict=True)
    keyed = queryset.annotate(**dict(zip(names, columns, strict=True)))
    backward = cursor is not None and cursor.before
    # a backward page reads the sort reversed, from the cursor towards the start
    flipped = [down != backward for down in descending]
    if cursor is not None:
        here = _values(keyed, names, cursor)
        if len(set(flipped)) == 1:
            compare = LessThan if flipped[0] else GreaterThan
            keyed = keyed.filter(compare(Row(*columns), Row(*here)))
        else:
            keyed = keyed.filter(_after(list(columns), here, flipped))
    order = [
        column.desc() if down else column.asc()
        for column, down in zip(columns, flipped, strict=True)
    ]
    rows = list(keyed.order_by(*order)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if backward:
        rows.reverse()
    number = (
        1 if cursor is None else (max(cursor.number - len(rows), 1) if backward else cursor.number)
    )
    if backward and not more:
        number = 1  # the first page, whatever the link said

    def at(row: T) -> tuple[Any, ...]:
        return tuple(_stored(getattr(row, name)) for name in names)

    has_next = (more and not backward) or (backward and cursor is not None)
    next_cursor = Cursor(at(rows[-1]), number + len(rows)) if rows and has_next else None
    has_previous = (more and backward) or (not backward and cursor is not None and number > 1)
    previous_cursor = Cursor(at(rows[0]), number, before=True) if rows and has_previous else None
    return KeysetPage(rows, number, next_cursor, previous_cursor)


def page_at[T: models.Model](
    queryset: QuerySet[T], keys: tuple[Any, ...], *, token: Any, size: int
) -> KeysetPage[T]:
    """A site page's rows from the cursor its link carries (``token``): the first page without
    one, or with one damaged (a person sees the list rather than an error)."""
    if isinstance(token, str) and token:
        try:
            return keyset_page(queryset, keys, cursor=Cursor.decode(token, len(keys)), size=size)
        except InvalidCursor:
            pass
    return keyset_page(queryset, keys, cursor=None, size=size)


@dataclass(frozen=True)
class Total:
    count: int
    exact: bool


def total(queryset: QuerySet[Any], *, cache_key: str) -> Total:
    """How many rows ``queryset`` has: exact up to ``EXACT_COUNT_LIMIT`` (one bounded scan),
    else a full count made at most every few minutes per ``cache_key``. A kept count is read
    first: a large list would otherwise scan its first ``EXACT_COUNT_LIMIT`` rows on every
    page only to learn that it is large."""
    # hashed: the key carries the filters a person typed, and the database cache's keys are
    # at most 255 characters
    key = "keyset-total:" + hashlib.sha256(cache_key.encode()).hexdigest()
    if (count := cache.get(key)) is not None:
        return Total(count, exact=False)
    bounded = queryset.order_by()[: EXACT_COUNT_LIMIT + 1].count()
    if bounded <= EXACT_COUNT_LIMIT:
        return Total(bounded, exact=True)
    count = queryset.order_by().count()
    cache.set(key, count, COUNT_CACHE_SECONDS)
    return Total(count, exact=False)
