from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from claims.claimants import Claimant, ClaimantName
from claims.match_models import MatchEntry, MatchLedger
from claims.readings import Reading
from claims.recording import RevisionRecords
from claims.rules.counted import split_qualifiers
from claims.rules.quotes import QuoteError, Span, context, locate_quote
from claims.rules.values import DateValue, Precision, Qualifier, Quantity, TextValue, describe
from claims.rules.verdicts import Statement, Verdict, assess
from sources.models import Source, Versioned
from sources.slugs import slug_address

if TYPE_CHECKING:
    from claims.rules.values import Value


def enum_choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """Django choices from a pure module's StrEnum: ("at_least", "At least")."""
    return [(member.value, member.value.replace("_", " ").capitalize()) for member in enum]


VERDICT_CHOICES = enum_choices(Verdict)


def _claims_counted(**where: Any) -> Coalesce:
    """A topic's claims (``where`` they match) counted for each topic read, by the claims'
    topic index: a page of topics counts only its own, not every topic's before paging."""
    claims = Claim.objects.filter(topic=OuterRef("pk"), **where).order_by().values("topic")
    return Coalesce(Subquery(claims.annotate(n=Count("pk")).values("n")), 0)


class TopicQuerySet(models.QuerySet["Topic"]):
    def with_verdict_counts(self) -> TopicQuerySet:
        """Each topic with ``claim_count`` and ``<verdict>_count`` for every verdict."""
        per_verdict = {
            f"{verdict.value}_count": _claims_counted(verdict=verdict) for verdict in Verdict
        }
        return self.with_claim_count().annotate(**per_verdict)

    def with_claim_count(self) -> TopicQuerySet:
        return self.annotate(claim_count=_claims_counted())


# The topic lists' sort (by title; the slug, unique, settles ties), on the ``topic_title`` index.
TOPIC_KEYS = (F("title"), F("slug"))


class Topic(models.Model):
    """The event or story a claim belongs to. The same number in two topics is two claims."""

    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    # Sources filed under the topic when added, before any claim links them; matching tries
    # a source's own topics first.
    sources = models.ManyToManyField(Source, related_name="topics", blank=True)

    objects = TopicQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["title", "slug"], name="topic_title")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_address("claims:topic", self.slug)


# How contested a verdict is, for sorting: sources that differ first. Stored on the claim
# (``verdict_rank``) so that the list's sorts run on indexes.
VERDICT_RANKS = {Verdict.DIFFER: 0, Verdict.UPDATED: 1, Verdict.AGREE: 2, Verdict.SINGLE: 3}
NO_VERDICT_RANK = 4
# ``recency``: days before the last representable date, so that the newest sorts first in an
# ascending index on every database; a claim no source states yet sorts last.
LAST_DAY = date.max.toordinal()
NO_SOURCE_RECENCY = LAST_DAY + 1


def recency_of(day: date | None) -> int:
    return LAST_DAY - day.toordinal() if day else NO_SOURCE_RECENCY


# Each sort of the claim list, as the keys of its index, all ascending (``-F``: descending):
# a keyset page then starts where the last ended with one index range scan.
SORT_KEYS: dict[str, tuple[Any, ...]] = {
    "contested": (F("verdict_rank"), -F("source_count"), F("statement"), F("id")),
    "newest": (F("recency"), F("statement"), F("id")),
    "sources": (-F("source_count"), F("statement"), F("id")),
}


# What a row of a claim list shows (the ``claim_row`` tag), and the keys the lists sort by.
ROW_COLUMNS = (
    "slug",
    "statement",
    "verdict",
    "verdict_rank",
    "recency",
    "source_count",
    "independent_count",
    "latest_source_on",
)


class ClaimQuerySet(models.QuerySet["Claim"]):
    def for_list(self) -> ClaimQuerySet:
        """What a list of claims shows: the claim with its stored counts, and its topic."""
        return self.select_related("topic")

    def for_rows(self) -> ClaimQuerySet:
        """What a list's row shows (``claim_row``) and its sorts use, and no more: the claim's
        columns for them, and its topic's title as ``topic_title`` rather than a topic."""
        return self.only(*ROW_COLUMNS).annotate(topic_title=F("topic__title"))

    def sorted_by(self, key: str) -> ClaimQuerySet:
        """``contested`` (differ, then updated, then the rest; more sources first),
        ``newest`` (latest source first) or ``sources`` (most sources first); ties by
        statement, then by creation, so that pages are stable."""
        return self.order_by(*SORT_KEYS[key])

    def contested(self) -> ClaimQuerySet:
        """Claims whose sources differ or update each other, most contested first."""
        return self.filter(verdict_rank__lte=VERDICT_RANKS[Verdict.UPDATED]).sorted_by("contested")

    def related_to(self, claim: Claim) -> ClaimQuerySet:
        """Other claims of the same topic about the same subject."""
        if not claim.subject:
            return self.none()
        return self.filter(topic_id=claim.topic_id, subject__iexact=claim.subject).exclude(
            pk=claim.pk
        )

    def in_topic(self, topic: Topic) -> ClaimQuerySet:
        return self.filter(topic=topic)

    def with_verdict(self, verdict: Verdict | str) -> ClaimQuerySet:
        return self.filter(verdict=verdict)

    def for_page(self) -> ClaimQuerySet:
        """A claim with its attestations and their sources and outlets, loaded up front."""
        return self.select_related("topic").prefetch_related(
            models.Prefetch(
                "attestations",
                queryset=Attestation.objects.select_related(
                    "source__outlet", "claimant"
                ).in_as_of_order(),
            )
        )


COUNTED_FIELDS = (
    "source_count",
    "attestation_count",
    "latest_source_on",
    "verdict_rank",
    "recency",
)


class Claim(Versioned):
    """A discrete factual claim, linked to every source that states it."""

    class Kind(models.TextChoices):
        QUANTITY = "quantity", "Quantity"
        DATE = "date", "Date"
        STATUS = "status", "Status"
        QUOTE = "quote", "Quote"
        EVENT = "event", "Event"
        OTHER = "other", "Other"

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="claims")
    slug = models.SlugField(max_length=200, unique=True)
    statement = models.CharField(max_length=500)
    kind = models.CharField(max_length=20, choices=Kind)
    subject = models.CharField(max_length=200, blank=True)
    unit = models.CharField(
        max_length=100,
        blank=True,
        help_text="For a measure: years, minutes, percent, pounds. Empty for a plain count.",
    )
    # What a quantity counts and what happened to it: two figures are only the same claim if
    # these agree, whatever their numbers.
    entity = models.CharField(
        "counted entity",
        max_length=100,
        blank=True,
        help_text="For a quantity: what is counted, in the plural: people, workers, votes, homes.",
    )
    predicate = models.CharField(
        max_length=100,
        blank=True,
        help_text="For a quantity: what happened to them: died, injured, arrested, laid off, "
        "under investigation.",
    )
    qualifiers = models.CharField(
        max_length=200,
        blank=True,
        help_text="Role or status words that make it another claim, separated by commas: "
        "serving, former, confirmed, estimated.",
    )
    event = models.CharField(
        max_length=200,
        blank=True,
        help_text="The occasion the figure belongs to, when the story has several: "
        "the 3 May vote, the second strike day.",
    )
    changes_over_time = models.BooleanField(
        default=False,
        help_text="Can the true value change (a count of suspended officers), "
        "or not (the year something happened)?",
    )
    parts = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="totals",
        blank=True,
        help_text="Claims this one is the sum of: 9 serving + 1 former + 1 detention officer = 11.",
    )
    # Kept on the row, recomputed from the attestations, so that lists can filter on it.
    verdict = models.CharField(max_length=10, choices=VERDICT_CHOICES, blank=True, editable=False)
    verdict_explanation = models.TextField(blank=True, editable=False)
    # origins stating the claim, as the verdict counts them: a claimant once however many
    # outlets repeat it, a syndicated copy as its original (kept with the verdict)
    independent_count = models.PositiveIntegerField(default=0, editable=False)
    # Kept with the verdict, from the attestations, so that lists show and sort on them without
    # counting every claim's attestations (``manage.py recount_claims`` checks and mends them).
    source_count = models.PositiveIntegerField(default=0, editable=False)
    attestation_count = models.PositiveIntegerField(default=0, editable=False)
    latest_source_on = models.DateField(null=True, blank=True, editable=False)
    verdict_rank = models.PositiveSmallIntegerField(default=NO_VERDICT_RANK, editable=False)
    recency = models.PositiveIntegerField(default=NO_SOURCE_RECENCY, editable=False)
    # A curator's rating of the claim, published as a schema.org ClaimReview.
    rating = models.CharField(
        max_length=100, blank=True, help_text="A curator's rating: “Accurate”, “Misleading”."
    )
    rating_explanation = models.TextField(blank=True, help_text="Why the claim is so rated.")
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()
    # the counts and sort keys follow the attestations, whose own history holds them; no index
    # on the topic in history: nothing looks records up by it (docs/history.md)
    history = RevisionRecords(excluded_fields=["modified", *COUNTED_FIELDS], no_db_index=["topic"])

    class Meta:
        ordering = ["topic__title", "statement"]
        indexes = [
            # The claim list and the home page filter and count claims by verdict.
            models.Index(fields=["verdict"], name="claim_verdict"),
            *(models.Index(*keys, name=f"claim_sort_{sort}") for sort, keys in SORT_KEYS.items()),
        ]

    def __str__(self) -> str:
        return self.statement

    def get_absolute_url(self) -> str:
        return slug_address("claims:detail", self.slug)

    @property
    def qualifier_list(self) -> tuple[str, ...]:
        return split_qualifiers(self.qualifiers)

    def refresh_verdict(self) -> bool:
        """Recompute the verdict and the counts from the attestations; store them and return
        True if the verdict changed. Only a changed verdict makes a revision of the claim."""
        was = (self.verdict, self.verdict_explanation, self.independent_count)
        counted = {name: getattr(self, name) for name in COUNTED_FIELDS}
        attestations = list(self.attestations.select_related("source__outlet", "claimant"))
        self.assess(attestations)
        from claims.match_store import claims_written  # the store reads these models

        claims_written([(self, attestations)])
        if (self.verdict, self.verdict_explanation, self.independent_count) == was:
            counts = {name: getattr(self, name) for name in COUNTED_FIELDS}
            if counts != counted:  # not a revision: the history leaves these out
                Claim.objects.filter(pk=self.pk).update(**counts)
            return False
        self.save(
            update_fields=["verdict", "verdict_explanation", "independent_count", *COUNTED_FIELDS]
        )
        return True

    def assess(self, attestations: list[Attestation]) -> None:
        """Set the verdict and the counts from ``attestations`` (with their sources, outlets
        and claimants), without saving."""
        assessment = assess(
            [a.as_statement() for a in attestations], changes_over_time=self.changes_over_time
        )
        self.verdict = assessment.verdict.value if assessment.verdict else ""
        self.verdict_explanation = assessment.explanation
        self.independent_count = assessment.independent
        counts = counted_fields(
            self.verdict, [(a.source_id, a.source.published_on) for a in attestations]
        )
        for name, value in counts.items():
            setattr(self, name, value)


def counted_fields(verdict: str, sources: list[tuple[int, date | None]]) -> dict[str, Any]:
    """A claim's stored counts and sort keys, from its verdict and the (source id, publication
    date) of each of its attestations."""
    dates = [day for _, day in sources if day is not None]
    latest = max(dates, default=None)
    return {
        "source_count": len({pk for pk, _ in sources}),
        "attestation_count": len(sources),
        "latest_source_on": latest,
        "verdict_rank": VERDICT_RANKS.get(Verdict(verdict), NO_VERDICT_RANK)
        if verdict
        else NO_VERDICT_RANK,
        "recency": recency_of(latest),
    }


# The value shapes a claim of each kind takes; None means "the quote states it, no value".
VALUE_SHAPES: dict[str, tuple[type | None, ...]] = {
    Claim.Kind.QUANTITY: (Quantity,),
    Claim.Kind.DATE: (DateValue,),
    Claim.Kind.STATUS: (TextValue, None),
    Claim.Kind.QUOTE: (TextValue, None),
    Claim.Kind.EVENT: (TextValue, None),
    Claim.Kind.OTHER: (TextValue, None),
}
_SHAPE_NAMES: dict[type | None, str] = {
    Quantity: "a number",
    DateValue: "a date or period",
    TextValue: "a text",
    None: "no value",
}


def value_shape_error(kind: str, value: Value | None) -> str | None:
    """Why ``value`` does not fit a claim of ``kind``, or None if it does."""
    allowed = VALUE_SHAPES[kind]
    shape = type(value) if value is not None else None
    if shape in allowed:
        return None
    wanted = " or ".join(_SHAPE_NAMES[option] for option in allowed)
    return f"a {kind} claim needs {wanted} as its value, not {_SHAPE_NAMES[shape]}"


class AttestationQuerySet(models.QuerySet["Attestation"]):
    def in_as_of_order(self) -> AttestationQuerySet:
        """Oldest first: by the date the value was true as of, then by publication."""
        effective_as_of = Coalesce("as_of", "source__published_on")
        return self.alias(effective_as_of=effective_as_of).order_by(
            "effective_as_of", "source__published_on", "source__published_at", "start"
        )


class Attestation(Versioned):
    """One source stating one claim: the exact quote, where it is, and the value it gives."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="attestations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="attestations")
    quote = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the quote in the source's text.")
    end = models.PositiveIntegerField()
    context_before = models.CharField(max_length=200, blank=True, editable=False)
    context_after = models.CharField(max_length=200, blank=True, editable=False)
    # The value as this source states it: one of a number, a date or period, or a text.
    value_number = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    value_qualifier = models.CharField(max_length=20, choices=enum_choices(Qualifier), blank=True)
    value_date = models.DateField(null=True, blank=True)
    value_date_end = models.DateField(null=True, blank=True, help_text="The end of a period.")
    value_date_precision = models.CharField(
        max_length=5, choices=enum_choices(Precision), blank=True
    )
    value_text = models.CharField(max_length=500, blank=True)
    as_of = models.DateField(
        null=True,
        blank=True,
        help_text="The date the value was true as of. Empty: the source's publication date.",
    )
    attributed_to = models.CharField(
        max_length=200, blank=True, help_text="Who the source attributes it to: “the IOPC”."
    )
    # the party those words name, curated; empty: the source gives the figure on its own account
    claimant = models.ForeignKey(
        Claimant, on_delete=models.PROTECT, null=True, blank=True, related_name="attestations"
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    objects = AttestationQuerySet.as_manager()
    history = RevisionRecords(
        excluded_fields=["modified", "context_before", "context_after"],
        no_db_index=["source", "claimant"],  # records are looked up by claim only
    )

    class Meta:
        ordering = ["source__published_on", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "source", "start", "end"], name="attestation_unique_span"
            ),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="attestation_span"),
            models.CheckConstraint(
                condition=Q(value_number__isnull=True, value_qualifier="")
                | (Q(value_number__isnull=False) & ~Q(value_qualifier="")),
                name="attestation_number_has_qualifier",
            ),
            models.CheckConstraint(
                condition=Q(value_date__isnull=True, value_date_precision="", value_date_end=None)
                | (Q(value_date__isnull=False) & ~Q(value_date_precision="")),
                name="attestation_date_has_precision",
            ),
            models.CheckConstraint(
                condition=Q(value_date_end__isnull=True) | Q(value_date_end__gte=F("value_date")),
                name="attestation_period_in_order",
            ),
            models.CheckConstraint(
                condition=Q(value_number__isnull=True, value_date__isnull=True)
                | Q(value_number__isnull=True, value_text="")
                | Q(value_date__isnull=True, value_text=""),
                name="attestation_one_value",
            ),
        ]
        # a source's review queue asks, for each figure found, whether a link covers its span
        indexes = [models.Index(fields=["source", "start", "end"], name="attestation_source_span")]

    def __str__(self) -> str:
        return f"{self.source.outlet.name}: “{self.quote}”"

    @property
    def value(self) -> Value | None:
        return self.value_of(**{name: getattr(self, name) for name in self.VALUE_COLUMNS})

    @value.setter
    def value(self, value: Value | None) -> None:
        for name, field_value in self.value_fields(value).items():
            setattr(self, name, field_value)

    @staticmethod
    def value_of(
        *,
        value_number: Decimal | None,
        value_qualifier: str,
        value_date: date | None,
        value_date_end: date | None,
        value_date_precision: str,
        value_text: str,
    ) -> Value | None:
        """The value the ``value_*`` columns store (``VALUE_COLUMNS``), from a row read
        without the model (``values()``) as from an instance."""
        if value_number is not None:
            return Quantity(value_number, Qualifier(value_qualifier))
        if value_date is not None:
            return DateValue(value_date, Precision(value_date_precision), value_date_end)
        if value_text:
            return TextValue(value_text)
        return None

    # the columns that store an attestation's value, for queries that read only those
    VALUE_COLUMNS = (
        "value_number",
        "value_qualifier",
        "value_date",
        "value_date_end",
        "value_date_precision",
        "value_text",
    )

    @staticmethod
    def value_fields(value: Value | None) -> dict[str, Any]:
        """The ``value_*`` columns that store ``value``."""
        fields: dict[str, Any] = {
            "value_number": None,
            "value_qualifier": "",
            "value_date": None,
            "value_date_end": None,
            "value_date_precision": "",
            "value_text": "",
        }
        match value:
            case Quantity(number, qualifier):
                fields.update(value_number=number, value_qualifier=qualifier.value)
            case DateValue(start, precision, end):
                fields.update(
                    value_date=start, value_date_end=end, value_date_precision=precision.value
                )
            case TextValue(text):
                fields.update(value_text=text)
        return fields

    @property
    def value_display(self) -> str:
        return describe(self.value)

    @property
    def clipped_before(self) -> bool:
        """Does the sentence go on before the context shown?"""
        at = self.start - len(self.context_before)
        return at > 0 and self.source.text[at - 1] != "\n"

    @property
    def clipped_after(self) -> bool:
        at = self.end + len(self.context_after)
        return at < len(self.source.text) and self.source.text[at] != "\n"

    @property
    def claimant_name(self) -> str:
        """Who the figure is attributed to, as curated; "" for the source's own account."""
        return self.claimant.name if self.claimant else ""

    @property
    def effective_as_of(self) -> date:
        return self.as_of or self.source.published_on

    def as_statement(self) -> Statement:
        return Statement(
            source=str(self.source_id),
            outlet=self.source.outlet.name,
            published=self.source.published_on,
            as_of=self.effective_as_of,
            value=self.value,
            origin=self.source.origin_key,
            claimant=self.claimant_name,
        )

    def place_quote(self, *, near: int | None = None) -> None:
        """Find the quote in the source's text and set the offsets, exact quote and context.

        Raises ``QuoteError`` when the quote is not there, or is there more than once and
        ``near`` does not say which.
        """
        span = locate_quote(self.source.text, self.quote, near=near)
        self.place_span(span)

    def place_span(self, span: Span) -> None:
        """Set the offsets, and the exact quote and its context from the source's text."""
        self.start, self.end = span.start, span.end
        self.quote = self.source.text[span.start : span.end]
        self.context_before, self.context_after = context(self.source.text, span)

    def quote_error(self) -> str | None:
        """Why the stored offsets do not hold the quote, or None if they do."""
        text = self.source.text
        if self.end != self.start + len(self.quote):
            return f"end ({self.end}) is not start ({self.start}) plus the quote's length"
        if text[self.start : self.end] != self.quote:
            return f"the source's text at {self.start}–{self.end} is not the quote"
        return None

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.source_id and self.start is not None and self.end is not None:
            if problem := self.quote_error():
                errors["quote"] = problem
            else:
                self.place_span(Span(self.start, self.end))
        if self.claim_id and (problem := value_shape_error(self.claim.kind, self.value)):
            errors["value_text"] = problem
        if errors:
            raise ValidationError(errors)


class DismissedCandidate(models.Model):
    """A finder suggestion an editor dismissed, so the review queue does not offer it again."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="dismissals")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(max_length=200, blank=True, help_text="Why it states no claim.")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "start", "end"], name="dismissal_unique_span"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="dismissal_span",
                violation_error_message="A dismissed span must end after it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.slug}: “{self.quote}” (dismissed)"


__all__ = [
    "Attestation",
    "Claim",
    "Claimant",
    "ClaimantName",
    "DismissedCandidate",
    "MatchEntry",
    "MatchLedger",
    "QuoteError",
    "Reading",
    "Topic",
]
