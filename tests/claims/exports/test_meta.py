import re
from dataclasses import replace

from claims.exports import citation_meta, source_citation_meta
from tests.claims.exports.seed import BBC, INDEPENDENT, REVIEW

ZOTERO_DATE = re.compile(r"^\d{4}/\d{2}/\d{2}$")


def values(pairs, name):
    return [value for key, value in pairs if key == name]


def test_a_claim_page_cites_the_claim_revision_as_a_record(claim):
    pairs = citation_meta(claim)

    assert values(pairs, "citation_title") == [claim.statement]
    assert values(pairs, "citation_author") == ["Corroborate"]
    assert values(pairs, "citation_publisher") == ["Corroborate"]
    assert values(pairs, "citation_publication_date") == ["2025/10/03"]
    assert values(pairs, "citation_public_url") == [claim.revision_url]
    # Zotero saves a Report numbered with the revision, so styles print it.
    assert values(pairs, "citation_technical_report_institution") == ["Corroborate"]
    assert values(pairs, "citation_technical_report_number") == [
        "officers-suspended-2025, revision 3"
    ]
    assert values(pairs, "citation_language") == ["en"]
    assert values(pairs, "citation_abstract")[0].startswith("Verdict: agree — The Independent")


def test_a_source_page_gives_what_a_zotero_connector_reads():
    pairs = source_citation_meta(BBC)

    assert values(pairs, "citation_title") == [BBC.title]
    assert values(pairs, "citation_author") == ["Nabiha Ahmed", "Zahra Fatima"]
    assert values(pairs, "citation_publication_date") == ["2025/10/02"]
    assert values(pairs, "citation_journal_title") == ["BBC News"]
    assert values(pairs, "citation_publisher") == ["BBC News"]
    assert values(pairs, "citation_public_url") == [BBC.url]
    assert values(pairs, "citation_language") == ["en"]


def test_every_date_is_in_the_highwire_format(claim):
    for pairs in (citation_meta(claim), *map(source_citation_meta, (INDEPENDENT, BBC, REVIEW))):
        for key, value in pairs:
            if key.endswith("_date"):
                assert ZOTERO_DATE.match(value), (key, value)


def test_a_report_names_its_institution_and_a_source_without_url_our_page():
    pairs = source_citation_meta(REVIEW)

    assert values(pairs, "citation_technical_report_institution") == [REVIEW.outlet]
    assert values(pairs, "citation_journal_title") == []
    assert values(pairs, "citation_public_url") == [REVIEW.page_url]


def test_an_unassessed_claim_has_no_abstract(claim):
    pairs = citation_meta(replace(claim, verdict="", explanation="", topic=""))

    assert values(pairs, "citation_abstract") == []
    assert values(pairs, "citation_keywords") == []
