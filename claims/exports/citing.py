"""Models → the plain records the export formats take (``claims.exports``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from claims.exports import CitedAttestation, CitedClaim, CitedSource
from claims.history import ClaimAsOf, LatestRevision, latest_revision
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


def cited_attestation(attestation: Attestation, *, site: str) -> CitedAttestation:
    text, start, end = attestation.source.text, attestation.start, attestation.end
    return CitedAttestation(
        id=attestation.pk,
        anchor_url=f"{site}{attestation.source.get_absolute_url()}#att-{attestation.pk}",
        quote=attestation.quote,
        prefix=text[max(0, start - SELECTOR_CONTEXT) : start],
        suffix=text[end : end + SELECTOR_CONTEXT],
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
