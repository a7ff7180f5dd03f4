from dataclasses import replace

import bibtexparser
import pytest

from claims.exports import bibtex, bibtex_for_source
from claims.exports.bibtex import latex_escape
from tests.claims.exports.seed import ACCESSED, BBC, INDEPENDENT, REVIEW


def parse(text):
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return library


def fields(entry):
    return {name: field.value for name, field in entry.fields_dict.items()}


def test_it_cites_the_claim_itself_as_one_entry(claim):
    library = parse(bibtex(claim, accessed=ACCESSED))

    (entry,) = library.entries
    assert entry.key == "officers-suspended-2025-r3"
    assert entry.entry_type == "techreport"


def test_the_claim_entry_has_the_statement_revision_and_permalink(claim):
    (entry,) = parse(bibtex(claim, accessed=ACCESSED)).entries

    values = fields(entry)
    note = values.pop("note")
    assert values == {
        "title": "{Nine officers were suspended after the Panorama allegations.}",
        "author": "{Corroborate}",  # taken whole: an organisation
        "institution": "Corroborate",
        "type": "Claim",
        "number": "officers-suspended-2025, revision 3",
        "year": "2025",
        "month": "oct",
        "date": "2025-10-03",  # the revision's date
        "url": "https://corroborate.example/claims/officers-suspended-2025/v/3/",
        "urldate": "2026-11-21",
        "language": "en",
    }
    assert note.startswith("Verdict: agree — The Independent (30 September 2025), BBC News")


def test_the_note_gives_each_source_with_its_quote_and_no_internal_id(claim):
    note = fields(parse(bibtex(claim)).entries[0])["note"]

    verdict, quotes = note.split("\n    ", 1)
    assert verdict.startswith("Verdict: agree — ") and verdict.endswith("agree: 9.")
    lines = quotes.split(";\n    ")  # LaTeX prints line breaks as spaces: ";" keeps them apart
    assert len(lines) == len(claim.attestations)
    assert lines[0] == (
        "The Independent, “Met officers who showed ‘support for Tommy Robinson and sent "
        "anti-Muslim messages’ are ‘likely to be sacked’”, 30 September 2025, "
        f"{INDEPENDENT.url}: “nine officers and one staff member had been suspended” "
        "(9 as of 30 September 2025, attributed to Sir Mark Rowley)"
    )
    assert lines[2].startswith(f"BBC News, “{BBC.title}”, 2 October 2025, {BBC.url}: “Nine")
    assert "id 42" not in note and "(id " not in note


def test_the_url_is_the_revision_permalink_not_a_source_page(claim):
    values = fields(parse(bibtex(claim)).entries[0])

    assert values["url"] == claim.revision_url
    assert "/sources/" not in values["url"]


@pytest.mark.parametrize(
    ("kind", "entry_type"),
    [
        ("article", "article"),
        ("live_page", "article"),
        ("official_report", "techreport"),
        ("press_release", "misc"),
    ],
)
def test_every_kind_parses(kind, entry_type):
    (entry,) = parse(bibtex_for_source(replace(REVIEW, kind=kind), notes=["a & b"])).entries

    assert entry.entry_type == entry_type
    assert REVIEW.outlet in fields(entry).values()


def test_a_source_alone_has_the_expected_fields():
    (entry,) = parse(bibtex_for_source(BBC, accessed=ACCESSED)).entries

    assert entry.key == BBC.key
    assert fields(entry) == {
        "title": "{Met chief Sir Mark Rowley responds to Panorama investigation (live coverage)}",
        "author": "Ahmed, Nabiha and Fatima, Zahra",
        "journal": "BBC News",
        "year": "2025",
        "month": "oct",
        "date": "2025-10-02",
        "url": BBC.url,
        "urldate": "2026-11-21",
    }


def test_a_report_names_its_institution_and_type():
    values = fields(parse(bibtex_for_source(REVIEW)).entries[0])

    assert values["institution"] == "Police Accountability Review"
    assert values["type"] == "Report"
    assert values["author"] == "{Police Accountability Review}"  # taken whole, not split
    assert values["url"] == REVIEW.page_url
    assert "urldate" not in values


def test_it_escapes_latex_specials_and_keeps_unicode(claim):
    values = fields(parse(bibtex_for_source(REVIEW)).entries[0])

    assert values["title"] == (
        r"{Charing Cross custody: 100\% of officers \& staff reviewed (case\_ref \#2025/1)}"
    )
    note = fields(parse(bibtex(claim)).entries[0])["note"]
    assert note.endswith(
        r"““nine officers” – 100\% of those named by Panorama \& the IOPC – were suspended” "
        "(as of 3 October 2025)."
    )


def test_latex_escape_covers_every_special():
    assert latex_escape(r"a & b % c $ d # e _ f { g } h ~ i ^ j \ k") == (
        r"a \& b \% c \$ d \# e \_ f \{ g \} h \textasciitilde{} i \textasciicircum{} j "
        r"\textbackslash{} k"
    )


def test_the_key_is_safe_and_names_the_revision(claim):
    entry = parse(bibtex(replace(claim, slug="a claim/slug", revision=12))).entries[0]

    assert entry.key == "a-claim-slug-r12"
