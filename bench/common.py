"""What both benchmarks share: the seed dataset as plain records, KnownClaims built from it, the
BBC live page's entries, and the claim finder when it exists."""

from __future__ import annotations

import calendar
import importlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from claims.finder import Candidate, Entry
from claims.matching import KnownClaim
from claims.verdicts import Statement

if TYPE_CHECKING:
    from claims.dataset import Dataset, SourceRecord

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
            )
        )
    return claims


_ENTRY = re.compile(
    r"^\d+\. (?P<title>.*?)published at (?P<hour>\d{1,2}):(?P<minute>\d\d) BST "
    r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)$",
    re.MULTILINE,
)
_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_BST = timezone(timedelta(hours=1))


def live_entries(text: str, year: int) -> list[Entry]:
    """A live page's entries, from its "N. Title published at HH:MM BST D Month" lines: each
    runs to the next entry's line (or the end of the text)."""
    heads = list(_ENTRY.finditer(text))
    entries = []
    for head, following in zip(heads, [*heads[1:], None], strict=True):
        published_at = datetime(
            year,
            _MONTHS[head["month"]],
            int(head["day"]),
            int(head["hour"]),
            int(head["minute"]),
            tzinfo=_BST,
        )
        end = following.start() if following else len(text)
        entries.append(Entry(head.start(), end, published_at, head["title"].strip()))
    return entries


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
        entries = live_entries(source.text, day_of(source.published).year)
    return list(finder(source.text, published=day_of(source.published), entries=tuple(entries)))
