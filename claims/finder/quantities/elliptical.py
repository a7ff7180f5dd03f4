"""Counts whose noun is elsewhere: "N of …" and elliptical counts.

"N of the X" counts X ("42 of the county's 58 fire stations" counts stations); "N of them" and
an elliptical count ("two were found…", "One was sacked", "another resigned") take the unit of
the sentence's or text's previous count (the antecedent); so does a figure whose verb and noun
are left out after a name ("the ANC won 159 seats and the DA 87"), before a place ("including
30 in Bogo City") or after a verb ("killing 12 people and wounding four").
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from claims.finder.numbers import read_number
from claims.finder.quantities.count import Count
from claims.finder.quantities.forms import the_adjective
from claims.finder.quantities.not_counts import not_a_count
from claims.finder.quantities.nouns import category_of_unit, noun_phrase, with_noun
from claims.rules.paraphrase import predicate_families
from claims.rules.values import Qualifier
from sources.text.tokens import Token
from sources.text.words import FUNCTION_WORDS

# Auxiliaries that can follow an elliptical count: "two were", "one was", "nine are".
_FINITE = frozenset(
    "is are was were has have had will would could can may might must should did does do "
    "remain remains remained".split()
)
# Irregular past tenses a count's verb often takes: "3.5 million took part", "12 fled".
_IRREGULAR_PAST = frozenset(
    "took went came fled left lost fell rose won made gave got held saw ran sat stood".split()
)
_SUPERLATIVE = frozenset("most least best worst biggest largest greatest highest lowest".split())
_PRONOUNS_AFTER_OF = frozenset("them those these us you whom which".split())
_DETERMINERS_AFTER_OF = frozenset("the its his her their our these those your my".split())


def elliptical(
    first: int, number_start: int, after: int, value: Decimal, qualifier: Qualifier, unit: str
) -> Count:
    """A count of the previous count's unit: "two were found", "557 of them"."""
    return Count(
        first,
        number_start,
        after,
        value,
        qualifier,
        unit=unit,
        category=category_of_unit(unit),
        elliptical=True,
    )


def another(tokens: Sequence[Token], index: int, antecedent: str) -> Count | None:
    """ "another resigned": one more of the previous count's unit."""
    if index + 1 < len(tokens) and starts_predicate(tokens, index + 1):
        return elliptical(index, index, index + 1, Decimal(1), Qualifier.EXACT, antecedent)
    return None


def starts_predicate(tokens: Sequence[Token], index: int) -> bool:
    """A finite verb (perhaps after "still", "also"): "were found", "is still serving",
    "resigned"."""
    while index < len(tokens) and tokens[index].lower in ("still", "also", "now", "later", "then"):
        index += 1
    if index >= len(tokens):
        return False
    low = tokens[index].lower
    if low in _FINITE or low in _IRREGULAR_PAST:
        return True
    return len(low) > 4 and low.endswith("ed") and low.isalpha()


def of_phrase(
    tokens: Sequence[Token],
    first: int,
    index: int,
    after: int,
    value: Decimal,
    qualifier: Qualifier,
    antecedent: str,
) -> Count | None:
    """A count with "of": "557 of them", "one of the officers"; not "one of the most…"."""
    if after + 1 >= len(tokens):
        return None
    following = tokens[after + 1].lower
    if following in _PRONOUNS_AFTER_OF:
        return elliptical(first, index, after + 2, value, qualifier, antecedent)
    if adjective := the_adjective(tokens, after + 1):
        # "fewer than 200 of the injured"
        count = Count(first, index, after + 3, value, qualifier, noun=adjective, unit="people")
        count.category = "people"
        return count
    if following in _DETERMINERS_AFTER_OF and after + 2 < len(tokens):
        third = tokens[after + 2].lower
        if third in _SUPERLATIVE or third.endswith("est"):
            return None
        whole = read_number(tokens, after + 2)  # "seven of the eight major categories"
        phrase = noun_phrase(tokens, whole[1] if whole else after + 2, singular=False)
        if phrase is not None and tokens[phrase[1] - 1].lower != tokens[phrase[1] - 1].bare:
            # "42 of the county's 58 fire stations": the possessor's things are counted
            following_read = read_number(tokens, phrase[1])
            position = following_read[1] if following_read else phrase[1]
            phrase = noun_phrase(tokens, position, singular=False)
        if phrase is not None:
            return with_noun(tokens, first, index, value, qualifier, phrase)
    return None


def definite(
    tokens: Sequence[Token], first: int, index: int, after: int, value: Decimal, antecedent: str
) -> Count | None:
    """ "had arrested the three on July 7", "all four were charged": a number in words after
    "the" or "all" with no noun of its own stands for things counted before."""
    if first == 0 or tokens[first - 1].lower not in ("the", "all") or value < 2:
        return None
    if not tokens[index].text.isalpha():
        return None  # "the 10" is far more often a label ("the 10 Downing Street…")
    if (
        after < len(tokens)
        and tokens[after].is_word
        and not starts_predicate(tokens, after)
        and tokens[after].lower not in _AFTER_DEFINITE
    ):
        return None  # "the three of them" is read elsewhere; "the two sides" has a noun
    return elliptical(first - 1, index, after, value, Qualifier.EXACT, antecedent)


# Words that can follow a number standing for things counted before: "arrested the three on
# July 7", "charged the two with murder".
_AFTER_DEFINITE = frozenset(
    "on in at for with after before during over to from by and but who which as".split()
)

_GAP_BEFORE = frozenset("and while but whereas with ;".split())


def gapped(tokens: Sequence[Token], index: int, unit: str) -> Count | None:
    """ "the ANC won 159 seats and the DA 87", "Texas has 500 cases, New Mexico 60", "the BJP
    had 122 seats, while the Shiv Sena had 63": a figure right after a name (and perhaps its
    verb) that follows a comma or "and", ending its clause, states the sentence's previous
    count for that name, in ``unit``."""
    if tokens[index].lower in ("one", "a", "an") or (read := read_number(tokens, index)) is None:
        return None  # "one" after a name is a pronoun far more often ("Labour one")
    value, after = read
    if after < len(tokens) and tokens[after].is_word and tokens[after].lower not in _GAP_BEFORE:
        return None
    position = index - 1
    if position > 0 and tokens[position].lower.isalpha() and tokens[position].text.islower():
        position -= 1  # its own verb: "while the Shiv Sena had 63"
    name_end = position
    while position >= 0 and tokens[position].is_word and tokens[position].is_capitalised:
        position -= 1
    if position == name_end:
        return None  # no name before the figure
    if position >= 0 and tokens[position].lower == "the":
        position -= 1
    if position < 0 or not (tokens[position].text == "," or tokens[position].lower in _GAP_BEFORE):
        return None
    return elliptical(index, index, after, value, Qualifier.EXACT, unit)


_QUALIFYING = frozenset("just only nearly almost about around some over".split())
_LIST_BEFORE = frozenset(", and including include includes included with while but".split())
_PLACE_AFTER = frozenset("in from at".split())
_CLAUSE_ENDS = frozenset(", . ; : — and but in on at".split())


def listed(tokens: Sequence[Token], index: int, unit: str) -> Count | None:
    """A bare figure that counts the sentence's previous count's ``unit`` somewhere or
    otherwise: "72 people were killed, including 30 in Bogo City, 22 in San Remigio", "five
    people from William Penn High School, one from George Read", "killing 12 people and
    wounding four"."""
    if index < 2 or (read := read_number(tokens, index)) is None:
        return None
    value, after = read
    if not_a_count(tokens, index, after) or tokens[index].is_capitalised:
        return None
    following = tokens[after] if after < len(tokens) else None
    before = tokens[index - 1]
    if before.lower in _LIST_BEFORE:
        # a place or a name after it: "30 in Bogo City", "one from George Read Middle School"
        if (
            following is not None
            and following.lower in _PLACE_AFTER
            and after + 1 < len(tokens)
            and tokens[after + 1].is_capitalised
        ):
            return elliptical(index, index, after, value, Qualifier.EXACT, unit)
        return None
    # its own verb, in a list of what happened: "and wounding four", ", injuring 30", "and has
    # won just nine"
    verb = index - 1
    while verb > 1 and tokens[verb].lower in _QUALIFYING:
        verb -= 1
    word = tokens[verb].lower
    if not (word.endswith(("ing", "ed")) or word in _IRREGULAR_PAST) or not predicate_families(
        word
    ):
        return None
    joined = verb - 1
    if joined > 0 and tokens[joined].lower in ("has", "have", "had"):
        joined -= 1
    if tokens[joined].lower not in _LIST_BEFORE:
        return None
    if following is None or following.lower in _CLAUSE_ENDS:
        return elliptical(index, index, after, value, Qualifier.EXACT, unit)
    return None


def parenthesised(
    tokens: Sequence[Token], first: int, index: int, after: int, value: Decimal, antecedent: str
) -> Count | None:
    """ "lay-up assembler and support (27), general production (24)": a figure in brackets
    after a lower-case noun counts the things the sentence or text counted before, of that kind;
    after a name it is an age ("Kareem (52)")."""
    if first < 2 or tokens[first - 1].text != "(" or after >= len(tokens):
        return None
    if tokens[after].text != ")":
        return None
    noun = tokens[first - 2]
    if not noun.is_word or not noun.text.islower() or noun.lower in FUNCTION_WORDS:
        return None
    return elliptical(first, index, after, value, Qualifier.EXACT, antecedent or noun.lower)
