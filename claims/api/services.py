"""The writes the API makes beyond ``claims.review.attestation_link``. Keyword-only, atomic,
``full_clean`` before saving; a ``ValidationError`` leaves nothing written."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from claims.models import Attestation, Claim


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
    for total in claim.totals.all():
        total.refresh_verdict()
    return claim
