"""The plain records every export format is written from. No Django here: ``claims.exports.citing``
builds them from the models, and the formats are pure functions over them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class CitedSource:
    key: str  # the source's slug: stable, unique, used as the citation id and key
    url: str  # the original address, "" when unknown
    page_url: str  # absolute URL of our reader page for the source
    outlet: str
    title: str
    authors: tuple[str, ...]
    published: date | datetime  # a datetime when the source gives a time (live pages)
    updated: date | datetime | None
    kind: str  # "article" | "live_page" | "press_release" | "official_report"
    language: str  # an IETF language tag


@dataclass(frozen=True)
class CitedAttestation:
    id: int
    anchor_url: str  # absolute URL of the quote in our reader: …/sources/<slug>/#att-<id>
    quote: str
    prefix: str  # up to 32 characters of the source text before the quote
    suffix: str  # … and after it (W3C TextQuoteSelector)
    start: int  # code-point offsets of the quote in our normalised text of the source
    end: int
    value: str  # worded ("about 1,500"), "" when the quote states no separate value
    as_of: date
    attributed_to: str
    source: CitedSource


@dataclass(frozen=True)
class CitedClaim:
    """A claim as it stood at one revision: the fields, quotes and verdict of that revision."""

    slug: str
    url: str  # absolute permalink of the claim page
    revision: int
    revision_url: str  # absolute: …/claims/<slug>/v/<n>/, the record that will not change
    statement: str
    topic: str  # the topic's title
    verdict: str  # "" | "single" | "agree" | "updated" | "differ"
    explanation: str
    rating: str
    rating_explanation: str
    modified: datetime  # the revision's date: when the claim came to stand so
    attestations: tuple[CitedAttestation, ...]
