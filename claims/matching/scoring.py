"""Scoring one claim against one reading of a candidate: the claim and the reading prepared once,
and the product of the factors (value, unit, kind, text, recency, topic, part)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claims.finder import Part
from claims.matching.counted import (
    CountedKey,
    confirmed,
    counted_factor,
    grows,
    measured_factor,
    same_things,
)
from claims.matching.fit import (
    Fit,
    collapses,
    occasion_factor,
    recency_factor,
    step_factor,
    value_fit,
)
from claims.matching.holders import NO_NAMES, ClaimNames
from claims.matching.records import KnownClaim
from claims.matching.units import UNIT_UNKNOWN, Unit, kind_factor, unit_factor
from claims.rules.names import name_key
from claims.rules.values import TextValue, Value

# Text: weights of the three similarities, and the floor under the text factor.
TEXT_FLOOR = 0.3
TEXT_BEST_FIELD = 0.5  # how much of the claim's statement or one of its quotes is present
TEXT_SUBJECT = 0.2  # how much of the claim's subject is present
TEXT_PRECISION = 0.3  # how much of the candidate's own quote the claim explains
CONTEXT_WEIGHT = 0.5  # a sentence word outside the quote counts half
# When both say they count the same thing that happened, a different number is that claim
# stated differently or updated: the value and the words weigh less.
VALUE_SAME_THING = 0.6
TEXT_FLOOR_SAME_THING = 0.6
PART = 0.9  # a match through one part of a composite count, against a match of the whole
# The figure is someone else's: the candidate's stretch of sentence and the claim name different
# parties, places or companies ("the DA won 87 seats" is not the ANC's 159).
OTHER_HOLDER = 0.5


@dataclass(frozen=True)
class Field:
    """A piece of a claim's text, as (word, idf) pairs, with their total idf."""

    words: tuple[tuple[str, float], ...]
    total: float

    def coverage(self, weights: dict[str, float]) -> float:
        """The share of this field's idf mass present in the candidate (weighted)."""
        if not self.total:
            return 0.0
        got = 0.0
        for word, idf in self.words:
            weight = weights.get(word)
            if weight:
                got += weight * idf
        return got / self.total


@dataclass(frozen=True)
class Prepared:
    """A claim with everything the scorer needs computed once."""

    claim: KnownClaim
    unit: Unit
    counted: CountedKey
    words: frozenset[str]
    best_fields: tuple[Field, ...]  # the statement and each quote
    subject: Field
    text_values: tuple[tuple[TextValue, frozenset[str]], ...]  # with their content words
    names: ClaimNames = NO_NAMES  # whose figure it is
    occasion: tuple[date, date] | None = None  # the days its sources tie it to, if one occasion


@dataclass(frozen=True)
class Query:
    """One reading of a candidate: the whole, or one of its parts."""

    value: Value | None
    kind: str
    unit: Unit
    counted: CountedKey
    weights: dict[str, float]  # word → 1 in the quote, subject or unit; CONTEXT_WEIGHT elsewhere
    focus: tuple[tuple[str, float], ...]  # (word, idf) in the quote, subject or unit
    focus_total: float
    quote_words: frozenset[str]
    as_of: date | None
    part: Part | None = None
    occasion: date | None = None  # the day the candidate's sentence ties its figure to
    names: frozenset[str] = frozenset()  # whose figure the candidate's sentence says it is
    claimant: str = ""  # who gives the figure, as ``name_key`` writes it; "" for the outlet
    source: str = ""  # the report the candidate is in, as the claims' statements key it


@dataclass(frozen=True)
class Scored:
    score: float
    reading: int  # which of the candidate's queries: 0 the whole, then its parts
    same_value: bool  # agrees with the claim's value, in a unit that fits
    same_thing: bool = False  # both say they count the same thing that happened


def stated_value(query: Query, prepared: Prepared) -> Value | None:
    """The candidate's value; or, when it has none, a text value of the claim that its quote
    states in so many words ("The behaviour we uncovered was disgraceful" states “disgraceful”)."""
    if query.value is not None:
        return query.value
    for value, words in prepared.text_values:
        if words and words <= query.quote_words:
            return value
    return None


def text_factor(query: Query, prepared: Prepared, floor: float) -> float:
    best = max((field.coverage(query.weights) for field in prepared.best_fields), default=0.0)
    subject = prepared.subject.coverage(query.weights) if prepared.subject.total else best
    explained = sum(idf for word, idf in query.focus if word in prepared.words)
    precision = explained / query.focus_total if query.focus_total else 0.0
    similarity = TEXT_BEST_FIELD * best + TEXT_SUBJECT * subject + TEXT_PRECISION * precision
    return floor + (1 - floor) * similarity


def disputed(claimant: str, source: str, claim: KnownClaim) -> bool:
    """Does ``claimant`` (a ``name_key``) give a figure for a claim that ``source`` already
    states from other parties only? A report setting one side's count against the other's."""
    here = {name_key(s.claimant) for s in claim.statements if s.source == source}
    return bool(claimant) and bool(here) and "" not in here and claimant not in here


def score_claim(query: Query, prepared: Prepared, topic_factor: float, reading: int) -> Scored:
    claim = prepared.claim
    value, fit = value_fit(stated_value(query, prepared), query.as_of, claim)
    unit = unit_factor(query.unit, prepared.unit)
    counted, same_thing = 1.0, False
    if claim.kind == "quantity" and query.unit.head == "percent":
        counted = measured_factor(query.counted, prepared.counted)
    elif claim.kind == "quantity":
        counted = counted_factor(query.counted, prepared.counted)
        # "240 seats" after "the BJP": the BJP's seats, whatever verb it leaves out; "56 cases"
        # in a story with one count of cases: those cases
        whose = prepared.names.alone or prepared.names.held_by(query.names)
        same_thing = confirmed(query.counted, prepared.counted) or (
            whose and same_things(query.counted, prepared.counted)
        )
        # a tally that grows is not revised to less than half of itself: so small a figure
        # counts a part of it, another claim
        if fit is Fit.UPDATE and grows(prepared.counted) and collapses(query.value, claim):
            same_thing = False
    if same_thing and claim.changes_over_time and fit in (Fit.CONFLICT, Fit.UPDATE):
        value = max(value, VALUE_SAME_THING * step_factor(query.value, query.as_of, claim))
    if same_thing and fit is Fit.CONFLICT and disputed(query.claimant, query.source, claim):
        # another party's count of the same thing in the same report: the unions' 310,000
        # beside the police's 50,000 is the claim in dispute, however far apart
        value = max(value, VALUE_SAME_THING)
    score = value * unit * kind_factor(query.kind, claim.kind) * counted
    if score >= 0.005:  # below, nothing the words could rescue
        floor = TEXT_FLOOR if fit.compared else 0.0
        if same_thing:
            floor = TEXT_FLOOR_SAME_THING
        score *= text_factor(query, prepared, floor)
        score *= recency_factor(query.as_of, claim)
    if prepared.names.other_holder(query.names):
        score *= OTHER_HOLDER
    score *= occasion_factor(query.occasion, prepared.occasion)
    score *= topic_factor * (PART if query.part else 1.0)
    return Scored(score, reading, fit.agrees and unit >= UNIT_UNKNOWN, same_thing)
