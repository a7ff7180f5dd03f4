"""Roles are groups made by a migration: Readers read, Editors add and review sources on the
site without being staff, Curators also use the admin without being staff."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import CURATOR, EDITOR, READER, ROLES, group_permissions
from claims.models import Attestation, Claim, DismissedCandidate, Topic
from sources.models import Source

pytestmark = pytest.mark.django_db

REPORT = (
    "Met officers suspended after undercover filming\n\n"
    "Nine officers and a member of staff have been suspended after the Panorama "
    "documentary, the Metropolitan Police said on Friday.\n\n"
    "The custody team at Charing Cross police station has been disbanded."
)


def test_the_migration_makes_each_role_with_exactly_its_permissions():
    made = {group.name: group_permissions(group) for group in Group.objects.all()}
    assert made == ROLES
    assert "claims.add_claim" in made[EDITOR] and "claims.change_claim" not in made[EDITOR]
    assert made[EDITOR] < made[CURATOR]
    assert made[READER] == frozenset()


def sign_in(client, username: str) -> None:
    response = client.post(reverse("accounts:login"), {"username": username, "password": "pw"})
    assert response.status_code == 302, response.content.decode()


def test_an_editor_who_is_not_staff_adds_a_source_and_reviews_it_on_the_site(
    client, seeds, site_editor
):
    assert not site_editor.is_staff
    sign_in(client, site_editor.username)
    assert client.get(reverse("claims:source_add")).status_code == 200
    response = client.post(
        reverse("claims:source_add"),
        {
            "text": REPORT,
            "outlet": "Evening Standard",
            "title": "Met officers suspended",
            "published": "2025-10-03",
        },
    )
    source = Source.objects.get(title="Met officers suspended")
    assert response["Location"] == reverse("claims:review", args=[source.slug])
    assert client.get(response["Location"]).status_code == 200
    start = source.text.index("Nine officers")
    end = start + len("Nine officers")

    def review(action: str, data: dict) -> None:
        url = reverse(f"claims:review_{action}", args=[source.slug])
        assert client.post(url, data).status_code == 302

    review("link", {"start": start, "end": end, "claim": "officers-suspended-2025", "value": "9"})
    linked = Attestation.objects.get(source=source)
    review("unlink", {"attestation": linked.pk})
    assert not Attestation.objects.filter(source=source).exists()
    review(
        "new",
        {
            "start": start,
            "end": end,
            "topic": Topic.objects.get(slug="panorama-charing-cross-custody").pk,
            "statement": "Nine officers were suspended (Standard).",
            "slug": "standard-nine-suspended",
            "kind": "quantity",
            "entity": "officers",
            "predicate": "suspended",
            "value": "9",
        },
    )
    assert Claim.objects.get(slug="standard-nine-suspended").attestations.get().source == source
    disbanded = source.text.index("The custody team")
    review("dismiss", {"start": disbanded, "end": disbanded + len("The custody team")})
    review("restore", {"dismissal": DismissedCandidate.objects.get(source=source).pk})
    assert not DismissedCandidate.objects.filter(source=source).exists()


def test_an_editor_may_not_edit_claims_nor_use_the_admin(client, seeds, site_editor):
    client.force_login(site_editor)
    assert client.get(reverse("admin:index"))["Location"].startswith(reverse("admin:login"))
    claim = Claim.objects.get(slug="officers-suspended-2025")
    response = client.patch(
        reverse("api:claim", args=[claim.slug]), {"rating": "Accurate"}, "application/json"
    )
    assert response.status_code == 403


def test_a_reader_signs_in_and_reads_but_adds_nothing(client, seeds, site_reader):
    sign_in(client, site_reader.username)
    assert client.get(reverse("claims:home")).status_code == 200
    assert client.get(reverse("claims:source_add")).status_code == 403


def test_a_curator_who_is_not_staff_signs_in_to_the_admin_and_edits_a_claim(
    client, seeds, site_curator
):
    assert not site_curator.is_staff
    response = client.post(
        reverse("admin:login"), {"username": site_curator.username, "password": "pw"}
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    claim = Claim.objects.get(slug="officers-suspended-2025")
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert page.status_code == 200
    assert 'name="rating"' in page.content.decode()  # a field it may change
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_the_admin_sign_in_still_refuses_an_editor(client, site_editor):
    response = client.post(
        reverse("admin:login"), {"username": site_editor.username, "password": "pw"}
    )
    assert response.status_code == 200
    assert "may not use the admin" in response.content.decode()
