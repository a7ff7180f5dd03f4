"""Keyset pages: a page starts just after the row the previous one ended with (or ends just
before the row the next one started with), found by one range scan of the index the sort runs
on, so page 2,000 costs what page 1 does; OFFSET would read every row before it.

A page's link carries a cursor: the sort keys of the row to start from, and the position of
the page's first row, for "51–100". The keys must end with a unique column."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import models
from django.db.models import Func, QuerySet, Value
from django.db.models.lookups import GreaterThan, LessThan

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


def keyset_page[T: models.Model](
    queryset: QuerySet[T], keys: tuple[Any, ...], *, cursor: Cursor | None, size: int
) -> KeysetPage[T]:
    """The page of ``queryset`` sorted by ``keys`` (ascending expressions, the last unique)
    that ``cursor`` points at: the first page without one. Reads ``size`` + 1 rows."""
    names = [f"keyset_{i}" for i in range(len(keys))]
    keyed = queryset.annotate(**dict(zip(names, keys, strict=True)))
    backward = cursor is not None and cursor.before
    if cursor is not None:
        here = Row(*(Value(v) for v in cursor.values))
        compare = LessThan if backward else GreaterThan
        keyed = keyed.filter(compare(Row(*keys), here))
    order = [key.desc() if backward else key.asc() for key in keys]
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
        return tuple(getattr(row, name) for name in names)

    has_next = (more and not backward) or (backward and cursor is not None)
    next_cursor = Cursor(at(rows[-1]), number + len(rows)) if rows and has_next else None
    has_previous = (more and backward) or (not backward and cursor is not None and number > 1)
    previous_cursor = Cursor(at(rows[0]), number, before=True) if rows and has_previous else None
    return KeysetPage(rows, number, next_cursor, previous_cursor)


@dataclass(frozen=True)
class Total:
    count: int
    exact: bool


def total(queryset: QuerySet[Any], *, cache_key: str) -> Total:
    """How many rows ``queryset`` has: exact up to ``EXACT_COUNT_LIMIT`` (one bounded scan),
    else a full count made at most every few minutes per ``cache_key``."""
    bounded = queryset.order_by()[: EXACT_COUNT_LIMIT + 1].count()
    if bounded <= EXACT_COUNT_LIMIT:
        return Total(bounded, exact=True)
    key = f"keyset-total:{cache_key}"
    count = cache.get(key)
    if count is None:
        count = queryset.order_by().count()
        cache.set(key, count, COUNT_CACHE_SECONDS)
    return Total(count, exact=False)
