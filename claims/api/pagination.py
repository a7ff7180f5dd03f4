"""The API's list pages: keyset pages (``claims.keyset``), so that the 2,000th page costs what
the first does, with ``next`` and ``previous`` links that carry a cursor and a ``count`` that is
exact up to 10,000 and otherwise recounted every few minutes (``count_is_exact`` says which).
Each list gives the keys of its sort, which an index matches."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from claims.keyset import Cursor, InvalidCursor, KeysetPage, Total, keyset_page, total
from claims.models import SORT_KEYS, TOPIC_KEYS
from sources.models import LATEST_FIRST

PAGE_SIZE = 50


class KeysetPagination(BasePagination):
    cursor_query_param = "cursor"
    listed = "rows"  # what the count counts, for the schema and the cache

    def sort_keys(self, request: Request) -> tuple[Any, ...]:
        raise NotImplementedError

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any]:
        keys = self.sort_keys(request)
        token = request.query_params.get(self.cursor_query_param)
        self.request = request
        try:
            cursor = Cursor.decode(token, len(keys)) if token else None
            self.page: KeysetPage[Any] = keyset_page(queryset, keys, cursor=cursor, size=PAGE_SIZE)
        except InvalidCursor as error:
            raise NotFound(str(error)) from None
        query = request.query_params.copy()
        query.pop(self.cursor_query_param, None)
        self.total: Total = total(queryset, cache_key=f"api-{self.listed}:{query.urlencode()}")
        return self.page.rows

    def _link(self, cursor: Cursor | None) -> str | None:
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, cursor.encode())

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {
                "count": self.total.count,
                "count_is_exact": self.total.exact,
                "next": self._link(self.page.next),
                "previous": self._link(self.page.previous),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["count", "count_is_exact", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "count_is_exact": {
                    "type": "boolean",
                    "description": f"False past 10,000 {self.listed}: the count is then at "
                    "most a few minutes old.",
                },
                "next": link,
                "previous": link,
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where the page starts: the value of the previous page's "
                "`next` or `previous` link.",
                "schema": {"type": "string"},
            }
        ]


class ClaimCursorPagination(KeysetPagination):
    listed = "claims"

    def sort_keys(self, request: Request) -> tuple[Any, ...]:
        # the filter has refused an unknown sort already
        return SORT_KEYS[request.query_params.get("sort") or "contested"]


class SourceCursorPagination(KeysetPagination):
    """Newest first, as the site's source list."""

    listed = "sources"

    def sort_keys(self, request: Request) -> tuple[Any, ...]:
        return LATEST_FIRST


class TopicCursorPagination(KeysetPagination):
    """By title, on the topics' title index."""

    listed = "topics"

    def sort_keys(self, request: Request) -> tuple[Any, ...]:
        return TOPIC_KEYS


class ClaimantCursorPagination(KeysetPagination):
    """By name (unique, so its own index)."""

    listed = "claimants"

    def sort_keys(self, request: Request) -> tuple[Any, ...]:
        return (F("name"),)
