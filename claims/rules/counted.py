"""What a quantity counts: the counted entity, what happened to it, the qualifiers that make it
another claim ("serving", "confirmed") and the occasion it belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATORS = re.compile(r"[,;]")

# Units that measure rather than count: a figure in one of them has no counted entity.
MEASURES = frozenset(
    """
    second seconds minute minutes hour hours day days week weeks month months year years decade
    decades percent pounds dollars euros yen yuan rand rupees pence cents metres meters
    kilometres kilometers km miles feet inches tonnes tons kilograms kg hectares acres points
    magnitude
    """.split()
)


def is_measure(unit: str) -> bool:
    return unit.strip().casefold() in MEASURES


def split_qualifiers(text: str) -> tuple[str, ...]:
    """ "Serving, confirmed ,serving" → ("serving", "confirmed"): lower case, once each."""
    seen: dict[str, None] = {}
    for item in _SEPARATORS.split(text):
        word = " ".join(item.split()).casefold()
        if word:
            seen.setdefault(word)
    return tuple(seen)


def join_qualifiers(qualifiers: tuple[str, ...] | list[str]) -> str:
    return ", ".join(split_qualifiers(",".join(qualifiers)))


@dataclass(frozen=True)
class Counted:
    """What a quantity counts: "nine serving officers were suspended" counts officers (entity),
    suspended (predicate), serving (qualifier)."""

    entity: str = ""
    predicate: str = ""
    qualifiers: tuple[str, ...] = ()
    event: str = ""

    def __bool__(self) -> bool:
        return bool(self.entity or self.predicate or self.qualifiers or self.event)

    def describe(self) -> str:
        """ "serving officers suspended (first strike day)"; empty when nothing is known."""
        words = [*self.qualifiers, self.entity, self.predicate]
        text = " ".join(w for w in words if w)
        if self.event:
            text = f"{text} ({self.event})" if text else self.event
        return text
