"""The one error the ingest layer raises, worded for the journalist who gave us the input."""

from __future__ import annotations


class IngestError(ValueError):
    """Outside input that Corroborate cannot turn into a source. ``str(error)`` is shown to the
    user as it is, so it says what went wrong and, where there is one, what to do instead."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def describe_size(size: int) -> str:
    """A byte count as a journalist reads it: "5 MB", "1.5 MB", "800 KB", "120 bytes"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"
