"""Schemathesis against the API's own OpenAPI schema, on the seed corpus, in process.

Every operation gets a fixed number of generated requests (derandomised, so every run sends
the same ones), sent anonymously through Django's WSGI application. Each response must not be
a server error and must match the schema: a documented status code, content type, headers and
body. Writes must be refused (403) to an anonymous client.

Path parameters and the slug filters are drawn partly from the seeds, so that requests reach
real topics, sources, claims and attestations, not only 404s. Only valid requests are
generated (positive mode): an invalid slug in a path is refused by Django's URL resolver with
the site's HTML 404 before the API is reached, which the schema rightly does not describe.
"""

from __future__ import annotations

import json
from typing import Any

import hypothesis
import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import strategies as st
from schemathesis.python import wsgi

from claims.models import Attestation, Claim, Claimant, Topic
from config.wsgi import application
from sources.models import Outlet, Source
from tests.conftest import load_seed_dump

EXAMPLES_PER_OPERATION = 10

CONFIG = {
    "generation": {
        "mode": "positive",
        "max-examples": EXAMPLES_PER_OPERATION,
        "deterministic": True,
        "database": "none",
        "with-security-parameters": False,  # anonymous: no made-up token or session cookie
    },
    "phases": {
        # The schema's own examples are drawn while tests are collected, before the database is
        # there for the hooks below; they are only the value shapes' examples anyway.
        "examples": {"enabled": False},
        "fuzzing": {"enabled": True},
        "coverage": {"enabled": False},  # not bounded by max-examples
        "stateful": {"enabled": False},
    },
    # No 5xx, and nothing the schema does not describe.
    "checks": {
        "enabled": False,
        "not_a_server_error": {"enabled": True},
        "status_code_conformance": {"enabled": True},
        "content_type_conformance": {"enabled": True},
        "response_headers_conformance": {"enabled": True},
        "response_schema_conformance": {"enabled": True},
    },
}


def mixed(generated: Any, known: list[Any]) -> st.SearchStrategy[Any]:
    """A value from the seeds, or the one Schemathesis generated (which is mostly a 404)."""
    return st.sampled_from([*known, generated])


def openapi() -> dict[str, Any]:
    """The schema /api/schema/ serves, generated without a request: no database, no host."""
    generator = SchemaGenerator()
    return json.loads(OpenApiJsonRenderer().render(generator.get_schema(public=True)))


# Loaded when the module is collected. (``schemathesis.pytest.from_fixture`` would load it in a
# fixture instead, but with pytest 9.2 it fails on ``Function._nodeid``, which pytest dropped.)
schema = schemathesis.openapi.from_dict(openapi(), config=schemathesis.Config.from_dict(CONFIG))


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    path = context.operation.path
    if "{id}" in path:
        pairs = Attestation.objects.values_list("claim__slug", "pk").order_by("pk")[:10]
        return mixed(path_parameters, [{"slug": slug, "id": pk} for slug, pk in pairs])
    models = {"topics": Topic, "sources": Source, "claims": Claim, "claimants": Claimant}
    model = models[path.split("/")[2]]
    slugs = model.objects.values_list("slug", flat=True).order_by("slug")[:10]
    return mixed(path_parameters, [{"slug": slug} for slug in slugs])


FILTERS = {"topic": Topic, "source": Source, "outlet": Outlet}


@schema.hook
def flatmap_query(context, query):
    keys = [key for key in FILTERS if key in (query or {})]
    if not keys:
        return st.just(query)
    known = {
        key: list(FILTERS[key].objects.values_list("slug", flat=True).order_by("slug"))
        for key in keys
    }
    return st.fixed_dictionaries({key: mixed(query[key], known[key]) for key in keys}).map(
        lambda chosen: {**query, **chosen}
    )


@pytest.fixture
def seeded(transactional_db, settings, seed_dump) -> None:
    # transactional_db: Django's WSGI handler closes the database connection after a request
    # made inside a transaction, as every request would be inside the one ``db`` wraps a test in.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, wsgi.HOST]
    load_seed_dump(seed_dump)


@schema.parametrize()
# The seeded database is shared by an operation's examples on purpose: they only read it, and
# the anonymous writes are refused.
@hypothesis.settings(suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture])
def test_the_api_keeps_to_its_schema(case, seeded):
    response = case.call(app=application)
    case.validate_response(response)
    if case.method != "GET":
        assert response.status_code == 403, "an anonymous write must be refused"
