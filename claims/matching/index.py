"""Claim matching: which claims of the ledger a candidate found in a new source may state.

Pure Python over plain data (``KnownClaim``, ``claims.finder.Candidate``); no database. The rules
and the reasoning behind each number are in docs/matching.md. In short, a match's score is a
product of factors, each in 0..1::

    score = value × unit × kind × text × recency × topic × part

- **value**: does the candidate's value fit the claim's (``claims.verdicts.compatible``)? A
  conflicting value for a fixed fact is strong evidence against; for a claim that changes over
  time a different value at a different as-of date is an *update*, penalised less.
- **unit** and **kind**: officers vs minutes is near-disqualifying; a different kind costs less.
- **text**: tf-idf-weighted word overlap of the candidate's quote, subject, unit and sentence with
  the claim's statement, subject and quotes. When both give values of the same shape it never
  falls below ``TEXT_FLOOR`` (words paraphrase, numbers do not, and the value factor already
  says how well they fit); when one gives no value, no shared words means no match.
- **recency**: of claims that change over time, those stated near the candidate's as-of date
  are slightly preferred.
- **topic**: claims outside the source's topics are scaled down, and never rank above an
  own-topic claim stating the same value.
- **part**: a match through one part of a composite count ("nine constables" of "nine
  constables and two sergeants") is slightly discounted against a match of the whole.

``ClaimIndex`` is built once per ledger. For each candidate it gathers a pool of claims cheaply
(the source's topics, value buckets, rare shared words), keeps the best ``SHORTLIST`` by a cheap
score, and computes the full score only for those.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from claims.finder import Candidate, Part
from claims.finder.numbers import word_value
from claims.values import (
    DateValue,
    Precision,
    Qualifier,
    Quantity,
    TextValue,
    Value,
    describe,
    describe_date,
)
from claims.verdicts import APPROXIMATE_TOLERANCE, Statement, Verdict, assess, compatible


@dataclass(frozen=True)
class KnownClaim:
    """A claim of the ledger, with what matching needs of its attestations."""

    key: str  # the claim's slug
    topic: str  # topic slug
    statement: str
    kind: str  # quantity/date/status/quote/event/other
    subject: str
    unit: str
    changes_over_time: bool
    statements: tuple[Statement, ...]  # its attestations, as verdict Statements
    quotes: tuple[str, ...]  # its attestations' quotes


@dataclass(frozen=True)
class Match:
    claim: str  # slug
    score: float  # 0..1, higher is better
    verdict_if_linked: Verdict  # the claim's verdict with this candidate linked
    explanation: str  # "agrees with BBC News and The Independent", "updates: 11 as of … → 14"


# Value factor: how well the candidate's value fits the claim's values.
VALUE_SAME = 1.0  # equal to a value the claim already has, and compatible with all that count
VALUE_COMPATIBLE = 0.9  # compatible with all, equal to none ("2022" vs "1 February 2022")
VALUE_UNKNOWN = 0.75  # one side has no value: only the words can tell
VALUE_SPLIT = 0.7  # compatible with some sources, conflicting with others
VALUE_UPDATE = 0.7  # changes over time, conflicts only at other as-of dates; × closeness
VALUE_CONFLICT = 0.15  # conflicting; + VALUE_CONFLICT × closeness, so at most 0.3
VALUE_SHAPE_MISMATCH = 0.05  # a number against a date, say

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

# Text: weights of the three similarities, and the floor under the text factor.
TEXT_FLOOR = 0.3
TEXT_BEST_FIELD = 0.5  # how much of the claim's statement or one of its quotes is present
TEXT_SUBJECT = 0.2  # how much of the claim's subject is present
TEXT_PRECISION = 0.3  # how much of the candidate's own quote the claim explains
CONTEXT_WEIGHT = 0.5  # a sentence word outside the quote counts half

# Recency: −RECENCY_PER_YEAR per year between the candidate's as-of date and the nearest of the
# claim's, for at most RECENCY_MAX_YEARS years.
RECENCY_PER_YEAR = 0.05
RECENCY_MAX_YEARS = 4.0

# Topic: the first of the source's topics, the others, and any other topic. On top of the factor,
# another topic's claim never ranks above an own-topic claim stating the same value.
SECONDARY_TOPIC = 0.9
OFF_TOPIC = 0.5
PART = 0.9

MIN_SCORE = 0.1
SHORTLIST = 150  # claims scored in full per candidate (and per part)

# Topic suggestion: word overlap and match support, times a mild preference for topics covered
# near the source's date (−TOPIC_RECENCY_PER_YEAR a year, for at most TOPIC_RECENCY_MAX_YEARS).
TOPIC_WORDS = 0.5
TOPIC_MATCHES = 0.5
TOPIC_RECENCY_PER_YEAR = 0.03
TOPIC_RECENCY_MAX_YEARS = 5.0

_LOG_STEP = math.log(1.1)  # number buckets are 10% wide
_YEAR_SPAN_CAP = 30  # a date value covering more years than this is not bucketed
_DAYS_PER_YEAR = 365.25


# Words.

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS = _word_set(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself yourselves said says
    say told tells according mr mrs ms sir dame dr would could may might must shall also still
    yet since ago already being become became across around per via amid among
    """
)
_NUMBER_WORDS = _word_set(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions dozen dozens
    """
)
# Values are compared as values, so the words that state them do not count twice.
_DATE_WORDS = _word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday yesterday today tonight tomorrow
    """
)
_SKIP = _STOPWORDS | _NUMBER_WORDS | _DATE_WORDS
_SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "edly", "ed", "ly")
_STEM_LENGTH = 7


def _stem(word: str) -> str:
    """A light stem: inflections off, then the first seven letters, so "investigated",
    "investigation" and "investigations" meet, as do "allegations" and "alleged"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith(("ches", "shes", "sses", "xes", "zes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    return word[:_STEM_LENGTH]


def content_words(text: str) -> list[str]:
    """The stemmed content words of ``text``: no stopwords, numbers, month or day names."""
    return [word for raw in _WORD.findall(text.casefold()) if (word := _content_word(raw))]


@functools.lru_cache(maxsize=1 << 16)
def _content_word(raw: str) -> str:
    """``raw``'s stem, or "" if it is not a content word."""
    word = raw.removesuffix("'s").removesuffix("’s")
    if len(word) < 2 or word in _SKIP or any(char.isdigit() for char in word):
        return ""
    return _stem(word)


# Units.

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
class _Unit:
    head: str  # "officer" for "police officers"
    words: frozenset[str]
    kind: str  # a _UNIT_CLASSES key, or ""

    @classmethod
    def of(cls, text: str) -> _Unit:
        lowered = text.casefold().strip()
        if "per cent" in lowered or lowered in {"%", "percent", "percentage points"}:
            return cls("percent", frozenset({"percent"}), "share")
        words = [_singular(w) for w in re.findall(r"[^\W\d_]+|[£$€%]", lowered)]
        words = [w for w in words if w not in _STOPWORDS] or words
        if not words:
            return cls("", frozenset(), "")
        head = words[-1]
        return cls(head, frozenset(words), _UNIT_CLASS.get(head, ""))


def _unit_factor(a: _Unit, b: _Unit) -> float:
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


def _kind_factor(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if a in _TEXTUAL_KINDS and b in _TEXTUAL_KINDS:
        return KIND_TEXTUAL
    return KIND_OTHER


# Values: buckets for the prefilter, closeness for the score.


def _signed_log(x: float) -> float:
    return math.copysign(math.log1p(abs(x)), x)


def _number_bounds(value: Quantity) -> tuple[float, float]:
    """The range of numbers ``value`` allows (as ``compatible`` reads it), open ends capped at
    ten times the number: "more than 20" is unlikely to be the same claim as 5,000."""
    number = float(value.number)
    margin = abs(number) * float(APPROXIMATE_TOLERANCE)
    match value.qualifier:
        case Qualifier.APPROXIMATELY:
            return number - margin, number + margin
        case Qualifier.AT_LEAST:
            return number, max(number * 10, number + 10)
        case Qualifier.AT_MOST:
            return min(number / 10, number - 10), number
    return number, number


def _value_keys(value: Value) -> list[tuple[str, object]]:
    """Index keys of a value: any two compatible values share at least one."""
    match value:
        case Quantity():
            low, high = _number_bounds(value)
            first, last = (math.floor(_signed_log(x) / _LOG_STEP) for x in (low, high))
            return [("n", bucket) for bucket in range(first, last + 1)]
        case DateValue():
            first_year, last_year = value.start.year, value.last.year
            if last_year - first_year > _YEAR_SPAN_CAP:
                return [("d", "wide")]
            return [("d", year) for year in range(first_year, last_year + 1)]
        case TextValue():
            return [("t", value.key)]
    raise TypeError(f"not a value: {value!r}")


def _lookup_keys(value: Value) -> list[tuple[str, object]]:
    keys = _value_keys(value)
    return [*keys, ("d", "wide")] if isinstance(value, DateValue) else keys


def _same_value(a: Value, b: Value) -> bool:
    match a, b:
        case Quantity(), Quantity():
            return a.number == b.number and a.qualifier == b.qualifier
        case TextValue(), TextValue():
            return a.key == b.key
    return a == b


def _years(day: date) -> float:
    return day.toordinal() / _DAYS_PER_YEAR


def _closeness(a: Value, b: Value) -> float:
    """How near two conflicting values are, 0..1: 11 and 14 are near, 11 and 1,500 are not."""
    match a, b:
        case Quantity(), Quantity():
            x, y = float(a.number), float(b.number)
            if x > 0 and y > 0:
                return 1 / (1 + abs(math.log(x / y)))
            return 1 / (1 + abs(x - y))
        case DateValue(), DateValue():
            gap = abs(_years(a.start) - _years(b.start)) + abs(_years(a.last) - _years(b.last))
            return 1 / (1 + gap / 2)
        case TextValue(), TextValue():
            x_words, y_words = set(content_words(a.text)), set(content_words(b.text))
            union = x_words | y_words
            return len(x_words & y_words) / len(union) if union else 0.0
    return 0.0


class _Fit(StrEnum):
    """How a candidate's value relates to a claim's values."""

    SAME = "same"
    COMPATIBLE = "compatible"
    SPLIT = "split"  # compatible with some of the claim's values, not all
    UNKNOWN = "unknown"  # no value on one side
    UPDATE = "update"
    CONFLICT = "conflict"
    SHAPE = "shape"  # a number against a date, say

    @property
    def agrees(self) -> bool:
        return self in (_Fit.SAME, _Fit.COMPATIBLE)

    @property
    def compared(self) -> bool:
        """Were values of the same shape compared? Then the value factor carries the evidence,
        for or against, and the words need not carry it all."""
        return self not in (_Fit.UNKNOWN, _Fit.SHAPE)


def _value_fit(value: Value | None, as_of: date | None, claim: KnownClaim) -> tuple[float, _Fit]:
    """How well ``value``, true as of ``as_of``, fits the values ``claim``'s sources give."""
    stated = [s for s in claim.statements if s.value is not None]
    if value is None or not stated:
        return VALUE_UNKNOWN, _Fit.UNKNOWN
    if not any(type(s.value) is type(value) for s in stated):
        return VALUE_SHAPE_MISMATCH, _Fit.SHAPE
    if claim.changes_over_time:
        # Compare with the values as of the nearest date (the latest when the date is unknown).
        when = as_of or max(s.as_of for s in stated)
        nearest = min(stated, key=lambda s: (abs((s.as_of - when).days), s.as_of > when))
        stated = [s for s in stated if s.as_of == nearest.as_of]
    fits = [compatible(value, s.value) for s in stated]
    if all(fits):
        if any(s.value is not None and _same_value(value, s.value) for s in stated):
            return VALUE_SAME, _Fit.SAME
        return VALUE_COMPATIBLE, _Fit.COMPATIBLE
    if any(fits):
        return VALUE_SPLIT, _Fit.SPLIT
    closeness = max(_closeness(value, s.value) for s in stated if s.value is not None)
    if claim.changes_over_time and stated[0].as_of != as_of:
        # A statement that records the claim's history ("11 in April 2019, 14 by February
        # 2022") names this value: it is one the claim has had, not merely a near one.
        if isinstance(value, Quantity) and value.number in numbers_in(claim.statement):
            closeness = 1.0
        return VALUE_UPDATE * closeness, _Fit.UPDATE
    return VALUE_CONFLICT * (1 + closeness), _Fit.CONFLICT


_NUMBER_TOKEN = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?|[A-Za-z]+")


@functools.lru_cache(maxsize=1 << 14)
def numbers_in(text: str) -> frozenset[Decimal]:
    """The counts a text writes out, in digits or words ("11", "Fourteen"); not years."""
    found = set()
    for token in _NUMBER_TOKEN.findall(text):
        if token[0].isdigit():
            number = Decimal(token.replace(",", ""))
            if not (len(token) == 4 and 1800 <= number <= 2100):  # a year, not a count
                found.add(number)
        elif (word := word_value(token.lower())) is not None:
            found.add(Decimal(word))
    return frozenset(found)


def _stated_value(query: _Query, prepared: _Prepared) -> Value | None:
    """The candidate's value; or, when it has none, a text value of the claim that its quote
    states in so many words ("The behaviour we uncovered was disgraceful" states “disgraceful”)."""
    if query.value is not None:
        return query.value
    for value, words in prepared.text_values:
        if words and words <= query.quote_words:
            return value
    return None


def _recency_factor(as_of: date | None, claim: KnownClaim) -> float:
    """For a claim that changes over time, values stated near the candidate's date are the likelier
    match: the 2025 count rather than the 2019 one. Fixed facts are restated years later."""
    if as_of is None or not claim.changes_over_time or not claim.statements:
        return 1.0
    gap = min(abs((s.as_of - as_of).days) for s in claim.statements) / _DAYS_PER_YEAR
    return 1.0 - RECENCY_PER_YEAR * min(gap, RECENCY_MAX_YEARS)


# The index.


@dataclass(frozen=True)
class _Field:
    """A piece of a claim's text, as (word, idf) pairs, with their total idf."""

    words: tuple[tuple[str, float], ...]
    total: float

    def coverage(self, weights: dict[str, float]) -> float:
        """The share of this field's idf mass present in the candidate (weighted)."""
        if not self.total:
            return 0.0
        got = 0.0
        for word, idf in self.words:
            weight = weights.get(word)
            if weight:
                got += weight * idf
        return got / self.total


@dataclass(frozen=True)
class _Prepared:
    """A claim with everything the scorer needs computed once."""

    claim: KnownClaim
    unit: _Unit
    words: frozenset[str]
    best_fields: tuple[_Field, ...]  # the statement and each quote
    subject: _Field
    text_values: tuple[tuple[TextValue, frozenset[str]], ...]  # with their content words


@dataclass(frozen=True)
class _Query:
    """One reading of a candidate: the whole, or one of its parts."""

    value: Value | None
    kind: str
    unit: _Unit
    weights: dict[str, float]  # word → 1 in the quote, subject or unit; CONTEXT_WEIGHT elsewhere
    focus: tuple[tuple[str, float], ...]  # (word, idf) in the quote, subject or unit
    focus_total: float
    quote_words: frozenset[str]
    as_of: date | None
    part: Part | None = None


@dataclass(frozen=True)
class _Scored:
    score: float
    reading: int  # which of the candidate's queries: 0 the whole, then its parts
    same_value: bool  # agrees with the claim's value, in a unit that fits


class ClaimIndex:
    """The ledger's claims, indexed for matching candidates. Build once, query many times."""

    def __init__(self, claims: Iterable[KnownClaim]) -> None:
        # Sorted by key, so index order is the deterministic tie-break.
        self._claims = sorted(claims, key=lambda c: c.key)
        pieces = [self._claim_pieces(claim) for claim in self._claims]
        words = [{word for piece in claim_pieces for word in piece} for claim_pieces in pieces]
        count = len(self._claims)
        df: Counter[str] = Counter(word for claim_words in words for word in claim_words)
        self._idf = {word: math.log((count + 1) / (n + 1)) + 1 for word, n in df.items()}
        self._unseen_idf = math.log(count + 1) + 1
        self._prepared = [
            self._prepare(claim, claim_pieces)
            for claim, claim_pieces in zip(self._claims, pieces, strict=True)
        ]
        # Posting lists for the prefilter; words in more than 1% of claims are left out (they
        # still count in the full score).
        max_df = max(25, count // 100)
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for index, claim_words in enumerate(words):
            for word in claim_words:
                if df[word] <= max_df:
                    postings[word].append(index)
        self._postings = dict(postings)
        by_topic: defaultdict[str, list[int]] = defaultdict(list)
        by_value: defaultdict[tuple[str, object], set[int]] = defaultdict(set)
        for index, claim in enumerate(self._claims):
            by_topic[claim.topic].append(index)
            for statement in claim.statements:
                if statement.value is not None:
                    for key in _value_keys(statement.value):
                        by_value[key].add(index)
        self._by_topic = dict(by_topic)
        self._by_value = dict(by_value)
        self._topic_dates = {
            topic: sorted({s.published for i in members for s in self._claims[i].statements})
            for topic, members in self._by_topic.items()
        }
        self._build_topic_vectors(words)

    def __len__(self) -> int:
        return len(self._claims)

    @staticmethod
    def _claim_pieces(claim: KnownClaim) -> list[list[str]]:
        """The words of the statement, the subject, the unit and each quote."""
        texts = (claim.statement, claim.subject, claim.unit, *claim.quotes)
        return [content_words(text) for text in texts]

    def _field(self, words: list[str]) -> _Field:
        pairs = tuple((word, self._idf[word]) for word in dict.fromkeys(words))
        return _Field(pairs, sum(idf for _, idf in pairs))

    def _prepare(self, claim: KnownClaim, pieces: list[list[str]]) -> _Prepared:
        statement, subject, _unit, *quotes = pieces
        return _Prepared(
            claim=claim,
            unit=_Unit.of(claim.unit),
            words=frozenset(word for piece in pieces for word in piece),
            best_fields=tuple(self._field(words) for words in (statement, *quotes)),
            subject=self._field(subject),
            text_values=tuple(
                (value, frozenset(content_words(value.text)))
                for value in dict.fromkeys(
                    s.value for s in claim.statements if isinstance(s.value, TextValue)
                )
            ),
        )

    def _build_topic_vectors(self, words: list[set[str]]) -> None:
        """Each topic as a tf-idf vector over its claims' words (tf: claims using the word;
        idf over topics, so words every topic uses weigh least)."""
        topic_tf: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for claim, claim_words in zip(self._claims, words, strict=True):
            topic_tf[claim.topic].update(claim_words)
        topic_count = len(topic_tf)
        topic_df: Counter[str] = Counter(word for tf in topic_tf.values() for word in tf)
        self._topic_idf = {
            word: math.log((topic_count + 1) / (n + 1)) + 1 for word, n in topic_df.items()
        }
        self._topic_postings: defaultdict[str, list[tuple[str, float]]] = defaultdict(list)
        self._topic_norms: dict[str, float] = {}
        for topic in sorted(topic_tf):
            squares = 0.0
            for word, n in topic_tf[topic].items():
                weight = (1 + math.log(n)) * self._topic_idf[word]
                self._topic_postings[word].append((topic, weight))
                squares += weight * weight
            self._topic_norms[topic] = math.sqrt(squares)

    # Candidates as queries.

    def _queries(self, candidate: Candidate, published: date | None) -> list[_Query]:
        focus_text = " ".join((candidate.quote, candidate.subject, candidate.unit))
        focus = dict.fromkeys(content_words(focus_text), 1.0)
        context = dict.fromkeys(content_words(" ".join(candidate.words)), CONTEXT_WEIGHT)
        weights = context | focus
        as_of = candidate.as_of or published
        quote_words = frozenset(content_words(candidate.quote))
        whole = self._query(
            candidate.value, candidate.kind, candidate.unit, weights, quote_words, as_of
        )
        parts = [
            self._query(
                Quantity(part.number),
                candidate.kind,
                part.label,
                weights | dict.fromkeys(content_words(part.label), 1.0),
                quote_words,
                as_of,
                part,
            )
            for part in candidate.parts
        ]
        return [whole, *parts]

    def _query(
        self,
        value: Value | None,
        kind: str,
        unit: str,
        weights: dict[str, float],
        quote_words: frozenset[str],
        as_of: date | None,
        part: Part | None = None,
    ) -> _Query:
        focus = tuple(
            (word, self._idf.get(word, self._unseen_idf))
            for word, weight in weights.items()
            if weight >= 1.0
        )
        return _Query(
            value=value,
            kind=kind,
            unit=_Unit.of(unit),
            weights=weights,
            focus=focus,
            focus_total=sum(idf for _, idf in focus),
            quote_words=quote_words,
            as_of=as_of,
            part=part,
        )

    def _value_hits(self, value: Value | None) -> set[int]:
        if value is None:
            return set()
        hits: set[int] = set()
        for key in _lookup_keys(value):
            hits |= self._by_value.get(key, set())
        return hits

    # Topics.

    def suggest_topics(
        self, candidates: Sequence[Candidate], *, limit: int = 3, published: date | None = None
    ) -> list[tuple[str, float]]:
        """The topics a source's candidates, taken together, most likely belong to, best first.

        ``TOPIC_WORDS`` × the cosine of the candidates' words with each topic's words, plus
        ``TOPIC_MATCHES`` × the topic's share of the candidates' matches: each candidate's best
        match score in the topic (values, units and words, as ``matches`` scores them with no
        topic given), summed, over the sum of each candidate's best score anywhere.
        The sum is scaled by ``_topic_recency``. ``published`` (the source's date) dates
        candidates with no as-of date of their own and enables the recency preference.
        """
        if not self._claims or not candidates:
            return []
        words = self._topic_word_scores(candidates)
        support: defaultdict[str, float] = defaultdict(float)
        total = 0.0
        for candidate in candidates:
            best: dict[str, float] = {}
            for query in self._queries(candidate, published):
                for index in self._shortlist(query, ()):
                    topic = self._claims[index].topic
                    score = self._score(query, self._prepared[index], 1.0, 0).score
                    if score > best.get(topic, 0.0):
                        best[topic] = score
            for topic, score in best.items():
                support[topic] += score
            total += max(best.values(), default=0.0)
        scores = {
            topic: (
                TOPIC_WORDS * words.get(topic, 0.0)
                + TOPIC_MATCHES * (support[topic] / total if total else 0.0)
            )
            * self._topic_recency(topic, published)
            for topic in self._topic_norms
        }
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [(topic, round(score, 4)) for topic, score in ranked[:limit] if score > 0]

    def _topic_recency(self, topic: str, published: date | None) -> float:
        """Sources mostly report what is new: a topic last covered years before (or first
        covered years after) the source's date is slightly less likely."""
        dates = self._topic_dates.get(topic)
        if published is None or not dates:
            return 1.0
        at = bisect.bisect_left(dates, published)
        gap = min(abs((d - published).days) for d in dates[max(at - 1, 0) : at + 1])
        years = min(gap / _DAYS_PER_YEAR, TOPIC_RECENCY_MAX_YEARS)
        return 1.0 - TOPIC_RECENCY_PER_YEAR * years

    def _topic_word_scores(self, candidates: Sequence[Candidate]) -> dict[str, float]:
        """Cosine of the candidates' words (tf: candidates using the word) with each topic's."""
        tf: Counter[str] = Counter()
        for candidate in candidates:
            text = " ".join((candidate.quote, candidate.subject, candidate.unit, *candidate.words))
            tf.update(set(content_words(text)))
        dots: defaultdict[str, float] = defaultdict(float)
        squares = 0.0
        for word, n in tf.items():
            if word not in self._topic_idf:
                continue
            weight = (1 + math.log(n)) * self._topic_idf[word]
            squares += weight * weight
            for topic, topic_weight in self._topic_postings[word]:
                dots[topic] += weight * topic_weight
        norm = math.sqrt(squares)
        return {
            topic: dot / (norm * self._topic_norms[topic])
            for topic, dot in dots.items()
            if norm and self._topic_norms[topic]
        }

    # Matching.

    def matches(
        self,
        candidate: Candidate,
        *,
        source: str,
        outlet: str,
        published: date,
        topics: Sequence[str] = (),
        limit: int = 5,
        min_score: float = MIN_SCORE,
    ) -> list[Match]:
        """The claims ``candidate`` (found in ``source``, by ``outlet``, published on
        ``published``) most likely states, best first, each with the verdict the claim would
        have if the candidate were linked.

        ``topics`` are the source's topics, its main one first. A claim of any other topic is
        scaled by ``OFF_TOPIC`` and never ranks above an own-topic claim stating the same value.
        """
        if not self._claims:
            return []
        factors = {topic: SECONDARY_TOPIC for topic in topics[1:]}
        if topics:
            factors[topics[0]] = 1.0
        queries = self._queries(candidate, published)
        best: dict[int, _Scored] = {}
        for reading, query in enumerate(queries):
            for index in self._shortlist(query, topics):
                topic = self._claims[index].topic
                factor = factors.get(topic, OFF_TOPIC) if topics else 1.0
                scored = self._score(query, self._prepared[index], factor, reading)
                if index not in best or scored.score > best[index].score:
                    best[index] = scored
        if topics:
            self._keep_own_topic_first(best, factors)
        ranked = sorted(
            (index for index, scored in best.items() if scored.score >= min_score),
            key=lambda index: (-best[index].score, index),
        )
        return [
            self._match(
                index,
                best[index].score,
                queries[best[index].reading],
                source,
                outlet,
                published,
            )
            for index in ranked[:limit]
        ]

    def _keep_own_topic_first(self, best: dict[int, _Scored], factors: dict[str, float]) -> None:
        """Cap each other-topic claim stating the same value as some own-topic claims (for the
        same reading of the candidate) just below the lowest of them."""
        floors: dict[int, float] = {}
        for index, scored in best.items():
            if scored.same_value and self._claims[index].topic in factors:
                floors[scored.reading] = min(floors.get(scored.reading, 1.0), scored.score)
        for index, scored in best.items():
            floor = floors.get(scored.reading)
            if (
                floor is not None
                and scored.same_value
                and self._claims[index].topic not in factors
                and scored.score >= floor
            ):
                best[index] = _Scored(floor * 0.999, scored.reading, scored.same_value)

    def _shortlist(self, query: _Query, topics: Sequence[str]) -> list[int]:
        """Claims worth scoring in full: the source's topics' claims, claims with a value in the
        candidate's value buckets and claims sharing a rare word, best ``SHORTLIST`` by a cheap
        score (topic, value bucket, shared rare words' idf, kind)."""
        words: defaultdict[int, float] = defaultdict(float)
        for word, weight in query.weights.items():
            for index in self._postings.get(word, ()):
                words[index] += weight * self._idf[word]
        in_topic = {index for topic in topics for index in self._by_topic.get(topic, ())}
        by_value = self._value_hits(query.value)
        pool = in_topic | by_value | words.keys()
        if len(pool) <= SHORTLIST:
            return sorted(pool)
        mass = query.focus_total or 1.0

        def cheap(index: int) -> tuple[float, int]:
            score = 2.0 * (index in in_topic) + 1.5 * (index in by_value) + words[index] / mass
            score += 0.5 * (self._claims[index].kind == query.kind)
            return score, -index

        return heapq.nlargest(SHORTLIST, pool, key=cheap)

    def _text_factor(self, query: _Query, prepared: _Prepared, floor: float) -> float:
        best = max((field.coverage(query.weights) for field in prepared.best_fields), default=0.0)
        subject = prepared.subject.coverage(query.weights) if prepared.subject.total else best
        explained = sum(idf for word, idf in query.focus if word in prepared.words)
        precision = explained / query.focus_total if query.focus_total else 0.0
        similarity = TEXT_BEST_FIELD * best + TEXT_SUBJECT * subject + TEXT_PRECISION * precision
        return floor + (1 - floor) * similarity

    def _score(
        self, query: _Query, prepared: _Prepared, topic_factor: float, reading: int
    ) -> _Scored:
        claim = prepared.claim
        value, fit = _value_fit(_stated_value(query, prepared), query.as_of, claim)
        unit = _unit_factor(query.unit, prepared.unit)
        score = value * unit * _kind_factor(query.kind, claim.kind)
        if score >= 0.005:  # below, nothing the words could rescue
            floor = TEXT_FLOOR if fit.compared else 0.0
            score *= self._text_factor(query, prepared, floor)
            score *= _recency_factor(query.as_of, claim)
        score *= topic_factor * (PART if query.part else 1.0)
        return _Scored(score, reading, fit.agrees and unit >= UNIT_UNKNOWN)

    def _match(
        self,
        index: int,
        score: float,
        query: _Query,
        source: str,
        outlet: str,
        published: date,
    ) -> Match:
        claim = self._claims[index]
        value = _stated_value(query, self._prepared[index])
        new = Statement(source, outlet, published, query.as_of or published, value)
        verdict = assess([*claim.statements, new], changes_over_time=claim.changes_over_time)
        assert verdict.verdict is not None  # at least one statement
        explanation = _explain(claim, new, verdict.verdict)
        if query.part is not None:
            explanation = f"part “{describe(value)} {query.part.label}”: {explanation}"
        return Match(claim.key, round(score, 4), verdict.verdict, explanation)


# Explanations: short phrases naming outlets, dates and values.


def _day(value: date) -> str:
    return describe_date(value, Precision.DAY)


def _join(items: Iterable[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _with_value(outlets: Iterable[str], value: Value | None) -> str:
    who = _join(outlets)
    return f"{who}: {describe(value)}" if value is not None else who


def _explain(claim: KnownClaim, new: Statement, verdict: Verdict) -> str:
    others = [s for s in claim.statements if s.source != new.source]
    if not others:
        if claim.statements:
            return f"already stated by this source: {describe(claim.statements[0].value)}"
        return "no source states this claim yet"
    if verdict == Verdict.UPDATED:
        return _explain_update(others, new)
    if claim.changes_over_time:
        others = [s for s in others if s.as_of == new.as_of] or others
    agreeing = [s for s in others if compatible(s.value, new.value)]
    conflicting = [s for s in others if not compatible(s.value, new.value)]
    if not conflicting:
        # Name the value only when some source gives one to agree with.
        value = new.value if any(s.value is not None for s in agreeing) else None
        agrees = f"agrees with {_with_value((s.outlet for s in agreeing), value)}"
        return (
            f"{agrees}; the other sources already differ" if verdict == Verdict.DIFFER else agrees
        )
    differs = "differs from " + _join(f"{s.outlet}: {describe(s.value)}" for s in conflicting)
    if agreeing:
        return f"agrees with {_join(s.outlet for s in agreeing)} but {differs}"
    return differs


def _explain_update(others: Sequence[Statement], new: Statement) -> str:
    before = [s for s in others if s.as_of <= new.as_of]
    if not before:
        first = min(others, key=lambda s: (s.as_of, s.outlet))
        return (
            f"earlier value: {describe(new.value)} as of {_day(new.as_of)}, "
            f"before {describe(first.value)} as of {_day(first.as_of)} ({first.outlet})"
        )
    latest = max(before, key=lambda s: (s.as_of, s.published, s.outlet))
    if compatible(latest.value, new.value):
        current = (s.outlet for s in before if s.as_of == latest.as_of)
        return f"agrees with the latest value, {_with_value(current, new.value)}"
    return f"updates: {describe(latest.value)} as of {_day(latest.as_of)} → {describe(new.value)}"
