"""Search across claims and source texts, on PostgreSQL (full-text search, trigram names) and
on SQLite (FTS5): one query syntax, read by ``claims.search.query``; docs/search.md is the
readers' guide. ``matching_claims`` narrows any claim queryset (the list, the API);
``search`` is the search page's."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString

from claims.claimants import Claimant
from claims.models import Claim, Topic
from claims.search import postgres, sqlite
from claims.search.marks import marked_html
from claims.search.query import SearchQuery, parse
from sources.models import Outlet, Source

SECTIONS = ("claims", "sources")
PER_SECTION = 10  # of each, when the page shows both
PER_PAGE = 20  # when it shows one
MAX_PAGE = 25  # pages further on are not offered: a search, not an export
NAMES_SHOWN = 5


def _backend(using: str) -> ModuleType:
    return postgres if connections[using].vendor == "postgresql" else sqlite


def matching_claims(claims: QuerySet[Claim], text: str) -> QuerySet[Claim]:
    """``claims`` whose statement or subject, or a quote of one of their sources, matches the
    query ``text``; none if ``text`` has no word to look for."""
    query = parse(text)
    if not query:
        return claims.none()
    return claims.filter(_backend(claims.db).matching(query))


@dataclass
class ClaimHit:
    claim: Claim
    statement: SafeString  # highlighted
    quote: SafeString | None  # a matching quote, highlighted, when one matches


@dataclass
class SourceHit:
    source: Source
    title: SafeString
    snippet: SafeString


@dataclass
class SearchResults:
    text: str
    query: SearchQuery
    section: str  # "" (claims and sources), "claims" or "sources"
    page: int
    claims: list[ClaimHit] = field(default_factory=list)
    sources: list[SourceHit] = field(default_factory=list)
    more_claims: bool = False
    more_sources: bool = False
    outlets: list[Outlet] = field(default_factory=list)
    claimants: list[Claimant] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return any([self.claims, self.sources, self.outlets, self.claimants, self.topics])

    @property
    def has_next(self) -> bool:
        more = self.more_claims if self.section == "claims" else self.more_sources
        return bool(self.section) and more and self.page < MAX_PAGE


def search(text: str, *, section: str = "", page: int = 1) -> SearchResults:
    """One page of what matches ``text``: claims, sources and (on the first page of both)
    names of outlets, claimants and topics. A page is fetched with one row more than it
    shows, to tell whether there is another, and is never counted in full."""
    section = section if section in SECTIONS else ""
    page = min(max(page, 1), MAX_PAGE)
    query = parse(text)
    results = SearchResults(text=text, query=query, section=section, page=page)
    if not query:
        return results
    backend = _backend(Claim.objects.db)
    size = PER_PAGE if section else PER_SECTION
    offset = (page - 1) * size
    if section in ("", "claims"):
        rows = backend.ranked_claims(query, offset, size + 1)
        results.more_claims = len(rows) > size
        results.claims = _claim_hits(backend, query, rows[:size])
    if section in ("", "sources"):
        rows = backend.ranked_sources(query, offset, size + 1)
        results.more_sources = len(rows) > size
        results.sources = _source_hits(rows[:size])
    if not section:
        words = " ".join(term.text for term in query.terms())
        results.outlets, results.claimants, results.topics = backend.names(words, NAMES_SHOWN)
    return results


def _claim_hits(
    backend: Any, query: SearchQuery, rows: list[tuple[int, str | None]]
) -> list[ClaimHit]:
    claims = Claim.objects.select_related("topic").in_bulk([pk for pk, _ in rows])
    quotes = backend.quote_snippets(query, list(claims))
    return [
        ClaimHit(
            claim=claims[pk],
            statement=marked_html(marked) if marked else SafeString(escape(claims[pk].statement)),
            quote=marked_html(quotes[pk]) if pk in quotes else None,
        )
        for pk, marked in rows
        if pk in claims
    ]


def _source_hits(rows: list[tuple[int, str, str]]) -> list[SourceHit]:
    # the texts stay in the database: the snippets came with the rows
    sources = Source.objects.select_related("outlet").defer("text").in_bulk([r[0] for r in rows])
    return [
        SourceHit(source=sources[pk], title=marked_html(title), snippet=marked_html(snippet))
        for pk, title, snippet in rows
        if pk in sources
    ]


def install_after_migrate(using: str = "default", **kwargs: object) -> None:
    """After ``migrate``: on SQLite, the FTS5 tables and triggers a table rebuild dropped."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        sqlite.install(connection)
