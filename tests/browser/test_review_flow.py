"""An editor adds a source in a real browser and reviews what it states with the keyboard."""

from __future__ import annotations

from django.contrib.auth.models import Permission, User
from playwright.sync_api import Page

from claims.models import Claim, DismissedCandidate
from sources.models import Source

REPORT = (
    "Met officers suspended after undercover filming\n\n"
    "Nine officers and a member of staff have been suspended after the Panorama documentary, "
    "the Metropolitan Police said on Friday.\n\n"
    "The custody team at Charing Cross police station has been disbanded."
)


def log_in_as_editor(page: Page, server_url: str) -> None:
    editor = User.objects.create_user("editor", password="a-long-pass-phrase", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(
            codename__in=["add_source", "add_attestation", "add_claim", "view_claim"]
        )
    )
    page.goto(f"{server_url}/admin/login/?next=/sources/add/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-pass-phrase")
    with page.expect_navigation():
        page.click("input[type=submit]")


def test_an_editor_adds_a_source_and_links_and_dismisses_with_the_keyboard(
    seeded_live_server, page, screenshot, check_accessibility
):
    log_in_as_editor(page, seeded_live_server.url)
    assert page.url.endswith("/sources/add/")
    check_accessibility(page)
    page.fill("#id_text", REPORT)
    page.fill("#id_outlet", "Evening Standard")
    page.fill("#id_published", "2025-10-03")
    with page.expect_navigation():
        page.get_by_role("button", name="Add and review").click()
    assert "/review/" in page.url
    source = Source.objects.get(outlet__name="Evening Standard")
    screenshot(page, "review-queue")
    check_accessibility(page)

    nine = page.locator("li.candidate", has=page.locator("mark", has_text="Nine officers"))
    first_suggestion = nine.locator("button.link-button").first
    assert first_suggestion.get_attribute("value") == "officers-suspended-2025"

    # j moves from suggestion to suggestion; 1 links the current one to its first claim.
    for _ in range(page.locator("li.candidate").count()):
        page.keyboard.press("j")
        if "Nine officers" in page.locator("li.candidate.current mark").inner_text():
            break
    assert page.evaluate("document.activeElement.matches('li.candidate.current')")
    with page.expect_navigation():
        page.keyboard.press("1")
    assert "Linked to" in page.locator(".messages").inner_text()
    claim = Claim.objects.get(slug="officers-suspended-2025")
    assert claim.attestations.filter(source=source).exists()
    assert claim.verdict == "agree"

    # The page comes back at the next suggestion; d dismisses it, and it is remembered.
    before = page.locator("li.candidate").count()
    with page.expect_navigation():
        page.keyboard.press("d")
    assert DismissedCandidate.objects.filter(source=source).count() == 1
    assert page.locator("li.candidate").count() == before - 1
    screenshot(page, "review-queue-after")
    check_accessibility(page)
