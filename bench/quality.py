"""The review workflow on the multi-story corpus (``bench/corpus/``), run as an editor runs it.

Each story is reviewed against a ledger holding the seeds and every *other* story, curated in
full. Its reports are imported in the order they were published. For each report the finder
proposes candidates and the matcher suggests topics and claims; the editor then links the gold
(creating a claim the first time one is stated) and goes on to the next report. Per story, per
split and in total:

- **recall**: gold links with a candidate that states their value;
- **top-1**: of those, the queue's first offer is right: the gold claim shown as *likely* when
  the ledger has it, **new claim** (no likely match) when it does not yet;
- **new-claim false**: the ledger has the claim but the queue offers a new claim first;
- **wrong likely**: another claim is shown as likely first (a false link a busy editor accepts);
- **verdict-if-linked**: where the gold claim is offered, the verdict it announces is the one
  linking the gold value gives;
- **traps likely**: numbers that are not claims (ages, ordinals…) offered with a likely match;
- **topic**: reports whose first topic is right (*new topic* for a story's first report);
- **final verdicts**: gold claims whose verdict, once every gold link is made, is the gold one,
  also counted per gold verdict (how many *differ* claims read differ);
- **who**: found links whose candidate names the gold claimant (or none, for an outlet's own
  figure), as the review queue pre-fills "Who says it";
- **agency credits**: reports the gold credits to AP, Reuters, PA or AFP whose text the app
  reads that credit from (their own statements then count once, as one origin).

Then calibration: the first suggestions grouped by score band, with the share that was right.
The seeds' leave-one-out figures (``bench.leave_one_out``) follow.

    python -m bench.quality                       # every story, then the seeds
    python -m bench.quality --split tuning -v     # list the misses (never on held-out stories)
    python -m bench.quality --story nissan-job-cuts-2025 --json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from bench import leave_one_out
from bench.common import known_claims, load_seeds, real_finder
from bench.stories import PROBE, Link, Report, Story, Trap, load_corpus
from claims.finder import Candidate
from claims.matching import LIKELY, ClaimIndex, KnownClaim, Match
from claims.rules.names import name_key
from claims.rules.values import Quantity, TextValue, Value, value_from_json
from claims.rules.verdicts import Statement, assess, compatible
from sources.text.credits import agency_credit

BANDS = 10


@dataclass
class Tally:
    links: int = 0
    recalled: int = 0
    top1: int = 0
    known: int = 0  # found links whose claim the ledger already has
    known_top1: int = 0
    known_first: int = 0  # the claim comes first, likely or not
    new_claim_false: int = 0
    wrong_likely: int = 0
    verdict_offered: int = 0
    verdict_right: int = 0
    traps: int = 0
    traps_likely: int = 0
    reports: int = 0
    topic_right: int = 0
    claims: int = 0
    final_right: int = 0
    said_by: int = 0  # found links whose claimant the finder reads as the gold's
    credited: int = 0  # reports the gold credits to a news agency
    credit_read: int = 0  # of those, reports whose text gives that credit to the app
    credit_false: int = 0  # reports the gold credits to no agency that the app credits
    # per gold verdict: [claims, right], so "differ" and "updated" can be read on their own
    by_verdict: dict[str, list[int]] = field(default_factory=dict)
    bands: list[list[int]] = field(default_factory=lambda: [[0, 0] for _ in range(BANDS)])
    misses: list[str] = field(default_factory=list)
    # the first suggestions' raw scores, margins and evidence, and whether each was right
    raw: list[tuple[float, float, bool, bool, bool]] = field(default_factory=list)
    topics: list[tuple[float, bool, bool]] = field(default_factory=list)  # best score, right, new

    def add(self, other: Tally) -> None:
        for f in fields(self):
            if f.name == "bands":
                for mine, theirs in zip(self.bands, other.bands, strict=True):
                    mine[0] += theirs[0]
                    mine[1] += theirs[1]
            elif f.name == "by_verdict":
                for verdict, (n, right) in other.by_verdict.items():
                    mine = self.by_verdict.setdefault(verdict, [0, 0])
                    mine[0] += n
                    mine[1] += right
            elif f.name != "misses":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def figures(self) -> dict[str, Any]:
        return {
            "links": self.links,
            "recall": share(self.recalled, self.links),
            "top1": share(self.top1, self.recalled),
            "known_top1": share(self.known_top1, self.known),
            "known_first": share(self.known_first, self.known),
            "new_claim_false": self.new_claim_false,
            "wrong_likely": self.wrong_likely,
            "verdict_if_linked": share(self.verdict_right, self.verdict_offered),
            "traps": self.traps,
            "traps_likely": self.traps_likely,
            "topic": f"{self.topic_right}/{self.reports}",
            "final_verdicts": share(self.final_right, self.claims),
            "claimant_read": share(self.said_by, self.recalled),
            "final_by_verdict": {v: f"{r}/{n}" for v, (n, r) in sorted(self.by_verdict.items())},
        }


def share(n: int, total: int) -> float:
    return round(n / total, 3) if total else 0.0


class Ledger:
    """The claims an editor has curated so far: the seeds, the other stories, and this story's
    claims as their links are made."""

    def __init__(self, base: Base, story: Story) -> None:
        self.base = base
        self.story = story
        self.stated: dict[str, list[tuple[Statement, str]]] = {}
        self.reports: list[Report] = []

    def link(self, link: Link, report: Report) -> None:
        self.stated.setdefault(link.claim, []).append((statement_of(link, report), link.quote))
        if report not in self.reports:
            self.reports.append(report)

    def titles(self) -> dict[str, list[str]]:
        """Each topic's sources' titles: a report's headline is its first line."""
        own = [r.text.split("\n", 1)[0] for r in self.reports]
        return self.base.titles | ({self.story.slug: own} if own else {})

    def known(self) -> list[KnownClaim]:
        return self.base.claims + [
            known_claim(self.story, slug, stated) for slug, stated in self.stated.items()
        ]


def statement_of(link: Link, report: Report) -> Statement:
    as_of = date.fromisoformat(link.as_of) if link.as_of else report.day
    return Statement(
        source=report.slug,
        outlet=report.outlet,
        published=report.day,
        as_of=as_of,
        value=value_from_json(link.value),
        # an agency's story carried by several outlets is one origin, as in the ledger: the
        # credit its text gives, or the one a curator records (our rewrites drop credit lines)
        origin=f"agency:{agency}"
        if (agency := report.credit or agency_credit(report.text))
        else "",
        claimant=link.claimant,
    )


def known_claim(story: Story, slug: str, stated: Sequence[tuple[Statement, str]]) -> KnownClaim:
    gold = story.claim(slug)
    return KnownClaim(
        key=slug,
        topic=story.slug,
        statement=gold.statement,
        kind=gold.kind,
        subject="",
        unit=gold.unit,
        changes_over_time=gold.changes_over_time,
        statements=tuple(s for s, _ in stated),
        quotes=tuple(q for _, q in stated),
        entity=gold.entity,
        predicate=gold.predicate,
        qualifiers=gold.qualifiers,
        event=gold.event,
    )


@dataclass
class Base:
    """What the ledger holds before a story's first report: claims, and each topic's titles."""

    claims: list[KnownClaim]
    titles: dict[str, list[str]]


def seeds_base() -> Base:
    dataset = load_seeds()
    titles: dict[str, list[str]] = {}
    sources = {s.slug: s for s in dataset.sources}
    for claim in dataset.claims:
        for a in claim.attestations:
            topic_titles = titles.setdefault(claim.topic, [])
            if sources[a.source].title not in topic_titles:
                topic_titles.append(sources[a.source].title)
    return Base(known_claims(dataset), titles)


def story_base(story: Story, others: Sequence[Story], seeds: Base) -> Base:
    base = Base(list(seeds.claims), dict(seeds.titles))
    for other in others:
        if other.slug == story.slug:
            continue
        ledger = Ledger(Base([], {}), other)
        for link in other.links:
            ledger.link(link, other.report(link.report))
        base.claims.extend(ledger.known())
        base.titles.update(ledger.titles())
    return base


def overlaps(candidate: Candidate, start: int, end: int) -> bool:
    return candidate.start < end and start < candidate.end


def states(candidate: Candidate, value: Value | None) -> bool:
    """Does the candidate state the gold value, itself or through a part? Any overlapping
    candidate states a gold text or no value."""
    if value is None or isinstance(value, TextValue):
        return True
    stated = [candidate.value, *(Quantity(part.number) for part in candidate.parts)]
    return any(v is not None and compatible(v, value) for v in stated)


def best_candidate(candidates: Sequence[Candidate], link: Link) -> Candidate | None:
    """The candidate that best states a gold link: one overlapping its quote that states its
    value, the tightest first."""
    value = value_from_json(link.value)
    found = [c for c in candidates if overlaps(c, link.start, link.end) and states(c, value)]
    if not found:
        return None
    return min(found, key=lambda c: (abs(c.start - link.start) + abs(c.end - link.end), c.start))


def likely(matches: Sequence[Match]) -> Match | None:
    return matches[0] if matches and matches[0].score >= LIKELY else None


class Queue:
    """One report's review queue: its candidates and their matches, computed once."""

    def __init__(self, index: ClaimIndex, report: Report, story: Story, finder: Any) -> None:
        self.index, self.report, self.topics = index, report, [story.slug]
        self.candidates: list[Candidate] = list(finder(report.text, published=report.day))
        self._matches: dict[int, list[Match]] = {}

    def matches(self, candidate: Candidate) -> list[Match]:
        key = id(candidate)
        if key not in self._matches:
            self._matches[key] = self.index.matches(
                candidate,
                source=self.report.slug,
                outlet=self.report.outlet,
                published=self.report.day,
                topics=self.topics,
            )
        return self._matches[key]


def review_story(story: Story, base: Base, finder: Any) -> Tally:
    tally = Tally()
    ledger = Ledger(base, story)
    for report in story.reports:
        read = agency_credit(report.text)
        tally.credited += bool(report.credit)
        tally.credit_read += bool(report.credit) and read == report.credit
        tally.credit_false += bool(read) and not report.credit
        queue = Queue(
            ClaimIndex(ledger.known(), topic_titles=ledger.titles()), report, story, finder
        )
        review_topic(tally, queue, story.slug if ledger.stated else None)
        links = [link for link in story.links if link.report == report.slug]
        for link in links:
            review_link(tally, ledger, link, queue)
        for trap in (t for t in story.traps if t.report == report.slug):
            review_trap(tally, trap, links, queue)
        for link in links:
            ledger.link(link, report)
    for gold in story.claims:
        tally.claims += 1
        stated = [s for s, _ in ledger.stated.get(gold.slug, [])]
        verdict = assess(stated, changes_over_time=gold.changes_over_time).verdict
        counts = tally.by_verdict.setdefault(gold.verdict, [0, 0])
        counts[0] += 1
        if verdict is not None and verdict.value == gold.verdict:
            tally.final_right += 1
            counts[1] += 1
        else:
            tally.misses.append(f"final verdict of {gold.slug}: {verdict} not {gold.verdict}")
    return tally


def review_topic(tally: Tally, queue: Queue, right: str | None) -> None:
    """``right`` is the story's topic once the ledger has it; None (new topic) before."""
    report = queue.report
    suggested = queue.index.suggest_topics(queue.candidates, published=report.day)
    new = queue.index.is_new_topic(queue.candidates)
    first = suggested[0][0] if suggested and not new else None
    tally.reports += 1
    tally.topics.append(
        (
            suggested[0][1] if suggested else 0.0,
            suggested[0][0] == right if suggested else False,
            right is None,
        )
    )
    if first == right:
        tally.topic_right += 1
    else:
        tally.misses.append(f"{report.slug}: topic {first or 'new topic'} {suggested[:2]}")


def review_trap(tally: Tally, trap: Trap, links: Sequence[Link], queue: Queue) -> None:
    tally.traps += 1
    at = trap.start + trap.quote.index(trap.number)
    end = at + len(trap.number)
    readings = [
        c
        for c in queue.candidates
        if overlaps(c, at, end) and not any(overlaps(c, k.start, k.end) for k in links)
    ]
    offered = [m for c in readings if (m := likely(queue.matches(c)))]
    if offered:
        tally.traps_likely += 1
        tally.misses.append(
            f"{queue.report.slug}: trap {trap.number!r} linked to {offered[0].claim}"
        )


def review_link(tally: Tally, ledger: Ledger, link: Link, queue: Queue) -> None:
    report = queue.report
    tally.links += 1
    candidate = best_candidate(queue.candidates, link)
    if candidate is None:
        tally.misses.append(f"{report.slug}: not found: {link.claim}: {link.quote!r}")
        return
    tally.recalled += 1
    if same_claimant(candidate.attributed_to, link.claimant):
        tally.said_by += 1
    else:
        tally.misses.append(
            f"{report.slug}: who says {link.quote!r}: {candidate.attributed_to or 'the outlet'}"
            f", not {link.claimant or 'the outlet'}"
        )
    matches = queue.matches(candidate)
    # is the first suggestion a claim of this story, rather than another story's?
    own_first = bool(matches) and any(c.slug == matches[0].claim for c in ledger.story.claims)
    offered = likely(matches)
    in_ledger = link.claim in ledger.stated
    right = (offered is not None and offered.claim == link.claim) if in_ledger else offered is None
    tally.top1 += right
    if in_ledger:
        tally.known += 1
        tally.known_top1 += right
        tally.known_first += bool(matches) and matches[0].claim == link.claim
    if matches:
        band = min(int(matches[0].score * BANDS), BANDS - 1)
        tally.bands[band][0] += 1
        tally.bands[band][1] += matches[0].claim == link.claim
        first_right = in_ledger and matches[0].claim == link.claim
        top = matches[0]
        if own_first:
            # another topic's claim is never likely, whatever its score: not what is calibrated
            tally.raw.append((top.raw, top.margin, top.same_value, top.same_thing, first_right))
    if in_ledger and offered is None:
        tally.new_claim_false += 1
    if offered is not None and offered.claim != link.claim:
        tally.wrong_likely += 1
    if not right:
        # another story's claim is not named: listing the held-out stories' claims while
        # tuning on others would show what they hold
        shown = matches[0].claim if own_first else "another story's claim"
        first = f"{shown} {matches[0].score:.2f}" if matches else "nothing"
        want = link.claim if in_ledger else "new claim"
        tally.misses.append(
            f"{report.slug}: {want} for {candidate.quote!r} [{candidate.value}]: got {first}"
        )
    gold_match = next((m for m in matches if m.claim == link.claim), None)
    if gold_match is not None:
        stated = [s for s, _ in ledger.stated.get(link.claim, [])]
        gold = ledger.story.claim(link.claim)
        expected = assess(
            [*stated, statement_of(link, report)], changes_over_time=gold.changes_over_time
        ).verdict
        tally.verdict_offered += 1
        tally.verdict_right += gold_match.verdict_if_linked == expected


_NAME_FILLER = frozenset("the a an of and for in".split())


def same_claimant(found: str, gold: str) -> bool:
    """Does the finder name the gold's claimant: none for none, or a name sharing a word
    ("police" in "Moscow police", "the Odisha government" in "Odisha government")?"""
    if not gold or not found:
        return not gold and not found
    words = [set(name_key(n).split()) - _NAME_FILLER for n in (found, gold)]
    return bool(words[0] & words[1])


def print_table(rows: Sequence[tuple[str, Tally]]) -> None:
    header = (
        f"{'story':<44} {'links':>5} {'recall':>6} {'top-1':>6} {'known':>6} {'first':>6} "
        f"{'new✗':>5} {'wrong':>5} "
        f"{'v-if-l':>6} {'traps':>5} {'trap✗':>5} {'topic':>6} {'final':>6} {'who':>6}"
    )
    print(header)
    for name, t in rows:
        f = t.figures()
        print(
            f"{name:<44} {t.links:>5} {f['recall']:>6.3f} {f['top1']:>6.3f} "
            f"{f['known_top1']:>6.3f} {f['known_first']:>6.3f} "
            f"{t.new_claim_false:>5} {t.wrong_likely:>5} {f['verdict_if_linked']:>6.3f} "
            f"{t.traps:>5} {t.traps_likely:>5} {f['topic']:>6} {f['final_verdicts']:>6.3f} "
            f"{f['claimant_read']:>6.3f}"
        )
    for name, t in rows:
        if name.startswith("all "):
            kinds = ", ".join(f"{v} {c}" for v, c in t.figures()["final_by_verdict"].items())
            print(f"{name}: final verdicts right, by gold verdict: {kinds}")
            print(
                f"{name}: agency credits read {t.credit_read}/{t.credited} credited reports, "
                f"{t.credit_false} uncredited report(s) credited"
            )


def print_calibration(totals: dict[str, Tally]) -> None:
    """Per score band of the first suggestions, the share that was right, per split: within
    ±0.1 of the band's middle when the scores are calibrated."""
    print(f"calibration of first suggestions (likely at ≥ {LIKELY}): suggestions, share right")
    print("  band     " + "".join(f"{name:>20}" for name in totals))
    for band in range(BANDS):
        if not any(t.bands[band][0] for t in totals.values()):
            continue
        cells = []
        for tally in totals.values():
            n, right = tally.bands[band]
            cells.append(f"{n:8} {share(right, n):>10.3f}" if n else " " * 19)
        low = band / BANDS
        print(f"  {low:.1f}–{low + 1 / BANDS:.1f}  " + " ".join(cells))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--split", choices=["tuning", "held-out", "probe"])
    parser.add_argument("--story", help="one story's slug")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-seeds", action="store_true", help="skip the seeds' leave-one-out")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args(argv)
    finder = real_finder()
    assert finder is not None
    seeds = seeds_base()
    corpus = load_corpus()
    # probe stories are reviewed only when asked for, over a ledger that also holds the corpus
    probes = load_corpus(PROBE) if args.split == "probe" else []
    chosen = [
        s
        for s in corpus + probes
        if (args.split is None or s.split == args.split) and args.story in (None, s.slug)
    ]
    rows: list[tuple[str, Tally]] = []
    totals = {"tuning": Tally(), "held-out": Tally(), "probe": Tally()}
    for story in chosen:
        others = corpus + probes if story.split == "probe" else corpus
        tally = review_story(story, story_base(story, others, seeds), finder)
        rows.append((f"{story.slug} ({story.split})", tally))
        totals[story.split].add(tally)
    for name, tally in totals.items():
        if any(s.split == name for s in chosen):
            rows.append((f"all {name}", tally))
    if args.json:
        print(json.dumps({name: t.figures() for name, t in rows}, indent=2))
        return 0
    print_table(rows)
    print_calibration({name: t for name, t in totals.items() if t.links})
    if args.verbose:
        for name, tally in rows:
            for miss in tally.misses:
                print(f"  {name}: {miss}")
    if not args.no_seeds:
        print()
        leave_one_out.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
