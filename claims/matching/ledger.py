"""What matching knows of the whole ledger, kept up to date one claim at a time.

``ClaimIndex`` needs a few facts about every claim to gather a candidate's pool (its words, value
buckets, topic and kind) and a few ledger-wide counts (how many claims use each word, which words
the ledger writes in lower case or capitalises, each topic's words and dates). ``ClaimEntry`` is
that slim record of one claim (no source texts, no attestation rows); ``LedgerStats`` holds the
entries and the counts, and ``add``/``remove`` change them for one claim without reading the
others, so a new or changed claim costs the same in a ledger of a thousand or a million.

The full claim (its attestations, as ``KnownClaim``) is read only for the few claims a candidate
shortlists.
"""

from __future__ import annotations

import bisect
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from claims.matching.counted import CountedKey
from claims.matching.fit import value_keys
from claims.matching.records import KnownClaim
from claims.matching.words import content_words
from claims.rules.counted import is_measure
from sources.text.proper import capitalised_inside, lower_case_words

type ValueKey = tuple[str, object]


def _interned(words: Iterable[str]) -> tuple[str, ...]:
    # a ledger repeats the same few thousand words: one copy of each string
    return tuple(sys.intern(word) for word in words)


_shared: dict[Hashable, Any] = {}


def _share[T: Hashable](value: T) -> T:
    """One copy of each of the few thousand dates, value buckets and counted things a ledger
    repeats across its claims."""
    shared: T = _shared.setdefault(value, value)
    return shared


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    """What matching keeps in memory of one claim."""

    key: str
    topic: str
    kind: str
    words: tuple[str, ...]  # content words of its statement, subject, unit and quotes
    value_keys: tuple[ValueKey, ...]  # the buckets of the values its sources state
    rivalry: Hashable  # what it counts or measures (claims of a topic alike are rivals), or None
    name_texts: tuple[str, ...]  # statement, qualifiers and event: where its names are read
    lower: tuple[str, ...]  # words its texts write in lower case
    capitalised: tuple[str, ...]  # words its statement capitalises inside a sentence
    published: tuple[date, ...]  # when its sources were published

    @classmethod
    def of(cls, claim: KnownClaim) -> ClaimEntry:
        words: dict[str, None] = {}
        for text in (claim.statement, claim.subject, claim.unit, *claim.quotes):
            words.update(dict.fromkeys(content_words(text)))
        buckets: dict[ValueKey, None] = {}
        for statement in claim.statements:
            if statement.value is not None:
                buckets.update(dict.fromkeys(value_keys(statement.value)))
        lower: set[str] = set()
        for text in (claim.statement, claim.subject, *claim.quotes):
            lower |= lower_case_words(text)
        return cls(
            key=claim.key,
            topic=sys.intern(str(claim.topic)),
            kind=sys.intern(str(claim.kind)),  # a model's choice is a str subclass
            words=_interned(words),
            value_keys=tuple(buckets),
            rivalry=rivalry(claim),
            name_texts=tuple(t for t in (claim.statement, *claim.qualifiers, claim.event) if t),
            lower=_interned(sorted(lower)),
            capitalised=_interned(sorted(capitalised_inside(claim.statement))),
            published=tuple(sorted({s.published for s in claim.statements})),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "kind": self.kind,
            "words": list(self.words),
            "values": [list(key) for key in self.value_keys],
            "rivalry": _rivalry_json(self.rivalry),
            "names": list(self.name_texts),
            "lower": list(self.lower),
            "capitalised": list(self.capitalised),
            "published": [day.isoformat() for day in self.published],
        }

    @classmethod
    def from_json(cls, key: str, data: dict[str, Any]) -> ClaimEntry:
        return cls(
            key=key,
            topic=sys.intern(data["topic"]),
            kind=sys.intern(data["kind"]),
            words=_interned(data["words"]),
            value_keys=tuple(_share((kind, value)) for kind, value in data["values"]),
            rivalry=_share(_tuples(data["rivalry"])),
            name_texts=tuple(data["names"]),
            lower=_interned(data["lower"]),
            capitalised=_interned(data["capitalised"]),
            published=tuple(_share(date.fromisoformat(day)) for day in data["published"]),
        )


def _rivalry_json(rivalry: Hashable) -> Any:
    return [_rivalry_json(part) for part in rivalry] if isinstance(rivalry, tuple) else rivalry


def _tuples(data: Any) -> Hashable:
    return tuple(_tuples(part) for part in data) if isinstance(data, list) else data


def counted_of(claim: KnownClaim) -> CountedKey:
    return CountedKey.of(
        claim.entity or _counted_unit(claim.unit), claim.predicate, claim.qualifiers, claim.event
    )


def _counted_unit(unit: str) -> str:
    """A claim stored before counts had an entity kept the counted noun as its unit."""
    return "" if is_measure(unit) else unit


def rivalry(claim: KnownClaim) -> Hashable:
    """What a quantity claim measures, so that claims measuring the same thing can be told
    apart by whose figure they are: what it counts, or else its unit ("percent")."""
    if claim.kind != "quantity":
        return None
    counted = counted_of(claim)
    if counted:
        return (counted.entity, tuple(sorted(counted.predicate)))
    return claim.unit.casefold()


class LedgerStats:
    """Every claim's entry, and the ledger-wide counts built from them, changed a claim at a
    time. Derived views (names, topic vectors) are rebuilt lazily after a change: ``generation``
    says when."""

    def __init__(self) -> None:
        self.entries: dict[str, ClaimEntry] = {}
        self.df: Counter[str] = Counter()  # claims using each word
        self.postings: defaultdict[str, list[str]] = defaultdict(list)  # word -> claim keys
        self.by_topic: defaultdict[str, set[str]] = defaultdict(set)
        # value bucket -> kind -> claims in key order: a shortlist ranks the claims that only
        # share a bucket by kind, then key, and so reads the first few of each list
        self.by_value: defaultdict[ValueKey, dict[str, list[str]]] = defaultdict(dict)
        self.groups: defaultdict[tuple[str, Hashable], set[str]] = defaultdict(set)
        self.lower: Counter[str] = Counter()  # claims writing each word in lower case
        self.capitalised: Counter[str] = Counter()
        self.topic_tf: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.topic_dates: defaultdict[str, Counter[date]] = defaultdict(Counter)
        self.titles: dict[Hashable, tuple[str, tuple[str, ...]]] = {}  # filing -> topic, words
        self.generation = 0

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def of(
        cls,
        entries: Iterable[ClaimEntry],
        titles: Iterable[tuple[Hashable, str, str]] = (),
    ) -> LedgerStats:
        stats = cls()
        for entry in entries:
            stats.add(entry)
        for filing, topic, title in titles:
            stats.file(filing, topic, title)
        return stats

    def idf(self, word: str) -> float:
        return (
            math.log((len(self.entries) + 1) / (self.df[word] + 1)) + 1
            if word in self.df
            else self.unseen_idf
        )

    @property
    def unseen_idf(self) -> float:
        return math.log(len(self.entries) + 1) + 1

    @property
    def rare(self) -> int:
        """Words in more than this many claims are left out of the prefilter (they still count
        in the full score)."""
        return max(25, len(self.entries) // 100)

    def add(self, entry: ClaimEntry) -> None:
        """Add a claim, or replace what was known of it (an entry read again changes nothing)."""
        if self.entries.get(entry.key) == entry:
            return
        self.remove(entry.key)
        key = entry.key
        self.entries[key] = entry
        self.df.update(entry.words)
        for word in entry.words:
            self.postings[word].append(key)
        self.by_topic[entry.topic].add(key)
        for bucket in entry.value_keys:
            bisect.insort(self.by_value[bucket].setdefault(entry.kind, []), key)
        if entry.rivalry is not None:
            self.groups[(entry.topic, entry.rivalry)].add(key)
        self.lower.update(entry.lower)
        self.capitalised.update(entry.capitalised)
        self.topic_tf[entry.topic].update(entry.words)
        self.topic_dates[entry.topic].update(entry.published)
        self.generation += 1

    def remove(self, key: str) -> None:
        entry = self.entries.pop(key, None)
        if entry is None:
            return
        self.df.subtract(entry.words)
        for word in entry.words:
            self.postings[word].remove(key)
            if not self.df[word]:
                del self.df[word], self.postings[word]
        _discard(self.by_topic, entry.topic, key)
        for bucket in entry.value_keys:
            in_order = self.by_value[bucket][entry.kind]
            del in_order[bisect.bisect_left(in_order, key)]
            if not in_order:
                del self.by_value[bucket][entry.kind]
            if not self.by_value[bucket]:
                del self.by_value[bucket]
        if entry.rivalry is not None:
            _discard(self.groups, (entry.topic, entry.rivalry), key)
        _subtract(self.lower, entry.lower)
        _subtract(self.capitalised, entry.capitalised)
        _subtract(self.topic_tf[entry.topic], entry.words)
        _subtract(self.topic_dates[entry.topic], entry.published)
        if not self.topic_tf[entry.topic]:
            del self.topic_tf[entry.topic]
            self.topic_dates.pop(entry.topic, None)
        self.generation += 1

    def file(self, filing: Hashable, topic: str, title: str) -> None:
        """A source (``title``) filed under ``topic``: its title's words name the topic's story."""
        filed = (topic, _interned(set(content_words(title))))
        if self.titles.get(filing) == filed:
            return
        self.unfile(filing)
        self.titles[filing] = filed
        self.generation += 1

    def unfile(self, filing: Hashable) -> None:
        if self.titles.pop(filing, None) is not None:
            self.generation += 1


def _discard[K, V](sets: dict[K, set[V]], key: K, member: V) -> None:
    members = sets.get(key)
    if members is not None:
        members.discard(member)
        if not members:
            del sets[key]


def _subtract[K](counts: Counter[K], items: Iterable[K]) -> None:
    counts.subtract(items)
    for item in set(items):
        if counts[item] <= 0:
            del counts[item]
