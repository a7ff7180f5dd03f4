import json
from dataclasses import replace

import jsonschema
import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from claims.exports import csl_item, csl_items
from tests.claims.exports.seed import (
    ACCESSED,
    BBC,
    CONFORMANCE,
    INDEPENDENT,
    REVIEW,
    TRICKY_QUOTE,
)

# The schema describes a CSL-JSON file: an array of items.
SCHEMA = json.loads((CONFORMANCE / "csl" / "csl-data.json").read_text(encoding="utf-8"))


def validate(items):
    validator = jsonschema.validators.validator_for(SCHEMA)
    validator.check_schema(SCHEMA)
    validator(SCHEMA, format_checker=validator.FORMAT_CHECKER).validate(items)


def test_it_validates_against_the_csl_data_schema(claim):
    items = csl_items(claim, accessed=ACCESSED)

    validate(items)
    for item in items:
        validate([item])


@pytest.mark.parametrize("kind", ["article", "live_page", "press_release", "official_report"])
def test_every_kind_validates(kind):
    validate([csl_item(replace(REVIEW, kind=kind), notes=["a note"])])


def test_it_rejects_what_the_schema_forbids():
    # The validation bites: an unknown type fails.
    with pytest.raises(jsonschema.ValidationError):
        validate([{**csl_item(INDEPENDENT), "type": "newspaper"}])


def test_it_cites_the_claim_itself_as_one_report_at_its_revision(claim):
    (item,) = csl_items(claim, accessed=ACCESSED)

    note = item.pop("note")
    assert item == {
        "id": "officers-suspended-2025-r3",
        "type": "report",
        "title": claim.statement,
        "author": [{"literal": "Corroborate"}],
        "publisher": "Corroborate",
        "genre": "Claim",
        "number": "officers-suspended-2025, revision 3",
        "issued": {"date-parts": [[2025, 10, 3]]},  # the revision's date
        "URL": "https://corroborate.example/claims/officers-suspended-2025/v/3/",
        "accessed": {"date-parts": [[2026, 11, 21]]},
        "language": "en",
    }
    assert note.startswith("Verdict: agree — ")
    assert "accessed" not in csl_items(claim)[0]


def test_it_maps_kinds_to_csl_types():
    assert csl_item(INDEPENDENT)["type"] == "article-newspaper"
    assert csl_item(BBC)["type"] == "article-newspaper"
    assert csl_item(REVIEW)["type"] == "report"
    release = csl_item(replace(REVIEW, kind="press_release"))
    assert (release["type"], release["genre"]) == ("report", "Press release")


def test_a_source_alone_has_the_fields_a_citation_needs():
    bbc = csl_item(BBC, accessed=ACCESSED)

    assert bbc["id"] == BBC.key
    assert bbc["title"] == BBC.title
    assert bbc["container-title"] == bbc["publisher"] == "BBC News"
    assert bbc["author"] == [
        {"family": "Ahmed", "given": "Nabiha"},
        {"family": "Fatima", "given": "Zahra"},
    ]
    # The live page's time is dropped: CSL dates are days.
    assert bbc["issued"] == {"date-parts": [[2025, 10, 2]]}
    assert bbc["accessed"] == {"date-parts": [[2026, 11, 21]]}
    assert bbc["URL"] == BBC.url
    assert bbc["language"] == "en"


def test_it_keeps_organisations_as_literal_names():
    item = csl_item(replace(BBC, authors=("BBC News", "Vikram Dodd")))

    assert item["author"] == [{"literal": "BBC News"}, {"family": "Dodd", "given": "Vikram"}]


def test_a_source_alone_falls_back_to_the_reader_page_without_an_original_url():
    assert csl_item(REVIEW)["URL"] == REVIEW.page_url


def test_the_note_gives_the_verdict_then_each_source_with_its_quote(claim):
    lines = csl_items(claim)[0]["note"].split("\n")

    assert len(lines) == 1 + len(claim.attestations)
    assert lines[0].startswith("Verdict: agree — The Independent (30 September 2025)")
    assert lines[1].startswith("The Independent, “Met officers who showed")
    assert "“nine officers and one staff member had been suspended”" in lines[1]
    assert "(9 as of 30 September 2025, attributed to Sir Mark Rowley)" in lines[1]
    assert lines[4].endswith(f"{REVIEW.page_url}: “{TRICKY_QUOTE}” (as of 3 October 2025)")
    assert all("(id " not in line for line in lines)


def test_citeproc_renders_the_claim_with_its_revision_and_permalink(claim):
    items = csl_items(claim, accessed=ACCESSED)
    # citeproc-py ships one style; harvard1 is no longer bundled.
    style = CitationStylesStyle("harvard-cite-them-right")
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))

    (entry,) = [str(entry) for entry in bibliography.bibliography()]

    assert entry.startswith("Corroborate (2025) Nine officers were suspended after the Panorama")
    assert "officers-suspended-2025, revision 3" in entry
    assert claim.revision_url in entry


def test_citeproc_renders_a_source_alone_with_outlet_title_and_year():
    items = [csl_item(source, accessed=ACCESSED) for source in (INDEPENDENT, BBC, REVIEW)]
    style = CitationStylesStyle("harvard-cite-them-right")
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))

    entries = [str(entry) for entry in bibliography.bibliography()]

    assert len(entries) == 3
    for source in (INDEPENDENT, BBC, REVIEW):
        (entry,) = [entry for entry in entries if source.title in entry]
        assert source.outlet in entry
        assert "2025" in entry
    assert any(entry.startswith("Davis, M. (2025)") for entry in entries)
    assert any(entry.startswith("Ahmed, N. and Fatima, Z. (2025)") for entry in entries)
