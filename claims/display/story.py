"""How a story unfolded: what each source added, confirmed, contradicted or updated.

Pure Python over plain data. Sources are taken in publication order; each claim a source
states is compared with what earlier sources said of the same claim, by the verdict rules'
own notion of compatible values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from claims.rules.verdicts import Statement, compatible


class Relation(StrEnum):
    ADDED = "added"
    CONFIRMED = "confirmed"
    CONTRADICTED = "contradicted"
    UPDATED = "updated"


@dataclass(frozen=True)
# C identifies a claim (a model instance, a slug), S a source.
class Told[C: Hashable, S: Hashable]:
    """One source stating one claim once."""

    claim: C
    source: S
    changes_over_time: bool
    statement: Statement


@dataclass
class Chapter[C: Hashable, S: Hashable]:
    """One source's contribution: claims by relation, in the order first stated."""

    source: S
    claims: dict[Relation, list[C]] = field(default_factory=lambda: {r: [] for r in Relation})

    @property
    def is_empty(self) -> bool:
        return not any(self.claims.values())


def tell[S: Hashable, C: Hashable](
    sources: Sequence[S], told: Sequence[Told[C, S]]
) -> list[Chapter[C, S]]:
    """One chapter per source, in the order of ``sources`` (publication order)."""
    by_source: dict[S, list[Told[C, S]]] = defaultdict(list)
    for item in told:
        by_source[item.source].append(item)
    earlier: dict[C, list[Told[C, S]]] = defaultdict(list)
    chapters = []
    for source in sources:
        chapter: Chapter[C, S] = Chapter(source)
        mine: dict[C, list[Told[C, S]]] = defaultdict(list)
        for item in by_source.get(source, []):
            mine[item.claim].append(item)
        for claim, items in mine.items():
            chapter.claims[_relation(items, earlier.get(claim, []))].append(claim)
        for claim, items in mine.items():
            earlier[claim].extend(items)
        chapters.append(chapter)
    return chapters


def _relation[C: Hashable, S: Hashable](
    mine: list[Told[C, S]], before: list[Told[C, S]]
) -> Relation:
    if not before:
        return Relation.ADDED
    updated = False
    for new in mine:
        for old in before:
            if compatible(new.statement.value, old.statement.value):
                continue
            # As in the verdict rules: a changing value may differ between as-of dates.
            if new.changes_over_time and new.statement.as_of != old.statement.as_of:
                updated = True
            else:
                return Relation.CONTRADICTED
    return Relation.UPDATED if updated else Relation.CONFIRMED
