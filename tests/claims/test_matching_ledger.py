"""The matcher's knowledge of the ledger changes a claim at a time: an index kept up to date
claim by claim suggests exactly what one built from the whole ledger at once would, and reads in
full only the claims a candidate shortlists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from claims.matching import ClaimIndex, KnownClaim
from claims.matching.ledger import ClaimEntry, LedgerStats
from tests.claims.test_matching_counted import DEATHS, INJURED, claim, count_in, matches

TOLL = (
    "The latest death, of an injured passenger who was being treated in Cuttack, brings the "
    "official toll in the Odisha triple-train tragedy to 290."
)
MISSING = claim(
    "people-missing",
    "101 bodies were still unidentified.",
    101,
    entity="bodies",
    predicate="unidentified",
    quote="101 bodies were still unidentified, officials said",
)


def index_over(claims: list[KnownClaim], stats: LedgerStats) -> tuple[ClaimIndex, list[str]]:
    """An index over ``stats`` whose full claims come from ``claims``, and the keys it read."""
    known = {c.key: c for c in claims}
    read: list[str] = []

    def load(keys):
        read.extend(keys)
        return {key: known[key] for key in keys if key in known}

    return ClaimIndex.over(stats, load), read


def test_an_index_kept_claim_by_claim_suggests_as_one_built_at_once():
    revised = replace(DEATHS, quotes=(*DEATHS.quotes, "the toll rose to 288 on Saturday"))
    stats = LedgerStats.of(ClaimEntry.of(c) for c in (DEATHS, INJURED, MISSING))
    stats.add(ClaimEntry.of(revised))  # a new source stated it
    stats.remove(MISSING.key)  # deleted
    kept, _ = index_over([revised, INJURED], stats)
    built = ClaimIndex([revised, INJURED])
    toll = count_in(TOLL, "290")
    assert matches(kept, toll) == matches(built, toll)
    assert matches(kept, toll)[0].claim == "people-killed"
    assert kept.suggest_topics([toll]) == built.suggest_topics([toll])


def test_a_claim_removed_from_the_index_is_never_suggested():
    stats = LedgerStats.of(ClaimEntry.of(c) for c in (DEATHS, INJURED))
    stats.remove(DEATHS.key)
    # the store still returns it (another process deleted it a moment ago): not offered anyway
    index, _ = index_over([DEATHS, INJURED], stats)
    assert "people-killed" not in {m.claim for m in matches(index, count_in(TOLL, "290"))}


def test_only_the_claims_a_candidate_shortlists_are_read_in_full():
    others = [
        replace(
            claim(
                f"flood-{n}",
                f"{n} homes were flooded in Ashbury.",
                n,
                entity="homes",
                predicate="flooded",
            ),
            topic="ashbury-floods",
            statements=(),
        )
        for n in range(3, 400)
    ]
    stats = LedgerStats.of(ClaimEntry.of(c) for c in (DEATHS, INJURED, *others))
    index, read = index_over([DEATHS, INJURED, *others], stats)
    assert matches(index, count_in(TOLL, "290"))[0].claim == "people-killed"
    assert {"people-killed", "people-injured"} <= set(read)
    assert len(read) <= 150 + 2  # one shortlist, not the ledger's 399 claims


def test_an_entry_survives_its_trip_through_the_database():
    entry = ClaimEntry.of(replace(DEATHS, qualifiers=("in Odisha",), event="the train crash"))
    assert ClaimEntry.from_json(entry.key, entry.to_json()) == entry
    assert entry.rivalry == ("people", ("died",))  # what it counts: rivals share it
    assert entry.published == (date(2023, 6, 4),)
