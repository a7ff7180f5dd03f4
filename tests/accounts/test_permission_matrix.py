"""Who may open what: every URL of the site, the API and the admin, for an anonymous visitor,
a Reader, an Editor, a Curator (none of them staff) and a superuser.

The URLs are enumerated from the URLconf: a new URL that is in neither table fails the test
until its row is added. Each request runs in a savepoint rolled back afterwards, so that a write
one role may make (a DELETE) does not change what the next request sees.

Cells: a status code, "login" (302 to the site's sign-in page) or "admin" (302 to the admin's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.authtoken.models import Token

from claims.claimants import Claimant
from claims.models import Attestation, Claim
from claims.review.reading import read_source
from sources.models import Source

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "Reader", "Editor", "Curator", "superuser")
L, A = "login", "admin"
EVERYONE_200 = (200, 200, 200, 200, 200)
EDITORS = (L, 403, 200, 200, 200)

# name, method, (anonymous, Reader, Editor, Curator, superuser)
SITE = [
    ("claims:home", "GET", EVERYONE_200),
    ("claims:api_index", "GET", EVERYONE_200),
    ("claims:list", "GET", EVERYONE_200),
    ("claims:search", "GET", EVERYONE_200),
    ("claims:csv", "GET", EVERYONE_200),
    ("claims:detail", "GET", EVERYONE_200),
    ("claims:history", "GET", EVERYONE_200),
    ("claims:claim_cite", "GET", EVERYONE_200),
    ("claims:revision", "GET", EVERYONE_200),
    ("claims:revision", "POST", (L, 403, 403, 302, 302)),  # revert: Curators
    ("claims:revision_cite", "GET", EVERYONE_200),
    ("claims:topics", "GET", EVERYONE_200),
    ("claims:topic", "GET", EVERYONE_200),
    ("claims:topic_dataset", "GET", EVERYONE_200),
    ("claims:topic_annotations", "GET", EVERYONE_200),
    ("claims:sources", "GET", EVERYONE_200),
    ("claims:compare", "GET", EVERYONE_200),
    ("claims:pick", "GET", EVERYONE_200),
    ("claims:source", "GET", EVERYONE_200),
    ("claims:source_cite", "GET", EVERYONE_200),
    ("claims:source_annotations", "GET", EVERYONE_200),
    ("claims:source_add", "GET", EDITORS),
    ("claims:source_add", "POST", EDITORS),  # an empty form: shown again with its errors
    ("claims:review", "GET", EDITORS),
    ("claims:review_progress", "GET", EDITORS),
    ("claims:review_read_again", "GET", (L, 403, 405, 405, 405)),
    ("claims:review_read_again", "POST", (L, 403, 302, 302, 302)),
    ("claims:review_link", "GET", (L, 403, 405, 405, 405)),
    ("claims:review_link", "POST", (L, 403, 302, 302, 302)),  # refused: back with a message
    ("claims:review_new", "POST", EDITORS),  # the new-claim form, with its errors
    ("claims:review_dismiss", "POST", (L, 403, 302, 302, 302)),
    ("claims:review_unlink", "POST", (L, 403, 404, 404, 404)),  # no such link: past the check
    ("claims:review_restore", "POST", (L, 403, 404, 404, 404)),
    ("accounts:login", "GET", EVERYONE_200),
    ("accounts:login", "POST", EVERYONE_200),  # no username: the form again
    ("accounts:logout", "GET", (405, 405, 405, 405, 405)),
    ("accounts:logout", "POST", (302, 302, 302, 302, 302)),
    # The JSON API: reads for all; writes need the model permission (an empty body: 400 once
    # allowed). Not signed in is 403, not 401: session authentication is the API's first.
    ("api:topics", "GET", EVERYONE_200),
    ("api:topic", "GET", EVERYONE_200),
    ("api:sources", "GET", EVERYONE_200),
    ("api:source", "GET", EVERYONE_200),
    ("api:claims", "GET", EVERYONE_200),
    ("api:claims", "POST", (403, 403, 400, 400, 400)),
    ("api:claim", "GET", EVERYONE_200),
    ("api:claim", "PATCH", (403, 403, 403, 200, 200)),
    ("api:claim", "DELETE", (403, 403, 403, 204, 204)),
    ("api:claim_attestations", "GET", (405, 405, 405, 405, 405)),
    ("api:claim_attestations", "POST", (403, 403, 400, 400, 400)),
    ("api:attestation", "GET", EVERYONE_200),
    ("api:attestation", "PATCH", (403, 403, 403, 200, 200)),
    ("api:attestation", "DELETE", (403, 403, 204, 204, 204)),  # unlinking is an Editor's
    ("api:claimants", "GET", EVERYONE_200),
    ("api:claimants", "POST", (403, 403, 403, 400, 400)),
    ("api:claimant", "GET", EVERYONE_200),
    ("api:claimant", "PATCH", (403, 403, 403, 200, 200)),
    ("api:claimant_merge", "GET", (405, 405, 405, 405, 405)),
    ("api:claimant_merge", "POST", (403, 403, 403, 400, 400)),
    ("api:schema", "GET", EVERYONE_200),
    ("api:docs", "GET", EVERYONE_200),
]

# The admin opens to Curators (accounts/sites.py) and superusers; anyone else is sent to its
# sign-in page. Its own pages, by name:
ADMIN_SITE = [
    ("admin:index", "GET", (A, A, A, 200, 200)),
    ("admin:login", "GET", (200, 200, 200, 302, 302)),  # the admin's users: on to the index
    ("admin:logout", "POST", (302, 302, 302, 200, 200)),  # not the admin's: to its index
    ("admin:password_change", "GET", (A, A, A, 200, 200)),
    ("admin:password_change_done", "GET", (A, A, A, 200, 200)),
    ("admin:autocomplete", "GET", (A, A, A, 403, 403)),  # no model asked for
    ("admin:jsi18n", "GET", (A, A, A, 200, 200)),
    ("admin:view_on_site", "GET", (A, A, A, 302, 302)),
    ("admin:app_list", "GET", (A, A, A, 200, 200)),  # claims
    ("admin:auth_user_password_change", "GET", (A, A, A, 403, 200)),
    ("/admin/(?P<url>.*)$", "GET", (A, A, A, 404, 404)),  # no such admin page
]
# ... and, model by model, what a Curator and a superuser may do there: the list, the form to
# add, an object's page and history ("view"; "change" includes it), the page to delete it.
IN_ADMIN = {
    # model: (Curator, superuser)
    "auth.group": ("", "add change delete"),
    "auth.user": ("", "add change delete"),
    "authtoken.tokenproxy": ("", "add change delete"),
    "django_tasks_database.dbtaskresult": ("", "view"),  # the worker's: read only
    "axes.accessattempt": ("", "change delete"),  # sign-in failures: no adding
    "axes.accesslog": ("", "change delete"),
    "axes.accessfailurelog": ("", "change delete"),
    "sources.outlet": ("view add change", "add change delete"),
    "sources.source": ("add change delete", "add change delete"),
    "claims.topic": ("add change delete", "add change delete"),
    "claims.claim": ("add change delete", "add change delete"),
    "claims.claimant": ("add change delete", "add change delete"),
}
NEEDS = {
    "changelist": "view",
    "add": "add",
    "change": "view",
    "history": "view",
    "delete": "delete",
}


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    expected: tuple[Any, ...]


def url_names() -> set[str]:
    """Every URL name, with its namespace; an unnamed pattern by its route."""

    def walk(patterns: list[Any], namespace: str, prefix: str) -> set[str]:
        found: set[str] = set()
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                found |= walk(pattern.url_patterns, inner, route)
            elif isinstance(pattern, URLPattern):
                found.add(f"{namespace}{pattern.name}" if pattern.name else f"/{route}")
        return found

    return walk(get_resolver().url_patterns, "", "")


def admin_model_cases() -> list[Case]:
    def status(may: str, needs: str) -> int:
        allowed = needs in may.split() or (needs == "view" and "change" in may.split())
        return 200 if allowed else 403

    cases = []
    for model in admin.site._registry:
        curator, superuser = IN_ADMIN[model._meta.label_lower]
        for kind, needs in NEEDS.items():
            name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{kind}"
            cases.append(
                Case(name, "GET", (A, A, A, status(curator, needs), status(superuser, needs)))
            )
        # an object's old address: on to its page, where the rules above apply
        old = f"/admin/{model._meta.app_label}/{model._meta.model_name}/<path:object_id>/"
        cases.append(Case(old, "GET", (A, A, A, 302, 302)))
    return cases


def all_cases() -> list[Case]:
    return [Case(*row) for row in SITE + ADMIN_SITE] + admin_model_cases()


def test_every_url_is_in_the_matrix():
    assert url_names() == {case.name for case in all_cases()}
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == set(IN_ADMIN)


@pytest.fixture
def world(seeds) -> dict[str, Any]:
    """One of everything a URL can name."""
    claim = Claim.objects.filter(attestations__isnull=False).order_by("pk").first()
    attestation = Attestation.objects.filter(claim=claim).order_by("pk").first()
    source = Source.objects.order_by("pk").first()
    claimant = Claimant.objects.order_by("pk").first()
    assert claim and attestation and source and claimant
    superuser = User.objects.create_superuser("root", password="pw")
    Token.objects.create(user=superuser)
    AccessAttempt.objects.create(username="x", ip_address="192.0.2.1", failures_since_start=1)
    AccessLog.objects.create(username="x", ip_address="192.0.2.1")
    AccessFailureLog.objects.create(username="x", ip_address="192.0.2.1", locked_out=False)
    read_source.enqueue(source.pk, "matrix")
    return {"claim": claim, "attestation": attestation, "source": source, "claimant": claimant}


def path_of(name: str, world: dict[str, Any]) -> str:
    claim, source = world["claim"], world["source"]
    by_slug = {
        "claims:detail": claim.slug,
        "claims:history": claim.slug,
        "claims:topic": claim.topic.slug,
        "claims:topic_dataset": claim.topic.slug,
        "claims:topic_annotations": claim.topic.slug,
        "claims:source": source.slug,
        "claims:source_annotations": source.slug,
        "api:topic": claim.topic.slug,
        "api:source": source.slug,
        "api:claim": claim.slug,
        "api:claim_attestations": claim.slug,
        "api:claimant": world["claimant"].slug,
        "api:claimant_merge": world["claimant"].slug,
        "claims:pick": "source",
    }
    if name in by_slug:
        return reverse(name, args=[by_slug[name]])
    if name.startswith("claims:review"):
        return reverse(name, args=[source.slug])
    args: dict[str, list[Any]] = {
        "claims:claim_cite": [claim.slug, "bib"],
        "claims:revision": [claim.slug, 1],
        "claims:revision_cite": [claim.slug, 1, "bib"],
        "claims:source_cite": [source.slug, "bib"],
        "api:attestation": [claim.slug, world["attestation"].pk],
        "admin:app_list": ["claims"],
        "admin:auth_user_password_change": [User.objects.get(username="root").pk],
        "admin:view_on_site": [_content_type(Claim), claim.pk],
    }
    if name in args:
        return reverse(name, args=args[name])
    if name == "/admin/(?P<url>.*)$":
        return "/admin/no-such-page/"
    if name.startswith("/admin/"):  # an object's old address
        app_label, model_name = name.split("/")[2:4]
        model = next(
            m for m in admin.site._registry if m._meta.label_lower == f"{app_label}.{model_name}"
        )
        return name.replace(
            "<path:object_id>", str(model._default_manager.order_by("pk").first().pk)
        )
    for model in admin.site._registry:
        if name in {
            f"admin:{model._meta.app_label}_{model._meta.model_name}_{kind}"
            for kind in ("change", "history", "delete")
        }:
            return reverse(name, args=[model._default_manager.order_by("pk").first().pk])
    return reverse(name)


def _content_type(model: Any) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def outcome(response: Any) -> Any:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("accounts:login") + "?"):
            return L
        if location.startswith(reverse("admin:login") + "?"):
            return A
    return response.status_code


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def send(client: Client, case: Case, path: str) -> Any:
    if not case.name.startswith("api:") or case.method == "GET":
        return getattr(client, case.method.lower())(path)
    headers = {}
    # a write of what the client has seen (an ETag), as the API asks
    if case.method in ("PATCH", "DELETE") and (etag := client.get(path).headers.get("ETag")):
        headers["If-Match"] = etag
    return client.generic(case.method, path, "{}", "application/json", headers=headers)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_open_what_the_matrix_says(role, world, member):
    cases = all_cases()
    column = ROLES.index(role)
    user = {"anonymous": None, "superuser": User.objects.get(username="root")}.get(role)
    if role in ("Reader", "Editor", "Curator"):
        user = member(role)
    wrong = []
    for case in cases:
        client = client_for(user)  # afresh: a sign-out ends the session
        cache.clear()  # no rate limit in the way
        path = path_of(case.name, world)
        with transaction.atomic():
            response = send(client, case, path)
            transaction.set_rollback(True)
        got = outcome(response)
        if got != case.expected[column]:
            wrong.append(f"{case.method} {path} ({case.name}): {got}, not {case.expected[column]}")
    assert not wrong, "\n".join(wrong)
