"""What a dataset says (docs/dataset-format.md), as plain records checked for shape but not
yet against the database, and what an import did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from claims.rules.values import Value

FORMAT = "corroborate-dataset"
VERSION = 1


class DatasetError(Exception):
    """A dataset that cannot be imported; says which file and where."""

    def __init__(self, message: str, *, place: str = "", filename: str = "") -> None:
        super().__init__(message)
        self.message, self.place, self.filename = message, place, filename

    def __str__(self) -> str:
        return ": ".join(part for part in (self.filename, self.place, self.message) if part)


@dataclass
class TopicRecord:
    place: str
    slug: str
    title: str
    description: str


@dataclass
class SourceRecord:
    place: str
    slug: str
    outlet: str
    title: str
    authors: list[str]
    url: str
    published: date | datetime
    updated: date | datetime | None
    kind: str
    language: str
    text: str  # normalised
    copy_of: str = ""  # slug of the original, for a syndicated copy


@dataclass
class ClaimantRecord:
    place: str
    slug: str
    name: str
    names: list[str]  # other names sources use


@dataclass
class AttestationRecord:
    place: str
    source: str
    quote: str
    start: int | None
    end: int | None
    value: Value | None
    as_of: date | None
    attributed_to: str
    claimant: str = ""  # a claimant's slug; "" follows attributed_to


@dataclass
class ClaimRecord:
    place: str
    slug: str
    topic: str
    statement: str
    kind: str
    subject: str
    unit: str
    changes_over_time: bool
    attestations: list[AttestationRecord]
    entity: str = ""
    predicate: str = ""
    qualifiers: str = ""  # comma-separated, as the model stores them
    event: str = ""
    parts: list[str] = field(default_factory=list)  # slugs of the claims this one sums


@dataclass
class Dataset:
    topics: list[TopicRecord] = field(default_factory=list)
    claimants: list[ClaimantRecord] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], kind: str, n: int = 1) -> None:
        if n:
            bucket[kind] = bucket.get(kind, 0) + n

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def __str__(self) -> str:
        parts = [
            f"{verb} {', '.join(f'{n} {kind}' for kind, n in sorted(bucket.items()))}"
            for verb, bucket in (
                ("created", self.created),
                ("updated", self.updated),
                ("deleted", self.deleted),
            )
            if bucket
        ]
        return "; ".join(parts) if parts else "nothing changed"
