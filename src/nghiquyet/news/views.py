"""The office's pages for news items: the list, preparing one from a meeting, editing,
publishing and unpublishing. The public pages are in :mod:`.public_views`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.meetings.models import Meeting
from nghiquyet.orgs.access import Action, can, get_for

from . import services
from .forms import NewsItemForm
from .models import NewsItem
from .selectors import news_items_for


def _refused(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def news_list(request: HttpRequest) -> HttpResponse:
    return render(request, "news/news_list.html", {"items": news_items_for(user=request.user)})


@login_required
@require_POST
def news_create(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = get_for(Meeting, request.user, Action.CHANGE, pk=meeting_pk)
    try:
        item = services.news_item_create_from_meeting(user=request.user, meeting=meeting)
    except ValidationError as error:
        _refused(request, error)
        existing = NewsItem.objects.filter(meeting=meeting).first()
        return redirect("news:detail", existing.pk) if existing else redirect("news:list")
    messages.success(request, _("The news item is prepared as a draft: check it, then publish."))
    return redirect("news:detail", item.pk)


@login_required
def news_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_for(NewsItem, request.user, Action.VIEW, pk=pk)
    may_change = can(request.user, Action.CHANGE, item)
    form = NewsItemForm(instance=item)
    if request.method == "POST":
        item = get_for(NewsItem, request.user, Action.CHANGE, pk=pk)
        form = NewsItemForm(request.POST, instance=NewsItem.objects.get(pk=pk))
        if form.is_valid():
            try:
                services.news_item_update(
                    user=request.user,
                    news_item=item,
                    **{f: form.cleaned_data[f] for f in form.fields},
                )
            except ValidationError as error:
                _refused(request, error)
            else:
                messages.success(request, _("The news item is saved."))
                return redirect("news:detail", item.pk)
    return render(
        request, "news/news_detail.html", {"item": item, "form": form, "may_change": may_change}
    )


@login_required
@require_POST
def news_publish(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_for(NewsItem, request.user, Action.CHANGE, pk=pk)
    try:
        if request.POST.get("action") == "unpublish":
            services.news_item_unpublish(user=request.user, news_item=item)
            messages.success(request, _("The news item is taken off the public portal."))
        else:
            services.news_item_publish(user=request.user, news_item=item)
            messages.success(request, _("The news item is published on the public portal."))
    except ValidationError as error:
        _refused(request, error)
    return redirect("news:detail", item.pk)
