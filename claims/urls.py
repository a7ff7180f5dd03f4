from django.urls import path

from claims.review import views as review
from claims.views import exports, indexes, pages, picking, revisions, search

app_name = "claims"
urlpatterns = [
    path("", pages.home, name="home"),
    # The API's own routes are under api/ (config/urls.py); this is its index page.
    path("api/", indexes.api_index, name="api_index"),
    path("search/", search.search_page, name="search"),
    path("claims/", pages.claim_list, name="list"),
    path("claims/export.csv", exports.claims_csv, name="csv"),
    path("claims/<slug:slug>/", pages.claim_detail, name="detail"),
    path("claims/<slug:slug>/history/", pages.claim_history, name="history"),
    path("claims/<slug:slug>/cite.<str:fmt>", exports.claim_citation, name="claim_cite"),
    path("claims/<slug:slug>/v/<int:number>/", revisions.claim_revision, name="revision"),
    path(
        "claims/<slug:slug>/v/<int:number>/cite.<str:fmt>",
        exports.revision_citation,
        name="revision_cite",
    ),
    path("pick/<slug:kind>/", picking.pick, name="pick"),
    path("topics/", indexes.topic_list, name="topics"),
    path("topics/<slug:slug>/", pages.topic_detail, name="topic"),
    path("topics/<slug:slug>/dataset.json", exports.topic_dataset, name="topic_dataset"),
    path(
        "topics/<slug:slug>/annotations.jsonld", exports.topic_annotations, name="topic_annotations"
    ),
    path("sources/", pages.source_list, name="sources"),
    path("sources/add/", review.source_add, name="source_add"),
    path("sources/compare/", pages.compare_sources, name="compare"),
    path("sources/<slug:slug>/", pages.source_detail, name="source"),
    path("sources/<slug:slug>/cite.<str:fmt>", exports.source_citation, name="source_cite"),
    path(
        "sources/<slug:slug>/annotations.jsonld",
        exports.source_annotations,
        name="source_annotations",
    ),
    path("sources/<slug:slug>/review/", review.review_queue_view, name="review"),
    path("sources/<slug:slug>/review/progress/", review.reading_progress, name="review_progress"),
    path("sources/<slug:slug>/review/read/", review.read_again, name="review_read_again"),
    path("sources/<slug:slug>/review/link/", review.link, name="review_link"),
    path("sources/<slug:slug>/review/new/", review.new_claim, name="review_new"),
    path("sources/<slug:slug>/review/dismiss/", review.dismiss, name="review_dismiss"),
    path("sources/<slug:slug>/review/unlink/", review.unlink, name="review_unlink"),
    path("sources/<slug:slug>/review/restore/", review.restore, name="review_restore"),
]
