"""BibTeX for LaTeX (BibTeX and biber/biblatex both read it): a claim at one revision as one
entry, a source alone as another; UTF-8 kept, LaTeX's special characters escaped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from claims.exports.common import (
    CLAIM_GENRE,
    CLAIM_LANGUAGE,
    PUBLISHER,
    claim_key,
    claim_number,
    day,
    one_line,
    quote_notes,
    source_link,
    split_name,
    verdict_sentence,
)
from claims.exports.records import CitedClaim, CitedSource

ENTRY_TYPES = {
    "article": "article",
    "live_page": "article",
    "official_report": "techreport",
    "press_release": "misc",
}
# The month macros every style defines: they print "October" in the style's language.
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
# Characters LaTeX reads as commands; the rest of Unicode goes through as is (UTF-8).
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_SPECIAL = re.compile("|".join(re.escape(char) for char in _LATEX_SPECIALS))
# Line breaks are spaces to LaTeX: the semicolon keeps the notes apart in print.
_NOTE_SEPARATOR = ";\n    "
# Keys may hold letters, digits and - _ : . (slugs already do); anything else becomes "-".
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:.-]+")


def bibtex(claim: CitedClaim, *, accessed: date | None = None) -> str:
    """One entry citing the claim at its revision, as the technical-report tags of the claim
    page do: Corroborate's record, numbered "<slug>, revision <n>", at the revision's permalink,
    with the verdict and every source's quote in the note. Zotero saves it as a Report."""
    revised = day(claim.modified)
    fields: list[tuple[str, str]] = [
        ("title", "{" + latex_escape(claim.statement) + "}"),
        ("author", "{" + PUBLISHER + "}"),  # braced: an organisation, taken whole
        ("institution", PUBLISHER),
        ("type", CLAIM_GENRE),
        ("number", latex_escape(claim_number(claim))),
        *_dated(revised, claim.revision_url, accessed),
        ("language", CLAIM_LANGUAGE),
    ]
    # The verdict's sentence, then the quotes, each ended by a semicolon but the last.
    note = [latex_escape(verdict)] if (verdict := verdict_sentence(claim)) else []
    if quotes := [latex_escape(line) for line in quote_notes(claim)]:
        note.append(_NOTE_SEPARATOR.join(quotes) + ".")
    if note:
        fields.append(("note", "\n    ".join(note)))
    return _entry("techreport", citation_key(claim_key(claim)), fields)


def bibtex_for_source(
    source: CitedSource,
    *,
    notes: Iterable[str] = (),
    accessed: date | None = None,
    key: str | None = None,
) -> str:
    entry_type = ENTRY_TYPES.get(source.kind, "misc")
    # Double braces keep the title's capitals when a style sentence-cases titles.
    fields: list[tuple[str, str]] = [("title", "{" + latex_escape(source.title) + "}")]
    if source.authors:
        names = [bibtex_name(name, outlet=source.outlet) for name in source.authors]
        fields.append(("author", " and ".join(names)))
    outlet = latex_escape(source.outlet)
    if entry_type == "article":
        fields.append(("journal", outlet))
    elif entry_type == "techreport":
        # Without a type, styles print "Technical report" for a police watchdog's report.
        fields += [("institution", outlet), ("type", "Report")]
    else:
        fields += [("organization", outlet), ("howpublished", _howpublished(source.kind))]
    fields += _dated(day(source.published), source_link(source), accessed)
    if note_lines := [latex_escape(line) for line in notes]:
        fields.append(("note", _NOTE_SEPARATOR.join(note_lines)))
    return _entry(entry_type, key or citation_key(source.key), fields)


def _dated(published: date, url: str, accessed: date | None) -> list[tuple[str, str]]:
    fields = [
        ("year", str(published.year)),
        ("month", _MONTHS[published.month - 1]),  # a macro: written without braces
        ("date", published.isoformat()),
        ("url", _url(url)),
    ]
    if accessed is not None:
        fields.append(("urldate", accessed.isoformat()))
    return fields


def _entry(entry_type: str, key: str, fields: list[tuple[str, str]]) -> str:
    body = [
        f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},"
        for name, value in fields
    ]
    return "\n".join([f"@{entry_type}{{{key},", *body, "}", ""])


def citation_key(slug: str) -> str:
    """The source's slug: stable across exports and unique in the whole ledger."""
    return _KEY_UNSAFE.sub("-", slug).strip("-") or "source"


def bibtex_name(name: str, *, outlet: str = "") -> str:
    """A plain personal name as "Family, Given"; anything else braced so that BibTeX takes it
    whole ("{BBC News}", never family "News")."""
    split = split_name(name, outlet=outlet)
    if split is None:
        return "{" + latex_escape(name) + "}"
    given, family = split
    return f"{latex_escape(family)}, {latex_escape(given)}"


def latex_escape(text: str) -> str:
    return _LATEX_SPECIAL.sub(lambda match: _LATEX_SPECIALS[match.group()], one_line(text))


def _howpublished(kind: str) -> str:
    return "Press release" if kind == "press_release" else kind.replace("_", " ").capitalize()


def _url(url: str) -> str:
    # The url field is read verbatim (no escaping), so only braces and spaces, which would
    # break the field, are percent-encoded.
    return url.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")
