"""What both benchmarks share: the seed dataset as plain records, KnownClaims built from it, the
BBC live page's entries, and the claim finder when it exists."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from claims.finder import Candidate, Entry
from claims.matching import KnownClaim
from claims.rules.counted import split_qualifiers
from claims.rules.verdicts import Statement
from sources.text.live import split_live_page

if TYPE_CHECKING:
    from claims.dataset.records import Dataset, SourceRecord

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "dataset.json"

Finder = Callable[..., Sequence[Candidate]]


def setup_django() -> None:
    """claims.dataset imports the models (for their choices), so Django must be set up; nothing
    here touches a database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


def load_seeds(path: Path = SEEDS) -> Dataset:
    setup_django()
    from claims.dataset import read_dataset_file

    return read_dataset_file(path)


def day_of(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def known_claims(dataset: Dataset, *, without: str = "") -> list[KnownClaim]:
    """The ledger as KnownClaims, leaving out source ``without``'s attestations (and the claims
    only it attests)."""
    sources = {s.slug: s for s in dataset.sources}
    claims = []
    for record in dataset.claims:
        attestations = [a for a in record.attestations if a.source != without]
        if not attestations:
            continue
        statements = tuple(
            Statement(
                source=a.source,
                outlet=sources[a.source].outlet,
                published=day_of(sources[a.source].published),
                as_of=a.as_of or day_of(sources[a.source].published),
                value=a.value,
            )
            for a in attestations
        )
        claims.append(
            KnownClaim(
                key=record.slug,
                topic=record.topic,
                statement=record.statement,
                kind=record.kind,
                subject=record.subject,
                unit=record.unit,
                changes_over_time=record.changes_over_time,
                statements=statements,
                quotes=tuple(a.quote for a in attestations),
                entity=record.entity,
                predicate=record.predicate,
                qualifiers=split_qualifiers(record.qualifiers),
                event=record.event,
            )
        )
    return claims


def real_finder() -> Finder | None:
    """``claims.finder.find.find_claims``, or None while it does not exist yet."""
    try:
        module = importlib.import_module("claims.finder.find")
    except ModuleNotFoundError:
        return None
    finder: Finder | None = getattr(module, "find_claims", None)
    return finder


def find_in_source(finder: Finder, source: SourceRecord) -> list[Candidate]:
    entries: Iterable[Entry] = ()
    if source.kind == "live_page":
        entries = split_live_page(source.text, published=source.published)
    return list(finder(source.text, published=day_of(source.published), entries=tuple(entries)))
