"""CSL-JSON: what Zotero, Pandoc and every citeproc read. A claim at one revision is one item, its
note the verdict and what each source states; a source alone is another."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from claims.exports.common import (
    CLAIM_GENRE,
    CLAIM_LANGUAGE,
    PUBLISHER,
    claim_key,
    claim_notes,
    claim_number,
    day,
    source_link,
    split_name,
)
from claims.exports.records import CitedClaim, CitedSource

# Our kinds → CSL types. CSL has no press-release type: a "report" with genre "Press release",
# which APA-like styles print as "[Press release]".
CSL_TYPES = {
    "article": "article-newspaper",
    "live_page": "article-newspaper",
    "official_report": "report",
    "press_release": "report",
}
CSL_GENRES = {"press_release": "Press release"}


def csl_items(claim: CitedClaim, *, accessed: date | None = None) -> list[dict[str, Any]]:
    """A CSL-JSON file citing the claim at its revision: one ``report`` by Corroborate whose
    number, "<slug>, revision <n>", every style prints, at the revision's permalink, with the
    verdict and each source's quote in the note."""
    item: dict[str, Any] = {
        "id": claim_key(claim),
        "type": "report",
        "title": claim.statement,
        "author": [{"literal": PUBLISHER}],
        "publisher": PUBLISHER,
        "genre": CLAIM_GENRE,
        "number": claim_number(claim),
        "issued": csl_date(day(claim.modified)),
        "URL": claim.revision_url,
    }
    if accessed is not None:
        item["accessed"] = csl_date(accessed)
    item["language"] = CLAIM_LANGUAGE
    if note := "\n".join(claim_notes(claim)):
        item["note"] = note
    return [item]


def csl_item(
    source: CitedSource, *, notes: Iterable[str] = (), accessed: date | None = None
) -> dict[str, Any]:
    kind = CSL_TYPES.get(source.kind, "article")
    item: dict[str, Any] = {"id": source.key, "type": kind, "title": source.title}
    if kind == "article-newspaper":
        item["container-title"] = source.outlet
    item["publisher"] = source.outlet
    if genre := CSL_GENRES.get(source.kind):
        item["genre"] = genre
    if source.authors:
        item["author"] = [csl_name(name, outlet=source.outlet) for name in source.authors]
    item["issued"] = csl_date(day(source.published))
    item["URL"] = source_link(source)
    if accessed is not None:
        item["accessed"] = csl_date(accessed)
    if source.language:
        item["language"] = source.language
    if note := "\n".join(notes):
        item["note"] = note
    return item


def csl_name(name: str, *, outlet: str = "") -> dict[str, str]:
    """{"family", "given"} for a plain two-word personal name, else {"literal"} so that a
    processor prints it as written ("BBC News", not "News, B.")."""
    split = split_name(name, outlet=outlet)
    if split is None:
        return {"literal": name}
    given, family = split
    return {"family": family, "given": given}


def csl_date(value: date) -> dict[str, list[list[int]]]:
    # CSL dates carry no time: the day a live page was published is what styles print.
    return {"date-parts": [[value.year, value.month, value.day]]}
