"""The minimal public pages, as anonymous, reader and editor, with fixed query budgets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from claims.models import Claim
from claims.rules.values import Quantity
from tests.factories import attest, make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db


def claim_with_sources(n: int, topic=None) -> Claim:
    """A claim stated by ``n`` sources of different outlets, all agreeing on 9."""
    claim = make_claim(topic, statement="Nine officers were suspended", changes_over_time=True)
    for i in range(n):
        source = make_source(
            f"Report {i} on {claim.slug}: nine officers were suspended.",
            outlet=f"Outlet {i}",
            published=date(2025, 10, 1) + timedelta(days=i),
        )
        attest(claim, source, "nine officers", Quantity(9), refresh=False)
    claim.refresh_verdict()
    return claim


@pytest.mark.parametrize("who", ["client", "reader_client", "editor_client"])
def test_the_home_page_lists_topics_with_claim_counts_per_verdict(request, who):
    client = request.getfixturevalue(who)
    topic = make_topic(title="The Panorama investigation")
    claim_with_sources(2, topic)
    make_claim(topic)
    body = client.get(reverse("claims:home")).content.decode()
    assert "The Panorama investigation" in body
    assert (
        f'href="/claims/?topic={topic.slug}&amp;verdict=agree" aria-label="1 agreed">1</a>' in body
    )


def test_the_claim_list_filters_by_topic_and_verdict(client):
    agreed = claim_with_sources(2)
    lonely = make_claim(agreed.topic, statement="Only one paper says so")
    attest(lonely, make_source("Only this."), "Only this", Quantity(1))
    response = client.get(reverse("claims:list"), {"verdict": "agree"})
    body = response.content.decode()
    assert "Nine officers were suspended" in body
    assert "Only one paper says so" not in body
    assert "1 claim" in body


def test_the_claim_page_shows_the_verdict_and_every_attestation_in_as_of_order(client):
    claim = claim_with_sources(3)
    body = client.get(claim.get_absolute_url()).content.decode()
    assert "verdict-agree" in body
    assert "Outlet 0 (1 October 2025), Outlet 1 (2 October 2025) and Outlet 2" in body
    listed = body.split('class="attestations"')[1]
    assert listed.index("Outlet 0<") < listed.index("Outlet 1<") < listed.index("Outlet 2<")
    assert "<mark>nine officers</mark>" in body


def test_source_text_is_escaped_on_the_claim_page_and_the_source_page(client):
    claim = make_claim()
    source = make_source('Nine <script>alert(1)</script> "><img src=x onerror=alert(1)> officers')
    attest(claim, source, "<script>alert(1)</script>", Quantity(9))
    for url in (claim.get_absolute_url(), source.get_absolute_url()):
        body = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        assert "<img src=x" not in body


def test_an_unknown_claim_is_a_404(client):
    assert client.get(reverse("claims:detail", args=["no-such-claim"])).status_code == 404


def test_public_pages_refuse_writes(client):
    assert client.post(reverse("claims:list")).status_code == 405


@pytest.mark.parametrize("n", [3, 50])
def test_the_claim_page_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against reading each attestation's source and outlet in the template loop."""
    claim = claim_with_sources(n)
    for _ in range(n):  # related claims, listed on the page too
        make_claim(claim.topic, subject=claim.subject or "officers suspended")
    claim.subject = "officers suspended"
    claim.save()
    claim.parts.set(claim_with_sources(2, claim.topic) for _ in range(n))  # parts, with sources
    # The claim, its attestations, related claims, parts, their attestations, totals, and
    # two counts for the revision number the citation names.
    with django_assert_max_num_queries(8):
        response = client.get(claim.get_absolute_url())
    body = response.content.decode()
    assert body.count('class="sum ') == n  # one sum per source of the total
    assert body.count('<blockquote dir="auto">') == n
    assert body.count("<svg") == 1
    assert body.split("Related claims")[1].count("<li>") == n


@pytest.mark.parametrize("n", [3, 50])
def test_the_claim_list_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against a query per claim for its topic or source count."""
    topic = make_topic()
    for _ in range(n):
        claim_with_sources(2, topic)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("claims:list"))
    assert response.content.decode().count('class="verdict verdict-agree"') == n


@pytest.mark.parametrize("n", [3, 50])
def test_the_home_page_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    for i in range(n):
        claim_with_sources(1, make_topic(title=f"Topic {i}"))
    # the topics' count, the page's topics, their claims counted, the contested, the latest
    with django_assert_max_num_queries(5):
        response = client.get(reverse("claims:home"))
    page = response.content.decode()
    assert page.count('<th scope="row">') == min(n, 20)  # the rest are on /topics/
    assert (f"All {n} topics" in page) == (n > 20)


@pytest.mark.parametrize("n", [3, 50])
def test_the_reader_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against reading each highlight's claim in the loop that builds the markup."""
    source = make_source(" ".join(f"Sentence {i} is here." for i in range(n)))
    for i in range(n):
        claim = make_claim(changes_over_time=True)
        attest(claim, source, f"Sentence {i} is", Quantity(i))
    with django_assert_max_num_queries(3):  # the source, its attestations, its entries
        response = client.get(source.get_absolute_url())
    assert response.content.decode().count('class="anchor"') == n


@pytest.mark.parametrize("n", [3, 50])
def test_a_live_pages_reader_has_the_same_budget(client, django_assert_max_num_queries, n):
    """Guards against a query per entry of a live page."""
    text = "\n".join(
        f"Update {i}published at 10:{i:02d} BST 2 October\nStory {i}." for i in range(n)
    )
    source = make_source(text, published=date(2025, 10, 2))
    assert source.entries.count() == n
    with django_assert_max_num_queries(3):
        response = client.get(source.get_absolute_url())
    assert response.content.decode().count('class="place"') == n


@pytest.mark.parametrize("n", [3, 60])
def test_the_source_list_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    for i in range(n):
        make_source(f"Source text {i}.", outlet=f"Outlet {i}")
    # the page's sources with their outlets and claims counted, then how many sources there are
    with django_assert_max_num_queries(2):
        response = client.get(reverse("claims:sources"))
    assert response.content.decode().count('<li><a href="/sources/') == min(n, 50)


@pytest.mark.parametrize("n", [3, 50])
def test_the_topic_page_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    """Guards against a query per source or per claim while telling the story, and against
    reading every source's whole text for a page that shows none of them."""
    topic = make_topic()
    for _ in range(3):
        claim_with_sources(n, topic)
    with django_assert_max_num_queries(4) as queries:
        response = client.get(topic.get_absolute_url())
    assert response.content.decode().count('class="chapter"') == 3 * n
    assert not [q for q in queries.captured_queries if '"sources_source"."text"' in q["sql"]]


@pytest.mark.parametrize("n", [3, 50])
def test_the_compare_page_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    topic = make_topic()
    first = make_source("The first source: nine officers.", outlet="First")
    second = make_source("The second source: nine officers.", outlet="Second")
    for _ in range(n):
        claim = make_claim(topic)
        attest(claim, first, "nine officers", Quantity(9))
        attest(claim, second, "nine officers", Quantity(9))
    with django_assert_max_num_queries(3):
        response = client.get(reverse("claims:compare"), {"source": [first.slug, second.slug]})
    assert response.content.decode().count("<tr data-claim=") == n


def test_the_claim_page_marks_context_as_cut_only_where_the_sentence_goes_on(client):
    claim = make_claim()
    whole = make_source("Nine officers were suspended.\nA new paragraph follows.")
    long = make_source(
        "An opening clause that runs on and on and on for many words, " * 2 + "nine officers x."
    )
    attest(claim, whole, "Nine officers", Quantity(9))
    attest(claim, long, "nine officers", Quantity(9))
    page = client.get(claim.get_absolute_url()).content.decode()
    quotes = page.split('<blockquote dir="auto">')[1:]
    shown = sorted(q.split("</blockquote>")[0] for q in quotes)
    assert shown[0] == "<mark>Nine officers</mark> were suspended."
    assert shown[1].startswith("…") and shown[1].endswith("<mark>nine officers</mark> x.")
