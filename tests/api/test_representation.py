"""The claim serializer's own representation, built straight from the rows a page reads, is
exactly DRF's field by field one (same keys, same order, same values) for every seed claim:
a field added to ``ClaimSerializer`` or ``AttestationSerializer`` but not to the fast way, or
shown differently there, fails here."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.db.models import Prefetch
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from claims.api.serializers import ClaimSerializer
from claims.models import Attestation, Claim
from claims.selectors import api_claim_list, api_claims

pytestmark = pytest.mark.django_db


def as_loaded_for_drf() -> list[Claim]:
    """Every claim as DRF's generic fields read it: topic joined, attestations with their
    sources, outlets and claimants in as-of order, parts by slug (the list's order before
    it had its own representation)."""
    attestations = Attestation.objects.select_related("source__outlet", "claimant")
    claims = Claim.objects.for_list().prefetch_related(
        Prefetch("attestations", queryset=attestations.in_as_of_order()),
        Prefetch("parts", queryset=Claim.objects.order_by("slug")),
    )
    return list(claims.order_by("slug"))


def generic(claim: Claim, context: dict) -> str:
    serializer = ClaimSerializer(context=context)
    return json.dumps(serializers.ModelSerializer.to_representation(serializer, claim))


@pytest.fixture
def seeds_dated(seeds) -> None:
    """The seeds, with a value dated otherwise than its source (none of theirs is)."""
    attestation = Attestation.objects.order_by("pk").first()
    assert attestation is not None
    Attestation.objects.filter(pk=attestation.pk).update(as_of=date(2018, 5, 1))


@pytest.fixture
def context() -> dict:
    return {"request": APIRequestFactory().get("/api/claims/")}


def test_the_seeds_show_every_kind_of_field(seeds_dated):
    """The comparisons below cover parts, claimants, dates of their own and each shape of
    value, and none."""
    assert Claim.parts.through.objects.exists()
    attestations = Attestation.objects.all()
    assert attestations.filter(claimant__isnull=False).exists()
    assert attestations.filter(claimant__isnull=True).exists()
    assert attestations.filter(as_of__isnull=False).exists()
    shapes = {type(a.value).__name__ for a in attestations}
    assert shapes == {"Quantity", "DateValue", "TextValue", "NoneType"}
    assert any(a.value_date_end for a in attestations)  # a period


def test_a_page_of_claims_is_shown_as_drf_shows_each(seeds_dated, context):
    expected = [generic(claim, context) for claim in as_loaded_for_drf()]
    page = ClaimSerializer(api_claim_list().order_by("slug"), many=True, context=context)
    assert [json.dumps(shown) for shown in page.data] == expected


def test_one_claim_is_shown_as_drf_shows_it(seeds_dated, context):
    for claim in as_loaded_for_drf():
        shown = ClaimSerializer(api_claims().get(pk=claim.pk), context=context).data
        assert json.dumps(shown) == generic(claim, context)


def test_without_a_request_the_addresses_are_paths(seeds_dated):
    """As DRF's fields give them (``absolute``): a serializer used outside a view."""
    claim = as_loaded_for_drf()[0]
    shown = ClaimSerializer(api_claims().get(pk=claim.pk)).data
    assert json.dumps(shown) == generic(claim, {})
    assert shown["url"].startswith("/claims/")
