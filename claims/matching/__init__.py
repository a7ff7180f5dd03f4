"""Claim matching: which claims of the ledger a candidate found in a new source may state.

Pure Python over plain data (``KnownClaim``, ``claims.finder.Candidate``); no database. The rules
and the reasoning behind each number are in docs/matching.md. In short, a match's score is a
product of factors, each in 0..1::

    score = value × unit × kind × text × recency × topic × part

- **value**: does the candidate's value fit the claim's (``claims.rules.verdicts.compatible``)? A
  conflicting value for a fixed fact is strong evidence against; for a claim that changes over
  time a different value at a different as-of date is an *update*, penalised less.
- **unit** and **kind**: officers vs minutes is near-disqualifying; a different kind costs less.
- **text**: tf-idf-weighted word overlap of the candidate's quote, subject, unit and sentence with
  the claim's statement, subject and quotes. When both give values of the same shape it never
  falls below ``TEXT_FLOOR`` (words paraphrase, numbers do not, and the value factor already
  says how well they fit); when one gives no value, no shared words means no match.
- **recency**: of claims that change over time, those stated near the candidate's as-of date
  are slightly preferred.
- **topic**: claims outside the source's topics are scaled down, and never rank above an
  own-topic claim stating the same value.
- **part**: a match through one part of a composite count ("nine constables" of "nine
  constables and two sergeants") is slightly discounted against a match of the whole.

``ClaimIndex`` is built once per ledger. For each candidate it gathers a pool of claims cheaply
(the source's topics, value buckets, rare shared words), keeps the best ``SHORTLIST`` by a cheap
score, and computes the full score only for those.

The modules, by subject: ``records`` (``KnownClaim``, ``Match``), ``words`` (content words),
``units`` (unit and kind factors), ``fit`` (value fit, value buckets, recency), ``scoring`` (the
text factor and the product), ``topics`` (topic vectors), ``explain`` (the explanation phrases)
and ``index`` (``ClaimIndex``, which ties them together).
"""

from claims.matching.index import LIKELY, ClaimIndex
from claims.matching.records import KnownClaim, Match
from claims.matching.topics import NEW_TOPIC
from claims.matching.words import content_words, numbers_in

__all__ = [
    "LIKELY",
    "NEW_TOPIC",
    "ClaimIndex",
    "KnownClaim",
    "Match",
    "content_words",
    "numbers_in",
]
