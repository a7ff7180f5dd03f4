"""RIS, the tagged format every reference manager imports (Zotero, EndNote, Mendeley): a claim at
one revision as one record with one N1 note per quote, a source alone as another."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from claims.exports.common import (
    CLAIM_GENRE,
    CLAIM_LANGUAGE,
    PUBLISHER,
    claim_key,
    claim_notes,
    claim_number,
    day,
    one_line,
    source_link,
    split_name,
)
from claims.exports.records import CitedClaim, CitedSource

RIS_TYPES = {
    "article": "NEWS",
    "live_page": "NEWS",
    "official_report": "RPRT",
    "press_release": "GEN",  # RIS's PRESS is not in every reader's list; GEN + M3 is
}
# The RIS specification ends every line with CR LF; rispy and Zotero read either.
EOL = "\r\n"


def ris(claim: CitedClaim, *, accessed: date | None = None) -> str:
    """One record citing the claim at its revision: a report by Corroborate numbered
    "<slug>, revision <n>" (``SN``, Zotero's report number), at the revision's permalink, with
    the verdict and each source's quote as notes."""
    revised = day(claim.modified)
    tags: list[tuple[str, str]] = [
        ("TY", "RPRT"),
        ("ID", claim_key(claim)),
        ("TI", claim.statement),
        ("AU", PUBLISHER),
        ("PB", PUBLISHER),
        ("M3", CLAIM_GENRE),
        ("SN", claim_number(claim)),
        *_dated(revised, claim.revision_url, accessed),
        ("LA", CLAIM_LANGUAGE),
    ]
    tags += [("N1", note) for note in claim_notes(claim)]
    return _record(tags)


def ris_for_source(
    source: CitedSource, *, notes: Iterable[str] = (), accessed: date | None = None
) -> str:
    kind = RIS_TYPES.get(source.kind, "GEN")
    published = day(source.published)
    tags: list[tuple[str, str]] = [("TY", kind), ("ID", source.key), ("TI", source.title)]
    tags += [("AU", ris_name(name, outlet=source.outlet)) for name in source.authors]
    if kind == "NEWS":
        tags.append(("T2", source.outlet))  # the newspaper: Zotero's "Publication"
    tags.append(("PB", source.outlet))  # publisher; a report's institution
    if source.kind == "press_release":
        tags.append(("M3", "Press release"))
    tags += _dated(published, source_link(source), accessed)
    if source.language:
        tags.append(("LA", source.language))
    tags += [("N1", note) for note in notes]
    return _record(tags)


def _dated(published: date, url: str, accessed: date | None) -> list[tuple[str, str]]:
    tags = [
        ("PY", str(published.year)),
        ("DA", f"{published:%Y/%m/%d}/"),  # YYYY/MM/DD/ with the trailing slash of the spec
        ("UR", url),
    ]
    if accessed is not None:
        tags.append(("Y2", f"{accessed:%Y/%m/%d}/"))
    return tags


def _record(tags: list[tuple[str, str]]) -> str:
    # A value cannot span lines: the next line would be read as a tag or lost.
    lines = [f"{tag}  - {one_line(value)}" for tag, value in tags if value]
    return EOL.join([*lines, "ER  - ", ""]) + EOL


def ris_name(name: str, *, outlet: str = "") -> str:
    """A plain personal name as "Family, Given"; anything else as written, which readers take
    as a single-field (organisation) name."""
    split = split_name(name, outlet=outlet)
    if split is None:
        return name
    given, family = split
    return f"{family}, {given}"
