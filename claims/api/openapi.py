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


class StaleDetail(serializers.Serializer):
    """A write from a version that is no longer the stored one (``If-Match``)."""

    detail = serializers.CharField()
    version = serializers.IntegerField(
        allow_null=True, help_text="The version stored now (its ETag, unquoted); null: deleted."
    )
    changed_by = serializers.CharField(
        allow_null=True, help_text="Who made that version; null when no signed-in user did."
    )
    changed_at = serializers.DateTimeField(allow_null=True, help_text="When.")


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

# Optimistic locking (docs/api.md, "Editing what others edit"): a read sends the row's version
# as a strong ETag, a write must send it back in If-Match.
ETAG = OpenApiParameter(
    "ETag",
    str,
    OpenApiParameter.HEADER,
    response=[200],
    required=True,
    description='The version of this claim, attestation or source, quoted: `"3"`. Send it '
    "back in `If-Match` to change or delete it.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description='The `ETag` of the read this write is based on: `"3"`. Refused (412) if the '
    "row has changed since; `*` writes whatever the version.",
)
STALE = OpenApiResponse(
    StaleDetail,
    "Changed (or deleted) since the version in `If-Match`: `ETag` is the version now. Read "
    "it again, review, and resend.",
)
PRECONDITION_REQUIRED = OpenApiResponse(
    Detail, "No `If-Match`: send the `ETag` of the read this write is based on."
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


def document_throttling(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Every operation may answer 429 when its caller's rate is spent (docs/api.md,
    "Rate limits"): a postprocessing hook says so once for all."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault(
                    "429",
                    {
                        "description": "Too many requests: wait the seconds in `Retry-After`.",
                        "headers": {
                            "Retry-After": {
                                "schema": {"type": "integer"},
                                "description": "Seconds until the rate allows another request.",
                            }
                        },
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Detail"}}
                        },
                    },
                )
    return result
