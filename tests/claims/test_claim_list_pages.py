"""The claim list pages by keyset: each page's links carry where the next or previous page
starts, so a later page costs what the first does; the total is counted in bounded work."""

from __future__ import annotations

import re

import pytest

from claims import keyset
from claims.models import Claim

pytestmark = pytest.mark.django_db

ROW = re.compile(r'<a href="/claims/([^/"]+)/"><bdi>')
LINK = re.compile(r'<a href="\?([^"]*)" rel="(next|prev)">')


def slugs(html: str) -> list[str]:
    return ROW.findall(html)


def links(html: str) -> dict[str, str]:
    return {rel: "?" + query.replace("&amp;", "&") for query, rel in LINK.findall(html)}


@pytest.mark.parametrize("sort", ["contested", "newest", "sources"])
def test_next_then_previous_walk_every_claim_once_in_order(client, seeds, sort):
    total = Claim.objects.count()
    first = client.get("/claims/", {"sort": sort}).content.decode()
    assert f"{total} claims" in first and "Claims 1–50" in first
    assert "prev" not in links(first)

    second = client.get("/claims/" + links(first)["next"]).content.decode()
    assert f"Claims 51–{total}" in second and "next" not in links(second)
    walked = slugs(first) + slugs(second)
    assert len(walked) == len(set(walked)) == total

    expected = list(Claim.objects.for_list().sorted_by(sort).values_list("slug", flat=True))
    assert walked == expected
    back = client.get("/claims/" + links(second)["prev"]).content.decode()
    assert slugs(back) == slugs(first) and "Claims 1–50" in back


def test_the_filters_stay_on_the_page_links(client, seeds):
    query = {"published_after": "2019-01-01", "sort": "newest"}
    first = client.get("/claims/", query).content.decode()
    assert "published_after=2019-01-01" in links(first)["next"]
    assert "sort=newest" in links(first)["next"]


def test_a_damaged_page_link_shows_the_first_page(client, seeds):
    response = client.get("/claims/", {"cursor": "not-a-cursor"})
    assert response.status_code == 200
    assert "Claims 1–50" in response.content.decode()


def test_a_later_page_costs_the_same_queries_as_the_first(client, seeds, django_assert_num_queries):
    first = client.get("/claims/").content.decode()
    with django_assert_num_queries(2):  # the page's claims with their topics, the total
        client.get("/claims/" + links(first)["next"])


def test_past_the_exact_limit_the_total_is_an_estimate_kept_for_minutes(client, seeds, monkeypatch):
    monkeypatch.setattr(keyset, "EXACT_COUNT_LIMIT", 20)
    total = Claim.objects.count()
    page = client.get("/claims/").content.decode()
    assert f"About {total} claims" in page

    Claim.objects.first().delete()  # the kept count is not made again at once
    assert f"About {total} claims" in client.get("/claims/").content.decode()


def test_a_kept_estimate_spares_the_count_on_later_pages(
    client, seeds, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(keyset, "EXACT_COUNT_LIMIT", 20)
    first = client.get("/claims/").content.decode()
    with django_assert_num_queries(1):  # the page's claims with their topics: no count
        later = client.get("/claims/" + links(first)["next"]).content.decode()
    assert f"About {Claim.objects.count()} claims" in later


# the kept count's key is made from the filters: a long one must still fit every cache (the
# database cache's keys are at most 255 characters; Django warns past 250)
@pytest.mark.filterwarnings("error::django.core.cache.backends.base.CacheKeyWarning")
def test_a_long_search_past_the_exact_limit_keeps_its_estimate(client, seeds, monkeypatch):
    monkeypatch.setattr(keyset, "EXACT_COUNT_LIMIT", 0)
    words = " OR ".join(["suspended"] * 40)
    page = client.get("/claims/", {"q": words, "topic": "", "sort": "newest"})
    assert page.status_code == 200
    assert "About " in page.content.decode()
