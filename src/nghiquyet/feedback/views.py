"""Citizens' feedback endpoints (comment, rating, page view) and the office's moderation.

The visitor's endpoints take POSTs from the panel that ``{% feedback_panel %}``
draws on any public page; each is rate-limited per address, and a visitor over
the limit gets a polite page with status 429, never an error.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from nghiquyet.core.language import current_language
from nghiquyet.orgs.access import Action, get_for

from . import services
from .forms import CommentForm
from .models import PublicComment
from .selectors import moderation_queue, public_record_get

#: Crawlers and link previewers announce themselves; their visits are not readings.
BOTS = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit", re.IGNORECASE)


def _visitor_address(group: str, request: HttpRequest) -> str:
    """The visitor's address as the login lockout reads it: behind TRUSTED_PROXY_COUNT
    proxies the forwarded one, else every visitor would share the proxy's limit."""
    return get_client_ip_address(request) or "unknown"


def _limited(request: HttpRequest, group: str, rate_setting: str) -> bool:
    return is_ratelimited(
        request,
        group=f"feedback.{group}",
        key=_visitor_address,
        rate=getattr(settings, rate_setting),
        method="POST",
        increment=True,
    )


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "feedback/too_many.html", status=429)


def _own(request: HttpRequest, target: str) -> bool:
    return url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _back(request: HttpRequest, record) -> str:
    """Where the visitor came from, if it is on this site; else the record's own page."""
    target = request.POST.get("next", "")
    if _own(request, target):
        return target
    return record.get_absolute_url() if hasattr(record, "get_absolute_url") else "/"


def panel(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    """The readers' panel alone, for pages served from a cache to load after they open.

    A cached page cannot hold the panel: its captcha and comments change with every
    visitor and every moderation. The page that asked (htmx names it) is where the
    panel's forms send the visitor back and what its share links point at.
    """
    record = public_record_get(content_type_id=content_type_id, object_id=object_id)
    page = request.headers.get("HX-Current-URL", "")
    page = urlsplit(page).path if _own(request, page) else ""
    return render(request, "feedback/panel_alone.html", {"record": record, "page": page})


@require_POST
def comment_post(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    record = public_record_get(content_type_id=content_type_id, object_id=object_id)
    if _limited(request, "comment", "FEEDBACK_COMMENT_RATE"):
        return _too_many(request)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_submit(
                record=record,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                text=form.cleaned_data["text"],
                language=current_language(),
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(
                request,
                _("Thank you. Your comment will appear once the office has reviewed it."),
            )
            return redirect(_back(request, record) + "#feedback")
    return render(
        request,
        "feedback/comment_page.html",
        {"record": record, "form": form, "next": _back(request, record)},
        status=400,
    )


@require_POST
def rating_post(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    record = public_record_get(content_type_id=content_type_id, object_id=object_id)
    if _limited(request, "rating", "FEEDBACK_RATING_RATE"):
        return _too_many(request)
    answer = request.POST.get("useful")
    if answer not in ("yes", "no"):
        messages.error(request, _("Choose yes or no."))
        return redirect(_back(request, record) + "#feedback")
    if not request.session.session_key:
        request.session.save()
    try:
        services.rating_record(
            record=record, session_key=request.session.session_key, useful=answer == "yes"
        )
    except ValidationError as error:
        messages.info(request, error.messages[0])
    else:
        messages.success(request, _("Thank you for your answer."))
    return redirect(_back(request, record) + "#feedback")


@require_POST
def view_post(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    """Counted by the page's script after it loads, so a cached page still counts."""
    record = public_record_get(content_type_id=content_type_id, object_id=object_id)
    if _limited(request, "view", "FEEDBACK_VIEW_RATE"):
        return _too_many(request)
    if not BOTS.search(request.headers.get("User-Agent", "")):
        services.view_count_add(record=record)
    return HttpResponse(status=204)


@login_required
def moderation(request: HttpRequest) -> HttpResponse:
    """The office's queue: held comments first; published and hidden ones to revisit."""
    status = request.GET.get("status", PublicComment.Status.HELD)
    if status not in PublicComment.Status.values:
        raise Http404
    if not request.user.has_perm("feedback.change_publiccomment"):
        raise PermissionDenied
    comments = moderation_queue(user=request.user, status=status)
    return render(
        request,
        "feedback/moderation.html",
        {
            "comments": comments,
            "status": status,
            "statuses": PublicComment.Status.choices,
        },
    )


@login_required
@require_POST
def comment_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_for(PublicComment, request.user, Action.CHANGE, pk=pk)
    back = redirect(f"{reverse('feedback:moderation')}?status={comment.status}")
    try:
        if request.POST.get("action") == "publish":
            services.comment_publish(user=request.user, comment=comment)
            messages.success(request, _("The comment is published."))
        else:
            services.comment_hide(
                user=request.user, comment=comment, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("The comment is hidden."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return back
