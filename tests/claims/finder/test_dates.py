from datetime import date

import pytest

from claims.finder.dates import find_dates, metadata_spans
from claims.finder.relative_dates import Tense, resolve_weekday
from claims.rules.values import DateValue, Precision

MONTH, DAY, YEAR = Precision.MONTH, Precision.DAY, Precision.YEAR
TUESDAY = date(2024, 10, 15)


def dates(text: str, reference: date = TUESDAY) -> list[tuple[str, DateValue]]:
    return [(text[d.start : d.end], d.value) for d in find_dates(text, 0, len(text), reference)]


def only(text: str, reference: date = TUESDAY) -> DateValue:
    (found,) = dates(text, reference)
    return found[1]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The mill closed in March 2011.", DateValue(date(2011, 3, 1), MONTH)),
        ("The ruling came on 30 April 2019.", DateValue(date(2019, 4, 30), DAY)),
        ("The ruling came on April 30, 2019.", DateValue(date(2019, 4, 30), DAY)),
        ("The ruling came on the 3rd of May 2019.", DateValue(date(2019, 5, 3), DAY)),
        ("The ruling is dated 30/04/2019.", DateValue(date(2019, 4, 30), DAY)),
        ("The bridge opened in 2021.", DateValue(date(2021, 1, 1), YEAR)),
        ("A 2022 audit found gaps.", DateValue(date(2022, 1, 1), YEAR)),
        ("Rents rose in the 1990s.", DateValue(date(1990, 1, 1), YEAR, date(1999, 1, 1))),
    ],
)
def test_it_reads_absolute_dates_at_their_precision(text, value):
    assert only(text) == value


def test_a_year_followed_by_a_plural_noun_is_a_count():
    assert dates("Nearly 2018 runners finished, as in 2017.") == [
        ("2017", DateValue(date(2017, 1, 1), YEAR))
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Works ran between August 2024 and January 2025.",
            DateValue(date(2024, 8, 1), MONTH, date(2025, 1, 1)),
        ),
        ("It happened between 2015 and 2017.", DateValue(date(2015, 1, 1), YEAR, date(2017, 1, 1))),
        ("He served from 2016 to 2018.", DateValue(date(2016, 1, 1), YEAR, date(2018, 1, 1))),
        ("The 2015–17 programme ended.", DateValue(date(2015, 1, 1), YEAR, date(2017, 1, 1))),
        ("Covering 2015-2017 only.", DateValue(date(2015, 1, 1), YEAR, date(2017, 1, 1))),
        (
            "Roadworks between August and October 2024.",
            DateValue(date(2024, 8, 1), MONTH, date(2024, 10, 1)),
        ),
        (
            "Snow fell between December and February 2024.",
            DateValue(date(2023, 12, 1), MONTH, date(2024, 2, 1)),
        ),
        (
            "Between March 2020 and 2022 it grew.",
            DateValue(date(2020, 1, 1), YEAR, date(2022, 1, 1)),
        ),
    ],
)
def test_it_joins_two_dates_into_a_period(text, value):
    assert only(text) == value


def test_a_period_spans_the_words_that_make_it():
    assert dates("It happened between 2015 and 2017.")[0][0] == "between 2015 and 2017"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Last year, the trust ran a deficit.", DateValue(date(2023, 1, 1), YEAR)),
        ("Sales are up this year.", DateValue(date(2024, 1, 1), YEAR)),
        ("Next year the levy rises.", DateValue(date(2025, 1, 1), YEAR)),
        ("The report came out last month.", DateValue(date(2024, 9, 1), MONTH)),
        ("Earlier this month the board met.", DateValue(date(2024, 10, 1), MONTH)),
        ("The fire started yesterday.", DateValue(date(2024, 10, 14), DAY)),
        ("Crews were called last night.", DateValue(date(2024, 10, 14), DAY)),
        ("The vote is today.", DateValue(date(2024, 10, 15), DAY)),
        ("It is repeated at 21:00 tonight.", DateValue(date(2024, 10, 15), DAY)),
        ("The result is due tomorrow.", DateValue(date(2024, 10, 16), DAY)),
        ("She took the job three years ago.", DateValue(date(2021, 1, 1), YEAR)),
        ("The lease ended two months ago.", DateValue(date(2024, 8, 1), MONTH)),
        ("He was seen ten days ago.", DateValue(date(2024, 10, 5), DAY)),
    ],
)
def test_it_resolves_relative_dates_against_the_reference(text, value):
    assert only(text) == value


def test_last_september_is_the_one_before_the_reference_month():
    assert only("The talks ended last September.", date(2022, 2, 1)) == DateValue(
        date(2021, 9, 1), MONTH
    )
    assert only("The talks ended last September.", date(2022, 11, 1)) == DateValue(
        date(2022, 9, 1), MONTH
    )


def test_a_bare_month_follows_the_tense():
    reference = date(2024, 5, 16)
    assert only("The hearing will take place in September.", reference).start == date(2024, 9, 1)
    assert only("The hearing took place in September.", reference).start == date(2023, 9, 1)


def test_a_bare_month_name_needs_a_preposition_to_be_a_date():
    assert dates("Theresa May said the February issue sold out.") == []
    assert dates("You may go.") == []


def test_a_weekday_in_a_past_sentence_is_the_last_one_on_or_before_the_reference():
    assert only("The minister said on Friday that talks had failed.") == DateValue(
        date(2024, 10, 11), DAY
    )
    assert only("The minister resigned on Tuesday.") == DateValue(TUESDAY, DAY)


def test_a_weekday_in_a_future_sentence_is_the_next_one():
    assert only("The film will be broadcast on Wednesday evening.") == DateValue(
        date(2024, 10, 16), DAY
    )
    assert only("The inquiry is to be published on Monday.") == DateValue(date(2024, 10, 21), DAY)


def test_a_weekday_with_no_tense_marker_is_the_nearest_one():
    assert only("Budget: Thursday.") == DateValue(date(2024, 10, 17), DAY)
    assert only("Budget: Sunday.") == DateValue(date(2024, 10, 13), DAY)


def test_last_and_next_weekdays_are_never_the_reference_day():
    assert resolve_weekday(1, TUESDAY, None, "last") == date(2024, 10, 8)
    assert resolve_weekday(1, TUESDAY, None, "next") == date(2024, 10, 22)
    assert resolve_weekday(1, TUESDAY, Tense.PAST) == TUESDAY


def test_a_day_and_month_without_a_year_takes_the_year_its_tense_points_to():
    reference = date(2025, 1, 10)
    assert only("He admitted the charges on 14 December.", reference).start == date(2024, 12, 14)
    assert only("He will be sentenced on 3 February.", reference).start == date(2025, 2, 3)


def test_a_pages_own_timestamps_are_not_dates():
    text = "1. Minister quitspublished at 14:14 BST 2 October\nFirst published 30.04.19:"
    spans = metadata_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "published at 14:14 BST 2 October",
        "First published 30.04.19",
    ]
    assert find_dates(text, 0, len(text), TUESDAY, skip=spans) == []


def test_today_as_a_programme_name_is_not_a_date():
    assert dates("She told Radio 4’s Today programme she would stay.") == []
