"""Writes that touch several rows. Keyword-only, atomic, ``full_clean`` before saving: a
``ValidationError`` leaves nothing written. The review queue and the API both use these."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction

from claims.models import Attestation, Claim, DismissedCandidate, Topic
from claims.values import Value
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


@transaction.atomic
def claim_create(**fields: Any) -> Claim:
    claim = Claim(**fields)
    claim.full_clean()
    claim.save()
    return claim


@transaction.atomic
def claim_update(*, claim: Claim, **fields: Any) -> Claim:
    """Change the claim's own fields; the verdict follows (``changes_over_time`` decides
    whether different values over time are an update or a difference)."""
    for name, value in fields.items():
        setattr(claim, name, value)
    claim.full_clean()
    claim.save()
    claim.refresh_verdict()
    return claim


@transaction.atomic
def attestation_unlink(*, attestation: Attestation) -> Claim:
    """Remove one source's statement of a claim and recompute the claim's verdict, as
    ``attestation_link`` does when it adds one."""
    claim = attestation.claim
    attestation.delete()
    claim.refresh_verdict()
    return claim


@transaction.atomic
def attestation_link(
    *,
    source: Source,
    claim: Claim,
    start: int,
    end: int,
    value: Value | None,
    as_of: date | None = None,
    attributed_to: str = "",
) -> Attestation:
    """Link a span of ``source`` to ``claim`` and recompute the claim's verdict at once."""
    attestation = Attestation(
        claim=claim,
        source=source,
        quote=source.text[start:end],
        start=start,
        end=end,
        as_of=as_of if as_of != source.published_on else None,
        attributed_to=attributed_to[:200],
    )
    attestation.value = value
    attestation.full_clean()
    attestation.save()
    claim.refresh_verdict()
    return attestation


@transaction.atomic
def claim_create_from_candidate(
    *,
    source: Source,
    topic: Topic,
    slug: str,
    statement: str,
    kind: str,
    subject: str,
    unit: str,
    changes_over_time: bool,
    start: int,
    end: int,
    value: Value | None,
    as_of: date | None = None,
    attributed_to: str = "",
) -> Claim:
    claim = claim_create(
        topic=topic,
        slug=slug,
        statement=statement,
        kind=kind,
        subject=subject,
        unit=unit,
        changes_over_time=changes_over_time,
    )
    attestation_link(
        source=source,
        claim=claim,
        start=start,
        end=end,
        value=value,
        as_of=as_of,
        attributed_to=attributed_to,
    )
    return claim


def candidate_dismiss(*, source: Source, start: int, end: int, user: Any) -> DismissedCandidate:
    dismissal, _ = DismissedCandidate.objects.get_or_create(
        source=source,
        start=start,
        end=end,
        defaults={"quote": source.text[start:end], "dismissed_by": user},
    )
    return dismissal
