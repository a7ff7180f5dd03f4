from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("claims.api.urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("claims.urls")),
]
