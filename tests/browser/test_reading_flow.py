"""An editor pastes a long text: the page answers at once with the worker's progress, then
turns into the review queue by itself when the text is read."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from playwright.sync_api import Page, expect

from claims.models import Reading
from sources.models import Source
from tests.browser.test_review_flow import log_in_as_editor
from tests.claims.test_reading import long_text


def test_a_long_text_shows_the_readings_progress_then_the_queue(
    seeded_live_server, page: Page, screenshot, check_accessibility
):
    log_in_as_editor(page, seeded_live_server.url)
    page.fill("#id_text", long_text())
    page.fill("#id_outlet", "Expatica")
    page.fill("#id_title", "Pension protests")
    page.fill("#id_published", "2010-10-16")
    with page.expect_navigation():
        page.get_by_role("button", name="Add and review").click()

    # no worker has run yet: the page says so rather than reading while the editor waits
    source = Source.objects.get(title="Pension protests")
    assert Reading.objects.get(source=source).state == Reading.State.QUEUED
    expect(page.get_by_role("heading", name="Reading the text")).to_be_visible()
    expect(page.locator("progress#reading-bar")).to_have_attribute("value", "0")
    check_accessibility(page)
    screenshot(page, "review-reading")

    # The test database is one SQLite connection shared with the live server's thread, so the
    # page's polls must not reach the server while the worker writes. A routed request waits
    # in the browser until Playwright is next called, after the worker has finished.
    page.route("**/review/progress/", lambda route: route.continue_())
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())

    # the page polls the progress and opens the queue without a click
    expect(page.locator("li.candidate").first).to_be_visible(timeout=10_000)
    expect(page.locator("li.candidate mark", has_text="50,000").first).to_be_visible()
    assert page.locator("progress").count() == 0
