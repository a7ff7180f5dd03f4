"""The timestamped entries of a live page.

A live page's entries each carry a stamp such as "published at 14:14 BST 2 October" at the end of
their title line. An entry runs from its title line to the next entry's title line (the text
before the first entry, a summary, belongs to none). The stamp has no year: it is the year of the
page's publication, or the next one when that would put the entry more than half a year before it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from claims.finder import Entry
from claims.finder.tokens import MONTHS

_STAMP = re.compile(
    r"published at (?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<zone>BST|GMT|UTC)?\s+"
    r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)(?: (?P<year>\d{4}))?"
)
_MARKER = re.compile(r"^\s*\d{1,3}[.)]\s+")
_ZONES = {
    "BST": ZoneInfo("Europe/London"),
    "GMT": ZoneInfo("Europe/London"),
    "UTC": ZoneInfo("UTC"),
}


def find_entries(text: str, *, published: date | datetime) -> list[Entry]:
    """The entries of a live page, in text order; none if the text has no stamps."""
    day = published.date() if isinstance(published, datetime) else published
    default_zone = (
        published.tzinfo
        if isinstance(published, datetime) and published.tzinfo
        else ZoneInfo("Europe/London")
    )
    stamps: list[tuple[int, str, datetime]] = []
    for match in _STAMP.finditer(text):
        month = MONTHS.get(match["month"].lower())
        if month is None:
            continue
        year = int(match["year"]) if match["year"] else day.year
        try:
            when = date(year, month, int(match["day"]))
        except ValueError:
            continue
        if not match["year"] and when < day - timedelta(days=183):
            when = when.replace(year=year + 1)
        zone = _ZONES.get(match["zone"] or "", default_zone)
        moment = datetime(
            when.year, when.month, when.day, int(match["hour"]), int(match["minute"]), tzinfo=zone
        )
        line_start = text.rfind("\n", 0, match.start()) + 1
        title = text[line_start : match.start()]
        title = _MARKER.sub("", title, count=1).strip()
        stamps.append((line_start, title, moment))
    entries = []
    for index, (start, title, moment) in enumerate(stamps):
        end = stamps[index + 1][0] if index + 1 < len(stamps) else len(text)
        entries.append(Entry(start, end, moment, title))
    return entries
