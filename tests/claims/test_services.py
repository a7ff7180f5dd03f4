"""The claims services every writer goes through: the review queue, the API, the admin and the
dataset import."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from claims import services
from claims.models import Claim
from claims.rules.values import Quantity
from tests.factories import make_claim, make_source

pytestmark = pytest.mark.django_db


def test_a_link_without_refresh_leaves_the_verdict_to_a_refresh_at_the_end():
    claim = make_claim()
    source = make_source("Nine officers were suspended.")
    services.attestation_link(
        source=source, claim=claim, start=0, end=13, value=Quantity(9), refresh=False
    )
    assert Claim.objects.get().verdict == ""

    assert services.claims_refresh_verdicts(claims=[claim]) == 1
    assert Claim.objects.get().verdict == "single"


def test_updating_an_attestations_span_takes_the_quote_and_context_from_the_text():
    claim = make_claim()
    source = make_source("Before. Nine officers were suspended. After.")
    attestation = services.attestation_link(
        source=source, claim=claim, start=8, end=12, value=Quantity(9)
    )
    services.attestation_update(attestation=attestation, start=8, end=21)

    attestation.refresh_from_db()
    assert attestation.quote == "Nine officers"
    assert (attestation.context_before, attestation.context_after) == (
        "Before. ",
        " were suspended. After.",
    )


def test_an_as_of_on_the_sources_own_date_is_not_stored():
    source = make_source("Nine officers were suspended.", published=date(2025, 10, 1))
    attestation = services.attestation_link(
        source=source,
        claim=make_claim(),
        start=0,
        end=13,
        value=Quantity(9),
        as_of=date(2025, 10, 1),
    )
    services.attestation_update(attestation=attestation, as_of=date(2025, 10, 1))
    assert attestation.as_of is None


def test_a_claim_cannot_be_a_part_of_itself():
    claim = make_claim()
    with pytest.raises(ValidationError):
        services.claim_parts_set(claim=claim, parts=[claim])
    assert not claim.parts.exists()
