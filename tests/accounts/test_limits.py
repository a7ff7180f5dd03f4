"""Rate limits: the API per address and per account (a load-test account at its own rate),
and the web addresses an editor has the site fetch."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.limits import Rate, take
from accounts.roles import LOAD_TEST

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    """Small rates, set as an operator would (REST_FRAMEWORK's throttle rates)."""

    def set_rates(**rates: str) -> None:
        framework = settings.REST_FRAMEWORK
        settings.REST_FRAMEWORK = {
            **framework,
            "DEFAULT_THROTTLE_RATES": {**framework["DEFAULT_THROTTLE_RATES"], **rates},
        }

    return set_rates


def test_as_configured_anonymous_api_reads_are_limited(client):
    rate = Rate.of("anon")
    assert rate.count <= 1000 and rate.seconds <= 3600  # not unlimited in all but name
    codes = {client.get(reverse("api:topics")).status_code for _ in range(rate.count)}
    assert codes == {200}
    assert client.get(reverse("api:topics")).status_code == 429


def test_anonymous_api_reads_past_the_rate_get_429_with_retry_after(client, rates):
    rates(anon="3/minute")
    for _ in range(3):
        assert client.get(reverse("api:topics")).status_code == 200
    refused = client.get(reverse("api:claims"))
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    # another address has its own count
    assert client.get(reverse("api:topics"), REMOTE_ADDR="192.0.2.7").status_code == 200


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_an_account_has_its_own_rate_apart_from_its_address(client, rates, site_reader):
    rates(anon="2/minute", user="4/minute")
    api = token_client(site_reader)
    for _ in range(2):
        client.get(reverse("api:topics"))
    assert client.get(reverse("api:topics")).status_code == 429
    codes = [api.get(reverse("api:topics")).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 200, 429]


def test_a_load_test_account_counts_at_the_load_rate(rates, member):
    rates(user="4/minute", load="10/minute")
    loader = member(LOAD_TEST, "bench-load")
    api = token_client(loader)
    codes = [api.get(reverse("api:topics")).status_code for _ in range(11)]
    assert codes == [200] * 10 + [429]
    loader.groups.remove(Group.objects.get(name=LOAD_TEST))
    codes = [api.get(reverse("api:topics")).status_code for _ in range(5)]
    assert codes == [200] * 4 + [429]  # out of the group: the account's own rate


ADD = {"outlet": "Example News", "title": "A page", "published": "2025-10-03"}


def test_an_editor_fetches_so_many_web_addresses_an_hour_then_is_told_to_wait(
    client, rates, site_editor
):
    rates(fetch="2/hour")
    client.force_login(site_editor)
    url = reverse("claims:source_add")
    for n in range(2):  # refused by the fetcher (a loopback address), yet fetches asked for
        page = client.post(url, {**ADD, "url": f"http://127.0.0.1/{n}"})
        assert page.status_code == 200
        assert "many web addresses" not in page.content.decode()
    refused = client.post(url, {**ADD, "url": "http://127.0.0.1/again"})
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "You have had 2 web addresses fetched this hour, the most allowed" in body
    assert 'value="http://127.0.0.1/again"' in body  # what was typed is kept
    assert 'value="A page"' in body
    # pasting the text is no fetch
    pasted = client.post(url, {**ADD, "text": "Nine officers were suspended on Friday."})
    assert pasted.status_code == 302


@pytest.fixture
def database_cache(settings) -> None:
    """The database's cache, which production shares between its processes (SHARED_CACHE)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "corroborate_cache",
        }
    }
    call_command("createcachetable", stdout=StringIO())


def test_the_database_cache_counts_anonymous_reads_to_the_limit(client, rates, database_cache):
    rates(anon="3/minute")
    codes = [client.get(reverse("api:topics")).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert client.get(reverse("api:topics"), REMOTE_ADDR="192.0.2.7").status_code == 200


def test_counting_a_request_reads_and_writes_the_database_cache_once(rates, database_cache):
    """Every API request is counted: one read of its count and one write (the cache's write
    is a count of its rows, a read and the write in a transaction), not a failed insert
    before each as well (11 statements a request)."""
    rates(anon="100/minute")
    for _ in range(3):  # the window's first request adds its count, the others add to it
        with CaptureQueriesContext(connection) as counted:
            assert take("anon", "192.0.2.9").allowed
        statements = [q["sql"].split()[0] for q in counted.captured_queries]
        assert [s for s in statements if s in ("INSERT", "UPDATE", "DELETE")] in (
            ["INSERT"],
            ["UPDATE"],
        )
        assert "ROLLBACK" not in statements
        assert len(statements) <= 6
