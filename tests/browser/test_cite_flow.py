"""A researcher cites a claim in a real browser: copies the citation, downloads BibTeX and
opens the history behind the revision permalink."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
from playwright.sync_api import Page, expect

SUSPENDED = "officers-suspended-2025"


def test_a_researcher_copies_a_citation_downloads_bibtex_and_opens_the_history(
    seeded_live_server, page: Page, screenshot, check_accessibility
):
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=seeded_live_server.url
    )
    page.goto(f"{seeded_live_server.url}/claims/{SUSPENDED}/")
    check_accessibility(page)

    copy = page.locator("button[data-copy-target=citation-text]")
    expect(copy).to_have_accessible_name("Copy citation")
    copy.click()
    expect(copy).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#citation-text").inner_text().strip()
    assert "The Independent" in copied and "BBC News" in copied
    assert f"/claims/{SUSPENDED}/v/" in copied
    screenshot(page, "claim-cite")

    with page.expect_download() as download:
        page.get_by_role("link", name="BibTeX").click()
    assert download.value.suggested_filename.startswith(SUSPENDED)
    text = Path(download.value.path()).read_text(encoding="utf-8")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries  # the claim itself, at its latest revision
    assert entry.fields_dict["number"].value == f"{SUSPENDED}, revision 2"

    with page.expect_navigation():
        page.get_by_role("link", name="history").click()
    assert page.url.endswith(f"/claims/{SUSPENDED}/history/")
    # one revision per source date: the Independent's (30 September), the BBC's (2 October)
    assert page.locator("ol.revisions > li").count() == 2
    assert "Claim created" in page.locator("ol.revisions").inner_text()
    check_accessibility(page)
    screenshot(page, "claim-history")

    with page.expect_navigation():
        page.locator("ol.revisions > li a").first.click()
    assert "/v/" in page.url
    assert "It is the latest revision." in page.locator(".revision-notice").inner_text()
    check_accessibility(page)
