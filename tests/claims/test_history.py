"""Every action is one revision; revision permalinks show the claim as it was; old slugs
redirect; the seeds' history carries the seeds' dates."""

from __future__ import annotations

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from claims import history, services
from claims.models import Claim
from claims.rules.values import Quantity
from tests.claims.test_admin import claim_form
from tests.factories import attest, make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


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
    assert '<h1 dir="auto">Nine officers were suspended</h1>' in after
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
            "version": claim.version,  # the change page's hidden field
            "attestations-TOTAL_FORMS": "0",
            "attestations-INITIAL_FORMS": "0",
            "attestations-MIN_NUM_FORMS": "0",
            "attestations-MAX_NUM_FORMS": "1000",
        },
    )
    body = editor_client.get(reverse("claims:history", args=[claim.slug])).content.decode()
    newest = body.split('<li id="revision-')[1]
    assert "by <bdi>editor</bdi>" in newest
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
    assert revision.content.decode().count('<blockquote dir="auto">') == n


# One action, one revision: what the site, the API or a service writes in one go is one revision,
# and its permalink shows the claim, the quotes and the verdict as they stood together.


def revision_page(client, claim, number: int) -> str:
    response = client.get(reverse("claims:revision", args=[claim.slug, number]))
    assert response.status_code == 200
    return response.content.decode()


def test_linking_a_source_is_one_revision_with_its_verdict(client):
    claim = services.claim_create(
        topic=make_topic(), slug="nine", statement="Nine officers were suspended", kind="quantity"
    )
    for text, outlet in [("Nine officers.", "The Independent"), ("9 officers.", "BBC News")]:
        source = make_source(text, outlet=outlet)
        services.attestation_link(
            source=source, claim=claim, start=0, end=len(text) - 1, value=Quantity(9)
        )

    revisions = history.claim_revisions(claim.pk)
    assert [r.summary for r in revisions] == [
        "Claim created",
        "Source added: The Independent: “Nine officers”; Verdict none → single",
        "Source added: BBC News: “9 officers”; Verdict single → agree",
    ]
    first = revision_page(client, claim, 2)
    assert 'data-verdict="single"' in first and first.count('<blockquote dir="auto">') == 1
    assert "Only The Independent" in first and "BBC News" not in first
    second = revision_page(client, claim, 3)
    assert 'data-verdict="agree"' in second and second.count('<blockquote dir="auto">') == 2
    assert "no sources" not in revision_page(client, claim, 3)
    assert client.get(reverse("claims:revision", args=[claim.slug, 4])).status_code == 404


def test_every_revision_shows_a_verdict_that_fits_its_quotes(client):
    claim = services.claim_create(
        topic=make_topic(), slug="nine", statement="Nine officers were suspended", kind="quantity"
    )
    independent = make_source("Nine officers. Later: ten officers.", outlet="The Independent")
    bbc = make_source("9 officers.", outlet="BBC News")
    linked = services.attestation_link(
        source=independent, claim=claim, start=0, end=13, value=Quantity(9)
    )
    services.attestation_link(source=bbc, claim=claim, start=0, end=10, value=Quantity(9))
    services.attestation_update(attestation=linked, value=Quantity(10))
    services.attestation_unlink(attestation=claim.attestations.get(source=bbc))

    expected = [("", 0), ("single", 1), ("agree", 2), ("differ", 2), ("single", 1)]
    for number, (verdict, quotes) in enumerate(expected, start=1):
        page = revision_page(client, claim, number)
        assert f'data-verdict="{verdict}"' in page, number
        assert page.count('<blockquote dir="auto">') == quotes, number


def test_an_admin_save_of_a_claim_and_its_quotes_is_one_revision(editor_client, claim):
    before = len(history.claim_revisions(claim.pk))
    independent, bbc = claim.attestations.order_by("source__outlet__name").reverse()
    form = claim_form(
        claim.topic,
        {"id": independent.pk, "source": independent.source_id, "quote": "Nine officers"},
        {"id": bbc.pk, "source": bbc.source_id, "quote": "9 officers", "DELETE": "on"},
        claim=claim,
        initial=2,
    )
    form["attestations-0-value_number"] = form["attestations-1-value_number"] = "9"
    form["statement"] = "Nine Met officers were suspended"
    response = editor_client.post(reverse("admin:claims_claim_change", args=[claim.pk]), form)
    assert response.status_code == 302

    revisions = history.claim_revisions(claim.pk)
    assert len(revisions) == before + 1
    assert revisions[-1].summary == (
        "Claim edited; Source removed: BBC News: “9 officers”; Verdict agree → single"
    )
    assert revisions[-1].user == "editor"
    page = revision_page(editor_client, claim, before + 1)
    assert '<h1 dir="auto">Nine Met officers were suspended</h1>' in page
    assert 'data-verdict="single"' in page and page.count('<blockquote dir="auto">') == 1


def test_the_history_shows_the_reason_an_editor_gave(client, claim):
    bbc = claim.attestations.get(source__outlet__name="BBC News")
    bbc._change_reason = "the BBC's own count, not Sir Mark's"  # simple-history's hook
    bbc.value = Quantity(10)
    bbc.save()

    body = client.get(reverse("claims:history", args=[claim.slug])).content.decode()
    newest = body.split('<li id="revision-')[1]
    assert "Reason given: <bdi>the BBC&#x27;s own count, not Sir Mark&#x27;s</bdi>" in newest
    assert "Quote edited: BBC News: “9 officers”" in newest


# The seeds' history is the story's: each claim starts with its first sources, on their date.


def test_the_seed_history_carries_the_sources_dates_one_revision_each(client, seeds):
    claim = Claim.objects.get(slug="officers-suspended-2025")
    revisions = history.claim_revisions(claim.pk)
    assert [(r.number, timezone.localtime(r.date)) for r in revisions] == [
        (1, datetime(2025, 9, 30, tzinfo=LONDON)),
        (2, datetime(2025, 10, 2, 8, 48, tzinfo=LONDON)),  # the BBC live page's first entry
    ]
    body = client.get(reverse("claims:history", args=[claim.slug])).content.decode()
    assert "30 September 2025, 00:00" in body and "2 October 2025, 08:48" in body
    assert (
        "Source added: BBC News: “Nine officers and one staff member had been suspended”; "
        "Verdict single → agree"
    ) in body

    first = revision_page(client, claim, 1)
    assert "as it stood on 30 September 2025" in first
    assert 'data-verdict="single"' in first and first.count('<blockquote dir="auto">') == 2
    assert "BBC News" not in first.split("What each source said")[1].split("Cite this")[0]
    assert 'data-verdict="agree"' in revision_page(client, claim, 2)
    assert client.get(reverse("claims:revision", args=[claim.slug, 3])).status_code == 404


def test_loading_the_seeds_again_adds_no_revision(seeds):
    claim = Claim.objects.get(slug="officers-investigated-westminster-team")
    before = history.revision_count(claim.pk)
    call_command("load_seeds", stdout=StringIO())
    assert history.revision_count(claim.pk) == before == 2  # the Guardian's, then ITV's
