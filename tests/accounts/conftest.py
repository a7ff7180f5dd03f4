import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_limits():
    """Rate-limit counters live in the cache, which outlives a test's database: each test
    here starts with none counted."""
    cache.clear()
    yield
    cache.clear()
