"""Downloads: the filtered claim list as CSV (a 400 for a filter it cannot read), a topic's
dataset, citations of a claim at any revision and of a source, and annotations."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from claims import exports, selectors
from claims.dataset import export_dataset
from claims.exports import CitedClaim
from claims.exports.citing import cited_attestation, cited_claim, cited_revision, cited_source
from claims.exports.spreadsheet import SpreadsheetWriter
from claims.history import claim_as_of, latest_revisions
from claims.models import Attestation, Claim, Topic
from claims.rules.values import value_to_json
from claims.views.revisions import renamed
from sources.models import Source

CSV_COLUMNS = [
    "claim",
    "statement",
    "topic",
    "kind",
    "verdict",
    "changes_over_time",
    "source",
    "outlet",
    "title",
    "published",
    "source_url",
    "quote",
    "start",
    "end",
    "value",
    "value_json",
    "as_of",
    "attributed_to",
    "claimant",
    "claim_url",
]


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def claims_csv(request: HttpRequest) -> HttpResponse:
    """The claim list as filtered in the URL, one row per attestation (a claim no source
    states yet gets one row with the source columns empty). Safe to open in a spreadsheet:
    no cell runs as a formula (``SpreadsheetWriter``)."""
    claim_filter, claims = selectors.claim_list(filters=request.GET)
    if not claim_filter.is_valid():
        return _invalid(claim_filter.form)
    attestations = (
        Attestation.objects.filter(claim__in=claims.values("pk"))
        .select_related("claim__topic", "source__outlet", "claimant")
        .order_by("claim__slug", "source__published_on", "start")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = SpreadsheetWriter(response)
    writer.writerow(CSV_COLUMNS)
    site = request.build_absolute_uri("/").rstrip("/")
    stated = set()
    for a in attestations:
        stated.add(a.claim_id)
        writer.writerow(
            [
                a.claim.slug,
                a.claim.statement,
                a.claim.topic.slug,
                a.claim.kind,
                a.claim.verdict,
                a.claim.changes_over_time,
                a.source.slug,
                a.source.outlet.name,
                a.source.title,
                a.source.published_on.isoformat(),
                a.source.url,
                a.quote,
                a.start,
                a.end,
                a.value_display if a.value else "",
                _json(value_to_json(a.value)),
                a.effective_as_of.isoformat(),
                a.attributed_to,
                a.claimant_name,
                site + a.claim.get_absolute_url(),
            ]
        )
    for claim in claims:
        if claim.pk not in stated:
            row: dict[str, object] = dict.fromkeys(CSV_COLUMNS, "")
            row.update(
                claim=claim.slug,
                statement=claim.statement,
                topic=claim.topic.slug,
                kind=claim.kind,
                verdict=claim.verdict,
                changes_over_time=claim.changes_over_time,
                claim_url=site + claim.get_absolute_url(),
            )
            writer.writerow(row.values())
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


def _json(data: object) -> str:
    return "" if data is None else json.dumps(data, ensure_ascii=False)


@require_safe
def topic_dataset(request: HttpRequest, slug: str) -> HttpResponse:
    """The topic in the dataset format (docs/dataset-format.md): importable elsewhere."""
    topic = get_object_or_404(Topic, slug=slug)
    response = JsonResponse(
        export_dataset(topic=topic), json_dumps_params={"ensure_ascii": False, "indent": 2}
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
        raise Http404("No such revision.")
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
    request: HttpRequest, attestations: Any, *, id: str, label: str, name: str
) -> HttpResponse:
    """An AnnotationCollection of ``attestations`` (claims, sources and outlets loaded)."""
    site = _site(request)
    attestations = list(attestations)
    revisions = latest_revisions({a.claim_id for a in attestations})
    claims: dict[int, Any] = {}
    items = []
    for attestation in attestations:
        claim = attestation.claim
        if claim.pk not in claims:  # the claim as an annotation body, cited at its latest revision
            claims[claim.pk] = cited_claim(claim, [], site=site, revision=revisions[claim.pk])
        items.append((cited_attestation(attestation, site=site), claims[claim.pk]))
    collection = exports.annotation_collection(items, id=site + id, label=label)
    response = HttpResponse(
        _dumps(collection),
        content_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    )
    return _attachment(response, f"{name}-annotations.jsonld")


@require_safe
def source_annotations(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source.objects.with_outlet(), slug=slug)
    attestations = source.attestations.select_related("claim__topic", "source__outlet").order_by(
        "start"
    )
    return _annotations(
        request,
        attestations,
        id=request.path,
        label=f"Claims stated in “{source.title}” ({source.outlet.name})",
        name=source.slug,
    )


@require_safe
def topic_annotations(request: HttpRequest, slug: str) -> HttpResponse:
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
