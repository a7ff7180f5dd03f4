"""Which stored source a new text copies: candidates looked up by anchor in the database, then
confirmed on full fingerprints (see docs/ingest.md, "Near-duplicates")."""

from __future__ import annotations

from collections import Counter
from itertools import batched

from django.db.models import Count

from sources.ingest.similarity import anchors, best_near_duplicate, fingerprint
from sources.models import Source, SourceAnchor

# Only the sources sharing the most anchors are confirmed: a copy shares about one anchor per
# eight shared shingles, while stories that merely quote the same sentence share one or two.
MAX_CANDIDATES = 8
# Anchors per query, under old SQLite's 999 parameters: one query for texts up to ~7,000 words.
LOOKUP_BATCH = 900


def find_copied_source(text: str, *, exclude: int | None = None) -> tuple[int, float] | None:
    """The primary key of the stored source ``text`` is most similar to, with the score, when it
    reaches ``NEAR_DUPLICATE`` (resemblance, or containment either way); else None.
    Reads the anchor index, then the texts of at most ``MAX_CANDIDATES`` sources."""
    fp = fingerprint(text)
    ranked = candidate_ids(anchors(fp), exclude=exclude)
    if not ranked:
        return None
    texts = dict(Source.objects.filter(pk__in=ranked).values_list("pk", "text"))
    return best_near_duplicate(fp, ((pk, fingerprint(texts[pk])) for pk in ranked if pk in texts))


def candidate_ids(
    shingles: list[int], *, exclude: int | None = None, limit: int = MAX_CANDIDATES
) -> list[int]:
    """The stored sources sharing the most of ``shingles`` (anchors), most first, ties by age.
    One indexed query per batch of anchors; a usual article needs one."""
    if not shingles:
        return []
    shared: Counter[int] = Counter()
    for batch in batched(shingles, LOOKUP_BATCH):
        rows = SourceAnchor.objects.filter(shingle__in=batch)
        if exclude is not None:
            rows = rows.exclude(source_id=exclude)
        shared.update(
            dict(rows.values("source_id").annotate(n=Count("*")).values_list("source_id", "n"))
        )
    ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
    return [pk for pk, _ in ranked[:limit]]
