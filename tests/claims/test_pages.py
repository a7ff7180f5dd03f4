"""The comparison pages on the seed corpus: what a journalist sees, and that every page is
reachable from the home page by links alone."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def body(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, url
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_every_page_is_reachable_from_the_home_page_by_links(client, seeds):
    seen, queue = set(), ["/"]
    while queue and len(seen) < 400:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        for href in re.findall(r'href="([^"#]+)', body(client, url)):
            href = href.replace("&amp;", "&")
            parts = urlsplit(href)
            if parts.netloc or href.startswith(("/admin", "/static")):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                queue.append(target)
    paths = {urlsplit(u).path for u in seen}
    assert "/claims/" in paths
    assert "/claims/officers-suspended-2025/" in paths
    assert "/topics/panorama-charing-cross-custody/" in paths
    assert "/sources/" in paths
    assert "/sources/bbc-live-2025-10-02/" in paths
    assert "/sources/compare/" in paths


def test_the_home_page_shows_the_most_contested_claims_and_latest_sources(client, seeds):
    page = body(client, "/")
    contested = page.split("Most contested claims")[1].split("Latest sources")[0]
    assert "The conduct happened" in contested or "conduct" in contested.lower()
    assert contested.index('data-verdict="differ"') < contested.index('data-verdict="updated"')
    latest = page.split("Latest sources")[1]
    assert latest.index("BBC News") < latest.index("The Guardian")


def test_the_claim_list_filters_by_outlet_and_date_range_on_the_same_source(client, seeds):
    page = body(
        client,
        reverse("claims:list"),
        outlet="the-guardian",
        published_after="2022-01-01",
    )
    assert "0 claims" in page
    page = body(
        client, reverse("claims:list"), outlet="the-guardian", published_before="2019-12-31"
    )
    results = page.split('<ul class="claims">')[1]
    assert "/claims/officers-investigated-westminster-team/" in results
    assert "Panorama investigation" not in results


def test_the_claim_list_searches_statements_and_quotes(client, seeds):
    page = body(client, reverse("claims:list"), q="onerror")
    assert "0 claims" in page
    page = body(client, reverse("claims:list"), q="Fourteen officers were investigated")
    assert "1 claim" in page
    assert "/claims/officers-investigated-westminster-team/" in page


def test_the_claim_list_sorts_by_most_sources_and_keeps_the_filters_in_the_url(client, seeds):
    page = body(client, reverse("claims:list"), topic="iopc-westminster-team", sort="sources")
    first = re.search(r'<a href="(/claims/[^"]+/)">', page.split('class="claims"')[1]).group(1)
    assert first in {
        "/claims/behaviour-disgraceful/",
        "/claims/westminster-team-disbanded/",
        "/claims/messages-homophobic-racist-sexist/",
        "/claims/sal-naseem-role/",
    }
    assert 'value="sources" selected' in page
    assert 'name="topic" value="iopc-westminster-team"' in page


def test_the_claim_page_links_each_quote_to_its_place_in_the_source(client, seeds):
    page = body(client, "/claims/officers-suspended-2025/")
    spots = re.findall(r'class="in-source" href="(/sources/[^"]+/#att-\d+)"', page)
    assert len(spots) == 3
    reader = body(client, spots[-1].split("#")[0])
    assert f'id="{spots[-1].split("#")[1]}"' in reader


def test_a_claim_that_changes_over_time_shows_a_timeline_with_a_text_alternative(client, seeds):
    page = body(client, "/claims/officers-investigated-westminster-team/")
    assert '<figure class="timeline' in page
    assert "<svg" in page
    assert "<table" in page.split('<figure class="timeline')[1]
    assert "<svg" not in body(client, "/claims/conduct-period-westminster-team/")


def test_the_claim_page_lists_related_claims_of_the_same_topic_and_subject(client, seeds):
    from claims.models import Claim

    claim = (
        Claim.objects.exclude(subject="")
        .filter(subject__in=Claim.objects.values("subject").order_by().values("subject"))
        .first()
    )
    siblings = Claim.objects.filter(topic=claim.topic, subject__iexact=claim.subject).exclude(
        pk=claim.pk
    )
    page = body(client, claim.get_absolute_url())
    for sibling in siblings:
        assert sibling.get_absolute_url() in page
    assert ("Related claims" in page) == siblings.exists()


def test_the_reader_highlights_every_attested_span_with_a_legend(client, seeds):
    from claims.models import Attestation

    page = body(client, "/sources/bbc-live-2025-10-02/")
    assert (
        page.count('class="anchor"')
        == Attestation.objects.filter(source__slug="bbc-live-2025-10-02").count()
    )
    assert (
        'data-claim="officers-suspended-2025"' in page
        or 'data-claim="staff-member-suspended-2025"' in page
    )
    assert 'class="legend"' in page
    for verdict in ("agree", "differ", "updated", "single"):
        assert f'data-verdict="{verdict}"' in page.split('class="legend"')[1].split("</section>")[0]
    assert 'class="compare-link" href="/sources/compare/?source=bbc-live-2025-10-02"' in page


def test_the_reader_lists_the_sources_claims_grouped_by_verdict(client, seeds):
    page = body(client, "/sources/independent-2025-09-30/")
    side = page.split('class="reader-side"')[1]
    groups = re.findall(r'<h3><span class="verdict verdict-(\w+)"', side)
    assert groups == ["agree", "single"]


def test_compare_puts_the_independent_and_the_bbc_side_by_side(client, seeds):
    page = body(
        client,
        reverse("claims:compare"),
        source=["independent-2025-09-30", "bbc-live-2025-10-02"],
    )
    row = page.split('data-claim="officers-suspended-2025"')[1].split("</tr>")[0]
    assert row.count('<span class="cell-value">9</span>') == 2
    assert 'data-verdict="agree"' in row
    assert "Only in <bdi>BBC News</bdi>" in page
    assert "Only in <bdi>The Independent</bdi>" in page


def test_compare_from_the_reader_preselects_the_source_without_an_error(client, seeds):
    page = body(client, reverse("claims:compare"), source="bbc-live-2025-10-02")
    assert 'value="bbc-live-2025-10-02"' in page
    assert re.search(r'value="bbc-live-2025-10-02"[^>]*checked', page)
    assert "Pick at least two" not in page


def test_compare_asks_for_two_sources_when_one_is_submitted(client, seeds):
    page = body(client, reverse("claims:compare"), source="bbc-live-2025-10-02", go="1")
    assert "Pick at least two sources to compare." in page


def test_the_topic_page_tells_the_story_source_by_source(client, seeds):
    page = body(client, "/topics/iopc-westminster-team/")
    guardian = page.index("Met police officers scrutinised")
    itv = page.index("London mayor puts Met Commissioner")
    assert guardian < itv
    itv_chapter = page[itv:].split('class="chapter"')[0]
    assert "Updated 1 claim" in itv_chapter
    assert (
        "/claims/officers-investigated-westminster-team/" in itv_chapter.split("Updated 1 claim")[1]
    )
    assert "Contradicted 1 claim" in itv_chapter
    assert (
        "/claims/conduct-period-westminster-team/" in itv_chapter.split("Contradicted 1 claim")[1]
    )


@pytest.mark.parametrize("url", ["/claims/no-such/", "/topics/no-such/", "/sources/no-such/"])
def test_unknown_pages_are_404(client, url):
    assert client.get(url).status_code == 404


def test_a_composite_claim_shows_whether_its_parts_add_up(client, seeds):
    page = body(client, "/claims/officers-under-iopc-investigation-2025/")
    sums = page.split("Do the parts add up?")[1].split("</section>")[0]
    assert "1 former officers under investigation (2025)" in sums
    assert "= 11 ✓" in sums
    guardian = body(client, "/claims/officers-investigated-westminster-team/")
    sums = guardian.split("Do the parts add up?")[1].split("</section>")[0]
    assert (
        "9 constables under IOPC investigation + 2 sergeants under IOPC investigation = 11 ✓"
        in sums
    )
    assert (
        "ITV News</strong>, as of 2 February 2022:\n      14; the parts are not all stated" in sums
    )


def test_a_part_links_to_the_total_it_belongs_to(client, seeds):
    page = body(client, "/claims/constables-investigated-2019/")
    assert 'Part of</dt><dd><a href="/claims/officers-investigated-westminster-team/">' in page


def test_a_live_page_lists_its_entries_with_their_times_and_places_in_the_text(client, seeds):
    page = body(client, reverse("claims:source", args=["bbc-live-2025-10-02"]))

    entries = page.split('<ol class="entries"')[1].split("</ol>")[0]
    assert "20 entries on this live page" in page
    assert entries.count("<li>") == 20
    first = re.search(
        r'<a href="#entry-1"><time datetime="([^"]+)">([^<]+)</time> <bdi>([^<]+)</bdi></a>',
        entries,
    )
    assert first.groups() == (
        "2025-10-02T14:14:00+01:00",
        "2 Oct, 14:14",
        "Rowley criticises behaviour of Met officers, but defends his position as chief",
    )
    # Each entry's place in the text opens its heading.
    after = page.split('<span class="place" id="entry-1"></span>')[1]
    assert after.startswith("1. Rowley criticises behaviour of Met officers")
    assert page.count('class="place"') == 20


def test_an_article_lists_no_entries(client, seeds):
    page = body(client, reverse("claims:source", args=["guardian-2019-04-30"]))
    assert 'class="entries"' not in page
    assert 'class="place"' not in page
