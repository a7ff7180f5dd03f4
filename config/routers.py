"""Reads of anonymous GET pages go to a read replica; everything else to the primary.

Installed only when ``DATABASE_REPLICA_URL`` is set (config/settings.py). The rules, in order:
a write goes to the primary, and from then on so do the request's reads (it reads what it
wrote); the database cache is read from the primary; so is anything
read inside a transaction (a transaction sees one database); a read goes to the replica only
in a request that config.middleware.ReadReplicaMiddleware marked (GET or HEAD without
credentials). The task worker, management commands and the admin's and editors' requests
therefore never read the replica.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connections

PRIMARY = "default"
REPLICA = "replica"
CACHE_APP = "django_cache"  # the database cache's table (settings.CACHES)

_replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)


@contextmanager
def replica_reads(allowed: bool) -> Iterator[None]:
    """Within the block, reads may go to the replica if ``allowed``."""
    token = _replica_reads.set(allowed)
    try:
        yield
    finally:
        _replica_reads.reset(token)


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str:
        if model._meta.app_label == CACHE_APP:
            return PRIMARY  # rate-limit counters are read to be written back at once
        if _replica_reads.get() and not connections[PRIMARY].in_atomic_block:
            return REPLICA
        return PRIMARY

    def db_for_write(self, model: Any, **hints: Any) -> str:
        _replica_reads.set(False)  # the rest of this request reads what it wrote
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replica holds the primary's rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY  # the replica follows by replication, never by migrations
