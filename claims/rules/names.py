"""Names of claimants as compared: "The Met", "the Met." and "the met" are one name."""

from __future__ import annotations

import re

_NOT_NAME = re.compile(r"[^\w\s&'’-]")


def name_key(text: str) -> str:
    """What two spellings of one name share: case, spacing, punctuation and a leading "the"
    aside ("The Met" and "the Met." are one name)."""
    words = _NOT_NAME.sub(" ", text.casefold()).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)[:200]
