"""Topic suggestion's word side: each topic of the ledger as a tf-idf vector over its claims'
words, and when each topic was covered. ``ClaimIndex.suggest_topics`` adds the match support."""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from claims.finder import Candidate
from claims.matching.fit import DAYS_PER_YEAR
from claims.matching.ledger import LedgerStats
from claims.matching.words import content_words

# Topic suggestion: word overlap and match support, times a mild preference for topics covered
# near the source's date (−TOPIC_RECENCY_PER_YEAR a year, for at most TOPIC_RECENCY_MAX_YEARS).
TOPIC_WORDS = 0.7
TOPIC_MATCHES = 0.3
TOPIC_RECENCY_PER_YEAR = 0.03
TOPIC_RECENCY_MAX_YEARS = 5.0
# A document whose words reach no topic's by this cosine is about none of them: "new topic" is
# suggested first. Chosen on the benchmark's tuning stories (docs/matching.md): their first
# reports reached at most 0.114, their later reports at least 0.14.
NEW_TOPIC = 0.13


class TopicVectors:
    """Each topic as a tf-idf vector over its claims' words (tf: claims using the word; idf over
    topics, so words every topic uses weigh least), and the dates its sources were published."""

    def __init__(self, stats: LedgerStats) -> None:
        topic_tf = {topic: Counter(tf) for topic, tf in stats.topic_tf.items()}
        for topic, words in stats.titles.values():
            if topic in topic_tf:
                topic_tf[topic].update(words)
        self._dates = {topic: sorted(days) for topic, days in stats.topic_dates.items()}
        topic_count = len(topic_tf)
        topic_df: Counter[str] = Counter(word for tf in topic_tf.values() for word in tf)
        self._idf = {
            word: math.log((topic_count + 1) / (n + 1)) + 1 for word, n in topic_df.items()
        }
        # A word no topic uses weighs most: a document full of them is about none of them.
        self._unseen_idf = math.log(topic_count + 1) + 1
        self._postings: defaultdict[str, list[tuple[str, float]]] = defaultdict(list)
        self._norms: dict[str, float] = {}
        for topic in sorted(topic_tf):
            squares = 0.0
            for word, n in topic_tf[topic].items():
                weight = (1 + math.log(n)) * self._idf[word]
                self._postings[word].append((topic, weight))
                squares += weight * weight
            self._norms[topic] = math.sqrt(squares)

    @property
    def topics(self) -> list[str]:
        """The ledger's topics, in slug order."""
        return list(self._norms)

    def word_scores(self, candidates: Sequence[Candidate]) -> dict[str, float]:
        """Cosine of the candidates' words (tf: candidates using the word) with each topic's."""
        tf: Counter[str] = Counter()
        for candidate in candidates:
            text = " ".join((candidate.quote, candidate.subject, candidate.unit, *candidate.words))
            tf.update(set(content_words(text)))
        dots: defaultdict[str, float] = defaultdict(float)
        squares = 0.0
        for word, n in tf.items():
            weight = (1 + math.log(n)) * self._idf.get(word, self._unseen_idf)
            squares += weight * weight
            for topic, topic_weight in self._postings.get(word, ()):
                dots[topic] += weight * topic_weight
        norm = math.sqrt(squares)
        return {
            topic: dot / (norm * self._norms[topic])
            for topic, dot in dots.items()
            if norm and self._norms[topic]
        }

    def recency(self, topic: str, published: date | None) -> float:
        """Sources mostly report what is new: a topic last covered years before (or first
        covered years after) the source's date is slightly less likely."""
        dates = self._dates.get(topic)
        if published is None or not dates:
            return 1.0
        at = bisect.bisect_left(dates, published)
        gap = min(abs((d - published).days) for d in dates[max(at - 1, 0) : at + 1])
        years = min(gap / DAYS_PER_YEAR, TOPIC_RECENCY_MAX_YEARS)
        return 1.0 - TOPIC_RECENCY_PER_YEAR * years
