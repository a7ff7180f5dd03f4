"""Proper words: the capitalised words of a text that name someone or something ("ANC",
"Texas", "Oppama"), as distinct from a common word capitalised because it starts a sentence,
and from the names of whoever is reported as saying something ("the ministry said")."""

from __future__ import annotations

import re
from collections.abc import Container

from sources.text.tokens import strip_possessive
from sources.text.words import MONTHS, STOPWORDS, WEEKDAYS

_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_SAYING_AFTER = re.compile(
    r"(?<=[’']s)(?:\s+[a-z]+){1,3}\s+(?:said|says|told)\b"  # "Odisha's chief secretary said"
    r"|\s*(?:,[^,]{0,60},\s*)?(?:has\s+|had\s+|have\s+)?"  # "the IEC, which runs the vote, said"
    r"(?:said|says|told|reported|announced|added|stated|estimated)\b"
)
_SAYING_BEFORE = re.compile(r"(?:according to|told|said|reported by|says)(?:\s+the)?\s*$")
# Abbreviated currencies are capitalised but name nobody: "Rs 715 crore".
_NOT_PROPER = STOPWORDS | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset({"rs", "inr"})


def capitalised_inside(text: str) -> set[str]:
    """The words ``text`` capitalises where no sentence starts: what it treats as names."""
    return {
        strip_possessive(match.group().casefold())
        for match in _WORD.finditer(text)
        if match.group()[0].isupper() and not starts_sentence(text, match.start())
    }


def proper_words(
    text: str, names: Container[str] = (), start: int = 0, end: int | None = None
) -> frozenset[str]:
    """The proper words of ``text[start:end]``, casefolded (acronyms as written), without the
    names of speakers. A
    word that starts a sentence is proper only if it is among ``names`` (words capitalised
    elsewhere, from ``capitalised_inside``)."""
    found: set[str] = set()
    for run_start, run_end, words in _runs(text, start, len(text) if end is None else end):
        said = _SAYING_BEFORE.search(text[max(0, run_start - 40) : run_start])
        if said or _SAYING_AFTER.match(text, run_end):
            continue  # "the ANC said", "according to the IEC": who says, not what it is about
        found |= _initials(words)
        for at, word in words:
            bare = strip_possessive(word)
            if bare.isupper() and len(bare) > 1:
                found.add(bare)  # an acronym keeps its case: "US" is not "us"
                continue
            bare = bare.casefold()
            if bare in _NOT_PROPER:
                continue
            if starts_sentence(text, at) and bare not in names:
                continue
            found.add(bare)
    return frozenset(found)


def _initials(words: list[tuple[int, str]]) -> set[str]:
    """A name of several words also goes by its initials, as news writes it after the first
    mention: "the Scottish National Party" is "the SNP"."""
    # "the BJP-led National Democratic Alliance" is the NDA: a compound modifier is no part
    named = [
        strip_possessive(w) for _, w in words if w.casefold() not in STOPWORDS and "-" not in w
    ]
    if len(named) < 2 or any(w.isupper() for w in named):
        return set()  # "MK Party" has its short form already
    return {"".join(w[0] for w in named).upper()}


def starts_sentence(text: str, at: int) -> bool:
    """Does the word at ``at`` open a sentence (or a quotation, a heading, a list item)?"""
    position = at - 1
    while position >= 0 and (text[position] in " \t\"“”‘’'(" or text[position] == "\u00a0"):
        position -= 1
    return position < 0 or text[position] in ".!?:;\n"


def lower_case_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case: common words, even when some name is made of
    them ("county", "party", "new")."""
    return {match.group() for match in _WORD.finditer(text) if match.group().islower()}


def _runs(text: str, start: int, end: int) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """Runs of capitalised words separated by single spaces or joined by "of": "New Mexico",
    "Gaines County", "Press Trust of India"."""
    runs: list[tuple[int, int, list[tuple[int, str]]]] = []
    for match in _WORD.finditer(text, start, end):
        if not match.group()[0].isupper():
            continue
        if runs and text[runs[-1][1] : match.start()] in (" ", " of "):
            start, _, words = runs[-1]
            runs[-1] = (start, match.end(), [*words, (match.start(), match.group())])
        else:
            runs.append((match.start(), match.end(), [(match.start(), match.group())]))
    return runs
