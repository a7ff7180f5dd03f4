"""Writing through the API: editors only, by session with a CSRF token or by token; every
link and unlink recomputes the claim's verdict."""

from __future__ import annotations

from datetime import date

import pytest

from claims.models import Attestation, Claim
from tests.api.conftest import if_match, token_client
from tests.factories import make_source, make_topic

pytestmark = pytest.mark.django_db

NEW_CLAIM = {
    "topic": "panorama-charing-cross-custody",
    "slug": "officers-interviewed-2025",
    "statement": "Twelve officers were interviewed under caution.",
    "kind": "quantity",
    "subject": "officers interviewed",
    "unit": "officers",
    "changes_over_time": False,
}


@pytest.fixture
def new_source(seeds):
    return make_source(
        "Scotland Yard said on Friday that nine officers had been suspended. "
        "Twelve officers were interviewed under caution. A month later eleven officers "
        "had been interviewed.",
        outlet="Sky News",
        published=date(2025, 10, 3),
        slug="sky-2025-10-03",
    )


def link(client, claim: str, **data):
    return client.post(f"/api/claims/{claim}/attestations/", data, format="json")


# Who may write.


def write_requests(attestation_id: int) -> list[tuple[str, str, dict]]:
    return [
        ("post", "/api/claims/", NEW_CLAIM),
        ("patch", "/api/claims/officers-suspended-2025/", {"rating": "Accurate"}),
        ("delete", "/api/claims/officers-suspended-2025/", {}),
        (
            "post",
            "/api/claims/officers-suspended-2025/attestations/",
            {"source": "sky-2025-10-03", "quote": "nine officers had been suspended"},
        ),
        ("delete", f"/api/claims/officers-suspended-2025/attestations/{attestation_id}/", {}),
    ]


def claim_rows() -> list[tuple]:
    return list(Claim.objects.values_list("slug", "rating", "verdict").order_by("slug"))


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_only_editors_may_write(request, new_source, who):
    client = request.getfixturevalue(f"{who}_api" if who == "reader" else who)
    attestation = Attestation.objects.filter(claim__slug="officers-suspended-2025").first()
    before, attestations = claim_rows(), Attestation.objects.count()
    for method, url, data in write_requests(attestation.pk):
        response = getattr(client, method)(url, data, format="json")
        assert response.status_code == 403, (method, url)
        assert "detail" in response.json()
    assert claim_rows() == before
    assert Attestation.objects.count() == attestations


def test_a_reader_with_a_token_may_not_write_either(reader, seeds):
    response = token_client(reader).post("/api/claims/", NEW_CLAIM, format="json")
    assert response.status_code == 403


def test_a_session_write_without_the_csrf_token_fails(editor, seeds, anonymous):
    anonymous.force_login(editor)
    response = anonymous.post("/api/claims/", NEW_CLAIM, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Claim.objects.filter(slug=NEW_CLAIM["slug"]).exists()


def test_an_editor_writes_by_session_with_the_csrf_token(editor_api, seeds):
    response = editor_api.post("/api/claims/", NEW_CLAIM, format="json")
    assert response.status_code == 201, response.json()
    assert response["Location"] == "http://testserver/api/claims/officers-interviewed-2025/"


def test_an_editor_writes_by_token_without_csrf(editor, seeds):
    response = token_client(editor).post("/api/claims/", NEW_CLAIM, format="json")
    assert response.status_code == 201, response.json()


def test_a_bad_token_is_refused_even_for_reads(seeds, anonymous):
    anonymous.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    response = anonymous.get("/api/claims/")
    assert response.status_code == 403
    assert response.json() == {"detail": "Invalid token."}


# Claims.


def test_an_editor_creates_a_claim_without_a_verdict_until_a_source_states_it(editor_api, seeds):
    body = editor_api.post("/api/claims/", NEW_CLAIM, format="json").json()
    assert body["verdict"] is None
    assert body["source_count"] == 0
    assert body["attestations"] == []
    claim = Claim.objects.get(slug="officers-interviewed-2025")
    assert (claim.topic.slug, claim.kind, claim.unit) == (
        NEW_CLAIM["topic"],
        "quantity",
        "officers",
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"slug": "officers-suspended-2025"}, "slug"),  # taken
        ({"topic": "no-such-topic"}, "topic"),
        ({"kind": "rumour"}, "kind"),
        ({"statement": ""}, "statement"),
    ],
)
def test_an_invalid_claim_is_a_400_naming_the_field(editor_api, seeds, change, field):
    response = editor_api.post("/api/claims/", {**NEW_CLAIM, **change}, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_an_editor_edits_a_claim_and_its_rating(editor_api, seeds):
    url = "/api/claims/officers-suspended-2025/"
    response = editor_api.patch(
        url,
        {"statement": "Nine officers were suspended.", "rating": "Accurate"},
        format="json",
        **if_match(editor_api, url),
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["statement"], body["rating"]) == ("Nine officers were suspended.", "Accurate")
    assert len(body["attestations"]) == 3 and body["source_count"] == 2
    assert Claim.objects.get(slug="officers-suspended-2025").rating == "Accurate"


def test_an_editor_says_what_a_count_counts(editor_api, seeds):
    url = "/api/claims/officers-suspended-2025/"
    response = editor_api.patch(
        url,
        {"entity": "officers", "predicate": "suspended", "qualifiers": "serving", "event": ""},
        format="json",
        **if_match(editor_api, url),
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["entity"], body["predicate"], body["qualifiers"]) == (
        "officers",
        "suspended",
        "serving",
    )
    assert Claim.objects.get(slug="officers-suspended-2025").qualifier_list == ("serving",)


def test_editing_whether_a_value_changes_over_time_recomputes_the_verdict(editor_api, seeds):
    claim = Claim.objects.get(verdict="updated")
    url = f"/api/claims/{claim.slug}/"
    response = editor_api.patch(
        url, {"changes_over_time": False}, format="json", **if_match(editor_api, url)
    )
    assert response.status_code == 200
    assert response.json()["verdict"] == "differ"
    claim.refresh_from_db()
    assert claim.verdict == "differ"


def test_a_claim_keeps_a_kind_its_values_fit(editor_api, seeds):
    url = "/api/claims/officers-suspended-2025/"
    response = editor_api.patch(url, {"kind": "date"}, format="json", **if_match(editor_api, url))
    assert response.status_code == 400
    assert "a date claim needs a date or period" in response.json()["kind"][0]


def test_put_is_not_offered(editor_api, seeds):
    response = editor_api.put("/api/claims/officers-suspended-2025/", NEW_CLAIM, format="json")
    assert response.status_code == 405


def test_an_editor_deletes_a_claim_with_its_attestations(editor_api, seeds):
    url = "/api/claims/officers-suspended-2025/"
    response = editor_api.delete(url, **if_match(editor_api, url))
    assert response.status_code == 204
    assert not Claim.objects.filter(slug="officers-suspended-2025").exists()
    assert not Attestation.objects.filter(claim__slug="officers-suspended-2025").exists()


# Attestations.


def test_linking_another_source_that_agrees_keeps_the_claim_agreed_with_3_sources(
    editor_api, new_source
):
    response = link(
        editor_api,
        "officers-suspended-2025",
        source="sky-2025-10-03",
        quote="nine officers had been suspended",
        value={"number": 9},
        attributed_to="Scotland Yard",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["claim"]["verdict"] == "agree"
    assert body["source"] == "sky-2025-10-03"
    assert body["outlet"] == "Sky News"
    assert body["start"] == new_source.text.index("nine officers had been suspended")
    assert body["as_of"] == "2025-10-03"  # the publication date, as none was given
    attestation = Attestation.objects.get(pk=body["id"])
    assert response["Location"].endswith(
        f"/api/claims/officers-suspended-2025/attestations/{attestation.pk}/"
    )
    claim = editor_api.get("/api/claims/officers-suspended-2025/").json()
    assert (claim["verdict"], claim["source_count"], claim["independent_count"]) == (
        "agree",
        3,
        3,
    )
    assert "sky-2025-10-03" in {a["source"] for a in claim["attestations"]}


def test_a_claim_created_and_linked_through_the_api_gets_its_verdict(editor, new_source):
    client = token_client(editor)
    assert client.post("/api/claims/", NEW_CLAIM, format="json").status_code == 201
    first = link(
        client,
        "officers-interviewed-2025",
        source="sky-2025-10-03",
        quote="Twelve officers were interviewed",
        value={"number": 12},
    )
    assert first.json()["claim"]["verdict"] == "single"
    other = make_source(
        "Eleven officers were interviewed under caution, the force said.",
        outlet="The Times",
        published=date(2025, 10, 4),
    )
    second = link(
        client,
        "officers-interviewed-2025",
        source=other.slug,
        quote="Eleven officers were interviewed",
        value={"number": 11},
        as_of="2025-10-02",
    )
    assert second.status_code == 201, second.json()
    assert second.json()["claim"]["verdict"] == "differ"
    assert second.json()["as_of"] == "2025-10-02"
    assert Claim.objects.get(slug="officers-interviewed-2025").verdict == "differ"


def test_start_picks_one_of_a_repeated_quote(editor_api, seeds):
    source = make_source("Then nine officers. Then again: nine officers.", slug="repeats")
    claim = Claim.objects.create(topic=make_topic(), slug="repeated", statement="x", kind="other")
    ambiguous = link(editor_api, claim.slug, source="repeats", quote="nine officers")
    assert ambiguous.status_code == 400
    assert "occurs 2 times" in ambiguous.json()["quote"][0]
    second = source.text.rindex("nine officers")
    response = link(editor_api, claim.slug, source="repeats", quote="nine officers", start=second)
    assert response.status_code == 201, response.json()
    assert response.json()["start"] == second


def test_a_quote_not_in_the_source_is_a_400_naming_the_problem(editor_api, new_source):
    response = link(
        editor_api,
        "officers-suspended-2025",
        source="sky-2025-10-03",
        quote="ten officers had been suspended",
        value={"number": 10},
    )
    assert response.status_code == 400
    assert response.json() == {"quote": ["This quote does not occur in the source's text."]}
    assert not Attestation.objects.filter(source=new_source).exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"value": {"text": "nine"}}, "value", "a quantity claim needs a number"),
        ({"value": {"number": 9, "qualifier": "roughly"}}, "value", "qualifier must be one of"),
        ({"value": {"date": "2025-13"}}, "value", "not a valid date"),
        ({"source": "no-such-source"}, "source", ""),
        ({"as_of": "yesterday"}, "as_of", ""),
    ],
)
def test_an_invalid_link_is_a_400_naming_the_field(editor_api, new_source, data, field, message):
    body = {"source": "sky-2025-10-03", "quote": "nine officers had been suspended", **data}
    response = link(editor_api, "officers-suspended-2025", **body)
    assert response.status_code == 400
    assert message in response.json()[field][0]


def test_the_same_span_cannot_be_linked_twice(editor_api, new_source):
    data = {"source": "sky-2025-10-03", "quote": "nine officers had been suspended"}
    data["value"] = {"number": 9}
    assert link(editor_api, "officers-suspended-2025", **data).status_code == 201
    again = link(editor_api, "officers-suspended-2025", **data)
    assert again.status_code == 400
    assert "already exists" in again.json()["non_field_errors"][0]


def test_linking_to_a_missing_claim_is_a_404(editor_api, new_source):
    response = link(editor_api, "no-such-claim", source="sky-2025-10-03", quote="nine officers")
    assert response.status_code == 404


def test_unlinking_recomputes_the_verdict(editor_api, seeds):
    claim = Claim.objects.get(slug="officers-suspended-2025")
    bbc = claim.attestations.get(source__slug="bbc-live-2025-10-02")
    url = f"/api/claims/{claim.slug}/attestations/{bbc.pk}/"
    response = editor_api.delete(url, **if_match(editor_api, url))
    assert response.status_code == 204
    claim.refresh_from_db()
    assert claim.verdict == "single"  # the Independent, twice, is one source
    for attestation in claim.attestations.all():
        url = f"/api/claims/{claim.slug}/attestations/{attestation.pk}/"
        editor_api.delete(url, **if_match(editor_api, url))
    claim.refresh_from_db()
    assert claim.verdict == ""
    assert editor_api.get(f"/api/claims/{claim.slug}/").json()["verdict"] is None
