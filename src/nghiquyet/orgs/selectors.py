"""Reads over places and bodies."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from nghiquyet.orgs.models import Membership, Place


def place_provinces(*, on: dt.date | None = None) -> QuerySet[Place]:
    """The provinces in force on ``on`` (today's 34 when no date is given)."""
    qs = Place.objects.filter(level=Place.Level.PROVINCE)
    if on is None:
        return qs.filter(valid_to__isnull=True)
    return qs.exclude(valid_from__gt=on).exclude(valid_to__lt=on)


def place_find_province(name: str, *, on: dt.date | None = None) -> Place:
    """A province by its short or full name ("Long An", "Tỉnh Long An") on a date."""
    qs = place_provinces(on=on)
    match = qs.filter(short_name__iexact=name).first() or qs.filter(name__iexact=name).first()
    if match is None:
        raise Place.DoesNotExist(name)
    return match


def place_communes(province: Place) -> QuerySet[Place]:
    """The communes and wards directly under a current province (two-level government)."""
    return Place.objects.filter(parent=province, level=Place.Level.COMMUNE).order_by("name")


def province_of(user: Any) -> Place | None:
    """The province ``user`` works for (its body's), or None for administrators and the public."""
    if not getattr(user, "is_authenticated", False):
        return None
    membership = Membership.objects.select_related("body__province").filter(user=user).first()
    return membership.body.province if membership else None


def working_province(user: Any, requested: str | None = None) -> Place | None:
    """The province a page that works on one province (a plan, a "4 không") is about.

    A member works on its own. The system administrator belongs to none yet sees
    everything, so it names one with ``?province=<id>``; without one the page opens
    on the first province (by name) whose staff use the system, so that the menu's
    links work for it too. None for the public.
    """
    if province := province_of(user):
        return province
    if not getattr(user, "is_superuser", False):
        return None
    provinces = place_provinces().filter(bodies__memberships__isnull=False).distinct()
    if requested and requested.isdigit() and (chosen := provinces.filter(pk=requested).first()):
        return chosen
    return provinces.order_by("name").first()
