"""Dates written relative to the text's own date: "yesterday", "last September", "on Wednesday",
"three years ago", and the tense that places a weekday or a month without a year (see the rules
in ``claims.finder.dates``)."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta
from enum import Enum

from claims.rules.values import DateValue, Precision, truncate
from sources.text.tokens import Token

_FUTURE = frozenset(
    "will ’ll 'll shall tomorrow next upcoming ahead due scheduled expected plans planned "
    "set going".split()
)


_PAST = frozenset(
    "was were had did said told spoke met took made gave saw went came began found left held "
    "brought sent won lost became heard kept knew led wrote ran broke yesterday ago last".split()
)


_NOT_PARTICIPLES = frozenset(
    "need speed proceed succeed exceed feed bleed breed seed embed shed bed red indeed wed "
    "hundred sacred naked wicked alleged".split()
)


class Tense(Enum):
    PAST = "past"
    FUTURE = "future"


def resolve_weekday(weekday: int, reference: date, tense: Tense | None, relation: str = "") -> date:
    """The date of ``weekday`` (Monday = 0) near ``reference``; see the module docstring."""
    back = (reference.weekday() - weekday) % 7  # days back to the last one, 0 if today
    ahead = (weekday - reference.weekday()) % 7
    if relation == "last":
        return reference - timedelta(days=back or 7)
    if relation == "next":
        return reference + timedelta(days=ahead or 7)
    if tense is Tense.FUTURE:
        return reference + timedelta(days=ahead)
    if tense is Tense.PAST or (relation == "this" and back <= ahead):
        return reference - timedelta(days=back)
    return reference + timedelta(days=ahead) if ahead < back else reference - timedelta(days=back)


def tense_near(tokens: Sequence[Token], position: int) -> Tense | None:
    """The tense of the marker nearest to ``position`` (a character offset) in ``tokens``."""
    best: tuple[int, Tense] | None = None
    at = next((i for i, token in enumerate(tokens) if token.end > position), len(tokens))
    for index in range(len(tokens)):
        tense = _marker_tense(tokens, index)
        if tense is None:
            continue
        distance = abs(index - at)
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


def _marker_tense(tokens: Sequence[Token], index: int) -> Tense | None:
    low = tokens[index].lower
    if low in _FUTURE:
        return Tense.FUTURE
    if (
        low == "to"
        and 0 < index < len(tokens) - 1
        and tokens[index + 1].lower == "be"
        and tokens[index - 1].lower in ("is", "are", "am")
    ):
        return Tense.FUTURE
    if low in _PAST:
        return Tense.PAST
    if len(low) >= 5 and low.endswith("ed") and low.isalpha() and low not in _NOT_PARTICIPLES:
        before = {tokens[i].lower for i in range(max(0, index - 2), index)}
        if "be" in before:
            return None  # "will be broadcast", "is to be questioned": not a past marker
        return Tense.PAST
    return None


def resolve_relative(phrase: str, reference: date) -> DateValue:
    if phrase in ("yesterday", "last night"):
        return DateValue(reference - timedelta(days=1), Precision.DAY)
    if phrase == "tomorrow":
        return DateValue(reference + timedelta(days=1), Precision.DAY)
    if phrase.endswith("year"):
        shift = -1 if phrase.startswith("last") else 1 if phrase.startswith("next") else 0
        return DateValue(date(reference.year + shift, 1, 1), Precision.YEAR)
    if phrase.endswith("month"):
        shift = -1 if phrase.startswith("last") else 1 if phrase.startswith("next") else 0
        return DateValue(add_months(truncate(reference, Precision.MONTH), shift), Precision.MONTH)
    return DateValue(reference, Precision.DAY)  # today, tonight, this morning


def resolve_month(month: int, reference: date, relation: str, tense: Tense | None) -> date:
    this_year = date(reference.year, month, 1)
    if relation == "this":
        return this_year
    if relation == "last":
        return this_year if month < reference.month else date(reference.year - 1, month, 1)
    if relation == "next":
        return this_year if month > reference.month else date(reference.year + 1, month, 1)
    if tense is Tense.FUTURE:
        return this_year if month >= reference.month else date(reference.year + 1, month, 1)
    if tense is Tense.PAST:
        return this_year if month <= reference.month else date(reference.year - 1, month, 1)
    # Neither: the nearest one, counting months.
    after = (month - reference.month) % 12
    before = (reference.month - month) % 12
    if after < before:
        return this_year if month >= reference.month else date(reference.year + 1, month, 1)
    return this_year if month <= reference.month else date(reference.year - 1, month, 1)


def nearest_in_years(reference: date, month: int, day: int, tense: Tense | None) -> date | None:
    options = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if day <= calendar.monthrange(year, month)[1]:
            options.append(date(year, month, day))
    if tense is Tense.PAST:
        options = [d for d in options if d <= reference] or options
        return max(options, default=None)
    if tense is Tense.FUTURE:
        options = [d for d in options if d >= reference] or options
        return min(options, default=None)
    return min(options, key=lambda d: abs((d - reference).days), default=None)


def add_months(first_day: date, months: int) -> date:
    index = first_day.year * 12 + first_day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
