"""Reading the API on the seed corpus: the same for anonymous visitors, readers and editors."""

from __future__ import annotations

import pytest

from claims.models import Attestation, Claim, Topic
from sources.models import Source

pytestmark = pytest.mark.django_db


def ok(client, url: str, **params) -> dict:
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_it_lists_topics_with_claim_counts_per_verdict(any_client, seeds):
    body = ok(any_client, "/api/topics/")
    assert body["count"] == Topic.objects.count() == 2
    topic = next(t for t in body["results"] if t["slug"] == "panorama-charing-cross-custody")
    claims = Claim.objects.filter(topic__slug=topic["slug"])
    assert topic["claim_count"] == claims.count()
    assert topic["verdict_counts"] == {
        verdict: claims.filter(verdict=verdict).count()
        for verdict in ("differ", "updated", "agree", "single")
    }
    assert topic["url"] == "http://testserver/topics/panorama-charing-cross-custody/"


def test_it_shows_a_topic(any_client, seeds):
    body = ok(any_client, "/api/topics/iopc-westminster-team/")
    assert body["slug"] == "iopc-westminster-team"
    assert body["title"]
    assert sum(body["verdict_counts"].values()) <= body["claim_count"]


def test_it_lists_sources_newest_first_without_their_texts(any_client, seeds):
    body = ok(any_client, "/api/sources/")
    slugs = [s["slug"] for s in body["results"]]
    assert slugs[0] == "bbc-live-2025-10-02"
    assert slugs[-1] == "guardian-2019-04-30"
    bbc = body["results"][0]
    assert "text" not in bbc
    assert bbc["outlet"] == "BBC News"
    assert bbc["kind"] == "live_page"
    assert bbc["published"] == "2025-10-02T08:48:00+01:00"  # as the dataset writes it
    assert bbc["topics"] == ["panorama-charing-cross-custody"]
    assert bbc["copy_of"] is None
    assert bbc["page_url"] == "http://testserver/sources/bbc-live-2025-10-02/"
    guardian = body["results"][-1]
    assert guardian["published"] == "2019-04-30"
    assert guardian["topics"] == ["iopc-westminster-team"]


def test_the_source_detail_has_the_text(any_client, seeds):
    body = ok(any_client, "/api/sources/guardian-2019-04-30/")
    source = Source.objects.get(slug="guardian-2019-04-30")
    assert body["text"] == source.text
    assert body["authors"] == source.authors
    assert body["url"] == source.url


def test_it_lists_claims_with_their_attestations(any_client, seeds):
    body = ok(any_client, "/api/claims/")
    assert body["count"] == Claim.objects.count()
    listed = next(c for c in body["results"] if c["slug"] == "officers-suspended-2025")
    assert listed == ok(any_client, "/api/claims/officers-suspended-2025/")


def test_it_shows_a_claim_with_each_attestation_and_its_place_in_the_reader(any_client, seeds):
    body = ok(any_client, "/api/claims/officers-suspended-2025/")
    assert body["topic"] == "panorama-charing-cross-custody"
    assert body["kind"] == "quantity"
    assert body["verdict"] == "agree"
    assert body["explanation"]
    assert (body["source_count"], body["independent_count"]) == (2, 2)
    assert body["url"] == "http://testserver/claims/officers-suspended-2025/"
    assert len(body["attestations"]) == 3
    first = body["attestations"][0]
    attestation = Attestation.objects.get(pk=first["id"])
    assert first["source"] == attestation.source.slug
    assert first["quote"] == attestation.quote
    assert (first["start"], first["end"]) == (attestation.start, attestation.end)
    assert first["value"] == {"number": 9}  # the dataset's shape: "exact" is left out
    assert first["as_of"] == attestation.effective_as_of.isoformat()
    assert first["url"] == (
        f"http://testserver/sources/{attestation.source.slug}/#att-{attestation.pk}"
    )
    assert {a["attributed_to"] for a in body["attestations"]} >= {"Sir Mark Rowley"}


def test_a_composite_claim_lists_its_parts(any_client, seeds):
    body = ok(any_client, "/api/claims/officers-investigated-westminster-team/")
    assert body["parts"] == ["constables-investigated-2019", "sergeants-investigated-2019"]


@pytest.mark.parametrize(
    ("slug", "value"),
    [
        ("panorama-broadcast-date", "date"),
        ("conduct-period-westminster-team", "period"),
        ("custody-team-disbanded", "text"),
    ],
)
def test_values_keep_the_dataset_shapes(client, seeds, slug, value):
    body = ok(client, f"/api/claims/{slug}/")
    shapes = {next(iter(a["value"])) for a in body["attestations"] if a["value"]}
    assert value in shapes


def test_an_attestation_can_be_read_on_its_own(any_client, seeds):
    attestation = Attestation.objects.filter(claim__slug="officers-suspended-2025").first()
    body = ok(any_client, f"/api/claims/officers-suspended-2025/attestations/{attestation.pk}/")
    assert body["id"] == attestation.pk
    # ...but only under its own claim
    response = any_client.get(f"/api/claims/rowley-apologised/attestations/{attestation.pk}/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/api/topics/no-such-topic/",
        "/api/sources/no-such-source/",
        "/api/claims/no-such-claim/",
        "/api/claims/officers-suspended-2025/attestations/999999/",
        "/api/claims/?cursor=not-a-cursor",
    ],
)
def test_what_is_not_there_is_a_json_404(client, seeds, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "detail" in response.json()


def test_the_docs_page_is_served_without_a_cdn(client):
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs.content.decode()
    # ReDoc is gone: its page fetched its maker's logo from a CDN, which the CSP refuses
    assert client.get("/api/redoc/").status_code == 404


@pytest.mark.parametrize("url", ["/api/claims/", "/api/claims/officers-suspended-2025/"])
def test_a_browser_gets_the_browsable_api(any_client, seeds, url):
    response = any_client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
