"""The review queue names what each action acts on, can undo every link and dismissal, keeps
an editor's reason with it, and pages a long source."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from claims.models import Attestation, Claim, DismissedCandidate
from claims.review.queue import PAGE_SIZE
from sources.ingest.extract import extract_plain
from sources.services import source_create
from tests.claims.test_review import NEW_REPORT, candidate_for, new_source, queue_url

pytestmark = pytest.mark.django_db
__all__ = ["new_source"]  # a fixture


def link_nine(client, source):
    nine = candidate_for(client, source, "Nine officers")
    return client.post(
        reverse("claims:review_link", args=[source.slug]),
        {
            "start": nine["start"],
            "end": nine["end"],
            "claim": "officers-suspended-2025",
            "value": "9",
            "reason": "the same nine officers as the BBC's",
        },
        follow=True,
    )


def test_a_link_names_the_quote_and_the_claim_and_can_be_undone_with_a_reason(
    editor_client, new_source
):
    claim = Claim.objects.get(slug="officers-suspended-2025")
    before = claim.verdict
    page = link_nine(editor_client, new_source).content.decode()

    # the message names both, with one full stop ("misconduct.: now agree" was the bug)
    assert "Linked “Nine officers" in page and "Nine officers were suspended" in page
    assert ".:" not in page and "now agree." in page
    linked = Attestation.objects.get(source=new_source)
    assert linked.history.latest().history_change_reason == "the same nine officers as the BBC's"
    # the queue offers to undo it, naming what it would undo
    assert f'name="attestation" value="{linked.pk}"' in page
    assert "Undo: unlink it" in page

    editor_client.post(
        reverse("claims:review_unlink", args=[new_source.slug]),
        {"attestation": linked.pk, "reason": "another nine"},
    )
    claim.refresh_from_db()
    assert not Attestation.objects.filter(source=new_source).exists()
    assert claim.verdict == before
    gone = Attestation.history.filter(id=linked.pk, history_type="-").get()
    assert gone.history_change_reason == "another nine"
    # and the suggestion is offered again
    body = editor_client.get(queue_url(new_source)).content.decode()
    assert "<mark>Nine officers" in body


def test_a_dismissal_keeps_its_reason_and_can_be_restored(editor_client, new_source):
    custody = candidate_for(editor_client, new_source, "disbanded")
    editor_client.post(
        reverse("claims:review_dismiss", args=[new_source.slug]),
        {"start": custody["start"], "end": custody["end"], "reason": "not news"},
    )
    dismissal = DismissedCandidate.objects.get(source=new_source)
    assert dismissal.reason == "not news"
    body = editor_client.get(queue_url(new_source)).content.decode()
    assert "<mark>" + custody["quote"] not in body
    assert "Undo: offer it again" in body

    curated = editor_client.get(queue_url(new_source), {"curated": "show"}).content.decode()
    assert "dismissed: <bdi>not news</bdi>" in curated

    editor_client.post(
        reverse("claims:review_restore", args=[new_source.slug]), {"dismissal": dismissal.pk}
    )
    assert not DismissedCandidate.objects.exists()
    assert "<mark>" + custody["quote"] in editor_client.get(queue_url(new_source)).content.decode()


def test_what_is_curated_is_hidden_until_asked_for_and_each_can_be_undone(
    editor_client, new_source
):
    link_nine(editor_client, new_source)
    hidden = editor_client.get(queue_url(new_source)).content.decode()
    assert 'id="curated"' not in hidden and "1 already linked" in hidden
    shown = editor_client.get(queue_url(new_source), {"curated": "show"}).content.decode()
    curated = shown.split('id="curated"')[1]
    assert "Nine officers were suspended" in curated and ">Unlink</button>" in curated


def test_unlinking_needs_the_permission_to_delete_links(client, django_user_model, new_source):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("linker", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["add_attestation", "view_claim"])
    )
    client.force_login(user)
    link_nine(client, new_source)
    linked = Attestation.objects.get(source=new_source)
    response = client.post(
        reverse("claims:review_unlink", args=[new_source.slug]), {"attestation": linked.pk}
    )
    assert response.status_code == 403
    assert Attestation.objects.filter(pk=linked.pk).exists()


def test_a_long_source_is_reviewed_a_page_at_a_time(
    editor_client, seeds, django_assert_max_num_queries
):
    # the report pasted many times over: far more suggestions than a page holds
    text = "\n\n".join([NEW_REPORT.split("\n\n", 1)[1]] * 40)
    source, _ = source_create(
        extracted=extract_plain(f"Met officers suspended\n\n{text}"),
        outlet="Evening Standard",
        title="Met officers suspended",
        published=date(2025, 10, 3),
    )
    first = editor_client.get(queue_url(source)).content.decode()
    assert first.count('<li class="candidate"') == PAGE_SIZE
    pages = int(first.split("Page 1 of ")[1].split("<")[0])
    assert pages >= 3
    # a page loads its own candidates: the same queries as a short source's page (test_review)
    with django_assert_max_num_queries(17):
        last = editor_client.get(queue_url(source), {"page": pages}).content.decode()
    assert 0 < last.count('<li class="candidate"') <= PAGE_SIZE
    assert f'start="{(pages - 1) * PAGE_SIZE + 1}"' in last  # numbered on from the pages before
    # after an action, the queue opens at the page of the next suggestion
    end = len(f"Met officers suspended\n\n{text}") - 10
    after = editor_client.get(queue_url(source), {"after": end}).content.decode()
    assert f"Page {pages} of {pages}" in after


def test_a_hand_made_new_claim_post_with_a_bad_span_is_no_500(editor_client, new_source):
    response = editor_client.post(
        reverse("claims:review_new", args=[new_source.slug]), {"prefill": "1", "start": "abc"}
    )
    assert response.status_code == 200
