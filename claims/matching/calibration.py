"""From the matcher's raw score, a product of factors that ranks claims well but says little on
its own, to the chance that the match is right, fitted on the benchmark's tuning stories by
``python -m bench.calibrate`` (docs/matching.md gives the figures per score band)."""

from __future__ import annotations

import math

# P(right) = 1 / (1 + exp(-(A + B × raw score)))
A = -4.371
B = 13.134


def calibrated(raw: float) -> float:
    return round(1 / (1 + math.exp(-(A + B * raw))), 4)
