"""Curators edit claims with their attestations inline; the verdict follows every change."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims import services
from claims.models import Attestation, Claim, Claimant
from claims.rules.values import Quantity
from sources.models import Source
from tests.factories import attest, make_claim, make_source, make_topic

pytestmark = pytest.mark.django_db

TEXT = "Nine officers were suspended on Monday. Later, nine officers were suspended again."


def claim_form(topic, *attestations: dict, claim: Claim | None = None, initial: int = 0) -> dict:
    data = {
        "topic": topic.pk,
        "statement": "Nine officers were suspended",
        "slug": claim.slug if claim else "nine-suspended",
        "kind": "quantity",
        "subject": "officers suspended",
        "unit": "officers",
        "changes_over_time": "on",
        "attestations-TOTAL_FORMS": str(len(attestations)),
        "attestations-INITIAL_FORMS": str(initial),
        "attestations-MIN_NUM_FORMS": "0",
        "attestations-MAX_NUM_FORMS": "1000",
    }
    if claim:  # the version the change page was opened at (a hidden field)
        data["version"] = Claim.objects.get(pk=claim.pk).version
    for index, fields in enumerate(attestations):
        if "id" in fields:
            fields = {"version": Attestation.objects.get(pk=fields["id"]).version, **fields}
        for key, value in fields.items():
            data[f"attestations-{index}-{key}"] = value
    return data


def source_form(source, **changes) -> dict:
    """The source change form as the admin would post it, with ``changes`` applied."""
    return {
        "outlet": source.outlet.pk,
        "title": source.title,
        "slug": source.slug,
        "authors": "",
        "kind": "article",
        "language": "en",
        "published_on": source.published_on.isoformat(),
        "text": source.text,
        "version": source.version,
    } | changes


def test_a_curator_pastes_just_the_quote_and_the_offsets_and_context_are_found(editor_client):
    topic = make_topic()
    source = make_source("Before that. The Met said nine officers had been suspended. After.")
    response = editor_client.post(
        reverse("admin:claims_claim_add"),
        claim_form(
            topic,
            {"source": source.pk, "quote": "nine officers had been suspended", "value_number": "9"},
        ),
    )
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    attestation = Attestation.objects.get()
    assert (attestation.start, attestation.end) == (26, 58)
    assert attestation.context_before == "Before that. The Met said "
    assert attestation.context_after == ". After."
    assert attestation.value_qualifier == "exact"
    assert Claim.objects.get().verdict == "single"


def test_a_pasted_quote_with_straight_quotes_is_stored_as_the_sources_own_words(editor_client):
    source = make_source("Rowley said the conduct was “reprehensible” – and apologised.")
    editor_client.post(
        reverse("admin:claims_claim_add"),
        claim_form(
            make_topic(),
            {
                "source": source.pk,
                "quote": 'the conduct was "reprehensible" - and',
                "value_number": "1",
            },
        ),
    )
    assert Attestation.objects.get().quote == "the conduct was “reprehensible” – and"


def test_a_quote_not_in_the_source_is_a_form_error(editor_client):
    source = make_source(TEXT)
    response = editor_client.post(
        reverse("admin:claims_claim_add"),
        claim_form(
            make_topic(), {"source": source.pk, "quote": "ten officers", "value_number": "10"}
        ),
    )
    assert response.status_code == 200
    assert "This quote does not occur in the source" in response.content.decode()
    assert not Claim.objects.exists()


def test_a_quote_found_twice_without_a_hint_is_a_form_error(editor_client):
    source = make_source(TEXT)
    response = editor_client.post(
        reverse("admin:claims_claim_add"),
        claim_form(
            make_topic(),
            {"source": source.pk, "quote": "officers were suspended", "value_number": "9"},
        ),
    )
    assert "occurs 2 times in the source (at offsets 5, 52)" in response.content.decode()
    assert not Claim.objects.exists()


def test_a_start_hint_picks_the_nearest_occurrence(editor_client):
    source = make_source(TEXT)
    editor_client.post(
        reverse("admin:claims_claim_add"),
        claim_form(
            make_topic(),
            {
                "source": source.pk,
                "quote": "officers were suspended",
                "start": "50",
                "value_number": "9",
            },
        ),
    )
    assert Attestation.objects.get().start == 52


def test_a_value_that_does_not_fit_the_claim_kind_is_a_form_error(editor_client):
    source = make_source(TEXT)
    response = editor_client.post(
        reverse("admin:claims_claim_add"),
        claim_form(
            make_topic(),
            {"source": source.pk, "quote": "Nine officers", "start": "0", "value_text": "nine"},
        ),
    )
    assert "A quantity claim needs a number as its value" in response.content.decode()
    assert not Claim.objects.exists()


def test_a_period_is_typed_as_two_partial_dates(editor_client):
    source = make_source("The conduct happened between 2015 and 2017, the Met said.")
    data = claim_form(
        make_topic(),
        {
            "source": source.pk,
            "quote": "between 2015 and 2017",
            "value_date_text": "2015",
            "value_date_end_text": "2017",
        },
    )
    data["kind"] = "date"
    editor_client.post(reverse("admin:claims_claim_add"), data)
    assert Attestation.objects.get().value_display == "2015–2017"


def test_editing_an_attestation_value_recomputes_the_verdict(editor_client):
    topic = make_topic()
    claim = make_claim(topic, slug="nine-suspended")
    first = make_source("Nine officers were suspended.", outlet="The Independent")
    second = make_source("9 officers were suspended.", outlet="BBC News")
    a = attest(claim, first, "Nine officers", Quantity(9))
    b = attest(claim, second, "9 officers", Quantity(9))
    assert Claim.objects.get().verdict == "agree"

    editor_client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        claim_form(
            topic,
            {"id": a.pk, "source": first.pk, "quote": "Nine officers", "value_number": "9"},
            {"id": b.pk, "source": second.pk, "quote": "9 officers", "value_number": "10"},
            claim=claim,
            initial=2,
        )
        | {"changes_over_time": ""},
    )
    claim.refresh_from_db()
    assert claim.verdict == "differ"
    assert claim.verdict_explanation == (
        "BBC News (1 October 2025) says 10 but The Independent (1 October 2025) says 9."
    )


def test_changing_a_source_date_in_the_admin_recomputes_verdicts(editor_client):
    claim = make_claim(changes_over_time=True)
    old = make_source("Eleven officers.", outlet="The Guardian", published=date(2019, 4, 30))
    new = make_source("Fourteen officers.", outlet="ITV News", published=date(2022, 2, 2))
    attest(claim, old, "Eleven officers", Quantity(11))
    attest(claim, new, "Fourteen officers", Quantity(14))
    assert Claim.objects.get().verdict == "updated"

    response = editor_client.post(
        reverse("admin:sources_source_change", args=[new.pk]),
        source_form(new, published_on="2019-04-30"),
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.verdict == "differ"
    assert "For the same date (30 April 2019)" in claim.verdict_explanation


def test_a_source_edit_that_breaks_a_quote_is_refused(editor_client):
    claim = make_claim()
    source = make_source("Nine officers were suspended.")
    attest(claim, source, "Nine officers", Quantity(9))
    response = editor_client.post(
        reverse("admin:sources_source_change", args=[source.pk]),
        source_form(source, text="Ten officers were suspended."),
    )
    assert "This change breaks the quote “Nine officers”" in response.content.decode()
    source.refresh_from_db()
    assert source.text == "Nine officers were suspended."


def test_the_same_text_twice_is_refused_with_a_link_to_the_first(editor_client):
    first = make_source("Exactly this text.")
    response = editor_client.post(
        reverse("admin:sources_source_add"),
        source_form(first, title="Copy", slug="copy", text="Exactly   this text.\n\n"),
    )
    body = response.content.decode()
    assert "The same text is already stored as" in body
    assert f'href="{first.get_absolute_url()}"' in body


def test_the_claim_list_filters_by_verdict(editor_client):
    claim = make_claim(statement="An agreed claim")
    make_claim(statement="A claim nobody states")
    attest(claim, make_source("Nine.", outlet="A"), "Nine", Quantity(9))
    attest(claim, make_source("Nine!", outlet="B"), "Nine", Quantity(9))

    response = editor_client.get(reverse("admin:claims_claim_changelist"), {"verdict": "agree"})
    body = response.content.decode()
    assert "An agreed claim" in body
    assert "A claim nobody states" not in body


def test_the_claim_list_lists_no_topics_and_a_topics_count_leads_to_its_claims(editor_client):
    """At a million claims there are tens of thousands of topics: the claim list's filters
    leave them out, and each topic's count of claims is the way to them."""
    flood = make_topic("flood", title="River flood")
    make_claim(flood, statement="The river rose two metres")
    make_claim(flood, statement="Three bridges closed")
    make_claim(make_topic("storm", title="Winter storm"), statement="Winds reached 90 mph")
    make_topic("quiet", title="A topic nobody has claims in")

    claims = editor_client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "A topic nobody has claims in" not in claims

    topics = editor_client.get(reverse("admin:claims_topic_changelist")).content.decode()
    link = f"{reverse('admin:claims_claim_changelist')}?topic__id__exact={flood.pk}"
    assert f'<a href="{link}">2</a>' in topics
    flood_claims = editor_client.get(link).content.decode()
    assert "The river rose two metres" in flood_claims and "Three bridges closed" in flood_claims
    assert "Winds reached 90 mph" not in flood_claims


def test_the_source_and_claimant_lists_count_each_rows_attestations(editor_client):
    source = make_source("Nine officers, and then two more.", title="Officers counted")
    make_source("Nothing stated.", title="Nothing stated")
    police = services.claimant_create(name="Police", aliases=[])
    attest(make_claim(), source, "Nine officers", claimant=police)
    attest(make_claim(), source, "two more", claimant=police)

    sources = editor_client.get(reverse("admin:sources_source_changelist")).content.decode()
    assert '<td class="field-attestation_count">2</td>' in sources
    assert '<td class="field-attestation_count">0</td>' in sources
    claimants = editor_client.get(reverse("admin:claims_claimant_changelist")).content.decode()
    assert '<td class="field-attestation_count">2</td>' in claimants


def test_sources_are_searchable_and_filterable_by_outlet(editor_client):
    make_source("About the custody suite.", outlet="BBC News", title="Custody suite")
    make_source("About the team.", outlet="ITV News", title="Westminster team")
    url = reverse("admin:sources_source_changelist")

    assert "Custody suite" in editor_client.get(url, {"q": "custody"}).content.decode()
    assert "Westminster team" not in editor_client.get(url, {"q": "custody"}).content.decode()
    itv = editor_client.get(url, {"outlet__id__exact": make_source(outlet="ITV News").outlet.pk})
    assert "Westminster team" in itv.content.decode()
    assert "Custody suite" not in itv.content.decode()


def test_the_source_autocomplete_finds_sources_for_the_inline(editor_client):
    make_source("Text.", outlet="The Guardian", title="Met police officers scrutinised")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "scrutinised",
            "app_label": "claims",
            "model_name": "attestation",
            "field_name": "source",
        },
    )
    results = response.json()["results"]
    assert len(results) == 1
    assert results[0]["text"].startswith("The Guardian: Met police officers scrutinised")


def test_anonymous_visitors_cannot_reach_curation(client):
    response = client.get(reverse("admin:claims_claim_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_a_logged_in_user_without_permission_cannot_add_claims(reader_client):
    topic = make_topic()
    response = reader_client.post(reverse("admin:claims_claim_add"), claim_form(topic))
    assert response.status_code == 403
    assert not Claim.objects.exists()


def test_admin_writes_need_a_csrf_token(editor):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("admin:claims_claim_add"), claim_form(make_topic()))
    assert response.status_code == 403
    assert not Claim.objects.exists()


def test_the_claim_change_page_shows_the_verdict_and_each_quote_in_context(editor_client):
    claim = make_claim(statement="Nine officers were suspended")
    source = make_source("Before. Nine officers were suspended. After.")
    attest(claim, source, "Nine officers", Quantity(9))
    response = editor_client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Only The Example" in body
    assert "Before. <mark>Nine officers</mark> were suspended" in body


LIVE = "Latest news.\n\n2 October 10:00 BST\nOne\nBody.\n\n2 October 11:00 BST\nTwo\nBody."


def test_a_live_page_added_in_the_admin_is_stored_with_its_entries(editor_client):
    outlet = make_source(outlet="BBC News").outlet
    response = editor_client.post(
        reverse("admin:sources_source_add"),
        {
            "outlet": outlet.pk,
            "title": "Live",
            "slug": "live",
            "authors": "",
            "kind": "live_page",
            "language": "en",
            "published_on": "2025-10-02",
            "text": LIVE,
        },
    )
    assert response.status_code == 302
    entries = Source.objects.get(slug="live").entries.all()
    assert [(e.title, f"{e.published_at:%Y-%m-%d %H:%M %z}") for e in entries] == [
        ("One", "2025-10-02 09:00 +0000"),
        ("Two", "2025-10-02 10:00 +0000"),
    ]


def test_correcting_a_live_pages_date_in_the_admin_dates_its_entries_again(editor_client):
    source = make_source(LIVE, published=date(2025, 10, 2), kind="live_page")
    response = editor_client.post(
        reverse("admin:sources_source_change", args=[source.pk]),
        source_form(source, kind="live_page", published_on="2024-10-02"),
    )
    assert response.status_code == 302
    assert {e.published_at.year for e in source.entries.all()} == {2024}


def test_removing_an_attestation_inline_recomputes_the_verdict(editor_client):
    topic = make_topic()
    claim = make_claim(topic, slug="nine-suspended")
    first = make_source("Nine officers were suspended.", outlet="The Independent")
    second = make_source("9 officers were suspended.", outlet="BBC News")
    a = attest(claim, first, "Nine officers", Quantity(9))
    b = attest(claim, second, "9 officers", Quantity(9))
    assert Claim.objects.get().verdict == "agree"

    editor_client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        claim_form(
            topic,
            {"id": a.pk, "source": first.pk, "quote": "Nine officers", "value_number": "9"},
            {
                "id": b.pk,
                "source": second.pk,
                "quote": "9 officers",
                "value_number": "9",
                "DELETE": "on",
            },
            claim=claim,
            initial=2,
        ),
    )
    claim.refresh_from_db()
    assert list(claim.attestations.all()) == [a]
    assert claim.verdict == "single"


def test_deleting_a_claim_in_the_admin_deletes_its_attestations(editor_client):
    claim = make_claim()
    attest(claim, make_source("Nine officers."), "Nine officers", Quantity(9))
    response = editor_client.post(
        reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Claim.objects.exists()
    assert not Attestation.objects.exists()


# Merging claimants: two reports of one figure, credited to the Met and to Scotland Yard.


def met_and_scotland_yard() -> tuple[Claim, Claimant, Claimant]:
    claim = make_claim(statement="Nine officers were suspended", changes_over_time=False)
    met = services.claimant_create(name="the Metropolitan Police", aliases=["the Met"])
    for text, outlet in [
        ("The Metropolitan Police said nine officers had been suspended.", "The Guardian"),
        ("Scotland Yard said on Friday that nine officers had been suspended.", "Sky News"),
    ]:
        source = make_source(text, outlet=outlet)
        start = text.index("nine officers")
        services.attestation_link(
            source=source,
            claim=claim,
            start=start,
            end=start + len("nine officers"),
            value=Quantity(9),
            attributed_to=text.split(" said")[0],
        )
    claim.refresh_from_db()
    return claim, met, Claimant.objects.get(name="Scotland Yard")


def test_a_curator_merges_claimants_choosing_on_a_second_page_which_to_keep(editor_client):
    claim, met, yard = met_and_scotland_yard()
    assert (claim.verdict, claim.independent_count) == ("agree", 2)
    changelist = reverse("admin:claims_claimant_changelist")
    # as the change list's action bar posts it
    selected = {"action": "merge", "index": "0", "_selected_action": [met.pk, yard.pk]}

    page = editor_client.post(changelist, selected)

    assert page.status_code == 200
    html = page.content.decode()
    assert "Merge claimants" in html
    assert "the Metropolitan Police (1 attestation), also “the Met”" in html
    assert 'name="keep"' in html and "Scotland Yard (1 attestation)" in html
    assert Claimant.objects.count() == 2  # nothing merged before the curator chooses

    response = editor_client.post(changelist, selected | {"post": "yes", "keep": met.pk})

    assert response.status_code == 302
    told = [str(m) for m in get_messages(response.wsgi_request)]
    assert told == ["Merged 2 claimants into the Metropolitan Police."]
    assert list(Claimant.objects.all()) == [met]
    assert services.claimant_for(name="Scotland Yard") == met
    claim.refresh_from_db()
    assert (claim.verdict, claim.independent_count) == ("single", 1)


def test_choosing_no_claimant_to_keep_shows_the_page_again_and_merges_nothing(editor_client):
    _, met, yard = met_and_scotland_yard()
    changelist = reverse("admin:claims_claimant_changelist")

    response = editor_client.post(
        changelist, {"action": "merge", "_selected_action": [met.pk, yard.pk], "post": "yes"}
    )

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Claimant.objects.count() == 2


def test_merging_needs_two_claimants(editor_client):
    _, met, _ = met_and_scotland_yard()

    response = editor_client.post(
        reverse("admin:claims_claimant_changelist"),
        {"action": "merge", "_selected_action": [met.pk]},
        follow=True,
    )

    assert "Select two or more claimants to merge." in response.content.decode()
    assert Claimant.objects.count() == 2
