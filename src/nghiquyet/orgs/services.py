"""Writes on bodies and people: one function per business action."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from nghiquyet.core.validation import create_checked
from nghiquyet.orgs.models import Body, Membership


@transaction.atomic
def member_create(
    *,
    username: str,
    password: str,
    body: Body,
    role: Membership.Role,
    full_name: str = "",
    email: str = "",
) -> AbstractBaseUser:
    """Create a user who works for ``body`` in ``role``.

    Office staff get the admin (back-office) too; reporters and leaders use the
    pages only.
    """
    first, _, last = full_name.rpartition(" ")
    user = get_user_model().objects.create_user(
        username=username,
        password=password,
        email=email,
        first_name=first,
        last_name=last,
        is_staff=role == Membership.Role.OFFICE,
    )
    create_checked(Membership, user=user, body=body, role=role)
    return user
