"""The review queue: what the finder sees in a source, and which existing claims each
candidate most likely states. The writes an editor's click makes are in ``claims.services``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef

from claims import match_store
from claims.finder import Candidate
from claims.finder.candidates import candidate_from_json
from claims.matching import LIKELY, ClaimIndex, Match
from claims.models import Attestation, Claim, DismissedCandidate, Topic
from claims.readings import Reading
from claims.review.reading import reading_now
from claims.rules.counted import Counted
from claims.rules.values import describe, typed_value, value_to_json
from sources.models import Source

SUGGESTIONS_PER_CANDIDATE = 3
NO_TOPIC = ""  # the topic of a source about none of the ledger's
# Suggestions per page of the queue: each is matched against the ledger, so a page's work is
# bounded however long the source is.
PAGE_SIZE = 25
TOPIC_EVIDENCE = 100  # candidates the topic is suggested from


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
    items: list[QueueItem]  # this page's
    linked: int  # candidates left out because an attestation already covers them
    dismissed: int
    page: int = 1
    pages: int = 1
    per_page: int = PAGE_SIZE
    pending: int = 0  # suggestions left to review, on every page
    # what editors already did here, shown on asking so that each can be undone
    curated_links: list[Attestation] = field(default_factory=list)
    curated_dismissals: list[DismissedCandidate] = field(default_factory=list)

    @property
    def first_number(self) -> int:
        """The number the page's first suggestion has in the whole queue."""
        return (self.page - 1) * self.per_page + 1


def review_queue(
    *,
    source: Source,
    reading: Reading | None = None,
    page: int = 1,
    after: int | None = None,
    curated: bool = False,
    per_page: int | None = PAGE_SIZE,
) -> ReviewQueue:
    """A page of the queue: ``page``, or the one holding the first suggestion past ``after``
    (where an editor's action leaves off); with ``curated``, also the source's links and
    dismissals, to undo. ``per_page=None``: every suggestion on one page. ``reading``: the
    source's, done, when the caller has it (else it is read here, however long).

    Only the page's candidates are loaded: what is pending, linked or dismissed is counted by
    the database, so a page costs the same for a text of 2 KB or 5 MB."""
    reading = reading or reading_now(source)
    found = reading.found.all()
    linked_here = Exists(
        Attestation.objects.filter(
            source=source, start__lt=OuterRef("end"), end__gt=OuterRef("start")
        )
    )
    dismissed_here = Exists(
        DismissedCandidate.objects.filter(
            source=source, start=OuterRef("start"), end=OuterRef("end")
        )
    )
    undismissed = found.exclude(dismissed_here)
    pending = undismissed.exclude(linked_here).order_by("position")
    pending_count = pending.count()
    size = per_page or max(1, pending_count)
    pages = max(1, -(-pending_count // size))
    if after is not None:
        following = pending.filter(end__gt=after).values_list("position", flat=True).first()
        before = pending.filter(position__lt=following) if following is not None else pending
        page = max(before.count() - (following is None), 0) // size + 1
    page = min(max(page, 1), pages)
    shown = [candidate_from_json(f.data) for f in pending[(page - 1) * size : page * size]]
    given = list(source.topics.all())
    # a story's topic shows in its first figures: reading all of a long text's would cost
    # time in proportion to its length and say no more
    evidence = [
        candidate_from_json(data)
        for data in found.order_by("position").values_list("data", flat=True)[:TOPIC_EVIDENCE]
    ]
    with match_store.index_lock:
        index = match_store.claim_index()
        topics = [(t, 1.0) for t in given] or _suggested_topics(index, evidence, source)
        new_topic = not given and index.is_new_topic(evidence)
        # The source's own topics are the ones it is filed under, else the best suggestion
        # only: every topic passed counts as its own, and own-topic claims rank first. A source
        # about a new topic has none of the ledger's: every claim counts as another topic's.
        topic_keys = [str(t.pk) for t, _ in (topics if given else topics[:1])]
        if new_topic:
            topic_keys = [NO_TOPIC]
        index.prepare_for(shown, published=source.published_on, topics=topic_keys)
        found_matches = [
            index.matches(
                candidate,
                source=str(source.pk),
                outlet=source.outlet.name,
                published=source.published_on,
                topics=topic_keys,
                limit=SUGGESTIONS_PER_CANDIDATE,
            )
            for candidate in shown
        ]
    slugs = {match.claim for matches in found_matches for match in matches}
    claims = Claim.objects.select_related("topic").in_bulk(slugs, field_name="slug")
    items = []
    for candidate, matches in zip(shown, found_matches, strict=True):
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
    return ReviewQueue(
        source,
        topics,
        bool(given),
        new_topic,
        items,
        undismissed.filter(linked_here).count(),
        source.dismissals.count(),
        page=page,
        pages=pages,
        per_page=size,
        pending=pending_count,
        curated_links=list(
            source.attestations.select_related("claim", "claimant").order_by("start")
        )
        if curated
        else [],
        curated_dismissals=list(source.dismissals.order_by("start")) if curated else [],
    )


def _suggested_topics(
    index: ClaimIndex, candidates: list[Candidate], source: Source
) -> list[tuple[Topic, float]]:
    scored = index.suggest_topics(candidates, published=source.published_on)
    by_pk = Topic.objects.in_bulk([int(pk) for pk, _ in scored])
    return [(by_pk[int(pk)], score) for pk, score in scored if int(pk) in by_pk]


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
