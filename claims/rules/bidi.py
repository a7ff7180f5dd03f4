"""Names and words from sources, in any script, inside our English sentences.

In a page's markup a name is set apart with ``<bdi>`` (or ``dir="auto"``). Where there is no
markup (a verdict's explanation, the plain-text citation, an SVG tooltip or label) it is wrapped
in Unicode's isolates instead: an Arabic outlet followed by ", 7 March 2023" would otherwise
pull the day's number into its own right-to-left run, and the date would read "7 ,النهار March
2023"."""

from __future__ import annotations

import unicodedata

FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def is_right_to_left(text: str) -> bool:
    """Does ``text`` hold a letter of a right-to-left script (Arabic, Hebrew, Syriac, …)?"""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def isolate(text: str) -> str:
    """``text`` set apart from what surrounds it when it holds right-to-left letters, so that
    neither reorders the other; left-to-right text as it is (the isolates would change
    nothing there, and every copy of it would carry two invisible characters)."""
    if not is_right_to_left(text):
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
