"""What a locked-out sign-in sees: a page in the site's layout, or JSON for the API.

django-axes counts the failures and decides; this only words the refusal, in the
user's language, with the wait that remains.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

STATUS = 429


def client_address(request: HttpRequest) -> str | None:
    """The address failures are counted under: the peer's, or behind TRUSTED_PROXY_COUNT
    proxies the one the outermost of them saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so
    the last ``count`` entries were written by our own proxies and cannot be forged; what
    stands before them came from the visitor. Behind nginx on a socket every peer
    address is nginx's, and without this one person's wrong passwords would lock the
    account for everyone. A request with no peer at all (a test client's forced login)
    has no address: None, which django-axes records as such, where a made-up word would
    be refused by PostgreSQL's address column.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR") or None


def lockout_minutes() -> int:
    return math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)


def lockout_message() -> str:
    return _(
        "Too many failed sign-ins: this account is locked from this address for "
        "%(minutes)s minutes. Try again later or ask the administrator to unlock it."
    ) % {"minutes": lockout_minutes()}


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The 429 answer django-axes gives once the failure limit is reached."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": lockout_message()}, status=STATUS)
    context = {"message": lockout_message(), "minutes": lockout_minutes()}
    return render(request, "registration/locked_out.html", context, status=STATUS)
