"""The JSON API (OpenAPI at /api/docs). Each app contributes a router from its ``api.py``.

Every operation authenticates with a token or the session and answers through the
same access layer as the pages (``nghiquyet.orgs.access``).
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from nghiquyet.api.auth import AUTH
from nghiquyet.api.inputs import ExactParser
from nghiquyet.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from nghiquyet.core.validation import TEXT_RULE


class Api(NinjaAPI):
    """The project's API: answers carry the total of a paged list (see ``api.pagination``)."""

    def create_response(self, request: HttpRequest, data: Any, **kwargs: Any) -> HttpResponse:
        response = super().create_response(request, data, **kwargs)
        total = getattr(request, "api_total_count", None)
        if total is not None:
            response["X-Total-Count"] = str(total)
        return response


api = Api(
    title="nghiquyet API",
    version="1",
    description=(
        "Resolutions, targets, actuals, tasks and meetings of a province. Every list "
        f"answers at most `limit` items (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}) "
        "from `offset`; the X-Total-Count header gives the total. " + TEXT_RULE
    ),
    auth=AUTH,
    parser=ExactParser(),
    urls_namespace="api",
)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied):
    detail = _("You may not change this record.")
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(OverflowError)
@api.exception_handler(DataError)
def out_of_range(request: HttpRequest, exc: Exception):
    """An id or count beyond what the database holds (10^20 as an id) names nothing.

    Figures and stored values are refused earlier, by the services; this answers
    the lookups, which SQLite cannot even send and PostgreSQL refuses.
    """
    detail = _("A number in the request is too large.")
    return api.create_response(request, {"detail": detail, "errors": {}}, status=400)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


api.add_router("/orgs/", "nghiquyet.orgs.api.router")
api.add_router("/documents/", "nghiquyet.documents.api.router")
api.add_router("/targets/", "nghiquyet.targets.api.router")
api.add_router("/tasks/", "nghiquyet.tasks.api.router")
api.add_router("/meetings/", "nghiquyet.meetings.api.router")
api.add_router("/reports/", "nghiquyet.reports.api.router")
