"""Fit the matcher's score calibration on the tuning stories of ``bench/corpus/``.

For every gold link the finder finds, the queue's first suggestion and whether it is right (the
gold claim, when the ledger has it). A logistic curve P(right) = 1 / (1 + exp(-(a + b·s))) over
the raw score s is fitted by maximum likelihood (Newton's method); its two numbers go into
``claims.matching.calibration``. Only tuning stories are read: the held-out ones check it.

    python -m bench.calibrate
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence

from bench import quality
from bench.common import real_finder
from bench.stories import load_corpus
from claims.matching import calibration


def observations() -> list[tuple[float, bool]]:
    finder = real_finder()
    assert finder is not None
    seeds = quality.seeds_base()
    corpus = load_corpus()
    seen: list[tuple[float, bool]] = []
    for story in (s for s in corpus if s.split == "tuning"):
        tally = quality.review_story(story, quality.story_base(story, corpus, seeds), finder)
        seen.extend(tally.raw)
    return seen


def fit(seen: Sequence[tuple[float, bool]]) -> tuple[float, float]:
    a, b = 0.0, 1.0
    for _ in range(50):
        ga = gb = haa = hab = hbb = 0.0
        for s, right in seen:
            p = 1 / (1 + math.exp(-(a + b * s)))
            error = p - right
            ga += error
            gb += error * s
            w = p * (1 - p)
            haa += w
            hab += w * s
            hbb += w * s * s
        det = haa * hbb - hab * hab
        if abs(det) < 1e-12:
            break
        a -= (hbb * ga - hab * gb) / det
        b -= (haa * gb - hab * ga) / det
    return a, b


def main() -> int:
    seen = observations()
    a, b = fit(seen)
    print(f"{len(seen)} first suggestions on the tuning stories; fitted a = {a:.3f}, b = {b:.3f}")
    print(f"in claims.matching.calibration now: a = {calibration.A}, b = {calibration.B}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
