"""Near-duplicates: syndicated copies of one story found among other sources."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sources.ingest.similarity import (
    ANCHOR_MODULUS,
    FINGERPRINT_CHARACTERS,
    MIN_CONTAINED_SHINGLES,
    NEAR_DUPLICATE,
    anchors,
    best_near_duplicate,
    containment,
    fingerprint,
    resemblance,
    similarity,
)

ROOT = Path(__file__).resolve().parent.parent.parent
ARTICLES = ROOT / "seeds" / "articles"


def article(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def wire():
    """The PA story as The Independent ran it."""
    return article("independent-2025-09-30")


def syndicated_copy(text: str) -> str:
    """Another outlet's copy: its own headline and byline, curly quotes straightened, different
    line breaks, and the first and last five paragraphs (the first site's furniture) cut."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    body = "\n\n".join(paragraphs[5:-5])
    body = body.replace("’", "'").replace("“", '"').replace("”", '"')
    return "MET OFFICERS FACE INQUIRY\nBy Press Association reporters\n\n" + body.replace(
        ". ", ".\n", 3
    )


def test_a_text_resembles_itself_completely(wire):
    assert resemblance(fingerprint(wire), fingerprint(wire)) == 1.0


def test_it_finds_a_syndicated_copy_with_its_own_headline_and_byline(wire):
    score = resemblance(fingerprint(wire), fingerprint(syndicated_copy(wire)))

    assert score >= NEAR_DUPLICATE


def test_different_stories_on_the_same_subject_do_not_resemble(wire):
    other = fingerprint(article("guardian-2019-04-30"))

    assert resemblance(fingerprint(wire), other) < 0.1
    assert containment(fingerprint(wire), other) < 0.1


def test_it_finds_a_wire_copy_contained_in_a_longer_article(wire):
    paragraphs = [p for p in wire.split("\n") if p.strip()]
    short_copy = "\n".join(paragraphs[: len(paragraphs) // 3])
    longer = wire + "\n\n" + article("guardian-2019-04-30")
    short, long = fingerprint(short_copy), fingerprint(longer)

    assert resemblance(short, long) < NEAR_DUPLICATE
    assert containment(short, long) == 1.0
    assert containment(long, short) < 0.5
    assert best_near_duplicate(short, [("long", long)]) == ("long", 1.0)
    assert best_near_duplicate(long, [("short", short)]) == ("short", 1.0)


def test_it_picks_the_most_similar_candidate_above_the_threshold(wire):
    copy = fingerprint(syndicated_copy(wire))
    candidates = [
        ("guardian", fingerprint(article("guardian-2019-04-30"))),
        ("exact", fingerprint(wire)),
        ("itv", fingerprint(article("itv-2022-02-02"))),
    ]

    key, score = best_near_duplicate(copy, candidates)

    assert key == "exact"
    assert score == similarity(copy, fingerprint(wire)) >= NEAR_DUPLICATE


def test_it_finds_no_near_duplicate_among_unrelated_sources(wire):
    candidates = [
        (name, fingerprint(article(name)))
        for name in ("guardian-2019-04-30", "itv-2022-02-02", "attitude-2022-02-01")
    ]

    assert best_near_duplicate(fingerprint(wire), candidates) is None
    assert best_near_duplicate(fingerprint(wire), []) is None


def test_a_shared_sentence_does_not_make_a_copy(wire):
    """A short candidate (a quote) inside a long article is not a syndicated copy of it."""
    sentence = "Nine officers and one member of staff had been suspended."
    quote = fingerprint(sentence)

    assert len(quote) < MIN_CONTAINED_SHINGLES
    assert containment(quote, fingerprint(sentence + " " + wire)) == 1.0
    assert best_near_duplicate(quote, [("article", fingerprint(sentence + " " + wire))]) is None


def test_it_ignores_case_punctuation_and_layout():
    a = fingerprint("Nine officers were suspended, the Met said on Thursday.")
    b = fingerprint("NINE OFFICERS WERE SUSPENDED — the Met said\non Thursday")

    assert a == b


def test_it_fingerprints_short_and_empty_texts():
    assert fingerprint("") == frozenset()
    assert fingerprint("  \n ") == frozenset()
    assert len(fingerprint("Nine officers")) == 1
    assert len(fingerprint("one two three four five six")) == 2
    assert resemblance(frozenset(), frozenset()) == 0.0
    assert containment(frozenset(), fingerprint("Nine officers")) == 0.0


def test_its_hashes_are_the_same_in_every_process():
    """Fingerprints are stored, so they must not depend on Python's per-process hash seed."""
    code = (
        "from sources.ingest.similarity import fingerprint; "
        "print(sorted(fingerprint('Nine officers were suspended after the film was shown')))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }

    assert len(outputs) == 1
    expected = sorted(fingerprint("Nine officers were suspended after the film was shown"))
    assert outputs.pop().strip() == str(expected)


def test_its_hashes_are_those_the_stored_anchors_were_built_with():
    """Anchors are stored: a new text must hash as the stored ones did, or no copy is found."""
    assert sorted(fingerprint("The quick brown fox jumps over the lazy dog")) == [
        2400189466913979425,
        3286734622212333044,
        5516728494786543680,
        7014967733019297659,
        7270182467301955412,
    ]
    assert fingerprint("Three words only") == {1173121004367869294}


# Sketches: small enough to store for thousands of sources


def test_anchors_are_the_hashes_divisible_by_the_modulus(wire):
    fp = fingerprint(wire)

    assert anchors(fp) == sorted(value for value in fp if value % ANCHOR_MODULUS == 0)
    # About one shingle in ANCHOR_MODULUS: 1,071 shingles give 134 anchors on average.
    assert len(fp) / ANCHOR_MODULUS / 2 < len(anchors(fp)) < 2 * len(fp) / ANCHOR_MODULUS
    assert anchors(frozenset()) == []


def test_a_story_keeps_its_anchors_inside_a_longer_article(wire):
    paragraphs = [p for p in wire.split("\n") if p.strip()]
    story = "\n".join(paragraphs[9:23])
    longer = article("guardian-2019-04-30") + "\n" + story + "\n" + article("itv-2022-02-02")
    inside = set(anchors(fingerprint(longer)))

    assert set(anchors(fingerprint(story))) <= inside


def test_only_a_long_uploads_first_200000_characters_are_fingerprinted(wire):
    """A 5 MB upload costs the screen what 200 KB does: what follows the head is not read,
    and a word the cut goes through does not count."""
    head = (wire + "\n\n") * (FINGERPRINT_CHARACTERS // len(wire) + 1)
    head = head[:FINGERPRINT_CHARACTERS]
    long_upload = head + "Different tail words " * 50_000
    other_tail = head + "x" * 5_000_000
    assert fingerprint(long_upload) == fingerprint(other_tail)
    assert fingerprint(long_upload) <= fingerprint(head)
    assert similarity(fingerprint(long_upload), fingerprint(wire)) >= NEAR_DUPLICATE
