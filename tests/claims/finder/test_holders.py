"""Whose figure a count is: the proper words of its stretch of sentence. Sentences from reports
of Nissan's job cuts (bench/corpus, a tuning story)."""

from __future__ import annotations

from datetime import date

from claims.finder.find import find_claims


def names_of(sentence: str) -> dict[str, tuple[str, ...]]:
    return {
        c.quote: c.names
        for c in find_claims(sentence, published=date(2024, 11, 7))
        if c.kind == "quantity"
    }


def test_each_figure_of_a_sentence_belongs_to_the_names_before_it():
    found = names_of(
        "Over the first half of the financial year, Nissan's global sales slipped 3.8% to 1.59 "
        "million vehicles, pulled down by a 14.3% slump in China."
    )
    assert found["3.8%"] == ("nissan",)
    assert found["14.3%"] == ("china",)


def test_a_phrase_placing_the_count_names_whose_it_is():
    found = names_of(
        "The Japanese company, which employs around 6,000 people at the Sunderland factory, "
        "said earlier on Tuesday that it was widening a major restructuring to cut costs."
    )
    assert "sunderland" in found["around 6,000 people"]


def test_the_speaker_of_a_figure_is_not_whose_it_is():
    found = names_of(
        "In May (2025) Nissan announced that it would reduce its number of plants worldwide "
        "from 17 to 10 by 2027."
    )
    assert all("nissan" not in names for names in found.values())


def test_each_part_of_a_list_of_places_is_that_place_s_figure():
    # BNO News, October 2025, on an earthquake in the Philippines
    found = names_of(
        "The Philippines’ National Disaster Risk Reduction and Management Council (NDRRMC) said "
        "Wednesday that 72 people were killed in the earthquake, including 30 in Bogo City, 22 "
        "in San Remigio, 12 in Medellin, five in Tabogon, and one each in Sogod, Tabuelan, and "
        "Borbon."
    )
    # a name of two words also goes by its initials, as a party or an agency does
    assert (found["30"], found["22"], found["12"], found["five"]) == (
        ("BC", "bogo", "city"),
        ("SR", "remigio", "san"),
        ("medellin",),
        ("tabogon",),
    )
