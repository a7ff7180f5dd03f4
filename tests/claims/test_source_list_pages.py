"""The source list by keyset: newest first (a timed source before the date-only ones of its
day, then by title), a page at a time; each source with the claims it states, counted for the
page's own sources only."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from claims import keyset
from tests.factories import attest, make_claim, make_source, make_topic, newest_first

pytestmark = pytest.mark.django_db

ROW = re.compile(r'<li><a href="/sources/([^/"]+)/">')
LINK = re.compile(r'<a href="\?([^"]*)" rel="(next|prev)">')


def links(html: str) -> dict[str, str]:
    return {rel: "?" + query.replace("&amp;", "&") for query, rel in LINK.findall(html)}


def ledger_of_sources() -> list[str]:
    """61 sources, their slugs newest first: days with several sources, timed and not, some
    with the same title, so that every key of the sort settles some order."""
    made = []
    for n in range(61):
        day = date(2024, 1, 1 + n % 7)
        published = datetime(2024, 1, 1 + n % 7, n % 5, tzinfo=UTC) if n % 3 else day
        title = f"Story {n % 4}"
        made.append(make_source(published=published, title=title, slug=f"s-{n:02}"))
    made.sort(key=newest_first)
    return [s.slug for s in made]


def test_next_then_previous_walk_every_source_once_newest_first(client):
    expected = ledger_of_sources()

    first = client.get("/sources/").content.decode()
    assert "61 sources" in first and "Sources 1–50" in first and "prev" not in links(first)
    second = client.get("/sources/" + links(first)["next"]).content.decode()
    assert "Sources 51–61" in second and "next" not in links(second)

    walked = ROW.findall(first) + ROW.findall(second)
    assert walked == expected
    back = client.get("/sources/" + links(second)["prev"]).content.decode()
    assert ROW.findall(back) == ROW.findall(first) and "Sources 1–50" in back


def test_each_source_shows_the_claims_it_states(client):
    source = make_source("Nine officers were suspended, and two were dismissed.")
    topic = make_topic()
    attest(make_claim(topic), source, "Nine officers")
    claim = make_claim(topic)
    attest(claim, source, "two were dismissed")
    attest(claim, source, "Nine")  # a second quote of one claim: still one claim
    make_source("Nothing stated yet.")

    body = client.get("/sources/").content.decode()

    assert body.count("· 2 claims</span>") == 1 and body.count("· 0 claims</span>") == 1


def test_a_later_page_costs_the_same_queries_as_the_first(client, django_assert_num_queries):
    ledger_of_sources()
    first = client.get("/sources/").content.decode()
    # the page's sources with their outlets and claims counted, then how many sources there are
    with django_assert_num_queries(2):
        client.get("/sources/" + links(first)["next"])


def test_a_damaged_page_link_shows_the_first_page(client):
    ledger_of_sources()
    for damaged in ("not-a-cursor", keyset.Cursor(("a day", 1, "x", 1), 51).encode()):
        response = client.get("/sources/", {"cursor": damaged})
        assert response.status_code == 200 and "Sources 1–50" in response.content.decode()


def test_past_the_exact_limit_the_total_is_an_estimate(client, monkeypatch):
    monkeypatch.setattr(keyset, "EXACT_COUNT_LIMIT", 20)
    ledger_of_sources()
    assert "About 61 sources" in client.get("/sources/").content.decode()
