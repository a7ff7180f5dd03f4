"""Highlighted snippets as HTML. The database marks each match in a snippet with two private-use
characters (``START``, ``STOP``), never with HTML; here the text between them is escaped and
only the ``<mark>`` elements are written by this code. Text that itself holds those characters
can only move a highlight, never inject markup."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

START = "\ue000"
STOP = "\ue001"
ELLIPSIS = "…"
_MARKER = re.compile(f"([{START}{STOP}])")


def marked_html(marked: str) -> SafeString:
    """``marked`` (text with START/STOP around matches) as escaped HTML with ``<mark>``s."""
    pieces: list[str] = []
    inside = False
    for part in _MARKER.split(marked):
        if part in (START, STOP):
            inside = part == START
        elif part:
            text = str(escape(part))
            pieces.append(f"<mark>{text}</mark>" if inside else text)
    # every piece of source text above went through escape(); only <mark> is ours
    return mark_safe("".join(pieces))
