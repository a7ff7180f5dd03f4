"""A claim's revision permalinks: the claim as it stood then, and how to cite it; Curators
revert the claim to it from there (``claims.reverting``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseGone
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from accounts.roles import REVERT_PERMISSIONS
from claims import exports, history, reverting
from claims.exports.citing import cited_revision
from claims.models import Claim


def renamed(slug: str, view: str, *args: object) -> HttpResponse:
    """For a slug no claim has now: a permanent redirect if it is a claim's old slug (links
    to claims never break), else a 404."""
    new_slug = history.current_slug(slug)
    if new_slug is None:
        raise Http404("No such claim.")
    return redirect(view, new_slug, *args, permanent=True)


@require_http_methods(["GET", "HEAD", "POST"])
def claim_revision(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    claim = Claim.objects.filter(slug=slug).first()
    if claim is None:
        if request.method == "POST":
            raise Http404("No such claim.")  # a revert names the claim by its slug now
        return renamed(slug, "claims:revision", number)
    if request.method == "POST":
        return _revert(request, claim, number)
    then = history.claim_as_of(claim.pk, number)
    if then is None:
        return pruned_or_404(claim, number)
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
            "may_revert": not then.is_latest and request.user.has_perms(REVERT_PERMISSIONS),
        },
    )


def pruned_or_404(claim: Claim, number: int) -> HttpResponse:
    """410 Gone for a revision pruned from the history (docs/history.md), else 404."""
    if not history.is_pruned(claim.pk, number):
        raise Http404("No such revision.")
    return HttpResponseGone(
        f"Revision {number} of this claim was pruned: this site keeps the history of the last "
        f"{settings.HISTORY_KEEP_DAYS or 'few'} days. The history page lists what is kept: "
        f"{reverse('claims:history', args=[claim.slug])}\n",
        content_type="text/plain; charset=utf-8",
    )


def _revert(request: HttpRequest, claim: Claim, number: int) -> HttpResponse:
    """Revert the claim to revision ``number``, then show the revision that made."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perms(REVERT_PERMISSIONS):
        raise PermissionDenied("Reverting a claim is for Curators.")
    seen = request.POST.get("latest", "")
    try:
        reverting.claim_revert(
            claim=claim, number=number, seen_latest=int(seen) if seen.isdigit() else None
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("claims:revision", claim.slug, number)
    latest = history.revision_count(claim.pk)
    messages.success(
        request, f"Reverted to revision {number}: the claim as it stands now is revision {latest}."
    )
    return redirect("claims:revision", claim.slug, latest)
