"""Splitting a live page into its timestamped entries.

A live page (a "live blog") is a run of short entries, each headed by the time it was posted:
"Rowley speaks to BBC Londonpublished at 14:14 BST 2 October", "Posted at 09:05", "10:39 BST",
"9.05am", "2 October 2025, 14:14 – Rowley speaks". ``split_live_page`` finds those headings in a
normalised text and returns one ``Entry`` per heading, with offsets into that text. Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from sources.text.spans import Entry
from sources.text.words import MONTHS

# Where a time carries no zone, it is read as London time (Corroborate's sources are British).
DEFAULT_ZONE = ZoneInfo("Europe/London")

# Fixed-offset abbreviations, as live pages print them (summer and winter names differ).
_ZONE_HOURS = {
    "GMT": 0.0,
    "UTC": 0.0,
    "WET": 0.0,
    "BST": 1.0,
    "WEST": 1.0,
    "CET": 1.0,
    "CEST": 2.0,
    "EET": 2.0,
    "EEST": 3.0,
    "MSK": 3.0,
    "EST": -5.0,
    "EDT": -4.0,
    "CST": -6.0,
    "CDT": -5.0,
    "MST": -7.0,
    "MDT": -6.0,
    "PST": -8.0,
    "PDT": -7.0,
    "HKT": 8.0,
    "SGT": 8.0,
    "JST": 9.0,
    "AEST": 10.0,
    "AEDT": 11.0,
}
# Abbreviations that name a region rather than an offset.
_ZONE_NAMES = {"ET": "America/New_York", "PT": "America/Los_Angeles"}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (
    rf"(?:{_WEEKDAY}\s+)?"
    rf"(?:{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"  # 2 October 2025
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"  # October 2, 2025
    rf"|{_YEAR}-\d{{2}}-\d{{2}}"  # 2025-10-02
    rf"|\d{{1,2}}/\d{{1,2}}/{_YEAR})"  # 02/10/2025, day first as in Britain
)
_AMPM = r"[ap]\.?m\b\.?"
_TIME = (
    rf"(?<![\w:.])(?:(?P<h>[01]?\d|2[0-3])(?P<sep>[:.h])(?P<mi>[0-5]\d)(?!\d)(?:\s*(?P<ap>{_AMPM}))?"
    rf"|(?P<h12>1[0-2]|0?[1-9])\s*(?P<ap12>{_AMPM}))"
)
_ZONE = (
    r"(?-i:(?P<zone>" + "|".join(sorted([*_ZONE_HOURS, *_ZONE_NAMES], key=len, reverse=True)) + r")"
    r"(?P<offset>\s?[+\-−]\s?\d{1,2}(?::?\d{2})?)?)\b"
)
_STAMP = (
    rf"(?:(?P<date1>{_DATE})\s*,?\s*(?:at\s+)?)?"
    rf"(?P<time>{_TIME})"
    rf"(?:\s*\(?(?:{_ZONE})\)?)?"
    rf"(?:\s*,?\s*(?:on\s+)?(?P<date2>{_DATE}))?"
)
_KEYWORD = r"(?:last\s+updated|published|posted|updated|added)\s*(?:at|on)?\s*"
_LIST_MARK = r"(?:(?:[-•*·▪]|\d{1,3}[.)])\s+)?"

# "Title of the entrypublished at 14:14 BST 2 October": the stamp closes the heading line.
_SUFFIX_HEADING = re.compile(rf"{_KEYWORD}{_STAMP}\s*$", re.IGNORECASE)
# "14:14 BST", "Posted at 09:05", "2 October 2025, 14:14 – Title": the stamp opens the line.
_PREFIX_HEADING = re.compile(
    rf"^{_LIST_MARK}(?P<keyword>{_KEYWORD})?{_STAMP}(?P<rest>.*)$", re.IGNORECASE
)
_SEPARATOR = re.compile(r"^(?:\s*[-–—:|•·,]+\s*|\s+)")
_LIST_NUMBER = re.compile(r"^(?:[-•*·▪]|\d{1,3}[.)])\s+")

# Heading lines are short; a long line that opens with a time is prose.
_MAX_HEADING_CHARS = 200
_MAX_TITLE_CHARS = 120
# How far after the source's date an entry's day and month may fall in the same year.
_MAX_DAYS_AHEAD = 31


@dataclass(frozen=True)
class _Heading:
    start: int  # offset of the heading line in the text
    published_at: datetime
    title: str


def split_live_page(text: str, *, published: date | datetime) -> list[Entry]:
    """The timestamped entries of a live page, in the order they appear in ``text``.

    Each entry runs from its heading line to the line before the next heading (text before the
    first heading, such as a summary, belongs to no entry). Its time is aware: the date comes from
    the heading, else from ``published``; the zone from an abbreviation in the heading (BST, GMT,
    UTC, CET…), else Europe/London. A heading's day and month without a year take the year that
    puts them closest to ``published`` but not more than a month after it, so "31 December" on a
    page published on 1 January is the year before, and "1 January" on a page published on
    31 December the year after. Returns ``[]`` when fewer than two headings are found: not a live
    page.
    """
    reference = published.date() if isinstance(published, datetime) else published
    lines = _lines_with_offsets(text)
    headings: list[_Heading] = []
    for index, (offset, line) in enumerate(lines):
        # the lines after, read only when the heading is a bare time: copying them for every
        # line made a long text's split take time in its square
        after = (lines[n] for n in range(index + 1, len(lines)))
        heading = _read_heading(line, offset, reference, following=after)
        if heading is not None:
            headings.append(heading)
    if len(headings) < 2:
        return []
    entries = []
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        end = following.start if following else len(text)
        end = heading.start + len(text[heading.start : end].rstrip())
        entries.append(
            Entry(
                start=heading.start,
                end=end,
                published_at=heading.published_at,
                title=heading.title,
            )
        )
    return entries


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    lines = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    return lines


def _read_heading(
    line: str, offset: int, reference: date, *, following: Iterable[tuple[int, str]]
) -> _Heading | None:
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS:
        return None
    start = offset + (len(line) - len(line.lstrip()))

    match = _SUFFIX_HEADING.search(stripped)
    if match and match.start() > 0:
        title = _LIST_NUMBER.sub("", stripped[: match.start()]).strip(" -–—|,")
        return _Heading(start, _moment(match, reference), title)

    match = _PREFIX_HEADING.match(stripped)
    if match is None:
        return None
    rest = match.group("rest")
    has_context = any(
        match.group(name) for name in ("keyword", "zone", "date1", "date2", "ap", "ap12")
    )
    # "14:14" alone is a heading, but "12.50" alone could be a price: a dotted time needs more.
    if match.group("sep") in (".", "h") and not has_context:
        return None
    separator = _SEPARATOR.match(rest)
    if not rest[separator.end() if separator else 0 :].strip():
        title = _title_from_next_line(following)  # the stamp is the whole line
    elif separator is None:
        return None  # "14:14pmx": the stamp runs into a word
    elif separator.group().strip() or has_context:
        title = rest[separator.end() :].strip()  # "10:39 BST – Title", "09:05: Title"
    else:
        return None  # "10:39 was when…": prose that opens with a bare time
    return _Heading(start, _moment(match, reference), title)


def _title_from_next_line(following: Iterable[tuple[int, str]]) -> str:
    """A bare stamp line is usually followed by the entry's headline."""
    for _, line in following:
        line = line.strip()
        if not line:
            continue
        if len(line) <= _MAX_TITLE_CHARS and not line.endswith((".", ":", ",", ";")):
            if _PREFIX_HEADING.match(line) or _SUFFIX_HEADING.search(line):
                return ""
            return line
        return ""
    return ""


def _moment(match: re.Match[str], reference: date) -> datetime:
    if match.group("h") is not None:
        hour, minute = int(match.group("h")), int(match.group("mi"))
        ampm = match.group("ap")
    else:
        hour, minute = int(match.group("h12")), 0
        ampm = match.group("ap12")
    if ampm:
        is_pm = ampm.lower().startswith("p")
        if hour > 12:
            pass  # "14:00pm": the 24-hour clock wins
        elif is_pm and hour < 12:
            hour += 12
        elif not is_pm and hour == 12:
            hour = 0
    day = _read_date(match.group("date2") or match.group("date1") or "", reference) or reference
    zone = _zone(match.group("zone"), match.group("offset"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


_DAY_MONTH = re.compile(rf"(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?", re.I)
_MONTH_DAY = re.compile(rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?", re.I)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_NUMERIC = re.compile(rf"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>{_YEAR})")


def _read_date(text: str, reference: date) -> date | None:
    """The date a heading names, or None. Invalid dates (31 February) count as none."""
    for pattern in (_ISO, _NUMERIC, _DAY_MONTH, _MONTH_DAY):
        found = pattern.search(text)
        if found is None:
            continue
        month_text = found.group("m")
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text[:3].lower()]
        day = int(re.sub(r"\D", "", found.group("d")))
        if found.group("y"):
            try:
                return date(int(found.group("y")), month, day)
            except ValueError:
                return None
        return _closest_year(day, month, reference)
    return None


def _closest_year(day: int, month: int, reference: date) -> date | None:
    """Day and month in the year that puts them nearest ``reference``, but never more than a
    month after it: a live page's entries sit within days of its publication date, and a date
    months later belongs to the year before. "1 January" on a page of 31 December is next year.
    """
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February
            continue
        if (candidate - reference).days <= _MAX_DAYS_AHEAD:
            candidates.append(candidate)
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: abs((candidate - reference).days))


def _zone(abbreviation: str | None, offset: str | None) -> tzinfo:
    if abbreviation is None:
        return DEFAULT_ZONE
    if abbreviation in _ZONE_NAMES:
        return ZoneInfo(_ZONE_NAMES[abbreviation])
    hours = _ZONE_HOURS[abbreviation]
    if offset:  # "UTC+2", "GMT-05:00"
        sign = -1 if offset.strip()[0] in "-−" else 1
        digits = re.sub(r"\D", "", offset)
        minutes = int(digits[:-2]) * 60 + int(digits[-2:]) if len(digits) > 2 else int(digits) * 60
        hours += sign * minutes / 60
    return timezone(timedelta(hours=hours), abbreviation) if hours else UTC
