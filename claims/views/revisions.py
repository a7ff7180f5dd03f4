"""A claim's revision permalinks: the claim as it stood then, and how to cite it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from claims import exports, history
from claims.exports.citing import cited_revision
from claims.models import Claim


def renamed(slug: str, view: str, *args: object) -> HttpResponse:
    """For a slug no claim has now: a permanent redirect if it is a claim's old slug (links
    to claims never break), else a 404."""
    new_slug = history.current_slug(slug)
    if new_slug is None:
        raise Http404("No such claim.")
    return redirect(view, new_slug, *args, permanent=True)


@require_GET
def claim_revision(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    claim = Claim.objects.filter(slug=slug).first()
    if claim is None:
        return renamed(slug, "claims:revision", number)
    then = history.claim_as_of(claim.pk, number)
    if then is None:
        raise Http404("No such revision.")
    cited = cited_revision(then, slug=claim.slug, site=request.build_absolute_uri("/")[:-1])
    return render(
        request,
        "claims/claim_revision.html",
        {
            "current": claim,
            "then": then,
            "claim": then.claim,
            "cited": cited,
            "citation": exports.citation_parts(cited, accessed=timezone.localdate()),
            "meta": exports.citation_meta(cited),
        },
    )
