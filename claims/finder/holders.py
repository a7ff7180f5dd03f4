"""Whose figure it is: the proper words of the stretch of sentence a count belongs to ("the
ANC won 159 seats and the DA 87": 87 is the DA's), so that matching can tell one party's,
place's or company's figure from another's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claims.finder.candidates import Candidate
from sources.text.proper import capitalised_inside, proper_words

_FIGURES = ("quantity", "date")


def with_holders(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Each count with the proper words between it and the figure before it in its sentence,
    and those of a phrase that places it ("6,000 people at the Sunderland factory", "cases in
    Texas"), less its speaker's."""
    capitalised = capitalised_inside(text)
    figures: dict[int, list[Candidate]] = {}  # by sentence: a text has thousands of figures
    for figure in candidates:
        if figure.kind in _FIGURES:
            figures.setdefault(figure.sentence_start, []).append(figure)
    held = []
    for candidate in candidates:
        if candidate.kind == "quantity":
            names = _holder(text, candidate, figures[candidate.sentence_start], capitalised)
            if names:
                candidate = replace(candidate, names=names)
        held.append(candidate)
    return held


def _holder(
    text: str, candidate: Candidate, same: Sequence[Candidate], capitalised: set[str]
) -> tuple[str, ...]:
    """``same``: the figures of the candidate's sentence."""
    before = max(
        (f.end for f in same if f.end <= candidate.start), default=candidate.sentence_start
    )
    if before > candidate.sentence_start:
        # the figure before keeps its own place: "30 in Bogo City, 22 in San Remigio"
        own = _PLACED.match(text, before, candidate.start)
        before = own.end() if own else before
    after = min((f.start for f in same if f.start >= candidate.end), default=candidate.sentence_end)
    speaker = {w.casefold() for w in candidate.attributed_to.split()}
    names = proper_words(text, capitalised, before, candidate.end)
    placed = _PLACED.match(text, candidate.end, min(after, candidate.end + 80))
    if placed:
        names |= proper_words(text, capitalised, placed.start(1), placed.end(1))
    return tuple(sorted(names - speaker))


# A phrase after a count that says where or whose it is, up to the clause's end.
_PLACED = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:in|at|for|from|across|of)\s+([^,;:.()]+)")
