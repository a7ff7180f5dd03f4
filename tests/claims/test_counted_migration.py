"""The data migration that reads what existing quantity claims count from their unit and
subject."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from claims.models import Claim
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

fill = importlib.import_module("claims.migrations.0006_claim_counted_from_subject").fill


def test_a_count_gets_its_entity_predicate_and_qualifiers_from_its_unit_and_subject():
    count = make_claim(
        kind="quantity", unit="workers", subject="former workers laid off (Ohio plant)"
    )
    measure = make_claim(kind="quantity", unit="years", subject="length of the sentence")
    fill(apps, None)
    count.refresh_from_db()
    measure.refresh_from_db()
    assert (count.entity, count.predicate, count.qualifiers, count.unit) == (
        "workers",
        "laid off",
        "former",
        "",
    )
    assert (measure.entity, measure.unit) == ("", "years")


def test_a_claim_a_curator_already_described_is_left_alone():
    claim = make_claim(kind="quantity", unit="votes", subject="votes cast", entity="ballots")
    fill(apps, None)
    assert Claim.objects.get(pk=claim.pk).entity == "ballots"
