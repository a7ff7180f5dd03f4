"""Explanations: short phrases naming outlets, dates and values ("agrees with BBC News: 9",
"updates: 11 as of 30 April 2019 → 14")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from claims.matching.records import KnownClaim
from claims.rules.values import Precision, Value, describe, describe_date
from claims.rules.verdicts import Statement, Verdict, compatible


def _day(value: date) -> str:
    return describe_date(value, Precision.DAY)


def _join(items: Iterable[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _with_value(outlets: Iterable[str], value: Value | None) -> str:
    who = _join(outlets)
    return f"{who}: {describe(value)}" if value is not None else who


def explain(claim: KnownClaim, new: Statement, verdict: Verdict) -> str:
    others = [s for s in claim.statements if s.source != new.source]
    if not others:
        if claim.statements:
            return f"already stated by this source: {describe(claim.statements[0].value)}"
        return "no source states this claim yet"
    if verdict == Verdict.UPDATED:
        return _explain_update(others, new)
    if claim.changes_over_time:
        others = [s for s in others if s.as_of == new.as_of] or others
    agreeing = [s for s in others if compatible(s.value, new.value)]
    conflicting = [s for s in others if not compatible(s.value, new.value)]
    if not conflicting:
        # Name the value only when some source gives one to agree with.
        value = new.value if any(s.value is not None for s in agreeing) else None
        agrees = f"agrees with {_with_value((s.outlet for s in agreeing), value)}"
        return (
            f"{agrees}; the other sources already differ" if verdict == Verdict.DIFFER else agrees
        )
    differs = "differs from " + _join(f"{s.outlet}: {describe(s.value)}" for s in conflicting)
    if agreeing:
        return f"agrees with {_join(s.outlet for s in agreeing)} but {differs}"
    return differs


def _explain_update(others: Sequence[Statement], new: Statement) -> str:
    before = [s for s in others if s.as_of <= new.as_of]
    if not before:
        first = min(others, key=lambda s: (s.as_of, s.outlet))
        return (
            f"earlier value: {describe(new.value)} as of {_day(new.as_of)}, "
            f"before {describe(first.value)} as of {_day(first.as_of)} ({first.outlet})"
        )
    latest = max(before, key=lambda s: (s.as_of, s.published, s.outlet))
    if compatible(latest.value, new.value):
        current = (s.outlet for s in before if s.as_of == latest.as_of)
        return f"agrees with the latest value, {_with_value(current, new.value)}"
    return f"updates: {describe(latest.value)} as of {_day(latest.as_of)} → {describe(new.value)}"
