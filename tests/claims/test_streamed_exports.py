"""Exports stream: the CSV, a topic's dataset and its annotations are written while their rows
are read a chunk at a time, so a ledger ten times larger needs no more memory, and the queries
grow with the chunks, not the rows. (Memory is measured with tracemalloc, never timed.)"""

from __future__ import annotations

import json
import math
import tracemalloc
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from claims.dataset import dump_dataset, export_dataset
from claims.dataset.export import dataset_text
from claims.models import Attestation, Claim, Topic
from claims.rules.values import Qualifier, Quantity
from sources.models import Outlet, Source
from sources.text.normalise import content_hash

pytestmark = pytest.mark.django_db

CHUNK = 100

# From the Associated Press's reports of the Alaska Airlines door plug, January 2024.
QUOTE = "171 Boeing 737 Max 9 planes"
REPORT = (
    "The Federal Aviation Administration ordered the temporary grounding of 171 Boeing 737 "
    "Max 9 planes after a panel blew out of an Alaska Airlines jet. "
    "The plane, which took off from Portland, Oregon, was carrying 171 passengers and six crew "
    "members, and it returned safely to the airport about 20 minutes after takeoff. "
    "Investigators with the National Transportation Safety Board said the plug was found in "
    "the backyard of a high school physics teacher. "
)


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch):
    """Chunks of 100 rows: a ledger of 300 claims is three of them, one of 3,000 is thirty."""
    monkeypatch.setattr("claims.exports.claim_csv.CHUNK", CHUNK)
    monkeypatch.setattr("claims.dataset.export.CHUNK", CHUNK)
    monkeypatch.setattr("claims.dataset.export.SOURCE_CHUNK", CHUNK)
    monkeypatch.setattr("claims.exports.citing.ANNOTATION_CHUNK", CHUNK)


def grow_ledger(topic: Topic, first: int, count: int) -> None:
    """``count`` more claims of ``topic``, each stated by a source of its own (4 KB of text)."""
    outlet, _ = Outlet.objects.get_or_create(name="Associated Press", slug="associated-press")
    texts = [f"Report {i}. " + REPORT * 8 for i in range(first, first + count)]
    sources = Source.objects.bulk_create(
        Source(
            slug=f"door-plug-report-{i}",
            outlet=outlet,
            title=f"Boeing 737 Max 9 planes grounded, report {i}",
            published_on=date(2024, 1, 6) + timedelta(days=i % 30),
            text=text,
            content_hash=content_hash(text),
        )
        for i, text in zip(range(first, first + count), texts, strict=True)
    )
    claims = Claim.objects.bulk_create(
        Claim(
            topic=topic,
            slug=f"planes-grounded-{i}",
            statement=f"The FAA grounded 171 Boeing 737 Max 9 planes (report {i})",
            kind=Claim.Kind.QUANTITY,
        )
        for i in range(first, first + count)
    )
    start = texts[0].index(QUOTE) - len(f"Report {first}. ")
    Attestation.objects.bulk_create(
        Attestation(
            claim=claim,
            source=source,
            quote=QUOTE,
            start=start + len(f"Report {i}. "),
            end=start + len(f"Report {i}. ") + len(QUOTE),
            **Attestation.value_fields(Quantity(Decimal(171), Qualifier.EXACT)),
        )
        for i, claim, source in zip(range(first, first + count), claims, sources, strict=True)
    )


def streamed(client, url: str) -> tuple[int, int]:
    """The response's size and the peak memory allocated while it was made and read."""
    tracemalloc.start()
    try:
        response = client.get(url)
        assert response.status_code == 200
        size = sum(len(block) for block in response.streaming_content)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return size, peak


def urls(topic: Topic) -> list[str]:
    return [
        reverse("claims:csv"),
        reverse("claims:topic_dataset", args=[topic.slug]),
        reverse("claims:topic_annotations", args=[topic.slug]),
    ]


def test_ten_times_the_claims_take_no_more_memory_to_export(client):
    topic = Topic.objects.create(slug="door-plug", title="Alaska Airlines door plug")
    grow_ledger(topic, 0, 300)
    small = {url: streamed(client, url) for url in urls(topic)}
    grow_ledger(topic, 300, 2700)
    large = {url: streamed(client, url) for url in urls(topic)}
    for url in urls(topic):
        (small_size, small_peak), (large_size, large_peak) = small[url], large[url]
        assert large_size > 9 * small_size, url  # ten times the rows went out
        # in memory at once: a chunk of rows, whatever their number (read whole, 10 times more)
        assert large_peak < 2 * small_peak, (url, small_peak, large_peak)


@pytest.mark.parametrize("n", [50, 250])
def test_export_queries_grow_with_the_chunks_not_the_rows(client, django_assert_max_num_queries, n):
    topic = Topic.objects.create(slug="door-plug", title="Alaska Airlines door plug")
    grow_ledger(topic, 0, n)
    chunks = math.ceil(n / CHUNK)
    budgets = [1 + chunks, 5 + 2 * chunks, 3 + 2 * chunks]  # CSV, dataset, annotations
    for url, budget in zip(urls(topic), budgets, strict=True):
        with django_assert_max_num_queries(budget):
            size = sum(len(block) for block in client.get(url).streaming_content)
        assert size > n * len(QUOTE), url


def test_the_streamed_dataset_is_the_dataset_byte_for_byte(client):
    topic = Topic.objects.create(slug="door-plug", title="Alaska Airlines door plug")
    grow_ledger(topic, 0, 250)
    Topic.objects.create(slug="empty", title="A topic with nothing in it yet")
    assert "".join(dataset_text()) == dump_dataset(export_dataset())
    url = reverse("claims:topic_dataset", args=[topic.slug])
    data = json.loads(b"".join(client.get(url).streaming_content))
    assert data == export_dataset(topic=topic)
    assert len(data["claims"]) == len(data["sources"]) == 250
    assert data["sources"][0]["text"].startswith("Report 0. The Federal Aviation")


def test_annotations_quote_the_words_around_each_quote_without_reading_whole_texts(client):
    topic = Topic.objects.create(slug="door-plug", title="Alaska Airlines door plug")
    grow_ledger(topic, 0, 3)
    url = reverse("claims:topic_annotations", args=[topic.slug])
    collection = json.loads(b"".join(client.get(url).streaming_content))
    assert collection["total"] == 3
    selectors = [a["target"][0]["selector"][0] for a in collection["first"]["items"]]
    assert selectors[0] == {
        "type": "TextQuoteSelector",
        "exact": QUOTE,
        "prefix": "ered the temporary grounding of ",
        "suffix": " after a panel blew out of an Al",
    }
