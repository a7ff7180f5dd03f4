"""Exporting the ledger in the dataset format (docs/dataset-format.md)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from claims.dataset.records import FORMAT, VERSION
from claims.models import Attestation, Claim, Claimant, Topic
from claims.rules.values import value_to_json
from sources.models import Source


def export_dataset(*, topic: Topic | None = None) -> dict[str, Any]:
    """The ledger (or one topic of it) in the dataset format; stable order, so diffable."""
    claims = Claim.objects.select_related("topic").prefetch_related(
        "attestations__source", "attestations__claimant", "parts"
    )
    topics = Topic.objects.all()
    sources = Source.objects.select_related("outlet", "copy_of")
    claimants = Claimant.objects.prefetch_related("names")
    if topic is not None:
        claims, topics = claims.filter(topic=topic), topics.filter(pk=topic.pk)
        claimants = claimants.filter(attestations__claim__topic=topic).distinct()
        sources = sources.filter(attestations__claim__topic=topic).distinct()
    return {
        "format": FORMAT,
        "version": VERSION,
        "topics": [_topic_json(t) for t in topics.order_by("slug")],
        "claimants": [_claimant_json(c) for c in claimants.order_by("slug")],
        "sources": [_source_json(s) for s in sources.order_by("slug")],
        "claims": [_claim_json(c) for c in claims.order_by("slug")],
    }


def dump_dataset(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


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


def _claim_json(claim: Claim) -> dict[str, Any]:
    attestations = sorted(claim.attestations.all(), key=lambda a: (a.source.slug, a.start, a.end))
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
        "parts": sorted(part.slug for part in claim.parts.all()),
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


def _claimant_json(claimant: Claimant) -> dict[str, Any]:
    names = [n.name for n in claimant.names.all() if n.name != claimant.name]
    return {"slug": claimant.slug, "name": claimant.name, "names": names}
