"""The topic index and the API's index page: reachable, paged, linked."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from claims.views.indexes import TOPICS_PER_PAGE
from tests.factories import attest, make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db

TOPIC = re.compile(r'<th scope="row"><a href="/topics/([^/"]+)/"')


def link(html: str, rel: str) -> str:
    found = re.search(rf'href="\?([^"]*)" rel="{rel}"', html)
    assert found, f"no {rel} link"
    return "?" + found[1].replace("&amp;", "&")


@pytest.fixture(params=["anonymous", "reader", "editor"])
def visitor(request, client):
    if request.param != "anonymous":
        client.force_login(request.getfixturevalue(request.param))
    return client


def test_the_topic_index_lists_each_topic_with_its_claims_counted_by_verdict(visitor):
    topic = make_topic("panorama", title="Panorama investigation")
    attest(make_claim(topic), make_source("Nine officers."), "Nine officers")
    make_claim(topic)
    make_topic("empty", title="A topic with no claims")

    response = visitor.get("/topics/")

    assert response.status_code == 200
    body = response.content.decode()
    assert '<a href="/topics/panorama/" dir="auto">Panorama investigation</a>' in body
    assert 'aria-label="All 2 claims of Panorama investigation">2</a>' in body
    assert 'aria-label="1 from a single source">1</a>' in body
    assert 'aria-label="All 0 claims of A topic with no claims">0</a>' in body
    assert reverse("claims:topics") == "/topics/"


def test_the_topic_index_comes_a_page_at_a_time_by_cursor(client):
    for n in reversed(range(TOPICS_PER_PAGE + 1)):
        make_topic(f"topic-{n:03}", title=f"Topic {n:03}")

    first = client.get("/topics/").content.decode()
    assert first.count('<th scope="row">') == TOPICS_PER_PAGE
    assert "51 topics" in first and "Topics 1–50" in first and 'rel="prev"' not in first
    second = client.get("/topics/" + link(first, "next")).content.decode()

    assert second.count('<th scope="row">') == 1 and "Topics 51–51" in second
    walked = TOPIC.findall(first) + TOPIC.findall(second)
    assert walked == [f"topic-{n:03}" for n in range(TOPICS_PER_PAGE + 1)]  # by title, once
    assert 'rel="next"' not in second
    back = client.get("/topics/" + link(second, "prev")).content.decode()
    assert TOPIC.findall(back) == TOPIC.findall(first)


@pytest.mark.parametrize("n", [3, 60])
def test_the_topic_index_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against counting each topic's claims one by one, or loading every topic."""
    for i in range(n):
        attest(make_claim(make_topic()), make_source(f"Text {i}: nine."), "nine")
    # the page's topics with their claims counted, then how many topics there are
    with django_assert_max_num_queries(2):
        response = client.get("/topics/")
    assert response.content.decode().count('<th scope="row">') == min(n, TOPICS_PER_PAGE)


def test_the_api_index_links_to_every_list_and_the_documentation(visitor):
    response = visitor.get("/api/")

    assert response.status_code == 200
    body = response.content.decode()
    for path in ("/api/topics/", "/api/claims/", "/api/sources/", "/api/claimants/"):
        assert f'<a href="{path}">' in body
        assert visitor.get(path).status_code == 200
    for path in ("/api/docs/", "/api/schema/"):
        assert f'<a href="{path}">' in body
    assert reverse("claims:api_index") == "/api/"


def test_the_api_index_answers_json_to_a_client_that_asks_for_it(client):
    response = client.get("/api/", headers={"Accept": "application/json"})

    assert response["Content-Type"] == "application/json"
    assert response.json()["claims"] == "http://testserver/api/claims/"
    assert response.json()["schema"] == "http://testserver/api/schema/"
