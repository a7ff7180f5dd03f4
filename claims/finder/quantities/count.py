"""What a count is: the match the finder gets, and the record a count is read into."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from claims.finder.candidates import Part
from claims.rules.values import Qualifier, Quantity


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    start: int
    end: int
    value: Quantity
    unit: str
    noun: str = ""  # the noun phrase as written, lower case: "serving police officers"
    parts: tuple[Part, ...] = ()
    elliptical: bool = False  # "two were found…": the unit came from an earlier count
    after: int = 0  # index of the sentence's first token after the phrase
    first: int = 0  # index of the phrase's first token


@dataclass(slots=True)
class Count:
    """One count as read from a sentence's tokens, before composites are joined."""

    first: int  # token index where the phrase starts (qualifier included)
    number_start: int
    after: int  # token index just past the phrase
    value: Decimal
    qualifier: Qualifier
    noun: str = ""
    unit: str = ""
    category: str = ""
    elliptical: bool = False
    article: bool = False  # "and a sergeant": counts only inside a composite
    separators: list[str] = field(default_factory=list)
