"""From the matcher's raw score, a product of factors that ranks claims well but says little on
its own, to the chance that the match is right. The raw score tells, with its margin over the
best other claim the source could be linked to (a match well ahead of the next is likelier
right than one that ties with it) and the kinds of evidence it has. Fitted on the benchmark's
tuning stories and the probe stories by ``python -m bench.calibrate`` (docs/matching.md gives
the figures per score band)."""

from __future__ import annotations

import math

# P(right) = 1 / (1 + exp(-(A + B × ln raw score + C × margin + D × same value + E × same thing
#                           + F × both)))
# The raw score is a product of factors: its logarithm adds their evidence up. A match with both
# kinds of evidence already has a high raw score: F tempers it.
A = 2.141
B = 2.828
C = 6.677
D = 0.944
E = -0.085
F = -3.128
FLOOR = 0.01  # a raw score of nothing is still a finite logarithm


def calibrated(
    raw: float, margin: float = 0.0, *, same_value: bool = False, same_thing: bool = False
) -> float:
    """``margin``: the raw score less the best raw score of any other claim for the candidate
    (negative when another claim scores higher). ``same_value``: the candidate states the
    claim's value; ``same_thing``: both say they count the same things that happened."""
    z = A + B * math.log(max(raw, FLOOR)) + C * margin + D * same_value + E * same_thing
    z += F * (same_value and same_thing)
    return round(1 / (1 + math.exp(-z)), 4)
