"""Who says what: a claim's statements grouped by who gives each figure.

The claim page lists its quotes under each claimant ("According to the interior ministry"),
and its timeline draws a lane per claimant, so two parties' figures, or one party revising its
own, read at a glance. The grouping is the verdict's: a report restating the figure of its
one claimant on its own account repeats that claimant (``attributed_in_report``), and names
that differ only in case or a leading "the" are one claimant (``name_key``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claims.rules.names import name_key
from claims.rules.verdicts import Statement, attributed_in_report

# Figures no claimant is given for: each outlet's own account.
UNATTRIBUTED = ""


@dataclass(frozen=True)
class Voice[Item]:
    claimant: str  # as the first statement names it; UNATTRIBUTED for the outlets' own
    items: tuple[Item, ...]  # in the order given

    @property
    def heading(self) -> str:
        if self.claimant == UNATTRIBUTED:
            return "Outlets’ own figures"
        return f"According to {self.claimant}"


def speakers(statements: Sequence[Statement]) -> list[str]:
    """Who gives each statement's figure, in order: its claimant, or UNATTRIBUTED."""
    return [s.claimant for s in attributed_in_report(statements)]


def voices[Item](items: Sequence[Item], statements: Sequence[Statement]) -> list[Voice[Item]]:
    """``items`` (one per statement, in the same order) grouped by claimant: claimants in the
    order they first speak, the outlets' own figures last. Empty when no figure has a
    claimant: then there is nothing to group."""
    groups: dict[str, tuple[str, list[Item]]] = {}
    for item, claimant in zip(items, speakers(statements), strict=True):
        key = name_key(claimant) if claimant else UNATTRIBUTED
        groups.setdefault(key, (claimant, []))[1].append(item)
    if set(groups) <= {UNATTRIBUTED}:
        return []
    own = groups.pop(UNATTRIBUTED, None)
    grouped = [Voice(name, tuple(found)) for name, found in groups.values()]
    if own is not None:
        grouped.append(Voice(UNATTRIBUTED, tuple(own[1])))
    return grouped
