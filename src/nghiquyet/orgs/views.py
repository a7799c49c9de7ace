"""Pages about bodies: the list a user may see, and one body with its people."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from nghiquyet.orgs.access import Action, get_for, scope
from nghiquyet.orgs.models import Body


@login_required
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = scope(Body.objects.select_related("province", "parent"), request.user)
    if query := request.GET.get("q", "").strip():
        bodies = bodies.filter(name__icontains=query)
    return render(request, "orgs/body_list.html", {"bodies": bodies, "q": query})


@login_required
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    body = get_for(Body.objects.select_related("province"), request.user, Action.VIEW, pk=pk)
    offices = body.offices.select_related("person", "term")
    return render(request, "orgs/body_detail.html", {"body": body, "offices": offices})
