"""Who says what: a claim's quotes grouped by claimant, as the claim page lists them."""

from datetime import date
from decimal import Decimal

from claims.display.voices import voices
from claims.rules.values import Quantity
from claims.rules.verdicts import Statement

KNCHR = "Kenya National Commission on Human Rights"


def stated(source, outlet, day, number, claimant=""):
    return Statement(
        source=source,
        outlet=outlet,
        published=day,
        as_of=day,
        value=Quantity(Decimal(number)),
        claimant=claimant,
    )


def test_quotes_are_grouped_by_claimant_in_the_order_they_speak():
    # Kenya's Finance Bill protests, 2024: the President put the dead at 19 (Capital FM,
    # 30 June), the rights commission at 39 (VOI, 2 July; The Star, 3 July).
    statements = [
        stated("capital", "Capital FM", date(2024, 6, 30), 19, "President William Ruto"),
        stated("voi", "VOI", date(2024, 7, 2), 39, KNCHR),
        stated("star", "The Star", date(2024, 7, 3), 39, f"the {KNCHR}"),
    ]
    grouped = voices(["ruto", "voi", "star"], statements)

    assert [(v.heading, v.items) for v in grouped] == [
        ("According to President William Ruto", ("ruto",)),
        (f"According to {KNCHR}", ("voi", "star")),  # "the …" is the same name
    ]


def test_a_report_restating_its_claimants_figure_is_grouped_with_the_claimant():
    said = stated("voi", "VOI", date(2024, 7, 2), 39, KNCHR)
    restated = stated("voi", "VOI", date(2024, 7, 2), 39)  # "the 39 deaths" later on
    (voice,) = voices(["said", "restated"], [said, restated])
    assert voice.items == ("said", "restated")


def test_nothing_is_grouped_when_no_figure_has_a_claimant():
    statements = [stated("voi", "VOI", date(2024, 7, 2), 39)]
    assert voices(["voi"], statements) == []
