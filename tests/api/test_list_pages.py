"""The API's lists of sources, topics and claimants by keyset, as the claim list: ``next``
walks every row once in the list's order, ``previous`` walks back, a later page costs the
queries the first does, and a page number is refused rather than ignored."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from claims import services
from tests.factories import make_source, make_topic, newest_first

pytestmark = pytest.mark.django_db

ROWS = 61  # two pages of 50


def sources() -> list[str]:
    made = []
    for n in range(ROWS):
        day = date(2024, 3, 1 + n % 6)
        published = datetime(2024, 3, 1 + n % 6, n % 4, tzinfo=UTC) if n % 3 else day
        made.append(make_source(published=published, title=f"Report {n % 5}", slug=f"s-{n:02}"))
    return [source.slug for source in sorted(made, key=newest_first)]


def topics() -> list[str]:
    for n in reversed(range(ROWS)):
        make_topic(f"topic-{n:02}", title=f"Topic {n // 2:02}")  # pairs of equal titles
    return [f"topic-{n:02}" for n in range(ROWS)]  # by title, then slug


def claimants() -> list[str]:
    for n in reversed(range(ROWS)):
        services.claimant_create(name=f"Spokesperson {n:02}", aliases=[])
    return [f"spokesperson-{n:02}" for n in range(ROWS)]


LISTS = [("/api/sources/", sources), ("/api/topics/", topics), ("/api/claimants/", claimants)]


def walk(client, url: str, key: str) -> list[str]:
    page = client.get(url).json()
    walked = [row["slug"] for row in page["results"]]
    while page[key]:
        page = client.get(page[key]).json()
        walked += [row["slug"] for row in page["results"]]
    return walked


@pytest.mark.parametrize(("url", "make"), LISTS)
def test_next_walks_every_row_once_in_order_and_previous_walks_back(client, url, make):
    expected = make()

    first = client.get(url).json()
    assert first["count"] == ROWS and first["count_is_exact"] and first["previous"] is None
    assert walk(client, url, "next") == expected
    second = client.get(first["next"]).json()
    assert [row["slug"] for row in second["results"]] == expected[50:]
    back = client.get(second["previous"]).json()
    assert back["results"] == first["results"] and back["previous"] is None


# the count, the page, and its prefetches: sources' filed and stated topics, claimants' names
# each with the anonymous rate limit's count (one statement, accounts/limits.py)
BUDGETS = {"/api/sources/": 5, "/api/topics/": 3, "/api/claimants/": 4}


@pytest.mark.parametrize(("url", "make"), LISTS)
def test_a_later_page_costs_what_the_first_does(client, url, make, django_assert_num_queries):
    make()
    with django_assert_num_queries(BUDGETS[url]):
        first = client.get(url).json()
    with django_assert_num_queries(BUDGETS[url]):
        assert client.get(first["next"]).status_code == 200


@pytest.mark.parametrize("url", ["/api/sources/", "/api/claimants/"])
def test_a_page_number_is_refused_not_ignored(client, url):
    response = client.get(url, {"page": 2})
    assert response.status_code == 400
    assert "cursor" in response.json()["page"][0]


@pytest.mark.parametrize("url", ["/api/sources/", "/api/topics/", "/api/claimants/"])
def test_a_damaged_cursor_is_a_404(client, url):
    assert client.get(url, {"cursor": "not-a-cursor"}).status_code == 404
