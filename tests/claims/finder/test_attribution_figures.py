"""Who gives a figure, in the forms news reports use for crowd sizes, tolls and estimates:
"put the figure at", "estimated", "claimed 310,000", "…, while the unions claimed …", a
subject that holds a phrase of its own, and "the carmaker" for an organisation just named.
Each sentence is from a real report, named beside it."""

from __future__ import annotations

from datetime import date

import pytest

from claims.finder.find import find_claims


def claimant_of(text: str, figure: str) -> str:
    candidates = [c for c in find_claims(text, published=date(2012, 6, 12)) if c.kind == "quantity"]
    found = [c for c in candidates if figure in c.quote]
    assert found, f"no figure {figure!r} in {[c.quote for c in candidates]}"
    return found[0].attributed_to


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        # Hürriyet Daily News (AFP), 12 June 2012, a march in Moscow
        (
            "Organisers put the figure at about 20,000 and said it was likely to grow.",
            "20,000",
            "Organisers",
        ),
        (
            "Leftist radical Sergei Udaltsov for his part estimated the early turnout at 50,000, "
            "the ITAR-TASS news agency reported.",
            "50,000",
            "Sergei Udaltsov",
        ),
        # Evening Standard, 20 November 2003, the march against President Bush's state visit
        (
            "However, police estimates put the demonstrators' numbers at just 30,000, way short "
            "of the figure promised by protest groups.",
            "30,000",
            "police",
        ),
        (
            "Organisers of today's demonstration against the controversial visit of President "
            "George Bush claimed that up to 200,000 people joined the protest.",
            "200,000",
            "Organisers of today's demonstration",
        ),
        # The Washington Post, 21 January 2017, the women's marches: an estimated figure is
        # no one's report, the newspaper that reported it is
        (
            "Organizers on Saturday estimated some 750,000 people showed up, though those were "
            "not official numbers.",
            "750,000",
            "Organizers",
        ),
        (
            "That march drew an estimated 500,000 people, the Los Angeles Times reported.",
            "500,000",
            "the Los Angeles Times",
        ),
        # The New European, 19 October 2019, the People's Vote march in London
        (
            "The organisers of the Final Say march that has overtaken central London have "
            "estimated that one million people have taken to the streets to ask for a "
            "confirmatory vote on Brexit.",
            "million",
            "the organisers of the Final Say march",
        ),
    ],
)
def test_the_figure_is_given_by_the_subject(text, figure, claimant):
    assert claimant_of(text, figure) == claimant


def test_two_parties_in_one_sentence_each_give_their_own_figure():
    # Expatica (AFP), 16 October 2010, a pension protest in Paris
    text = (
        "Police said Saturday 50,000 demonstrators had turned out in Paris to protest against "
        "pension reform plans, fewer than at a previous weekend rally two weeks ago, while the "
        "unions claimed 310,000."
    )
    assert claimant_of(text, "50,000") == "Police"
    assert claimant_of(text, "310,000") == "the unions"


def test_numbers_and_bare_words_before_a_verb_are_nobody():
    # WHO on allAfrica, 14 November 2024, the Marburg outbreak in Rwanda: "66" is no speaker
    text = (
        "As of 8 November 2024, 66 confirmed cases, including 15 deaths with a case fatality "
        "ratio (CFR) of 23% have been reported and 51 confirmed cases have recovered."
    )
    found = find_claims(text, published=date(2024, 11, 14))
    assert len(found) > 3 and all(c.attributed_to == "" for c in found)


def test_the_automaker_is_the_organisation_that_just_spoke():
    # AP, February 2009, as a blog carried it: "the Detroit-based automaker" is General Motors
    text = (
        "DETROIT (AP) -- General Motors says it's cutting 10,000 salaried jobs, blaming the "
        "need to restructure the company amid the continued drop in new vehicle sales. The "
        "Detroit-based automaker says it will reduce its total number of salaried workers to "
        "63,000 from 73,000 this year."
    )
    assert claimant_of(text, "63,000") == "General Motors"
