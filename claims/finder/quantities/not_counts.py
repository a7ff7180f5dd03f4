"""Numbers that count nothing.

Times ("9pm", "21:00", "at 9 pm"), ages ("aged 35", "35 years old"), labels after a capitalised
word ("Radio 4", "Article 50", "BBC One"), "one of the most…", "no one", and years (those are
dates).
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.finder.vocabulary import looks_plural
from sources.text.tokens import Token
from sources.text.words import FUNCTION_WORDS, MONTHS, WEEKDAYS

_TIME_AFTER = frozenset("am pm a.m p.m a.m. p.m. o’clock o'clock hrs bst gmt utc cet".split())
_COMPARED = frozenset("as more less fewer higher lower bigger larger greater smaller".split())
_ONE_IDIOMS_AFTER = frozenset(
    "another day way point time hand side thing moment stage or off place".split()
)
_ONE_IDIOMS_BEFORE = frozenset("no not any every the this that which each".split())


# Words after which a number names something rather than counting: "page 12", "flight 370",
# "section 8", "aged 64".
_LABELS = frozenset(
    """
    aged age no number # page pages p pp flight route platform gate section sections article
    chapter clause paragraph room bus line level junction exit runway seat row column item lot
    road street highway interstate channel ward bed block building tower terminal
    """.split()
)
# What follows a street's name: "647 Hargrave Road", "10 Downing St".
_STREET_TYPES = frozenset(
    "road rd street st avenue ave lane drive boulevard blvd way place court terrace crescent "
    "highway square".split()
)


def not_a_count(tokens: Sequence[Token], index: int, after: int) -> bool:
    """Is the number from ``tokens[index]`` up to ``tokens[after]`` a time, an age, a label or
    an idiom?"""
    token = tokens[index]
    before = tokens[index - 1] if index > 0 else None
    if after < len(tokens) and tokens[after].lower.rstrip(".") in _TIME_AFTER:
        return True  # "9 pm", "at 9 BST"
    if _street_number(tokens, index, after):
        return True
    if (
        after + 1 < len(tokens)
        and tokens[after].lower == "times"
        and tokens[after + 1].lower in _COMPARED
    ):
        return True  # "six times as many marchers": a ratio, not a count of anything
    if (
        after + 1 < len(tokens)
        and tokens[after].lower == "years"
        and tokens[after + 1].lower == "old"
    ):
        return True
    if before is None:
        return False
    if before.lower in _LABELS or (
        before.text == "." and index > 1 and tokens[index - 2].lower == "no"
    ):
        return True
    is_digits = token.text[0].isdigit()
    # "Radio 4", "Article 50"; a sentence's first word is capitalised whatever it is
    # ("Altogether 1,175 injured people…").
    if (
        is_digits
        and before.is_word
        and before.is_capitalised
        and not _opens(before)
        and before.lower != "rs"  # rupees: "Rs 715 crore"
        and before.lower not in WEEKDAYS  # "Police said Saturday 50,000 demonstrators …"
        and index > 1
    ):
        return True
    if (
        not is_digits
        and token.is_capitalised
        and before.is_word
        and before.lower
        not in (FUNCTION_WORDS | {"about", "nearly", "some", "almost", "around", "over", "roughly"})
    ):
        return True  # "BBC One", "Channel Four"
    if token.lower == "one":
        following = tokens[after].lower if after < len(tokens) else ""
        if before.lower in _ONE_IDIOMS_BEFORE or following in _ONE_IDIOMS_AFTER:
            return True
    return False


def _street_number(tokens: Sequence[Token], index: int, after: int) -> bool:
    """ "at the 647 Hargrave Road plant": a number before a street's name is its address."""
    if not tokens[index].text[0].isdigit():
        return False
    position = after
    while position < len(tokens) and position - after < 3 and tokens[position].is_capitalised:
        if tokens[position].lower.rstrip(".") in _STREET_TYPES and position > after:
            return True
        position += 1
    return False


def _opens(token: Token) -> bool:
    """A capitalised word that may stand before a count: "But", "Only", a month, a qualifier."""
    low = token.lower
    return (
        low in FUNCTION_WORDS
        or low.rstrip(".") in MONTHS
        or low
        in (
            "about",
            "nearly",
            "some",
            "almost",
            "around",
            "over",
            "roughly",
            "just",
            "only",
            "approximately",
            "another",
            "exactly",
            "another",
            "more",
            "fewer",
            "less",
            "up",
        )
    )


def looks_like_year(tokens: Sequence[Token], index: int, after: int) -> bool:
    text = tokens[index].text
    if not (len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2099):
        return False
    following = tokens[after] if after < len(tokens) else None
    # "2018 officers" may be a count; a year followed by anything else is a date.
    return following is None or not (following.is_word and looks_plural(following.text))
