"""Gunicorn's settings for `make serve` (gunicorn -c config/gunicorn.py config.wsgi), from the
environment like Django's own.

Each worker process runs THREADS threads and each thread keeps one PostgreSQL connection
open (CONN_MAX_AGE, health-checked), so one app server holds at most
WEB_CONCURRENCY × THREADS connections: 2 × 8 = 16 by default. Keep the sum over every app
server (plus one per task worker) below PostgreSQL's max_connections (100 by default).
"""

from __future__ import annotations

import os

bind = [f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"]
worker_class = "gthread"  # a fixed pool of threads: a fixed number of connections
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("THREADS", "8"))
timeout = 30  # a request still running then is a bug; its worker is restarted
graceful_timeout = 20
keepalive = 5  # seconds an idle client connection is kept (behind a proxy that pools them)
# No runtime control socket: its one default path would clash between servers on a host.
control_socket_disable = True

# Persistent connections pay off here, where threads live as long as their worker: Django
# reads this when a worker loads the app. (runserver starts a thread per request, and a
# persistent connection per thread is a leak: settings.py keeps its default at 0.)
os.environ.setdefault("CONN_MAX_AGE", "600")

# Errors and the server's own messages as JSON lines on stderr (config.logs), like Django's.
# The access log (one key=value line a request, on stdout) is off unless ACCESS_LOG=true: the
# proxy in front usually keeps one.
_access = os.environ.get("ACCESS_LOG", "").lower() in {"1", "true", "yes", "on"}
access_log_format = 'method=%(m)s path="%(U)s" status=%(s)s bytes=%(B)s duration_ms=%(M)s'
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "config.logs.JsonFormatter"},
        "plain": {"format": "%(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "json"},
        "access": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {
            "handlers": ["access"] if _access else [],
            "level": "INFO",
            "propagate": False,
        },
    },
}
