"""Site-wide pages: the home page and the change history of any record."""

from django.apps import apps
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone

from nghiquyet.core.history import changes_of
from nghiquyet.core.worklist import work_for
from nghiquyet.orgs.access import Action, get_for


def home(request: HttpRequest) -> HttpResponse:
    """Who the user works as, and the work waiting for them today."""
    today = timezone.localdate()
    return render(
        request,
        "core/home.html",
        {"work": work_for(user=request.user, today=today), "today": today},
    )


def history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    """Who changed what and when, for any record the user may see."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    if not hasattr(model, "history") or not hasattr(model, "access_scope"):
        raise Http404
    obj = get_for(model, request.user, Action.VIEW, pk=pk)
    return render(
        request, "core/history.html", {"object": obj, "changes": changes_of(obj, request.user)}
    )


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's, files).

    The icon's address is looked up per request: in production it carries the hash
    collectstatic gives it, which does not exist yet when the URLs are first read.
    """
    return HttpResponsePermanentRedirect(static("core/favicon.svg"))
