"""Downloads written piece by piece, so that memory stays flat whatever the ledger's size.

``json_text`` writes what ``json.dumps(value, indent=2, ensure_ascii=False)`` would, byte for
byte, except that any iterator inside ``value`` (a generator of records read a chunk at a
time) is written as an array while it is read, never held whole. ``buffered`` joins the small
pieces into blocks of about 64 KB, so that the server writes a few large blocks. ``chunks``
reads a query's rows a chunk at a time, and ``by_key`` groups a chunk's related rows.

Related rows are fetched per chunk by hand rather than with ``prefetch_related``: a prefetch
links each row back to its parent (``attestation.claim``), a reference cycle that only the
garbage collector's rare full passes free, so memory grew with every chunk read."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from itertools import batched

from django.db.models import Model, QuerySet

INDENT = 2
BLOCK = 64 * 1024


def json_text(value: object, *, level: int = 0) -> Iterator[str]:
    pad = " " * (INDENT * level)
    inner = pad + " " * INDENT
    if isinstance(value, Mapping) and value:
        opening = "{\n"
        for key, item in value.items():
            yield f"{opening}{inner}{json.dumps(key, ensure_ascii=False)}: "
            yield from json_text(item, level=level + 1)
            opening = ",\n"
        yield f"\n{pad}}}"
    elif isinstance(value, Iterator):
        opening = "[\n"
        for item in value:
            yield opening + inner
            yield from json_text(item, level=level + 1)
            opening = ",\n"
        # json.dumps writes an empty array as [] on one line
        yield "[]" if opening == "[\n" else f"\n{pad}]"
    else:
        # a string never holds a raw line break in JSON: every "\n" here is between values
        text = json.dumps(value, ensure_ascii=False, indent=INDENT)
        yield text.replace("\n", "\n" + pad) if pad else text


def buffered(pieces: Iterable[str], size: int = BLOCK) -> Iterator[str]:
    block: list[str] = []
    length = 0
    for piece in pieces:
        block.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(block)
            block, length = [], 0
    if block:
        yield "".join(block)


def chunks[M: Model](queryset: QuerySet[M], size: int) -> Iterator[tuple[M, ...]]:
    """The rows of ``queryset`` in tuples of ``size``, read as they are needed."""
    return batched(queryset.iterator(chunk_size=size), size)


def by_key[T, K: Hashable](rows: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """``rows`` grouped by ``key``, each group in the rows' order."""
    groups: dict[K, list[T]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return groups
