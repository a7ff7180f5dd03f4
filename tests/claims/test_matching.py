"""Claim matching: hand-built ledgers and candidates, no finder and no database."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from claims.finder import Candidate, Part
from claims.matching import ClaimIndex, KnownClaim, content_words
from claims.rules.values import Qualifier, Quantity, TextValue, Value, value_from_json
from claims.rules.verdicts import Statement, Verdict

GUARDIAN_2019 = date(2019, 4, 30)
ITV_2022 = date(2022, 2, 2)
INDEPENDENT_2025 = date(2025, 9, 30)
BBC_2025 = date(2025, 10, 2)

INQUIRY_2019 = "westminster-inquiry"
PANORAMA_2025 = "panorama-custody"


def number(n: int, qualifier: Qualifier = Qualifier.EXACT) -> Quantity:
    return Quantity(Decimal(n), qualifier)


def when(text: str) -> Value | None:
    return value_from_json({"date": text})


def period(start: str, end: str) -> Value | None:
    return value_from_json({"period": [start, end]})


def stated(outlet: str, published: date, value: Value | None, as_of: date | None = None):
    return Statement(
        source=f"{outlet.lower().replace(' ', '-')}-{published.isoformat()}",
        outlet=outlet,
        published=published,
        as_of=as_of or published,
        value=value,
    )


def known(
    key: str,
    statement: str,
    *said: Statement,
    topic: str = INQUIRY_2019,
    kind: str = "quantity",
    subject: str = "",
    unit: str = "",
    changes_over_time: bool = False,
    quotes: tuple[str, ...] = (),
) -> KnownClaim:
    return KnownClaim(
        key=key,
        topic=topic,
        statement=statement,
        kind=kind,
        subject=subject,
        unit=unit,
        changes_over_time=changes_over_time,
        statements=said,
        quotes=quotes,
    )


def found(
    quote: str,
    value: Value | None,
    *,
    sentence: str = "",
    kind: str = "quantity",
    unit: str = "",
    subject: str = "",
    as_of: date | None = None,
    parts: tuple[Part, ...] = (),
) -> Candidate:
    sentence = sentence or quote
    start = sentence.index(quote)
    return Candidate(
        start=start,
        end=start + len(quote),
        quote=quote,
        sentence_start=0,
        sentence_end=len(sentence),
        kind=kind,
        value=value,
        subject=subject,
        unit=unit,
        as_of=as_of,
        parts=parts,
        words=tuple(sentence.lower().split()),
    )


def match_from_bbc(index: ClaimIndex, candidate: Candidate, **options):
    return index.matches(
        candidate, source="bbc-live", outlet="BBC News", published=BBC_2025, **options
    )


def match_from_itv(index: ClaimIndex, candidate: Candidate, **options):
    return index.matches(candidate, source="itv", outlet="ITV News", published=ITV_2022, **options)


SUSPENDED = known(
    "officers-suspended",
    "Nine officers were suspended after the Panorama allegations.",
    stated("The Independent", INDEPENDENT_2025, number(9)),
    stated("BBC News", BBC_2025, number(9)),
    topic=PANORAMA_2025,
    subject="officers suspended",
    unit="officers",
    changes_over_time=True,
    quotes=("nine officers and one staff member had been suspended",),
)
STILL_SERVING = known(
    "officers-still-serving",
    "Nine of the investigated officers were still serving with the Met.",
    stated("ITV News", ITV_2022, number(9)),
    subject="investigated officers still serving",
    unit="officers",
    changes_over_time=True,
    quotes=("Nine are still serving with the force",),
)
MEETING = known(
    "meeting-duration",
    "The meeting with the commissioner lasted well over 90 minutes.",
    stated("ITV News", ITV_2022, number(90, Qualifier.AT_LEAST)),
    subject="meeting length",
    unit="minutes",
    quotes=("a very frank discussion which lasted for well over 90 minutes",),
)


# Agreement


def test_it_ranks_the_claim_with_the_same_value_and_words_first_and_names_who_agrees():
    index = ClaimIndex([SUSPENDED, STILL_SERVING, MEETING])
    candidate = found(
        "Nine officers had been suspended",
        number(9),
        sentence="Nine officers had been suspended, the Met said.",
        unit="officers",
        subject="officers suspended",
    )

    matches = index.matches(
        candidate, source="the-times", outlet="The Times", published=date(2025, 10, 3)
    )

    assert matches[0].claim == "officers-suspended"
    assert matches[0].verdict_if_linked == Verdict.AGREE
    assert matches[0].explanation == "agrees with The Independent and BBC News: 9"
    assert matches[0].score > matches[1].score


def test_it_agrees_with_a_compatible_value_at_a_coarser_precision():
    report = known(
        "report-date",
        "The IOPC published its report in 2022.",
        stated("The Independent", INDEPENDENT_2025, when("2022")),
        kind="date",
        subject="IOPC report publication",
        quotes=("A 2022 report by the IOPC",),
    )
    index = ClaimIndex([report])

    (match,) = match_from_itv(
        index, found("the IOPC report published", when("2022-02-01"), kind="date")
    )

    assert match.verdict_if_linked == Verdict.AGREE
    assert match.explanation == "agrees with The Independent: 1 February 2022"


def test_it_matches_a_claim_with_no_value_on_its_words():
    published = known(
        "messages-published",
        "The IOPC took the unusual step of publishing the officers' messages in full.",
        stated("ITV News", ITV_2022, None),
        kind="event",
        subject="publication of messages",
        quotes=("The IOPC took the unusual step of publishing the messages in full",),
    )
    drugs = known(
        "officers-drug-tested",
        "Officers were drug-tested because of the steroid allegations.",
        stated("The Guardian", GUARDIAN_2019, None),
        kind="event",
        subject="drug testing",
    )
    index = ClaimIndex([drugs, published])
    candidate = found("the watchdog published the messages in full", None, kind="event")

    matches = match_from_bbc(index, candidate)

    assert matches[0].claim == "messages-published"
    assert matches[0].explanation == "agrees with ITV News"


def test_it_reads_a_claims_text_value_in_the_words_of_a_quote_with_no_value():
    disgraceful = known(
        "behaviour-disgraceful",
        "The IOPC called the behaviour it uncovered disgraceful.",
        stated("Attitude", date(2022, 2, 1), TextValue("disgraceful")),
        kind="quote",
    )
    standards = known(
        "fell-below-standards",
        "The behaviour fell well below the standards expected.",
        stated("Attitude", date(2022, 2, 1), None),
        kind="quote",
    )
    index = ClaimIndex([disgraceful, standards])
    candidate = found(
        "The behaviour we uncovered was disgraceful and fell below the standards",
        None,
        kind="quote",
    )

    matches = match_from_itv(index, candidate)

    assert matches[0].claim == "behaviour-disgraceful"
    assert matches[0].explanation == "agrees with Attitude: “disgraceful”"
    assert matches[1].claim == "fell-below-standards"


def test_it_does_not_match_a_valueless_candidate_that_shares_no_words():
    index = ClaimIndex([SUSPENDED, STILL_SERVING])
    candidate = found("Keir Starmer calls the footage shocking", None, kind="quote")

    assert match_from_bbc(index, candidate) == []


# Conflicts and updates


def test_it_ranks_a_conflicting_fixed_fact_below_a_compatible_claim_and_says_it_would_differ():
    searches = known(
        "searches",
        "The IOPC obtained warrants for two searches of officers' homes.",
        stated("The Guardian", GUARDIAN_2019, number(2)),
        subject="searches under warrant",
        unit="searches",
        quotes=("it had obtained warrants to carry out two searches",),
    )
    devices = known(
        "devices-seized",
        "Investigators seized three devices in searches.",
        stated("The Guardian", GUARDIAN_2019, number(3)),
        subject="devices seized",
        unit="searches",
    )
    index = ClaimIndex([searches, devices])
    candidate = found(
        "three searches",
        number(3),
        sentence="The IOPC obtained warrants to carry out three searches.",
        unit="searches",
    )

    matches = match_from_itv(index, candidate)

    assert [m.claim for m in matches] == ["devices-seized", "searches"]
    assert matches[1].verdict_if_linked == Verdict.DIFFER
    assert matches[1].explanation == "differs from The Guardian: 2"


def test_it_says_which_sources_a_value_sides_with_when_they_already_differ():
    conduct = known(
        "conduct-period",
        "The misconduct in the Westminster team took place over a span of years.",
        stated("The Guardian", GUARDIAN_2019, period("2015", "2017")),
        stated("ITV News", ITV_2022, period("2016", "2018")),
        kind="date",
        subject="conduct period",
    )
    index = ClaimIndex([conduct])
    candidate = found("between 2016 and 2018", period("2016", "2018"), kind="date")

    (match,) = match_from_bbc(index, candidate)

    assert match.verdict_if_linked == Verdict.DIFFER
    assert match.explanation == "agrees with ITV News but differs from The Guardian: 2015–2017"


def test_it_reads_a_new_value_of_a_changing_count_as_an_update():
    investigated = known(
        "officers-investigated",
        "The IOPC investigated officers of the Westminster team.",
        stated("The Guardian", GUARDIAN_2019, number(11)),
        subject="officers under IOPC investigation",
        unit="officers",
        changes_over_time=True,
        quotes=("Eleven serving police officers are being investigated",),
    )
    index = ClaimIndex([investigated])
    candidate = found(
        "Fourteen officers were investigated", number(14), unit="officers", kind="quantity"
    )

    (match,) = match_from_itv(index, candidate)

    assert match.verdict_if_linked == Verdict.UPDATED
    assert match.explanation == "updates: 11 as of 30 April 2019 → 14"


def test_it_penalises_an_update_less_than_a_conflict_over_a_fixed_fact():
    changing = known(
        "officers-investigated",
        "Officers were investigated by the IOPC.",
        stated("The Guardian", GUARDIAN_2019, number(11)),
        unit="officers",
        changes_over_time=True,
    )
    fixed = known(
        "officers-investigated-in-2019",
        "Officers were investigated by the IOPC in 2019.",
        stated("The Guardian", GUARDIAN_2019, number(11)),
        unit="officers",
    )
    index = ClaimIndex([fixed, changing])

    matches = match_from_itv(
        index, found("14 officers were investigated", number(14), unit="officers")
    )

    assert [(m.claim, m.verdict_if_linked) for m in matches] == [
        ("officers-investigated", Verdict.UPDATED),
        ("officers-investigated-in-2019", Verdict.DIFFER),
    ]


def test_it_explains_an_earlier_value_of_a_changing_count():
    investigated = known(
        "officers-investigated",
        "Officers were investigated by the IOPC.",
        stated("ITV News", ITV_2022, number(14)),
        unit="officers",
        changes_over_time=True,
    )
    index = ClaimIndex([investigated])

    (match,) = index.matches(
        found("11 officers are being investigated", number(11), unit="officers"),
        source="guardian",
        outlet="The Guardian",
        published=GUARDIAN_2019,
    )

    assert match.verdict_if_linked == Verdict.UPDATED
    assert match.explanation == (
        "earlier value: 11 as of 30 April 2019, before 14 as of 2 February 2022 (ITV News)"
    )


# Units and kinds


def test_it_does_not_match_a_count_of_officers_to_a_duration_in_minutes():
    index = ClaimIndex([MEETING])
    candidate = found(
        "over 90 officers",
        number(90, Qualifier.AT_LEAST),
        sentence="The meeting heard that well over 90 officers were involved in the discussion.",
        unit="officers",
    )

    assert match_from_bbc(index, candidate) == []


def test_it_penalises_a_different_kind():
    disbanded = known(
        "team-disbanded",
        "The Westminster team has been disbanded.",
        stated("ITV News", ITV_2022, TextValue("disbanded")),
        kind="status",
        subject="Westminster team",
    )
    index = ClaimIndex([disbanded])
    words = "the Westminster team has been disbanded"

    as_status = match_from_bbc(index, found(words, TextValue("disbanded"), kind="status"))
    as_event = match_from_bbc(index, found(words, TextValue("disbanded"), kind="event"))

    assert as_status[0].score > as_event[0].score


# Topics


def test_it_ranks_the_sources_topic_above_another_topic_with_the_same_value():
    then = known(
        "officers-investigated-2019",
        "Eleven officers were under IOPC investigation over the Westminster team.",
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("ITV News", ITV_2022, number(11)),
        subject="officers under IOPC investigation",
        unit="officers",
    )
    now = known(
        "officers-investigated-2025",
        "Eleven current and former officers were under IOPC investigation.",
        stated("BBC News", BBC_2025, number(11)),
        topic=PANORAMA_2025,
        subject="officers under IOPC investigation (2025)",
        unit="officers",
    )
    index = ClaimIndex([then, now])
    candidate = found(
        "11 officers under investigation",
        number(11),
        sentence="The IOPC said 11 officers under investigation over the Westminster team.",
        unit="officers",
        as_of=date(2025, 9, 30),
    )

    untopical = index.matches(
        candidate, source="independent", outlet="The Independent", published=INDEPENDENT_2025
    )
    topical = index.matches(
        candidate,
        source="independent",
        outlet="The Independent",
        published=INDEPENDENT_2025,
        topics=[PANORAMA_2025],
    )

    assert untopical[0].claim == "officers-investigated-2019"  # its words fit better
    assert [m.claim for m in topical] == [
        "officers-investigated-2025",
        "officers-investigated-2019",
    ]


def test_it_still_offers_another_topics_claim_when_the_sources_topic_has_no_such_value():
    disgraceful = known(
        "behaviour-disgraceful",
        "The IOPC called the behaviour it uncovered disgraceful.",
        stated("ITV News", ITV_2022, TextValue("disgraceful")),
        kind="quote",
        quotes=("The behaviour we uncovered was disgraceful",),
    )
    reprehensible = known(
        "rowley-reprehensible",
        "Sir Mark Rowley called the officers' behaviour reprehensible.",
        stated("BBC News", BBC_2025, TextValue("reprehensible")),
        topic=PANORAMA_2025,
        kind="quote",
    )
    index = ClaimIndex([disgraceful, reprehensible])
    candidate = found(
        "the behaviour it had uncovered was “disgraceful”",
        TextValue("disgraceful"),
        kind="quote",
    )

    matches = match_from_bbc(index, candidate, topics=[PANORAMA_2025])

    assert matches[0].claim == "behaviour-disgraceful"
    assert matches[0].verdict_if_linked == Verdict.AGREE


def test_it_suggests_the_topic_whose_claims_share_the_candidates_words_and_values():
    index = ClaimIndex([SUSPENDED, STILL_SERVING, MEETING])
    candidates = [
        found("nine officers suspended", number(9), unit="officers"),
        found("the Panorama allegations", None, kind="event"),
        found("staff member had been suspended", number(1), unit="staff"),
    ]

    suggested = index.suggest_topics(candidates)

    assert [topic for topic, _ in suggested] == [PANORAMA_2025, INQUIRY_2019]
    assert suggested[0][1] > suggested[1][1] > 0
    assert index.suggest_topics(candidates, limit=1) == suggested[:1]


def test_it_prefers_the_topic_covered_near_the_sources_date_when_words_and_values_tie():
    def suspended(topic: str, published: date) -> KnownClaim:
        return known(
            f"officers-suspended-{topic}",
            "Nine officers were suspended.",
            stated("ITV News", published, number(9)),
            topic=topic,
            unit="officers",
        )

    index = ClaimIndex([suspended("then", GUARDIAN_2019), suspended("now", BBC_2025)])
    candidates = [found("nine officers were suspended", number(9), unit="officers")]

    assert index.suggest_topics(candidates, published=BBC_2025)[0][0] == "now"
    assert index.suggest_topics(candidates, published=GUARDIAN_2019)[0][0] == "then"


# Composite counts


def test_it_matches_the_parts_of_a_composite_count_to_part_claims():
    total = known(
        "officers-investigated",
        "Eleven officers were under IOPC investigation.",
        stated("ITV News", ITV_2022, number(11), as_of=GUARDIAN_2019),
        subject="officers under IOPC investigation",
        unit="officers",
        changes_over_time=True,
    )
    constables = known(
        "constables-investigated",
        "Nine constables were under IOPC investigation.",
        stated("ITV News", ITV_2022, number(9), as_of=GUARDIAN_2019),
        subject="constables under IOPC investigation",
        unit="constables",
        changes_over_time=True,
    )
    sergeants = known(
        "sergeants-investigated",
        "Two sergeants were under IOPC investigation.",
        stated("ITV News", ITV_2022, number(2), as_of=GUARDIAN_2019),
        subject="sergeants under IOPC investigation",
        unit="sergeants",
        changes_over_time=True,
    )
    index = ClaimIndex([total, constables, sergeants])
    candidate = found(
        "nine constables and two sergeants",
        number(11),
        sentence="The investigation has mushroomed to cover nine constables and two sergeants.",
        unit="officers",
        parts=(Part(Decimal(9), "constables"), Part(Decimal(2), "sergeants")),
    )

    matches = index.matches(
        candidate, source="guardian", outlet="The Guardian", published=GUARDIAN_2019
    )

    by_claim = {m.claim: m for m in matches}
    assert set(by_claim) == {
        "officers-investigated",
        "constables-investigated",
        "sergeants-investigated",
    }
    assert by_claim["constables-investigated"].verdict_if_linked == Verdict.AGREE
    assert by_claim["constables-investigated"].explanation == (
        "part “9 constables”: agrees with ITV News: 9"
    )
    assert by_claim["officers-investigated"].explanation == "agrees with ITV News: 11"


# Edges


def test_it_matches_nothing_in_an_empty_ledger():
    index = ClaimIndex([])
    candidate = found("nine officers", number(9), unit="officers")

    assert match_from_bbc(index, candidate) == []
    assert index.suggest_topics([candidate]) == []


def test_it_breaks_ties_by_claim_key_whatever_the_ledger_order():
    twins = [
        known(key, "Nine officers were suspended.", stated("ITV News", ITV_2022, number(9)))
        for key in ("b-suspended", "a-suspended", "c-suspended")
    ]
    candidate = found("nine officers were suspended", number(9))

    orders = {
        tuple(m.claim for m in match_from_bbc(ClaimIndex(ordering), candidate))
        for ordering in (twins, twins[::-1], twins[1:] + twins[:1])
    }

    assert orders == {("a-suspended", "b-suspended", "c-suspended")}


def test_it_honours_limit_and_min_score():
    index = ClaimIndex([SUSPENDED, STILL_SERVING, MEETING])
    candidate = found("nine officers had been suspended", number(9), unit="officers")

    assert len(match_from_bbc(index, candidate, limit=1)) == 1
    assert all(m.score >= 0.5 for m in match_from_bbc(index, candidate, min_score=0.5))


def test_it_finds_the_claim_among_thousands_that_share_its_words():
    rng = random.Random(7)
    crowd = [
        known(
            f"claim-{n:05d}",
            f"{rng.randint(20, 5000)} officers were suspended by the force.",
            stated("ITV News", ITV_2022, number(rng.randint(20, 5000))),
            topic=f"topic-{n % 50}",
            unit="officers",
        )
        for n in range(3000)
    ]
    wanted = known(
        "zz-officers-suspended",
        "Nine officers were suspended by the force.",
        stated("ITV News", ITV_2022, number(9)),
        topic="topic-7",
        unit="officers",
    )
    index = ClaimIndex([*crowd, wanted])

    matches = match_from_bbc(
        index, found("nine officers were suspended", number(9), unit="officers")
    )

    assert matches[0].claim == "zz-officers-suspended"


def test_content_words_meet_across_inflections_and_drop_values():
    assert content_words("Officers investigated") == content_words("officer's investigation")
    assert content_words("Nine officers on 2 October 2025") == content_words("officers")


def test_a_value_named_in_a_claims_statement_marks_an_earlier_value_it_has_had():
    """ "11 in April 2019, 14 by February 2022": a 2019 source's 11 is that claim's history,
    so it outranks a claim whose values are merely closer to 11."""
    from datetime import date
    from decimal import Decimal

    from claims.finder import Candidate
    from claims.matching import ClaimIndex, KnownClaim
    from claims.rules.values import Quantity
    from claims.rules.verdicts import Statement

    def known(key, statement, number):
        stated = Statement(
            "itv", "ITV News", date(2022, 2, 2), date(2022, 2, 2), Quantity(Decimal(number))
        )
        return KnownClaim(
            key, "inquiry", statement, "quantity", "officers", "officers", True, (stated,), ()
        )

    index = ClaimIndex(
        [
            known(
                "investigated", "Officers investigated: 11 in April 2019, 14 by February 2022.", 14
            ),
            known("still-serving", "Officers investigated who were still serving officers.", 10),
        ]
    )
    candidate = Candidate(
        start=0,
        end=30,
        quote="Eleven serving officers",
        sentence_start=0,
        sentence_end=60,
        kind="quantity",
        value=Quantity(Decimal(11)),
        subject="officers investigated",
        unit="officers",
        as_of=date(2019, 4, 30),
        words=("eleven", "serving", "officers", "investigated"),
    )
    matches = index.matches(
        candidate,
        source="guardian",
        outlet="The Guardian",
        published=date(2019, 4, 30),
        topics=["inquiry"],
    )
    assert [m.claim for m in matches][:2] == ["investigated", "still-serving"]
    assert matches[0].verdict_if_linked == "updated"
