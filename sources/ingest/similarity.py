"""Near-duplicate detection: the same wire story syndicated by several outlets.

A text's *fingerprint* is the set of hashes of its 5-word shingles (every run of five consecutive
words, lower case). Two fingerprints are compared by

- *resemblance*, the Jaccard index |A ∩ B| / |A ∪ B|: near 1 for two copies of one story, even
  with a different headline, byline or a sentence trimmed;
- *containment*, |A ∩ B| / |A|: near 1 when A (a short wire copy) is contained in B (a longer
  article that adds its own paragraphs), however much longer B is.

Full fingerprints are exact but hold one number per word of text, so they are rebuilt from the
stored text of a few candidates only. The candidates come from *anchors*: the shingles whose hash
is divisible by ``ANCHOR_MODULUS`` (Broder's mod-m sample). The choice depends on the shingle
alone, not on the rest of the text, so a story keeps the same anchors inside any longer article,
and a text sharing ``s`` shingles with another shares one of its anchors with probability
1 - (1 - 1/8)**s, however long either text is (see docs/ingest.md). Stored sources' anchors are
indexed in the database; a new text's anchors look its candidates up there.

A MinHash sketch (bottom-k) was tried first and dropped: it estimates resemblance only, so a
short copy inside a long article shares few of the long text's smallest hashes.
Pure Python; hashes are stable across processes (BLAKE2b, never the randomised ``hash()``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sources.text.normalise import normalise_text
from sources.text.tokens import words as plain_words

SHINGLE_WORDS = 5
# At or above this score two texts are taken for copies of one story.
NEAR_DUPLICATE = 0.8
# Containment counts only for a contained text of at least this many shingles (about 25 words):
# a single shared sentence does not make an article a copy of another.
MIN_CONTAINED_SHINGLES = 20
# One shingle in eight, on average, is an anchor. Stored anchors are built with it: change it
# only with a migration that rebuilds them.
ANCHOR_MODULUS = 8
# A copy is judged by the first 200,000 characters of each text (about 30,000 words, several
# times the longest report): a longer upload is a document dump, and hashing every shingle of
# a 5 MB file would make adding it cost seconds in proportion to its length.
FINGERPRINT_CHARACTERS = 200_000

# Curly and straight apostrophes inside words ("Met’s", "Met's") should give the same word.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def words(text: str) -> list[str]:
    """The normalised, lower-cased words of ``text``: punctuation and layout do not count."""
    return plain_words(normalise_text(text).translate(_APOSTROPHES).casefold().replace("'", ""))


def fingerprint(text: str) -> frozenset[int]:
    """Hashes of the 5-word shingles of ``text``'s first ``FINGERPRINT_CHARACTERS``. A text of
    fewer than five words is one shingle; an empty text has an empty fingerprint."""
    tokens = words(text[:FINGERPRINT_CHARACTERS])
    if len(text) > FINGERPRINT_CHARACTERS and not text[FINGERPRINT_CHARACTERS].isspace():
        tokens = tokens[:-1]  # the cut went through a word
    if not tokens:
        return frozenset()
    width = min(SHINGLE_WORDS, len(tokens))
    # every run of ``width`` words, hashed to 63 bits (a signed 64-bit column holds them);
    # inlined, as a few million are hashed per thousand sources imported
    shingles = map(" ".join, zip(*(tokens[k:] for k in range(width)), strict=False))
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    return frozenset(
        [from_bytes(blake2b(s.encode(), digest_size=8).digest(), "big") >> 1 for s in shingles]
    )


def resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard index of two fingerprints, 0.0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """The share of ``a``'s shingles that are also in ``b``, 0.0 when ``a`` is empty."""
    if not a:
        return 0.0
    return len(a & b) / len(a)


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """The score near-duplicates are judged by: resemblance, or containment either way when the
    contained text is long enough (``MIN_CONTAINED_SHINGLES``)."""
    scores = [resemblance(a, b)]
    if len(a) >= MIN_CONTAINED_SHINGLES:
        scores.append(containment(a, b))
    if len(b) >= MIN_CONTAINED_SHINGLES:
        scores.append(containment(b, a))
    return max(scores)


def best_near_duplicate[K](
    fp: frozenset[int], candidates: Iterable[tuple[K, frozenset[int]]]
) -> tuple[K, float] | None:
    """The candidate most similar to ``fp`` with its score, if that score reaches
    ``NEAR_DUPLICATE``; else None. Ties go to the earlier candidate."""
    best: tuple[K, float] | None = None
    for key, other in candidates:
        score = similarity(fp, other)
        if score >= NEAR_DUPLICATE and (best is None or score > best[1]):
            best = (key, score)
    return best


def anchors(fp: frozenset[int]) -> list[int]:
    """The fingerprint's anchors: its hashes divisible by ``ANCHOR_MODULUS``, ascending. The
    same shingle is an anchor in every text that has it, so a copy shares its original's
    anchors, in proportion to the shingles they share."""
    return sorted(value for value in fp if value % ANCHOR_MODULUS == 0)
