from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from claims.search import MAX_PAGE, search
from claims.search.query import MAX_QUERY_LENGTH


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    """Claims, sources and names matching ``q``; ``in=claims|sources`` pages through one."""
    text = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    results = search(text, section=request.GET.get("in", ""), page=page) if text else None
    return render(
        request,
        "claims/search.html",
        {"q": text, "results": results, "max_page": MAX_PAGE},
    )
