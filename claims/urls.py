from django.urls import path

from claims import views

app_name = "claims"
urlpatterns = [
    path("", views.home, name="home"),
    path("claims/", views.claim_list_view, name="list"),
    path("claims/<slug:slug>/", views.claim_detail, name="detail"),
]
