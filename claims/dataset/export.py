"""Exporting the ledger in the dataset format (docs/dataset-format.md), a chunk of rows at a
time: ``dataset_text`` writes the file while it reads the database, so memory stays flat
whatever the ledger's size (a source's text is read with its chunk, never all at once)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from itertools import chain
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from claims.claimants import ClaimantName
from claims.dataset.records import FORMAT, VERSION
from claims.exports.streaming import buffered, by_key, chunks, json_text
from claims.models import Attestation, Claim, Claimant, Topic
from claims.rules.values import value_to_json
from sources.models import Source

# Rows read per query (and, for claims and claimants, a query or two more for related rows).
CHUNK = 500
SOURCE_CHUNK = 100  # sources carry their texts: 3-8 KB each


def export_dataset(*, topic: Topic | None = None) -> dict[str, Any]:
    """The ledger (or one topic of it) in the dataset format; stable order, so diffable."""
    return {
        key: list(value) if isinstance(value, Iterator) else value
        for key, value in dataset_records(topic=topic).items()
    }


def dataset_text(*, topic: Topic | None = None) -> Iterator[str]:
    """``dump_dataset(export_dataset(topic=topic))``, byte for byte, in blocks of text made
    while the rows are read."""
    yield from buffered(chain(json_text(dataset_records(topic=topic)), ["\n"]))


def dataset_records(*, topic: Topic | None = None) -> dict[str, Any]:
    """The dataset's envelope; each list is a generator that reads its rows a chunk at a time."""
    claims = Claim.objects.all()
    topics = Topic.objects.all()
    sources = Source.objects.all()
    claimants = Claimant.objects.all()
    if topic is not None:
        stated = Attestation.objects.filter(claim__topic=topic)
        claims, topics = claims.filter(topic=topic), topics.filter(pk=topic.pk)
        claimants = claimants.filter(pk__in=stated.values("claimant_id"))
        sources = sources.filter(pk__in=stated.values("source_id"))
    return {
        "format": FORMAT,
        "version": VERSION,
        "topics": (_topic_json(t) for t in topics.order_by("slug").iterator(CHUNK)),
        "claimants": _claimants(claimants.order_by("slug")),
        "sources": (_source_json(s) for s in _sources(sources).iterator(SOURCE_CHUNK)),
        "claims": _claims(claims.select_related("topic").order_by("slug")),
    }


def dump_dataset(data: dict[str, Any]) -> str:
    return "".join(json_text(data)) + "\n"


def _claimants(claimants: QuerySet[Claimant]) -> Iterator[dict[str, Any]]:
    for chunk in chunks(claimants, CHUNK):
        names = ClaimantName.objects.filter(claimant__in=chunk).order_by("name")
        named = by_key(names.values_list("claimant_id", "name"), lambda row: row[0])
        for claimant in chunk:
            yield _claimant_json(claimant, [name for _, name in named.get(claimant.pk, [])])


def _sources(sources: QuerySet[Source]) -> QuerySet[Source]:
    # the original's slug only: select_related alone would read its text too
    return sources.select_related("outlet", "copy_of").defer("copy_of__text").order_by("slug")


ATTESTATION_COLUMNS = [
    "claim",
    "quote",
    "start",
    "end",
    *Attestation.value_fields(None),
    "as_of",
    "attributed_to",
    "source__slug",
    "claimant__slug",
]


def _claims(claims: QuerySet[Claim]) -> Iterator[dict[str, Any]]:
    """Each claim with its attestations and parts, read with two more queries a chunk."""
    for chunk in chunks(claims, CHUNK):
        ids = [claim.pk for claim in chunk]
        attestations = Attestation.objects.filter(claim_id__in=ids).select_related(
            "source", "claimant"
        )
        stated = by_key(attestations.only(*ATTESTATION_COLUMNS), lambda a: a.claim_id)
        parts = Claim.parts.through.objects.filter(from_claim_id__in=ids)
        summed = by_key(parts.values_list("from_claim_id", "to_claim__slug"), lambda p: p[0])
        for claim in chunk:
            yield _claim_json(
                claim,
                stated.get(claim.pk, []),
                parts=[slug for _, slug in summed.get(claim.pk, [])],
            )


def _moment_json(on: date | None, at: datetime | None) -> str | None:
    if at is not None:
        return timezone.localtime(at).isoformat()
    return on.isoformat() if on else None


def _topic_json(topic: Topic) -> dict[str, Any]:
    return {"slug": topic.slug, "title": topic.title, "description": topic.description}


def _source_json(source: Source) -> dict[str, Any]:
    return {
        "slug": source.slug,
        "outlet": source.outlet.name,
        "title": source.title,
        "authors": source.authors,
        "url": source.url,
        "published": _moment_json(source.published_on, source.published_at),
        "updated": _moment_json(source.updated_on, source.updated_at),
        "kind": source.kind,
        "language": source.language,
        "copy_of": source.copy_of.slug if source.copy_of else None,
        "text": source.text,
    }


def _claim_json(
    claim: Claim, attestations: list[Attestation], *, parts: list[str]
) -> dict[str, Any]:
    attestations = sorted(attestations, key=lambda a: (a.source.slug, a.start, a.end))
    return {
        "slug": claim.slug,
        "topic": claim.topic.slug,
        "statement": claim.statement,
        "kind": claim.kind,
        "subject": claim.subject,
        "unit": claim.unit,
        "entity": claim.entity,
        "predicate": claim.predicate,
        "qualifiers": list(claim.qualifier_list),
        "event": claim.event,
        "changes_over_time": claim.changes_over_time,
        "verdict": claim.verdict or None,
        "explanation": claim.verdict_explanation,
        "parts": sorted(parts),
        "attestations": [_attestation_json(a) for a in attestations],
    }


def _attestation_json(attestation: Attestation) -> dict[str, Any]:
    return {
        "source": attestation.source.slug,
        "quote": attestation.quote,
        "start": attestation.start,
        "end": attestation.end,
        "value": value_to_json(attestation.value),
        "as_of": attestation.as_of.isoformat() if attestation.as_of else None,
        "attributed_to": attestation.attributed_to,
        "claimant": attestation.claimant.slug if attestation.claimant else None,
    }


def _claimant_json(claimant: Claimant, names: list[str]) -> dict[str, Any]:
    names = [name for name in names if name != claimant.name]
    return {"slug": claimant.slug, "name": claimant.name, "names": names}
