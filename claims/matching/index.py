"""``ClaimIndex``: the ledger's claims indexed once, then for each candidate a cheap pool of
claims, a shortlist, and the full score (``scoring``) for those; and topic suggestion."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from claims.finder import Candidate, Part
from claims.matching.calibration import calibrated
from claims.matching.counted import CountedKey
from claims.matching.explain import explain
from claims.matching.fit import claim_occasion, lookup_keys, value_keys
from claims.matching.holders import ClaimNames, Holders
from claims.matching.records import KnownClaim, Match
from claims.matching.scoring import (
    CONTEXT_WEIGHT,
    Field,
    Prepared,
    Query,
    Scored,
    score_claim,
    stated_value,
)
from claims.matching.topics import NEW_TOPIC, TOPIC_MATCHES, TOPIC_WORDS, TopicVectors
from claims.matching.units import Unit
from claims.matching.words import content_words
from claims.rules.counted import is_measure
from claims.rules.names import name_key
from claims.rules.paraphrase import entity_key, predicate_key
from claims.rules.values import Quantity, TextValue, Value, describe
from claims.rules.verdicts import Statement, assess

# Topic: the first of the source's topics, the others, and any other topic. On top of the factor,
# another topic's claim never ranks above an own-topic claim stating the same value.
SECONDARY_TOPIC = 0.9
OFF_TOPIC = 0.5

MIN_SCORE = 0.1
# A match at or above this score is shown as *likely*; below it the queue offers a new claim
# first. With calibrated scores and a wrong link costed at three right ones, offering pays from
# 0.75 (docs/matching.md gives the figures on the benchmark's tuning and probe stories).
LIKELY = 0.75
UNSURE = 0.45  # the most a match is worth whose value and counted things both fail to agree
ELSEWHERE = 0.05  # the most another topic's claim is worth, for a source filed under a topic
SHORTLIST = 150  # claims scored in full per candidate (and per part)


class ClaimIndex:
    """The ledger's claims, indexed for matching candidates. Build once, query many times."""

    def __init__(
        self, claims: Iterable[KnownClaim], *, topic_titles: Mapping[str, Sequence[str]] = {}
    ) -> None:
        """``topic_titles``: the titles of the sources filed under each topic, which name its
        story better than its claims' words alone."""
        # Sorted by key, so index order is the deterministic tie-break.
        self._claims = sorted(claims, key=lambda c: c.key)
        pieces = [self._claim_pieces(claim) for claim in self._claims]
        counted = [_counted_of(claim) for claim in self._claims]
        self._holders = Holders(
            self._claims, [_rivalry(c, key) for c, key in zip(self._claims, counted, strict=True)]
        )
        words = [{word for piece in claim_pieces for word in piece} for claim_pieces in pieces]
        count = len(self._claims)
        df: Counter[str] = Counter(word for claim_words in words for word in claim_words)
        self._idf = {word: math.log((count + 1) / (n + 1)) + 1 for word, n in df.items()}
        self._unseen_idf = math.log(count + 1) + 1
        self._prepared = [
            self._prepare(claim, claim_pieces, names, key)
            for claim, claim_pieces, names, key in zip(
                self._claims, pieces, self._holders.of_claims, counted, strict=True
            )
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
                    for key in value_keys(statement.value):
                        by_value[key].add(index)
        self._by_topic = dict(by_topic)
        self._by_value = dict(by_value)
        self._topics = TopicVectors(self._claims, words, topic_titles)

    def __len__(self) -> int:
        return len(self._claims)

    @staticmethod
    def _claim_pieces(claim: KnownClaim) -> list[list[str]]:
        """The words of the statement, the subject, the unit and each quote."""
        texts = (claim.statement, claim.subject, claim.unit, *claim.quotes)
        return [content_words(text) for text in texts]

    def _field(self, words: list[str]) -> Field:
        pairs = tuple((word, self._idf[word]) for word in dict.fromkeys(words))
        return Field(pairs, sum(idf for _, idf in pairs))

    def _prepare(
        self, claim: KnownClaim, pieces: list[list[str]], names: ClaimNames, counted: CountedKey
    ) -> Prepared:
        statement, subject, _unit, *quotes = pieces
        return Prepared(
            claim=claim,
            unit=_unit_of(claim.unit, claim.entity),
            counted=counted,
            words=frozenset(word for piece in pieces for word in piece),
            best_fields=tuple(self._field(words) for words in (statement, *quotes)),
            subject=self._field(subject),
            names=names,
            occasion=claim_occasion(claim),
            text_values=tuple(
                (value, frozenset(content_words(value.text)))
                for value in dict.fromkeys(
                    s.value for s in claim.statements if isinstance(s.value, TextValue)
                )
            ),
        )

    # Candidates as queries.

    def _queries(
        self, candidate: Candidate, published: date | None, source: str = ""
    ) -> list[Query]:
        focus_text = " ".join((candidate.quote, candidate.subject, candidate.unit))
        focus = dict.fromkeys(content_words(focus_text), 1.0)
        context = dict.fromkeys(content_words(" ".join(candidate.words)), CONTEXT_WEIGHT)
        weights = context | focus
        as_of = candidate.as_of or published
        quote_words = frozenset(content_words(candidate.quote))
        counted = CountedKey.of(
            candidate.entity, candidate.predicate, candidate.qualifiers, candidate.event
        )
        names = self._holders.of_candidate(candidate.names)
        claimant = name_key(candidate.attributed_to)
        whole = self._query(
            candidate.value,
            candidate.kind,
            _unit_of(candidate.unit, candidate.entity),
            weights,
            quote_words,
            as_of,
            counted,
            names=names,
            occasion=candidate.occasion,
            claimant=claimant,
            source=source,
        )
        parts = [
            self._query(
                Quantity(part.number),
                candidate.kind,
                _unit_of(part.label, part.label),
                weights | dict.fromkeys(content_words(part.label), 1.0),
                quote_words,
                as_of,
                _part_counted(counted, part),
                part,
                names=names,
                occasion=candidate.occasion,
                claimant=claimant,
                source=source,
            )
            for part in candidate.parts
        ]
        return [whole, *parts]

    def _query(
        self,
        value: Value | None,
        kind: str,
        unit: Unit,
        weights: dict[str, float],
        quote_words: frozenset[str],
        as_of: date | None,
        counted: CountedKey,
        part: Part | None = None,
        *,
        names: frozenset[str] = frozenset(),
        occasion: date | None = None,
        claimant: str = "",
        source: str = "",
    ) -> Query:
        focus = tuple(
            (word, self._idf.get(word, self._unseen_idf))
            for word, weight in weights.items()
            if weight >= 1.0
        )
        return Query(
            value=value,
            kind=kind,
            unit=unit,
            counted=counted,
            weights=weights,
            focus=focus,
            focus_total=sum(idf for _, idf in focus),
            quote_words=quote_words,
            as_of=as_of,
            part=part,
            names=names,
            occasion=occasion,
            claimant=claimant,
            source=source,
        )

    def _value_hits(self, value: Value | None) -> set[int]:
        if value is None:
            return set()
        hits: set[int] = set()
        for key in lookup_keys(value):
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
        The sum is scaled by ``TopicVectors.recency``. ``published`` (the source's date) dates
        candidates with no as-of date of their own and enables the recency preference.
        """
        if not self._claims or not candidates:
            return []
        words = self._topics.word_scores(candidates)
        support: defaultdict[str, float] = defaultdict(float)
        total = 0.0
        for candidate in candidates:
            best: dict[str, float] = {}
            for query in self._queries(candidate, published):
                for index in self._shortlist(query, ()):
                    topic = self._claims[index].topic
                    score = score_claim(query, self._prepared[index], 1.0, 0).score
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
            * self._topics.recency(topic, published)
            for topic in self._topics.topics
        }
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [(topic, round(score, 4)) for topic, score in ranked[:limit] if score > 0]

    def is_new_topic(self, candidates: Sequence[Candidate]) -> bool:
        """Is the document about no topic of the ledger? Its words (unseen words weighing most)
        reach no topic's by ``NEW_TOPIC``: the match support, a share among topics, cannot say."""
        words = self._topics.word_scores(candidates)
        return max(words.values(), default=0.0) < NEW_TOPIC

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
        queries = self._queries(candidate, published, source)
        best: dict[int, Scored] = {}
        for reading, query in enumerate(queries):
            for index in self._shortlist(query, topics):
                topic = self._claims[index].topic
                factor = factors.get(topic, OFF_TOPIC) if topics else 1.0
                scored = score_claim(query, self._prepared[index], factor, reading)
                if index not in best or scored.score > best[index].score:
                    best[index] = scored
        if topics:
            self._keep_own_topic_first(best, factors)
        ranked = sorted(
            (index for index, scored in best.items() if scored.score >= min_score),
            key=lambda index: (-best[index].score, index),
        )
        # each match's margin over the best other claim that could be offered (for a source
        # filed under topics, its topics' claims): the runner-up for the first
        rivals = (
            scored.score
            for index, scored in best.items()
            if not topics or self._claims[index].topic in factors
        )
        first, second = [*heapq.nlargest(2, rivals), 0.0, 0.0][:2]
        return [
            self._match(
                index,
                best[index].score,
                queries[best[index].reading],
                source,
                outlet,
                published,
                same_value=best[index].same_value,
                same_thing=best[index].same_thing,
                margin=best[index].score - (second if rank == 0 else first),
                # another story's figure is never likely: the same number in two stories is
                # far more often chance than one claim
                elsewhere=bool(topics) and self._claims[index].topic not in factors,
                claimant=candidate.attributed_to,
            )
            for rank, index in enumerate(ranked[:limit])
        ]

    def _keep_own_topic_first(self, best: dict[int, Scored], factors: dict[str, float]) -> None:
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
                best[index] = Scored(floor * 0.999, scored.reading, scored.same_value)

    def _shortlist(self, query: Query, topics: Sequence[str]) -> list[int]:
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

    def _match(
        self,
        index: int,
        score: float,
        query: Query,
        source: str,
        outlet: str,
        published: date,
        *,
        same_value: bool,
        same_thing: bool,
        margin: float = 0.0,
        elsewhere: bool = False,
        claimant: str = "",
    ) -> Match:
        claim = self._claims[index]
        value = stated_value(query, self._prepared[index])
        # who the source attributes the figure to: the verdict counts origins, not outlets
        new = Statement(
            source, outlet, published, query.as_of or published, value, claimant=claimant
        )
        verdict = assess([*claim.statements, new], changes_over_time=claim.changes_over_time)
        assert verdict.verdict is not None  # at least one statement
        explanation = explain(claim, new, verdict.verdict)
        if query.part is not None:
            explanation = f"part “{describe(value)} {query.part.label}”: {explanation}"
        chance = calibrated(score, margin, same_value=same_value, same_thing=same_thing)
        if not (same_value or same_thing):
            # Neither the value nor what is counted agrees: the words alone never make a link
            # likely.
            chance = min(chance, UNSURE)
        if elsewhere:
            # Nor does anything link a source to another topic's claim: on the benchmark, none
            # of the first suggestions from another topic was right.
            chance = min(chance, ELSEWHERE)
        return Match(
            claim.key,
            chance,
            verdict.verdict,
            explanation,
            round(score, 4),
            round(margin, 4),
            same_value,
            same_thing,
        )


def _rivalry(claim: KnownClaim, counted: CountedKey) -> Hashable:
    """What a quantity claim measures, so that claims measuring the same thing can be told
    apart by whose figure they are: what it counts, or else its unit ("percent")."""
    if claim.kind != "quantity":
        return None
    if counted:
        return (counted.entity, counted.predicate)
    return claim.unit.casefold()


def _counted_of(claim: KnownClaim) -> CountedKey:
    return CountedKey.of(
        claim.entity or _counted_unit(claim.unit), claim.predicate, claim.qualifiers, claim.event
    )


def _counted_unit(unit: str) -> str:
    """A claim stored before counts had an entity kept the counted noun as its unit."""
    return "" if is_measure(unit) else unit


def _unit_of(unit: str, entity: str) -> Unit:
    """A measure's unit ("years", "percent"); any count of things is one kind of unit, whose
    things the counted factor compares."""
    if unit and is_measure(unit):
        return Unit.of(unit)
    if entity or unit:
        return Unit.count()
    return Unit.of("")


def _part_counted(counted: CountedKey, part: Part) -> CountedKey:
    """A part counts its own kind of thing ("nine constables"), or the same things under its
    own predicate ("11 are unaccounted for")."""
    if not counted:
        return counted
    if part.by_predicate:
        return replace(counted, predicate=predicate_key(part.label))
    return replace(counted, entity=entity_key(part.label))
