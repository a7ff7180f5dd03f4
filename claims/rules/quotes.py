"""Finding a quote in a source's text, for curators who paste just the quote.

Pure Python. A pasted quote often differs from the stored text in ways a reader cannot see:
straight for curly quotation marks, a hyphen for a dash, a line break for a space. The finder
tries the exact text first, then a match that tolerates only those differences, and always
returns offsets into the stored text, so the stored quote is the source's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXT_CHARS = 60

# Characters a copy-and-paste may swap for one another.
_EQUIVALENT = [
    '"“”„‟«»',
    "'‘’‚‛`´",
    "-‐‑‒–—―",
]


class QuoteError(ValueError):
    """The quote cannot be placed in the text; the message says why, for a form or a log."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _tolerant_pattern(quote: str) -> re.Pattern[str]:
    parts = []
    for word in quote.split():
        chars = []
        for char in word:
            group = next((g for g in _EQUIVALENT if char in g), None)
            chars.append(f"[{re.escape(group)}]" if group else re.escape(char))
        parts.append("".join(chars))
    return re.compile(r"\s+".join(parts))


def exact_occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of ``quote``, overlapping ones included."""
    starts, at = [], text.find(quote)
    while quote and at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def find_quote(text: str, quote: str) -> list[Span]:
    """Every place ``quote`` occurs in ``text``: exactly if it does, else tolerantly."""
    quote = quote.strip()
    if not quote:
        return []
    if exact := exact_occurrences(text, quote):
        return [Span(start, start + len(quote)) for start in exact]
    # A lookahead finds overlapping matches too ("no, no" twice in "no, no, no").
    overlapping = re.compile(f"(?=({_tolerant_pattern(quote).pattern}))")
    return [Span(m.start(1), m.end(1)) for m in overlapping.finditer(text)]


def locate_quote(text: str, quote: str, *, near: int | None = None) -> Span:
    """The one place ``quote`` occurs in ``text``.

    When it occurs more than once, ``near`` (a start offset, e.g. the one stored before the
    quote was edited) picks the occurrence starting closest to it; without it, that is an error.
    """
    spans = find_quote(text, quote)
    if not spans:
        raise QuoteError("This quote does not occur in the source's text.")
    if len(spans) == 1:
        return spans[0]
    if near is None:
        starts = ", ".join(str(s.start) for s in spans)
        raise QuoteError(
            f"This quote occurs {len(spans)} times in the source (at offsets {starts}); "
            "give the start offset of the one you mean."
        )
    return min(spans, key=lambda s: abs(s.start - near))


def context(text: str, span: Span, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """Up to ``width`` characters either side of ``span``, within its paragraph or line:
    the words around a quote, not the headline above it."""
    before = text[max(0, span.start - width) : span.start].rpartition("\n")[2]
    after = text[span.end : span.end + width].partition("\n")[0]
    # Where the width cut a word in two, leave the fragment out.
    cut_start = span.start - len(before)
    if cut_start > 0 and not text[cut_start - 1].isspace() and " " in before:
        before = before[before.index(" ") + 1 :]
    cut_end = span.end + len(after)
    if cut_end < len(text) and not text[cut_end].isspace() and " " in after:
        after = after[: after.rindex(" ")]
    return before, after
