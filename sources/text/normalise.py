"""Plain-text normalisation. Offsets of quotes count code points in the normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Spaces that are not line breaks: tabs, no-break spaces, thin spaces and friends.
_INLINE_SPACE = re.compile(r"[^\S\n]+")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Return ``text`` as Corroborate stores it.

    NFC, ``\\n`` line ends, inline whitespace collapsed to one space, each line stripped,
    runs of blank lines collapsed to one, and no blank lines at either end. Idempotent.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    text = "\n".join(lines)
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


def content_hash(normalised_text: str) -> str:
    """SHA-256 of the normalised text: the same text is stored once."""
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()
