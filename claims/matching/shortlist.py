"""The claims worth scoring in full for one reading of a candidate: the source's topics' claims,
the claims with a value in the candidate's value buckets and the claims sharing a rare word,
the best ``SHORTLIST`` by a cheap score (topic, value bucket, shared rare words' idf, kind)."""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Sequence

from claims.matching.fit import lookup_keys
from claims.matching.ledger import LedgerStats
from claims.matching.scoring import Query

SHORTLIST = 150  # claims scored in full per candidate (and per part)

type ValueLists = list[tuple[bool, list[str]]]  # (of the candidate's kind?, claims by key)


def shortlist(stats: LedgerStats, query: Query, topics: Sequence[str]) -> list[str]:
    rare = stats.rare
    words: defaultdict[str, float] = defaultdict(float)
    for word, weight in query.weights.items():
        if 0 < stats.df.get(word, 0) <= rare:
            idf = stats.idf(word)
            for key in stats.postings[word]:
                words[key] += weight * idf
    in_topic = {key for topic in topics for key in stats.by_topic.get(topic, ())}
    lookups = lookup_keys(query.value) if query.value is not None else []
    buckets = [stats.by_value[bucket] for bucket in lookups if bucket in stats.by_value]
    value_lists = [
        (kind == query.kind, claims) for bucket in buckets for kind, claims in bucket.items()
    ]
    entries = stats.entries
    looked_up = set(lookups)
    mass = query.focus_total or 1.0

    def cheap(key: str) -> tuple[float, str]:
        in_value = not looked_up.isdisjoint(entries[key].value_keys)
        score = 2.0 * (key in in_topic) + 1.5 * in_value + words[key] / mass
        score += 0.5 * (entries[key].kind == query.kind)
        return -score, key

    # a claim is in one list of a bucket: past this many in all, the pool is past SHORTLIST
    if sum(len(claims) for _, claims in value_lists) <= SHORTLIST * max(len(buckets), 1):
        pool = in_topic | words.keys() | {key for _, claims in value_lists for key in claims}
        if len(pool) <= SHORTLIST:
            return sorted(pool)
        return heapq.nsmallest(SHORTLIST, pool, key=cheap)
    # A claim only sharing a bucket scores 1.5, plus 0.5 if of the candidate's kind: of those
    # (thousands, in a large ledger) only the first by key can make the shortlist.
    scored = in_topic | words.keys()
    return [
        key
        for _, key in heapq.nsmallest(
            SHORTLIST,
            itertools.chain(
                map(cheap, scored),
                ((-2.0, key) for key in _first(value_lists, True, scored)),
                ((-1.5, key) for key in _first(value_lists, False, scored)),
            ),
        )
    ]


def _first(lists: ValueLists, same_kind: bool, besides: set[str]) -> list[str]:
    """The first ``SHORTLIST`` claims by key of the lists of (or not of) the candidate's kind,
    leaving out ``besides``."""
    first: list[str] = []
    for key in heapq.merge(*(claims for same, claims in lists if same == same_kind)):
        if key not in besides and (not first or first[-1] != key):
            first.append(key)
            if len(first) == SHORTLIST:
                break
    return first
