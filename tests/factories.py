"""Plain functions that build just what a test needs."""

from __future__ import annotations

import itertools
import math
from datetime import date
from typing import Any

from claims.models import Attestation, Claim, Topic
from claims.rules.values import Value
from sources.models import Outlet, Source
from sources.services import source_save

_counter = itertools.count(1)


def make_topic(slug: str = "", **fields: Any) -> Topic:
    slug = slug or f"topic-{next(_counter)}"
    return Topic.objects.create(slug=slug, title=fields.pop("title", slug.title()), **fields)


def make_source(
    text: str = "", *, outlet: str = "The Example", published: date = date(2025, 10, 1), **fields
) -> Source:
    n = next(_counter)
    source = Source(
        slug=fields.pop("slug", f"source-{n}"),
        outlet=Outlet.for_name(outlet),
        title=fields.pop("title", f"Story {n}"),
        **fields,
    )
    source.text = text or f"Source number {n} says that nine officers were suspended."
    source.set_published(published)
    return source_save(source=source)


def newest_first(source: Source) -> tuple[Any, ...]:
    """The order source lists show: newest first, a timed source before the date-only ones of
    its day; then by title, then as made."""
    moment = source.published_at.timestamp() if source.published_at else -math.inf
    return (-source.published_on.toordinal(), -moment, source.title, source.pk)


def make_claim(topic: Topic | None = None, **fields: Any) -> Claim:
    n = next(_counter)
    fields.setdefault("kind", Claim.Kind.QUANTITY)
    return Claim.objects.create(
        topic=topic or make_topic(),
        slug=fields.pop("slug", f"claim-{n}"),
        statement=fields.pop("statement", f"Claim number {n}"),
        **fields,
    )


def attest(
    claim: Claim,
    source: Source,
    quote: str,
    value: Value | None = None,
    *,
    as_of: date | None = None,
    refresh: bool = True,
    **fields: Any,
) -> Attestation:
    """Link ``source`` to ``claim`` by ``quote`` (found in the text) and refresh the verdict."""
    attestation = Attestation(claim=claim, source=source, quote=quote, as_of=as_of, **fields)
    attestation.value = value
    attestation.place_quote()
    attestation.save()
    if refresh:
        claim.refresh_verdict()
    return attestation
