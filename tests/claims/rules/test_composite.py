"""A total and its parts: do they add up for each source and as-of date?"""

from datetime import date
from decimal import Decimal

from claims.rules.composite import PartClaim, check_sums
from claims.rules.values import Qualifier, Quantity
from claims.rules.verdicts import Statement

APRIL_2019, FEB_2022 = date(2019, 4, 30), date(2022, 2, 2)


def said(source, value, on=APRIL_2019, qualifier=Qualifier.EXACT):
    outlet = {"g": "The Guardian", "i": "ITV News"}[source]
    return Statement(source, outlet, on, on, Quantity(Decimal(value), qualifier))


def test_it_shows_the_parts_adding_up_to_the_total():
    (check,) = check_sums(
        [said("g", 11)],
        [PartClaim("constables", (said("g", 9),)), PartClaim("sergeants", (said("g", 2),))],
    )
    assert check.adds_up is True
    assert check.equation == "9 constables + 2 sergeants = 11 ✓"
    assert (check.outlet, check.as_of) == ("The Guardian", APRIL_2019)


def test_it_flags_parts_that_do_not_add_up():
    (check,) = check_sums(
        [said("g", 11)],
        [PartClaim("serving", (said("g", 9),)), PartClaim("former", (said("g", 1),))],
    )
    assert check.adds_up is False
    assert check.equation == "9 serving + 1 former ≠ 11 ✗"


def test_a_source_that_gives_only_the_total_has_its_parts_missing():
    checks = check_sums(
        [said("g", 11), said("i", 14, FEB_2022)],
        [PartClaim("constables", (said("g", 9),)), PartClaim("sergeants", (said("g", 2),))],
    )
    assert [c.adds_up for c in checks] == [True, None]
    assert checks[1].missing == ("constables", "sergeants")


def test_parts_from_another_date_do_not_count():
    (check,) = check_sums([said("g", 11)], [PartClaim("constables", (said("g", 9, FEB_2022),))])
    assert check.adds_up is None


def test_approximate_parts_add_up_within_their_ranges():
    (check,) = check_sums(
        [said("g", 1500)],
        [
            PartClaim("dismissed", (said("g", 900, qualifier=Qualifier.APPROXIMATELY),)),
            PartClaim("resigned", (said("g", 650),)),
        ],
    )
    assert check.adds_up is True  # 810..990 + 650 meets 1,500
