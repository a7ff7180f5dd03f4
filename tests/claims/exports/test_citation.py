from dataclasses import replace

from claims.exports import attestation_note, claim_notes, plain_citation
from claims.exports.common import split_name
from tests.claims.exports.seed import ACCESSED, BBC, INDEPENDENT, REVIEW, TRICKY_QUOTE


def test_it_cites_the_claim_in_one_paragraph_with_every_source_and_the_revision(claim):
    text = plain_citation(claim, accessed=ACCESSED)

    assert "\n" not in text
    assert text.startswith("“Nine officers were suspended after the Panorama allegations.” ")
    assert "Verdict: agree — The Independent (30 September 2025), BBC News" in text
    assert (
        "Sources: Margaret Davis, “Met officers who showed ‘support for Tommy Robinson and sent "
        "anti-Muslim messages’ are ‘likely to be sacked’”, The Independent, 30 September 2025, "
        f"{INDEPENDENT.url}, stating “nine officers and one staff member had been suspended” and "
        "“Nine officers at the centre of the claims have been suspended”; "
    ) in text
    assert (
        f"Nabiha Ahmed and Zahra Fatima, “{BBC.title}”, BBC News, 2 October 2025, {BBC.url}, "
        "stating “Nine officers and one staff member had been suspended”; "
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
    expected = (
        f"Police Accountability Review, “{REVIEW.title}”, 3 October 2025, {REVIEW.page_url}, "
        f"stating “{TRICKY_QUOTE}”."
    )
    assert expected in text


def test_it_leaves_out_the_verdict_of_a_claim_no_source_states_yet(claim):
    bare = replace(claim, verdict="", explanation="", attestations=())

    assert plain_citation(bare, accessed=ACCESSED) == (
        "“Nine officers were suspended after the Panorama allegations.” Corroborate, claim "
        "officers-suspended-2025, revision 3, "
        "https://corroborate.example/claims/officers-suspended-2025/v/3/ "
        "(accessed 21 November 2026)."
    )


def test_it_quotes_every_source_once_in_a_single_line(claim):
    quoted = replace(claim.attestations[2], quote="Nine officers\n\nat the centre")
    text = plain_citation(
        replace(claim, attestations=(*claim.attestations[:2], quoted, claim.attestations[3])),
        accessed=ACCESSED,
    )

    assert "\n" not in text
    assert "“Nine officers at the centre”" in text
    assert text.count("stating ") == 3  # one per source, each with all its quotes


def test_the_notes_give_the_verdict_then_each_quote_with_its_source_and_no_internal_id(claim):
    notes = claim_notes(claim)

    assert notes[0] == (
        "Verdict: agree — The Independent (30 September 2025), BBC News (2 October 2025) and "
        "Police Accountability Review (3 October 2025) agree: 9."
    )
    assert notes[1:3] == [
        f"The Independent, “{INDEPENDENT.title}”, 30 September 2025, {INDEPENDENT.url}: "
        "“nine officers and one staff member had been suspended” (9 as of 30 September 2025, "
        "attributed to Sir Mark Rowley)",
        f"The Independent, “{INDEPENDENT.title}”, 30 September 2025, {INDEPENDENT.url}: "
        "“Nine officers at the centre of the claims have been suspended” (9 as of 30 September "
        "2025)",
    ]
    assert notes[4].endswith("(as of 3 October 2025)")
    assert len(notes) == 1 + len(claim.attestations)
    assert not any("(id " in note for note in notes)


def test_a_claim_no_source_states_has_no_notes(claim):
    assert claim_notes(replace(claim, verdict="", explanation="", attestations=())) == []


def test_it_puts_a_quote_that_spans_lines_on_one_line_in_a_note(claim):
    att = replace(claim.attestations[0], quote="Nine officers\n\nhad been suspended")

    assert "“Nine officers had been suspended”" in attestation_note(att)


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
