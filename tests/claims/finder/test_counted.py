"""What a count counts and what happened to it, read by the finder from sentences of the
benchmark's reports (bench/corpus/, tuning stories) and other news."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from claims.finder import Candidate
from claims.finder.find import find_claims
from claims.rules.paraphrase import predicate_families
from claims.rules.values import Qualifier, Quantity


def counts(text: str) -> list[tuple[str, Decimal, str, frozenset[str], tuple[str, ...]]]:
    return [
        (c.quote, c.value.number, c.entity, predicate_families(c.predicate), c.qualifiers)
        for c in find_claims(text, published=date(2023, 6, 4))
        if c.kind == "quantity" and c.value is not None and hasattr(c.value, "number")
    ]


DIED = frozenset({"died"})


def quantities(text: str, published: date) -> list[Candidate]:
    """The counts the finder makes of ``text``, in order."""
    return [c for c in find_claims(text, published=published) if c.kind == "quantity"]


@pytest.mark.parametrize(
    ("text", "quote", "number", "entity", "family"),
    [
        # a total the figure is the value of, stated before it
        (
            "The latest death brings the official toll in the Odisha triple-train tragedy to 290.",
            "290",
            290,
            "people",
            DIED,
        ),
        (
            "The number of people who died in the Balasore train accident has been revised to "
            "275 once some double countings were taken out.",
            "275",
            275,
            "people",
            DIED,
        ),
        (
            "The Railways had given the number of deaths as 288 on Saturday.",
            "288",
            288,
            "people",
            DIED,
        ),
        # a count after its noun's verb, and a participle inside the noun phrase
        (
            "Altogether 1,175 injured people were referred to different hospitals, he said.",
            "1,175 injured people",
            1175,
            "people",
            frozenset({"injured"}),
        ),
        # "of the injured": an adjective standing for people
        (
            "Fewer than 200 of the injured are still being treated in hospitals, he said.",
            "Fewer than 200 of the injured",
            200,
            "people",
            frozenset({"hospitalised"}),
        ),
        # a predicate noun counted: the noun says what happened
        (
            "Those 9,000 cuts amounted to roughly 6 per cent of the workforce.",
            "9,000 cuts",
            9000,
            "jobs",
            frozenset({"laid off"}),
        ),
    ],
)
def test_the_finder_reads_what_a_count_counts(text, quote, number, entity, family):
    found = {c[0]: c for c in counts(text)}
    assert quote in found, found
    _, value, read_entity, families, _ = found[quote]
    assert (value, read_entity, families) == (number, entity, family)


def test_both_ends_of_a_from_to_revision_are_counts_of_the_noun_before_it():
    text = "The group said the overhaul will also reduce its plant count from 17 to 10 by 2027."
    found = [(c[0], c[1], c[2]) for c in counts(text)]
    assert found == [("17", 17, "plants"), ("10", 10, "plants")]
    text = (
        "In May Nissan announced that it would reduce its number of plants worldwide from 17 to 10."
    )
    assert [c[2] for c in counts(text)] == ["plants", "plants"]
    text = (
        "Nissan Motor Corp. said it will cut its number of auto plants from 17 to 10 under what "
        'it called a recovery plan of "decisive and bold actions".'
    )
    assert [(c[0], c[2]) for c in counts(text)] == [("17", "plants"), ("10", "plants")]


def test_an_increment_is_marked_as_such():
    text = (
        "The car maker said it will now cut 11,000 more jobs than originally planned, on top "
        "of the 9,000 roles it said in November it would axe."
    )
    found = {c[0]: c for c in counts(text)}
    assert found["11,000 more jobs"][4] == ("additional",)
    assert found["9,000 roles"][4] == ()


def test_an_indian_grouped_figure_is_read_whole():
    text = "Those cuts amounted to roughly 6 per cent of the more than 1,33,000 people it employs."
    assert ("more than 1,33,000 people", 133000) in [(c[0], c[1]) for c in counts(text)]


def test_a_sentence_opening_word_is_not_a_label_before_a_figure():
    # "Radio 4" is a label; "Altogether 1,175" is not
    assert [c[1] for c in counts("Altogether 1,175 injured people were taken to hospital.")] == [
        1175
    ]
    assert counts("She spoke on Radio 4 on Sunday.") == []


def test_the_counted_fields_reach_the_candidate_and_the_role_qualifier_too():
    text = "Nine serving officers were suspended on Friday."
    (found,) = counts(text)
    assert found == ("Nine serving officers", 9, "officers", frozenset({"suspended"}), ("serving",))


# Not every number is a claim. Sentences from AP and local reports of US rail crashes (2011,
# 2018) and the benchmark's own reports.


def test_ages_beside_names_are_not_counts():
    text = (
        "Conductor Laurette Lee, 68, of South Lake Tahoe, was killed in the crash, and her "
        "assistant conductor Richard d’Alessandro, 49, of Elk Grove, was seriously injured."
    )
    assert counts(text) == []


def test_an_ordinal_in_words_says_which_one_not_how_many():
    assert (
        counts("A second but unidentified passenger in the truck was airlifted to hospital.") == []
    )
    assert counts("The insurer said a third party was responsible.") == []
    text = (
        "Investigators hope to determine what caused him to crash into the fourth car of the "
        "train carrying 204 passengers and 14 crew members."
    )
    assert [c[1] for c in counts(text)] == [218]


def test_times_labels_and_page_numbers_are_not_counts():
    assert counts("The train was the 9:36 a.m. out of New Canaan.") == []
    assert counts("The figures appear on page 12 of the report.") == []
    assert counts("The crash happened at LC gate no. 79, around 7 pm local time.") == []


def test_a_list_of_people_is_a_total_with_its_parts():
    text = "According to Amtrak, 22 passenger and five crew members were injured in the crash."
    (found,) = quantities(text, date(2003, 5, 8))
    assert found.value.number == 27  # type: ignore[union-attr]
    assert [(p.number, p.label) for p in found.parts] == [(22, "passenger"), (5, "crew members")]
    assert (found.entity, found.predicate) == ("people", "injured")
    text = "Seven nurses, a porter and a cleaner were taken to hospital."
    (found,) = quantities(text, date(2003, 5, 8))
    assert found.value.number == 9 and len(found.parts) == 3  # type: ignore[union-attr]
    assert predicate_families(found.predicate) == {"hospitalised"}


def test_a_status_word_before_the_predicate_is_a_qualifier():
    (found,) = counts("Lopez said Saturday that there were two confirmed dead in the crash.")
    assert found[1:] == (2, "people", DIED, ("confirmed",))


def test_a_figure_compared_with_a_count_before_it_counts_the_same_thing():
    # India's 2024 general election, as widely reported
    text = "The BJP secured 240 seats, down from 303 in the 2019 election."
    assert [(c[0], c[1], c[2]) for c in counts(text)] == [
        ("240 seats", 240, "seats"),
        ("303", 303, "seats"),
    ]


def test_a_bare_figure_before_its_verb_is_counted_with_the_verb():
    # UNISON on the UK public-sector pensions strike of 30 November 2011
    text = "Up to two million people took part in the largest strike action since 1926."
    (found,) = counts(text)
    assert found[1:4] == (2_000_000, "people", frozenset({"protested"}))
    # Amazon's lay-offs, 2023 (The Washington Post): an increment of jobs cut
    text = "In March, Amazon said it planned to lay off an additional 9,000 workers."
    (found,) = counts(text)
    assert found == (
        "9,000 workers",
        9000,
        "workers",
        frozenset({"laid off"}),
        ("additional",),
    )


# The 2014 Oso landslide in Washington state, as AFP and CNN reported it.


def test_counts_of_the_same_people_under_two_predicates_add_up_to_a_total():
    found = find_claims(
        "Eight killed, 108 unaccounted for in huge US landslide", published=date(2014, 3, 24)
    )
    total = next(c for c in found if c.quote == "Eight killed, 108")
    assert total.value.number == 116  # type: ignore[union-attr]
    assert [(p.number, predicate_families(p.label)) for p in total.parts] == [
        (8, DIED),
        (108, frozenset({"missing"})),
    ]
    # each count is still offered on its own
    assert {c.quote for c in found if c.kind == "quantity"} >= {"Eight", "108"}


def test_a_total_named_long_before_its_figure_still_says_what_it_counts():
    text = (
        "The number of people missing or unaccounted for in Washington state’s deadly landslide "
        "has dropped to 30 from 90, officials said Saturday."
    )
    assert [(c[1], c[2], c[3]) for c in counts(text)] == [
        (30, "people", frozenset({"missing"})),
        (90, "people", frozenset({"missing"})),
    ]


def test_a_figure_something_is_brought_to_counts_that_thing():
    text = (
        "Added to the layoffs the carmaker has already announced, that would bring its job cuts "
        "to almost 20,000, or 15 per cent of its workforce."
    )
    assert counts(text)[0][:4] == ("almost 20,000", 20000, "jobs", frozenset({"laid off"}))


def test_a_size_in_a_hyphenated_compound_is_a_count():
    text = "On Monday a 10-member team from the CBI went to the accident site in Balasore."
    assert [(c[0], c[1], c[2]) for c in counts(text)] == [("10-member", 10, "members")]


def test_a_fraction_of_something_or_a_change_by_one_is_a_percentage():
    found = find_claims(
        "Nissan Motor will eliminate 9,000 jobs and reduce its worldwide production capacity "
        "by a fifth, the Japanese carmaker has announced.",
        published=date(2024, 11, 7),
    )
    fifth = next(c for c in found if c.quote == "a fifth")
    assert (fifth.value, fifth.unit) == (Quantity(Decimal(20)), "percent")
    third = find_claims("Claims rose by a third, to 12,400.", published=date(2024, 11, 7))[0]
    assert (third.quote, third.value) == (
        "a third",
        Quantity(Decimal("33.33"), Qualifier.APPROXIMATELY),
    )
    # which one, or a span of time, is not a share
    assert counts("The insurer said a third party was responsible.") == []
    assert counts("Sales slowed in the second half of the year.") == []
    assert counts("The plant has run for a quarter of a century.") == []


def test_an_odd_figure_is_approximate_and_how_badly_hurt_is_a_qualifier():
    (count,) = [
        c
        for c in find_claims(
            "Many of the 200-odd critically injured victims admitted to SCB have already been "
            "discharged.",
            published=date(2023, 6, 16),
        )
        if c.kind == "quantity"
    ]
    assert count.value == Quantity(Decimal(200), Qualifier.APPROXIMATELY)
    # "admitted" says what happened to them; "critically" makes it another count than all
    # those admitted
    assert (count.predicate, count.qualifiers) == ("hospitalised", ("critically",))


def test_a_verb_after_the_count_outranks_an_adjective_in_its_phrase():
    assert counts(
        "By Sunday morning 793 injured passengers had been discharged, and the remaining "
        "382 were still being treated that morning."
    )[0][:4] == ("793 injured passengers", 793, "passengers", frozenset({"recovered"}))


def test_a_head_count_is_not_a_count_of_charges():
    (count,) = counts(
        "The job reductions take in the 9,000 cuts in head count announced last year."
    )
    assert count[3] == frozenset({"laid off"})


def test_a_percentage_says_what_it_is_a_share_or_a_change_of():
    found = {
        c.quote: (c.entity, c.predicate)
        for c in find_claims(
            "Over the first half of the financial year, Nissan's global sales slipped 3.8% to "
            "1.59 million vehicles, pulled down by a 14.3% slump in China. Nissan also cut its "
            "annual operating profit forecast by 70%.",
            published=date(2024, 11, 7),
        )
        if c.unit == "percent"
    }
    assert found["3.8%"] == ("sales", "fell")
    assert found["14.3%"][1] == "fell"
    assert found["70%"] == ("forecast", "laid off")  # the family of cuts


def test_a_revised_count_is_still_a_count_of_what_happened():
    # "lowered it to" says how the figure changed, not what happened to the people counted
    (count,) = [
        c
        for c in counts(
            "The toll had earlier been given as 288; the Odisha government lowered it to 275 on "
            "Sunday, saying some bodies had been counted twice."
        )
        if c[1] == 275
    ]
    assert count[3] == DIED


def test_a_bare_figure_a_party_gives_for_the_same_count_is_that_count():
    # Police and organisers' figures for a London march (The Guardian, 22 November 2001)
    assert [
        c[:3]
        for c in counts(
            "Last Sunday the Metropolitan police said that 15,000 people marched through central "
            "London. The Stop the War Coalition said the figure was about 100,000."
        )
    ] == [("15,000 people", 15000, "people"), ("about 100,000", 100000, "people")]
    # ... and for another (BBC News, 29 August 2007): a multiplier is not a count, and "a
    # figure of" gives one
    found = counts(
        "The organisers spotted six times as many marchers as the Police did - they said "
        "60,000, whereas the Police gave out a figure of 10,000."
    )
    assert [c[1] for c in found] == [10000]


def test_a_denial_in_a_relative_clause_says_what_did_not_happen():
    # the total before ("the number of fatalities to 290") is another count's
    found = counts(
        "Another victim has died while under treatment, taking the number of fatalities to "
        "290, and 81 bodies that have not been identified are waiting for DNA test reports at "
        "AIIMS in Bhubaneswar."
    )
    assert found[-1][:3] == ("81 bodies", 81, "bodies")
    assert (
        next(
            c.predicate
            for c in find_claims(
                "81 bodies that have not been identified are waiting for DNA test reports.",
                published=date(2023, 6, 16),
            )
            if c.kind == "quantity"
        )
        == "not identified"
    )


def test_what_a_count_has_yet_to_have_done_to_it_has_not_been_done():
    # Philippine Sentinel, 5 January 2014, on Typhoon Haiyan: after an aside between dashes
    (found,) = [
        c
        for c in quantities(
            "Of the actual retrieved bodies, a total of 5,333—or about 88 percent of the death "
            "toll—have yet to be identified, the council's records showed.",
            date(2014, 1, 5),
        )
        if c.quote == "5,333"
    ]
    assert found.predicate == "not identified"


def test_a_figure_after_a_name_that_leaves_out_its_noun_is_that_names_count():
    # Maharashtra's assembly election (Hindustan Times, 26 October 2019)
    found = quantities(
        "The BJP had 122 seats in the outgoing Assembly, while the Shiv Sena had 63.",
        date(2019, 10, 26),
    )
    assert [(c.quote, c.unit) for c in found] == [("122 seats", "seats"), ("63", "seats")]
    assert "sena" in found[1].names and "BJP" not in found[1].names
    # a name and a number are not always a gapped count
    assert counts("He listens to BBC One and Radio 4.") == []


def test_a_list_of_names_and_figures_in_words_after_semicolons_counts_each_name():
    # BBC News live page, 5 July 2024, on the UK general election in Scotland
    found = quantities(
        "After 56 declarations, Labour has won 37 seats; the SNP nine; Liberal Democrats "
        "five; and Conservatives five.",
        date(2024, 7, 5),
    )
    by_quote = [(c.quote, c.unit, c.value.number) for c in found[1:]]
    assert by_quote == [
        ("37 seats", "seats", 37),
        ("nine", "seats", 9),
        ("five", "seats", 5),
        ("five", "seats", 5),
    ]
    assert "SNP" in found[2].names and "labour" not in found[2].names
    assert "conservatives" in found[4].names


def test_reducing_something_by_a_figure_cuts_that_many():
    (count,) = counts(
        "According to a company spokesperson, the move forms part of the global streamlining "
        "Nissan announced earlier this year, under which it will reduce its international "
        "workforce by around 19,000 employees."
    )
    assert count[:4] == ("around 19,000 employees", 19000, "employees", frozenset({"laid off"}))
    # the figures of a change from one number to another are not what was cut
    assert [
        c[3]
        for c in counts(
            "The group said the overhaul will also reduce its plant count from 17 to 10 by 2027."
        )
    ] == [frozenset(), frozenset()]


def test_a_count_that_points_back_counts_what_the_count_before_it_counts():
    found = counts(
        "The number of people who died in the Balasore train accident has been revised to 275 "
        'once some "double countings" were taken out, Odisha\'s Chief Secretary, Pradeep Jena, '
        "said on Sunday. Of those 275, he said, 88 bodies have been identified."
    )
    assert found[1][:4] == ("Of those 275", 275, "people", DIED)


def test_a_triple_something_counts_three_of_them():
    # a headline from a murder trial (TribLive, 3 May 2013)
    assert [
        c[:3] for c in counts("Jury convicts Murphy in triple murders at Loyalhanna business.")
    ] == [("triple murders", 3, "murders")]
    assert counts("Prices could triple by 2030.") == []
    assert counts("The firm faces a triple whammy of costs.") == []


RAILWAY_ARRESTS = (
    "The Central Bureau of Investigation on Saturday charged three Railways officials it had "
    "arrested in the June 2 Balasore train accident case. The agency had arrested the three on "
    "July 7: senior section engineer (Signals) Arun Kumar Mahanta, section engineer Amir Khand "
    "and technician Pappu Kumar."
)


def test_a_number_after_the_stands_for_the_people_counted_before():
    found = {c[0]: c for c in counts(RAILWAY_ARRESTS)}
    assert found["the three"][1:4] == (3, "officials", frozenset({"arrested"}))


def test_a_clause_with_its_own_subject_does_not_say_what_happened_to_the_count():
    """The officials were charged; "it had arrested" is the agency's earlier act."""
    found = {c[0]: c for c in counts(RAILWAY_ARRESTS)}
    assert found["three Railways officials"][1:4] == (3, "officials", frozenset({"charged"}))


def test_a_span_of_time_after_an_event_is_a_count_of_how_long_it_took():
    text = "Trains began moving on the restored tracks again around 51 hours after the crash."
    assert [(c[0], c[1]) for c in counts(text)] == [("around 51 hours", 51)]


def test_a_number_before_a_street_name_is_an_address():
    # Winston-Salem Journal, 29 October 2019, on a plant closure
    text = (
        "The notice was filed Monday with some jobs being eliminated immediately at the 647 "
        "Hargrave Road plant."
    )
    assert counts(text) == []


def test_a_bare_figure_in_a_list_counts_what_the_sentence_counted_before_it():
    # BNO News, October 2025
    text = (
        "The Philippines’ National Disaster Risk Reduction and Management Council (NDRRMC) said "
        "Wednesday that 72 people were killed in the earthquake, including 30 in Bogo City, 22 "
        "in San Remigio, 12 in Medellin, five in Tabogon, and one each in Sogod."
    )
    found = [(c[1], c[2], c[3]) for c in counts(text)]
    assert found == [(n, "people", DIED) for n in (72, 30, 22, 12, 5)]
    # Arab News (AFP), 1 June 2019
    text = (
        "A municipal employee sprayed gunfire in a government building complex on Friday in the "
        "US state of Virginia, police said, killing 12 people and wounding four in the latest "
        "mass shooting to rock the country."
    )
    assert [(c[0], c[1], c[3]) for c in counts(text)] == [
        ("12 people", 12, DIED),
        ("four", 4, frozenset({"injured"})),
    ]
    # CBS Philadelphia, 4 March 2020, on a mumps outbreak
    text = (
        "The confirmed cases include five people from William Penn High School, one from George "
        "Read Middle School and one from St. Georges Technical High School, officials say."
    )
    assert [(c[1], c[2]) for c in counts(text)] == [(5, "people"), (1, "people"), (1, "people")]


@pytest.mark.parametrize(
    ("text", "quote", "number", "entity", "family"),
    [
        # BBC News, 27 June 2007: lives a disaster claims are deaths
        (
            "The floods, which were most severe in Yorkshire, Lincolnshire and the Midlands, have "
            "claimed four lives.",
            "four lives",
            4,
            "people",
            DIED,
        ),
        # UPI, 23 July 2013: a revised total with its qualifier
        (
            "The number of those injured was raised to more than 1,000, many of them severely.",
            "more than 1,000",
            1000,
            "people",
            frozenset({"injured"}),
        ),
        # Evening Standard: an estimate someone puts at a figure
        (
            "However, police estimates put the demonstrators' numbers at just 30,000, way short "
            "of the figure promised by protest groups.",
            "30,000",
            30000,
            "people",
            frozenset({"protested"}),
        ),
        # AFP, January 2017: half a million, and a crowd a march drew
        (
            "At the main “Women’s March on Washington” organizers told AFP they estimated the "
            "turnout at half a million, with huge crowds joining sister marches.",
            "half a million",
            500000,
            "votes",  # a turnout is read as votes: what the march's turnout counts is unsaid
            frozenset({"voted"}),
        ),
        # The Canadian Press, 20 January 2017: "N of the M things"
        (
            "Prices were up for seven of the eight major categories compared with a year "
            "earlier, with food being the one exception.",
            "seven of the eight major categories",
            7,
            "categories",
            frozenset(),
        ),
    ],
)
def test_totals_as_news_writes_them(text, quote, number, entity, family):
    found = {c[0]: c for c in counts(text)}
    assert quote in found, found
    _, value, read_entity, families, _ = found[quote]
    assert (value, read_entity, families) == (number, entity, family)


def test_a_crowd_a_march_drew_is_a_count():
    # AFP, January 2017
    text = (
        "He told AFP it was certainly larger than a pro-immigration march which drew 500,000 in "
        "2006."
    )
    assert [c[1] for c in counts(text)] == [500000]


def test_rupees_in_crore_and_percentages_in_one_word():
    # NDTV Profit, on Titan's quarterly results
    text = (
        "The jewellery manufacturer's consolidated net profit fell 5% year-on-year to Rs 715 "
        "crore in the quarter ended June, according to an exchange filing on Friday."
    )
    found = quantities(text, date(2024, 8, 2))
    assert [(c.quote, c.value.number, c.unit) for c in found] == [
        ("5%", 5, "percent"),
        ("Rs 715 crore", 7_150_000_000, "rupees"),
    ]
    assert found[1].names == ()  # "Rs" names nobody
    # FOX 13 Salt Lake City, on power cuts after a windstorm
    text = (
        '"That is roughly 80-percent of customers at peak have been returned to service; but, '
        'of course, leaving just under 20-percent of our customers who were out, still out."'
    )
    assert [(c[0], c[1]) for c in counts(text)] == [
        ("roughly 80-percent", 80),
        ("just under 20-percent", 20),
    ]


def test_a_figure_in_brackets_after_a_noun_is_a_count_and_after_a_name_an_age():
    # Winston-Salem Journal, 29 October 2019
    text = (
        "The Jeld-Wen Holding Inc. interior and exterior door facility in Lexington will close "
        "in December, putting 135 employees out of work, according to a WARN notice to the N.C. "
        "Commerce Department. The eliminated job positions include lay-up assembler and support "
        "(27), general production (24) and cell assemblers (17)."
    )
    found = [(c[0], c[1], c[2]) for c in counts(text)]
    assert found == [
        ("135 employees", 135, "employees"),
        ("27", 27, "employees"),
        ("24", 24, "employees"),
        ("17", 17, "employees"),
    ]
    assert counts(text)[0][3] == frozenset({"laid off"})
    # The Times of India, 21 September 2022
    text = (
        "The deceased have been identified as Kareem (52), Chotte Khans (25), Shah Alam (38) "
        "and Rahul (45), while the injured are — Manish (16) and Pradeep (30)."
    )
    assert counts(text) == []


@pytest.mark.parametrize(
    ("text", "quote", "family"),
    [
        # New Telegraph (Nigeria), citing the BBC: the verb after an aside
        (
            "Ten people, including six children, have been killed in an Israeli air strike while "
            "waiting to fill water containers in central Gaza yesterday, emergency service "
            "officials said.",
            "Ten people",
            DIED,
        ),
        # The Times of India, 21 September 2022: a phrase of a known family after a verb of none
        (
            "NEW DELHI: Four people, sleeping on the roadside, were killed and two others "
            "sustained injuries after being run over by a speeding truck, police said.",
            "two others",
            frozenset({"injured"}),
        ),
        (
            "A team from the local police station reached the spot and four people were shifted "
            "to GTB hospital by cops.",
            "four people",
            frozenset({"hospitalised"}),
        ),
        (
            "Organisers of today's demonstration against the controversial visit of President "
            "George Bush claimed that up to 200,000 people joined the protest.",
            "up to 200,000 people",
            frozenset({"protested"}),
        ),
        # NBC New York, 25 October 2024: the clause's verb after a long noun phrase
        (
            "Four people on a second bus traveling behind the first one were injured when that "
            "second bus had to stop short following the crash, according to NJ Transit.",
            "Four people",
            frozenset({"injured"}),
        ),
        # BBC News: a term someone is jailed for
        (
            "A drug dealer who used a drone to fly contraband into two prisons has been jailed "
            "for three years.",
            "three years",
            frozenset({"sentenced"}),
        ),
        # Sydney Morning Herald, 16 July 2020: a change by a figure
        ("Total employment rose by 210,800 to 12.3 million.", "210,800", frozenset({"rose"})),
        # CBS Philadelphia, 4 March 2020: what the things a list is of had happen to them
        (
            "The confirmed cases include five people from William Penn High School, one from "
            "George Read Middle School and one from St. Georges Technical High School.",
            "five people",
            frozenset({"infected"}),
        ),
    ],
)
def test_what_happened_is_read_where_news_puts_it(text, quote, family):
    found = {c[0]: c for c in counts(text)}
    assert found[quote][3] == family, found


def test_the_whole_in_n_of_the_m_is_a_count_too():
    # The Canadian Press, 20 January 2017
    text = "Prices were up for seven of the eight major categories compared with a year earlier."
    assert [(c[0], c[1]) for c in counts(text)] == [
        ("seven of the eight major categories", 7),
        ("eight major categories", 8),
    ]


def test_a_fire_is_not_a_dismissal_and_a_total_says_what_it_numbers():
    # ABC7 News, on fire station closures in Contra Costa County
    text = (
        "The cuts are very deep; the number of fire stations has gone from six to three and the "
        "number of fire fighter personnel has gone from 48 to 27."
    )
    found = counts(text)
    assert [(c[0], c[1], c[2]) for c in found] == [
        ("six", 6, "stations"),
        ("three", 3, "stations"),
        ("48", 48, "personnel"),
        ("27", 27, "personnel"),
    ]
    assert all(c[3] == frozenset() for c in found)
    text = (
        "Voters shot down the East Contra Costa Fire Protection District's parcel tax plan so the "
        "department had to cut $3 million from its budget and it is hitting their fire "
        "protection services hard, forcing them to close three stations and lay off 15 "
        "firefighters."
    )
    found = {c[0]: c[3] for c in counts(text)}
    assert found["three stations"] == frozenset()
    assert found["15 firefighters"] == frozenset({"laid off"})


def test_when_it_happened_is_not_what_is_counted():
    # Arab News (AFP), 1 June 2019
    text = (
        "Police upgraded the casualty toll to 12 dead and four wounded Friday night, after "
        "earlier reporting 11 dead and six wounded."
    )
    found = {c[0]: c for c in counts(text)}
    assert found["four"][1:4] == (4, "people", frozenset({"injured"}))
    # Kuwait Times (AFP), on a train derailment in Bihar
    text = (
        "NEW DELHI: At least six passengers were killed and more than 20 injured yesterday after "
        "an express train derailed in eastern India's Bihar state, officials said."
    )
    found = {c[0]: c for c in counts(text)}
    assert found["more than 20"][1:4] == (20, "passengers", frozenset({"injured"}))


def test_the_person_who_speaks_after_a_list_is_not_one_of_it():
    # New Telegraph (Nigeria), citing the BBC, on an air strike in central Gaza
    text = (
        "Their bodies were sent to Nuseirat’s al-Awda Hospital, which also treated 16 injured "
        "people including seven children, a doctor there said."
    )
    assert [(c[0], c[1], c[2]) for c in counts(text)] == [
        ("16 injured people", 16, "people"),
        ("seven children", 7, "children"),
    ]


def test_a_bound_and_exact_figures_add_up_to_a_bound():
    # The New Arab, 8 November 2016
    text = (
        "At least seven children and two pregnant women were killed in an airstrike on Syria's "
        "rebel stronghold province of Idlib on Tuesday, a monitor said."
    )
    (found,) = quantities(text, date(2016, 11, 8))
    assert found.value == Quantity(Decimal(9), Qualifier.AT_LEAST)
    assert [p.number for p in found.parts] == [7, 2]


def test_a_range_is_at_least_its_lower_figure_and_a_score_is_no_range():
    # FOX 13 Salt Lake City, on power cuts after a windstorm
    text = (
        "\"From a peak outage of 195,000 customers out, we're currently between 35,000-38,000 "
        'customers still remaining out." said Hoogeveen.'
    )
    found = quantities(text, date(2020, 9, 10))
    assert [(c.quote, c.value) for c in found] == [
        ("195,000 customers", Quantity(Decimal(195000))),
        ("between 35,000-38,000 customers", Quantity(Decimal(35000), Qualifier.AT_LEAST)),
    ]
    text = (
        "When the station master gave the command to reverse the point from the loop line to "
        "the up line for the Coromandel Express, the change was instantaneous instead of taking "
        "the 13-14 seconds it should have taken."
    )
    assert [(c[0], c[1]) for c in counts(text)] == [("13-14 seconds", 13)]
    # Soccerway, 31 December 2016, on Burnley 4-1 Sunderland
    text = (
        "Andre Gray scored his first Premier League hat-trick to move Burnley nine points clear "
        "of the relegation zone and heap more misery on David Moyes with a 4-1 win over "
        "Sunderland."
    )
    assert "4-1" not in " ".join(c[0] for c in counts(text))


def test_a_count_placing_another_does_not_take_its_verb():
    # Becker's Hospital Review, on a multistate E. coli outbreak
    text = (
        "Seventeen people across 13 states became infected with the bacteria from Nov. 15 "
        "through Dec. 8."
    )
    found = {c[0]: c for c in counts(text)}
    assert found["Seventeen people"][1:4] == (17, "people", frozenset({"infected"}))
    assert found["13 states"][1:4] == (13, "states", frozenset())


def test_a_bare_figure_after_its_own_verb_in_a_list_counts_what_the_count_before_counts():
    # Yahoo News (from the BBC), 5 July 2024, on the UK general election in Scotland
    found = quantities(
        "The SNP was defending 48 seats of the 57 in Scotland and has won just nine.",
        date(2024, 7, 5),
    )
    assert [(c.quote, c.unit, c.predicate) for c in found] == [
        ("48 seats", "seats", "elected"),
        ("nine", "seats", "elected"),
    ]


def test_an_adjective_after_a_figure_stands_for_people_and_says_what_happened_to_them():
    # AFP, 20 April 2018, on bus crashes in southern Peru
    found = [
        c
        for c in find_claims(
            "Hours earlier, another accident occurred in the same region that left seven dead "
            "and 18 injured, after a passenger bus fell into a 60-meter (yards) ravine.",
            published=date(2018, 4, 20),
        )
        if c.kind == "quantity" and not c.parts
    ]
    assert [(c.quote, c.entity, c.predicate) for c in found[:2]] == [
        ("seven dead", "people", "died"),
        ("18", "people", "injured"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hiru News, 20 April 2013: a headline's verbs say what happened to bare figures
        (
            "China quake kills 72, injures 600",
            [("72", "people", "died"), ("600", "people", "injured")],
        ),
        # The Times of India, 6 July 2025, on the Texas floods
        (
            "Texas flood kills 59, 27 girls still missing after camp washed away",
            [("59", "people", "died"), ("27 girls", "girls", "missing")],
        ),
        # SOTT, August 2018, on floods in Laos (after the Vientiane Times)
        ("Flood kills 6 in northern Laos", [("6", "people", "died")]),
        # TheNewsGuru, April 2020: a total that passes a figure
        ("US coronavirus death toll surpasses 41,000", [("41,000", "people", "died")]),
        # topfeed, 1 March 2023, on the Tempi train crash
        (
            "At least 32 dead and 85 injured in fiery Greek train collision",
            [("At least 32 dead", "people", "died"), ("85", "people", "injured")],
        ),
        # AP, 24 June 2008, on Cyclone Nargis: "still missing" after a bare figure
        (
            "Deputy Foreign Minister Kyaw Thu said in a speech that the official death toll now "
            "stood at 84,537 dead, with 53,836 still missing.",
            [("84,537 dead", "people", "died"), ("53,836 still missing", "people", "missing")],
        ),
        # Kauai Now, 15 August 2023, on the Maui wildfires: a level something remains at
        (
            "The number of confirmed fatalities remains at 99 as of the latest Maui County "
            "wildfire update at 10 a.m. Tuesday.",
            [("99", "people", "died")],
        ),
    ],
)
def test_headline_and_tally_forms_say_what_a_bare_figure_counts(text, expected):
    found = [
        (c.quote, c.entity, c.predicate)
        for c in find_claims(text, published=date(2023, 3, 1))
        if c.kind == "quantity" and not c.parts
    ]
    assert found == expected


def test_an_earthquakes_magnitude_is_a_measure_not_a_count_of_what_follows_it():
    # WAM via Sharjah24, 12 September 2023; Pledge Times, 8 October 2023; The National, same day
    for text, number in [
        (
            "A magnitude 6.8 earthquake struck 74 km southwest of Marrakech, Morocco, at a "
            "reported depth of 25.987 km on Friday 8th September.",
            "6.8",
        ),
        (
            "The earthquake registered a magnitude 6.3 followed by several aftershocks, as "
            "reported by the United States Geological Survey.",
            "6.3",
        ),
        (
            "The US Geological Survey said a series of earthquakes hit 35 kilometres north-west "
            "of the city of Herat, with one measuring 6.3 magnitude.",
            "6.3",
        ),
    ]:
        (found,) = [c for c in quantities(text, date(2023, 10, 8)) if c.quote == number]
        assert (found.unit, found.value) == ("magnitude", Quantity(Decimal(number)))
        assert found.entity == ""


def test_a_figure_a_total_went_past_is_a_lower_bound_of_it():
    # Africa Times, 9 September 2023, a headline; TheNewsGuru, April 2020
    for text, number in [
        ("Morocco quake death toll soars past 2,000", "2,000"),
        ("US coronavirus death toll surpasses 41,000", "41,000"),
    ]:
        (found,) = quantities(text, date(2023, 9, 9))
        assert (found.quote, found.entity, found.predicate) == (number, "people", "died")
        assert found.value == Quantity(Decimal(number.replace(",", "")), Qualifier.AT_LEAST)
