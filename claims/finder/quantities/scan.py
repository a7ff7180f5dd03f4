"""Reading a sentence's tokens for counts, one number at a time."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from claims.finder.numbers import qualifier_after, qualifier_before, read_number
from claims.finder.quantities.composite import article_count, as_match, group_counts
from claims.finder.quantities.count import Count, QuantityMatch
from claims.finder.quantities.elliptical import (
    another,
    definite,
    elliptical,
    gapped,
    listed,
    of_phrase,
    parenthesised,
    starts_predicate,
)
from claims.finder.quantities.forms import (
    after_change,
    beyond,
    duration_count,
    fraction_count,
    hyphened_percent,
    is_duration,
    lives_count,
    multiple_count,
    object_of_verb,
    ordinal_count,
    range_count,
    ratio,
    reported_figure,
)
from claims.finder.quantities.not_counts import looks_like_year, not_a_count
from claims.finder.quantities.nouns import noun_phrase, with_noun
from claims.finder.vocabulary import PEOPLE_ADJECTIVES, looks_plural
from claims.rules.values import Qualifier
from sources.text.tokens import Token

# Verbs whose particle ("handed over", "talked about") is not a qualifier of the number after it.
_PARTICLE_VERBS = frozenset(
    "hand hands handing take takes took taking taken turn turns turning pass passes passing "
    "sign signs signing win wins won talk talks talking think thinks thought care cares "
    "worry worries spoke speak speaks".split()
)

# A number as read, with its qualifier and currency: (first token, token after, value,
# qualifier, currency unit or "").
_Figure = tuple[int, int, Decimal, Qualifier, str]


def find_quantities(
    text: str,
    tokens: Sequence[Token],
    *,
    skip: Sequence[tuple[int, int]] = (),
    antecedent: str = "",
) -> list[QuantityMatch]:
    """The counts in one sentence's ``tokens``; ``antecedent`` is the unit of the last count
    before the sentence, for elliptical counts."""
    counts: list[Count] = []
    index = 0
    while index < len(tokens):
        if _skipped(tokens[index], skip):
            index += 1
            continue
        count = _read_count(tokens, index, antecedent, skip)
        if count is None and counts and counts[-1].unit:
            unit = counts[-1].unit  # "… and the DA 87", "including 30 in Bogo City"
            count = gapped(tokens, index, unit) or listed(tokens, index, unit)
        if count is None:
            index += 1
            continue
        counts.append(count)
        if count.unit:
            antecedent = count.unit
        # "seven of the eight major categories": the whole is a count of its own
        inner = next(
            (k for k in range(count.number_start + 1, count.after) if _starts_number(tokens, k)),
            None,
        )
        index = inner if inner is not None else max(count.after, index + 1)
        while article := article_count(tokens, counts[-1]):  # ", a porter and a cleaner"
            counts.append(article)
            index = article.after
    return [as_match(text, tokens, group) for group in group_counts(tokens, counts)]


_ANAPHORS = frozenset("those these them".split())


def _starts_number(tokens: Sequence[Token], index: int) -> bool:
    """Does a whole start here: "of the eight", "of the county's 58"?"""
    before = tokens[index - 1].lower
    whole = before in ("the", "its", "their", "his", "her") or before.endswith(("'s", "’s"))
    return whole and read_number(tokens, index) is not None


def _skipped(token: Token, skip: Sequence[tuple[int, int]]) -> bool:
    return any(start < token.end and token.start < end for start, end in skip)


def _read_count(
    tokens: Sequence[Token], index: int, antecedent: str, skip: Sequence[tuple[int, int]]
) -> Count | None:
    """The count that starts at ``tokens[index]``, if one does."""
    token = tokens[index]
    low = token.lower
    if (fraction := fraction_count(tokens, index)) is not None:
        return fraction
    if (multiple := multiple_count(tokens, index)) is not None:
        return multiple
    if (between := range_count(tokens, index)) is not None:
        return between
    if low in ("a", "an") and index + 2 < len(tokens):
        if (ordinal := ordinal_count(tokens, index)) is not None:
            return ordinal
        if tokens[index + 1].lower not in ("dozen", "hundred", "thousand", "million"):
            return None
    if low == "another":
        return another(tokens, index, antecedent)
    if is_duration(token):
        return duration_count(token, index)
    if (percent := hyphened_percent(tokens, index)) is not None:
        return percent
    figure = _figure(tokens, index, skip)
    if figure is None:
        return None
    return _number_count(tokens, index, figure, antecedent)


def _number_count(
    tokens: Sequence[Token], index: int, figure: _Figure, antecedent: str
) -> Count | None:
    """What the number at ``tokens[index]`` counts: money, a percentage, a ratio, "N of …", the
    noun after it, a change, or the previous count's unit."""
    first, after, value, qualifier, currency = figure
    if currency:
        return Count(first, index, after, value, qualifier, noun=currency, unit=currency)
    if after < len(tokens) and (tokens[after].text == "%" or _per_cent(tokens, after)):
        width = 1 if tokens[after].text == "%" else 2
        return Count(first, index, after + width, value, qualifier, noun="per cent", unit="percent")
    if looks_like_year(tokens, index, after):
        return None
    if _magnitude(tokens, first, after):
        # "A magnitude 6.8 earthquake", "registered a magnitude 6.3", "measured 6.8 in magnitude"
        return Count(first, index, after, value, qualifier, noun="magnitude", unit="magnitude")
    if found := lives_count(tokens, first, index, after, value):
        return found
    if found := ratio(tokens, first, index, after, value):
        return found
    if after < len(tokens) and tokens[after].lower == "of":
        return of_phrase(tokens, first, index, after, value, qualifier, antecedent)
    if first >= 2 and tokens[first - 2].lower == "of" and tokens[first - 1].lower in _ANAPHORS:
        # "Of those 275, 88 have been identified": the previous count's unit
        return elliptical(first - 2, index, after, value, qualifier, antecedent)
    if (
        after + 1 < len(tokens)
        and tokens[after].lower in ("still", "now")
        and tokens[after + 1].lower in PEOPLE_ADJECTIVES
    ):
        # "with 53,836 still missing": people, and what happened to them
        adjective = tokens[after + 1].lower
        return Count(first, index, after + 2, value, qualifier, noun=adjective, unit="people")
    phrase = noun_phrase(tokens, after, singular=value == 1)
    if phrase is not None:
        if value == 0 and not looks_plural(tokens[phrase[1] - 1].text):
            return None  # "zero tolerance"
        return with_noun(tokens, first, index, value, qualifier, phrase)
    if antecedent and reported_figure(tokens, first, index, after):
        return elliptical(first, index, after, value, qualifier, antecedent)
    if found := definite(tokens, first, index, after, value, antecedent):
        return found
    if found := parenthesised(tokens, first, index, after, value, antecedent):
        return found
    if after_change(tokens, index, after) or object_of_verb(tokens, first, after):
        if qualifier is Qualifier.EXACT and beyond(tokens, first):
            qualifier = Qualifier.AT_LEAST  # "the toll passed 2,000": more than 2,000
        return Count(first, index, after, value, qualifier)  # "rose by 28%, to 12,400"
    if after < len(tokens) and starts_predicate(tokens, after):
        return elliptical(first, index, after, value, qualifier, antecedent)
    return None


def _magnitude(tokens: Sequence[Token], first: int, after: int) -> bool:
    """Is the figure an earthquake's magnitude, named just before or after it?"""
    if first > 0 and tokens[first - 1].lower == "magnitude":
        return True
    following = [t.lower for t in tokens[after : after + 2]]
    return following[:1] == ["magnitude"] or following == ["in", "magnitude"]


def _figure(tokens: Sequence[Token], index: int, skip: Sequence[tuple[int, int]]) -> _Figure | None:
    """The number at ``tokens[index]`` with its qualifier ("nearly", "or more") and currency,
    unless it counts nothing or lies in a skipped span."""
    read = read_number(tokens, index)
    if read is None or not_a_count(tokens, index, read[1]):
        return None
    value, after = read
    currency = _currency(tokens, index)
    qualifier, first = qualifier_before(tokens, index - 1 if currency else index)
    if currency and qualifier is Qualifier.EXACT:
        first = index - 1
    if (
        first > 0
        and first == (index - 2 if currency else index - 1)
        and _is_particle(tokens, first)
    ):
        qualifier, first = Qualifier.EXACT, index - 1 if currency else index
    if after_qualifier := qualifier_after(tokens, after):
        qualifier, after = after_qualifier
    elif tokens[index].lower.endswith("-odd"):
        qualifier = Qualifier.APPROXIMATELY  # "200-odd victims"
    if any(_skipped(tokens[k], skip) for k in range(index, after)):
        return None
    return first, after, value, qualifier, currency


def _is_particle(tokens: Sequence[Token], index: int) -> bool:
    """Is "over"/"about" at ``tokens[index]`` part of the verb before it ("handed over £140,000",
    "talked about 90 minutes") rather than a qualifier?"""
    if tokens[index].lower not in ("over", "about", "around", "some"):
        return False
    before = tokens[index - 1].lower
    return before in _PARTICLE_VERBS or (len(before) > 4 and before.endswith("ed"))


_CURRENCIES = {"£": "pounds", "$": "dollars", "€": "euros", "₹": "rupees", "rs": "rupees"}


def _currency(tokens: Sequence[Token], index: int) -> str:
    if index == 0:
        return ""
    return _CURRENCIES.get(tokens[index - 1].lower, "")


def _per_cent(tokens: Sequence[Token], index: int) -> bool:
    if tokens[index].lower == "percent":
        return True
    return (
        index + 1 < len(tokens)
        and tokens[index].lower == "per"
        and tokens[index + 1].lower == "cent"
    )
