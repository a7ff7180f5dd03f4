from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet

from claims.models import VERDICT_CHOICES, Attestation, Claim, Claimant, Topic
from claims.search import matching_claims
from sources.models import Outlet, Source

SORT_CHOICES = [
    ("contested", "Most contested"),
    ("newest", "Newest source"),
    ("sources", "Most sources"),
]


class ClaimFilter(django_filters.FilterSet):
    """The claim list's filters and sort. It validates the query string and narrows the
    queryset; what each row shows is loaded by ``ClaimQuerySet.for_list``."""

    q = django_filters.CharFilter(method="search", label="Search")
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.order_by("title"), to_field_name="slug", empty_label="All topics"
    )
    verdict = django_filters.ChoiceFilter(choices=VERDICT_CHOICES, empty_label="Any verdict")
    kind = django_filters.ChoiceFilter(choices=Claim.Kind.choices, empty_label="Any kind")
    outlet = django_filters.ModelChoiceFilter(
        queryset=Outlet.objects.order_by("name"),
        to_field_name="slug",
        method="applied_later",
        label="Outlet",
        empty_label="Any outlet",
    )
    source = django_filters.ModelChoiceFilter(
        queryset=Source.objects.with_outlet().latest_first(),
        to_field_name="slug",
        method="applied_later",
        label="Source",
        empty_label="Any source",
    )
    claimant = django_filters.ModelChoiceFilter(
        queryset=Claimant.objects.order_by("name"),
        to_field_name="slug",
        method="applied_later",
        label="Who says it",
        empty_label="Anyone",
    )
    published_after = django_filters.DateFilter(
        method="applied_later",
        label="Published from",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    published_before = django_filters.DateFilter(
        method="applied_later",
        label="Published until",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="applied_later", empty_label=None, label="Sort by"
    )

    class Meta:
        model = Claim
        fields = ["q", "topic", "verdict", "kind", "outlet", "source", "claimant"]

    def search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return matching_claims(queryset, value)  # full-text, as the search page (docs/search.md)

    def applied_later(self, queryset: QuerySet[Claim], name: str, value: object) -> QuerySet[Claim]:
        return queryset  # see filter_queryset (outlet, source, dates) and the selector (sort)

    def filter_queryset(self, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        # One attestation must match them all: "the Guardian, in 2019" is one source's say.
        lookups = {
            lookup: data[key]
            for key, lookup in ATTESTATION_LOOKUPS.items()
            if data.get(key) is not None
        }
        if lookups:
            attested = Attestation.objects.filter(**lookups).values("claim_id")
            queryset = queryset.filter(pk__in=attested)  # a subquery keeps per-row counts true
        return queryset

    @property
    def sort_key(self) -> str:
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return data.get("sort") or "contested"


ATTESTATION_LOOKUPS = {
    "outlet": "source__outlet",
    "source": "source",
    "claimant": "claimant",
    "published_after": "source__published_on__gte",
    "published_before": "source__published_on__lte",
}
