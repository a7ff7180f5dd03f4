"""Two parties' counts of one thing in one report are one claim in dispute, however far
apart: the matcher offers the claim for the second party's figure, so linking it reads
*differ*. AFP's report of a pension protest in Paris, as Expatica carried it on 16 October
2010."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from claims.finder import find_claims
from claims.matching import LIKELY, ClaimIndex, KnownClaim
from claims.rules.values import Quantity
from claims.rules.verdicts import Statement

DAY = date(2010, 10, 16)
REPORT = (
    "Police said Saturday 50,000 demonstrators had turned out in Paris to protest against "
    "pension reform plans, fewer than at a previous weekend rally two weeks ago, while the "
    "unions claimed 310,000."
)


def march(source: str, claimant: str) -> KnownClaim:
    """The claim as the editor made it from the police figure in ``source``."""
    police = Statement(source, "Expatica", DAY, DAY, Quantity(Decimal(50000)), claimant=claimant)
    return KnownClaim(
        key="paris-march",
        topic="pensions",
        statement="Demonstrators in Paris against the pension reform",
        kind="quantity",
        subject="",
        unit="",
        changes_over_time=False,
        statements=(police,),
        quotes=("50,000 demonstrators",),
        entity="people",
        predicate="protested",
    )


def suggestions(claim: KnownClaim, source: str):
    unions = next(c for c in find_claims(REPORT, published=DAY) if c.quote == "310,000")
    assert unions.attributed_to == "the unions"
    return ClaimIndex([claim]).matches(
        unions, source=source, outlet="Expatica", published=DAY, topics=["pensions"]
    )


def chance(claim: KnownClaim, source: str) -> float:
    found = suggestions(claim, source)
    return found[0].score if found else 0.0


def test_the_other_partys_count_in_the_same_report_is_likely_and_would_differ():
    (match,) = suggestions(march("expatica", "Police"), "expatica")
    assert match.claim == "paris-march"
    assert match.score >= LIKELY
    assert match.verdict_if_linked == "differ"


def test_a_far_off_count_from_another_report_or_the_same_party_is_not_likely():
    for claim, source in [
        (march("expatica", "Police"), "another-report"),  # which count it is, nothing says
        (march("expatica", "the unions"), "expatica"),  # one party, two figures
        (march("expatica", ""), "expatica"),  # the outlet's own figure against a party's
    ]:
        assert chance(claim, source) < LIKELY
