from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from sources.models import Source


@require_GET
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source.objects.with_outlet(), slug=slug)
    return render(request, "sources/source_detail.html", {"source": source})
