"""The Content-Security-Policy in a real browser: the live server sends production's policy,
every public page, the review queue and the admin's pages work under it with no violation
(the ``page`` fixture fails a test on any), and a violation is caught when one happens."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils.csp import build_policy
from playwright.sync_api import Page

from claims import services
from claims.models import Claim, Topic
from sources.models import Source
from tests.browser.test_flows import visit

CLAIM = "officers-suspended-2025"
SOURCE = "bbc-live-2025-10-02"


def sign_in_as_superuser(page: Page, server_url: str) -> None:
    """The admin's session cookie, made by Django's test client, put in the browser."""
    user = User.objects.create_superuser("curator", password="a-long-pass-phrase")
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": server_url, "httpOnly": True}]
    )


def test_a_violation_is_caught_and_fails_the_test(page, seeded_live_server, browser_problems):
    visit(page, f"{seeded_live_server.url}/claims/{CLAIM}/")
    assert browser_problems == []
    # What a stored-XSS payload would be: an inline script the page did not ship.
    with pytest.raises(Exception):  # noqa: B017 (Playwright reports the refusal as an Error)
        page.add_script_tag(content="window.__injected = 1")
    assert page.evaluate("() => window.__injected") is None  # the policy blocked it
    for _ in range(50):  # the report reaches the test asynchronously
        if caught := [p for p in browser_problems if p.startswith("CSP violation")]:
            break
        page.wait_for_timeout(100)
    assert caught, browser_problems
    assert "script-src" in caught[0]
    browser_problems.clear()  # seen and expected: the test passes


def test_the_live_server_sends_the_production_policy(page, seeded_live_server):
    response = visit(page, f"{seeded_live_server.url}/")
    policy = response.headers["content-security-policy"]
    # The nonce differs per response; everything else is SECURE_CSP as production sends it.
    assert policy == build_policy(settings.SECURE_CSP)
    assert "unsafe-inline" not in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy


PUBLIC = [
    "/",
    "/claims/",
    f"/claims/{CLAIM}/",
    f"/claims/{CLAIM}/history/",
    f"/claims/{CLAIM}/v/1/",
    "/topics/",
    "/sources/",
    f"/sources/{SOURCE}/",
    f"/sources/compare/?a={SOURCE}&b=independent-2025-09-30",
    "/api/",
    "/api/docs/",
    "/admin/login/",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_a_public_page_runs_under_the_policy(page, seeded_live_server, path):
    response = visit(page, f"{seeded_live_server.url}{path}")
    assert "content-security-policy" in response.headers
    # Its stylesheet applied (a blocked one would leave the browser's default margins).
    assert page.evaluate("() => document.styleSheets.length") >= 1


def _admin_paths() -> list[str]:
    claim = Claim.objects.get(slug=CLAIM)
    source = Source.objects.get(slug=SOURCE)
    return [
        "/admin/",
        "/admin/claims/claim/",
        f"/admin/claims/claim/?q=officers&verdict__exact={claim.verdict}",
        f"/admin/claims/claim/{claim.pk}/change/",
        "/admin/claims/claim/add/",
        f"/admin/claims/claim/{claim.pk}/history/",
        "/admin/claims/topic/",
        f"/admin/claims/topic/{Topic.objects.first().pk}/change/",  # type: ignore[union-attr]
        "/admin/claims/claimant/",
        "/admin/sources/source/",
        "/admin/sources/outlet/",
        f"/admin/sources/source/{source.pk}/change/",
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        f"/admin/claims/claim/{claim.pk}/delete/",
        f"/sources/{SOURCE}/review/",
        "/sources/add/",
    ]


def test_the_admin_and_the_review_queue_run_under_the_policy(page, seeded_live_server):
    sign_in_as_superuser(page, seeded_live_server.url)
    for path in _admin_paths():
        response = visit(page, f"{seeded_live_server.url}{path}")
        assert "content-security-policy" in response.headers, path
    # The admin's scripts ran: the change form's "Show" toggles and the date shortcuts.
    claim = Claim.objects.get(slug=CLAIM)
    visit(page, f"{seeded_live_server.url}/admin/claims/claim/{claim.pk}/change/")
    assert page.locator(".submit-row input[name=_save]").is_visible()
    assert page.evaluate("() => typeof window.django !== 'undefined'")


def test_the_claimant_merge_page_runs_under_the_policy(page, seeded_live_server):
    sign_in_as_superuser(page, seeded_live_server.url)
    first = services.claimant_create(name="Met Police")
    second = services.claimant_create(name="Metropolitan Police")
    visit(page, f"{seeded_live_server.url}/admin/claims/claimant/")
    for claimant in (first, second):
        page.locator(f"input[name=_selected_action][value='{claimant.pk}']").check()
    page.select_option("select[name=action]", "merge")
    with page.expect_navigation() as navigation:
        page.click("button[name=index]")
    assert "nonce-" in navigation.value.headers["content-security-policy"]  # type: ignore[union-attr]
    assert page.locator("form input[value=Merge]").is_visible()
    # Its nonce'd script runs: "No, take me back" goes back to the list.
    with page.expect_navigation():
        page.click("a.cancel-link")
    assert page.url.endswith("/admin/claims/claimant/")


def test_the_api_docs_draw_their_endpoints_under_the_policy(page, seeded_live_server):
    """Swagger UI is a script: a blocked one leaves a blank page."""
    visit(page, f"{seeded_live_server.url}/api/docs/")
    page.locator(".opblock-summary-path", has_text="/api/claims/").first.wait_for()
