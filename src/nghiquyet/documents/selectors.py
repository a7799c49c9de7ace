"""Reads over documents, always narrowed to what the user may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents.models import Document, DocumentLink
from nghiquyet.documents.search import fold
from nghiquyet.orgs.access import Action, get_for, scope
from nghiquyet.orgs.models import Body


def document_list(
    *,
    user: Any,
    kind: str = "",
    status: str = "",
    year: int | None = None,
    issuer_id: int | None = None,
    query: str = "",
) -> QuerySet[Document]:
    """The documents ``user`` may see, filtered; ``query`` ignores case and diacritics."""
    documents = scope(Document.objects.select_related("issuer", "province"), user)
    if kind:
        documents = documents.filter(kind=kind)
    if status:
        documents = documents.filter(status=status)
    if year:
        documents = documents.filter(issued_on__year=year)
    if issuer_id:
        documents = documents.filter(issuer_id=issuer_id)
    if query := query.strip():
        documents = documents.filter(
            Q(search_text__contains=fold(query))
            | Q(title__icontains=query)
            | Q(symbol__icontains=query)
        )
    return documents


def document_get(*, user: Any, pk: int, action: Action = Action.VIEW) -> Document:
    """One document for ``user`` (404 when invisible, 403 when it may not be changed)."""
    return get_for(
        Document.objects.select_related("issuer", "province", "term"), user, action, pk=pk
    )


def document_find(*, issuer: Body, symbol: str) -> Document | None:
    """The live document ``issuer`` numbered ``symbol``, for imports that must not duplicate."""
    return Document.objects.filter(issuer=issuer, symbol=symbol).first()


def document_years(*, user: Any) -> list[int]:
    """The years in which the visible documents were issued, newest first (a filter's choices)."""
    years = (
        scope(Document.objects.filter(issued_on__isnull=False), user)
        .annotate(year=ExtractYear("issued_on"))
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def document_issuers(*, user: Any) -> QuerySet[Body]:
    """Bodies that may issue documents for ``user``: its province's, and the central ones.

    Central bodies (Politburo, Central Committee) are public reference data like
    the map, so every user can pick them as the issuer of a central document.
    """
    own = scope(Body.objects.all(), user, Action.VIEW).values("pk")
    return (
        Body.objects.filter(Q(pk__in=own) | Q(province__isnull=True, kind=Body.Kind.CENTRAL))
        .select_related("province")
        .order_by("province__short_name", "kind", "name")
    )


def document_deleted(*, user: Any) -> QuerySet[Document]:
    """The deleted documents ``user`` could restore."""
    return scope(
        Document.all_objects.filter(deleted_at__isnull=False).select_related("issuer"),
        user,
        Action.CHANGE,
    ).order_by("-deleted_at")


#: How a link reads from its target's side: Resolution 45 is "implemented by" the programme.
INCOMING_LABELS = {
    DocumentLink.Kind.IMPLEMENTS: _("implemented by"),
    DocumentLink.Kind.REPLACES: _("replaced by"),
    DocumentLink.Kind.AMENDS: _("amended by"),
    DocumentLink.Kind.REVIEWS: _("reviewed by"),
}


@dataclass(frozen=True)
class LinkRow:
    """A link as one document's page shows it: how it reads, and the document across it."""

    link: DocumentLink
    other: Document
    label: str


def document_links(*, user: Any, document: Document) -> tuple[list[LinkRow], list[LinkRow]]:
    """The links from ``document`` and the links to it, across visible, live documents only."""
    visible = scope(Document.objects.all(), user).values("pk")
    outgoing = DocumentLink.objects.filter(source=document, target__in=visible).select_related(
        "target__issuer"
    )
    incoming = DocumentLink.objects.filter(target=document, source__in=visible).select_related(
        "source__issuer"
    )
    return (
        [
            LinkRow(link, link.target, link.get_kind_display())
            for link in outgoing.order_by("kind", "target__issued_on")
        ],
        [
            LinkRow(link, link.source, INCOMING_LABELS[link.kind])
            for link in incoming.order_by("kind", "source__issued_on")
        ],
    )


def document_link_candidates(*, user: Any, document: Document) -> QuerySet[Document]:
    """Documents ``document`` may be linked to: every other visible one."""
    return document_list(user=user).exclude(pk=document.pk)
