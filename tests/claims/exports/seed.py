"""The seed claim "officers-suspended-2025" as the export formats receive it.

The Independent and BBC attestations are the seeds' own (quotes, offsets and 32 characters of
context from the normalised texts). The seeds carry no URLs, so the two given here are
illustrative. The third source is invented for these tests: a report with no URL whose title
and quote hold curly quotes and LaTeX's special characters.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from claims.exports import CitedAttestation, CitedClaim, CitedSource

# Third-party schemas the exports are validated against, kept in the repository (see its README).
CONFORMANCE = Path(__file__).resolve().parents[2] / "conformance"

SITE = "https://corroborate.example"
BST = timezone(timedelta(hours=1))
ACCESSED = date(2026, 11, 21)

INDEPENDENT = CitedSource(
    key="independent-2025-09-30",
    url="https://www.independent.co.uk/news/uk/crime/met-police-charing-cross-panorama.html",
    page_url=f"{SITE}/sources/independent-2025-09-30/",
    outlet="The Independent",
    title="Met officers who showed ‘support for Tommy Robinson and sent anti-Muslim messages’ "
    "are ‘likely to be sacked’",
    authors=("Margaret Davis",),
    published=date(2025, 9, 30),
    updated=None,
    kind="article",
    language="en",
)
BBC = CitedSource(
    key="bbc-live-2025-10-02",
    url="https://www.bbc.co.uk/news/live/met-police-panorama-charing-cross",
    page_url=f"{SITE}/sources/bbc-live-2025-10-02/",
    outlet="BBC News",
    title="Met chief Sir Mark Rowley responds to Panorama investigation (live coverage)",
    authors=("Nabiha Ahmed", "Zahra Fatima"),
    published=datetime(2025, 10, 2, 8, 48, tzinfo=BST),
    updated=datetime(2025, 10, 2, 14, 14, tzinfo=BST),
    kind="live_page",
    language="en",
)
REVIEW = CitedSource(
    key="review-2025-10-03",
    url="",  # no known original: citations fall back to our reader page
    page_url=f"{SITE}/sources/review-2025-10-03/",
    outlet="Police Accountability Review",
    title="Charing Cross custody: 100% of officers & staff reviewed (case_ref #2025/1)",
    authors=("Police Accountability Review",),
    published=date(2025, 10, 3),
    updated=None,
    kind="official_report",
    language="en-GB",
)
TRICKY_QUOTE = "“nine officers” – 100% of those named by Panorama & the IOPC – were suspended"

CLAIM_URL = f"{SITE}/claims/officers-suspended-2025/"


def _day(source: CitedSource) -> date:
    published = source.published
    return published.date() if isinstance(published, datetime) else published


ATTESTATIONS = (
    # Deliberately not in as-of order: the formats sort.
    CitedAttestation(
        id=103,
        anchor_url=f"{BBC.page_url}#att-103",
        quote="Nine officers and one staff member had been suspended",
        prefix=" by a police officer in 2021\n\n• ",
        suffix=", with two more officers removed",
        start=1040,
        end=1093,
        value="9",
        as_of=_day(BBC),
        attributed_to="",
        source=BBC,
    ),
    CitedAttestation(
        id=101,
        anchor_url=f"{INDEPENDENT.page_url}#att-101",
        quote="nine officers and one staff member had been suspended",
        prefix="ese allegations being received, ",
        suffix=", with two more officers removed",
        start=1960,
        end=2013,
        value="9",
        as_of=_day(INDEPENDENT),
        attributed_to="Sir Mark Rowley",
        source=INDEPENDENT,
    ),
    CitedAttestation(
        id=102,
        anchor_url=f"{INDEPENDENT.page_url}#att-102",
        quote="Nine officers at the centre of the claims have been suspended",
        prefix=" an investigation by Panorama.\n\n",
        suffix=" while the IOPC inquiry continue",
        start=3944,
        end=4005,
        value="9",
        as_of=_day(INDEPENDENT),
        attributed_to="",
        source=INDEPENDENT,
    ),
    CitedAttestation(
        id=104,
        anchor_url=f"{REVIEW.page_url}#att-104",
        quote=TRICKY_QUOTE,
        prefix="The review found that ",
        suffix=" pending misconduct hearings.",
        start=412,
        end=412 + len(TRICKY_QUOTE),
        value="",
        as_of=_day(REVIEW),
        attributed_to="",
        source=REVIEW,
    ),
)

CLAIM = CitedClaim(
    slug="officers-suspended-2025",
    url=CLAIM_URL,
    revision=3,
    revision_url=f"{CLAIM_URL}v/3/",
    statement="Nine officers were suspended after the Panorama allegations.",
    topic="Panorama investigation of the Charing Cross custody suite (2025)",
    verdict="agree",
    explanation="The Independent (30 September 2025), BBC News (2 October 2025) and Police "
    "Accountability Review (3 October 2025) agree: 9.",
    rating="Accurate",
    rating_explanation="Both outlets and the review report Sir Mark Rowley’s figure of nine.",
    modified=datetime(2025, 10, 3, 16, 5, tzinfo=UTC),  # revision 3 was made then
    attestations=ATTESTATIONS,
)
