from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from claims import history, selectors
from claims.forms import CompareForm
from claims.models import Claim
from claims.views.revisions import renamed
from sources.models import Source

CLAIMS_PER_PAGE = 50
SOURCES_PER_PAGE = 50
HOME_LIST_LENGTH = 6
HOME_TOPICS = 20  # the rest are a page away, on /topics/


def _found[T](read: Callable[..., T], **lookup: str) -> T:
    """What ``read`` finds, or a 404 when it finds nothing."""
    try:
        return read(**lookup)
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    topics = selectors.topic_list_page(cursor=None, size=HOME_TOPICS)
    context = {
        "topics": topics.page.rows,
        "topic_total": topics.total,
        "verdicts": selectors.VERDICT_ORDER,
        "contested": Claim.objects.for_rows().contested()[:HOME_LIST_LENGTH],
        "latest_sources": Source.objects.with_outlet().latest_first()[:HOME_LIST_LENGTH],
    }
    return render(request, "claims/home.html", context)


@require_safe
def claim_list(request: HttpRequest) -> HttpResponse:
    listed = selectors.claim_list_page(filters=request.GET, size=CLAIMS_PER_PAGE)
    return render(
        request,
        "claims/claim_list.html",
        {
            "filter": listed.filter,
            "page": listed.page,
            "total": listed.total,
            "query": listed.query,
        },
    )


def _site(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        page = selectors.claim_page(slug=slug, site=_site(request))
    except Claim.DoesNotExist:
        return renamed(slug, "claims:detail")
    return render(request, "claims/claim_detail.html", {"page": page, "claim": page.claim})


@require_safe
def claim_history(request: HttpRequest, slug: str) -> HttpResponse:
    claim = Claim.objects.select_related("topic").filter(slug=slug).first()
    if claim is None:
        return renamed(slug, "claims:history")
    revisions = history.claim_revisions(claim.pk)
    return render(
        request,
        "claims/claim_history.html",
        {"claim": claim, "revisions": list(reversed(revisions))},
    )


@require_safe
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = _found(selectors.topic_page, slug=slug)
    return render(request, "claims/topic_detail.html", {"page": page, "topic": page.topic})


@require_safe
def source_list(request: HttpRequest) -> HttpResponse:
    listed = selectors.source_list_page(cursor=request.GET.get("cursor"), size=SOURCES_PER_PAGE)
    return render(request, "claims/source_list.html", {"page": listed.page, "total": listed.total})


@require_safe
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    reader = _found(selectors.source_reader, slug=slug)
    citing = selectors.source_citing(reader.source, site=_site(request))
    return render(
        request,
        "claims/source_detail.html",
        {
            "reader": reader,
            "source": reader.source,
            "verdicts": selectors.VERDICT_ORDER,
            "citing": citing,
        },
    )


@require_safe
def compare_sources(request: HttpRequest) -> HttpResponse:
    # Arriving from a reader ("compare with…") preselects that source; submitting validates.
    if "go" in request.GET or len(request.GET.getlist("source")) > 1:
        form = CompareForm(request.GET)
    else:
        form = CompareForm(initial={"source": request.GET.getlist("source")})
    comparison = None
    if form.is_valid():
        comparison = selectors.source_comparison(sources=form.cleaned_data["source"])
    return render(request, "claims/compare.html", {"form": form, "comparison": comparison})
