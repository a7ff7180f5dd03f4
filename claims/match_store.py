"""The matching index, shared by every process through the database and kept up to date a claim
at a time.

Each write of a claim (``Claim.refresh_verdict``, the bulk import, a deletion) and each filing of
a source under a topic writes that one entry (``MatchEntry``) in the writer's transaction, at a
version (its transaction's id on PostgreSQL). A process keeps ``LedgerStats`` in memory and,
before it matches, reads the stamp row (``MatchLedger``) with the entries written since it last
read, in one query, and applies them one by one. Nothing reads the whole ledger again unless the
stamp's token changed (a rebuild, a restored backup) or the process is new; the full claims a
candidate shortlists are read when it needs them (``load_known``), without their sources' texts.

Claims are keyed by slug; topics by their primary key (as text), so renaming a topic changes
nothing here.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet

from claims.match_models import MatchEntry, MatchLedger
from claims.matching import ClaimIndex, KnownClaim
from claims.matching.ledger import ClaimEntry, LedgerStats
from claims.models import Attestation, Claim, Topic
from sources.models import Source

STAMP = 1  # the stamp row's key: one row, whatever a fixture or a dump loads
CLAIM = "claim:"
FILING = "filing:"
BATCH = 2000  # rows per read or write when a whole ledger passes
# Leave out what matching never reads: the sources' texts and the attestations' contexts.
ATTESTATION_FIELDS = (
    "claim_id",
    "source_id",
    "quote",
    "as_of",
    *Attestation.VALUE_COLUMNS,
    "claimant__name",
    "source__published_on",
    "source__copy_of_id",
    "source__agency",
    "source__outlet__name",
    "start",
)


def known_claim(claim: Claim, attestations: Sequence[Attestation]) -> KnownClaim:
    """``claim`` as the matcher sees it, with ``attestations`` (their sources, outlets and
    claimants loaded)."""
    return KnownClaim(
        key=claim.slug,
        topic=str(claim.topic_id),
        statement=claim.statement,
        kind=claim.kind,
        subject=claim.subject,
        unit=claim.unit,
        changes_over_time=claim.changes_over_time,
        statements=tuple(a.as_statement() for a in attestations),
        quotes=tuple(a.quote for a in attestations),
        entity=claim.entity,
        predicate=claim.predicate,
        qualifiers=claim.qualifier_list,
        event=claim.event,
    )


def _attestations(claim_ids: Collection[int]) -> dict[int, list[Attestation]]:
    rows = (
        Attestation.objects.filter(claim_id__in=claim_ids)
        .select_related("source__outlet", "claimant")
        .only(*ATTESTATION_FIELDS)
    )
    stated: dict[int, list[Attestation]] = defaultdict(list)
    for attestation in rows:
        stated[attestation.claim_id].append(attestation)
    return stated


def load_known(slugs: Collection[str]) -> dict[str, KnownClaim]:
    """The claims among ``slugs`` still in the ledger, in full, in two queries."""
    claims = list(Claim.objects.filter(slug__in=slugs))
    stated = _attestations([claim.pk for claim in claims])
    return {claim.slug: known_claim(claim, stated[claim.pk]) for claim in claims}


# On PostgreSQL each entry carries its writer's transaction id, and a reader catches up from the
# oldest transaction still running when it last read (every one older has committed or is gone):
# no row that every writer must lock, so a long import holds up no one's link. SQLite lets one
# writer in at a time anyway: there, a counter on the stamp row numbers the entries.
_TRANSACTION = "pg_current_xact_id()::text::bigint"
_HORIZON = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint"


def _versions(count: int) -> list[int] | None:
    """The versions of this transaction's next ``count`` entries, or None while the index has
    never been built (the build will read what is written now)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT {_TRANSACTION} FROM claims_matchledger WHERE id = %s", [STAMP])
            row = cursor.fetchone()
            return None if row is None else [row[0]] * count
        cursor.execute(
            "UPDATE claims_matchledger SET version = version + %s WHERE id = %s RETURNING version",
            [count, STAMP],
        )
        row = cursor.fetchone()
    return None if row is None else list(range(row[0] - count + 1, row[0] + 1))


def _write(entries: Sequence[tuple[str, dict[str, Any] | None]]) -> None:
    if not entries:
        return
    versions = _versions(len(entries))
    if versions is None:
        return
    MatchEntry.objects.bulk_create(
        [
            MatchEntry(key=key, version=version, data=data)
            for version, (key, data) in zip(versions, entries, strict=True)
        ],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["version", "data"],
        batch_size=BATCH,
    )


def claims_written(claims: Iterable[tuple[Claim, Sequence[Attestation]]]) -> None:
    """Write the entries of claims just stored, each with all its attestations."""
    _write(
        [
            (CLAIM + claim.slug, ClaimEntry.of(known_claim(claim, stated)).to_json())
            for claim, stated in claims
        ]
    )


def claims_deleted(slugs: Iterable[str]) -> None:
    _write([(CLAIM + slug, None) for slug in slugs])


def filings_changed(pairs: Iterable[tuple[int, int]], *, filed: bool) -> None:
    """Sources (topic pk, source pk) filed under a topic, or taken out of it."""
    pairs = list(pairs)
    titles = {}
    if filed:
        ids = {source for _, source in pairs}
        titles = dict(Source.objects.filter(pk__in=ids).values_list("pk", "title"))
    _write(
        [
            (
                f"{FILING}{topic}:{source}",
                {"topic": str(topic), "title": titles[source]} if filed else None,
            )
            for topic, source in pairs
            if not filed or source in titles
        ]
    )


@transaction.atomic
def rebuild() -> int:
    """Write every entry afresh from the claims and filings, under a new token; return how
    many claims. For a new installation of the index, or after a write that went around the
    services (SQL by hand, a partial restore)."""
    MatchLedger.objects.all().delete()
    MatchEntry.objects.all().delete()
    MatchLedger.objects.create(pk=STAMP, version=0, token=uuid.uuid4().hex)
    count = 0
    last = 0
    while batch := list(Claim.objects.filter(pk__gt=last).order_by("pk")[:BATCH]):
        last = batch[-1].pk
        stated = _attestations([claim.pk for claim in batch])
        claims_written((claim, stated[claim.pk]) for claim in batch)
        count += len(batch)
    filings = Topic.sources.through.objects.order_by("pk")
    last = 0
    while rows := list(
        filings.filter(pk__gt=last).values_list("pk", "topic_id", "source_id")[:BATCH]
    ):
        last = rows[-1][0]
        filings_changed([(topic, source) for _, topic, source in rows], filed=True)
    return count


def build_after_migrate(using: str = "default", **kwargs: object) -> None:
    """After ``migrate``: build the index of a database that has none yet (a new one, or one
    from before the index), so that every write from now on keeps it."""
    if (
        using != "default"
        or MatchLedger._meta.db_table not in connection.introspection.table_names()
    ):
        return
    if not MatchLedger.objects.exists():
        rebuild()


@dataclass
class _Live:
    token: str
    version: int
    stats: LedgerStats
    index: ClaimIndex


_live: _Live | None = None
# A process's threads share its index: one at a time brings it up to date or matches with it.
index_lock = threading.RLock()


def claim_index() -> ClaimIndex:
    """This process's index, brought up to date with the shared entries: the stamp and the
    entries written since the last call are one query. Hold ``index_lock`` while using it."""
    global _live
    stamp, changed = _read_since(_live.version if _live is not None else None)
    if stamp is None:
        rebuild()
        stamp, changed = _read_since(None)
        assert stamp is not None
    token, version = stamp
    if _live is None or _live.token != token or _live.version > version:
        stats = LedgerStats()
        _apply(stats, _rows(MatchEntry.objects.all()))
        _live = _Live(token, version, stats, ClaimIndex.over(stats, load_known))
    else:
        _apply(_live.stats, changed)
        _live.version = version
    return _live.index


def _read_since(
    since: int | None,
) -> tuple[tuple[str, int] | None, list[tuple[str, dict[str, Any] | None]]]:
    """The stamp (token, and the version to read from next time) and, unless ``since`` is
    None, the entries written from ``since`` on, in one statement (one snapshot)."""
    postgres = connection.vendor == "postgresql"
    horizon = _HORIZON if postgres else "l.version"
    # PostgreSQL: from the horizon on, for a transaction running then may commit later
    newer = "e.version >= %s" if postgres else "e.version > %s"
    condition, params = (newer, [since]) if since is not None else ("1 = 0", [])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT l.token, {horizon}, e.key, e.data FROM claims_matchledger l "
            f"LEFT JOIN claims_matchentry e ON {condition} WHERE l.id = %s ORDER BY e.version",
            [*params, STAMP],
        )
        rows = cursor.fetchall()
    if not rows:
        return None, []
    changed = [
        (key, json.loads(value) if isinstance(value, str) else value)  # as JSONField reads it
        for _, _, key, value in rows
        if key is not None
    ]
    return (rows[0][0], rows[0][1]), changed


def forget() -> None:
    """Drop this process's index (tests roll the database back under it)."""
    global _live
    _live = None


def _apply(stats: LedgerStats, entries: Iterable[tuple[str, dict[str, Any] | None]]) -> None:
    for key, data in entries:
        if key.startswith(CLAIM):
            slug = key.removeprefix(CLAIM)
            if data is None:
                stats.remove(slug)
            else:
                stats.add(ClaimEntry.from_json(slug, data))
        elif data is None:
            stats.unfile(key)
        else:
            stats.file(key, data["topic"], data["title"])


def _rows(entries: QuerySet[MatchEntry]) -> Iterator[tuple[str, dict[str, Any] | None]]:
    yield from entries.order_by("version").values_list("key", "data").iterator(BATCH)
