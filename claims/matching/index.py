"""``ClaimIndex``: the ledger's claims as slim entries (``ledger``), then for each candidate a
cheap pool of claims, a shortlist read in full, and the full score (``scoring``) for those; and
topic suggestion."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from claims.finder import Candidate, Part
from claims.matching.calibration import calibrated
from claims.matching.counted import CountedKey
from claims.matching.explain import explain
from claims.matching.fit import claim_occasion
from claims.matching.holders import NO_NAMES, Holders
from claims.matching.ledger import ClaimEntry, LedgerStats, counted_of
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
from claims.matching.shortlist import shortlist
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


type Loader = Callable[[Collection[str]], Mapping[str, KnownClaim]]
PREPARED_KEPT = 20_000  # claims kept prepared between calls; more, and the cache starts afresh


class ClaimIndex:
    """The ledger's claims, indexed for matching candidates. Build once, query many times.

    The index itself holds only ``LedgerStats`` (a slim entry per claim, and counts); the full
    claims a candidate shortlists are read through ``load`` and prepared once."""

    def __init__(
        self, claims: Iterable[KnownClaim] = (), *, topic_titles: Mapping[str, Sequence[str]] = {}
    ) -> None:
        """``topic_titles``: the titles of the sources filed under each topic, which name its
        story better than its claims' words alone."""
        known = {claim.key: claim for claim in claims}
        titles = (
            ((topic, n), topic, title)
            for topic, topic_titles_ in topic_titles.items()
            for n, title in enumerate(topic_titles_)
        )
        stats = LedgerStats.of((ClaimEntry.of(c) for c in known.values()), titles)
        self._start(stats, lambda keys: {key: known[key] for key in keys if key in known})

    @classmethod
    def over(cls, stats: LedgerStats, load: Loader) -> ClaimIndex:
        """An index over ``stats``, kept up to date by its owner, reading full claims through
        ``load`` (keys to the claims still in the ledger)."""
        index = cls.__new__(cls)
        index._start(stats, load)
        return index

    def _start(self, stats: LedgerStats, load: Loader) -> None:
        self._stats = stats
        self._load = load
        self._generation = -1
        self._derived()

    def _derived(self) -> None:
        """Forget what was read with the ledger's counts as they were."""
        if self._generation == self._stats.generation:
            return
        self._generation = self._stats.generation
        self._prepared: dict[str, Prepared] = {}
        self._gone: set[str] = set()  # entries whose claims were deleted since
        self._holders = Holders(self._stats)
        self._topic_vectors: TopicVectors | None = None

    @property
    def _topics(self) -> TopicVectors:
        if self._topic_vectors is None:
            self._topic_vectors = TopicVectors(self._stats)
        return self._topic_vectors

    def __len__(self) -> int:
        return len(self._stats)

    def _field(self, words: list[str]) -> Field:
        pairs = tuple((word, self._stats.idf(word)) for word in dict.fromkeys(words))
        return Field(pairs, sum(idf for _, idf in pairs))

    def _prepare_all(self, keys: Iterable[str]) -> None:
        """Read and prepare the claims among ``keys`` not prepared yet (one read for all)."""
        missing = {key for key in keys if key not in self._prepared and key not in self._gone}
        if not missing:
            return
        if len(self._prepared) + len(missing) > PREPARED_KEPT:
            self._prepared = {}
        loaded = self._load(missing)
        for key, claim in loaded.items():
            self._prepared[key] = self._prepare(claim)
        self._gone |= missing - loaded.keys()

    def _prepare(self, claim: KnownClaim) -> Prepared:
        pieces = [
            content_words(text)
            for text in (claim.statement, claim.subject, claim.unit, *claim.quotes)
        ]
        statement, subject, _unit, *quotes = pieces
        return Prepared(
            claim=claim,
            unit=_unit_of(claim.unit, claim.entity),
            counted=counted_of(claim),
            words=frozenset(word for piece in pieces for word in piece),
            best_fields=tuple(self._field(words) for words in (statement, *quotes)),
            subject=self._field(subject),
            names=self._holders.of_claim(claim.key)
            if claim.key in self._stats.entries
            else NO_NAMES,
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
            (word, self._stats.idf(word)) for word, weight in weights.items() if weight >= 1.0
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
        self._derived()
        if not self._stats.entries or not candidates:
            return []
        words = self._topics.word_scores(candidates)
        support: defaultdict[str, float] = defaultdict(float)
        total = 0.0
        shortlists = [
            [(query, self._shortlist(query, ())) for query in self._queries(candidate, published)]
            for candidate in candidates
        ]
        self._prepare_all(key for lists in shortlists for _, keys in lists for key in keys)
        for lists in shortlists:
            best: dict[str, float] = {}
            for query, keys in lists:
                for key in keys:
                    prepared = self._prepared.get(key)
                    if prepared is None:
                        continue  # gone from the ledger since the index last heard
                    topic = prepared.claim.topic
                    score = score_claim(query, prepared, 1.0, 0).score
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
        self._derived()
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
        self._derived()
        if not self._stats.entries:
            return []
        factors = {topic: SECONDARY_TOPIC for topic in topics[1:]}
        if topics:
            factors[topics[0]] = 1.0
        queries = self._queries(candidate, published, source)
        shortlists = [self._shortlist(query, topics) for query in queries]
        self._prepare_all(key for keys in shortlists for key in keys)
        best: dict[str, Scored] = {}
        for reading, (query, keys) in enumerate(zip(queries, shortlists, strict=True)):
            for key in keys:
                prepared = self._prepared.get(key)
                if prepared is None:
                    continue  # gone from the ledger since the index last heard
                factor = factors.get(prepared.claim.topic, OFF_TOPIC) if topics else 1.0
                scored = score_claim(query, prepared, factor, reading)
                if key not in best or scored.score > best[key].score:
                    best[key] = scored
        if topics:
            self._keep_own_topic_first(best, factors)
        ranked = sorted(
            (key for key, scored in best.items() if scored.score >= min_score),
            key=lambda key: (-best[key].score, key),
        )
        # each match's margin over the best other claim that could be offered (for a source
        # filed under topics, its topics' claims): the runner-up for the first
        rivals = (
            scored.score
            for key, scored in best.items()
            if not topics or self._topic_of(key) in factors
        )
        first, second = [*heapq.nlargest(2, rivals), 0.0, 0.0][:2]
        return [
            self._match(
                key,
                best[key].score,
                queries[best[key].reading],
                source,
                outlet,
                published,
                same_value=best[key].same_value,
                same_thing=best[key].same_thing,
                margin=best[key].score - (second if rank == 0 else first),
                # another story's figure is never likely: the same number in two stories is
                # far more often chance than one claim
                elsewhere=bool(topics) and self._topic_of(key) not in factors,
                claimant=candidate.attributed_to,
            )
            for rank, key in enumerate(ranked[:limit])
        ]

    def prepare_for(
        self, candidates: Iterable[Candidate], *, published: date, topics: Sequence[str] = ()
    ) -> None:
        """Read at once every claim ``matches`` will score for ``candidates`` (a page of them),
        rather than once per candidate."""
        self._derived()
        self._prepare_all(
            key
            for candidate in candidates
            for query in self._queries(candidate, published)
            for key in self._shortlist(query, topics)
        )

    def _topic_of(self, key: str) -> str:
        return self._prepared[key].claim.topic

    def _keep_own_topic_first(self, best: dict[str, Scored], factors: dict[str, float]) -> None:
        """Cap each other-topic claim stating the same value as some own-topic claims (for the
        same reading of the candidate) just below the lowest of them."""
        floors: dict[int, float] = {}
        for key, scored in best.items():
            if scored.same_value and self._topic_of(key) in factors:
                floors[scored.reading] = min(floors.get(scored.reading, 1.0), scored.score)
        for key, scored in best.items():
            floor = floors.get(scored.reading)
            if (
                floor is not None
                and scored.same_value
                and self._topic_of(key) not in factors
                and scored.score >= floor
            ):
                best[key] = Scored(floor * 0.999, scored.reading, scored.same_value)

    def _shortlist(self, query: Query, topics: Sequence[str]) -> list[str]:
        return shortlist(self._stats, query, topics)

    def _match(
        self,
        key: str,
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
        prepared = self._prepared[key]
        claim = prepared.claim
        value = stated_value(query, prepared)
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
