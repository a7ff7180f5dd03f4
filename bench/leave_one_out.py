"""Leave-one-out quality of claim finding and matching over the five seed sources.

For each seed source in turn: build the ledger from the *other* sources' attestations only (a
claim only the held-out source attests disappears), find candidates in the held-out source, and
match them. Reports per source and overall:

- candidate recall: curated attestations with an overlapping candidate whose value fits (a
  compatible value, or a compatible part; for curated null or text values overlap suffices);
- match top-1: over curated attestations whose claim is still in the ledger, the share whose best
  overlapping candidate has that claim as its first match. For context, top-n (a candidate that
  states n curated claims, like "disgraceful and fell well below the standards", can only be
  first for one: right if the claim is among its first n matches) and top-3;
- topic top-1: is the first suggested topic the one most of the source's attestations belong to;
- candidates per curated attestation.

    python -m bench.leave_one_out            # with claims.finder.find
    python -m bench.leave_one_out --oracle   # curated attestations as candidates (no finder needed)
    python -m bench.leave_one_out --json     # the figures as JSON
    python -m bench.leave_one_out -v         # also list the misses
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bench.common import Finder, day_of, find_in_source, known_claims, load_seeds, real_finder
from claims.finder import Candidate
from claims.matching import ClaimIndex, Match
from claims.rules.values import Quantity, TextValue, Value
from claims.rules.verdicts import compatible

if TYPE_CHECKING:
    from claims.dataset.records import AttestationRecord, Dataset, SourceRecord

TARGETS = {"recall": 0.9, "top1": 0.85}


@dataclass
class Curated:
    claim: str
    topic: str
    kind: str
    unit: str
    attestation: AttestationRecord
    start: int
    end: int


@dataclass
class SourceResult:
    source: str
    curated: int = 0
    recalled: int = 0
    matchable: int = 0
    top1: int = 0
    top_n: int = 0
    top3: int = 0
    candidates: int = 0
    majority_topic: str = ""
    suggested: list[tuple[str, float]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def topic_ok(self) -> bool:
        return bool(self.suggested) and self.suggested[0][0] == self.majority_topic


def curated_of(dataset: Dataset, source: SourceRecord) -> list[Curated]:
    found = []
    for claim in dataset.claims:
        for a in claim.attestations:
            if a.source != source.slug:
                continue
            start = a.start if a.start is not None else source.text.find(a.quote)
            found.append(
                Curated(
                    claim.slug, claim.topic, claim.kind, claim.unit, a, start, start + len(a.quote)
                )
            )
    return found


# Oracle mode: what a perfect finder would produce, clearly not the real thing.

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.end() if after else len(text))


def oracle_candidates(curated: Sequence[Curated], text: str) -> list[Candidate]:
    """One candidate per distinct (span, value) of the curated attestations: the curated kind,
    value, unit and as-of date, the sentence's words, no subject guess and no parts."""
    candidates: dict[tuple[int, int, str], Candidate] = {}
    for c in curated:
        s_start, s_end = sentence_around(text, c.start, c.end)
        key = (c.start, c.end, repr(c.attestation.value))
        candidates.setdefault(
            key,
            Candidate(
                start=c.start,
                end=c.end,
                quote=c.attestation.quote,
                sentence_start=s_start,
                sentence_end=s_end,
                kind=c.kind,
                value=c.attestation.value,
                unit=c.unit,
                as_of=c.attestation.as_of,
                attributed_to=c.attestation.attributed_to,
                words=tuple(re.findall(r"\w+", text[s_start:s_end].lower())),
            ),
        )
    return list(candidates.values())


# Measures.


def overlap(candidate: Candidate, c: Curated) -> float:
    inter = min(candidate.end, c.end) - max(candidate.start, c.start)
    if inter <= 0:
        return 0.0
    return inter / (max(candidate.end, c.end) - min(candidate.start, c.start))


def fit_level(candidate: Candidate, value: Value | None) -> int:
    """2: the candidate states the curated value (itself, or through a part); 1: the curated
    value is null or a text, which any overlapping candidate may carry; 0: a different value."""
    stated = [candidate.value, *(Quantity(part.number) for part in candidate.parts)]
    if value is not None and any(v is not None and compatible(v, value) for v in stated):
        return 2
    return 1 if value is None or isinstance(value, TextValue) else 0


def best_candidate(candidates: Sequence[Candidate], c: Curated) -> Candidate | None:
    """The overlapping candidate that best states the curated attestation: one stating its
    value first, then the largest overlap (intersection over union of the spans)."""
    overlapping = [x for x in candidates if overlap(x, c) > 0]
    if not overlapping:
        return None
    return max(
        overlapping,
        key=lambda x: (fit_level(x, c.attestation.value), overlap(x, c), -x.start, -x.end),
    )


def evaluate(dataset: Dataset, source: SourceRecord, finder: Finder | None) -> SourceResult:
    result = SourceResult(source.slug)
    curated = curated_of(dataset, source)
    result.curated = len(curated)
    result.majority_topic = Counter(c.topic for c in curated).most_common(1)[0][0]
    ledger = known_claims(dataset, without=source.slug)
    in_ledger = {claim.key for claim in ledger}
    index = ClaimIndex(ledger)
    if finder is None:
        candidates = oracle_candidates(curated, source.text)
    else:
        candidates = find_in_source(finder, source)
    result.candidates = len(candidates)
    result.suggested = index.suggest_topics(candidates, published=day_of(source.published))
    topics = [topic for topic, _ in result.suggested[:1]]
    published = day_of(source.published)
    cache: dict[int, list[Match]] = {}
    chosen_for = [(c, best_candidate(candidates, c)) for c in curated]
    # How many matchable claims each chosen candidate stands for: one candidate may state two.
    claims_of: dict[int, set[str]] = {}
    for c, chosen in chosen_for:
        if chosen is not None and c.claim in in_ledger:
            claims_of.setdefault(id(chosen), set()).add(c.claim)
    for c, chosen in chosen_for:
        if chosen is not None and fit_level(chosen, c.attestation.value) > 0:
            result.recalled += 1
        else:
            result.misses.append(f"not found: {c.claim}: {c.attestation.quote!r}")
        if c.claim not in in_ledger:
            continue
        result.matchable += 1
        if chosen is None:
            continue
        if id(chosen) not in cache:
            cache[id(chosen)] = index.matches(
                chosen, source=source.slug, outlet=source.outlet, published=published, topics=topics
            )
        ranked = [m.claim for m in cache[id(chosen)]]
        result.top1 += ranked[:1] == [c.claim]
        result.top_n += c.claim in ranked[: len(claims_of[id(chosen)])]
        result.top3 += c.claim in ranked[:3]
        if ranked[:1] != [c.claim]:
            first = cache[id(chosen)][0] if ranked else None
            got = f"{first.claim} ({first.score}; {first.explanation})" if first else "nothing"
            rank = ranked.index(c.claim) + 1 if c.claim in ranked else "-"
            result.misses.append(
                f"mismatch: {c.claim} (rank {rank}) for {chosen.quote!r} "
                f"[{chosen.kind} {chosen.value}]: got {got}"
            )
    return result


def share(n: int, total: int) -> float:
    return round(n / total, 3) if total else 0.0


def summary(results: Sequence[SourceResult], mode: str) -> dict[str, object]:
    curated = sum(r.curated for r in results)
    matchable = sum(r.matchable for r in results)
    return {
        "mode": mode,
        "sources": {
            r.source: {
                "curated": r.curated,
                "recall": share(r.recalled, r.curated),
                "matchable": r.matchable,
                "top1": share(r.top1, r.matchable),
                "top_n": share(r.top_n, r.matchable),
                "top3": share(r.top3, r.matchable),
                "topic_ok": r.topic_ok,
                "suggested": r.suggested,
                "majority_topic": r.majority_topic,
                "candidates": r.candidates,
                "candidates_per_attestation": share(r.candidates, r.curated),
            }
            for r in results
        },
        "overall": {
            "curated": curated,
            "recall": share(sum(r.recalled for r in results), curated),
            "matchable": matchable,
            "top1": share(sum(r.top1 for r in results), matchable),
            "top_n": share(sum(r.top_n for r in results), matchable),
            "top3": share(sum(r.top3 for r in results), matchable),
            "topic_top1": f"{sum(r.topic_ok for r in results)}/{len(results)}",
            "candidates_per_attestation": share(sum(r.candidates for r in results), curated),
        },
    }


def print_table(figures: dict[str, object], results: Sequence[SourceResult], verbose: bool) -> None:
    print(f"Leave-one-out over the seed sources — {figures['mode']}")
    header = f"{'source':<24} {'curated':>7} {'recall':>7} {'matchable':>9} {'top-1':>6} "
    print(header + f"{'top-n':>6} {'top-3':>6} {'cands':>6} {'c/att':>6}  topic")
    sources = figures["sources"]
    assert isinstance(sources, dict)
    for r in results:
        f = sources[r.source]
        first = f"{r.suggested[0][0]} ({r.suggested[0][1]})" if r.suggested else "-"
        print(
            f"{r.source:<24} {r.curated:>7} {f['recall']:>7.3f} {r.matchable:>9} "
            f"{f['top1']:>6.3f} {f['top_n']:>6.3f} {f['top3']:>6.3f} {r.candidates:>6} "
            f"{f['candidates_per_attestation']:>6.2f}  {'ok' if r.topic_ok else 'WRONG'}: {first}"
        )
    o = figures["overall"]
    assert isinstance(o, dict)
    print(
        f"{'overall':<24} {o['curated']:>7} {o['recall']:>7.3f} {o['matchable']:>9} "
        f"{o['top1']:>6.3f} {o['top_n']:>6.3f} {o['top3']:>6.3f} {'':>6} "
        f"{o['candidates_per_attestation']:>6.2f}  "
        f"topic {o['topic_top1']}"
    )
    verdicts = [
        f"{name} {'met' if o[name] >= target else 'MISSED'}" for name, target in TARGETS.items()
    ]
    topics_ok = all(r.topic_ok for r in results)
    verdicts.append(f"topic {'met' if topics_ok else 'MISSED'}")
    print(
        f"targets: recall ≥ {TARGETS['recall']}, top-1 ≥ {TARGETS['top1']}, topic 5/5 — "
        + ", ".join(verdicts)
    )
    print(
        "top-n: a candidate that states n of the curated claims counts as right for each of "
        "them that is among its first n matches"
    )
    if verbose:
        for r in results:
            for miss in r.misses:
                print(f"  {r.source}: {miss}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--oracle", action="store_true", help="curated attestations as candidates")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args(argv)
    finder = None if args.oracle else real_finder()
    if finder is None and not args.oracle:
        print("claims.finder.find does not exist yet: running in oracle mode", file=sys.stderr)
    mode = "ORACLE (curated attestations as candidates)" if finder is None else "real finder"
    dataset = load_seeds()
    results = [evaluate(dataset, source, finder) for source in dataset.sources]
    figures = summary(results, mode)
    if args.json:
        print(json.dumps(figures, indent=2, default=str))
    else:
        print_table(figures, results, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
