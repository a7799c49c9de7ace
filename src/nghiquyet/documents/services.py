"""Writes on documents: one function per business action, each in one transaction.

Every function takes the acting ``user``, asks :mod:`nghiquyet.orgs.access` whether
the action is allowed (``PermissionDenied`` if not), and refuses bad input with a
``ValidationError`` in the user's language before anything is saved. History
records who did it, whether the call came from a page, the API or a script.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.core.history import history_attribute
from nghiquyet.core.validation import check_fields, create_checked
from nghiquyet.documents.models import (
    Attachment,
    Document,
    DocumentKind,
    DocumentLink,
    DocumentVersion,
)
from nghiquyet.documents.search import search_text_of
from nghiquyet.documents.symbols import symbol_validate
from nghiquyet.orgs.access import Action, can, can_create, scope
from nghiquyet.orgs.models import Body, Term

#: What an attachment may be: scans, office documents, spreadsheets, images, archives.
ATTACHMENT_EXTENSIONS = {
    ".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".jpg", ".jpeg", ".png", ".zip",
}  # fmt: skip
ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024

#: The fields ``document_update`` changes; status changes go through adopt and links.
EDITABLE_FIELDS = ("kind", "title", "symbol", "number", "issuer", "issued_on", "term", "text")
EDITABLE_FIELDS += ("is_public",)


def _require_change(user: Any, document: Document) -> None:
    if not can(user, Action.CHANGE, document):
        raise PermissionDenied


def _require_create(user: Any, issuer: Body) -> None:
    """The office records its province's documents; a central one any office may record.

    Central documents (Politburo, Central Committee) belong to no province, so
    ``can_create`` has no province to ask about; the access layer's model-level
    permission answers instead (an office clerk or an administrator).
    """
    if issuer.province is None:
        allowed = user.has_perm("documents.add_document")
    else:
        allowed = can_create(user, Document, province=issuer.province)
    if not allowed:
        raise PermissionDenied


def _errors_of(document: Document, *, number_entered: str) -> dict[str, list[str]]:
    """Every problem with ``document`` as it would be saved, by field."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not document.title.strip():
        add("title", _("Enter the title of the document."))
    if document.kind not in DocumentKind.values:
        add("kind", _("Choose the kind of document."))
    if document.issued_on and document.issued_on > timezone.localdate():
        add("issued_on", _("The date of issue cannot be in the future."))
    if document.term_id and document.term.body.province_id != document.issuer.province_id:
        add("term", _("The term belongs to another province than the issuing body."))
    provincial = document.issuer.province_id is not None
    if provincial and document.is_public and document.status == Document.Status.DRAFT:
        add("is_public", _("A draft cannot be published; mark it as adopted first."))
    if document.symbol and "kind" not in errors:
        try:
            parsed = symbol_validate(
                document.symbol,
                kind=document.kind,
                issuer_code=document.issuer.issuer_code,
                number=number_entered,
                year=document.issued_on.year if document.issued_on else None,
            )
        except ValidationError as exc:
            for message in exc.message_dict.get("symbol", exc.messages):
                add("symbol", message)
        else:
            document.symbol = str(parsed)
            document.number = parsed.number
    if document.symbol and "symbol" not in errors:
        _check_unique(document, add)
    return errors


def _check_unique(document: Document, add) -> None:
    """The same document is never entered twice: one symbol per issuer, deleted ones too."""
    same = Document.all_objects.filter(issuer=document.issuer, symbol=document.symbol).exclude(
        pk=document.pk
    )
    values = {"symbol": document.symbol, "issuer": document.issuer}
    if same.filter(deleted_at__isnull=True).exists():
        add("symbol", _("Document %(symbol)s of %(issuer)s is already in the system.") % values)
    elif same.exists():
        add(
            "symbol",
            _(
                "Document %(symbol)s of %(issuer)s was deleted; restore it from the "
                "deleted documents instead of entering it again."
            )
            % values,
        )


def _save_checked(document: Document, *, user: Any, number_entered: str) -> Document:
    errors = _errors_of(document, number_entered=number_entered)
    if errors:
        raise ValidationError(errors)
    check_fields(document)
    if document.issuer.province_id is None:
        # Central documents are published nationally; every province must see them to link.
        document.is_public = True
    document.province_id = document.issuer.province_id
    document.search_text = search_text_of(document)
    history_attribute(document, user)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as exc:
        # Someone saved the same symbol between our check and our save.
        values = {"symbol": document.symbol, "issuer": document.issuer}
        raise ValidationError(
            {"symbol": _("Document %(symbol)s of %(issuer)s is already in the system.") % values}
        ) from exc
    return document


@transaction.atomic
def document_create(
    *,
    user: Any,
    kind: str,
    title: str,
    issuer: Body,
    symbol: str = "",
    number: str = "",
    issued_on: dt.date | None = None,
    term: Term | None = None,
    status: str = Document.Status.DRAFT,
    is_public: bool = False,
    text: str = "",
) -> Document:
    """Record a document: a resolution, directive, plan, report, project or draft.

    A symbol is parsed and checked against the kind, the issuer and the number;
    the number is taken from the symbol when only the symbol is given.
    """
    _require_create(user, issuer)
    document = Document(
        kind=kind,
        title=title.strip(),
        issuer=issuer,
        symbol=symbol.strip(),
        number=number.strip(),
        issued_on=issued_on,
        term=term,
        status=status,
        is_public=is_public,
        text=text,
    )
    return _save_checked(document, user=user, number_entered=number)


@transaction.atomic
def document_update(*, user: Any, document: Document, data: Mapping[str, Any]) -> Document:
    """Correct a document's particulars (any of :data:`EDITABLE_FIELDS`)."""
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"document_update cannot change {sorted(unknown)}")
    document = Document.objects.select_for_update().get(pk=document.pk)
    _require_change(user, document)
    new_issuer = data.get("issuer")
    if new_issuer is not None and new_issuer.pk != document.issuer_id:
        _require_create(user, new_issuer)
    for field, value in data.items():
        setattr(document, field, value.strip() if isinstance(value, str) else value)
    number = data.get("number", "" if "symbol" in data else document.number)
    return _save_checked(document, user=user, number_entered=number)


@transaction.atomic
def document_adopt(
    *,
    user: Any,
    document: Document,
    issued_on: dt.date | None = None,
    symbol: str = "",
) -> Document:
    """A draft is adopted (thông qua, ban hành), usually receiving its symbol and date now.

    Documents it replaces become superseded in the same transaction.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    _require_change(user, document)
    if document.status != Document.Status.DRAFT:
        raise ValidationError(
            _("Only a draft can be adopted; this document is %(status)s.")
            % {"status": document.get_status_display().lower()}
        )
    document.status = Document.Status.ADOPTED
    document.issued_on = issued_on or document.issued_on
    number_entered = document.number
    if symbol.strip():
        document.symbol, number_entered = symbol.strip(), ""
    _save_checked(document, user=user, number_entered=number_entered)
    for link in document.outgoing_links.filter(kind=DocumentLink.Kind.REPLACES):
        _supersede(link.target, user=user)
    return document


@transaction.atomic
def document_publish(*, user: Any, document: Document) -> Document:
    """Publish an adopted document on the public portal, with its targets and approved figures.

    A draft is never published: what citizens read is what the body adopted. The
    history row of the change is the publication record the portal lists.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    _require_change(user, document)
    if document.status == Document.Status.DRAFT:
        raise ValidationError(_("A draft cannot be published; mark it as adopted first."))
    if document.is_public:
        raise ValidationError(_("This document is already published."))
    document.is_public = True
    document._change_reason = "published"
    history_attribute(document, user)
    document.save(update_fields=["is_public"])
    return document


@transaction.atomic
def document_unpublish(*, user: Any, document: Document) -> Document:
    """Take a document off the public portal (published by mistake); the history keeps both."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    _require_change(user, document)
    if document.province_id is None:
        raise ValidationError(_("Central documents stay public."))
    if not document.is_public:
        raise ValidationError(_("This document is not published."))
    document.is_public = False
    document._change_reason = "unpublished"
    history_attribute(document, user)
    document.save(update_fields=["is_public"])
    return document


def _supersede(document: Document, *, user: Any) -> None:
    if document.status == Document.Status.ADOPTED:
        document.status = Document.Status.SUPERSEDED
        history_attribute(document, user)
        document.save(update_fields=["status"])


@transaction.atomic
def document_link(*, user: Any, source: Document, target: Document, kind: str) -> DocumentLink:
    """Record that ``source`` implements, replaces, amends or reviews ``target``.

    The link belongs to the source, so changing the source is what needs
    permission; the target need only be visible. Replacing a document also
    changes it (it becomes superseded once the replacement is adopted), so that
    needs permission on the target too.
    """
    _require_change(user, source)
    if not can(user, Action.VIEW, target):
        raise PermissionDenied
    if kind not in DocumentLink.Kind.values:
        raise ValidationError({"kind": _("Choose how the documents are linked.")})
    if kind == DocumentLink.Kind.REPLACES and not can(user, Action.CHANGE, target):
        raise ValidationError({"target": _("You may replace only documents of your own province.")})
    if source.pk == target.pk:
        raise ValidationError({"target": _("A document cannot be linked to itself.")})
    values = {"source": source, "target": target}
    if DocumentLink.objects.filter(source=source, target=target, kind=kind).exists():
        raise ValidationError({"target": _("This link is already recorded.")})
    if DocumentLink.objects.filter(source=target, target=source, kind=kind).exists():
        raise ValidationError(
            {
                "target": _(
                    "%(target)s already has this link to %(source)s; it cannot go both ways."
                )
                % values
            }
        )
    link = DocumentLink(source=source, target=target, kind=kind)
    check_fields(link)
    history_attribute(link, user)
    link.save()
    if kind == DocumentLink.Kind.REPLACES and source.status == Document.Status.ADOPTED:
        _supersede(target, user=user)
    return link


@transaction.atomic
def document_unlink(*, user: Any, link: DocumentLink) -> None:
    """Remove a link entered by mistake (the history keeps it)."""
    _require_change(user, link.source)
    history_attribute(link, user)
    link.delete()


@transaction.atomic
def document_version_add(
    *,
    user: Any,
    document: Document,
    origin: str,
    text: str = "",
    file: UploadedFile | None = None,
    note: str = "",
) -> DocumentVersion:
    """Add the next version of a document's content; earlier versions are never touched."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    _require_change(user, document)
    if origin not in DocumentVersion.Origin.values:
        raise ValidationError({"origin": _("Choose where this version comes from.")})
    if not text.strip() and not file:
        raise ValidationError({"text": _("A version needs its text or a file.")})
    if file:
        _check_file(file, field="file")
    latest = document.versions.aggregate(latest=Max("number"))["latest"] or 0
    return create_checked(
        DocumentVersion,
        document=document,
        number=latest + 1,
        origin=origin,
        text=text,
        file=file or "",
        note=note.strip(),
        created_by=user if user.is_authenticated else None,
    )


def _check_file(file: UploadedFile, *, field: str) -> None:
    extension = os.path.splitext(file.name)[1].lower()
    if extension not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            {
                field: _("Files of type %(ext)s cannot be attached; use one of %(allowed)s.")
                % {"ext": extension or "?", "allowed": ", ".join(sorted(ATTACHMENT_EXTENSIONS))}
            }
        )
    if file.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {field: _("The file is larger than %(mb)s MB.") % {"mb": ATTACHMENT_MAX_BYTES >> 20}}
        )


@transaction.atomic
def document_attach(
    *, user: Any, document: Document, file: UploadedFile, name: str = ""
) -> Attachment:
    """Attach a file to a document: the signed scan, an annex, a table of targets."""
    _require_change(user, document)
    _check_file(file, field="file")
    attachment = Attachment(
        document=document,
        file=file,
        name=name.strip() or os.path.basename(file.name),
        uploaded_by=user,
    )
    check_fields(attachment)
    history_attribute(attachment, user)
    attachment.save()
    return attachment


@transaction.atomic
def document_delete(*, user: Any, document: Document) -> None:
    """Move a document to the deleted documents; it can be restored."""
    _require_change(user, document)
    history_attribute(document, user)
    document.soft_delete()


@transaction.atomic
def document_restore(*, user: Any, document: Document) -> Document:
    """Bring back a deleted document, unless the same symbol has been entered since."""
    changeable = scope(Document.all_objects.filter(pk=document.pk), user, Action.CHANGE)
    if not changeable.exists():
        raise PermissionDenied
    if document.symbol:
        values = {"symbol": document.symbol, "issuer": document.issuer}
        if Document.objects.filter(issuer=document.issuer, symbol=document.symbol).exists():
            raise ValidationError(
                _(
                    "Document %(symbol)s of %(issuer)s has been entered again since it was "
                    "deleted; correct that one instead."
                )
                % values
            )
    history_attribute(document, user)
    document.restore()
    return document
