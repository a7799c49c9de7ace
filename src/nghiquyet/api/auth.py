"""Authentication for the JSON API: a bearer token for scripts, the session for pages.

Wrong tokens count as failed sign-ins of one pseudo-account per address, so that
guessing keys from one address is locked out like guessing a password.
"""

from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from nghiquyet.api.models import ApiToken, token_digest
from nghiquyet.core.lockout import STATUS, lockout_message

#: The name wrong tokens are counted under; no username can contain spaces.
TOKEN_ACCOUNT = "API token"
#: "Last used" tells the office which keys are still in use, to the minute; writing it
#: on every call of a script sending figures would add a write to each of its requests.
USE_RECORDED_EVERY = timedelta(minutes=1)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        credentials = {"username": TOKEN_ACCOUNT}
        if not AxesProxyHandler.is_allowed(request, credentials):
            raise HttpError(STATUS, lockout_message())
        match = (
            ApiToken.objects.select_related("user")
            .filter(digest=token_digest(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if match is None:
            user_login_failed.send(sender=type(self), credentials=credentials, request=request)
            return None
        now = timezone.now()
        if match.last_used_at is None or now - match.last_used_at >= USE_RECORDED_EVERY:
            ApiToken.objects.filter(pk=match.pk).update(last_used_at=now)
        request.user = match.user
        return match.user


AUTH = [TokenAuth(), SessionAuth()]


def _public(request: HttpRequest) -> AnonymousUser:
    """Lets a request without credentials through as the public (it sees public rows only)."""
    return AnonymousUser()


#: For reads open to the public: a token or a session if given, else the public.
READ_AUTH = [*AUTH, _public]
