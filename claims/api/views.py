"""The JSON API's views: generic DRF views over the querysets in ``claims.selectors``.

Reads are open to everyone; writes need the Django model permission of the row they write
(``DjangoModelPermissionsOrAnonReadOnly`` in settings), by session with CSRF or by token.
Topics and sources are read-only here: sources are added with their review queue on the site.
Claimants have a module of their own, ``claims.api.claimants``.

A claim, an attestation or a source is sent with its version as a strong ``ETag``; a PATCH or
a DELETE must send it back in ``If-Match`` (428 without it), and is refused with 412 if the
row has changed since (``ChecksVersion``), so that no one overwrites a change they never saw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import parse_etags
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, generics, serializers, status
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response

from claims import history, services
from claims.api.filters import ApiClaimFilter, SourceFilter
from claims.api.openapi import (
    ATTESTATION_ID,
    CLAIM_FILTERS,
    DELETED,
    ETAG,
    FORBIDDEN,
    IF_MATCH,
    INVALID,
    NOT_FOUND,
    PRECONDITION_REQUIRED,
    RENAMED,
    RENAMED_WRITE,
    STALE,
    slug_parameter,
)
from claims.api.pagination import (
    ClaimCursorPagination,
    SourceCursorPagination,
    TopicCursorPagination,
)
from claims.api.serializers import (
    AttestationEditSerializer,
    AttestationLinkSerializer,
    AttestationSerializer,
    ClaimSerializer,
    LinkedAttestationSerializer,
    SourceDetailSerializer,
    SourceSerializer,
    TopicSerializer,
)
from claims.models import Attestation, Claim, ClaimQuerySet, Topic
from claims.selectors import (
    api_attestations,
    api_claim_list,
    api_claims,
    api_sources,
    api_topics,
)
from sources.models import Source, StaleEdit, Versioned


def validation_error(error: DjangoValidationError) -> serializers.ValidationError:
    """A model's ``full_clean`` errors under the API's field names."""
    if not hasattr(error, "error_dict"):
        return serializers.ValidationError({"non_field_errors": error.messages})
    fields: dict[str, list[str]] = {}
    for name, messages in error.message_dict.items():
        if name == NON_FIELD_ERRORS:
            name = "non_field_errors"
        elif name.startswith("value_"):
            name = "value"  # stored in value_* columns, written as one dataset value
        fields.setdefault(name, []).extend(messages)
    return serializers.ValidationError(fields)


def saved[T](write: Callable[..., T], **arguments: Any) -> T:
    """What ``write`` returns; its ``ValidationError`` as a 400."""
    try:
        return write(**arguments)
    except StaleEdit:
        raise  # a 412, not a 400 (``ChecksVersion``)
    except DjangoValidationError as error:
        raise validation_error(error) from None


def api_url(request: Request, name: str, *args: Any) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", args=args))


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = (
        'Send the ETag of your last read of it in If-Match (If-Match: "3"), so that a change '
        "made since is not overwritten."
    )
    default_code = "precondition_required"


def etag(row: Versioned) -> str:
    return f'"{row.version}"'


class ChecksVersion(generics.GenericAPIView):
    """The detail view of a ``Versioned`` row: a 200 carries its version as a strong ETag, and
    a write needs ``If-Match`` with the ETag it is based on. The check against the row as
    loaded is here; the services check again, in the UPDATE itself, against a write that comes
    in between (``Versioned.advance_version``): either way the answer is a 412."""

    shown: Versioned | None = None  # the row whose version the answer carries

    def get_object(self) -> Any:
        row = super().get_object()
        if self.request.method not in SAFE_METHODS:
            self.check_if_match(row)
        self.shown = row  # a write moves its version on in place
        return row

    def check_if_match(self, row: Versioned) -> None:
        header = self.request.headers.get("If-Match")
        if header is None:
            raise PreconditionRequired()
        tags = parse_etags(header)
        if tags == ["*"] or etag(row) in tags:  # strong comparison: W/"3" is not "3"
            return
        sent = next((t.strip('"') for t in tags if t.strip('"').isdigit()), "0")
        raise row.stale_edit(loaded=int(sent))

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, StaleEdit):
            return stale_response(exc)
        return super().handle_exception(exc)

    def finalize_response(
        self, request: Request, response: Any, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == status.HTTP_200_OK and self.shown is not None:
            response["ETag"] = etag(self.shown)
        return response


def stale_response(stale: StaleEdit) -> Response:
    """412: who changed the row, when, and its version now (as its ETag too)."""
    body = {
        "detail": stale.summary,
        "version": stale.version,
        "changed_by": stale.changed_by or None,
        "changed_at": stale.changed_at.isoformat() if stale.changed_at else None,
    }
    headers = {"ETag": f'"{stale.version}"'} if stale.version is not None else None
    return Response(body, status=status.HTTP_412_PRECONDITION_FAILED, headers=headers)


class FollowsRenamedClaim(generics.GenericAPIView):
    """A claim's old slug is a permanent redirect to the same address under its slug now, as
    the site's claim pages are: 301 for a read, 308 for a write (a client sends the same
    method and body again). ``url_name`` is the view's name in ``claims.api.urls``."""

    url_name: str

    def handle_exception(self, exc: Exception) -> Response:
        renamed = self.renamed_to() if isinstance(exc, Http404) else None
        if renamed is None:
            return super().handle_exception(exc)
        location, new_slug = renamed
        read = self.request.method in ("GET", "HEAD")
        moved = status.HTTP_301_MOVED_PERMANENTLY if read else status.HTTP_308_PERMANENT_REDIRECT
        return Response(
            {"detail": f"This claim's slug is now “{new_slug}”."},
            status=moved,
            headers={"Location": location},
        )

    def renamed_to(self) -> tuple[str, str] | None:
        """The address and slug a renamed claim has now; None if no claim had this slug, or
        one has it still (the 404 is of something else, an attestation)."""
        slug = self.kwargs.get("slug", "")
        if Claim.objects.filter(slug=slug).exists():
            return None
        new_slug = history.current_slug(slug)
        if new_slug is None or new_slug == slug:
            return None
        path = reverse(f"api:{self.url_name}", kwargs={**self.kwargs, "slug": new_slug})
        query = self.request.META.get("QUERY_STRING", "")
        return self.request.build_absolute_uri(f"{path}?{query}" if query else path), new_slug


@extend_schema_view(
    get=extend_schema(
        summary="Topics",
        description="Every topic with how many of its claims have each verdict.",
        responses={200: TopicSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
)
class TopicList(generics.ListAPIView):
    serializer_class = TopicSerializer
    pagination_class = TopicCursorPagination

    def get_queryset(self) -> QuerySet[Topic]:
        return api_topics()


@extend_schema_view(
    get=extend_schema(
        summary="A topic",
        parameters=[slug_parameter("topic")],
        responses={200: TopicSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
)
class TopicDetail(generics.RetrieveAPIView):
    serializer_class = TopicSerializer
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Topic]:
        return api_topics()


@extend_schema_view(
    get=extend_schema(
        summary="Sources",
        description="Newest first, without their texts (the detail has the text).",
        responses={200: SourceSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
    )
)
class SourceList(generics.ListAPIView):
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    pagination_class = SourceCursorPagination

    def get_queryset(self) -> QuerySet[Source]:
        return api_sources()


@extend_schema_view(
    get=extend_schema(
        summary="A source, with its text",
        description="Quote offsets (`start`, `end`) count Unicode code points into `text`.",
        parameters=[slug_parameter("source"), ETAG],
        responses={200: SourceDetailSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
)
class SourceDetail(ChecksVersion, generics.RetrieveAPIView):
    serializer_class = SourceDetailSerializer
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Source]:
        return api_sources(with_text=True)


@extend_schema_view(
    get=extend_schema(
        summary="Claims",
        description="The claim list page's filters and sorts, 50 claims a page, each with "
        "its attestations.",
        parameters=CLAIM_FILTERS,
        responses={200: ClaimSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
    ),
    post=extend_schema(
        summary="Create a claim",
        description="Needs the *add claim* permission. The claim has no verdict until a "
        "source is linked to it.",
        responses={201: ClaimSerializer, 400: INVALID, 403: FORBIDDEN},
    ),
)
class ClaimList(generics.ListCreateAPIView):
    serializer_class = ClaimSerializer
    filterset_class = ApiClaimFilter
    pagination_class = ClaimCursorPagination

    def get_queryset(self) -> ClaimQuerySet:
        return api_claim_list()  # read only: a new claim is read again with api_claims

    def perform_create(self, serializer: serializers.BaseSerializer[Claim]) -> None:
        claim = saved(services.claim_create, **serializer.validated_data)
        serializer.instance = api_claims().get(pk=claim.pk)

    def get_success_headers(self, data: Any) -> dict[str, str]:
        return {"Location": api_url(self.request, "claim", data["slug"])}


@extend_schema_view(
    get=extend_schema(
        summary="A claim",
        description="Its `ETag` is its version: send it back in `If-Match` to change or delete "
        "the claim.",
        parameters=[slug_parameter("claim"), ETAG],
        responses={200: ClaimSerializer, 301: RENAMED, 403: FORBIDDEN, 404: NOT_FOUND},
    ),
    patch=extend_schema(
        summary="Edit a claim",
        description="Needs the *change claim* permission, and the claim's `ETag` in "
        "`If-Match`. The verdict is recomputed.",
        parameters=[slug_parameter("claim"), IF_MATCH, ETAG],
        responses={
            200: ClaimSerializer,
            308: RENAMED_WRITE,
            400: INVALID,
            403: FORBIDDEN,
            404: NOT_FOUND,
            412: STALE,
            428: PRECONDITION_REQUIRED,
        },
    ),
    delete=extend_schema(
        summary="Delete a claim and its attestations",
        description="Needs the *delete claim* permission, and the claim's `ETag` in `If-Match`.",
        parameters=[slug_parameter("claim"), IF_MATCH],
        responses={
            204: DELETED,
            308: RENAMED_WRITE,
            403: FORBIDDEN,
            404: NOT_FOUND,
            412: STALE,
            428: PRECONDITION_REQUIRED,
        },
    ),
)
class ClaimDetail(ChecksVersion, FollowsRenamedClaim, generics.RetrieveUpdateDestroyAPIView):
    serializer_class = ClaimSerializer
    lookup_field = "slug"
    url_name = "claim"
    http_method_names = ["get", "patch", "delete", "head", "options"]  # no PUT

    def get_queryset(self) -> ClaimQuerySet:
        return api_claims()

    def perform_update(self, serializer: serializers.BaseSerializer[Claim]) -> None:
        claim = saved(services.claim_update, claim=serializer.instance, **serializer.validated_data)
        serializer.instance = api_claims().get(pk=claim.pk)

    def perform_destroy(self, instance: Claim) -> None:
        services.claim_delete(claim=instance)


@extend_schema_view(
    post=extend_schema(
        summary="Link a source to the claim",
        description="Needs the *add attestation* permission. The quote is found in the "
        "source's text (`start` picks among repeats); the claim's verdict is recomputed and "
        "returned with the new attestation.",
        parameters=[slug_parameter("claim")],
        request=AttestationLinkSerializer,
        responses={
            201: LinkedAttestationSerializer,
            308: RENAMED_WRITE,
            400: INVALID,
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
    )
)
class AttestationLink(FollowsRenamedClaim, generics.CreateAPIView):
    serializer_class = AttestationLinkSerializer
    queryset = Attestation.objects.all()  # the model whose permission a write needs
    url_name = "claim_attestations"

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        claim = get_object_or_404(Claim, slug=kwargs["slug"])
        link = self.get_serializer(
            data=request.data, context={**self.get_serializer_context(), "claim": claim}
        )
        link.is_valid(raise_exception=True)
        data = link.validated_data
        attestation = saved(
            services.attestation_link,
            source=data["source"],
            claim=claim,
            start=data["start"],
            end=data["end"],
            value=data["value"],
            as_of=data["as_of"],
            attributed_to=data["attributed_to"],
        )
        body = LinkedAttestationSerializer(attestation, context=self.get_serializer_context())
        location = api_url(request, "attestation", claim.slug, attestation.pk)
        return Response(body.data, status=status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema_view(
    get=extend_schema(
        summary="One attestation of the claim",
        description="Its `ETag` is its version: send it back in `If-Match` to change or unlink it.",
        parameters=[slug_parameter("claim"), ATTESTATION_ID, ETAG],
        responses={200: AttestationSerializer, 301: RENAMED, 403: FORBIDDEN, 404: NOT_FOUND},
    ),
    patch=extend_schema(
        summary="Say who the figure is attributed to",
        description="Needs the *change attestation* permission, and the attestation's `ETag` "
        "in `If-Match`. Sets `attributed_to` (the claimant follows the words) or `claimant` (a "
        "slug or any name of a claimant; null for the source's own account). The claim's "
        "verdict is recomputed and returned with the attestation.",
        parameters=[slug_parameter("claim"), ATTESTATION_ID, IF_MATCH, ETAG],
        request=AttestationEditSerializer,
        responses={
            200: LinkedAttestationSerializer,
            308: RENAMED_WRITE,
            400: INVALID,
            403: FORBIDDEN,
            404: NOT_FOUND,
            412: STALE,
            428: PRECONDITION_REQUIRED,
        },
    ),
    delete=extend_schema(
        summary="Unlink a source from the claim",
        description="Needs the *delete attestation* permission, and the attestation's `ETag` "
        "in `If-Match`. The verdict is recomputed.",
        parameters=[slug_parameter("claim"), ATTESTATION_ID, IF_MATCH],
        responses={
            204: DELETED,
            308: RENAMED_WRITE,
            403: FORBIDDEN,
            404: NOT_FOUND,
            412: STALE,
            428: PRECONDITION_REQUIRED,
        },
    ),
)
class AttestationDetail(ChecksVersion, FollowsRenamedClaim, generics.RetrieveUpdateDestroyAPIView):
    serializer_class = AttestationSerializer
    url_name = "attestation"
    http_method_names = ["get", "patch", "delete", "head", "options"]  # no PUT

    def get_queryset(self) -> QuerySet[Attestation]:
        return api_attestations().filter(claim__slug=self.kwargs.get("slug"))

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        attestation = self.get_object()
        edit = AttestationEditSerializer(data=request.data)
        edit.is_valid(raise_exception=True)
        attestation = saved(
            services.attestation_update, attestation=attestation, **edit.validated_data
        )
        body = LinkedAttestationSerializer(attestation, context=self.get_serializer_context())
        return Response(body.data)

    def perform_destroy(self, instance: Attestation) -> None:
        services.attestation_unlink(attestation=instance)
