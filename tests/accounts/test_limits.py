"""Rate limits: the API per address and per account (a load-test account at its own rate),
and the web addresses an editor has the site fetch."""

from __future__ import annotations

import threading
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts import limits
from accounts.limits import Rate, take
from accounts.models import RateCount
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


def test_a_use_is_counted_in_one_statement_in_the_database(rates):
    """One statement counts a use and reads the count: no cache to cull the counts of a busy
    site's clients, nor a read and a write that two processes interleave."""
    rates(anon="100/minute")
    for n in range(1, 4):
        with CaptureQueriesContext(connection) as counted:
            assert take("anon", "192.0.2.9").allowed
        assert len(counted.captured_queries) == 1
        assert RateCount.objects.get(key="anon:192.0.2.9").count == n


def test_a_new_window_counts_again_from_one(rates, monkeypatch):
    rates(anon="2/minute")
    start = 1_789_999_980.0  # a minute's start
    monkeypatch.setattr(limits.time, "time", lambda: start + 10)
    assert [take("anon", "192.0.2.9").allowed for _ in range(3)] == [True, True, False]
    assert take("anon", "192.0.2.9").wait == 50
    monkeypatch.setattr(limits.time, "time", lambda: start + 61)
    assert [take("anon", "192.0.2.9").allowed for _ in range(3)] == [True, True, False]


def test_counts_of_ended_windows_are_deleted_by_the_command(rates, monkeypatch):
    rates(anon="5/minute")
    start = 1_789_999_980.0
    monkeypatch.setattr(limits.time, "time", lambda: start)
    take("anon", "192.0.2.1")
    take("anon", "192.0.2.2")
    monkeypatch.setattr(limits.time, "time", lambda: start + 120)
    take("anon", "192.0.2.3")
    out = StringIO()
    call_command("prune_rate_counts", stdout=out)
    assert "Deleted 2 counts of ended windows." in out.getvalue()
    assert list(RateCount.objects.values_list("key", flat=True)) == ["anon:192.0.2.3"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers")
def test_uses_counted_at_once_by_several_processes_are_all_counted(rates):
    rates(anon="1000/minute")

    def count_uses() -> None:
        try:
            for _ in range(40):
                take("anon", "192.0.2.9")
        finally:
            connections.close_all()

    workers = [threading.Thread(target=count_uses) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert RateCount.objects.get(key="anon:192.0.2.9").count == 160
