"""Near-duplicates among stored sources: found through the anchor index, containment included,
with the index kept right as sources are added, edited and deleted."""

from __future__ import annotations

import importlib
import random
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sources.duplicates import MAX_CANDIDATES, candidate_ids
from sources.ingest.extract import extract_plain
from sources.ingest.similarity import (
    NEAR_DUPLICATE,
    anchors,
    fingerprint,
    resemblance,
    similarity,
)
from sources.models import Source, SourceAnchor
from sources.services import find_near_duplicate, source_create, source_save
from tests.factories import make_source

pytestmark = pytest.mark.django_db

ARTICLES = Path(__file__).resolve().parent.parent.parent / "seeds" / "articles"


def paragraphs(name: str) -> list[str]:
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    return [p for p in text.split("\n") if p.strip()]


# The PA story as The Independent ran it, without the site's furniture: about 400 words.
WIRE = "\n\n".join(paragraphs("independent-2025-09-30")[9:23])
# A quotation in it that other stories carry too: 42 words.
QUOTE = paragraphs("independent-2025-09-30")[15]
# A longer article that carries the wire story between its own reporting: about 1,200 words.
LONGER = "\n\n".join(
    [*paragraphs("guardian-2019-04-30")[:21], WIRE, *paragraphs("attitude-2022-02-01")[6:]]
)


def add(text: str, outlet: str = "The Independent") -> tuple[Source, object]:
    return source_create(
        extracted=extract_plain(text),
        outlet=outlet,
        title="Officers face the sack",
        published=date(2025, 9, 30),
    )


def stored_anchors(source: Source) -> list[int]:
    return sorted(SourceAnchor.objects.filter(source=source).values_list("shingle", flat=True))


def test_the_wire_story_is_a_short_part_of_the_longer_article():
    """What makes the case hard: by resemblance (what a MinHash sketch estimates), the two texts
    are far apart."""
    wire, longer = fingerprint(WIRE), fingerprint(LONGER)

    assert 380 <= len(WIRE.split()) <= 420
    assert len(LONGER.split()) >= 3 * len(WIRE.split()) - 50
    assert resemblance(wire, longer) < 0.4


def test_an_article_carrying_a_stored_wire_story_is_marked_as_its_copy():
    wire, _ = add(WIRE)

    article, near = add(LONGER, outlet="The Guardian")

    assert near is not None and near.original == wire
    assert near.similarity == 1.0
    assert article.copy_of == wire


def test_a_wire_story_already_carried_by_a_stored_article_is_marked_as_its_copy():
    article, _ = add(LONGER, outlet="The Guardian")

    wire, near = add(WIRE)

    assert near is not None and near.original == article
    assert wire.copy_of == article


def test_a_story_with_a_caption_and_a_paragraph_added_is_a_copy():
    original, _ = add(WIRE)
    caption = "Charing Cross police station in central London (Photo: Yui Mok/PA Wire)"
    extra = paragraphs("itv-2022-02-02")[3]

    copy, near = add(f"{caption}\n\n{WIRE}\n\n{extra}", outlet="Evening Paper")

    assert near is not None and near.original == original
    assert copy.copy_of == original


def test_a_copy_of_a_copy_points_at_the_original():
    wire, _ = add(WIRE)
    add(LONGER, outlet="The Guardian")

    near = find_near_duplicate("Photo caption here.\n\n" + LONGER)

    assert near is not None and near.original == wire


def test_two_stories_sharing_a_quotation_are_not_copies():
    assert anchors(fingerprint(QUOTE))
    first, _ = add(QUOTE + "\n\n" + "\n\n".join(paragraphs("guardian-2019-04-30")))
    second = QUOTE + "\n\n" + "\n\n".join(paragraphs("itv-2022-02-02"))

    assert set(anchors(fingerprint(QUOTE))) <= set(stored_anchors(first))
    assert find_near_duplicate(second) is None


def test_a_story_sharing_half_a_stored_one_is_read_but_not_taken_for_a_copy():
    """Plausible by its anchors, so its text is compared; the full fingerprints say no."""
    wire_paragraphs = paragraphs("independent-2025-09-30")[9:23]
    stored, _ = add(WIRE)
    half = "\n\n".join(wire_paragraphs[:8] + paragraphs("itv-2022-02-02")[2:9])
    score = similarity(fingerprint(half), fingerprint(WIRE))

    assert 0.4 < score < NEAR_DUPLICATE
    assert candidate_ids(anchors(fingerprint(half))) == [stored.pk]
    assert find_near_duplicate(half) is None


def test_an_unrelated_story_finds_nothing():
    add(WIRE)

    assert find_near_duplicate("\n\n".join(paragraphs("itv-2022-02-02"))) is None
    assert find_near_duplicate("") is None


def unrelated_text(rng: random.Random) -> str:
    vocabulary = (
        "council budget river hospital school trains housing court election club report "
        "minister warned said figures rise fall year week plans residents service funding "
        "officials review spending record latest data support pressure changes staff"
    ).split()
    return " ".join(rng.choice(vocabulary) for _ in range(600))


def test_the_lookup_reads_the_index_not_every_stored_source():
    """The screen costs the same few queries with 5 or 60 unrelated sources stored: two on the
    anchor index, one for the candidates' texts, one for the original."""
    rng = random.Random(7)
    add(WIRE)
    counts = []
    for total in (5, 60):
        while Source.objects.count() < total:
            make_source(unrelated_text(rng))
        with CaptureQueriesContext(connection) as queries:
            near = find_near_duplicate(LONGER)
        assert near is not None
        counts.append(len(queries))

    assert counts[0] == counts[1] <= 4
    # Sources are read by primary key only (the candidates, the original), never all of them.
    for query in queries.captured_queries:
        if 'FROM "sources_source"' in query["sql"]:
            assert (
                '"sources_source"."id" IN' in query["sql"]
                or '"sources_source"."id" =' in (query["sql"])
            )


def test_sources_sharing_only_a_quotation_are_not_read():
    rng = random.Random(8)
    wire, _ = add(WIRE)
    for _ in range(3 * MAX_CANDIDATES):
        # Each carries a quotation from the wire story, so each shares anchors with it.
        make_source(QUOTE + " " + unrelated_text(rng))

    with CaptureQueriesContext(connection) as queries:
        ranked = candidate_ids(anchors(fingerprint(LONGER)))

    assert ranked == [wire.pk]
    assert len(queries) == 2
    shared = SourceAnchor.objects.filter(shingle__in=anchors(fingerprint(QUOTE)))
    assert shared.values("source").distinct().count() == 3 * MAX_CANDIDATES + 1


def test_a_stored_source_is_indexed_by_its_anchors():
    source = make_source(WIRE)

    assert stored_anchors(source) == anchors(fingerprint(source.text))
    assert len(stored_anchors(source)) > 20


def test_editing_a_sources_text_moves_its_anchors():
    source = make_source(WIRE)
    other = "\n\n".join(paragraphs("itv-2022-02-02"))

    source.text = other
    source_save(source=source)

    assert stored_anchors(source) == anchors(fingerprint(other))
    assert find_near_duplicate(LONGER) is None
    assert find_near_duplicate(other).original == source


def test_editing_a_loaded_sources_text_moves_its_anchors():
    """As the admin does: a source read from the database, its text changed, saved."""
    source = Source.objects.get(pk=make_source(WIRE).pk)
    other = "\n\n".join(paragraphs("itv-2022-02-02"))

    source.text = other
    source_save(source=source)

    assert stored_anchors(source) == anchors(fingerprint(other))


def test_saving_other_fields_leaves_the_anchors_alone():
    source = Source.objects.get(pk=make_source(WIRE).pk)
    before = set(SourceAnchor.objects.filter(source=source).values_list("pk", flat=True))

    source.title = "A better headline"
    source_save(source=source)

    after = set(SourceAnchor.objects.filter(source=source).values_list("pk", flat=True))
    assert after == before


def test_deleting_a_source_deletes_its_anchors():
    source = make_source(WIRE)
    kept = make_source(LONGER)

    source.delete()

    assert not SourceAnchor.objects.filter(source_id=source.pk).exists()
    assert stored_anchors(kept) == anchors(fingerprint(kept.text))
    assert find_near_duplicate(WIRE).original == kept


def test_the_migration_indexes_sources_stored_before_it():
    migration = importlib.import_module("sources.migrations.0004_sourceanchor")
    first, second = make_source(WIRE), make_source(LONGER)
    SourceAnchor.objects.all().delete()
    assert find_near_duplicate(WIRE) is None

    migration.index_stored_sources(apps, None)

    assert stored_anchors(first) == anchors(fingerprint(first.text))
    assert stored_anchors(second) == anchors(fingerprint(second.text))
    assert find_near_duplicate(LONGER, exclude=second.pk).original == first
