"""Downloads: the filtered claim list as CSV (a 400 for a filter it cannot read), a topic's
dataset, citations of a claim at any revision and of a source, and annotations."""

from __future__ import annotations

import json
from datetime import date

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from claims import exports, selectors
from claims.dataset.export import dataset_text
from claims.exports import CitedClaim
from claims.exports.citing import annotated, cited_claim, cited_revision, cited_source
from claims.exports.claim_csv import claim_rows
from claims.exports.spreadsheet import spreadsheet_lines
from claims.exports.streaming import buffered, json_text
from claims.history import claim_as_of
from claims.models import Attestation, Claim, Topic
from claims.views.revisions import pruned_or_404, renamed
from sources.models import Source


def _attachment[R: HttpResponseBase](response: R, filename: str) -> R:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def claims_csv(request: HttpRequest) -> HttpResponseBase:
    """The claim list as filtered in the URL, one row per attestation (``claim_csv``), written
    while it is read. Safe to open in a spreadsheet: no cell runs as a formula
    (``SpreadsheetWriter``). A filter it cannot read is refused before anything is sent."""
    claim_filter, _ = selectors.claim_list(filters=request.GET)
    if not claim_filter.is_valid():
        return _invalid(claim_filter.form)
    rows = claim_rows(claim_filter.qs, site=_site(request))
    response = StreamingHttpResponse(
        buffered(spreadsheet_lines(rows)), content_type="text/csv; charset=utf-8"
    )
    return _attachment(response, f"corroborate-claims-{date.today():%Y-%m-%d}.csv")


def _invalid(form: forms.Form) -> HttpResponse:
    """A 400 with the form's own messages, as the list page shows them: a download never
    silently drops a filter it cannot read."""
    lines = [
        str(message) if name == NON_FIELD_ERRORS else f"{form[name].label}: {message}"
        for name, messages in form.errors.items()
        for message in messages
    ]
    return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def topic_dataset(request: HttpRequest, slug: str) -> HttpResponseBase:
    """The topic in the dataset format (docs/dataset-format.md): importable elsewhere."""
    topic = get_object_or_404(Topic, slug=slug)
    response = StreamingHttpResponse(
        dataset_text(topic=topic), content_type="application/json; charset=utf-8"
    )
    return _attachment(response, f"{topic.slug}.json")


# Citations and annotations.

CITATION_FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


def _site(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _check_format(fmt: str) -> None:
    if fmt not in CITATION_FORMATS:
        raise Http404("Citations come as .bib, .ris or .json.")


def _download(body: str, fmt: str, name: str) -> HttpResponse:
    content_type, extension = CITATION_FORMATS[fmt]
    return _attachment(HttpResponse(body, content_type=content_type), f"{name}.{extension}")


@require_safe
def claim_citation(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The claim itself, as it is now (its latest revision), in BibTeX, RIS or CSL-JSON."""
    _check_format(fmt)
    claim = Claim.objects.for_page().filter(slug=slug).first()
    if claim is None:
        return renamed(slug, "claims:claim_cite", fmt)
    cited = cited_claim(claim, claim.attestations.all(), site=_site(request))
    return _claim_download(cited, fmt)


@require_safe
def revision_citation(request: HttpRequest, slug: str, number: int, fmt: str) -> HttpResponse:
    """The claim as it stood at revision ``number``, in BibTeX, RIS or CSL-JSON."""
    _check_format(fmt)
    claim = Claim.objects.filter(slug=slug).first()
    if claim is None:
        return renamed(slug, "claims:revision_cite", number, fmt)
    then = claim_as_of(claim.pk, number)
    if then is None:
        return pruned_or_404(claim, number)
    return _claim_download(cited_revision(then, slug=claim.slug, site=_site(request)), fmt)


def _claim_download(cited: CitedClaim, fmt: str) -> HttpResponse:
    accessed = timezone.localdate()
    body = {
        "bib": lambda: exports.bibtex(cited, accessed=accessed),
        "ris": lambda: exports.ris(cited, accessed=accessed),
        "json": lambda: _dumps(exports.csl_items(cited, accessed=accessed)),
    }[fmt]()
    return _download(body, fmt, f"{cited.slug}-r{cited.revision}")


@require_safe
def source_citation(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    _check_format(fmt)
    source = get_object_or_404(Source.objects.with_outlet(), slug=slug)
    cited = cited_source(source, site=_site(request))
    accessed = timezone.localdate()
    body = {
        "bib": lambda: exports.bibtex_for_source(cited, accessed=accessed),
        "ris": lambda: exports.ris_for_source(cited, accessed=accessed),
        "json": lambda: _dumps([exports.csl_item(cited, accessed=accessed)]),
    }[fmt]()
    return _download(body, fmt, source.slug)


def _annotations(
    request: HttpRequest, attestations: QuerySet[Attestation], *, id: str, label: str, name: str
) -> HttpResponseBase:
    """An AnnotationCollection of ``attestations`` (claims, topics, sources and outlets
    selected), written while it is read, a chunk of attestations at a time."""
    site = _site(request)
    collection = exports.annotation_collection(
        annotated(attestations, site=site),
        id=site + id,
        label=label,
        total=attestations.count(),
    )
    response = StreamingHttpResponse(
        buffered(json_text(collection)),
        content_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    )
    return _attachment(response, f"{name}-annotations.jsonld")


@require_safe
def source_annotations(request: HttpRequest, slug: str) -> HttpResponseBase:
    source = get_object_or_404(Source.objects.with_outlet(), slug=slug)
    attestations = Attestation.objects.filter(source=source)
    attestations = attestations.select_related("claim__topic", "source__outlet").order_by("start")
    return _annotations(
        request,
        attestations,
        id=request.path,
        label=f"Claims stated in “{source.title}” ({source.outlet.name})",
        name=source.slug,
    )


@require_safe
def topic_annotations(request: HttpRequest, slug: str) -> HttpResponseBase:
    topic = get_object_or_404(Topic, slug=slug)
    attestations = (
        Attestation.objects.filter(claim__topic=topic)
        .select_related("claim__topic", "source__outlet")
        .order_by("source__published_on", "source__slug", "start")
    )
    return _annotations(
        request, attestations, id=request.path, label=f"Claims of “{topic.title}”", name=topic.slug
    )


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
