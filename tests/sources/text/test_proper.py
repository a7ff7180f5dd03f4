"""Proper words: what a sentence names, not the common word that opens it, nor who speaks.
Sentences from reports of Nissan's job cuts and the Balasore train crash (bench/corpus)."""

from __future__ import annotations

from sources.text.proper import capitalised_inside, lower_case_words, proper_words


def test_places_and_companies_are_proper_words_and_the_common_word_opening_a_sentence_is_not():
    text = (
        "With around 6,000 people on its payroll, Nissan Sunderland is currently the city's "
        "biggest employer."
    )
    assert proper_words(text, capitalised_inside(text)) == {"nissan", "sunderland", "NS"}


def test_a_name_opening_a_sentence_is_proper_when_the_text_capitalises_it_elsewhere():
    text = (
        "Oppama, where Nissan pioneered the production of electric vehicles, can build around "
        "240,000 vehicles a year. Production at the Oppama plant will end in 2027."
    )
    assert "oppama" in proper_words(text, capitalised_inside(text))
    assert "production" not in proper_words(text, capitalised_inside(text))


def test_who_says_a_figure_is_not_whose_figure_it_is():
    text = (
        "Of those 275, he said, 88 bodies have been identified, Odisha's chief secretary said, "
        "according to the Press Trust of India."
    )
    assert proper_words(text, capitalised_inside(text)) == frozenset()


def test_months_and_weekdays_are_not_names():
    text = (
        "The Central Bureau of Investigation on Friday arrested three employees of the Indian "
        "Railways in connection with the deadly triple train accident at Balasore in Odisha on "
        "June 2."
    )
    assert proper_words(text, capitalised_inside(text)) == {
        "central",
        "bureau",
        "investigation",
        "CBI",
        "indian",
        "railways",
        "IR",
        "balasore",
        "odisha",
    }


def test_a_stretch_of_the_text_is_read_in_its_context():
    text = "Nissan Sunderland employs 6,000 people; Oppama has 2,400 workers."
    at = text.index("Oppama")
    # "Oppama" opens a clause after a semicolon: proper only because the caller knows it
    assert proper_words(text, (), at) == frozenset()
    assert proper_words(text, {"oppama"}, at) == {"oppama"}
    assert lower_case_words(text) >= {"employs", "people", "has", "workers"}


def test_a_name_of_several_words_also_goes_by_its_initials():
    # Channel 4 News and the BBC, 5 July 2024, on the UK general election in Scotland
    short = (
        "With one seat left to declare, Labour has gone from just one to 37, while the SNP is "
        "down to nine."
    )
    full = "The Scottish National Party: 9 seats, 39 seats lost."
    assert "SNP" in proper_words(short, capitalised_inside(short))
    assert "SNP" in proper_words(full, capitalised_inside(full))
