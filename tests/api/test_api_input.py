"""What the API refuses or redirects instead of guessing (#11): a renamed claim's old slug is a
permanent redirect, as on the site; a link's offsets must hold the quote; a filter it would
have ignored or misread is a 400 naming the parameter."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from claims.models import Attestation, Claim
from tests.api.conftest import if_match, token_client
from tests.factories import make_source, make_topic

pytestmark = pytest.mark.django_db

OLD, NEW = "officers-suspended-2025", "nine-officers-suspended-2025"
API = "http://testserver/api"
NEW_URL = f"/api/claims/{NEW}/"


@pytest.fixture
def renamed(editor_api, seeds) -> Claim:
    url = f"/api/claims/{OLD}/"
    response = editor_api.patch(url, {"slug": NEW}, format="json", **if_match(editor_api, url))
    assert response.status_code == 200, response.json()
    return Claim.objects.get(slug=NEW)


# Renamed claims.


def test_the_site_and_the_api_both_send_an_old_slug_to_the_new_one(any_client, renamed):
    assert any_client.get(f"/claims/{OLD}/")["Location"] == f"/claims/{NEW}/"
    response = any_client.get(f"/api/claims/{OLD}/")
    assert response.status_code == 301
    assert response["Location"] == f"{API}/claims/{NEW}/"
    assert NEW in response.json()["detail"]
    assert any_client.get(response["Location"]).json()["slug"] == NEW
    assert any_client.get("/api/claims/no-such-claim/").status_code == 404  # never a claim's


def test_the_redirect_keeps_the_query_string(client, renamed):
    response = client.get(f"/api/claims/{OLD}/", {"format": "json"})
    assert response.status_code == 301
    assert response["Location"] == f"{API}/claims/{NEW}/?format=json"


def test_an_attestation_under_the_old_slug_is_sent_to_its_new_address(client, renamed):
    attestation = renamed.attestations.first()
    response = client.get(f"/api/claims/{OLD}/attestations/{attestation.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"{API}/claims/{NEW}/attestations/{attestation.pk}/"
    assert client.get(response["Location"]).json()["id"] == attestation.pk
    missing = Attestation.objects.order_by("-pk").first().pk + 1
    assert client.get(f"/api/claims/{NEW}/attestations/{missing}/").status_code == 404


def test_a_write_to_the_old_slug_is_a_308_that_changes_nothing(editor, anonymous, renamed):
    client = token_client(editor)
    patch = client.patch(f"/api/claims/{OLD}/", {"rating": "Accurate"}, format="json")
    assert patch.status_code == 308
    assert patch["Location"] == f"{API}/claims/{NEW}/"
    delete = client.delete(f"/api/claims/{OLD}/")
    assert delete.status_code == 308
    link = client.post(
        f"/api/claims/{OLD}/attestations/", {"source": "x", "quote": "y"}, format="json"
    )
    assert link.status_code == 308
    assert link["Location"] == f"{API}/claims/{NEW}/attestations/"
    renamed.refresh_from_db()
    assert renamed.rating == ""
    again = client.patch(
        patch["Location"], {"rating": "Accurate"}, format="json", **if_match(client, NEW_URL)
    )
    assert again.status_code == 200
    assert again.json()["rating"] == "Accurate"
    # permission comes first: an anonymous write is refused whatever the slug
    assert anonymous.patch(f"/api/claims/{OLD}/", {"rating": "x"}, format="json").status_code == 403


def test_an_old_slug_another_claim_has_taken_is_no_longer_redirected(editor_api, renamed):
    taken = {
        "topic": renamed.topic.slug,
        "slug": OLD,
        "statement": "Another claim under the freed slug.",
        "kind": "other",
    }
    assert editor_api.get(f"/api/claims/{OLD}/").status_code == 301
    assert editor_api.post("/api/claims/", taken, format="json").status_code == 201
    response = editor_api.get(f"/api/claims/{OLD}/")
    assert response.status_code == 200
    assert response.json()["statement"] == taken["statement"]
    attestation = renamed.attestations.first()
    assert editor_api.get(f"/api/claims/{OLD}/attestations/{attestation.pk}/").status_code == 404


# Offsets of a link.

SKY = (
    "Scotland Yard said on Friday that nine officers had been suspended. "
    "Twelve officers were interviewed under caution."
)


@pytest.fixture
def sky(seeds):
    return make_source(SKY, outlet="Sky News", slug="sky-2025-10-03")


def link(client, **data):
    body = {"source": "sky-2025-10-03", "quote": "nine officers had been suspended", **data}
    body.setdefault("value", {"number": 9})
    return client.post(f"/api/claims/{OLD}/attestations/", body, format="json")


@pytest.mark.parametrize(
    ("offsets", "field", "message"),
    [
        ({"start": 999999}, "start", f"is {len(SKY)} characters long: 999999 is past it"),
        ({"start": len(SKY)}, "start", "is past it"),
        ({"end": 999999}, "end", "999999 is past it"),
        ({"start": 40, "end": 33}, "end", "end (33) must be after start (40)"),
        ({"start": 40, "end": 40}, "end", "must be after start"),
        ({"start": 0}, "start", "The quote does not start at 0: it is at 34–66."),
        ({"start": 34, "end": 60}, "end", "The quote does not end at 60: it is at 34–66."),
        ({"end": 70}, "end", "does not end at 70"),
    ],
)
def test_offsets_that_do_not_hold_the_quote_are_a_400_naming_the_field(
    editor_api, sky, offsets, field, message
):
    response = link(editor_api, **offsets)
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert message in response.json()[field][0]
    assert not Attestation.objects.filter(source=sky).exists()


def test_a_repeated_quote_is_linked_where_the_offsets_say_and_nowhere_near(editor_api, seeds):
    source = make_source("Then nine officers. Then again: nine officers.", slug="repeats")
    claim = Claim.objects.create(topic=make_topic(), slug="repeated", statement="x", kind="other")
    url = f"/api/claims/{claim.slug}/attestations/"
    near = editor_api.post(url, {"source": "repeats", "quote": "nine officers", "start": 30})
    assert near.status_code == 400
    assert near.json() == {"start": ["The quote does not start at 30: it is at 5–18, 32–45."]}
    by_end = editor_api.post(url, {"source": "repeats", "quote": "nine officers", "end": 18})
    assert by_end.status_code == 201, by_end.json()
    assert by_end.json()["start"] == source.text.index("nine officers")
    both = {"source": "repeats", "quote": "nine officers", "start": 32, "end": 45}
    exact = editor_api.post(url, both)
    assert exact.status_code == 201, exact.json()
    assert (exact.json()["start"], exact.json()["end"]) == (32, 45)


# Filters.


@pytest.mark.parametrize(
    ("url", "params", "field", "message"),
    [
        ("/api/claims/", {"verdicts": "differ"}, "verdicts", "Unknown parameter"),
        ("/api/claims/", {"verdict": ["differ", "agree"]}, "verdict", "Give one value, not 2."),
        ("/api/claims/", {"published_after": "01/02/2019"}, "published_after", "YYYY-MM-DD"),
        ("/api/claims/", {"published_before": "2 Feb 2019"}, "published_before", "YYYY-MM-DD"),
        ("/api/sources/", {"kinds": "article"}, "kinds", "this list takes outlet, kind"),
        ("/api/sources/", {"published_after": "02/01/2022"}, "published_after", "YYYY-MM-DD"),
        ("/api/sources/", {"outlet": ["itv-news", "bbc-news"]}, "outlet", "Give one value"),
        ("/api/claimants/", {"name": "met"}, "name", "this list takes q, cursor"),
    ],
)
def test_a_filter_that_would_be_ignored_or_misread_is_a_400_naming_it(
    client, seeds, url, params, field, message
):
    response = client.get(url, params)
    assert response.status_code == 400
    assert message in response.json()[field][0]


def test_cursor_and_format_are_the_only_parameters_besides_the_filters(client, seeds):
    first = client.get("/api/claims/", {"verdict": ""}).json()
    cursor = parse_qs(urlparse(first["next"]).query)["cursor"][0]
    query = {"cursor": cursor, "format": "json", "verdict": "", "published_after": "2019-01-01"}
    response = client.get("/api/claims/", query)
    assert response.status_code == 200
    assert response.json()["previous"]
    misspelt = client.get("/api/claims/", {**query, "pages": 2})
    assert misspelt.status_code == 400
    assert list(misspelt.json()) == ["pages"]


def test_a_page_number_on_the_claim_list_is_refused_not_ignored(client, seeds):
    """The claim list is paged by cursor: "?page=2" would silently be page 1."""
    response = client.get("/api/claims/", {"page": 2})
    assert response.status_code == 400
    assert "cursor" in response.json()["page"][0]
