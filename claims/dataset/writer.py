"""Writing a dataset: records → database, all or nothing, idempotent.

Rows are written through the services every other writer uses (``source_save``,
``claim_create``, ``claim_update``, ``attestation_link``…), so an imported live page gets the
same entries as one added on the site. The services are told not to refresh verdicts; the
import refreshes those of the claims it touched once, at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from claims import services
from claims.dataset import bulk
from claims.dataset.reader import read_dataset_file
from claims.dataset.records import (
    AttestationRecord,
    ClaimantRecord,
    ClaimRecord,
    Dataset,
    DatasetError,
    ImportSummary,
    SourceRecord,
    TopicRecord,
)
from claims.models import Attestation, Claim, Claimant, Topic
from claims.recording import one_revision
from claims.rules.quotes import Span, context, exact_occurrences
from sources.models import Outlet, Source
from sources.services import error_lines, source_entries_sync, source_save
from sources.text.normalise import content_hash


def import_dataset_file(path: Path) -> ImportSummary:
    dataset = read_dataset_file(path)
    try:
        return import_dataset(dataset)
    except DatasetError as error:
        error.filename = str(path)
        raise


@transaction.atomic
def import_dataset(dataset: Dataset) -> ImportSummary:
    """Write ``dataset``: rows matched by slug are updated, new ones created; idempotent."""
    writer = _Writer()
    topics: dict[str, Topic | None] = {r.slug: writer.topic(r) for r in dataset.topics}
    writer.claimants = {record.slug: writer.claimant(record) for record in dataset.claimants}
    # rows the ledger holds are compared and updated one by one; the new ones go in bulk
    stored = bulk.stored_slugs(Source, (record.slug for record in dataset.sources))
    sources = {r.slug: writer.source(r) for r in dataset.sources if r.slug in stored}
    sources |= bulk.new_sources(writer, [r for r in dataset.sources if r.slug not in stored])
    # the stored sources the claims quote, looked up together rather than once a quote
    quoted = {a.source for record in dataset.claims for a in record.attestations}
    sources |= bulk.stored_sources(quoted - sources.keys())
    stored = bulk.stored_slugs(Claim, (record.slug for record in dataset.claims))
    touched: list[Claim] = []
    new: list[tuple[ClaimRecord, Topic]] = []
    for record in dataset.claims:
        if record.topic not in topics:  # one the ledger holds (or not), looked up once
            topics[record.topic] = Topic.objects.filter(slug=record.topic).first()
        topic = topics[record.topic]
        if topic is None:
            raise DatasetError(f"unknown topic {record.topic!r}", place=f"{record.place}.topic")
        if record.slug not in stored:
            new.append((record, topic))
            continue
        claim = writer.claim(record, topic)
        writer.attestations(claim, record.attestations, sources)
        touched.append(claim)
    created: list[Claim] = []
    with one_revision():  # one action, as when they went in one call
        for start in range(0, len(new), bulk.CLAIM_BATCH):  # memory follows the batch
            batch = new[start : start + bulk.CLAIM_BATCH]
            created += bulk.new_claims(writer, batch, sources)  # each with its verdict already
    writer.copies(dataset.sources, sources)
    writer.parts(
        dataset.claims,
        {claim.slug: claim for claim in [*touched, *created]},
        created={claim.slug for claim in created},
    )
    writer.check_retexted_sources()
    services.claims_refresh_verdicts(claims=_claims_to_refresh(touched, writer.redated_sources))
    return writer.summary


def _claims_to_refresh(touched: list[Claim], redated: list[Source]) -> list[Claim]:
    claims = {claim.pk: claim for claim in touched}
    for claim in Claim.objects.filter(attestations__source__in=redated).distinct():
        claims.setdefault(claim.pk, claim)
    return list(claims.values())


def _changes(obj: Any, fields: dict[str, Any]) -> dict[str, Any]:
    """The ``fields`` whose values differ from ``obj``'s (all of them for a new row)."""
    if obj.pk is None:
        return fields
    return {name: value for name, value in fields.items() if getattr(obj, name) != value}


def _written[T](place: str, write: Callable[..., T], **arguments: Any) -> T:
    """What the service ``write`` returns; its ``ValidationError`` as a ``DatasetError``."""
    try:
        return write(**arguments)
    except ValidationError as error:
        raise DatasetError("; ".join(error_lines(error)), place=place) from None


class _Writer:
    def __init__(self) -> None:
        self.summary = ImportSummary()
        self.redated_sources: list[Source] = []
        self.retexted_sources: list[tuple[Source, str]] = []
        self.claimants: dict[str, Claimant] = {}

    def counted(self, is_new: bool, kind: str) -> None:
        self.summary.count(self.summary.created if is_new else self.summary.updated, kind)

    def topic(self, record: TopicRecord) -> Topic:
        # One row and no service: a topic's title and description touch nothing else.
        topic = Topic.objects.filter(slug=record.slug).first() or Topic(slug=record.slug)
        fields = {"title": record.title, "description": record.description}
        if changes := _changes(topic, fields):
            self.counted(topic.pk is None, "topics")
            for name, value in changes.items():
                setattr(topic, name, value)
            _written(record.place, topic.full_clean)
            topic.save()
        return topic

    def claimant(self, record: ClaimantRecord) -> Claimant:
        claimant = Claimant.objects.filter(slug=record.slug).first()
        if claimant is None:
            self.counted(True, "claimants")
            return _written(
                record.place, services.claimant_create, name=record.name, aliases=record.names
            )
        known = set(claimant.names.values_list("name", flat=True))
        if claimant.name != record.name or not set(record.names) <= known:
            self.counted(False, "claimants")
            if claimant.name != record.name:
                claimant.name = record.name
                _written(record.place, claimant.full_clean)
                claimant.save()
            for name in (record.name, *record.names):
                _written(record.place, services.claimant_name_add, claimant=claimant, name=name)
        return claimant

    def source(self, record: SourceRecord) -> Source:
        source = Source.objects.filter(slug=record.slug).first() or Source(slug=record.slug)
        same_text = Source.objects.filter(content_hash=content_hash(record.text))
        if twin := same_text.exclude(slug=record.slug).first():
            raise DatasetError(f'has the same text as source "{twin.slug}"', place=record.place)
        dated = Source()
        dated.set_published(record.published)
        dated.set_updated(record.updated)
        fields = {
            "outlet": Outlet.for_name(record.outlet),
            "title": record.title,
            "authors": record.authors,
            "url": record.url,
            "kind": record.kind,
            "language": record.language,
            "published_on": dated.published_on,
            "published_at": dated.published_at,
            "updated_on": dated.updated_on,
            "updated_at": dated.updated_at,
            "text": record.text,
        }
        is_new = source.pk is None
        if changes := _changes(source, fields):
            for name, value in changes.items():
                setattr(source, name, value)
            _written(record.place, source_save, source=source)
            self.counted(is_new, "sources")
            if not is_new and "published_on" in changes:
                self.redated_sources.append(source)
            if not is_new and "text" in changes:
                self.retexted_sources.append((source, record.place))
        elif source_entries_sync(source=source):  # stored before its entries were split
            self.counted(False, "sources")
        return source

    def claim(self, record: ClaimRecord, topic: Topic) -> Claim:
        fields = {
            "topic": topic,
            "statement": record.statement,
            "kind": record.kind,
            "subject": record.subject,
            "unit": record.unit,
            "entity": record.entity,
            "predicate": record.predicate,
            "qualifiers": record.qualifiers,
            "event": record.event,
            "changes_over_time": record.changes_over_time,
        }
        claim = Claim.objects.filter(slug=record.slug).first()
        if claim is None:
            self.counted(True, "claims")
            return _written(record.place, services.claim_create, slug=record.slug, **fields)
        if changes := _changes(claim, fields):
            self.counted(False, "claims")
            _written(record.place, services.claim_update, claim=claim, refresh=False, **changes)
        return claim

    def attestations(
        self, claim: Claim, records: list[AttestationRecord], sources: dict[str, Source]
    ) -> None:
        """Make the claim's attestations exactly ``records``."""
        existing = {
            (a.source_id, a.start, a.end): a for a in claim.attestations.select_related("source")
        }
        wanted: set[tuple[int, int, int]] = set()
        for record in records:
            source = sources.get(record.source) or Source.objects.filter(slug=record.source).first()
            if source is None:
                raise DatasetError(
                    f"unknown source {record.source!r}", place=f"{record.place}.source"
                )
            span = _place_quote(source, record)
            key = (source.pk, span.start, span.end)
            if key in wanted:
                raise DatasetError("this attestation is listed twice", place=record.place)
            wanted.add(key)
            self.attestation(claim, source, span, record, existing.get(key))
        for key, attestation in existing.items():
            if key not in wanted:
                services.attestation_unlink(attestation=attestation, refresh=False)
                self.summary.count(self.summary.deleted, "attestations")

    def attestation(
        self,
        claim: Claim,
        source: Source,
        span: Span,
        record: AttestationRecord,
        attestation: Attestation | None,
    ) -> None:
        fields: dict[str, Any] = {
            "value": record.value,
            "as_of": services.attestation_as_of(source=source, as_of=record.as_of),
            "attributed_to": record.attributed_to,
        }
        if record.claimant:  # else the claimant follows the words "attributed to"
            fields["claimant"] = self.claimants.get(record.claimant) or _known_claimant(record)
        if attestation is None:
            self.counted(True, "attestations")
            _written(
                record.place,
                services.attestation_link,
                source=source,
                claim=claim,
                start=span.start,
                end=span.end,
                refresh=False,
                validate_constraints=False,  # a new span, and a value the reader checked
                **fields,
            )
            return
        attestation.source = source  # its text may have just changed, and the context with it
        changes = _changes(attestation, fields)
        if "attributed_to" in changes and "claimant" in fields:
            changes["claimant"] = fields["claimant"]  # the file's, not the one the words name
        if attestation.quote != record.quote:
            changes |= {"start": span.start, "end": span.end}  # the quote follows the span
        before, after = context(source.text, span)
        if changes or (attestation.context_before, attestation.context_after) != (before, after):
            self.counted(False, "attestations")
            _written(
                record.place,
                services.attestation_update,
                attestation=attestation,
                refresh=False,
                validate_constraints=False,
                **changes,
            )

    def copies(self, records: list[SourceRecord], sources: dict[str, Source]) -> None:
        """Link syndicated copies to their originals, once every source is written."""
        for record in records:
            source = sources[record.slug]
            original = None
            if record.copy_of:
                original = (
                    sources.get(record.copy_of)
                    or Source.objects.filter(slug=record.copy_of).first()
                )
                if original is None or original == source:
                    problem = "is the source itself" if original else "is not a known source"
                    raise DatasetError(
                        f"{record.copy_of!r} {problem}", place=f"{record.place}.copy_of"
                    )
                original = original.copy_of or original  # always point at the first original
            if source.copy_of_id != (original.pk if original else None):
                source.copy_of = original
                _written(f"{record.place}.copy_of", source_save, source=source)
                self.redated_sources.append(source)  # its claims' verdicts may change
                self.counted(False, "sources")

    def parts(
        self, records: list[ClaimRecord], claims: dict[str, Claim], created: set[str]
    ) -> None:
        """Declare composite claims' parts, once every claim is written."""
        for record in records:
            if not record.parts and record.slug in created:
                continue  # a new claim has no parts to take away
            claim = claims[record.slug]
            wanted = []
            for index, slug in enumerate(record.parts):
                part = claims.get(slug) or Claim.objects.filter(slug=slug).first()
                place = f"{record.place}.parts[{index}]"
                if part is None:
                    raise DatasetError(f"unknown claim {slug!r}", place=place)
                if part == claim:
                    raise DatasetError("a claim cannot be a part of itself", place=place)
                wanted.append(part)
            if {p.pk for p in claim.parts.all()} != {p.pk for p in wanted}:
                services.claim_parts_set(claim=claim, parts=wanted)
                self.counted(False, "claims")

    def check_retexted_sources(self) -> None:
        """A source whose text changed must still hold every quote attested in it."""
        for source, place in self.retexted_sources:
            for attestation in source.attestations.select_related("claim"):
                attestation.source = source
                if problem := attestation.quote_error():
                    claim = attestation.claim.slug
                    raise DatasetError(
                        f'the new text breaks the quote of claim "{claim}": {problem}',
                        place=f"{place}.text",
                    )


def _known_claimant(record: AttestationRecord) -> Claimant:
    claimant = Claimant.objects.filter(slug=record.claimant).first()
    if claimant is None:
        raise DatasetError(
            f"unknown claimant {record.claimant!r}", place=f"{record.place}.claimant"
        )
    return claimant


def _place_quote(source: Source, record: AttestationRecord) -> Span:
    text, quote = source.text, record.quote
    where = f"{record.place}.quote"
    if record.start is None:
        found = exact_occurrences(text, quote)
        if not found:
            raise DatasetError(f'not found in source "{source.slug}"', place=where)
        if len(found) > 1:
            offsets = ", ".join(map(str, found))
            raise DatasetError(
                f'occurs {len(found)} times in source "{source.slug}" (at {offsets}); give "start"',
                place=where,
            )
        start = found[0]
    else:
        start = record.start
        if text[start : start + len(quote)] != quote:
            at = text.find(quote)
            hint = (
                f"; it occurs at {at}"
                if at >= 0
                else f'; it is not in source "{source.slug}" at all'
            )
            raise DatasetError(f"the source's text at {start} is not the quote{hint}", place=where)
    end = start + len(quote)
    if record.end is not None and record.end != end:
        raise DatasetError(
            f"must be start + the quote's length ({end})", place=f"{record.place}.end"
        )
    return Span(start, end)
