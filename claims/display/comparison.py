"""Comparing two or more sources: the claims they share, side by side, and those only one states.

Pure Python over plain data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Stated[C: Hashable, S: Hashable]:
    claim: C
    source: S
    value: str  # already worded for display


@dataclass(frozen=True)
class SharedRow[C: Hashable, S: Hashable]:
    claim: C
    columns: tuple[tuple[S, tuple[str, ...]], ...]  # per chosen source, in order: it, its values

    @property
    def cells(self) -> tuple[tuple[str, ...], ...]:
        """Per chosen source, in order: the values it states."""
        return tuple(values for _, values in self.columns)


@dataclass(frozen=True)
class Comparison[C: Hashable, S: Hashable]:
    sources: tuple[S, ...]
    shared: tuple[SharedRow[C, S], ...]
    only: tuple[tuple[S, tuple[C, ...]], ...]  # per source: claims no other chosen source states


def compare[S: Hashable, C: Hashable](
    sources: Sequence[S], stated: Sequence[Stated[C, S]]
) -> Comparison[C, S]:
    """Shared claims (stated by two or more of ``sources``) in first-seen order, then the rest."""
    values: dict[C, dict[S, list[str]]] = defaultdict(lambda: defaultdict(list))
    for item in stated:
        if item.source in sources:
            cell = values[item.claim][item.source]
            if item.value not in cell:
                cell.append(item.value)
    shared: list[SharedRow[C, S]] = []
    only: dict[S, list[C]] = {source: [] for source in sources}
    for claim, by_source in values.items():
        if len(by_source) > 1:
            columns = tuple((source, tuple(by_source.get(source, []))) for source in sources)
            shared.append(SharedRow(claim, columns))
        else:
            only[next(iter(by_source))].append(claim)
    return Comparison(
        sources=tuple(sources),
        shared=tuple(shared),
        only=tuple((source, tuple(claims)) for source, claims in only.items()),
    )
