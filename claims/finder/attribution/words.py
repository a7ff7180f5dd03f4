"""Words and token tests that several attribution rules share."""

from __future__ import annotations

from sources.text.tokens import Token
from sources.text.words import FUNCTION_WORDS, MONTHS, WEEKDAYS

# Words a noun phrase read backwards stops at (articles and prepositions belong to it).
NP_STOP = (FUNCTION_WORDS - frozenset("the a an of for at from in to".split())) | frozenset(
    "–—".split()
)
# Irregular past forms: the verb that ends a subject ("-ed" forms are told by their ending).
PAST_VERBS = frozenset(
    "took spoke made gave saw went came began found left held brought sent won lost became "
    "heard kept knew led wrote ran broke met put got told said".split()
)
# Pronouns that stand for the last person, and for the last organisation.
PERSON_PRONOUNS = frozenset("he she him her".split())
GROUP_PRONOUNS = frozenset("it they".split())
# Opening quotation marks.
OPENERS = "“‘\"'"
# Forms of "be" before a participle: "was announced", "were found".
PASSIVE = frozenset("is are was were be been being am".split())
# The words of a time adverbial: "on Tuesday", "last week", "earlier this month".
DATE_PREPOSITIONS = frozenset("on in at last this next since by during".split())
TIME_WORDS = frozenset(
    "month year week day morning afternoon evening night today yesterday tonight".split()
)
# Auxiliaries between a subject and its verb: "has said", "would add".
PERFECT = frozenset("has have had will would can could may might must should did does".split())


def is_time_word(token: Token) -> bool:
    """A day, a month, a unit of time or a number: the words of "on Tuesday", "last week"."""
    low = token.lower
    return low in WEEKDAYS or low in MONTHS or low in TIME_WORDS or token.text.isdigit()


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return end
