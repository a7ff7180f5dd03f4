"""One action, one revision: every history record an action writes carries the action's date.

A claim's revisions are the distinct dates of its own and its attestations' history records
(``claims.history``). Linking a source writes an attestation record and then, when the verdict
moves, a claim record; both carry the same date, so they are one revision, and no revision
shows the new quote under the old verdict.

An action is a web request (the admin saves a claim, its inline attestations and the verdict in
three service calls), or else the outermost ``one_revision`` block: each write service opens
one, and the seed loader opens one per source date, with that date.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from django.utils import timezone
from simple_history.models import HistoricalRecords

_moment: ContextVar[datetime | None] = ContextVar("revision_moment", default=None)


def action_moment() -> datetime | None:
    """The date of the action under way, or None outside one."""
    if (moment := _moment.get()) is not None:
        return moment
    # django-simple-history's middleware keeps the request here while it is served.
    request = getattr(HistoricalRecords.context, "request", None)
    if request is None:
        return None
    if not hasattr(request, "revision_moment"):
        request.revision_moment = timezone.now()
    return request.revision_moment


@contextmanager
def one_revision(at: datetime | None = None) -> Iterator[datetime]:
    """Give every history record written inside one date: ``at``, else that of the action
    already under way (a service called by another joins its caller's revision), else now."""
    if at is None and (outer := action_moment()) is not None:
        yield outer
        return
    moment = at or timezone.now()
    token = _moment.set(moment)
    try:
        yield moment
    finally:
        _moment.reset(token)


class RevisionRecords(HistoricalRecords):
    """``HistoricalRecords`` that date each record by the action under way."""

    def create_historical_record(self, instance: Any, history_type: str, using: Any = None) -> None:
        moment = action_moment()
        if moment is None or hasattr(instance, "_history_date"):
            super().create_historical_record(instance, history_type, using)
            return
        instance._history_date = moment  # simple-history's own hook for a record's date
        try:
            super().create_historical_record(instance, history_type, using)
        finally:
            del instance._history_date
