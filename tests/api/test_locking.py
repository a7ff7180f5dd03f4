"""Two API clients and one claim (#12, lost updates): a claim, an attestation or a source is
read with its version as its ETag, and a PATCH or DELETE must send it back in If-Match: a
write from a version that is no longer the stored one is a 412 saying who changed it and when,
one without If-Match a 428. On PostgreSQL, two PATCHes at once with the same If-Match are one
200 and one 412, never a silent loss."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection

from claims import services
from claims.models import Attestation, Claim
from tests.api.conftest import session_client, token_client
from tests.sources.test_locking import ROUNDS, curator, postgresql_only

pytestmark = pytest.mark.django_db

CLAIM = "/api/claims/officers-suspended-2025/"


@pytest.fixture
def alice(editor):
    return curator("alice", like=editor)


def test_a_claim_an_attestation_and_a_source_are_read_with_their_version(any_client, seeds):
    claim = Claim.objects.get(slug="officers-suspended-2025")
    attestation = claim.attestations.first()
    assert any_client.get(CLAIM)["ETag"] == f'"{claim.version}"'
    assert any_client.head(CLAIM)["ETag"] == f'"{claim.version}"'
    attestation_url = f"{CLAIM}attestations/{attestation.pk}/"
    assert any_client.get(attestation_url)["ETag"] == f'"{attestation.version}"'
    source = attestation.source
    assert any_client.get(f"/api/sources/{source.slug}/")["ETag"] == f'"{source.version}"'


def test_a_write_answers_with_the_new_version(editor_api, seeds):
    etag = editor_api.get(CLAIM)["ETag"]
    response = editor_api.patch(CLAIM, {"rating": "Accurate"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response["ETag"] == editor_api.get(CLAIM)["ETag"]


def test_a_write_without_if_match_is_a_428_that_changes_nothing(editor_api, seeds):
    response = editor_api.patch(CLAIM, {"rating": "Accurate"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    assert editor_api.delete(CLAIM).status_code == 428
    assert Claim.objects.get(slug="officers-suspended-2025").rating == ""


def test_the_later_of_two_patches_from_one_read_is_a_412_naming_who_changed_it(
    editor, alice, seeds
):
    mine, theirs = token_client(editor), token_client(alice)
    read = mine.get(CLAIM)["ETag"]
    assert theirs.get(CLAIM)["ETag"] == read

    first = theirs.patch(
        CLAIM, {"statement": "Nine officers suspended."}, format="json", HTTP_IF_MATCH=read
    )
    second = mine.patch(CLAIM, {"rating": "Accurate"}, format="json", HTTP_IF_MATCH=read)

    assert first.status_code == 200
    assert second.status_code == 412
    body = second.json()
    assert body["detail"].startswith("This claim was changed by alice at ")
    assert body["detail"].endswith(": review and resubmit.")
    assert (body["changed_by"], f'"{body["version"]}"') == ("alice", first["ETag"])
    assert body["changed_at"]
    assert second["ETag"] == first["ETag"]  # what to send after a look
    stored = Claim.objects.get(slug="officers-suspended-2025")
    assert (stored.statement, stored.rating) == ("Nine officers suspended.", "")

    again = mine.patch(CLAIM, {"rating": "Accurate"}, format="json", HTTP_IF_MATCH=second["ETag"])
    assert again.status_code == 200
    assert (again.json()["statement"], again.json()["rating"]) == (
        "Nine officers suspended.",
        "Accurate",
    )


def test_a_stale_delete_is_a_412_and_deletes_nothing(editor_api, seeds):
    read = editor_api.get(CLAIM)["ETag"]
    editor_api.patch(CLAIM, {"rating": "Accurate"}, format="json", HTTP_IF_MATCH=read)
    assert editor_api.delete(CLAIM, HTTP_IF_MATCH=read).status_code == 412
    assert Claim.objects.filter(slug="officers-suspended-2025").exists()


def test_a_stale_attestation_edit_or_unlink_is_a_412(editor_api, seeds):
    attestation = Attestation.objects.filter(claim__slug="officers-suspended-2025").first()
    url = f"{CLAIM}attestations/{attestation.pk}/"
    read = editor_api.get(url)["ETag"]
    changed = editor_api.patch(url, {"attributed_to": "the Met"}, format="json", HTTP_IF_MATCH=read)
    assert changed.status_code == 200

    again = editor_api.patch(url, {"attributed_to": ""}, format="json", HTTP_IF_MATCH=read)
    assert again.status_code == 412
    assert again.json()["detail"].startswith("This attestation was changed by editor at ")
    assert editor_api.delete(url, HTTP_IF_MATCH=read).status_code == 412
    assert Attestation.objects.get(pk=attestation.pk).attributed_to == "the Met"


def test_if_match_compares_strong_entity_tags(editor_api, seeds):
    """A weak tag never matches (RFC 9110, 13.1.1), nor an unquoted one; one of a list does,
    and ``*`` matches whatever the version."""
    etag = editor_api.get(CLAIM)["ETag"]

    def patch(if_match: str) -> Any:
        return editor_api.patch(CLAIM, {"rating": "x"}, format="json", HTTP_IF_MATCH=if_match)

    assert patch(f"W/{etag}").status_code == 412
    assert patch(etag.strip('"')).status_code == 412
    assert patch(f'"999", {etag}').status_code == 200
    assert patch("*").status_code == 200
    assert f'"{Claim.objects.get(slug="officers-suspended-2025").version - 2}"' == etag


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_patches_at_once_with_one_if_match_are_one_200_and_one_412(
    editor, alice, seeds, monkeypatch
):
    """Each PATCH passes its If-Match check, then waits until the other has too (a barrier in
    the service) before writing: the second UPDATE finds the version moved on."""
    claim_update = services.claim_update
    barrier: list[threading.Barrier] = []

    def claim_update_after_both_are_checked(**kwargs: Any) -> Claim:
        barrier[0].wait(timeout=30)
        return claim_update(**kwargs)

    monkeypatch.setattr(services, "claim_update", claim_update_after_both_are_checked)
    clients = [session_client(editor), session_client(alice)]
    for round_ in range(ROUNDS):
        barrier[:] = [threading.Barrier(2)]
        read = clients[0].get(CLAIM)["ETag"]
        edits = [{"statement": f"Statement {round_}."}, {"rating": f"Rating {round_}"}]

        def patch(n: int, read: str = read, edits: list[dict[str, str]] = edits) -> int:
            try:
                return (
                    clients[n].patch(CLAIM, edits[n], format="json", HTTP_IF_MATCH=read).status_code
                )
            finally:
                connection.close()

        with ThreadPoolExecutor(2) as pool:
            statuses = list(pool.map(patch, [0, 1]))

        assert sorted(statuses) == [200, 412], round_
        stored = Claim.objects.get(slug="officers-suspended-2025")
        ((field, value),) = edits[statuses.index(200)].items()
        assert getattr(stored, field) == value, round_
        ((field, value),) = edits[statuses.index(412)].items()
        assert getattr(stored, field) != value, round_
