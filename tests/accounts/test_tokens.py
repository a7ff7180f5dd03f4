"""API tokens expire, and ``manage.py api_token`` gives a new one in place of the old."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.roles import LOAD_TEST

pytestmark = pytest.mark.django_db


def with_token(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_token_past_its_age_is_refused(site_editor, settings):
    token = Token.objects.create(user=site_editor)
    api = with_token(token.key)
    assert api.get(reverse("api:claims")).status_code == 200
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - timedelta(days=91))
    refused = api.get(reverse("api:claims"))
    # 403, not 401: the API names session authentication first (DRF answers as it does)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("This token has expired")
    settings.API_TOKEN_MAX_AGE_DAYS = 365  # an operator's longer life
    assert api.get(reverse("api:claims")).status_code == 200


def rotate(*args: str) -> str:
    out = StringIO()
    call_command("api_token", *args, stdout=out)
    return out.getvalue().strip()


def test_rotating_a_token_stops_the_old_one(site_editor):
    old = Token.objects.create(user=site_editor).key
    new = rotate(site_editor.username)
    assert new != old
    assert with_token(old).get(reverse("api:claims")).json()["detail"] == "Invalid token."
    assert with_token(new).get(reverse("api:claims")).status_code == 200


def test_a_load_test_account_and_its_token_in_one_command(db):
    key = rotate("bench-load", "--create", "--group", LOAD_TEST)
    user = User.objects.get(username="bench-load")
    assert user.groups.get().name == LOAD_TEST
    assert not user.has_usable_password()
    assert Token.objects.get(user=user).key == key
    with pytest.raises(CommandError, match="No group 'Loaders'"):
        rotate("bench-load", "--group", "Loaders")
    with pytest.raises(CommandError, match="No account 'nobody'"):
        rotate("nobody")
