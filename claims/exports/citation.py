"""A claim, or a source, as one plain-text paragraph a researcher can paste: the statement, the
verdict, every source (outlet, title, date, address) with the words it states the claim in, and
the revision permalink with the access date.

The paragraph is built as parts: our own words, and the names and words that come from sources
(a title, an outlet, an author, a quote), which a page shows set apart (``<bdi>``) so that a
title in Arabic or Hebrew keeps its own order and leaves the date after it alone. In the text
itself such a part, when it holds right-to-left letters, is wrapped in Unicode's isolates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from claims.exports.common import (
    TERMINAL,
    attestations_in_order,
    long_date,
    one_line,
    source_link,
    verdict_sentence,
)
from claims.exports.records import CitedClaim, CitedSource
from claims.rules.bidi import isolate


class Part(NamedTuple):
    text: str
    quoted: bool = False  # words from a source or a curator, set apart from ours


def plain_citation(claim: CitedClaim, *, accessed: date) -> str:
    return text_of(citation_parts(claim, accessed=accessed))


def text_of(parts: Iterable[Part]) -> str:
    return "".join(part.text for part in parts)


def citation_parts(claim: CitedClaim, *, accessed: date) -> list[Part]:
    """“<statement>” Verdict: <verdict> — <explanation> Sources: <source>, stating “<quote>”;
    <source>, stating “<quote>” and “<quote>”. Corroborate, claim <slug>, revision <n>,
    <revision url> (accessed <date>)."""
    statement = claim.statement.strip()
    end = "”" if statement.endswith(TERMINAL) else "”."
    parts = [Part("“"), _apart(statement), Part(end)]
    if verdict := verdict_sentence(claim):
        parts.append(Part(f" {verdict}"))
    # Each source once, in the order of its earliest quote, with all its quotes.
    quotes: dict[str, list[list[Part]]] = {}
    sources: dict[str, CitedSource] = {}
    for att in attestations_in_order(claim):
        sources.setdefault(att.source.key, att.source)
        quotes.setdefault(att.source.key, []).append(
            [Part("“"), _apart(one_line(att.quote)), Part("”")]
        )
    if sources:
        parts.append(Part(" Sources: "))
        stated = [
            [*_source(source), Part(", stating "), *_joined(quotes[key])]
            for key, source in sources.items()
        ]
        parts += _joined(stated, between="; ", last="; ")
        parts.append(Part("."))
    parts.append(
        Part(
            f" Corroborate, claim {claim.slug}, revision {claim.revision}, {claim.revision_url} "
            f"(accessed {long_date(accessed)})."
        )
    )
    return parts


def source_citation_parts(source: CitedSource, *, accessed: date) -> list[Part]:
    """Authors, “Title”, Outlet, date, URL (accessed <date>)."""
    authors = [[_apart(name)] for name in source.authors]
    lead = [*_joined(authors, last=", "), Part(", ")] if authors else []
    return [
        *lead,
        Part("“"),
        _apart(source.title),
        Part("”, "),
        _apart(source.outlet),
        Part(f", {long_date(source.published)}, {source_link(source)}"),
        Part(f" (accessed {long_date(accessed)})."),
    ]


def _source(source: CitedSource) -> list[Part]:
    # With a byline: Authors, “Title”, Outlet, date, URL. Without: Outlet, “Title”, date, URL.
    title = [Part("“"), _apart(source.title), Part("”")]
    when = long_date(source.published)
    # A byline that is the outlet itself ("BBC News" by BBC News) is said once.
    authors = [[_apart(name)] for name in source.authors if name != source.outlet]
    if authors:
        fields = [_joined(authors), title, [_apart(source.outlet)], [Part(when)]]
    else:
        fields = [[_apart(source.outlet)], title, [Part(when)]]
    return _joined([*fields, [Part(source_link(source))]], last=", ")


def _apart(text: str) -> Part:
    return Part(isolate(text), quoted=True)


def _joined(
    items: Sequence[Sequence[Part]], *, between: str = ", ", last: str = " and "
) -> list[Part]:
    """A; A and B; A, B and C (as ``common.join_names``), or with other joins."""
    joined: list[Part] = []
    for n, item in enumerate(items):
        if n:
            joined.append(Part(last if n == len(items) - 1 else between))
        joined += item
    return joined
