"""Curators revert a claim to one of its revisions, from its permalink: the claim's words and
its sources become what they were, as a new revision saying so, and the verdict follows."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims import history, reverting, services
from claims.models import Claim
from claims.rules.values import Quantity
from tests.factories import make_source, make_topic

pytestmark = pytest.mark.django_db

FORM = "Revert to this revision"


@pytest.fixture
def claim() -> Claim:
    """Six revisions: created; linked twice (agree); a value changed (differ); reworded and
    rated; a source unlinked (single)."""
    claim = services.claim_create(
        topic=make_topic(), slug="nine", statement="Nine officers were suspended", kind="quantity"
    )
    for text, outlet in [("Nine officers.", "The Independent"), ("9 officers.", "BBC News")]:
        services.attestation_link(
            source=make_source(text, outlet=outlet),
            claim=claim,
            start=0,
            end=len(text) - 1,
            value=Quantity(9),
        )
    bbc = claim.attestations.get(source__outlet__name="BBC News")
    services.attestation_update(attestation=bbc, value=Quantity(10))
    claim = Claim.objects.get(pk=claim.pk)
    services.claim_update(claim=claim, statement="Ten officers were suspended", rating="Misleading")
    independent = claim.attestations.get(source__outlet__name="The Independent")
    services.attestation_unlink(attestation=independent)
    claim = Claim.objects.get(pk=claim.pk)
    assert (history.revision_count(claim.pk), claim.verdict) == (6, "single")
    return claim


def revision(client, claim: Claim, number: int):
    return client.get(reverse("claims:revision", args=[claim.slug, number]))


def revert(client, claim: Claim, number: int, latest: int = 6):
    url = reverse("claims:revision", args=[claim.slug, number])
    return client.post(url, {"latest": latest})


def test_a_curator_reverts_a_claim_to_an_earlier_revision(client, claim, site_curator):
    client.force_login(site_curator)
    as_it_was = revision(client, claim, 3).content.decode()
    assert FORM in as_it_was
    response = revert(client, claim, 3)
    assert response["Location"] == reverse("claims:revision", args=[claim.slug, 7])

    claim.refresh_from_db()
    assert (claim.statement, claim.rating) == ("Nine officers were suspended", "")
    stated = sorted(
        (a.source.outlet.name, a.value_display)
        for a in claim.attestations.select_related("source__outlet")
    )
    assert stated == [("BBC News", "9"), ("The Independent", "9")]
    assert claim.verdict == "agree"  # recomputed from the sources restored

    latest = history.claim_revisions(claim.pk)[-1]
    assert (latest.number, latest.reason, latest.user) == (
        7,
        "Reverted to revision 3",
        "curator-member",
    )
    assert "Verdict single → agree" in latest.summary
    page = client.get(response["Location"]).content.decode()
    assert "Reverted to revision 3: the claim as it stands now is revision 7." in page
    assert "(reason: Reverted to revision 3)" in page
    assert FORM not in page  # the latest revision: nothing to revert to
    # the permalink reverted to still says what it said
    assert (
        revision(client, claim, 3).content.decode().split("What each source said")[1]
        == (as_it_was.split("What each source said")[1])
    )


def test_only_curators_see_and_may_use_the_revert(client, claim, site_editor):
    assert FORM not in revision(client, claim, 3).content.decode()
    anonymous = revert(client, claim, 3)
    assert anonymous["Location"].startswith(reverse("accounts:login"))
    client.force_login(site_editor)
    assert FORM not in revision(client, claim, 3).content.decode()
    assert revert(client, claim, 3).status_code == 403
    assert history.revision_count(claim.pk) == 6
    assert Claim.objects.get(pk=claim.pk).statement == "Ten officers were suspended"


def test_a_revert_of_a_claim_changed_since_the_page_was_shown_is_refused(
    client, claim, site_curator
):
    client.force_login(site_curator)
    services.claim_update(claim=claim, rating="Accurate")  # someone else, meanwhile: revision 7
    response = revert(client, claim, 3, latest=6)
    assert response["Location"] == reverse("claims:revision", args=[claim.slug, 3])
    page = client.get(response["Location"]).content.decode()
    assert "The claim has changed since you looked (it is at revision 7 now)" in page
    claim.refresh_from_db()
    assert (claim.rating, history.revision_count(claim.pk)) == ("Accurate", 7)


def test_there_is_nothing_to_revert_to_the_latest_revision_or_to_one_alike(claim):
    with pytest.raises(ValidationError, match="nothing to revert"):
        reverting.claim_revert(claim=claim, number=6)
    reverting.claim_revert(claim=claim, number=5)  # the Independent's quote back
    with pytest.raises(ValidationError, match="says what it said at revision 5"):
        reverting.claim_revert(claim=claim, number=5)
    assert history.revision_count(claim.pk) == 7


def test_a_quote_unlinked_and_linked_again_is_reverted_in_place(claim):
    bbc = claim.attestations.get()
    text_end = bbc.end
    services.attestation_unlink(attestation=bbc)
    services.attestation_link(
        source=bbc.source, claim=claim, start=0, end=text_end, value=Quantity(11)
    )  # a new row for the same quote: revision 8
    again = claim.attestations.get()
    reverting.claim_revert(claim=claim, number=6)
    assert claim.attestations.get().pk == again.pk  # edited back, not unlinked and relinked
    assert claim.attestations.get().value_display == "10"
