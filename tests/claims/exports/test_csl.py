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
from tests.claims.exports.seed import ACCESSED, BBC, CONFORMANCE, INDEPENDENT, REVIEW

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


def test_it_makes_one_item_per_source_keyed_by_slug(claim):
    items = csl_items(claim)

    assert [item["id"] for item in items] == [INDEPENDENT.key, BBC.key, REVIEW.key]
    assert "accessed" not in items[0]


def test_it_maps_kinds_to_csl_types():
    assert csl_item(INDEPENDENT)["type"] == "article-newspaper"
    assert csl_item(BBC)["type"] == "article-newspaper"
    assert csl_item(REVIEW)["type"] == "report"
    release = csl_item(replace(REVIEW, kind="press_release"))
    assert (release["type"], release["genre"]) == ("report", "Press release")


def test_it_fills_the_fields_a_citation_needs(claim):
    bbc = csl_items(claim, accessed=ACCESSED)[1]

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


def test_it_falls_back_to_the_reader_page_without_an_original_url(claim):
    assert csl_items(claim)[2]["URL"] == REVIEW.page_url


def test_the_note_carries_each_attestation_of_the_claim(claim):
    note = csl_items(claim)[0]["note"]

    lines = note.split("\n")
    assert len(lines) == 2
    assert lines[0].startswith("Corroborate claim officers-suspended-2025 (id 42, revision 3): ")
    assert "“nine officers and one staff member had been suspended”" in lines[0]
    assert "value as of 2025-09-30: 9" in lines[0]


def test_citeproc_renders_a_bibliography_with_outlet_title_and_year(claim):
    items = csl_items(claim, accessed=ACCESSED)
    # citeproc-py ships one style; harvard1 is no longer bundled.
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
