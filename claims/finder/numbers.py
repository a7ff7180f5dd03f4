"""Numbers as news reports write them, and the qualifiers in front of them.

``parse_number`` reads a whole phrase ("1,500", "1.5 million", "twenty-one", "one hundred and
twelve", "a dozen"); ``read_number`` reads one from a list of tokens. "Dozens", "hundreds" and
"thousands" are no number and are left alone.

Qualifiers (the longest phrase right before the number wins, so "over nearly 20 years" is
"nearly"):

- approximately: nearly, almost, around, about, roughly, some, approximately, an estimated,
  close to, just under, just over (a figure "just under 1,500" is about 1,500);
- at least: more than, over, well over, at least, upwards of, in excess of, no fewer than,
  no less than, above; and after the number "or more" and "+";
- at most: up to, fewer than, less than, at most, no more than, under, below, as many as,
  a maximum of; and after the number "or fewer", "or less".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from claims.rules.values import Qualifier
from sources.text.tokens import Token, tokenize

ONES = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    word: value * 10
    for value, word in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2
    )
}
# The Indian scales ("Rs 715 crore", "2.5 lakh people") are as common in Indian English news.
SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "lakh": 10**5,
    "lakhs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
}
_SUFFIX_SCALES = {"k": 10**3, "m": 10**6, "bn": 10**9, "tn": 10**12}

ORDINAL_WORDS = {
    word: value
    for value, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        start=1,
    )
}

# Digits grouped by thousands, or in the Indian system ("1,33,000": lakhs, then thousands).
_DIGITS = re.compile(
    r"(\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(k|m|bn|tn)?", re.IGNORECASE
)
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)

_QUALIFIER_PHRASES: list[tuple[tuple[str, ...], Qualifier]] = sorted(
    [
        (tuple(phrase.split()), qualifier)
        for qualifier, phrases in {
            Qualifier.APPROXIMATELY: [
                "nearly",
                "almost",
                "around",
                "about",
                "roughly",
                "some",
                "approximately",
                "approx",
                "an estimated",
                "estimated",
                "close to",
                "circa",
                "just under",
                "just over",
                "just shy of",
                "the best part of",
            ],
            Qualifier.AT_LEAST: [
                "more than",
                "over",
                "well over",
                "at least",
                "upwards of",
                "in excess of",
                "no fewer than",
                "no less than",
                "not less than",
                "above",
                "well above",
                "a minimum of",
            ],
            Qualifier.AT_MOST: [
                "up to",
                "fewer than",
                "less than",
                "at most",
                "no more than",
                "not more than",
                "under",
                "below",
                "as many as",
                "a maximum of",
            ],
        }.items()
        for phrase in phrases
    ],
    key=lambda item: -len(item[0]),
)


def word_value(word: str) -> int | None:
    """One number word: "nine", "Eleven", "twenty-one"."""
    low = word.lower()
    if low in ONES:
        return ONES[low]
    if low in TENS:
        return TENS[low]
    tens, _, ones = low.partition("-")
    if tens in TENS and ones in ONES and 0 < ONES[ones] < 10:
        return TENS[tens] + ONES[ones]
    return None


def digits_value(word: str) -> Decimal | None:
    """A number in digits: "1,500" → 1500, "1.5m" → 1500000; "9pm", "21:00", "BBC2" → None."""
    match = _DIGITS.fullmatch(word)
    if not match:
        return None
    whole, fraction, suffix = match.groups()
    value = Decimal(whole.replace(",", "") + (fraction or ""))
    if suffix:
        value *= _SUFFIX_SCALES[suffix.lower()]
    return _tidy(value)


def ordinal_value(word: str) -> int | None:
    """An ordinal: "11th" → 11, "second" → 2."""
    if match := _ORDINAL_DIGITS.fullmatch(word):
        return int(match.group(1))
    return ORDINAL_WORDS.get(word.lower())


def read_number(tokens: Sequence[Token], index: int) -> tuple[Decimal, int] | None:
    """The number starting at ``tokens[index]`` and the index just after it, or None.

    "a"/"an" count only before "dozen", "hundred", "thousand", "million" or "billion".
    """
    if index >= len(tokens):
        return None
    first = tokens[index]
    if (
        first.lower == "half"
        and index + 2 < len(tokens)
        and tokens[index + 1].lower == "a"
        and tokens[index + 2].lower in SCALES
    ):
        return Decimal(SCALES[tokens[index + 2].lower]) / 2, index + 3  # "half a million"
    if (value := digits_value(first.text.removesuffix("-odd"))) is not None:  # "200-odd"
        end = index + 1
        if end < len(tokens) and tokens[end].lower in SCALES:
            value = _tidy(value * SCALES[tokens[end].lower])
            end += 1
        return value, end
    return _read_words(tokens, index)


def _read_words(tokens: Sequence[Token], index: int) -> tuple[Decimal, int] | None:
    total = 0
    current = 0
    position = index
    read_any = False
    if tokens[index].lower in ("a", "an"):
        if index + 1 >= len(tokens):
            return None
        following = tokens[index + 1].lower
        if following not in ("dozen", "hundred") and following not in SCALES:
            return None
        current = 1
        position += 1
    while position < len(tokens):
        low = tokens[position].lower
        value = word_value(low)
        if value is not None:
            rest = current % 100
            fits = rest == 0 or (value < 10 and rest >= 20 and rest % 10 == 0)
            if read_any and not fits:
                break  # "nineteen nine", "ten twenty": two numbers, not one
            current += value
        elif low == "hundred":
            current = (current or 1) * 100
        elif low == "dozen":
            current = (current or 1) * 12
        elif low in SCALES:
            total += (current or 1) * SCALES[low]
            current = 0
        elif (
            low == "and"
            and read_any
            and position + 1 < len(tokens)
            and word_value(tokens[position + 1].lower) is not None
            and (total or current >= 100)
        ):
            position += 1
            continue
        else:
            break
        read_any = True
        position += 1
    if not read_any:
        return None
    return Decimal(total + current), position


def _tidy(value: Decimal) -> Decimal:
    """1.5 × 10⁶ as 1500000, not 1500000.0."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def parse_number(text: str) -> Decimal | None:
    """A whole phrase as a number, or None if it is not exactly one number."""
    tokens = tokenize(text.strip())
    if not tokens:
        return None
    read = read_number(tokens, 0)
    if read is None or read[1] != len(tokens):
        return None
    return read[0]


def qualifier_before(tokens: Sequence[Token], index: int) -> tuple[Qualifier, int]:
    """The qualifier written right before ``tokens[index]`` and the index it starts at."""
    for phrase, qualifier in _QUALIFIER_PHRASES:
        start = index - len(phrase)
        if start < 0:
            continue
        if all(tokens[start + k].lower == word for k, word in enumerate(phrase)):
            return qualifier, start
    return Qualifier.EXACT, index


def qualifier_after(tokens: Sequence[Token], index: int) -> tuple[Qualifier, int] | None:
    """A qualifier right after a number ("or more", "+", "or fewer") and the index after it."""
    if index < len(tokens) and tokens[index].text == "+":
        return Qualifier.AT_LEAST, index + 1
    if index + 1 < len(tokens) and tokens[index].lower == "or":
        following = tokens[index + 1].lower
        if following in ("more", "above", "over"):
            return Qualifier.AT_LEAST, index + 2
        if following in ("fewer", "less", "under", "below"):
            return Qualifier.AT_MOST, index + 2
    return None
