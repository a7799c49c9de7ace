"""The rendered body of a resolution's dashboard, kept until anything it shows changes.

A leader opens the same dashboard many times between two approvals; each render reads
the stored verdicts and draws the filters, the summary and a page of the table again.
With a shared cache that body (everything below the heading) is kept under a key made
of a generation number, the language, what decides which targets the user sees (the
access layer's principal: role, agency and provinces, never the person), the document
and the page's query. Anything a dashboard shows bumps a generation: the document's own
for its targets, their figures, the document itself and every refresh of its stored
verdicts (which bulk paths such as an Excel import go through); the generation of
every dashboard for an indicator or an agency, which many documents name. A reporter
sending a figure thus leaves the other resolutions' pages kept. Older keys are never
read again and expire on their own.

Only with a shared cache (``settings.SHARED_CACHE``): a per-process cache cannot hear
of a change committed by another server process, so there every request renders the
body afresh, as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest

from nghiquyet.core.language import current_language
from nghiquyet.orgs.access import principal_for

GENERATION_KEY = "targets:dashboards"
#: Long enough for a quiet day; any change ends it at once.
TIMEOUT = 24 * 60 * 60
#: The query parameters a dashboard reads. A request with any other is rendered afresh:
#: the page's links repeat every parameter, and the cache must not keep a body per
#: invented one.
PARAMETERS = frozenset({"period", "status", "owner", "sector", "order", "page"})


def dashboard_body(request: HttpRequest, document_id: int, build: Callable[[], str]) -> str:
    """``build()``'s body of document ``document_id``'s dashboard for this request,
    built once per generation.

    The generation is read before ``build`` reads anything: a body built from rows a
    change is about to replace is then kept under the number that change retires.
    """
    if not settings.SHARED_CACHE or not set(request.GET) <= PARAMETERS:
        return build()
    principal = principal_for(getattr(request, "user", None))
    seen_by = (
        principal.is_admin,
        principal.role,
        principal.agency_id,
        principal.agency_kind,
        tuple(sorted(principal.province_ids)),
    )
    query = sorted((name, request.GET.getlist(name)) for name in request.GET)
    digest = hashlib.sha256(repr((seen_by, query)).encode()).hexdigest()
    part = "rows" if getattr(request, "htmx", False) else "body"
    every, own = _generations(document_id)
    key = f"{GENERATION_KEY}:{every}.{own}:{current_language()}:{document_id}:{part}:{digest}"
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, timeout=TIMEOUT)
    return body


def _generations(document_id: int) -> tuple[int, int]:
    """The generation of every dashboard and that of document ``document_id``'s, in one
    round trip to the cache."""
    keys = [GENERATION_KEY, _document_key(document_id)]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, 1, timeout=None)
            found[key] = cache.get(key, 1)
    return found[keys[0]], found[keys[1]]


def _document_key(document_id: int) -> str:
    return f"{GENERATION_KEY}:document:{document_id}"


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, timeout=None)


def dashboards_forget(document_id: int | None = None) -> None:
    """Forget the kept bodies of document ``document_id``'s dashboard (of every
    dashboard when None) at once, and again when the change commits.

    At once, so that the changing transaction itself (and a test inside one) sees its
    change; at the commit, because a request served in between read the rows as they
    were before it and its body must not outlive the commit.
    """
    key = GENERATION_KEY if document_id is None else _document_key(document_id)
    _bump(key)
    transaction.on_commit(lambda: _bump(key))


def _forget_every(sender: type, instance: Any, **kwargs: Any) -> None:
    dashboards_forget()


def _forget_document(sender: type, instance: Any, **kwargs: Any) -> None:
    dashboards_forget(instance.pk)


def _forget_targets_document(sender: type, instance: Any, **kwargs: Any) -> None:
    dashboards_forget(instance.document_id)


def _forget_figures_document(sender: type, instance: Any, **kwargs: Any) -> None:
    """The figure's document, read once per figure written (writes are few beside reads);
    every dashboard when its target is gone already (a deletion cascading)."""
    from nghiquyet.targets.models import Target

    document_ids = Target._base_manager.filter(pk=instance.target_id).values_list(
        "document_id", flat=True
    )
    dashboards_forget(next(iter(document_ids), None))


def connect_invalidation() -> None:
    """Listen to the records a dashboard shows (called once, when the app is ready).

    The stored verdicts and periods are written in bulk by
    :func:`nghiquyet.targets.verdicts.verdicts_refresh`, which forgets the bodies itself.
    """
    from nghiquyet.documents.models import Document
    from nghiquyet.orgs.models import Body
    from nghiquyet.targets.models import Actual, Indicator, Target

    listeners = {
        Document: _forget_document,
        Target: _forget_targets_document,
        Actual: _forget_figures_document,
        Body: _forget_every,
        Indicator: _forget_every,
    }
    for model, listener in listeners.items():
        for signal in (post_save, post_delete):
            signal.connect(listener, sender=model, dispatch_uid=f"dashboards:{model.__name__}")
