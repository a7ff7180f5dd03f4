"""The OpenAPI schema: valid by drf-spectacular's own validation, without a warning."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

EXPECTED_PATHS = {
    "/api/topics/": {"get"},
    "/api/topics/{slug}/": {"get"},
    "/api/sources/": {"get"},
    "/api/sources/{slug}/": {"get"},
    "/api/claims/": {"get", "post"},
    "/api/claims/{slug}/": {"get", "patch", "delete"},
    "/api/claims/{slug}/attestations/": {"post"},
    "/api/claims/{slug}/attestations/{id}/": {"get", "patch", "delete"},
    "/api/claimants/": {"get", "post"},
    "/api/claimants/{slug}/": {"get", "patch"},
    "/api/claimants/{slug}/merge/": {"post"},
}


def test_the_schema_passes_validation_with_no_warnings(tmp_path):
    out = tmp_path / "schema.json"
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", "--file", out
    )
    schema = json.loads(out.read_text())
    assert schema["openapi"].startswith("3.")
    assert {path: set(ops) for path, ops in schema["paths"].items()} == EXPECTED_PATHS


@pytest.mark.django_db
def test_the_schema_endpoint_serves_it(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Corroborate API"
    value = schema["components"]["schemas"]["Value"]
    assert [ref["$ref"].rsplit("/", 1)[1] for ref in value["oneOf"]] == [
        "NumberValue",
        "DateValue",
        "PeriodValue",
        "TextValue",
    ]


@pytest.mark.django_db
def test_every_write_documents_the_refusals(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method != "get":
                assert {"400", "403"} & set(operation["responses"]), (method, path)
                assert "403" in operation["responses"], (method, path)
