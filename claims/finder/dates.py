"""Dates and periods, absolute or relative, resolved against a reference date.

The reference date is the day the text (or the live-page entry) was published. The rules:

- "30 April 2019", "April 30, 2019", "30.04.2019", "2019-04-30" → that day; "February 2018" →
  that month; "2018" → that year, but only where it reads as a year: "2018 officers" with no
  preposition or article in front is a count, "in 2018", "the 2018 report", "2018." are years.
- "between August 2024 and January 2025", "from 2016 to 2018", "2015–2017", "2015-17" →
  periods. A period's two ends take the coarser of their precisions, and an end written
  without a year borrows the other end's ("between August and October 2024").
- "the 1970s" → the period 1970–1979.
- "today", "tonight", "this morning" → the reference day; "yesterday", "last night" → the day
  before; "tomorrow" → the day after; "this/last/next year" and "this/last/next month" → that
  year or month; "three years ago" → the year, "two months ago" → the month, "ten days ago" →
  the day.
- "last September" → the latest September before the reference month; "next September" →
  the first one after it; "this September" → the one in the reference year.
- A weekday ("on Wednesday", "Wednesday evening"), a bare month ("in September") or a day
  without a year ("2 October") is placed by the tense of the sentence: the nearest tense marker
  to the date (by words) decides. Future markers ("will", "is to be", "due to", "ahead of",
  "next") pick the first such day on or after the reference date; past markers ("said", "was",
  "had", a past participle) the last one on or before it; with neither, the nearest one
  (a weekday is then never more than three days away). "Last Wednesday" is the one before the
  reference date, "next Wednesday" the one after.
- Dates that are a page's own timestamps ("published at 14:14 BST 2 October",
  "First published 30.04.19") are metadata, not claims: see ``metadata_spans``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from claims.finder.numbers import digits_value, word_value
from claims.finder.relative_dates import (
    add_months,
    nearest_in_years,
    resolve_month,
    resolve_relative,
    resolve_weekday,
    tense_near,
)
from claims.finder.vocabulary import looks_plural
from claims.rules.values import DateValue, Precision, truncate
from sources.text.tokens import Token, tokenize
from sources.text.words import MONTHS, WEEKDAYS

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_COUNT = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|fifty)"
)

# The patterns, longest forms first; each has named groups read by ``_value``.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "dmy",
        re.compile(
            rf"\b(?:{_WEEKDAY},? )?(?P<d>{_DAY})(?: of)? (?P<m>{_MONTH}),? (?P<y>{_YEAR})\b"
        ),
    ),
    (
        "mdy",
        re.compile(rf"\b(?:{_WEEKDAY},? )?(?P<m>{_MONTH}) (?P<d>{_DAY}),? (?P<y>{_YEAR})\b"),
    ),
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "numeric",
        re.compile(
            r"(?<![\d.,/])\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>\d{4}|\d{2})\b(?![.,/]\d)"
        ),
    ),
    ("dm", re.compile(rf"\b(?:{_WEEKDAY},? )?(?P<d>{_DAY})(?: of)? (?P<m>{_MONTH})\b")),
    ("md", re.compile(rf"\b(?:{_WEEKDAY},? )?(?P<m>{_MONTH}) (?P<d>{_DAY})\b(?!,? ?\d)")),
    ("my", re.compile(rf"\b(?P<m>{_MONTH}),? (?P<y>{_YEAR})\b")),
    ("years", re.compile(rf"\b(?P<y>{_YEAR})[–-](?P<y2>\d\d)\b(?![–-]?\d)")),
    ("decade", re.compile(r"\b(?:the )?(?:(?:early|mid|late)[- ])?(?P<decade>1[89]\d0|20\d0)s\b")),
    ("year", re.compile(rf"(?<![\d£$€,.])\b(?P<y>{_YEAR})\b(?![.,]\d)(?!\s*%)")),
    (
        "relative",
        re.compile(
            r"\b(?i:(?P<rel>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)"
            r"|last night|(?:earlier|later) today|(?:(?:earlier|later) )?this (?:year|month)"
            r"|(?:last|next) (?:year|month)))\b"
        ),
    ),
    (
        "ago",
        re.compile(
            rf"\b(?P<n>(?i:{_COUNT})) (?P<unit>(?i:years?|months?|weeks?|days?|decades?)) ago\b"
        ),
    ),
    ("month", re.compile(rf"\b(?:(?P<rel>(?i:last|next|this)) )?(?P<m>{_MONTH})(?![\w’'])")),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<rel>(?i:last|next|this)) )?(?P<wd>{_WEEKDAY})(?:’s|'s)?"
            r"(?: (?:morning|afternoon|evening|night))?\b"
        ),
    ),
]

_TIME = r"\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|BST|GMT|UTC|CEST|CET|EST|EDT|ET))?"
_DATE_PART = (
    rf"(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
)
_METADATA = re.compile(
    # No \b in front: live pages glue the stamp to the entry's title ("…chiefpublished at").
    r"(?:[Ff]irst |[Ll]ast )?(?:[Pp]ublished|[Uu]pdated|[Pp]osted)(?:\s+(?:at|on))?:?\s*"
    rf"(?:(?:{_DATE_PART})(?:,?\s*(?:at\s+)?{_TIME})?|{_TIME}(?:,?\s*(?:on\s+)?(?:{_DATE_PART}))?)"
)

_BEFORE_YEAR = frozenset(
    "in since by until till from between of the a an and to during before after early late mid "
    "summer spring autumn winter around circa c year years or – - end start beginning".split()
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    value: DateValue
    explicit_year: bool = True  # False when the year was inferred ("2 October", "in May")
    since: bool = False  # "since 2017": a starting point


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    kind: str
    match: re.Match[str]


def metadata_spans(text: str) -> list[tuple[int, int]]:
    """Where the page states its own publication time: "published at 14:14 BST 2 October"."""
    return [(m.start(), m.end()) for m in _METADATA.finditer(text)]


def find_dates(
    text: str,
    start: int,
    end: int,
    reference: date,
    *,
    skip: Sequence[tuple[int, int]] = (),
) -> list[DateMatch]:
    """The dates and periods written in ``text[start:end]`` (one sentence), in order."""
    raws: list[_Raw] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            if any(s < match.end() and match.start() < e for s, e in skip):
                continue
            raws.append(_Raw(match.start(), match.end(), kind, match))
    raws.sort(key=lambda raw: (raw.start, -(raw.end - raw.start)))
    chosen: list[_Raw] = []
    for raw in raws:
        if chosen and raw.start < chosen[-1].end:
            continue
        chosen.append(raw)
    if not chosen:
        return []
    tokens = tokenize(text, start, end)
    dates: list[DateMatch] = []
    for raw in chosen:
        if found := _value(text, raw, reference, tokens):
            dates.append(found)
    return _join_periods(text, start, dates, reference)


def _value(text: str, raw: _Raw, reference: date, tokens: Sequence[Token]) -> DateMatch | None:
    since = _word_before(text, raw.start) == "since"
    if raw.kind in ("dmy", "mdy", "iso", "numeric", "my", "years", "decade", "year"):
        return _written_in_full(text, raw, tokens, since)
    if raw.kind in ("dm", "md", "month", "weekday"):
        return _placed_by_tense(text, raw, reference, tokens, since)
    if raw.kind == "relative":
        if (
            raw.match.group().startswith("Today")
            and _word_before(text, raw.start) not in ("", "and")
            and raw.start > tokens[0].start
        ):
            return None  # "Radio 4’s Today programme": a name
        rel = raw.match["rel"].lower()
        return DateMatch(raw.start, raw.end, resolve_relative(rel, reference))
    if raw.kind == "ago":
        return _ago(raw, reference)
    return None


def _written_in_full(
    text: str, raw: _Raw, tokens: Sequence[Token], since: bool
) -> DateMatch | None:
    """A date or period that carries its year: "30 April 2019", "2015-17", "the 1970s"."""
    groups = raw.match.groupdict()
    if raw.kind in ("dmy", "mdy", "iso", "numeric"):
        year = int(groups["y"])
        if len(groups["y"]) == 2:
            year += 2000 if year < 70 else 1900
        month = _month_number(groups["m"])
        day = int(re.sub(r"\D", "", groups["d"]))
        try:
            value = DateValue(date(year, month, day), Precision.DAY)
        except ValueError:
            return None
    elif raw.kind == "my":
        value = DateValue(date(int(groups["y"]), _month_number(groups["m"]), 1), Precision.MONTH)
    elif raw.kind == "years":
        first = int(groups["y"])
        second = first // 100 * 100 + int(groups["y2"])
        if second <= first:
            return None
        value = DateValue(date(first, 1, 1), Precision.YEAR, date(second, 1, 1))
    elif raw.kind == "decade":
        decade = int(groups["decade"])
        value = DateValue(date(decade, 1, 1), Precision.YEAR, date(decade + 9, 1, 1))
    else:  # a year
        if _is_count(text, raw, tokens):
            return None
        value = DateValue(date(int(groups["y"]), 1, 1), Precision.YEAR)
    return DateMatch(raw.start, raw.end, value, since=since)


def _placed_by_tense(
    text: str, raw: _Raw, reference: date, tokens: Sequence[Token], since: bool
) -> DateMatch | None:
    """A day, month or weekday without a year, placed near ``reference`` by the tense."""
    groups = raw.match.groupdict()
    tense = tense_near(tokens, raw.start)
    if raw.kind in ("dm", "md"):
        day = int(re.sub(r"\D", "", groups["d"]))
        found = nearest_in_years(reference, _month_number(groups["m"]), day, tense)
        if found is None:
            return None
        return DateMatch(
            raw.start, raw.end, DateValue(found, Precision.DAY), explicit_year=False, since=since
        )
    relation = (groups["rel"] or "").lower()
    if raw.kind == "weekday":
        found = resolve_weekday(WEEKDAYS[groups["wd"].lower()], reference, tense, relation)
        return DateMatch(raw.start, raw.end, DateValue(found, Precision.DAY), explicit_year=False)
    if not groups["rel"] and not _month_context(text, raw.start, tokens):
        return None  # "the Attitude February issue", "Theresa May"
    if groups["m"].rstrip(".") in ("Mar", "Jan", "Dec") and not groups["rel"]:
        return None  # bare abbreviations are too often names
    found = resolve_month(_month_number(groups["m"]), reference, relation, tense)
    return DateMatch(
        raw.start, raw.end, DateValue(found, Precision.MONTH), explicit_year=False, since=since
    )


def _ago(raw: _Raw, reference: date) -> DateMatch | None:
    groups = raw.match.groupdict()
    word = groups["n"].lower()
    count = 1 if word in ("a", "an") else word_value(word)
    if count is None:
        number = digits_value(word)
        count = int(number) if number is not None else None
    if count is None:
        return None
    unit = groups["unit"].lower().rstrip("s")
    if unit == "year":
        value = DateValue(date(reference.year - count, 1, 1), Precision.YEAR)
    elif unit == "decade":
        value = DateValue(date(reference.year - 10 * count, 1, 1), Precision.YEAR)
    elif unit == "month":
        month = add_months(truncate(reference, Precision.MONTH), -count)
        value = DateValue(month, Precision.MONTH)
    elif unit == "week":
        value = DateValue(reference - timedelta(weeks=count), Precision.DAY)
    else:
        value = DateValue(reference - timedelta(days=count), Precision.DAY)
    return DateMatch(raw.start, raw.end, value)


def _join_periods(
    text: str, sentence_start: int, dates: list[DateMatch], reference: date
) -> list[DateMatch]:
    """Join "between A and B", "from A to B" and "A–B" into periods."""
    joined: list[DateMatch] = []
    index = 0
    while index < len(dates):
        first = dates[index]
        if index + 1 < len(dates):
            second = dates[index + 1]
            gap = text[first.end : second.start]
            before = text[max(sentence_start, first.start - 8) : first.start].lower()
            opener = ""
            if before.endswith("between ") and gap == " and ":
                opener = "between "
            elif before.endswith("from ") and gap in (" to ", " until ", " till ", "–", "-"):
                opener = "from "
            elif gap in ("–", "-", " – ", " to ") and _both_absolute(first, second):
                opener = "-"
            if opener and (period := _period(first, second)):
                start = first.start - (len(opener) if opener != "-" else 0)
                joined.append(DateMatch(start, second.end, period, since=first.since))
                index += 2
                continue
        joined.append(first)
        index += 1
    return joined


def _both_absolute(first: DateMatch, second: DateMatch) -> bool:
    return first.explicit_year and second.explicit_year and not first.value.is_period


def _period(first: DateMatch, second: DateMatch) -> DateValue | None:
    a, b = first.value, second.value
    if a.is_period or b.is_period:
        return None
    start = a.start
    if not first.explicit_year and second.explicit_year:
        start = start.replace(year=b.start.year)
        if start > b.start:
            start = start.replace(year=b.start.year - 1)
    precision = _coarser(a.precision, b.precision)
    low, high = truncate(start, precision), truncate(b.start, precision)
    if high < low:
        return None
    return DateValue(low, precision, high)


def _coarser(a: Precision, b: Precision) -> Precision:
    order = [Precision.YEAR, Precision.MONTH, Precision.DAY]
    return order[min(order.index(a), order.index(b))]


def _is_count(text: str, raw: _Raw, tokens: Sequence[Token]) -> bool:
    """Is this year-like number a count? "2018 officers" is; "in 2018", "the 2018 report",
    "2018." are years."""
    after = next((t for t in tokens if t.start >= raw.end), None)
    before = next((t for t in reversed(tokens) if t.end <= raw.start), None)
    if before is not None and (before.lower in _BEFORE_YEAR or before.lower.rstrip(".") in MONTHS):
        return False
    if before is not None and before.lower in ("than", "over", "nearly", "about", "around"):
        return True
    return (
        after is not None
        and after.is_word
        and looks_plural(after.text)
        and (after.lower not in ("was", "has", "is"))
    )


def _month_context(text: str, position: int, tokens: Sequence[Token]) -> bool:
    """Is a bare month name a date here? Only after a preposition, or before a year or a day."""
    before = _word_before(text, position)
    if before in (
        "in",
        "since",
        "until",
        "by",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "of",
        "from",
        "between",
        "and",
        "to",
        "during",
        "before",
        "after",
        "on",
    ):
        return True
    return bool(re.match(r"May,? (?:\d{1,2}\b|\d{4}\b)", text[position : position + 12]))


def _word_before(text: str, position: int) -> str:
    match = re.search(r"(\w+)\W*$", text[max(0, position - 20) : position])
    return match.group(1).lower() if match else ""


def _month_number(name: str) -> int:
    if name.isdigit():
        return int(name)
    return MONTHS[name.rstrip(".").lower()]


# What may open a sentence before the date that governs it: "In April 2019, 11 officers…".
_OPENING_WORDS = frozenset(["", "in", "on", "by", "as of", "at the end of", "in early", "in late"])
_CLAUSE_BREAK = re.compile(r"[;:–—(]|,\s|\s-\s")


def date_of_count(
    text: str,
    sentence_start: int,
    reference: date,
    count: tuple[int, int],
    dates: Sequence[DateMatch],
) -> DateMatch | None:
    """The date of a sentence that says when the count at ``count`` (its span) was true, if one
    does; none later than the sentence's ``reference`` date."""
    start, end = count
    for found in dates:
        if found.since or found.value.start > reference:
            continue
        before = text[sentence_start : found.start].strip().lower()
        if before in _OPENING_WORDS and text[found.end : found.end + 1] == ",":
            return found  # "In April 2019, 11 officers…"
        if not _CLAUSE_BREAK.search(text, min(found.end, end), max(found.start, start)):
            return found  # "557 of them last year alone"
        if found.end < start and text[found.end : start].startswith(", when "):
            return found  # "an outbreak in 2019, when 212 children were infected"
    return None


def names_a_day(value: DateValue) -> bool:
    """A day ("on Tuesday", "on 7 March") names an occasion; a month or a year does not."""
    return value.precision is Precision.DAY and value.end is None
