"""Sign-in by password, with permissions left to the access layer alone.

Django's ModelBackend both checks passwords and grants the permissions stored in its
own tables (a user's or a group's). nghiquyet never grants those: who may do what is
decided only in :mod:`nghiquyet.orgs.access`, which answers ``has_perm`` through the
rules backend. Asked anyway, ModelBackend read both tables (two queries) on every page
whose menu asks ``perms`` for a leader or a reporter, to find them empty.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    """ModelBackend's sign-in, granting no permission of its own."""

    def get_user_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()
