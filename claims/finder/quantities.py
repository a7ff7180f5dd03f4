"""Counts and amounts with the noun they count: "nine officers", "well over 90 minutes".

The rules, over the tokens of one sentence:

- A number (``claims.finder.numbers``) followed by a noun phrase of at most five words is a
  count of its head noun: "nine linked investigations", "11 current and former officers",
  "nearly 20 years’ service" (a possessive ends the phrase), "1,500 men and women" (unit
  "people"). The head is the first plural noun after a plural number, or the last word before a
  function word, a verb or punctuation; it must be lower case or an acronym ("three PCs"), so
  "5 Live" or "Radio 4" count nothing.
- "N of the X" counts X; "N of them" and an elliptical count ("two were found…", "One was
  sacked", "another resigned") take the unit of the sentence's or text's previous count.
- "An 11th officer" counts 11 officers: the ordinal makes the total.
- "48-hour", "20-year" (not "35-year-old") count hours and years.
- Not counts: times ("9pm", "21:00", "at 9 pm"), ages ("aged 35"), labels after a capitalised
  word ("Radio 4", "Article 50", "BBC One"), "one of the most…", "no one", years (those are
  dates), and anything inside a date or a page's timestamp.
- Composite counts: counts joined by commas and "and" whose nouns are people of one kind —
  police ranks and roles ("constables", "PCs", "detention officer": officers), staff, or people
  ("men", "women", "children") — are one count with typed parts, "a"/"an"/"one" counting 1:
  "nine constables and two sergeants" = 11 officers. A count followed by a comma and a list
  that adds up to it is a total and its breakdown: "four officers, three PCs and a sergeant" =
  4. Counts of different kinds ("nine officers and one staff member") stay separate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from claims.finder.candidates import Part
from claims.finder.numbers import (
    digits_value,
    ordinal_value,
    qualifier_after,
    qualifier_before,
    read_number,
    word_value,
)
from claims.finder.tokens import (
    FUNCTION_WORDS,
    IRREGULAR_PLURALS,
    MODIFIERS,
    MONTHS,
    WEEKDAYS,
    Token,
    is_acronym,
    looks_plural,
    pluralise,
    strip_possessive,
)
from claims.values import Qualifier, Quantity

# Auxiliaries that can follow an elliptical count: "two were", "one was", "nine are".
_FINITE = frozenset(
    "is are was were has have had will would could can may might must should did does do "
    "remain remains remained".split()
)
_TIME_AFTER = frozenset("am pm a.m p.m a.m. p.m. o’clock o'clock hrs bst gmt utc cet".split())
_NOT_HEADS = frozenset(
    """
    say says said tell tells told face faces faced remain remains get gets go goes went take
    takes took make makes made need needs want wants include includes appear appears seem
    seems come comes came become becomes became work works live lives die dies lose loses
    """.split()
)
_SUPERLATIVE = frozenset("most least best worst biggest largest greatest highest lowest".split())
_ONE_IDIOMS_AFTER = frozenset(
    "another day way point time hand side thing moment stage or off place".split()
)
_ONE_IDIOMS_BEFORE = frozenset("no not any every the this that which each".split())
_ORDINAL_NOT_COUNTS = frozenset(
    "time times century anniversary birthday place round term year day week month quarter "
    "half of".split()
)
_DURATION = re.compile(
    r"(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)-(year|month|week|day|hour|minute|second|mile|"
    r"kilometre|kilometer|metre|meter)s?(?:-long)?",
    re.IGNORECASE,
)
_PARTICLE_VERBS = frozenset(
    "hand hands handing take takes took taking taken turn turns turning pass passes passing "
    "sign signs signing win wins won talk talks talking think thinks thought care cares "
    "worry worries spoke speak speaks".split()
)
_CHANGE_VERBS = frozenset(
    "rose risen rise rises rising fell fallen fall falls falling increased increase increases "
    "decreased decrease decreases dropped drop drops climbed climb climbs grew grown grow grows "
    "jumped jump jumps up down doubled halved cut drop dropping".split()
)
_AFTER_FIGURE = frozenset("in on last this since from by and over during".split())
_PRONOUNS_AFTER_OF = frozenset("them those these us you whom which".split())
_DETERMINERS_AFTER_OF = frozenset("the its his her their our these those your my".split())

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


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    start: int
    end: int
    value: Quantity
    unit: str
    noun: str = ""  # the noun phrase as written, lower case: "serving police officers"
    parts: tuple[Part, ...] = ()
    elliptical: bool = False  # "two were found…": the unit came from an earlier count
    after: int = 0  # index of the sentence's first token after the phrase


@dataclass(slots=True)
class _Count:
    first: int  # token index where the phrase starts (qualifier included)
    number_start: int
    after: int  # token index just past the phrase
    value: Decimal
    qualifier: Qualifier
    noun: str = ""
    unit: str = ""
    category: str = ""
    elliptical: bool = False
    article: bool = False  # "and a sergeant": counts only inside a composite
    separators: list[str] = field(default_factory=list)


def find_quantities(
    text: str,
    tokens: Sequence[Token],
    *,
    skip: Sequence[tuple[int, int]] = (),
    antecedent: str = "",
) -> list[QuantityMatch]:
    """The counts in one sentence's ``tokens``; ``antecedent`` is the unit of the last count
    before the sentence, for elliptical counts."""
    counts: list[_Count] = []
    index = 0
    while index < len(tokens):
        if _skipped(tokens[index], skip):
            index += 1
            continue
        count = _read_count(tokens, index, antecedent, skip)
        if count is None:
            index += 1
            continue
        counts.append(count)
        if count.unit:
            antecedent = count.unit
        if article := _article_count(tokens, count):
            counts.append(article)
            index = article.after
        else:
            index = max(count.after, index + 1)
    return [_as_match(text, tokens, group) for group in _group(tokens, counts)]


def _skipped(token: Token, skip: Sequence[tuple[int, int]]) -> bool:
    return any(start < token.end and token.start < end for start, end in skip)


def _read_count(
    tokens: Sequence[Token], index: int, antecedent: str, skip: Sequence[tuple[int, int]]
) -> _Count | None:
    token = tokens[index]
    low = token.lower
    if low in ("a", "an") and index + 2 < len(tokens):
        ordinal = ordinal_value(tokens[index + 1].text)
        if ordinal is not None and tokens[index + 2].lower not in _ORDINAL_NOT_COUNTS:
            # "An 11th officer": there are now 11.
            phrase = _noun_phrase(tokens, index + 2, singular=True)
            if phrase is not None:
                return _with_noun(
                    tokens, index, index + 1, Decimal(ordinal), Qualifier.EXACT, phrase
                )
        if tokens[index + 1].lower not in ("dozen", "hundred", "thousand", "million"):
            return None
    if low == "another":
        if index + 1 < len(tokens) and _starts_predicate(tokens, index + 1):
            return _Count(
                index,
                index,
                index + 1,
                Decimal(1),
                Qualifier.EXACT,
                unit=antecedent,
                category=_category_of_unit(antecedent),
                elliptical=True,
            )
        return None
    if (duration := _DURATION.fullmatch(token.text)) and not token.lower.endswith("-old"):
        amount = digits_value(duration.group(1))
        if amount is None:
            word = word_value(duration.group(1))
            amount = Decimal(word) if word is not None else None
        if amount is None:
            return None
        return _Count(
            index,
            index,
            index + 1,
            amount,
            Qualifier.EXACT,
            noun=token.lower,
            unit=duration.group(2).lower() + "s",
        )
    read = read_number(tokens, index)
    if read is None or _not_a_count(tokens, index, read[1]):
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
    if any(_skipped(tokens[k], skip) for k in range(index, after)):
        return None
    if currency:
        return _Count(first, index, after, value, qualifier, noun=currency, unit=currency)
    if after < len(tokens) and (tokens[after].text == "%" or _per_cent(tokens, after)):
        width = 1 if tokens[after].text == "%" else 2
        return _Count(
            first, index, after + width, value, qualifier, noun="per cent", unit="percent"
        )
    if _looks_like_year(tokens, index, after):
        return None
    if ratio := _ratio(tokens, first, index, after, value):
        return ratio
    if after < len(tokens) and tokens[after].lower == "of":
        return _of_phrase(tokens, first, index, after, value, qualifier, antecedent)
    phrase = _noun_phrase(tokens, after, singular=value == 1)
    if phrase is not None:
        if value == 0 and not looks_plural(tokens[phrase[1] - 1].text):
            return None  # "zero tolerance"
        return _with_noun(tokens, first, index, value, qualifier, phrase)
    if _after_change(tokens, index, after):
        return _Count(first, index, after, value, qualifier)  # "rose by 28%, to 12,400"
    if after < len(tokens) and _starts_predicate(tokens, after):
        return _Count(
            first,
            index,
            after,
            value,
            qualifier,
            unit=antecedent,
            category=_category_of_unit(antecedent),
            elliptical=True,
        )
    return None


def _ratio(
    tokens: Sequence[Token], first: int, index: int, after: int, value: Decimal
) -> _Count | None:
    """ "1 in 5 primaries" is 20 per cent of primaries; "34 out of 58 stations" is 34 stations."""
    if after + 1 >= len(tokens):
        return None
    if tokens[after].lower == "in" and (whole := read_number(tokens, after + 1)):
        total, end = whole
        if total <= value or total == 0:
            return None
        phrase = _noun_phrase(tokens, end, singular=False)
        noun = " ".join(t.lower for t in tokens[end : phrase[1]]) if phrase else ""
        percent = (value * 100 / total).quantize(Decimal("0.01")).normalize()
        return _Count(
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
        phrase = _noun_phrase(tokens, whole[1], singular=False)
        if phrase is not None:
            return _with_noun(tokens, first, index, value, Qualifier.EXACT, phrase)
    return None


def _is_particle(tokens: Sequence[Token], index: int) -> bool:
    """Is "over"/"about" at ``tokens[index]`` part of the verb before it ("handed over £140,000",
    "talked about 90 minutes") rather than a qualifier?"""
    if tokens[index].lower not in ("over", "about", "around", "some"):
        return False
    before = tokens[index - 1].lower
    return before in _PARTICLE_VERBS or (len(before) > 4 and before.endswith("ed"))


def _after_change(tokens: Sequence[Token], index: int, after: int) -> bool:
    """A bare figure after a change or a total: "rose … to 12,400", "reached 557", "fall by a
    further 400,000"."""
    if not tokens[index].text[0].isdigit() or index == 0:
        return False
    if after < len(tokens) and tokens[after].is_word and tokens[after].lower not in _AFTER_FIGURE:
        return False
    before = tokens[index - 1].lower
    if before in ("reached", "totalled", "totaled", "hit", "topped", "exceeded"):
        return True
    window = {t.lower for t in tokens[max(0, index - 12) : index]}
    return before in ("to", "from", "by", "further") and bool(window & _CHANGE_VERBS)


def _not_a_count(tokens: Sequence[Token], index: int, after: int) -> bool:
    token = tokens[index]
    before = tokens[index - 1] if index > 0 else None
    if after < len(tokens) and tokens[after].lower.rstrip(".") in _TIME_AFTER:
        return True  # "9 pm", "at 9 BST"
    if (
        after + 1 < len(tokens)
        and tokens[after].lower == "years"
        and tokens[after + 1].lower == "old"
    ):
        return True
    if before is None:
        return False
    if before.lower in ("aged", "age", "no", "number", "#") or (
        before.text == "." and index > 1 and tokens[index - 2].lower == "no"
    ):
        return True
    is_digits = token.text[0].isdigit()
    if is_digits and before.is_word and before.is_capitalised and not _opens(before):
        return True  # "Radio 4", "Article 50"
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


def _currency(tokens: Sequence[Token], index: int) -> str:
    if index == 0:
        return ""
    return {"£": "pounds", "$": "dollars", "€": "euros"}.get(tokens[index - 1].text, "")


def _per_cent(tokens: Sequence[Token], index: int) -> bool:
    if tokens[index].lower == "percent":
        return True
    return (
        index + 1 < len(tokens)
        and tokens[index].lower == "per"
        and tokens[index + 1].lower == "cent"
    )


def _looks_like_year(tokens: Sequence[Token], index: int, after: int) -> bool:
    text = tokens[index].text
    if not (len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2099):
        return False
    following = tokens[after] if after < len(tokens) else None
    # "2018 officers" may be a count; a year followed by anything else is a date.
    return following is None or not (following.is_word and looks_plural(following.text))


def _starts_predicate(tokens: Sequence[Token], index: int) -> bool:
    """A finite verb (perhaps after "still", "also"): "were found", "is still serving",
    "resigned"."""
    while index < len(tokens) and tokens[index].lower in ("still", "also", "now", "later", "then"):
        index += 1
    if index >= len(tokens):
        return False
    low = tokens[index].lower
    return low in _FINITE or (len(low) > 4 and low.endswith("ed") and low.isalpha())


def _of_phrase(
    tokens: Sequence[Token],
    first: int,
    index: int,
    after: int,
    value: Decimal,
    qualifier: Qualifier,
    antecedent: str,
) -> _Count | None:
    """A count with "of": "557 of them", "one of the officers"; not "one of the most…"."""
    if after + 1 >= len(tokens):
        return None
    following = tokens[after + 1].lower
    if following in _PRONOUNS_AFTER_OF:
        return _Count(
            first,
            index,
            after + 2,
            value,
            qualifier,
            unit=antecedent,
            category=_category_of_unit(antecedent),
            elliptical=True,
        )
    if following in _DETERMINERS_AFTER_OF and after + 2 < len(tokens):
        third = tokens[after + 2].lower
        if third in _SUPERLATIVE or third.endswith("est"):
            return None
        phrase = _noun_phrase(tokens, after + 2, singular=False)
        if phrase is not None and tokens[phrase[1] - 1].lower != tokens[phrase[1] - 1].bare:
            # "42 of the county's 58 fire stations": the possessor's things are counted
            following_read = read_number(tokens, phrase[1])
            position = following_read[1] if following_read else phrase[1]
            phrase = _noun_phrase(tokens, position, singular=False)
        if phrase is not None:
            return _with_noun(tokens, first, index, value, qualifier, phrase)
    return None


def _noun_phrase(tokens: Sequence[Token], start: int, *, singular: bool) -> tuple[int, int] | None:
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
        if low in FUNCTION_WORDS and not modifier:
            break
        has_noun = any(not _is_modifier(tokens[w]) for w in words)
        if has_noun and _verb_like(token, singular):
            break
        if read_number(tokens, position) is not None and not modifier:
            break
        words.append(position)
        position += 1
        if low != strip_possessive(low):
            break  # "officers’s", "Met’s": the possessor is the head
        if not singular and not modifier and looks_plural(token.text):
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
    return len(low) > 4 and low.isalpha() and (low.endswith("ed") or low.endswith("ing"))


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


def _with_noun(
    tokens: Sequence[Token],
    first: int,
    number_start: int,
    value: Decimal,
    qualifier: Qualifier,
    phrase: tuple[int, int],
) -> _Count:
    begin, after = phrase
    words = [tokens[k] for k in range(begin, after)]
    noun = " ".join(strip_possessive(w.text) if w.is_word else w.text for w in words)
    unit = _unit(words)
    return _Count(
        first,
        number_start,
        after,
        value,
        qualifier,
        noun=noun.lower() if not any(is_acronym(w.text) for w in words) else noun,
        unit=unit,
        category=_category(words),
    )


def _unit(words: list[Token]) -> str:
    lows = [strip_possessive(w.lower) for w in words]
    if (
        len(lows) >= 3
        and lows[-2] in ("and", "or")
        and lows[-1] in ("men", "women", "children", "boys", "girls")
    ):
        return "people"
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
    if singular in _PEOPLE or head in _PEOPLE:
        return "people"
    return ""


def _category_of_unit(unit: str) -> str:
    if not unit:
        return ""
    return _category([Token(part, 0, 0) for part in unit.split()])


def _article_count(tokens: Sequence[Token], count: _Count) -> _Count | None:
    """A count of one with an article right after a count of people: "and a sergeant",
    ", a designated detention officer"."""
    if not count.category or count.elliptical:
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
    phrase = _noun_phrase(tokens, position + 2, singular=True)
    if phrase is None:
        return None
    article = _with_noun(tokens, position + 1, position + 1, Decimal(1), Qualifier.EXACT, phrase)
    if article.category != count.category:
        return None
    article.article = True
    return article


def _separator(tokens: Sequence[Token], left: _Count, right: _Count) -> str | None:
    between = " ".join(t.lower for t in tokens[left.after : right.first])
    return between if between in (",", "and", ", and") else None


def _group(tokens: Sequence[Token], counts: list[_Count]) -> list[list[_Count]]:
    """Counts of one kind of people joined by commas and "and" become one group."""
    groups: list[list[_Count]] = []
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


def _as_match(text: str, tokens: Sequence[Token], group: list[_Count]) -> QuantityMatch:
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
        qualifiers = {c.qualifier for c in group}
        qualifier = qualifiers.pop() if len(qualifiers) == 1 else Qualifier.APPROXIMATELY
    unit = first.category if first.category != "staff" else "staff members"
    return QuantityMatch(
        start,
        end,
        Quantity(total, qualifier),
        unit,
        text[start:end].lower(),
        parts,
        after=last.after,
    )
