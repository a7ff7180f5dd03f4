"""One text as the attribution rules read it, and the statements they find in it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.finder.attribution.names import Names
from claims.finder.attribution.quotations import find_quotations
from claims.finder.attribution.speakers import Context, Speakers
from claims.finder.attribution.words import PAST_VERBS, trim_end
from claims.finder.dates import metadata_spans
from claims.finder.vocabulary import SPEECH_VERBS
from sources.text.sentences import Sentence
from sources.text.tokens import tokenize
from sources.text.words import AUXILIARIES

# A dash between spaces, or a long dash: one of them alone may end a reported clause.
_DASH = re.compile(r"\s[-–—]\s|[–—]")


@dataclass(frozen=True, slots=True)
class Utterance:
    """A quotation or a reported clause and who it is attributed to ("" if unknown)."""

    start: int
    end: int
    speaker: str
    direct: bool


class Reading:
    """A text's sentences and quotations, the speakers met so far (read in order), and the
    speaker each quotation was given."""

    def __init__(self, text: str, sentences: list[Sentence], names: Names) -> None:
        self.text = text
        self.sentences = sentences
        self.names = names
        self.quotations = find_quotations(text)
        self.mask = bytearray(len(text))  # 1 inside a quotation's words
        for quotation in self.quotations:
            self.mask[quotation.start : quotation.end] = b"\x01" * (quotation.end - quotation.start)
        self.speakers = Speakers(text, names)
        self.metadata = metadata_spans(text)
        self.closers = {q.end for q in self.quotations if q.closed}
        self.quote_speakers: dict[int, str] = {}  # a quotation's opening mark → its speaker

    @property
    def context(self) -> Context:
        return self.speakers.context

    def clause_end(self, start: int, sentence: Sentence) -> int:
        """The sentence's end, or an unpaired dash, a live page's timestamp, a semicolon."""
        end = sentence.end
        for stop_start, _ in self.metadata:
            if start <= stop_start < end:
                end = stop_start
        rest = self.text[start:end]
        semicolon = rest.find(";")
        if semicolon >= 0:
            end = start + semicolon
            rest = rest[:semicolon]
        dashes = [m.start() for m in _DASH.finditer(rest) if not self.mask[start + m.start()]]
        if len(dashes) == 1 and _has_verb(rest[dashes[0] :]):
            end = start + dashes[0]  # "… calls the footage "shocking" - officers can be seen …"
        return trim_end(self.text, start, end)


def _has_verb(text: str) -> bool:
    """Is there a finite verb in ``text``: an auxiliary, or a past form?"""
    for token in tokenize(text):
        low = token.lower
        if low in AUXILIARIES or low in PAST_VERBS or low in SPEECH_VERBS:
            return True
        if len(low) > 4 and low.isalpha() and low.endswith("ed"):
            return True
    return False
