"""The API's filters: the claim list page's own, the source list's and the claimant list's,
each refusing what a FilterSet would pass over without a word (``QueryForm``)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from claims.claimants import Claimant, ClaimantName
from claims.filters import ClaimFilter, PickFilter
from claims.models import Attestation, Claim, ClaimQuerySet, Topic
from sources.models import Source


class QueryForm(forms.Form):
    """An API query string, refused with a 400 naming the parameter where a filter would
    otherwise ignore or guess: a name no filter has ("verdicts"), a second value of a filter
    that takes one (only the last was used), a date not written YYYY-MM-DD ("01/02/2019" was
    read as 2 January)."""

    # read by others: the pager's parameter (keyset pages, claims.api.pagination), and DRF's
    # choice of renderer ("?format=json")
    pager = "cursor"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.input_formats = ["%Y-%m-%d"]
                field.error_messages["invalid"] = "Enter a date as YYYY-MM-DD."

    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound:
            return
        for name in self.data:
            if name in (self.pager, "format"):
                continue
            field = self.fields.get(name)
            if field is None:
                known = ", ".join([*self.fields, self.pager])
                self.errors[name] = self.error_class(
                    [f"Unknown parameter; this list takes {known}."]
                )
                continue
            values = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data[name]]
            if len(values) > 1 and not getattr(field.widget, "allow_multiple_selected", False):
                self.add_error(name, f"Give one value, not {len(values)}.")


class ApiClaimFilter(ClaimFilter):
    """The claim list page's filters, sorted as the page sorts (``sort``). The queryset must
    be a ``ClaimQuerySet``, whose ``sorted_by`` sorts on the claims' stored counts."""

    q = django_filters.CharFilter(
        method="search",
        label="Words in the statement, subject or a quote, in any form: “investigated” finds "
        '“investigation”; "a phrase" in quotes, OR between alternatives, -word to leave '
        "one out (docs/search.md)",
    )

    class Meta(ClaimFilter.Meta):
        form = QueryForm

    def filter_queryset(self, queryset: QuerySet[Claim]) -> ClaimQuerySet:
        claims = super().filter_queryset(queryset)
        assert isinstance(claims, ClaimQuerySet)  # as the docstring says
        return claims.sorted_by(self.sort_key)


class SourceFilter(django_filters.FilterSet):
    # typed, not chosen from a list of every outlet or topic (the browsable API's form)
    outlet = PickFilter(kind="outlet", label="Outlet (slug)")
    kind = django_filters.ChoiceFilter(choices=Source.Kind.choices)
    published_after = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", label="Published on or after"
    )
    published_before = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", label="Published on or before"
    )
    topic = PickFilter(
        kind="topic",
        method="in_topic",
        label="Topic (slug): filed under it, or stating one of its claims",
    )

    class Meta:
        model = Source
        fields = ["outlet", "kind", "published_after", "published_before", "topic"]
        form = QueryForm

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
        form = QueryForm

    def named(self, queryset: QuerySet[Claimant], name: str, value: str) -> QuerySet[Claimant]:
        # a subquery, not a join: a claimant with two matching names is listed once
        names = ClaimantName.objects.filter(name__icontains=value).values("claimant_id")
        return queryset.filter(Q(name__icontains=value) | Q(pk__in=names))
