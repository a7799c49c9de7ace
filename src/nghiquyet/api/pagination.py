"""Every list the API answers comes in pages, so no request reads a whole province at once.

The body stays the JSON array clients already read; ``limit`` and ``offset`` choose
the page and the ``X-Total-Count`` header says how many items there are in all. A
client that asks for nothing gets the first :data:`DEFAULT_LIMIT` items, enough for
any resolution's targets, and pages on with ``offset`` until a page comes back
shorter than ``limit``.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


class Page(PaginationBase):
    """``limit``/``offset`` paging that keeps the list as the response body."""

    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT,
            ge=1,
            le=MAX_LIMIT,
            description=f"How many items to answer: {DEFAULT_LIMIT} by default, at most "
            f"{MAX_LIMIT}. The X-Total-Count header gives the number of items in all.",
        )
        offset: int = Field(
            0, ge=0, description="How many items to skip: 0 for the first page, then limit…"
        )

    # The answer is the list itself (no wrapping object), as before paging existed.
    Output = None

    def paginate_queryset(
        self, queryset: Any, pagination: Input, request: HttpRequest, **params: Any
    ) -> list:
        start = pagination.offset
        items = list(queryset[start : start + pagination.limit])
        # A page that holds some items but fewer than asked is the last one: the total is
        # known without counting. Most lists (a target's figures, a resolution's targets)
        # fit in one page, and the count was one query of each such request.
        if 0 < len(items) < pagination.limit or (not items and start == 0):
            request.api_total_count = start + len(items)
        else:
            request.api_total_count = self._items_count(queryset)
        return items
