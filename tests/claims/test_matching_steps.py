"""How far a new figure is from a claim's, and which claims it is measured against: a count
revised between reports moves by a fraction of itself, and only the claims a source could be
linked to say how sure a match is. Sentences from real reports."""

from __future__ import annotations

from dataclasses import replace

from claims.matching import LIKELY, ClaimIndex
from tests.claims.test_matching_counted import claim, count_in, matches

# Morocco's interior ministry gave 2,497 dead on 11 September 2023; Reuters, a day later, 2,862
MOROCCO_DEAD = claim(
    "morocco-dead", "The earthquake killed 2,497 people.", 2497, entity="people", predicate="died"
)
REUTERS = (
    "State TV reported late on Monday that the death toll had risen to 2,862, with 2,562 people "
    "injured."
)


def test_a_figure_many_times_smaller_is_a_part_of_the_count_not_its_update():
    # Boeing said in October 2024 that it would cut about 17,000 jobs; MyNorthwest, 18 November
    # 2024, on its notice in one state
    cuts = claim(
        "boeing-jobs-cut",
        "Boeing will cut about 17,000 jobs, a tenth of its workforce.",
        17000,
        entity="jobs",
        predicate="laid off",
    )
    count = count_in(
        "Boeing has laid off 2,199 workers in the state of Washington, a notice filed Monday "
        "with the Washington State Employment Security Department states.",
        "2,199 workers",
    )
    found = matches(ClaimIndex([cuts]), count)
    # the same thing counted, so still offered, but never as likely: 2,199 is an eighth of it
    assert found and found[0].claim == "boeing-jobs-cut"
    assert found[0].score < LIKELY


def test_a_toll_that_grows_within_a_few_times_itself_is_still_its_update():
    (first, *_) = matches(ClaimIndex([MOROCCO_DEAD]), count_in(REUTERS, "2,862"))
    assert (first.claim, first.score >= LIKELY) == ("morocco-dead", True)


def test_another_storys_toll_does_not_make_a_storys_own_update_less_sure():
    # The same Reuters report, filed under the Morocco story; the ledger also holds the toll
    # of the Herat earthquakes a month later ("2,053 people were dead, 9,240 injured", The
    # National, 8 October 2023), which no source filed under Morocco is linked to
    injured = claim(
        "morocco-injured", "2,476 people were injured.", 2476, entity="people", predicate="injured"
    )
    herat = replace(
        claim("herat-dead", "2,053 people were dead.", 2053, entity="people", predicate="died"),
        topic="herat-earthquakes-2023",
    )
    count = count_in(REUTERS, "2,862")
    alone = matches(ClaimIndex([MOROCCO_DEAD, injured]), count)[0]
    beside = matches(ClaimIndex([MOROCCO_DEAD, injured, herat]), count)
    assert beside[0].claim == "morocco-dead"
    # the same, save for the words' weights in a larger ledger
    assert beside[0].score >= LIKELY and abs(beside[0].score - alone.score) < 0.02
    other = next(m for m in beside if m.claim == "herat-dead")
    assert other.score < LIKELY
