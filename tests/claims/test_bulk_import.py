"""A dataset's new rows are written in bulk: sources, claims and attestations a batch at a time,
each claim's verdict and counts computed once, the whole import one revision. What it stores is
what the one-by-one path stores."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import history, services
from claims.dataset import read_dataset_file
from claims.dataset.writer import import_dataset
from claims.management.commands.load_seeds import SEED_DATASET
from claims.models import Attestation, Claim, Claimant
from claims.rules.quotes import Span
from claims.rules.values import Qualifier, Quantity
from sources.models import Source, SourceAnchor
from tests.factories import make_source, make_topic

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


def test_claimants_named_together_are_those_named_one_by_one():
    met = services.claimant_create(name="Metropolitan Police", aliases=["the Met"])
    hyphened = services.claimant_create(name="John-Smith")  # slug "john-smith", another name

    named = services.claimants_for(names=["The Met.", "John Smith", "JOHN SMITH", "  ", "Ann Lee"])

    assert named["The Met."] == met
    assert named["  "] is None
    smith = named["John Smith"]
    assert named["JOHN SMITH"] == smith  # one name, one claimant
    assert (smith.name, smith.slug) == ("John Smith", "john-smith-2")
    assert smith.slug != hyphened.slug
    assert services.claimant_for(name="john smith") == smith
    assert services.claimant_for(name="Ann Lee") == named["Ann Lee"]
    assert Claimant.objects.count() == 4
    assert smith.history.count() == 1


def _bulk_claims(n: int, story: str) -> tuple[list[Claim], list[Attestation]]:
    """``n`` new claims, each stated once and attributed to a person named nowhere else."""
    lines = [f"Spokesperson {i} said {i + 2} homes were flooded in {story}." for i in range(n)]
    source = make_source("\n".join(lines))
    topic = make_topic()
    claims, attestations = [], []
    for i, line in enumerate(lines):
        quote = f"{i + 2} homes"
        claim = Claim(topic=topic, slug=f"{story}-{i}", statement=quote, kind="quantity")
        attestation = Attestation(claim=claim, source=source, attributed_to=f"Spokesperson {i}")
        start = source.text.index(line) + line.index(quote)
        attestation.place_span(Span(start, start + len(quote)))
        attestation.value = Quantity(Decimal(i + 2), Qualifier.EXACT)
        claims.append(claim)
        attestations.append(attestation)
    return claims, attestations


def test_a_batch_of_new_claims_takes_the_same_queries_however_many_claimants_it_names():
    used = []
    for n, story in [(3, "ashbury"), (30, "dalfield")]:
        claims, attestations = _bulk_claims(n, story)
        with CaptureQueriesContext(connection) as queries:
            services.claims_bulk_create(claims=claims, attestations=attestations)
        used.append(len(queries))

    # the names looked up, new names and slugs taken, claimants, their history and their
    # names; claims, attestations and the history of each (and on PostgreSQL their ids
    # taken first); the matching index's stamp and entries; two savepoints, each released
    assert used[0] == used[1] <= 18
    assert Claimant.objects.count() == 30
    assert {a.claimant.name for a in Attestation.objects.select_related("claimant")} == {
        f"Spokesperson {i}" for i in range(30)
    }


def test_a_large_import_leaves_the_planner_knowing_the_tables_sizes(monkeypatch):
    """Until statistics are gathered, PostgreSQL plans as if the tables were as small as they
    were, and a claim's page scanned every source of a ledger of 100,000 claims."""
    from django.core.management import call_command
    from django.db import connection

    from claims.management.commands import import_dataset as command

    monkeypatch.setattr(command, "ANALYZE_AFTER", 100)  # the seeds stand in for a large file
    call_command("import_dataset", SEED_DATASET, stdout=io.StringIO())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'claims_claim'")
        else:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'claims_claim' LIMIT 1")
        (known,) = cursor.fetchone()
    assert int(float(str(known).split()[0])) == Claim.objects.count()
