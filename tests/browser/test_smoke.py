"""The browser set-up itself: Chromium opens a page from the live server and axe-core runs."""

from __future__ import annotations


def test_it_opens_the_home_page_with_no_accessibility_violations(
    page, seeded_live_server, screenshot, check_accessibility
):
    response = page.goto(seeded_live_server.url + "/")
    assert response is not None and response.status == 200
    assert page.locator("h1").count() == 1
    screenshot(page, "home")
    check_accessibility(page)
