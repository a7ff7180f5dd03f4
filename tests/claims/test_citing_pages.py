"""Citing from the pages: downloads parsed by real clients, embedded metadata, annotations."""

from __future__ import annotations

import json
import re
from io import StringIO

import bibtexparser
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from django.core.management import call_command
from django.urls import reverse
from pyld import jsonld

from claims.models import Claim
from tests.claims.exports.jsontest import run_test_file
from tests.claims.exports.test_csl import validate as validate_csl

pytestmark = pytest.mark.django_db

SUSPENDED = "officers-suspended-2025"


@pytest.fixture
def seeds():
    call_command("load_seeds", stdout=StringIO())


def get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_a_claims_bibtex_parses_and_notes_the_claim_quote_and_date(client, seeds):
    response = get(client, f"/claims/{SUSPENDED}/cite.bib")
    assert "attachment" in response["Content-Disposition"]
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    assert {e.key for e in library.entries} == {"independent-2025-09-30", "bbc-live-2025-10-02"}
    claim = Claim.objects.get(slug=SUSPENDED)
    for entry in library.entries:
        note = entry.fields_dict["note"].value
        assert f"Corroborate claim {SUSPENDED} (id {claim.pk}" in note
        assert "as of 2025-" in note
    independent = library.entries_dict["independent-2025-09-30"]
    assert "had been suspended" in independent.fields_dict["note"].value


def test_a_claims_ris_parses_with_one_note_per_quote(client, seeds):
    records = rispy.loads(get(client, f"/claims/{SUSPENDED}/cite.ris").content.decode())
    assert [r["title"][:12] for r in records] == ["Met officers", "Met chief Si"]
    independent = records[0]
    assert independent["type_of_reference"] == "NEWS"
    assert len(independent["notes"]) == 2  # the Independent states it twice
    assert all("as of 2025-09-30" in note for note in independent["notes"])


def test_a_claims_csl_json_validates_and_renders_with_citeproc(client, seeds):
    items = json.loads(get(client, f"/claims/{SUSPENDED}/cite.json").content)
    validate_csl(items)
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = "\n".join(str(entry) for entry in bibliography.bibliography())
    assert "The Independent" in rendered
    assert "2025" in rendered


@pytest.mark.parametrize("fmt", ["bib", "ris", "json"])
def test_a_source_alone_can_be_cited(client, seeds, fmt):
    body = get(client, f"/sources/guardian-2019-04-30/cite.{fmt}").content.decode()
    assert "Met police officers scrutinised over claims of violence and racism" in body
    if fmt == "bib":
        assert not bibtexparser.parse_string(body).failed_blocks
    elif fmt == "ris":
        assert (
            rispy.loads(body)[0]["authors"] == ["Dodd, Vikram"] or rispy.loads(body)[0]["authors"]
        )
    else:
        validate_csl(json.loads(body))


def test_an_unknown_citation_format_is_a_404(client, seeds):
    assert client.get(f"/claims/{SUSPENDED}/cite.docx").status_code == 404


def test_the_claim_page_offers_a_plain_citation_with_the_revision_permalink(client, seeds):
    body = get(client, f"/claims/{SUSPENDED}/").content.decode()
    citation = re.search(r'<p id="citation-text" class="citation">(.*?)</p>', body, re.S).group(1)
    assert "The Independent" in citation and "BBC News" in citation
    assert re.search(rf"http://testserver/claims/{SUSPENDED}/v/\d+/", citation)
    assert "accessed" in citation
    for fmt in ("bib", "ris", "json"):
        assert f'href="/claims/{SUSPENDED}/cite.{fmt}"' in body


def test_the_claim_page_carries_zotero_meta_tags_and_schema_org_json_ld(client, seeds):
    body = get(client, f"/claims/{SUSPENDED}/").content.decode()
    meta = dict(re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', body))
    assert meta["citation_title"] == "Nine officers were suspended after the Panorama allegations."
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta["citation_publication_date"])
    assert "/v/" in meta["citation_public_url"]
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    data = json.loads(script)
    expanded = jsonld.expand(data, {"documentLoader": _schema_org_context})
    ids = {node["@id"] for node in expanded}
    assert f"http://testserver/claims/{SUSPENDED}/" in ids
    claim = next(node for node in expanded if "https://schema.org/Claim" in node["@type"])
    appearances = claim["https://schema.org/appearance"]
    assert len(appearances) == 2 and all("@id" in a for a in appearances)
    assert "https://schema.org/firstAppearance" in claim


def test_a_rated_claim_adds_a_claim_review(client, seeds):
    claim = Claim.objects.get(slug=SUSPENDED)
    claim.rating, claim.rating_explanation = "Accurate", "Two outlets agree; the Met confirmed it."
    claim.save()
    body = get(client, claim.get_absolute_url()).content.decode()
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    expanded = jsonld.expand(json.loads(script), {"documentLoader": _schema_org_context})
    review = next(n for n in expanded if "https://schema.org/ClaimReview" in n["@type"])
    assert review["@id"] == f"http://testserver{claim.get_absolute_url()}#review"
    assert "Curators' rating: Accurate" in body


def test_json_ld_in_the_page_cannot_close_its_script_element(client, seeds):
    claim = Claim.objects.get(slug=SUSPENDED)
    claim.statement = "Nine </script><script>alert(1)</script> officers"
    claim.save()
    body = get(client, claim.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in body


@pytest.mark.parametrize(
    "url",
    [
        "/sources/bbc-live-2025-10-02/annotations.jsonld",
        "/topics/iopc-westminster-team/annotations.jsonld",
    ],
)
def test_web_annotation_exports_pass_every_must_of_the_w3c_tests(client, seeds, url):
    response = get(client, url)
    assert response["Content-Type"].startswith("application/ld+json")
    collection = json.loads(response.content)
    items = collection["first"]["items"] if "first" in collection else collection["items"]
    assert items
    for annotation in items:
        failures = run_test_file("annotations/annotationMusts.test", annotation)
        assert not failures, failures
        selectors = (
            annotation["target"]
            if isinstance(annotation["target"], list)
            else [annotation["target"]]
        )
        kinds = {
            s["type"]
            for t in selectors
            for s in (t["selector"] if isinstance(t["selector"], list) else [t["selector"]])
        }
        assert {"TextQuoteSelector", "TextPositionSelector"} <= kinds


@pytest.mark.parametrize("n", [3, 50])
def test_annotation_exports_have_a_fixed_query_budget(client, django_assert_max_num_queries, n):
    from claims.rules.values import Quantity
    from tests.factories import attest, make_claim, make_source

    source = make_source(" ".join(f"Line {i} says nine." for i in range(n)))
    for i in range(n):
        attest(make_claim(), source, f"Line {i} says", Quantity(9))
    with django_assert_max_num_queries(4):
        response = client.get(reverse("claims:source_annotations", args=[source.slug]))
    assert response.content.decode().count('"TextQuoteSelector"') >= n


def _schema_org_context(url, options=None):
    """schema.org's context without the network: its vocabulary is all we need to expand."""
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/"}},
    }
