"""Pruning old history (docs/history.md): for installations that set ``HISTORY_KEEP_DAYS``.

A claim's revisions older than the cut-off are folded into the last of them: each record of the
claim and of its attestations that stood then is kept (redated to that revision), the records
that came before it are deleted. The claim as it stood at that revision, and at every later
one, is rebuilt exactly as before; revision numbers do not move (the kept records carry how
many came before, ``claims.history.PRUNED``); earlier revision pages answer 410 Gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from claims.history import PRUNED, claim_records, is_claim_record, pruned_before, record_key
from claims.models import Attestation, Claim


@dataclass
class Pruned:
    claims: int = 0  # claims whose history lost records
    records: int = 0  # history records deleted


def prune_history(*, before: datetime) -> Pruned:
    """Fold every claim's revisions dated before ``before`` into the last of them."""
    old_claims = Claim.history.filter(history_date__lt=before).values_list("id", flat=True)
    old_stated = Attestation.history.filter(history_date__lt=before).values_list(
        "claim_id", flat=True
    )
    pruned = Pruned()
    for claim_id in sorted(set(old_claims.distinct()) | set(old_stated.distinct())):
        deleted = prune_claim_history(claim_id, before=before)
        pruned.records += deleted
        pruned.claims += bool(deleted)
    return pruned


@transaction.atomic
def prune_claim_history(claim_id: int, *, before: datetime) -> int:
    """Fold the claim's revisions dated before ``before`` into the last of them; returns the
    number of records deleted."""
    records = [r for r in claim_records(claim_id) if r.history_date < before]
    dates = sorted({r.history_date for r in records})
    if len(dates) < 2:
        return 0  # one revision at most: nothing to fold
    standing: dict[tuple[str, int], Any] = {}
    for record in records:  # oldest first: the last of each object is what stood
        standing[record_key(record)] = record
    kept = {id(record) for record in standing.values()}
    gone = [r for r in records if id(r) not in kept]
    # keep the numbers: the folded revision is the last of those before the cut-off
    mark = f"{PRUNED}{pruned_before(records) + len(dates) - 1}"
    for model, of_claim in ((Claim.history.model, True), (Attestation.history.model, False)):
        ids = [r.history_id for r in gone if is_claim_record(r) == of_claim]
        model.objects.filter(history_id__in=ids).delete()
        ids = [r.history_id for r in standing.values() if is_claim_record(r) == of_claim]
        model.objects.filter(history_id__in=ids).update(
            history_date=dates[-1], history_change_reason=mark
        )
    return len(gone)
