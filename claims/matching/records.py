"""What matching reads and returns: a claim of the ledger, and a match for a candidate."""

from __future__ import annotations

from dataclasses import dataclass

from claims.rules.verdicts import Statement, Verdict


@dataclass(frozen=True)
class KnownClaim:
    """A claim of the ledger, with what matching needs of its attestations."""

    key: str  # the claim's slug
    topic: str  # topic slug
    statement: str
    kind: str  # quantity/date/status/quote/event/other
    subject: str
    unit: str
    changes_over_time: bool
    statements: tuple[Statement, ...]  # its attestations, as verdict Statements
    quotes: tuple[str, ...]  # its attestations' quotes
    entity: str = ""  # for counts: what is counted
    predicate: str = ""  # for counts: what happened to them
    qualifiers: tuple[str, ...] = ()
    event: str = ""


@dataclass(frozen=True)
class Match:
    claim: str  # slug
    score: float  # 0..1: the chance the match is right, calibrated on the benchmark
    verdict_if_linked: Verdict  # the claim's verdict with this candidate linked
    explanation: str  # "agrees with BBC News and The Independent", "updates: 11 as of … → 14"
    raw: float = 0.0  # the product of the factors, which ranks the matches
    margin: float = 0.0  # raw less the best other claim's raw (negative if another is ahead)
    same_value: bool = False  # the candidate states the claim's value
    same_thing: bool = False  # both say they count the same things that happened
