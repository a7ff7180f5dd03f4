"""The claim list's pages in the API: keyset pages (``claims.keyset``), so that the 2,000th
page costs what the first does, with ``next`` and ``previous`` links that carry a cursor and a
``count`` that is exact up to 10,000 and otherwise recounted every few minutes
(``count_is_exact`` says which)."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from claims.keyset import Cursor, InvalidCursor, KeysetPage, Total, keyset_page, total
from claims.models import SORT_KEYS, Claim

PAGE_SIZE = 50


class ClaimCursorPagination(BasePagination):
    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any]:
        # the filter has refused an unknown sort already
        keys = SORT_KEYS[request.query_params.get("sort") or "contested"]
        token = request.query_params.get(self.cursor_query_param)
        try:
            cursor = Cursor.decode(token, len(keys)) if token else None
        except InvalidCursor as error:
            raise NotFound(str(error)) from None
        self.request = request
        self.page: KeysetPage[Claim] = keyset_page(queryset, keys, cursor=cursor, size=PAGE_SIZE)
        query = request.query_params.copy()
        query.pop(self.cursor_query_param, None)
        self.total: Total = total(queryset, cache_key=f"api-claims:{query.urlencode()}")
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
                    "description": "False past 10,000 claims: the count is then at most a few "
                    "minutes old.",
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
