from sources.text.tokens import tokenize, words
from sources.text.words import MONTHS, STOPWORDS, WEEKDAYS


def test_it_keeps_figures_and_hyphenated_words_whole_as_tokens():
    text = "About 1,500 ex-officers met at 21:00."
    assert [t.text for t in tokenize(text)] == [
        "About",
        "1,500",
        "ex-officers",
        "met",
        "at",
        "21:00",
        ".",
    ]
    assert [(t.start, t.end) for t in tokenize(text)][1] == (6, 11)


def test_plain_words_keep_apostrophes_and_split_hyphens():
    assert words("The union’s ex-chair didn't say.") == [
        "The",
        "union’s",
        "ex",
        "chair",
        "didn't",
        "say",
    ]


def test_one_month_table_knows_names_and_abbreviations():
    assert MONTHS["sept"] == MONTHS["september"] == 9
    assert MONTHS["may"] == 5
    assert WEEKDAYS["sunday"] == 6
    assert {"the", "said", "according"} <= STOPWORDS
