"""The unit and kind factors: officers vs minutes is near-disqualifying, a different kind costs
less."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sources.text.words import STOPWORDS

# Unit factor (quantities).
UNIT_UNKNOWN = 0.85  # one side gives no unit
UNIT_CONTAINED = 0.9  # "police officers" vs "officers"
UNIT_SAME_CLASS = 0.5  # constables vs officers, hours vs minutes
UNIT_UNCLASSED = 0.2  # two different nouns we know nothing about
UNIT_HALF_CLASSED = 0.15  # officers vs searches
UNIT_OTHER_CLASS = 0.03  # officers vs minutes: near-disqualifying

# Kind factor.
KIND_TEXTUAL = 0.75  # status, quote, event and other blur into each other
KIND_OTHER = 0.2  # a date against an event, say: that claim has no date to compare


_UNIT_CLASSES = {
    "time": "second minute hour day week fortnight month year decade century",
    "money": "pound penny pence dollar cent euro £ $ €",
    "share": "percent % percentage",
    "length": "metre meter kilometre km mile yard foot feet inch",
    "weight": "gram kilogram kg tonne ton pound",
    "people": """officer constable sergeant inspector superintendent pc detective staff member
        people person man men woman women child children employee worker resident patient victim
        student adult civilian""",
}
_UNIT_CLASS = {
    word: name for name, words in reversed(_UNIT_CLASSES.items()) for word in words.split()
}


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2:
        return word[:-1]
    return word


@dataclass(frozen=True)
class Unit:
    head: str  # "officer" for "police officers"
    words: frozenset[str]
    kind: str  # a _UNIT_CLASSES key, or ""

    @classmethod
    def count(cls) -> Unit:
        """A plain count of things, whatever they are: the counted factor compares those."""
        return cls("#count", frozenset({"#count"}), "count")

    @classmethod
    def of(cls, text: str) -> Unit:
        lowered = text.casefold().strip()
        if "per cent" in lowered or lowered in {"%", "percent", "percentage points"}:
            return cls("percent", frozenset({"percent"}), "share")
        words = [_singular(w) for w in re.findall(r"[^\W\d_]+|[£$€%]", lowered)]
        words = [w for w in words if w not in STOPWORDS] or words
        if not words:
            return cls("", frozenset(), "")
        head = words[-1]
        return cls(head, frozenset(words), _UNIT_CLASS.get(head, ""))


def unit_factor(a: Unit, b: Unit) -> float:
    if not a.head and not b.head:
        return 1.0
    if not a.head or not b.head:
        return UNIT_UNKNOWN
    if a.head == b.head:
        return 1.0
    if a.words <= b.words or b.words <= a.words:
        return UNIT_CONTAINED
    if a.kind and b.kind:
        return UNIT_SAME_CLASS if a.kind == b.kind else UNIT_OTHER_CLASS
    if a.kind or b.kind:
        return UNIT_HALF_CLASSED
    return UNIT_UNCLASSED


_TEXTUAL_KINDS = frozenset({"status", "quote", "event", "other"})


def kind_factor(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if a in _TEXTUAL_KINDS and b in _TEXTUAL_KINDS:
        return KIND_TEXTUAL
    return KIND_OTHER
