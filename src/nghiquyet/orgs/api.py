"""API over places and bodies."""

import datetime as dt

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from nghiquyet.api.pagination import Page
from nghiquyet.orgs.access import Action, get_for, scope
from nghiquyet.orgs.models import Body, Place

router = Router(tags=["orgs"])


class PlaceOut(Schema):
    id: int
    code: str
    name: str
    level: str
    map: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor_id: int | None


class BodyOut(Schema):
    id: int
    name: str
    kind: str
    province_id: int | None
    parent_id: int | None
    issuer_code: str


@router.get("/places/{place_id}", response=PlaceOut, auth=None)
def place_detail(request: HttpRequest, place_id: int):
    """A unit of either map; public reference data."""
    return get_object_or_404(Place, pk=place_id)


@router.get("/bodies", response=list[BodyOut])
@paginate(Page)
def body_list(request: HttpRequest):
    return scope(Body.objects.all(), request.user, Action.VIEW)


@router.get("/bodies/{body_id}", response=BodyOut)
def body_detail(request: HttpRequest, body_id: int):
    return get_for(Body, request.user, Action.VIEW, pk=body_id)
