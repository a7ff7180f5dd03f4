"""A claim as one plain-text paragraph a researcher can paste: the statement, the verdict, every
source (outlet, title, date, address) and the revision permalink with the access date."""

from __future__ import annotations

from datetime import date

from claims.exports.common import join_names, long_date, source_link, sources_in_order
from claims.exports.records import CitedClaim, CitedSource

_TERMINAL = (".", "!", "?", "…")


def plain_citation(claim: CitedClaim, *, accessed: date) -> str:
    """“<statement>” Verdict: <verdict> — <explanation> Sources: <source>; <source>.
    Corroborate, claim <slug>, revision <n>, <revision url> (accessed <date>)."""
    parts = [_quoted(claim.statement)]
    if claim.verdict:
        verdict = f"Verdict: {claim.verdict}"
        parts.append(
            f"{verdict} — {_sentence(claim.explanation)}" if claim.explanation else f"{verdict}."
        )
    sources = sources_in_order(claim)
    if sources:
        parts.append(f"Sources: {'; '.join(_source(source) for source in sources)}.")
    parts.append(
        f"Corroborate, claim {claim.slug}, revision {claim.revision}, {claim.revision_url} "
        f"(accessed {long_date(accessed)})."
    )
    return " ".join(parts)


def _source(source: CitedSource) -> str:
    # With a byline: Authors, “Title”, Outlet, date, URL. Without: Outlet, “Title”, date, URL.
    title = f"“{source.title}”"
    when = long_date(source.published)
    # A byline that is the outlet itself ("BBC News" by BBC News) is said once.
    authors = [name for name in source.authors if name != source.outlet]
    if authors:
        fields = [join_names(authors), title, source.outlet, when]
    else:
        fields = [source.outlet, title, when]
    return ", ".join([*fields, source_link(source)])


def _quoted(statement: str) -> str:
    statement = statement.strip()
    return f"“{statement}”" if statement.endswith(_TERMINAL) else f"“{statement}”."


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(_TERMINAL) else f"{text}."
