"""Timing every page at several ledger sizes at once (python -m bench.scale measure).

One gunicorn per size (config/gunicorn.py, DEBUG off, one worker of four threads, on its own
loopback port; settings bench.scale_settings: the site plus the two-query baseline views), all
running together. Each round requests every page, and its baseline, once per size, one
request at a time, round-robin across the sizes, so a load spike on the machine falls on every
size alike; the first round warms the servers and is not counted. Then the suggest step
(`manage.py suggest_claims` on a 5 KB article, twice in one process) per size, and each
database's size, tables against their history tables.
"""

from __future__ import annotations

import html
import http.client
import math
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from bench.scale import CACHE, REPO
from bench.scale_generate import SUGGEST_SOURCE, LedgerGenerator
from bench.scale_vocab import SEARCH_OR, SEARCH_PHRASE, SEARCH_WORD

BASE = "/bench-baseline"
LATER_PAGE_HOPS = 5  # "next" followed five times from page 1: the list's sixth page
STARTUP_SECONDS = 120
REQUEST_TIMEOUT = 900  # the CSV of a large ledger takes minutes today


@dataclass
class Page:
    name: str
    path: str
    baseline: str | None  # the two-query view of the same rows, if there is one
    json: bool = False


@dataclass
class Server:
    size: int
    port: int
    process: subprocess.Popen[bytes]
    log: Path
    pages: list[Page] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def memory_kb(self, key: str) -> int:
        """VmRSS (now) or VmHWM (the peak) of the worker, the largest if there are several."""
        found = 0
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith(f"{key}:"):
                    found = max(found, int(line.split()[1]))
        return found


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (``p`` in 0–1) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p * len(ordered)) - 1)]


def milliseconds(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def cell(times: list[float] | None) -> str:
    """'p50/p95' in milliseconds, or '-' when the page was not timed."""
    if not times:
        return "-"
    return f"{milliseconds(percentile(times, 0.5))}/{milliseconds(percentile(times, 0.95))}"


def growth(times: dict[int, list[float]]) -> str:
    """How many times the median grows per tenfold of the ledger, smallest to largest size."""
    sizes = sorted(size for size, values in times.items() if values)
    if len(sizes) < 2 or sizes[0] == sizes[-1]:
        return "-"
    first, last = (percentile(times[s], 0.5) for s in (sizes[0], sizes[-1]))
    return f"{(last / first) ** (1 / math.log10(sizes[-1] / sizes[0])):.1f}"


def format_table(
    timings: dict[tuple[str, int], list[float]],
    baselines: dict[tuple[str, int], list[float]],
    pages: list[str],
    sizes: list[int],
) -> str:
    """Page × size: p50/p95 ms, the growth per tenfold, and the baseline's p50/p95 per size."""
    head = ["page", *(f"{s:,} p50/p95" for s in sizes), "× per 10×"]
    head += [f"baseline {s:,}" for s in sizes]
    rows = [head]
    for page in pages:
        row = [page, *(cell(timings.get((page, s))) for s in sizes)]
        row.append(growth({s: timings.get((page, s), []) for s in sizes}))
        row += [cell(baselines.get((page, s))) for s in sizes]
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join([r[0].ljust(widths[0]), *map(str.rjust, r[1:], widths[1:])]) for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(database_url: str, port: int | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.scale_settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "STATIC_ROOT": str(CACHE / "static"),
        "API_ANON_RATE": "1000000/minute",  # the benchmark is one client asking many times
        "WEB_CONCURRENCY": "1",  # one worker: its memory is the server's
        "THREADS": "4",
    }
    if port is not None:
        env |= {"HOST": "127.0.0.1", "PORT": str(port)}
    return env


def get(port: int, path: str, *, json: bool = False) -> tuple[int, bytes, float]:
    """GET ``path`` as the TLS proxy would pass it on; (status, body, seconds)."""
    headers = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https"}
    if json:
        headers["Accept"] = "application/json"
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return response.status, body, time.perf_counter() - started


@contextmanager
def servers(urls: dict[int, str]) -> Iterator[list[Server]]:
    """A gunicorn per size, started together, stopped (their process groups) afterwards."""
    for url in urls.values():  # as `make serve`: the cache table (rate limits), static files
        subprocess.run(
            [sys.executable, "manage.py", "createcachetable"],
            cwd=REPO,
            env=server_env(url),
            check=True,
        )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=REPO,
        env=server_env(next(iter(urls.values()))),
        check=True,
    )
    started: list[Server] = []
    try:
        for size, url in urls.items():
            port = free_port()
            log = CACHE / f"serve-{size}.log"
            with log.open("wb") as out:
                process = subprocess.Popen(
                    [
                        f"{REPO}/.venv/bin/gunicorn",
                        "--config",
                        "config/gunicorn.py",
                        "--timeout",
                        str(REQUEST_TIMEOUT),  # the command line wins over the config file
                        "config.wsgi",
                    ],
                    cwd=REPO,
                    env=server_env(url, port),
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group, stopped whole below
                )
            started.append(Server(size, port, process, log))
        for server in started:
            wait_until_up(server)
        yield started
    finally:
        for server in started:
            if server.process.poll() is None:
                os.killpg(server.process.pid, signal.SIGTERM)
        for server in started:
            try:
                server.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.process.pid, signal.SIGKILL)
                server.process.wait()


def wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"gunicorn for {server.size} exited: see {server.log}")
        try:
            if get(server.port, "/api/")[0] == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn for {server.size} did not answer: see {server.log}")


def probes(seed: int) -> dict[str, str]:
    """Slugs to visit, from topic 0, which is the same in every ledger of a seed: its claim
    with the most sources, its source stating the most claims, and the two sources sharing
    the most claims (for compare)."""
    block = LedgerGenerator(seed).topic(0, 50)
    claim = max(block.claims, key=lambda c: len(c["attestations"]))
    stated: dict[str, set[str]] = {}
    for c in block.claims:
        for a in c["attestations"]:
            stated.setdefault(a["source"], set()).add(c["slug"])
    source = max(stated, key=lambda s: len(stated[s]))
    pairs = [(a, b) for a in stated for b in stated if a < b]
    first, second = max(pairs, key=lambda p: len(stated[p[0]] & stated[p[1]]))
    return {
        "topic": block.story.slug,
        "claim": claim["slug"],
        "source": source,
        "compare": f"source={first}&source={second}",
    }


def pages_for(seed: int) -> list[Page]:
    slugs = probes(seed)
    compare = slugs["compare"]
    lists = [
        ("list", ""),
        (f"list ?q={SEARCH_WORD}", f"q={quote(SEARCH_WORD)}"),
        (f"list ?q={SEARCH_PHRASE}", f"q={quote(SEARCH_PHRASE)}"),
        (f"list ?q={SEARCH_OR}", f"q={quote(SEARCH_OR)}"),
        ("list ?sort=newest", "sort=newest"),
    ]
    return [
        Page("home", "/", f"{BASE}/"),
        *(Page(name, f"/claims/?{q}", f"{BASE}/claims/?{q}") for name, q in lists),
        Page("list, later page", "", f"{BASE}/claims/?page={LATER_PAGE_HOPS + 1}"),
        Page("compare", f"/sources/compare/?{compare}", f"{BASE}/sources/compare/?{compare}"),
        Page("topic", f"/topics/{slugs['topic']}/", f"{BASE}/topics/{slugs['topic']}/"),
        Page("claim", f"/claims/{slugs['claim']}/", f"{BASE}/claims/{slugs['claim']}/"),
        Page("reader", f"/sources/{slugs['source']}/", f"{BASE}/sources/{slugs['source']}/"),
        Page("/api/claims/", "/api/claims/", f"{BASE}/api/claims/", json=True),
        Page("/search/?q=", f"/search/?q={quote(SEARCH_WORD)}", None),
        Page("CSV of all claims", "/claims/export.csv", f"{BASE}/claims/export.csv"),
    ]


NEXT_LINK = re.compile(r"<a\b[^>]*\brel=\"next\"[^>]*>|<link\b[^>]*\brel=\"next\"[^>]*>")
HREF = re.compile(r"\bhref=\"([^\"]+)\"")


def later_page(port: int) -> str | None:
    """The list page reached by following its own "next" link LATER_PAGE_HOPS times."""
    path = "/claims/"
    for _ in range(LATER_PAGE_HOPS):
        status, body, _ = get(port, path)
        tag = NEXT_LINK.search(body.decode()) if status == 200 else None
        href = HREF.search(tag.group(0)) if tag else None
        if href is None:
            return None
        link = html.unescape(href.group(1))
        path = link if link.startswith("/") else "/claims/" + link
    return path


def check_pages(server: Server, template: list[Page]) -> None:
    """The pages this server has: the later list page found by its "next" links, and any
    route that answers other than 200 left out with a note."""
    for page in template:
        path = page.path or later_page(server.port)
        if path is None:
            server.skipped.append(f'{page.name}: no "next" link on the list')
            continue
        status = get(server.port, path, json=page.json)[0]
        if status != 200:
            server.skipped.append(f"{page.name}: {path} answered {status}, skipped")
            continue
        server.pages.append(Page(page.name, path, page.baseline, page.json))


@dataclass
class Results:
    timings: dict[tuple[str, int], list[float]] = field(default_factory=dict)
    baselines: dict[tuple[str, int], list[float]] = field(default_factory=dict)
    csv: dict[int, tuple[int, int, int]] = field(default_factory=dict)  # bytes, HWM before, after
    rss: dict[int, tuple[int, int]] = field(default_factory=dict)  # worker VmRSS, VmHWM (kB)


def timed(server: Server, path: str, json: bool, into: list[float] | None) -> int:
    status, body, seconds = get(server.port, path, json=json)
    if status != 200:
        print(f"  {server.size}: {path} answered {status}", flush=True)
    elif into is not None:
        into.append(seconds)
    return len(body)


def run_rounds(running: list[Server], names: list[str], rounds: int) -> Results:
    results = Results()
    for number in range(rounds + 1):  # round 0 warms up
        started = time.perf_counter()
        for name in names:
            for server in running:
                page = next((p for p in server.pages if p.name == name), None)
                if page is None:
                    continue
                key = (name, server.size)
                counted = number > 0
                csv = name.startswith("CSV")
                before = server.memory_kb("VmHWM") if csv and not counted else 0
                into = results.timings.setdefault(key, []) if counted else None
                size = timed(server, page.path, page.json, into)
                if csv and not counted:
                    results.csv[server.size] = (size, before, server.memory_kb("VmHWM"))
                if page.baseline:
                    into = results.baselines.setdefault(key, []) if counted else None
                    timed(server, page.baseline, page.json, into)
        label = "warm-up round" if number == 0 else f"round {number}/{rounds}"
        print(f"{label}: {time.perf_counter() - started:.0f} s", flush=True)
    for server in running:
        results.rss[server.size] = (server.memory_kb("VmRSS"), server.memory_kb("VmHWM"))
    return results


def own_peak_kb() -> int:
    """This process's peak memory (VmHWM, kB). Not getrusage's ru_maxrss: across exec it keeps
    the peak of the copy of the parent the process was forked from (this benchmark's, 417 MB
    at 100,000 claims, whatever the suggest step itself used)."""
    status = Path("/proc/self/status").read_text()
    found = re.search(r"VmHWM:\s+(\d+)", status)
    assert found is not None
    return int(found.group(1))


SUGGEST_SCRIPT = """
import io, time
from django.core.management import call_command
from bench.scale_measure import own_peak_kb
print("start", own_peak_kb())
for run in ("cold", "warm"):
    started = time.perf_counter()
    call_command("suggest_claims", "{slug}", "--json", stdout=io.StringIO())
    print(run, time.perf_counter() - started)
print("peak", own_peak_kb())
"""


def suggest_step(url: str) -> dict[str, float]:
    """`suggest_claims` on the 5 KB article, twice in one process: seconds cold and warm,
    and the process's peak memory (kB) at the start and at the end."""
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SUGGEST_SCRIPT.format(slug=SUGGEST_SOURCE)],
        cwd=REPO,
        env=server_env(url),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = {}
    for line in output.splitlines():
        key, _, value = line.partition(" ")
        if key in ("start", "cold", "warm", "peak"):
            found[key] = float(value)
    return found


DATABASE_SIZES = """
SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
"""


def database_split(url: str) -> tuple[int, int]:
    """Bytes in the history tables (simple_history's ``*historical*``) and in the others."""
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(DATABASE_SIZES).fetchall()
    history = sum(size for name, size in rows if "historical" in name or name.endswith("_history"))
    return history, sum(size for _, size in rows) - history


def megabytes(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def measure(urls: dict[int, str], *, rounds: int, seed: int, skip: set[str], suggest: bool) -> None:
    sizes = sorted(urls)
    template = [page for page in pages_for(seed) if page.name not in skip]
    with servers({size: urls[size] for size in sizes}) as running:
        for server in running:
            check_pages(server, template)
            for note in server.skipped:
                print(f"{server.size}: {note}")
        names = [page.name for page in template]
        print(f"{rounds} rounds (+1 warm-up), pages and sizes interleaved", flush=True)
        results = run_rounds(running, names, rounds)
    print()
    print(format_table(results.timings, results.baselines, names, sizes))
    print("\nthe server's worker (one process, 4 threads), after the rounds:")
    for size in sizes:
        rss, hwm = results.rss.get(size, (0, 0))
        line = f"  {size:>7,}: RSS {megabytes(rss)}, peak {megabytes(hwm)}"
        if size in results.csv:
            body, before, after = results.csv[size]
            line += (
                f"; CSV {body / 1e6:.1f} MB, worker peak {megabytes(before)} before the first"
                f" CSV, {megabytes(after)} after"
            )
        print(line)
    if suggest:
        print(f"\nsuggest_claims {SUGGEST_SOURCE} (5 KB), twice in one process:")
        for size in sizes:
            step = suggest_step(urls[size])
            print(
                f"  {size:>7,}: cold {step['cold']:.2f} s, warm {step['warm']:.2f} s; peak "
                f"memory {megabytes(step['peak'])} ({megabytes(step['start'])} at start)",
                flush=True,
            )
    print("\ndatabase size (pg_total_relation_size):")
    for size in sizes:
        history, tables = database_split(urls[size])
        share = history / (history + tables) if history + tables else 0.0
        print(
            f"  {size:>7,}: {(history + tables) / 1e6:.0f} MB: tables {tables / 1e6:.0f} MB, "
            f"history tables {history / 1e6:.0f} MB ({share:.0%})"
        )
