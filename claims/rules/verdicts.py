"""The verdict rules: do the sources that state a claim agree, differ, or update each other?

Pure Python over plain data, so every rule is unit-tested without a database. The rules,
in the order they are tried:

``single``
    One origin states the claim, however many times (even if it gives differing values).
    Statements are counted by who gives the figure: a claimant's statement ("police said")
    is one origin however many outlets repeat it; an unattributed figure is its source's own,
    and copies of one story (a wire story carried by three sites) are one origin. Explanations
    say "3 sources, 1 independent".
``agree``
    Two or more origins, and every pair of values is compatible (see ``compatible``), even
    within one report (the union and the employer both say 12,000).
``updated``
    The claim changes over time, and values conflict only between different as-of dates:
    11 officers investigated as of April 2019, 14 as of February 2022. Or a claimant revised
    its own figure, and what each origin says now agrees.
``differ``
    Anything else: values that conflict for the same as-of date, or a fixed fact stated
    differently by different origins ("between 2015 and 2017" vs "between 2016 and 2018"),
    including two claimants in one report (the union says 40,000, the employer 12,000).

A claim no source states has no verdict (``None``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from claims.rules.bidi import isolate
from claims.rules.names import name_key
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
    claimant: str = ""  # who the source attributes the figure to ("police"); "" if its own

    @property
    def independent_of(self) -> str:
        """What makes two statements independent: different origins. A claimant's statement
        is one origin however many outlets carry it; an unattributed one is its source's."""
        if self.claimant:
            return f"claimant:{name_key(self.claimant)}"
        return self.origin or self.source


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict | None
    explanation: str
    independent: int = 0  # the origins stating the claim, as the verdict counts them


def assess(statements: Sequence[Statement], *, changes_over_time: bool) -> Assessment:
    """The verdict for a claim stated by ``statements``, with a one-sentence explanation."""
    statements = sorted(statements, key=lambda s: (s.as_of, s.published, s.outlet, s.source))
    if not statements:
        return Assessment(None, "No source states this claim yet.")
    statements = attributed_in_report(statements)
    current, revised = superseded(statements)
    assessment = _assess(current, changes_over_time=changes_over_time)
    if revised and assessment.verdict in (Verdict.SINGLE, Verdict.AGREE):
        assessment = Assessment(Verdict.UPDATED, _counted(explain_revision(revised), statements))
    return replace(assessment, independent=count_sources(statements)[1])


def _assess(statements: Sequence[Statement], *, changes_over_time: bool) -> Assessment:
    if len({s.independent_of for s in statements}) == 1:
        return Assessment(Verdict.SINGLE, _counted(_explain_single(statements), statements))
    if conflict := _first_conflict(statements):
        if changes_over_time and not _first_conflict(statements, same_as_of_only=True):
            return Assessment(Verdict.UPDATED, _counted(_explain_updated(statements), statements))
        conflict = _first_conflict(statements, same_as_of_only=changes_over_time) or conflict
        explanation = _explain_differ(*conflict, changes_over_time)
        return Assessment(Verdict.DIFFER, _counted(explanation, statements))
    return Assessment(Verdict.AGREE, _counted(_explain_agree(statements), statements))


def attributed_in_report(statements: Sequence[Statement]) -> list[Statement]:
    """A report that attributes a figure to one claimant and restates it on its own account
    ("the IOPC said 11 officers …", then "the 11 officers") repeats the claimant: the
    restatement is the claimant's too, not a second origin. A figure of its own that the
    claimant's does not allow stays the report's."""
    attributed: dict[str, list[Statement]] = {}  # by report; a copy is its original's report
    for statement in statements:
        if statement.claimant:
            attributed.setdefault(_report(statement), []).append(statement)
    result = []
    for statement in statements:
        theirs = attributed.get(_report(statement), [])
        if (
            not statement.claimant
            and len({s.claimant for s in theirs}) == 1
            and all(compatible(statement.value, s.value) for s in theirs)
        ):
            statement = replace(statement, claimant=theirs[0].claimant)
        result.append(statement)
    return result


def _report(statement: Statement) -> str:
    return statement.origin or statement.source


def superseded(
    statements: Sequence[Statement],
) -> tuple[list[Statement], list[tuple[Statement, Statement]]]:
    """A claimant's figures that its own later report revised: the statements left, and each
    revision as (the first figure revised, the figure that replaced it). Only a claimant
    revises itself; figures of one report are never revisions of each other."""
    by_claimant: dict[str, list[Statement]] = {}
    for statement in statements:
        if statement.claimant:
            by_claimant.setdefault(statement.independent_of, []).append(statement)
    latest: dict[str, list[Statement]] = {}  # what each claimant says in its latest report
    for key, said in by_claimant.items():
        last = max(s.published for s in said)
        latest[key] = [s for s in said if s.published == last]
    current: list[Statement] = []
    revised: dict[str, tuple[Statement, Statement]] = {}
    for statement in statements:
        now = latest.get(statement.independent_of, [])
        if (
            now
            and statement.published < now[0].published
            and not any(compatible(statement.value, s.value) for s in now)
        ):
            revised.setdefault(statement.independent_of, (statement, now[-1]))
            continue
        current.append(statement)
    return current, list(revised.values())


def explain_revision(revised: Sequence[tuple[Statement, Statement]]) -> str:
    """ "Police revised their figure: 10 (BBC News, 3 May 2023), then 12 (ITV News, 4 May
    2023)." (A claimant is named as the source names it; "their" fits one or many.)"""
    parts = [
        f"{isolate(old.claimant)} revised their figure: {describe(old.value)} "
        f"({_reported(old)}), then {describe(new.value)} ({_reported(new)})"
        for old, new in revised
    ]
    return "; ".join(parts) + "."  # ``_counted`` opens it with a capital


def _reported(statement: Statement) -> str:
    return f"{isolate(statement.outlet)}, {_day(statement.published)}"


def count_sources(statements: Sequence[Statement]) -> tuple[int, int]:
    """(sources, independent sources) among ``statements``."""
    return len({s.source for s in statements}), len({s.independent_of for s in statements})


def _counted(explanation: str, statements: Sequence[Statement]) -> str:
    """The explanation with "(3 sources, 1 independent)" before its full stop when copies of
    one story are among the sources."""
    explanation = explanation[:1].upper() + explanation[1:]  # "the union …" opens a sentence
    sources, independent = count_sources(statements)
    if independent >= sources:  # no copies nor repeats (two claimants in one report are two)
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
    """ "BBC News (2 October 2025)"; for a claimant's figure, "police (BBC News, 2 October
    2025)"."""
    if statement.claimant:
        return f"{isolate(statement.claimant)} ({_reported(statement)})"
    return f"{isolate(statement.outlet)} ({_day(statement.published)})"


def _join(items: Iterable[str]) -> str:
    items = list(dict.fromkeys(items))  # keep order, drop repeats
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _values(statements: Iterable[Statement]) -> str:
    return _join(describe(s.value) for s in statements if s.value is not None)


def _explain_single(statements: Sequence[Statement]) -> str:
    sources = _by_source(statements)
    if statements[0].claimant:  # "Only from police, as reported by …"
        values = _values(statements)
        who = _join(f"{isolate(s.outlet)} ({_day(s.published)})" for s in sources)
        return f"Only from {isolate(statements[0].claimant)}, as reported by {who}" + (
            f": {values}." if values else "."
        )
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
    """The first statement of each source and claimant, in order."""
    seen: dict[tuple[str, str], Statement] = {}
    for statement in statements:
        seen.setdefault((statement.source, statement.claimant), statement)
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
        f"{_cite(s)} says "
        + _values(x for x in statements if (x.source, x.claimant) == (s.source, s.claimant))
        for s in sources
    )
    return f"{says}; these values are compatible."


def _explain_updated(statements: Sequence[Statement]) -> str:
    steps = []
    for as_of, grouped in itertools.groupby(statements, key=lambda s: s.as_of):
        group = list(grouped)
        value = _values(group) or "no separate value"
        steps.append(f"{value} as of {_day(as_of)} ({_join(isolate(s.outlet) for s in group)})")
    return f"The value changed over time: {', then '.join(steps)}."


def _explain_differ(a: Statement, b: Statement, changes_over_time: bool) -> str:
    if a.claimant or b.claimant:
        # "According to the union, about 40,000 (Daily Example, 3 May 2023); according to the
        # employer, 12,000 (same report)."
        said = f"{_said(a)}; {_said(b, after=a)}"
    else:
        said = f"{_cite(a)} says {describe(a.value)} but {_cite(b)} says {describe(b.value)}"
    if changes_over_time:
        return f"For the same date ({_day(a.as_of)}), {said}."
    return f"{said}."


def _said(statement: Statement, after: Statement | None = None) -> str:
    """ "according to the union, about 40,000 (Daily Example, 3 May 2023)"; "(same report)"
    after a figure of the same report; a figure of the report's own, "BBC News (2 October
    2025) says 9"."""
    same = after is not None and after.source == statement.source
    value = describe(statement.value)
    if not statement.claimant:
        if same:
            return f"{isolate(statement.outlet)} itself says {value}"
        return f"{isolate(statement.outlet)} ({_day(statement.published)}) says {value}"
    where = "same report" if same else _reported(statement)
    return f"according to {isolate(statement.claimant)}, {value} ({where})"
