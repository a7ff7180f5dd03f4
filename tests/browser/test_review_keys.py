"""Each key of the review queue in a real browser: j/k move, e edits a value and Enter links
nothing, 1 links to the claim the button names, u undoes, d dismisses, n opens a new claim."""

from __future__ import annotations

from django.contrib.auth.models import Permission, User
from django.urls import reverse
from playwright.sync_api import Page

from claims.models import Attestation, Claim, DismissedCandidate
from sources.models import Source
from tests.browser.test_review_flow import REPORT, log_in_as_editor, move_to


def add_report(page: Page, server_url: str) -> Source:
    log_in_as_editor(page, server_url)
    # undoing a link deletes it: editors who may unlink hold this permission too
    editor = User.objects.get(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="delete_attestation"))
    page.fill("#id_text", REPORT)
    page.fill("#id_outlet", "Evening Standard")
    page.fill("#id_published", "2025-10-03")
    with page.expect_navigation():
        page.get_by_role("button", name="Add and review").click()
    return Source.objects.get(outlet__name="Evening Standard")


def test_each_key_of_the_queue_names_what_it_acts_on_and_can_be_undone(
    seeded_live_server, page, screenshot, check_accessibility
):
    source = add_report(page, seeded_live_server.url)
    before = Claim.objects.get(slug="officers-suspended-2025").verdict

    # e, then Enter: the value is edited, nothing is linked (the bug linked suggestion 1)
    move_to(page, "Nine officers")
    page.keyboard.press("e")
    value = page.locator("li.candidate.current input[name=value]")
    assert page.evaluate("document.activeElement.name") == "value"
    value.fill("9")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert not Attestation.objects.filter(source=source).exists()
    page.keyboard.press("Escape")

    # 1: the button says which claim it links to before it is pressed
    first = page.locator("li.candidate.current [data-shortcut='1']")
    assert "Nine officers were suspended" in first.get_attribute("title")
    assert "Link to “Nine officers were suspended" in first.text_content()
    with page.expect_navigation():
        page.keyboard.press("1")
    linked = Attestation.objects.get(source=source)
    assert linked.claim.slug == "officers-suspended-2025"
    assert "Linked “Nine officers" in page.locator(".messages").inner_text()
    screenshot(page, "review-undo")
    check_accessibility(page)

    # u: undo the link; the claim's verdict is as it was
    with page.expect_navigation():
        page.keyboard.press("u")
    assert not Attestation.objects.filter(source=source).exists()
    assert Claim.objects.get(slug="officers-suspended-2025").verdict == before
    assert "Unlinked" in page.locator(".messages").inner_text()

    # d dismisses, u offers it again
    move_to(page, "disbanded")
    with page.expect_navigation():
        page.keyboard.press("d")
    assert DismissedCandidate.objects.filter(source=source).count() == 1
    with page.expect_navigation():
        page.keyboard.press("u")
    assert not DismissedCandidate.objects.exists()

    # k goes back, n opens the new-claim form for the suggestion shown
    move_to(page, "disbanded")
    page.keyboard.press("k")
    current = page.locator("li.candidate.current mark").inner_text()
    assert "disbanded" not in current
    start = page.locator("li.candidate.current input[name=start]").input_value()
    with page.expect_navigation():
        page.keyboard.press("n")
    assert page.url.endswith(reverse("claims:review_new", args=[source.slug]))
    # the form is for the suggestion that was current, pre-filled from its sentence
    assert page.locator("form input[name=start]").first.input_value() == start
    assert page.locator("#id_statement").input_value()
    check_accessibility(page)
