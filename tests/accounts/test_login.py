"""The site's own sign-in page, and the lockout every sign-in form has (django-axes)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(db) -> User:
    return User.objects.create_user("sam", password="right-password")


def test_signing_in_on_the_site_goes_on_to_the_page_asked_for(client, site_editor):
    add = reverse("claims:source_add")
    asked = client.get(add)
    assert asked["Location"] == f"{reverse('accounts:login')}?next={add}"
    page = client.get(asked["Location"]).content.decode()
    assert "<h1>Sign in</h1>" in page
    assert 'href="/topics/"' in page  # the site's own page, with its navigation
    assert f'name="next" value="{add}"' in page
    response = client.post(
        reverse("accounts:login"),
        {"username": site_editor.username, "password": "pw", "next": add},
    )
    assert response["Location"] == add
    assert client.get(add).status_code == 200


def test_a_next_on_another_site_is_not_followed(client, account):
    response = client.post(
        reverse("accounts:login"),
        {"username": "sam", "password": "right-password", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("claims:home")


def test_the_header_offers_sign_in_then_sign_out_which_takes_a_post(client, account):
    home = reverse("claims:home")
    assert f'href="{reverse("accounts:login")}?next=/"' in client.get(home).content.decode()
    client.force_login(account)
    page = client.get(home).content.decode()
    assert f'action="{reverse("accounts:logout")}"' in page
    assert "Sign out" in page and "Sign in</a>" not in page
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout"))["Location"] == home
    assert "Sign in</a>" in client.get(home).content.decode()


def test_a_wrong_password_is_refused_on_the_page(client, account):
    response = client.post(reverse("accounts:login"), {"username": "sam", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


@pytest.mark.parametrize("form", ["accounts:login", "admin:login"])
def test_after_five_failures_the_right_password_is_locked_out_too(client, form, settings):
    User.objects.create_user("sam", password="right-password", is_staff=True)
    url = reverse(form)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(url, {"username": "sam", "password": "guess"}).status_code == 200
    assert client.post(url, {"username": "sam", "password": "guess"}).status_code == 429
    locked = client.post(url, {"username": "sam", "password": "right-password"})
    assert locked.status_code == 429
    assert "Signing in is locked" in locked.content.decode()
    assert "for 15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lockout_is_for_one_username_from_one_address_and_ends(client, settings):
    User.objects.create_user("sam", password="right-password")
    User.objects.create_user("kim", password="kims-password")
    url = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "sam", "password": "guess"})
    assert client.post(url, {"username": "sam", "password": "right-password"}).status_code == 429
    from_elsewhere = client.post(
        url, {"username": "sam", "password": "right-password"}, REMOTE_ADDR="192.0.2.7"
    )
    assert from_elsewhere.status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.post(url, {"username": "kim", "password": "kims-password"}).status_code == 302
    client.post(reverse("accounts:logout"))
    # the cool-off over, the right password works again
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert client.post(url, {"username": "sam", "password": "right-password"}).status_code == 302
