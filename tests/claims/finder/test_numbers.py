from decimal import Decimal

import pytest

from claims.finder.numbers import parse_number, qualifier_after, qualifier_before, read_number
from claims.rules.values import Qualifier
from sources.text.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("nine", 9),
        ("Eleven", 11),
        ("Fourteen", 14),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("a dozen", 12),
        ("one hundred and twelve", 112),
        ("two thousand and five", 2005),
        ("1,500", 1500),
        ("1500", 1500),
        ("557", 557),
        ("1.5 million", 1_500_000),
        ("1.5m", 1_500_000),
        ("2bn", 2_000_000_000),
        ("3.75", Decimal("3.75")),
    ],
)
def test_it_reads_numbers_in_words_and_digits(text, number):
    assert parse_number(text) == Decimal(number)


@pytest.mark.parametrize(
    "text", ["dozens", "hundreds", "9pm", "21:00", "BBC2", "nineteen nine", ""]
)
def test_it_reads_no_number_from_words_that_are_not_one(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("nearly 300", Qualifier.APPROXIMATELY),
        ("almost 300", Qualifier.APPROXIMATELY),
        ("around 300", Qualifier.APPROXIMATELY),
        ("about 300", Qualifier.APPROXIMATELY),
        ("roughly 300", Qualifier.APPROXIMATELY),
        ("some 300", Qualifier.APPROXIMATELY),
        ("approximately 300", Qualifier.APPROXIMATELY),
        ("more than 300", Qualifier.AT_LEAST),
        ("over 300", Qualifier.AT_LEAST),
        ("well over 300", Qualifier.AT_LEAST),
        ("at least 300", Qualifier.AT_LEAST),
        ("upwards of 300", Qualifier.AT_LEAST),
        ("up to 300", Qualifier.AT_MOST),
        ("fewer than 300", Qualifier.AT_MOST),
        ("less than 300", Qualifier.AT_MOST),
        ("at most 300", Qualifier.AT_MOST),
        ("no more than 300", Qualifier.AT_MOST),
        ("exactly 300", Qualifier.EXACT),
    ],
)
def test_it_reads_the_qualifier_in_front_of_a_number(text, qualifier):
    tokens = tokenize(text)
    assert qualifier_before(tokens, len(tokens) - 1)[0] == qualifier


def test_the_qualifier_nearest_the_number_wins():
    tokens = tokenize("abused victims over nearly 20 years")
    qualifier, start = qualifier_before(tokens, 4)
    assert qualifier == Qualifier.APPROXIMATELY
    assert tokens[start].text == "nearly"


def test_it_reads_a_qualifier_after_the_number():
    tokens = tokenize("200 or more people and 50+ cars")
    assert qualifier_after(tokens, 1) == (Qualifier.AT_LEAST, 3)
    assert qualifier_after(tokens, 6) == (Qualifier.AT_LEAST, 7)


def test_it_reads_a_number_from_tokens_and_says_where_it_ends():
    tokens = tokenize("about a dozen officers")
    assert read_number(tokens, 1) == (Decimal(12), 3)
    assert read_number(tokens, 3) is None
