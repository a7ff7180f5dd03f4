"""Words with their offsets.

A token is a run of letters and digits, with inner apostrophes, hyphens, commas, points, colons
and slashes kept ("1,500", "1.5", "ex-officer", "Met’s", "21:00"), or one punctuation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"\w+(?:[’'\-.,:/]\w+)*|[^\w\s]")
# A plain word: letters and digits with inner apostrophes ("Met’s", "don't"); hyphens split.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower())

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def bare(self) -> str:
        """Lower case, without a possessive ending: "met’s" → "met"."""
        return strip_possessive(self.lower)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def words(text: str) -> list[str]:
    """The plain words of ``text``, in order, as written: no offsets, no punctuation."""
    return _WORD.findall(text)


def strip_possessive(word: str) -> str:
    for ending in ("’s", "'s"):
        if word.endswith(ending) and len(word) > 2:
            return word[: -len(ending)]
    return word


def is_acronym(word: str) -> bool:
    """An acronym, perhaps plural: "IOPC", "PCs", "PCSOs"."""
    core = word[:-1] if word.endswith("s") else word
    return len(core) >= 2 and core.isupper() and core.isalpha()
