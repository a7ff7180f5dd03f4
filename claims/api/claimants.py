"""The API's claimants: who figures are attributed to, read by anyone, curated by editors.

Creating needs the *add claimant* permission, renaming and adding names *change claimant*, and
a merge both *change* and *delete claimant*: the claimant in the path is gone afterwards.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly
from rest_framework.request import Request
from rest_framework.response import Response

from claims import services
from claims.api.filters import ClaimantFilter
from claims.api.openapi import FORBIDDEN, INVALID, NOT_FOUND, slug_parameter
from claims.api.pagination import ClaimantCursorPagination
from claims.api.serializers import ClaimantMergeSerializer, ClaimantSerializer
from claims.api.views import api_url, saved
from claims.claimants import Claimant, ClaimantQuerySet


def api_claimants() -> ClaimantQuerySet:
    """Claimants with their attestation counts and names (one prefetch, whatever their
    number), in the order the admin lists them."""
    return Claimant.objects.with_attestation_count().prefetch_related("names").order_by("name")


@extend_schema_view(
    get=extend_schema(
        summary="Claimants",
        description="Who figures are attributed to, by name, with every name sources give them.",
        responses={200: ClaimantSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    ),
    post=extend_schema(
        summary="Create a claimant",
        description="Needs the *add claimant* permission. The slug is made from the name.",
        responses={201: ClaimantSerializer, 400: INVALID, 403: FORBIDDEN},
    ),
)
class ClaimantList(generics.ListCreateAPIView):
    serializer_class = ClaimantSerializer
    filterset_class = ClaimantFilter
    pagination_class = ClaimantCursorPagination

    def get_queryset(self) -> ClaimantQuerySet:
        return api_claimants()

    def perform_create(self, serializer: serializers.BaseSerializer[Claimant]) -> None:
        claimant = saved(services.claimant_create, **serializer.validated_data)
        serializer.instance = api_claimants().get(pk=claimant.pk)

    def get_success_headers(self, data: Any) -> dict[str, str]:
        return {"Location": api_url(self.request, "claimant", data["slug"])}


@extend_schema_view(
    get=extend_schema(
        summary="A claimant",
        parameters=[slug_parameter("claimant")],
        responses={200: ClaimantSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    ),
    patch=extend_schema(
        summary="Rename a claimant or give it more names",
        description="Needs the *change claimant* permission. A new `name` keeps the old one "
        "among its aliases and the slug as it is; `aliases` are added to its names. The "
        "verdicts of the claims it states are recomputed, as their explanations name it.",
        parameters=[slug_parameter("claimant")],
        responses={200: ClaimantSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
    ),
)
class ClaimantDetail(generics.RetrieveUpdateAPIView):
    serializer_class = ClaimantSerializer
    lookup_field = "slug"
    http_method_names = ["get", "patch", "head", "options"]  # no PUT

    def get_queryset(self) -> ClaimantQuerySet:
        return api_claimants()

    def perform_update(self, serializer: serializers.BaseSerializer[Claimant]) -> None:
        claimant = saved(
            services.claimant_update, claimant=serializer.instance, **serializer.validated_data
        )
        serializer.instance = api_claimants().get(pk=claimant.pk)


class MergePermission(DjangoModelPermissionsOrAnonReadOnly):
    """A merge changes the claimant kept and deletes the one merged into it."""

    perms_map = {
        **DjangoModelPermissionsOrAnonReadOnly.perms_map,
        "POST": ["%(app_label)s.change_%(model_name)s", "%(app_label)s.delete_%(model_name)s"],
    }


@extend_schema_view(
    post=extend_schema(
        summary="Merge a claimant into another",
        description="Needs the *change* and *delete claimant* permissions. For two claimants "
        "that are one party: the names and attestations of the claimant in the path become "
        "those of `into`, the claimant in the path is deleted, and the verdicts of the claims "
        "either states are recomputed (one origin now, not two). Answers with the claimant "
        "kept.",
        parameters=[slug_parameter("claimant")],
        request=ClaimantMergeSerializer,
        responses={200: ClaimantSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND},
    )
)
class ClaimantMerge(generics.GenericAPIView):
    serializer_class = ClaimantMergeSerializer
    permission_classes = [MergePermission]
    queryset = Claimant.objects.all()  # the model whose permissions a merge needs

    def post(self, request: Request, slug: str) -> Response:
        drop = get_object_or_404(Claimant, slug=slug)
        merge = self.get_serializer(data=request.data)
        merge.is_valid(raise_exception=True)
        keep = saved(services.claimant_merge, keep=merge.validated_data["into"], drop=drop)
        body = ClaimantSerializer(
            api_claimants().get(pk=keep.pk), context=self.get_serializer_context()
        )
        return Response(body.data)
