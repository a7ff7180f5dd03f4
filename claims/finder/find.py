"""Finding the candidate claims of a text: the orchestration of the finder's rules.

For each sentence: its dates (``dates``), its counts (``quantities``), its statuses and events
(``events``) and the roles it gives people; over the whole text: quotations and reported
speech (``attribution``). Then:

- a count takes as subject its unit and the status or event its clause gives it ("nine
  officers and one staff member had been suspended" → "officers suspended", "staff members
  suspended"); a status or event that a count took is not a candidate of its own;
- everything inside a quotation or a reported clause is attributed to its speaker;
- ``as_of`` is the publication date, or the entry's for text inside a live page's entry,
  unless the count's own clause is dated ("557 of them last year alone"), or the sentence opens
  with a date ("In April 2019, 11 officers…"): then the first day of that date or period
  ("last year" → 1 January of last year). Dates after the reference date and "since …" dates
  (a starting point, not a moment) never date a count;
- a reported clause is one quote candidate; so is a quotation, however many sentences it runs
  over, less any part inside a reported clause. A quotation of fewer than four words is a scare
  quote or a fragment ("an “Impact” squad", "“Absolutely,” he said"), and a question asserts
  nothing: neither is a candidate;
- an allegation, hedged report or proportion inside a quote candidate is left to it (it adds no
  value of its own);
- a line of three words or fewer ("One app.", "Fourteen days free") is a page's furniture: its
  numbers are not counts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from claims.finder.attribution import Names, Utterance, find_roles, find_statements
from claims.finder.candidates import Candidate, Part
from claims.finder.dates import (
    DateMatch,
    date_of_count,
    find_dates,
    metadata_spans,
    names_a_day,
)
from claims.finder.events import EventMatch, find_events, find_other_statements
from claims.finder.holders import with_holders
from claims.finder.quantities import QuantityMatch, find_quantities
from claims.finder.quantities.counted import read_counted
from claims.finder.quantities.related import compared_counts, totals_by_predicate
from claims.finder.vocabulary import content_words
from claims.rules.counted import Counted
from claims.rules.values import TextValue, Value
from sources.text.sentences import Sentence, sentence_at, split_sentences
from sources.text.spans import Entry
from sources.text.tokens import Token, tokenize
from sources.text.words import AUXILIARIES

_HARD_BREAK = re.compile(r"[;–—]|\s-\s")
_QUESTION = re.compile(
    r"(?:so |and |but )?(?:is|are|was|were|do|does|did|can|could|will|would|should|have|has|"
    r"what|why|how|who|when|where|which)\b[^.!]*\?\W*$",
    re.IGNORECASE,
)
_NOTHING_COUNTED = Counted()
_QUOTE_MARKS = "“”\"‘’' "
# Counts of these are how long something took, never a state of people.
_DURATIONS = frozenset("hours minutes seconds days weeks months years decades".split())


@dataclass(frozen=True, slots=True)
class _Sentence:
    span: Sentence
    tokens: list[Token]
    words: tuple[str, ...]
    reference: date


def find_claims(
    text: str,
    *,
    published: date | datetime,
    entries: Sequence[Entry] = (),
    progress: Callable[[int, int], None] | None = None,
) -> list[Candidate]:
    """The candidate claims of ``text`` (normalised), in text order. ``progress`` is told
    (sentences read, sentences in all) about fifty times along a long text."""
    default = published.date() if isinstance(published, datetime) else published
    sentences = split_sentences(text)
    metadata = metadata_spans(text)
    names = Names(text)
    statements = find_statements(text, sentences, names=names)
    ordered_entries = sorted(entries, key=lambda e: e.start)
    candidates: list[Candidate] = []
    last_unit, last_unit_sentence = "", -10
    last_count, last_count_sentence = None, -10
    every = max(1, -(-len(sentences) // 50))  # at most fifty reports
    for number, span in enumerate(sentences):
        if progress is not None and number % every == 0:
            progress(number, len(sentences))
        sentence = _read(text, span, ordered_entries, default)
        tokens, reference = sentence.tokens, sentence.reference
        if not tokens:
            continue
        dates = find_dates(text, span.start, span.end, reference, skip=metadata)
        skip = [*metadata, *((d.start, d.end) for d in dates)]
        antecedent = last_unit if number - last_unit_sentence <= 3 else ""
        quantities = find_quantities(text, tokens, skip=skip, antecedent=antecedent)
        if sum(1 for t in tokens if t.is_word) <= 3:
            quantities = []  # "One app.", "Fourteen days free": a page's furniture, not a claim
        for quantity in quantities:
            if quantity.unit:
                last_unit, last_unit_sentence = quantity.unit, number
        events = find_events(text, tokens)
        taken: set[int] = set()
        counted: list[Candidate] = []
        for quantity in quantities:
            event = _event_of(text, quantity, quantities, events)
            if event is not None:
                taken.add(id(event))
            candidate = _quantity(text, sentence, quantity, event, dates)
            recent = last_count if number - last_count_sentence <= 3 else None
            previous = counted[-1] if counted else recent
            if quantity.elliptical and previous is not None:
                # "won 159 seats and the DA 87", "… revised to 275. Of those 275, …": what is
                # counted, and what happened to it, are the count's before it
                candidate = replace(
                    candidate,
                    entity=candidate.entity or previous.entity,
                    predicate=candidate.predicate or previous.predicate,
                )
            counted.append(candidate)
            if candidate.entity:
                last_count, last_count_sentence = candidate, number
        counted = compared_counts(text, counted)
        candidates.extend(counted)
        candidates.extend(totals_by_predicate(text, counted))
        for event in events:
            if id(event) not in taken:
                candidates.append(_event(text, sentence, event))
        for found in dates:
            candidates.append(_date(text, sentence, found))
        for other in find_other_statements(text, tokens):
            candidates.append(_event(text, sentence, other))
    candidates.extend(_roles(text, sentences, names, ordered_entries, default))
    candidates.extend(_quotes(text, sentences, statements, ordered_entries, default))
    candidates = _attribute(candidates, statements)
    candidates = _without_redundant(candidates)
    candidates = with_holders(text, candidates)
    candidates.sort(key=lambda c: (c.start, c.end, c.kind))
    return candidates


def _read(text: str, span: Sentence, entries: Sequence[Entry], default: date) -> _Sentence:
    """A sentence's tokens and its reference date: its live entry's, or the publication's."""
    tokens = tokenize(text, span.start, span.end)
    entry = _entry_at(entries, span.start)
    reference = entry.published_at.date() if entry is not None else default
    return _Sentence(span, tokens, content_words(tokens), reference)


def _entry_at(entries: Sequence[Entry], position: int) -> Entry | None:
    found = None
    for entry in entries:
        if entry.start > position:
            break
        if position < entry.end:
            found = entry
    return found


def _candidate(
    text: str,
    sentence: _Sentence,
    start: int,
    end: int,
    kind: str,
    *,
    value: Value | None,
    subject: str = "",
    unit: str = "",
    as_of: date | None = None,
    occasion: date | None = None,
    attributed_to: str = "",
    parts: tuple[Part, ...] = (),
    counted: Counted = _NOTHING_COUNTED,
) -> Candidate:
    return Candidate(
        start=start,
        end=end,
        quote=text[start:end],
        sentence_start=sentence.span.start,
        sentence_end=max(sentence.span.end, end),
        kind=kind,
        value=value,
        subject=subject,
        unit=unit,
        as_of=as_of,
        occasion=occasion,
        attributed_to=attributed_to,
        parts=parts,
        words=sentence.words,
        entity=counted.entity,
        predicate=counted.predicate,
        qualifiers=counted.qualifiers,
        event=counted.event,
    )


# Counts


def _event_of(
    text: str,
    quantity: QuantityMatch,
    quantities: Sequence[QuantityMatch],
    events: Sequence[EventMatch],
) -> EventMatch | None:
    """The status or event the count's clause gives it, if any."""
    if quantity.unit in _DURATIONS:
        return None
    for event in events:
        if not event.value:
            continue
        if event.trigger_end <= quantity.start:
            # "suspended nine officers", "the dismissal of 1,500 officers"
            words = text[event.trigger_end : quantity.start].split()
            if all(word.lower() in ("of", "the", "a", "an", "all") for word in words):
                return event
            continue
        if event.trigger_start < quantity.end:
            continue
        between = text[quantity.end : event.trigger_start]
        if _HARD_BREAK.search(between) or len(between.split()) > 12:
            continue
        if any(
            quantity.end <= other.start < event.trigger_start
            and not _coordinated(text, quantity, other, quantities)
            for other in quantities
        ):
            continue
        if ", " in between and not _comma_continues(between):
            continue
        return event
    return None


def _coordinated(
    text: str, first: QuantityMatch, other: QuantityMatch, quantities: Sequence[QuantityMatch]
) -> bool:
    """Is ``other`` joined to ``first`` by "and" or commas, through counts in between?"""
    previous = first
    for quantity in quantities:
        if quantity.start < first.end or quantity.start > other.start:
            continue
        gap = text[previous.end : quantity.start].strip(" ,")
        if gap not in ("", "and", "or"):
            return False
        previous = quantity
    return True


def _comma_continues(between: str) -> bool:
    """Does the comma close an apposition ("four officers, three PCs and a sergeant, were…")?"""
    tail = between.rsplit(",", 1)[1].split()
    return bool(tail) and tail[0].lower() in ("were", "was", "are", "is", "had", "have", "has")


def _quantity(
    text: str,
    sentence: _Sentence,
    quantity: QuantityMatch,
    event: EventMatch | None,
    dates: Sequence[DateMatch],
) -> Candidate:
    if event is not None:
        label = event.value.removeprefix("not ")
        subject = f"{quantity.unit or quantity.noun} {label}".strip()
        if event.value.startswith("not "):
            subject = f"{quantity.unit} not {label}".strip()
    elif quantity.elliptical:
        subject = f"{quantity.unit} {_verb_after(sentence.tokens, quantity.after)}".strip()
    else:
        subject = quantity.noun or quantity.unit
    label = event.value if event is not None else ""  # "not charged" stays denied
    dated = date_of_count(
        text, sentence.span.start, sentence.reference, (quantity.start, quantity.end), dates
    )
    counted = read_counted(
        sentence.tokens,
        quantity.first,
        quantity.after,
        unit=quantity.unit,
        noun=quantity.noun,
        label=label,
    )
    return _candidate(
        text,
        sentence,
        quantity.start,
        quantity.end,
        "quantity",
        value=quantity.value,
        subject=subject,
        unit=quantity.unit,
        as_of=dated.value.start if dated else sentence.reference,
        occasion=dated.value.start if dated and names_a_day(dated.value) else None,
        parts=quantity.parts,
        counted=counted,
    )


def _verb_after(tokens: Sequence[Token], index: int) -> str:
    """The verb after an elliptical count: "two were found…" → "found", "Nine are still serving"
    → "serving"."""
    for token in tokens[index : index + 4]:
        low = token.lower
        if low in AUXILIARIES or low in ("still", "also", "now", "later", "then", "not"):
            continue
        return low if token.is_word else ""
    return ""


# Statuses, events, dates, roles


def _event(text: str, sentence: _Sentence, event: EventMatch) -> Candidate:
    return _candidate(
        text,
        sentence,
        event.start,
        event.end,
        event.kind,
        value=TextValue(event.value) if event.value else None,
        subject=event.subject,
        as_of=sentence.reference,
    )


def _date(text: str, sentence: _Sentence, found: DateMatch) -> Candidate:
    return _candidate(
        text,
        sentence,
        found.start,
        found.end,
        "date",
        value=found.value,
        subject=_date_subject(sentence.tokens, found.start),
        as_of=sentence.reference,
    )


def _date_subject(tokens: Sequence[Token], position: int) -> str:
    """A guess at what is dated: the content words just before the date in its clause."""
    words: list[str] = []
    for token in reversed([t for t in tokens if t.end <= position]):
        if not token.is_word:
            break
        if token.lower in ("in", "on", "since", "between", "from", "by", "until", "during", "at"):
            if words:
                break
            continue
        if token.lower in ("the", "a", "an", "and", "was", "were", "is", "are", "had", "has"):
            if words:
                break
            continue
        words.insert(0, token.lower)
        if len(words) == 3:
            break
    return " ".join(words)


def _roles(
    text: str,
    sentences: list[Sentence],
    names: Names,
    entries: Sequence[Entry],
    default: date,
) -> list[Candidate]:
    candidates = []
    for role in find_roles(text, names):
        span = sentence_at(sentences, role.start)
        if span is None:
            continue
        sentence = _read(text, span, entries, default)
        candidates.append(
            _candidate(
                text,
                sentence,
                role.start,
                role.end,
                "status",
                value=TextValue(role.title),
                subject=f"{role.person}'s role",
                as_of=sentence.reference,
            )
        )
    return candidates


# Quotations and reported speech


def _quotes(
    text: str,
    sentences: list[Sentence],
    statements: Sequence[Utterance],
    entries: Sequence[Entry],
    default: date,
) -> list[Candidate]:
    """One candidate per reported clause, and per quotation (the part of it outside reported
    clauses, however many sentences it runs over)."""
    reported = [s for s in statements if not s.direct]
    candidates: list[Candidate] = []
    for statement in statements:
        pieces = _pieces(text, sentences, statement)
        if statement.direct:
            pieces = [
                p for p in pieces if not any(r.start <= p[0] and p[1] <= r.end for r in reported)
            ]
        if not pieces:
            continue
        start, end = pieces[0][0], pieces[-1][1]
        if statement.direct and len(text[start:end].split()) < 4:
            continue  # a scare quote or a fragment: "an “Impact” squad", "“Absolutely,”"
        if _QUESTION.match(text[start:end]):
            continue  # "So you accept it's going underground?": a question asserts nothing
        first, last = pieces[0][2], pieces[-1][2]
        span = Sentence(first.start, last.end, first.line, first.first_in_line)
        sentence = _read(text, span, entries, default)
        candidates.append(
            _candidate(
                text,
                sentence,
                start,
                end,
                "quote",
                value=None,
                attributed_to=statement.speaker,
                as_of=sentence.reference,
            )
        )
    return candidates


def _pieces(
    text: str, sentences: list[Sentence], statement: Utterance
) -> list[tuple[int, int, Sentence]]:
    """The statement cut at sentence ends, each piece trimmed of spaces and, for a quotation,
    of quotation marks."""
    pieces = []
    position = statement.start
    while position < statement.end:
        span = sentence_at(sentences, position)
        if span is None:
            following = [s for s in sentences if s.start > position]
            if not following or following[0].start >= statement.end:
                break
            span = following[0]
            position = span.start
        start, end = position, min(statement.end, span.end)
        while start < end and text[start] in _QUOTE_MARKS:
            start += 1
        while end > start and (
            text[end - 1].isspace() or (statement.direct and text[end - 1] in _QUOTE_MARKS)
        ):
            end -= 1
        if end > start and any(char.isalnum() for char in text[start:end]):
            pieces.append((start, end, span))
        position = span.end
    return pieces


# How far back a statement covering a figure may start: a long quotation, never a whole text.
# Looking only that far keeps matching figures to statements linear in a long text.
_REACH = 20_000


def _attribute(candidates: list[Candidate], statements: Sequence[Utterance]) -> list[Candidate]:
    """Give each candidate inside a quotation or reported clause its speaker: the latest
    statement holding it that names one."""
    ordered = sorted(statements, key=lambda s: (s.start, s.end))
    starts = [s.start for s in ordered]
    attributed = []
    for candidate in candidates:
        if candidate.kind != "quote" and not candidate.attributed_to:
            speaker = next(
                (
                    s.speaker
                    for s in _started_before(ordered, starts, candidate.start)
                    if candidate.end <= s.end + 1 and s.speaker
                ),
                "",
            )
            if speaker:
                candidate = replace(candidate, attributed_to=speaker)
        attributed.append(candidate)
    return attributed


def _started_before[T: (Utterance, Candidate)](
    ordered: Sequence[T], starts: Sequence[int], position: int, slack: int = 0
) -> Iterator[T]:
    """The items of ``ordered`` (sorted by start) starting at or before ``position + slack``,
    latest first, as far back as ``_REACH``."""
    index = bisect.bisect_right(starts, position + slack) - 1
    while index >= 0 and ordered[index].start >= position - _REACH:
        yield ordered[index]
        index -= 1


def _without_redundant(candidates: list[Candidate]) -> list[Candidate]:
    """Drop valueless statements a quote already covers, quotes that are only a figure found
    already, and exact duplicates."""
    quotes = sorted((c for c in candidates if c.kind == "quote"), key=lambda c: c.start)
    quote_starts = [q.start for q in quotes]
    valued = {(c.start, c.end) for c in candidates if c.kind != "quote"}
    kept: list[Candidate] = []
    seen: set[tuple[int, int, str, object]] = set()
    for candidate in candidates:
        key = (candidate.start, candidate.end, candidate.kind, candidate.value)
        if key in seen:
            continue
        if candidate.kind == "quote" and (candidate.start, candidate.end) in valued:
            continue  # "the unions claimed 310,000": the figure is the statement
        if (
            candidate.kind in ("event", "other")
            and candidate.value is None
            and any(
                candidate.end <= q.end + 2
                for q in _started_before(quotes, quote_starts, candidate.start, slack=1)
            )
        ):
            continue
        seen.add(key)
        kept.append(candidate)
    return kept
