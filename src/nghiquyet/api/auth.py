"""Authentication for the JSON API: a bearer token for scripts, the session for pages."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from nghiquyet.api.models import ApiToken, token_digest


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        match = (
            ApiToken.objects.select_related("user")
            .filter(digest=token_digest(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if match is None:
            return None
        ApiToken.objects.filter(pk=match.pk).update(last_used_at=timezone.now())
        request.user = match.user
        return match.user


AUTH = [TokenAuth(), SessionAuth()]


def _public(request: HttpRequest) -> AnonymousUser:
    """Lets a request without credentials through as the public (it sees public rows only)."""
    return AnonymousUser()


#: For reads open to the public: a token or a session if given, else the public.
READ_AUTH = [*AUTH, _public]
