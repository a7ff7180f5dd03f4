from sources.text.sentences import MAX_SENTENCE, sentence_at, split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_it_splits_at_full_stops_question_and_exclamation_marks():
    assert texts("The bridge is closed. Will it reopen? Nobody knows!") == [
        "The bridge is closed.",
        "Will it reopen?",
        "Nobody knows!",
    ]


def test_it_does_not_split_after_titles_and_abbreviations():
    text = "Dr. Amy Lowe met Mr. Grant at St. Anne's church. They spoke for an hour."
    assert texts(text) == [
        "Dr. Amy Lowe met Mr. Grant at St. Anne's church.",
        "They spoke for an hour.",
    ]


def test_it_does_not_split_after_no_before_a_number_or_after_initials():
    text = "Staff at No. 10 were told. J. K. Rowling was not there. Neither was the U.S. envoy."
    assert texts(text) == [
        "Staff at No. 10 were told.",
        "J. K. Rowling was not there.",
        "Neither was the U.S. envoy.",
    ]


def test_it_keeps_decimal_numbers_and_times_whole():
    text = "Inflation fell to 1.5 per cent at 9.30am. The update came at 14:14 BST. More later."
    assert texts(text) == [
        "Inflation fell to 1.5 per cent at 9.30am.",
        "The update came at 14:14 BST.",
        "More later.",
    ]


def test_it_ends_a_sentence_after_a_closing_quote():
    text = "She said: “We are sorry.” The company made no comment. “It is over,” he said."
    assert texts(text) == [
        "She said: “We are sorry.”",
        "The company made no comment.",
        "“It is over,” he said.",
    ]


def test_it_makes_headings_bylines_and_bullets_their_own_sentences():
    text = (
        "Council cuts library hours\n\nBy Jo Bloggs\n\n• Six branches close early\n"
        "• Staff keep jobs"
    )
    assert texts(text) == [
        "Council cuts library hours",
        "By Jo Bloggs",
        "Six branches close early",
        "Staff keep jobs",
    ]


def test_it_leaves_a_numbered_list_marker_out_of_the_sentence():
    sentences = split_sentences("1. Minister resigns over expenses\n2. Budget delayed")
    assert [s.line for s in sentences] == [0, 1]
    assert texts("1. Minister resigns over expenses") == ["Minister resigns over expenses"]


def test_it_knows_which_sentence_holds_an_offset():
    text = "First one here. Second one there."
    sentences = split_sentences(text)
    assert sentence_at(sentences, text.index("Second")) == sentences[1]
    assert sentence_at(sentences, text.index("here")) == sentences[0]
    assert sentence_at(sentences, len(text) + 5) is None


def test_a_run_on_without_full_stops_is_cut_at_clause_marks_into_bounded_pieces():
    # AFP via Expatica, 16 October 2010, pasted 40 times over and joined by commas
    sentence = (
        "Police said Saturday 50,000 demonstrators had turned out in Paris to protest against "
        "pension reform plans, fewer than at a previous weekend rally two weeks ago, while the "
        "unions claimed 310,000"
    )
    text = ", ".join([sentence] * 40)
    pieces = split_sentences(text)
    assert len(pieces) > len(text) // MAX_SENTENCE
    assert all(p.end - p.start <= MAX_SENTENCE for p in pieces)
    # cut after a clause mark, never inside a word, and nothing lost between pieces
    assert all(text[p.end - 1] == "," for p in pieces[:-1])
    assert "".join(text[p.start : p.end] + " " for p in pieces).strip() == text
    assert [p.first_in_line for p in pieces] == [True] + [False] * (len(pieces) - 1)
