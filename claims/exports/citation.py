"""A claim as one plain-text paragraph a researcher can paste: the statement, the verdict, every
source (outlet, title, date, address) with the words it states the claim in, and the revision
permalink with the access date."""

from __future__ import annotations

from datetime import date

from claims.exports.common import (
    TERMINAL,
    attestations_in_order,
    join_names,
    long_date,
    one_line,
    source_link,
    verdict_sentence,
)
from claims.exports.records import CitedClaim, CitedSource


def plain_citation(claim: CitedClaim, *, accessed: date) -> str:
    """“<statement>” Verdict: <verdict> — <explanation> Sources: <source>, stating “<quote>”;
    <source>, stating “<quote>” and “<quote>”. Corroborate, claim <slug>, revision <n>,
    <revision url> (accessed <date>)."""
    parts = [_quoted(claim.statement)]
    if verdict := verdict_sentence(claim):
        parts.append(verdict)
    # Each source once, in the order of its earliest quote, with all its quotes.
    quotes: dict[str, list[str]] = {}
    sources: dict[str, CitedSource] = {}
    for att in attestations_in_order(claim):
        sources.setdefault(att.source.key, att.source)
        quotes.setdefault(att.source.key, []).append(f"“{one_line(att.quote)}”")
    if sources:
        stated = [f"{_source(s)}, stating {join_names(quotes[key])}" for key, s in sources.items()]
        parts.append(f"Sources: {'; '.join(stated)}.")
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
    return f"“{statement}”" if statement.endswith(TERMINAL) else f"“{statement}”."
