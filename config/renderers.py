"""The browsable API under the site's Content-Security-Policy."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils.csp import CSP
from rest_framework import renderers

INLINE_STYLES = [CSP.SELF, CSP.UNSAFE_INLINE]


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's HTML pages, whose templates (not ours) carry ``style`` attributes and a
    ``<style>`` element: their page's policy allows inline styles. Scripts stay as strict as
    everywhere (DRF's are all files), so text from the database still cannot run."""

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> Any:
        response = (renderer_context or {}).get("response")
        if response is not None:
            response._csp_config = {**settings.SECURE_CSP, "style-src": INLINE_STYLES}
        return super().render(data, accepted_media_type, renderer_context)
