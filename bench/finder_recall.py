"""How well the finder finds the seed corpus's curated claims.

    .venv/bin/python -m bench.finder_recall [--verbose] [--dataset seeds/dataset.json]

For each source of the dataset the finder runs on its normalised text (a live page with its
entries, from ``split_live_page``). A curated attestation is *recalled* when a candidate overlaps
its quote and the candidate's value is compatible with the curated one
(``claims.rules.verdicts.compatible``); a composite count's parts count as values too ("nine
constables and two sergeants" states 11, 9 and 2). A curated value that is null or a text is
recalled by overlap alone. "Strict" recall does not look at parts. Noise is measured as
candidates per curated attestation. No Django: json, the finder and the pure value code only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from claims.finder import Candidate, Entry, find_claims
from claims.rules.values import Quantity, TextValue, Value, describe, value_from_json
from claims.rules.verdicts import compatible
from sources.text.live import split_live_page
from sources.text.normalise import normalise_text

DEFAULT_DATASET = Path(__file__).resolve().parents[1] / "seeds" / "dataset.json"


@dataclass(frozen=True)
class Attestation:
    claim: str
    kind: str
    start: int
    end: int
    quote: str
    value: Value | None


@dataclass
class SourceResult:
    slug: str
    attestations: list[Attestation]
    candidates: list[Candidate]
    recalled: list[Attestation] = field(default_factory=list)
    strict: list[Attestation] = field(default_factory=list)
    missed: list[tuple[Attestation, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def recall(self) -> float:
        return len(self.recalled) / len(self.attestations) if self.attestations else 1.0


def load(dataset: Path) -> tuple[list[dict[str, Any]], dict[str, list[Attestation]]]:
    data = json.loads(dataset.read_text(encoding="utf-8"))
    sources = data.get("sources", [])
    texts = {s["slug"]: _text(dataset.parent, s) for s in sources}
    attestations: dict[str, list[Attestation]] = {s["slug"]: [] for s in sources}
    for claim in data.get("claims", []):
        for item in claim.get("attestations", []):
            text = texts[item["source"]]
            start = item.get("start")
            if start is None:
                start = text.index(item["quote"])
            attestations[item["source"]].append(
                Attestation(
                    claim["slug"],
                    claim["kind"],
                    start,
                    start + len(item["quote"]),
                    item["quote"],
                    value_from_json(item.get("value")),
                )
            )
    for source in sources:
        source["text"] = texts[source["slug"]]
    return sources, attestations


def _text(folder: Path, source: dict[str, Any]) -> str:
    raw = source.get("text")
    if raw is None:
        raw = (folder / source["text_file"]).read_text(encoding="utf-8")
    return normalise_text(raw)


def published_of(source: dict[str, Any]) -> date | datetime:
    raw = source["published"]
    return datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)


def evaluate_source(source: dict[str, Any], attestations: list[Attestation]) -> SourceResult:
    text = source["text"]
    published = published_of(source)
    entries: Sequence[Entry] = ()
    if source.get("kind") == "live_page":
        entries = split_live_page(text, published=published)
    began = time.perf_counter()
    candidates = find_claims(text, published=published, entries=entries)
    result = SourceResult(source["slug"], attestations, candidates)
    result.seconds = time.perf_counter() - began
    for attestation in attestations:
        overlapping = [
            c for c in candidates if c.start < attestation.end and attestation.start < c.end
        ]
        if any(_fits(attestation.value, c, parts=True) for c in overlapping):
            result.recalled.append(attestation)
            if any(_fits(attestation.value, c, parts=False) for c in overlapping):
                result.strict.append(attestation)
        elif overlapping:
            found = ", ".join(f"{c.kind} {describe(c.value)}" for c in overlapping)
            result.missed.append((attestation, f"overlapping candidates disagree: {found}"))
        else:
            result.missed.append((attestation, "no candidate overlaps"))
    return result


def _fits(curated: Value | None, candidate: Candidate, *, parts: bool) -> bool:
    if curated is None or isinstance(curated, TextValue):
        return True
    values: list[Value | None] = [candidate.value]
    if parts:
        values.extend(Quantity(part.number) for part in candidate.parts)
    return any(value is not None and compatible(curated, value) for value in values)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every candidate")
    args = parser.parse_args(argv)
    sources, attestations = load(args.dataset)
    results = [evaluate_source(s, attestations[s["slug"]]) for s in sources]
    print(
        f"{'source':<26} {'curated':>7} {'recalled':>8} {'recall':>7} {'strict':>7} "
        f"{'cands':>6} {'per att':>7} {'ms':>6}"
    )
    for r in results:
        n = len(r.attestations)
        print(
            f"{r.slug:<26} {n:>7} {len(r.recalled):>8} {r.recall:>7.3f} "
            f"{len(r.strict) / n if n else 1:>7.3f} {len(r.candidates):>6} "
            f"{len(r.candidates) / n if n else 0:>7.2f} {r.seconds * 1000:>6.0f}"
        )
    total = sum(len(r.attestations) for r in results)
    recalled = sum(len(r.recalled) for r in results)
    strict = sum(len(r.strict) for r in results)
    candidates = sum(len(r.candidates) for r in results)
    print(
        f"{'overall':<26} {total:>7} {recalled:>8} {recalled / total:>7.3f} "
        f"{strict / total:>7.3f} {candidates:>6} {candidates / total:>7.2f}"
    )
    for r in results:
        for attestation, why in r.missed:
            print(
                f"missed {r.slug} {attestation.claim} @{attestation.start} "
                f"{attestation.quote[:70]!r}: {why}"
            )
    if args.verbose:
        for r in results:
            print(f"\n== {r.slug}")
            for c in r.candidates:
                extra = " ".join(
                    f"{k}={v!r}"
                    for k, v in (
                        ("subject", c.subject),
                        ("unit", c.unit),
                        ("by", c.attributed_to),
                        ("as_of", c.as_of.isoformat() if c.as_of else ""),
                    )
                    if v
                )
                parts = f" parts={[(str(p.number), p.label) for p in c.parts]}" if c.parts else ""
                print(
                    f"  {c.start:>6} {c.kind:<8} {describe(c.value):<22} {c.quote[:80]!r} "
                    f"{extra}{parts}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
