"""schema.org JSON-LD, expanded with pyld against a local context (no network)."""

from dataclasses import replace

from pyld import jsonld

from claims.exports import claim_jsonld
from tests.claims.exports.seed import BBC, INDEPENDENT, REVIEW, SITE

SCHEMA = "https://schema.org/"


def load_document(url, options=None):
    if url.rstrip("/") != "https://schema.org":
        raise AssertionError(f"tried to fetch {url}")
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def expand(document):
    return jsonld.expand(document, {"documentLoader": load_document})


def by_id(expanded):
    return {node["@id"]: node for node in expanded}


def test_a_rated_claim_is_a_claim_and_a_claim_review(claim):
    document = claim_jsonld(claim, site_url=SITE)

    assert document["@context"] == "https://schema.org"
    claim_node, review = document["@graph"]
    assert claim_node["@type"] == "Claim"
    assert review["@type"] == "ClaimReview"
    assert review["@id"] == f"{claim.url}#review"
    assert review["itemReviewed"] == {"@id": claim.url}
    assert review["claimReviewed"] == claim.statement
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Accurate",
        "ratingExplanation": claim.rating_explanation,
    }
    assert review["author"] == {"@type": "Organization", "name": "Corroborate", "url": SITE}
    assert review["datePublished"] == "2025-10-03T16:05:00+00:00"
    assert review["url"] == claim.url


def test_an_unrated_claim_is_a_single_claim_node(unrated_claim):
    document = claim_jsonld(unrated_claim, site_url=SITE)

    assert "@graph" not in document
    assert document["@type"] == "Claim"
    assert document["@id"] == unrated_claim.url


def test_appearances_are_the_sources_with_the_earliest_first(claim):
    claim_node = claim_jsonld(claim, site_url=SITE)["@graph"][0]

    assert claim_node["name"] == claim_node["text"] == claim.statement
    independent, bbc, report = claim_node["appearance"]
    assert [work["@type"] for work in (independent, bbc, report)] == [
        "NewsArticle",
        "NewsArticle",
        "Report",
    ]
    assert independent["@id"] == independent["url"] == INDEPENDENT.url
    assert report["@id"] == REVIEW.page_url  # no original: our page
    assert bbc["headline"] == BBC.title
    assert bbc["datePublished"] == "2025-10-02T08:48:00+01:00"
    assert bbc["author"] == [
        {"@type": "Person", "name": "Nabiha Ahmed"},
        {"@type": "Person", "name": "Zahra Fatima"},
    ]
    assert bbc["publisher"] == {"@type": "Organization", "name": "BBC News"}
    assert report["author"] == [{"@type": "Organization", "name": "Police Accountability Review"}]
    assert claim_node["firstAppearance"] == {"@id": INDEPENDENT.url}


def test_the_first_appearance_is_by_publication_not_by_as_of_date(claim):
    # The BBC quote now speaks as of a date before the Independent was published.
    early = replace(claim.attestations[0], as_of=INDEPENDENT.published.replace(day=1))
    claim = replace(claim, attestations=(early, *claim.attestations[1:]))

    claim_node = claim_jsonld(claim, site_url=SITE)["@graph"][0]

    assert claim_node["appearance"][0]["@id"] == BBC.url
    assert claim_node["firstAppearance"] == {"@id": INDEPENDENT.url}


def test_every_id_survives_expansion(claim):
    expanded = by_id(expand(claim_jsonld(claim, site_url=SITE)))

    assert set(expanded) == {claim.url, f"{claim.url}#review"}
    claim_node = expanded[claim.url]
    review = expanded[f"{claim.url}#review"]
    assert claim_node["@type"] == [f"{SCHEMA}Claim"]
    assert review["@type"] == [f"{SCHEMA}ClaimReview"]
    appearances = claim_node[f"{SCHEMA}appearance"]
    assert [work["@id"] for work in appearances] == [INDEPENDENT.url, BBC.url, REVIEW.page_url]
    assert [work["@type"] for work in appearances] == [
        [f"{SCHEMA}NewsArticle"],
        [f"{SCHEMA}NewsArticle"],
        [f"{SCHEMA}Report"],
    ]
    assert claim_node[f"{SCHEMA}firstAppearance"] == [{"@id": INDEPENDENT.url}]
    assert review[f"{SCHEMA}itemReviewed"] == [{"@id": claim.url}]
    rating = review[f"{SCHEMA}reviewRating"][0]
    assert rating["@type"] == [f"{SCHEMA}Rating"]
    assert rating[f"{SCHEMA}alternateName"] == [{"@value": "Accurate"}]


def test_an_unrated_claim_expands_with_its_id(unrated_claim):
    (node,) = expand(claim_jsonld(unrated_claim, site_url=SITE))

    assert node["@id"] == unrated_claim.url
    assert node["@type"] == [f"{SCHEMA}Claim"]


def test_relative_urls_are_made_absolute_with_the_site_url(claim):
    relative = replace(claim, url="/claims/officers-suspended-2025/")

    document = claim_jsonld(relative, site_url=SITE)

    assert document["@graph"][0]["@id"] == f"{SITE}/claims/officers-suspended-2025/"
    assert document["@graph"][1]["itemReviewed"] == {"@id": document["@graph"][0]["@id"]}
