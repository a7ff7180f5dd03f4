from dataclasses import replace

import pytest
import rispy

from claims.exports import ris, ris_for_source
from tests.claims.exports.seed import ACCESSED, BBC, INDEPENDENT, REVIEW


def test_it_parses_with_one_record_per_source(claim):
    records = rispy.loads(ris(claim, accessed=ACCESSED))

    assert [record["id"] for record in records] == [INDEPENDENT.key, BBC.key, REVIEW.key]
    assert [record["type_of_reference"] for record in records] == ["NEWS", "NEWS", "RPRT"]


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


def test_a_record_carries_what_reference_managers_need(claim):
    record = rispy.loads(ris(claim, accessed=ACCESSED))[1]

    assert record["title"] == BBC.title
    assert record["authors"] == ["Ahmed, Nabiha", "Fatima, Zahra"]
    assert record["secondary_title"] == "BBC News"
    assert record["year"] == "2025"
    assert record["date"] == "2025/10/02/"
    assert record["urls"] == [BBC.url]
    assert record["access_date"] == "2026/11/21/"
    assert record["language"] == "en"


def test_each_attestation_is_one_note_with_claim_quote_and_as_of_date(claim):
    independent, _, report = rispy.loads(ris(claim))

    assert len(independent["notes"]) == 2
    first = independent["notes"][0]
    assert "Corroborate claim officers-suspended-2025 (id 42, revision 3)" in first
    assert "“nine officers and one staff member had been suspended”" in first
    assert "value as of 2025-09-30: 9" in first
    assert "100% of those named by Panorama & the IOPC" in report["notes"][0]


def test_type_comes_first_and_end_of_record_last_with_crlf_lines(claim):
    text = ris(claim)
    assert text.endswith("ER  - \r\n\r\n")
    records = text.split("\r\n\r\n")[:-1]

    assert len(records) == 3
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
