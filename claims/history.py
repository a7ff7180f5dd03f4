"""A claim's history: every action that changed the claim or one of its attestations is a
revision.

Revision n is the claim's n-th action: the n-th distinct date among the history records of the
claim and of its attestations, oldest first. The records one action writes carry one date
(``claims.recording``), so linking a source and the verdict that follows are one revision.
Records are only ever appended, so revision n means the same thing forever: that is what makes
``/claims/<slug>/v/<n>/`` citable. The claim as of a revision is rebuilt from the records dated
up to it: its fields, its attestations and its verdict as they stood together.

Pruning (``claims.retention``, docs/history.md) keeps the numbers: it folds the revisions
before a cut-off into the last of them, whose records carry ``PRUNED`` and how many revisions
came before it, so revision n still means the same thing and earlier ones are known as pruned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from typing import Any

from django.db import models

from claims.models import Attestation, Claim
from claims.rules.bidi import isolate
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
VALUE_FIELDS = set(Attestation.VALUE_COLUMNS)


# The reason given to the records of the revision that history before it was folded into;
# the number that follows counts the revisions pruned before it.
PRUNED = "corroborate:pruned-before:"


def pruned_count(reason: str | None) -> int | None:
    """How many revisions came before this one, if its records say history was pruned."""
    if reason and reason.startswith(PRUNED) and reason[len(PRUNED) :].isdigit():
        return int(reason[len(PRUNED) :])
    return None


def pruned_before(records: Iterable[Any]) -> int:
    """How many revisions were pruned before the first of these records."""
    return max((pruned_count(r.history_change_reason) or 0 for r in records), default=0)


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
    reason: str = ""  # why, when the editor said (the history's change reason)
    records: list[Any] = field(default_factory=list)  # what the action wrote, oldest first


@dataclass(frozen=True)
class LatestRevision:
    number: int  # 0 while nothing is recorded
    date: datetime | None


Key = tuple[str, int]


def claim_records(claim_id: int) -> list[Any]:
    """Every history record of the claim and of its attestations, oldest first."""
    own = list(Claim.history.filter(id=claim_id).select_related("history_user", "topic"))
    stated = list(
        Attestation.history.filter(claim_id=claim_id).select_related(
            "history_user", "source__outlet"
        )
    )
    return sorted(own + stated, key=lambda r: (r.history_date, r.history_id, is_claim_record(r)))


def is_claim_record(record: Any) -> bool:
    return isinstance(record, Claim.history.model)


def record_key(record: Any) -> Key:
    return ("claim" if is_claim_record(record) else "attestation", record.id)


def claim_revisions(claim_id: int) -> list[Revision]:
    """The claim's revisions, oldest first, each saying what changed and how."""
    return _revisions(claim_records(claim_id))


def _revisions(records: list[Any]) -> list[Revision]:
    """The revisions the records make, numbered after any pruned before them."""
    revisions: list[Revision] = []
    latest: dict[Key, Any] = {}
    first = pruned_before(records) + 1
    for number, (date, written) in enumerate(groupby(records, lambda r: r.history_date), first):
        action = list(written)
        before: dict[Key, Any] = {}
        for record in action:
            before.setdefault(record_key(record), latest.get(record_key(record)))
            latest[record_key(record)] = record
        after = {key: latest[key] for key in before}
        summary, changes = _described(before, after)
        if number == first > 1:  # what stood then is kept; how it came to be is not
            summary, changes = f"Revisions 1–{first - 1} pruned: the claim as it stood", []
        users = [r.history_user for r in action if r.history_user is not None]
        reasons = [
            r.history_change_reason
            for r in action
            if r.history_change_reason and pruned_count(r.history_change_reason) is None
        ]
        revisions.append(
            Revision(
                number=number,
                date=date,
                user=users[0].get_username() if users else "",
                summary=summary,
                changes=changes,
                reason=reasons[0] if reasons else "",
                records=action,
            )
        )
    return revisions


def revision_count(claim_id: int) -> int:
    return latest_revisions([claim_id])[claim_id].number


def latest_revision(claim_id: int) -> LatestRevision:
    return latest_revisions([claim_id])[claim_id]


def latest_revisions(claim_ids: Iterable[int]) -> dict[int, LatestRevision]:
    """The number and date of each claim's latest revision, in one query whatever their
    number: the distinct dates of the claims' and their attestations' records (a UNION),
    after the revisions pruned (their count is in the reasons)."""
    ids = list(claim_ids)
    columns = ("history_date", "history_change_reason")
    own = Claim.history.filter(id__in=ids).order_by().values_list("id", *columns)
    stated = (
        Attestation.history.filter(claim_id__in=ids).order_by().values_list("claim_id", *columns)
    )
    dates: dict[int, set[datetime]] = {claim_id: set() for claim_id in ids}
    pruned = dict.fromkeys(ids, 0)
    for claim_id, date, reason in own.union(stated).order_by():
        dates[claim_id].add(date)
        pruned[claim_id] = max(pruned[claim_id], pruned_count(reason) or 0)
    return {
        claim_id: LatestRevision(pruned[claim_id] + len(found), max(found) if found else None)
        for claim_id, found in dates.items()
    }


def _who(record: Any) -> str:
    # A name or a quote in a right-to-left script is set apart: a summary is plain text.
    return f"{isolate(record.source.outlet.name)}: “{isolate(record.quote)}”"


def _described(before: dict[Key, Any], after: dict[Key, Any]) -> tuple[str, list[Change]]:
    """What one action did, in words and field by field: the claim's own change first, then
    each attestation's, then the verdict's, so "Source added: …; Verdict single → agree"."""
    said: list[str] = []
    verdict = ""
    changes: list[Change] = []
    for key, record in after.items():
        old = before[key]
        changed = _changes(record, old)
        changes += changed
        if key[0] == "claim":
            claim_said, verdict = _claim_summary(record, old)
            said[:0] = claim_said
        elif record.history_type == "-":
            if old is not None:  # added and removed in one action: it never stood
                said.append(f"Source removed: {_who(record)}")
        elif old is None:
            said.append(f"Source added: {_who(record)}")
        elif changed:  # a quote saved again unchanged is not news
            said.append(f"Quote edited: {_who(record)}")
    said += [verdict] if verdict else []
    # A save that changed nothing, or only the explanation (shown in the table), still is one.
    return "; ".join(said) or "Claim edited", changes


def _claim_summary(record: Any, old: Any) -> tuple[list[str], str]:
    """The claim's own change, and its verdict's."""
    if record.history_type == "-":
        return ["Claim deleted"], ""
    if old is None:
        return ["Claim created"], f"Verdict {record.verdict}" if record.verdict else ""
    verdict = ""
    if old.verdict != record.verdict:
        verdict = f"Verdict {old.verdict or 'none'} → {record.verdict or 'none'}"
    edited = any(
        getattr(old, name) != getattr(record, name)
        for name in CLAIM_FIELDS
        if name not in ("verdict", "verdict_explanation")
    )
    return (["Claim edited"] if edited else []), verdict


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
    fields = CLAIM_FIELDS if is_claim_record(record) else ATTESTATION_FIELDS
    changes = [
        Change(label, _shown(getattr(before, name)), _shown(getattr(record, name)))
        for name, label in fields.items()
        if getattr(before, name) != getattr(record, name)
    ]
    if not is_claim_record(record) and any(
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
    """The claim as it stood right after revision ``number``, or None if there is none: the
    latest record of the claim and of each attestation dated up to that revision's date."""
    records = claim_records(claim_id)
    revisions = _revisions(records)
    first = revisions[0].number if revisions else 1
    if not first <= number < first + len(revisions):
        return None  # never was, or pruned (``is_pruned``)
    revision = revisions[number - first]
    state: dict[Key, Any] = {}
    for record in records:
        if record.history_date > revision.date:
            break
        state[record_key(record)] = record
    claim_record = state.get(("claim", claim_id))
    if claim_record is None:  # attestations recorded before the claim's first record
        claim_record = next(r for r in records if is_claim_record(r))
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
    claim = _rebuilt(Claim, claim_record)
    claim.topic = claim_record.topic  # loaded with the record: no query
    return ClaimAsOf(
        revision=revision,
        latest=revisions[-1].number,
        claim=claim,
        topic=claim_record.topic,
        attestations=attestations,
    )


def is_pruned(claim_id: int, number: int) -> bool:
    """Was revision ``number`` of the claim pruned from its history (docs/history.md)?"""
    return 1 <= number <= pruned_before(claim_records(claim_id))


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
