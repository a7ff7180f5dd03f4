"""The API's JSON shapes. Serializers validate and shape; the writes they lead to are in
``claims.services``."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django.db.models.manager import BaseManager
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api.fields import (
    MomentField,
    NamedChoiceField,
    PageUrlField,
    ValueField,
    VerdictField,
    absolute,
)
from claims.models import Attestation, Claim, Claimant, QuoteError, Topic, value_shape_error
from claims.rules.quotes import Span, find_quote, locate_quote
from claims.rules.values import value_to_json
from claims.selectors import ClaimExtras, api_claim_extras
from sources.models import Source
from sources.slugs import slug_address


class VerdictCountsSerializer(serializers.Serializer):
    """How many of a topic's claims have each verdict (``Topic.objects.with_verdict_counts``)."""

    differ = serializers.IntegerField(source="differ_count")
    updated = serializers.IntegerField(source="updated_count")
    agree = serializers.IntegerField(source="agree_count")
    single = serializers.IntegerField(source="single_count")


class TopicSerializer(serializers.ModelSerializer):
    claim_count = serializers.IntegerField(read_only=True)
    verdict_counts = VerdictCountsSerializer(source="*", read_only=True)
    url = PageUrlField()

    class Meta:
        model = Topic
        fields = ["slug", "title", "description", "claim_count", "verdict_counts", "url"]


class SourceSerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(source="outlet.name", read_only=True)
    outlet_slug = serializers.CharField(source="outlet.slug", read_only=True)
    authors = serializers.ListField(child=serializers.CharField(), read_only=True)
    url = serializers.CharField(
        read_only=True, help_text="Where the source was published; blank when not known."
    )
    kind = NamedChoiceField(component="SourceKind", choices=Source.Kind.choices, read_only=True)
    published = MomentField()
    updated = MomentField(allow_null=True)
    copy_of = serializers.CharField(
        source="copy_of_slug",
        read_only=True,
        allow_null=True,
        help_text="The slug of the original this source is a copy of; copies count once.",
    )
    topics = serializers.SerializerMethodField(
        help_text="The topics the source is filed under or states claims of."
    )
    page_url = PageUrlField(help_text="The source's page on this site, with its claims marked.")

    class Meta:
        model = Source
        fields = [
            "slug",
            "outlet",
            "outlet_slug",
            "title",
            "authors",
            "url",
            "kind",
            "language",
            "published",
            "updated",
            "copy_of",
            "topics",
            "page_url",
        ]
        read_only_fields = fields

    def get_topics(self, source: Source) -> list[str]:
        filed = {topic.slug for topic in source.topics.all()}
        stated = {a.claim.topic.slug for a in source.topic_links}  # type: ignore[attr-defined]  # prefetched
        return sorted(filed | stated)


class SourceDetailSerializer(SourceSerializer):
    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "text"]
        read_only_fields = fields


class AttestationSerializer(serializers.ModelSerializer):
    # A field named "source" shadows Field.source in the stubs, not at run time.
    source = serializers.CharField(source="source.slug", read_only=True)  # type: ignore[assignment]
    outlet = serializers.CharField(source="source.outlet.name", read_only=True)
    value = ValueField(read_only=True)
    as_of = serializers.DateField(
        source="effective_as_of",
        read_only=True,
        help_text="The date the value was true as of: the source's publication date unless "
        "the source dates it otherwise.",
    )
    url = serializers.SerializerMethodField(help_text="The quote's place in the source's text.")
    claimant: serializers.SlugRelatedField[Claimant] = serializers.SlugRelatedField(
        slug_field="name",
        read_only=True,
        allow_null=True,
        help_text="Who the figure is attributed to, as curated (one name for all the ways "
        "sources write it); null when the source gives it on its own account.",
    )

    class Meta:
        model = Attestation
        fields = [
            "id",
            "source",
            "outlet",
            "quote",
            "start",
            "end",
            "value",
            "as_of",
            "attributed_to",
            "claimant",
            "url",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, attestation: Attestation) -> str:
        page = reverse("claims:source", args=[attestation.source.slug])
        return absolute(self.context.get("request"), f"{page}#att-{attestation.pk}")


class PageAddresses:
    """The full addresses of the pages of a URL name with one slug argument (``claims:detail``,
    ``claims:source``): the site's origin, found once for the request, before the page's path
    (``slug_address``). A page of claims links some 250 pages: a ``reverse()`` and a
    ``build_absolute_uri()`` each were a good part of its time."""

    def __init__(self, request: Any, name: str) -> None:
        self.origin = absolute(request, "/").removesuffix("/")  # "" without a request
        self.name = name

    def __call__(self, slug: str) -> str:
        return self.origin + slug_address(self.name, slug)


def attestation_row_json(row: dict[str, Any], source_page: PageAddresses) -> dict[str, Any]:
    """``AttestationSerializer``'s representation of a row of ``API_ATTESTATION_COLUMNS``."""
    slug = row["source__slug"]
    value = Attestation.value_of(**{name: row[name] for name in Attestation.VALUE_COLUMNS})
    as_of: date = row["as_of"] or row["source__published_on"]
    return {
        "id": row["id"],
        "source": slug,
        "outlet": row["source__outlet__name"],
        "quote": row["quote"],
        "start": row["start"],
        "end": row["end"],
        "value": value_to_json(value),
        "as_of": as_of.isoformat(),
        "attributed_to": row["attributed_to"],
        "claimant": row["claimant__name"],
        "url": f"{source_page(slug)}#att-{row['id']}",
    }


class ClaimPages:
    """The addresses a claim's representation links: its page and its sources' pages."""

    def __init__(self, request: Any) -> None:
        self.claim = PageAddresses(request, "claims:detail")
        self.source = PageAddresses(request, "claims:source")


class ClaimListSerializer(serializers.ListSerializer):
    """Claims with the attestations and parts of them all read at once (two queries)."""

    def to_representation(self, data: Any) -> list[dict[str, Any]]:
        claims = list(data.all() if isinstance(data, BaseManager) else data)
        extras = api_claim_extras([claim.pk for claim in claims])
        child = cast(ClaimSerializer, self.child)
        pages = ClaimPages(self.context.get("request"))
        return [child.represent(claim, extras, pages) for claim in claims]


class ClaimSerializer(serializers.ModelSerializer):
    topic = serializers.SlugRelatedField(slug_field="slug", queryset=Topic.objects.all())
    kind = NamedChoiceField(component="ClaimKind", choices=Claim.Kind.choices)
    verdict = VerdictField()
    explanation = serializers.CharField(source="verdict_explanation", read_only=True)
    source_count = serializers.IntegerField(read_only=True)
    independent_count = serializers.IntegerField(
        read_only=True,
        help_text="Origins, as the verdict counts them: a claimant once however many outlets "
        "repeat it, a syndicated copy and its original once.",
    )
    parts: serializers.SlugRelatedField[Claim] = serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        read_only=True,
        help_text="For a composite claim, the claims it is the sum of.",
    )
    url = PageUrlField()
    attestations = AttestationSerializer(many=True, read_only=True)

    class Meta:
        model = Claim
        fields = [
            "slug",
            "topic",
            "statement",
            "kind",
            "subject",
            "unit",
            "entity",
            "predicate",
            "qualifiers",
            "event",
            "changes_over_time",
            "verdict",
            "explanation",
            "rating",
            "rating_explanation",
            "source_count",
            "independent_count",
            "parts",
            "url",
            "attestations",
        ]
        list_serializer_class = ClaimListSerializer

    def to_representation(self, instance: Claim) -> dict[str, Any]:
        pages = ClaimPages(self.context.get("request"))
        return self.represent(instance, api_claim_extras([instance.pk]), pages)

    def represent(self, claim: Claim, extras: ClaimExtras, pages: ClaimPages) -> dict[str, Any]:
        """What DRF's field by field ``to_representation`` makes of the claim (a test holds
        them equal: a field added to ``Meta.fields`` goes here too), built straight from the
        rows read: DRF's generic fields cost several times the page's queries."""
        attestations = extras.attestations.get(claim.pk, [])
        return {
            "slug": claim.slug,
            "topic": claim.topic_slug,  # type: ignore[attr-defined]  # api_claims annotates it
            "statement": claim.statement,
            "kind": claim.kind,
            "subject": claim.subject,
            "unit": claim.unit,
            "entity": claim.entity,
            "predicate": claim.predicate,
            "qualifiers": claim.qualifiers,
            "event": claim.event,
            "changes_over_time": claim.changes_over_time,
            "verdict": claim.verdict or None,
            "explanation": claim.verdict_explanation,
            "rating": claim.rating,
            "rating_explanation": claim.rating_explanation,
            "source_count": claim.source_count,
            "independent_count": claim.independent_count,
            "parts": extras.parts.get(claim.pk, []),
            "url": pages.claim(claim.slug),  # its get_absolute_url
            "attestations": [attestation_row_json(row, pages.source) for row in attestations],
        }

    def validate_kind(self, kind: str) -> str:
        """A claim that sources already state keeps values that fit its kind."""
        claim: Claim | None = self.instance
        if claim is not None and kind != claim.kind:
            for attestation in claim.attestations.select_related("source").in_as_of_order():
                if problem := value_shape_error(kind, attestation.value):
                    raise serializers.ValidationError(
                        f"{attestation.source.slug} states this claim with "
                        f"{attestation.value_display}, but {problem}"
                    )
        return kind


class AttestationLinkSerializer(serializers.Serializer):
    """A span of a source to link to the claim in the serializer's context (``claim``)."""

    source = serializers.SlugRelatedField(  # type: ignore[assignment]  # as above
        slug_field="slug", queryset=Source.objects.all()
    )
    quote = serializers.CharField(
        help_text="The source's words; straight quotes and hyphens find curly ones and dashes."
    )
    start = serializers.IntegerField(
        min_value=0,
        required=False,
        allow_null=True,
        help_text="Where the quote starts in the source's text, in Unicode code points: it "
        "must start there. Needed for a quote the source repeats.",
    )
    end = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text="Where the quote ends (after its last character): it must end there.",
    )
    value = ValueField(required=False, default=None)
    as_of = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The date the value was true as of; null for the source's publication date.",
    )
    attributed_to = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        claim: Claim = self.context["claim"]
        source: Source = attrs["source"]
        span = quote_span(source.text, attrs["quote"], attrs.get("start"), attrs.get("end"))
        if problem := value_shape_error(claim.kind, attrs["value"]):
            raise serializers.ValidationError({"value": [problem]})
        attrs["start"], attrs["end"] = span.start, span.end
        return attrs


def quote_span(text: str, quote: str, start: int | None, end: int | None) -> Span:
    """Where ``quote`` is in ``text``: the one place it occurs, or the one the offsets give.
    Offsets past the text, an end before the start, or a quote that is not at them are a
    ``ValidationError`` on the field at fault: an offset is never moved to the nearest
    occurrence, which would link words the client did not mean."""
    length = len(text)
    if start is not None and start >= length:
        raise _refused(
            "start", f"The source's text is {length} characters long: {start} is past it."
        )
    if end is not None and end > length:
        raise _refused("end", f"The source's text is {length} characters long: {end} is past it.")
    if start is not None and end is not None and end <= start:
        raise _refused("end", f"end ({end}) must be after start ({start}).")
    try:  # without offsets a repeated quote is refused too; with them, only a missing one
        only = locate_quote(text, quote, near=start if start is not None else end)
    except QuoteError as error:
        raise _refused("quote", str(error)) from None
    if start is None and end is None:
        return only
    spans = find_quote(text, quote)
    at = [
        span
        for span in spans
        if (start is None or span.start == start) and (end is None or span.end == end)
    ]
    if at:
        return at[0]
    where = ", ".join(f"{span.start}–{span.end}" for span in spans)
    if start is not None and all(span.start != start for span in spans):
        raise _refused("start", f"The quote does not start at {start}: it is at {where}.")
    raise _refused("end", f"The quote does not end at {end}: it is at {where}.")


def _refused(field: str, message: str) -> serializers.ValidationError:
    return serializers.ValidationError({field: [message]})


class ClaimVerdictSerializer(serializers.ModelSerializer):
    verdict = VerdictField()
    explanation = serializers.CharField(source="verdict_explanation", read_only=True)

    class Meta:
        model = Claim
        fields = ["slug", "verdict", "explanation"]
        read_only_fields = fields


class LinkedAttestationSerializer(AttestationSerializer):
    """A new attestation with its claim's verdict after the link."""

    claim = ClaimVerdictSerializer(read_only=True)

    class Meta(AttestationSerializer.Meta):
        fields = [*AttestationSerializer.Meta.fields, "claim"]
        read_only_fields = fields


class ClaimantField(serializers.SlugRelatedField[Claimant]):
    """A claimant, shown by its name, found by its slug or by any name sources give it."""

    default_error_messages = {
        **serializers.SlugRelatedField.default_error_messages,
        "does_not_exist": "No claimant has the slug or the name “{value}”.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="name", queryset=Claimant.objects.all(), **kwargs)

    def to_internal_value(self, data: Any) -> Claimant:
        if not isinstance(data, str):
            self.fail("invalid")
        found = Claimant.objects.filter(slug=data).first() or Claimant.objects.named(data).first()
        if found is None:
            self.fail("does_not_exist", value=data)
        return found


class AttestationEditSerializer(serializers.Serializer):
    """Who an attestation's figure is attributed to. The other fields are the span's and the
    claim's: unlink and link again to change them."""

    attributed_to = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Who the source attributes the figure to, in its words. Unless `claimant` is "
        "given too, the claimant becomes the one these words name (a new one, named as "
        "written, if none has the name); blank: the source's own account.",
    )
    claimant = ClaimantField(
        required=False,
        allow_null=True,
        help_text="A claimant's slug or any of its names, to correct who the words name; null: "
        "the source gives the figure on its own account, and `attributed_to` is cleared.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "claimant" in attrs and attrs["claimant"] is None and attrs.get("attributed_to"):
            raise serializers.ValidationError(
                {
                    "claimant": [
                        "Words that attribute the figure name a claimant: leave "
                        "attributed_to blank for the source's own account."
                    ]
                }
            )
        return attrs


class AliasesField(serializers.ListField):
    """Read: the names sources give a claimant besides its own (as the dataset format lists
    them). Written: names to add; none is removed."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(child=serializers.CharField(max_length=200), required=False)
        super().__init__(**kwargs)

    def get_attribute(self, instance: Claimant) -> list[str]:
        return [n.name for n in instance.names.all() if n.name != instance.name]


class ClaimantSerializer(serializers.ModelSerializer):
    aliases = AliasesField(
        help_text='The other names sources give the claimant ("the Met"). Sent, they are '
        "added to its names; a name of another claimant is refused."
    )
    attestation_count = serializers.IntegerField(
        read_only=True, help_text="How many attestations attribute their figure to it."
    )
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Claimant
        fields = ["slug", "name", "aliases", "attestation_count", "api_url"]
        read_only_fields = ["slug"]
        # the services refuse a name any claimant has, saying which
        extra_kwargs: dict[str, dict[str, Any]] = {"name": {"validators": []}}

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, claimant: Claimant) -> str:
        path = reverse("api:claimant", args=[claimant.slug])
        return absolute(self.context.get("request"), path)


class ClaimantMergeSerializer(serializers.Serializer):
    into = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Claimant.objects.all(),
        help_text="The slug of the claimant to keep; the one in the path is merged into it.",
    )
