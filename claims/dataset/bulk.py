"""The new rows of a dataset, written in bulk: sources, claims and their attestations that the
ledger does not hold yet go to the bulk services (``sources_bulk_create``,
``claims_bulk_create``) a batch at a time, each claim's verdict computed once. Rows the ledger
holds already are compared and updated one by one (``writer``), as before. An import of a
hundred thousand claims is then minutes, not hours; what is refused is refused alike, with the
record's place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import Model

from claims import services
from claims.dataset.records import ClaimRecord, DatasetError, SourceRecord
from claims.models import Attestation, Claim, Topic, value_shape_error
from sources.models import Outlet, Source
from sources.services import sources_bulk_create
from sources.text.normalise import content_hash

if TYPE_CHECKING:
    from claims.dataset.writer import _Writer

# Rows looked up per query: under every database's limit on a query's parameters.
LOOKUP_BATCH = 900
# New claims given to ``claims_bulk_create`` at a time, with their attestations.
CLAIM_BATCH = 2000


def stored_slugs(model: type[Model], slugs: Iterable[str]) -> set[str]:
    """Which of ``slugs`` the ledger holds, in queries of ``LOOKUP_BATCH``."""
    wanted = list(dict.fromkeys(slugs))
    found: set[str] = set()
    for start in range(0, len(wanted), LOOKUP_BATCH):
        batch = wanted[start : start + LOOKUP_BATCH]
        found.update(model._default_manager.filter(slug__in=batch).values_list("slug", flat=True))
    return found


def stored_sources(slugs: Iterable[str]) -> dict[str, Source]:
    """The stored sources of ``slugs`` (those the ledger holds), by slug."""
    wanted = list(dict.fromkeys(slugs))
    found: dict[str, Source] = {}
    for start in range(0, len(wanted), LOOKUP_BATCH):
        batch = Source.objects.filter(slug__in=wanted[start : start + LOOKUP_BATCH])
        found.update((source.slug, source) for source in batch)
    return found


def _stored_hashes(hashes: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(hashes), LOOKUP_BATCH):
        rows = Source.objects.filter(content_hash__in=hashes[start : start + LOOKUP_BATCH])
        found.update(rows.values_list("content_hash", "slug"))
    return found


def new_sources(writer: _Writer, records: Sequence[SourceRecord]) -> dict[str, Source]:
    """Store ``records`` (none of them in the ledger yet) in bulk."""
    outlets: dict[str, Outlet] = {}
    sources: list[Source] = []
    hashes: dict[str, SourceRecord] = {}
    for record in records:
        source = Source(slug=record.slug)
        if record.outlet not in outlets:
            outlets[record.outlet] = Outlet.for_name(record.outlet)
        source.outlet = outlets[record.outlet]
        source.title, source.authors, source.url = record.title, record.authors, record.url
        source.kind, source.language = record.kind, record.language
        source.set_published(record.published)
        source.set_updated(record.updated)
        source.text = record.text  # normalised by the reader
        digest = content_hash(source.text)
        if twin := hashes.get(digest):
            raise DatasetError(f'has the same text as source "{twin.slug}"', place=record.place)
        hashes[digest] = record
        sources.append(source)
    for digest, slug in _stored_hashes(list(hashes)).items():
        raise DatasetError(f'has the same text as source "{slug}"', place=hashes[digest].place)
    try:
        stored = sources_bulk_create(sources=sources)
    except ValidationError as error:
        raise _placed(error, records) from None
    writer.summary.count(writer.summary.created, "sources", len(stored))
    return {source.slug: source for source in stored}


def new_claims(
    writer: _Writer,
    records: Sequence[tuple[ClaimRecord, Topic]],
    sources: dict[str, Source],
) -> list[Claim]:
    """Store ``records`` (none of them in the ledger yet) with their attestations in bulk."""
    from claims.dataset.writer import _known_claimant, _place_quote

    claims: list[Claim] = []
    attestations: list[Attestation] = []
    places: list[str] = []
    for record, topic in records:
        claim = Claim(
            slug=record.slug,
            topic=topic,
            statement=record.statement,
            kind=record.kind,
            subject=record.subject,
            unit=record.unit,
            entity=record.entity,
            predicate=record.predicate,
            qualifiers=record.qualifiers,
            event=record.event,
            changes_over_time=record.changes_over_time,
        )
        claims.append(claim)
        spans: set[tuple[int, int, int]] = set()
        for stated in record.attestations:
            source = sources.get(stated.source) or Source.objects.filter(slug=stated.source).first()
            if source is None:
                raise DatasetError(
                    f"unknown source {stated.source!r}", place=f"{stated.place}.source"
                )
            span = _place_quote(source, stated)
            if (source.pk, span.start, span.end) in spans:
                raise DatasetError("this attestation is listed twice", place=stated.place)
            spans.add((source.pk, span.start, span.end))
            attestation = Attestation(
                claim=claim,
                source=source,
                as_of=services.attestation_as_of(source=source, as_of=stated.as_of),
                attributed_to=stated.attributed_to[:200],
            )
            attestation.place_span(span)
            attestation.value = stated.value
            if problem := value_shape_error(claim.kind, stated.value):
                raise DatasetError(problem, place=stated.place)
            if stated.claimant:
                attestation.claimant = writer.claimants.get(stated.claimant) or _known_claimant(
                    stated
                )
            attestations.append(attestation)
            places.append(stated.place)
    try:
        stored = services.claims_bulk_create(claims=claims, attestations=attestations)
    except ValidationError as error:
        raise _placed(error, [r for r, _ in records], attestations=places) from None
    writer.summary.count(writer.summary.created, "claims", len(stored))
    writer.summary.count(writer.summary.created, "attestations", len(attestations))
    return stored


def _placed(
    error: ValidationError,
    records: Sequence[SourceRecord | ClaimRecord],
    *,
    attestations: Sequence[str] = (),
) -> DatasetError:
    """The bulk service's error ("claims[3]: …") at the dataset's place of that row."""
    ((where, problems),) = error.message_dict.items()
    name, _, rest = where.partition("[")
    index = int(rest.rstrip("]"))
    place = attestations[index] if name == "attestations" else records[index].place
    return DatasetError("; ".join(problems), place=place)
