"""Issuing and revoking API tokens."""

import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from nghiquyet.api.models import ApiToken, token_digest
from nghiquyet.core.validation import create_checked


@transaction.atomic
def api_token_create(*, user: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; the raw key is returned once and never stored."""
    raw = f"nq_{secrets.token_urlsafe(32)}"
    token = create_checked(ApiToken, user=user, name=name, digest=token_digest(raw))
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
