"""Fit the matcher's score calibration on the tuning stories of ``bench/corpus/`` and the probe
stories of ``bench/probe/``.

For every gold link the finder finds, the queue's first suggestion, its raw score s and its
margin m over the best other claim, its evidence (same value, same thing, both), and whether it
is right (the gold claim, when the ledger has it). The logistic curve of
``claims.matching.calibration`` (ln s, m and the evidence) is fitted by maximum likelihood
(Newton's method); its numbers go into that module. The held-out stories are never read: they
check it.

    python -m bench.calibrate
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence

from bench import quality
from bench.common import real_finder
from bench.stories import PROBE, load_corpus
from claims.matching import calibration

Seen = tuple[float, float, bool, bool, bool]  # raw, margin, same value, same thing, right


def observations() -> list[Seen]:
    finder = real_finder()
    assert finder is not None
    seeds = quality.seeds_base()
    corpus = load_corpus()
    probes = load_corpus(PROBE)
    seen: list[Seen] = []
    for story in (s for s in corpus if s.split == "tuning"):
        tally = quality.review_story(story, quality.story_base(story, corpus, seeds), finder)
        seen.extend(tally.raw)
    for story in probes:
        base = quality.story_base(story, corpus + probes, seeds)
        seen.extend(quality.review_story(story, base, finder).raw)
    return seen


def fit(seen: Sequence[Seen]) -> tuple[float, ...]:
    """Newton's method on the log-likelihood, with a ridge on the slopes: a few hundred
    suggestions overstate how sure a high score is."""
    w = [0.0, 1.0, 0.0, 0.0, 0.0, 0.0]
    n = len(w)
    for _ in range(50):
        gradient = [0.0] * n
        hessian = [[0.0] * n for _ in range(n)]
        for raw, margin, same_value, same_thing, right in seen:
            x = (
                1.0,
                math.log(max(raw, calibration.FLOOR)),
                margin,
                float(same_value),
                float(same_thing),
                float(same_value and same_thing),
            )
            p = 1 / (1 + math.exp(-sum(wi * xi for wi, xi in zip(w, x, strict=True))))
            for i in range(n):
                gradient[i] += (p - right) * x[i]
                for j in range(n):
                    hessian[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(1, n):  # the slopes, not the intercept
            gradient[i] += RIDGE * w[i]
            hessian[i][i] += RIDGE
        step = _solve(hessian, gradient)
        w = [wi - si for wi, si in zip(w, step, strict=True)]
        if max(abs(si) for si in step) < 1e-9:
            break
    return tuple(w)


RIDGE = 0.1  # chosen by cross-validation between the two tuning stories


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination for a small system."""
    n = len(vector)
    rows = [[*matrix[i], vector[i]] for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def main() -> int:
    seen = observations()
    a, b, c, d, e, f = fit(seen)
    print(f"{len(seen)} first suggestions on the tuning and probe stories")
    print(
        f"fitted:                           a = {a:.3f}, b = {b:.3f}, c = {c:.3f}, "
        f"d = {d:.3f}, e = {e:.3f}, f = {f:.3f}"
    )
    print(
        f"in claims.matching.calibration:   a = {calibration.A}, b = {calibration.B}, "
        f"c = {calibration.C}, d = {calibration.D}, e = {calibration.E}, f = {calibration.F}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
