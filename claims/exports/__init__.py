"""Citations and machine-readable exports of claims (docs/exports.md): plain text, CSL-JSON,
BibTeX, RIS, W3C Web Annotations, schema.org JSON-LD and Highwire ``citation_*`` meta tags.
Pure functions over the plain records in ``records``; ``claims.exports.citing`` builds those."""

from claims.exports.annotations import annotation, annotation_collection, annotation_id
from claims.exports.bibtex import bibtex, bibtex_for_source
from claims.exports.citation import (
    Part,
    citation_parts,
    plain_citation,
    source_citation_parts,
    text_of,
)
from claims.exports.common import attestation_note, claim_notes, source_link
from claims.exports.csl import csl_item, csl_items
from claims.exports.meta import citation_meta, source_citation_meta
from claims.exports.records import CitedAttestation, CitedClaim, CitedSource
from claims.exports.ris import ris, ris_for_source
from claims.exports.schemaorg import claim_jsonld

__all__ = [
    "CitedAttestation",
    "CitedClaim",
    "CitedSource",
    "Part",
    "annotation",
    "annotation_collection",
    "annotation_id",
    "attestation_note",
    "bibtex",
    "bibtex_for_source",
    "citation_meta",
    "citation_parts",
    "claim_jsonld",
    "claim_notes",
    "csl_item",
    "csl_items",
    "plain_citation",
    "ris",
    "ris_for_source",
    "source_citation_meta",
    "source_citation_parts",
    "source_link",
    "text_of",
]
