"""Speed of the near-duplicate screen against a large store of sources: is importing interactive?

Stores 10,000 synthetic sources (seeded, deterministic: 3-8 KB of news-like text each, with stock
phrases that many of them share, as agency copy and house style make real texts share them)
with their anchors, in a throwaway database: a temporary SQLite file, or, when DATABASE_URL names
a PostgreSQL database, a new database named after it with "_bench" added (dropped at the end).
Then times ``find_near_duplicate`` for imports of four kinds:

- new: a story not stored (nothing should be found);
- syndicated: a stored story with its own headline, a paragraph cut and a phrase changed;
- carried: a stored wire story inside a longer article that adds its own paragraphs;
- excerpt: a 400-word wire story cut from a stored longer article.

    python -m bench.near_duplicates            # prints the timings; exit status 1 if over budget
    python -m bench.near_duplicates --sources 2000 --imports 40 --json
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from itertools import accumulate
from pathlib import Path
from typing import Any

from bench.common import setup_django

BUDGET_SECONDS = 0.050
SEED = 20250930
SYLLABLES = (
    "ba be bi bo da de di do ga ge go ka ke ki ko la le li lo ma me mi mo na ne ni no "
    "pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo wa we za zo"
).split()
COMMON = (
    "the of and to a in that is was for on said with as by at from his her it be have has "
    "are were had not this but an they which would who their been more after also its than "
    "police council government officers report year people minister new last week told"
).split()
# Phrases many sources share: their anchors match thousands of stored texts at once.
STOCK = [
    "said in a statement on Thursday",
    "a spokesperson for the council said",
    "the government said it would",
    "according to figures published by the",
    "police said inquiries were continuing",
    "declined to comment when contacted by",
    "the prime minister said on Monday",
    "it is understood that the",
]


class Writer:
    """News-like text from a seeded vocabulary with Zipf-like word frequencies."""

    def __init__(self, rng: random.Random, size: int = 5000) -> None:
        words = dict.fromkeys(COMMON)
        while len(words) < size:
            words["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))] = None
        self.rng, self.words = rng, list(words)
        self.cum_weights = list(accumulate(1 / (rank + 1) for rank in range(len(self.words))))

    def sentence(self) -> str:
        words = self.rng.choices(
            self.words, cum_weights=self.cum_weights, k=self.rng.randint(12, 30)
        )
        if self.rng.random() < 0.3:
            words.insert(self.rng.randint(0, len(words)), self.rng.choice(STOCK))
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))

    def text(self, min_bytes: int, max_bytes: int) -> str:
        target = self.rng.randint(min_bytes, max_bytes)
        paragraphs = [self.sentence()]  # the headline
        while sum(len(p) + 2 for p in paragraphs) < target:
            paragraphs.append(self.paragraph())
        return "\n\n".join(paragraphs)

    def words_long(self, count: int) -> str:
        paragraphs: list[str] = []
        while sum(len(p.split()) for p in paragraphs) < count:
            paragraphs.append(self.paragraph())
        return "\n\n".join(paragraphs)


def throwaway_database() -> Callable[[], None]:
    """Point Django at a new, migrated database; returns the function that drops it."""
    from django.db import connection

    test = connection.settings_dict.setdefault("TEST", {})
    folder = tempfile.TemporaryDirectory()
    if connection.vendor == "sqlite":  # a file, not the in-memory default: as the app runs
        test["NAME"] = str(Path(folder.name) / "near_duplicates.sqlite3")
    else:
        test["NAME"] = f"{connection.settings_dict['NAME']}_bench"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)

    def drop() -> None:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        folder.cleanup()

    return drop


def store_sources(texts: Sequence[str]) -> tuple[list[int], int]:
    """Bulk-create sources with their anchors (a fast path beside ``Source.save``); returns
    their primary keys and the number of anchors."""
    from django.db import connection, transaction

    from sources.ingest.similarity import anchors, fingerprint
    from sources.models import Outlet, Source, SourceAnchor
    from sources.text.normalise import content_hash, normalise_text

    outlet = Outlet.objects.create(name="Bench Wire", slug="bench-wire")
    table = connection.ops.quote_name(SourceAnchor._meta.db_table)
    insert = f"INSERT INTO {table} (source_id, shingle) VALUES (%s, %s)"
    pks: list[int] = []
    total = 0
    for start in range(0, len(texts), 500):
        batch, prints = [], []
        for n, raw in enumerate(texts[start : start + 500], start):
            text = normalise_text(raw)
            fp = fingerprint(text)
            prints.append(fp)
            batch.append(
                Source(
                    slug=f"bench-{n}",
                    outlet=outlet,
                    title=text.partition("\n")[0][:200],
                    published_on=date(2025, 9, 30),
                    text=text,
                    content_hash=content_hash(text),
                )
            )
        with transaction.atomic():
            created = Source.objects.bulk_create(batch)
            rows = [
                (s.pk, value)
                for s, fp in zip(created, prints, strict=True)
                for value in anchors(fp)
            ]
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
        pks.extend(s.pk for s in created)
        total += len(rows)
    # As autovacuum would after a bulk load: planner statistics, and on PostgreSQL the visibility
    # map that lets the lookup read the index alone.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return pks, total


def syndicated(rng: random.Random, text: str) -> str:
    paragraphs = text.split("\n\n")
    body = paragraphs[1:-1] if len(paragraphs) > 3 else paragraphs
    return (
        "WIRE COPY: "
        + rng.choice(STOCK).upper()
        + "\n\n"
        + "\n\n".join(body).replace(" the ", " a ", 2)
    )


def excerpt(text: str, words: int = 400) -> str:
    tokens = text.split(" ")
    middle = max(0, len(tokens) // 2 - words // 2)
    return " ".join(tokens[middle : middle + words])


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(sources: int, imports: int) -> dict[str, Any]:
    from django.db import connection

    from sources.services import find_near_duplicate

    rng = random.Random(SEED)
    writer = Writer(rng)
    wires = [writer.text(2800, 3200) for _ in range(imports)]  # ~450-word wire stories
    texts = wires + [writer.text(3000, 8000) for _ in range(sources - len(wires))]
    started = time.perf_counter()
    pks, anchor_count = store_sources(texts)
    stored_seconds = time.perf_counter() - started

    long_ones = [i for i in range(len(wires), len(texts)) if len(texts[i]) > 7000]
    cases: list[tuple[str, str, int | None]] = []
    for n in range(imports):
        cases.append(("new", writer.text(3000, 8000), None))
        i = rng.randrange(len(texts))
        cases.append(("syndicated", syndicated(rng, texts[i]), pks[i]))
        carried = "\n\n".join([writer.words_long(500), wires[n], writer.words_long(300)])
        cases.append(("carried", carried, pks[n]))
        j = rng.choice(long_ones)
        cases.append(("excerpt", excerpt(texts[j]), pks[j]))
    rng.shuffle(cases)

    timings: dict[str, list[float]] = {kind: [] for kind, _, _ in cases}
    found = dict.fromkeys(timings, 0)
    for kind, text, expected in cases:
        started = time.perf_counter()
        near = find_near_duplicate(text)
        timings[kind].append(time.perf_counter() - started)
        found[kind] += (
            (near is None) if expected is None else bool(near and near.original.pk == expected)
        )
    every = [t for values in timings.values() for t in values]
    return {
        "database": connection.vendor,
        "sources": len(pks),
        "anchors": anchor_count,
        "store_seconds": round(stored_seconds, 1),
        "imports": len(every),
        "median_ms": round(statistics.median(every) * 1000, 1),
        "p95_ms": round(percentile(every, 0.95) * 1000, 1),
        "by_kind": {
            kind: {
                "median_ms": round(statistics.median(values) * 1000, 1),
                "p95_ms": round(percentile(values, 0.95) * 1000, 1),
                "right": f"{found[kind]}/{len(values)}",
            }
            for kind, values in timings.items()
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--imports", type=int, default=50, help="of each of the four kinds")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    setup_django()
    from django.conf import settings

    settings.DEBUG = False  # no query log growing over a million inserts
    drop = throwaway_database()
    try:
        result = run(args.sources, args.imports)
    finally:
        drop()
    over = max(result["median_ms"], result["p95_ms"]) > BUDGET_SECONDS * 1000
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{result['sources']:,} sources, {result['anchors']:,} anchors stored on "
            f"{result['database']} in {result['store_seconds']} s"
        )
        print(
            f"near-duplicate screen, {result['imports']} imports: median "
            f"{result['median_ms']} ms, p95 {result['p95_ms']} ms "
            f"(budget {BUDGET_SECONDS * 1000:.0f} ms)"
        )
        for kind, row in result["by_kind"].items():
            print(
                f"  {kind:<11} median {row['median_ms']:>5} ms  p95 {row['p95_ms']:>5} ms  "
                f"right {row['right']}"
            )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
