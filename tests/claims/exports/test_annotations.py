"""Web Annotations against the W3C model tests, and as JSON-LD.

Expansion: pyld must not fetch http://www.w3.org/ns/anno.jsonld, and no copy of it is on disk,
so the document loader serves ANNO_CONTEXT below: the W3C context's definitions of exactly the
terms these exports use, copied term by term. The tests check every key we write is one of them,
so that expansion drops nothing.
"""

from dataclasses import replace

import pytest
from pyld import jsonld

from claims.exports import annotation, annotation_collection
from tests.claims.exports.jsontest import is_valid, run_assertions, run_test_file
from tests.claims.exports.seed import CLAIM, INDEPENDENT, REVIEW

MUSTS = "annotations/annotationMusts.test"
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"

ANNO_CONTEXT = {
    "@context": {
        "oa": OA,
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "as": AS,
        "id": {"@id": "@id", "@type": "@id"},
        "type": {"@id": "@type", "@type": "@id"},
        "Annotation": "oa:Annotation",
        "SpecificResource": "oa:SpecificResource",
        "TextualBody": "oa:TextualBody",
        "TextQuoteSelector": "oa:TextQuoteSelector",
        "TextPositionSelector": "oa:TextPositionSelector",
        "AnnotationCollection": "as:OrderedCollection",
        "AnnotationPage": "as:OrderedCollectionPage",
        "Organization": "foaf:Organization",
        "identifying": "oa:identifying",
        "describing": "oa:describing",
        "linking": "oa:linking",
        "body": {"@type": "@id", "@id": "oa:hasBody"},
        "target": {"@type": "@id", "@id": "oa:hasTarget"},
        "source": {"@type": "@id", "@id": "oa:hasSource"},
        "selector": {"@type": "@id", "@id": "oa:hasSelector"},
        "purpose": {"@type": "@vocab", "@id": "oa:hasPurpose"},
        "motivation": {"@type": "@vocab", "@id": "oa:motivatedBy"},
        "value": {"@id": "rdf:value"},
        "format": {"@id": "dc:format"},
        "language": {"@id": "dc:language"},
        "exact": "oa:exact",
        "prefix": "oa:prefix",
        "suffix": "oa:suffix",
        "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
        "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
        "created": {"@id": "dcterms:created", "@type": "xsd:dateTime"},
        "creator": {"@type": "@id", "@id": "dcterms:creator"},
        "name": "foaf:name",
        "label": "rdfs:label",
        "total": {"@id": "as:totalItems", "@type": "xsd:nonNegativeInteger"},
        "first": {"@type": "@id", "@id": "as:first"},
        "partOf": {"@type": "@id", "@id": "as:partOf"},
        "startIndex": {"@id": "as:startIndex", "@type": "xsd:nonNegativeInteger"},
        "items": {"@type": "@id", "@id": "as:items", "@container": "@list"},
    }
}


def load_document(url, options=None):
    if url.rstrip("/") != "http://www.w3.org/ns/anno.jsonld":
        raise AssertionError(f"tried to fetch {url}")
    return {"contextUrl": None, "documentUrl": url, "document": ANNO_CONTEXT}


def expand(document):
    return jsonld.expand(document, {"documentLoader": load_document})


def keys(node):
    """Every key of a JSON document, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from keys(item)


def all_annotations():
    return [annotation(att, CLAIM) for att in CLAIM.attestations]


@pytest.mark.parametrize("att", CLAIM.attestations, ids=lambda att: f"attestation-{att.id}")
def test_every_annotation_passes_every_must_of_the_w3c_model(att):
    assert run_test_file(MUSTS, annotation(att, CLAIM)) == []


def test_every_annotation_in_a_collection_passes_every_must():
    collection = annotation_collection(
        [(att, CLAIM) for att in CLAIM.attestations],
        id="https://corroborate.example/topics/panorama-charing-cross-custody/annotations.jsonld",
        label="Panorama investigation of the Charing Cross custody suite (2025)",
    )

    items = collection["first"]["items"]
    assert len(items) == collection["total"] == 4
    for item in items:
        assert run_test_file(MUSTS, item) == []


@pytest.mark.parametrize(
    ("change", "failing"),
    [
        ({"id": "attestation 101"}, "3.1-annotationIdValidated"),
        ({"@context": "https://schema.org"}, "3.1-annotationContextValidated"),
        ({"bodyValue": "9"}, "3.2.5-notBodyBodyValue"),
        ({"created": "2025-10-03"}, "3.3.1-annotationCreatedValidated"),
        ({"target": [{"source": "x", "selector": {"type": "Quote"}}]}, "4.2-selectorValid"),
    ],
)
def test_the_model_tests_catch_a_broken_annotation(change, failing):
    # The validation bites: formats are checked and refs resolve.
    broken = {**all_annotations()[0], **change}

    failures = run_test_file(MUSTS, broken)

    assert any(failing in failure for failure in failures), failures


def test_an_annotation_targets_the_quote_on_the_original_and_on_our_reader_page(claim):
    att = next(att for att in claim.attestations if att.id == 101)

    original, reader = annotation(att, claim)["target"]

    quote = {
        "type": "TextQuoteSelector",
        "exact": "nine officers and one staff member had been suspended",
        "prefix": "ese allegations being received, ",
        "suffix": ", with two more officers removed",
    }
    assert original == {"type": "SpecificResource", "source": INDEPENDENT.url, "selector": quote}
    # Our offsets count into our text: only the reader page gets the position selector.
    assert reader == {
        "type": "SpecificResource",
        "source": INDEPENDENT.page_url,
        "selector": [quote, {"type": "TextPositionSelector", "start": 1960, "end": 2013}],
    }


def test_a_source_without_url_is_targeted_on_our_reader_page_only(claim):
    att = next(att for att in claim.attestations if att.source is REVIEW)

    (target,) = annotation(att, claim)["target"]

    assert target["source"] == REVIEW.page_url


def test_the_body_identifies_the_claim_and_states_the_value_and_verdict(claim):
    att = next(att for att in claim.attestations if att.id == 101)

    data = annotation(att, claim)

    assert data["id"] == f"{claim.url}#attestation-101"
    assert data["motivation"] == "identifying"
    assert data["created"] == "2025-10-03T16:05:00+00:00"
    link, text, revision = data["body"]
    assert link == {"type": "SpecificResource", "source": claim.url, "purpose": "identifying"}
    assert text["type"] == "TextualBody"
    assert text["purpose"] == "describing"
    assert text["value"] == (
        "States 9 as of 30 September 2025, attributed to Sir Mark Rowley. Claim: “Nine officers "
        "were suspended after the Panorama allegations.” (revision 3; verdict across sources: "
        "agree)."
    )
    assert revision["source"] == claim.revision_url


def test_an_attestation_without_a_value_or_context_says_so(claim):
    att = replace(claim.attestations[3], prefix="", suffix="")

    data = annotation(att, claim)

    assert data["body"][1]["value"].startswith("States the claim as of 3 October 2025.")
    assert data["target"][0]["selector"][0] == {"type": "TextQuoteSelector", "exact": att.quote}
    assert run_test_file(MUSTS, data) == []


def test_the_collection_follows_the_model_for_collections_and_pages():
    collection = annotation_collection(
        [(att, CLAIM) for att in CLAIM.attestations if att.source is INDEPENDENT],
        id=f"{INDEPENDENT.page_url}annotations.jsonld",
        label=INDEPENDENT.title,
    )
    page = collection["first"]

    def holds(definition, instance):
        return is_valid({"$ref": f"collections.json#/definitions/{definition}"}, instance)

    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    for definition in (
        "annotationCollectionTypeValueFound",
        "labelFound",
        "totalFound",
        "firstValidIfPresent",
        "firstRequiredIfTotalMoreThanZero",
    ):
        assert holds(definition, collection), definition
    for definition in ("annotationPageTypeValueFound", "partOfFound", "startIndexFound"):
        assert holds(definition, page), definition
    assert [item["id"] for item in page["items"]] == [
        f"{CLAIM.url}#attestation-101",
        f"{CLAIM.url}#attestation-102",
    ]


def test_an_empty_collection_has_no_page():
    collection = annotation_collection([], id="https://corroborate.example/x", label="None")

    assert collection["total"] == 0
    assert "first" not in collection


def test_annotations_expand_as_json_ld_without_losing_terms_or_ids():
    collection = annotation_collection(
        [(att, CLAIM) for att in CLAIM.attestations],
        id="https://corroborate.example/topics/panorama/annotations.jsonld",
        label="Panorama",
    )
    defined = set(ANNO_CONTEXT["@context"]) | {"@context"}
    assert set(keys(collection)) <= defined

    (expanded,) = expand(collection)

    assert expanded["@type"] == [f"{AS}OrderedCollection"]
    (page,) = expanded[f"{AS}first"]
    items = page[f"{AS}items"][0]["@list"]
    assert [item["@id"] for item in items] == [
        f"{CLAIM.url}#attestation-{att.id}" for att in CLAIM.attestations
    ]
    first = next(item for item in items if item["@id"].endswith("-101"))
    assert first["@type"] == [f"{OA}Annotation"]
    assert first[f"{OA}motivatedBy"] == [{"@id": f"{OA}identifying"}]
    sources = [
        body[f"{OA}hasSource"][0]["@id"]
        for body in first[f"{OA}hasBody"]
        if f"{OA}hasSource" in body
    ]
    assert sources == [CLAIM.url, CLAIM.revision_url]
    targets = [target[f"{OA}hasSource"][0]["@id"] for target in first[f"{OA}hasTarget"]]
    assert targets == [INDEPENDENT.url, INDEPENDENT.page_url]


def test_the_runner_follows_the_jsontest_rules():
    """Condition objects, expected-invalid assertions and skips, as the WPT README defines."""
    has_target = {"type": "object", "required": ["target"], "errorMessage": "no target"}
    has_foo = {"type": "object", "required": ["foo"], "errorMessage": "no foo"}
    either = {"compareWith": "or", "assertions": [has_target, has_foo], "errorMessage": "neither"}
    both = {"assertions": [has_target, has_foo], "errorMessage": "not both"}
    no_foo = {**has_foo, "expectedResult": "invalid", "errorMessage": "foo present"}
    gate = {**has_foo, "onUnexpectedResult": "failAndSkip", "errorMessage": "gate"}
    data = all_annotations()[0]

    assert run_assertions([either, no_foo], data) == []
    assert [f.strip() for f in run_assertions([both], data)] == ["not both"]
    # A failed gate skips the rest of its list, not what follows the list.
    messages = run_assertions([[gate, both], {**has_foo, "errorMessage": "after"}], data)
    assert [f.strip() for f in messages] == ["gate", "after"]
    assert run_assertions(["annotations/3.1-targetKeyFound.json"], data) == []
