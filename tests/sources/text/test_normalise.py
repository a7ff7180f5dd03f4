import re

import pytest

from sources.text.normalise import content_hash, normalise_text

# A pasted article: Windows line ends, indents, no-break and thin spaces, blank-line runs.
PASTED = (
    "\r\n\r\n  Met officers suspended after Panorama  \r\n"
    "\r\n\r\n\r\n"
    "Nine officers\u00a0have been suspended,\tthe force said.\r\n"
    "\t“This is not who we are,” said Sir Mark Rowley\u2009– the Commissioner.  \r\n"
    "   \r\n"
    "The IOPC’s inquiry covers 2015–2017.\r\n\r\n\r\n"
)

STORED = (
    "Met officers suspended after Panorama\n"
    "\n"
    "Nine officers have been suspended, the force said.\n"
    "“This is not who we are,” said Sir Mark Rowley – the Commissioner.\n"
    "\n"
    "The IOPC’s inquiry covers 2015–2017."
)


def test_it_normalises_a_pasted_article_as_the_dataset_format_describes():
    assert normalise_text(PASTED) == STORED


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("one\r\ntwo", "one\ntwo"),
        ("one\rtwo", "one\ntwo"),
        ("one\r\n\rtwo", "one\n\ntwo"),
    ],
    ids=["crlf", "cr", "crlf-then-cr"],
)
def test_it_ends_lines_with_a_line_feed(raw, stored):
    assert normalise_text(raw) == stored


@pytest.mark.parametrize(
    "space",
    ["\t", "\u00a0", "\u2009", "\u202f", "  ", " \t\u00a0 "],
    ids=["tab", "no-break", "thin", "narrow-no-break", "two-spaces", "mixed"],
)
def test_it_collapses_whitespace_inside_a_line_to_one_space(space):
    assert normalise_text(f"nine{space}officers") == "nine officers"


def test_it_strips_each_line():
    assert normalise_text("  one \n\ttwo\u00a0\n three") == "one\ntwo\nthree"


def test_it_collapses_runs_of_blank_lines_to_one():
    assert normalise_text("one\n\n\ntwo\n\n\n\n\nthree") == "one\n\ntwo\n\nthree"


def test_it_counts_lines_of_only_spaces_as_blank():
    assert normalise_text("one\n \n\t\n\u00a0\ntwo") == "one\n\ntwo"


def test_it_keeps_a_single_blank_line_between_paragraphs():
    assert normalise_text("one\n\ntwo") == "one\n\ntwo"


def test_it_removes_blank_lines_at_the_start_and_end():
    assert normalise_text("\n\n \none\ntwo\n\n  \n") == "one\ntwo"


def test_it_composes_accents_to_nfc():
    assert normalise_text("Cafe\u0301 Ne\u0301ro") == "Caf\u00e9 N\u00e9ro"
    assert len(normalise_text("e\u0301")) == 1


def test_it_keeps_curly_quotes_and_dashes():
    text = "“It’s ‘over’,” he said – twice — in 2015–2017."

    assert normalise_text(text) == text


def test_it_is_idempotent():
    once = normalise_text(PASTED + "\n\n\u2003Cafe\u0301 society\t\r\n")

    assert normalise_text(once) == once


def test_it_leaves_an_already_stored_text_alone():
    assert normalise_text(STORED) == STORED


def test_it_gives_texts_differing_only_in_whitespace_the_same_hash_once_normalised():
    compact = "Nine officers have been suspended.\n\nThe IOPC said so."
    sprawling = (
        "\r\n  Nine officers\thave been\u00a0suspended.  \r\n\r\n\r\n\r\nThe IOPC said so.\r\n"
    )

    assert content_hash(normalise_text(sprawling)) == content_hash(normalise_text(compact))


def test_it_gives_differently_composed_accents_the_same_hash_once_normalised():
    assert content_hash(normalise_text("Cafe\u0301")) == content_hash(normalise_text("Caf\u00e9"))


def test_it_gives_different_texts_different_hashes():
    assert content_hash("Nine officers were suspended.") != content_hash(
        "Ten officers were suspended."
    )


def test_it_hashes_to_64_hex_characters():
    digest = content_hash(STORED)

    assert re.fullmatch(r"[0-9a-f]{64}", digest)


def test_it_hashes_the_utf8_text_with_sha256():
    """A known digest, so a change of algorithm or encoding (which would orphan every stored
    hash) fails loudly."""
    assert content_hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert content_hash("é") != content_hash("e\u0301")
