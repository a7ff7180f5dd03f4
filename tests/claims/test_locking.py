"""Two curators and one claim (#12, lost updates): the later save of a claim or an attestation
loaded before the earlier one is refused, saying who changed it and when, instead of silently
reverting their change: in the services, in the admin (the claim with its attestations inline)
and, on PostgreSQL, between two real transactions at once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from claims import services
from claims.models import Attestation, Claim
from claims.rules.values import Quantity
from sources.models import StaleEdit
from tests.factories import attest, make_claim, make_source, make_topic
from tests.sources.test_locking import ROUNDS, curator, form_data, postgresql_only

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim() -> Claim:
    claim = make_claim(
        make_topic(), slug="nine-suspended", statement="Nine officers were suspended"
    )
    independent = make_source("Nine officers were suspended.", outlet="The Independent")
    bbc = make_source("9 officers were suspended.", outlet="BBC News")
    attest(claim, independent, "Nine officers", Quantity(9))
    attest(claim, bbc, "9 officers", Quantity(9))
    return Claim.objects.get(pk=claim.pk)


def as_user(user: Any, row: Any) -> Any:
    row._history_user = user  # who django-simple-history records, as a request would
    return row


# The services.


def test_a_claim_saved_from_an_old_version_is_refused_naming_who_changed_it(editor, claim):
    mine, theirs = Claim.objects.get(pk=claim.pk), Claim.objects.get(pk=claim.pk)
    services.claim_update(claim=as_user(editor, theirs), statement="Nine Met officers suspended")

    with pytest.raises(StaleEdit) as refused:
        services.claim_update(claim=mine, rating="Accurate")

    assert refused.value.summary.startswith("This claim was changed by editor at ")
    assert refused.value.summary.endswith(": review and resubmit.")
    assert refused.value.changes == [("statement", "Nine Met officers suspended")]
    stored = Claim.objects.get(pk=claim.pk)
    assert (stored.statement, stored.rating, stored.version) == (
        "Nine Met officers suspended",
        "",
        2,
    )
    assert mine.version == 1  # not moved on: the caller may show it and try again


def test_a_verdict_that_follows_a_new_link_leaves_the_claims_version(claim):
    source = make_source("Ten officers were suspended.", outlet="Sky News")
    services.attestation_link(
        source=source, claim=claim, start=0, end=12, value=Quantity(10)
    )  # the verdict moves: it is recomputed, no one's edit
    assert Claim.objects.get(pk=claim.pk).verdict == "differ"
    services.claim_update(claim=claim, rating="Misleading")  # loaded before the link
    assert Claim.objects.get(pk=claim.pk).version == 2


def test_a_stale_attestation_edit_or_unlink_is_refused(editor, claim):
    bbc = claim.attestations.get(source__outlet__name="BBC News")
    mine = Attestation.objects.get(pk=bbc.pk)
    services.attestation_update(attestation=as_user(editor, bbc), value=Quantity(10))

    with pytest.raises(StaleEdit, match="This attestation was changed by editor at "):
        services.attestation_update(attestation=mine, attributed_to="the Met")
    with pytest.raises(StaleEdit):
        services.attestation_unlink(attestation=mine)

    stored = Attestation.objects.get(pk=bbc.pk)
    assert (stored.value, stored.attributed_to) == (Quantity(10), "")


def test_deleting_a_claim_changed_since_it_was_loaded_is_refused(editor, claim):
    services.claim_update(claim=as_user(editor, Claim.objects.get(pk=claim.pk)), rating="Accurate")
    with pytest.raises(StaleEdit):
        services.claim_delete(claim=claim)
    assert Claim.objects.filter(pk=claim.pk).exists()


# The admin: two curators with the same claim open.


def test_the_later_of_two_admin_saves_is_refused_and_keeps_what_was_typed(editor, client, claim):
    alice = curator("alice", like=editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    client.force_login(editor)
    mine = form_data(client.get(url), "claim_form")
    client.force_login(alice)
    theirs = form_data(client.get(url), "claim_form")

    theirs["statement"] = ["Nine Met officers were suspended"]
    assert client.post(url, theirs).status_code == 302
    client.force_login(editor)
    mine["rating"] = ["Accurate"]
    refused = client.post(url, mine)

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "This claim was changed by alice at " in page
    assert "review and resubmit. Now: statement “Nine Met officers were suspended”." in page
    again = form_data(refused, "claim_form")
    assert again["rating"] == ["Accurate"]  # what the editor typed
    assert again["statement"] == ["Nine Met officers were suspended"]  # alice's, as it is now
    assert Claim.objects.get(pk=claim.pk).rating == ""

    assert client.post(url, again).status_code == 302  # sent again, after a look
    stored = Claim.objects.get(pk=claim.pk)
    assert (stored.statement, stored.rating) == ("Nine Met officers were suspended", "Accurate")


def test_an_attestation_the_curator_left_alone_is_not_written_back(editor, client, claim):
    alice = curator("alice", like=editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    client.force_login(editor)
    mine = form_data(client.get(url), "claim_form")
    bbc = claim.attestations.get(source__outlet__name="BBC News")
    services.attestation_update(attestation=as_user(alice, bbc), value=Quantity(10))

    mine["statement"] = ["Nine Met officers were suspended"]
    response = client.post(url, mine, follow=True)

    assert Attestation.objects.get(pk=bbc.pk).value == Quantity(10)  # alice's correction stays
    stored = Claim.objects.get(pk=claim.pk)
    assert (stored.statement, stored.verdict) == ("Nine Met officers were suspended", "differ")
    assert "was changed by alice at " in response.content.decode()  # and the editor is told
    assert "their version is kept" in response.content.decode()


def test_an_attestation_changed_since_cannot_be_removed_unseen(editor, client, claim):
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    client.force_login(editor)
    mine = form_data(client.get(url), "claim_form")
    bbc = claim.attestations.get(source__outlet__name="BBC News")
    prefix = next(
        name.removesuffix("-id")
        for name, value in mine.items()
        if name.endswith("-id") and value == [str(bbc.pk)]
    )
    services.attestation_update(attestation=bbc, value=Quantity(10))

    mine[f"{prefix}-DELETE"] = ["on"]
    refused = client.post(url, mine)

    assert refused.status_code == 200
    assert "This attestation was changed by someone else at " in refused.content.decode()
    assert Attestation.objects.filter(pk=bbc.pk).exists()
    again = form_data(refused, "claim_form")
    assert again[f"{prefix}-DELETE"] == ["on"]  # still ticked
    assert client.post(url, again).status_code == 302
    assert not Attestation.objects.filter(pk=bbc.pk).exists()  # once seen, it may go


# Two real transactions at once.


def race(load: Any, write: Any, edits: list[dict[str, Any]]) -> list[str]:
    """Two threads, each with its own database connection, load the same row, wait until both
    have, then write their edit: what became of each ("saved" or "stale")."""
    both_loaded = threading.Barrier(2)

    def edit(fields: dict[str, Any]) -> str:
        try:
            row = load()
            both_loaded.wait(timeout=30)
            write(row, **fields)
            return "saved"
        except StaleEdit:
            return "stale"
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(edit, edits))


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_claim_saves_one_wins_and_the_other_is_told(claim):
    for round_ in range(ROUNDS):
        edits = [{"statement": f"Statement {round_}"}, {"rating": f"Rating {round_}"}]
        outcomes = race(
            lambda: Claim.objects.get(pk=claim.pk),
            lambda row, **fields: services.claim_update(claim=row, **fields),
            edits,
        )
        assert sorted(outcomes) == ["saved", "stale"], round_
        stored = Claim.objects.get(pk=claim.pk)
        won, lost = edits[outcomes.index("saved")], edits[outcomes.index("stale")]
        assert all(getattr(stored, name) == value for name, value in won.items()), round_
        assert all(getattr(stored, name) != value for name, value in lost.items()), round_
        assert stored.version == round_ + 2


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_attestation_edits_one_wins_and_the_other_is_told(claim):
    bbc = claim.attestations.get(source__outlet__name="BBC News")
    for round_ in range(ROUNDS):
        edits = [{"attributed_to": f"Speaker {round_}"}, {"as_of": date(2025, 1, round_ + 1)}]
        outcomes = race(
            lambda: Attestation.objects.select_related("source").get(pk=bbc.pk),
            lambda row, **fields: services.attestation_update(attestation=row, **fields),
            edits,
        )
        assert sorted(outcomes) == ["saved", "stale"], round_
        stored = Attestation.objects.get(pk=bbc.pk)
        won = edits[outcomes.index("saved")]
        assert all(getattr(stored, name) == value for name, value in won.items()), round_


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_admin_saves_at_once_are_one_saved_and_one_refused(editor, claim, monkeypatch):
    """Both forms pass their check before either is written (a barrier in the service): the
    conditional UPDATE refuses the second, and the admin answers as if the first came first."""
    alice = curator("alice", like=editor)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    both_checked = threading.Barrier(2)
    waited = threading.local()
    claim_save = services.claim_save

    def claim_save_after_both_are_checked(**kwargs: Any) -> Claim:
        if not getattr(waited, "once", False):
            waited.once = True
            both_checked.wait(timeout=30)
        return claim_save(**kwargs)

    monkeypatch.setattr(services, "claim_save", claim_save_after_both_are_checked)
    posts = []
    for user, field, value in [(editor, "rating", "Accurate"), (alice, "subject", "suspensions")]:
        browser = Client()
        browser.force_login(user)
        posts.append((browser, form_data(browser.get(url), "claim_form") | {field: [value]}))

    def save(post: tuple[Client, dict[str, list[str]]]) -> int:
        browser, data = post
        try:
            return browser.post(url, data).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        statuses = list(pool.map(save, posts))

    assert sorted(statuses) == [200, 302]
    stored = Claim.objects.get(pk=claim.pk)
    assert [stored.rating == "Accurate", stored.subject == "suspensions"].count(True) == 1
