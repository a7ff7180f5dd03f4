"""Claims listening to the app below it. A receiver only calls a claims service."""

from typing import Any

from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from claims import match_store
from claims.models import Topic
from claims.services import source_claims_refresh_verdicts
from sources.models import Source
from sources.signals import source_dated_or_origin_changed


@receiver(source_dated_or_origin_changed)
def refresh_verdicts_of_source_claims(sender: Any, *, source: Source, **kwargs: Any) -> None:
    source_claims_refresh_verdicts(source=source)


@receiver(m2m_changed, sender=Topic.sources.through)
def keep_filings_in_match_index(
    sender: Any,
    *,
    instance: Topic | Source,
    action: str,
    reverse: bool,
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    """A source filed under a topic names its story for topic suggestion (``match_store``)."""
    if action == "pre_clear":
        through = sender.objects.filter(**{"source" if reverse else "topic": instance})
        pairs = list(through.values_list("topic_id", "source_id"))
        match_store.filings_changed(pairs, filed=False)
        return
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    pairs = [(pk, instance.pk) if reverse else (instance.pk, pk) for pk in pk_set]
    match_store.filings_changed(pairs, filed=action == "post_add")
