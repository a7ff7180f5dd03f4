"""BibTeX for LaTeX (BibTeX and biber/biblatex both read it): one entry per source, UTF-8 kept,
LaTeX's special characters escaped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from claims.exports.common import day, notes_by_source, one_line, source_link, split_name
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
# Keys may hold letters, digits and - _ : . (slugs already do); anything else becomes "-".
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:.-]+")


def bibtex(claim: CitedClaim, *, accessed: date | None = None) -> str:
    """One entry per distinct source of the claim, in as-of order, with unique keys."""
    used: set[str] = set()
    entries = []
    for source, notes in notes_by_source(claim):
        key = citation_key(source.key)
        unique, n = key, 1
        while unique in used:
            n += 1
            unique = f"{key}-{n}"
        used.add(unique)
        entries.append(bibtex_for_source(source, notes=notes, accessed=accessed, key=unique))
    return "\n".join(entries)


def bibtex_for_source(
    source: CitedSource,
    *,
    notes: Iterable[str] = (),
    accessed: date | None = None,
    key: str | None = None,
) -> str:
    entry_type = ENTRY_TYPES.get(source.kind, "misc")
    published = day(source.published)
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
    fields += [
        ("year", str(published.year)),
        ("month", _MONTHS[published.month - 1]),  # a macro: written without braces
        ("date", published.isoformat()),
        ("url", _url(source_link(source))),
    ]
    if accessed is not None:
        fields.append(("urldate", accessed.isoformat()))
    if note_lines := [latex_escape(line) for line in notes]:
        # Line breaks are spaces to LaTeX: the semicolon keeps the notes apart in print.
        fields.append(("note", ";\n    ".join(note_lines)))
    body = [
        f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},"
        for name, value in fields
    ]
    return "\n".join([f"@{entry_type}{{{key or citation_key(source.key)},", *body, "}", ""])


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
