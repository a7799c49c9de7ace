"""API over documents: list, detail, create, link; the same services and access rules as the pages.

Reading is open to everyone (public documents only, for anyone not signed in), so
a provincial portal can list the published resolutions; writing needs a token or
a session.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from nghiquyet.api.auth import READ_AUTH
from nghiquyet.api.pagination import Page
from nghiquyet.api.refusals import Refusal, refusal
from nghiquyet.documents import services
from nghiquyet.documents.models import Document
from nghiquyet.documents.selectors import (
    document_get,
    document_issuers,
    document_links,
)
from nghiquyet.documents.selectors import (
    document_list as select_documents,
)
from nghiquyet.orgs.access import Action
from nghiquyet.orgs.models import Term

router = Router(tags=["documents"])


class DocumentOut(Schema):
    id: int
    kind: str
    number: str
    symbol: str
    issuer_id: int | None
    issuer_name: str | None
    province_id: int | None
    term_id: int | None
    issued_on: dt.date | None
    title: str
    status: str
    is_public: bool

    @staticmethod
    def resolve_issuer_name(obj: Document) -> str | None:
        return obj.issuer.name if obj.issuer else None


class LinkOut(Schema):
    id: int
    kind: str
    source_id: int
    target_id: int


class DocumentDetailOut(DocumentOut):
    text: str
    links_out: list[LinkOut]
    links_in: list[LinkOut]


class DocumentIn(Schema):
    kind: str
    title: str
    issuer_id: int
    symbol: str = ""
    number: str = ""
    issued_on: dt.date | None = None
    term_id: int | None = None
    status: str = Document.Status.DRAFT
    is_public: bool = False
    text: str = ""


class LinkIn(Schema):
    target_id: int
    kind: str


class DocumentFilters(Schema):
    kind: str = ""
    status: str = ""
    year: int | None = None
    issuer_id: int | None = None
    q: str = ""


@router.get("/", response=list[DocumentOut], auth=READ_AUTH)
@paginate(Page)
def document_list(request: HttpRequest, filters: Query[DocumentFilters]):
    """The documents the caller may see, filtered like the register page."""
    return select_documents(
        user=request.user,
        kind=filters.kind,
        status=filters.status,
        year=filters.year,
        issuer_id=filters.issuer_id,
        query=filters.q,
    )


@router.get("/{document_id}", response=DocumentDetailOut, auth=READ_AUTH)
def document_detail(request: HttpRequest, document_id: int):
    """One document with its links both ways (to documents the caller may see)."""
    document = document_get(user=request.user, pk=document_id)
    outgoing, incoming = document_links(user=request.user, document=document)
    document.links_out = [row.link for row in outgoing]
    document.links_in = [row.link for row in incoming]
    return document


@router.post("/", response={201: DocumentOut, 400: Refusal})
def document_create(request: HttpRequest, payload: DocumentIn):
    """Record a document; a duplicate symbol or a symbol that contradicts the kind is refused."""
    if not request.user.has_perm("documents.add_document"):
        raise PermissionDenied
    issuer = document_issuers(user=request.user).filter(pk=payload.issuer_id).first()
    if issuer is None:
        return refusal(ValidationError({"issuer_id": _("No such issuing body.")}))
    term = None
    if payload.term_id is not None:
        term = Term.objects.filter(pk=payload.term_id, body__province=issuer.province).first()
        if term is None:
            return refusal(ValidationError({"term_id": _("No such term of this province.")}))
    data = payload.dict(exclude={"issuer_id", "term_id"})
    try:
        document = services.document_create(user=request.user, issuer=issuer, term=term, **data)
    except ValidationError as error:
        return refusal(error)
    return Status(201, document)


@router.post("/{document_id}/links", response={201: LinkOut, 400: Refusal})
def document_link(request: HttpRequest, document_id: int, payload: LinkIn):
    """Record that this document implements (replaces, amends, reviews) another."""
    source = document_get(user=request.user, pk=document_id, action=Action.CHANGE)
    target = document_get(user=request.user, pk=payload.target_id)
    try:
        link = services.document_link(
            user=request.user, source=source, target=target, kind=payload.kind
        )
    except ValidationError as error:
        return refusal(error)
    return Status(201, link)
