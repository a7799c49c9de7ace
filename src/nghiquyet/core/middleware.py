"""Vietnamese first: pages speak Vietnamese unless the user picked English in the header."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class VietnameseFirstMiddleware:
    """Ignore the browser's language on pages; keep the user's own choice.

    Officials often run an English-language browser, yet expect the province's
    system in Vietnamese, as on the provincial portals. A choice made with the
    language switch (a cookie) is kept; the JSON API still honours
    Accept-Language, which scripts set on purpose. Runs before LocaleMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
