"""Citing from the pages: downloads parsed by real clients, embedded metadata, annotations."""

from __future__ import annotations

import html
import json
import re

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
from django.urls import reverse
from pyld import jsonld

from claims.models import Claim
from tests.claims.exports.jsontest import run_test_file
from tests.claims.exports.test_csl import validate as validate_csl

pytestmark = pytest.mark.django_db

SUSPENDED = "officers-suspended-2025"


def get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_a_claims_bibtex_cites_the_claim_at_its_latest_revision(client, seeds):
    response = get(client, f"/claims/{SUSPENDED}/cite.bib")
    assert "attachment" in response["Content-Disposition"]
    assert f'filename="{SUSPENDED}-r2.bib"' in response["Content-Disposition"]
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries  # the claim, not one entry per source
    values = {name: field.value for name, field in entry.fields_dict.items()}
    assert values["title"] == "{Nine officers were suspended after the Panorama allegations.}"
    assert values["number"] == f"{SUSPENDED}, revision 2"
    assert values["url"] == f"http://testserver/claims/{SUSPENDED}/v/2/"
    assert values["date"] == "2025-10-02"  # the revision's date: the BBC's, not the install's
    note = values["note"]
    assert note.startswith("Verdict: agree — Sir Mark Rowley (The Independent")
    assert "“nine officers and one staff member had been suspended”" in note
    assert "BBC News, “Met chief Sir Mark Rowley responds" in note
    claim = Claim.objects.get(slug=SUSPENDED)
    assert f"id {claim.pk}" not in response.content.decode()


def test_a_claims_ris_is_one_report_with_the_verdict_and_a_note_per_quote(client, seeds):
    (record,) = rispy.loads(get(client, f"/claims/{SUSPENDED}/cite.ris").content.decode())
    assert record["type_of_reference"] == "RPRT"
    assert record["title"] == "Nine officers were suspended after the Panorama allegations."
    assert record["urls"] == [f"http://testserver/claims/{SUSPENDED}/v/2/"]
    verdict, *quotes = record["notes"]
    assert verdict.startswith("Verdict: agree")
    assert len(quotes) == 3  # the Independent states it twice, the BBC once
    assert [q.split(",")[0] for q in quotes] == ["The Independent", "The Independent", "BBC News"]


def test_a_claims_csl_json_validates_and_renders_with_citeproc(client, seeds):
    items = json.loads(get(client, f"/claims/{SUSPENDED}/cite.json").content)
    validate_csl(items)
    (item,) = items
    assert item["URL"] == f"http://testserver/claims/{SUSPENDED}/v/2/"
    rendered = _rendered(items)
    assert rendered.startswith("Corroborate (2025) Nine officers were suspended")
    assert f"{SUSPENDED}, revision 2" in rendered


@pytest.mark.parametrize("fmt", ["bib", "ris", "json"])
def test_an_old_revision_can_be_cited_as_it_stood(client, seeds, fmt):
    """Revision 1 is the Independent's report alone, on 30 September 2025: single, no BBC."""
    response = get(client, f"/claims/{SUSPENDED}/v/1/cite.{fmt}")
    assert f'filename="{SUSPENDED}-r1.{fmt}"' in response["Content-Disposition"]
    body = response.content.decode()
    if fmt == "bib":
        (entry,) = bibtexparser.parse_string(body).entries
        url, note = entry.fields_dict["url"].value, entry.fields_dict["note"].value
        assert entry.fields_dict["date"].value == "2025-09-30"
    elif fmt == "ris":
        (record,) = rispy.loads(body)
        url, note = record["urls"][0], "\n".join(record["notes"])
        assert record["date"] == "2025/09/30/"
    else:
        items = json.loads(body)
        validate_csl(items)
        url, note = items[0]["URL"], items[0]["note"]
        assert items[0]["issued"] == {"date-parts": [[2025, 9, 30]]}
        assert f"{SUSPENDED}, revision 1" in _rendered(items)
    assert url == f"http://testserver/claims/{SUSPENDED}/v/1/"
    assert "Verdict: single" in note
    assert "The Independent" in note and "BBC News" not in note


def test_a_revision_citation_follows_a_renamed_claim_and_refuses_what_does_not_exist(client, seeds):
    claim = Claim.objects.get(slug=SUSPENDED)
    claim.slug = "nine-officers-suspended"
    claim.save()
    response = client.get(f"/claims/{SUSPENDED}/v/1/cite.bib")
    assert response.status_code == 301
    assert response["Location"] == "/claims/nine-officers-suspended/v/1/cite.bib"
    assert client.get(f"/claims/{SUSPENDED}/cite.ris")["Location"].endswith("/cite.ris")
    assert client.get("/claims/nine-officers-suspended/v/99/cite.bib").status_code == 404
    assert client.get("/claims/nine-officers-suspended/v/1/cite.docx").status_code == 404


def _rendered(items) -> str:
    # citeproc-py ships one style; harvard1 is no longer bundled.
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return "\n".join(str(entry) for entry in bibliography.bibliography())


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


def citation_text(body: str) -> str:
    """The citation as read: without the <bdi> that sets apart each name and quote."""
    markup = re.search(r'<p id="citation-text" class="citation">(.*?)</p>', body, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_the_claim_page_offers_a_plain_citation_with_quotes_and_the_revision_permalink(
    client, seeds
):
    body = get(client, f"/claims/{SUSPENDED}/").content.decode()
    citation = citation_text(body)
    assert "The Independent" in citation and "BBC News" in citation
    assert "stating “nine officers and one staff member had been suspended”" in citation
    assert f"http://testserver/claims/{SUSPENDED}/v/2/" in citation
    assert "accessed" in citation
    assert "Download this citation" in body
    for fmt in ("bib", "ris", "json"):
        assert f'href="/claims/{SUSPENDED}/cite.{fmt}"' in body


def test_every_revision_page_has_its_own_cite_block(client, seeds):
    body = get(client, f"/claims/{SUSPENDED}/v/1/").content.decode()
    citation = citation_text(body)
    assert citation.startswith("“Nine officers were suspended after the Panorama allegations.”")
    assert "Verdict: single" in citation
    assert (
        "stating “nine officers and one staff member had been suspended” and “Nine officers at "
        "the centre of the claims have been suspended”"
    ) in citation
    assert "BBC News" not in citation  # the BBC came a revision later
    assert f"revision 1, http://testserver/claims/{SUSPENDED}/v/1/" in citation
    for fmt in ("bib", "ris", "json"):
        assert f'href="/claims/{SUSPENDED}/v/1/cite.{fmt}"' in body
    meta = dict(re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', body))
    assert meta["citation_public_url"] == f"http://testserver/claims/{SUSPENDED}/v/1/"
    assert meta["citation_publication_date"] == "2025/09/30"


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
    collection = json.loads(response.getvalue())
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
    with django_assert_max_num_queries(4):  # the rows are read as the response is written
        body = client.get(reverse("claims:source_annotations", args=[source.slug])).getvalue()
    assert body.decode().count('"TextQuoteSelector"') >= n


def _schema_org_context(url, options=None):
    """schema.org's context without the network: its vocabulary is all we need to expand."""
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/"}},
    }
