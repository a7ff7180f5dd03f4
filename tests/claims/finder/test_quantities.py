from decimal import Decimal

import pytest

from claims.finder import Part
from claims.finder.quantities import QuantityMatch, find_quantities
from claims.rules.values import Qualifier, Quantity
from sources.text.tokens import tokenize


def counts(text: str, antecedent: str = "") -> list[QuantityMatch]:
    return find_quantities(text, tokenize(text), antecedent=antecedent)


def summary(text: str) -> list[tuple[str, Quantity, str]]:
    return [(text[q.start : q.end], q.value, q.unit) for q in counts(text)]


@pytest.mark.parametrize(
    ("text", "quote", "number", "qualifier", "unit"),
    [
        ("Police arrested 14 people overnight.", "14 people", 14, Qualifier.EXACT, "people"),
        (
            "Some 300 firefighters attended.",
            "Some 300 firefighters",
            300,
            Qualifier.APPROXIMATELY,
            "firefighters",
        ),
        (
            "It lasted well over 40 minutes.",
            "well over 40 minutes",
            40,
            Qualifier.AT_LEAST,
            "minutes",
        ),
        ("Up to 50 staff could go.", "Up to 50 staff", 50, Qualifier.AT_MOST, "staff"),
        ("He had 22 years’ service.", "22 years", 22, Qualifier.EXACT, "years"),
        (
            "Nearly 2,000 men and women applied.",
            "Nearly 2,000 men and women",
            2000,
            Qualifier.APPROXIMATELY,
            "people",
        ),
        ("It cost £4.5m to build.", "£4.5m", 4_500_000, Qualifier.EXACT, "pounds"),
        ("Turnout fell to 31% this year.", "31%", 31, Qualifier.EXACT, "percent"),
        (
            "Six current and former nurses gave evidence.",
            "Six current and former nurses",
            6,
            Qualifier.EXACT,
            "nurses",
        ),
        ("Three PCs were disciplined.", "Three PCs", 3, Qualifier.EXACT, "PCs"),
        ("One staff member was cleared.", "One staff member", 1, Qualifier.EXACT, "staff members"),
        ("An 11th officer was named.", "An 11th officer", 11, Qualifier.EXACT, "officers"),
        ("It was a 48-hour strike.", "48-hour", 48, Qualifier.EXACT, "hours"),
        ("He handed over £9,000 in cash.", "£9,000", 9000, Qualifier.EXACT, "pounds"),
        ("Claims rose by a third, to 12,400.", "12,400", 12400, Qualifier.EXACT, ""),
        (
            "An estimated 40 million Americans lack a doctor.",
            "An estimated 40 million Americans",
            40_000_000,
            Qualifier.APPROXIMATELY,
            "Americans",
        ),
        ("Nine out of 60 depots shut.", "Nine out of 60 depots", 9, Qualifier.EXACT, "depots"),
        ("One in five pupils was absent.", "One in five pupils", 20, Qualifier.EXACT, "percent"),
        ("It will drop by a further 400,000 over time.", "400,000", 400_000, Qualifier.EXACT, ""),
        (
            "Nine of the council’s 60 depots shut.",
            "Nine of the council’s 60 depots",
            9,
            Qualifier.EXACT,
            "depots",
        ),
    ],
)
def test_it_reads_a_count_with_its_noun_and_qualifier(text, quote, number, qualifier, unit):
    # "rose by a third, to 12,400" states two figures: the rise is read as a percentage first
    first = next(c for c in counts(text) if c.value.number == number)
    assert (text[first.start : first.end], first.value, first.unit) == (
        quote,
        Quantity(Decimal(number), qualifier),
        unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The show starts at 9pm on BBC2, or 21:00 on Radio 4.",
        "She spoke to 5 Live at 9 pm.",
        "A 35-year-old man, aged 35, was named.",
        "It is one of the most deprived areas.",
        "No one was hurt.",
        "The 2019 election was close.",
        "There is zero tolerance for abuse.",
        "Hundreds and dozens of people came.",
        # an ordinal in words says which one, not how many
        "A fourth man has been arrested.",
    ],
)
def test_it_counts_nothing_in_times_ages_labels_idioms_and_years(text):
    assert counts(text) == []


def test_counts_of_one_kind_of_people_joined_by_and_are_one_composite_count():
    text = "Three constables and two sergeants were arrested."
    (composite,) = counts(text)
    assert text[composite.start : composite.end] == "Three constables and two sergeants"
    assert composite.value == Quantity(Decimal(5))
    assert composite.unit == "officers"
    assert composite.parts == (Part(Decimal(3), "constables"), Part(Decimal(2), "sergeants"))


def test_a_and_one_count_one_inside_a_composite():
    text = "Six serving officers, one former PC and a detention officer face charges."
    (composite,) = counts(text)
    assert composite.value == Quantity(Decimal(8))
    assert [p.number for p in composite.parts] == [6, 1, 1]


def test_a_total_followed_by_its_breakdown_is_the_total():
    text = "Five officers, four PCs and an inspector, were suspended."
    (total,) = counts(text)
    assert total.value == Quantity(Decimal(5))
    assert total.parts == (Part(Decimal(4), "PCs"), Part(Decimal(1), "inspector"))


def test_counts_of_different_kinds_stay_separate():
    text = "Seven officers and two staff members were suspended."
    assert summary(text) == [
        ("Seven officers", Quantity(Decimal(7)), "officers"),
        ("two staff members", Quantity(Decimal(2)), "staff members"),
    ]


def test_counts_of_things_are_never_composite():
    text = "Two cars and three vans were damaged."
    assert [q.value.number for q in counts(text)] == [2, 3]


def test_an_elliptical_count_takes_the_unit_of_the_previous_count():
    text = "Twelve doctors were reviewed, of whom three were struck off. One resigned."
    found = counts(text)
    assert [(text[q.start : q.end], q.value.number, q.unit, q.elliptical) for q in found] == [
        ("Twelve doctors", 12, "doctors", False),
        ("three", 3, "doctors", True),
        ("One", 1, "doctors", True),
    ]


def test_another_with_a_verb_is_one_more():
    (another,) = counts("Another resigned on Friday.", antecedent="councillors")
    assert (another.value.number, another.unit) == (1, "councillors")


def test_n_of_them_takes_the_unit_of_the_count_before():
    text = "About 900 homes lost power - 200 of them in Leeds."
    assert summary(text)[1] == ("200 of them", Quantity(Decimal(200)), "homes")


@pytest.mark.parametrize(
    ("text", "quote", "number"),
    [
        # RTÉ News, 27 June 2021, on the Surfside building collapse: numbers under ten in words
        (
            "The death toll following the collapse last Thursday of an apartment tower in Miami "
            "has risen to nine, the local mayor has said.",
            "nine",
            9,
        ),
        # TASS, 8 December 2022, on a gas explosion in Nizhnevartovsk
        (
            "The death toll in a partially collapsed building following a gas explosion in "
            "Nizhnevartovsk rose to nine after one of those injured in the incident died in a "
            "hospital.",
            "nine",
            9,
        ),
        # Wikipedia, on the UK general election of 2024 in Scotland: a revision "from X to Y"
        # whose verb is no verb of change
        (
            "The Scottish National Party saw a collapse of support in which they lost 39 seats, "
            "bringing their total from 48 seats won at the previous election to nine.",
            "nine",
            9,
        ),
        # Channel 4 News, 5 July 2024
        (
            "With one seat left to declare, Labour has gone from just one to 37, while the SNP is "
            "down to nine.",
            "37",
            37,
        ),
    ],
)
def test_a_figure_after_a_change_or_a_revision_is_read_in_words_too(text, quote, number):
    found = {text[c.start : c.end]: c.value.number for c in counts(text)}
    assert found.get(quote) == number
    assert "one of" not in found  # "one" after "to" is a pronoun far more often than a count
