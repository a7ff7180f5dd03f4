"""Adding a source and reviewing what it states: one click to link, create or dismiss."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from claims.models import Attestation, Claim, DismissedCandidate, Topic
from sources.ingest.extract import extract_plain
from sources.models import Source
from sources.services import source_create

pytestmark = pytest.mark.django_db

NEW_REPORT = (
    "Met officers suspended after undercover filming\n\n"
    "Nine officers and a member of staff have been suspended after the Panorama "
    "documentary, the Metropolitan Police said on Friday.\n\n"
    "The custody team at Charing Cross police station has been disbanded."
)


@pytest.fixture
def new_source(seeds) -> Source:
    source, _ = source_create(
        extracted=extract_plain(NEW_REPORT),
        outlet="Evening Standard",
        title="Met officers suspended after undercover filming",
        published=date(2025, 10, 3),
    )
    return source


def queue_url(source: Source) -> str:
    return reverse("claims:review", args=[source.slug])


def candidate_for(client, source: Source, words: str) -> dict:
    """The suggest_claims entry whose quote contains ``words``."""
    out = StringIO()
    call_command("suggest_claims", source.slug, "--json", stdout=out)
    data = json.loads(out.getvalue())
    return next(c for c in data["candidates"] if words in c["quote"])


def test_the_review_queue_suggests_the_agreeing_claim_for_a_new_report(editor_client, new_source):
    body = editor_client.get(queue_url(new_source)).content.decode()
    assert "Panorama investigation of the Charing Cross custody suite" in body.split("</p>")[2]
    items = body.split('<li class="candidate"')[1:]
    nine = next(item for item in items if "<mark>Nine officers" in item)
    assert 'value="officers-suspended-2025"' in nine
    assert "would be <strong>agree</strong>" in nine


def test_suggest_claims_prints_the_documented_contract(new_source):
    out = StringIO()
    call_command("suggest_claims", new_source.slug, "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["topics"][0] == "panorama-charing-cross-custody"
    nine = next(c for c in data["candidates"] if c["quote"].lower().startswith("nine officers"))
    assert set(nine) >= {
        "quote",
        "start",
        "end",
        "kind",
        "value",
        "as_of",
        "attributed_to",
        "matches",
    }
    assert new_source.text[nine["start"] : nine["end"]] == nine["quote"]
    assert nine["kind"] == "quantity"
    assert nine["value"] == {"number": 9}
    top = nine["matches"][0]
    assert top["claim"] == "officers-suspended-2025"
    assert top["verdict_if_linked"] == "agree"
    assert 0 < top["score"] <= 1
    assert all(set(m) >= {"claim", "score", "verdict_if_linked"} for m in nine["matches"])


def test_linking_a_suggestion_creates_the_attestation_and_updates_the_verdict(
    editor_client, new_source
):
    nine = candidate_for(editor_client, new_source, "Nine officers")
    response = editor_client.post(
        reverse("claims:review_link", args=[new_source.slug]),
        {
            "start": nine["start"],
            "end": nine["end"],
            "claim": "officers-suspended-2025",
            "value": "9",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#after-{nine['end']}")
    claim = Claim.objects.get(slug="officers-suspended-2025")
    assert claim.attestations.filter(source=new_source).count() == 1
    assert claim.verdict == "agree"
    assert "Evening Standard (3 October 2025)" in claim.verdict_explanation
    out = StringIO()
    call_command("suggest_claims", new_source.slug, "--json", stdout=out)
    spans = {(c["start"], c["end"]) for c in json.loads(out.getvalue())["candidates"]}
    assert (nine["start"], nine["end"]) not in spans  # linked: no longer to review


def test_editing_the_value_before_linking_is_what_gets_stored(editor_client, new_source):
    nine = candidate_for(editor_client, new_source, "Nine officers")
    editor_client.post(
        reverse("claims:review_link", args=[new_source.slug]),
        {
            "start": nine["start"],
            "end": nine["end"],
            "claim": "officers-suspended-2025",
            "value": "10",
        },
    )
    claim = Claim.objects.get(slug="officers-suspended-2025")
    assert claim.attestations.get(source=new_source).value_display == "10"
    # A later, different count of a changing number is an update, not a contradiction.
    assert claim.verdict == "updated"
    assert claim.verdict_explanation.endswith("then 10 as of 3 October 2025 (Evening Standard).")


def test_a_bad_value_is_refused_with_a_message_and_nothing_linked(editor_client, new_source):
    nine = candidate_for(editor_client, new_source, "Nine officers")
    response = editor_client.post(
        reverse("claims:review_link", args=[new_source.slug]),
        {
            "start": nine["start"],
            "end": nine["end"],
            "claim": "officers-suspended-2025",
            "value": "lots",
        },
        follow=True,
    )
    assert "type a number" in response.content.decode()
    assert not Attestation.objects.filter(source=new_source).exists()


def test_a_dismissed_suggestion_is_remembered(editor_client, new_source):
    disbanded = candidate_for(editor_client, new_source, "disbanded")
    editor_client.post(
        reverse("claims:review_dismiss", args=[new_source.slug]),
        {"start": disbanded["start"], "end": disbanded["end"]},
    )
    assert DismissedCandidate.objects.filter(source=new_source).count() == 1
    out = StringIO()
    call_command("suggest_claims", new_source.slug, "--json", stdout=out)
    spans = {(c["start"], c["end"]) for c in json.loads(out.getvalue())["candidates"]}
    assert (disbanded["start"], disbanded["end"]) not in spans


def test_a_new_claim_is_prefilled_from_the_candidate_and_created_with_its_quote(
    editor_client, new_source
):
    nine = candidate_for(editor_client, new_source, "Nine officers")
    url = reverse("claims:review_new", args=[new_source.slug])
    form = editor_client.post(
        url,
        {
            "prefill": "1",
            "start": nine["start"],
            "end": nine["end"],
            "sentence_start": new_source.text.index("Nine officers"),
            "sentence_end": new_source.text.index("on Friday.") + len("on Friday."),
            "kind": "quantity",
            "unit": "officers",
            "value": "9",
        },
    ).content.decode()
    assert 'name="statement"' in form
    assert "Nine officers and a member of staff have been suspended" in form
    response = editor_client.post(
        url,
        {
            "start": nine["start"],
            "end": nine["end"],
            "topic": Topic.objects.get(slug="panorama-charing-cross-custody").pk,
            "statement": "Officers were suspended after the Panorama documentary (Standard).",
            "slug": "standard-officers-suspended",
            "kind": "quantity",
            "subject": "officers suspended",
            "unit": "",
            "entity": "officers",
            "predicate": "suspended",
            "qualifiers": "Serving,",
            "changes_over_time": "on",
            "value": "9",
        },
    )
    assert response.status_code == 302
    claim = Claim.objects.get(slug="standard-officers-suspended")
    assert (claim.entity, claim.predicate, claim.qualifiers) == ("officers", "suspended", "serving")
    assert claim.verdict == "single"
    assert claim.attestations.get().quote == nine["quote"]


def test_anonymous_visitors_are_sent_to_log_in(client, new_source):
    response = client.get(queue_url(new_source))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_users_without_permission_cannot_review_or_link(reader_client, new_source):
    assert reader_client.get(queue_url(new_source)).status_code == 403
    response = reader_client.post(
        reverse("claims:review_link", args=[new_source.slug]),
        {"start": 0, "end": 4, "claim": "officers-suspended-2025", "value": "9"},
    )
    assert response.status_code == 403
    assert not Attestation.objects.filter(source=new_source).exists()


def test_linking_needs_a_csrf_token(editor, new_source):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        reverse("claims:review_link", args=[new_source.slug]),
        {"start": 0, "end": 4, "claim": "officers-suspended-2025", "value": "9"},
    )
    assert response.status_code == 403


@pytest.mark.parametrize("n", [3, 50])
def test_the_review_queue_has_a_fixed_query_budget(
    editor_client, new_source, django_assert_max_num_queries, n
):
    """Guards against a query per candidate or per suggested claim, as the ledger grows."""
    from claims.models import Topic
    from claims.rules.values import Quantity
    from tests.factories import attest, make_claim, make_source

    topic = Topic.objects.get(slug="panorama-charing-cross-custody")
    for i in range(n):
        claim = make_claim(
            topic, statement=f"Officers suspended, count {i}", subject="officers suspended"
        )
        attest(
            claim,
            make_source(f"Report {i}: nine officers suspended."),
            "nine officers",
            Quantity(9),
        )
    # 17: the page, the source, the ledger's version (claims, attestations, sources, topic
    # filings) and, when it changed, the index: claims with attestations, and topics' titles;
    # and 13 to read the text and keep the reading (its live-page entries, the upsert, the
    # found candidates) and to count and page them in the database.
    with django_assert_max_num_queries(30):
        response = editor_client.get(queue_url(new_source))
    assert response.status_code == 200
    assert 'class="candidate"' in response.content.decode()
    # once read, the kept reading is found instead, and the index is kept
    with django_assert_max_num_queries(17):
        response = editor_client.get(queue_url(new_source))
    assert 'class="candidate"' in response.content.decode()


CRASH_REPORT = (
    "Odisha train accident: death toll revised to 275\n\n"
    "The number of people who died in the Balasore train accident has been revised to 275 "
    "once some double countings were taken out, Odisha's Chief Secretary said on Sunday."
)


@pytest.fixture
def crash_source(seeds) -> Source:
    """A report of a story the ledger (the seeds' police stories) knows nothing of."""
    source, _ = source_create(
        extracted=extract_plain(CRASH_REPORT),
        outlet="DT Next",
        title="Odisha train accident: death toll revised to 275",
        published=date(2023, 6, 4),
    )
    return source


def test_with_no_likely_claim_the_queue_offers_a_new_claim_first_prefilled(
    editor_client, crash_source
):
    source = crash_source
    page = editor_client.get(queue_url(source)).content.decode()
    assert "No existing claim is likely" in page
    assert "New claim: 275 people died" in page
    assert "<strong>likely</strong>" not in page  # the seeds' police counts are not offered
    toll = candidate_for(editor_client, source, "275")
    form = editor_client.post(
        reverse("claims:review_new", args=[source.slug]),
        {
            "prefill": "1",
            "start": toll["start"],
            "end": toll["end"],
            "kind": "quantity",
            "entity": "people",
            "predicate": "died",
            "value": "275",
        },
    ).content.decode()
    assert "275 people died." in form
    assert 'value="people-died-2023"' in form


def test_a_source_about_no_topic_of_the_ledger_gets_a_new_topic_first(editor_client, crash_source):
    source = crash_source
    page = editor_client.get(queue_url(source)).content.decode()
    assert "New topic suggested" in page
    out = StringIO()
    call_command("suggest_claims", source.slug, "--json", stdout=out)
    assert json.loads(out.getvalue())["new_topic"] is True


def test_a_new_report_of_a_known_story_is_not_a_new_topic(editor_client, new_source):
    page = editor_client.get(queue_url(new_source)).content.decode()
    assert "New topic suggested" not in page
    assert "Suggested topic" in page
