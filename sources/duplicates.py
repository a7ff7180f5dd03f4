"""Which stored source a new text copies: candidates looked up by anchor in the database, then
confirmed on full fingerprints (see docs/ingest.md, "Near-duplicates")."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from sources.ingest.similarity import anchors, best_near_duplicate, fingerprint
from sources.models import Source, SourceAnchor

# A text's anchors looked up at most (its smallest, a uniform sample of them): one query with
# fewer parameters than old SQLite's 999, enough for texts of ~7,000 words and a fair sample
# beyond.
LOOKUP_LIMIT = 900
# The sources sharing the most anchors, then the most plausible of them, whose texts are read.
RANKED = 32
MAX_CANDIDATES = 8
# A copy shares about 80% or more of the smaller text's anchors; stories that only share stock
# phrases or a quotation share a few. Half, less one for chance, keeps the real copies.
MIN_SHARE = 0.5


@dataclass(frozen=True)
class Candidate:
    source_id: int
    shared: int  # anchors shared with the new text
    smaller: float  # anchors the smaller of the two texts has, among those looked up

    @property
    def plausible(self) -> bool:
        return self.shared + 1 >= MIN_SHARE * self.smaller

    @property
    def share(self) -> float:
        return self.shared / max(self.smaller, 1.0)


def find_copied_source(text: str, *, exclude: int | None = None) -> tuple[int, float] | None:
    """The primary key of the stored source ``text`` is most similar to, with the score, when it
    reaches ``NEAR_DUPLICATE`` (resemblance, or containment either way); else None.
    A few queries whatever the number of stored sources; reads at most ``MAX_CANDIDATES`` texts."""
    fp = fingerprint(text)
    ids = candidate_ids(anchors(fp), exclude=exclude)
    if not ids:
        return None
    texts = dict(Source.objects.filter(pk__in=ids).values_list("pk", "text"))
    return best_near_duplicate(fp, ((pk, fingerprint(texts[pk])) for pk in ids if pk in texts))


def candidate_ids(
    shingles: list[int], *, exclude: int | None = None, limit: int = MAX_CANDIDATES
) -> list[int]:
    """The stored sources that may be copies of, or contain, the text with anchors
    ``shingles``: most plausible first. Two indexed queries."""
    looked_up = shingles[:LOOKUP_LIMIT]  # ascending, so the smallest: a uniform sample
    if not looked_up:
        return []
    rows = SourceAnchor.objects.filter(shingle__in=looked_up)
    if exclude is not None:
        rows = rows.exclude(source_id=exclude)
    shared = dict(
        rows.values("source_id")
        .annotate(shared=Count("*"))
        .order_by("-shared", "source_id")
        .values_list("source_id", "shared")[:RANKED]
    )
    totals = dict(
        SourceAnchor.objects.filter(source_id__in=shared)
        .values("source_id")
        .annotate(total=Count("*"))
        .values_list("source_id", "total")
    )
    # A stored text's anchors are matched at the rate the new text's were looked up.
    rate = len(looked_up) / len(shingles)
    candidates = [
        Candidate(pk, n, min(len(looked_up), totals.get(pk, 0) * rate)) for pk, n in shared.items()
    ]
    plausible = sorted(
        (c for c in candidates if c.plausible), key=lambda c: (-c.share, -c.shared, c.source_id)
    )
    return [c.source_id for c in plausible[:limit]]
