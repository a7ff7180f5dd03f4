"""Search on SQLite (the embedded default): FTS5 tables with the porter stemmer, one per
searched table, kept in step with it by triggers (``install``). Ranking is FTS5's bm25, which
differs from PostgreSQL's; what matches does not, bar stop words (PostgreSQL drops "the").

The FTS5 tables are "external content" tables: they hold only the index and read the text
from the table itself. SQLite cannot alter most columns in place, so Django rebuilds a table
to alter it, and a table's triggers go with the old table: ``install`` runs after every
``migrate`` (``claims.apps``) and rebuilds an index whose triggers it had to make again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from claims.claimants import Claimant, ClaimantName
from claims.models import Topic
from claims.search.marks import ELLIPSIS, START, STOP
from claims.search.query import SearchQuery
from sources.models import Outlet

TOKENIZER = "porter unicode61 remove_diacritics 2"
SNIPPET_TOKENS = 30


@dataclass(frozen=True)
class _Index:
    name: str  # the FTS5 table
    table: str  # the table it indexes
    columns: tuple[str, ...]

    def statements(self) -> list[str]:
        columns = ", ".join(self.columns)
        new = ", ".join(f"new.{column}" for column in self.columns)
        old = ", ".join(f"old.{column}" for column in self.columns)
        changed = " OR ".join(f"old.{column} IS NOT new.{column}" for column in self.columns)
        delete = (
            f"INSERT INTO {self.name}({self.name}, rowid, {columns}) "
            f"VALUES ('delete', old.id, {old});"
        )
        insert = f"INSERT INTO {self.name}(rowid, {columns}) VALUES (new.id, {new});"
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.name} USING fts5({columns}, "
            f"content='{self.table}', content_rowid='id', tokenize='{TOKENIZER}')",
            f"CREATE TRIGGER IF NOT EXISTS {self.name}_insert AFTER INSERT ON {self.table} "
            f"BEGIN {insert} END",
            f"CREATE TRIGGER IF NOT EXISTS {self.name}_delete AFTER DELETE ON {self.table} "
            f"BEGIN {delete} END",
            f"CREATE TRIGGER IF NOT EXISTS {self.name}_update AFTER UPDATE OF {columns} "
            f"ON {self.table} WHEN {changed} BEGIN {delete} {insert} END",
        ]

    @property
    def triggers(self) -> set[str]:
        return {f"{self.name}_{event}" for event in ("insert", "delete", "update")}


CLAIMS = _Index("claims_claim_search", "claims_claim", ("statement", "subject"))
QUOTES = _Index("claims_attestation_search", "claims_attestation", ("quote",))
SOURCES = _Index("sources_source_search", "sources_source", ("title", "text"))
INDEXES = (CLAIMS, QUOTES, SOURCES)


def install(connection: BaseDatabaseWrapper) -> list[str]:
    """Make the FTS5 tables and triggers that are missing, and index again each table one of
    whose triggers was missing; return the names of the tables indexed again."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {name for (name,) in cursor.fetchall()}
        rebuilt = []
        for index in INDEXES:
            if index.table not in present:
                continue  # migrating backwards past the table's own migration
            if index.triggers <= present and index.name in present:
                continue
            for statement in index.statements():
                cursor.execute(statement)
            cursor.execute(f"INSERT INTO {index.name}({index.name}) VALUES ('rebuild')")
            rebuilt.append(index.name)
    return rebuilt


def uninstall(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for index in INDEXES:
            for trigger in sorted(index.triggers):
                cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            cursor.execute(f"DROP TABLE IF EXISTS {index.name}")


def claim_ids(query: SearchQuery) -> RawSQL:
    """The ids of claims whose statement or subject, or one of whose quotes, matches."""
    match = query.fts5()
    return RawSQL(
        f"SELECT rowid FROM {CLAIMS.name} WHERE {CLAIMS.name} MATCH %s "
        f"UNION SELECT claim_id FROM claims_attestation WHERE id IN "
        f"(SELECT rowid FROM {QUOTES.name} WHERE {QUOTES.name} MATCH %s)",
        [match, match],
    )


def matching(query: SearchQuery) -> Q:
    """A filter for the claims ``claim_ids`` finds."""
    return Q(pk__in=claim_ids(query))


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connections[Outlet.objects.db].cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def ranked_claims(query: SearchQuery, offset: int, limit: int) -> list[tuple[int, str | None]]:
    """(id, statement with its matches marked) for one page of matching claims, best first:
    those whose own words match by bm25, then those stated only in a matching quote."""
    match = query.fts5()
    rows = _rows(
        f"WITH stated AS ("
        f" SELECT rowid AS id, highlight({CLAIMS.name}, 0, %s, %s) AS marked,"
        f" bm25({CLAIMS.name}, 4.0, 1.0) AS rank FROM {CLAIMS.name}"
        f" WHERE {CLAIMS.name} MATCH %s)"
        f" SELECT id, marked, rank FROM stated"
        f" UNION ALL SELECT DISTINCT claim_id, NULL, 0 FROM claims_attestation"
        f" WHERE id IN (SELECT rowid FROM {QUOTES.name} WHERE {QUOTES.name} MATCH %s)"
        f" AND claim_id NOT IN (SELECT id FROM stated)"
        f" ORDER BY 3, 1 LIMIT %s OFFSET %s",
        [START, STOP, match, match, limit, offset],
    )
    return [(int(pk), marked) for pk, marked, _ in rows]


def quote_snippets(query: SearchQuery, claim_pks: list[int]) -> dict[int, str]:
    """For each of ``claim_pks`` stated in a matching quote, the first such quote, marked."""
    if not claim_pks:
        return {}
    placeholders = ", ".join(["%s"] * len(claim_pks))
    rows = _rows(
        f"SELECT a.claim_id, snippet({QUOTES.name}, 0, %s, %s, %s, {SNIPPET_TOKENS})"
        f" FROM {QUOTES.name} JOIN claims_attestation a ON a.id = {QUOTES.name}.rowid"
        f" WHERE {QUOTES.name} MATCH %s AND a.claim_id IN ({placeholders})"
        f" ORDER BY a.claim_id, a.id",
        [START, STOP, ELLIPSIS, query.fts5(), *claim_pks],
    )
    found: dict[int, str] = {}
    for claim_pk, marked in rows:
        found.setdefault(int(claim_pk), str(marked))
    return found


def ranked_sources(query: SearchQuery, offset: int, limit: int) -> list[tuple[int, str, str]]:
    """(id, title marked, a snippet of the text marked) for one page of matching sources."""
    rows = _rows(
        f"SELECT rowid, highlight({SOURCES.name}, 0, %s, %s),"
        f" snippet({SOURCES.name}, 1, %s, %s, %s, {SNIPPET_TOKENS})"
        f" FROM {SOURCES.name} WHERE {SOURCES.name} MATCH %s"
        f" ORDER BY bm25({SOURCES.name}, 4.0, 1.0), rowid LIMIT %s OFFSET %s",
        [START, STOP, START, STOP, ELLIPSIS, query.fts5(), limit, offset],
    )
    return [(int(pk), str(title), str(snippet)) for pk, title, snippet in rows]


def _named(field: str, text: str) -> Q:
    # a word of the name starts with the text: "guard" finds "The Guardian"
    return Q(**{f"{field}__istartswith": text}) | Q(**{f"{field}__icontains": f" {text}"})


def names(text: str, limit: int) -> tuple[list[Outlet], list[Claimant], list[Topic]]:
    """Outlets, claimants and topics one of whose words starts with ``text``."""
    outlets: QuerySet[Outlet] = Outlet.objects.filter(_named("name", text))
    other_names = ClaimantName.objects.filter(_named("name", text)).values("claimant_id")
    claimants = Claimant.objects.filter(_named("name", text) | Q(pk__in=other_names))
    topics = Topic.objects.filter(_named("title", text))
    return (
        list(outlets.order_by("name")[:limit]),
        list(claimants.order_by("name")[:limit]),
        list(topics.order_by("title")[:limit]),
    )
