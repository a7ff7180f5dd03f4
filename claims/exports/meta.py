"""Highwire Press ``<meta name="citation_…">`` pairs: what Zotero's connector (and Google
Scholar) read from a page's head to save it as a reference.

A claim page cites the claim itself, as the record it is: title the statement, author and
publisher Corroborate, the revision's permalink as the address and the revision's date. Highwire
has no dataset tag, so the technical-report tags stand in: Zotero then saves a *Report* whose
institution is Corroborate and whose number is "<slug>, revision <n>", and every style prints
that number, so a citation names the exact revision. A reader page for a source cites the
source (the article, not our page of it).
"""

from __future__ import annotations

from claims.exports.common import day, source_link
from claims.exports.records import CitedClaim, CitedSource

Meta = list[tuple[str, str]]


def citation_meta(claim: CitedClaim, *, language: str = "en") -> Meta:
    revised = f"{day(claim.modified):%Y/%m/%d}"
    pairs = [
        ("citation_title", claim.statement),
        ("citation_author", "Corroborate"),
        ("citation_publisher", "Corroborate"),
        ("citation_technical_report_institution", "Corroborate"),
        ("citation_technical_report_number", f"{claim.slug}, revision {claim.revision}"),
        ("citation_publication_date", revised),
        ("citation_online_date", revised),
        ("citation_public_url", claim.revision_url),
        ("citation_language", language),
    ]
    if claim.verdict:
        summary = f"Verdict: {claim.verdict}."
        if claim.explanation:
            summary = f"Verdict: {claim.verdict} — {claim.explanation}"
        pairs.append(("citation_abstract", summary))
    if claim.topic:
        pairs.append(("citation_keywords", claim.topic))
    return pairs


def source_citation_meta(source: CitedSource) -> Meta:
    published = f"{day(source.published):%Y/%m/%d}"
    pairs = [("citation_title", source.title)]
    pairs += [("citation_author", name) for name in source.authors]
    pairs += [("citation_publication_date", published), ("citation_online_date", published)]
    if source.kind in ("article", "live_page"):
        # Zotero files it as an article in the named publication.
        pairs.append(("citation_journal_title", source.outlet))
    elif source.kind == "official_report":
        pairs.append(("citation_technical_report_institution", source.outlet))
    pairs += [
        ("citation_publisher", source.outlet),
        ("citation_public_url", source_link(source)),
    ]
    if source.language:
        pairs.append(("citation_language", source.language))
    return pairs
