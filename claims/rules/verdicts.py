"""The verdict rules: do the sources that state a claim agree, differ, or update each other?

Pure Python over plain data, so every rule is unit-tested without a database. The rules,
in the order they are tried:

``single``
    One source states the claim, however many times (even if it gives differing values).
    Copies of one story (a wire story carried by three sites) are one source here: sources
    are counted by independent origin, and explanations say "3 sources, 1 independent".
``agree``
    Two or more sources, and every pair of values is compatible (see ``compatible``).
``updated``
    The claim changes over time, and values conflict only between different as-of dates:
    11 officers investigated as of April 2019, 14 as of February 2022.
``differ``
    Anything else: values that conflict for the same as-of date, or a fixed fact stated
    differently by different sources ("between 2015 and 2017" vs "between 2016 and 2018").

A claim no source states has no verdict (``None``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from claims.rules.values import (
    DateValue,
    Precision,
    Qualifier,
    Quantity,
    TextValue,
    Value,
    coarser,
    describe,
    describe_date,
    truncate,
)

# An approximate figure ("nearly 1,500", "about 90") covers this fraction either side of the
# number stated, so "nearly 1,500" agrees with 1,500 and with 1,400, but not with 1,300.
APPROXIMATE_TOLERANCE = Decimal("0.10")


class Verdict(StrEnum):
    SINGLE = "single"
    AGREE = "agree"
    UPDATED = "updated"
    DIFFER = "differ"


@dataclass(frozen=True)
class Statement:
    """One source stating the claim once: an attestation, reduced to what the rules need."""

    source: str  # any key that is the same for the same source, e.g. its slug
    outlet: str
    published: date
    as_of: date
    value: Value | None
    origin: str = ""  # the source this one copies (a syndicated wire story); "" if original

    @property
    def independent_of(self) -> str:
        """What makes two statements independent: different origins."""
        return self.origin or self.source


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict | None
    explanation: str


def assess(statements: Sequence[Statement], *, changes_over_time: bool) -> Assessment:
    """The verdict for a claim stated by ``statements``, with a one-sentence explanation."""
    statements = sorted(statements, key=lambda s: (s.as_of, s.published, s.outlet, s.source))
    if not statements:
        return Assessment(None, "No source states this claim yet.")
    if len({s.independent_of for s in statements}) == 1:
        return Assessment(Verdict.SINGLE, _counted(_explain_single(statements), statements))
    if conflict := _first_conflict(statements):
        if changes_over_time and not _first_conflict(statements, same_as_of_only=True):
            return Assessment(Verdict.UPDATED, _counted(_explain_updated(statements), statements))
        conflict = _first_conflict(statements, same_as_of_only=changes_over_time) or conflict
        explanation = _explain_differ(*conflict, changes_over_time)
        return Assessment(Verdict.DIFFER, _counted(explanation, statements))
    return Assessment(Verdict.AGREE, _counted(_explain_agree(statements), statements))


def count_sources(statements: Sequence[Statement]) -> tuple[int, int]:
    """(sources, independent sources) among ``statements``."""
    return len({s.source for s in statements}), len({s.independent_of for s in statements})


def _counted(explanation: str, statements: Sequence[Statement]) -> str:
    """The explanation with "(3 sources, 1 independent)" before its full stop when copies of
    one story are among the sources."""
    sources, independent = count_sources(statements)
    if sources == independent:
        return explanation
    return f"{explanation.removesuffix('.')} ({sources} sources, {independent} independent)."


def compatible(a: Value | None, b: Value | None) -> bool:
    """Could both values be true at once?

    - No value (the quote states the claim without a separate value) fits anything.
    - Numbers are ranges: exact is a point, approximate ± ``APPROXIMATE_TOLERANCE``,
      at least / at most open-ended; two numbers are compatible when their ranges meet.
    - Dates and periods are compared at the coarser of their two precisions, end by end,
      a single date being a period that starts and ends on it: "February 2018" fits "2018".
    - Texts are compatible when equal, ignoring case, punctuation and spacing.
    - Values of different shapes never are.
    """
    if a is None or b is None:
        return True
    match a, b:
        case Quantity(), Quantity():
            (a_low, a_high), (b_low, b_high) = number_range(a), number_range(b)
            return _at_most(a_low, b_high) and _at_most(b_low, a_high)
        case DateValue(), DateValue():
            precision = coarser(a.precision, b.precision)
            return truncate(a.start, precision) == truncate(b.start, precision) and truncate(
                a.last, precision
            ) == truncate(b.last, precision)
        case TextValue(), TextValue():
            return a.key == b.key
    return False


def number_range(value: Quantity) -> tuple[Decimal | None, Decimal | None]:
    """(low, high) bounds of what a stated number allows, ``None`` where unbounded."""
    number = value.number
    match value.qualifier:
        case Qualifier.EXACT:
            return number, number
        case Qualifier.APPROXIMATELY:
            margin = abs(number) * APPROXIMATE_TOLERANCE
            return number - margin, number + margin
        case Qualifier.AT_LEAST:
            return number, None
        case Qualifier.AT_MOST:
            return None, number
    raise ValueError(value.qualifier)


def _at_most(low: Decimal | None, high: Decimal | None) -> bool:
    return low is None or high is None or low <= high


def _first_conflict(
    statements: Sequence[Statement], *, same_as_of_only: bool = False
) -> tuple[Statement, Statement] | None:
    """The first pair of statements from independent sources whose values cannot both hold."""
    for a, b in itertools.combinations(statements, 2):
        if a.independent_of == b.independent_of or (same_as_of_only and a.as_of != b.as_of):
            continue
        if not compatible(a.value, b.value):
            return a, b
    return None


# Explanations: one sentence each, naming outlets, dates and values.


def _day(value: date) -> str:
    return describe_date(value, Precision.DAY)


def _cite(statement: Statement) -> str:
    return f"{statement.outlet} ({_day(statement.published)})"


def _join(items: Iterable[str]) -> str:
    items = list(dict.fromkeys(items))  # keep order, drop repeats
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _values(statements: Iterable[Statement]) -> str:
    return _join(describe(s.value) for s in statements if s.value is not None)


def _explain_single(statements: Sequence[Statement]) -> str:
    sources = _by_source(statements)
    if len(sources) > 1:  # copies of one story
        who = _join(_cite(s) for s in sources)
        values = _values(statements)
        return f"Only one independent source states this, carried by {who}" + (
            f": {values}." if values else "."
        )
    times = f", in {len(statements)} places" if len(statements) > 1 else ""
    values = _values(statements)
    if not values:
        return f"Only {_cite(statements[0])} states this{times}."
    distinct = {describe(s.value) for s in statements if s.value is not None}
    if len(distinct) > 1 and any(
        not compatible(a.value, b.value) for a, b in itertools.combinations(statements, 2)
    ):
        return (
            f"Only {_cite(statements[0])} states this{times}, "
            f"and it gives differing values: {values}."
        )
    return f"Only {_cite(statements[0])} states this{times}: {values}."


def _by_source(statements: Sequence[Statement]) -> list[Statement]:
    """The first statement of each source, in order."""
    seen: dict[str, Statement] = {}
    for statement in statements:
        seen.setdefault(statement.source, statement)
    return list(seen.values())


def _explain_agree(statements: Sequence[Statement]) -> str:
    sources = _by_source(sorted(statements, key=lambda s: (s.published, s.outlet)))
    who = _join(_cite(s) for s in sources)
    distinct = list(dict.fromkeys(describe(s.value) for s in statements if s.value is not None))
    if not distinct:
        return f"{who} {'both' if len(sources) == 2 else 'all'} state this."
    if len(distinct) == 1:
        return f"{who} agree: {distinct[0]}."
    says = _join(
        f"{_cite(s)} says {_values(x for x in statements if x.source == s.source)}" for s in sources
    )
    return f"{says}; these values are compatible."


def _explain_updated(statements: Sequence[Statement]) -> str:
    steps = []
    for as_of, grouped in itertools.groupby(statements, key=lambda s: s.as_of):
        group = list(grouped)
        value = _values(group) or "no separate value"
        steps.append(f"{value} as of {_day(as_of)} ({_join(s.outlet for s in group)})")
    return f"The value changed over time: {', then '.join(steps)}."


def _explain_differ(a: Statement, b: Statement, changes_over_time: bool) -> str:
    said = f"{_cite(a)} says {describe(a.value)} but {_cite(b)} says {describe(b.value)}"
    if changes_over_time:
        return f"For the same date ({_day(a.as_of)}), {said}."
    return f"{said}."
