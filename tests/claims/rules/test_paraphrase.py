"""The words news reports use for the same thing, compared by stem and family."""

from __future__ import annotations

import pytest

from claims.rules.paraphrase import (
    canonical_predicate,
    entity_key,
    is_person,
    known_family,
    predicate_families,
    predicate_key,
)


@pytest.mark.parametrize(
    ("phrases", "family"),
    [
        (
            [
                "died",
                "were killed",
                "dead",
                "fatalities",
                "the death toll",
                "lost their lives",
                "victims",
            ],
            "died",
        ),
        (["investigated", "under investigation", "an inquiry", "a probe"], "investigated"),
        (["were suspended", "the suspension of"], "suspended"),
        (["in hospital", "are being treated", "hospitalised", "hospitalized"], "hospitalised"),
        (["were laid off", "job cuts", "redundancies", "will axe"], "laid off"),
        (["were hurt", "injured", "suffered injuries"], "injured"),
    ],
)
def test_paraphrases_of_one_predicate_are_one_family(phrases, family):
    assert {phrase: predicate_families(phrase) for phrase in phrases} == {
        phrase: frozenset({family}) for phrase in phrases
    }


def test_different_predicates_do_not_share_a_family():
    assert not predicate_key("were suspended") & predicate_key("under investigation")
    assert not predicate_key("died") & predicate_key("were injured")


def test_a_predicate_of_no_known_family_is_compared_by_its_words():
    assert predicate_key("were referred to hospitals") == frozenset({"hospitalised"})
    assert predicate_key("handed over") == frozenset({"hand"})


def test_a_verb_of_many_families_gives_way_to_the_family_it_names():
    # "cut" is how reports state lay-offs, but "cut … deaths" is about deaths
    assert predicate_families("cut jobs") == frozenset({"laid off"})
    assert predicate_families("cut the death toll") == frozenset({"died"})


@pytest.mark.parametrize(
    ("a", "b"),
    [("jobs", "workers"), ("roles", "employees"), ("houses", "homes"), ("votes", "ballots")],
)
def test_nouns_that_count_the_same_thing_share_a_class(a, b):
    assert entity_key(a) == entity_key(b)


def test_kinds_of_people_are_people():
    assert is_person(entity_key("passengers")) and is_person(entity_key("people"))
    assert not is_person(entity_key("trains"))


def test_verbs_of_reporting_say_nothing_of_what_happened():
    assert predicate_key("had been reported") == frozenset()
    assert predicate_key("the loss it made") == frozenset({"loss"})


def test_a_generic_counter_says_nothing_of_what_is_counted():
    # "Oppama … can build around 240,000 vehicles a year" may also be "240,000 units"
    assert entity_key("units") == "" and entity_key("vehicles") != ""


def test_a_denied_predicate_is_not_the_one_affirmed():
    assert predicate_key("not yet identified") != predicate_key("identified")
    assert predicate_key("were not charged") == predicate_key("never charged")
    assert canonical_predicate("were not charged") == "not charged"
    assert known_family(predicate_key("not charged"))
