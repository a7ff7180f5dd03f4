"""Writes that touch several rows. Keyword-only, atomic."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from claims.models import Claim
from sources.models import Source


@transaction.atomic
def claims_refresh_verdicts(*, claims: Iterable[Claim]) -> int:
    """Recompute each claim's verdict; return how many changed."""
    return sum(claim.refresh_verdict() for claim in claims)


def source_claims_refresh_verdicts(*, source: Source) -> int:
    """After a source's date changes, its claims' verdicts may too (as-of dates follow it)."""
    return claims_refresh_verdicts(
        claims=Claim.objects.filter(attestations__source=source).distinct()
    )
