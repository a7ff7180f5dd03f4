"""Reads that pages share: a FilterSet applied to the claims a list shows."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from claims.filters import ClaimFilter
from claims.models import Claim


def claim_list(*, filters: dict[str, Any]) -> tuple[ClaimFilter, QuerySet[Claim]]:
    claim_filter = ClaimFilter(filters, queryset=Claim.objects.for_list())
    return claim_filter, claim_filter.qs
