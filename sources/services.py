"""Adding sources. Keyword-only and atomic: a source is stored whole, with its entries, or
not at all. An edit is written only from the version the source was loaded at
(``Versioned.advance_version``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction

from sources.duplicates import find_copied_source
from sources.ingest.extract import (
    MAX_UPLOAD_BYTES,
    Extracted,
    extract_plain,
    extract_upload,
)
from sources.ingest.fetch import extract_url
from sources.models import Outlet, Source, SourceAnchor, SourceEntry
from sources.rows import create_with_history, rows_insert
from sources.slugs import free_slug, latin_slug, name_hash, spells
from sources.text.credits import agency_credit
from sources.text.live import split_live_page
from sources.text.normalise import content_hash, normalise_text


class DuplicateSource(Exception):
    """The same text is already stored; ``existing`` is where."""

    def __init__(self, existing: Source) -> None:
        super().__init__(
            f"The same text is already stored as “{existing.title}” ({existing.slug})."
        )
        self.existing = existing


class MissingMetadata(ValueError):
    """A source needs an outlet, a title and a date; the extractor did not find one of them."""


@dataclass(frozen=True)
class NearDuplicate:
    original: Source
    similarity: float


def find_near_duplicate(text: str, *, exclude: int | None = None) -> NearDuplicate | None:
    """The stored source this text is most likely a copy of (a syndicated wire story, alone or
    inside a longer article), if any. Candidates come from the anchor index, so the cost does not
    grow with the number of stored sources; they are confirmed on their full texts."""
    found = find_copied_source(text, exclude=exclude)
    if found is None:
        return None
    pk, score = found
    original = Source.objects.select_related("copy_of").get(pk=pk)
    return NearDuplicate(original.copy_of or original, round(score, 3))


def unique_slug(outlet: str, published: date, title: str) -> str:
    """A slug no source has: its outlet, date and title in Latin words, and the title's hash
    when the title is in another script (two Arabic headlines of one day are two slugs)."""
    base = latin_slug(f"{outlet} {published:%Y-%m-%d} {title}", 80)
    if not spells(title, latin_slug(title)):
        base = f"{base[:70].rstrip('-')}-{name_hash(title)}"
    return free_slug(Source.objects.all(), base)


@transaction.atomic
def source_create(
    *,
    extracted: Extracted,
    outlet: str = "",
    title: str = "",
    published: date | datetime | None = None,
    kind: str = "",
    authors: list[str] | None = None,
    url: str = "",
) -> tuple[Source, NearDuplicate | None]:
    """Store an extracted text as a source; what the caller gives overrides what was extracted.

    Raises ``DuplicateSource`` for a text already stored and ``MissingMetadata`` when no
    outlet, title or date is known. A near-duplicate is stored, marked as a copy of its original.
    """
    text = normalise_text(extracted.text)
    if twin := Source.objects.filter(content_hash=content_hash(text)).first():
        raise DuplicateSource(twin)
    outlet = outlet.strip() or _outlet_from_url(url or extracted.url)
    title = title.strip() or extracted.title or _first_line(text)
    if published:
        extracted = extracted.with_published(published)  # a live page's entries follow the date
    published = published or extracted.published
    missing = [
        name
        for name, value in [("outlet", outlet), ("title", title), ("date", published)]
        if not value
    ]
    if missing:
        them = "it was" if len(missing) == 1 else "they were"
        raise MissingMetadata(f"Give the source's {' and '.join(missing)}: {them} not found in it.")
    assert published is not None
    near = find_near_duplicate(text)
    source = Source(
        outlet=Outlet.for_name(outlet),
        title=title[:500],
        authors=authors if authors is not None else extracted.authors,
        url=url or extracted.url,
        kind=kind or extracted.kind or Source.Kind.ARTICLE,
        language=extracted.language or "en",
        copy_of=near.original if near else None,
        copy_similarity=near.similarity if near else None,
        text=text,
    )
    source.set_published(published)
    source.set_updated(extracted.updated)
    source.slug = unique_slug(outlet, source.published_on, title)
    source_save(source=source, entries=extracted.entries)
    return source, near


class EntrySpan(Protocol):
    """A live-page entry as the extractor gives it: where it is in the text and when."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def published_at(self) -> datetime: ...


@transaction.atomic
def source_save(*, source: Source, entries: Sequence[EntrySpan] | None = None) -> Source:
    """Store a new or edited source with what follows from its text and date: the content hash,
    the near-duplicate anchors and the live-page entries. Every way of writing a source (the web
    form, the dataset import, the admin) ends here, so they all store the same entries.

    ``entries`` are the extractor's; without them the text is split again, dated against the
    source's publication. Raises ``ValidationError`` (``full_clean``) and writes nothing;
    ``StaleEdit`` when the stored source is no longer at ``source.version``.
    """
    source.set_text(source.text)
    stored = Source.objects.filter(pk=source.pk).values_list("content_hash", flat=True)
    text_changed = source.pk is None or stored.first() != source.content_hash
    if text_changed:
        source.agency = agency_credit(source.text)  # a curator may correct it afterwards
    source.full_clean()
    source.advance_version()
    source.save()
    if text_changed:
        source.index_anchors()  # the near-duplicate index follows the text
    _entries_store(source, _entries_of(source) if entries is None else entries)
    return source


def error_lines(error: ValidationError) -> list[str]:
    """A model's ``ValidationError`` as lines naming their fields: "title: This field …"."""
    if hasattr(error, "error_dict"):
        return [f"{name}: {'; '.join(lines)}" for name, lines in error.message_dict.items()]
    return error.messages


@transaction.atomic
def sources_bulk_create(*, sources: Sequence[Source], batch_size: int = 500) -> list[Source]:
    """Store many new sources at once, as ``source_save`` stores one (normalised text, content
    hash, agency, anchors, live-page entries, one history record each), in a few queries per
    batch: for an import of thousands. Their outlets must be stored; the caller has checked
    that no slug or text is stored yet. Raises ``ValidationError`` naming the source's index."""
    for index, source in enumerate(sources):
        source.set_text(source.text)
        source.agency = agency_credit(source.text)
        try:
            # the outlet is stored, and the database enforces uniqueness: no query per row
            source.clean_fields(exclude=["outlet", "copy_of"])
            source.clean()
        except ValidationError as error:
            raise ValidationError({f"sources[{index}]": error_lines(error)}) from None
    stored = create_with_history(sources, Source, batch_size=batch_size)
    for start in range(0, len(stored), batch_size):
        batch = stored[start : start + batch_size]
        # hundreds of thousands at 100,000 claims: plain rows, no model instances
        rows_insert(
            SourceAnchor,
            ["source", "shingle"],
            [
                (source.pk, value)
                for source in batch
                for value in SourceAnchor.shingles_of(source.text)
            ],
        )
        SourceEntry.objects.bulk_create(
            [
                SourceEntry(
                    source=source,
                    start=e.start,
                    end=e.end,
                    title=e.title[:500],
                    published_at=e.published_at,
                )
                for source in batch
                for e in _entries_of(source)
            ],
            batch_size=5000,
        )
    return stored


@transaction.atomic
def source_entries_sync(*, source: Source) -> bool:
    """Store the live-page entries the source's text and date give, if the stored ones differ
    (a source written before its entries were split); return whether they did."""
    return _entries_store(source, _entries_of(source))


@transaction.atomic
def source_delete(*, source: Source) -> None:
    """Delete a source; its entries go with it, its copies become originals. Raises
    ``ProtectedError`` while claims still quote it, ``StaleEdit`` when the stored source is no
    longer at ``source.version``."""
    source.advance_version()
    source.delete()


def _entries_of(source: Source) -> list[EntrySpan]:
    return list(split_live_page(source.text, published=source.published))


def _entries_store(source: Source, entries: Sequence[EntrySpan]) -> bool:
    """Make the source's stored entries exactly ``entries``; return whether anything changed."""
    wanted = [(e.start, e.end, e.title[:500], e.published_at) for e in entries]
    stored = list(source.entries.values_list("start", "end", "title", "published_at"))
    if stored == wanted:
        return False
    source.entries.all().delete()
    SourceEntry.objects.bulk_create(
        SourceEntry(source=source, start=start, end=end, title=title, published_at=moment)
        for start, end, title, moment in wanted
    )
    return True


def _first_line(text: str, limit: int = 150) -> str:
    """A plain text's headline: its first line, cut at a word if long."""
    line = text.partition("\n")[0].strip()
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"


def _outlet_from_url(url: str) -> str:
    """ "www.theguardian.com" for a URL, when no outlet is given; editors can rename it."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def extract_input(
    *, url: str = "", upload: Any = None, text: str = "", allow_private: bool = False
) -> Extracted:
    """What an editor gave, as text and metadata: a URL is fetched, a file read, text taken.
    Raises ``IngestError`` with a message for the editor."""
    if url:
        return extract_url(url, allow_private=allow_private)
    if upload is not None:
        return extract_upload(upload.name, upload.read(MAX_UPLOAD_BYTES + 1))
    return extract_plain(text)
