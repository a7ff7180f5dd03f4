"""W3C Web Annotations (JSON-LD): each attestation as an annotation of the quoted passage that
identifies the claim it states. Annotation tools (Hypothesis, Recogito) can anchor them on the
original page by the quote, and on our reader page by quote or position.

Motivation ``identifying``: an attestation says "this passage states claim X", which is the
model's identifying ("associate an IRI … with a mention … in a web page"). It is not
``assessing``: the verdict judges the claim across sources, never the passage itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from claims.exports.common import iso_datetime, long_date, one_line
from claims.exports.records import CitedAttestation, CitedClaim

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Who made the annotation: the curators, as the site (the ClaimReview's author too).
CREATOR = {"type": "Organization", "name": "Corroborate"}


def annotation_id(att: CitedAttestation, claim: CitedClaim) -> str:
    """The attestation's place on the claim page (<li id="attestation-<id>">)."""
    return f"{claim.url}#attestation-{att.id}"


def annotation(att: CitedAttestation, claim: CitedClaim) -> dict[str, Any]:
    return {
        "@context": ANNO_CONTEXT,
        "id": annotation_id(att, claim),
        "type": "Annotation",
        "motivation": "identifying",
        # The annotation is generated from the claim at this revision: it was created when the
        # revision was saved.
        "created": iso_datetime(claim.modified),
        "creator": CREATOR,
        "body": [
            {"type": "SpecificResource", "source": claim.url, "purpose": "identifying"},
            {
                "type": "TextualBody",
                "value": _description(att, claim),
                "format": "text/plain",
                "language": "en",
                "purpose": "describing",
            },
            # The record that will not change: cite this.
            {"type": "SpecificResource", "source": claim.revision_url, "purpose": "linking"},
        ],
        "target": _targets(att),
    }


def annotation_collection(
    items: Iterable[tuple[CitedAttestation, CitedClaim]],
    *,
    id: str,
    label: str,
    total: int | None = None,
) -> dict[str, Any]:
    """An AnnotationCollection with every annotation on one embedded first page. Each
    annotation keeps its own @context so that it can be taken out of the page and still stand
    alone. ``id`` should carry no fragment: the page is ``<id>#page-1``.

    Given the ``total``, ``items`` may be an iterator, read only as the page's items are (an
    iterator of annotations there, for ``claims.exports.streaming.json_text``)."""
    if total is None:
        items = list(items)
        total = len(items)
    collection: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": total,
    }
    if total:
        annotations = (annotation(att, claim) for att, claim in items)
        collection["first"] = {
            "id": f"{id}#page-1",
            "type": "AnnotationPage",
            "partOf": id,
            "startIndex": 0,
            "items": annotations if isinstance(items, Iterator) else list(annotations),
        }
    return collection


def _targets(att: CitedAttestation) -> list[dict[str, Any]]:
    """The quote on the original page, and on our reader page.

    Several selectors on one target must select the same text (model §4.2). Our offsets count
    code points in Corroborate's normalised text of the source, which the reader page shows
    but the original page does not: so the original gets the quote selector only, and the
    reader page gets both."""
    quote = _quote_selector(att)
    reader: dict[str, Any] = {
        "type": "SpecificResource",
        "source": att.source.page_url,
        "selector": [quote, {"type": "TextPositionSelector", "start": att.start, "end": att.end}],
    }
    if not att.source.url:
        return [reader]
    original = {"type": "SpecificResource", "source": att.source.url, "selector": quote}
    return [original, reader]


def _quote_selector(att: CitedAttestation) -> dict[str, Any]:
    selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": att.quote}
    if att.prefix:
        selector["prefix"] = att.prefix
    if att.suffix:
        selector["suffix"] = att.suffix
    return selector


def _description(att: CitedAttestation, claim: CitedClaim) -> str:
    """States 9 as of 30 September 2025 (attributed to …). Claim: “…” (revision 3; sources:
    agree)."""
    stated = f"States {one_line(att.value)}" if att.value else "States the claim"
    text = f"{stated} as of {long_date(att.as_of)}"
    if att.attributed_to:
        text += f", attributed to {one_line(att.attributed_to)}"
    text += f". Claim: “{claim.statement}” (revision {claim.revision}"
    text += f"; verdict across sources: {claim.verdict})." if claim.verdict else ")."
    return text
