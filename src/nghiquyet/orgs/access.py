"""The one place that decides who may see and change what.

Every model that holds a province's data declares ``access_scope``, a mapping of
ORM paths::

    access_scope = {"province": "document__province", "agency": "owner", "public": "is_public"}

- ``province`` (required) leads to the province ``Place`` the record belongs to;
- ``agency`` (optional) leads to the owning ``Body``: an agency reporter works
  only on records of their own agency;
- ``public`` (optional) leads to a boolean: public records are readable by all.
- ``readers`` (optional) lists paths to further bodies whose reporters may read the
  record: a task's coordinating agencies and its supervising body;
- ``inspected`` (optional, True) lets the province's inspection committee (Ủy ban
  Kiểm tra) read every such record of its province, as Party rules require;
- ``invitees`` (optional) lists paths to users invited to the record: they read it
  whatever their province (a guest of the central Organisation Board at a
  provincial conference).

Views, the API, the admin and the CLI all ask :func:`can`, :func:`scope` or
:func:`get_for` and nothing else. An object check is the queryset check applied to
one row, so a list and a detail page can never disagree about what a user sees.

Roles (``Membership.Role``): the province office reads and changes everything of
its province; a leader reads everything of its province and changes nothing; an
agency reporter reads and changes its own agency's records and reads the
province's records that belong to no agency (its resolutions, its meetings);
anyone, signed in or not, reads public records; a superuser does everything.
A province's scope includes the units that merged into it, so Tây Ninh's office
manages Long An's pre-2025 records.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from nghiquyet.orgs.models import Body, Membership, Place

Role = Membership.Role


class Action(StrEnum):
    VIEW = "view"
    CHANGE = "change"


@dataclass(frozen=True)
class Principal:
    """What the permission layer needs to know about a user, loaded once per request."""

    is_admin: bool = False
    user_id: int | None = None
    role: str | None = None
    province_ids: frozenset[int] = frozenset()
    agency_id: int | None = None
    agency_kind: str | None = None

    @property
    def is_member(self) -> bool:
        return self.role is not None


ANONYMOUS = Principal()


#: Bumped when a membership, a body or a place changes: every principal kept in the
#: shared cache under an older number is then never read again.
PRINCIPALS_GENERATION = "access:principals"


def principal_for(user: Any) -> Principal:
    """The user's principal, cached on the user object for the rest of the request.

    With a shared cache (settings.SHARED_CACHE) it is also kept there between requests:
    reading the membership and the province's merged units took three queries, on
    every signed-in request. Whether the account is active or a superuser is read from
    the user itself each time, and the rest is forgotten as soon as it changes.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_nghiquyet_principal", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        principal = Principal(is_admin=True, user_id=user.pk)
    elif not settings.SHARED_CACHE:
        principal = _member_principal(user.pk)
    else:
        key = f"access:principal:{cache.get_or_set(PRINCIPALS_GENERATION, 1, None)}:{user.pk}"
        principal = cache.get(key)
        if principal is None:
            principal = _member_principal(user.pk)
            cache.set(key, principal, timeout=24 * 60 * 60)
    user._nghiquyet_principal = principal
    return principal


def _member_principal(user_id: int) -> Principal:
    membership = Membership.objects.select_related("body__province").filter(user=user_id).first()
    if membership is None or membership.body.province is None:
        return Principal(user_id=user_id)
    return Principal(
        user_id=user_id,
        role=membership.role,
        province_ids=frozenset(membership.body.province.lineage_ids()),
        agency_id=membership.body_id,
        agency_kind=membership.body.kind,
    )


def forget_principals(**kwargs: Any) -> None:
    """Forget every principal kept in the cache, once the change that calls this commits.

    After the commit, not before: a request reading the old rows in between would
    otherwise keep them under the new number.
    """
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    try:
        cache.incr(PRINCIPALS_GENERATION)
    except ValueError:
        cache.set(PRINCIPALS_GENERATION, 2, timeout=None)


def _scope_of(model: type[Model]) -> dict[str, str]:
    scope = getattr(model, "access_scope", None)
    if not scope or "province" not in scope:
        raise TypeError(f"{model.__name__} declares no access_scope with a province path")
    return scope


def scope_q(model: type[Model], principal: Principal, action: Action) -> Q | None:
    """The filter of the rows ``principal`` may act on; None means every row."""
    if principal.is_admin:
        return None
    scope = _scope_of(model)
    by_role = _role_q(model, scope, principal, action)
    if action != Action.VIEW or principal.user_id is None or not scope.get("invitees"):
        return by_role
    return by_role | _rows_naming(model, scope["invitees"], principal.user_id)


def _role_q(model: type[Model], scope: dict, principal: Principal, action: Action) -> Q:
    nothing = Q(pk__in=[])
    public = Q(**{scope["public"]: True}) if "public" in scope else nothing
    if not principal.is_member:
        return public if action == Action.VIEW else nothing

    in_province = Q(**{f"{scope['province']}__in": principal.province_ids})
    agency_path = scope.get("agency")
    own_agency = Q(**{agency_path: principal.agency_id}) if agency_path else nothing

    if principal.role == Role.OFFICE:
        return (in_province | public) if action == Action.VIEW else in_province
    if principal.role == Role.LEADER:
        return (in_province | public) if action == Action.VIEW else nothing
    if principal.role == Role.REPORTER:
        if action == Action.CHANGE:
            return in_province & own_agency
        if agency_path is None or (
            scope.get("inspected") and principal.agency_kind == Body.Kind.INSPECTION_COMMITTEE
        ):
            return in_province | public
        return (in_province & (own_agency | _read_by(model, scope, principal))) | public
    return nothing


def _read_by(model: type[Model], scope: dict, principal: Principal) -> Q:
    """Rows that name the principal's agency on one of the scope's ``readers`` paths."""
    return _rows_naming(model, scope.get("readers", ()), principal.agency_id)


def _rows_naming(model: type[Model], paths: tuple[str, ...], value: int | None) -> Q:
    """Rows where one of ``paths`` leads to ``value``.

    A subquery rather than a join, so that a many-to-many path (coordinating
    agencies, participants) never repeats a row in the caller's list.
    """
    condition = Q(pk__in=[])
    for path in paths:
        rows = model._base_manager.filter(**{path: value}).values("pk")
        condition |= Q(pk__in=rows)
    return condition


def scope(queryset: QuerySet, user: Any, action: Action = Action.VIEW) -> QuerySet:
    """Narrow ``queryset`` to the rows ``user`` may view (or change)."""
    condition = scope_q(queryset.model, principal_for(user), action)
    return queryset if condition is None else queryset.filter(condition)


def can(user: Any, action: Action, obj: Model) -> bool:
    """Whether ``user`` may perform ``action`` on the saved object ``obj``."""
    condition = scope_q(type(obj), principal_for(user), action)
    if condition is None:
        return True
    return type(obj)._default_manager.filter(condition, pk=obj.pk).exists()


def can_create(
    user: Any, model: type[Model], *, province: Place, agency_id: int | None = None
) -> bool:
    """Whether ``user`` may add a ``model`` record for ``province`` (and ``agency_id``).

    The office adds anything in its province; a reporter adds only records that
    belong to its own agency (an actual, a progress update).
    """
    principal = principal_for(user)
    if principal.is_admin:
        return True
    if not principal.is_member or province.pk not in principal.province_ids:
        return False
    if principal.role == Role.OFFICE:
        return True
    return (
        principal.role == Role.REPORTER
        and "agency" in _scope_of(model)
        and agency_id is not None
        and agency_id == principal.agency_id
    )


def get_for(queryset: QuerySet | type[Model], user: Any, action: Action, **lookup: Any) -> Model:
    """Fetch one object for ``user`` or refuse.

    A record the user may not even see is reported as missing (404), so that
    outsiders cannot probe which ids exist; a visible record the user may not
    change is a 403.
    """
    if not isinstance(queryset, QuerySet):
        queryset = queryset._default_manager.all()
    try:
        obj = scope(queryset, user, Action.VIEW).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
    if action != Action.VIEW and not can(user, action, obj):
        raise PermissionDenied
    return obj


def register_model_permissions(model: type[Model]) -> None:
    """Expose the access layer to Django's permission API (and so to the admin).

    ``user.has_perm("app.change_model", obj)`` answers exactly what :func:`can`
    answers; without an object it answers whether the user may work on such
    records at all (the office, or a superuser). The app's own permission
    (``user.has_module_perms``) answers the same, so the admin's index lists the apps
    the office works in instead of showing an empty page.
    """
    import rules

    def predicate_for(action: Action | None):
        def allowed(user: Any, obj: Model | None = None) -> bool:
            principal = principal_for(user)
            if obj is None or action is None:
                return principal.is_admin or principal.role == Role.OFFICE
            return can(user, action, obj)

        return rules.predicate(allowed, name=f"{model._meta.label_lower}:{action or 'add'}")

    opts = model._meta
    rules.set_perm(opts.app_label, predicate_for(None))
    for perm, action in (
        ("view", Action.VIEW),
        ("change", Action.CHANGE),
        ("delete", Action.CHANGE),
        ("add", None),
    ):
        rules.set_perm(f"{opts.app_label}.{perm}_{opts.model_name}", predicate_for(action))
