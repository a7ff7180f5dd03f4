from django.urls import path

from claims.views import pages, review

app_name = "claims"
urlpatterns = [
    path("", pages.home, name="home"),
    path("claims/", pages.claim_list, name="list"),
    path("claims/<slug:slug>/", pages.claim_detail, name="detail"),
    path("topics/<slug:slug>/", pages.topic_detail, name="topic"),
    path("sources/", pages.source_list, name="sources"),
    path("sources/add/", review.source_add, name="source_add"),
    path("sources/compare/", pages.compare_sources, name="compare"),
    path("sources/<slug:slug>/", pages.source_detail, name="source"),
    path("sources/<slug:slug>/review/", review.review_queue_view, name="review"),
    path("sources/<slug:slug>/review/link/", review.link, name="review_link"),
    path("sources/<slug:slug>/review/new/", review.new_claim, name="review_new"),
    path("sources/<slug:slug>/review/dismiss/", review.dismiss, name="review_dismiss"),
]
