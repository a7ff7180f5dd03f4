from __future__ import annotations

from datetime import date, datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from sources.ingest.similarity import anchors, fingerprint
from sources.slugs import free_slug, name_slug
from sources.text.normalise import content_hash, normalise_text


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


class SourceQuerySet(models.QuerySet["Source"]):
    def with_outlet(self) -> SourceQuerySet:
        return self.select_related("outlet")

    def with_attestation_counts(self) -> SourceQuerySet:
        return self.annotate(
            attestation_count=models.Count("attestations"),
            claim_count=models.Count("attestations__claim", distinct=True),
        )

    def latest_first(self) -> SourceQuerySet:
        return self.order_by("-published_on", "-published_at", "title")


class Source(models.Model):
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
    # Who changed what, when; the texts are long, so they are not kept in every version.
    history = HistoricalRecords(excluded_fields=["text", "modified"])

    class Meta:
        ordering = ["published_on", "published_at", "title"]
        indexes = [
            # Source lists and the admin filter and sort by date.
            models.Index(fields=["published_on"], name="source_published_on"),
        ]

    def __str__(self) -> str:
        return f"{self.outlet.name}: {self.title} ({self.published_on:%-d %b %Y})"

    def get_absolute_url(self) -> str:
        return reverse("claims:source", args=[self.slug])

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
        return [cls(source=source, shingle=value) for value in anchors(fingerprint(source.text))]


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
