"""The claim finder: which sentences of a text state a number, a date, a status or a quote.

Pure Python, no database. ``find_claims`` (in ``claims.finder.find``) returns ``Candidate``s;
``claims.matching`` ranks existing claims for each.
"""

from claims.finder.candidates import Candidate, Part
from claims.finder.find import find_claims
from sources.text.spans import Entry

__all__ = ["Candidate", "Entry", "Part", "find_claims"]
