"""Reading a date, or a date and a time, written by a person or by a web page."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# What to tell a person whose date could not be read.
MOMENT_HELP = "Give a date as 2025-10-02, or a date and time as 2025-10-02 08:48."


def parse_moment(value: str) -> date | datetime | None:
    """ "2025-10-02" → a date; "2025-10-02T08:48+01:00", "2025-10-02 08:48" or an RFC 2822 date
    ("Thu, 02 Oct 2025 08:48:00 +0100") → a datetime, naive when no zone is written. None when
    it is none of these or its year is outside 1900–2100."""
    value = value.strip()
    if not value:
        return None
    moment: date | datetime
    try:
        moment = (
            date.fromisoformat(value)
            if _DATE_ONLY.match(value)
            else datetime.fromisoformat(value.replace(" ", "T", 1))
        )
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return moment if 1900 <= moment.year <= 2100 else None
