"""Clients for the JSON API: anonymous, a reader and an editor (``tests/conftest.py``), by
session with CSRF checks on, as a browser would send them, or by token."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient(enforce_csrf_checks=True)


def session_client(user: User) -> APIClient:
    """Signed in by session, with the CSRF cookie the site's pages set and its header."""
    client = APIClient(enforce_csrf_checks=True)
    client.get("/admin/login/")  # sets the csrftoken cookie, as any page with a form does
    client.force_login(user)
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    return client


def if_match(client: APIClient, url: str) -> dict[str, str]:
    """What a client sends to change or delete what it read at ``url``: the ETag of its read,
    in If-Match (docs/api.md, "Editing what others edit")."""
    return {"HTTP_IF_MATCH": client.get(url)["ETag"]}


def token_client(user: User) -> APIClient:
    client = APIClient(enforce_csrf_checks=True)
    token = Token.objects.create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def editor_api(editor) -> APIClient:
    return session_client(editor)


@pytest.fixture
def reader_api(reader) -> APIClient:
    return session_client(reader)


@pytest.fixture(params=["anonymous", "reader", "editor"])
def any_client(request) -> APIClient:
    """Each kind of visitor in turn: reads are the same for all of them."""
    if request.param == "anonymous":
        return APIClient(enforce_csrf_checks=True)
    return session_client(request.getfixturevalue(request.param))
