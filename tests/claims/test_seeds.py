"""The seed corpus: five real articles, two topics, curated claims that exercise every verdict."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from claims.models import Attestation, Claim, Topic
from sources.ingest.extract import extract_plain
from sources.models import Source, SourceEntry

pytestmark = pytest.mark.django_db

BBC_LIVE = "bbc-live-2025-10-02"
IOPC = "iopc-westminster-team"
PANORAMA = "panorama-charing-cross-custody"


@pytest.fixture
def seeds():
    call_command("load_seeds", stdout=StringIO())


def ledger_counts() -> tuple[int, int, int, int]:
    return (
        Topic.objects.count(),
        Source.objects.count(),
        Claim.objects.count(),
        Attestation.objects.count(),
    )


def sources_of(slug: str) -> set[str]:
    return set(Attestation.objects.filter(claim__slug=slug).values_list("source__slug", flat=True))


def test_loading_the_seeds_twice_gives_the_same_counts(seeds):
    first = ledger_counts()
    out = StringIO()
    call_command("load_seeds", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert ledger_counts() == first
    topics, sources, claims, attestations = first
    assert (topics, sources) == (2, 5)
    assert claims >= 25
    assert attestations >= 45


def test_every_seed_quote_is_the_source_text_at_its_offsets(seeds):
    for attestation in Attestation.objects.select_related("source"):
        text = attestation.source.text
        assert text[attestation.start : attestation.end] == attestation.quote
        assert text[: attestation.start].endswith(attestation.context_before)


def test_all_four_verdicts_occur_in_both_topics_together(seeds):
    verdicts = Counter(Claim.objects.values_list("verdict", flat=True))
    assert set(verdicts) == {"single", "agree", "updated", "differ"}


def test_nine_officers_suspended_in_2025_is_agreed_by_the_independent_and_the_bbc(seeds):
    claim = Claim.objects.get(slug="officers-suspended-2025")
    assert claim.topic.slug == PANORAMA
    assert claim.verdict == "agree"
    assert sources_of(claim.slug) == {"independent-2025-09-30", "bbc-live-2025-10-02"}
    # The Independent gives Sir Mark Rowley's figure, the BBC its own
    assert claim.verdict_explanation == (
        "Sir Mark Rowley (The Independent, 30 September 2025) and BBC News (2 October 2025) "
        "agree: 9."
    )


def test_officers_investigated_was_updated_from_11_in_2019_to_14_in_2022(seeds):
    claim = Claim.objects.get(slug="officers-investigated-westminster-team")
    assert claim.verdict == "updated"
    assert claim.verdict_explanation == (
        "The value changed over time: 11 as of 30 April 2019 (The Guardian), "
        "then 14 as of 2 February 2022 (ITV News)."
    )


def test_the_conduct_period_differs_between_the_guardian_and_itv(seeds):
    claim = Claim.objects.get(slug="conduct-period-westminster-team")
    assert claim.verdict == "differ"
    # The Guardian gives the Met's period, ITV News its own
    assert claim.verdict_explanation == (
        "According to the Met, 2015–2017 (The Guardian, 30 April 2019); "
        "ITV News (2 February 2022) says 2016–2018."
    )


def test_no_claim_links_statements_from_the_two_topics(seeds):
    """Each source's topic-specific passages stay in their topic: the 2019 and 2022 sources
    never attest a 2025 Panorama claim, and every 2025 attestation in the IOPC topic recalls
    the 2022 report rather than the 2025 events."""
    older = {"guardian-2019-04-30", "attitude-2022-02-01", "itv-2022-02-02"}
    panorama_sources = set(
        Attestation.objects.filter(claim__topic__slug=PANORAMA).values_list(
            "source__slug", flat=True
        )
    )
    assert not panorama_sources & older
    recalled = Attestation.objects.filter(claim__topic__slug=IOPC, source__published_on__year=2025)
    assert recalled.exists()
    for attestation in recalled.select_related("source"):
        text = attestation.source.text
        start = text.rfind("\n\n", 0, attestation.start) + 2
        end = text.find("\n\n", attestation.end)
        paragraph = text[start:end]
        assert any(past in paragraph for past in ("2022", "Cressida Dick", "The IOPC took")), (
            attestation
        )


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        # "Eleven" investigated in 2019 vs "11 current and former officers" in 2025.
        ("officers-investigated-westminster-team", "officers-under-iopc-investigation-2025"),
        # One PC suspended in 2019 vs nine officers suspended in 2025.
        ("pc-suspended-2019", "officers-suspended-2025"),
        # Nine constables in 2019 vs nine serving officers under investigation in 2025.
        ("constables-investigated-2019", "serving-officers-under-investigation-2025"),
    ],
)
def test_the_same_number_in_two_topics_is_two_claims(seeds, earlier, later):
    first, second = Claim.objects.get(slug=earlier), Claim.objects.get(slug=later)
    assert (first.topic.slug, second.topic.slug) == (IOPC, PANORAMA)
    assert not sources_of(earlier) & sources_of(later)


def test_the_same_number_within_a_topic_can_still_be_different_claims(seeds):
    """Nine constables investigated (2019), nine linked investigations and nine officers
    still serving (2022) are three claims, not one."""
    nines = ["constables-investigated-2019", "linked-investigations", "officers-still-serving-2022"]
    claims = Claim.objects.filter(slug__in=nines)
    assert claims.count() == 3
    assert {c.topic.slug for c in claims} == {IOPC}
    for claim in claims:
        assert claim.attestations.get().value_number == 9


def entries_of(source: Source) -> list[tuple]:
    return list(source.entries.values_list("start", "end", "title", "published_at"))


def test_the_bbc_live_page_has_the_entries_adding_it_on_the_site_finds(seeds):
    """The seeds are written through ``source_save`` as a pasted source is, so the live page's
    timestamped entries (which date the review queue's suggestions) are stored too."""
    source = Source.objects.get(slug=BBC_LIVE)
    pasted = extract_plain(source.text).with_published(source.published)

    entries = entries_of(source)
    assert len(entries) == 20
    assert entries == [(e.start, e.end, e.title, e.published_at) for e in pasted.entries]
    assert f"{entries[0][3]:%H:%M %z}" == "13:14 +0000"  # "14:14 BST" in the text
    assert not SourceEntry.objects.exclude(source=source).exists()  # the articles have none


def test_loading_the_seeds_again_fills_in_entries_a_source_was_stored_without(seeds):
    source = Source.objects.get(slug=BBC_LIVE)
    expected = entries_of(source)
    source.entries.all().delete()  # as a database seeded before entries were split has it

    out = StringIO()
    call_command("load_seeds", stdout=out)
    assert "updated 1 sources" in out.getvalue()
    assert entries_of(source) == expected
