"""The API's filters: the claim list page's own, the source list's and the claimant list's."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from claims.claimants import Claimant, ClaimantName
from claims.filters import ClaimFilter
from claims.models import Attestation, Claim, ClaimQuerySet, Topic
from sources.models import Outlet, Source


class ApiClaimFilter(ClaimFilter):
    """The claim list page's filters, sorted as the page sorts (``sort``). The queryset must
    come from ``Claim.objects.for_list()``: the sorts use its counts."""

    def filter_queryset(self, queryset: QuerySet[Claim]) -> ClaimQuerySet:
        claims = super().filter_queryset(queryset)
        assert isinstance(claims, ClaimQuerySet)  # for_list()'s, as the docstring says
        return claims.sorted_by(self.sort_key)


class SourceFilter(django_filters.FilterSet):
    outlet = django_filters.ModelChoiceFilter(
        queryset=Outlet.objects.all(), to_field_name="slug", label="Outlet (slug)"
    )
    kind = django_filters.ChoiceFilter(choices=Source.Kind.choices)
    published_after = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", label="Published on or after"
    )
    published_before = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", label="Published on or before"
    )
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        method="in_topic",
        label="Topic (slug): filed under it, or stating one of its claims",
    )

    class Meta:
        model = Source
        fields = ["outlet", "kind", "published_after", "published_before", "topic"]

    def in_topic(self, queryset: QuerySet[Source], name: str, value: Topic) -> QuerySet[Source]:
        filed = Topic.sources.through.objects.filter(topic=value).values("source_id")
        stated = Attestation.objects.filter(claim__topic=value).values("source_id")
        return queryset.filter(Q(pk__in=filed) | Q(pk__in=stated))


class ClaimantFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="named", label="Text in any of its names, in any case: “met” finds “the Met”"
    )

    class Meta:
        model = Claimant
        fields = ["q"]

    def named(self, queryset: QuerySet[Claimant], name: str, value: str) -> QuerySet[Claimant]:
        # a subquery, not a join: a claimant with two matching names is listed once
        names = ClaimantName.objects.filter(name__icontains=value).values("claimant_id")
        return queryset.filter(Q(name__icontains=value) | Q(pk__in=names))
