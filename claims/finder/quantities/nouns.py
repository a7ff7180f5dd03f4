"""The noun phrase a number counts, its head, its unit and the kind of people it counts.

A number followed by a noun phrase of at most five words is a count of its head noun: "nine
linked investigations", "11 current and former officers", "nearly 20 years’ service" (a
possessive ends the phrase), "1,500 men and women" (unit "people"). The head is the first plural
noun after a plural number, or the last word before a function word, a verb or punctuation; it
must be lower case or an acronym ("three PCs"), so "5 Live" or "Radio 4" count nothing. Police
ranks and roles count officers, "staff" and "employees" staff, "men" and "children" people.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from claims.finder.numbers import read_number
from claims.finder.quantities.count import Count
from claims.finder.vocabulary import (
    IRREGULAR_PLURALS,
    MODIFIERS,
    PEOPLE_ADJECTIVES,
    looks_plural,
    pluralise,
)
from claims.rules.paraphrase import entity_key, is_person
from claims.rules.values import Qualifier
from sources.text.tokens import Token, is_acronym, strip_possessive
from sources.text.words import FUNCTION_WORDS, MONTHS, WEEKDAYS

_WHEN = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset("yesterday today tonight tomorrow".split())
)
_NOT_HEADS = frozenset(
    """
    say says said tell tells told face faces faced remain remains get gets go goes went take
    takes took make makes made need needs want wants include includes appear appears seem
    seems come comes came become becomes became work works live lives die dies lose loses
    """.split()
)

# Words that can follow a figure without being what it counts: "revised to 275 once…".
_ADVERBS = frozenset("once ago apiece each altogether overall".split())

_OFFICERS = frozenset(
    """
    officer constable sergeant inspector pc pcso detective superintendent commander
    policeman policewoman policemen policewomen cop chief
    """.split()
)
_STAFF = frozenset("staff employee worker civilian contractor".split())
_PEOPLE = frozenset(
    "people person man men woman women child children boy girl adult teenager".split()
)


def noun_phrase(tokens: Sequence[Token], start: int, *, singular: bool) -> tuple[int, int] | None:
    """(first, after) token indices of the counted noun phrase starting at ``start``."""
    words: list[int] = []
    position = start
    while position < len(tokens) and len(words) < 5:
        token = tokens[position]
        if not token.is_word:
            break
        low = token.lower
        modifier = low in MODIFIERS
        if low in ("and", "or"):
            if _joins_modifiers(tokens, words, position):
                words.append(position)
                position += 1
                continue
            break
        if (low in FUNCTION_WORDS or low in _ADVERBS or low in _WHEN) and not modifier:
            break  # "four wounded Friday night", "20 injured yesterday": when, not what
        has_noun = any(not _is_modifier(tokens[w]) for w in words)
        if has_noun and _verb_like(token, singular):
            break
        if not words and low in _NOT_HEADS:
            return None  # "3.5 million took part": a verb, not what is counted
        if read_number(tokens, position) is not None and not modifier:
            break
        words.append(position)
        position += 1
        if low != strip_possessive(low):
            break  # "officers’s", "Met’s": the possessor is the head
        if not singular and not modifier and looks_plural(token.text):
            if _name_before_noun(tokens, position):
                continue  # "three Railways officials": the name says whose officials
            position = _and_people(tokens, position, words)
            break
    while words and tokens[words[-1]].lower in ("and", "or"):
        words.pop()
    if not words:
        return None
    head = tokens[words[-1]]
    if not _valid_head(head) or all(_is_modifier(tokens[w]) for w in words):
        return None
    return words[0], words[-1] + 1


def _name_before_noun(tokens: Sequence[Token], position: int) -> bool:
    """Is the capitalised plural before ``tokens[position]`` a name modifying the plural noun
    there ("three Railways officials", "two Teamsters members")?"""
    name, following = tokens[position - 1], tokens[position] if position < len(tokens) else None
    return (
        name.is_capitalised
        and following is not None
        and following.is_word
        and following.text.islower()
        and following.lower not in FUNCTION_WORDS
        and looks_plural(following.text)
        and not _verb_like(following, singular=False)
    )


def _joins_modifiers(tokens: Sequence[Token], words: list[int], position: int) -> bool:
    """Is this "and" between two modifiers of one noun ("current and former officers")?"""
    if not words or not all(_is_modifier(tokens[w]) for w in words):
        return False
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    return following is not None and following.is_word and following.lower not in FUNCTION_WORDS


def _and_people(tokens: Sequence[Token], position: int, words: list[int]) -> int:
    """Extend "men" over "and women": the phrase counts people."""
    head = tokens[words[-1]].lower
    if (
        head in ("men", "women", "boys", "girls")
        and position + 1 < len(tokens)
        and tokens[position].lower in ("and", "or")
        and tokens[position + 1].lower in ("men", "women", "children", "boys", "girls")
    ):
        words.extend((position, position + 1))
        return position + 2
    return position


def _is_modifier(token: Token) -> bool:
    low = token.lower
    if low in MODIFIERS or low in ("and", "or"):
        return True
    # a participle, or an adverb of one: "critically injured victims"
    return len(low) > 4 and low.isalpha() and low.endswith(("ed", "ing", "ally", "ously"))


def _verb_like(token: Token, singular: bool) -> bool:
    low = token.lower
    if low in _NOT_HEADS:
        return True
    if len(low) > 4 and low.isalpha() and (low.endswith("ed") or low.endswith("ing")):
        return True
    # After a singular noun, a word ending in s is most likely a verb: "one officer says".
    return singular and looks_plural(token.text) and low not in IRREGULAR_PLURALS


def _valid_head(token: Token) -> bool:
    low = strip_possessive(token.lower)
    bare = strip_possessive(token.text)
    # Capitalised: an acronym ("PCs") or a plural of people ("Americans", "Londoners"), not a
    # name or a label ("5 Live", "Radio 4").
    if token.is_capitalised and not is_acronym(bare) and not looks_plural(bare):
        return False
    if low in FUNCTION_WORDS or low in _NOT_HEADS or low in MONTHS or low in WEEKDAYS:
        return False
    if not low.replace("-", "").isalpha():
        return False
    return not (low.endswith("ly") or low.endswith("ing") or low.endswith("ed"))


def with_noun(
    tokens: Sequence[Token],
    first: int,
    number_start: int,
    value: Decimal,
    qualifier: Qualifier,
    phrase: tuple[int, int],
) -> Count:
    begin, after = phrase
    words = [tokens[k] for k in range(begin, after)]
    noun = " ".join(strip_possessive(w.text) if w.is_word else w.text for w in words)
    if not any(is_acronym(w.text) for w in words):
        noun = noun.lower()
    unit, category = _unit(words), _category(words)
    return Count(
        first, number_start, after, value, qualifier, noun=noun, unit=unit, category=category
    )


def _unit(words: list[Token]) -> str:
    lows = [strip_possessive(w.lower) for w in words]
    if (
        len(lows) >= 3
        and lows[-2] in ("and", "or")
        and lows[-1] in ("men", "women", "children", "boys", "girls")
    ):
        return "people"
    if len(lows) == 1 and lows[0] in PEOPLE_ADJECTIVES:
        return "people"  # "50 dead"
    head = strip_possessive(words[-1].text)
    if lows[-1] in ("member", "members") and len(lows) > 1 and lows[-2] == "staff":
        return "staff members"
    return pluralise(head) if head[0].isupper() else pluralise(head.lower())


def _category(words: list[Token]) -> str:
    head = strip_possessive(words[-1].lower)
    if head.startswith("ex-"):
        head = head[3:]
    singular = head[:-1] if head.endswith("s") and head not in IRREGULAR_PLURALS else head
    if head in ("member", "members") and any(w.lower == "staff" for w in words):
        return "staff"
    if singular in _OFFICERS or head in _OFFICERS or head == "police":
        return "officers"
    if singular in _STAFF or head in _STAFF:
        return "staff"
    if singular in _PEOPLE or head in _PEOPLE or is_person(entity_key(head)):
        return "people"
    if head.endswith(_AGENT_SUFFIXES) and len(head) > 5 and head.isalpha():
        return "people"  # "a porter and a cleaner", "two pharmacists"
    return ""


# Agent nouns name people: a porter, a cleaner, a pharmacist, a technician, a resident.
_AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ent", "ents")


def category_of_unit(unit: str) -> str:
    if not unit:
        return ""
    return _category([Token(part, 0, 0) for part in unit.split()])
