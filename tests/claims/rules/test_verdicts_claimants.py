"""Verdicts by who gives a figure: two claimants in one report differ, a claimant revising its
own figure updates it, and a claimant repeated by several outlets is one origin. The figures
and their claimants are those of real reports, named in each test."""

from datetime import date
from decimal import Decimal

from claims.rules.values import Qualifier, Quantity
from claims.rules.verdicts import Statement, Verdict, assess, count_sources


def said(claimant, outlet, published, number, *, source=None, origin=""):
    return Statement(
        source=source or f"{outlet.lower().replace(' ', '-')}-{published.isoformat()}",
        outlet=outlet,
        published=published,
        as_of=published,
        value=Quantity(Decimal(number)),
        origin=origin,
        claimant=claimant,
    )


def test_two_claimants_in_one_report_differ():
    # VOI, 2 July 2024: the Kenya National Commission on Human Rights puts the protest toll at
    # 39, against President Ruto's 19 of 30 June, in the same report
    voi = date(2024, 7, 2)
    statements = [
        said("the KNCHR", "VOI", voi, 39, source="voi"),
        said("President William Ruto", "VOI", voi, 19, source="voi"),
    ]

    assessment = assess(statements, changes_over_time=False)

    assert assessment.verdict == Verdict.DIFFER
    assert assessment.explanation == (
        "According to the KNCHR, 39 (VOI, 2 July 2024); according to President William Ruto, "
        "19 (same report)."
    )
    # without claimants the one report is one source saying two things: nothing to check
    unattributed = [Statement(s.source, s.outlet, voi, voi, s.value) for s in statements]
    assert assess(unattributed, changes_over_time=False).verdict == Verdict.SINGLE


def test_three_claimants_in_one_report_differ_and_the_explanation_names_two():
    # The National, 8 October 2023, on the Herat earthquakes: the Taliban's disasters ministry
    # 2,053 dead, the Red Crescent 500, the UN a preliminary 320
    national = date(2023, 10, 8)
    statements = [
        said("the Taliban's Ministry of Disasters", "The National", national, 2053, source="n"),
        said("the Red Crescent", "The National", national, 500, source="n"),
        said("the UN", "The National", national, 320, source="n"),
    ]

    assessment = assess(statements, changes_over_time=True)

    assert assessment.verdict == Verdict.DIFFER
    assert assessment.explanation.startswith("For the same date (8 October 2023), according to")
    assert "(same report)" in assessment.explanation


def test_a_claimant_revising_its_own_figure_updates_it():
    # Morocco's interior ministry: 2,012 dead (Hespress via Pledge Times, 10 September 2023),
    # then 2,862 (WAM via Sharjah24, 12 September 2023)
    statements = [
        said("the Interior Ministry", "Pledge Times", date(2023, 9, 10), 2012),
        said("the Interior Ministry", "Sharjah24", date(2023, 9, 12), 2862),
    ]

    for changes_over_time in (True, False):
        assessment = assess(statements, changes_over_time=changes_over_time)
        assert assessment.verdict == Verdict.UPDATED
        assert assessment.explanation == (
            "The Interior Ministry revised their figure: 2,012 (Pledge Times, 10 September "
            "2023), then 2,862 (Sharjah24, 12 September 2023) (2 sources, 1 independent)."
        )
    # two outlets giving those figures on their own account differ on a fixed fact
    unattributed = [
        Statement(s.source, s.outlet, s.published, s.as_of, s.value) for s in statements
    ]
    assert assess(unattributed, changes_over_time=False).verdict == Verdict.DIFFER


def test_a_revision_does_not_hide_another_claimant_who_differs_now():
    # the ministry's revised 2,862 against a figure another party gives the same day
    statements = [
        said("the Interior Ministry", "Pledge Times", date(2023, 9, 10), 2012),
        said("the Interior Ministry", "Sharjah24", date(2023, 9, 12), 2862, source="s"),
        said("a rescue team", "Sharjah24", date(2023, 9, 12), 3500, source="s"),
    ]

    assert assess(statements, changes_over_time=False).verdict == Verdict.DIFFER


def test_a_claimant_repeated_by_several_outlets_is_one_origin():
    # AP, 3 October 2024, carried by Local News 8 and by the Cobram Courier: health authorities
    # say Marburg fever has killed 11 people in Rwanda
    day = date(2024, 10, 3)
    statements = [
        said("health authorities", "Local News 8", day, 11),
        said("health authorities", "Cobram Courier", day, 11),
    ]

    assessment = assess(statements, changes_over_time=True)

    assert assessment.verdict == Verdict.SINGLE
    assert count_sources(statements) == (2, 1)
    assert assessment.explanation == (
        "Only from health authorities, as reported by Cobram Courier (3 October 2024) and "
        "Local News 8 (3 October 2024): 11 (2 sources, 1 independent)."
    )


def test_two_claimants_giving_the_same_figure_agree():
    # 12 September 2023: Moroccan state TV's 2,862 dead (Reuters, via Shower Daily) and the
    # Interior Ministry's (WAM, via Sharjah24)
    day = date(2023, 9, 12)
    statements = [
        said("state TV", "Shower Daily", day, 2862),
        said("the Interior Ministry", "Sharjah24", day, 2862),
    ]

    assessment = assess(statements, changes_over_time=True)

    assert assessment.verdict == Verdict.AGREE
    assert assessment.explanation == (
        "The Interior Ministry (Sharjah24, 12 September 2023) and state TV (Shower Daily, "
        "12 September 2023) agree: 2,862."
    )


def test_an_approximate_figure_of_one_claimant_agrees_with_another_within_its_range():
    # the rules for values still hold between claimants: "about 40" meets 39
    day = date(2024, 7, 2)
    statements = [
        Statement("a", "VOI", day, day, Quantity(Decimal(40), Qualifier.APPROXIMATELY), "", "x"),
        Statement("a", "VOI", day, day, Quantity(Decimal(39)), "", "y"),
    ]

    assert assess(statements, changes_over_time=False).verdict == Verdict.AGREE


def test_a_report_restating_its_claimants_figure_on_its_own_account_is_not_a_second_origin():
    # AP, 3 October 2024 (Local News 8): the headline "Rwanda's Marburg fever deaths rise to
    # 11", and in the text "has killed 11 people in Rwanda, health authorities said"
    day = date(2024, 10, 3)
    headline = Statement("ln8", "Local News 8", day, day, Quantity(Decimal(11)))
    body = said("health authorities", "Local News 8", day, 11, source="ln8")

    assessment = assess([headline, body], changes_over_time=True)

    assert assessment.verdict == Verdict.SINGLE
    assert assessment.explanation.startswith("Only from health authorities")
    # a figure of its own that the claimant's does not allow stays the report's, and differs
    own = Statement("ln8", "Local News 8", day, day, Quantity(Decimal(12)))
    assert assess([own, body], changes_over_time=True).verdict == Verdict.DIFFER
