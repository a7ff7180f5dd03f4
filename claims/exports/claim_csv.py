"""The claim list as CSV, one row per attestation, read and written a chunk of claims at a time
(docs/exports.md). Only the columns the CSV shows are read: never a source's text."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence

from django.db.models import QuerySet

from claims.exports.streaming import by_key, chunks
from claims.models import Attestation, Claim
from claims.rules.values import value_to_json

# Claims read per query, with one more query for their attestations: the queries grow with
# rows / CHUNK, the memory with CHUNK only.
CHUNK = 500

COLUMNS = [
    "claim",
    "statement",
    "topic",
    "kind",
    "verdict",
    "changes_over_time",
    "source",
    "outlet",
    "title",
    "published",
    "source_url",
    "quote",
    "start",
    "end",
    "value",
    "value_json",
    "as_of",
    "attributed_to",
    "claimant",
    "claim_url",
]
ATTESTATION_COLUMNS = [
    "claim",
    "quote",
    "start",
    "end",
    *Attestation.value_fields(None),
    "as_of",
    "attributed_to",
    "source__slug",
    "source__title",
    "source__published_on",
    "source__url",
    "source__outlet__name",
    "claimant__name",
]


def csv_claims(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """``claims`` (filtered, not yet annotated) with what the CSV shows of each, by slug."""
    return (
        claims.select_related("topic")
        .only("slug", "statement", "kind", "verdict", "changes_over_time", "topic__slug")
        .order_by("slug")
    )


def csv_attestations(claim_ids: Collection[int]) -> dict[int, list[Attestation]]:
    """The attestations of these claims, by claim, each claim's by date: one query."""
    attestations = (
        Attestation.objects.filter(claim_id__in=claim_ids)
        .select_related("source__outlet", "claimant")
        .only(*ATTESTATION_COLUMNS)
        .order_by("source__published_on", "start")
    )
    return by_key(attestations, lambda a: a.claim_id)


def claim_rows(claims: QuerySet[Claim], *, site: str) -> Iterator[Sequence[object]]:
    """The header, then each claim's attestations by date (a claim no source states yet gets
    one row with the source columns empty), claims by slug. ``site``: scheme and host."""
    yield COLUMNS
    for chunk in chunks(csv_claims(claims), CHUNK):
        stated = csv_attestations([claim.pk for claim in chunk])
        for claim in chunk:
            cells = _claim_cells(claim, site=site)
            if claim.pk not in stated:
                yield [*cells[:6], *[""] * 13, cells[6]]
            for a in stated.get(claim.pk, []):
                yield [*cells[:6], *_attestation_cells(a), cells[6]]


def _claim_cells(claim: Claim, *, site: str) -> list[object]:
    """The claim's own columns: the six first, and the last (its URL)."""
    return [
        claim.slug,
        claim.statement,
        claim.topic.slug,
        claim.kind,
        claim.verdict,
        claim.changes_over_time,
        site + claim.get_absolute_url(),
    ]


def _attestation_cells(a: Attestation) -> list[object]:
    value = a.value
    return [
        a.source.slug,
        a.source.outlet.name,
        a.source.title,
        a.source.published_on.isoformat(),
        a.source.url,
        a.quote,
        a.start,
        a.end,
        a.value_display if value else "",
        "" if value is None else json.dumps(value_to_json(value), ensure_ascii=False),
        a.effective_as_of.isoformat(),
        a.attributed_to,
        a.claimant_name,
    ]
