"""A claim's history: every change to the claim or to one of its attestations is a revision.

Revision n is the claim's n-th recorded change, counting the claim's own history records and
its attestations' together, oldest first. Records are only ever appended, so revision n means
the same thing forever: that is what makes ``/claims/<slug>/v/<n>/`` citable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import Count

from claims.models import Attestation, Claim
from claims.rules.quotes import Span, context

CLAIM_FIELDS = {
    "statement": "statement",
    "slug": "slug",
    "topic_id": "topic",
    "kind": "kind",
    "subject": "subject",
    "unit": "unit",
    "entity": "counted entity",
    "predicate": "what happened",
    "qualifiers": "qualifiers",
    "event": "event",
    "changes_over_time": "changes over time",
    "verdict": "verdict",
    "verdict_explanation": "explanation",
    "rating": "rating",
    "rating_explanation": "rating explanation",
}
ATTESTATION_FIELDS = {
    "quote": "quote",
    "start": "start",
    "as_of": "as of",
    "attributed_to": "attributed to",
}
VALUE_FIELDS = {
    "value_number",
    "value_qualifier",
    "value_date",
    "value_date_end",
    "value_date_precision",
    "value_text",
}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Revision:
    number: int
    date: datetime
    user: str
    summary: str
    changes: list[Change] = field(default_factory=list)
    record: Any = None  # the history record (of the claim or of an attestation)


def _records(claim_id: int) -> list[Any]:
    """Every history record of the claim and of its attestations, oldest first."""
    own = list(Claim.history.filter(id=claim_id).select_related("history_user", "topic"))
    stated = list(
        Attestation.history.filter(claim_id=claim_id).select_related(
            "history_user", "source__outlet"
        )
    )
    return sorted(own + stated, key=lambda r: (r.history_date, r.history_id, _is_claim(r)))


def _is_claim(record: Any) -> bool:
    return isinstance(record, Claim.history.model)


def claim_revisions(claim_id: int) -> list[Revision]:
    """The claim's revisions, oldest first, each saying what changed and how."""
    revisions: list[Revision] = []
    previous: dict[tuple[str, int], Any] = {}
    for number, record in enumerate(_records(claim_id), start=1):
        key = ("claim" if _is_claim(record) else "attestation", record.id)
        before = previous.get(key)
        previous[key] = record
        revisions.append(
            Revision(
                number=number,
                date=record.history_date,
                user=record.history_user.get_username() if record.history_user else "",
                summary=_summary(record, before),
                changes=_changes(record, before),
                record=record,
            )
        )
    return revisions


def revision_count(claim_id: int) -> int:
    return revision_counts([claim_id])[claim_id]


def revision_counts(claim_ids: Iterable[int]) -> dict[int, int]:
    """The latest revision number of each claim, in two queries whatever their number."""
    ids = list(claim_ids)
    counts: dict[int, int] = dict.fromkeys(ids, 0)
    own = Claim.history.filter(id__in=ids).values("id").annotate(n=Count("history_id"))
    stated = (
        Attestation.history.filter(claim_id__in=ids)
        .values("claim_id")
        .annotate(n=Count("history_id"))
    )
    for row in own:
        counts[row["id"]] += row["n"]
    for row in stated:
        counts[row["claim_id"]] += row["n"]
    return counts


def _who(record: Any) -> str:
    return f"{record.source.outlet.name}: “{record.quote}”"


def _summary(record: Any, before: Any) -> str:
    if _is_claim(record):
        if record.history_type == "+":
            return "Claim created"
        if before is not None and before.verdict != record.verdict:
            return f"Verdict {before.verdict or 'none'} → {record.verdict or 'none'}"
        return "Claim deleted" if record.history_type == "-" else "Claim edited"
    verb = {"+": "Source added", "-": "Source removed"}.get(record.history_type, "Quote edited")
    return f"{verb}: {_who(record)}"


def _rebuilt(model: type[models.Model], record: Any) -> Any:
    """A model instance from a history record's own fields. (simple-history's ``instance``
    would fetch the fields history leaves out from the live row: a query per record, and
    today's values rather than the recorded ones.)"""
    names = [f.attname for f in model._meta.concrete_fields if hasattr(record, f.attname)]
    return model(**{name: getattr(record, name) for name in names})


def _value(record: Any) -> str:
    value: str = _rebuilt(Attestation, record).value_display
    return value


def _changes(record: Any, before: Any) -> list[Change]:
    if before is None or record.history_type == "-":
        return []
    fields = CLAIM_FIELDS if _is_claim(record) else ATTESTATION_FIELDS
    changes = [
        Change(label, _shown(getattr(before, name)), _shown(getattr(record, name)))
        for name, label in fields.items()
        if getattr(before, name) != getattr(record, name)
    ]
    if not _is_claim(record) and any(
        getattr(before, name) != getattr(record, name) for name in VALUE_FIELDS
    ):
        changes.append(Change("value", _value(before), _value(record)))
    return changes


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass
class ClaimAsOf:
    """A claim as it was at one revision: its fields, attestations and verdict then."""

    revision: Revision
    latest: int
    claim: Any  # a Claim instance built from the history record (not saved)
    topic: Any
    attestations: list[Attestation]

    @property
    def verdict(self) -> str:
        return self.claim.verdict

    @property
    def is_latest(self) -> bool:
        return self.revision.number == self.latest


def claim_as_of(claim_id: int, number: int) -> ClaimAsOf | None:
    """The claim as it stood right after revision ``number``, or None if there is none."""
    revisions = claim_revisions(claim_id)
    if not 1 <= number <= len(revisions):
        return None
    state: dict[tuple[str, int], Any] = {}
    for revision in revisions[:number]:
        record = revision.record
        state[("claim" if _is_claim(record) else "attestation", record.id)] = record
    claim_record = state.get(("claim", claim_id))
    if claim_record is None:  # attestations recorded before the claim's first record
        claim_record = next(r.record for r in revisions if _is_claim(r.record))
    attestations = []
    for (kind, _), record in state.items():
        if kind == "attestation" and record.history_type != "-":
            attestation = _rebuilt(Attestation, record)
            attestation.source = record.source  # keep the loaded source and outlet
            # Context is not kept in history; the source's text gives it back.
            attestation.context_before, attestation.context_after = context(
                record.source.text, Span(record.start, record.end)
            )
            attestations.append(attestation)
    attestations.sort(key=lambda a: (a.effective_as_of, a.source.published_on, a.start))
    return ClaimAsOf(
        revision=revisions[number - 1],
        latest=len(revisions),
        claim=_rebuilt(Claim, claim_record),
        topic=claim_record.topic,
        attestations=attestations,
    )


def current_slug(old_slug: str) -> str | None:
    """The slug a claim has now, if it ever had ``old_slug`` (renamed claims keep old links)."""
    claim_id = (
        Claim.history.filter(slug=old_slug)
        .order_by("-history_date")
        .values_list("id", flat=True)
        .first()
    )
    if claim_id is None:
        return None
    return Claim.objects.filter(pk=claim_id).values_list("slug", flat=True).first()
