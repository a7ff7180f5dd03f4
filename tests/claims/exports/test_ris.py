from dataclasses import replace

import pytest
import rispy

from claims.exports import ris, ris_for_source
from tests.claims.exports.seed import ACCESSED, BBC, INDEPENDENT, REVIEW


def test_it_cites_the_claim_itself_as_one_report(claim):
    (record,) = rispy.loads(ris(claim, accessed=ACCESSED))

    assert record["type_of_reference"] == "RPRT"
    assert record["id"] == "officers-suspended-2025-r3"
    assert record["title"] == claim.statement
    assert record["authors"] == ["Corroborate"]
    assert record["publisher"] == "Corroborate"
    assert record["type_of_work"] == "Claim"
    # SN: Zotero's report number, which names the revision
    assert record["issn"] == "officers-suspended-2025, revision 3"
    assert record["date"] == "2025/10/03/"  # the revision's date
    assert record["urls"] == ["https://corroborate.example/claims/officers-suspended-2025/v/3/"]
    assert record["access_date"] == "2026/11/21/"


@pytest.mark.parametrize(
    ("kind", "tag"),
    [
        ("article", "NEWS"),
        ("live_page", "NEWS"),
        ("official_report", "RPRT"),
        ("press_release", "GEN"),
    ],
)
def test_every_kind_parses(kind, tag):
    (record,) = rispy.loads(ris_for_source(replace(REVIEW, kind=kind)))

    assert record["type_of_reference"] == tag


def test_a_source_alone_carries_what_reference_managers_need():
    (record,) = rispy.loads(ris_for_source(BBC, accessed=ACCESSED))

    assert record["id"] == BBC.key
    assert record["title"] == BBC.title
    assert record["authors"] == ["Ahmed, Nabiha", "Fatima, Zahra"]
    assert record["secondary_title"] == "BBC News"
    assert record["year"] == "2025"
    assert record["date"] == "2025/10/02/"
    assert record["urls"] == [BBC.url]
    assert record["access_date"] == "2026/11/21/"
    assert record["language"] == "en"


def test_the_verdict_and_each_quote_with_its_source_are_notes(claim):
    (record,) = rispy.loads(ris(claim))

    verdict, *quotes = record["notes"]
    assert verdict.startswith("Verdict: agree — The Independent (30 September 2025)")
    assert len(quotes) == len(claim.attestations)
    assert quotes[0].startswith(f"The Independent, “{INDEPENDENT.title}”, 30 September 2025, ")
    assert "“nine officers and one staff member had been suspended”" in quotes[0]
    assert "(9 as of 30 September 2025, attributed to Sir Mark Rowley)" in quotes[0]
    assert "100% of those named by Panorama & the IOPC" in quotes[3]
    assert not any("(id " in note for note in record["notes"])


def test_type_comes_first_and_end_of_record_last_with_crlf_lines(claim):
    text = ris(claim) + ris_for_source(BBC)
    assert text.endswith("ER  - \r\n\r\n")
    records = text.split("\r\n\r\n")[:-1]

    assert len(records) == 2
    for record in records:
        lines = record.split("\r\n")
        assert lines[0].startswith("TY  - ")
        assert lines[-1] == "ER  - "
    assert "\n" not in text.replace("\r\n", "")


def test_a_value_never_breaks_a_line():
    source = replace(INDEPENDENT, title="A title\nthat wrapped")

    (record,) = rispy.loads(ris_for_source(source, notes=["one\ntwo"]))

    assert record["title"] == "A title that wrapped"
    assert record["notes"] == ["one two"]


def test_an_organisation_author_is_written_whole_and_a_press_release_says_so():
    release = replace(REVIEW, kind="press_release")

    (record,) = rispy.loads(ris_for_source(release))

    assert record["authors"] == ["Police Accountability Review"]
    assert record["type_of_work"] == "Press release"
    assert record["urls"] == [REVIEW.page_url]
