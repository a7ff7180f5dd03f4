from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet

from claims.models import VERDICT_CHOICES, Attestation, Claim
from claims.picking import PickField
from claims.search import matching_claims

SORT_CHOICES = [
    ("contested", "Most contested"),
    ("newest", "Newest source"),
    ("sources", "Most sources"),
]


class PickFilter(django_filters.Filter):
    """A topic, outlet, source or claimant, typed (slug or whole name) or picked from matches."""

    field_class = PickField

    def __init__(self, *, kind: str, **kwargs: Any) -> None:
        super().__init__(kind=kind, **kwargs)


class ClaimFilter(django_filters.FilterSet):
    """The claim list's filters and sort. It validates the query string and narrows the
    queryset; what each row shows is loaded by ``ClaimQuerySet.for_list``."""

    q = django_filters.CharFilter(method="search", label="Search")
    topic = PickFilter(kind="topic", label="Topic")
    verdict = django_filters.ChoiceFilter(choices=VERDICT_CHOICES, empty_label="Any verdict")
    kind = django_filters.ChoiceFilter(choices=Claim.Kind.choices, empty_label="Any kind")
    # typed and picked from a few matches: a list of every source would grow with the ledger
    outlet = PickFilter(kind="outlet", method="applied_later", label="Outlet")
    source = PickFilter(kind="source", method="applied_later", label="Source")
    claimant = PickFilter(kind="claimant", method="applied_later", label="Who says it")
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
