"""Who speaks a quotation.

A quotation's speaker is, in order:

1. named before it in its sentence with a reporting verb: "Sir Mark said: “…”", "Khan says the
   commissioner has his “full confidence”" (the quotation is then inside the reported clause),
   or "Rowley: ‘…’";
2. named after it: "“…,” a spokesperson said", "“…,” said Sir Mark", "‘…’ charities say";
3. at the start of a line, the speaker introduced by a line ending "…said:", or the speaker of
   a quotation left open on the line before, or of an earlier quotation on the same line;
4. for a whole-line quotation of four words or more, the last speaker of the last few lines.
"""

from __future__ import annotations

from claims.finder.attribution.names import HONORIFICS
from claims.finder.attribution.quotations import Quotation
from claims.finder.attribution.reading import Reading, Utterance
from claims.finder.vocabulary import SPEECH_VERBS
from sources.text.sentences import Sentence, sentence_at
from sources.text.tokens import Token, tokenize


def quotation_speaker(
    reading: Reading,
    quotation: Quotation,
    sentence: Sentence,
    tokens: list[Token],
    reports: list[Utterance],
    intros: dict[int, str],
) -> str:
    """The speaker of ``quotation`` in ``sentence``, "" if unknown; ``reports`` and ``intros``
    are the sentence's reported clauses and introducing verbs."""
    for report in reports:
        if report.start <= quotation.open < report.end:
            return report.speaker
    before = [t for t in tokens if t.end <= quotation.open]
    for position, speaker in intros.items():
        if (
            speaker
            and position <= quotation.open
            and not reading.text[position : quotation.open].strip(":, ")
        ):
            return speaker
    if before and before[-1].text == ":" and 1 < len(before) <= 6:
        return reading.speakers.resolve([t for t in before[:-1] if t.is_word or t.text in "’'()"])
    if speaker := _speaker_after(reading, quotation, sentence):
        return speaker
    line_start = _at_line_start(reading.text, quotation)
    context = reading.context
    if line_start and context.pending_line == sentence.line - 1 and context.pending_speaker:
        return context.pending_speaker
    previous = _previous_quotation(reading.quotations, quotation)
    opens_sentence = not reading.text[sentence.start : quotation.open].strip()
    if previous is not None and (
        (line_start and previous.line == quotation.line - 1 and not previous.closed)
        or (previous.line == quotation.line and opens_sentence)
    ):
        return reading.quote_speakers.get(previous.open, "")
    words = len(reading.text[quotation.start : quotation.end].split())
    if line_start and words >= 4 and sentence.line - context.last_speaker_line <= 3:
        return context.last_speaker
    return ""


def _speaker_after(reading: Reading, quotation: Quotation, sentence: Sentence) -> str:
    """ "“…,” said Sir Mark", "“…,” a spokesperson said"."""
    if not quotation.closed:
        return ""
    holder = sentence_at(reading.sentences, quotation.end)
    end = holder.end if holder is not None else sentence.end
    tokens = tokenize(reading.text, quotation.end + 1, end)
    while tokens and tokens[0].text in ",":
        tokens.pop(0)
    if not tokens:
        return ""
    if tokens[0].lower in SPEECH_VERBS:
        phrase: list[Token] = []
        for token in tokens[1:]:
            after_title = token.text == "." and phrase and phrase[-1].lower in HONORIFICS
            if not token.is_word and token.text not in "’'()" and not after_title:
                break
            phrase.append(token)
        return reading.speakers.resolve([t for t in phrase[:9] if t.text != "."])
    for k, token in enumerate(tokens[:10]):
        if token.lower in SPEECH_VERBS:
            phrase = tokens[:k]
            if any(not t.is_word and t.text not in "’'()" for t in phrase):
                return ""
            return reading.speakers.resolve(phrase)
        if not token.is_word and token.text not in "’'()":
            return ""
    return ""


def _at_line_start(text: str, quotation: Quotation) -> bool:
    """Only a list marker or a number before the quotation on its line?"""
    line_start = text.rfind("\n", 0, quotation.open) + 1
    return not text[line_start : quotation.open].strip(" •-–—*0123456789.")


def _previous_quotation(quotations: list[Quotation], quotation: Quotation) -> Quotation | None:
    previous = None
    for other in quotations:
        if other.open >= quotation.open:
            break
        previous = other
    return previous
