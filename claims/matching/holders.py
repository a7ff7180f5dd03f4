"""Whose figure it is: the parties, places and companies a claim's statement names, and which
of them tell apart claims that count the same thing ("the DA won 87 seats" is not the ANC's 159;
"New Mexico's 60 cases" are not Texas's 500).

A name every such claim shares ("Nissan" in a story about Nissan), or one whose claim counts
nothing else of its story, tells nothing apart. Words the ledger also writes in lower case
("county", "party", "new") are never names here.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from claims.matching.records import KnownClaim
from sources.text.proper import capitalised_inside, lower_case_words, proper_words


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
    """The names of a ledger's claims, read once."""

    def __init__(self, claims: Sequence[KnownClaim], counted: Sequence[Hashable]) -> None:
        """``counted``: for each claim, what it counts (claims of a topic with the same key
        count the same thing), or None."""
        capitalised: set[str] = set()
        self.common: set[str] = set()
        for claim in claims:
            capitalised |= capitalised_inside(claim.statement)
            for text in (claim.statement, claim.subject, *claim.quotes):
                self.common |= lower_case_words(text)
        names = [
            self._names(capitalised, (claim.statement, *claim.qualifiers, claim.event))
            for claim in claims
        ]
        groups: dict[tuple[str, Hashable], list[int]] = {}
        for index, (claim, key) in enumerate(zip(claims, counted, strict=True)):
            if key is not None:
                groups.setdefault((claim.topic, key), []).append(index)
        self.of_claims = [ClaimNames(found, frozenset(), frozenset()) for found in names]
        for members in groups.values():
            if len(members) == 1:
                self.of_claims[members[0]] = ClaimNames(
                    names[members[0]], frozenset(), frozenset(), alone=True
                )
            named = [i for i in members if names[i]]  # a claim naming no one says nothing here
            if len(named) < 2:
                continue
            shared = frozenset.intersection(*(names[i] for i in named))
            rivals = frozenset().union(*(names[i] for i in named)) - shared
            for i in named:
                self.of_claims[i] = ClaimNames(names[i], names[i] - shared, rivals)

    def _names(self, capitalised: set[str], texts: Iterable[str]) -> frozenset[str]:
        found = frozenset().union(*(proper_words(t, capitalised) for t in texts if t))
        return found - self.common

    def of_candidate(self, names: Iterable[str]) -> frozenset[str]:
        return frozenset(names) - self.common
