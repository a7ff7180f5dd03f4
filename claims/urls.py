from django.urls import path

from claims import views

app_name = "claims"
urlpatterns = [
    path("", views.home, name="home"),
    path("claims/", views.claim_list, name="list"),
    path("claims/<slug:slug>/", views.claim_detail, name="detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("sources/", views.source_list, name="sources"),
    path("sources/compare/", views.compare_sources, name="compare"),
    path("sources/<slug:slug>/", views.source_detail, name="source"),
]
