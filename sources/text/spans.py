"""Spans of a stored text that other parts of the project talk about."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Entry:
    """A timestamped entry of a live page: its span in the text and when it was published.
    What an entry states is true as of the entry's time, and relative dates resolve against it."""

    start: int
    end: int
    published_at: datetime
    title: str = ""
