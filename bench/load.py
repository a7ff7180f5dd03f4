"""A bounded load test of the production server: the home, claim, reader (a source's page),
claim-list and API pages, each at concurrency 1, 8 and 32 for a few seconds, printing
requests/s, p50 and p99 latency, 5xx, 429 (rate-limited, counted apart) and other errors,
and the PostgreSQL connections before, at most during, and after each level.

By default it runs everything itself, on PostgreSQL only (DATABASE_URL=postgres://…): a
scratch database beside DATABASE_URL's (``<name>_load``, dropped at the end) with the seeds,
an API token for an account in the group "Load test" (its own rate-limit scope, ``load``),
and `make serve` on a free loopback port; the requests carry X-Forwarded-Proto: https as the
TLS proxy in front would. With --url it loads a server already running instead (loopback
only), with --token for the API and DATABASE_URL naming its database for the connection
counts. It stops by itself; it exits 1 on any 5xx, failed request or connections past
--max-connections.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/corroborate python -m bench.load
    python -m bench.load --concurrency 32 --duration 20
    python -m bench.load --url http://127.0.0.1:8000 --token KEY
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
PAGES = ["home", "claim", "reader", "list", "api"]
STARTUP_SECONDS = 300  # `make serve` installs, checks, migrates and collects static files first


@dataclass
class Target:
    host: str
    port: int
    paths: dict[str, str]
    headers: dict[str, str]
    api_headers: dict[str, str]


@dataclass
class Cell:
    page: str
    concurrency: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # 0: no answer (connection failed)
    connections: tuple[int, int, int] | None = None  # before, most during, after

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0

    @property
    def server_errors(self) -> int:
        return sum(1 for s in self.statuses if s >= 500)

    @property
    def throttled(self) -> int:
        return self.statuses.count(429)

    @property
    def failed(self) -> int:
        """No answer, or an answer other than 200, 429 or 5xx."""
        return sum(1 for s in self.statuses if s != 200 and s != 429 and s < 500)


def _worker(target: Target, path: str, headers: dict[str, str], until: float, cell: Cell) -> None:
    """One client on one kept-alive connection, as fast as the server answers."""
    conn: http.client.HTTPConnection | None = None
    while time.monotonic() < until:
        started = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(target.host, target.port, timeout=30)
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
            if response.will_close:
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            status = 0
            if conn is not None:
                conn.close()
            conn = None
        cell.latencies.append(time.perf_counter() - started)  # list.append is atomic
        cell.statuses.append(status)
    if conn is not None:
        conn.close()


def run_cell(target: Target, page: str, concurrency: int, seconds: float) -> Cell:
    cell = Cell(page, concurrency)
    headers = target.api_headers if page == "api" else target.headers
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_worker, args=(target, target.paths[page], headers, until, cell))
        for _ in range(concurrency)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cell.seconds = time.perf_counter() - started
    return cell


class ConnectionCounter:
    """PostgreSQL connections to the server's database (this one's own left out), sampled
    four times a second while a level runs."""

    def __init__(self, count: Callable[[], int]) -> None:
        self.count = count

    @contextmanager
    def watching(self) -> Iterator[list[int]]:
        samples = [self.count()]
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.25):
                samples.append(self.count())

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            yield samples
        finally:
            stop.set()
            sampler.join()
            samples.append(self.count())


def pg_counter(database_url: str) -> ConnectionCounter | None:
    if not database_url.startswith(("postgres://", "postgresql://")):
        return None
    import dj_database_url
    import psycopg

    params = dj_database_url.parse(database_url)
    conn = psycopg.connect(
        dbname=params["NAME"],
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        autocommit=True,
    )
    lock = threading.Lock()

    def count() -> int:
        with lock, conn.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            row = cursor.fetchone()
            return int(row[0]) if row else 0

    return ConnectionCounter(count)


def loopback(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise SystemExit(f"--url {url}: expected http://HOST:PORT on this machine")
    port = parts.port or 80
    for *_, address in socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP):
        if not ipaddress.ip_address(address[0]).is_loopback:
            raise SystemExit(f"--url {url}: {address[0]} is not a loopback address")
    return parts.hostname, port


def get_json(host: str, port: int, path: str, headers: dict[str, str]) -> dict[str, object]:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", path, headers={**headers, "Accept": "application/json"})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    if response.status != 200:
        raise SystemExit(f"GET {path}: {response.status}")
    data: dict[str, object] = json.loads(body)
    return data


def target_for(host: str, port: int, token: str | None) -> Target:
    """The pages to load: a claim and a source are the API's first of each (the seeds: a
    claim stated by several outlets, and a live page of many entries)."""
    headers = {"Host": f"{host}:{port}", "X-Forwarded-Proto": "https"}
    api_headers = {**headers, "Accept": "application/json"}
    if token:
        api_headers["Authorization"] = f"Token {token}"

    def first_slug(path: str) -> str:
        results = get_json(host, port, path, headers)["results"]
        assert isinstance(results, list) and results, f"{path} lists nothing: load the seeds"
        return str(results[0]["slug"])

    claim, source = first_slug("/api/claims/"), first_slug("/api/sources/")
    paths = {
        "home": "/",
        "claim": f"/claims/{claim}/",
        "reader": f"/sources/{source}/",
        "list": "/claims/",
        "api": "/api/claims/",
    }
    return Target(host, port, paths, headers, api_headers)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def scratch_server() -> Iterator[tuple[int, str, str]]:
    """A scratch database with the seeds and a load-test token, served by `make serve`;
    yields (port, token, database url). Everything is stopped and dropped afterwards."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("bench.load runs on PostgreSQL: set DATABASE_URL=postgres://…")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection
    from rest_framework.authtoken.models import Token

    live_name = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"]["NAME"] = f"{live_name}_load"
    print(f"scratch database {live_name}_load: migrating and loading the seeds…", flush=True)
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    scratch_name = connection.settings_dict["NAME"]
    process = None
    try:
        call_command("load_seeds", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        user = User.objects.create_user("bench-load")
        group, _ = Group.objects.get_or_create(name="Load test")  # rate-limit scope "load"
        user.groups.add(group)
        token = Token.objects.create(user=user).key
        connection.close()

        scratch_url = database_url.rsplit("/", 1)[0].split("?")[0] + "/" + scratch_name
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": scratch_url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
            "HOST": "127.0.0.1",
            "PORT": str(port),
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        log = Path(tempfile.mkstemp(prefix="bench-load-serve-", suffix=".log")[1])
        print(f"make serve on 127.0.0.1:{port} (its output: {log})", flush=True)
        with log.open("wb") as out:
            process = subprocess.Popen(
                ["make", "--no-print-directory", "serve"],
                cwd=REPO,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped whole below
            )
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                raise SystemExit(f"make serve exited with {process.returncode}: see {log}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/", headers={"X-Forwarded-Proto": "https"})
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"make serve did not answer in {STARTUP_SECONDS} s: see {log}")
            time.sleep(0.5)
        yield port, token, scratch_url
    finally:
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        connection.creation.destroy_test_db(old_name, verbosity=0)


HEADER = (
    f"{'page':<8}{'conc':>5}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
    f"{'5xx':>6}{'429':>6}{'errors':>8}   pg connections before/max/after"
)


def row(c: Cell) -> str:
    conns = "{}/{}/{}".format(*c.connections) if c.connections else "-"
    return (
        f"{c.page:<8}{c.concurrency:>5}{len(c.statuses):>10}"
        f"{len(c.statuses) / c.seconds:>9.1f}{c.percentile(0.5):>9.1f}"
        f"{c.percentile(0.99):>9.1f}{c.server_errors:>6}{c.throttled:>6}{c.failed:>8}"
        f"   {conns}"
    )


def load(
    target: Target, counter: ConnectionCounter | None, levels: Sequence[int], seconds: float
) -> list[Cell]:
    for page in PAGES:  # warm every worker's caches and connections once
        run_cell(target, page, max(levels), 0.5)
    print(HEADER + "\n" + "-" * len(HEADER), flush=True)
    cells = []
    for concurrency in levels:
        for page in PAGES:
            if counter is None:
                cell = run_cell(target, page, concurrency, seconds)
            else:
                with counter.watching() as samples:
                    cell = run_cell(target, page, concurrency, seconds)
                cell.connections = (samples[0], max(samples), samples[-1])
            print(row(cell), flush=True)
            cells.append(cell)
    return cells


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--url", help="load this running server (loopback only)")
    parser.add_argument("--token", help="API token for --url (an account in 'Load test')")
    parser.add_argument("--concurrency", default="1,8,32", help="levels, comma-separated")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per page and level")
    parser.add_argument("--max-connections", type=int, default=32)
    args = parser.parse_args(argv)
    levels = [int(level) for level in args.concurrency.split(",")]
    started = time.monotonic()

    def measure(host: str, port: int, token: str | None, database_url: str) -> list[Cell]:
        target = target_for(host, port, token)
        counter = pg_counter(database_url)
        print(f"loading {', '.join(f'{p} {target.paths[p]}' for p in PAGES)}", flush=True)
        print(f"{args.duration:g} s per page and level, concurrency {args.concurrency}\n")
        return load(target, counter, levels, args.duration)

    if args.url:
        host, port = loopback(args.url)
        cells = measure(host, port, args.token, os.environ.get("DATABASE_URL", ""))
    else:
        with scratch_server() as (port, token, database_url):
            cells = measure("127.0.0.1", port, token, database_url)
    most = max((c.connections[1] for c in cells if c.connections), default=None)
    bad = sum(c.server_errors + c.failed for c in cells)
    print(
        f"\n{sum(len(c.statuses) for c in cells)} requests, {bad} 5xx or failed, "
        f"{sum(c.throttled for c in cells)} rate-limited (429); PostgreSQL connections at "
        f"most {most if most is not None else '(not counted)'} "
        f"(bound {args.max_connections}); {time.monotonic() - started:.0f} s in all"
    )
    return 1 if bad or (most is not None and most > args.max_connections) else 0


if __name__ == "__main__":
    sys.exit(main())
