"""On PostgreSQL, search reads the GIN indexes of migration 0013, not every row: each
document expression the queries use is the very one indexed (a source's is a stored column).
A few thousand rows, analysed, are enough for the planner to prefer the index for a word one
claim in a hundred holds."""

from __future__ import annotations

import hashlib
import random
import re
from datetime import date

import pytest
from django.db import connection, transaction

from claims.models import Attestation, Claim
from claims.search import matching_claims, postgres
from claims.search.query import parse
from sources.models import Outlet, Source
from tests.factories import make_source, make_topic

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans"),
]

WORDS = (
    "council housing residents tower fire brigade evacuation inquiry minister report "
    "government building safety regulator contractor insulation panels stairwell survivors"
).split()


def sentence(rng: random.Random, n: int, rare: str) -> str:
    words = [rng.choice(WORDS) for _ in range(12)]
    if n % 100 == 0:
        words[3:3] = rare.split()
    return " ".join(words).capitalize() + "."


@pytest.fixture
def ledger() -> None:
    rng = random.Random(13)
    topic = make_topic(title="Grenfell Tower inquiry")
    outlet = Outlet.for_name("The Guardian")
    claims = Claim.objects.bulk_create(
        Claim(topic=topic, slug=f"c{n}", statement=sentence(rng, n, "cladding"), kind="other")
        for n in range(4000)
    )
    texts = [
        " ".join(sentence(rng, n if k == 0 else 1, "combustible cladding") for k in range(40))
        for n in range(2000)
    ]
    sources = Source.objects.bulk_create(
        Source(
            slug=f"s{n}",
            outlet=outlet,
            title=f"Report {n}",
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            published_on=date(2024, 9, 4),
        )
        for n, text in enumerate(texts)
    )
    Attestation.objects.bulk_create(
        Attestation(
            claim=claim,
            source=sources[n % len(sources)],
            quote=claim.statement,
            start=0,
            end=len(claim.statement),
        )
        for n, claim in enumerate(claims)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim, claims_attestation, sources_source")


QUERIES = ["cladding", '"combustible cladding"', "cladding OR asbestos"]


def matched_without_index(plan: str) -> list[str]:
    """The plan's lines that test a text against the query other than through an index (a
    Seq Scan's Filter: to_tsvector of every row). A Recheck of the rows an index found is
    fine; so is a Seq Scan that only joins on ids (a small table, many matches)."""
    return [
        line.strip()
        for line in plan.splitlines()
        if "@@" in line and not line.strip().startswith(("Index Cond:", "Recheck Cond:"))
    ]


def test_search_reads_the_indexes_not_every_row(ledger):
    for q in QUERIES:
        # The index is the one the planner can use: each expression is the indexed one. (Which
        # plan it prefers depends on the table's statistics: after a whole suite's churn it
        # has once chosen otherwise.)
        claims = matching_claims(Claim.objects.all(), q)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            plan = claims.explain()
        print(q, plan, sep="\n")
        assert "Bitmap Index Scan on claim_search" in plan
        assert "Bitmap Index Scan on attestation_search" in plan
        assert matched_without_index(plan) == []
        # A source's vector is stored: no plan parses a text again. With a few thousand
        # sources the planner may read those vectors in order rather than the index (cheap
        # either way); the index must be the one it can use.
        # (How the ranked page finds the newest of these is the planner's choice: by the date
        # index for a common word, by this one for a rare one.)
        sources = postgres.source_matches(parse(q))
        assert "to_tsvector" not in postgres.matching_sources(parse(q)).explain()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")  # nor a walk of another index
            plan = sources.explain()
        print(plan)
        assert "Bitmap Index Scan on source_search" in plan
    assert matching_claims(Claim.objects.all(), "cladding").count() == 40
    assert postgres.matching_sources(parse('"combustible cladding"')).count() == 20


def test_a_text_longer_than_a_tsvector_holds_is_stored_and_searched_up_to_its_limit(db):
    # 5 MB of distinct words: more than the 1 MB a tsvector holds, were it indexed whole
    rng = random.Random(5)
    words = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9)) for _ in range(500_000)
    ]
    text = "Cladding at the start. " + " ".join(words) + " Asbestos at the end."
    Source.objects.create(
        slug="long",
        outlet=Outlet.for_name("The Guardian"),
        title="Live: the inquiry",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        published_on=date(2024, 9, 4),
    )
    assert postgres.matching_sources(parse("cladding")).count() == 1
    assert postgres.matching_sources(parse("asbestos")).count() == 0  # past the indexed part


def test_a_search_of_the_list_looks_its_claims_up_rather_than_reading_them_all(ledger):
    # The union of the claims' and the quotes' matches counts each claim once per quote, so
    # the planner once took it for most of the table and read every claim to join it.
    for q in QUERIES:
        page = matching_claims(Claim.objects.all(), q).sorted_by("contested")[:51]
        plan = page.explain()
        print(q, plan, sep="\n")
        # the list's own claims (the subqueries' are aliased "U0"…; how they find their
        # matches is the test above's)
        outer = [line for line in plan.splitlines() if re.search(r"on claims_claim\s+\(", line)]
        assert outer and all("Index Scan using claims_claim_pkey" in line for line in outer)


def test_a_common_word_is_ranked_among_its_newest_matches(monkeypatch):
    # Ranking reads each match's vector: a word in a third of the sources is ranked among the
    # newest RANKED_AT_MOST of them, best first; older ones are not offered.
    monkeypatch.setattr(postgres, "RANKED_AT_MOST", 2)
    sentence = "The ferry was cancelled after the storm."
    older = make_source(" ".join([sentence] * 5), published=date(2024, 1, 5))
    once = make_source(sentence, published=date(2024, 1, 9))
    twice = make_source(f"{sentence} A second ferry waited.", published=date(2024, 1, 8))
    make_source("Trains ran to time.", published=date(2024, 1, 10))
    found = list(postgres.matching_sources(parse("ferry")))
    assert found == [twice, once]
    assert older not in found
