"""Counts of other shapes than a number and its noun.

- "An 11th officer" counts 11 officers: the ordinal makes the total.
- "48-hour", "20-year" (not "35-year-old") count hours and years.
- "1 in 5 primaries" is 20 per cent of primaries; "34 out of 58 stations" is 34 stations.
- A bare figure after a change or a total counts what the change counts: "rose … to 12,400",
  "reached 557".
- "A triple train crash" involves three trains; "triple murders" are three murders.
- A fraction of something, or a change by a fraction, is a percentage: "a fifth of its
  workforce", "two-thirds of voters", "cut capacity by a fifth"; not "a third party" nor "the
  second half of the year".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from claims.finder.numbers import (
    digits_value,
    ordinal_value,
    qualifier_before,
    read_number,
    word_value,
)
from claims.finder.quantities.count import Count
from claims.finder.quantities.nouns import noun_phrase, with_noun
from claims.finder.vocabulary import PEOPLE_ADJECTIVES, TOTALS, pluralise
from claims.rules.paraphrase import predicate_families
from claims.rules.values import Qualifier
from sources.text.tokens import Token
from sources.text.words import FUNCTION_WORDS

_ORDINAL_NOT_COUNTS = frozenset(
    "time times century anniversary birthday place round term year day week month quarter "
    "half of".split()
)
_DURATION = re.compile(
    r"(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)-(year|month|week|day|hour|minute|second|mile|"
    r"kilometre|kilometer|metre|meter|member)s?(?:-long)?",
    re.IGNORECASE,
)
_CHANGE_VERBS = frozenset(
    "rose risen rise rises rising fell fallen fall falls falling increased increase increases "
    "decreased decrease decreases dropped drop drops climbed climb climbs grew grown grow grows "
    "jumped jump jumps up down doubled halved cut drop dropping reduce reduced reduces reducing "
    "bring brings bringing brought take takes "
    "revised revise lowered lower raised raise updated adjusted corrected put given gave "
    "taking took bringing brought slashed trimmed".split()
)
# Words that may follow a bare figure that ends its phrase: a preposition, a conjunction ("cut
# … from 17 to 10 under a plan", "rose to 12 across the region").
_AFTER_FIGURE = frozenset(
    "in on last this since from by and over during once after before when as at to under "
    "within across with amid following until for among against through worldwide nationwide "
    "overall globally".split()
)


def ordinal_count(tokens: Sequence[Token], index: int) -> Count | None:
    """ "An 11th officer": there are now 11. An ordinal in words ("a second driver", "a third
    party", "the fifth floor") says which one, not how many."""
    if not tokens[index + 1].text[:1].isdigit():
        return None
    ordinal = ordinal_value(tokens[index + 1].text)
    if ordinal is not None and tokens[index + 2].lower not in _ORDINAL_NOT_COUNTS:
        phrase = noun_phrase(tokens, index + 2, singular=True)
        if phrase is not None:
            return with_noun(tokens, index, index + 1, Decimal(ordinal), Qualifier.EXACT, phrase)
    return None


def is_duration(token: Token) -> bool:
    """ "48-hour", "20-year", "two-week", and a size: "a 10-member team"; not "35-year-old"."""
    return _DURATION.fullmatch(token.text) is not None and not token.lower.endswith("-old")


def duration_count(token: Token, index: int) -> Count | None:
    """The count of hours, years, weeks a duration (``is_duration``) makes, if its number reads."""
    duration = _DURATION.fullmatch(token.text)
    if duration is None:
        return None
    amount = digits_value(duration.group(1))
    if amount is None:
        word = word_value(duration.group(1))
        amount = Decimal(word) if word is not None else None
    if amount is None:
        return None
    return Count(
        index,
        index,
        index + 1,
        amount,
        Qualifier.EXACT,
        noun=token.lower,
        unit=duration.group(2).lower() + "s",
    )


def ratio(
    tokens: Sequence[Token], first: int, index: int, after: int, value: Decimal
) -> Count | None:
    """ "1 in 5 primaries" is 20 per cent of primaries; "34 out of 58 stations" is 34 stations."""
    if after + 1 >= len(tokens):
        return None
    if tokens[after].lower == "in" and (whole := read_number(tokens, after + 1)):
        total, end = whole
        if total <= value or total == 0:
            return None
        phrase = noun_phrase(tokens, end, singular=False)
        noun = " ".join(t.lower for t in tokens[end : phrase[1]]) if phrase else ""
        percent = (value * 100 / total).quantize(Decimal("0.01")).normalize()
        return Count(
            first,
            index,
            phrase[1] if phrase else end,
            percent,
            Qualifier.EXACT,
            noun=noun,
            unit="percent",
        )
    if (
        tokens[after].lower == "out"
        and tokens[after + 1].lower == "of"
        and (whole := read_number(tokens, after + 2))
    ):
        phrase = noun_phrase(tokens, whole[1], singular=False)
        if phrase is not None:
            return with_noun(tokens, first, index, value, Qualifier.EXACT, phrase)
    return None


def after_change(tokens: Sequence[Token], index: int, after: int) -> bool:
    """A bare figure after a change or a total: "rose … to 12,400", "reached 557", "fall by a
    further 400,000"."""
    if index == 0 or not (_in_figures(tokens, index) or _in_words(tokens, index)):
        return False
    if after < len(tokens) and tokens[after].is_word and tokens[after].lower not in _AFTER_FIGURE:
        return False
    position = index - 1
    while position > 0 and tokens[position].lower in _QUALIFYING:
        position -= 1  # "rose to nearly 300"
    before = tokens[position].lower
    if before in (
        "reached",
        "reaches",
        "reach",
        "totalled",
        "totaled",
        "totals",
        "hit",
        "hits",
        "topped",
        "tops",
        "exceeded",
        "exceeds",
        "passed",
        "passes",
        "surpassed",
        "drew",
        "draws",
        "attracted",
        "attracts",
        "surpassed",
        "surpasses",
    ):
        return True  # "a march which drew 500,000 in 2006", "death toll surpasses 41,000"
    if before == "of" and tokens[position - 1].lower in TOTALS:
        return True  # "a figure of 10,000", "a toll of 12"
    window = {t.lower for t in tokens[max(0, position - 12) : position]}
    if before == "past":
        return bool(window & TOTALS)  # "death toll soars past 2,000", not "past 10 years"
    if before == "to" and _from_figure(tokens, position):
        return True  # "went from one seat to 37": a revision, whatever its verb
    if before in ("to", "from", "by", "further"):
        return bool(window & (_CHANGE_VERBS | TOTALS))
    return before in ("as", "at") and bool(window & TOTALS)  # "the number … as 288"


_BEYOND = frozenset("passed passes surpassed surpasses exceeded exceeds topped tops past".split())


def beyond(tokens: Sequence[Token], first: int) -> bool:
    """Is the figure one a total went beyond ("the toll passed 2,000", "soars past 2,000")? Then
    it is a lower bound, not the total."""
    return first > 0 and tokens[first - 1].lower in _BEYOND


def object_of_verb(tokens: Sequence[Token], first: int, after: int) -> bool:
    """A bare figure that is the object of a verb saying what happened, as headlines write it:
    "China quake kills 72, injures 600"."""
    if first == 0 or (
        after < len(tokens) and tokens[after].is_word and tokens[after].lower not in _AFTER_FIGURE
    ):
        return False
    verb = tokens[first - 1]
    if not verb.text.islower() or not verb.lower.endswith(("s", "ed", "ing")):
        return False
    if first > 1 and tokens[first - 2].lower in FUNCTION_WORDS:
        return False  # "the deaths 30 years ago": a noun, not a verb
    return bool(predicate_families(verb.lower))


def _in_figures(tokens: Sequence[Token], index: int) -> bool:
    """A figure as news writes a total: in digits, "half a million", or in words in a change
    "from six to three"."""
    token = tokens[index]
    if token.text[0].isdigit() or token.lower == "half":
        return True
    before = tokens[index - 1].lower if index > 0 else ""
    if before == "from":
        return index + 2 < len(tokens) and tokens[index + 1].lower == "to"
    return before == "to" and index > 2 and tokens[index - 3].lower == "from"


def _in_words(tokens: Sequence[Token], index: int) -> bool:
    """A number in words after a change or a total ("the toll rose to nine", "has reached
    twelve"), as style books write numbers under ten; not "one", which is far more often a
    pronoun ("rose to one of the highest")."""
    return tokens[index].text.isalpha() and tokens[index].lower not in ("one", "a", "an")


def _from_figure(tokens: Sequence[Token], to: int) -> bool:
    """Does a "from" and a figure come shortly before ``tokens[to]`` ("to")? "from 48 seats at
    the last election to nine"."""
    for position in range(max(0, to - 10), to - 1):
        if tokens[position].lower != "from":
            continue
        figure = position + 1
        while figure < to and tokens[figure].lower in _QUALIFYING:
            figure += 1  # "from just one"
        if read_number(tokens, figure) is not None:
            return True
    return False


_REPORTING = frozenset(
    "said says saying counted counts estimated estimates estimate claimed claims put gave "
    "reported recorded tallied".split()
)
_AFTER_REPORTED = _AFTER_FIGURE | frozenset("whereas while but according".split())


def reported_figure(tokens: Sequence[Token], first: int, index: int, after: int) -> bool:
    """A bare figure someone gives for a count stated before it: "they said 60,000, whereas
    the police gave 10,000", "the figure was about 100,000"."""
    if index == 0 or not _in_figures(tokens, index):
        return False
    if after < len(tokens) and tokens[after].is_word and tokens[after].lower not in _AFTER_REPORTED:
        return False
    position = first - 1  # before "at least", "about"
    before = tokens[position].lower
    if before in _REPORTING:
        return True
    window = {t.lower for t in tokens[max(0, position - 4) : position]}
    return before in ("was", "is", "were") and bool(window & TOTALS)


_QUALIFYING = frozenset(
    "nearly almost about around over some roughly approximately just only more than fewer less "
    "least".split()
)


def the_adjective(tokens: Sequence[Token], index: int) -> str:
    """ "the injured", "the dead": an adjective standing for the people it describes."""
    if index + 1 < len(tokens) and tokens[index].lower == "the":
        word = tokens[index + 1].lower
        if word in PEOPLE_ADJECTIVES:
            return word
    return ""


_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "tenth": 10,
    "tenths": 10,
}
_FRACTION = re.compile(r"(?:(one|two|three|four)-)?([a-z]+)", re.IGNORECASE)
_FRACTION_ARTICLES = frozenset("a an one two three four".split())


def fraction_count(tokens: Sequence[Token], index: int) -> Count | None:
    """ "a fifth of its workforce" (20 per cent of it), "two-thirds of voters", "by a fifth"."""
    first, position, numerator = index, index, 1
    word = tokens[index].lower
    if word in _FRACTION_ARTICLES and index + 1 < len(tokens):
        numerator = word_value(word) or 1
        position = index + 1
    elif not (word == "half" or "-" in word):
        return None
    shape = _FRACTION.fullmatch(tokens[position].lower)
    if shape is None or shape.group(2) not in _FRACTIONS:
        return None
    if shape.group(1):
        if position != index:
            return None  # "a two-thirds majority" is read by its noun elsewhere
        numerator = word_value(shape.group(1)) or 1
    elif position == index and word != "half":
        return None
    before = tokens[first - 1].lower if first > 0 else ""
    after = position + 1
    of = after + 1 < len(tokens) and tokens[after].lower == "of"
    if before in _ORDINAL_POSITION or not (of or before == "by"):
        return None  # "the second half of 2024", "a third party"
    if of and tokens[after + 1].lower in ("a", "an"):
        return None  # "a quarter of a century", "half of an hour"
    percent = (Decimal(100) * numerator / _FRACTIONS[shape.group(2)]).quantize(Decimal("0.01"))
    exact = percent == percent.to_integral_value()
    noun = ""
    if of:
        start = after + 1
        if start < len(tokens) and tokens[start].lower in ("the", "its", "their", "his", "her"):
            start += 1
        phrase = noun_phrase(tokens, start, singular=False)
        if phrase is not None:
            noun = " ".join(t.lower for t in tokens[start : phrase[1]])
            after = phrase[1]
        else:
            after += 1
    value = percent.to_integral_value() if exact else percent
    qualifier = Qualifier.EXACT if exact else Qualifier.APPROXIMATELY
    return Count(first, first, after, value, qualifier, noun=noun, unit="percent")


_ORDINAL_POSITION = frozenset("first second third last final latter former".split())


_MULTIPLES = {"triple": 3, "quadruple": 4}
_NOT_MULTIPLED = frozenset("digit digits whammy threat jump crown".split())


def multiple_count(tokens: Sequence[Token], index: int) -> Count | None:
    """ "a triple train crash" (three trains), "triple-train tragedy", "triple murders"."""
    word, _, rest = tokens[index].lower.partition("-")
    if word not in _MULTIPLES or (tokens[index].is_capitalised and index > 0):
        return None  # "Triple Crown" mid-sentence is a name
    value = Decimal(_MULTIPLES[word])
    if rest:  # "triple-train": the noun is in the token
        if not rest.isalpha() or rest in _NOT_MULTIPLED:
            return None
        return Count(
            index, index, index + 1, value, Qualifier.EXACT, noun=rest, unit=pluralise(rest)
        )
    if index + 1 >= len(tokens) or not tokens[index + 1].lower.isalpha():
        return None
    noun = tokens[index + 1].lower
    if noun in _NOT_MULTIPLED or noun in FUNCTION_WORDS:
        return None
    return Count(index, index, index + 2, value, Qualifier.EXACT, noun=noun, unit=pluralise(noun))


_TAKING_LIVES = frozenset("claimed claim claims claiming cost costs costing took taken".split())


def lives_count(
    tokens: Sequence[Token], first: int, index: int, after: int, value: Decimal
) -> Count | None:
    """ "the floods have claimed four lives", "a fire that cost 12 lives": deaths of people."""
    if after >= len(tokens) or tokens[after].lower not in ("lives", "life"):
        return None
    if first == 0 or tokens[first - 1].lower not in _TAKING_LIVES:
        return None
    return Count(first, index, after + 1, value, Qualifier.EXACT, noun="deaths", unit="people")


_HYPHENED_PERCENT = re.compile(r"(\d+(?:\.\d+)?)-per-?cent", re.IGNORECASE)


def hyphened_percent(tokens: Sequence[Token], index: int) -> Count | None:
    """ "roughly 80-percent of customers": a percentage written as one word."""
    match = _HYPHENED_PERCENT.fullmatch(tokens[index].text)
    if match is None:
        return None
    qualifier, first = qualifier_before(tokens, index)
    value = Decimal(match.group(1))
    return Count(first, index, index + 1, value, qualifier, noun="per cent", unit="percent")


_RANGE = re.compile(r"(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)")
# Nouns after "4-1" or "2-3" that make it a score or a tally, not a range.
_SCORES = frozenset("win wins victory defeat defeats loss draw lead vote votes margin".split())


def range_count(tokens: Sequence[Token], index: int) -> Count | None:
    """ "the 13-14 seconds it should have taken", "between 35,000-38,000 customers", "between
    2,000 and 2,200 protesters": at least the lower figure, of the noun after the range."""
    first = index
    if tokens[index].lower == "between":
        low_read = read_number(tokens, index + 1)
        if low_read is None or low_read[1] + 1 >= len(tokens) or tokens[low_read[1]].lower != "and":
            return None
        high_read = read_number(tokens, low_read[1] + 1)
        if high_read is None:
            return None
        low, high, after, index = low_read[0], high_read[0], high_read[1], index + 1
    elif match := _RANGE.fullmatch(tokens[index].text):
        low_value, high_value = digits_value(match.group(1)), digits_value(match.group(2))
        if low_value is None or high_value is None:
            return None
        low, high, after = low_value, high_value, index + 1
        if index > 0 and tokens[index - 1].lower == "between":
            first = index - 1
    else:
        return None
    if not low < high <= low * 10 or _years(low, high):
        return None  # "4-1", "2019-20"
    phrase = noun_phrase(tokens, after, singular=False)
    if phrase is None or tokens[phrase[1] - 1].lower in _SCORES:
        return None
    return with_noun(tokens, first, index, low, Qualifier.AT_LEAST, phrase)


def _years(low: Decimal, high: Decimal) -> bool:
    return 1900 <= low <= 2100 and (high < 100 or 1900 <= high <= 2100)
