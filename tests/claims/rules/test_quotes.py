import pytest

from claims.rules.quotes import QuoteError, Span, context, find_quote, locate_quote

ARTICLE = (
    "Nine officers have been suspended after the programme.\n"
    "Sir Mark Rowley said: “I’m deeply sorry – this is not who we are.”\n"
    "An IOPC spokesperson said officers were\n"
    "suspended between 2015–2017."
)


def quoted(text, span):
    return text[span.start : span.end]


# Finding a quote


def test_it_finds_a_quote_that_occurs_exactly():
    span = locate_quote(ARTICLE, "Nine officers have been suspended")

    assert span == Span(0, 33)


def test_it_ignores_spaces_around_a_pasted_quote():
    span = locate_quote(ARTICLE, "  Nine officers have been suspended\n")

    assert quoted(ARTICLE, span) == "Nine officers have been suspended"


def test_it_finds_a_quote_pasted_with_straight_quotes_and_a_hyphen():
    span = locate_quote(ARTICLE, '"I\'m deeply sorry - this is not who we are."')

    assert quoted(ARTICLE, span) == "“I’m deeply sorry – this is not who we are.”"


def test_it_finds_a_quote_pasted_on_one_line_where_the_text_breaks_the_line():
    span = locate_quote(ARTICLE, "officers were suspended between 2015-2017")

    assert quoted(ARTICLE, span) == "officers were\nsuspended between 2015–2017"


def test_it_finds_a_quote_pasted_with_extra_whitespace():
    span = locate_quote(ARTICLE, "Sir  Mark\tRowley\n said")

    assert quoted(ARTICLE, span) == "Sir Mark Rowley said"


def test_it_finds_a_quote_with_curly_marks_in_text_that_uses_straight_ones():
    text = 'He said "it\'s over" and left.'

    span = locate_quote(text, "“it’s over”")

    assert quoted(text, span) == '"it\'s over"'


def test_it_does_not_tolerate_differences_other_than_marks_dashes_and_spaces():
    assert find_quote(ARTICLE, "nine officers have been suspended") == []
    assert find_quote(ARTICLE, "Nine officers had been suspended") == []
    assert find_quote(ARTICLE, "Nineofficers have been suspended") == []


def test_it_finds_nothing_for_an_empty_quote():
    assert find_quote(ARTICLE, "   ") == []


def test_it_prefers_exact_occurrences_over_tolerant_ones():
    text = 'She said "no" twice: “no”.'

    assert find_quote(text, '"no"') == [Span(9, 13)]


def test_it_finds_every_occurrence_of_a_repeated_quote():
    text = "Officers were suspended. Later, officers were suspended again."

    assert find_quote(text, "officers were suspended") == [Span(32, 55)]
    assert find_quote(text, "were suspended") == [Span(9, 23), Span(41, 55)]


def test_it_finds_overlapping_occurrences_of_a_quote():
    text = "The crowd chanted: no, no, no."

    assert find_quote(text, "no, no") == [Span(19, 25), Span(23, 29)]


# Locating the one occurrence


def test_it_says_when_a_quote_does_not_occur():
    with pytest.raises(QuoteError, match="does not occur in the source's text"):
        locate_quote(ARTICLE, "Ten officers have been suspended")


def test_it_refuses_to_guess_between_two_occurrences():
    text = "Officers were suspended. Later, officers were suspended again."

    with pytest.raises(QuoteError) as raised:
        locate_quote(text, "were suspended")

    message = str(raised.value)
    assert "occurs 2 times" in message
    assert "at offsets 9, 41" in message
    assert "give the start offset" in message


@pytest.mark.parametrize(
    ("near", "start"),
    [(0, 9), (9, 9), (24, 9), (26, 41), (41, 41), (500, 41)],
)
def test_it_picks_the_occurrence_closest_to_near(near, start):
    text = "Officers were suspended. Later, officers were suspended again."

    span = locate_quote(text, "were suspended", near=near)

    assert span == Span(start, start + len("were suspended"))


def test_it_ignores_near_when_the_quote_occurs_once():
    span = locate_quote(ARTICLE, "Nine officers", near=500)

    assert span == Span(0, 13)


def test_it_picks_the_closest_tolerant_occurrence_too():
    text = "“Sorry,” he said. Then again: “Sorry,” she said."

    span = locate_quote(text, '"Sorry,"', near=25)

    assert span == Span(30, 38)
    assert quoted(text, span) == "“Sorry,”"


# Context


def test_it_gives_sixty_characters_of_context_either_side():
    text = "a" * 100 + "QUOTE" + "b" * 100

    before, after = context(text, Span(100, 105))

    assert before == "a" * 60
    assert after == "b" * 60


def test_it_clips_context_at_the_start_and_end_of_the_text():
    text = "Nine officers have been suspended."

    assert context(text, Span(5, 13)) == ("Nine ", " have been suspended.")
    assert context(text, Span(0, 4)) == ("", " officers have been suspended.")
    assert context(text, Span(24, 34)) == ("Nine officers have been ", "")


def test_it_keeps_context_within_the_quotes_own_line():
    span = locate_quote(ARTICLE, "this is not who we are")

    before, after = context(ARTICLE, span)

    assert before == "Sir Mark Rowley said: “I’m deeply sorry – "
    assert after == ".”"


def test_it_leaves_out_a_word_the_context_width_would_cut_in_two():
    text = (
        "The commissioner said that within 48 hours nine officers were suspended from duty today."
    )
    span = locate_quote(text, "nine officers")

    before, after = context(text, span, width=20)
    _, cut = context(text, span, width=18)

    assert before == "within 48 hours "
    assert after == " were suspended from"  # a whole word: it ends at a space
    assert cut == " were suspended"  # "fr" of "from" is left out
