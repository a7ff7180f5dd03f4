"""What several formats share: how a claim is cited (its key, number and notes), sources in as-of
order, the link a citation gives, dates, and a conservative reading of bylines."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime

from claims.exports.records import CitedAttestation, CitedClaim, CitedSource

# Words that mark a byline as an organisation, not a person ("BBC News", "Reuters Staff").
_ORGANISATION_WORDS = frozenset(
    """agency association bureau committee correspondent correspondents council department desk
    editor editors group institute media network news office online police press report
    reporter reporters service staff team trust unit writers""".split()
)
# Honorifics and particles make a split ambiguous ("Sir Mark Rowley", "van der Berg").
_NOT_A_SIMPLE_NAME = frozenset(
    "sir dame dr mr mrs ms lord lady van von der de la le du da al".split()
)
# What ends a sentence: no full stop is added after these.
TERMINAL = (".", "!", "?", "…")
# One capitalised word, or two joined by a hyphen or apostrophe: "Margaret", "Jean-Luc", "O'Neill".
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


def source_link(source: CitedSource) -> str:
    """The address a citation gives: the original, else our reader page (which shows the text)."""
    return source.url or source.page_url


def day(moment: date | datetime) -> date:
    """The calendar day of a date, or of a datetime as written where it was published."""
    return moment.date() if isinstance(moment, datetime) else moment


def long_date(value: date | datetime) -> str:
    """30 September 2025."""
    value = day(value)
    return f"{value.day} {calendar.month_name[value.month]} {value.year}"


def iso_datetime(moment: datetime) -> str:
    """RFC 3339 with an offset, as JSON-LD and the W3C model want; a naive time is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def iso_moment(moment: date | datetime) -> str:
    return iso_datetime(moment) if isinstance(moment, datetime) else moment.isoformat()


def join_names(names: tuple[str, ...] | list[str]) -> str:
    """A; A and B; A, B and C."""
    if len(names) <= 2:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def one_line(text: str) -> str:
    """Runs of whitespace (line breaks in a quote) as one space: line-based formats need it."""
    return " ".join(text.split())


def split_name(name: str, *, outlet: str = "") -> tuple[str, str] | None:
    """(given, family) when a byline is plainly a person's two-word name, else None.

    Conservative on purpose: a wrong split prints "News, B." in a bibliography, while an
    unsplit name only loses initials. "Vikram Dodd" splits; "BBC News", "Sir Mark Rowley",
    "Ludwig van Beethoven" and the outlet's own name stay whole.
    """
    words = name.split()
    if len(words) != 2 or name.strip() == outlet.strip():
        return None
    for word in words:
        if not _NAME_WORD.match(word) or word.casefold() in _NOT_A_SIMPLE_NAME:
            return None
        if word.casefold() in _ORGANISATION_WORDS:
            return None
        # An initial ("J") or an acronym ("BBC") is not a plain given or family name.
        letters = [char for char in word if char.isalpha()]
        if len(letters) < 2 or not word[0].isupper() or word[1:].isupper():
            return None
    return words[0], words[1]


def is_organisation(name: str, *, outlet: str = "") -> bool:
    """Does a byline name an organisation ("BBC News", the outlet itself) rather than a person?"""
    words = name.split()
    if name.strip() == outlet.strip():
        return True
    return any(
        word.casefold() in _ORGANISATION_WORDS or (len(word) > 1 and word.isupper())
        for word in words
    )


def attestations_in_order(claim: CitedClaim) -> list[CitedAttestation]:
    """Oldest first, as claim pages list them: by as-of date, publication, then position."""
    return sorted(
        claim.attestations,
        key=lambda att: (att.as_of, moment_key(att.source.published), att.start),
    )


def sources_in_order(claim: CitedClaim) -> list[CitedSource]:
    """Each source of the claim once, in the order of its earliest attestation."""
    seen: dict[str, CitedSource] = {}
    for att in attestations_in_order(claim):
        seen.setdefault(att.source.key, att.source)
    return list(seen.values())


# A claim is cited as Corroborate's record of it, numbered by its revision (docs/exports.md).
PUBLISHER = "Corroborate"
CLAIM_GENRE = "Claim"
CLAIM_LANGUAGE = "en"


def claim_key(claim: CitedClaim) -> str:
    """The citation's id: the claim's slug and revision, stable and unique in a library."""
    return f"{claim.slug}-r{claim.revision}"


def claim_number(claim: CitedClaim) -> str:
    """What styles print as the record's number: it names the exact revision."""
    return f"{claim.slug}, revision {claim.revision}"


def verdict_sentence(claim: CitedClaim) -> str:
    """Verdict: agree — <explanation>; "" while no source states the claim."""
    if not claim.verdict:
        return ""
    if not claim.explanation:
        return f"Verdict: {claim.verdict}."
    return f"Verdict: {claim.verdict} — {sentence(one_line(claim.explanation))}"


def attestation_note(att: CitedAttestation) -> str:
    """One line saying what one source states for the claim:
    <Outlet>, “<title>”, <date>, <link>: “<quote>” (<value> as of <date>, attributed to <who>)"""
    source = att.source
    stated = f"{att.value} as of " if att.value else "as of "
    stated += long_date(att.as_of)
    if att.attributed_to:
        stated += f", attributed to {att.attributed_to}"
    where = (
        f"{source.outlet}, “{source.title}”, {long_date(source.published)}, {source_link(source)}"
    )
    return one_line(f"{where}: “{att.quote}” ({stated})")


def quote_notes(claim: CitedClaim) -> list[str]:
    """Each quote of the claim with its source, in as-of order."""
    return [attestation_note(att) for att in attestations_in_order(claim)]


def claim_notes(claim: CitedClaim) -> list[str]:
    """The verdict, then each source's quote: what a reference manager keeps of the claim."""
    verdict = verdict_sentence(claim)
    return ([verdict] if verdict else []) + quote_notes(claim)


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(TERMINAL) else f"{text}."


def moment_key(moment: date | datetime) -> tuple[date, float]:
    """Sortable across dates and datetimes: the day, then the instant within it (0 for a date)."""
    if isinstance(moment, datetime):
        return day(moment), moment.timestamp()
    return moment, 0.0
