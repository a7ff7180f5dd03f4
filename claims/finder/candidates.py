"""What the finder returns: a span of text that may state a claim, with what it made of it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from claims.rules.values import Value, value_from_json, value_to_json


@dataclass(frozen=True)
class Part:
    """One typed part of a composite count: "nine constables" in "nine constables and two
    sergeants"."""

    number: Decimal
    label: str  # "constables"; or what happened, for a part of one kind of thing: "dead"
    by_predicate: bool = False  # "four were confirmed dead and 11 are unaccounted for"


@dataclass(frozen=True)
class Candidate:
    """A span of text that may state a claim, with what the finder made of it."""

    start: int  # the span of the quote, offsets into the text
    end: int
    quote: str  # text[start:end]
    sentence_start: int  # the sentence it is in
    sentence_end: int
    kind: str  # one of Claim.Kind's values: quantity, date, status, quote, event, other
    value: Value | None  # in the dataset's value shapes (claims.rules.values)
    subject: str = ""  # a guess at what it is about: "officers suspended"
    unit: str = ""  # for quantities: "officers", "years", "percent"
    entity: str = ""  # for counts: what is counted, "people"
    predicate: str = ""  # for counts: what happened to them, "died"
    qualifiers: tuple[str, ...] = ()  # "serving", "confirmed"
    event: str = ""  # the occasion, when the sentence names one
    as_of: date | None = None  # a guess at the date the value was true as of
    occasion: date | None = None  # the day the sentence ties the figure to ("on 7 March")
    attributed_to: str = ""  # "the IOPC", "Sir Mark Rowley"
    parts: tuple[Part, ...] = ()  # for composite counts; their sum is the value
    words: tuple[str, ...] = ()  # content words of the sentence, lower case, for matching
    names: tuple[str, ...] = ()  # proper words of whose figure it is: ("anc",), ("texas",)


_TUPLES = ("qualifiers", "words", "names")
_DATES = ("as_of", "occasion")


def candidate_to_json(candidate: Candidate) -> dict[str, Any]:
    """A candidate as JSON, to keep a long text's reading between requests."""
    data = {f.name: getattr(candidate, f.name) for f in fields(Candidate)}
    data["value"] = value_to_json(candidate.value)
    for name in _DATES:
        data[name] = data[name].isoformat() if data[name] else None
    for name in _TUPLES:
        data[name] = list(data[name])
    data["parts"] = [[str(p.number), p.label, p.by_predicate] for p in candidate.parts]
    return data


def candidate_from_json(data: dict[str, Any]) -> Candidate:
    """The candidate ``candidate_to_json`` wrote."""
    data = dict(data)
    data["value"] = value_from_json(data["value"])
    for name in _DATES:
        data[name] = date.fromisoformat(data[name]) if data[name] else None
    for name in _TUPLES:
        data[name] = tuple(data[name])
    data["parts"] = tuple(
        Part(Decimal(number), label, by_predicate) for number, label, by_predicate in data["parts"]
    )
    return Candidate(**data)
