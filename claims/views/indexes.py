"""Index pages: every topic, and the API's front door."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from claims import selectors

TOPICS_PER_PAGE = 50


@dataclass(frozen=True)
class ApiLink:
    key: str  # its name in the JSON index
    name: str  # its URL name
    label: str
    about: str


API_LISTS = [
    ApiLink("topics", "api:topics", "Topics", "every topic, its claims counted by verdict"),
    ApiLink("claims", "api:claims", "Claims", "claims with their quotes and verdicts; filterable"),
    ApiLink("sources", "api:sources", "Sources", "sources with their outlet and topics"),
    ApiLink("claimants", "api:claimants", "Claimants", "who sources attribute figures to"),
]
API_DOCS = [
    ApiLink("docs", "api:docs", "Interactive documentation", "Swagger UI: try each endpoint"),
    ApiLink("schema", "api:schema", "OpenAPI schema", "the machine-readable description"),
]


@require_safe
def topic_list(request: HttpRequest) -> HttpResponse:
    """Every topic with its claims counted by verdict, a page at a time: the page's topics
    from the title index, their counts, and the total (bounded: ``keyset.total``)."""
    listed = selectors.topic_list_page(cursor=request.GET.get("cursor"), size=TOPICS_PER_PAGE)
    return render(
        request,
        "claims/topic_list.html",
        {
            "page": listed.page,
            "topics": listed.page.rows,
            "total": listed.total,
            "verdicts": selectors.VERDICT_ORDER,
        },
    )


@require_safe
def api_index(request: HttpRequest) -> HttpResponse:
    """Links to the API's lists and its documentation: a page for people, JSON for a client
    that asks for it."""
    if request.get_preferred_type(["text/html", "application/json"]) == "application/json":
        links = {link.key: request.build_absolute_uri(reverse(link.name)) for link in API_LISTS}
        for link in API_DOCS:
            links[link.key] = request.build_absolute_uri(reverse(link.name))
        return JsonResponse(links)
    return render(request, "claims/api_index.html", {"lists": API_LISTS, "docs": API_DOCS})
