"""Rate limits: requests to the API per address or per account, and URL fetches per editor.

Each limit is a rate in ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` ("120/minute"), read when
it is applied, and counted in fixed windows in the database (``RateCount``): one row per client
and scope, added to by one statement that every app process shares (DRF's own throttles keep a
list of every request's time, too much at a load test's rate). A cache's read and write lost
counts between processes, took six statements, and the database cache culls its rows past a
few hundred: with more clients than that, their counts went.

Scopes: ``anon`` (the API without signing in, per address), ``user`` (per account), ``load``
(per account, for members of the group "Load test": ``python -m bench.load``), ``fetch`` (web
addresses an editor asks the site to fetch when adding a source).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.http import HttpRequest
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from accounts.models import RateCount
from accounts.roles import LOAD_TEST

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_ip(request: HttpRequest) -> str:
    """The client's address: the connection's, or the one the trusted proxies in front of the
    app put in X-Forwarded-For (``NUM_PROXIES``). Axes locks logins out by it too."""
    return BaseThrottle().get_ident(request) or ""  # type: ignore[arg-type]


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def of(cls, scope: str) -> Rate:
        """The scope's rate as configured now: "30/hour" is 30 in 3600 seconds."""
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(scope)
        if not isinstance(rate, str):
            raise ImproperlyConfigured(f"No rate for {scope!r} in DEFAULT_THROTTLE_RATES")
        count, period = rate.split("/")
        return cls(int(count), PERIODS[period.strip()[0]])

    @property
    def period(self) -> str:
        return {1: "second", 60: "minute", 3600: "hour"}.get(self.seconds, "day")


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    rate: Rate
    wait: float  # seconds until the window ends and the count starts again

    @property
    def wait_minutes(self) -> int:
        return max(1, math.ceil(self.wait / 60))


def take(scope: str, who: str) -> Verdict:
    """Count one use of ``scope`` by ``who``; allowed while the window's count is within the
    rate. Refused uses count too: hammering does not shorten the wait."""
    rate = Rate.of(scope)
    now = time.time()
    window_ends = (int(now // rate.seconds) + 1) * rate.seconds
    used = _counted(f"{scope}:{who}", window_ends)
    return Verdict(allowed=used <= rate.count, rate=rate, wait=window_ends - now)


def _counted(key: str, window_ends: int) -> int:
    """The count of ``key`` in the window ending at ``window_ends``, this use included: one
    statement, so two processes counting at once both count."""
    connection = connections[router.db_for_write(RateCount)]
    table, key_, ends, count = map(
        connection.ops.quote_name, [RateCount._meta.db_table, "key", "window_ends", "count"]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_}, {ends}, {count}) VALUES (%s, %s, 1) "
            f"ON CONFLICT ({key_}) DO UPDATE SET {count} = CASE WHEN {table}.{ends} = "
            f"excluded.{ends} THEN {table}.{count} + 1 ELSE 1 END, {ends} = excluded.{ends} "
            f"RETURNING {count}",
            [key, window_ends],
        )
        return int(cursor.fetchone()[0])


def prune(now: float) -> int:
    """Delete the counts of windows that ended before ``now``; how many there were. Run from
    cron (``manage.py prune_rate_counts``), not by a request: a request's queries are fixed."""
    deleted, _ = RateCount.objects.filter(window_ends__lt=now).delete()
    return deleted


class _Throttle(BaseThrottle):
    """A DRF throttle over ``take``: ``scope_for`` says which limit a request counts against,
    and as whom; None lets it through (another throttle counts it)."""

    verdict: Verdict | None = None

    def scope_for(self, request: Any) -> tuple[str, str] | None:
        raise NotImplementedError

    def allow_request(self, request: Any, view: Any) -> bool:
        scoped = self.scope_for(request)
        if scoped is None:
            return True
        self.verdict = take(*scoped)
        return self.verdict.allowed

    def wait(self) -> float | None:
        return self.verdict.wait if self.verdict else None


class AnonymousThrottle(_Throttle):
    def scope_for(self, request: Any) -> tuple[str, str] | None:
        if request.user and request.user.is_authenticated:
            return None
        return "anon", client_ip(request)


class AccountThrottle(_Throttle):
    def scope_for(self, request: Any) -> tuple[str, str] | None:
        user = request.user
        if not (user and user.is_authenticated):
            return None
        return ("load" if load_tester(user) else "user"), str(user.pk)


def load_tester(user: Any) -> bool:
    """May this account's requests count at the load test's rate? Once per request."""
    if not hasattr(user, "_load_tester"):
        user._load_tester = user.groups.filter(name=LOAD_TEST).exists()
    return bool(user._load_tester)


def url_fetch(user: Any) -> Verdict:
    """Count one web address fetched for ``user`` (``fetch`` scope)."""
    return take("fetch", str(user.pk))
