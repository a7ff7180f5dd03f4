"""What the OpenAPI schema says beyond what drf-spectacular reads from the views and
serializers: the refusals each operation documents, and parameters it cannot infer."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from claims.filters import SORT_CHOICES

# The refusals. Unauthenticated requests get 403, not 401: session authentication comes first
# in settings and sends no WWW-Authenticate challenge, so DRF answers 403.


class FieldErrors(serializers.Serializer):
    """Documents DRF's validation errors: a list of messages per field (``non_field_errors``
    for the whole object), or a ``detail`` message for a body that is not JSON."""


class FieldErrorsExtension(OpenApiSerializerExtension):
    target_class = FieldErrors

    def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return {
            "type": "object",
            "description": "Messages by field name; `non_field_errors` for the whole request.",
            "additionalProperties": {
                "oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]
            },
            "example": {"quote": ["This quote does not occur in the source's text."]},
        }


class Detail(serializers.Serializer):
    """An error that is not about a field: not found, not allowed, not signed in."""

    detail = serializers.CharField()


INVALID = OpenApiResponse(FieldErrors, "Invalid fields or filters; the messages name them.")
FORBIDDEN = OpenApiResponse(
    Detail,
    "Not signed in (writes), no CSRF token with a session, an invalid token, "
    "or no permission to make this change.",
)
NOT_FOUND = OpenApiResponse(Detail, "No object with this slug or id, or no such page.")
DELETED = OpenApiResponse(None, "Deleted.")
RENAMED = OpenApiResponse(
    Detail, "The claim's slug has changed: `Location` is this address under its slug now."
)
RENAMED_WRITE = OpenApiResponse(
    Detail,
    "The claim's slug has changed: send the same request to `Location`, this address under "
    "its slug now.",
)

# Path parameters as the URL converters match them: a value the converter refuses would get
# the site's HTML 404, not the API's JSON one.
SLUG_PATTERN = "^[-a-zA-Z0-9_]+$"


def slug_parameter(what: str) -> OpenApiParameter:
    return OpenApiParameter(
        "slug",
        {"type": "string", "pattern": SLUG_PATTERN},
        OpenApiParameter.PATH,
        description=f"The {what}'s slug.",
    )


ATTESTATION_ID = OpenApiParameter(
    "id",
    {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
    OpenApiParameter.PATH,
    description="The attestation's id.",
)
CLAIM_FILTERS = [
    OpenApiParameter("q", str, description="Words in the statement, the subject or a quote."),
    OpenApiParameter("topic", str, description="A topic's slug."),
    OpenApiParameter(
        "outlet", str, description="An outlet's slug: claims one of its sources states."
    ),
    OpenApiParameter("source", str, description="A source's slug: claims it states."),
    OpenApiParameter(
        "published_after",
        OpenApiTypes.DATE,
        description="Claims a source published on or after this date states. Outlet, "
        "source and dates together mean one source that matches them all.",
    ),
    OpenApiParameter(
        "published_before",
        OpenApiTypes.DATE,
        description="Claims a source published on or before this date states.",
    ),
    OpenApiParameter(
        "sort",
        str,
        enum=[key for key, _ in SORT_CHOICES],
        default="contested",
        description="`contested`: sources that differ first, then updated, then the rest, "
        "more sources first; `newest`: latest source first; `sources`: most sources first.",
    ),
]
