"""Claimants through the API: anyone reads them, editors name, rename and merge them, and say
who an attestation's figure is attributed to. Two London reports of the Charing Cross
suspensions, one crediting the Metropolitan Police and one Scotland Yard: one party."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Permission, User

from claims import services
from claims.models import Attestation, Claim, Claimant
from claims.rules.values import Quantity
from tests.api.conftest import if_match, session_client, token_client
from tests.factories import make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db

MET = "the Metropolitan Police"


def link(claim: Claim, source, quote: str, attributed_to: str) -> Attestation:
    start = source.text.index(quote)
    return services.attestation_link(
        source=source,
        claim=claim,
        start=start,
        end=start + len(quote),
        value=Quantity(9),
        attributed_to=attributed_to,
    )


@pytest.fixture
def suspensions() -> Claim:
    """Nine officers suspended, said by the Met in one report and by Scotland Yard in the
    other: two claimants, as far as the ledger knows."""
    claim = make_claim(
        make_topic("panorama-charing-cross-custody"),
        slug="officers-suspended-2025",
        statement="Nine officers were suspended after the Panorama allegations.",
        entity="officers",
        predicate="suspended",
    )
    guardian = make_source(
        "The Metropolitan Police said nine officers had been suspended.",
        outlet="The Guardian",
        published=date(2025, 10, 1),
    )
    sky = make_source(
        "Scotland Yard said on Friday that nine officers had been suspended.",
        outlet="Sky News",
        published=date(2025, 10, 3),
    )
    services.claimant_create(name=MET, aliases=["the Met", "Met Police"])
    link(claim, guardian, "nine officers", "The Metropolitan Police")
    link(claim, sky, "nine officers", "Scotland Yard")
    return claim


def claim_counts(client, slug: str = "officers-suspended-2025") -> tuple[str, int, int]:
    body = client.get(f"/api/claims/{slug}/").json()
    return body["verdict"], body["source_count"], body["independent_count"]


# Reading.


def test_anyone_lists_claimants_with_their_names_and_how_often_they_are_quoted(
    any_client, suspensions
):
    response = any_client.get("/api/claimants/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and body["next"] is None
    assert [c["name"] for c in body["results"]] == ["Scotland Yard", MET]
    yard, met = body["results"]
    assert met == {
        "slug": "the-metropolitan-police",
        "name": MET,
        "aliases": ["Met Police", "the Met"],
        "attestation_count": 1,
        "api_url": "http://testserver/api/claimants/the-metropolitan-police/",
    }
    assert yard["aliases"] == [] and yard["attestation_count"] == 1


def test_anyone_reads_one_claimant_and_an_unknown_one_is_a_404(any_client, suspensions):
    body = any_client.get("/api/claimants/scotland-yard/").json()

    assert (body["name"], body["attestation_count"]) == ("Scotland Yard", 1)
    assert any_client.get("/api/claimants/the-home-office/").status_code == 404


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("met", [MET]),  # in its name and in its aliases, listed once
        ("MET POLICE", [MET]),  # an alias only, in another case
        ("yard", ["Scotland Yard"]),
        ("police", [MET]),
        ("home office", []),
    ],
)
def test_q_finds_claimants_by_any_of_their_names_in_any_case(client, suspensions, q, found):
    body = client.get("/api/claimants/", {"q": q}).json()

    assert [c["name"] for c in body["results"]] == found
    assert body["count"] == len(found)


# Who may write.


def claimant_writes(attestation_id: int) -> list[tuple[str, str, dict]]:
    return [
        ("post", "/api/claimants/", {"name": "the Home Office"}),
        ("patch", "/api/claimants/scotland-yard/", {"name": "New Scotland Yard"}),
        ("post", "/api/claimants/scotland-yard/merge/", {"into": "the-metropolitan-police"}),
        (
            "patch",
            f"/api/claims/officers-suspended-2025/attestations/{attestation_id}/",
            {"claimant": None},
        ),
    ]


def ledger() -> list[tuple]:
    claimants = Claimant.objects.values_list("slug", "name").order_by("slug")
    attestations = Attestation.objects.values_list("pk", "attributed_to", "claimant__slug")
    return [*claimants, *attestations.order_by("pk")]


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_only_editors_may_write_claimants(request, suspensions, who):
    client = request.getfixturevalue(f"{who}_api" if who == "reader" else who)
    attestation = Attestation.objects.filter(claimant__slug="scotland-yard").get()
    before = ledger()

    for method, url, data in claimant_writes(attestation.pk):
        response = getattr(client, method)(url, data, format="json")
        assert response.status_code == 403, (method, url)

    assert ledger() == before
    assert claim_counts(client) == ("agree", 2, 2)


def test_merging_needs_the_permission_to_delete_claimants_too(suspensions):
    curator = User.objects.create_user("curator", is_staff=True)
    curator.user_permissions.set(Permission.objects.filter(codename="change_claimant"))
    client = token_client(curator)

    refused = client.post(
        "/api/claimants/scotland-yard/merge/", {"into": "the-metropolitan-police"}, format="json"
    )
    renamed = client.patch(
        "/api/claimants/scotland-yard/", {"name": "New Scotland Yard"}, format="json"
    )

    assert refused.status_code == 403
    assert renamed.status_code == 200, renamed.json()
    assert Claimant.objects.filter(slug="scotland-yard").exists()


# Creating, renaming, naming.


def test_an_editor_creates_a_claimant_with_its_aliases_by_token(editor, suspensions):
    response = token_client(editor).post(
        "/api/claimants/",
        {
            "name": "the Independent Office for Police Conduct",
            "aliases": ["the IOPC", "the police watchdog"],
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["slug"] == "the-independent-office-for-police-conduct"
    assert body["aliases"] == ["the IOPC", "the police watchdog"]
    assert body["attestation_count"] == 0
    assert response["Location"] == body["api_url"]
    # a report that credits "the IOPC" is now credited to it, not to a new claimant
    assert services.claimant_for(name="The IOPC").slug == body["slug"]


def test_an_alias_that_already_names_another_claimant_is_a_400_saying_which(
    editor_api, suspensions
):
    created = editor_api.post(
        "/api/claimants/",
        {"name": "Metropolitan Police Federation", "aliases": ["the Met"]},
        format="json",
    )
    added = editor_api.patch(
        "/api/claimants/scotland-yard/", {"aliases": ["Met Police"]}, format="json"
    )

    assert created.status_code == 400
    assert created.json() == {"aliases": [f"“the Met” already names {MET}."]}
    assert not Claimant.objects.filter(name="Metropolitan Police Federation").exists()
    assert added.status_code == 400
    assert added.json() == {"aliases": [f"“Met Police” already names {MET}."]}
    assert services.claimant_for(name="Met Police").slug == "the-metropolitan-police"


def test_a_new_name_that_names_another_claimant_is_a_400_on_the_name(editor_api, suspensions):
    response = editor_api.patch("/api/claimants/scotland-yard/", {"name": "The Met"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"name": [f"“The Met” already names {MET}."]}
    assert Claimant.objects.get(slug="scotland-yard").name == "Scotland Yard"


def test_an_editor_renames_a_claimant_and_the_verdict_names_it_so(editor_api, suspensions):
    yard = Claimant.objects.get(slug="scotland-yard")
    services.claimant_merge(keep=Claimant.objects.get(slug="the-metropolitan-police"), drop=yard)
    claim = Claim.objects.get(slug="officers-suspended-2025")
    assert claim.verdict_explanation.startswith(f"Only from {MET}, as reported by")

    response = editor_api.patch(
        "/api/claimants/the-metropolitan-police/",
        {"name": "Metropolitan Police Service", "aliases": ["the Yard"]},
        format="json",
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["name"] == "Metropolitan Police Service"
    assert body["slug"] == "the-metropolitan-police"  # addresses stay
    # the old name is still how sources write it
    assert MET in body["aliases"] and "the Yard" in body["aliases"]
    claim.refresh_from_db()
    assert claim.verdict_explanation.startswith(
        "Only from Metropolitan Police Service, as reported by"
    )
    listed = editor_api.get("/api/claims/officers-suspended-2025/").json()
    assert {a["claimant"] for a in listed["attestations"]} == {"Metropolitan Police Service"}


def test_put_and_delete_are_not_offered_on_a_claimant(editor_api, suspensions):
    url = "/api/claimants/scotland-yard/"
    assert editor_api.put(url, {"name": "New Scotland Yard"}, format="json").status_code == 405
    assert editor_api.delete(url).status_code == 405


# Merging.


def test_merging_scotland_yard_into_the_met_makes_their_figures_one_origin(editor_api, suspensions):
    assert claim_counts(editor_api) == ("agree", 2, 2)

    response = editor_api.post(
        "/api/claimants/scotland-yard/merge/", {"into": "the-metropolitan-police"}, format="json"
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["slug"], body["attestation_count"]) == ("the-metropolitan-police", 2)
    assert "Scotland Yard" in body["aliases"]
    assert claim_counts(editor_api) == ("single", 2, 1)
    assert editor_api.get("/api/claimants/scotland-yard/").status_code == 404
    # a later report crediting Scotland Yard is the Met's
    assert services.claimant_for(name="Scotland Yard").slug == "the-metropolitan-police"


@pytest.mark.parametrize(
    ("into", "error"),
    [
        ("scotland-yard", {"non_field_errors": ["A claimant cannot be merged into itself."]}),
        ("the-home-office", {"into": ["Object with slug=the-home-office does not exist."]}),
    ],
)
def test_a_merge_into_itself_or_an_unknown_claimant_is_a_400(editor_api, suspensions, into, error):
    response = editor_api.post("/api/claimants/scotland-yard/merge/", {"into": into}, format="json")

    assert response.status_code == 400
    assert response.json() == error
    assert claim_counts(editor_api) == ("agree", 2, 2)


def test_merging_an_unknown_claimant_is_a_404(editor_api, suspensions):
    response = editor_api.post(
        "/api/claimants/the-home-office/merge/", {"into": "scotland-yard"}, format="json"
    )
    assert response.status_code == 404


# Who an attestation's figure is attributed to.


def attestation_url(attestation: Attestation) -> str:
    return f"/api/claims/{attestation.claim.slug}/attestations/{attestation.pk}/"


def test_an_editor_corrects_an_attestations_claimant_by_slug_or_by_any_name(
    editor_api, suspensions
):
    sky = Attestation.objects.get(claimant__slug="scotland-yard")

    url = attestation_url(sky)
    by_alias = editor_api.patch(
        url, {"claimant": "the met"}, format="json", **if_match(editor_api, url)
    )

    assert by_alias.status_code == 200, by_alias.json()
    body = by_alias.json()
    assert (body["attributed_to"], body["claimant"]) == ("Scotland Yard", MET)  # words kept
    assert body["claim"]["verdict"] == "single"
    assert claim_counts(editor_api) == ("single", 2, 1)

    by_slug = editor_api.patch(
        url, {"claimant": "scotland-yard"}, format="json", **if_match(editor_api, url)
    )

    assert by_slug.json()["claimant"] == "Scotland Yard"
    assert claim_counts(editor_api) == ("agree", 2, 2)


def test_a_null_claimant_makes_the_figure_the_sources_own(editor_api, suspensions):
    sky = Attestation.objects.get(claimant__slug="scotland-yard")

    url = attestation_url(sky)
    response = editor_api.patch(url, {"claimant": None}, format="json", **if_match(editor_api, url))

    assert response.status_code == 200, response.json()
    assert (response.json()["attributed_to"], response.json()["claimant"]) == ("", None)
    sky.refresh_from_db()
    assert (sky.attributed_to, sky.claimant) == ("", None)
    assert claim_counts(editor_api)[2] == 2  # the Met, and Sky News on its own account


def test_new_words_name_their_claimant(editor_api, suspensions):
    sky = Attestation.objects.get(claimant__slug="scotland-yard")

    url = attestation_url(sky)
    response = editor_api.patch(
        url, {"attributed_to": "the Met Police"}, format="json", **if_match(editor_api, url)
    )

    assert response.status_code == 200, response.json()
    assert response.json()["claimant"] == MET
    assert claim_counts(editor_api) == ("single", 2, 1)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"claimant": "the Home Office"}, "claimant", "No claimant has the slug or the name"),
        ({"claimant": None, "attributed_to": "Scotland Yard"}, "claimant", "leave attributed_to"),
        ({"claimant": 7}, "claimant", "Invalid value."),
    ],
)
def test_an_invalid_attribution_is_a_400_naming_the_field(
    editor_api, suspensions, data, field, message
):
    sky = Attestation.objects.get(claimant__slug="scotland-yard")

    url = attestation_url(sky)
    response = editor_api.patch(url, data, format="json", **if_match(editor_api, url))

    assert response.status_code == 400
    assert message in response.json()[field][0]
    sky.refresh_from_db()
    assert sky.claimant.slug == "scotland-yard"


def test_an_editor_without_the_change_attestation_permission_may_not_reattribute(suspensions):
    curator = User.objects.create_user("curator", is_staff=True)
    curator.user_permissions.set(Permission.objects.filter(codename="view_attestation"))
    sky = Attestation.objects.get(claimant__slug="scotland-yard")

    response = session_client(curator).patch(
        attestation_url(sky), {"claimant": "the-metropolitan-police"}, format="json"
    )

    assert response.status_code == 403
    assert claim_counts(session_client(curator)) == ("agree", 2, 2)
