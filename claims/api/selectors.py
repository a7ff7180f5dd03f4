"""What each API response reads: every row of a page in a fixed number of queries, whatever
the number of rows (tests/api/test_queries.py holds them to it)."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from claims.models import Attestation, Claim, ClaimQuerySet, Topic
from sources.models import Source


def topics() -> QuerySet[Topic]:
    return Topic.objects.with_verdict_counts().order_by("title", "slug")


def sources(*, with_text: bool = False) -> QuerySet[Source]:
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
    return queryset if with_text else queryset.defer("text", "sketch")


def attestations() -> QuerySet[Attestation]:
    return Attestation.objects.select_related("source__outlet").defer(
        "source__text", "source__sketch"
    )


def claims() -> ClaimQuerySet:
    """Claims with their counts (``for_list``), attestations with sources and outlets, and
    the slugs of their parts."""
    return Claim.objects.for_list().prefetch_related(
        Prefetch("attestations", queryset=attestations().in_as_of_order()),
        Prefetch("parts", queryset=Claim.objects.only("slug").order_by("slug")),
    )
