"""Reading a source with the finder, once per version of its text: at once for a short text,
in the task worker for a long one, with its progress kept for the review page to show."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.tasks import task

from claims.finder import Entry
from claims.finder.candidates import candidate_to_json
from claims.finder.find import find_claims
from claims.readings import FoundCandidate, Reading
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
    reading = Reading.objects.filter(source=source).first()
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
        reading.save()
        reading.found.all().delete()
        # the worker must find the row committed
        transaction.on_commit(lambda: _enqueue(reading, version))
    return reading


def _enqueue(reading: Reading, version: str) -> None:
    result = read_source.enqueue(reading.source_id, version)
    Reading.objects.filter(pk=reading.pk, version=version).update(task_id=str(result.id))


def ready_reading(source: Source) -> Reading | None:
    """The source's reading, done. A short text is read now if it has not been; a long one
    only by the worker, so ``None`` until it is done (``reading_start`` queues it)."""
    version = reading_version(source)
    done = Reading.objects.filter(source=source, version=version, state=Reading.State.DONE)
    if reading := done.first():
        return reading
    if reads_in_background(source):
        return None
    return _read(source, version)


def reading_now(source: Source) -> Reading:
    """The source's reading, done here if need be, however long (the command line's
    ``suggest_claims``)."""
    return ready_reading(source) or _read(source, reading_version(source))


def _read(source: Source, version: str, reading: Reading | None = None) -> Reading:
    def progress(done: int, total: int) -> None:
        if reading is not None:
            Reading.objects.filter(pk=reading.pk).update(done=done, total=total)

    entries = [
        Entry(e.start, e.end, e.published_at, e.title) for e in source.entries.order_by("start")
    ]
    candidates = find_claims(
        source.text, published=source.published, entries=entries, progress=progress
    )
    with transaction.atomic():
        reading, created = Reading.objects.update_or_create(
            source=source,
            defaults={"version": version, "state": Reading.State.DONE, "error": ""},
        )
        if not created:
            reading.found.all().delete()  # an older version's
        FoundCandidate.objects.bulk_create(
            (
                FoundCandidate(
                    reading=reading,
                    position=n,
                    start=c.start,
                    end=c.end,
                    data=candidate_to_json(c),
                )
                for n, c in enumerate(candidates)
            ),
            batch_size=1000,
        )
    return reading


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
        return _read(source, version, reading).found.count()
    except Exception as error:
        logger.exception("reading source %s failed", source.slug)
        Reading.objects.filter(pk=reading.pk).update(
            state=Reading.State.FAILED, error=f"{type(error).__name__}: {error}"[:500]
        )
        raise
