"""The review queue: what the finder sees in a source, and which existing claims each
candidate most likely states. The writes an editor's click makes are in ``claims.services``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Prefetch

from claims.finder import Candidate, Entry
from claims.finder.find import find_claims
from claims.matching import LIKELY, ClaimIndex, KnownClaim, Match
from claims.models import Attestation, Claim, Topic
from claims.rules.counted import Counted
from claims.rules.quotes import Span
from claims.rules.values import describe, typed_value, value_to_json
from sources.models import Source

SUGGESTIONS_PER_CANDIDATE = 3
NO_TOPIC = ""  # the topic of a source about none of the ledger's


@dataclass
class Suggestion:
    claim: Claim
    score: float  # the calibrated chance that the link is right
    verdict_if_linked: str
    explanation: str

    @property
    def likely(self) -> bool:
        return self.score >= LIKELY


@dataclass
class QueueItem:
    candidate: Candidate
    before: str  # the sentence around the candidate, for display
    after: str
    suggestions: list[Suggestion]

    @property
    def key(self) -> str:
        return f"{self.candidate.start}-{self.candidate.end}"

    @property
    def value_display(self) -> str:
        return describe(self.candidate.value)

    @property
    def value_typed(self) -> str:
        return typed_value(self.candidate.value)

    @property
    def likely(self) -> bool:
        """Is an existing claim likely? If not, the queue offers a new claim first."""
        return bool(self.suggestions) and self.suggestions[0].likely

    @property
    def counted(self) -> str:
        """What the finder read the figure to count: "people died (first strike day)"."""
        c = self.candidate
        return Counted(c.entity, c.predicate, c.qualifiers, c.event).describe()


@dataclass
class ReviewQueue:
    source: Source
    topics: list[tuple[Topic, float]]  # the source's topics, or the suggested ones, best first
    topics_given: bool
    new_topic: bool  # no topic given, and the source is about none of the ledger's
    items: list[QueueItem]
    linked: int  # candidates left out because an attestation already covers them
    dismissed: int


def source_entries(source: Source) -> list[Entry]:
    return [
        Entry(e.start, e.end, e.published_at, e.title) for e in source.entries.order_by("start")
    ]


def source_candidates(source: Source) -> list[Candidate]:
    return find_claims(source.text, published=source.published, entries=source_entries(source))


_cached_index: tuple[tuple[Any, ...], tuple[ClaimIndex, dict[str, Claim]]] | None = None


def ledger_version() -> tuple[Any, ...]:
    """Changes whenever a claim or an attestation is added, changed or removed."""
    claims = Claim.objects.aggregate(n=Count("pk"), top=Max("pk"), at=Max("modified"))
    stated = Attestation.objects.aggregate(n=Count("pk"), top=Max("pk"), at=Max("modified"))
    redated = Source.objects.aggregate(at=Max("modified"))
    filed = Topic.sources.through.objects.aggregate(n=Count("pk"), top=Max("pk"))
    return (*claims.values(), *stated.values(), *redated.values(), *filed.values())


def claim_index() -> tuple[ClaimIndex, dict[str, Claim]]:
    """The matcher's index of the ledger, rebuilt only when the ledger has changed: building
    it for 10,000 claims takes about a second, and a review page asks for it each time."""
    global _cached_index
    version = ledger_version()
    if _cached_index is None or _cached_index[0] != version:
        _cached_index = (version, build_claim_index())
    return _cached_index[1]


def build_claim_index() -> tuple[ClaimIndex, dict[str, Claim]]:
    """Every claim of the ledger as the matcher sees it, and the titles of the sources filed
    under each topic, in three queries."""
    attestations = Attestation.objects.select_related("source__outlet", "claimant")
    claims = Claim.objects.select_related("topic").prefetch_related(
        Prefetch("attestations", queryset=attestations)
    )
    by_slug: dict[str, Claim] = {}
    known = []
    for claim in claims:
        by_slug[claim.slug] = claim
        stated = list(claim.attestations.all())
        known.append(
            KnownClaim(
                key=claim.slug,
                topic=claim.topic.slug,
                statement=claim.statement,
                kind=claim.kind,
                subject=claim.subject,
                unit=claim.unit,
                changes_over_time=claim.changes_over_time,
                statements=tuple(a.as_statement() for a in stated),
                quotes=tuple(a.quote for a in stated),
                entity=claim.entity,
                predicate=claim.predicate,
                qualifiers=claim.qualifier_list,
                event=claim.event,
            )
        )
    titles: dict[str, list[str]] = {}
    for topic, title in Topic.sources.through.objects.values_list("topic__slug", "source__title"):
        titles.setdefault(topic, []).append(title)
    return ClaimIndex(known, topic_titles=titles), by_slug


def review_queue(*, source: Source) -> ReviewQueue:
    candidates = source_candidates(source)
    attested = [Span(a.start, a.end) for a in source.attestations.only("start", "end")]
    dismissed = set(source.dismissals.values_list("start", "end"))
    index, claims = claim_index()
    given = list(source.topics.all())
    topics = [(t, 1.0) for t in given] or _suggested_topics(index, candidates, source)
    new_topic = not given and index.is_new_topic(candidates)
    # The source's own topics are the ones it is filed under, else the best suggestion only:
    # every topic passed counts as its own, and own-topic claims rank first. A source about a
    # new topic has none of the ledger's: every claim counts as another topic's.
    topic_slugs = [t.slug for t, _ in (topics if given else topics[:1])]
    if new_topic:
        topic_slugs = [NO_TOPIC]
    items, linked = [], 0
    for candidate in candidates:
        if (candidate.start, candidate.end) in dismissed:
            continue
        if any(span.start < candidate.end and candidate.start < span.end for span in attested):
            linked += 1
            continue
        matches = index.matches(
            candidate,
            source=str(source.pk),
            outlet=source.outlet.name,
            published=source.published_on,
            topics=topic_slugs,
            limit=SUGGESTIONS_PER_CANDIDATE,
        )
        sentence = source.text[candidate.sentence_start : candidate.sentence_end]
        offset = candidate.sentence_start
        items.append(
            QueueItem(
                candidate=candidate,
                before=sentence[: max(0, candidate.start - offset)],
                after=sentence[candidate.end - offset :]
                if candidate.end <= candidate.sentence_end
                else "",
                suggestions=[_suggestion(m, claims) for m in matches if m.claim in claims],
            )
        )
    return ReviewQueue(source, topics, bool(given), new_topic, items, linked, len(dismissed))


def _suggested_topics(
    index: ClaimIndex, candidates: list[Candidate], source: Source
) -> list[tuple[Topic, float]]:
    scored = index.suggest_topics(candidates, published=source.published_on)
    by_slug = Topic.objects.in_bulk([slug for slug, _ in scored], field_name="slug")
    return [(by_slug[slug], score) for slug, score in scored if slug in by_slug]


def _suggestion(match: Match, claims: dict[str, Claim]) -> Suggestion:
    return Suggestion(
        claims[match.claim], match.score, match.verdict_if_linked.value, match.explanation
    )


def suggestions_json(queue: ReviewQueue) -> dict[str, Any]:
    """The command-line contract of ``suggest_claims --json`` (docs/suggest-claims.md)."""
    return {
        "source": queue.source.slug,
        "topics": [topic.slug for topic, _ in queue.topics],
        "new_topic": queue.new_topic,
        "candidates": [
            {
                "quote": item.candidate.quote,
                "start": item.candidate.start,
                "end": item.candidate.end,
                "kind": item.candidate.kind,
                "value": value_to_json(item.candidate.value),
                "as_of": item.candidate.as_of.isoformat() if item.candidate.as_of else None,
                "attributed_to": item.candidate.attributed_to,
                "subject": item.candidate.subject,
                "unit": item.candidate.unit,
                "entity": item.candidate.entity,
                "predicate": item.candidate.predicate,
                "qualifiers": list(item.candidate.qualifiers),
                "parts": [
                    {"number": float(p.number) if p.number % 1 else int(p.number), "label": p.label}
                    for p in item.candidate.parts
                ],
                "matches": [
                    {
                        "claim": s.claim.slug,
                        "score": round(s.score, 4),
                        "likely": s.likely,
                        "verdict_if_linked": s.verdict_if_linked,
                        "explanation": s.explanation,
                    }
                    for s in item.suggestions
                ],
            }
            for item in queue.items
        ],
    }
