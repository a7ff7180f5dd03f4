"""Downloads: the filtered claim list as CSV and a topic's dataset."""

from __future__ import annotations

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.models import Attestation, Claim

pytestmark = pytest.mark.django_db


def rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.getvalue().decode())))


def test_the_csv_has_one_row_per_attestation_of_the_filtered_claims(client, seeds):
    response = client.get(
        reverse("claims:csv"), {"verdict": "agree", "topic": "panorama-charing-cross-custody"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    found = rows(response)
    wanted = Attestation.objects.filter(
        claim__verdict="agree", claim__topic__slug="panorama-charing-cross-custody"
    )
    assert len(found) == wanted.count()
    assert {r["verdict"] for r in found} == {"agree"}
    nine = [r for r in found if r["claim"] == "officers-suspended-2025"]
    assert {r["outlet"] for r in nine} == {"The Independent", "BBC News"}
    assert {r["value"] for r in nine} == {"9"}
    assert json.loads(nine[0]["value_json"]) == {"number": 9}
    assert nine[0]["claim_url"].endswith("/claims/officers-suspended-2025/")


def test_the_claim_list_links_to_the_csv_of_what_it_shows(client, seeds):
    body = client.get(reverse("claims:list"), {"verdict": "differ"}).content.decode()
    assert 'href="/claims/export.csv?verdict=differ"' in body


def test_a_claim_no_source_states_still_gets_a_row(client, seeds):
    claim = Claim.objects.create(
        topic=Claim.objects.first().topic,
        slug="unstated",
        statement="Nobody says this",
        kind="other",
    )
    found = rows(client.get(reverse("claims:csv"), {"q": "Nobody says this"}))
    assert [(r["claim"], r["source"]) for r in found] == [(claim.slug, "")]


def test_a_topics_dataset_downloads_and_imports_elsewhere(client, seeds, tmp_path):
    response = client.get(reverse("claims:topic_dataset", args=["iopc-westminster-team"]))
    body = response.getvalue()
    data = json.loads(body)
    assert {c["topic"] for c in data["claims"]} == {"iopc-westminster-team"}
    path = tmp_path / "topic.json"
    path.write_bytes(body)
    out = StringIO()
    call_command("import_dataset", path, stdout=out)
    assert "nothing changed" in out.getvalue()


@pytest.mark.parametrize("n", [3, 50])
def test_the_csv_has_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    from claims.rules.values import Quantity
    from tests.factories import attest, make_claim, make_source, make_topic

    topic = make_topic()
    for i in range(n):
        claim = make_claim(topic)
        attest(claim, make_source(f"Text {i}: nine officers."), "nine officers", Quantity(9))
    with django_assert_max_num_queries(2):  # the rows are read as the response is written
        found = rows(client.get(reverse("claims:csv")))
    assert len(found) == n


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"published_after": "2025-13-45"}, "Published from: Enter a valid date."),
        ({"verdict": "maybe"}, "Verdict: Select a valid choice. maybe is not one of"),
        ({"topic": "no-such-topic"}, "Topic: Nothing is called “no-such-topic”"),
    ],
)
def test_the_csv_refuses_a_filter_it_cannot_read_as_the_list_page_does(client, query, message):
    from tests.factories import make_claim

    make_claim()
    response = client.get(reverse("claims:csv"), query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert message in response.getvalue().decode()
    page = client.get(reverse("claims:list"), query).content.decode()
    assert message.split(": ", 1)[1].split(" maybe")[0] in page  # the list page says the same
