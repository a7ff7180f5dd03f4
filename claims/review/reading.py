"""Reading a source with the finder, once per version of its text: at once for a short text,
in the task worker for a long one, with its progress kept for the review page to show."""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.tasks import task

from claims.finder import Candidate, Entry
from claims.finder.candidates import candidate_from_json, candidate_to_json
from claims.finder.find import find_claims
from claims.readings import Reading
from sources.models import Source

logger = logging.getLogger(__name__)

# Bump when the finder changes what it reads, so that no queue shows an older reading.
FINDER_READING = 2


def reading_version(source: Source) -> str:
    # its text, date and live-page entries are saved together, and change ``modified``
    digest = hashlib.sha256(source.text.encode()).hexdigest()[:32]
    return f"{FINDER_READING}:{digest}:{source.modified.isoformat()}"


def reads_in_background(source: Source) -> bool:
    return len(source.text) > settings.READ_IN_BACKGROUND_OVER


def current_reading(source: Source) -> Reading | None:
    """The reading of the source's text as it is now, done or under way, if there is one."""
    reading = Reading.objects.filter(source=source).defer("candidates").first()
    return reading if reading and reading.version == reading_version(source) else None


def reading_start(source: Source) -> Reading:
    """Queue the source's text for the worker, unless it is queued, under way or read."""
    version = reading_version(source)
    with transaction.atomic():
        reading, created = Reading.objects.select_for_update().get_or_create(
            source=source, defaults={"version": version}
        )
        if not created and reading.version == version and reading.state != Reading.State.FAILED:
            return reading
        reading.version, reading.state, reading.error = version, Reading.State.QUEUED, ""
        reading.done = reading.total = 0
        reading.candidates = []
        reading.save()
        # the worker must find the row committed
        transaction.on_commit(lambda: _enqueue(reading, version))
    return reading


def _enqueue(reading: Reading, version: str) -> None:
    result = read_source.enqueue(reading.source_id, version)
    Reading.objects.filter(pk=reading.pk, version=version).update(task_id=str(result.id))


def source_candidates(source: Source) -> list[Candidate] | None:
    """What the finder sees in ``source``. A short text is read now if it has not been; a
    long one only by the worker, so ``None`` until it is done (``reading_start`` queues it)."""
    version = reading_version(source)
    done = Reading.objects.filter(source=source, version=version, state=Reading.State.DONE)
    if done.exists():
        return list(_stored_candidates(source.pk, version))
    if reads_in_background(source):
        return None
    return _read(source, version)


def source_candidates_now(source: Source) -> list[Candidate]:
    """What the finder sees in ``source``, read here if need be, however long (the command
    line's ``suggest_claims``)."""
    candidates = source_candidates(source)
    return candidates if candidates is not None else _read(source, reading_version(source))


@lru_cache(maxsize=8)
def _stored_candidates(source_pk: int, version: str) -> tuple[Candidate, ...]:
    # a reading is never changed under the same version, so each process parses it once
    stored = Reading.objects.filter(source_id=source_pk, version=version).values_list(
        "candidates", flat=True
    )
    return tuple(candidate_from_json(data) for data in stored.get())


def _read(source: Source, version: str, reading: Reading | None = None) -> list[Candidate]:
    def progress(done: int, total: int) -> None:
        if reading is not None:
            Reading.objects.filter(pk=reading.pk).update(done=done, total=total)

    entries = [
        Entry(e.start, e.end, e.published_at, e.title) for e in source.entries.order_by("start")
    ]
    candidates = find_claims(
        source.text, published=source.published, entries=entries, progress=progress
    )
    Reading.objects.update_or_create(
        source=source,
        defaults={
            "version": version,
            "state": Reading.State.DONE,
            "candidates": [candidate_to_json(c) for c in candidates],
            "error": "",
        },
    )
    return candidates


@task
def read_source(source_pk: int, version: str) -> int:
    """The worker's part: read the source, telling its reading how far it has got. Returns
    how many candidates were found."""
    source = Source.objects.filter(pk=source_pk).first()
    reading = Reading.objects.filter(source_id=source_pk).first()
    if source is None or reading is None or reading_version(source) != version:
        return 0  # deleted or changed since: a newer reading is queued if anyone asks
    Reading.objects.filter(pk=reading.pk).update(state=Reading.State.READING)
    try:
        return len(_read(source, version, reading))
    except Exception as error:
        logger.exception("reading source %s failed", source.slug)
        Reading.objects.filter(pk=reading.pk).update(
            state=Reading.State.FAILED, error=f"{type(error).__name__}: {error}"[:500]
        )
        raise
