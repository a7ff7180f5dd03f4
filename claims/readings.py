"""What the finder read in a source, kept so that its review queue need not read it again,
and so that a page of the queue loads its own candidates and no more (a 5 MB text has tens of
thousands).

A long text takes seconds to read, so it is read by the task worker (``claims.review.reading``)
while the review page shows how far it has got. The reading is stored in the database, where
every app server and worker sees it; it stands for one version of the text (``version``), and a
changed text is read again."""

from __future__ import annotations

from django.db import models

from sources.models import Source


class Reading(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "waiting for the worker"
        READING = "reading", "being read"
        DONE = "done", "read"
        FAILED = "failed", "could not be read"

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="reading")
    # the finder's version, the text's digest and the source's last change: what was read
    version = models.CharField(max_length=120)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(default=0)  # sentences read so far
    total = models.PositiveIntegerField(default=0)  # sentences in all, once counted
    error = models.CharField(max_length=500, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    modified = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.source.slug}: {self.get_state_display()}"

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0


class FoundCandidate(models.Model):
    """One thing the finder found in a source: the span, and the rest as ``candidate_to_json``
    wrote it. ``position`` is its place in the finder's order."""

    reading = models.ForeignKey(Reading, on_delete=models.CASCADE, related_name="found")
    position = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    data = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reading", "position"], name="found_in_order")
        ]

    def __str__(self) -> str:
        return f"{self.reading.source.slug} {self.start}–{self.end}"
