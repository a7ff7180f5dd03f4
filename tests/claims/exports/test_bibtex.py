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


def test_it_parses_with_one_entry_per_source(claim):
    library = parse(bibtex(claim, accessed=ACCESSED))

    assert [entry.key for entry in library.entries] == [INDEPENDENT.key, BBC.key, REVIEW.key]
    assert [entry.entry_type for entry in library.entries] == ["article", "article", "techreport"]


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


def test_an_article_has_the_expected_fields(claim):
    entry = parse(bibtex(claim, accessed=ACCESSED)).entries[1]

    assert fields(entry) == {
        "title": "{Met chief Sir Mark Rowley responds to Panorama investigation (live coverage)}",
        "author": "Ahmed, Nabiha and Fatima, Zahra",
        "journal": "BBC News",
        "year": "2025",
        "month": "oct",
        "date": "2025-10-02",
        "url": BBC.url,
        "urldate": "2026-11-21",
        "note": "Corroborate claim officers-suspended-2025 (id 42, revision 3): “Nine officers and "
        "one staff member had been suspended” — value as of 2025-10-02: 9",
    }


def test_a_report_names_its_institution_and_type(claim):
    entry = parse(bibtex(claim)).entries[2]

    values = fields(entry)
    assert values["institution"] == "Police Accountability Review"
    assert values["type"] == "Report"
    assert values["author"] == "{Police Accountability Review}"  # taken whole, not split
    assert values["url"] == REVIEW.page_url
    assert "urldate" not in values


def test_the_note_carries_the_claim_id_the_quote_and_the_as_of_date(claim):
    note = fields(parse(bibtex(claim)).entries[0])["note"]

    assert "Corroborate claim officers-suspended-2025 (id 42, revision 3)" in note
    assert "“nine officers and one staff member had been suspended”" in note
    assert "value as of 2025-09-30: 9" in note
    # Two attestations in the Independent: two notes, kept apart in print.
    assert note.count("Corroborate claim") == 2
    assert ";\n" in note


def test_it_escapes_latex_specials_and_keeps_unicode(claim):
    values = fields(parse(bibtex(claim)).entries[2])

    assert values["title"] == (
        r"{Charing Cross custody: 100\% of officers \& staff reviewed (case\_ref \#2025/1)}"
    )
    assert (
        r"““nine officers” – 100\% of those named by Panorama \& the IOPC – were"
        in (values["note"])
    )


def test_latex_escape_covers_every_special():
    assert latex_escape(r"a & b % c $ d # e _ f { g } h ~ i ^ j \ k") == (
        r"a \& b \% c \$ d \# e \_ f \{ g \} h \textasciitilde{} i \textasciicircum{} j "
        r"\textbackslash{} k"
    )


def test_keys_are_unique_and_safe_within_a_file(claim):
    # A key that sanitises to the report's own key.
    twin = replace(REVIEW, key="review 2025/10/03", title="Another report")
    extra = replace(claim.attestations[3], id=105, source=twin)
    claim = replace(claim, attestations=(*claim.attestations, extra))

    keys = [entry.key for entry in parse(bibtex(claim)).entries]

    assert keys == [INDEPENDENT.key, BBC.key, "review-2025-10-03", "review-2025-10-03-2"]
