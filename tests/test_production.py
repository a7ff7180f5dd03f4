"""Production mode (issue 12): `check --deploy` is clean with production settings; gunicorn as
`make serve` runs it (config/gunicorn.py, DEBUG off) serves the hashed, compressed stylesheet
through whitenoise, sends the security headers and no version in ``Server``, redirects plain
http, and logs a 500 as a JSON line with its path and traceback; every page answers HEAD;
runserver keeps no connection per thread; the read-replica router."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection, router, transaction
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.utils.csp import build_policy

from claims.models import Claim
from config import routers
from config.middleware import ReadReplicaMiddleware
from tests.factories import make_topic

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = Path(PYTHON).with_name("gunicorn")
HTTPS = {"X-Forwarded-Proto": "https"}  # what the TLS proxy in front adds


def production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,corroborate.example.org",
        **extra,
    )
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{what} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{what} did not listen on {port}")


def get(
    port: int, path: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[http.client.HTTPResponse, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [PYTHON, "manage.py", "check", "--deploy"],
        cwd=REPO,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """gunicorn as `make serve` runs it, on a free loopback port, with collected static files.
    Its database has no tables, so a page that reads the ledger fails: a real 500."""
    tmp = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = production_env(
        STATIC_ROOT=str(tmp / "static"),
        DATABASE_URL=f"sqlite:///{tmp / 'empty.sqlite3'}",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="1",
        THREADS="2",
    )
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=REPO,
        env=env,
        check=True,
        timeout=300,
    )
    stderr = tmp / "stderr.log"
    with stderr.open("wb") as err:
        server = subprocess.Popen(
            [str(GUNICORN), "--config", "config/gunicorn.py", "config.wsgi"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        wait_for_port(port, server, "gunicorn")
        yield {"port": port, "stderr": stderr, "static": tmp / "static"}
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_whitenoise_serves_the_stylesheet_hashed_and_compressed(gunicorn):
    manifest = json.loads((gunicorn["static"] / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"  # a content hash in the name

    response, body = get(
        gunicorn["port"], f"/static/{hashed}", {**HTTPS, "Accept-Encoding": "gzip"}
    )
    assert response.status == 200
    assert response.getheader("Content-Type", "").startswith("text/css")
    assert response.getheader("Content-Encoding") == "gzip"
    assert "immutable" in response.getheader("Cache-Control", "")
    assert b".banner" in gzip.decompress(body)

    # Pages link the hashed names.
    response, body = get(gunicorn["port"], "/admin/login/", HTTPS)
    assert response.status == 200
    assert f'/static/{manifest["paths"]["admin/css/base.css"]}"' in body.decode()


def test_pages_carry_the_security_headers_and_no_server_version(gunicorn):
    response, _ = get(gunicorn["port"], "/admin/login/", HTTPS)
    assert response.status == 200
    policy = response.getheader("Content-Security-Policy", "")
    assert policy.startswith(build_policy(settings.SECURE_CSP).split(";")[0])
    assert "script-src 'self' 'nonce-" in policy  # the admin's scripts carry the nonce
    assert "unsafe-inline" not in policy
    hsts = response.getheader("Strict-Transport-Security", "")
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts
    assert "camera=()" in response.getheader("Permissions-Policy", "")
    assert response.getheader("Server") == "gunicorn"  # neither its version nor Python's


def test_plain_http_is_redirected_to_https(gunicorn):
    response, _ = get(gunicorn["port"], "/claims/", {"Host": "corroborate.example.org"})
    assert response.status == 301
    assert response.getheader("Location") == "https://corroborate.example.org/claims/"


def test_a_500_is_logged_as_a_json_line_with_its_path_and_traceback(gunicorn):
    response, body = get(gunicorn["port"], "/claims/?logged=1", HTTPS)
    assert response.status == 500
    assert b"Traceback" not in body  # DEBUG is off: the reader sees no internals
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        entries = []
        for line in gunicorn["stderr"].read_text().splitlines():
            try:
                entries.append(json.loads(line))
            except ValueError:
                continue
        errors = [e for e in entries if e.get("logger") == "django.request"]
        if errors:
            break
        time.sleep(0.2)
    assert errors, gunicorn["stderr"].read_text()
    error = errors[-1]
    assert error["level"] == "ERROR"
    assert error["method"] == "GET"
    assert error["path"] == "/claims/"
    assert error["status_code"] == 500
    assert "Traceback (most recent call last)" in error["traceback"]
    assert "no such table" in error["traceback"]


CLAIM = "officers-suspended-2025"
SOURCE = "bbc-live-2025-10-02"
GET_PAGES = [
    "/",
    "/claims/",
    f"/claims/{CLAIM}/",
    f"/claims/{CLAIM}/history/",
    f"/claims/{CLAIM}/v/1/",
    f"/claims/{CLAIM}/cite.bib",
    "/claims/export.csv",
    "/topics/",
    "/sources/",
    f"/sources/{SOURCE}/",
    f"/sources/{SOURCE}/annotations.jsonld",
    "/sources/compare/",
    "/api/",
    "/api/claims/",
    f"/api/claims/{CLAIM}/",
]


@pytest.mark.parametrize("path", GET_PAGES)
def test_head_is_answered_wherever_get_is(client, seeds, path):
    response = client.head(path)
    assert response.status_code == 200, f"HEAD {path}: {response.status_code}"
    assert response.getvalue() == b""
    assert response["Content-Type"] == client.get(path)["Content-Type"]


@pytest.mark.django_db
def test_runserver_keeps_no_database_connection_per_thread():
    """runserver starts a thread per client connection; a persistent database connection
    per thread was never closed, until PostgreSQL refused new clients (issue 12)."""
    if connection.vendor != "postgresql":
        pytest.skip("counts connections in pg_stat_activity")
    port, clients, app = free_port(), 12, f"runserver-probe-{secrets.token_hex(4)}"
    db = connection.settings_dict  # the test database, whose tables the tests made
    login = f"{quote(db['USER'])}:{quote(db['PASSWORD'] or '')}"
    url = f"postgres://{login}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {k: v for k, v in os.environ.items() if k != "CONN_MAX_AGE"}
    env.update(DATABASE_URL=url, PGAPPNAME=app)
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    held = []
    try:
        wait_for_port(port, server, "runserver")
        for _ in range(clients):  # each kept open, as browsers keep theirs
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/claims/")
            assert conn.getresponse().read()
            held.append(conn)

        def open_connections() -> int:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [app]
                )
                return int(cursor.fetchone()[0])

        deadline = time.monotonic() + 10  # the last request's connection closes just after
        while (count := open_connections()) > 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert count <= 1, f"{count} connections left open by {clients} requests"
    finally:
        for conn in held:
            conn.close()
        server.terminate()
        server.wait(timeout=30)


# The read-replica router (config/routers.py), as a page's querysets meet it.


@pytest.fixture
def replica_router(settings):
    settings.DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]


def read_alias(request: HttpRequest, write: bool = False) -> str:
    """The database a view's queryset reads from (after writing a topic if ``write``)."""

    def view(request: HttpRequest) -> HttpResponse:
        if write:
            make_topic("written-in-this-request")
        return HttpResponse(Claim.objects.all().db)

    return ReadReplicaMiddleware(view)(request).content.decode()


def test_an_anonymous_get_reads_the_replica(replica_router):
    rf = RequestFactory()
    assert read_alias(rf.get("/claims/")) == "replica"
    assert read_alias(rf.head("/claims/")) == "replica"


@pytest.mark.django_db
def test_writes_and_whatever_follows_them_use_the_primary(replica_router):
    rf = RequestFactory()
    assert routers.ReplicaRouter().db_for_write(Claim) == "default"
    assert read_alias(rf.post("/sources/x/review/link/")) == "default"
    assert read_alias(rf.get("/claims/"), write=True) == "default"  # reads what it wrote


def test_signed_in_requests_and_api_clients_read_the_primary(replica_router):
    rf = RequestFactory()
    signed_in = rf.get("/claims/")
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert read_alias(signed_in) == "default"
    assert read_alias(rf.get("/api/claims/", HTTP_AUTHORIZATION="Token abc")) == "default"


@pytest.mark.django_db
def test_a_transaction_reads_the_primary(replica_router):
    def view(request: HttpRequest) -> HttpResponse:
        with transaction.atomic():
            return HttpResponse(Claim.objects.all().db)

    response = ReadReplicaMiddleware(view)(RequestFactory().get("/claims/"))
    assert response.content.decode() == "default"


def test_the_database_cache_is_read_from_the_primary(replica_router):
    """Rate-limit counters live in the database cache and are read to be incremented."""
    from django.core.cache.backends.db import DatabaseCache

    cache = DatabaseCache("corroborate_cache", {})

    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse(router.db_for_read(cache.cache_model_class))

    response = ReadReplicaMiddleware(view)(RequestFactory().get("/api/claims/"))
    assert response.content.decode() == "default"


def test_outside_a_request_everything_uses_the_primary(replica_router):
    assert Claim.objects.all().db == "default"  # the task worker, management commands
    assert routers.ReplicaRouter().allow_migrate("replica", "claims") is False
    assert routers.ReplicaRouter().allow_migrate("default", "claims") is True


def test_the_replica_is_configured_only_by_its_variable():
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps([sorted(settings.DATABASES), settings.DATABASE_ROUTERS, "
        "settings.DATABASES.get('replica', {}).get('NAME')]))"
    )
    env = production_env(DJANGO_SETTINGS_MODULE="config.settings")

    def configured(**extra: str) -> list[Any]:
        out = subprocess.run(
            [PYTHON, "-c", code], cwd=REPO, env={**env, **extra}, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    assert configured() == [["default"], [], None]
    with_replica = configured(DATABASE_REPLICA_URL="postgres://reader@replica.internal/corroborate")
    assert with_replica == [["default", "replica"], ["config.routers.ReplicaRouter"], "corroborate"]
