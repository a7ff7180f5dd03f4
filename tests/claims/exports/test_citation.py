from dataclasses import replace

from claims.exports import attestation_note, notes_by_source, plain_citation
from claims.exports.common import split_name
from tests.claims.exports.seed import ACCESSED, BBC, INDEPENDENT, REVIEW


def test_it_cites_the_claim_in_one_paragraph_with_every_source_and_the_revision(claim):
    text = plain_citation(claim, accessed=ACCESSED)

    assert "\n" not in text
    assert text.startswith("“Nine officers were suspended after the Panorama allegations.” ")
    assert "Verdict: agree — The Independent (30 September 2025), BBC News" in text
    assert (
        "Sources: Margaret Davis, “Met officers who showed ‘support for Tommy Robinson and sent "
        "anti-Muslim messages’ are ‘likely to be sacked’”, The Independent, 30 September 2025, "
        f"{INDEPENDENT.url}; "
    ) in text
    assert (
        f"Nabiha Ahmed and Zahra Fatima, “{BBC.title}”, BBC News, 2 October 2025, {BBC.url}; "
    ) in text
    assert text.endswith(
        "Corroborate, claim officers-suspended-2025, revision 3, "
        "https://corroborate.example/claims/officers-suspended-2025/v/3/ "
        "(accessed 21 November 2026)."
    )


def test_it_lists_sources_in_as_of_order_once_each(claim):
    text = plain_citation(claim, accessed=ACCESSED)

    positions = [text.index(source.title) for source in (INDEPENDENT, BBC, REVIEW)]
    assert positions == sorted(positions)
    assert text.count(INDEPENDENT.title) == 1


def test_it_gives_the_reader_page_when_the_original_url_is_unknown(claim):
    text = plain_citation(claim, accessed=ACCESSED)

    # The report's byline is its own outlet: said once, outlet first.
    expected = f"Police Accountability Review, “{REVIEW.title}”, 3 October 2025, {REVIEW.page_url}."
    assert expected in text


def test_it_leaves_out_the_verdict_of_a_claim_no_source_states_yet(claim):
    bare = replace(claim, verdict="", explanation="", attestations=())

    assert plain_citation(bare, accessed=ACCESSED) == (
        "“Nine officers were suspended after the Panorama allegations.” Corroborate, claim "
        "officers-suspended-2025, revision 3, "
        "https://corroborate.example/claims/officers-suspended-2025/v/3/ "
        "(accessed 21 November 2026)."
    )


def test_it_writes_one_note_per_attestation_pinned_to_the_revision(claim):
    notes = dict((source.key, lines) for source, lines in notes_by_source(claim))

    assert list(notes) == [INDEPENDENT.key, BBC.key, REVIEW.key]
    assert notes[INDEPENDENT.key] == (
        "Corroborate claim officers-suspended-2025 (id 42, revision 3): “nine officers and one "
        "staff member had been suspended” — value as of 2025-09-30: 9 (attributed to Sir Mark "
        "Rowley)",
        "Corroborate claim officers-suspended-2025 (id 42, revision 3): “Nine officers at the "
        "centre of the claims have been suspended” — value as of 2025-09-30: 9",
    )
    assert notes[REVIEW.key][0].endswith("— as of 2025-10-03, no separate value")


def test_it_puts_a_quote_that_spans_lines_on_one_line_in_a_note(claim):
    att = replace(claim.attestations[0], quote="Nine officers\n\nhad been suspended")

    assert "“Nine officers had been suspended”" in attestation_note(att, claim)


def test_it_splits_only_plain_two_word_personal_names():
    assert split_name("Vikram Dodd") == ("Vikram", "Dodd")
    assert split_name("Jean-Luc O’Neill") == ("Jean-Luc", "O’Neill")
    for whole in (
        "BBC News",
        "ITV News",
        "Reuters Staff",
        "Sir Mark Rowley",
        "Ludwig van Beethoven",
        "Madonna",
        "J Smith",
        "Police Accountability Review",
    ):
        assert split_name(whole) is None, whole
    assert split_name("The Independent", outlet="The Independent") is None
