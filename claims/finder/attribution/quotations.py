"""Quotation marks and the words between them.

Quotations are “…”, "…" (the two may be mixed), and ‘…’ or '…' (up to 25 words). A quotation
that is still open at the end of its line runs to the line's end: news prints a quote of
several paragraphs with an opening mark on each and a closing mark on the last only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that holds more than spaces; lines are counted as the sentences count them.
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quotation:
    open: int  # the opening mark
    start: int  # the words, without the marks
    end: int
    closed: bool
    line: int


def find_quotations(text: str) -> list[Quotation]:
    quotations: list[Quotation] = []
    lines = (match for match in _LINE.finditer(text) if match.group().strip())
    for line, match in enumerate(lines):
        quotations.extend(_line_quotations(text, match.start(), match.end(), line))
    return quotations


def _line_quotations(text: str, start: int, end: int, line: int) -> list[Quotation]:
    found: list[Quotation] = []
    index = start
    while index < end:
        char = text[index]
        if char == "“" or (char == '"' and _can_open(text, index, start, end)):
            position = index + 1
            close: int | None = None
            while position < end:
                mark = text[position]
                if mark == "”" or (mark == '"' and _can_close(text, position, end)):
                    close = position
                    break
                if mark == "“" or (mark == '"' and _can_open(text, position, start, end)):
                    break  # a new quotation opens: this one was left open
                position += 1
            content_end = close if close is not None else position
            found.append(Quotation(index, index + 1, content_end, close is not None, line))
            index = close + 1 if close is not None else position
            continue
        if char in "‘'" and _can_open(text, index, start, end):
            close = _single_close(text, index + 1, end)
            if close is not None:
                found.append(Quotation(index, index + 1, close, True, line))
                index = close + 1
                continue
        index += 1
    return found


def _can_open(text: str, index: int, line_start: int, line_end: int) -> bool:
    before_ok = index == line_start or text[index - 1].isspace() or text[index - 1] in "([{—–-/:“‘"
    return before_ok and index + 1 < line_end and not text[index + 1].isspace()


def _can_close(text: str, index: int, line_end: int) -> bool:
    if text[index - 1].isspace():
        return False
    return index + 1 >= line_end or text[index + 1].isspace() or text[index + 1] in ".,;:!?)]—–-…”’"


def _single_close(text: str, start: int, end: int) -> int | None:
    words = 0
    for position in range(start, end):
        char = text[position]
        if char.isspace():
            words += 1
            if words > 25:
                return None
        if char in "’'" and not text[position - 1].isspace():
            following = text[position + 1] if position + 1 < end else " "
            if not following.isalnum():
                return position
        if char in '“"':
            return None
    return None
