"""CSV and TSV that a spreadsheet opens as data, never as formulas (docs/exports.md).

Excel, LibreOffice Calc and Google Sheets run a cell that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula, and a formula can fetch URLs or, in old Excel,
start programs. Quotes, outlet names and statements come from the web, so every CSV or TSV the
site writes goes through ``SpreadsheetWriter``, which follows OWASP's CSV injection guidance:
such a cell gets a single quote in front, and every cell is written in double quotes (inner
double quotes doubled), so no separator inside a text can start a new cell.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

# OWASP's list: what makes a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def spreadsheet_cell(value: object) -> str:
    """``value`` as a cell's text, with a ``'`` in front if it would start a formula.

    Every such cell, numbers too: "-5" becomes "'-5" (a spreadsheet shows it as text), as
    OWASP advises, since a value that may come from outside cannot be told from a number by
    its first character alone."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SpreadsheetWriter:
    """The one writer of every CSV the site produces (``delimiter="\\t"`` for TSV): ``csv.writer``
    with every cell neutralised (``spreadsheet_cell``) and quoted."""

    def __init__(self, stream: _Writable, *, delimiter: str = ",") -> None:
        self._writer = csv.writer(stream, delimiter=delimiter, quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[object]) -> Any:
        """Write ``row``; returns what the stream's ``write`` returned."""
        return self._writer.writerow([spreadsheet_cell(cell) for cell in row])


class _Line:
    """A stream that hands back what it is given: ``csv.writer`` formats, we keep the text."""

    def write(self, text: str, /) -> str:
        return text


def spreadsheet_lines(rows: Iterable[Iterable[object]], *, delimiter: str = ",") -> Iterator[str]:
    """Each row as one line of CSV (``SpreadsheetWriter``'s), made as it is read: for streaming."""
    writer = SpreadsheetWriter(_Line(), delimiter=delimiter)
    for row in rows:
        yield writer.writerow(row)
