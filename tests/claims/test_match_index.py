"""The matching index is shared through the database and follows each write: a process that
read it once hears of a new, changed or deleted claim in one query, without reading the ledger
again; a long write holds up no other; and suggestions read no source's text."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from claims import match_store
from claims.models import Claim
from claims.review.queue import review_queue
from claims.rules.values import Quantity
from claims.services import claim_delete
from sources.models import Source
from tests.factories import attest, make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db

FIRST = (
    "The death toll in the Odisha triple-train collision rose to 288 on Saturday, railway "
    "officials said."
)
LATER = (
    "The latest death, of an injured passenger who was being treated in Cuttack, brings the "
    "official toll in the Odisha triple-train tragedy to 290."
)


def stated_toll() -> Claim:
    """The toll, as the first report gave it."""
    topic = make_topic("odisha-train-collision", title="Odisha train collision")
    claim = make_claim(
        topic,
        slug="odisha-toll",
        statement="288 people died in the Odisha train collision.",
        entity="people",
        predicate="died",
        changes_over_time=True,
    )
    first = make_source(FIRST, outlet="Reuters", published=date(2023, 6, 3))
    attest(claim, first, "288", Quantity(Decimal(288)))
    return claim


@pytest.fixture
def toll() -> Claim:
    return stated_toll()


@pytest.fixture
def later() -> Source:
    return make_source(LATER, outlet="The Hindu", published=date(2023, 6, 16))


def suggested(source: Source) -> list[str]:
    """The claims the queue suggests for the source's figure 290, best first."""
    queue = review_queue(source=source)
    item = next(item for item in queue.items if item.candidate.quote.endswith("290"))
    return [suggestion.claim.slug for suggestion in item.suggestions]


def test_a_claim_stated_after_the_index_was_read_is_suggested_without_reading_it_all_again(
    later, django_assert_num_queries
):
    index = match_store.claim_index()  # this process reads the (empty) ledger
    assert suggested(later) == []
    stated_toll()
    with django_assert_num_queries(1):  # the stamp, with the entries written since
        assert match_store.claim_index() is index
    with django_assert_num_queries(1):  # nothing changed
        match_store.claim_index()
    assert suggested(later) == ["odisha-toll"]


def test_a_deleted_claim_is_no_longer_suggested(toll, later):
    assert suggested(later) == ["odisha-toll"]
    claim_delete(claim=Claim.objects.get(pk=toll.pk))
    assert suggested(later) == []


def test_rebuilding_the_index_gives_every_process_the_new_one(toll, later):
    before = match_store.claim_index()
    out = StringIO()
    call_command("rebuild_match_index", stdout=out)
    assert out.getvalue() == "Indexed 1 claim for matching.\n"
    assert match_store.claim_index() is not before
    assert suggested(later) == ["odisha-toll"]


def test_a_database_whose_index_was_never_built_builds_it_on_first_use(toll, later):
    match_store.forget()
    match_store.MatchLedger.objects.all().delete()
    match_store.MatchEntry.objects.all().delete()
    assert suggested(later) == ["odisha-toll"]


def test_suggesting_reads_the_shortlisted_claims_without_their_sources_texts(toll):
    with CaptureQueriesContext(connection) as queries:
        known = match_store.load_known(["odisha-toll"])
    assert known["odisha-toll"].quotes == ("288",)
    assert known["odisha-toll"].statements[0].outlet == "Reuters"
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert '"sources_source"."text"' not in read
    assert len(queries.captured_queries) == 2


def test_filing_a_source_under_a_topic_reaches_the_index(toll, later):
    index_stats = lambda: match_store.claim_index() and match_store._live.stats  # noqa: E731
    later.topics.add(toll.topic)
    assert {topic for topic, _ in index_stats().titles.values()} == {str(toll.topic_id)}
    toll.topic.sources.remove(later)
    assert index_stats().titles == {}


def test_an_import_writes_the_entries_a_rebuild_would():
    from claims.dataset import read_dataset_file
    from claims.dataset.writer import import_dataset
    from claims.management.commands.load_seeds import SEED_DATASET

    import_dataset(read_dataset_file(SEED_DATASET))
    imported = dict(match_store.MatchEntry.objects.values_list("key", "data"))
    match_store.rebuild()
    assert imported == dict(match_store.MatchEntry.objects.values_list("key", "data"))
    assert sum(key.startswith(match_store.CLAIM) for key in imported) == Claim.objects.count()


@pytest.mark.django_db(transaction=True)
def test_a_long_write_holds_up_no_other_claims_write_and_is_heard_of_once_committed():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    toll = stated_toll()
    written, finish = threading.Event(), threading.Event()

    def long_import() -> None:
        try:
            with transaction.atomic():
                topic = make_topic("ashbury-floods", title="Flooding in Ashbury")
                homes = make_claim(topic, slug="homes-flooded", statement="1,204 homes flooded.")
                report = make_source("In all, 1,204 homes were flooded.", outlet="Reuters")
                attest(homes, report, "1,204 homes", Quantity(Decimal(1204)))
                written.set()
                finish.wait(30)
        finally:
            connections.close_all()

    importing = threading.Thread(target=long_import)
    importing.start()
    assert written.wait(30)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")  # a wait would fail the write
        attest(toll, make_source(LATER, outlet="The Hindu"), "290", Quantity(Decimal(290)))
        index = match_store.claim_index()
        assert set(match_store._live.stats.entries) == {"odisha-toll"}
    finally:
        finish.set()
        importing.join()
    assert match_store.claim_index() is index
    assert set(match_store._live.stats.entries) == {"odisha-toll", "homes-flooded"}
