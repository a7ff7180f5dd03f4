"""Pages on a phone (390 px) and a laptop (1366 px): nothing hidden off to the side, no
sideways scrolling, the timeline's words readable and each of its marks named."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from tests.browser.test_flows import BBC, INDEPENDENT, INVESTIGATED, PHONE_WIDTH, visit

MIN_LABEL_PX = 11  # the smallest text a phone's reader is asked to read

# Every element whose right edge passes the viewport's: a column hidden in a scroll box, a
# label drawn past the chart's edge. (The skip link waits off to the left on purpose.)
PAST_THE_EDGE = """() => {
    const edge = document.documentElement.clientWidth + 1;
    return [...document.querySelectorAll("body *")].flatMap((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.right <= edge) return [];
        const name = element.localName + (element.getAttribute("class") ? "." +
            element.getAttribute("class").trim().split(/\\s+/).join(".") : "");
        return [`${name} reaches ${Math.round(box.right)}px`];
    });
}"""

# The size each drawn word of the chart has on screen: its font size in the SVG's units,
# times the scale the SVG is drawn at.
CHART_WORDS = """() => [...document.querySelectorAll("figure.timeline svg text")]
    .filter((text) => text.getBBox().width > 0)
    .map((text) => ({text: text.textContent.trim(),
                     px: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a}))"""


def assert_fits(page: Page, width: int) -> None:
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width + 1, f"{page.url} scrolls sideways: {scroll}px wide"
    assert page.evaluate(PAST_THE_EDGE) == [], f"{page.url} at {width}px"


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


def test_the_claim_pages_timeline_fits_reads_and_names_each_mark(
    sized_page: tuple[Page, int], seeded_live_server: Any, screenshot, check_accessibility
):
    page, width = sized_page
    visit(page, f"{seeded_live_server.url}/claims/{INVESTIGATED}/")
    assert_fits(page, width)

    words = page.evaluate(CHART_WORDS)
    assert words, "the timeline draws no words"
    small = [w for w in words if w["px"] < MIN_LABEL_PX]
    assert small == [], f"chart words under {MIN_LABEL_PX}px at {width}px: {small}"

    # Each mark names its source: a tooltip, and a row of the values table, on screen, in
    # the marks' order, giving the same source and date.
    marks = page.locator("figure.timeline .timeline-mark")
    rows = page.locator("figure.timeline table tbody tr")
    assert marks.count() >= 2 and rows.count() == marks.count()
    for n in range(marks.count()):
        tooltip = marks.nth(n).locator("title").text_content() or ""
        row = rows.nth(n)
        assert row.is_visible(), f"the row naming mark {n} is not shown"
        box = row.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width + 1
        when, source = (row.locator("td").nth(i).inner_text().strip() for i in (0, 1))
        assert tooltip.startswith(f"{source}, {when}: "), (tooltip, source, when)

    screenshot(page, f"timeline-{width}")
    check_accessibility(page)


def test_the_compared_sources_values_are_all_on_screen(
    sized_page: tuple[Page, int], seeded_live_server: Any, screenshot, check_accessibility
):
    page, width = sized_page
    visit(page, f"{seeded_live_server.url}/sources/compare/?source={BBC}&source={INDEPENDENT}")
    assert_fits(page, width)
    rows = page.locator("table.compare tbody tr")
    assert rows.count() >= 1
    for cell in rows.first.locator("th, td").all():
        assert cell.is_visible()
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    if width == PHONE_WIDTH:  # the column heads are off screen: each value says whose it is
        labels = [
            cell.evaluate("c => getComputedStyle(c, '::before').content")
            for cell in rows.first.locator("td").all()
        ]
        assert labels[:2] == ['"BBC News, 2 Oct 2025 "', '"The Independent, 30 Sep 2025 "']
    screenshot(page, f"compare-{width}")
    check_accessibility(page)
