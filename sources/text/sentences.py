"""Sentences with their offsets.

Every line of the normalised text is at least one sentence, so headings, captions, bylines and
bullet points stand alone. Inside a line a sentence ends at ".", "!", "?" or "…" (and any closing
quotes or brackets after it) followed by a space and a capital, a digit or an opening quote —
except after a title or an abbreviation ("Mr.", "Dr.", "St.", "No. 10", "Jan."), an initial
("J. K. Rowling") or an ellipsis followed by a lower-case word. A list marker at the start of a
line ("•", "-", "1.") is not part of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_END = re.compile(r"(?:[.!?]+|…)[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9])")
_MARKER = re.compile(r"(?:[•·▪●◦‣∙*–—-]|\d{1,3}[.)])\s+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")

ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sir st no nos sgt insp supt det con pc dc ds di dci gen col lt capt
    maj cmdr rev fr jr sr co corp inc ltd plc vs v etc eg ie approx est dept govt cllr hon rt
    sen rep gov pres supt
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m e.g i.e u.s u.k
    """.split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int  # just past the last character, trailing spaces excluded
    line: int  # index of the line it is on, counting non-empty lines
    first_in_line: bool


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    line_index = 0
    offset = 0
    for raw_line in text.split("\n"):
        line_start, line_end = offset, offset + len(raw_line)
        offset = line_end + 1
        if not raw_line.strip():
            continue
        start = line_start
        if marker := _MARKER.match(text, start, line_end):
            # "1." only counts as a marker when it is all the line starts with, not "1.5 million".
            start = marker.end()
        first = True
        for match in _END.finditer(text, start, line_end):
            if _is_abbreviation(text, start, match.start(), match.group()):
                continue
            end = match.end()
            if end > start:
                sentences.extend(_bounded(text, start, end, line_index, first))
                first = False
            start = _skip_spaces(text, end, line_end)
        end = _trim_end(text, start, line_end)
        if end > start:
            sentences.extend(_bounded(text, start, end, line_index, first))
        line_index += 1
    return sentences


# Longer than any sentence news prints: a run on this long (a paste with no full stops, a
# list joined by commas) is cut at clause marks, so reading it stays linear in its length.
MAX_SENTENCE = 1_000
_CLAUSE_MARK = re.compile(r"[,;:]\s")


def _bounded(text: str, start: int, end: int, line: int, first: bool) -> list[Sentence]:
    """The sentence ``start``–``end``, cut into pieces of at most ``MAX_SENTENCE`` characters
    at its last clause mark (or space) before each limit."""
    pieces: list[Sentence] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        marks = [m.end() for m in _CLAUSE_MARK.finditer(text, start + MAX_SENTENCE // 2, limit)]
        cut = marks[-1] if marks else (text.rfind(" ", start + 1, limit) + 1 or limit)
        pieces.append(Sentence(start, _trim_end(text, start, cut), line, first and not pieces))
        start = _skip_spaces(text, cut, end)
    pieces.append(Sentence(start, end, line, first and not pieces))
    return pieces


def sentence_at(sentences: list[Sentence], position: int) -> Sentence | None:
    """The sentence that holds ``position`` (binary search; sentences are in order)."""
    low, high = 0, len(sentences) - 1
    while low <= high:
        middle = (low + high) // 2
        sentence = sentences[middle]
        if position < sentence.start:
            high = middle - 1
        elif position >= sentence.end:
            low = middle + 1
        else:
            return sentence
    return None


def _is_abbreviation(text: str, line_start: int, at: int, ending: str) -> bool:
    if not ending.startswith("."):
        return False
    if ending.startswith("..") or ending.startswith("…"):
        return False
    word = _WORD_BEFORE.search(text, line_start, at)
    if not word:
        return False
    token = word.group(1)
    low = token.lower().rstrip(".")
    if low == "no":
        # "No. 10" but not "… said no. Then"
        follows = text[at + 1 : at + 3].strip()
        return follows[:1].isdigit()
    if low in ABBREVIATIONS:
        return True
    # An initial: one capital letter ("J. K. Rowling"), or dotted letters ("U.S.").
    return (len(token) == 1 and token.isupper()) or bool(
        re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token)
    )


def _skip_spaces(text: str, position: int, limit: int) -> int:
    while position < limit and text[position].isspace():
        position += 1
    return position


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
