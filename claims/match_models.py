"""Where the matching index lives between requests: a slim entry per claim and per filing of a
source under a topic, and one row stamping the whole (``claims.match_store`` keeps them)."""

from __future__ import annotations

from django.db import models


class MatchEntry(models.Model):
    """What matching knows of one claim (``claims.matching.ClaimEntry`` as JSON) or of one source
    filed under a topic (its title's words), at the ledger ``version`` it was last written.
    A claim gone from the ledger leaves an entry with no ``data``, so that every process hears
    of it."""

    key = models.CharField(max_length=300, unique=True)  # "claim:<slug>", "filing:<topic>:<source>"
    version = models.BigIntegerField(db_index=True)
    data = models.JSONField(null=True)

    class Meta:
        verbose_name_plural = "match entries"

    def __str__(self) -> str:
        return f"{self.key} @ {self.version}"


class MatchLedger(models.Model):
    """The one row stamping the matching index: ``version`` goes up with each entry written, and
    ``token`` changes with each full rebuild (or restore), so that a process holding an index of
    another database's entries starts afresh."""

    version = models.BigIntegerField(default=0)
    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return f"match index {self.token} @ {self.version}"
