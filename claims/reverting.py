"""Reverting a claim to one of its revisions: what the claim says and the attestations it has
become again what they were then, as one new revision whose change reason is "Reverted to
revision n"; the verdict is recomputed from the attestations restored.

The claim keeps its slug (its address now; the old ones redirect anyway) and its parts (not
kept in history). Attestations are matched to those of the revision by id, else by source and
span (a quote unlinked and linked again); those the revision did not have are unlinked, those it
had and the claim has not are linked again. Everything goes through ``claims.services``, so it
is validated as any edit is: a topic or a source deleted since makes the revert fail, whole.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from claims import history, services
from claims.claimants import Claimant
from claims.models import Attestation, Claim
from claims.recording import one_revision
from sources.models import Source

CLAIM_FIELDS = [
    name for name in history.CLAIM_FIELDS if name not in ("slug", "verdict", "verdict_explanation")
]
ATTESTATION_FIELDS = [
    "quote",
    "start",
    "end",
    "as_of",
    "attributed_to",
    "claimant_id",
    *sorted(history.VALUE_FIELDS),
]


def revert_reason(number: int) -> str:
    return f"Reverted to revision {number}"


@transaction.atomic
@one_revision()
def claim_revert(*, claim: Claim, number: int, seen_latest: int | None = None) -> Claim:
    """Make ``claim`` what it was at revision ``number``. ``seen_latest``, the latest revision
    the curator saw, refuses a revert of a claim that changed since. Raises ``ValidationError``
    with a message for the curator, leaving everything as it was."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)  # one revert at a time
    then = history.claim_as_of(claim.pk, number)
    if then is None:
        raise ValidationError(f"This claim has no revision {number}.")
    if seen_latest is not None and seen_latest != then.latest:
        raise ValidationError(
            f"The claim has changed since you looked (it is at revision {then.latest} now): "
            "review its history, then revert again if you still mean to."
        )
    if then.is_latest:
        raise ValidationError(f"Revision {number} is the claim as it stands: nothing to revert.")
    reason = revert_reason(number)
    claim._change_reason = reason  # type: ignore[attr-defined]  # kept in the history record
    fields = {
        name: getattr(then.claim, name)
        for name in CLAIM_FIELDS
        if getattr(claim, name) != getattr(then.claim, name)
    }
    if fields:  # first: the attestations' values are checked against the claim's kind
        claim = services.claim_update(claim=claim, refresh=False, **fields)
    if not _attestations_revert(claim, then.attestations, reason) and not fields:
        raise ValidationError(
            f"The claim says what it said at revision {number}: nothing to revert."
        )
    claim.refresh_verdict()
    return claim


def _attestations_revert(claim: Claim, wanted: list[Attestation], reason: str) -> bool:
    """Unlink, edit and link again until the claim's attestations are ``wanted``; whether any
    changed."""
    now = {a.pk: a for a in claim.attestations.select_related("source")}
    for attestation in now.values():
        attestation.claim = claim  # as reverted, for the values' checks
    pairs: list[tuple[Attestation, Attestation]] = []
    missing: list[Attestation] = []
    for old in wanted:
        if old.pk in now:
            pairs.append((now.pop(old.pk), old))
        else:
            missing.append(old)
    by_span = {(a.source_id, a.start, a.end): a for a in now.values()}
    for old in list(missing):
        if (current := by_span.pop((old.source_id, old.start, old.end), None)) is not None:
            del now[current.pk]
            pairs.append((current, old))
            missing.remove(old)
    for extra in now.values():  # first, so that a span linked again is free
        services.attestation_unlink(attestation=extra, refresh=False, reason=reason)
    edited = False
    for current, old in pairs:
        if _restore(current, old, reason):
            edited = True
    for old in missing:
        if not Source.objects.filter(pk=old.source_id).exists():
            raise ValidationError(
                f"A source that revision quoted (“{old.quote}”) is no longer stored."
            )
        _restore(Attestation(claim=claim, source_id=old.source_id), old, reason)
    return bool(now or edited or missing)


def _restore(attestation: Attestation, old: Attestation, reason: str) -> bool:
    """Give ``attestation`` the fields ``old`` had and save it; False if it had them already."""
    fields: dict[str, Any] = {
        name: getattr(old, name)
        for name in ATTESTATION_FIELDS
        if attestation.pk is None or getattr(attestation, name) != getattr(old, name)
    }
    if not fields:
        return False
    claimant = fields.get("claimant_id")
    if claimant is not None and not Claimant.objects.filter(pk=claimant).exists():
        fields["claimant_id"] = None  # merged away since: the words find who it is now
    for name, value in fields.items():
        setattr(attestation, name, value)
    attestation._change_reason = reason  # type: ignore[attr-defined]
    services.attestation_save(attestation=attestation, refresh=False)
    return True
