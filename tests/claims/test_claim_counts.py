"""Each claim keeps its counts (sources, quotes, latest source) and its sort keys on its row, so
that lists sort and page on indexes; the services keep them right, and ``recount_claims``
checks them and mends what was written around the services."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Max

from claims import services
from claims.models import Claim
from claims.rules.values import Quantity
from sources.models import Source
from sources.services import source_save
from sources.signals import source_dated_or_origin_changed
from tests.factories import make_claim, make_source

pytestmark = pytest.mark.django_db

# Reuters, 2 February 2023, on the Turkey–Syria earthquake; then an update a day later.
FIRST = "More than 2,300 people were killed, officials said on Monday."
LATER = "The death toll rose to more than 5,000, the agency said."


def link(claim: Claim, source: Source, quote: str, value: float) -> None:
    start = source.text.index(quote)
    services.attestation_link(
        source=source, claim=claim, start=start, end=start + len(quote), value=Quantity(value)
    )


def stored(claim: Claim) -> tuple[int, int, date | None, str]:
    claim.refresh_from_db()
    return claim.source_count, claim.attestation_count, claim.latest_source_on, claim.verdict


def test_links_and_unlinks_keep_the_counts_and_the_latest_source_date():
    claim = make_claim(statement="People killed in the earthquake", changes_over_time=True)
    monday = make_source(FIRST, outlet="Reuters", published=date(2023, 2, 6))
    tuesday = make_source(f"{LATER} {FIRST}", outlet="AP", published=date(2023, 2, 7))
    assert stored(claim) == (0, 0, None, "")

    link(claim, monday, "2,300 people were killed", 2300)
    assert stored(claim) == (1, 1, date(2023, 2, 6), "single")
    link(claim, tuesday, "more than 5,000", 5000)
    link(claim, tuesday, "2,300 people were killed", 2300)
    assert stored(claim) == (2, 3, date(2023, 2, 7), "updated")

    for attestation in tuesday.attestations.all():
        services.attestation_unlink(attestation=attestation)
    assert stored(claim) == (1, 1, date(2023, 2, 6), "single")


def test_a_redated_source_moves_its_claims_latest_date():
    claim = make_claim()
    source = make_source(FIRST, published=date(2023, 2, 6))
    link(claim, source, "2,300 people were killed", 2300)

    source.set_published(date(2023, 2, 8))
    source_save(source=source)
    source_dated_or_origin_changed.send(sender=Source, source=source)  # as the admin does

    assert stored(claim)[2] == date(2023, 2, 8)


def test_recount_finds_the_counts_right_then_mends_a_row_written_around_the_services():
    claim = make_claim()
    link(claim, make_source(FIRST, published=date(2023, 2, 6)), "2,300 people", 2300)
    out = StringIO()
    call_command("recount_claims", stdout=out)
    assert out.getvalue().strip() == "Every claim's counts were right."

    Claim.objects.filter(pk=claim.pk).update(source_count=7, latest_source_on=None)
    out = StringIO()
    call_command("recount_claims", stdout=out)

    assert out.getvalue().strip() == "Mended the counts of 1 claim."
    assert stored(claim)[:3] == (1, 1, date(2023, 2, 6))


def test_every_seed_claims_stored_counts_equal_a_count_of_its_attestations(seeds):
    counted = Claim.objects.annotate(
        n_sources=Count("attestations__source", distinct=True),
        n_quotes=Count("attestations"),
        latest=Max("attestations__source__published_on"),
    )
    assert counted.count() > 50
    for claim in counted:
        assert (claim.source_count, claim.attestation_count, claim.latest_source_on) == (
            claim.n_sources,
            claim.n_quotes,
            claim.latest,
        ), claim.slug
