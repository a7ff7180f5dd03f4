"""Composite counts: counts of one kind of people joined by commas and "and".

Counts whose nouns are people of one kind — police ranks and roles ("constables", "PCs",
"detention officer": officers), staff, or people ("men", "women", "children") — are one count
with typed parts, "a"/"an"/"one" counting 1: "nine constables and two sergeants" = 11 officers.
A count followed by a comma and a list that adds up to it is a total and its breakdown: "four
officers, three PCs and a sergeant" = 4. Counts of different kinds ("nine officers and one staff
member") stay separate.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from claims.finder.candidates import Part
from claims.finder.quantities.count import Count, QuantityMatch
from claims.finder.quantities.nouns import noun_phrase, with_noun
from claims.finder.vocabulary import SPEECH_VERBS
from claims.rules.values import Qualifier, Quantity
from sources.text.tokens import Token


def article_count(tokens: Sequence[Token], count: Count) -> Count | None:
    """A count of one with an article right after a count of people: "and a sergeant",
    ", a designated detention officer"."""
    if not count.category or count.elliptical:
        return None
    if count.article and count.category != "people":
        return None
    position = count.after
    if (
        position + 2 < len(tokens)
        and tokens[position].text == ","
        and tokens[position + 1].lower == "and"
    ):
        position += 1
    if position + 1 >= len(tokens) or tokens[position].lower not in (",", "and"):
        return None
    if tokens[position + 1].lower not in ("a", "an"):
        return None
    phrase = noun_phrase(tokens, position + 2, singular=True)
    if phrase is None or _speaks(tokens, phrase[1]):
        return None  # "16 injured people including seven children, a doctor there said"
    article = with_noun(tokens, position + 1, position + 1, Decimal(1), Qualifier.EXACT, phrase)
    if article.category != count.category:
        return None
    article.article = True
    return article


# Verbs of speech, and two a list's last noun may take as a speaker's.
_SAYS = SPEECH_VERBS | frozenset({"stated", "reported"})


def _speaks(tokens: Sequence[Token], position: int) -> bool:
    """Does a verb of speech follow (perhaps after "there" or "later")?"""
    following = [t.lower for t in tokens[position : position + 2]]
    return bool(following) and (
        following[0] in _SAYS or (following[0] in ("there", "later") and following[-1] in _SAYS)
    )


def _separator(tokens: Sequence[Token], left: Count, right: Count) -> str | None:
    between = " ".join(t.lower for t in tokens[left.after : right.first])
    return between if between in (",", "and", ", and") else None


def group_counts(tokens: Sequence[Token], counts: list[Count]) -> list[list[Count]]:
    """Counts of one kind of people joined by commas and "and" become one group."""
    groups: list[list[Count]] = []
    for count in counts:
        if groups:
            last_group = groups[-1]
            previous = last_group[-1]
            separator = _separator(tokens, previous, count)
            if (
                separator is not None
                and count.category
                and not count.elliptical
                and not previous.elliptical
                and count.category == last_group[0].category
            ):
                count.separators.append(separator)
                last_group.append(count)
                continue
        groups.append([count])
    # An article count ("and a sergeant") outside a composite is not a count.
    return [group for group in groups if not (len(group) == 1 and group[0].article)]


def as_match(text: str, tokens: Sequence[Token], group: list[Count]) -> QuantityMatch:
    first, last = group[0], group[-1]
    start, end = tokens[first.first].start, tokens[last.after - 1].end
    if len(group) == 1:
        return QuantityMatch(
            start,
            end,
            Quantity(first.value, first.qualifier),
            first.unit,
            first.noun,
            elliptical=first.elliptical,
            after=first.after,
            first=first.first,
        )
    rest = group[1:]
    if rest[0].separators == [","] and sum(c.value for c in rest) == first.value and len(rest) > 1:
        # "four officers, three PCs and a sergeant": a total and its breakdown.
        parts = tuple(Part(c.value, c.noun) for c in rest)
        qualifier = first.qualifier
        total = first.value
    else:
        parts = tuple(Part(c.value, c.noun) for c in group)
        total = sum((c.value for c in group), Decimal(0))
        # a bound and exact figures add up to a bound: "at least seven children and two women"
        bounds = {c.qualifier for c in group} - {Qualifier.EXACT}
        if not bounds:
            qualifier = Qualifier.EXACT
        else:
            qualifier = bounds.pop() if len(bounds) == 1 else Qualifier.APPROXIMATELY
    unit = first.category if first.category != "staff" else "staff members"
    return QuantityMatch(
        start,
        end,
        Quantity(total, qualifier),
        unit,
        text[start:end].lower(),
        parts,
        after=last.after,
        first=first.first,
    )
