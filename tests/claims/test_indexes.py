"""The topic index and the API's index page: reachable, paged, linked."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.views.indexes import TOPICS_PER_PAGE
from tests.factories import attest, make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db


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


def test_the_topic_index_comes_a_page_at_a_time(client):
    for n in range(TOPICS_PER_PAGE + 1):
        make_topic(f"topic-{n:03}", title=f"Topic {n:03}")

    first = client.get("/topics/").content.decode()
    second = client.get("/topics/", {"page": 2}).content.decode()

    assert first.count('<th scope="row">') == TOPICS_PER_PAGE
    assert "Page 1 of 2" in first and 'href="?page=2" rel="next"' in first
    assert second.count('<th scope="row">') == 1 and "Topic 050" in second


@pytest.mark.parametrize("n", [3, 60])
def test_the_topic_index_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against counting each topic's claims one by one, or loading every topic."""
    for i in range(n):
        attest(make_claim(make_topic()), make_source(f"Text {i}: nine."), "nine")
    # the count, the page's topics, then their claims counted
    with django_assert_max_num_queries(3):
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
