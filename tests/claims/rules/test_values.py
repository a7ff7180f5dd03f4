from datetime import date
from decimal import Decimal

import pytest

from claims.rules.values import (
    DateValue,
    InvalidValue,
    Precision,
    Qualifier,
    Quantity,
    TextValue,
    describe,
    parse_partial_date,
    value_from_json,
    value_to_json,
)

# Reading and writing the dataset's JSON shapes


@pytest.mark.parametrize(
    ("data", "value"),
    [
        ({"number": 9}, Quantity(Decimal(9))),
        (
            {"number": 1500, "qualifier": "approximately"},
            Quantity(Decimal(1500), Qualifier.APPROXIMATELY),
        ),
        ({"number": 11, "qualifier": "at_least"}, Quantity(Decimal(11), Qualifier.AT_LEAST)),
        ({"number": 5, "qualifier": "at_most"}, Quantity(Decimal(5), Qualifier.AT_MOST)),
        ({"number": 2.5}, Quantity(Decimal("2.5"))),
        ({"date": "2018"}, DateValue(date(2018, 1, 1), Precision.YEAR)),
        ({"date": "2018-02"}, DateValue(date(2018, 2, 1), Precision.MONTH)),
        ({"date": "2018-02-14"}, DateValue(date(2018, 2, 14), Precision.DAY)),
        (
            {"period": ["2024-08", "2025-01"]},
            DateValue(date(2024, 8, 1), Precision.MONTH, date(2025, 1, 1)),
        ),
        (
            {"period": ["2015", "2017"]},
            DateValue(date(2015, 1, 1), Precision.YEAR, date(2017, 1, 1)),
        ),
        ({"text": "disbanded"}, TextValue("disbanded")),
        (None, None),
    ],
    ids=lambda x: repr(x) if isinstance(x, dict | None) else None,
)
def test_it_reads_and_writes_back_every_value_shape(data, value):
    assert value_from_json(data) == value
    assert value_to_json(value) == data


def test_it_writes_a_fractional_number_as_a_float_and_a_whole_one_as_an_int():
    assert value_to_json(Quantity(Decimal("2.50"))) == {"number": 2.5}
    written = value_to_json(Quantity(Decimal("1500.0")))
    assert written == {"number": 1500}
    assert isinstance(written["number"], int)


def test_it_leaves_out_the_exact_qualifier_when_writing():
    value = value_from_json({"number": 9, "qualifier": "exact"})

    assert value == Quantity(Decimal(9), Qualifier.EXACT)
    assert value_to_json(value) == {"number": 9}


def test_it_strips_spaces_around_a_text_value():
    assert value_from_json({"text": "  disbanded \n"}) == TextValue("disbanded")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"date": "2022-02-30"}, "'2022-02-30' is not a valid date"),
        ({"date": "2018-13"}, "'2018-13' is not a valid date"),
        ({"date": "18-02"}, "'18-02' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"date": "14/02/2018"}, "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"date": 2018}, "2018 is not a date of the form"),
        ({"period": ["2024-08", "2025"]}, "both ends of a period must have the same precision"),
        ({"period": ["2017", "2015"]}, "the period ends (2015) before it starts (2017)"),
        ({"period": ["2015"]}, "a period is a list of two dates, start first"),
        ({"period": "2015–2017"}, "a period is a list of two dates, start first"),
        ({"number": 9, "text": "nine"}, 'exactly one of "number", "date", "period" or "text"'),
        ({}, 'exactly one of "number", "date", "period" or "text"'),
        ({"number": 9, "unit": "officers"}, "unexpected key 'unit' in a number value"),
        ({"date": "2018", "qualifier": "exact"}, "unexpected key 'qualifier' in a date value"),
        (
            {"number": 9, "qualifier": "roughly"},
            "qualifier must be one of exact, approximately, at_least, at_most",
        ),
        ({"number": True}, "True is not a number"),
        ({"number": "9"}, "'9' is not a number"),
        ({"number": float("nan")}, "nan is not a finite number"),
        ({"text": ""}, "a text value must be a non-empty string"),
        ({"text": "   "}, "a text value must be a non-empty string"),
        ({"text": 9}, "a text value must be a non-empty string"),
        ("disbanded", "a value must be an object or null"),
    ],
    ids=lambda x: repr(x) if isinstance(x, dict | str) else None,
)
def test_it_refuses_a_malformed_value_saying_why(data, words):
    with pytest.raises(InvalidValue) as raised:
        value_from_json(data)

    assert words in str(raised.value)


def test_it_accepts_a_period_that_starts_and_ends_in_the_same_month():
    value = value_from_json({"period": ["2018-02", "2018-02"]})

    assert value == DateValue(date(2018, 2, 1), Precision.MONTH, date(2018, 2, 1))


# Describing values in words


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"number": 1500, "qualifier": "approximately"}, "about 1,500"),
        ({"number": 90, "qualifier": "at_least"}, "at least 90"),
        ({"number": 5, "qualifier": "at_most"}, "at most 5"),
        ({"number": 9}, "9"),
        ({"number": 2.5}, "2.5"),
        ({"number": 1250000}, "1,250,000"),
        ({"date": "2018"}, "2018"),
        ({"date": "2018-02"}, "February 2018"),
        ({"date": "2018-02-14"}, "14 February 2018"),
        ({"period": ["2015", "2017"]}, "2015–2017"),
        ({"period": ["2024-08", "2025-01"]}, "August 2024–January 2025"),
        ({"period": ["2024-08-01", "2024-08-03"]}, "1 August 2024–3 August 2024"),
        ({"text": "disbanded"}, "“disbanded”"),
        (None, "no separate value"),
    ],
    ids=lambda x: x if isinstance(x, str) else None,
)
def test_it_describes_values_in_words(data, words):
    assert describe(value_from_json(data)) == words


def test_it_describes_numbers_without_trailing_zeros():
    assert describe(Quantity(Decimal("2.50"))) == "2.5"
    assert describe(Quantity(Decimal("1500.0"), Qualifier.APPROXIMATELY)) == "about 1,500"


# Partial dates


@pytest.mark.parametrize(
    ("text", "first_day", "precision"),
    [
        ("2018", date(2018, 1, 1), Precision.YEAR),
        ("2018-02", date(2018, 2, 1), Precision.MONTH),
        ("2018-02-14", date(2018, 2, 14), Precision.DAY),
        ("2024-02-29", date(2024, 2, 29), Precision.DAY),
    ],
)
def test_it_reads_a_partial_dates_precision_from_its_form(text, first_day, precision):
    assert parse_partial_date(text) == (first_day, precision)


@pytest.mark.parametrize("text", ["2018-2", "2018-02-1", "201802", "2018-02-14T10:00", ""])
def test_it_refuses_partial_dates_not_in_iso_form(text):
    with pytest.raises(InvalidValue, match="is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_partial_date(text)


def test_it_refuses_february_29th_outside_a_leap_year():
    with pytest.raises(InvalidValue, match="'2023-02-29' is not a valid date"):
        parse_partial_date("2023-02-29")


@pytest.mark.parametrize("text", ["٢٠١٨", "２０１８-０２"])
def test_it_refuses_dates_written_with_non_ascii_digits(text):
    with pytest.raises(InvalidValue):
        parse_partial_date(text)
