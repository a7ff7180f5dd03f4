"""The API's filters on the seed corpus: the claim list page's own (``ClaimFilter``), paged
and sorted as the page does, and the source list's."""

from __future__ import annotations

import pytest

from claims.models import Claim

pytestmark = pytest.mark.django_db


def results(client, url: str, **params) -> list[dict]:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()["results"]


def test_verdict_differ_returns_only_the_claims_whose_sources_differ(client, seeds):
    claims = results(client, "/api/claims/", verdict="differ")
    assert claims
    assert {c["verdict"] for c in claims} == {"differ"}
    assert len(claims) == Claim.objects.filter(verdict="differ").count()


def test_it_filters_claims_by_topic_and_kind(client, seeds):
    claims = results(client, "/api/claims/", topic="iopc-westminster-team", kind="date")
    assert claims
    assert {(c["topic"], c["kind"]) for c in claims} == {("iopc-westminster-team", "date")}
    assert (
        len(claims)
        == Claim.objects.filter(topic__slug="iopc-westminster-team", kind="date").count()
    )


def test_it_filters_claims_by_outlet_and_dates_of_the_same_source(client, seeds):
    guardian = results(client, "/api/claims/", outlet="the-guardian")
    assert guardian
    assert all("The Guardian" in {a["outlet"] for a in c["attestations"]} for c in guardian)
    assert (
        results(client, "/api/claims/", outlet="the-guardian", published_after="2022-01-01") == []
    )
    slugs = {c["slug"] for c in results(client, "/api/claims/", published_before="2019-12-31")}
    assert "officers-investigated-westminster-team" in slugs
    assert "officers-suspended-2025" not in slugs


def test_it_filters_claims_by_source(client, seeds):
    claims = results(client, "/api/claims/", source="itv-2022-02-02")
    assert claims
    assert all("itv-2022-02-02" in {a["source"] for a in c["attestations"]} for c in claims)


def test_q_searches_statements_and_quotes(client, seeds):
    assert results(client, "/api/claims/", q="onerror") == []
    by_quote = results(client, "/api/claims/", q="at the centre of the claims have been suspended")
    assert [c["slug"] for c in by_quote] == ["officers-suspended-2025"]


def test_claims_are_paged_fifty_at_a_time_with_cursor_links(client, seeds):
    first = client.get("/api/claims/", {"verdict": ""}).json()
    total = Claim.objects.count()
    assert total > 50
    assert first["count"] == total and first["count_is_exact"]
    assert len(first["results"]) == 50
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/claims/?")
    assert "cursor=" in first["next"] and "verdict=" in first["next"]  # the filters are kept
    second = client.get(first["next"]).json()
    assert len(second["results"]) == total - 50
    assert second["next"] is None
    slugs = [c["slug"] for c in first["results"] + second["results"]]
    assert len(set(slugs)) == total  # a stable order: nothing twice, nothing left out
    back = client.get(second["previous"]).json()
    assert [c["slug"] for c in back["results"]] == [c["slug"] for c in first["results"]]
    assert back["previous"] is None


def test_the_default_sort_puts_contested_claims_first(client, seeds):
    verdicts = [c["verdict"] for c in results(client, "/api/claims/")]
    rank = {"differ": 0, "updated": 1, "agree": 2, "single": 3, None: 4}
    assert verdicts[0] == "differ"
    assert [rank[v] for v in verdicts] == sorted(rank[v] for v in verdicts)


def test_it_sorts_claims_by_sources_and_by_newest_source(client, seeds):
    counts = [c["source_count"] for c in results(client, "/api/claims/", sort="sources")]
    assert counts == sorted(counts, reverse=True)
    newest = results(client, "/api/claims/", sort="newest")
    assert "bbc-live-2025-10-02" in {a["source"] for a in newest[0]["attestations"]}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"verdict": "maybe"}, "verdict"),
        ({"topic": "no-such-topic"}, "topic"),
        ({"published_after": "last week"}, "published_after"),
        ({"sort": "random"}, "sort"),
    ],
)
def test_an_invalid_filter_is_a_400_naming_it(client, seeds, params, field):
    response = client.get("/api/claims/", params)
    assert response.status_code == 400
    assert field in response.json()


def test_it_filters_sources_by_outlet_kind_and_dates(client, seeds):
    assert [s["slug"] for s in results(client, "/api/sources/", outlet="itv-news")] == [
        "itv-2022-02-02"
    ]
    assert [s["slug"] for s in results(client, "/api/sources/", kind="live_page")] == [
        "bbc-live-2025-10-02"
    ]
    slugs = [
        s["slug"]
        for s in results(
            client, "/api/sources/", published_after="2022-01-01", published_before="2022-12-31"
        )
    ]
    assert slugs == ["itv-2022-02-02", "attitude-2022-02-01"]


def test_it_filters_sources_by_topic(client, seeds):
    slugs = {s["slug"] for s in results(client, "/api/sources/", topic="iopc-westminster-team")}
    assert "guardian-2019-04-30" in slugs
    assert "bbc-live-2025-10-02" not in slugs
    response = client.get("/api/sources/", {"topic": "no-such-topic"})
    assert response.status_code == 400
