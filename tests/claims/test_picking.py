"""Forms pick a topic, an outlet, a source or a claimant by typing: a few matches come back as
the user types, and the box takes a slug or a whole name. No form lists a whole table."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from claims.models import Topic
from claims.picking import KINDS
from sources.models import Outlet, Source
from tests.factories import make_source

pytestmark = pytest.mark.django_db

BBC = "bbc-live-2025-10-02"
INDEPENDENT = "independent-2025-09-30"


def matches(client, kind: str, typed: str) -> list[dict[str, str]]:
    response = client.get(f"/pick/{kind}/", {"q": typed})
    assert response.status_code == 200
    return response.json()["results"]


def test_typing_part_of_an_outlet_offers_those_that_start_with_it_first(client, seeds):
    found = matches(client, "outlet", "inde")
    assert found[0] == {"value": "the-independent", "label": "The Independent"}

    assert matches(client, "outlet", "i") == []  # one letter matches too much to help


def test_a_source_is_found_by_its_title_or_its_outlet_without_reading_any_text(client, seeds):
    with CaptureQueriesContext(connection) as queries:
        found = matches(client, "source", "BBC")
    assert BBC in [m["value"] for m in found]
    assert all("BBC" in m["label"] for m in found)
    assert len(found) <= 10
    assert not any('"text"' in q["sql"] for q in queries.captured_queries)


def test_at_most_ten_matches_come_back(client, db):
    for n in range(15):
        Topic.objects.create(slug=f"strike-{n}", title=f"Rail strike, day {n}")
    assert len(matches(client, "topic", "strike")) == 10


def test_an_unknown_kind_is_a_404(client, seeds):
    assert client.get("/pick/story/", {"q": "bbc"}).status_code == 404


def test_the_claim_filters_take_a_slug_or_a_whole_name(client, seeds):
    by_slug = client.get("/claims/", {"outlet": "the-independent"}).content.decode()
    by_name = client.get("/claims/", {"outlet": "the independent"}).content.decode()
    assert "No claims match" not in by_slug
    assert by_slug.count("<bdi>") == by_name.count("<bdi>")


def test_an_unknown_name_is_a_clear_error_that_keeps_what_was_typed(client, seeds):
    page = client.get("/claims/", {"outlet": "The Daily Planet"}).content.decode()
    assert "Nothing is called “The Daily Planet”" in page
    assert 'value="The Daily Planet"' in page


def test_the_filter_form_lists_no_source_outlet_topic_or_claimant(client, seeds):
    page = client.get("/claims/").content.decode()
    assert Source.objects.count() > 3 and Outlet.objects.count() > 3
    for outlet in Outlet.objects.all():
        assert f">{outlet.name}</option>" not in page
    for source in Source.objects.all():
        assert source.slug not in page


def test_compare_takes_a_ticked_source_and_one_typed_by_its_title(client, seeds):
    independent = Source.objects.get(slug=INDEPENDENT)
    page = client.get(
        "/sources/compare/", {"source": [BBC, independent.title], "go": "1"}
    ).content.decode()
    assert "Claims they share" in page
    assert f'value="{INDEPENDENT}"' in page and f'value="{BBC}"' in page  # both now ticked


def test_compare_lists_only_the_chosen_sources(client, seeds):
    page = client.get("/sources/compare/", {"source": BBC}).content.decode()
    assert page.count('type="checkbox" name="source"') == 1
    assert 'data-pick-url="/pick/source/"' in page


def test_an_unknown_source_to_compare_is_a_clear_error(client, seeds):
    page = client.get("/sources/compare/", {"source": [BBC, "no-such-story"]}).content.decode()
    assert "Nothing is called “no-such-story”" in page
    assert f'value="{BBC}"' in page  # what was chosen stays ticked


def test_a_source_is_found_by_part_of_its_title_or_of_its_outlets_name(client, db):
    gazette = Outlet.objects.create(name="Harbour Gazette", slug="harbour-gazette")
    make_source(outlet=gazette.name, title="Bridge shut for repairs", slug="bridge-shut")
    make_source(outlet="Valley Times", title="Ferry timetable changes", slug="ferry")

    assert [m["value"] for m in matches(client, "source", "gazett")] == ["bridge-shut"]
    assert [m["value"] for m in matches(client, "source", "ridge sh")] == ["bridge-shut"]
    assert [m["value"] for m in matches(client, "source", "TIMETABLE")] == ["ferry"]
    assert matches(client, "source", "lighthouse") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")
def test_a_sources_title_is_matched_on_its_trigram_index_not_through_a_join(db):
    """Through a join to outlets no index serves the match, and every source is read."""
    make_source(outlet="Harbour Gazette", title="Bridge shut for repairs")
    source = KINDS["source"]
    # The index the match can use: with a few rows the planner may rather read another index
    # whole, filtering as it goes, so whole-table and whole-index reads are both ruled out.
    matching = source.rows.filter(source.holding("bridge")).order_by()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = matching.explain()
    print(plan)
    assert "Bitmap Index Scan on source_title_trgm" in plan
    assert "sources_outlet.name" not in plan  # the outlets whose names match are read first
