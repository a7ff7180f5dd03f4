"""The scale benchmark's synthetic ledger has the shape its figures rely on (attestations per
claim, sources per claim, text sizes, quotes in the texts, a verdict of each kind once
imported, revisions that add history), and its table prints p50/p95 per page and size."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from bench.scale import REPO
from bench.scale_generate import SUGGEST_SOURCE
from bench.scale_measure import format_table, growth
from bench.scale_vocab import SEARCH_WORD
from bench.scale_write import generate, revisions_path
from claims.dataset import read_dataset_file
from claims.models import Claim


@pytest.fixture(scope="module")
def thousand(tmp_path_factory) -> tuple[Path, object]:
    path = tmp_path_factory.mktemp("scale") / "ledger.json"
    generate(1000, path)
    return path, read_dataset_file(path)


def test_a_thousand_claims_have_the_sizes_the_benchmark_reports(thousand):
    _, dataset = thousand
    attestations = [len(claim.attestations) for claim in dataset.claims]
    assert len(dataset.claims) == 1000
    assert len(dataset.topics) == 20  # topics of 50 claims
    assert 3.6 <= sum(attestations) / len(attestations) <= 4.2
    assert min(attestations) == 1 and max(attestations) == 8
    stories = [s for s in dataset.sources if s.slug != SUGGEST_SOURCE]
    assert 320 <= len(stories) <= 360  # 34,000 sources for 100,000 claims
    sizes = [len(s.text.encode()) for s in stories]
    assert min(sizes) >= 3000 and max(sizes) <= 8800
    assert 5200 <= sum(sizes) / len(sizes) <= 6000  # 190 MB for 34,000 sources
    assert len({s.outlet for s in dataset.sources}) >= 30


def test_every_quote_is_in_its_source_where_the_file_says_and_every_text_is_unique(thousand):
    _, dataset = thousand
    texts = {source.slug: source.text for source in dataset.sources}  # as the import stores them
    for claim in dataset.claims:
        for a in claim.attestations:
            assert texts[a.source][a.start : a.start + len(a.quote)] == a.quote
    assert len(set(texts.values())) == len(texts)


def test_the_search_word_matches_about_one_claim_in_a_hundred(thousand):
    _, dataset = thousand
    word = re.compile(rf"\b{SEARCH_WORD}\b", re.IGNORECASE)
    matching = [c for c in dataset.claims if word.search(c.statement)]
    assert 5 <= len(matching) <= 20


def test_the_suggest_article_is_about_five_kilobytes_and_cites_nothing(thousand):
    _, dataset = thousand
    article = next(s for s in dataset.sources if s.slug == SUGGEST_SOURCE)
    assert 5000 <= len(article.text) <= 5600
    cited = {a.source for claim in dataset.claims for a in claim.attestations}
    assert SUGGEST_SOURCE not in cited


def test_the_ledger_is_the_same_every_time_and_grows_by_adding_topics(tmp_path, thousand):
    path, dataset = thousand
    again = tmp_path / "again.json"
    generate(1000, again)
    assert again.read_bytes() == path.read_bytes()
    generate(100, tmp_path / "small.json")
    small = read_dataset_file(tmp_path / "small.json")
    assert [c.statement for c in small.claims] == [c.statement for c in dataset.claims[:100]]


@pytest.mark.django_db
def test_imported_ledger_has_every_verdict_its_revisions_add_history_and_baseline_same_rows(
    tmp_path, client
):
    path = tmp_path / "ledger.json"
    generate(100, path)
    call_command("import_dataset", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    verdicts = Counter(Claim.objects.values_list("verdict", flat=True))
    assert set(verdicts) == {"single", "agree", "updated", "differ"}
    assert verdicts["agree"] > verdicts["differ"]

    revisions = read_dataset_file(revisions_path(path))
    assert revisions.claims and revisions.sources
    call_command("import_dataset", str(revisions_path(path)), stdout=open("/dev/null", "w"))  # noqa: SIM115
    revised = Claim.objects.get(slug=revisions.claims[0].slug)
    assert revised.history.count() >= 2

    # The two-query baseline lists the claims the claim list shows, in its order.
    # a word of a claim's (not a stop word: PostgreSQL's search leaves those out)
    word = max(re.findall(r"[a-z]+", Claim.objects.order_by("pk").first().statement), key=len)
    with override_settings(ROOT_URLCONF="bench.scale_urls"):
        for query in ("", "?sort=newest", f"?q={word}"):
            page = client.get(f"/claims/{query}").content.decode()
            baseline = client.get(f"/bench-baseline/claims/{query}").content.decode()
            shown = re.findall(r'href="/claims/([a-z0-9-]+-c\d+)/"', page)
            assert shown, query
            assert re.findall(r"href='/claims/([a-z0-9-]+)/'", baseline) == list(
                dict.fromkeys(shown)
            )


def test_the_table_gives_p50_and_p95_per_page_and_size_and_the_growth_per_tenfold():
    timings = {
        ("list", 1000): [0.100, 0.104, 0.300],
        ("list", 10000): [0.700, 0.765, 0.900],
        ("list", 100000): [7.3, 7.3, 8.0],
    }
    baselines = {("list", 1000): [0.007, 0.008], ("list", 100000): [0.500, 0.520]}
    table = format_table(timings, baselines, ["list", "claim"], [1000, 10000, 100000]).splitlines()
    assert table[0].split() == [
        "page",
        "1,000",
        "p50/p95",
        "10,000",
        "p50/p95",
        "100,000",
        "p50/p95",
        "×",
        "per",
        "10×",
        "baseline",
        "1,000",
        "baseline",
        "10,000",
        "baseline",
        "100,000",
    ]
    assert table[2].split() == [
        "list",
        "104/300",
        "765/900",
        "7300/8000",
        "8.4",
        "7.0/8.0",
        "-",
        "500/520",
    ]
    assert table[3].split() == ["claim", "-", "-", "-", "-", "-", "-", "-"]
    assert growth({1000: [0.01], 100000: [1.0]}) == "10.0"


def test_the_suggest_steps_peak_memory_is_its_own_not_its_parents():
    # the benchmark's process holds a ledger's worth of memory when it starts the step
    held = bytearray(200 * 1024 * 1024)
    script = "from bench.scale_measure import own_peak_kb; print(own_peak_kb())"
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert int(child.stdout) < 100 * 1024 < len(held) // 1024
