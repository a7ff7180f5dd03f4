"""The scale benchmark's servers' URLconf: the site's own (config.urls) and, under
/bench-baseline/, the two-query baseline views (bench.scale_baseline). Set only by
bench.scale_settings, which only the benchmark's servers use."""

from django.urls import include, path

from bench import scale_baseline as baseline

baseline_patterns = [
    path("", baseline.home, name="home"),
    path("claims/", baseline.claim_list, name="list"),
    path("claims/export.csv", baseline.claims_csv, name="csv"),
    path("claims/<slug:slug>/", baseline.claim, name="claim"),
    path("topics/<slug:slug>/", baseline.topic, name="topic"),
    path("sources/compare/", baseline.compare, name="compare"),
    path("sources/<slug:slug>/", baseline.source, name="source"),
    path("api/claims/", baseline.api_claims, name="api"),
]

urlpatterns = [
    path("bench-baseline/", include((baseline_patterns, "baseline"))),
    path("", include("config.urls")),
]
