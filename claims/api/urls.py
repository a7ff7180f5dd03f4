from typing import Any

from django.conf import settings
from django.urls import path
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from claims.api import claimants, views

# ReDoc styles its page with <style> elements it makes as it runs (as the browsable API's
# templates do, config/renderers.py), searches in a worker it makes from a blob, and shows its
# maker's logo. Its page allows these three; scripts stay as strict as everywhere.
REDOC_CSP: dict[str, Any] = {
    **settings.SECURE_CSP,
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "worker-src": [CSP.SELF, "blob:"],
    "img-src": [CSP.SELF, "data:", "https://cdn.redoc.ly"],
}

app_name = "api"
urlpatterns = [
    path("topics/", views.TopicList.as_view(), name="topics"),
    path("topics/<slug:slug>/", views.TopicDetail.as_view(), name="topic"),
    path("sources/", views.SourceList.as_view(), name="sources"),
    path("sources/<slug:slug>/", views.SourceDetail.as_view(), name="source"),
    path("claims/", views.ClaimList.as_view(), name="claims"),
    path("claims/<slug:slug>/", views.ClaimDetail.as_view(), name="claim"),
    path(
        "claims/<slug:slug>/attestations/",
        views.AttestationLink.as_view(),
        name="claim_attestations",
    ),
    path(
        "claims/<slug:slug>/attestations/<int:pk>/",
        views.AttestationDetail.as_view(),
        name="attestation",
    ),
    path("claimants/", claimants.ClaimantList.as_view(), name="claimants"),
    path("claimants/<slug:slug>/", claimants.ClaimantDetail.as_view(), name="claimant"),
    path(
        "claimants/<slug:slug>/merge/",
        claimants.ClaimantMerge.as_view(),
        name="claimant_merge",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI's start-up script is a file of its own, so the page keeps the site's CSP.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path(
        "redoc/",
        csp_override(REDOC_CSP)(SpectacularRedocView.as_view(url_name="api:schema")),
        name="redoc",
    ),
]
