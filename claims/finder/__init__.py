"""The claim finder: which sentences of a text state a number, a date, a status or a quote.

Pure Python, no database. ``find_claims`` (in ``claims.finder.find``) returns ``Candidate``s;
``claims.matching`` ranks existing claims for each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from claims.values import Value


@dataclass(frozen=True)
class Part:
    """One typed part of a composite count: "nine constables" in "nine constables and two
    sergeants"."""

    number: Decimal
    label: str  # "constables"


@dataclass(frozen=True)
class Entry:
    """A timestamped entry of a live page: its span in the text and when it was published.
    What an entry states is true as of the entry's time, and relative dates resolve against it."""

    start: int
    end: int
    published_at: datetime
    title: str = ""


@dataclass(frozen=True)
class Candidate:
    """A span of text that may state a claim, with what the finder made of it."""

    start: int  # the span of the quote, offsets into the text
    end: int
    quote: str  # text[start:end]
    sentence_start: int  # the sentence it is in
    sentence_end: int
    kind: str  # one of Claim.Kind's values: quantity, date, status, quote, event, other
    value: Value | None  # in the dataset's value shapes (claims.values)
    subject: str = ""  # a guess at what it is about: "officers suspended"
    unit: str = ""  # for quantities: "officers"
    as_of: date | None = None  # a guess at the date the value was true as of
    attributed_to: str = ""  # "the IOPC", "Sir Mark Rowley"
    parts: tuple[Part, ...] = ()  # for composite counts; their sum is the value
    words: tuple[str, ...] = ()  # content words of the sentence, lower case, for matching


from claims.finder.find import find_claims  # noqa: E402  (needs the dataclasses above)

__all__ = ["Candidate", "Entry", "Part", "find_claims"]
