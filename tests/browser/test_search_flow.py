"""Searching, as a reader does, on a phone (390 px) and a laptop: a query typed in the header's
box, highlighted matches in claims and source texts, the query syntax (a "phrase" in quotes,
OR, -word, other forms of a word), and a result followed to its page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.test_flows import follow, visit
from tests.browser.test_phone import assert_fits
from tests.factories import attest, make_claim, make_source, make_topic

BRIDGE = (
    "Engineers began an investigation of the harbour bridge after cracked bearings were "
    "found. The council said the bridge would stay closed for six weeks."
)
CROSSING = "The river crossing was closed again on Monday, after a two-week closure in spring."
STORM = "Forecasters warned of flooding along the coast, while inland farms faced drought."
LANES = "Six lanes of the ring road were shut, and the works will go on for weeks."


@pytest.fixture
def ledger(live_server: Any) -> Any:
    """Four sources and four claims about them, on the live server."""
    bridge_topic = make_topic("harbour-bridge", title="Harbour bridge closure")
    weather = make_topic("coastal-weather", title="Coastal weather")
    bridge = make_source(BRIDGE, outlet="Coast Herald", title="Inspectors find cracked bearings")
    crossing = make_source(CROSSING, outlet="Valley Times", title="River crossing shut again")
    storm = make_source(STORM, outlet="Coast Herald", title="Storm warning for the coast")
    make_source(LANES, outlet="Valley Times", title="Ring road works")
    six = make_claim(bridge_topic, statement="The harbour bridge stays closed for six weeks")
    attest(six, bridge, "the bridge would stay closed for six weeks")
    two = make_claim(bridge_topic, statement="The river crossing was closed for two weeks")
    attest(two, crossing, "after a two-week closure")
    drought = make_claim(weather, statement="Inland farms faced drought")
    attest(drought, storm, "inland farms faced drought")
    flooding = make_claim(weather, statement="Flooding was forecast along the coast")
    attest(flooding, storm, "warned of flooding along the coast")
    return live_server


def listed(page: Page, section: str) -> list[str]:
    """The results' link texts under a heading ("claims", "sources")."""
    return page.locator(f"section[aria-labelledby='{section}-heading'] li > a").all_inner_texts()


def marked(page: Page, section: str) -> set[str]:
    """The highlighted words under a heading, in lower case."""
    marks = page.locator(f"section[aria-labelledby='{section}-heading'] mark").all_inner_texts()
    return {mark.lower() for mark in marks}


def search(page: Page, query: str) -> None:
    """Type ``query`` in the search page's own box and send it."""
    box = page.get_by_label("Words in claims, quotes and sources")
    box.fill(query)
    follow(page, box, key="Enter")


def test_a_reader_searches_from_the_header_and_follows_a_result(
    sized_page: tuple[Page, int], ledger: Any, screenshot, check_accessibility
):
    page, width = sized_page
    visit(page, f"{ledger.url}/sources/")

    header_box = page.locator("header form[role=search]").get_by_label("Search claims and sources")
    assert header_box.is_visible()
    header_box.fill("closed")
    follow(page, header_box, key="Enter")

    assert "/search/?q=closed" in page.url
    assert page.get_by_label("Words in claims, quotes and sources").input_value() == "closed"
    assert sorted(listed(page, "claims")) == [
        "The harbour bridge stays closed for six weeks",
        "The river crossing was closed for two weeks",
    ]
    assert marked(page, "claims") == {"closed"}
    assert "Inspectors find cracked bearings" in listed(page, "sources")
    assert "closed" in marked(page, "sources")  # in the texts' snippets
    assert_fits(page, width)
    screenshot(page, f"search-{width}")
    check_accessibility(page)

    # another form of the word: "investigated" finds the text's "investigation"
    search(page, "investigated")
    assert listed(page, "sources") == ["Inspectors find cracked bearings"]
    assert marked(page, "sources") == {"investigation"}

    # a phrase in quotes: "six" and "weeks" apart (the ring road) do not match it
    search(page, "six weeks")
    assert "Ring road works" in listed(page, "sources")
    search(page, '"six weeks"')
    assert listed(page, "claims") == ["The harbour bridge stays closed for six weeks"]
    assert listed(page, "sources") == ["Inspectors find cracked bearings"]

    search(page, "drought OR flooding")
    assert sorted(listed(page, "claims")) == [
        "Flooding was forecast along the coast",
        "Inland farms faced drought",
    ]
    assert marked(page, "claims") == {"drought", "flooding"}

    search(page, "closed -river")
    assert listed(page, "claims") == ["The harbour bridge stays closed for six weeks"]

    follow(page, page.get_by_role("link", name="The harbour bridge stays closed for six weeks"))
    assert page.locator("h1").inner_text() == "The harbour bridge stays closed for six weeks"
    page.go_back()
    follow(page, page.get_by_role("link", name="Inspectors find cracked bearings"))
    assert "Inspectors find cracked bearings" in page.locator("h1").inner_text()
    assert_fits(page, width)
