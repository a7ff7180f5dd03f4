"""Import and export of the dataset format (docs/dataset-format.md).

An import is read and checked in full, then written in one transaction: any error names the
file and the place (``claims[3] ("slug").attestations[1].quote``) and nothing is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import dateparse, timezone

from claims.models import Attestation, Claim, Topic, value_shape_error
from claims.quotes import Span, context, exact_occurrences
from claims.values import InvalidValue, Value, value_from_json, value_to_json
from sources.ingest.similarity import compact, fingerprint
from sources.ingest.text import content_hash, normalise_text
from sources.models import Outlet, Source

FORMAT = "corroborate-dataset"
VERSION = 1
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DatasetError(Exception):
    """A dataset that cannot be imported; says which file and where."""

    def __init__(self, message: str, *, place: str = "", filename: str = "") -> None:
        super().__init__(message)
        self.message, self.place, self.filename = message, place, filename

    def __str__(self) -> str:
        return ": ".join(part for part in (self.filename, self.place, self.message) if part)


# Plain records: what a dataset says, checked for shape but not yet against the database.


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
class AttestationRecord:
    place: str
    source: str
    quote: str
    start: int | None
    end: int | None
    value: Value | None
    as_of: date | None
    attributed_to: str


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
    parts: list[str] = field(default_factory=list)  # slugs of the claims this one sums


@dataclass
class Dataset:
    topics: list[TopicRecord] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], kind: str) -> None:
        bucket[kind] = bucket.get(kind, 0) + 1

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


# Reading: JSON → records.


def read_dataset_file(path: Path) -> Dataset:
    """Parse and check a dataset file; raises ``DatasetError`` naming the file and place."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DatasetError(f"cannot read the file: {error}", filename=str(path)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise DatasetError(
            error.msg, place=f"line {error.lineno}, column {error.colno}", filename=str(path)
        ) from None
    try:
        return parse_dataset(data, base_dir=path.parent)
    except DatasetError as error:
        error.filename = str(path)
        raise


def parse_dataset(data: Any, *, base_dir: Path | None = None) -> Dataset:
    """Check a decoded dataset and turn it into records. ``base_dir`` resolves ``text_file``."""
    reader = _Reader(base_dir)
    obj = reader.object(data, "", {"format", "version", "topics", "sources", "claims"})
    if "format" in obj and obj["format"] != FORMAT:
        raise DatasetError(f"format must be {FORMAT!r}", place="format")
    if "version" in obj and obj["version"] != VERSION:
        raise DatasetError(
            f"version {obj['version']!r} is not supported (only {VERSION})", place="version"
        )
    dataset = Dataset(
        topics=[reader.topic(item, place) for item, place in reader.items(obj, "topics")],
        sources=[reader.source(item, place) for item, place in reader.items(obj, "sources")],
        claims=[reader.claim(item, place) for item, place in reader.items(obj, "claims")],
    )
    for section in ("topics", "sources", "claims"):
        seen: set[str] = set()
        for record in getattr(dataset, section):
            if record.slug in seen:
                raise DatasetError(f"slug {record.slug!r} is used twice", place=record.place)
            seen.add(record.slug)
    return dataset


class _Reader:
    def __init__(self, base_dir: Path | None) -> None:
        self.base_dir = base_dir

    def object(self, value: Any, place: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise DatasetError("must be a JSON object", place=place or "top level")
        if extra := sorted(value.keys() - allowed):
            raise DatasetError(f"unexpected key {extra[0]!r}", place=place or "top level")
        return value

    def items(self, obj: dict[str, Any], key: str, prefix: str = "") -> Iterable[tuple[Any, str]]:
        items = obj.get(key, [])
        if not isinstance(items, list):
            raise DatasetError("must be a list", place=f"{prefix}{key}")
        for index, item in enumerate(items):
            slug = item.get("slug") if isinstance(item, dict) else None
            label = f' ("{slug}")' if isinstance(slug, str) else ""
            yield item, f"{prefix}{key}[{index}]{label}"

    def string(self, obj: dict[str, Any], key: str, place: str, *, required: bool = True) -> str:
        if key not in obj:
            if required:
                raise DatasetError(f'"{key}" is required', place=place)
            return ""
        value = obj[key]
        if not isinstance(value, str) or (required and not value.strip()):
            raise DatasetError(
                "must be a non-empty string" if required else "must be a string",
                place=f"{place}.{key}",
            )
        return value.strip()

    def slug(self, obj: dict[str, Any], key: str, place: str) -> str:
        value = self.string(obj, key, place)
        if not _SLUG.match(value):
            raise DatasetError(
                f"{value!r} is not a slug (lower-case letters, digits and hyphens)",
                place=f"{place}.{key}",
            )
        return value

    def moment(
        self, obj: dict[str, Any], key: str, place: str, *, required: bool
    ) -> date | datetime | None:
        value = obj.get(key)
        if value is None:
            if required:
                raise DatasetError(f'"{key}" is required', place=place)
            return None
        where = f"{place}.{key}"
        if not isinstance(value, str):
            raise DatasetError("must be a date or datetime string", place=where)
        try:
            if "T" in value:
                moment = dateparse.parse_datetime(value)
                if moment is not None and timezone.is_naive(moment):
                    moment = timezone.make_aware(moment)
            else:
                moment = dateparse.parse_date(value)
        except ValueError:
            raise DatasetError(f"{value!r} is not a valid date", place=where) from None
        if moment is None:
            raise DatasetError(
                f"{value!r} is not a date (YYYY-MM-DD) or datetime (ISO 8601)", place=where
            )
        return moment

    def optional_slug(self, obj: dict[str, Any], key: str, place: str) -> str:
        return "" if obj.get(key) is None else self.slug(obj, key, place)

    def date(self, obj: dict[str, Any], key: str, place: str) -> date | None:
        moment = self.moment(obj, key, place, required=False)
        if isinstance(moment, datetime):
            raise DatasetError(
                "must be a date (YYYY-MM-DD), not a datetime", place=f"{place}.{key}"
            )
        return moment

    def topic(self, item: Any, place: str) -> TopicRecord:
        obj = self.object(item, place, {"slug", "title", "description"})
        return TopicRecord(
            place=place,
            slug=self.slug(obj, "slug", place),
            title=self.string(obj, "title", place),
            description=self.string(obj, "description", place, required=False),
        )

    def source(self, item: Any, place: str) -> SourceRecord:
        keys = {"slug", "outlet", "title", "authors", "url", "published", "updated", "kind"}
        obj = self.object(item, place, keys | {"language", "text", "text_file", "copy_of"})
        authors = obj.get("authors", [])
        if not isinstance(authors, list) or not all(
            isinstance(a, str) and a.strip() for a in authors
        ):
            raise DatasetError("must be a list of names", place=f"{place}.authors")
        url = self.string(obj, "url", place, required=False)
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                raise DatasetError(f"{url!r} is not an http(s) URL", place=f"{place}.url") from None
        kind = obj.get("kind", Source.Kind.ARTICLE)
        if kind not in Source.Kind.values:
            raise DatasetError(
                f"must be one of {', '.join(Source.Kind.values)}", place=f"{place}.kind"
            )
        published = self.moment(obj, "published", place, required=True)
        assert published is not None
        return SourceRecord(
            place=place,
            slug=self.slug(obj, "slug", place),
            outlet=self.string(obj, "outlet", place),
            title=self.string(obj, "title", place),
            authors=[a.strip() for a in authors],
            url=url,
            published=published,
            updated=self.moment(obj, "updated", place, required=False),
            kind=kind,
            language=self.string(obj, "language", place, required=False) or "en",
            text=self.text(obj, place),
            copy_of=self.optional_slug(obj, "copy_of", place),
        )

    def text(self, obj: dict[str, Any], place: str) -> str:
        if ("text" in obj) == ("text_file" in obj):
            raise DatasetError('needs exactly one of "text" and "text_file"', place=place)
        if "text" in obj:
            raw = self.string(obj, "text", place)
        else:
            raw = self.read_text_file(self.string(obj, "text_file", place), f"{place}.text_file")
        text = normalise_text(raw)
        if not text:
            raise DatasetError("the text is empty", place=place)
        return text

    def read_text_file(self, name: str, place: str) -> str:
        if self.base_dir is None:
            raise DatasetError("text_file needs the dataset to be read from a file", place=place)
        base = self.base_dir.resolve()
        path = (base / name).resolve()
        if not path.is_relative_to(base):
            raise DatasetError(f"{name!r} is outside the dataset's folder", place=place)
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise DatasetError(f"cannot read {name!r}: {error}", place=place) from None

    def claim(self, item: Any, place: str) -> ClaimRecord:
        keys = {"slug", "topic", "statement", "kind", "subject", "unit", "changes_over_time"}
        obj = self.object(item, place, keys | {"verdict", "explanation", "attestations", "parts"})
        kind = self.string(obj, "kind", place)
        if kind not in Claim.Kind.values:
            raise DatasetError(
                f"must be one of {', '.join(Claim.Kind.values)}", place=f"{place}.kind"
            )
        changes = obj.get("changes_over_time", False)
        if not isinstance(changes, bool):
            raise DatasetError("must be true or false", place=f"{place}.changes_over_time")
        parts = obj.get("parts", [])
        if not isinstance(parts, list) or not all(isinstance(p, str) for p in parts):
            raise DatasetError("must be a list of claim slugs", place=f"{place}.parts")
        return ClaimRecord(
            place=place,
            slug=self.slug(obj, "slug", place),
            topic=self.slug(obj, "topic", place),
            statement=self.string(obj, "statement", place),
            kind=kind,
            subject=self.string(obj, "subject", place, required=False),
            unit=self.string(obj, "unit", place, required=False),
            changes_over_time=changes,
            attestations=[
                self.attestation(a, p, kind)
                for a, p in self.items(obj, "attestations", prefix=f"{place}.")
            ],
            parts=parts,
        )

    def attestation(self, item: Any, place: str, kind: str) -> AttestationRecord:
        keys = {"source", "quote", "start", "end", "value", "as_of", "attributed_to"}
        obj = self.object(item, place, keys)
        if "quote" not in obj or not isinstance(obj["quote"], str) or not obj["quote"]:
            raise DatasetError("must be a non-empty string", place=f"{place}.quote")
        offsets = {}
        for key in ("start", "end"):
            value = obj.get(key)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < 0
            ):
                raise DatasetError("must be a whole number, 0 or more", place=f"{place}.{key}")
            offsets[key] = value
        try:
            value = value_from_json(obj.get("value"))
        except InvalidValue as error:
            raise DatasetError(str(error), place=f"{place}.value") from None
        if problem := value_shape_error(kind, value):
            raise DatasetError(problem, place=f"{place}.value")
        return AttestationRecord(
            place=place,
            source=self.slug(obj, "source", place),
            quote=obj["quote"],
            start=offsets["start"],
            end=offsets["end"],
            value=value,
            as_of=self.date(obj, "as_of", place),
            attributed_to=self.string(obj, "attributed_to", place, required=False),
        )


# Writing: records → database, all or nothing.


def import_dataset_file(path: Path) -> ImportSummary:
    dataset = read_dataset_file(path)
    try:
        return import_dataset(dataset)
    except DatasetError as error:
        error.filename = str(path)
        raise


@transaction.atomic
def import_dataset(dataset: Dataset) -> ImportSummary:
    """Write ``dataset``: rows matched by slug are updated, new ones created; idempotent."""
    writer = _Writer()
    topics = {record.slug: writer.topic(record) for record in dataset.topics}
    sources = {record.slug: writer.source(record) for record in dataset.sources}
    touched: list[Claim] = []
    for record in dataset.claims:
        topic = topics.get(record.topic) or Topic.objects.filter(slug=record.topic).first()
        if topic is None:
            raise DatasetError(f"unknown topic {record.topic!r}", place=f"{record.place}.topic")
        claim = writer.claim(record, topic)
        writer.attestations(claim, record.attestations, sources)
        touched.append(claim)
    writer.copies(dataset.sources, sources)
    writer.parts(dataset.claims, {claim.slug: claim for claim in touched})
    writer.check_retexted_sources()
    for claim in _claims_to_refresh(touched, writer.redated_sources):
        claim.refresh_verdict()
    return writer.summary


def _claims_to_refresh(touched: list[Claim], redated: list[Source]) -> list[Claim]:
    claims = {claim.pk: claim for claim in touched}
    for claim in Claim.objects.filter(attestations__source__in=redated).distinct():
        claims.setdefault(claim.pk, claim)
    return list(claims.values())


class _Writer:
    def __init__(self) -> None:
        self.summary = ImportSummary()
        self.redated_sources: list[Source] = []
        self.retexted_sources: list[tuple[Source, str]] = []

    def save(self, obj: Any, fields: dict[str, Any], kind: str) -> bool:
        """Set ``fields`` on ``obj`` and save it if anything changed; count what happened."""
        is_new = obj.pk is None
        changed = [name for name, value in fields.items() if is_new or getattr(obj, name) != value]
        for name in changed:
            setattr(obj, name, fields[name])
        if is_new:
            obj.save()
            self.summary.count(self.summary.created, kind)
        elif changed:
            obj.save()
            self.summary.count(self.summary.updated, kind)
        return bool(changed)

    def topic(self, record: TopicRecord) -> Topic:
        topic = Topic.objects.filter(slug=record.slug).first() or Topic(slug=record.slug)
        self.save(topic, {"title": record.title, "description": record.description}, "topics")
        return topic

    def source(self, record: SourceRecord) -> Source:
        source = Source.objects.filter(slug=record.slug).first() or Source(slug=record.slug)
        digest = content_hash(record.text)
        twin = Source.objects.filter(content_hash=digest).exclude(slug=record.slug).first()
        if twin:
            raise DatasetError(f'has the same text as source "{twin.slug}"', place=record.place)
        probe = Source()
        probe.set_published(record.published)
        probe.set_updated(record.updated)
        old_date, old_text = source.published_on, source.text
        fields = {
            "outlet": Outlet.for_name(record.outlet),
            "title": record.title,
            "authors": record.authors,
            "url": record.url,
            "kind": record.kind,
            "language": record.language,
            "published_on": probe.published_on,
            "published_at": probe.published_at,
            "updated_on": probe.updated_on,
            "updated_at": probe.updated_at,
            "text": record.text,
            "content_hash": digest,
            "sketch": compact(fingerprint(record.text)),
        }
        existed = source.pk is not None
        self.save(source, fields, "sources")
        if existed and old_date != source.published_on:
            self.redated_sources.append(source)
        if existed and old_text != source.text:
            self.retexted_sources.append((source, record.place))
        return source

    def claim(self, record: ClaimRecord, topic: Topic) -> Claim:
        claim = Claim.objects.filter(slug=record.slug).first() or Claim(slug=record.slug)
        fields = {
            "topic": topic,
            "statement": record.statement,
            "kind": record.kind,
            "subject": record.subject,
            "unit": record.unit,
            "changes_over_time": record.changes_over_time,
        }
        self.save(claim, fields, "claims")
        return claim

    def attestations(
        self, claim: Claim, records: list[AttestationRecord], sources: dict[str, Source]
    ) -> None:
        """Make the claim's attestations exactly ``records``."""
        existing = {
            (a.source_id, a.start, a.end): a for a in claim.attestations.select_related("source")
        }
        wanted: set[tuple[int, int, int]] = set()
        for record in records:
            source = sources.get(record.source) or Source.objects.filter(slug=record.source).first()
            if source is None:
                raise DatasetError(
                    f"unknown source {record.source!r}", place=f"{record.place}.source"
                )
            span = _place_quote(source, record)
            key = (source.pk, span.start, span.end)
            if key in wanted:
                raise DatasetError("this attestation is listed twice", place=record.place)
            wanted.add(key)
            attestation = existing.get(key) or Attestation(claim=claim, source=source)
            before, after = context(source.text, span)
            fields = {
                "quote": record.quote,
                "start": span.start,
                "end": span.end,
                "context_before": before,
                "context_after": after,
                "as_of": record.as_of,
                "attributed_to": record.attributed_to,
                **Attestation.value_fields(record.value),
            }
            self.save(attestation, fields, "attestations")
        for key, attestation in existing.items():
            if key not in wanted:
                attestation.delete()
                self.summary.count(self.summary.deleted, "attestations")

    def copies(self, records: list[SourceRecord], sources: dict[str, Source]) -> None:
        """Link syndicated copies to their originals, once every source is written."""
        for record in records:
            source = sources[record.slug]
            original = None
            if record.copy_of:
                original = (
                    sources.get(record.copy_of)
                    or Source.objects.filter(slug=record.copy_of).first()
                )
                if original is None or original == source:
                    problem = "is the source itself" if original else "is not a known source"
                    raise DatasetError(
                        f"{record.copy_of!r} {problem}", place=f"{record.place}.copy_of"
                    )
                original = original.copy_of or original  # always point at the first original
            if source.copy_of_id != (original.pk if original else None):
                source.copy_of = original
                source.save(update_fields=["copy_of"])
                self.redated_sources.append(source)  # its claims' verdicts may change
                self.summary.count(self.summary.updated, "sources")

    def parts(self, records: list[ClaimRecord], claims: dict[str, Claim]) -> None:
        """Declare composite claims' parts, once every claim is written."""
        for record in records:
            claim = claims[record.slug]
            wanted = []
            for index, slug in enumerate(record.parts):
                part = claims.get(slug) or Claim.objects.filter(slug=slug).first()
                place = f"{record.place}.parts[{index}]"
                if part is None:
                    raise DatasetError(f"unknown claim {slug!r}", place=place)
                if part == claim:
                    raise DatasetError("a claim cannot be a part of itself", place=place)
                wanted.append(part)
            if {p.pk for p in claim.parts.all()} != {p.pk for p in wanted}:
                claim.parts.set(wanted)
                self.summary.count(self.summary.updated, "claims")

    def check_retexted_sources(self) -> None:
        """A source whose text changed must still hold every quote attested in it."""
        for source, place in self.retexted_sources:
            for attestation in source.attestations.select_related("claim"):
                attestation.source = source
                if problem := attestation.quote_error():
                    claim = attestation.claim.slug
                    raise DatasetError(
                        f'the new text breaks the quote of claim "{claim}": {problem}',
                        place=f"{place}.text",
                    )


def _place_quote(source: Source, record: AttestationRecord) -> Span:
    text, quote = source.text, record.quote
    where = f"{record.place}.quote"
    if record.start is None:
        found = exact_occurrences(text, quote)
        if not found:
            raise DatasetError(f'not found in source "{source.slug}"', place=where)
        if len(found) > 1:
            offsets = ", ".join(map(str, found))
            raise DatasetError(
                f'occurs {len(found)} times in source "{source.slug}" (at {offsets}); give "start"',
                place=where,
            )
        start = found[0]
    else:
        start = record.start
        if text[start : start + len(quote)] != quote:
            at = text.find(quote)
            hint = (
                f"; it occurs at {at}"
                if at >= 0
                else f'; it is not in source "{source.slug}" at all'
            )
            raise DatasetError(f"the source's text at {start} is not the quote{hint}", place=where)
    end = start + len(quote)
    if record.end is not None and record.end != end:
        raise DatasetError(
            f"must be start + the quote's length ({end})", place=f"{record.place}.end"
        )
    return Span(start, end)


# Export.


def export_dataset(*, topic: Topic | None = None) -> dict[str, Any]:
    """The ledger (or one topic of it) in the dataset format; stable order, so diffable."""
    claims = Claim.objects.select_related("topic").prefetch_related("attestations__source", "parts")
    topics = Topic.objects.all()
    sources = Source.objects.select_related("outlet", "copy_of")
    if topic is not None:
        claims, topics = claims.filter(topic=topic), topics.filter(pk=topic.pk)
        sources = sources.filter(attestations__claim__topic=topic).distinct()
    return {
        "format": FORMAT,
        "version": VERSION,
        "topics": [_topic_json(t) for t in topics.order_by("slug")],
        "sources": [_source_json(s) for s in sources.order_by("slug")],
        "claims": [_claim_json(c) for c in claims.order_by("slug")],
    }


def dump_dataset(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _moment_json(on: date | None, at: datetime | None) -> str | None:
    if at is not None:
        return timezone.localtime(at).isoformat()
    return on.isoformat() if on else None


def _topic_json(topic: Topic) -> dict[str, Any]:
    return {"slug": topic.slug, "title": topic.title, "description": topic.description}


def _source_json(source: Source) -> dict[str, Any]:
    return {
        "slug": source.slug,
        "outlet": source.outlet.name,
        "title": source.title,
        "authors": source.authors,
        "url": source.url,
        "published": _moment_json(source.published_on, source.published_at),
        "updated": _moment_json(source.updated_on, source.updated_at),
        "kind": source.kind,
        "language": source.language,
        "copy_of": source.copy_of.slug if source.copy_of else None,
        "text": source.text,
    }


def _claim_json(claim: Claim) -> dict[str, Any]:
    attestations = sorted(claim.attestations.all(), key=lambda a: (a.source.slug, a.start, a.end))
    return {
        "slug": claim.slug,
        "topic": claim.topic.slug,
        "statement": claim.statement,
        "kind": claim.kind,
        "subject": claim.subject,
        "unit": claim.unit,
        "changes_over_time": claim.changes_over_time,
        "verdict": claim.verdict or None,
        "explanation": claim.verdict_explanation,
        "parts": sorted(part.slug for part in claim.parts.all()),
        "attestations": [_attestation_json(a) for a in attestations],
    }


def _attestation_json(attestation: Attestation) -> dict[str, Any]:
    return {
        "source": attestation.source.slug,
        "quote": attestation.quote,
        "start": attestation.start,
        "end": attestation.end,
        "value": value_to_json(attestation.value),
        "as_of": attestation.as_of.isoformat() if attestation.as_of else None,
        "attributed_to": attestation.attributed_to,
    }
