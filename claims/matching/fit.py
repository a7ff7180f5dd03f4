"""The value factor (does the candidate's value fit the claim's?), the value buckets the index's
prefilter uses, and the recency factor."""

from __future__ import annotations

import math
from datetime import date
from enum import StrEnum

from claims.matching.records import KnownClaim
from claims.matching.words import content_words, numbers_in
from claims.rules.values import DateValue, Qualifier, Quantity, TextValue, Value
from claims.rules.verdicts import APPROXIMATE_TOLERANCE, Statement, compatible

# Value factor: how well the candidate's value fits the claim's values.
VALUE_SAME = 1.0  # equal to a value the claim already has, and compatible with all that count
VALUE_COMPATIBLE = 0.9  # compatible with all, equal to none ("2022" vs "1 February 2022")
VALUE_UNKNOWN = 0.75  # one side has no value: only the words can tell
VALUE_SPLIT = 0.7  # compatible with some sources, conflicting with others
VALUE_UPDATE = 0.7  # changes over time, conflicts only at other as-of dates; × closeness
VALUE_CONFLICT = 0.15  # conflicting; + VALUE_CONFLICT × closeness, so at most 0.3
VALUE_SHAPE_MISMATCH = 0.05  # a number against a date, say

# Recency: −RECENCY_PER_YEAR per year between the candidate's as-of date and the nearest of the
# claim's, for at most RECENCY_MAX_YEARS years.
RECENCY_PER_YEAR = 0.05
RECENCY_MAX_YEARS = 4.0

_LOG_STEP = math.log(1.1)  # number buckets are 10% wide
_YEAR_SPAN_CAP = 30  # a date value covering more years than this is not bucketed
DAYS_PER_YEAR = 365.25


def _signed_log(x: float) -> float:
    return math.copysign(math.log1p(abs(x)), x)


def _number_bounds(value: Quantity) -> tuple[float, float]:
    """The range of numbers ``value`` allows (as ``compatible`` reads it), open ends capped at
    ten times the number: "more than 20" is unlikely to be the same claim as 5,000."""
    number = float(value.number)
    margin = abs(number) * float(APPROXIMATE_TOLERANCE)
    match value.qualifier:
        case Qualifier.APPROXIMATELY:
            return number - margin, number + margin
        case Qualifier.AT_LEAST:
            return number, max(number * 10, number + 10)
        case Qualifier.AT_MOST:
            return min(number / 10, number - 10), number
    return number, number


def value_keys(value: Value) -> list[tuple[str, object]]:
    """Index keys of a value: any two compatible values share at least one."""
    match value:
        case Quantity():
            low, high = _number_bounds(value)
            first, last = (math.floor(_signed_log(x) / _LOG_STEP) for x in (low, high))
            return [("n", bucket) for bucket in range(first, last + 1)]
        case DateValue():
            first_year, last_year = value.start.year, value.last.year
            if last_year - first_year > _YEAR_SPAN_CAP:
                return [("d", "wide")]
            return [("d", year) for year in range(first_year, last_year + 1)]
        case TextValue():
            return [("t", value.key)]
    raise TypeError(f"not a value: {value!r}")


def lookup_keys(value: Value) -> list[tuple[str, object]]:
    keys = value_keys(value)
    return [*keys, ("d", "wide")] if isinstance(value, DateValue) else keys


def _same_value(a: Value, b: Value) -> bool:
    match a, b:
        case Quantity(), Quantity():
            return a.number == b.number and a.qualifier == b.qualifier
        case TextValue(), TextValue():
            return a.key == b.key
    return a == b


def _years(day: date) -> float:
    return day.toordinal() / DAYS_PER_YEAR


def _closeness(a: Value, b: Value) -> float:
    """How near two conflicting values are, 0..1: 11 and 14 are near, 11 and 1,500 are not."""
    match a, b:
        case Quantity(), Quantity():
            x, y = float(a.number), float(b.number)
            if x > 0 and y > 0:
                return 1 / (1 + abs(math.log(x / y)))
            return 1 / (1 + abs(x - y))
        case DateValue(), DateValue():
            gap = abs(_years(a.start) - _years(b.start)) + abs(_years(a.last) - _years(b.last))
            return 1 / (1 + gap / 2)
        case TextValue(), TextValue():
            x_words, y_words = set(content_words(a.text)), set(content_words(b.text))
            union = x_words | y_words
            return len(x_words & y_words) / len(union) if union else 0.0
    return 0.0


class Fit(StrEnum):
    """How a candidate's value relates to a claim's values."""

    SAME = "same"
    COMPATIBLE = "compatible"
    SPLIT = "split"  # compatible with some of the claim's values, not all
    UNKNOWN = "unknown"  # no value on one side
    UPDATE = "update"
    CONFLICT = "conflict"
    SHAPE = "shape"  # a number against a date, say

    @property
    def agrees(self) -> bool:
        return self in (Fit.SAME, Fit.COMPATIBLE)

    @property
    def compared(self) -> bool:
        """Were values of the same shape compared? Then the value factor carries the evidence,
        for or against, and the words need not carry it all."""
        return self not in (Fit.UNKNOWN, Fit.SHAPE)


def _nearest(stated: list[Statement], as_of: date | None) -> list[Statement]:
    """The statements as of the date nearest ``as_of`` (the latest when it is unknown)."""
    when = as_of or max(s.as_of for s in stated)
    nearest = min(stated, key=lambda s: (abs((s.as_of - when).days), s.as_of > when))
    return [s for s in stated if s.as_of == nearest.as_of]


def value_fit(value: Value | None, as_of: date | None, claim: KnownClaim) -> tuple[float, Fit]:
    """How well ``value``, true as of ``as_of``, fits the values ``claim``'s sources give."""
    stated = [s for s in claim.statements if s.value is not None]
    if value is None or not stated:
        return VALUE_UNKNOWN, Fit.UNKNOWN
    if not any(type(s.value) is type(value) for s in stated):
        return VALUE_SHAPE_MISMATCH, Fit.SHAPE
    if claim.changes_over_time:
        stated = _nearest(stated, as_of)
    fits = [compatible(value, s.value) for s in stated]
    if all(fits):
        if any(s.value is not None and _same_value(value, s.value) for s in stated):
            return VALUE_SAME, Fit.SAME
        return VALUE_COMPATIBLE, Fit.COMPATIBLE
    if any(fits):
        return VALUE_SPLIT, Fit.SPLIT
    closeness = max(_closeness(value, s.value) for s in stated if s.value is not None)
    if claim.changes_over_time and stated[0].as_of != as_of:
        # A statement that records the claim's history ("11 in April 2019, 14 by February
        # 2022") names this value: it is one the claim has had, not merely a near one.
        if isinstance(value, Quantity) and value.number in numbers_in(claim.statement):
            closeness = 1.0
        return VALUE_UPDATE * closeness, Fit.UPDATE
    return VALUE_CONFLICT * (1 + closeness), Fit.CONFLICT


# A count revised between reports moves by a fraction of itself: up to four times itself (an
# outbreak's cases triple in a few weeks) or down to half, the step says nothing; beyond, the
# farther the step, the likelier another count.
STEP_UP_FREE = math.log(4)
STEP_DOWN_FREE = math.log(2)


def step_factor(value: Value | None, as_of: date | None, claim: KnownClaim) -> float:
    """1 when ``value`` is within the free steps of the claim's figure as of the nearest date,
    falling as the step grows beyond (2,200 after 17,000 is a part, 350 after 38 another
    count)."""
    stated = [s for s in claim.statements if isinstance(s.value, Quantity) and s.value.number > 0]
    if not isinstance(value, Quantity) or value.number <= 0 or not stated:
        return 1.0
    excess = min(
        _excess(math.log(float(value.number) / float(s.value.number)))
        for s in _nearest(stated, as_of)
        if isinstance(s.value, Quantity)
    )
    return 1 / (1 + excess)


def _excess(step: float) -> float:
    """How far a step (a natural logarithm of a ratio) goes beyond the free steps."""
    return max(0.0, step - STEP_UP_FREE if step > 0 else -step - STEP_DOWN_FREE)


def collapses(value: Value | None, claim: KnownClaim) -> bool:
    """Is ``value`` less than half of the claim's latest figure? A toll or a tally that grows
    is revised by a few, not cut by half: so small a figure counts a part of it ("Nine of the
    dead were railway staff", "17 of the deaths were in Nairobi")."""
    stated = [s for s in claim.statements if isinstance(s.value, Quantity)]
    if not isinstance(value, Quantity) or not stated:
        return False
    latest = max(stated, key=lambda s: s.as_of).value
    assert isinstance(latest, Quantity)
    return value.number * 2 < latest.number


def recency_factor(as_of: date | None, claim: KnownClaim) -> float:
    """For a claim that changes over time, values stated near the candidate's date are the likelier
    match: the 2025 count rather than the 2019 one. Fixed facts are restated years later."""
    if as_of is None or not claim.changes_over_time or not claim.statements:
        return 1.0
    gap = min(abs((s.as_of - as_of).days) for s in claim.statements) / DAYS_PER_YEAR
    return 1.0 - RECENCY_PER_YEAR * min(gap, RECENCY_MAX_YEARS)


# A fixed fact about one occasion is not another occasion's: the turnout of one strike day is
# not the next one's, whatever the numbers.
OTHER_OCCASION = 0.3
_SAME_OCCASION_DAYS = 1  # "on Tuesday" in a report of the night after, or a late edition


def claim_occasion(claim: KnownClaim) -> tuple[date, date] | None:
    """The days a claim that does not change over time is tied to: the first and last of its
    sources' as-of dates that differ from their publication dates, when they are within a day of
    each other. None for a claim that changes over time, that its sources never tie to a day,
    or that they tie to days far apart (about no one occasion)."""
    if claim.changes_over_time:
        return None
    tied = [s.as_of for s in claim.statements if s.as_of != s.published]
    if not tied or (max(tied) - min(tied)).days > _SAME_OCCASION_DAYS:
        return None
    return min(tied), max(tied)


def occasion_factor(occasion: date | None, claim_days: tuple[date, date] | None) -> float:
    """``occasion``: the day the candidate's sentence ties its figure to; ``claim_days``: the
    claim's (``claim_occasion``). A claim tied only to other days is another occasion's."""
    if occasion is None or claim_days is None:
        return 1.0
    first, last = claim_days
    before, after = (first - occasion).days, (occasion - last).days
    return OTHER_OCCASION if max(before, after) > _SAME_OCCASION_DAYS else 1.0
