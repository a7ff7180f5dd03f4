"""Comparing sources: shared claims side by side, and the claims only one of them states."""

from claims.display.comparison import Stated, compare


def test_it_puts_shared_claims_side_by_side_in_the_order_of_the_chosen_sources():
    result = compare(
        ["bbc", "independent"],
        [
            Stated("suspended", "independent", "9"),
            Stated("suspended", "bbc", "9"),
            Stated("48-hours", "independent", "48"),
            Stated("557-removed", "bbc", "557"),
        ],
    )
    assert [(row.claim, row.cells) for row in result.shared] == [("suspended", (("9",), ("9",)))]
    assert result.only == (("bbc", ("557-removed",)), ("independent", ("48-hours",)))


def test_a_source_stating_a_claim_twice_shows_each_distinct_value_once():
    result = compare(
        ["a", "b"],
        [
            Stated("c", "a", "9"),
            Stated("c", "a", "9"),
            Stated("c", "a", "about 9"),
            Stated("c", "b", "10"),
        ],
    )
    assert result.shared[0].cells == (("9", "about 9"), ("10",))


def test_claims_of_sources_not_chosen_are_left_out():
    result = compare(["a", "b"], [Stated("c", "z", "1"), Stated("d", "a", "2")])
    assert result.shared == ()
    assert result.only == (("a", ("d",)), ("b", ()))
