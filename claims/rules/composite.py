"""Composite claims: a total declared as the sum of part claims ("9 serving + 1 former +
1 detention officer = 11"). Pure Python: does each source's total equal the sum of its parts?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from claims.rules.values import Quantity, describe
from claims.rules.verdicts import Statement, number_range


@dataclass(frozen=True)
class PartClaim:
    label: str  # how the part is named in the sum: "constables"
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class SumCheck:
    """One source's total at one as-of date, against the same source's parts."""

    outlet: str
    as_of: date
    total: str  # the total in words: "11"
    terms: tuple[tuple[str, str], ...]  # (value in words, part label) for each part stated
    missing: tuple[str, ...]  # labels of parts this source does not state at that date
    adds_up: bool | None  # None when parts are missing or are not numbers

    @property
    def equation(self) -> str:
        """ "9 constables + 2 sergeants = 11 ✓" """
        left = " + ".join(f"{value} {label}" for value, label in self.terms) or "no parts"
        mark = {True: " ✓", False: " ✗", None: ""}[self.adds_up]
        sign = "≠" if self.adds_up is False else "="
        return f"{left} {sign} {self.total}{mark}"


def check_sums(total: Sequence[Statement], parts: Sequence[PartClaim]) -> list[SumCheck]:
    """For each source and as-of date that gives the total, whether its parts add up to it."""
    checks, seen = [], set()
    for statement in sorted(total, key=lambda s: (s.as_of, s.published, s.outlet)):
        key = (statement.source, statement.as_of)
        if key in seen or not isinstance(statement.value, Quantity):
            continue
        seen.add(key)
        terms, missing, values = [], [], []
        for part in parts:
            stated = next(
                (
                    p
                    for p in part.statements
                    if (p.source, p.as_of) == key and isinstance(p.value, Quantity)
                ),
                None,
            )
            if stated is None:
                missing.append(part.label)
            else:
                assert isinstance(stated.value, Quantity)
                terms.append((describe(stated.value), part.label))
                values.append(stated.value)
        adds_up = None if missing or not parts else _adds_up(values, statement.value)
        checks.append(
            SumCheck(
                outlet=statement.outlet,
                as_of=statement.as_of,
                total=describe(statement.value),
                terms=tuple(terms),
                missing=tuple(missing),
                adds_up=adds_up,
            )
        )
    return checks


def _adds_up(parts: Sequence[Quantity], total: Quantity) -> bool:
    """Do the parts' ranges, summed, meet the total's range? Exact figures must be equal."""
    lows, highs = zip(*(number_range(p) for p in parts), strict=True)
    low = None if None in lows else sum(lows, Decimal(0))
    high = None if None in highs else sum(highs, Decimal(0))
    total_low, total_high = number_range(total)
    return (low is None or total_high is None or low <= total_high) and (
        high is None or total_low is None or total_low <= high
    )
