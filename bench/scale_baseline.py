"""The scale benchmark's "two-query baseline": for each page, a minimal hand-written view that
reads the same rows the page shows with a couple of plain queries (``values()``, no forms, no
prefetching, no counts of pages) and renders them as bare, escaped HTML. It is the floor a
page could reach on the same schema: the list sorts by the same keys, computed in the same
query (or read from the claim, once the claim stores them).

Served only by the benchmark's servers (bench.scale_urls, under /bench-baseline/); never part
of the site.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils.html import escape, format_html, format_html_join

from claims.models import SORT_KEYS, Attestation, Claim, Topic, Verdict
from claims.search import matching_claims
from sources.models import Source

PER_PAGE = 50  # as claims.views.pages.CLAIMS_PER_PAGE


def _counted(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    return claims  # the claim stores its counts (claims.models.COUNTED_FIELDS)


def _sorted(claims: QuerySet[Claim], key: str) -> QuerySet[Claim]:
    """The claim list's sorts, on the same indexed keys (claims.models.SORT_KEYS)."""
    return claims.order_by(*SORT_KEYS[key])


def _searched(claims: QuerySet[Claim], q: str) -> QuerySet[Claim]:
    """The list's search: the same full-text match (claims.search)."""
    return matching_claims(claims, q)


def _row[R](rows: QuerySet[Any, R]) -> R:
    """The one row ``rows`` finds, or a 404."""
    row = rows.first()
    if row is None:
        raise Http404("Not found.")
    return row


def _page(body: str) -> HttpResponse:
    return HttpResponse(f"<!doctype html><title>baseline</title>{body}")


def _claim_rows(rows: Iterable[dict[str, Any]], topics: dict[int, str]) -> str:
    return format_html_join(
        "",
        "<li><a href='/claims/{}/'>{}</a> {} · {} sources · {}</li>",
        (
            (r["slug"], r["statement"], r["verdict"], r["source_count"], topics[r["topic_id"]])
            for r in rows
        ),
    )


def _topics(rows: list[dict[str, Any]]) -> dict[int, str]:
    ids = {r["topic_id"] for r in rows}
    return dict(Topic.objects.filter(pk__in=ids).values_list("pk", "title"))


CLAIM_COLUMNS = ["pk", "slug", "statement", "verdict", "topic_id", "source_count"]


def claim_list(request: HttpRequest) -> HttpResponse:
    """/claims/ (its ``q``, ``sort`` and ``page``): the page's 50 claims, then their topics."""
    claims: QuerySet[Claim] = Claim.objects.all()
    if q := request.GET.get("q", ""):
        claims = _searched(claims, q)
    page = max(1, int(request.GET.get("page", "1") or 1))
    ordered = _sorted(_counted(claims), request.GET.get("sort", "contested"))
    offset = (page - 1) * PER_PAGE
    rows = list(ordered.values(*CLAIM_COLUMNS)[offset : offset + PER_PAGE])
    return _page(f"<ol>{_claim_rows(rows, _topics(rows))}</ol>")


def home(request: HttpRequest) -> HttpResponse:
    """The home page's rows: its 20 topics with their verdict counts, the six most contested
    claims, the six latest sources."""
    topics = list(Topic.objects.order_by("title", "slug").values_list("pk", "slug", "title")[:20])
    counts: dict[int, dict[str, int]] = {}
    shown = Claim.objects.filter(topic_id__in=[pk for pk, _, _ in topics])
    for row in shown.values("topic_id", "verdict").annotate(n=Count("pk")).order_by():
        counts.setdefault(row["topic_id"], {})[row["verdict"]] = row["n"]
    contested = Claim.objects.filter(verdict__in=[Verdict.DIFFER, Verdict.UPDATED])
    rows = list(_sorted(_counted(contested), "contested").values(*CLAIM_COLUMNS)[:6])
    latest = Source.objects.order_by("-published_on", "pk").values_list("slug", "title")[:6]
    table = format_html_join(
        "",
        "<tr><td><a href='/topics/{}/'>{}</a></td><td>{}</td></tr>",
        ((slug, title, counts.get(pk, {})) for pk, slug, title in topics),
    )
    sources = format_html_join("", "<li><a href='/sources/{}/'>{}</a></li>", latest)
    return _page(
        f"<table>{table}</table><ul>{_claim_rows(rows, _topics(rows))}</ul><ul>{sources}</ul>"
    )


def topic(request: HttpRequest, slug: str) -> HttpResponse:
    """A topic with its verdict counts, then its attestations with their claims and sources in
    publication order: the page tells the story source by source, a row per attestation."""
    found = _row(
        Topic.objects.filter(slug=slug)
        .annotate(
            claim_count=Count("claims"),
            **{f"{v}_count": Count("claims", filter=Q(claims__verdict=v)) for v in Verdict},
        )
        .values("pk", "title", "claim_count", *(f"{v}_count" for v in Verdict))
    )
    rows = (
        Attestation.objects.filter(claim__topic_id=found["pk"])
        .order_by("source__published_on", "source__published_at", "start")
        .values_list(
            "source__slug",
            "source__title",
            "source__outlet__name",
            "source__published_on",
            "source__kind",
            "claim__verdict",
            "claim__slug",
            "claim__statement",
        )
    )
    counts = format_html_join(" ", "{}: {}", ((k, v) for k, v in found.items() if k != "pk"))
    body = format_html_join(
        "",
        "<li><a href='/sources/{}/'>{}</a> {} {} {}: {} <a href='/claims/{}/'>{}</a></li>",
        rows,
    )
    return _page(format_html("<h1>{}</h1><p>{}</p>", found["title"], counts) + f"<ol>{body}</ol>")


ATTESTATION_COLUMNS = [
    "claim_id",
    "quote",
    "value_number",
    "value_text",
    "as_of",
    "attributed_to",
    "source__slug",
    "source__title",
    "source__published_on",
    "source__outlet__name",
]


def _attestation_rows(rows: Iterable[dict[str, Any]]) -> str:
    return format_html_join(
        "",
        "<li>{} ({}, {}): “{}” {} {}</li>",
        (
            (
                r["source__outlet__name"],
                r["source__title"],
                r["source__published_on"],
                r["quote"],
                r["value_number"] if r["value_number"] is not None else r["value_text"],
                r["attributed_to"],
            )
            for r in rows
        ),
    )


def claim(request: HttpRequest, slug: str) -> HttpResponse:
    """A claim, then its attestations with their sources and outlets; then what else the page
    shows: the claims about the same subject, the claims it is the sum of and those it is a
    part of, and the dates its revisions were made on (the permalink's number)."""
    found = _row(
        Claim.objects.filter(slug=slug).values(
            "pk", "statement", "verdict", "verdict_explanation", "topic_id", "subject"
        )
    )
    pk = found["pk"]
    rows = Attestation.objects.filter(claim_id=pk).values(*ATTESTATION_COLUMNS)
    head = format_html("<h1>{}</h1><p>{}: {}</p>", *list(found.values())[1:4])
    body = f"{head}<ul>{_attestation_rows(rows.order_by('source__published_on'))}</ul>"
    linked = [
        Claim.objects.filter(parts=pk),
        Claim.objects.filter(totals=pk),
        Claim.objects.filter(topic_id=found["topic_id"], subject__iexact=found["subject"])
        .exclude(pk=pk)
        .order_by(*SORT_KEYS["contested"]),
    ]
    for claims in linked if found["subject"] else linked[:2]:
        found_rows = list(claims.values(*CLAIM_COLUMNS))
        body += f"<ul>{_claim_rows(found_rows, _topics(found_rows))}</ul>"
    own = Claim.history.filter(id=pk).values_list("history_date")
    stated = Attestation.history.filter(claim_id=pk).values_list("history_date")
    dates = {day for (day,) in own.order_by().union(stated.order_by()).order_by()}
    return _page(body + format_html("<p>Revision {}</p>", len(dates)))


def source(request: HttpRequest, slug: str) -> HttpResponse:
    """A source's text, then the claims it states."""
    found = _row(Source.objects.filter(slug=slug).values("pk", "title", "text"))
    rows = Attestation.objects.filter(source_id=found["pk"]).values_list(
        "start", "end", "claim__slug", "claim__statement", "claim__verdict"
    )
    claims = format_html_join("", "<li>{}–{} <a href='/claims/{}/'>{}</a> {}</li>", rows)
    text = escape(found["text"]).replace("\n\n", "</p><p>")
    return _page(format_html("<h1>{}</h1>", found["title"]) + f"<p>{text}</p><ul>{claims}</ul>")


def compare(request: HttpRequest) -> HttpResponse:
    """The chosen sources, then the attestations of each with their claims."""
    chosen = list(
        Source.objects.filter(slug__in=request.GET.getlist("source")).values_list(
            "pk", "slug", "title"
        )
    )
    rows = (
        Attestation.objects.filter(source_id__in=[pk for pk, *_ in chosen])
        .order_by("claim__slug", "source_id")
        .values_list("claim__slug", "claim__statement", "source__slug", "quote")
    )
    heads = format_html_join("", "<th>{}</th>", ((title,) for _, _, title in chosen))
    body = format_html_join("", "<tr><td>{} {}</td><td>{}</td><td>{}</td></tr>", rows)
    return _page(f"<table><tr>{heads}</tr>{body}</table>")


def api_claims(request: HttpRequest) -> JsonResponse:
    """/api/claims/'s first page: 50 claims with counts in the API's sort (the list's, most
    contested first), then their attestations, then the slugs of their parts. (Until late on
    30 November 2026 it read the first 50 by slug: other claims, with half the attestations.)"""
    ordered = _sorted(_counted(Claim.objects.all()), "contested")
    claims = list(ordered.values(*CLAIM_COLUMNS)[:PER_PAGE])
    ids = [c["pk"] for c in claims]
    attestations: dict[int, list[dict[str, Any]]] = {}
    for row in Attestation.objects.filter(claim_id__in=ids).values(*ATTESTATION_COLUMNS):
        attestations.setdefault(row["claim_id"], []).append(row)
    parts: dict[int, list[str]] = {}
    links = Claim.parts.through.objects.filter(from_claim_id__in=ids)
    for claim_id, slug in links.values_list("from_claim_id", "to_claim__slug"):
        parts.setdefault(claim_id, []).append(slug)
    results = [
        dict(c, attestations=attestations.get(c["pk"], []), parts=parts.get(c["pk"], []))
        for c in claims
    ]
    return JsonResponse({"results": results}, json_dumps_params={"default": str})


def claims_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every claim's attestations, one row each, streamed from one query."""
    rows = (
        Attestation.objects.order_by("claim__slug", "source__published_on", "start")
        .values_list(
            "claim__slug",
            "claim__statement",
            "claim__verdict",
            "source__slug",
            "source__outlet__name",
            "quote",
            "value_number",
            "value_text",
        )
        .iterator(chunk_size=2000)
    )

    def lines() -> Iterator[str]:
        yield "claim,statement,verdict,source,outlet,quote,number,text\n"
        for row in rows:
            yield ",".join('"' + str(cell).replace('"', '""') + '"' for cell in row) + "\n"

    return StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
