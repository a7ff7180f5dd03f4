"""Models → the plain records the export formats take (``claims.exports``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import batched

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Greatest, Least, Substr
from django.urls import reverse
from django.utils import timezone

from claims.exports import CitedAttestation, CitedClaim, CitedSource
from claims.history import ClaimAsOf, LatestRevision, latest_revision, latest_revisions
from claims.models import Attestation, Claim
from sources.models import Source

# W3C TextQuoteSelector prefix and suffix: enough to find the quote again.
SELECTOR_CONTEXT = 32


def cited_source(source: Source, *, site: str) -> CitedSource:
    return CitedSource(
        key=source.slug,
        url=source.url,
        page_url=site + source.get_absolute_url(),
        outlet=source.outlet.name,
        title=source.title,
        authors=tuple(source.authors),
        # A time is cited on its local day; from the database it comes back in UTC.
        published=timezone.localtime(source.published_at)
        if source.published_at
        else source.published_on,
        updated=timezone.localtime(source.updated_at) if source.updated_at else source.updated_on,
        kind=source.kind,
        language=source.language,
    )


# Attestations read per query in an annotation download, with one query for their revisions.
ANNOTATION_CHUNK = 500


def with_selector_context(attestations: QuerySet[Attestation]) -> QuerySet[Attestation]:
    """``attestations`` with the few characters either side of each quote cut by the database
    (``selector_prefix``, ``selector_suffix``), and their sources read without their texts."""
    cut_from = Greatest(F("start") - SELECTOR_CONTEXT + 1, Value(1))  # 1-based
    return attestations.defer("source__text").annotate(
        selector_prefix=Substr("source__text", cut_from, Least(F("start"), SELECTOR_CONTEXT)),
        selector_suffix=Substr("source__text", F("end") + 1, SELECTOR_CONTEXT),
    )


def annotated(
    attestations: QuerySet[Attestation], *, site: str
) -> Iterator[tuple[CitedAttestation, CitedClaim]]:
    """Each attestation (claims, topics, sources and outlets selected) with its claim cited at
    its latest revision, read a chunk at a time: two queries a chunk, flat memory."""
    rows = with_selector_context(attestations).iterator(chunk_size=ANNOTATION_CHUNK)
    for chunk in batched(rows, ANNOTATION_CHUNK):
        revisions = latest_revisions({a.claim_id for a in chunk})
        claims: dict[int, CitedClaim] = {}
        for attestation in chunk:
            claim = attestation.claim
            if claim.pk not in claims:  # the claim as an annotation body
                claims[claim.pk] = cited_claim(claim, [], site=site, revision=revisions[claim.pk])
            yield cited_attestation(attestation, site=site), claims[claim.pk]


def cited_attestation(attestation: Attestation, *, site: str) -> CitedAttestation:
    start, end = attestation.start, attestation.end
    prefix = getattr(attestation, "selector_prefix", None)  # with_selector_context's
    suffix = getattr(attestation, "selector_suffix", None)
    if prefix is None or suffix is None:
        text = attestation.source.text
        prefix = text[max(0, start - SELECTOR_CONTEXT) : start]
        suffix = text[end : end + SELECTOR_CONTEXT]
    return CitedAttestation(
        id=attestation.pk,
        anchor_url=f"{site}{attestation.source.get_absolute_url()}#att-{attestation.pk}",
        quote=attestation.quote,
        prefix=prefix,
        suffix=suffix,
        start=start,
        end=end,
        value=attestation.value_display if attestation.value is not None else "",
        as_of=attestation.effective_as_of,
        attributed_to=attestation.attributed_to,
        source=cited_source(attestation.source, site=site),
    )


def cited_claim(
    claim: Claim,
    attestations: Iterable[Attestation],
    *,
    site: str,
    revision: LatestRevision | None = None,
) -> CitedClaim:
    """The claim as it is now, at its latest revision. ``attestations`` with their sources and
    outlets loaded; ``revision`` defaults to the latest (one query)."""
    latest = revision if revision is not None else latest_revision(claim.pk)
    return _cited(
        claim,
        attestations,
        site=site,
        slug=claim.slug,
        number=latest.number,
        # Before its first recorded revision (history written by hand), the claim's own time.
        revised=latest.date or claim.modified,
    )


def cited_revision(then: ClaimAsOf, *, slug: str, site: str) -> CitedClaim:
    """The claim as it stood at one revision. ``slug`` is the claim's slug now: the permalink
    of a renamed claim's revision is under its new slug."""
    return _cited(
        then.claim,
        then.attestations,
        site=site,
        slug=slug,
        number=then.revision.number,
        revised=then.revision.date,
    )


def _cited(
    claim: Claim,
    attestations: Iterable[Attestation],
    *,
    site: str,
    slug: str,
    number: int,
    revised: datetime,
) -> CitedClaim:
    url = site + reverse("claims:detail", args=[slug])
    return CitedClaim(
        slug=slug,
        url=url,
        revision=number,
        revision_url=site + reverse("claims:revision", args=[slug, number]),
        statement=claim.statement,
        topic=claim.topic.title,
        verdict=claim.verdict,
        explanation=claim.verdict_explanation,
        rating=claim.rating,
        rating_explanation=claim.rating_explanation,
        # The revision's date, in the site's zone: a citation is dated by the day it shows.
        modified=timezone.localtime(revised),
        attestations=tuple(cited_attestation(a, site=site) for a in attestations),
    )
