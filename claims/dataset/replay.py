"""Importing a dataset as its story happened, for the seeds: a claim new to the ledger arrives with
its first sources, on their publication date, and each later source adds its quotes on its own
date. The claims' histories then carry the sources' dates, one revision per date, each with the
verdict of its day, rather than a dozen revisions stamped with the moment of the import.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from claims.dataset.records import ClaimRecord, Dataset, ImportSummary, SourceRecord
from claims.dataset.writer import import_dataset
from claims.models import Claim
from claims.recording import one_revision


@transaction.atomic
def import_as_published(dataset: Dataset) -> ImportSummary:
    """Write ``dataset`` as ``import_dataset`` does, but its new claims source date by source
    date, each step one revision dated by its sources. What the steps cannot date (claims
    already in the ledger, a claim no source states) is then written by importing the whole
    dataset once more, now; on a fresh ledger the steps write it all."""
    known = set(
        Claim.objects.filter(slug__in=[c.slug for c in dataset.claims]).values_list(
            "slug", flat=True
        )
    )
    replay = _Replay(dataset, known)
    summary = ImportSummary()
    for moment in sorted(set(replay.moments.values())):
        with one_revision(at=moment):
            _add(summary, import_dataset(replay.step(moment)))
    if known or not replay.covered():
        _add(summary, import_dataset(dataset))
    return summary


@dataclass
class _Replay:
    """The dataset cut into steps: at each publication moment, oldest first, the sources that
    appear then and the new claims they state, each with its quotes so far."""

    dataset: Dataset
    known: set[str]  # claims already in the ledger: left to the final import
    moments: dict[str, datetime] = field(init=False)
    stored: set[str] = field(default_factory=set)  # claims the steps have written
    summed: set[str] = field(default_factory=set)  # sums whose parts are declared

    def __post_init__(self) -> None:
        self.moments = {s.slug: _moment(s.published) for s in self.dataset.sources}
        self.stored = set(self.known)

    def arrival(self, slug: str) -> datetime:
        # A source the dataset only names is in the ledger already: there from the start.
        return self.moments.get(slug) or min(self.moments.values())

    def step(self, moment: datetime) -> Dataset:
        new = [c for c in self.dataset.claims if c.slug not in self.known]
        stating = {
            c.slug for c in new if any(self.arrival(a.source) == moment for a in c.attestations)
        }
        self.stored |= stating
        # A sum's parts are declared once every part is in.
        summing = {
            c.slug
            for c in new
            if c.parts and c.slug not in self.summed and {c.slug, *c.parts} <= self.stored
        }
        self.summed |= summing
        claims = [self._as_of(c, moment) for c in new if c.slug in stating | summing]
        sources = [s for s in self.dataset.sources if self._appears(s, moment)]
        return replace(
            self.dataset, sources=[self._copy(s, moment) for s in sources], claims=claims
        )

    def covered(self) -> bool:
        """Did the steps write every claim, and declare every sum's parts?"""
        return all(
            c.slug in self.stored and (not c.parts or c.slug in self.summed)
            for c in self.dataset.claims
        )

    def _as_of(self, claim: ClaimRecord, moment: datetime) -> ClaimRecord:
        stated = [a for a in claim.attestations if self.arrival(a.source) <= moment]
        parts = claim.parts if claim.slug in self.summed else []
        return replace(claim, attestations=stated, parts=parts)

    def _appears(self, source: SourceRecord, moment: datetime) -> bool:
        """Published at ``moment``, or a copy whose original is."""
        arrived = self.arrival(source.slug)
        return arrived == moment or (
            arrived < moment and bool(source.copy_of) and self.arrival(source.copy_of) == moment
        )

    def _copy(self, source: SourceRecord, moment: datetime) -> SourceRecord:
        # A copy published before its original is linked to it when the original appears.
        if source.copy_of and self.arrival(source.copy_of) > moment:
            return replace(source, copy_of="")
        return source


def _moment(published: date | datetime) -> datetime:
    """A source's publication as a moment: a bare date is the start of that day, local time."""
    if isinstance(published, datetime):
        return published
    return timezone.make_aware(datetime.combine(published, time.min))


def _add(total: ImportSummary, step: ImportSummary) -> None:
    for bucket, counts in (
        (total.created, step.created),
        (total.updated, step.updated),
        (total.deleted, step.deleted),
    ):
        for kind, n in counts.items():
            bucket[kind] = bucket.get(kind, 0) + n
