"""Counts of one sentence read together: a figure compared with the count before it counts the
same thing ("240 seats, down from 303"), and counts of the same things under different
predicates add up to a total ("four were confirmed dead and 11 are unaccounted for" = 15)."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from claims.finder.candidates import Candidate, Part
from claims.rules.values import Qualifier, Quantity

_COMPARED = re.compile(r"\b(?:from|to|against|versus|compared with|up|down)\s*$", re.IGNORECASE)


def compared_counts(text: str, counts: list[Candidate]) -> list[Candidate]:
    """A bare figure compared with a count before it counts the same thing: "159 seats, down
    from 230", "481 cases, up from 422 a week earlier"."""
    for k in range(1, len(counts)):
        bare, before = counts[k], counts[k - 1]
        if bare.entity or bare.unit or not before.entity:
            continue
        between = text[before.end : bare.start]
        if len(between.split()) <= 8 and _COMPARED.search(between) and "." not in between:
            counts[k] = replace(
                bare,
                entity=before.entity,
                predicate=bare.predicate or before.predicate,
                qualifiers=bare.qualifiers or before.qualifiers,
                unit=before.unit,
            )
    return counts


# What may stand between two such counts: the first's own verb phrase, then "and" or a comma.
_JOINED = re.compile(r"^[^.;:()]{0,60}?(?:,|\band|, and)\s*$", re.IGNORECASE)


def totals_by_predicate(text: str, counts: list[Candidate]) -> list[Candidate]:
    """Counts of the same things under different predicates, joined by "and" or a comma, are
    also read as their total: "four were confirmed dead and 11 are unaccounted for" = 15."""
    totals = []
    for first, second in itertools.pairwise(counts):
        joined = _JOINED.match(text[first.end : second.start])
        same_things = first.entity and first.entity == second.entity
        if not (joined and same_things and first.predicate and second.predicate):
            continue
        if first.predicate == second.predicate or not isinstance(first.value, Quantity):
            continue
        if not isinstance(second.value, Quantity) or first.parts or second.parts:
            continue
        qualifier = (
            first.value.qualifier
            if first.value.qualifier == second.value.qualifier
            else (Qualifier.APPROXIMATELY)
        )
        totals.append(
            replace(
                first,
                end=second.end,
                quote=text[first.start : second.end],
                value=Quantity(first.value.number + second.value.number, qualifier),
                predicate=f"{first.predicate} or {second.predicate}",
                qualifiers=(),  # "confirmed dead" qualifies one part, not the total
                parts=(
                    Part(first.value.number, first.predicate, by_predicate=True),
                    Part(second.value.number, second.predicate, by_predicate=True),
                ),
            )
        )
    return totals
