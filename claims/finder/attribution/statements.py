"""Each sentence's statements, in reading order: its reported clauses, then its quotations."""

from __future__ import annotations

from claims.finder.attribution.inverted import inverted
from claims.finder.attribution.names import Names
from claims.finder.attribution.quote_speakers import quotation_speaker
from claims.finder.attribution.reading import Reading, Utterance
from claims.finder.attribution.reported import find_reports
from sources.text.sentences import Sentence
from sources.text.tokens import tokenize


def find_statements(
    text: str, sentences: list[Sentence], *, names: Names | None = None
) -> list[Utterance]:
    """Quotations and reported clauses with their speakers, in text order."""
    reading = Reading(text, sentences, names or Names(text))
    statements: list[Utterance] = []
    pending_quotes = sorted(reading.quotations, key=lambda q: q.open)
    next_quote = 0
    for sentence in sentences:
        tokens = tokenize(text, sentence.start, sentence.end)
        reading.context.line = sentence.line
        spoken: list[str] = []
        intros: dict[int, str] = {}
        reports = find_reports(reading, sentence, tokens, spoken, intros)
        if not reports and (found := inverted(reading, sentence, tokens)):
            reports.append(found)
            if found.speaker:
                spoken.append(found.speaker)
        while next_quote < len(pending_quotes) and pending_quotes[next_quote].open < sentence.end:
            quotation = pending_quotes[next_quote]
            next_quote += 1
            if quotation.open < sentence.start:
                continue
            speaker = quotation_speaker(reading, quotation, sentence, tokens, reports, intros)
            reading.quote_speakers[quotation.open] = speaker
            if speaker:
                spoken.append(speaker)
            statements.append(Utterance(quotation.start, quotation.end, speaker, direct=True))
        statements.extend(reports)
        reading.speakers.remember(sentence, tokens, spoken, reading.mask)
    statements.sort(key=lambda s: (s.start, s.end))
    return statements
