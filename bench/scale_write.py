"""Writing the synthetic ledger (bench.scale_generate) to dataset files, a topic at a time:
the ledger, and its revisions beside it (``ledger-revisions.json``)."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.scale_generate import CLAIMS_PER_TOPIC, LedgerGenerator

FORMAT, VERSION = "corroborate-dataset", 1  # docs/dataset-format.md


@dataclass
class Summary:
    """What was written, for the command's output and the tests."""

    topics: int = 0
    sources: int = 0
    claims: int = 0
    attestations: int = 0
    text_bytes: int = 0
    intents: Counter[str] = field(default_factory=Counter)
    revised_claims: int = 0
    revision_sources: int = 0

    def __str__(self) -> str:
        mix = ", ".join(f"{name} {n}" for name, n in sorted(self.intents.items()))
        return (
            f"{self.topics} topics, {self.claims} claims, {self.sources} sources "
            f"({self.text_bytes / 1e6:.1f} MB of text), {self.attestations} attestations "
            f"({self.attestations / max(self.claims, 1):.2f} a claim); intended verdicts: {mix}; "
            f"revisions: {self.revised_claims} claims, {self.revision_sources} new sources"
        )


def revisions_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-revisions{path.suffix}")


class _JsonList:
    """Items written one at a time as a JSON list's elements, without their private keys."""

    def __init__(self, out: Any) -> None:
        self.out, self.count = out, 0

    def write(self, item: dict[str, Any]) -> None:
        public = {key: value for key, value in item.items() if not key.startswith("_")}
        self.out.write((",\n" if self.count else "\n") + json.dumps(public))
        self.count += 1


HEADER = f'{{"format": "{FORMAT}", "version": {VERSION}, '


def generate(claims: int, out: Path, *, seed: int = 13) -> Summary:
    """Write the ledger of ``claims`` claims to ``out`` and its revisions beside it, a topic at
    a time (memory stays flat); the sources go first, the claims are spooled to a temporary
    file and appended."""
    generator = LedgerGenerator(seed)
    summary = Summary()
    out.parent.mkdir(parents=True, exist_ok=True)
    topics = []
    with (
        out.open("w", encoding="utf-8") as main,
        revisions_path(out).open("w", encoding="utf-8") as later,
        tempfile.TemporaryFile("w+", encoding="utf-8") as spool,
        tempfile.TemporaryFile("w+", encoding="utf-8") as later_spool,
    ):
        main.write(HEADER + '"sources": [')
        later.write(HEADER + '"sources": [')
        sources, claim_list = _JsonList(main), _JsonList(spool)
        later_sources, later_claims = _JsonList(later), _JsonList(later_spool)
        for index in range(-(-claims // CLAIMS_PER_TOPIC)):
            block = generator.topic(index, min(CLAIMS_PER_TOPIC, claims - index * CLAIMS_PER_TOPIC))
            topics.append(block.topic)
            extra = [generator.suggest_article(block)] if index == 0 else []
            for source in block.sources + extra:
                sources.write(source)
                summary.text_bytes += len(source["text"].encode())
            for claim in block.claims:
                claim_list.write(claim)
                summary.attestations += len(claim["attestations"])
                summary.intents[claim["_intent"]] += 1
            new_sources, revised = generator.revisions(block)
            for source in new_sources:
                later_sources.write(source)
            for claim in revised:
                later_claims.write(claim)
            summary.revision_sources += len(new_sources)
            summary.revised_claims += len(revised)
        summary.topics, summary.sources, summary.claims = len(topics), sources.count, claims
        for handle, part in ((main, spool), (later, later_spool)):
            handle.write('],\n"claims": [')
            part.seek(0)
            shutil.copyfileobj(part, handle)
        main.write('],\n"topics": ' + json.dumps(topics) + "}\n")
        later.write("]}\n")
    return summary
