"""A synthetic ledger for the scale benchmark, in the dataset format (docs/dataset-format.md).

Deterministic: topic ``t`` is drawn from its own generator seeded with (seed, t), so the ledger
of 1,000 claims is the first 20 topics of the ledger of 100,000. Each topic is a local story of
50 claims told by 17 sources (3–8 KB of news prose around the figures, whose quotes are in the
texts at the offsets given); each claim is stated by 1–8 of them (3.9 on average), with a
verdict in mind: one source (``single``), the same value from several origins (``agree``), a
count rising over later reports (``updated``), a fixed fact stated differently (``differ``),
or one claimant repeated by several outlets (``single``). The import recomputes the verdicts.

A second, small file (the revisions) restates about 5 % of the claims: half with a reworded
statement, half with one more source, a later report, so claims have several history rows.
Topic 0 also gets an unlinked 5 KB article (``SUGGEST_SOURCE``) for the suggest step.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from string import Formatter
from typing import Any

from bench import scale_vocab as vocab

GENERATOR_VERSION = 1  # in the cached file names: a change to the ledger makes new ones
CLAIMS_PER_TOPIC = 50
SOURCES_PER_CLAIM = 0.34  # 34,000 sources for 100,000 claims
ATTESTATIONS = {1: 14, 2: 13, 3: 18, 4: 19, 5: 15, 6: 10, 7: 6, 8: 5}  # weights: mean 3.87
INTENTS = {"agree": 55, "updated": 20, "differ": 15, "one-claimant": 10}  # for 2+ sources
KINDS = {"quantity": 55, "date": 15, "status": 15, "other": 15}
TEXT_CHARS = (3000, 8200)  # a source's length, uniform: 5.6 KB on average
REVISED_SHARE = 0.05
SUGGEST_SOURCE = "scale-suggest-article"
SUGGEST_CHARS = 5000
PROBLEMS = [
    "power cut", "road closure", "delays", "evacuation order", "water shortage", "fire alarm",
    "school closure", "network failure", "flooding of the underpass", "blocked culvert",
    "loss of pressure", "signal failure", "sewage overflow", "gas escape", "roof collapse",
    "phone outage",
]  # fmt: skip


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _weighted(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _day(d: date) -> str:
    return f"{d.day} {vocab.MONTHS[d.month - 1]} {d.year}"


def _number(n: int) -> str:
    return f"{n:,}"


class Prose:
    """Sentences of news prose from the templates; only the slots a template names are drawn."""

    def __init__(self) -> None:
        formatter = Formatter()
        self.templates = [
            (t, sorted({name for _, name, _, _ in formatter.parse(t) if name}))
            for t in vocab.FILLER
        ]

    def sentence(self, rng: random.Random, story: Story) -> str:
        template, slots = rng.choice(self.templates)
        values: dict[str, str] = {}
        for slot in slots:
            if slot == "P":
                values[slot] = story.place
            elif slot == "S":
                values[slot] = rng.choice(story.speakers)
            elif slot == "N":
                values[slot] = _number(rng.randint(2, 400))
            elif slot == "N2":
                values[slot] = str(rng.randint(2, 30))
            elif slot == "D":
                values[slot] = _day(story.start + timedelta(days=rng.randint(-400, 120)))
            elif slot == "W":
                values[slot] = rng.choice(vocab.WEEKDAYS)
            elif slot == "event":
                values[slot] = story.event
            else:
                values[slot] = rng.choice(vocab.WORDS[slot])
        return template.format(**values)


@dataclass
class Story:
    index: int
    slug: str
    place: str
    event: str  # "flooding"
    short: str  # "floods"
    start: date
    speakers: list[str]  # people and bodies quoted in this story


@dataclass
class Said:
    """One attestation being written: the claim's sentence in one source."""

    claim: dict[str, Any]
    quote: str
    value: dict[str, Any] | None
    speaker: str | None
    as_of: date | None


@dataclass
class Block:
    """One topic as generated: private keys (``_day``, ``_spec``…) are not written."""

    story: Story
    topic: dict[str, Any]
    sources: list[dict[str, Any]]
    claims: list[dict[str, Any]]


class LedgerGenerator:
    def __init__(self, seed: int = 13) -> None:
        self.seed = seed
        rng = random.Random(f"{seed}:names")
        outlets = [f"The {h} {t}" for h in vocab.OUTLET_HEADS for t in vocab.OUTLET_TAILS]
        self.outlets = rng.sample(outlets, vocab.OUTLET_COUNT)
        self.places = [h + t for h in vocab.PLACE_HEADS for t in vocab.PLACE_TAILS]
        self.prose = Prose()

    # --- one topic ---

    def story(self, index: int, rng: random.Random) -> Story:
        place = rng.choice(self.places)
        event, short = rng.choice(vocab.EVENTS)
        year = 2019 + index % 7
        start = date(year, rng.randint(1, 12), rng.randint(1, 28))
        people = {
            f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.LAST_NAMES)}" for _ in range(6)
        }
        bodies = [f"{place} {body}" for body in rng.sample(vocab.BODIES, 2)]
        slug = f"{slugify(event)}-{slugify(place)}-{year}-{index}"
        return Story(index, slug, place, event, short, start, sorted(people) + bodies)

    def topic(self, index: int, claims: int) -> Block:
        """The topic, its sources and its claims (attestations included)."""
        rng = random.Random(f"{self.seed}:{index}")
        story = self.story(index, rng)
        since = _day(story.start)
        topic = {
            "slug": story.slug,
            "title": f"{story.event.capitalize()} in {story.place} ({story.start.year})",
            "description": f"Reports on the {story.event} in {story.place} from {since}.",
        }
        source_count = max(8, round(claims * SOURCES_PER_CLAIM))
        offsets = sorted(rng.sample(range(90), source_count))
        sources = [
            self.source_head(story, rng, j, story.start + timedelta(days=d))
            for j, d in enumerate(offsets)
        ]
        said: dict[int, list[Said]] = {j: [] for j in range(source_count)}
        pools = self.claim_pools(story, rng)
        records = []
        for i in range(claims):
            claim, sayings = self.claim(story, rng, i, pools, sources)
            records.append(claim)
            for j, saying in sayings:
                said[j].append(saying)
        for j, source in enumerate(sources):
            source["text"] = self.text(story, rng, said[j], source["slug"])
        return Block(story, topic, sources, records)

    def source_head(
        self, story: Story, rng: random.Random, j: int, published: date
    ) -> dict[str, Any]:
        outlet = rng.choice(self.outlets)
        slug = f"{slugify(outlet.removeprefix('The '))}-{story.index}-{j}"
        moment = published.isoformat()
        if rng.random() < 0.3:  # the time is known: morning to evening, UK time
            moment += f"T{rng.randint(7, 20):02d}:{rng.randint(0, 59):02d}:00+00:00"
        headline = rng.choice(vocab.HEADLINES)
        return {
            "slug": slug,
            "outlet": outlet,
            "title": headline.format(
                P=story.place, event=story.short, Event=story.event.capitalize()
            ),
            "authors": [
                f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.LAST_NAMES)}"
                for _ in range(rng.randint(1, 2))
            ],
            "url": f"https://www.{slugify(outlet)}.example/news/{slug}",
            "published": moment,
            "_day": published,
        }

    def claim_pools(self, story: Story, rng: random.Random) -> dict[str, list[Any]]:
        """Every distinct claim a topic may hold, by kind, shuffled: one of each at most."""
        pools: dict[str, list[Any]] = {
            "quantity": [("counted", pair) for pair in vocab.COUNTED]
            + [("measured", m) for m in vocab.MEASURED],
            "date": [(f, e) for f in vocab.FACILITIES for e in vocab.DATE_EVENTS],
            "status": list(vocab.FACILITIES),
            "other": list(PROBLEMS),
        }
        for pool in pools.values():
            rng.shuffle(pool)
        return pools

    def claim(
        self,
        story: Story,
        rng: random.Random,
        i: int,
        pools: dict[str, list[Any]],
        sources: list[dict[str, Any]],
    ) -> tuple[dict[str, Any], list[tuple[int, Said]]]:
        kind = _weighted(rng, KINDS)
        if not pools[kind]:
            kind = next(k for k, pool in pools.items() if pool)
        spec = pools[kind].pop()
        count = min(_weighted(rng, ATTESTATIONS), len(sources))
        intent = "single" if count == 1 else _weighted(rng, INTENTS)
        if intent == "updated" and kind not in ("quantity", "status"):
            intent = "agree"
        chosen = sorted(rng.sample(range(len(sources)), count))  # sources are in date order
        values = self.values(rng, kind, spec, intent, count)
        speakers: list[str | None]
        if intent == "one-claimant":
            speakers = [rng.choice(story.speakers)] * count
        else:
            names = rng.sample(story.speakers, min(count, len(story.speakers)))
            speakers = [
                names[n] if n < len(names) and rng.random() < 0.5 else None for n in range(count)
            ]
        claim: dict[str, Any] = {"slug": f"{story.slug}-c{i}", "topic": story.slug, "kind": kind}
        claim["changes_over_time"] = intent == "updated" or (
            kind == "status" and intent != "differ"
        )
        sayings: list[tuple[int, Said]] = []
        last_as_of = date.min
        for n, j in enumerate(chosen):
            day = sources[j]["_day"]
            as_of = None
            if intent == "updated" and day - timedelta(days=1) > last_as_of and rng.random() < 0.5:
                as_of = day - timedelta(days=1)  # "by Tuesday": a figure of the day before
            last_as_of = as_of or day
            quote, fields = self.describe(story, kind, spec, values[n])
            sayings.append(
                (j, Said(claim, quote, self.value_json(kind, values[n]), speakers[n], as_of))
            )
            if n == 0:
                claim |= fields
        claim["_intent"], claim["_spec"], claim["_last"] = (
            intent,
            spec,
            values[-1],
        )  # for the revisions (not written)
        claim["attestations"] = []  # filled in as the texts are written
        return claim, sayings

    def values(
        self, rng: random.Random, kind: str, spec: Any, intent: str, count: int
    ) -> list[Any]:
        """The value each of ``count`` sources gives, in date order, for the intended verdict."""
        first: Any
        other: Any
        values: list[Any]
        if kind == "quantity":
            first = rng.choice([rng.randint(2, 60), rng.randint(20, 900), rng.randint(1000, 90000)])
            if intent == "updated":
                values = [first]
                for _ in range(count - 1):
                    values.append(int(values[-1] * rng.uniform(1.2, 1.7)) + 1)
                return values
            if intent == "differ":
                other = int(first * rng.uniform(1.5, 2.5)) + 2
                return [first if n % 2 == 0 else other for n in range(count)]
            return [first] * count
        if kind == "date":
            first = date(2018 + rng.randint(0, 8), rng.randint(1, 12), rng.randint(1, 28))
            if intent == "differ":
                other = first + timedelta(days=rng.randint(40, 300))
                return [first if n % 2 == 0 else other for n in range(count)]
            return [first] * count
        choices = vocab.STATUSES if kind == "status" else vocab.CAUSES
        if intent == "updated":
            values = [rng.choice(choices)]
            for _ in range(count - 1):
                values.append(rng.choice([c for c in choices if c != values[-1]]))
            return values
        if intent == "differ":
            first, other = rng.sample(choices, 2)
            return [first if n % 2 == 0 else other for n in range(count)]
        if kind == "other" and intent in ("single", "agree") and rng.random() < 0.3:
            return [(None, rng.choice(choices))] * count  # the quote says it: no separate value
        return [rng.choice(choices)] * count

    def value_json(self, kind: str, value: Any) -> dict[str, Any] | None:
        if kind == "quantity":
            return {"number": value}
        if kind == "date":
            return {"date": value.isoformat()}
        if isinstance(value, tuple):
            return None
        return {"text": value}

    def describe(
        self, story: Story, kind: str, spec: Any, value: Any
    ) -> tuple[str, dict[str, Any]]:
        """The quote stating ``value``, and the claim's fields (its statement from this value)."""
        where = f"{story.place} {story.short}"
        if kind == "quantity" and spec[0] == "counted":
            entity, predicate = spec[1]
            quote = f"{_number(value)} {entity} were {predicate}"
            return quote, {
                "statement": f"{quote} in the {where}.",
                "subject": f"{entity} {predicate}",
                "entity": entity,
                "predicate": predicate,
            }
        if kind == "quantity":
            subject, unit, phrase = spec[1]
            quote = phrase.format(n=_number(value))
            return quote, {
                "statement": f"In the {where}, {quote}.",
                "subject": subject,
                "unit": unit,
            }
        if kind == "date":
            facility, (words, phrase) = spec
            quote = phrase.format(facility=facility, date=_day(value))
            subject = f"{facility.removeprefix('the ')} {words}"
            return quote, {"statement": f"In the {where}, {quote}.", "subject": subject}
        if kind == "status":
            quote = f"{spec} remained {value}"
            return quote, {
                "statement": f"In the {where}, {quote}.",
                "subject": spec.removeprefix("the "),
            }
        cause = value[1] if isinstance(value, tuple) else value
        quote = f"the {spec} was caused by {cause}"
        return quote, {"statement": f"In the {where}, {quote}.", "subject": f"cause of the {spec}"}

    # --- texts ---

    def text(
        self, story: Story, rng: random.Random, said: list[Said], slug: str, target: int = 0
    ) -> str:
        """Prose around the sentences that carry the quotes, in paragraphs; records where each
        quote starts (the text is already normalised: offsets are the import's)."""
        target = target or rng.randint(*TEXT_CHARS)
        lead = " ".join(self.prose.sentence(rng, story) for _ in range(2))
        body: list[tuple[str, Said | None, int]] = []
        size = len(lead)
        for saying in said:
            before = self.frame(rng, saying)
            follow = "".join(
                f" {self.prose.sentence(rng, story)}" for _ in range(rng.randint(0, 2))
            )
            paragraph = f"{before}{saying.quote}.{follow}"
            body.append((paragraph, saying, len(before)))
            size += 2 + len(paragraph)
        while size < target:
            paragraph = " ".join(self.prose.sentence(rng, story) for _ in range(rng.randint(2, 4)))
            body.append((paragraph, None, 0))
            size += 2 + len(paragraph)
        rng.shuffle(body)  # the figures spread through the story, the lead kept first
        paragraphs, offset = [lead], len(lead)
        for paragraph, carried, at in body:
            offset += 2  # the blank line between paragraphs
            if carried is not None:
                self.attest(carried, slug, offset + at)
            paragraphs.append(paragraph)
            offset += len(paragraph)
        return "\n\n".join(paragraphs)

    def frame(self, rng: random.Random, saying: Said) -> str:
        """The words before a quote: by when, and who says it."""
        by = f"By {_day(saying.as_of)}, " if saying.as_of else ""
        if saying.speaker:
            if rng.random() < 0.5:
                return f"{by}{saying.speaker} said "
            return (
                f"{by}according to {saying.speaker}, " if by else f"According to {saying.speaker}, "
            )
        lead = rng.choice(
            ["Figures show ", "It emerged that ", "Officials confirmed ", "Reports say "]
        )
        return by + lead.lower() if by else lead

    def attest(self, saying: Said, source: str, start: int) -> None:
        attestation: dict[str, Any] = {"source": source, "quote": saying.quote, "start": start}
        attestation["value"] = saying.value
        if saying.as_of:
            attestation["as_of"] = saying.as_of.isoformat()
        if saying.speaker:
            attestation["attributed_to"] = saying.speaker
        saying.claim["attestations"].append(attestation)

    # --- the revisions and the suggest step's article ---

    def revisions(self, block: Block) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """About 5 % of the topic's claims restated: a reworded statement, or one more source
        (a later report: a count that changes over time has risen, anything else is confirmed)."""
        rng = random.Random(f"{self.seed}:{block.story.index}:revisions")
        revised, later = [], []
        for claim in block.claims:
            if rng.random() >= REVISED_SHARE:
                continue
            copy = dict(claim, attestations=list(claim["attestations"]))
            revised.append(copy)
            if rng.random() < 0.5:
                copy["statement"] = claim["statement"].removesuffix(".") + ", later reports said."
                continue
            value = claim["_last"]
            if claim["kind"] == "quantity" and claim["changes_over_time"]:
                value = int(value * rng.uniform(1.1, 1.4)) + 1
            quote, _ = self.describe(block.story, claim["kind"], claim["_spec"], value)
            speaker = rng.choice([None, rng.choice(block.story.speakers)])
            later.append(Said(copy, quote, self.value_json(claim["kind"], value), speaker, None))
        if not later:
            return [], revised
        day = block.sources[-1]["_day"] + timedelta(days=rng.randint(3, 20))
        source = self.source_head(block.story, rng, len(block.sources), day)
        source["slug"] += "-later"
        source["text"] = self.text(block.story, rng, later, source["slug"])
        return [source], revised

    def suggest_article(self, block: Block) -> dict[str, Any]:
        """A 5 KB report on topic 0 that no claim cites: a dozen of its figures, some changed."""
        rng = random.Random(f"{self.seed}:suggest")
        sayings = []
        for claim in rng.sample(block.claims, min(12, len(block.claims))):
            value = claim["_last"]
            if claim["kind"] == "quantity" and rng.random() < 0.5:
                value = int(value * 1.25) + 1
            quote, _ = self.describe(block.story, claim["kind"], claim["_spec"], value)
            unlinked: dict[str, Any] = {"attestations": []}  # suggest is to find these
            sayings.append(
                Said(unlinked, quote, None, rng.choice([None, *block.story.speakers]), None)
            )
        day = block.sources[-1]["_day"] + timedelta(days=30)
        source = self.source_head(block.story, rng, 0, day)
        source["slug"] = SUGGEST_SOURCE
        source["text"] = self.text(block.story, rng, sayings, SUGGEST_SOURCE, SUGGEST_CHARS)
        return source
