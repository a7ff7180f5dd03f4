from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from claims.models import Claim, Topic
from claims.selectors import claim_list
from claims.verdicts import Verdict

CLAIMS_PER_PAGE = 50


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    topics = Topic.objects.with_verdict_counts().order_by("title")
    return render(request, "claims/home.html", {"topics": topics, "verdicts": list(Verdict)})


@require_GET
def claim_list_view(request: HttpRequest) -> HttpResponse:
    claim_filter, claims = claim_list(filters=request.GET)
    page = Paginator(claims, CLAIMS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "claims/claim_list.html",
        {"filter": claim_filter, "page": page, "query": query.urlencode()},
    )


@require_GET
def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.for_page(), slug=slug)
    return render(request, "claims/claim_detail.html", {"claim": claim})
