"""A source in Arabic, cited in English: its title and outlet read right to left, and the date
after them still reads left to right, in order, where the citation shows it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.test_flows import visit
from tests.claims.test_bidi import an_nahar_report

# Where each character of the first ``needle`` in the citation is drawn: [x, y] per character.
CHARACTERS_AT = """(needle) => {
    const citation = document.getElementById("citation-text");
    const text = citation.textContent;
    const start = text.indexOf(needle);
    if (start < 0) return null;
    const walker = document.createTreeWalker(citation, NodeFilter.SHOW_TEXT);
    const places = [];
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++, offset++) {
            if (offset < start || offset >= start + needle.length) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getBoundingClientRect();
            places.push([box.left, box.top]);
        }
    }
    return places;
}"""


def drawn_in_order(page: Page, needle: str) -> list[str]:
    """Where a character of ``needle`` is drawn left of the one before it on the same line."""
    places = page.evaluate(CHARACTERS_AT, needle)
    assert places, f"the citation does not say {needle!r}"
    assert len(places) == len(needle)
    return [
        f"{needle[n]!r} drawn left of {needle[n - 1]!r}"
        for n in range(1, len(needle))
        if abs(places[n][1] - places[n - 1][1]) < 2 and places[n][0] < places[n - 1][0]
    ]


@pytest.mark.parametrize("where", ["claim", "source"])
def test_the_date_after_an_arabic_title_and_outlet_reads_in_order(
    where: str, page: Page, seeded_live_server: Any, screenshot, check_accessibility
):
    claim, source = an_nahar_report()
    # The claim cites Outlet, “Title”, date; the source, “Title”, Outlet, date.
    url, needle = {
        "claim": (claim.get_absolute_url(), "”, 7 March 2023, "),
        "source": (source.get_absolute_url(), ", 7 March 2023, "),
    }[where]
    visit(page, seeded_live_server.url + url)
    citation = page.locator("#citation-text")
    assert citation.locator("bdi").count() >= 2  # the title and the outlet at least
    assert drawn_in_order(page, needle) == []
    screenshot(page, f"rtl-{where}")
    check_accessibility(page)
