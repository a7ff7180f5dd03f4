"""The forms' length limits (#11): each text field shows its limit (``maxlength`` and a hint
under it), and a longer value is refused with an error giving both lengths, the text kept in
the form, nothing stored. The limits are the database columns'."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from claims.forms import AddSourceForm, NewClaimForm
from claims.models import Attestation, Claim, Topic
from sources.ingest.extract import extract_plain
from sources.models import Outlet, Source
from sources.services import source_create

pytestmark = pytest.mark.django_db

TEXT = (
    "Nine officers have been suspended after the documentary, the Metropolitan Police said. "
    "The custody team at Charing Cross was disbanded."
)
# What the reporter pasted: a long statement, 1,360 characters.
LONG_STATEMENT = ("Nine officers were suspended after the documentary was broadcast. " * 21)[:1360]


@pytest.fixture
def source() -> Source:
    source, _ = source_create(
        extracted=extract_plain(TEXT),
        outlet="Evening Standard",
        title="Officers suspended",
        published=date(2025, 10, 3),
    )
    return source


@pytest.fixture
def topic() -> Topic:
    return Topic.objects.create(slug="custody", title="Custody")


def new_claim(source: Source, topic: Topic, **fields: str) -> dict[str, object]:
    start = source.text.index("Nine officers")
    return {
        "start": start,
        "end": start + len("Nine officers"),
        "topic": topic.pk,
        "statement": "Nine officers were suspended.",
        "slug": "officers-suspended",
        "kind": "quantity",
        "value": "9",
        **fields,
    }


def field_html(page: str, name: str) -> str:
    """The input or textarea named ``name``, opening tag only."""
    found = re.search(rf'<(input|textarea)[^>]*name="{name}"[^>]*>', page)
    assert found, name
    return found.group(0)


def test_each_limit_is_the_columns():
    limits = [
        (NewClaimForm, "statement", Claim._meta.get_field("statement")),
        (NewClaimForm, "slug", Claim._meta.get_field("slug")),
        (NewClaimForm, "subject", Claim._meta.get_field("subject")),
        (NewClaimForm, "entity", Claim._meta.get_field("entity")),
        (NewClaimForm, "qualifiers", Claim._meta.get_field("qualifiers")),
        (NewClaimForm, "value", Attestation._meta.get_field("value_text")),
        (NewClaimForm, "attributed_to", Attestation._meta.get_field("attributed_to")),
        (AddSourceForm, "url", Source._meta.get_field("url")),
        (AddSourceForm, "outlet", Outlet._meta.get_field("name")),
        (AddSourceForm, "title", Source._meta.get_field("title")),
    ]
    for form, name, column in limits:
        assert form.base_fields[name].max_length == column.max_length, name


def test_the_new_claim_form_shows_each_limit(editor_client, source, topic):
    page = editor_client.post(
        reverse("claims:review_new", args=[source.slug]),
        {"prefill": "1", "start": 0, "end": 13, "kind": "quantity", "value": "9"},
    ).content.decode()
    statement = field_html(page, "statement")
    assert 'maxlength="500"' in statement
    assert 'aria-describedby="id_statement_helptext"' in statement
    assert re.search(r'id="id_statement_helptext">[^<]*Up to 500 characters\.', page)
    assert "people, workers, votes. Up to 100 characters." in page  # the entity's hint too


def test_a_long_statement_is_refused_with_both_lengths_and_kept_whole(editor_client, source, topic):
    response = editor_client.post(
        reverse("claims:review_new", args=[source.slug]),
        new_claim(source, topic, statement=LONG_STATEMENT),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This is 1360 characters long; the limit is 500." in page
    assert LONG_STATEMENT in page  # all of it, to shorten in place, not 473 characters of it
    assert not Claim.objects.exists()


def test_a_long_text_value_is_refused_on_the_value_field_before_anything_is_stored(
    editor_client, source, topic
):
    value = "disbanded " * 60  # 600 characters; the stored value holds 500
    response = editor_client.post(
        reverse("claims:review_new", args=[source.slug]),
        new_claim(source, topic, kind="status", value=value),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "the limit is 500" in errors["value"][0]
    assert value.strip() in response.content.decode()
    assert not Claim.objects.exists()


def test_the_add_source_form_shows_each_limit(editor_client):
    page = editor_client.get(reverse("claims:source_add")).content.decode()
    assert 'maxlength="2000"' in field_html(page, "url")
    assert 'maxlength="200"' in field_html(page, "outlet")
    assert 'maxlength="500"' in field_html(page, "title")
    assert "Found in the page when left empty. Up to 200 characters." in page
    assert re.search(r'id="id_title_helptext">Up to 500 characters\.', page)


def test_a_long_title_is_refused_with_the_pasted_text_kept(editor_client):
    typed = {"text": TEXT, "outlet": "Evening Standard", "title": "Suspended " * 60}
    response = editor_client.post(reverse("claims:source_add"), typed)
    assert response.status_code == 200
    page = response.content.decode()
    assert "This is 599 characters long; the limit is 500." in page
    assert TEXT in page
    assert not Source.objects.exists()


def test_a_web_address_longer_than_the_column_is_refused_on_the_field_unfetched(editor_client):
    url = "https://example.org/" + "a" * 2000
    response = editor_client.post(reverse("claims:source_add"), {"url": url})
    assert response.status_code == 200
    assert "the limit is 2000" in response.context["form"].errors["url"][0]
    assert url in response.content.decode()
