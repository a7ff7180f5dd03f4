"""The counted factor: a count of other things, or of the same things under another predicate,
qualifier or event, is not the claim, whatever its number ("nine suspended" is not an update of
"eleven under investigation")."""

from __future__ import annotations

from dataclasses import dataclass

from claims.rules.paraphrase import (
    NEGATED,
    entity_key,
    event_key,
    is_negated,
    is_person,
    known_family,
    predicate_key,
)

COUNTED_UNKNOWN = 0.85  # one side does not say
COUNTED_UNSURE = 0.4  # predicates in free words that share none
COUNTED_NEAR = 0.8  # "people" against "passengers", "workers" against "jobs"
COUNTED_PEOPLE = 0.3  # two different kinds of people: officers against passengers
COUNTED_ONE_SIDED = 0.8  # per qualifier that only one side gives, for at most two
COUNTED_OTHER = 0.05  # another predicate, thing, qualifier or event: near-disqualifying

# Qualifiers that exclude each other, by what they say: a count of former officers is not one of
# serving officers, nor suspected cases confirmed ones, nor an additional count the total. Words
# of different dimensions do not: "a total of 66 cases" may be the confirmed cases.
_DIMENSIONS = [
    (frozenset({"serving", "current"}), frozenset({"former", "retired"})),  # role
    (frozenset({"confirmed"}), frozenset({"probable", "suspected", "presumed"})),  # status
    (frozenset({"additional"}), frozenset({"total"})),  # scope
]


@dataclass(frozen=True)
class CountedKey:
    """What a count counts, reduced to what comparison needs."""

    entity: str
    predicate: frozenset[str]
    qualifiers: frozenset[str]
    event: frozenset[str]

    @classmethod
    def of(cls, entity: str, predicate: str, qualifiers: tuple[str, ...], event: str) -> CountedKey:
        return cls(
            entity=entity_key(entity),
            predicate=predicate_key(predicate),
            qualifiers=frozenset(q.casefold() for q in qualifiers),
            event=event_key(event),
        )

    def __bool__(self) -> bool:
        return bool(self.entity or self.predicate)


def confirmed(a: CountedKey, b: CountedKey) -> bool:
    """Do both say what they count, and say the same? Then a different number is the same
    claim stated differently (or updated), not another claim."""
    return bool(
        a.entity
        and b.entity
        and a.predicate
        and b.predicate
        and a.predicate & b.predicate - {NEGATED}
        and is_negated(a.predicate) == is_negated(b.predicate)
        and _entity_factor(a.entity, b.entity) >= COUNTED_NEAR
        and not _opposed(a.qualifiers, b.qualifiers)
    )


# What happened to a tally that only grows, save small corrections: the dead, the injured,
# the infected, the arrested, the charged.
_GROWING = frozenset({"died", "injured", "infected", "arrested", "charged", "convicted"})


def grows(key: CountedKey) -> bool:
    return bool(key.predicate) and key.predicate <= _GROWING


def same_things(a: CountedKey, b: CountedKey) -> bool:
    """Do both count the same things, with no predicate or qualifier against it ("240 seats"
    and "won 240 seats")? With the same holder, that is the same count (``confirmed``)."""
    if not (a.entity and a.entity == b.entity) or _opposed(a.qualifiers, b.qualifiers):
        return False
    if a.predicate and b.predicate:
        return bool(a.predicate & b.predicate - {NEGATED})
    return not (is_negated(a.predicate) or is_negated(b.predicate))


def counted_factor(a: CountedKey, b: CountedKey) -> float:
    if not a or not b:
        return 1.0
    factor = 1.0
    if a.predicate and b.predicate:
        if is_negated(a.predicate) != is_negated(b.predicate):
            return COUNTED_OTHER  # "identified" against "not identified"
        if not a.predicate & b.predicate - {NEGATED}:
            if known_family(a.predicate) and known_family(b.predicate):
                return COUNTED_OTHER  # we know these are different things to happen
            factor *= COUNTED_UNSURE  # free words that differ may still say the same
        elif a.predicate != b.predicate:
            factor *= (
                COUNTED_NEAR  # one says more: "identified" against "identified and handed over"
            )
    elif a.predicate or b.predicate:
        factor *= COUNTED_UNKNOWN
    if a.entity and b.entity:
        factor *= _entity_factor(a.entity, b.entity, a.predicate & b.predicate)
    elif a.entity or b.entity:
        factor *= COUNTED_UNKNOWN
    if _opposed(a.qualifiers, b.qualifiers):
        return COUNTED_OTHER
    # A qualifier only one side gives ("additional", "total", a place) may or may not matter.
    factor *= COUNTED_ONE_SIDED ** min(2, len(a.qualifiers ^ b.qualifiers))
    if a.event and b.event and not a.event & b.event:
        return COUNTED_OTHER
    return factor


MEASURED_OTHER = 0.3  # a share or change of another thing: "sales fell 3.8%" is not "15% of staff"


def measured_factor(a: CountedKey, b: CountedKey) -> float:
    """For a percentage, what it is of and what happened to it are read from fewer words and
    curators name them more freely ("vote share", "turnout"): only two sides that both say, and
    say differently, weigh it down, and less than for a count."""
    if a.entity and b.entity and _entity_factor(a.entity, b.entity) <= COUNTED_OTHER:
        return MEASURED_OTHER
    if known_family(a.predicate) and known_family(b.predicate) and not a.predicate & b.predicate:
        return MEASURED_OTHER
    return 1.0


def _entity_factor(a: str, b: str, happened: frozenset[str] = frozenset()) -> float:
    """``happened``: the predicate families both sides share."""
    if a == b:
        return 1.0
    if happened and "case" in (a, b) and (is_person(a) or is_person(b)):
        # "ten additional cases" of an infection are ten people infected; "36 cases … 11 of
        # them died" are people who died
        return COUNTED_NEAR
    if {a, b} & {"people", "jobs"} and all(is_person(k) or k == "jobs" for k in (a, b)):
        return COUNTED_NEAR  # "people" against "passengers", "jobs" against "workers"
    if is_person(a) and is_person(b):
        return COUNTED_PEOPLE
    return COUNTED_OTHER


def _opposed(a: frozenset[str], b: frozenset[str]) -> bool:
    return any((a & one and b & other) or (a & other and b & one) for one, other in _DIMENSIONS)
