"""An editor adds a source in a real browser and reviews what it states with the keyboard."""

from __future__ import annotations

from django.contrib.auth.models import Permission, User
from playwright.sync_api import Page

from claims.models import Claim
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


def move_to(page: Page, words: str) -> None:
    """Press j until the current suggestion's quote contains ``words``."""
    for _ in range(page.locator("li.candidate").count() + 1):
        page.keyboard.press("j")
        if words in page.locator("li.candidate.current mark").inner_text():
            assert page.evaluate("document.activeElement.matches('li.candidate.current')")
            return
    raise AssertionError(f"no suggestion quotes {words!r}")


def test_an_editor_adds_a_source_accepts_two_suggestions_and_creates_a_claim(
    seeded_live_server, page, screenshot, check_accessibility
):
    assert Claim.objects.get(slug="custody-team-disbanded").verdict == "single"
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

    # Accept two suggestions with the keyboard: j to move, 1 to link to the first claim.
    move_to(page, "Nine officers")
    with page.expect_navigation():
        page.keyboard.press("1")
    assert "Linked “Nine officers" in page.locator(".messages").inner_text()
    move_to(page, "disbanded")
    with page.expect_navigation():
        page.keyboard.press("1")
    linked = set(source.attestations.values_list("claim__slug", flat=True))
    assert linked == {"officers-suspended-2025", "custody-team-disbanded"}

    # Create one claim from the queue: n opens the pre-filled form.
    move_to(page, "Friday")
    with page.expect_navigation():
        page.keyboard.press("n")
    check_accessibility(page)
    page.fill("#id_statement", "The Met announced the suspensions on Friday 3 October 2025.")
    page.fill("#id_slug", "suspensions-announced-2025")
    with page.expect_navigation():
        page.get_by_role("button", name="Create the claim and link this quote").click()
    assert "Created" in page.locator(".messages").inner_text()
    screenshot(page, "review-queue-after")

    # The claim pages show the new verdicts, with the new source among their sources.
    for slug, verdict in [
        ("officers-suspended-2025", "agree"),
        ("custody-team-disbanded", "agree"),
        ("suspensions-announced-2025", "single"),
    ]:
        page.goto(f"{seeded_live_server.url}/claims/{slug}/")
        assert page.locator(".banner").get_attribute("data-verdict") == verdict, slug
        assert "Evening Standard" in " ".join(page.locator("ol.attestations").all_inner_texts())
        check_accessibility(page)
    screenshot(page, "new-claim")
