"""Reads that pages need, each in a fixed number of queries whatever the data's size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.safestring import SafeString

from claims import exports
from claims.display.comparison import Comparison, Stated, compare
from claims.display.highlight import VERDICT_LABELS, Highlight, render_highlighted
from claims.display.story import Chapter, Told, tell
from claims.display.timeline import Timeline, TimelinePoint, build_timeline
from claims.display.voices import Voice, speakers, voices
from claims.exports.citing import cited_claim, cited_source
from claims.filters import ClaimFilter
from claims.keyset import KeysetPage, Total, page_at, total
from claims.models import (
    SORT_KEYS,
    TOPIC_KEYS,
    Attestation,
    AttestationQuerySet,
    Claim,
    ClaimQuerySet,
    Topic,
)
from claims.rules.composite import PartClaim, SumCheck, check_sums
from claims.rules.values import DateValue, Quantity
from claims.rules.verdicts import Statement, Verdict
from sources.models import LATEST_FIRST, Source, SourceEntry

# The order verdicts are listed in: the contested first.
VERDICT_ORDER = [Verdict.DIFFER, Verdict.UPDATED, Verdict.AGREE, Verdict.SINGLE]


def claim_list(*, filters: dict[str, Any]) -> tuple[ClaimFilter, QuerySet[Claim]]:
    """The claims ``filters`` select, in their sort (for an export: a page uses
    ``claim_list_page``)."""
    claim_filter = ClaimFilter(filters, queryset=Claim.objects.all())
    return claim_filter, claim_filter.qs.for_list().sorted_by(claim_filter.sort_key)


@dataclass
class ClaimList:
    filter: ClaimFilter
    page: KeysetPage[Claim]
    total: Total
    query: str  # the filters and sort, without the page's place: what its links carry


def claim_list_page(*, filters: QueryDict, size: int) -> ClaimList:
    """A page of the claims ``filters`` select, in their sort, from the ``cursor`` they give
    (the first page without one; a damaged one is ignored). A page reads its own rows by the
    sort's index, and the total is bounded work (``keyset.total``)."""
    claim_filter = ClaimFilter(filters, queryset=Claim.objects.all())
    claims = claim_filter.qs.for_rows()
    keys = SORT_KEYS[claim_filter.sort_key]
    unplaced = filters.copy()
    unplaced.pop("cursor", None)
    unplaced.pop("page", None)
    query = unplaced.urlencode()
    return ClaimList(
        filter=claim_filter,
        page=page_at(claims, keys, token=filters.get("cursor"), size=size),
        total=total(claims, cache_key=f"claims:{query}"),
        query=query,
    )


@dataclass
class Listed[T]:
    page: KeysetPage[T]
    total: Total


def source_list_page(*, cursor: str | None, size: int) -> Listed[Source]:
    """A page of sources, newest first, each with how many claims it states (counted for the
    page's own sources only), and how many sources there are (``keyset.total``)."""
    sources = Source.objects.with_outlet().defer("text").with_attestation_counts()
    return Listed(
        page=page_at(sources, LATEST_FIRST, token=cursor, size=size),
        total=total(Source.objects.all(), cache_key="sources"),
    )


def topic_list_page(*, cursor: str | None, size: int) -> Listed[Topic]:
    """A page of topics by title, each with its claims counted by verdict (for the page's own
    topics only), and how many topics there are."""
    return Listed(
        page=page_at(Topic.objects.with_verdict_counts(), TOPIC_KEYS, token=cursor, size=size),
        total=total(Topic.objects.all(), cache_key="topics"),
    )


@dataclass
class Citing:
    """What a page needs to be cited: the text (in parts, the names from sources set apart),
    Zotero's meta tags and schema.org JSON-LD."""

    record: Any
    parts: list[exports.Part]
    meta: list[tuple[str, str]]
    jsonld: dict[str, Any] | None = None


@dataclass
class ClaimPage:
    claim: Claim
    attestations: list[Attestation]
    source_count: int
    independent_count: int
    timeline: Timeline | None
    voices: list[Voice[Attestation]]  # the quotes by who gives the figure; [] when nobody does
    related: list[Claim]
    parts: list[Claim]
    sums: list[SumCheck]
    totals: list[Claim]
    citing: Citing | None = None


def claim_page(*, slug: str, site: str = "") -> ClaimPage:
    """Raises ``Claim.DoesNotExist``. ``site`` (scheme and host) makes the citation's URLs."""
    claim = Claim.objects.for_page().get(slug=slug)
    attestations = list(claim.attestations.all())
    related = Claim.objects.for_rows().related_to(claim).sorted_by("contested")
    parts = list(claim.parts.for_page())
    statements = [a.as_statement() for a in attestations]
    return ClaimPage(
        claim=claim,
        attestations=attestations,
        source_count=len({a.source_id for a in attestations}),
        independent_count=claim.independent_count,
        timeline=claim_timeline(claim, attestations, statements),
        voices=voices(attestations, statements),
        related=list(related),
        parts=parts,
        sums=check_sums(
            [a.as_statement() for a in attestations],
            [
                PartClaim(
                    p.subject or p.statement, tuple(a.as_statement() for a in p.attestations.all())
                )
                for p in parts
            ],
        )
        if parts
        else [],
        totals=list(claim.totals.select_related("topic")),
        citing=claim_citing(claim, attestations, site=site),
    )


def claim_citing(claim: Claim, attestations: list[Attestation], *, site: str) -> Citing:
    cited = cited_claim(claim, attestations, site=site)
    return Citing(
        record=cited,
        parts=exports.citation_parts(cited, accessed=timezone.localdate()),
        meta=exports.citation_meta(cited),
        jsonld=exports.claim_jsonld(cited, site_url=site),
    )


def source_citing(source: Source, *, site: str) -> Citing:
    cited = cited_source(source, site=site)
    return Citing(
        record=cited,
        parts=exports.source_citation_parts(cited, accessed=timezone.localdate()),
        meta=exports.source_citation_meta(cited),
    )


def claim_timeline(
    claim: Claim, attestations: list[Attestation], statements: list[Statement]
) -> Timeline | None:
    """A picture of the value by as-of date, for claims whose numbers or dates change."""
    if not claim.changes_over_time:
        return None
    who = speakers(statements)
    points = [
        TimelinePoint(
            as_of=a.effective_as_of,
            value=a.value,
            outlet=a.source.outlet.name,
            source=a.source.slug,
            label=a.value_display,
            lane=claimant,
        )
        for a, claimant in zip(attestations, who, strict=True)
        if isinstance(a.value, Quantity | DateValue)
    ]
    return build_timeline(points, unit=claim.unit)


@dataclass
class VerdictGroup:
    verdict: str
    label: str
    claims: list[tuple[Claim, Attestation]]  # each claim with its first attestation here


@dataclass
class Reader:
    source: Source
    html: SafeString
    groups: list[VerdictGroup]
    claim_count: int
    entries: list[SourceEntry]  # a live page's timestamped entries; each has a place in the html


def source_reader(*, slug: str) -> Reader:
    """The source's text with every attested span highlighted. Raises ``Source.DoesNotExist``."""
    source = Source.objects.with_outlet().get(slug=slug)
    attestations = list(
        source.attestations.select_related("claim", "claimant").order_by("start", "end")
    )
    highlights = [
        Highlight(
            anchor=f"att-{a.pk}",
            start=a.start,
            end=a.end,
            verdict=a.claim.verdict,
            href=f"{a.claim.get_absolute_url()}#attestation-{a.pk}",
            claim=a.claim.slug,
            statement=a.claim.statement,
            claimant=a.claimant_name,
        )
        for a in attestations
    ]
    first: dict[int, tuple[Claim, Attestation]] = {}
    for attestation in attestations:
        first.setdefault(attestation.claim_id, (attestation.claim, attestation))
    groups = [
        VerdictGroup(verdict, VERDICT_LABELS[verdict], claims)
        for verdict in [*VERDICT_ORDER, ""]
        if (claims := [pair for pair in first.values() if pair[0].verdict == verdict])
    ]
    entries = list(source.entries.all())
    marks = {entry.start: f"entry-{index}" for index, entry in enumerate(entries, 1)}
    html = render_highlighted(source.text, highlights, marks)
    return Reader(source, html, groups, len(first), entries)


def publication_order(source: Source) -> tuple[Any, ...]:
    """Sort key: by date, then time where known (a source with only a date comes first)."""
    moment = source.published_at.timestamp() if source.published_at else 0.0
    return (source.published_on, moment, source.slug)


# What ``Attestation.as_statement`` reads of an attestation, and what a chapter shows of its
# source (with what ordering and ``as_statement`` read of it).
STATEMENT_FIELDS = (
    "claim",
    "source",
    "claimant",
    *Attestation.VALUE_COLUMNS,
    "as_of",
)
STORY_SOURCE_FIELDS = (
    "slug",
    "title",
    "kind",
    "published_on",
    "published_at",
    "copy_of",
    "agency",
    "outlet__name",
)


@dataclass(frozen=True)
class StoryClaim:
    """A claim as a topic's story shows it: its link made once, however many of the story's
    chapters name the claim."""

    slug: str
    statement: str
    verdict: str
    url: str


@dataclass
class TopicPage:
    topic: Topic
    chapters: list[Chapter[StoryClaim, Source]]


def topic_page(*, slug: str) -> TopicPage:
    """The topic's sources in publication order, each with what it added, confirmed,
    contradicted or updated. Raises ``Topic.DoesNotExist``."""
    topic = Topic.objects.with_verdict_counts().get(slug=slug)
    # Each claim and source once, however many rows name it, and only the columns the story
    # shows and compares (never a source's text): a topic has hundreds of attestations.
    claims = Claim.objects.only("slug", "statement", "verdict", "changes_over_time")
    story_sources = Source.objects.with_outlet().only(*STORY_SOURCE_FIELDS)
    attestations = list(
        Attestation.objects.filter(claim__topic=topic)
        .select_related("claimant")
        .only(*STATEMENT_FIELDS, "start", "claimant__name")
        .prefetch_related(Prefetch("claim", claims), Prefetch("source", story_sources))
        .order_by("source__published_on", "source__published_at", "start")
    )
    sources = list({a.source_id: a.source for a in attestations}.values())
    sources.sort(key=publication_order)
    shown = {
        claim.pk: StoryClaim(claim.slug, claim.statement, claim.verdict, claim.get_absolute_url())
        for claim in {a.claim_id: a.claim for a in attestations}.values()
    }
    told = [
        Told(shown[a.claim_id], a.source, a.claim.changes_over_time, a.as_statement())
        for a in attestations
    ]
    return TopicPage(topic, tell(sources, told))


def source_comparison(*, sources: list[Source]) -> Comparison[Claim, Source]:
    attestations = Attestation.objects.filter(source__in=sources).select_related("claim")
    by_pk = {source.pk: source for source in sources}
    stated = [
        Stated(a.claim, by_pk[a.source_id], a.value_display if a.value else "stated")
        for a in attestations.order_by("claim__topic__title", "claim__statement", "start")
    ]
    return compare(sources, stated)


# The JSON API's reads: every row of a page in a fixed number of queries, whatever the number of
# rows (tests/api/test_queries.py holds them to it).


def api_topics() -> QuerySet[Topic]:
    return Topic.objects.with_verdict_counts().order_by("title", "slug")


def api_sources(*, with_text: bool = False) -> QuerySet[Source]:
    """Sources with their outlet, the slug of their original, and the topics they are filed
    under or state claims of (two prefetches, whatever the number of sources)."""
    topic_links = Attestation.objects.select_related("claim__topic").only(
        "source", "claim", "claim__topic", "claim__topic__slug"
    )
    queryset = (
        Source.objects.with_outlet()
        .annotate(copy_of_slug=F("copy_of__slug"))
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.only("slug")),
            Prefetch("attestations", queryset=topic_links, to_attr="topic_links"),
        )
        .latest_first()
    )
    # The texts are long: only the detail shows one.
    return queryset if with_text else queryset.defer("text")


def api_attestations() -> AttestationQuerySet:
    return Attestation.objects.select_related("source__outlet", "claimant").defer("source__text")


def api_claims() -> ClaimQuerySet:
    """Claims with their topics and counts (``for_list``), and their topic's slug as
    ``topic_slug``, which ``ClaimSerializer`` shows. What the API shows of their attestations
    and parts is read for a whole page at once (``api_claim_extras``)."""
    return Claim.objects.for_list().annotate(topic_slug=F("topic__slug"))


# The columns of a claim the API shows (``ClaimSerializer``): the list reads only these, not
# the timestamps, the version or a topic row.
API_CLAIM_COLUMNS = (
    "slug",
    "statement",
    "kind",
    "subject",
    "unit",
    "entity",
    "predicate",
    "qualifiers",
    "event",
    "changes_over_time",
    "verdict",
    "verdict_explanation",
    "rating",
    "rating_explanation",
    "source_count",
    "independent_count",
)


def api_claim_list() -> ClaimQuerySet:
    """``api_claims`` for the list, which only reads them: only the columns it shows."""
    return Claim.objects.annotate(topic_slug=F("topic__slug")).only(*API_CLAIM_COLUMNS)


# What the API shows of an attestation, read as plain rows, not models: a page of claims has
# hundreds of attestations, and building an instance of each with its source, outlet and
# claimant was much of the page's time.
API_ATTESTATION_COLUMNS = (
    "claim_id",
    "id",
    "source__slug",
    "source__outlet__name",
    "source__published_on",
    "quote",
    "start",
    "end",
    *Attestation.VALUE_COLUMNS,
    "as_of",
    "attributed_to",
    "claimant__name",
)


@dataclass(frozen=True)
class ClaimExtras:
    """By claim id: its attestations (rows of ``API_ATTESTATION_COLUMNS``, oldest first, as
    ``in_as_of_order``) and the slugs of its parts, in order."""

    attestations: dict[int, list[dict[str, Any]]]
    parts: dict[int, list[str]]


def api_claim_extras(claim_ids: Collection[int]) -> ClaimExtras:
    """The attestations and parts of the claims, in two queries whatever their number."""
    attestations: dict[int, list[dict[str, Any]]] = defaultdict(list)
    parts: dict[int, list[str]] = defaultdict(list)
    if not claim_ids:
        return ClaimExtras(attestations, parts)
    rows = Attestation.objects.filter(claim_id__in=claim_ids).in_as_of_order()
    for row in rows.values(*API_ATTESTATION_COLUMNS):
        attestations[row["claim_id"]].append(row)
    links = Claim.parts.through.objects.filter(from_claim_id__in=claim_ids)
    for claim_id, slug in links.order_by("to_claim__slug").values_list(
        "from_claim_id", "to_claim__slug"
    ):
        parts[claim_id].append(slug)
    return ClaimExtras(attestations, parts)
