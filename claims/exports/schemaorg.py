"""schema.org JSON-LD for a claim page: a ``Claim`` with where it appeared, and, when a curator
has rated it, the ``ClaimReview`` fact-checkers publish. Every node has an absolute ``@id`` so
that the nodes stay linked (and are not merged or lost) when a consumer expands the graph."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from claims.exports.common import (
    is_organisation,
    iso_datetime,
    iso_moment,
    moment_key,
    source_link,
    sources_in_order,
)
from claims.exports.records import CitedClaim, CitedSource

SCHEMA_CONTEXT = "https://schema.org"
WORK_TYPES = {
    "article": "NewsArticle",
    "live_page": "NewsArticle",
    "official_report": "Report",
    "press_release": "Article",  # schema.org has no press-release type
}


def claim_jsonld(claim: CitedClaim, *, site_url: str) -> dict[str, Any]:
    """The ``Claim``; with ``"@graph": [Claim, ClaimReview]`` when the claim is rated.
    ``site_url`` is the site's root: the publisher's address, and the base for any relative
    URL in the records."""

    def absolute(url: str) -> str:
        return urljoin(site_url, url)

    claim_id = absolute(claim.url)
    sources = sources_in_order(claim)
    node: dict[str, Any] = {
        "@type": "Claim",
        "@id": claim_id,
        "url": claim_id,
        "name": claim.statement,
        "text": claim.statement,
        "dateModified": iso_datetime(claim.modified),
    }
    if sources:
        node["appearance"] = [_work(source, absolute) for source in sources]
        first = min(sources, key=lambda source: moment_key(source.published))
        node["firstAppearance"] = {"@id": absolute(source_link(first))}
    if not claim.rating:
        return {"@context": SCHEMA_CONTEXT, **node}
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"{claim_id}#review",
        "url": claim_id,
        "itemReviewed": {"@id": claim_id},
        "claimReviewed": claim.statement,
        "reviewRating": {"@type": "Rating", "alternateName": claim.rating},
        "author": {"@type": "Organization", "name": "Corroborate", "url": site_url},
        "datePublished": iso_datetime(claim.modified),
    }
    if claim.rating_explanation:
        review["reviewRating"]["ratingExplanation"] = claim.rating_explanation
    return {"@context": SCHEMA_CONTEXT, "@graph": [node, review]}


def _work(source: CitedSource, absolute: Callable[[str], str]) -> dict[str, Any]:
    link = absolute(source_link(source))
    work: dict[str, Any] = {
        "@type": WORK_TYPES.get(source.kind, "CreativeWork"),
        "@id": link,
        "url": link,
        "headline": source.title,
        "datePublished": iso_moment(source.published),
    }
    if source.updated is not None:
        work["dateModified"] = iso_moment(source.updated)
    if source.authors:
        work["author"] = [_agent(name, outlet=source.outlet) for name in source.authors]
    work["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.language:
        work["inLanguage"] = source.language
    return work


def _agent(name: str, *, outlet: str) -> dict[str, str]:
    kind = "Organization" if is_organisation(name, outlet=outlet) else "Person"
    return {"@type": kind, "name": name}
