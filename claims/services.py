"""Writes of claims and attestations. Keyword-only, atomic, ``full_clean`` before saving: a
``ValidationError`` leaves nothing written. Every writer uses these: the review queue, the API,
the admin and the dataset import (which passes ``refresh=False`` and refreshes the verdicts of
the claims it touched once, at the end, with ``claims_refresh_verdicts``). Each writer of claims
and attestations is ``one_revision``: what one call writes is one revision of each claim.

Claims and attestations are ``Versioned``: an edit or a deletion is written only if the row is
still at the version the instance was loaded at (a form or an API client sends back the one it
was shown), else it raises ``StaleEdit``. A verdict refresh leaves the version alone: it is
recomputed from what is stored, so no one's edit of it can be lost."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from claims import match_store
from claims.models import (
    COUNTED_FIELDS,
    Attestation,
    Claim,
    Claimant,
    ClaimantName,
    DismissedCandidate,
    Topic,
    counted_fields,
)
from claims.recording import action_moment, one_revision
from claims.review.reading import reading_start, reads_in_background
from claims.rules.counted import join_qualifiers
from claims.rules.names import name_key
from claims.rules.values import Value
from sources.models import Source
from sources.rows import create_with_history
from sources.services import NearDuplicate, error_lines, free_slug, source_create
from sources.slugs import name_slug


@transaction.atomic
def source_add(
    *, topics: Sequence[Topic] = (), **fields: Any
) -> tuple[Source, NearDuplicate | None]:
    """Store a source (``sources.services.source_create``, same arguments) and file it under
    ``topics``, together or not at all. A long text is queued for the finder at once, so that
    its review queue may be ready by the time an editor opens it."""
    source, near = source_create(**fields)
    if topics:
        source.topics.set(topics)
    if reads_in_background(source):
        reading_start(source)
    return source, near


@transaction.atomic
@one_revision()
def claims_refresh_verdicts(*, claims: Iterable[Claim]) -> int:
    """Recompute each claim's verdict; return how many changed."""
    return sum(claim.refresh_verdict() for claim in claims)


@transaction.atomic
@one_revision()
def claims_bulk_create(
    *, claims: Sequence[Claim], attestations: Sequence[Attestation], batch_size: int = 1000
) -> list[Claim]:
    """Store many new claims with their attestations at once, each with its verdict and counts
    computed once, in one revision: for an import of thousands, in a few queries per batch.
    Their topics, sources and named claimants must be stored, and no slug or span is stored
    yet (the caller checks, in one query). An attestation's claimant follows its words, as
    ``attestation_save`` has it. Raises ``ValidationError`` naming the row's index."""
    named = claimants_for(
        names=[a.attributed_to for a in attestations if a.claimant_id is None and a.attributed_to]
    )
    stated: dict[int, list[Attestation]] = defaultdict(list)
    for index, attestation in enumerate(attestations):
        if attestation.claimant_id is None and attestation.attributed_to:
            attestation.claimant = named[attestation.attributed_to]
        try:
            attestation.clean_fields(exclude=["claim", "source", "claimant"])
            attestation.clean()
        except ValidationError as error:
            raise ValidationError({f"attestations[{index}]": error_lines(error)}) from None
        stated[id(attestation.claim)].append(attestation)
    for index, claim in enumerate(claims):
        try:
            claim.clean_fields(exclude=["topic"])
            claim.clean()
        except ValidationError as error:
            raise ValidationError({f"claims[{index}]": error_lines(error)}) from None
        # in the order the claim's attestations are read back (Attestation.Meta.ordering)
        stated[id(claim)].sort(key=lambda a: (a.source.published_on, a.start))
        claim.assess(stated[id(claim)])
    stored = create_with_history(claims, Claim, batch_size=batch_size, default_date=action_moment())
    for attestation in attestations:
        attestation.claim = attestation.claim  # the claim's new id
    create_with_history(
        attestations, Attestation, batch_size=batch_size, default_date=action_moment()
    )
    match_store.claims_written((claim, stated[id(claim)]) for claim in claims)
    return stored


def claims_recount(*, batch_size: int = 2000) -> int:
    """Recompute every claim's stored counts and sort keys from its attestations, a batch of
    claims at a time (two queries each); return how many were wrong and are now mended. The
    services keep them right: this is the check, and the mend after a write that went around
    them (SQL by hand, a partial restore)."""
    mended = 0
    last = 0
    while True:
        batch = list(
            Claim.objects.filter(pk__gt=last)
            .order_by("pk")
            .only("pk", "verdict", *COUNTED_FIELDS)[:batch_size]
        )
        if not batch:
            return mended
        first, last = batch[0].pk, batch[-1].pk
        stated: dict[int, list[tuple[int, date | None]]] = defaultdict(list)
        rows = Attestation.objects.filter(claim_id__gte=first, claim_id__lte=last)
        for claim_id, source_id, day in rows.values_list(
            "claim_id", "source_id", "source__published_on"
        ):
            stated[claim_id].append((source_id, day))
        wrong = []
        for claim in batch:
            counts = counted_fields(claim.verdict, stated[claim.pk])
            if any(getattr(claim, name) != value for name, value in counts.items()):
                for name, value in counts.items():
                    setattr(claim, name, value)
                wrong.append(claim)
        Claim.objects.bulk_update(wrong, COUNTED_FIELDS)  # not revisions: history omits them
        mended += len(wrong)


def source_claims_refresh_verdicts(*, source: Source) -> int:
    """After a source's date changes, its claims' verdicts may too (as-of dates follow it)."""
    return claims_refresh_verdicts(
        claims=Claim.objects.filter(attestations__source=source).distinct()
    )


@transaction.atomic
@one_revision()
def claim_save(*, claim: Claim, refresh: bool = True) -> Claim:
    """Validate and store a new or edited claim. ``refresh=False`` leaves the verdict to the
    caller, who refreshes once after writing the attestations too (the admin, an import).
    Raises ``StaleEdit`` when the stored claim is no longer at ``claim.version``."""
    claim.full_clean()
    claim.advance_version()
    claim.save()
    if refresh:
        claim.refresh_verdict()
    return claim


def claim_create(**fields: Any) -> Claim:
    return claim_save(claim=Claim(**fields), refresh=False)  # no attestations, no verdict yet


def claim_update(*, claim: Claim, refresh: bool = True, **fields: Any) -> Claim:
    """Change the claim's own fields; the verdict follows (``changes_over_time`` decides
    whether different values over time are an update or a difference)."""
    for name, value in fields.items():
        setattr(claim, name, value)
    return claim_save(claim=claim, refresh=refresh)


@transaction.atomic
def claim_parts_set(*, claim: Claim, parts: Iterable[Claim]) -> Claim:
    """Declare the claims this one is the sum of; a claim cannot be a part of itself."""
    parts = list(parts)
    if claim in parts:
        raise ValidationError({"parts": "A claim cannot be a part of itself."})
    claim.parts.set(parts)
    return claim


@transaction.atomic
@one_revision()
def claim_delete(*, claim: Claim) -> None:
    """Delete a claim with its attestations; no other claim's verdict depends on it. Raises
    ``StaleEdit`` when the stored claim is no longer at ``claim.version``."""
    claim.advance_version()
    claim.delete()
    match_store.claims_deleted([claim.slug])


def attestation_as_of(*, source: Source, as_of: date | None) -> date | None:
    """What an attestation stores as its as-of date: nothing for the source's own date, so that
    it follows the source's date if that is corrected."""
    return as_of if as_of != source.published_on else None


@transaction.atomic
@one_revision()
def attestation_save(
    *, attestation: Attestation, refresh: bool = True, validate_constraints: bool = True
) -> Attestation:
    """Validate and store a new or edited attestation: the quote and its context follow the
    span (``Attestation.clean``), then the claim's verdict, unless ``refresh=False``.

    ``validate_constraints=False`` is for an import that has checked the span is new and the
    value well formed itself: Django checks each constraint with a query of its own, six per
    row, and the database enforces them anyway. Raises ``StaleEdit`` when the stored
    attestation is no longer at ``attestation.version``.
    """
    if attestation.claimant_id is None and attestation.attributed_to:
        # the party the words name, known or new
        attestation.claimant = claimant_for(name=attestation.attributed_to)
    attestation.full_clean(validate_constraints=validate_constraints)
    attestation.advance_version()
    attestation.save()
    if refresh:
        attestation.claim.refresh_verdict()
    return attestation


def attestation_update(
    *,
    attestation: Attestation,
    refresh: bool = True,
    validate_constraints: bool = True,
    **fields: Any,
) -> Attestation:
    """Change an attestation's span, ``value``, ``as_of``, ``attributed_to`` or ``claimant``.
    New words name their claimant unless one is given; ``claimant=None`` alone makes the figure
    the source's own, and clears the words."""
    if "as_of" in fields:
        fields["as_of"] = attestation_as_of(source=attestation.source, as_of=fields["as_of"])
    if "claimant" in fields and fields["claimant"] is None and "attributed_to" not in fields:
        # no one's figure: the words that named someone go too, or the save would find them again
        fields["attributed_to"] = ""
    if "attributed_to" in fields:
        fields["attributed_to"] = fields["attributed_to"][:200]
        fields.setdefault("claimant", None)  # new words: the save finds the party they name
    for name, value in fields.items():
        setattr(attestation, name, value)  # ``value`` is a property over the value_* columns
    if {"start", "end"} & fields.keys():
        attestation.quote = attestation.source.text[attestation.start : attestation.end]
    return attestation_save(
        attestation=attestation, refresh=refresh, validate_constraints=validate_constraints
    )


@transaction.atomic
@one_revision()
def attestation_unlink(
    *, attestation: Attestation, refresh: bool = True, reason: str = ""
) -> Claim:
    """Remove one source's statement of a claim and recompute the claim's verdict, as
    ``attestation_link`` does when it adds one; ``reason`` is kept in the link's history.
    Raises ``StaleEdit`` when the stored attestation is no longer at ``attestation.version``."""
    claim = attestation.claim
    attestation._change_reason = _history_reason(reason)  # type: ignore[attr-defined]
    attestation.advance_version()
    attestation.delete()
    if refresh:
        claim.refresh_verdict()
    return claim


def attestation_link(
    *,
    source: Source,
    claim: Claim,
    start: int,
    end: int,
    value: Value | None,
    as_of: date | None = None,
    attributed_to: str = "",
    claimant: Claimant | None = None,
    refresh: bool = True,
    validate_constraints: bool = True,
    reason: str = "",
) -> Attestation:
    """Link a span of ``source`` to ``claim`` and recompute the claim's verdict at once
    (``refresh=False``: the caller refreshes it after a batch of links). The claimant is the
    one ``attributed_to`` names unless given; ``reason``, why the editor linked it, is kept in
    the link's history."""
    attestation = Attestation(claim=claim, source=source, start=start, end=end)
    attestation._change_reason = _history_reason(reason)  # type: ignore[attr-defined]
    return attestation_update(
        attestation=attestation,
        refresh=refresh,
        validate_constraints=validate_constraints,
        start=start,
        end=end,
        value=value,
        as_of=as_of,
        attributed_to=attributed_to,
        claimant=claimant,
    )


@transaction.atomic
@one_revision()
def claim_create_from_candidate(
    *,
    source: Source,
    topic: Topic,
    slug: str,
    statement: str,
    kind: str,
    subject: str,
    unit: str,
    changes_over_time: bool,
    start: int,
    end: int,
    value: Value | None,
    as_of: date | None = None,
    attributed_to: str = "",
    entity: str = "",
    predicate: str = "",
    qualifiers: str = "",
    event: str = "",
) -> Claim:
    claim = claim_create(
        topic=topic,
        slug=slug,
        statement=statement,
        kind=kind,
        subject=subject,
        unit=unit,
        entity=entity,
        predicate=predicate,
        qualifiers=join_qualifiers(qualifiers.split(",")),
        event=event,
        changes_over_time=changes_over_time,
    )
    attestation_link(
        source=source,
        claim=claim,
        start=start,
        end=end,
        value=value,
        as_of=as_of,
        attributed_to=attributed_to,
    )
    return claim


def candidate_dismiss(
    *, source: Source, start: int, end: int, user: Any, reason: str = ""
) -> DismissedCandidate:
    """Stop the queue offering the span ``start``–``end``: it states no claim worth keeping."""
    if not 0 <= start < end <= len(source.text):
        raise ValidationError("That suggestion is not in the source.")
    dismissal, _ = DismissedCandidate.objects.get_or_create(
        source=source,
        start=start,
        end=end,
        defaults={
            "quote": source.text[start:end],
            "dismissed_by": user,
            "reason": " ".join(reason.split())[:200],
        },
    )
    return dismissal


def candidate_restore(*, dismissal: DismissedCandidate) -> None:
    """Undo a dismissal: the queue offers the span again."""
    dismissal.delete()


def _history_reason(reason: str) -> str | None:
    """An editor's reason as a history row keeps it (at most 100 characters)."""
    return " ".join(reason.split())[:100] or None


def claimant_for(*, name: str) -> Claimant | None:
    """The claimant ``name`` is a name of, created when no claimant has it yet; None when it
    names nobody (empty)."""
    name = " ".join(name.split())[:200]
    if not name_key(name):
        return None
    return Claimant.objects.named(name).first() or claimant_create(name=name)


@transaction.atomic
def claimants_for(*, names: Iterable[str]) -> dict[str, Claimant | None]:
    """``claimant_for`` of each of ``names``, in a few queries whatever their number: the named
    claimants looked up together, the new ones created together (with the same slugs)."""
    cleaned = {name: " ".join(name.split())[:200] for name in names}
    keys = {name: name_key(clean) for name, clean in cleaned.items()}
    wanted = list(dict.fromkeys(key for key in keys.values() if key))
    found: dict[str, Claimant] = {}
    for start in range(0, len(wanted), 900):  # under every database's parameter limit
        batch = wanted[start : start + 900]
        rows = ClaimantName.objects.select_related("claimant").filter(key__in=batch)
        found.update((row.key, row.claimant) for row in rows)
    new: dict[str, str] = {}  # key → the first name giving it, as one by one
    for name, key in keys.items():
        if key and key not in found:
            new.setdefault(key, cleaned[name])
    if Claimant.objects.filter(name__in=new.values()).exists():  # refused below, as alone
        return {name: claimant_for(name=name) for name in cleaned}
    bases = {key: name_slug(name, kind="claimant", max_length=180) for key, name in new.items()}
    taken = set(Claimant.objects.filter(slug__in=bases.values()).values_list("slug", flat=True))
    created = []
    for key, name in new.items():
        slug, n = bases[key], 2
        while slug in taken or (slug != bases[key] and Claimant.objects.filter(slug=slug).exists()):
            slug, n = f"{bases[key]}-{n}", n + 1  # as ``free_slug``, counting the new ones
        taken.add(slug)
        claimant = Claimant(name=name, slug=slug)
        claimant.clean_fields()
        created.append(claimant)
        found[key] = claimant
    bulk_create_with_history(created, Claimant)
    ClaimantName.objects.bulk_create(
        ClaimantName(claimant=found[key], name=name, key=key) for key, name in new.items()
    )
    return {name: found.get(key) for name, key in keys.items()}


@transaction.atomic
def claimant_create(*, name: str, aliases: Iterable[str] = ()) -> Claimant:
    """A new claimant, shown as ``name``, with the other names sources give it."""
    claimant = Claimant(name=name, slug=_free_slug(name))
    claimant.full_clean()
    claimant.save()
    claimant_name_add(claimant=claimant, name=name)
    _aliases_add(claimant=claimant, aliases=aliases)
    return claimant


@transaction.atomic
def claimant_update(
    *, claimant: Claimant, name: str | None = None, aliases: Iterable[str] = ()
) -> Claimant:
    """Rename ``claimant`` and give it more names. Its old name stays one of its names (sources
    still write it), its slug stays, and the claims it states are recomputed: their
    explanations name it."""
    name = " ".join(name.split()) if name is not None else claimant.name
    if name != claimant.name:
        claimant_name_add(claimant=claimant, name=name)  # refused if it names another
        claimant.name = name
        claimant.full_clean()
        claimant.save()
        claimant_claims_refresh(claimant=claimant)
    _aliases_add(claimant=claimant, aliases=aliases)
    return claimant


def claimant_claims_refresh(*, claimant: Claimant) -> None:
    """Recompute the verdicts of the claims ``claimant`` states: their explanations name it."""
    claims_refresh_verdicts(claims=Claim.objects.filter(attestations__claimant=claimant).distinct())


def _aliases_add(*, claimant: Claimant, aliases: Iterable[str]) -> None:
    """``claimant_name_add`` for each alias, its refusal reported under ``aliases``."""
    for alias in aliases:
        try:
            claimant_name_add(claimant=claimant, name=alias)
        except ValidationError as error:
            raise ValidationError({"aliases": error.messages}) from None


def claimant_name_add(*, claimant: Claimant, name: str) -> ClaimantName:
    """Another name sources give ``claimant`` ("the Met"). A name of another claimant is an
    error: merge the two instead."""
    key = name_key(name)
    taken = ClaimantName.objects.select_related("claimant").filter(key=key).first()
    if taken is not None:
        if taken.claimant_id == claimant.pk:
            return taken
        raise ValidationError({"name": f"“{name}” already names {taken.claimant}."})
    entry = ClaimantName(claimant=claimant, name=" ".join(name.split())[:200], key=key)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
@one_revision()
def claimant_merge(*, keep: Claimant, drop: Claimant) -> Claimant:
    """Two claimants that are one party: ``drop``'s names and attestations become ``keep``'s,
    and the verdicts of the claims they state are recomputed (one origin now, not two)."""
    if keep.pk == drop.pk:
        raise ValidationError("A claimant cannot be merged into itself.")
    claims = list(Claim.objects.filter(attestations__claimant=drop).distinct())
    # held until the merge is done, so that each moves on from the version it is at
    for attestation in Attestation.objects.select_for_update().filter(claimant=drop):
        attestation.claimant = keep
        attestation.version += 1  # an editor who loaded it before the merge must look again
        attestation.save(update_fields=["claimant", "version"])  # one history row each
    ClaimantName.objects.filter(claimant=drop).update(claimant=keep)
    drop.delete()
    claims_refresh_verdicts(claims=claims)
    return keep


def _free_slug(name: str) -> str:
    """A slug no claimant has: the name's, or a stable one for a name in another script, with
    a number after it when taken."""
    return free_slug(Claimant.objects.all(), name_slug(name, kind="claimant", max_length=180))
