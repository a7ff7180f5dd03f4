"""Whose figure it is: the parties, places and companies a claim's statement names, and which
of them tell apart claims that count the same thing ("the DA won 87 seats" is not the ANC's 159;
"New Mexico's 60 cases" are not Texas's 500).

A name every such claim shares ("Nissan" in a story about Nissan), or one whose claim counts
nothing else of its story, tells nothing apart. Words the ledger also writes in lower case
("county", "party", "new") are never names here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claims.matching.ledger import LedgerStats
from sources.text.proper import proper_words


@dataclass(frozen=True)
class ClaimNames:
    names: frozenset[str]  # every proper word of the claim's statement, qualifiers and event
    distinct: frozenset[str]  # those that tell it from its topic's claims counting the same
    rivals: frozenset[str]  # every name that tells those claims apart
    alone: bool = False  # no other claim of its topic counts the same thing

    def held_by(self, names: frozenset[str]) -> bool:
        """Does a candidate's stretch name one of the names that tell this claim from the
        claims counting the same thing ("the BJP" for the BJP's seats, not Congress's)?"""
        return bool(self.distinct & names)

    def other_holder(self, names: frozenset[str]) -> bool:
        """Is a candidate whose stretch of sentence names ``names`` someone else's figure? It
        names none of this claim's names while the claim has a telling one, or it names a
        telling name of the claims counting the same thing that this claim lacks."""
        if not names:
            return False
        if self.distinct and not names & self.names:
            return True
        return bool((names & self.rivals) - self.names)


NO_NAMES = ClaimNames(frozenset(), frozenset(), frozenset())


class Holders:
    """The names of a ledger's claims, read when a claim is first scored: a claim's names tell
    it apart only from the claims of its topic that count the same thing."""

    def __init__(self, stats: LedgerStats) -> None:
        self._stats = stats
        self._capitalised = stats.capitalised.keys()
        self._common = stats.lower.keys()
        self._names: dict[str, frozenset[str]] = {}
        self._of_claims: dict[str, ClaimNames] = {}

    def of_claim(self, key: str) -> ClaimNames:
        found = self._of_claims.get(key)
        if found is None:
            entry = self._stats.entries[key]
            group = (
                self._stats.groups.get((entry.topic, entry.rivalry), {key})
                if entry.rivalry is not None
                else None
            )
            if group is None:
                found = ClaimNames(self._names_of(key), frozenset(), frozenset())
            elif len(group) == 1:
                found = ClaimNames(self._names_of(key), frozenset(), frozenset(), alone=True)
            else:
                self._of_group(sorted(group))
                found = self._of_claims[key]
            self._of_claims[key] = found
        return found

    def _of_group(self, members: list[str]) -> None:
        names = {key: self._names_of(key) for key in members}
        for key in members:
            self._of_claims[key] = ClaimNames(names[key], frozenset(), frozenset())
        named = [key for key in members if names[key]]  # a claim naming no one says nothing here
        if len(named) < 2:
            return
        shared = frozenset.intersection(*(names[key] for key in named))
        rivals = frozenset().union(*(names[key] for key in named)) - shared
        for key in named:
            self._of_claims[key] = ClaimNames(names[key], names[key] - shared, rivals)

    def _names_of(self, key: str) -> frozenset[str]:
        found = self._names.get(key)
        if found is None:
            texts = self._stats.entries[key].name_texts
            found = frozenset().union(*(proper_words(t, self._capitalised) for t in texts))
            found = self._names[key] = frozenset(found - self._common)
        return found

    def of_candidate(self, names: Iterable[str]) -> frozenset[str]:
        return frozenset(frozenset(names) - self._common)
