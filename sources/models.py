from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from simple_history.models import HistoricalRecords

from sources.ingest.similarity import anchors, fingerprint
from sources.slugs import free_slug, name_slug, slug_address
from sources.text.normalise import content_hash, normalise_text


class StaleEdit(ValidationError):
    """A write from a version of a row that is no longer the stored one: someone changed or
    deleted it after the writer loaded it. Raised instead of overwriting their change; being a
    ``ValidationError``, every form and import that reports one reports this too."""

    def __init__(
        self,
        *,
        noun: str,
        version: int | None,
        changed_by: str,
        changed_at: datetime | None,
        changes: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.noun = noun
        self.version = version  # the stored one; None once the row is deleted
        self.changed_by = changed_by  # a username; "" when no one signed in made the change
        self.changed_at = changed_at
        self.changes = list(changes)  # (field, its value now) for each field that differs
        super().__init__(self.summary, code="stale")

    @property
    def summary(self) -> str:
        who = self.changed_by or "someone else"
        when = (
            f" at {timezone.localtime(self.changed_at):%-d %B %Y %H:%M}" if self.changed_at else ""
        )
        if self.version is None:
            return f"This {self.noun} was deleted by {who}{when} after you opened it."
        return (
            f"This {self.noun} was changed by {who}{when} after you opened it: review and resubmit."
        )

    @property
    def explained(self) -> str:
        """The summary, and what each changed field holds now: what a form shows."""
        if not self.changes:
            return self.summary
        now = "; ".join(f"{name} “{value}”" for name, value in self.changes)
        return f"{self.summary} Now: {now}."


class Versioned(models.Model):
    """A row editors change, with the number of its version (optimistic locking). Every write
    through the services moves it on by one, from the version the writer loaded and only from
    that one (``advance_version``): of two editors who loaded the same version, the second to
    save is told who changed it, not allowed to undo their change."""

    version = models.PositiveIntegerField(
        default=1, help_text="Moves on by one at every change; forms and the API send it back."
    )

    history: ClassVar[Any]  # django-simple-history's, on each concrete model

    class Meta:
        abstract = True

    def advance_version(self) -> None:
        """Move the stored row from ``self.version`` to the next, or raise ``StaleEdit`` if it
        is no longer at that version. Called in the writer's transaction before it saves or
        deletes: the conditional UPDATE holds the row until the transaction ends, and a second
        writer's UPDATE waits for it, then finds the version moved on and changes nothing."""
        if self._state.adding:
            return
        rows = type(self)._base_manager.filter(pk=self.pk, version=self.version)
        if not rows.update(version=models.F("version") + 1):
            raise self.stale_edit(loaded=self.version)
        self.version += 1

    def stale_edit(self, *, loaded: int) -> StaleEdit:
        """What became of this row since its version ``loaded``: who made the version stored
        now and when (from its history), and the fields changed since."""
        records = type(self).history.filter(id=self.pk).select_related("history_user")
        current = type(self)._base_manager.filter(pk=self.pk).first()
        if current is None:
            last = records.order_by("-history_date", "-history_id").first()
            return StaleEdit(
                noun=str(self._meta.verbose_name),
                version=None,
                changed_by=_username(last),
                changed_at=last.history_date if last else None,
            )
        made = records.filter(version=current.version).order_by("history_date", "history_id")
        made_by = made.first() or records.order_by("-history_date", "-history_id").first()
        base = records.filter(version=loaded).order_by("-history_date", "-history_id").first()
        return StaleEdit(
            noun=str(self._meta.verbose_name),
            version=current.version,
            changed_by=_username(made_by),
            changed_at=made_by.history_date if made_by else None,
            changes=current.changes_since(base.instance) if base else (),
        )

    def changes_since(self, before: models.Model) -> list[tuple[str, str]]:
        """Each field editors change whose value differs from ``before``'s, with its value."""
        changes = []
        for field in self._meta.concrete_fields:
            if not field.editable or field.primary_key or field.name == "version":
                continue
            if field.value_from_object(before) != field.value_from_object(self):
                changes.append((str(field.verbose_name), self._shown(field)))
        return changes

    def _shown(self, field: models.Field[Any, Any]) -> str:
        value = getattr(self, field.name)
        if field.choices:
            value = getattr(self, f"get_{field.name}_display")()
        if isinstance(value, bool):
            value = "yes" if value else "no"
        elif isinstance(value, list):
            value = ", ".join(map(str, value))
        text = " ".join(str(value if value is not None else "").split())
        return (text[:79] + "…" if len(text) > 80 else text) or "(empty)"


def _username(record: Any) -> str:
    user = record.history_user if record is not None and record.history_user_id else None
    return user.get_username() if user is not None else ""


class Outlet(models.Model):
    """A publisher: The Guardian, BBC News."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    homepage = models.URLField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_name(cls, name: str) -> Outlet:
        """The outlet called ``name``, created with a slug no other outlet has (a name in
        another script gets a stable "outlet-<hash>"). Raises ``ValidationError`` for a name
        that does not fit (longer than 200 characters)."""
        if found := Outlet.objects.filter(name=name).first():
            return found
        # room for free_slug's "-2"
        slug = free_slug(Outlet.objects.all(), name_slug(name, kind="outlet", max_length=190))
        outlet = Outlet(name=name, slug=slug)
        outlet.full_clean()
        outlet.save()
        return outlet


# Newest first: by date, then time (a source with a date only after the timed ones of its day),
# then title; the id, unique, gives each source one place, so keyset pages can start after it.
NO_TIME = datetime(1, 1, 1, tzinfo=UTC)
LATEST_FIRST = (
    F("published_on").desc(),
    Coalesce("published_at", Value(NO_TIME)).desc(),
    F("title").asc(),
    F("id").asc(),
)


class SourceQuerySet(models.QuerySet["Source"]):
    def with_outlet(self) -> SourceQuerySet:
        return self.select_related("outlet")

    def with_attestation_counts(self) -> SourceQuerySet:
        """``attestation_count`` and ``claim_count``, counted for each row read (a subquery
        on the attestations' source index), so a page of sources counts only its own."""
        # the model on the other side of the relation: ``sources`` does not import ``claims``
        attestations = self.model._meta.get_field("attestations").related_model
        assert attestations is not None

        def counted(expression: Any) -> Coalesce:
            rows = (
                attestations._default_manager.filter(source=models.OuterRef("pk"))
                .order_by()
                .values("source")
            )
            return Coalesce(models.Subquery(rows.annotate(n=expression).values("n")), 0)

        return self.annotate(
            attestation_count=counted(models.Count("pk")),
            claim_count=counted(models.Count("claim", distinct=True)),
        )

    def latest_first(self) -> SourceQuerySet:
        return self.order_by(*LATEST_FIRST)


class Source(Versioned):
    """One published text: an article, a live page, a press release, a report."""

    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        LIVE_PAGE = "live_page", "Live page"
        PRESS_RELEASE = "press_release", "Press release"
        OFFICIAL_REPORT = "official_report", "Official report"

    slug = models.SlugField(max_length=200, unique=True)
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="sources")
    title = models.CharField(max_length=500)
    authors = models.JSONField(default=list, blank=True, help_text="Bylines, in order.")
    url = models.URLField(max_length=2000, blank=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.ARTICLE)
    language = models.CharField(max_length=35, default="en", help_text="An IETF language tag.")
    # The date is what verdicts use; the time is kept when the source gives it (live pages).
    published_on = models.DateField()
    published_at = models.DateTimeField(null=True, blank=True)
    updated_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(help_text="Plain text, normalised; quote offsets count into it.")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    # A syndicated copy (a wire story on another site) points at its original, so that it
    # does not count as an independent source.
    copy_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        help_text="The original this source is a copy of (a wire story carried by another site).",
    )
    copy_similarity = models.FloatField(null=True, blank=True, editable=False)
    # A wire story under an agency's credit: every site carrying it is one origin of it.
    agency = models.CharField(
        max_length=40,
        blank=True,
        help_text="The news agency the text credits (AP, Reuters, AFP), read from its dateline "
        "or credit line when the text is stored.",
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()
    # Who changed what, when; the texts are long, so history keeps their hashes, not them.
    # Records are looked up by source (and slug) only: no index on the rest.
    history = HistoricalRecords(
        excluded_fields=["text", "modified"], no_db_index=["content_hash", "outlet", "copy_of"]
    )

    class Meta:
        ordering = ["published_on", "published_at", "title"]
        indexes = [
            # Source lists sort newest first (and filter by date) on it.
            models.Index(*LATEST_FIRST, name="source_latest_first"),
        ]

    def __str__(self) -> str:
        return f"{self.outlet.name}: {self.title} ({self.published_on:%-d %b %Y})"

    def get_absolute_url(self) -> str:
        return slug_address("claims:source", self.slug)

    def changes_since(self, before: models.Model) -> list[tuple[str, str]]:
        changes = super().changes_since(before)
        # the history keeps no texts (``before.text`` is today's), only their hashes
        if getattr(before, "content_hash", None) != self.content_hash:
            text = self._meta.get_field("text")
            assert isinstance(text, models.Field)
            changes.append(("text", self._shown(text)))
        return changes

    def index_anchors(self) -> None:
        """Store the anchors of this source's text in place of any it had."""
        SourceAnchor.objects.filter(source=self).delete()
        SourceAnchor.objects.bulk_create(SourceAnchor.for_source(self))

    def set_text(self, text: str) -> None:
        """Store ``text`` normalised, with its content hash."""
        self.text = normalise_text(text)
        self.content_hash = content_hash(self.text)

    def set_published(self, value: date | datetime) -> None:
        self.published_on, self.published_at = _split_moment(value)

    def set_updated(self, value: date | datetime | None) -> None:
        self.updated_on, self.updated_at = _split_moment(value) if value else (None, None)

    @property
    def published(self) -> date | datetime:
        return self.published_at or self.published_on

    @property
    def updated(self) -> date | datetime | None:
        return self.updated_at or self.updated_on

    @property
    def byline(self) -> str:
        return ", ".join(self.authors)

    @property
    def origin_key(self) -> str:
        """What this source's own statements are one origin with: its original, if it is a
        copy; its agency's wire, if it carries one; else nothing ("": itself)."""
        if self.copy_of_id:
            return str(self.copy_of_id)
        return f"agency:{self.agency}" if self.agency else ""


class SourceAnchor(models.Model):
    """One anchor of a source's text (a sampled shingle hash, see ``similarity.anchors``): the
    stored sources sharing anchors with a new text are its near-duplicate candidates."""

    source = models.ForeignKey(
        Source,
        on_delete=models.CASCADE,
        related_name="anchors",
        db_index=False,  # the unique constraint's index leads with the source
    )
    shingle = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "shingle"], name="anchor_unique"),
        ]
        indexes = [
            # find_near_duplicate: WHERE shingle IN (...) GROUP BY source_id, from the index alone.
            models.Index(fields=["shingle", "source"], name="anchor_lookup"),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}: {self.shingle}"

    @classmethod
    def for_source(cls, source: Source) -> list[SourceAnchor]:
        """Unsaved anchors of ``source``'s text, for ``bulk_create``."""
        return [cls(source=source, shingle=value) for value in cls.shingles_of(source.text)]

    @staticmethod
    def shingles_of(text: str) -> list[int]:
        """The anchors' values for ``text``."""
        return anchors(fingerprint(text))


class SourceEntry(models.Model):
    """A timestamped entry of a live page. What it states is true as of its time."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="entries")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    title = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["source", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="entry_span"
            ),
            models.UniqueConstraint(fields=["source", "start"], name="entry_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.source.slug} @ {self.published_at:%Y-%m-%d %H:%M}"


def _split_moment(value: date | datetime) -> tuple[date, datetime | None]:
    """A date stays a date; a datetime also gives its date, as written where it was published."""
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value.date(), value
    return value, None
