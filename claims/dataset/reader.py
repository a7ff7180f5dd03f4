"""Reading a dataset: JSON → records, checked in full before anything is written. An error
names the file and the place (``claims[3] ("slug").attestations[1].quote``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import dateparse, timezone

from claims.dataset.records import (
    FORMAT,
    VERSION,
    AttestationRecord,
    ClaimantRecord,
    ClaimRecord,
    Dataset,
    DatasetError,
    SourceRecord,
    TopicRecord,
)
from claims.models import Claim, value_shape_error
from claims.rules.counted import join_qualifiers
from claims.rules.values import InvalidValue, value_from_json
from sources.models import Source
from sources.text.normalise import normalise_text

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    del raw  # not held beside the records made from it (hundreds of MB at 100,000 claims)
    try:
        return parse_dataset(data, base_dir=path.parent)
    except DatasetError as error:
        error.filename = str(path)
        raise


def parse_dataset(data: Any, *, base_dir: Path | None = None) -> Dataset:
    """Check a decoded dataset and turn it into records. ``base_dir`` resolves ``text_file``."""
    reader = _Reader(base_dir)
    sections = {"format", "version", "topics", "claimants", "sources", "claims"}
    obj = reader.object(data, "", sections)
    if "format" in obj and obj["format"] != FORMAT:
        raise DatasetError(f"format must be {FORMAT!r}", place="format")
    if "version" in obj and obj["version"] != VERSION:
        raise DatasetError(
            f"version {obj['version']!r} is not supported (only {VERSION})", place="version"
        )
    dataset = Dataset(
        topics=[reader.topic(item, place) for item, place in reader.items(obj, "topics")],
        claimants=[reader.claimant(i, place) for i, place in reader.items(obj, "claimants")],
        sources=[reader.source(item, place) for item, place in reader.items(obj, "sources")],
        claims=[reader.claim(item, place) for item, place in reader.items(obj, "claims")],
    )
    for section in ("topics", "claimants", "sources", "claims"):
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
        moment: date | datetime | None
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

    def claimant(self, item: Any, place: str) -> ClaimantRecord:
        obj = self.object(item, place, {"slug", "name", "names"})
        names = obj.get("names", [])
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise DatasetError("must be a list of names", place=f"{place}.names")
        return ClaimantRecord(
            place=place,
            slug=self.slug(obj, "slug", place),
            name=self.string(obj, "name", place),
            names=names,
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
        keys |= {"entity", "predicate", "qualifiers", "event"}
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
        qualifiers = obj.get("qualifiers", [])
        if not isinstance(qualifiers, list) or not all(isinstance(q, str) for q in qualifiers):
            raise DatasetError("must be a list of words", place=f"{place}.qualifiers")
        return ClaimRecord(
            place=place,
            slug=self.slug(obj, "slug", place),
            topic=self.slug(obj, "topic", place),
            statement=self.string(obj, "statement", place),
            kind=kind,
            subject=self.string(obj, "subject", place, required=False),
            unit=self.string(obj, "unit", place, required=False),
            changes_over_time=changes,
            entity=self.string(obj, "entity", place, required=False),
            predicate=self.string(obj, "predicate", place, required=False),
            qualifiers=join_qualifiers(qualifiers),
            event=self.string(obj, "event", place, required=False),
            attestations=[
                self.attestation(a, p, kind)
                for a, p in self.items(obj, "attestations", prefix=f"{place}.")
            ],
            parts=parts,
        )

    def attestation(self, item: Any, place: str, kind: str) -> AttestationRecord:
        keys = {"source", "quote", "start", "end", "value", "as_of", "attributed_to", "claimant"}
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
            claimant=self.optional_slug(obj, "claimant", place),
        )
