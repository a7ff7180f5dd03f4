"""Editors add sources and review what the finder sees in them. Every view here writes or
leads to a write, so every one needs a logged-in user with the right permission."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods, require_POST

from accounts import limits
from claims import services
from claims.forms import AddSourceForm, DismissForm, LinkForm, NewClaimForm
from claims.models import Attestation, DismissedCandidate
from claims.review.queue import review_queue
from claims.review.reading import current_reading, reading_start, ready_reading
from claims.rules.counted import Counted, split_qualifiers
from sources.ingest import IngestError
from sources.models import Source
from sources.services import DuplicateSource, MissingMetadata, extract_input
from sources.slugs import latin_slug, name_slug

can_review = permission_required("claims.add_attestation", raise_exception=True)


@login_required
@permission_required("sources.add_source", raise_exception=True)
@require_http_methods(["GET", "HEAD", "POST"])
def source_add(request: HttpRequest) -> HttpResponse:
    form = AddSourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["url"] and not (fetch := limits.url_fetch(request.user)).allowed:
            form.add_error(
                "url",
                f"You have had {fetch.rate.count} web addresses fetched this {fetch.rate.period}, "
                f"the most allowed: try again in {fetch.wait_minutes} minutes, or upload the "
                "page as a file or paste its text.",
            )
            return render(request, "claims/source_add.html", {"form": form}, status=429)
        try:
            extracted = extract_input(
                url=data["url"],
                upload=data["upload"],
                text=data["text"],
                allow_private=settings.INGEST_ALLOW_PRIVATE_ADDRESSES,
            )
            source, near = services.source_add(
                extracted=extracted,
                outlet=data["outlet"],
                title=data["title"],
                published=data["published"],
                kind=data["kind"],
                url=data["url"],
                topics=list(data["topics"]),
            )
        except DuplicateSource as duplicate:
            form.add_error(
                None,
                format_html(
                    'The same text is already stored as <a href="{}">{}</a>.',
                    duplicate.existing.get_absolute_url(),
                    duplicate.existing.title,
                ),
            )
        except (IngestError, MissingMetadata) as error:
            form.add_error(None, str(error))
        except ValidationError as error:  # what was read does not fit a source (a long URL)
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, f"Added “{source.title}”. Review what it states below.")
            if near:
                messages.warning(
                    request,
                    format_html(
                        'This looks like a copy of <a href="{}">{}</a> ({}% alike), so it is '
                        "marked as a copy and does not count as an independent source.",
                        near.original.get_absolute_url(),
                        near.original.title,
                        round(near.similarity * 100),
                    ),
                )
            return redirect("claims:review", source.slug)
    return render(request, "claims/source_add.html", {"form": form})


@login_required
@can_review
def review_queue_view(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source.objects.with_outlet(), slug=slug)
    reading = ready_reading(source)
    if reading is None:  # a long text, not read yet: how far the worker has got
        reading = current_reading(source) or reading_start(source)
        return render(request, "claims/review_reading.html", {"source": source, "reading": reading})
    queue = review_queue(
        source=source,
        reading=reading,
        page=_number(request.GET.get("page"), 1) or 1,
        after=_number(request.GET.get("after"), None),
        curated=request.GET.get("curated") == "show",
    )
    return render(
        request,
        "claims/review.html",
        {"queue": queue, "source": source, "undo": _last_action(request, source)},
    )


@login_required
@can_review
def reading_progress(request: HttpRequest, slug: str) -> JsonResponse:
    """How far the worker has read the source, for the progress bar to follow."""
    source = get_object_or_404(Source, slug=slug)
    reading = current_reading(source)
    if reading is None:
        return JsonResponse({"state": "none", "percent": 0, "done": 0, "total": 0})
    return JsonResponse(
        {
            "state": reading.state,
            "label": reading.get_state_display(),
            "percent": reading.percent,
            "done": reading.done,
            "total": reading.total,
        }
    )


@login_required
@can_review
@require_POST
def read_again(request: HttpRequest, slug: str) -> HttpResponse:
    """Queue a reading that failed once more (after the finder was mended, say)."""
    source = get_object_or_404(Source, slug=slug)
    reading_start(source)
    return _back(source)


def _number(text: str | None, default: int | None) -> int | None:
    return int(text) if text and text.isdigit() and len(text) < 10 else default


def _back(source: Source, after: int | None = None) -> HttpResponse:
    """To the queue, at the page and the suggestion after the one just acted on."""
    url = reverse("claims:review", args=[source.slug])
    return redirect(f"{url}?after={after}#after-{after}" if after is not None else url)


# The editor's last action on a source's queue, so the queue can offer to undo it.
_LAST = "review-last-action"


def _remember(request: HttpRequest, source: Source, kind: str, pk: int) -> None:
    request.session[_LAST] = {"source": source.pk, "kind": kind, "pk": pk}


def _last_action(request: HttpRequest, source: Source) -> Attestation | DismissedCandidate | None:
    last = request.session.get(_LAST) or {}
    pk = last.get("pk")
    if last.get("source") != source.pk or not isinstance(pk, int):
        return None
    if last.get("kind") == "link":
        return source.attestations.select_related("claim").filter(pk=pk).first()
    if last.get("kind") == "dismissal":
        return source.dismissals.filter(pk=pk).first()
    return None


@login_required
@can_review
@require_POST
def link(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source.objects.with_outlet(), slug=slug)
    form = LinkForm(request.POST, source=source)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return _back(source)
    data = form.cleaned_data
    try:
        attestation = services.attestation_link(
            source=source,
            claim=data["claim"],
            reason=request.POST.get("reason", ""),
            **_span_and_value(data),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(source)
    claim = data["claim"]  # its verdict was refreshed in place
    _remember(request, source, "link", attestation.pk)
    messages.success(
        request,
        format_html(
            'Linked “{}” to <a href="{}">{}</a>, now {}.',
            attestation.quote,
            claim.get_absolute_url(),
            claim.statement.rstrip("."),
            claim.verdict,
        ),
    )
    return _back(source, data["end"])


@login_required
@can_review
@permission_required("claims.delete_attestation", raise_exception=True)
@require_POST
def unlink(request: HttpRequest, slug: str) -> HttpResponse:
    """Undo a link: the quote no longer states the claim, and the claim's verdict is recomputed."""
    source = get_object_or_404(Source, slug=slug)
    attestation = get_object_or_404(
        source.attestations.select_related("claim"), pk=_number(request.POST.get("attestation"), 0)
    )
    try:
        claim = services.attestation_unlink(
            attestation=attestation, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:  # changed by someone else since the page was shown
        messages.error(request, " ".join(error.messages))
        return _back(source)
    request.session.pop(_LAST, None)
    messages.success(
        request,
        format_html(
            'Unlinked “{}” from <a href="{}">{}</a>, now {}.',
            attestation.quote,
            claim.get_absolute_url(),
            claim.statement.rstrip("."),
            claim.verdict or "stated by no source",
        ),
    )
    return _back(source, attestation.start - 1)


@login_required
@can_review
@require_POST
def restore(request: HttpRequest, slug: str) -> HttpResponse:
    """Undo a dismissal: the queue offers the suggestion again."""
    source = get_object_or_404(Source, slug=slug)
    dismissal = get_object_or_404(source.dismissals, pk=_number(request.POST.get("dismissal"), 0))
    services.candidate_restore(dismissal=dismissal)
    request.session.pop(_LAST, None)
    messages.success(request, f"Restored “{dismissal.quote}”: it is offered again.")
    return _back(source, dismissal.start - 1)


@login_required
@can_review
@permission_required("claims.add_claim", raise_exception=True)
@require_POST
def new_claim(request: HttpRequest, slug: str) -> HttpResponse:
    """A pre-filled form on the first post (``prefill``), the claim and its link on the second."""
    source = get_object_or_404(Source.objects.with_outlet(), slug=slug)
    if "prefill" in request.POST:
        form = NewClaimForm(initial=_prefill(source, request.POST), source=source)
        return render(request, "claims/new_claim.html", {"form": form, "source": source})
    form = NewClaimForm(request.POST, source=source)
    if form.is_valid():
        data = form.cleaned_data
        try:
            claim = services.claim_create_from_candidate(
                source=source,
                topic=data["topic"],
                slug=data["slug"],
                statement=data["statement"],
                kind=data["kind"],
                subject=data["subject"],
                unit=data["unit"],
                entity=data["entity"],
                predicate=data["predicate"],
                qualifiers=data["qualifiers"],
                event=data["event"],
                changes_over_time=data["changes_over_time"],
                **_span_and_value(data),
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(
                request,
                format_html('Created <a href="{}">{}</a>.', claim.get_absolute_url(), claim),
            )
            return _back(source, data["end"])
    return render(request, "claims/new_claim.html", {"form": form, "source": source})


def _span_and_value(data: dict[str, Any]) -> dict[str, Any]:
    """What a link form says of the quote: its span and the value as the editor confirmed it."""
    return {
        "start": data["start"],
        "end": data["end"],
        "value": data["parsed_value"],
        "as_of": data["as_of"],
        "attributed_to": data["attributed_to"],
    }


def _prefill(source: Source, post: Any) -> dict[str, Any]:
    # the span comes from the page, but a hand-made post must not make a 500
    start, end = _number(post.get("start"), 0) or 0, _number(post.get("end"), 0) or 0
    sentence = source.text[
        _number(post.get("sentence_start"), start) or 0 : _number(post.get("sentence_end"), end)
    ]
    statement, slug = sentence.strip()[:500], ""
    counted = Counted(
        post.get("entity", ""),
        post.get("predicate", ""),
        split_qualifiers(post.get("qualifiers", "")),
    )
    if post.get("kind") == "quantity" and counted.entity and counted.predicate:
        # "290 people died.": what the count says, in a sentence the editor can refine
        statement = f"{post.get('value', '').strip()} {counted.describe()}".strip()
        statement = statement[:1].upper() + statement[1:] + "."
        slug = latin_slug(f"{counted.describe()} {source.published_on.year}", 60)
    return {
        "start": start,
        "end": end,
        "topic": post.get("topic"),
        "statement": statement,
        "slug": slug or name_slug(statement, kind="claim", max_length=60),
        "kind": post.get("kind"),
        "subject": post.get("subject", ""),
        "unit": post.get("unit", ""),
        "entity": post.get("entity", ""),
        "predicate": post.get("predicate", ""),
        "qualifiers": post.get("qualifiers", ""),
        "event": post.get("event", ""),
        "changes_over_time": post.get("kind") in {"quantity", "status"},
        "value": post.get("value", ""),
        "as_of": post.get("as_of") or None,
        "attributed_to": post.get("attributed_to", ""),
    }


@login_required
@can_review
@require_POST
def dismiss(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    form = DismissForm(request.POST)
    if form.is_valid():
        try:
            dismissal = services.candidate_dismiss(
                source=source,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                user=request.user,
                reason=request.POST.get("reason", ""),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _back(source)
        _remember(request, source, "dismissal", dismissal.pk)
        messages.info(request, f"Dismissed “{dismissal.quote}”: it will not be offered again.")
        return _back(source, form.cleaned_data["end"])
    messages.error(request, "That suggestion is not in the source.")
    return _back(source)


def _errors(form: Any) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)
