"""Who is speaking, in a real browser: an editor says who gives each figure in the review
queue, and a reader sees two parties' figures apart, on a desktop and on a phone.

The report is AFP's on a pension protest in Paris, as Expatica carried it on 16 October 2010:
police said 50,000 demonstrators, the unions claimed 310,000.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page

from claims.models import Claim
from sources.models import Source
from tests.browser.test_flows import PHONE_WIDTH, visit
from tests.browser.test_review_flow import log_in_as_editor
from tests.claims.test_claimants import KNCHR, three_tolls
from tests.factories import make_claim, make_topic

REPORT = (
    "French police say 50,000 at Paris demo, unions 310,000\n\n"
    "Police said Saturday 50,000 demonstrators had turned out in Paris to protest against "
    "pension reform plans, fewer than at a previous weekend rally two weeks ago, while the "
    "unions claimed 310,000.\n\n"
    "© 2010 AFP"
)


def item_quoting(page: Page, quote: str):
    """The last suggestion whose quote is ``quote``: the report's body, after its headline."""
    exactly = re.compile(rf"^{re.escape(quote)}$")
    return page.locator("li.candidate").filter(has=page.locator("mark", has_text=exactly)).last


def test_an_editor_says_who_gives_each_figure_and_one_report_reads_differ(
    seeded_live_server, page, screenshot, check_accessibility
):
    make_topic("french-pension-protests-2010", title="French pension reform protests (2010)")
    log_in_as_editor(page, seeded_live_server.url)
    page.fill("#id_text", REPORT)
    page.get_by_label("French pension reform protests (2010)").check()
    page.fill("#id_outlet", "Expatica")
    page.fill("#id_published", "2010-10-16")
    with page.expect_navigation():
        page.get_by_role("button", name="Add and review").click()
    source = Source.objects.get(outlet__name="Expatica")
    assert source.agency == "AFP"  # read from "© 2010 AFP"

    # The police figure: the queue says who gives it; the editor names them as the headline
    # does, then makes a claim of it.
    police = item_quoting(page, "50,000 demonstrators")
    who = police.get_by_label("Who says “", exact=False)
    assert who.input_value() == "Police"
    who.fill("French police")
    with page.expect_navigation():
        police.get_by_role("button", name="New claim…").last.click()
    page.fill("#id_statement", "Demonstrators in Paris against the pension reform, 16 October 2010")
    page.fill("#id_slug", "paris-pension-march-2010")
    with page.expect_navigation():
        page.get_by_role("button", name="Create the claim and link this quote").click()
    claim = Claim.objects.get(slug="paris-pension-march-2010")
    assert claim.attestations.get().claimant.name == "French police"

    # The unions' figure, in the same sentence, linked to that claim under its own claimant.
    unions = item_quoting(page, "310,000")
    assert unions.get_by_label("Who says “", exact=False).input_value() == "the unions"
    with page.expect_navigation():
        unions.locator(f"button[name=claim][value={claim.slug}]").click()
    check_accessibility(page)
    claim.refresh_from_db()
    assert claim.verdict == "differ"
    assert (
        "according to French police, 50,000 (Expatica, 16 October 2010); "
        "according to the unions, 310,000 (same report)"
    ) in claim.verdict_explanation

    visit(page, f"{seeded_live_server.url}/claims/{claim.slug}/")
    assert page.locator(".banner").get_attribute("data-verdict") == "differ"
    headings = page.locator("section.voice h3").all_inner_texts()
    assert headings == ["According to French police", "According to the unions"]
    screenshot(page, "claimants-differ-in-one-report")
    check_accessibility(page)


def kenya_toll() -> Claim:
    """Kenya's 2024 Finance Bill protests: the President's toll and the rights commission's."""
    claim = make_claim(
        slug="kenya-protest-deaths-2024",
        statement="People killed in the protests against the Finance Bill",
        entity="people",
        predicate="died",
        changes_over_time=True,
    )
    return three_tolls(claim)


def test_a_reader_sees_a_lane_per_claimant_and_filters_by_who_says_it(
    seeded_live_server, page, screenshot, check_accessibility
):
    claim = kenya_toll()
    visit(page, f"{seeded_live_server.url}/claims/{claim.slug}/")
    lanes = page.locator("figure.timeline .timeline-lane-label")
    assert lanes.all_text_contents() == [
        "According to President William Ruto",
        f"According to {KNCHR}",
    ]
    assert lanes.nth(0).bounding_box()["y"] < lanes.nth(1).bounding_box()["y"]
    table = page.locator("figure.timeline table")  # shown beside the chart, not folded away
    assert table.is_visible() and "Who says it" in table.inner_text()
    screenshot(page, "claimant-lanes")
    check_accessibility(page)

    visit(page, f"{seeded_live_server.url}/claims/")
    page.get_by_label("Who says it").fill(KNCHR)  # a whole name, as typed without the list
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    (row,) = page.locator("ul.claims > li").all_inner_texts()
    assert claim.statement in row and "3 sources, 2 independent" in row
    check_accessibility(page)


def test_claimant_lanes_fit_a_phone(
    seeded_live_server, phone_page, screenshot, check_accessibility
):
    claim = kenya_toll()
    visit(phone_page, f"{seeded_live_server.url}/claims/{claim.slug}/")
    assert phone_page.locator("figure.timeline .timeline-lane-label").count() == 2
    assert phone_page.locator("section.voice h3").count() == 2
    width = phone_page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH + 1, f"the claim page scrolls sideways: {width}px wide"
    screenshot(phone_page, "phone-claimant-lanes")
    check_accessibility(phone_page)
