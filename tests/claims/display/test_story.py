"""What each source of a topic added, confirmed, contradicted or updated."""

from __future__ import annotations

from datetime import date

from claims.display.story import Relation, Told, tell
from claims.rules.values import DateValue, Precision, Quantity
from claims.rules.verdicts import Statement

GUARDIAN, ITV, LATER = "guardian", "itv", "later"
DATES = {GUARDIAN: date(2019, 4, 30), ITV: date(2022, 2, 2), LATER: date(2023, 1, 1)}


def told(claim, source, value, *, changes=True, as_of=None):
    published = DATES[source]
    return Told(
        claim, source, changes, Statement(source, source, published, as_of or published, value)
    )


def relations(chapters):
    return {
        chapter.source: {r.value: claims for r, claims in chapter.claims.items() if claims}
        for chapter in chapters
    }


def test_the_first_source_adds_and_a_later_one_updates_a_changing_count():
    story = tell(
        [GUARDIAN, ITV],
        [told("investigated", GUARDIAN, Quantity(11)), told("investigated", ITV, Quantity(14))],
    )
    assert relations(story) == {
        GUARDIAN: {"added": ["investigated"]},
        ITV: {"updated": ["investigated"]},
    }


def test_a_later_source_contradicts_a_fixed_fact():
    period = DateValue(date(2015, 1, 1), Precision.YEAR, date(2017, 1, 1))
    other = DateValue(date(2016, 1, 1), Precision.YEAR, date(2018, 1, 1))
    story = tell(
        [GUARDIAN, ITV],
        [
            told("period", GUARDIAN, period, changes=False),
            told("period", ITV, other, changes=False),
        ],
    )
    assert relations(story)[ITV] == {"contradicted": ["period"]}


def test_a_later_source_confirms_an_equal_or_compatible_value():
    story = tell(
        [GUARDIAN, ITV, LATER],
        [
            told("n", GUARDIAN, Quantity(9)),
            told("n", ITV, Quantity(9), as_of=DATES[GUARDIAN]),
            told("new", LATER, None),
        ],
    )
    assert relations(story) == {
        GUARDIAN: {"added": ["n"]},
        ITV: {"confirmed": ["n"]},
        LATER: {"added": ["new"]},
    }


def test_a_different_value_for_the_same_date_contradicts_even_a_changing_claim():
    story = tell(
        [GUARDIAN, ITV],
        [told("n", GUARDIAN, Quantity(11)), told("n", ITV, Quantity(12), as_of=DATES[GUARDIAN])],
    )
    assert relations(story)[ITV] == {Relation.CONTRADICTED.value: ["n"]}


def test_a_source_with_no_claims_has_an_empty_chapter_in_its_place():
    story = tell([GUARDIAN, ITV], [told("n", ITV, Quantity(1))])
    assert [c.source for c in story] == [GUARDIAN, ITV]
    assert story[0].is_empty
