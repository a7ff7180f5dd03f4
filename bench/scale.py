"""The scale benchmark (issue 13): a synthetic ledger of N claims, loaded into PostgreSQL through
`manage.py import_dataset`, and every page timed at several sizes side by side.

    python -m bench.scale generate --claims 1000 --out /tmp/ledger.json   # + ledger-revisions.json
    python -m bench.scale load --claims 10000 [--database-url postgres://postgres@127.0.0.1:5432/x]
    python -m bench.scale measure --sizes 1000 10000 100000 [--rounds 5]

``load`` generates the ledger (cached under $SCALE_CACHE, /tmp/corroborate-scale by default),
drops and creates the database ``corroborate_scale_<N>`` on the server of --database-url (or
DATABASE_URL), migrates it, imports the ledger and then its revisions, and prints the times.
``measure`` serves each loaded size with gunicorn (DEBUG off, as `make serve`) and times the
pages interleaved across sizes: see bench.scale_measure. The ledger is bench.scale_generate's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.scale_generate import GENERATOR_VERSION
from bench.scale_write import generate, revisions_path

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("SCALE_CACHE", "/tmp/corroborate-scale"))
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
SEED = 13


def ledger_file(claims: int, seed: int = SEED) -> Path:
    """The cached ledger of ``claims`` claims, generated the first time it is asked for."""
    path = CACHE / f"ledger-{claims}-seed{seed}-g{GENERATOR_VERSION}.json"
    if not (path.exists() and revisions_path(path).exists()):
        started = time.process_time()
        print(f"generating {path}…", flush=True)
        summary = generate(claims, path, seed=seed)
        print(f"  {summary} ({time.process_time() - started:.1f} s of CPU)", flush=True)
    return path


def server_url(database_url: str | None) -> str:
    url = database_url or os.environ.get("DATABASE_URL", "") or DEFAULT_SERVER
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("bench.scale runs on PostgreSQL: --database-url postgres://…")
    return url


def database_url(server: str, name: str) -> str:
    """``server``'s URL naming database ``name`` instead."""
    parts = urlsplit(server)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def database_name(claims: int) -> str:
    # $SCALE_DATABASE_PREFIX: two people (or branches) measuring on one server keep apart
    return f"{os.environ.get('SCALE_DATABASE_PREFIX', 'corroborate_scale')}_{claims}"


def recreate_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(database_url(server, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def manage(url: str, *args: str, quiet: bool = False) -> float:
    """Run ``manage.py args`` on the database at ``url``; returns the seconds it took."""
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )
    return time.perf_counter() - started


def load(claims: int, server: str, seed: int = SEED) -> None:
    path = ledger_file(claims, seed)
    name = database_name(claims)
    url = database_url(server, name)
    print(f"database {name}: created afresh, migrating…", flush=True)
    recreate_database(server, name)
    manage(url, "migrate", "--noinput", quiet=True)
    seconds = manage(url, "import_dataset", str(path))
    print(
        f"import of {claims} claims: {seconds:.1f} s ({seconds / claims * 1000:.1f} s per 1k)",
        flush=True,
    )
    later = manage(url, "import_dataset", str(revisions_path(path)))
    print(f"import of the revisions: {later:.1f} s", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("generate", help="write a synthetic ledger and its revisions")
    make.add_argument("--claims", type=int, required=True)
    make.add_argument("--out", type=Path, required=True)
    make.add_argument("--seed", type=int, default=SEED)
    loading = commands.add_parser("load", help="import a ledger into corroborate_scale_<N>")
    loading.add_argument("--claims", type=int, required=True)
    loading.add_argument("--database-url", help="a PostgreSQL server (any database on it)")
    loading.add_argument("--seed", type=int, default=SEED)
    measuring = commands.add_parser("measure", help="time every page at the loaded sizes")
    measuring.add_argument("--sizes", type=int, nargs="+", required=True)
    measuring.add_argument("--rounds", type=int, default=5, help="timed rounds (+1 warm-up)")
    measuring.add_argument("--database-url", help="the PostgreSQL server of the loaded sizes")
    measuring.add_argument("--seed", type=int, default=SEED)
    measuring.add_argument("--skip", nargs="*", default=[], help="page names to leave out")
    measuring.add_argument("--no-suggest", action="store_true", help="leave the suggest step out")
    args = parser.parse_args(argv)
    if args.command == "generate":
        started = time.process_time()
        summary = generate(args.claims, args.out, seed=args.seed)
        print(f"{args.out} and {revisions_path(args.out).name}: {summary}")
        print(f"{time.process_time() - started:.1f} s of CPU")
    elif args.command == "load":
        load(args.claims, server_url(args.database_url), args.seed)
    else:
        from bench.scale_measure import measure

        server = server_url(args.database_url)
        urls = {size: database_url(server, database_name(size)) for size in args.sizes}
        measure(
            urls,
            rounds=args.rounds,
            seed=args.seed,
            skip=set(args.skip),
            suggest=not args.no_suggest,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
