"""A curator adds a topic, a claim or a claimant in the admin under a name in any script: the
admin's prepopulating script leaves the slug empty for Arabic, Hebrew, Chinese, Cyrillic or
emoji, and the admin makes one from the name instead of refusing the form."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from claims.models import Claim, Claimant, Topic
from tests.sources.test_slugs_scripts import SCRIPTS

pytestmark = pytest.mark.django_db
SLUG = re.compile(r"^[-a-z0-9]+$")


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("curator", password="pw"))
    return client


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_topic_titled_in_any_script_is_added_with_a_slug_of_its_own(admin_client, script):
    _, title = SCRIPTS[script]
    response = admin_client.post(
        reverse("admin:claims_topic_add"), {"title": title, "slug": "", "description": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    topic = Topic.objects.get(title=title)
    assert SLUG.match(topic.slug) and topic.slug.startswith("topic-")
    assert admin_client.get(topic.get_absolute_url()).status_code == 200


def test_two_topics_with_the_same_foreign_title_get_two_slugs(admin_client):
    _, title = SCRIPTS["chinese"]
    for _ in range(2):
        admin_client.post(reverse("admin:claims_topic_add"), {"title": title, "slug": ""})
    slugs = list(Topic.objects.filter(title=title).values_list("slug", flat=True))
    assert len(slugs) == 2 and len(set(slugs)) == 2


def test_a_latin_title_keeps_its_words_and_a_typed_slug_is_kept(admin_client):
    admin_client.post(reverse("admin:claims_topic_add"), {"title": "Paris pension protests"})
    admin_client.post(reverse("admin:claims_topic_add"), {"title": "Другое", "slug": "other"})
    assert Topic.objects.filter(slug="paris-pension-protests").exists()
    assert Topic.objects.get(slug="other").title == "Другое"


def test_a_claim_and_a_claimant_named_in_another_script_get_slugs(admin_client):
    topic = Topic.objects.create(slug="budget", title="Budget")
    response = admin_client.post(
        reverse("admin:claims_claim_add"),
        {
            "topic": topic.pk,
            "statement": SCRIPTS["hebrew"][1],
            "slug": "",
            "kind": "event",
            "attestations-TOTAL_FORMS": "0",
            "attestations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Claim.objects.get().slug.startswith("claim-")
    response = admin_client.post(
        reverse("admin:claims_claimant_add"),
        {
            "name": SCRIPTS["arabic"][0],
            "slug": "",
            "names-TOTAL_FORMS": "0",
            "names-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Claimant.objects.get().slug.startswith("claimant-")
