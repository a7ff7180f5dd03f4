"""Every change is recorded; revision permalinks show the claim as it was; old slugs redirect."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from claims.models import Claim
from claims.rules.values import Quantity
from tests.factories import attest, make_claim, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim() -> Claim:
    claim = make_claim(statement="Nine officers were suspended", slug="nine-suspended")
    attest(
        claim,
        make_source("Nine officers were suspended.", outlet="The Independent"),
        "Nine officers",
        Quantity(9),
    )
    attest(
        claim,
        make_source("9 officers were suspended.", outlet="BBC News"),
        "9 officers",
        Quantity(9),
    )
    return Claim.objects.get(pk=claim.pk)


def latest_revision(client, claim) -> int:
    body = client.get(reverse("claims:history", args=[claim.slug])).content.decode()
    return int(body.split("<strong>Revision ")[1].split("<")[0])


def test_a_revision_permalink_still_shows_the_old_value_after_the_claim_is_edited(client, claim):
    number = latest_revision(client, claim)
    permalink = reverse("claims:revision", args=[claim.slug, number])
    before = client.get(permalink).content.decode()
    assert '<strong class="stated-value">9</strong>' in before
    assert 'data-verdict="agree"' in before

    bbc = claim.attestations.get(source__outlet__name="BBC News")
    bbc.value = Quantity(10)
    bbc.save()
    claim.refresh_verdict()
    claim.statement = "Ten officers were suspended"
    claim.save()

    after = client.get(permalink).content.decode()
    assert after.count('<strong class="stated-value">9</strong>') == 2
    assert '<strong class="stated-value">10</strong>' not in after
    assert 'data-verdict="agree"' in after
    assert "<h1>Nine officers were suspended</h1>" in after
    assert "It has changed since" in after
    now = client.get(claim.get_absolute_url()).content.decode()
    assert 'data-verdict="differ"' in now


def test_the_history_page_shows_readable_diffs_and_who_made_them(editor_client, editor, claim):
    editor_client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        {
            "topic": claim.topic.pk,
            "statement": "Nine Met officers were suspended",
            "slug": claim.slug,
            "kind": "quantity",
            "subject": "",
            "unit": "",
            "entity": "officers",
            "predicate": "suspended",
            "qualifiers": "",
            "event": "",
            "rating": "",
            "rating_explanation": "",
            "attestations-TOTAL_FORMS": "0",
            "attestations-INITIAL_FORMS": "0",
            "attestations-MIN_NUM_FORMS": "0",
            "attestations-MAX_NUM_FORMS": "1000",
        },
    )
    body = editor_client.get(reverse("claims:history", args=[claim.slug])).content.decode()
    newest = body.split('<li id="revision-')[1]
    assert "by editor" in newest
    assert (
        '<th scope="row">statement</th><td><del>Nine officers were suspended</del></td>' in newest
    )
    assert "<ins>Nine Met officers were suspended</ins>" in newest
    assert (
        '<th scope="row">counted entity</th><td><del>—</del></td><td><ins>officers</ins></td>'
        in newest
    )
    assert (
        '<th scope="row">what happened</th><td><del>—</del></td><td><ins>suspended</ins>' in newest
    )
    assert "Source added: BBC News: “9 officers”" in body
    assert "Verdict single → agree" in body


def test_renaming_a_claims_slug_keeps_old_links_working(client, claim):
    number = latest_revision(client, claim)
    claim.slug = "nine-officers-suspended"
    claim.save()
    response = client.get("/claims/nine-suspended/")
    assert response.status_code == 301
    assert response["Location"] == "/claims/nine-officers-suspended/"
    response = client.get(f"/claims/nine-suspended/v/{number}/")
    assert response["Location"] == f"/claims/nine-officers-suspended/v/{number}/"
    assert client.get("/claims/nine-suspended/history/")["Location"].endswith("/history/")


def test_a_revision_that_does_not_exist_is_a_404(client, claim):
    assert client.get(reverse("claims:revision", args=[claim.slug, 999])).status_code == 404
    assert client.get(reverse("claims:revision", args=[claim.slug, 0])).status_code == 404


def test_a_removed_source_is_in_the_history_and_gone_from_later_revisions(client, claim):
    claim.attestations.get(source__outlet__name="BBC News").delete()
    claim.refresh_verdict()
    body = client.get(reverse("claims:history", args=[claim.slug])).content.decode()
    assert "Source removed: BBC News: “9 officers”" in body
    latest = latest_revision(client, claim)
    page = client.get(reverse("claims:revision", args=[claim.slug, latest])).content.decode()
    assert "BBC News" not in page.split("What each source said")[1]


@pytest.mark.parametrize("n", [3, 50])
def test_history_and_revision_pages_have_a_fixed_query_budget(
    client, django_assert_max_num_queries, n
):
    """Guards against reading each record's user, topic or source one by one."""
    claim = make_claim(changes_over_time=True)
    for i in range(n):
        source = make_source(f"Report {i}: nine officers.", published=date(2025, 1, 1))
        attest(claim, source, "nine officers", Quantity(9), refresh=False)
    claim.refresh_verdict()
    with django_assert_max_num_queries(4):
        history = client.get(reverse("claims:history", args=[claim.slug]))
    assert history.content.decode().count('<li id="revision-') == n + 2
    with django_assert_max_num_queries(4):
        revision = client.get(reverse("claims:revision", args=[claim.slug, n + 2]))
    assert revision.content.decode().count("<blockquote>") == n
