"""Claims listening to the app below it. A receiver only calls a claims service."""

from typing import Any

from django.dispatch import receiver

from claims.services import source_claims_refresh_verdicts
from sources.models import Source
from sources.signals import source_dated_or_origin_changed


@receiver(source_dated_or_origin_changed)
def refresh_verdicts_of_source_claims(sender: Any, *, source: Source, **kwargs: Any) -> None:
    source_claims_refresh_verdicts(source=source)
