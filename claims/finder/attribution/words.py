"""Words and token tests that several attribution rules share."""

from __future__ import annotations

from claims.finder.tokens import FUNCTION_WORDS, MONTHS, WEEKDAYS, Token

NP_STOP = (FUNCTION_WORDS - frozenset("the a an of for at from in to".split())) | frozenset(
    "–—".split()
)
PAST_VERBS = frozenset(
    "took spoke made gave saw went came began found left held brought sent won lost became "
    "heard kept knew led wrote ran broke met put got told said".split()
)
PERSON_PRONOUNS = frozenset("he she him her".split())
GROUP_PRONOUNS = frozenset("it they".split())
OPENERS = "“‘\"'"
PASSIVE = frozenset("is are was were be been being am".split())
DATE_PREPOSITIONS = frozenset("on in at last this next since by during".split())
TIME_WORDS = frozenset(
    "month year week day morning afternoon evening night today yesterday tonight".split()
)
PERFECT = frozenset("has have had will would can could may might must should did does".split())


def is_time_word(token: Token) -> bool:
    """A day, a month, a unit of time or a number: the words of "on Tuesday", "last week"."""
    low = token.lower
    return low in WEEKDAYS or low in MONTHS or low in TIME_WORDS or token.text.isdigit()


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return end
