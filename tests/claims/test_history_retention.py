"""History retention (docs/history.md): ``prune_history`` folds a claim's old revisions into the
last of them. Every revision it keeps shows exactly what stood, under the same number; earlier
permalinks answer 410 Gone; nothing changes while HISTORY_KEEP_DAYS is unset."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from claims import history, services
from claims.models import Attestation, Claim
from claims.recording import one_revision
from claims.retention import prune_history
from claims.rules.values import Quantity
from tests.factories import make_source, make_topic

pytestmark = pytest.mark.django_db

# From reports of the Alaska Airlines door plug blowout, January 2024.
AP = "The FAA ordered the grounding of 171 Boeing 737 Max 9 planes after the blowout."
REUTERS = "Regulators grounded 171 Boeing 737 MAX 9 jets for safety checks."
DAY = datetime(2024, 1, 6, 12, tzinfo=UTC)


def on(day: int) -> datetime:
    return DAY + timedelta(days=day)


@pytest.fixture
def claim() -> Claim:
    """Five revisions: created, AP added, Reuters added (days 0-2), AP's figure edited and
    the statement edited (days 30 and 31)."""
    ap = make_source(AP, outlet="Associated Press", published=date(2024, 1, 6))
    reuters = make_source(REUTERS, outlet="Reuters", published=date(2024, 1, 7))
    with one_revision(on(0)):
        claim = services.claim_create(
            topic=make_topic(),
            slug="max-9-grounded",
            statement="The FAA grounded 171 Boeing 737 Max 9 planes",
            kind=Claim.Kind.QUANTITY,
        )
    for day, source, quote in [(1, ap, "171 Boeing 737 Max 9 planes"), (2, reuters, "171")]:
        with one_revision(on(day)):
            attestation = Attestation(claim=claim, source=source, quote=quote)
            attestation.value = Quantity(171)
            attestation.place_quote()
            services.attestation_save(attestation=attestation)
    with one_revision(on(30)):
        services.attestation_update(
            attestation=claim.attestations.get(source=ap), value=Quantity(170)
        )
    with one_revision(on(31)):
        claim = Claim.objects.get(pk=claim.pk)
        services.claim_update(claim=claim, statement="The FAA grounded 171 Max 9 planes")
    return Claim.objects.get(pk=claim.pk)


def stood(claim: Claim, number: int) -> tuple[object, ...]:
    then = history.claim_as_of(claim.pk, number)
    assert then is not None
    return (
        then.claim.statement,
        then.verdict,
        then.claim.verdict_explanation,
        [(a.source.slug, a.quote, a.start, a.value_display) for a in then.attestations],
        then.latest,
    )


def records() -> int:
    return Claim.history.count() + Attestation.history.count()


def test_pruning_keeps_what_stood_at_every_revision_it_keeps_under_the_same_number(client, claim):
    assert history.revision_count(claim.pk) == 5
    before = {n: stood(claim, n) for n in (3, 4, 5)}
    count = records()

    pruned = prune_history(before=on(10))

    assert pruned.claims == 1 and pruned.records > 0
    assert records() == count - pruned.records
    assert {n: stood(claim, n) for n in (3, 4, 5)} == before
    assert history.revision_count(claim.pk) == 5
    assert [r.number for r in history.claim_revisions(claim.pk)] == [3, 4, 5]
    page = client.get(reverse("claims:revision", args=[claim.slug, 3])).content.decode()
    assert (
        "Revisions 1–2 pruned"
        in client.get(reverse("claims:history", args=[claim.slug])).content.decode()
    )
    assert "171 Boeing 737 Max 9 planes" in page


def test_a_pruned_revision_answers_gone_and_one_that_never_was_not_found(client, claim):
    prune_history(before=on(10))
    gone = client.get(reverse("claims:revision", args=[claim.slug, 1]))
    assert gone.status_code == 410
    assert "pruned" in gone.content.decode()
    cite = reverse("claims:revision_cite", args=[claim.slug, 2, "bib"])
    assert client.get(cite).status_code == 410
    assert client.get(reverse("claims:revision", args=[claim.slug, 6])).status_code == 404
    assert client.get(reverse("claims:revision", args=[claim.slug, 3])).status_code == 200


def test_pruning_again_later_keeps_the_numbers(claim):
    prune_history(before=on(10))
    latest = stood(claim, 5)
    prune_history(before=on(40))
    assert [r.number for r in history.claim_revisions(claim.pk)] == [5]
    assert stood(claim, 5) == latest
    assert history.latest_revisions([claim.pk])[claim.pk].number == 5
    with one_revision(on(50)):
        services.claim_update(claim=claim, statement="The FAA grounded the Max 9 planes")
    assert history.revision_count(claim.pk) == 6


def test_the_command_keeps_everything_unless_told_how_long_to_keep(settings, claim):
    count = records()
    out = StringIO()
    settings.HISTORY_KEEP_DAYS = None
    call_command("prune_history", stdout=out)
    assert "every revision is kept" in out.getvalue()
    assert records() == count
    settings.HISTORY_KEEP_DAYS = (timezone.now() - on(10)).days
    call_command("prune_history", stdout=out)
    assert records() < count
    assert history.revision_count(claim.pk) == 5


@pytest.mark.parametrize(
    ("table", "looked_up_by", "not_indexed"),
    [
        ("claims_historicalattestation", "claim_id", {"source_id", "claimant_id"}),
        ("claims_historicalclaim", "slug", {"topic_id"}),
        ("sources_historicalsource", "id", {"content_hash", "outlet_id", "copy_of_id"}),
    ],
)
def test_history_tables_index_only_what_records_are_looked_up_by(table, looked_up_by, not_indexed):
    """An index on every history column cost a third of history's size (docs/history.md)."""
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
        described = connection.introspection.get_table_description(cursor, table)
    indexed = {c for found in constraints.values() if found["index"] for c in found["columns"]}
    assert looked_up_by in indexed
    assert not indexed & not_indexed
    # a source's text is never copied: its hash stands for it
    assert "text" not in {column.name for column in described}
