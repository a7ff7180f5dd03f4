"""What a reader does in a real browser, on the seed corpus: reader → claim, filtering the
claim list, comparing sources, the keyboard, a phone-sized screen, hostile source text and the
timeline. Every page visited is checked with axe-core; the ``page`` fixtures fail a test on
any JS error, console error or dialog.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, Response, expect

from claims.models import Claim
from claims.rules.values import Quantity
from tests.factories import attest, make_claim, make_source

BBC = "bbc-live-2025-10-02"
INDEPENDENT = "independent-2025-09-30"
SUSPENDED = "officers-suspended-2025"
INVESTIGATED = "officers-investigated-westminster-team"
PHONE_WIDTH = 390

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_PAYLOAD = f'{XSS_SCRIPT} "><img src=x onerror=alert(1)> <script>window.__xss_ran=1</script>'


def visit(page: Page, url: str) -> Response:
    response = page.goto(url)
    assert response is not None, f"no response for {url}"
    assert response.status == 200, f"{url} answered {response.status}"
    return response


def follow(page: Page, target: Locator, *, key: str | None = None) -> Response:
    """Click ``target`` (or press ``key`` on it) and wait for the page it leads to."""
    with page.expect_navigation() as navigation:
        if key:
            target.press(key)
        else:
            target.click()
    response = navigation.value
    assert response is not None, f"no response after following {target}"
    assert response.status == 200, f"{response.url} answered {response.status}"
    return response


def cell_shows(cell_text: str, value: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(value)}(?![\d.])", cell_text) is not None


def test_it_follows_a_highlight_in_the_reader_to_its_claim(
    page, seeded_live_server, screenshot, check_accessibility
):
    visit(page, f"{seeded_live_server.url}/sources/{BBC}/")
    assert page.locator(".legend").is_visible()
    screenshot(page, "reader-bbc")
    check_accessibility(page)

    highlight = page.locator(
        "a.hl", has_text="Nine officers and one staff member had been suspended"
    ).first
    claim = highlight.get_attribute("data-claim")
    follow(page, highlight)

    # The link may point at the quote on the claim page (#fragment); the page is what counts.
    assert urlsplit(page.url).path == f"/claims/{claim}/"
    assert page.locator(".banner[data-verdict=agree]").count() == 1
    outlets = page.locator("ol.attestations > li")
    assert outlets.filter(has_text="The Independent").count() >= 1
    assert outlets.filter(has_text="BBC News").count() >= 1
    screenshot(page, "claim-from-reader")
    check_accessibility(page)

    # …and back: the BBC attestation links to the exact spot in the reader.
    follow(page, outlets.filter(has_text="BBC News").locator("a.in-source").first)
    where = urlsplit(page.url)
    assert where.path == f"/sources/{BBC}/"
    assert re.fullmatch(r"att-\d+", where.fragment), where.fragment
    assert page.locator(f"[id='{where.fragment}']").count() == 1


def test_it_filters_the_claim_list_by_verdict(
    page, seeded_live_server, screenshot, check_accessibility
):
    visit(page, f"{seeded_live_server.url}/claims/")
    check_accessibility(page)

    filters = page.locator("form.filters")
    filters.locator("select[name=verdict]").select_option("differ")
    follow(page, filters.get_by_role("button", name="Filter"))

    assert "verdict=differ" in page.url
    verdicts = page.locator("ul.claims > li .verdict")
    shown = [verdict.get_attribute("data-verdict") for verdict in verdicts.all()]
    assert set(shown) == {"differ"}, shown
    count = re.search(r"\b(\d+) claims?\b", page.locator("main").inner_text())
    assert count, "the page does not say how many claims match"
    assert int(count[1]) == Claim.objects.filter(verdict="differ").count()
    screenshot(page, "claims-differ")
    check_accessibility(page)


def test_it_compares_two_sources_from_the_reader(
    page, seeded_live_server, screenshot, check_accessibility
):
    visit(page, f"{seeded_live_server.url}/sources/{BBC}/")
    follow(page, page.locator("a.compare-link"))
    check_accessibility(page)

    assert page.locator(f"input[name=source][value={BBC}]").is_checked()  # the reader's
    box = page.get_by_label("Add a source")
    box.fill("Indep")  # matches are offered as one types, a few at a time
    offered = page.locator(f"datalist option[value={INDEPENDENT}]")
    expect(offered).to_have_count(1)
    assert "The Independent" in offered.get_attribute("label")
    box.fill(INDEPENDENT)  # as picking it from the list does
    follow(page, page.get_by_role("button", name="Compare"))

    table = page.locator("table.compare")
    assert table.locator("th", has_text="BBC News").count() >= 1
    assert table.locator("th", has_text="The Independent").count() >= 1
    row = table.locator(f"tr[data-claim={SUSPENDED}]")
    assert row.count() == 1
    cells = row.locator("td").all_inner_texts()
    assert sum(cell_shows(text, "9") for text in cells) == 2, cells
    assert row.locator(".verdict[data-verdict]").count() >= 1
    screenshot(page, "compare-bbc-independent")
    check_accessibility(page)


def test_it_reaches_the_claim_list_from_home_with_the_keyboard(
    page, seeded_live_server, check_accessibility
):
    visit(page, f"{seeded_live_server.url}/")
    check_accessibility(page)
    claims_url = f"{seeded_live_server.url}/claims/"

    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.href") == claims_url:
            break
    else:
        raise AssertionError("40 Tabs never reached a link to /claims/")
    focus = page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return {outline: style.outlineStyle, width: style.outlineWidth,
                    shadow: style.boxShadow};
        }"""
    )
    outlined = focus["outline"] != "none" and focus["width"] not in ("0px", "")
    assert outlined or focus["shadow"] != "none", f"focus is not visible: {focus}"

    follow(page, page.locator(":focus"), key="Enter")
    assert page.url == claims_url
    assert page.locator("ul.claims > li").count() >= 1
    check_accessibility(page)


def test_the_claim_page_and_the_reader_fit_a_phone(
    phone_page, seeded_live_server, screenshot, check_accessibility
):
    for name, path in [
        ("phone-claim", f"/claims/{SUSPENDED}/"),
        ("phone-reader", f"/sources/{BBC}/"),
    ]:
        visit(phone_page, seeded_live_server.url + path)
        width = phone_page.evaluate("() => document.documentElement.scrollWidth")
        screenshot(phone_page, name)
        assert width <= PHONE_WIDTH + 1, f"{path} scrolls sideways: {width}px wide"
        check_accessibility(phone_page)


def test_it_shows_script_in_source_text_as_text(
    page, seeded_live_server, screenshot, check_accessibility
):
    source = make_source(
        f"An officer posted {XSS_PAYLOAD} in the group chat, the hearing was told.",
        outlet="The Example",
        slug="hostile-source",
        title=f"Hearing told of {XSS_SCRIPT}",
        published=date(2025, 10, 3),
    )
    claim = make_claim(slug="hostile-claim", statement=f"An officer posted {XSS_SCRIPT}")
    attest(claim, source, XSS_PAYLOAD, Quantity(1))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))

    for name, path in [
        ("xss-reader", "/sources/hostile-source/"),
        ("xss-claim", "/claims/hostile-claim/"),
    ]:
        visit(page, seeded_live_server.url + path)
        assert page.get_by_text(XSS_SCRIPT).first.is_visible(), f"{path} hides the script text"
        assert page.evaluate("() => typeof window.__xss_ran") == "undefined"
        assert page.locator("img[src=x]").count() == 0
        assert dialogs == []
        screenshot(page, name)
        check_accessibility(page)


def test_the_claim_page_draws_a_timeline_for_a_changing_count(
    page, seeded_live_server, screenshot, check_accessibility
):
    visit(page, f"{seeded_live_server.url}/claims/{INVESTIGATED}/")
    svg = page.locator("figure.timeline svg")
    assert svg.count() == 1
    assert svg.is_visible()
    # A mark is a drawn data point: a dot, bar or symbol (axes are lines and paths).
    marks = svg.locator(".mark, circle, ellipse, rect, polygon, use")
    assert marks.count() >= 2, f"{marks.count()} marks in the timeline"
    screenshot(page, "timeline")
    check_accessibility(page)
