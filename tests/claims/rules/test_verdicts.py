import itertools
import random
from datetime import date
from decimal import Decimal

import pytest

from claims.rules.values import (
    DateValue,
    Precision,
    Qualifier,
    Quantity,
    TextValue,
    value_from_json,
)
from claims.rules.verdicts import Statement, Verdict, assess, compatible

GUARDIAN_2019 = date(2019, 4, 30)
ITV_2022 = date(2022, 2, 2)


def stated(outlet, published, value, as_of=None, source=None):
    """One statement; the source defaults to one per outlet and as_of to the publication date."""
    return Statement(
        source=source or outlet.lower().replace(" ", "-"),
        outlet=outlet,
        published=published,
        as_of=as_of or published,
        value=value,
    )


def number(n, qualifier=Qualifier.EXACT):
    return Quantity(Decimal(str(n)), qualifier)


def about(n):
    return number(n, Qualifier.APPROXIMATELY)


def at_least(n):
    return number(n, Qualifier.AT_LEAST)


def at_most(n):
    return number(n, Qualifier.AT_MOST)


def when(text):
    return value_from_json({"date": text})


def period(start, end):
    return value_from_json({"period": [start, end]})


def verdict_of(a, b, *, changes_over_time=False):
    """The verdict when The Guardian states ``a`` and ITV News states ``b``."""
    statements = [stated("The Guardian", GUARDIAN_2019, a), stated("ITV News", ITV_2022, b)]
    return assess(statements, changes_over_time=changes_over_time).verdict


# No statements


def test_it_gives_no_verdict_when_no_source_states_the_claim():
    assessment = assess([], changes_over_time=False)

    assert assessment.verdict is None
    assert assessment.explanation == "No source states this claim yet."


# Single


def test_it_marks_single_when_one_source_states_the_claim_once():
    assessment = assess(
        [stated("The Guardian", GUARDIAN_2019, number(11))], changes_over_time=False
    )

    assert assessment.verdict == Verdict.SINGLE
    assert assessment.explanation == "Only The Guardian (30 April 2019) states this: 11."


def test_it_marks_single_when_one_source_states_the_claim_three_times():
    statements = [stated("The Guardian", GUARDIAN_2019, number(11)) for _ in range(3)]

    assessment = assess(statements, changes_over_time=False)

    assert assessment.verdict == Verdict.SINGLE
    assert (
        assessment.explanation == "Only The Guardian (30 April 2019) states this, in 3 places: 11."
    )


def test_it_marks_single_even_when_the_one_source_gives_conflicting_values():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("The Guardian", GUARDIAN_2019, number(12)),
    ]

    assessment = assess(statements, changes_over_time=False)

    assert assessment.verdict == Verdict.SINGLE
    assert "in 2 places" in assessment.explanation
    assert "it gives differing values: 11 and 12" in assessment.explanation


def test_it_does_not_call_compatible_values_from_one_source_differing():
    statements = [
        stated("The Guardian", GUARDIAN_2019, about(1500)),
        stated("The Guardian", GUARDIAN_2019, number(1450)),
    ]

    assessment = assess(statements, changes_over_time=False)

    assert assessment.verdict == Verdict.SINGLE
    assert "differing" not in assessment.explanation
    assert assessment.explanation.endswith(": about 1,500 and 1,450.")


def test_it_explains_a_single_source_that_gives_no_separate_value():
    assessment = assess([stated("BBC News", GUARDIAN_2019, None)], changes_over_time=False)

    assert assessment.verdict == Verdict.SINGLE
    assert assessment.explanation == "Only BBC News (30 April 2019) states this."


def test_it_treats_two_pieces_by_one_outlet_as_two_sources():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11), source="guardian-2019-04-30"),
        stated("The Guardian", ITV_2022, number(11), source="guardian-2022-02-02"),
    ]

    assert assess(statements, changes_over_time=False).verdict == Verdict.AGREE


# Agree


def test_it_marks_agree_when_two_sources_give_the_same_number():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("ITV News", ITV_2022, number(11)),
    ]

    assessment = assess(statements, changes_over_time=False)

    assert assessment.verdict == Verdict.AGREE
    assert assessment.explanation == (
        "The Guardian (30 April 2019) and ITV News (2 February 2022) agree: 11."
    )


def test_it_names_every_outlet_when_three_sources_agree():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(9)),
        stated("ITV News", ITV_2022, number(9)),
        stated("BBC News", date(2025, 10, 2), number(9)),
    ]

    assessment = assess(statements, changes_over_time=False)

    assert assessment.verdict == Verdict.AGREE
    assert assessment.explanation == (
        "The Guardian (30 April 2019), ITV News (2 February 2022) and BBC News (2 October 2025)"
        " agree: 9."
    )


def test_it_lists_each_sources_value_when_they_agree_without_being_equal():
    statements = [
        stated("The Guardian", GUARDIAN_2019, about(1500)),
        stated("ITV News", ITV_2022, number(1400)),
    ]

    assessment = assess(statements, changes_over_time=False)

    assert assessment.verdict == Verdict.AGREE
    assert assessment.explanation == (
        "The Guardian (30 April 2019) says about 1,500 and ITV News (2 February 2022) says 1,400;"
        " these values are compatible."
    )


def test_it_says_both_sources_state_a_claim_with_no_separate_value():
    statements = [stated("The Guardian", GUARDIAN_2019, None), stated("ITV News", ITV_2022, None)]

    assessment = assess(statements, changes_over_time=False)

    assert assessment.verdict == Verdict.AGREE
    assert assessment.explanation == (
        "The Guardian (30 April 2019) and ITV News (2 February 2022) both state this."
    )


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (number(1500), Verdict.AGREE),
        (number(1400), Verdict.AGREE),
        (number(1600), Verdict.AGREE),
        (number(1300), Verdict.DIFFER),
        (number(1700), Verdict.DIFFER),
    ],
    ids=["1500", "1400", "1600", "1300", "1700"],
)
def test_it_lets_nearly_1500_agree_with_numbers_within_ten_percent(other, expected):
    assert verdict_of(about(1500), other) == expected


def test_it_lets_two_approximate_numbers_agree_when_their_ranges_meet():
    assert verdict_of(about(1500), about(1800)) == Verdict.AGREE  # 1,350–1,650 and 1,620–1,980
    assert verdict_of(about(1500), about(2000)) == Verdict.DIFFER  # 1,350–1,650 and 1,800–2,200


@pytest.mark.parametrize(
    ("other", "expected"),
    [(number(95), Verdict.AGREE), (number(90), Verdict.AGREE), (number(80), Verdict.DIFFER)],
    ids=["95", "90", "80"],
)
def test_it_lets_at_least_90_agree_with_numbers_of_90_or_more(other, expected):
    assert verdict_of(at_least(90), other) == expected


def test_it_lets_at_most_and_at_least_agree_when_their_ranges_meet():
    assert verdict_of(at_most(5), at_least(5)) == Verdict.AGREE
    assert verdict_of(at_least(3), at_most(5)) == Verdict.AGREE


def test_it_marks_differ_when_at_most_and_at_least_cannot_both_hold():
    assert verdict_of(at_most(5), at_least(6)) == Verdict.DIFFER
    assert verdict_of(at_least(6), at_most(5)) == Verdict.DIFFER


def test_it_lets_two_at_least_figures_always_agree():
    assert verdict_of(at_least(11), at_least(90)) == Verdict.AGREE
    assert verdict_of(at_most(11), at_most(90)) == Verdict.AGREE


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (when("2018"), Verdict.AGREE),
        (when("2018-02-14"), Verdict.AGREE),
        (when("2018-02"), Verdict.AGREE),
        (when("2019"), Verdict.DIFFER),
        (when("2018-03"), Verdict.DIFFER),
        (when("2018-03-01"), Verdict.DIFFER),
    ],
    ids=["2018", "2018-02-14", "2018-02", "2019", "2018-03", "2018-03-01"],
)
def test_it_compares_dates_at_the_coarser_precision(other, expected):
    assert verdict_of(when("2018-02"), other) == expected


def test_it_marks_differ_when_periods_are_stated_differently():
    assessment = assess(
        [
            stated("The Guardian", GUARDIAN_2019, period("2015", "2017")),
            stated("ITV News", ITV_2022, period("2016", "2018")),
        ],
        changes_over_time=False,
    )

    assert assessment.verdict == Verdict.DIFFER
    assert assessment.explanation == (
        "The Guardian (30 April 2019) says 2015–2017 but ITV News (2 February 2022) says 2016–2018."
    )


def test_it_lets_a_year_agree_with_a_period_inside_that_year():
    assert verdict_of(when("2018"), period("2018-02", "2018-05")) == Verdict.AGREE


def test_it_does_not_let_a_year_agree_with_a_period_reaching_into_another_year():
    assert verdict_of(when("2018"), period("2017-11", "2018-02")) == Verdict.DIFFER


def test_it_does_not_let_a_single_date_agree_with_a_period_of_several_years():
    assert verdict_of(when("2016"), period("2015", "2017")) == Verdict.DIFFER
    assert verdict_of(when("2015"), period("2015", "2017")) == Verdict.DIFFER


def test_it_lets_texts_agree_ignoring_case_punctuation_and_spacing():
    assert verdict_of(TextValue("Disbanded."), TextValue("disbanded")) == Verdict.AGREE
    assert verdict_of(TextValue("Stood  down"), TextValue("stood down!")) == Verdict.AGREE


def test_it_lets_a_hyphenated_text_agree_with_the_same_word_unhyphenated():
    assert verdict_of(TextValue("Re-opened"), TextValue("reopened")) == Verdict.AGREE


def test_it_marks_differ_when_texts_differ():
    assessment = assess(
        [
            stated("The Guardian", GUARDIAN_2019, TextValue("disbanded")),
            stated("ITV News", ITV_2022, TextValue("suspended")),
        ],
        changes_over_time=False,
    )

    assert assessment.verdict == Verdict.DIFFER
    assert assessment.explanation == (
        "The Guardian (30 April 2019) says “disbanded” but ITV News (2 February 2022)"
        " says “suspended”."
    )


@pytest.mark.parametrize(
    "value",
    [number(11), about(1500), when("2018-02"), period("2015", "2017"), TextValue("disbanded")],
    ids=["number", "approximate", "date", "period", "text"],
)
def test_it_lets_a_statement_with_no_value_agree_with_any_value(value):
    assert compatible(None, value)
    assert compatible(value, None)
    assert verdict_of(None, value) == Verdict.AGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (number(2018), when("2018")),
        (number(9), TextValue("9")),
        (when("2018"), TextValue("2018")),
        (period("2015", "2017"), TextValue("2015–2017")),
    ],
    ids=["number-date", "number-text", "date-text", "period-text"],
)
def test_it_never_lets_values_of_different_shapes_agree(a, b):
    assert not compatible(a, b)
    assert not compatible(b, a)
    assert verdict_of(a, b) == Verdict.DIFFER


# Updated and differ over time


def test_it_marks_updated_when_values_change_over_time():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("ITV News", ITV_2022, number(14)),
    ]

    assessment = assess(statements, changes_over_time=True)

    assert assessment.verdict == Verdict.UPDATED
    assert assessment.explanation == (
        "The value changed over time: "
        "11 as of 30 April 2019 (The Guardian), then 14 as of 2 February 2022 (ITV News)."
    )


def test_it_marks_differ_when_a_fixed_fact_is_stated_differently_at_different_times():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("ITV News", ITV_2022, number(14)),
    ]

    assessment = assess(statements, changes_over_time=False)

    assert assessment.verdict == Verdict.DIFFER
    assert assessment.explanation == (
        "The Guardian (30 April 2019) says 11 but ITV News (2 February 2022) says 14."
    )


def test_it_marks_differ_when_sources_conflict_on_the_same_date_of_a_changing_value():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("BBC News", date(2019, 5, 1), number(12), as_of=GUARDIAN_2019),
    ]

    assessment = assess(statements, changes_over_time=True)

    assert assessment.verdict == Verdict.DIFFER
    assert assessment.explanation == (
        "For the same date (30 April 2019), The Guardian (30 April 2019) says 11"
        " but BBC News (1 May 2019) says 12."
    )


def test_it_explains_the_same_date_conflict_even_when_other_dates_differ_too():
    """The first conflict overall is across dates (11 vs 14); the explanation must not use it."""
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("ITV News", ITV_2022, number(14)),
        stated("BBC News", date(2022, 2, 3), number(15), as_of=ITV_2022),
    ]

    assessment = assess(statements, changes_over_time=True)

    assert assessment.verdict == Verdict.DIFFER
    assert assessment.explanation.startswith("For the same date (2 February 2022), ")
    assert "BBC News (3 February 2022) says 15" in assessment.explanation
    assert "ITV News (2 February 2022) says 14" in assessment.explanation
    assert "The Guardian" not in assessment.explanation


def test_it_ignores_one_source_contradicting_itself_on_the_same_date():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("The Guardian", GUARDIAN_2019, number(12)),
        stated("ITV News", ITV_2022, number(14)),
    ]

    assert assess(statements, changes_over_time=True).verdict == Verdict.UPDATED


def test_it_groups_agreeing_sources_under_each_date_of_an_update():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("Evening Standard", GUARDIAN_2019, number(11)),
        stated("ITV News", ITV_2022, number(14)),
    ]

    assessment = assess(statements, changes_over_time=True)

    assert assessment.verdict == Verdict.UPDATED
    assert assessment.explanation == (
        "The value changed over time: 11 as of 30 April 2019 (Evening Standard and The Guardian),"
        " then 14 as of 2 February 2022 (ITV News)."
    )


def test_it_marks_agree_not_updated_when_a_changing_value_has_not_changed():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("ITV News", ITV_2022, number(11)),
    ]

    assert assess(statements, changes_over_time=True).verdict == Verdict.AGREE


# As of, not published


def test_it_does_not_count_a_later_source_restating_an_old_figure_as_an_update():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("BBC News", date(2025, 10, 2), number(11), as_of=GUARDIAN_2019),
    ]

    assessment = assess(statements, changes_over_time=True)

    assert assessment.verdict == Verdict.AGREE
    assert assessment.explanation == (
        "The Guardian (30 April 2019) and BBC News (2 October 2025) agree: 11."
    )


def test_it_places_an_old_figure_restated_later_at_its_as_of_date_in_an_update():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("ITV News", ITV_2022, number(14)),
        stated("BBC News", date(2025, 10, 2), number(11), as_of=GUARDIAN_2019),
    ]

    assessment = assess(statements, changes_over_time=True)

    assert assessment.verdict == Verdict.UPDATED
    assert assessment.explanation == (
        "The value changed over time: 11 as of 30 April 2019 (The Guardian and BBC News),"
        " then 14 as of 2 February 2022 (ITV News)."
    )


def test_it_marks_updated_when_sources_published_the_same_day_give_values_as_of_different_dates():
    statements = [
        stated("The Guardian", ITV_2022, number(11), as_of=GUARDIAN_2019),
        stated("ITV News", ITV_2022, number(14)),
    ]

    assert assess(statements, changes_over_time=True).verdict == Verdict.UPDATED


# Order


def some_orders(statements, count=24):
    """Every order of a few statements, or a fixed random sample of them."""
    orders = list(itertools.permutations(statements))
    if len(orders) <= count:
        return orders
    return random.Random(2019).sample(orders, count)


@pytest.mark.parametrize(
    ("values", "changes_over_time", "expected"),
    [
        ([number(11), number(11), number(11), number(11)], False, Verdict.AGREE),
        ([about(1500), number(1450), about(1400), at_least(1400)], False, Verdict.AGREE),
        ([number(11), number(11), number(14), number(14)], True, Verdict.UPDATED),
        ([number(11), number(12), number(14), number(15)], True, Verdict.DIFFER),
        ([number(11), number(12), number(14), number(15)], False, Verdict.DIFFER),
    ],
    ids=["agree", "compatible", "updated", "differ-over-time", "differ"],
)
def test_it_reaches_the_same_verdict_and_explanation_whatever_the_order(
    values, changes_over_time, expected
):
    statements = [
        stated("The Guardian", GUARDIAN_2019, values[0]),
        stated("BBC News", date(2019, 5, 1), values[1], as_of=GUARDIAN_2019),
        stated("ITV News", ITV_2022, values[2]),
        stated("Sky News", date(2022, 2, 3), values[3], as_of=ITV_2022),
    ]
    first = assess(statements, changes_over_time=changes_over_time)

    assert first.verdict == expected
    for order in some_orders(statements):
        assert assess(list(order), changes_over_time=changes_over_time) == first


def test_it_explains_one_source_the_same_way_whatever_the_order_of_its_statements():
    statements = [
        stated("The Guardian", GUARDIAN_2019, number(11)),
        stated("The Guardian", GUARDIAN_2019, number(12), as_of=date(2019, 4, 1)),
        stated("The Guardian", GUARDIAN_2019, number(14), as_of=date(2019, 3, 1)),
    ]
    first = assess(statements, changes_over_time=False)

    assert first.explanation.endswith("differing values: 14, 12 and 11.")
    for order in some_orders(statements):
        assert assess(list(order), changes_over_time=False) == first


# compatible() directly, for values the verdict tests do not reach


def test_it_treats_a_month_as_compatible_with_any_day_in_it_but_not_the_next():
    february = DateValue(date(2018, 2, 1), Precision.MONTH)

    assert compatible(february, DateValue(date(2018, 2, 28), Precision.DAY))
    assert not compatible(february, DateValue(date(2018, 3, 1), Precision.DAY))
