"""Site-wide response headers and request marks that Django has no setting for."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from config import routers


class PermissionsPolicyMiddleware:
    """Sends ``Permissions-Policy`` (settings.PERMISSIONS_POLICY): the site uses no camera,
    microphone, location or payment, so no page, nor anything injected into one, may ask."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class ReadReplicaMiddleware:
    """Marks the requests whose reads may go to a read replica (config.routers): GET and HEAD
    without credentials, i.e. an anonymous reader's pages. A signed-in editor or an API client
    with a token reads the primary, so a change is seen on the very next page (no replica lag
    between a POST and the redirect after it)."""

    SAFE = frozenset({"GET", "HEAD"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        anonymous = (
            settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )
        with routers.replica_reads(request.method in self.SAFE and anonymous):
            return self.get_response(request)
