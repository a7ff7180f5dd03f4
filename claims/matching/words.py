"""Matching's own words: content words (stemmed, no stopwords, numbers, months or days), which
the text factor and the topic vectors compare, and the counts a text writes out."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from claims.finder.numbers import word_value
from sources.text.tokens import words
from sources.text.words import MONTHS, STOPWORDS, WEEKDAYS


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NUMBER_WORDS = _word_set(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions dozen dozens
    """
)
# Values are compared as values, so the words that state them do not count twice.
_DATE_WORDS = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | {"yesterday", "today", "tonight", "tomorrow"}
)
_SKIP = STOPWORDS | _NUMBER_WORDS | _DATE_WORDS
_SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "edly", "ed", "ly")
_STEM_LENGTH = 7


def _stem(word: str) -> str:
    """A light stem: inflections off, then the first seven letters, so "investigated",
    "investigation" and "investigations" meet, as do "allegations" and "alleged"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith(("ches", "shes", "sses", "xes", "zes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    return word[:_STEM_LENGTH]


def content_words(text: str) -> list[str]:
    """The stemmed content words of ``text``: no stopwords, numbers, month or day names."""
    return [word for raw in words(text.casefold()) if (word := _content_word(raw))]


@functools.lru_cache(maxsize=1 << 16)
def _content_word(raw: str) -> str:
    """``raw``'s stem, or "" if it is not a content word."""
    word = raw.removesuffix("'s").removesuffix("’s")
    if len(word) < 2 or word in _SKIP or any(char.isdigit() for char in word):
        return ""
    return _stem(word)


_NUMBER_TOKEN = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?|[A-Za-z]+")


@functools.lru_cache(maxsize=1 << 14)
def numbers_in(text: str) -> frozenset[Decimal]:
    """The counts a text writes out, in digits or words ("11", "Fourteen"); not years."""
    found = set()
    for token in _NUMBER_TOKEN.findall(text):
        if token[0].isdigit():
            number = Decimal(token.replace(",", ""))
            if not (len(token) == 4 and 1800 <= number <= 2100):  # a year, not a count
                found.add(number)
        elif (word := word_value(token.lower())) is not None:
            found.add(Decimal(word))
    return frozenset(found)
