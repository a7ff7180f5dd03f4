"""Matching compares what a count counts before its number: another predicate or another thing
counted is not the claim, and a paraphrase of the same is. Candidates come from the finder, on
sentences of real reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from claims.finder import Candidate
from claims.finder.find import find_claims
from claims.matching import LIKELY, ClaimIndex, KnownClaim
from claims.matching.calibration import calibrated
from claims.rules.values import Quantity
from claims.rules.verdicts import Statement, Verdict

PUBLISHED = date(2023, 6, 16)


def claim(
    key: str, statement: str, number: float, *, entity: str, predicate: str, **more
) -> KnownClaim:
    said = date(2023, 6, 4)
    value = Quantity(Decimal(str(number)))
    return KnownClaim(
        key=key,
        topic="story",
        statement=statement,
        kind="quantity",
        subject="",
        unit=more.pop("unit", ""),
        changes_over_time=more.pop("changes_over_time", True),
        statements=(Statement("paper-1", "The Paper", said, said, value),),
        quotes=(more.pop("quote", statement),),
        entity=entity,
        predicate=predicate,
        **more,
    )


def count_in(sentence: str, quote: str) -> Candidate:
    return next(c for c in find_claims(sentence, published=PUBLISHED) if c.quote == quote)


def matches(index: ClaimIndex, candidate: Candidate):
    return index.matches(
        candidate, source="paper-2", outlet="Another Paper", published=PUBLISHED, topics=["story"]
    )


DEATHS = claim(
    "people-killed",
    "275 people died in the train crash.",
    275,
    entity="people",
    predicate="died",
    quote="the number of people who died has been revised to 275",
)
INJURED = claim(
    "people-injured", "1,175 people were injured.", 1175, entity="people", predicate="injured"
)


def test_a_paraphrase_of_the_predicate_is_the_same_claim_updated():
    index = ClaimIndex([DEATHS, INJURED])
    toll = count_in(
        "The latest death, of an injured passenger who was being treated in Cuttack, brings "
        "the official toll in the Odisha triple-train tragedy to 290.",
        "290",
    )
    first, *rest = matches(index, toll)
    assert (first.claim, first.verdict_if_linked) == ("people-killed", Verdict.UPDATED)
    # an update a fortnight on, in other words: well ahead of anything else, if not certain
    assert first.score > 0.6 and all(m.score < 0.2 for m in rest)


def test_a_count_under_another_predicate_is_never_likely_whatever_its_number():
    suspended = claim(
        "officers-suspended",
        "Nine officers were suspended.",
        9,
        entity="officers",
        predicate="suspended",
    )
    investigated = claim(
        "officers-investigated",
        "Eleven officers were under investigation.",
        11,
        entity="officers",
        predicate="under investigation",
    )
    index = ClaimIndex([investigated, suspended])
    nine = count_in("Nine officers were under investigation after the raids.", "Nine officers")
    found = {m.claim: m for m in matches(index, nine)}
    assert found["officers-investigated"].score >= LIKELY  # an update of 11, same predicate
    assert "officers-suspended" not in found or found["officers-suspended"].score < LIKELY


JOBS = claim(
    "jobs-cut",
    "Nissan will cut 9,000 jobs.",
    9000,
    entity="jobs",
    predicate="cut",
    changes_over_time=False,
)


def test_a_count_of_other_things_is_not_the_claim():
    index = ClaimIndex([JOBS])
    plants = count_in(
        "The group said the overhaul will also reduce its plant count from 17 to 10 by 2027.",
        "10",
    )
    assert all(m.score < LIKELY for m in matches(index, plants))


def test_workers_laid_off_and_jobs_cut_are_one_claim():
    index = ClaimIndex([JOBS])
    roles = count_in("It said in November it would axe 9,000 roles.", "9,000 roles")
    first = matches(index, roles)[0]
    assert (first.claim, first.verdict_if_linked) == ("jobs-cut", Verdict.AGREE)
    assert first.score >= LIKELY


def test_the_score_is_a_calibrated_chance_that_rises_with_the_evidence():
    raws = [0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.0]
    chances = [calibrated(r) for r in raws]
    assert chances == sorted(chances) and chances[0] < 0.05 and chances[-1] > 0.8
    # a weak match that trails another claim is unlikely
    assert calibrated(0.1, -0.3) < 0.1
    # a match well ahead of the next claim is likelier right than one level with it
    assert calibrated(0.5, 0.0) < calibrated(0.5, 0.3) < calibrated(0.5, 0.5)
    assert calibrated(1.0, 0.6) > 0.95


def test_free_words_that_differ_weigh_less_than_two_known_families_that_do():
    from claims.matching.counted import COUNTED_OTHER, CountedKey, counted_factor

    employed = CountedKey.of("workers", "employed", (), "")
    working = CountedKey.of("workers", "working at the plant", (), "")
    laid_off = CountedKey.of("workers", "laid off", (), "")
    arrested = CountedKey.of("workers", "arrested", (), "")
    assert counted_factor(laid_off, arrested) == COUNTED_OTHER
    assert COUNTED_OTHER < counted_factor(employed, working) < 1


def test_words_alone_never_make_a_link_likely():
    # The same words as the claim, but another number, and nothing said of what it counts.
    plants = KnownClaim(
        key="plants-closed",
        topic="story",
        statement="Nissan will close seven vehicle plants.",
        kind="quantity",
        subject="",
        unit="",
        changes_over_time=False,
        statements=(
            Statement(
                "paper-1", "The Paper", date(2025, 5, 13), date(2025, 5, 13), Quantity(Decimal(7))
            ),
        ),
        quotes=("seven vehicle plants",),
    )
    index = ClaimIndex([plants])
    text = "Nissan will close seven vehicle plants, one of them in 2027, and 17 sites in all."
    candidate = next(c for c in find_claims(text, published=PUBLISHED) if c.quote.startswith("17"))
    assert all(m.score < LIKELY for m in matches(index, candidate))


def test_each_part_of_a_total_by_predicate_matches_its_own_claim():
    dead = claim(
        "oso-dead", "Eight people died in the landslide.", 8, entity="people", predicate="died"
    )
    missing = claim(
        "oso-missing", "108 people were unaccounted for.", 108, entity="people", predicate="missing"
    )
    index = ClaimIndex([dead, missing])
    found = find_claims(
        "Eight killed, 108 unaccounted for in huge US landslide", published=PUBLISHED
    )
    total = next(c for c in found if c.quote == "Eight killed, 108")
    by_claim = {m.claim: m for m in matches(index, total)}
    assert by_claim["oso-dead"].explanation.startswith("part “8")
    assert by_claim["oso-missing"].explanation.startswith("part “108")


def test_a_count_of_the_same_thing_at_another_place_is_someone_elses_figure():
    # Two claims counting people employed, told apart by the plant they name.
    sunderland = claim(
        "sunderland-workforce",
        "About 7,000 people work at Nissan's Sunderland plant.",
        7000,
        entity="people",
        predicate="employed",
    )
    oppama = claim(
        "oppama-workforce",
        "The Oppama site employed 3,900 people, researchers included.",
        3900,
        entity="people",
        predicate="employed",
    )
    index = ClaimIndex([sunderland, oppama])
    count = count_in(
        "The Japanese company, which employs around 6,000 people at the Sunderland factory, "
        "said earlier on Tuesday that it was widening a major restructuring to cut costs.",
        "around 6,000 people",
    )
    found = {m.claim: m for m in matches(index, count)}
    assert next(iter(found)) == "sunderland-workforce"
    assert "oppama-workforce" not in found or found["oppama-workforce"].score < LIKELY
    oppama_raw = found["oppama-workforce"].raw if "oppama-workforce" in found else 0.0
    assert oppama_raw <= found["sunderland-workforce"].raw / 2


def test_a_match_tied_with_another_claim_is_less_likely_than_one_well_ahead():
    toll = count_in(
        "The latest death, of an injured passenger who was being treated in Cuttack, brings "
        "the official toll in the Odisha triple-train tragedy to 290.",
        "290",
    )
    alone = matches(ClaimIndex([DEATHS, INJURED]), toll)[0]
    twin = claim(
        "people-killed-again",
        "275 people died in the train crash.",
        275,
        entity="people",
        predicate="died",
        quote="the number of people who died has been revised to 275",
    )
    tied = matches(ClaimIndex([DEATHS, twin, INJURED]), toll)
    # about the same raw score, but nothing tells the two claims apart: neither is likely
    assert abs(tied[0].raw - alone.raw) < 0.01 and tied[0].margin == tied[1].margin == 0
    assert alone.score >= LIKELY > tied[0].score


def test_a_percentage_of_another_thing_weighs_less_whatever_its_number():
    def share(key: str, statement: str, number: float, entity: str, predicate: str) -> KnownClaim:
        return claim(
            key,
            statement,
            number,
            entity=entity,
            predicate=predicate,
            unit="percent",
            changes_over_time=False,
        )

    staff = share("staff-share", "The cuts were about 4% of the workforce.", 4, "jobs", "cut")
    sales = share("sales-fall", "Sales fell 3% in the half year.", 3, "sales", "fell")
    index = ClaimIndex([staff, sales])
    slip = count_in(
        "Over the first half of the financial year, Nissan's global sales slipped 3.8% to 1.59 "
        "million vehicles.",
        "3.8%",
    )
    found = {m.claim: m.raw for m in matches(index, slip)}
    assert next(iter(found)) == "sales-fall"
    assert found.get("staff-share", 0.0) < found["sales-fall"] / 2


def test_a_count_of_bodies_not_identified_is_not_the_count_identified():
    identified = claim(
        "bodies-identified",
        "Bodies of victims have been identified.",
        88,
        entity="bodies",
        predicate="identified",
    )
    unidentified = claim(
        "bodies-unidentified",
        "Victims' bodies had not yet been identified.",
        101,
        entity="bodies",
        predicate="not yet identified",
    )
    count = count_in(
        "Another victim has died while under treatment, taking the number of fatalities to "
        "290, and 81 bodies that have not been identified are waiting for DNA test reports at "
        "AIIMS in Bhubaneswar.",
        "81 bodies",
    )
    found = matches(ClaimIndex([identified, unidentified]), count)
    assert found[0].claim == "bodies-unidentified"
    assert all(m.score < 0.1 for m in found if m.claim == "bodies-identified")


def test_another_storys_claim_is_never_likely():
    toll = count_in(
        "The latest death, of an injured passenger who was being treated in Cuttack, brings "
        "the official toll in the Odisha triple-train tragedy to 290.",
        "290",
    )
    elsewhere = replace(DEATHS, topic="another-story")
    index = ClaimIndex([elsewhere, INJURED])
    (first, *_) = matches(index, toll)  # filed under "story"
    assert first.claim == "people-killed" and first.score < LIKELY
    filed_there = index.matches(
        toll,
        source="paper-2",
        outlet="Another Paper",
        published=PUBLISHED,
        topics=["another-story"],
    )
    assert filed_there[0].claim == "people-killed" and filed_there[0].score >= LIKELY


def test_officials_and_employees_are_both_people_who_may_be_the_same():
    arrested = claim(
        "employees-arrested",
        "The CBI arrested three railway employees on 7 July 2023.",
        3,
        entity="railway employees",
        predicate="arrested",
        changes_over_time=False,
    )
    candidate = count_in(
        "The agency had arrested three officials on July 7, all of them posted in the district.",
        "three officials",
    )
    found = matches(ClaimIndex([arrested, DEATHS]), candidate)
    assert found[0].claim == "employees-arrested" and found[0].score >= LIKELY


def test_cases_of_an_infection_are_the_people_infected():
    # WWAY, on the 2016 Zika outbreak in Miami: one claim, stated first as cases, then as people
    zika = claim(
        "zika-cases-added",
        "Ten additional cases of Zika virus infection have been reported in northern Miami.",
        10,
        entity="cases",
        predicate="infected",
        qualifiers=("additional",),
        changes_over_time=False,
    )
    candidate = count_in(
        "Today, the Florida Department of Health has confirmed that 10 additional people have "
        "contracted the Zika virus locally, likely through a mosquito bite, Scott said.",
        "10 additional people",
    )
    found = matches(ClaimIndex([zika, INJURED]), candidate)
    assert found[0].claim == "zika-cases-added" and found[0].score >= LIKELY


def test_a_party_named_in_full_is_the_same_holder_as_its_initials():
    # BBC News and Channel 4 News, 5 July 2024, on the UK general election in Scotland
    snp = claim(
        "snp-seats",
        "The Scottish National Party won 9 seats in Scotland, 39 fewer than before.",
        9,
        entity="seats",
        predicate="won",
    )
    labour = claim(
        "labour-seats", "Labour won 37 seats in Scotland.", 37, entity="seats", predicate="won"
    )
    count = count_in(
        "In Scotland the SNP had a catastrophic night, with Labour going from just one seat to "
        "37 while the SNP is down to nine.",
        "nine",
    )
    found = matches(ClaimIndex([snp, labour]), count)
    assert found[0].claim == "snp-seats"
    assert found[0].score >= LIKELY


def test_a_count_of_the_same_things_naming_the_claims_holder_is_that_claim_updated():
    # Scroll.in, 5 June 2024, on India's general election: no verb says what happened to the
    # seats, but the holder and the counted things say whose count it is
    nda = claim(
        "nda-seats", "The NDA won 293 seats in the Lok Sabha.", 293, entity="seats", predicate="won"
    )
    bjp = claim("bjp-seats", "The BJP won 239 seats.", 239, entity="seats", predicate="won")
    india = claim(
        "india-bloc-seats", "The INDIA bloc won 234 seats.", 234, entity="seats", predicate="won"
    )
    count = count_in(
        "The overall tally of the BJP-led National Democratic Alliance reached 292 seats.",
        "292 seats",
    )
    found = matches(ClaimIndex([nda, bjp, india]), count)
    assert found[0].claim == "nda-seats"
    assert found[0].score >= LIKELY
    assert found[0].explanation.startswith("updates")


def test_a_growing_toll_is_not_updated_to_a_fraction_of_itself():
    # AP, 3 November 2005, on the Kashmir earthquake: India's dead are a part, not a revision
    pakistan = claim(
        "pakistan-dead",
        "73,276 people had been confirmed dead in Pakistan.",
        73276,
        entity="people",
        predicate="died",
    )
    count = count_in(
        "In the Indian-held portion of Kashmir, 1,350 people reportedly died.", "1,350 people"
    )
    found = matches(ClaimIndex([pakistan]), count)
    assert all(m.score < LIKELY for m in found)
    # a revision by a few is still an update of the same toll
    revised = count_in(
        "Maj. Gen. Farooq Ahmad Khan, the Pakistani relief commissioner, said 73,276 people had "
        "been confirmed dead in Pakistan.",
        "73,276 people",
    )
    assert matches(ClaimIndex([pakistan]), revised)[0].claim == "pakistan-dead"


def test_the_only_claim_counting_a_thing_is_updated_by_a_new_count_of_it():
    # A Legionnaires' outbreak at University Hospital, Madison: four cases confirmed on 28
    # November 2018, then (Milwaukee Journal Sentinel, 18 December) a count whose verb says
    # nothing of what happened to the cases; but the story has one count of them
    cases = claim(
        "uw-cases",
        "Four cases of Legionnaires' disease were confirmed at University Hospital.",
        4,
        entity="cases",
        predicate="confirmed",
    )
    deaths = claim("uw-deaths", "One patient died.", 1, entity="patients", predicate="died")
    count = count_in("UW Hospital now has 14 cases of Legionnaires' and 3 deaths", "14 cases")
    found = matches(ClaimIndex([cases, deaths]), count)
    assert found[0].claim == "uw-cases"
    assert found[0].score >= LIKELY


def test_a_total_may_be_the_confirmed_count_but_not_an_additional_one():
    # AP, 20 December 2024, as Rwanda's Marburg outbreak was declared over: "a total of" says
    # the count is whole, "confirmed" how sure it is; neither excludes the other
    deaths = claim(
        "marburg-deaths",
        "Fifteen people with confirmed Marburg virus disease died in Rwanda.",
        15,
        entity="people",
        predicate="died",
        qualifiers=("confirmed",),
    )
    count = count_in(
        "The country first declared the outbreak on Sept. 27 and reported a total of 15 deaths "
        "and 66 cases, with the majority of those affected healthcare workers who handled the "
        "first patients.",
        "15 deaths",
    )
    assert count.qualifiers == ("total",)
    # offered, as agreeing; a qualifier only one side gives still costs, so not as likely
    (first,) = matches(ClaimIndex([deaths]), count)
    assert first.claim == "marburg-deaths" and first.verdict_if_linked == Verdict.AGREE
    assert first.score > 0.25
    # a count of more deaths is another claim than the total
    more = replace(deaths, key="marburg-deaths-added", qualifiers=("additional",))
    assert all(m.score < 0.1 for m in matches(ClaimIndex([more]), count))
