from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from claims.picking import KINDS


@require_safe
def pick(request: HttpRequest, kind: str) -> JsonResponse:
    """A few ``{value, label}`` matches for what was typed (``q``), for a search box."""
    if kind not in KINDS:
        raise Http404("Nothing of that kind is picked here.")
    return JsonResponse({"results": KINDS[kind].matches(request.GET.get("q", ""))})
