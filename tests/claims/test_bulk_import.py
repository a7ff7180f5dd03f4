"""A dataset's new rows are written in bulk: sources, claims and attestations a batch at a time,
each claim's verdict and counts computed once, the whole import one revision. What it stores is
what the one-by-one path stores."""

from __future__ import annotations

import pytest

from claims import history, services
from claims.dataset import read_dataset_file
from claims.dataset.writer import import_dataset
from claims.management.commands.load_seeds import SEED_DATASET
from claims.models import Attestation, Claim
from sources.models import Source, SourceAnchor

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def dataset():
    return read_dataset_file(SEED_DATASET)


def test_a_fresh_import_stores_each_claim_with_its_verdict_and_counts_as_a_refresh_would(
    dataset,
):
    summary = import_dataset(dataset)

    assert summary.created["claims"] == Claim.objects.count() == len(dataset.claims)
    assert summary.created["attestations"] == Attestation.objects.count()
    assert services.claims_refresh_verdicts(claims=Claim.objects.all()) == 0
    assert services.claims_recount() == 0
    assert set(Claim.objects.values_list("verdict", flat=True)) == {
        "agree",
        "differ",
        "updated",
        "single",
    }
    # the near-duplicate index and the live pages' entries, as a source added alone gets them
    assert SourceAnchor.objects.values("source").distinct().count() == Source.objects.count()


def test_the_whole_import_is_one_revision_of_each_claim(dataset):
    import_dataset(dataset)

    claim = Claim.objects.get(slug="officers-suspended-2025")
    (revision,) = history.claim_revisions(claim.pk)
    assert revision.summary
    assert claim.history.count() == 1  # created with its verdict, not created then judged
