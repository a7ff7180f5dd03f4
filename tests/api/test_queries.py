"""Query budgets: each list endpoint costs the same number of queries for 3 rows as for 50."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from claims import services
from claims.rules.values import Quantity
from tests.factories import attest, make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db

SIZES = [3, 50]


def queries(client, url: str, budget: int, assert_max) -> int:
    """The queries one anonymous GET of ``url`` makes, failing beyond ``budget``: each counts
    the request against the anonymous rate limit (one statement, accounts/limits.py)."""
    with assert_max(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("n", SIZES)
def test_the_topic_list_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against a COUNT per topic and verdict: the counts are annotations."""
    for i in range(n):
        topic = make_topic(f"topic-{i}")
        for j in range(2):
            claim = make_claim(topic)
            source = make_source(f"Topic {i}: {j} officers were suspended.")
            attest(claim, source, f"{j} officers", Quantity(j))
    used = queries(client, "/api/topics/", 3, django_assert_max_num_queries)
    assert used == 3  # the page's count, the topics with their counts, the rate limit's count


@pytest.mark.parametrize("n", SIZES)
def test_the_source_list_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against a query per source for its outlet, its original (``copy_of``), the
    topics it is filed under and the topics of the claims it states."""
    topic, other = make_topic(), make_topic()
    claim = make_claim(topic)
    original = None
    for i in range(n):
        source = make_source(
            f"Report {i}: nine officers were suspended.",
            outlet=f"Outlet {i % 7}",
            published=date(2025, 1, 1) + timedelta(days=i),
            copy_of=original,
        )
        source.topics.add(other)
        attest(claim, source, "nine officers", Quantity(9), refresh=False)
        original = original or source
    used = queries(client, "/api/sources/", 5, django_assert_max_num_queries)
    assert (
        used == 5
    )  # count, sources with outlets, filed topics, stated topics, the rate limit's count


@pytest.mark.parametrize("n", SIZES)
def test_the_claim_list_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against a query per claim for its topic, counts, parts and attestations, and
    per attestation for its source and outlet."""
    topic = make_topic()
    sources = [
        make_source(f"Outlet {i} says nine officers were suspended.", outlet=f"Outlet {i}")
        for i in range(3)
    ]
    previous = None
    for _ in range(n):
        claim = make_claim(topic, changes_over_time=True)
        for source in sources:  # several attestations each, from several outlets
            attest(claim, source, "nine officers", Quantity(9), refresh=False)
        claim.refresh_verdict()
        if previous is not None:
            claim.parts.add(previous)
        previous = claim
    used = queries(client, "/api/claims/", 5, django_assert_max_num_queries)
    assert (
        used == 5
    )  # count, claims with topics and counts, attestations, parts, the rate limit's count


@pytest.mark.parametrize("n", SIZES)
def test_the_claim_detail_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against a query per attestation for its source and outlet."""
    claim = make_claim(make_topic(), changes_over_time=True)
    for i in range(n):
        source = make_source(f"Outlet {i} says nine officers were suspended.", outlet=f"O{i}")
        attest(claim, source, "nine officers", Quantity(9), refresh=False)
    used = queries(client, f"/api/claims/{claim.slug}/", 4, django_assert_max_num_queries)
    assert (
        used == 4
    )  # the claim with its topic and counts, attestations, parts, the rate limit's count


@pytest.mark.parametrize("n", SIZES)
def test_the_claimant_list_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against a query per claimant for its names or its count of attestations."""
    claim = make_claim(make_topic())
    source = make_source(" ".join(f"Spokesperson {i} said {i} officers." for i in range(n)))
    for i in range(n):
        spokesperson = services.claimant_create(
            name=f"Spokesperson {i}", aliases=[f"the force's spokesperson {i}"]
        )
        quote = f"Spokesperson {i} said {i} officers"
        attest(claim, source, quote, Quantity(i), claimant=spokesperson, refresh=False)
    used = queries(client, "/api/claimants/", 4, django_assert_max_num_queries)
    assert used == 4  # count, claimants with their counts, names, the rate limit's count
