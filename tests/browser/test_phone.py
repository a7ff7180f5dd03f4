"""The home page on a phone: the topic table fits 390 px with every verdict's count on
screen, labelled, none hidden off to the side."""

from __future__ import annotations

from tests.browser.test_flows import PHONE_WIDTH, visit


def test_the_home_tables_counts_are_all_on_a_phones_screen(
    phone_page, seeded_live_server, screenshot, check_accessibility
):
    visit(phone_page, seeded_live_server.url + "/")
    width = phone_page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH + 1, f"the home page scrolls sideways: {width}px wide"
    first = phone_page.locator("table.counts tbody tr").first
    cells = first.locator("td")
    assert cells.count() == 5
    for n in range(5):
        box = cells.nth(n).bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE_WIDTH, f"count {n} off screen"
    labels = [
        cells.nth(n).evaluate("c => getComputedStyle(c, '::before').content") for n in range(5)
    ]
    assert labels == ['"Claims "', '"Differ "', '"Updated "', '"Agree "', '"Single "']
    screenshot(phone_page, "phone-home")
    check_accessibility(phone_page)
