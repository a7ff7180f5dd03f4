"""Fixtures: the seed claim as the export formats receive it (``seed.py``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claims.exports import CitedClaim
from tests.claims.exports.seed import CLAIM


@pytest.fixture
def claim() -> CitedClaim:
    return CLAIM


@pytest.fixture
def unrated_claim() -> CitedClaim:
    return replace(CLAIM, rating="", rating_explanation="")
