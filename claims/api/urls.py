from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from claims.api import claimants, views

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
]
