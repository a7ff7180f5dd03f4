"""RIS, the tagged format every reference manager imports (Zotero, EndNote, Mendeley): one
record per source, one N1 note per attestation of the claim."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from claims.exports.common import day, notes_by_source, one_line, source_link, split_name
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
    """One record per distinct source of the claim, in as-of order."""
    return "".join(
        ris_for_source(source, notes=notes, accessed=accessed)
        for source, notes in notes_by_source(claim)
    )


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
    tags += [
        ("PY", str(published.year)),
        ("DA", f"{published:%Y/%m/%d}/"),  # YYYY/MM/DD/ with the trailing slash of the spec
        ("UR", source_link(source)),
    ]
    if accessed is not None:
        tags.append(("Y2", f"{accessed:%Y/%m/%d}/"))
    if source.language:
        tags.append(("LA", source.language))
    tags += [("N1", note) for note in notes]
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
