"""Benchmarks of claim finding and matching, run by hand (not in CI): ``python -m bench.quality``
and ``python -m bench.speed``. See docs/matching.md for the latest figures."""
